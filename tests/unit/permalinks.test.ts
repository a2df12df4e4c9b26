/** Stable addresses: the seed folder's permalinks.json keeps every article's slug, whatever is added later. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleArticles, parseSeedDir, parseSeedFile } from '../../src/ingest/ingest.ts';
import { titleKey } from '../../src/ingest/merge.ts';
import { formatPermalinks, parsePermalinks, PERMALINKS_FILE, recordPermalinks, type Permalinks } from '../../src/ingest/permalinks.ts';
import { SEEDS_DIR, makeSeedDir, parseFiles, shippedGazetteer, utf8 } from './helpers.ts';

const OLDER = 'Fire: breaks out at city museum!\n\nThe first capture.\n\nMore of it.\n';
const NEWER = 'Fire breaks out at city museum\n\nA later capture with a look-alike headline.\n\nMore of it.\n';

const parseWith = (files: Record<string, string>, permalinks: Permalinks) =>
  assembleArticles(Object.entries(files).map(([name, text]) => parseSeedFile(name, utf8(text))), shippedGazetteer, permalinks);
const slugOf = (articles: { title: string; slug: string }[], title: string) => articles.find((article) => article.title === title)?.slug;

describe('permalinks', () => {
  it('keep an older article at its address when a new title would take its slug', () => {
    const first = parseFiles({ 'a.txt': OLDER }).articles;
    expect(first[0].slug).toBe('fire-breaks-out-at-city-museum');
    // By content alone the newer title (its key sorts first) takes the plain slug: what permalinks prevent.
    expect(slugOf(parseFiles({ 'a.txt': OLDER, 'b.txt': NEWER }).articles, 'Fire: breaks out at city museum!')).not.toBe(first[0].slug);
    const recorded = new Map([[titleKey(first[0].title), first[0].slug]]);
    const { articles, problems } = parseWith({ 'a.txt': OLDER, 'b.txt': NEWER }, recorded);
    expect(problems).toEqual([]);
    expect(slugOf(articles, 'Fire: breaks out at city museum!')).toBe('fire-breaks-out-at-city-museum');
    expect(slugOf(articles, 'Fire breaks out at city museum')).toMatch(/^fire-breaks-out-at-city-museum-[0-9a-f]{8}$/);
  });

  it('never give a recorded slug to another article, even when its article is gone', () => {
    const recorded = new Map([['a title no capture has any more', 'fire-breaks-out-at-city-museum']]);
    const { articles } = parseWith({ 'b.txt': NEWER }, recorded);
    expect(articles[0].slug).toMatch(/^fire-breaks-out-at-city-museum-[0-9a-f]{8}$/);
  });

  it('give what slugs always gave when nothing is recorded', () => {
    expect(parseWith({ 'a.txt': OLDER, 'b.txt': NEWER }, new Map()).articles).toEqual(parseFiles({ 'a.txt': OLDER, 'b.txt': NEWER }).articles);
  });

  it('read back what they write: one entry a line, sorted by title key', () => {
    const permalinks = new Map([
      ['zebra crossing', 'zebra-crossing'],
      ['"quoted" title', 'quoted-title'],
    ]);
    const text = formatPermalinks(permalinks);
    expect(text).toBe('{\n  "\\"quoted\\" title": "quoted-title",\n  "zebra crossing": "zebra-crossing"\n}\n');
    expect(parsePermalinks(text)).toEqual({ permalinks: new Map([...permalinks].reverse()), problems: [] });
  });

  it('report a broken file with its line, and leave out what is wrong', () => {
    expect(parsePermalinks('{\n  "a": "a",\n  "b"\n}\n').problems).toEqual([
      { file: PERMALINKS_FILE, line: 4, severity: 'error', message: expect.stringMatching(/^not valid JSON/) },
    ]);
    expect(parsePermalinks('["a"]\n').problems[0].message).toMatch(/expected an object/);
    const { permalinks, problems } = parsePermalinks('{\n  "a": "a",\n  "b": "Not A Slug",\n  "c": "a"\n}\n');
    expect(permalinks).toEqual(new Map([['a', 'a']]));
    expect(problems).toEqual([
      { file: PERMALINKS_FILE, line: 3, severity: 'error', message: '"b": expected a slug of a-z, 0-9 and single hyphens' },
      { file: PERMALINKS_FILE, line: 4, severity: 'error', message: '"c": slug "a" is already the address of "a"' },
    ]);
  });

  it('are read from the seed folder without a "not a .txt file" warning, and a broken file is an error', async () => {
    const dir = await makeSeedDir({ 'a.txt': OLDER, 'b.txt': NEWER, [PERMALINKS_FILE]: formatPermalinks(new Map([[titleKey('Fire: breaks out at city museum!'), 'the-first-fire']])) });
    const { articles, problems } = await parseSeedDir(dir);
    expect(problems).toEqual([]);
    expect(slugOf(articles, 'Fire: breaks out at city museum!')).toBe('the-first-fire');
    expect(slugOf(articles, 'Fire breaks out at city museum')).toBe('fire-breaks-out-at-city-museum');
    await writeFile(join(dir, PERMALINKS_FILE), '{');
    expect((await parseSeedDir(dir)).problems).toEqual([expect.objectContaining({ file: PERMALINKS_FILE, line: 1, severity: 'error' })]);
  });

  it('are only ever added to, and the file is not touched when nothing is new', async () => {
    const dir = await makeSeedDir({});
    expect(await recordPermalinks(dir, new Map([['b', 'b'], ['a', 'a']]))).toBe(2);
    const written = await stat(join(dir, PERMALINKS_FILE));
    expect(await recordPermalinks(dir, new Map([['a', 'a']]))).toBe(0);
    expect((await stat(join(dir, PERMALINKS_FILE))).mtimeMs).toBe(written.mtimeMs);
    expect(await recordPermalinks(dir, new Map([['a', 'changed'], ['c', 'c']]))).toBe(1);
    expect(await readFile(join(dir, PERMALINKS_FILE), 'utf8')).toBe(formatPermalinks(new Map([['a', 'a'], ['b', 'b'], ['c', 'c']])));
  });

  it('of the committed seeds hold every article at the slug it has', async () => {
    const { articles } = await parseSeedDir(SEEDS_DIR);
    const built = new Map(articles.map((article) => [titleKey(article.title), article.slug]));
    expect(await readFile(join(SEEDS_DIR, PERMALINKS_FILE), 'utf8')).toBe(formatPermalinks(built));
  });
});
