import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

/**
 * Every word a written Pagefind bundle indexed (stemmed, as its search looks them up): the keys of
 * its `index/*.pf_index` chunks.
 */
export function bundleWords(bundle: string): string[] {
  const folder = join(bundle, 'index');
  return readdirSync(folder).flatMap((file) => indexChunkWords(gunzipSync(readFileSync(join(folder, file))), `${folder}/${file}`));
}

/**
 * The words of one decompressed index chunk: its signature, then CBOR (definite lengths only, as
 * Pagefind writes them) of `[[[word, pages, variants], …]]` (pagefind_web/src/index.rs).
 */
export function indexChunkWords(chunk: Buffer, name = 'index chunk'): string[] {
  if (chunk.toString('latin1', 0, SIGNATURE.length) !== SIGNATURE) throw new Error(`${name}: not a Pagefind index chunk`);
  let at = SIGNATURE.length;
  const item = (): [major: number, value: number] => {
    const first = chunk[at++];
    const major = first >> 5;
    const info = first & 31;
    if (info < 24) return [major, info];
    const size = 1 << (info - 24);
    if (info > 27 || at + size > chunk.length) throw new Error(`${name}: unexpected CBOR at byte ${at - 1}`);
    const value = size === 8 ? Number(chunk.readBigUInt64BE(at)) : chunk.readUIntBE(at, size);
    at += size;
    return [major, value];
  };
  const skip = () => {
    const [major, value] = item();
    if (major === 2 || major === 3) at += value;
    else if (major === 4) for (let i = 0; i < value; i++) skip();
    else if (major === 5) for (let i = 0; i < 2 * value; i++) skip();
  };
  const array = () => {
    const [major, length] = item();
    if (major !== 4) throw new Error(`${name}: expected an array at byte ${at - 1}`);
    return length;
  };
  array();
  const words: string[] = [];
  for (let count = array(), i = 0; i < count; i++) {
    const fields = array();
    const [major, length] = item();
    if (major !== 3) throw new Error(`${name}: expected a word at byte ${at - 1}`);
    words.push(chunk.toString('utf8', at, (at += length)));
    for (let field = 1; field < fields; field++) skip();
  }
  return words;
}
