/** Merging captures of the same article, and slugs: folded, bounded, unique and stable. */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import { titleKey } from '../../src/ingest/merge.ts';
import { containsWords } from '../../src/ingest/words.ts';
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
      { file: 'a-listing.txt', line: 1, sources: [], text: null, header: [], furniture: [] },
      { file: 'b-full.txt', line: 4, sources: ['Press TV'], text: null, header: ['Source: Press TV'], furniture: [] },
      { file: 'c-tags.txt', line: 3, sources: [], text: null, header: [], furniture: [] },
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

describe('merging without loss', () => {
  const SHORT = 'Rents rise in Damascus\n\nSource: SANA\nRents rose by a third this year, traders say.\n';
  const LONG = 'Rents rise in Damascus\n\nSource: Al Watan\nRents rose by a third this year, landlords say.\n\nA second paragraph.\n\nA third one.\n';

  it('keeps every distinct text: the fullest as the body, the other in its origin, with a warning naming both', () => {
    const { articles, problems } = parseFiles({ 'a.txt': SHORT, 'b.txt': LONG });
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(article.text).toBe('Rents rose by a third this year, landlords say.\n\nA second paragraph.\n\nA third one.');
    expect(article.body).toContain('A third one.');
    expect(article.sources).toEqual(['SANA', 'Al Watan']);
    expect(article.origins).toEqual([
      { file: 'a.txt', line: 1, sources: ['SANA'], text: 'Rents rose by a third this year, traders say.', header: ['Source: SANA'], furniture: [] },
      { file: 'b.txt', line: 1, sources: ['Al Watan'], text: null, header: ['Source: Al Watan'], furniture: [] },
    ]);
    expect(problems).toEqual([
      { file: 'a.txt', line: 1, severity: 'warning', message: '"Rents rise in Damascus" is also captured at b.txt:1 with a different text; both texts are kept' },
    ]);
  });

  it('keeps no second copy of an excerpt the full text contains', () => {
    const excerpt = 'Rents rise in Damascus\n\nRents rose by a third this year, landlords say. A second …\n\n\nOther\n\nText …\n';
    const { articles, problems } = parseFiles({ 'a.txt': excerpt, 'b.txt': LONG });
    expect(problems).toEqual([]);
    expect(articles.find((article) => article.title.startsWith('Rents'))!.origins.map((origin) => origin.text)).toEqual([null, null]);
  });

  it('takes the most trusted date and warns when captures disagree', () => {
    const dated = (date: string, text: string) => `---\ndate: ${date}\n---\n${text}`;
    const { articles: [article], problems } = parseFiles({ 'a.txt': dated('2016', LONG), 'b.txt': dated('2017-03', LONG) });
    expect(article).toMatchObject({ date: '2017-03', dateSource: 'front-matter' });
    expect(problems.filter((problem) => problem.message.includes('is dated'))).toEqual([
      { file: 'a.txt', line: 4, severity: 'warning', message: '"Rents rise in Damascus" is dated 2016 here (front-matter) but 2017-03 at b.txt:4 (front-matter); the article keeps 2017-03' },
    ]);
  });

  it('does not warn when one date only adds precision to another', () => {
    const { problems } = parseFiles({ 'a.txt': `---\ndate: 2017\n---\n${LONG}`, 'b.txt': `---\ndate: 2017-03-02\n---\n${LONG}` });
    expect(problems).toEqual([]);
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

  it.each([
    ['Армия освободила Алеппо', 'armiya-osvobodila-aleppo'],
    ['Сирийская армия: «Пальмира взята» — ТАСС', 'siriyskaya-armiya-palmira-vzyata-tass'],
    ['Київ і Львів', 'kiyiv-i-lviv'],
    ['الجيش السوري يستعيد السيطرة على شرق حلب', 'aljysh-alswry-ysteyd-alsytrt-ela-shrq-hlb'],
    ['الأَسَد يتعهد باستعادة تدمر', 'alasd-ytehd-basteadt-tdmr'],
    ['ارتش سوریه کنترل شرق حلب را بازپس گرفت', 'artsh-swryh-kntrl-shrq-hlb-ra-bazps-grft'],
    ['Συρία: ο στρατός', 'syria-o-stratos'],
    ['צבא סוריה השתלט מחדש', 'tsv-svryh-hstlt-mhds'],
    ['叙利亚军队 进入 阿勒颇', 'xuliyajundui-jinru-aleipo'],
    ['Erdoğan and Путин meet in Сочи, ١٢ May ٢٠١٦', 'erdogan-and-putin-meet-in-sochi-12-may-2016'],
  ])('spell other scripts in Latin letters: %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('keep the collision rules for transliterated titles', () => {
    const slugs = (files: Record<string, string>) =>
      Object.fromEntries(parseFiles(files).articles.map((article) => [article.title, article.slug]));
    const cyrillic = 'Армия освободила Алеппо\n\nТекст.\n\nЕщё текст.\n';
    const latin = 'Armiya osvobodila Aleppo\n\nText.\n\nMore.\n';
    const expected = { 'Armiya osvobodila Aleppo': 'armiya-osvobodila-aleppo', 'Армия освободила Алеппо': expect.stringMatching(/^armiya-osvobodila-aleppo-[0-9a-f]{8}$/) };
    expect(slugs({ 'a.txt': cyrillic, 'b.txt': latin })).toEqual(expected);
    expect(slugs({ 'a.txt': latin, 'b.txt': cyrillic })).toEqual(expected);
  });

  it('are never empty, even for a title with no letters or digits', () => {
    const { articles } = parseFiles({ 'a.txt': '…\n\nText.\n\nMore.\n', 'b.txt': '!!!\n\nText.\n\nMore.\n' });
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

describe('containsWords', () => {
  it('finds a part by its words, in order and together, whatever the spacing, punctuation and markup between them', () => {
    expect(containsWords('<p>Aid convoy — halted near Aleppo.</p>', 'convoy halted')).toBe(true);
    expect(containsWords('Aid convoy halted', 'halted convoy')).toBe(false);
    expect(containsWords('Aid convoy halted', 'convoy halt')).toBe(false);
  });

  it('finds a part with no words (a capture of a headline alone) in any text, so the nothing-lost check passes its page', () => {
    expect(containsWords('Aid convoy halted', '')).toBe(true);
    expect(containsWords('', ' — ')).toBe(true);
  });
});
