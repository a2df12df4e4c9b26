/** Merging captures of the same article, and slugs: folded, bounded, unique and stable. */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import { titleKey } from '../../src/ingest/merge.ts';
import { slugify } from '../../src/ingest/slug.ts';
import { SEEDS_DIR, SEED_FILES, makeSeedDir, parseFiles, parseText, slugsByTitle } from './helpers.ts';

const LISTING = `Syria’s “ceasefire” – what next for Aleppo

The truce is fragile, observers say …


An unrelated listing headline

Another teaser …
`;

const FULL_TEXT = `---
tags: [Ceasefire]
---
SYRIA'S "CEASEFIRE" - What  Next for ALEPPO

Source: Press TV
The truce is fragile, observers say, and both sides blame each other.

A second paragraph of the full text.
`;

describe('merge', () => {
  it('folds case, spacing, quotes and dashes in the title key', () => {
    expect(titleKey('Syria’s “ceasefire” – what next')).toBe(titleKey(`SYRIA'S "CEASEFIRE"  -  What Next`));
    expect(titleKey('Syria talks')).not.toBe(titleKey('Syria walks'));
  });

  it('makes one record of an excerpt and a full text of the same article', () => {
    const tagPage = 'Contents tagged with Aleppo\n\n  • Syria’s “ceasefire” – what next for Aleppo\n\n    The truce is fragile …\n';
    const { articles, problems } = parseFiles({ 'a-listing.txt': LISTING, 'b-full.txt': FULL_TEXT, 'c-tags.txt': tagPage });
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(2);
    const merged = articles.find((article) => /ceasefire/i.test(article.title))!;
    expect(merged.origins).toEqual([
      { file: 'a-listing.txt', line: 1 },
      { file: 'b-full.txt', line: 4 },
      { file: 'c-tags.txt', line: 3 },
    ]);
    expect(merged.truncated).toBe(false);
    expect(merged.body).toContain('A second paragraph of the full text.');
    expect(merged.teaser).toBe('The truce is fragile, observers say, and both sides blame each other.');
    expect(merged.tags).toEqual(['Ceasefire', 'Aleppo']);
    expect(merged.sources).toEqual(['Press TV']);
  });

  it('lets the full text win whichever file comes first', () => {
    const forward = parseFiles({ 'a.txt': LISTING, 'b.txt': FULL_TEXT }).articles;
    const backward = parseFiles({ 'a.txt': FULL_TEXT, 'b.txt': LISTING }).articles;
    for (const articles of [forward, backward]) {
      const merged = articles.find((article) => /ceasefire/i.test(article.title))!;
      expect(merged).toMatchObject({ truncated: false, tags: ['Ceasefire'] });
      expect(merged.origins).toHaveLength(2);
    }
  });
});

describe('slugs', () => {
  it('fold accents', () => {
    expect(slugify('Çavuşoğlu')).toBe('cavusoglu');
    const [article] = parseText('Mevlüt Çavuşoğlu meets Lavrov in Moscow\n\nText.\n\nMore.\n').articles;
    expect(article.slug).toBe('mevlut-cavusoglu-meets-lavrov-in-moscow');
  });

  it('are at most 80 characters, cut at a word boundary', () => {
    const words = 'Russian Foreign Minister claims that Special Forces of the US Britain France and other countries are working in Syria';
    const full = words.toLowerCase().replace(/ /g, '-');
    const [article] = parseText(`${words}\n\nText.\n\nMore.\n`).articles;
    expect(full.length).toBeGreaterThan(80);
    expect(article.slug.length).toBeLessThanOrEqual(80);
    expect(full.startsWith(`${article.slug}-`)).toBe(true);
    expect(article.slug).toBe('russian-foreign-minister-claims-that-special-forces-of-the-us-britain-france-and');
  });

  it('keep only [a-z0-9-]', () => {
    const [article] = parseText('“Djebhat-An-Nusra” – an abscess: 100% in the south?!\n\nText.\n\nMore.\n').articles;
    expect(article.slug).toBe('djebhat-an-nusra-an-abscess-100-in-the-south');
  });

  it('are never empty, even for a title with no Latin letters or digits', () => {
    const { articles } = parseFiles({ 'a.txt': 'سوريا\n\nText.\n\nMore.\n', 'b.txt': '!!!\n\nText.\n\nMore.\n' });
    expect(articles).toHaveLength(2);
    for (const { slug } of articles) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(articles[0].slug).not.toBe(articles[1].slug);
  });

  it('differ for two titles that slugify alike, whatever the file order', async () => {
    const one = 'Syria: talks resume\n\nText one.\n\nMore one.\n';
    const two = 'Syria talks resume!\n\nText two.\n\nMore two.\n';
    const forward = await parseSeedDir(await makeSeedDir({ 'a.txt': one, 'b.txt': two }));
    const backward = await parseSeedDir(await makeSeedDir({ 'a.txt': two, 'b.txt': one }));
    const slugs = slugsByTitle(forward.articles);
    expect(slugs.size).toBe(2);
    expect(new Set(slugs.values()).size).toBe(2);
    for (const slug of slugs.values()) expect(slug).toMatch(/^syria-talks-resume(-[a-z0-9]+)?$/);
    expect(slugsByTitle(backward.articles)).toEqual(slugs);
  });

  it('do not change when an unrelated file is added or a seed file removed', async () => {
    const before = slugsByTitle((await parseSeedDir(SEEDS_DIR)).articles);
    const added = await makeSeedDir({ 'zzz/extra.txt': 'Another story altogether\n\nText.\n\nMore.\n' }, { copySeeds: true });
    const after = slugsByTitle((await parseSeedDir(added)).articles);
    for (const [title, slug] of before) expect(after.get(title)).toBe(slug);

    const removed = await makeSeedDir({}, { copySeeds: true });
    await rm(join(removed, SEED_FILES[3]));
    const fewer = slugsByTitle((await parseSeedDir(removed)).articles);
    expect(fewer.size).toBe(40);
    for (const [title, slug] of fewer) expect(before.get(title)).toBe(slug);
  });

  it('settle a look-alike pair by content: the smaller title key keeps the plain slug, whichever file came first', () => {
    const colon = 'Syria: talks resume\n\nText one.\n\nMore one.\n';
    const plain = 'Syria talks resume\n\nText two.\n\nMore two.\n';
    const slugs = (files: Record<string, string>) =>
      Object.fromEntries(parseFiles(files).articles.map((article) => [article.title, article.slug]));
    const expected = { 'Syria talks resume': 'syria-talks-resume', 'Syria: talks resume': expect.stringMatching(/^syria-talks-resume-[0-9a-f]{8}$/) };
    expect(slugs({ 'a.txt': colon, 'b.txt': plain })).toEqual(expected);
    expect(slugs({ 'a.txt': plain, 'b.txt': colon })).toEqual(expected);
  });
});
