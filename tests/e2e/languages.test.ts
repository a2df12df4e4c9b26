/** Articles in several languages: pages that read right, search in every language at once, and who published what. */
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import type { Article } from '../../src/ingest/record.ts';
import { searchLanguages } from '../../src/lib/search-bundles.ts';
import { axeViolations, launchBrowser, recordErrors } from '../support/browser.ts';
import { buildSite, PROJECT } from '../support/build.ts';
import { serveStatic } from '../support/server.ts';

const FIXTURES = join(PROJECT, 'tests/fixtures/languages');
const ARABIC = '/articles/aljysh-alswry-ysteyd-alsytrt-ela-shrq-hlb/';
const RUSSIAN = '/articles/armiya-osvobodila-aleppo/';

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let seeds: string;
let outDir: string;
let articles: Article[];
const consoleErrors: string[] = [];

beforeAll(async () => {
  seeds = await mkdtemp(join(tmpdir(), 'news-archive-languages-'));
  await cp(FIXTURES, seeds, { recursive: true });
  ({ outDir } = await buildSite(seeds));
  site = await serveStatic(outDir);
  browser = await launchBrowser();
  ({ articles } = await parseSeedDir(seeds));
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await Promise.all([seeds, outDir].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function open(path: string, base = site.url): Promise<Page> {
  const page = await browser.newPage();
  recordErrors(page, path, consoleErrors);
  await page.goto(base + path);
  return page;
}

/** Titles of the results once the search has settled, in the order shown. */
async function resultTitles(page: Page): Promise<string[]> {
  await page.locator('#results[aria-busy="false"]').waitFor({ timeout: 15_000 });
  await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/^(No|\d+) results? for/);
  return (await page.locator('.result > h3').allTextContents()).map((title) => title.trim());
}

const titleOf = (slug: string) => articles.find((article) => article.slug === slug)!.title;
const titlesIn = (lang: string) => articles.filter((article) => article.lang === lang).map((article) => article.title);
const publishedBy = (name: string) => articles.filter((article) => [...article.sources, ...article.authors].includes(name)).map((article) => article.title);

describe('the records', () => {
  it('have the languages of their captures and readable slugs', () => {
    expect(Object.fromEntries(articles.map((article) => [article.slug, article.lang]))).toMatchObject({
      'aljysh-alswry-ysteyd-alsytrt-ela-shrq-hlb': 'ar',
      'armiya-osvobodila-aleppo': 'ru',
      'assad-feiert-die-ruckeroberung-von-aleppo': 'de',
      'alep-assad-salue-une-victoire-historique': 'fr',
      'rebels-agree-to-leave-eastern-aleppo-under-ceasefire-deal': 'en',
    });
  });
});

describe('article pages', () => {
  it('an Arabic article is lang="ar" dir="rtl" and reads right to left, the site around it in English', async () => {
    const page = await open(ARABIC);
    const html = page.locator('html');
    expect([await html.getAttribute('lang'), await html.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    const direction = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).direction);
    expect(await direction('h1')).toBe('rtl');
    expect(await direction('.prose p')).toBe('rtl');
    // The paragraph starts at the right edge of the text column.
    const [paragraph, column] = await Promise.all(['.prose p', '.prose'].map((selector) => page.locator(selector).first().boundingBox()));
    expect(Math.abs(paragraph!.x + paragraph!.width - (column!.x + column!.width))).toBeLessThan(1);
    for (const chrome of ['.site-header', '.site-footer', '.facts', '.provenance']) {
      expect(await page.locator(chrome).getAttribute('lang')).toBe('en');
      expect(await direction(chrome)).toBe('ltr');
    }
    await page.close();
  });

  it('a Russian article is lang="ru", left to right, at its transliterated slug', async () => {
    const page = await open(RUSSIAN);
    const html = page.locator('html');
    expect([await html.getAttribute('lang'), await html.getAttribute('dir')]).toEqual(['ru', 'ltr']);
    expect(await page.locator('h1').textContent()).toBe('Армия освободила Алеппо');
    await page.close();
  });

  it('an English page carries no extra lang attributes but those of its related and neighbouring articles’ titles in other languages', async () => {
    const page = await open('/articles/rebels-agree-to-leave-eastern-aleppo-under-ceasefire-deal/');
    expect([await page.locator('html').getAttribute('lang'), await page.locator('html').getAttribute('dir')]).toEqual(['en', 'ltr']);
    const marked = await page.locator('body [lang]').evaluateAll((elements) => elements.map((element) => ({ related: element.closest('.related-list, .article-nav') !== null, lang: element.getAttribute('lang') })));
    expect(marked.filter(({ related, lang }) => !related || lang === 'en')).toEqual([]);
    await page.close();
  });

  it('an Arabic page keeps its breadcrumb and previous/next links in the interface language, left to right', async () => {
    const page = await open(ARABIC);
    for (const selector of ['.breadcrumbs', '.article-nav']) {
      expect([await page.locator(selector).getAttribute('lang'), await page.locator(selector).getAttribute('dir')], selector).toEqual(['en', 'ltr']);
    }
    await page.close();
  });

  it('listings mark each title and teaser with its language and direction', async () => {
    const page = await open('/sources/sana/');
    const arabic = page.locator('.article-list-title', { hasText: 'الجيش' });
    expect([await arabic.getAttribute('lang'), await arabic.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect(await page.locator('.article-list-title', { hasText: 'Army units' }).getAttribute('lang')).toBeNull();
    await page.close();
  });
});

describe('search in every language at once', () => {
  it('writes one Pagefind bundle per language, and the search page loads each, the one with the most articles first', async () => {
    const bundles = (await readdir(join(outDir, 'pagefind'))).sort();
    expect(bundles).toEqual(['ar', 'de', 'en', 'fr', 'ru']);
    const inOrder = searchLanguages(articles).map(({ lang }) => lang);
    expect(inOrder[0]).toBe('en');
    expect(inOrder.map((lang) => titlesIn(lang).length)).toEqual(inOrder.map((lang) => titlesIn(lang).length).sort((a, b) => b - a));
    for (const lang of bundles) {
      const entry = JSON.parse(await readFile(join(outDir, 'pagefind', lang, 'pagefind-entry.json'), 'utf8'));
      expect(Object.keys(entry.languages)).toEqual([lang]);
      expect(entry.languages[lang].page_count).toBe(titlesIn(lang).length);
    }
    const page = await open('/search/');
    const listed = JSON.parse((await page.locator('#search-form').getAttribute('data-bundles'))!);
    expect(listed).toEqual(inOrder.map((lang) => ({ lang, bundles: [{ id: lang, url: `/pagefind/${lang}/` }] })));
    await page.close();
  });

  it('finds a Russian article by another inflection of a word it contains', async () => {
    const russian = articles.find((article) => article.lang === 'ru')!;
    expect(russian.text).toContain('армия');
    expect(`${russian.title} ${russian.text}`.toLowerCase()).not.toContain('армии');
    const page = await open(`/search/?q=${encodeURIComponent('армии')}`);
    expect(await resultTitles(page)).toEqual([russian.title]);
    expect(await page.locator('.result > h3').getAttribute('lang')).toBe('ru');
    await page.close();
  });

  it.each([
    ['الجيش', 'a word of its headline'],
    ['للجيش', 'another form of it ("for the army"), which the text does not hold'],
  ])('finds an Arabic article by an Arabic word: %s, %s', async (word) => {
    const page = await open(`/search/?q=${encodeURIComponent(word)}`);
    expect(await resultTitles(page)).toEqual(titlesIn('ar'));
    const title = page.locator('.result > h3');
    expect([await title.getAttribute('lang'), await title.evaluate((element) => getComputedStyle(element).direction)]).toEqual(['ar', 'rtl']);
    await page.close();
  });

  it('shows results of several languages together, and the Language filter narrows them', async () => {
    const page = await open('/search/?q=Assad');
    const all = await resultTitles(page);
    expect(all.sort()).toEqual([titleOf('assad-says-the-liberation-of-aleppo-changes-the-course-of-the-war'), ...titlesIn('de'), ...titlesIn('fr')].sort());
    await page.locator('summary', { hasText: 'Language' }).click();
    const options = page.locator('.filter-options label');
    await expect.poll(() => options.allTextContents(), { timeout: 15_000 }).toEqual(expect.arrayContaining(['English 1', 'French 1', 'German 1']));
    await options.filter({ hasText: 'German' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('language')).toBe('German');
    expect(await resultTitles(page)).toEqual(titlesIn('de'));
    await page.close();
  });

  it('a Language filter alone lists every article in that language', async () => {
    const page = await open('/search/?language=Arabic');
    expect(await resultTitles(page)).toEqual(titlesIn('ar'));
    await page.close();
  });

  it('loads the bundles of the languages an archive has, and no other (undetermined articles are in the interface language’s)', async () => {
    const { articles: seeded } = await parseSeedDir(join(PROJECT, 'seeds'));
    const languages = searchLanguages(seeded).map(({ lang }) => lang);
    expect(languages).toEqual(['en']);
    const requested: string[] = [];
    const page = await browser.newPage();
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(`${inject('siteUrl')}/search/?q=Palmyra`);
    await page.locator('.result').first().waitFor();
    const bundles = new Set(requested.filter((path) => path.startsWith('/pagefind/')).map((path) => path.split('/')[2]));
    expect([...bundles].sort()).toEqual(languages);
    await page.close();
  });
});

describe('search by who published it', () => {
  it.each([
    ['Reuters', 'Reuters'],
    ['Jane Smith', 'Jane Smith'],
    ['SANA', 'SANA'],
  ])('"%s" lists what %s published first, then the articles that mention the name', async (query, name) => {
    const own = publishedBy(name);
    const mentions = articles.filter((article) => !own.includes(article.title) && `${article.title} ${article.text}`.includes(name)).map((article) => article.title);
    expect(own.length).toBeGreaterThan(0);
    expect(mentions.length).toBeGreaterThan(0);
    for (const article of articles.filter((candidate) => own.includes(candidate.title))) expect(`${article.title} ${article.text}`).not.toContain(name);
    const page = await open(`/search/?q=${encodeURIComponent(query)}`);
    const titles = await resultTitles(page);
    expect(titles.slice(0, own.length).sort()).toEqual([...own].sort());
    expect(titles.slice(own.length).sort()).toEqual([...mentions].sort());
    await page.close();
  });

  it('a result says who published it', async () => {
    const page = await open('/search/?q=Reuters');
    await resultTitles(page);
    expect(await page.locator('.result .meta').first().textContent()).toBe('13 December 2016 · Reuters, Jane Smith');
    await page.close();
  });
});

describe('quality', () => {
  it('every page passes html-validate', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const pages = (await readdir(outDir, { recursive: true })).filter((file) => file.endsWith('.html'));
    const errors: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(await readFile(join(outDir, file), 'utf8'), file);
      for (const result of report.results) for (const message of result.messages) errors.push(`${file}:${message.line} ${message.ruleId}: ${message.message}`);
    }
    expect(errors).toEqual([]);
  });

  it.each([
    ['the Arabic article', ARABIC],
    ['the Russian article', RUSSIAN],
    ['a search with results in several languages', '/search/?q=SANA'],
    ['a listing with an Arabic title', '/sources/sana/'],
  ])('axe finds no violations on %s', async (_, path) => {
    const page = await open(path);
    if (path.startsWith('/search/')) await resultTitles(page);
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('no page logged a console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
