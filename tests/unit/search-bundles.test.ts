/** How the search index is cut into Pagefind bundles, and the words the build reads back from one. */
import { gzipSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { indexChunkWords } from '../../scripts/lib/pagefind-words.ts';
import { inSearchOrder, searchLanguages } from '../../src/lib/search-bundles.ts';

interface Stub {
  slug: string;
  lang: string;
  date: string | null;
}

const articles = (lang: string, date: string | null, count: number, prefix = `${lang}-${date ?? 'undated'}`): Stub[] =>
  Array.from({ length: count }, (_, n) => ({ slug: `${prefix}-${n}`, lang, date }));

const ids = (found: ReturnType<typeof searchLanguages<Stub>>) => found.map(({ lang, words, bundles }) => ({ lang, words: words?.id, bundles: bundles.map(({ id }) => id) }));

describe('searchLanguages', () => {
  it('keeps a language of no more than the bundle size in one bundle, with no words bundle; the language with most articles first', () => {
    const found = searchLanguages([...articles('fr', '2016-01-02', 2), ...articles('en', '2015', 3), ...articles('und', null, 1)], 5);
    expect(ids(found)).toEqual([
      { lang: 'en', words: undefined, bundles: ['en'] },
      { lang: 'fr', words: undefined, bundles: ['fr'] },
    ]);
    expect(found[0].bundles[0].url).toBe('/pagefind/en/');
    expect(found[0].bundles[0].articles.map(({ slug }) => slug)).toEqual(['en-2015-0', 'en-2015-1', 'en-2015-2', 'und-undated-0']);
  });

  it('cuts a larger language by year, newest first and undated last, and gives it a words bundle', () => {
    const found = searchLanguages([...articles('en', null, 2), ...articles('en', '2014-05', 2), ...articles('en', '2016', 2), ...articles('en', '2015-03-01', 1)], 5);
    expect(ids(found)).toEqual([{ lang: 'en', words: 'en/words', bundles: ['en/2016', 'en/2015', 'en/2014', 'en/undated'] }]);
    expect(found[0].words!.url).toBe('/pagefind/en/words/');
    expect(found[0].bundles.map(({ articles }) => articles.length)).toEqual([2, 1, 2, 2]);
  });

  it('cuts a year of more than the bundle size into parts by slug: every article in one, none empty, the same part whatever else the year holds', () => {
    const year = articles('en', '2016-02', 23);
    const partOf = (all: Stub[]) => {
      const bundles = searchLanguages(all, 5)[0].bundles;
      expect(bundles.every(({ articles }) => articles.length > 0)).toBe(true);
      return new Map(bundles.flatMap(({ id, articles }) => articles.map(({ slug }) => [slug, id])));
    };
    const parts = partOf(year);
    expect(parts.size).toBe(23);
    expect(new Set(parts.values()).size).toBeGreaterThan(2);
    expect([...parts.values()].every((id) => /^en\/2016-\d$/.test(id))).toBe(true);
    const grown = partOf([...year, ...articles('en', '2016-09', 1, 'late')]);
    expect([...parts].every(([slug, id]) => grown.get(slug) === id)).toBe(true);
  });
});

/** CBOR as Pagefind writes an index chunk: definite lengths, one item header byte plus its argument. */
function cbor(value: unknown): Buffer {
  const head = (major: number, n: number) => (n < 24 ? Buffer.from([(major << 5) | n]) : n < 256 ? Buffer.from([(major << 5) | 24, n]) : Buffer.from([(major << 5) | 25, n >> 8, n & 255]));
  if (typeof value === 'number') return value < 0 ? head(1, -1 - value) : head(0, value);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  const items = value as unknown[];
  return Buffer.concat([head(4, items.length), ...items.map(cbor)]);
}

describe('indexChunkWords', () => {
  it('reads the words of a chunk, whatever their pages and variants hold', () => {
    const longPages = Array.from({ length: 300 }, (_, page) => [page, [1, -3, 400]]);
    const chunk = Buffer.concat([Buffer.from('pagefind_dcd'), cbor([[['aleppo', [[0, [3, 9]]], []], ['alep', longPages, [['alép', [[2, [5]]]]]], ['الجيش', [[1, [0]]], []]]])]);
    expect(indexChunkWords(gunzipSync(gzipSync(chunk)))).toEqual(['aleppo', 'alep', 'الجيش']);
  });

  it('says which file is not an index chunk', () => {
    expect(() => indexChunkWords(Buffer.from('{"url":"/"}'), 'pagefind/en/index/x.pf_index')).toThrow('pagefind/en/index/x.pf_index: not a Pagefind index chunk');
  });
});

describe('inSearchOrder', () => {
  it('gives the articles bundle by bundle, as the build indexes them (and the article pages render)', () => {
    const all = [...articles('en', null, 2), ...articles('fr', '2016', 1), ...articles('en', '2014-05', 2), ...articles('en', '2016', 2)];
    expect(inSearchOrder(all, 5).map(({ slug }) => slug)).toEqual(['en-2016-0', 'en-2016-1', 'en-2014-05-0', 'en-2014-05-1', 'en-undated-0', 'en-undated-1', 'fr-2016-0']);
  });
});
