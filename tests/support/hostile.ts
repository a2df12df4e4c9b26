import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT } from './build.ts';

export const TINY_ENTRIES = 10_000;
export const BIG_FILE_BYTES = 5 * 1024 * 1024;
export const LONG_TITLE = `A very long headline ${'that keeps going '.repeat(60)}`.trim().slice(0, 1000);

/** Captures that are too big, too many or too empty, made on the fly rather than committed. */
export function oversizedSeeds(): Record<string, string> {
  const paragraph = 'Paragraph text of a very long capture, repeated to make the seed file large. '.repeat(20);
  const capture = (n: number) => `Big file capture number ${n}\n\nSource: Bulk Wire\n${`${paragraph}\n\n`.repeat(6)}`;
  let big = '';
  for (let n = 1; Buffer.byteLength(big) < BIG_FILE_BYTES; n++) big += `${capture(n)}\n\n\n`;
  const tiny = Array.from({ length: TINY_ENTRIES }, (_, n) => `Tiny entry ${n + 1}\n\nTiny teaser ${n + 1} …`).join('\n\n\n');
  return {
    'big.txt': big,
    'tiny.txt': `${tiny}\n`,
    'long-title.txt': `${LONG_TITLE}\n\nThe headline above is a thousand characters long.\n`,
    'blank.txt': ' \n\t\n\u00a0\n',
    'notes.md': '# Not a seed\n',
  };
}

/** The committed hostile fixtures plus the generated oversized ones, in a fresh temporary seed folder. */
export async function makeHostileSeeds(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'news-archive-hostile-'));
  await cp(join(PROJECT, 'tests/fixtures/hostile'), dir, { recursive: true });
  for (const [file, text] of Object.entries(oversizedSeeds())) await writeFile(join(dir, file), text);
  return dir;
}
