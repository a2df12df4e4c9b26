/** A rebuild parses only the seed files that changed (scripts/lib/seed-memo.ts), and gets the records a whole parse gets. */
import { cp, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordsJson } from '../../src/ingest/handover.ts';
import { parseSeedDir, parseSeedFile, type SeedFileResult } from '../../src/ingest/ingest.ts';
import { SeedMemo } from '../../scripts/lib/seed-memo.ts';

const scratch = await mkdtemp(join(tmpdir(), 'news-archive-seed-memo-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A memo that also counts the files it had to parse. */
function counting(folder: string, code = 'code', fresh = false) {
  const memo = new SeedMemo(folder, code, { fresh });
  const parsed: string[] = [];
  return {
    memo: { parsed: (file: string, bytes: Uint8Array, parse: () => SeedFileResult) => memo.parsed(file, bytes, () => (parsed.push(file), parse())) },
    save: () => memo.save(),
    parsed,
  };
}

describe('SeedMemo', () => {
  it('gives the records and problems a whole parse gives, parsing again only the files that changed', async () => {
    const seeds = join(scratch, 'seeds');
    const folder = join(scratch, 'memo');
    await cp('tests/fixtures/captures', seeds, { recursive: true });
    const whole = await parseSeedDir(seeds);
    const first = counting(folder);
    expect(await parseSeedDir(seeds, first.memo)).toEqual(whole);
    expect(first.parsed).toHaveLength(11);
    await first.save();

    const second = counting(folder);
    const remembered = await parseSeedDir(seeds, second.memo);
    expect(second.parsed).toEqual([]);
    expect(recordsJson(remembered.articles)).toBe(recordsJson(whole.articles));
    expect(remembered.problems).toEqual(whole.problems);

    await writeFile(join(seeds, 'bbc-aleppo.txt'), 'Convoy halted near Aleppo\n\nAid trucks waited at the checkpoint for a second day.\n');
    await rm(join(seeds, 'tass-ru.txt'));
    const third = counting(folder);
    const edited = await parseSeedDir(seeds, third.memo);
    expect(third.parsed).toEqual(['bbc-aleppo.txt']);
    expect(recordsJson(edited.articles)).toBe(recordsJson((await parseSeedDir(seeds)).articles));
    await third.save();
    // What the last parse did not ask for is forgotten: the old bbc-aleppo.txt and tass-ru.txt.
    expect(await readdir(folder)).toHaveLength(10);
  });

  it('parses every file again for other parser code, or when told to start fresh', async () => {
    const seeds = join(scratch, 'seeds-2');
    const folder = join(scratch, 'memo-2');
    await cp('tests/fixtures/captures', seeds, { recursive: true });
    const first = counting(folder);
    await parseSeedDir(seeds, first.memo);
    await first.save();
    const otherCode = counting(folder, 'other code');
    await parseSeedDir(seeds, otherCode.memo);
    expect(otherCode.parsed).toHaveLength(11);
    const fresh = counting(folder, 'code', true);
    await parseSeedDir(seeds, fresh.memo);
    expect(fresh.parsed).toHaveLength(11);
    // The same results under the same names: the files already there are left as they are.
    const written = async () => new Map(await Promise.all((await readdir(folder)).map(async (name) => [name, (await stat(join(folder, name))).mtimeMs] as const)));
    const before = await written();
    await fresh.save();
    expect(await written()).toEqual(before);
  });

  it('remembers a file that could not be parsed as what it was: an error naming its line', async () => {
    const folder = join(scratch, 'memo-3');
    const bytes = Buffer.from('Title\n\n\xff\xfe broken\n', 'latin1');
    const first = counting(folder);
    const result = first.memo.parsed('broken.txt', bytes, () => parseSeedFile('broken.txt', bytes));
    expect(result.problems[0]).toMatchObject({ file: 'broken.txt', line: 3, severity: 'error' });
    await first.save();
    const second = counting(folder);
    expect(second.memo.parsed('broken.txt', bytes, () => parseSeedFile('broken.txt', bytes))).toEqual(result);
    expect(second.parsed).toEqual([]);
  });
});
