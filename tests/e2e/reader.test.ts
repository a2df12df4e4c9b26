/**
 * What a reader finds around an article: a way back, the previous and next article, link
 * previews, print, the `/` shortcut, and search results with their source, sorted by date.
 * On a small site of its own, since the real seeds hold a single dated article.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import type { Article } from '../../src/ingest/record.ts';
import { neighbours, type Neighbours } from '../../src/lib/neighbours.ts';
import { launchBrowser, recordErrors } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

const fullText = (frontMatter: string, title: string, header: string) =>
  `---\n${frontMatter}\n---\n${title}\n\n${header}\nThe first paragraph of this story about Palmyra.\n\nA second paragraph of it.\n`;

/** Three dated full texts in three years and two undated excerpts, all about Palmyra. */
const SEEDS = {
  'a.txt': fullText('date: 2016-08', 'A story from the middle', 'Source: Wire Two'),
  'b.txt': fullText('date: 2015-03-02', 'The oldest story', 'Source: Wire One'),
  'c.txt': fullText('date: 2017-01-05\ntags: [Museum]', 'The newest story', 'By Jane Doe'),
  'd.txt': 'An undated story\n\nAn excerpt about Palmyra …\n\n\nAnother undated story\n\nAnother excerpt about Palmyra …\n',
};
const NEWEST_FIRST = ['The newest story', 'A story from the middle', 'The oldest story'];

let seeds: string;
let outDir: string;
let server: StaticServer;
let siteUrl: string;
let browser: Browser;
let articles: Article[];
let around: Map<string, Neighbours>;
const consoleErrors: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  recordErrors(page, path, consoleErrors);
  await page.goto(siteUrl + path);
  return page;
}

/** Presses Tab until the focused element is a link whose href matches, as a keyboard user would reach it. */
async function tabTo(page: Page, href: string): Promise<void> {
  for (let presses = 0; presses < 200; presses++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('href'))) === href) return;
  }
  throw new Error(`no link to ${href} reached with Tab`);
}

const articleWith = (test: (article: Article) => boolean) => articles.find(test)!;

beforeAll(async () => {
  seeds = await mkdtemp(join(tmpdir(), 'news-archive-reader-'));
  for (const [file, text] of Object.entries(SEEDS)) await writeFile(join(seeds, file), text);
  ({ outDir } = await buildSite(seeds));
  server = await serveStatic(outDir);
  siteUrl = server.url;
  browser = await launchBrowser();
  ({ articles } = await parseSeedDir(seeds));
  around = neighbours(articles);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await Promise.all([seeds, outDir].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('around an article', () => {
  it('previous and next follow the dates, oldest first, then the undated ones by title', () => {
    const chain = [...NEWEST_FIRST].reverse().concat(['An undated story', 'Another undated story']);
    const bySlug = new Map(articles.map((article) => [article.slug, article]));
    const first = articles.find((article) => !around.get(article.slug)!.previous)!;
    const order = [first.title];
    for (let next = around.get(first.slug)!.next; next; next = around.get(next.slug)!.next) order.push(bySlug.get(next.slug)!.title);
    expect(order).toEqual(chain);
  });

  it('previous and next work by keyboard', async () => {
    const middle = articleWith((article) => article.title === 'A story from the middle');
    const { previous, next } = around.get(middle.slug)!;
    const page = await open(`/articles/${middle.slug}/`);
    expect(await page.locator('.article-nav a[rel="prev"]').textContent()).toBe(`Previous ${previous!.title}`);
    await tabTo(page, `/articles/${next!.slug}/`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe(next!.title);
    await tabTo(page, `/articles/${middle.slug}/`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe(middle.title);
    await page.close();
  });

  it('the breadcrumb leads back to the month the article belongs to, by keyboard', async () => {
    const page = await open(`/articles/${articleWith((article) => article.title === 'The newest story').slug}/`);
    const trail = page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link');
    expect(await trail.allTextContents()).toEqual(['Home', 'Archive', '2017', 'January']);
    await tabTo(page, '/archive/2017/01/');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Articles from January 2017');
    await page.goto(`${siteUrl}/articles/${articleWith((article) => !article.date).slug}/`);
    expect(await trail.allTextContents()).toEqual(['Home', 'Archive', 'Undated']);
    await page.close();
  });

  it('describes itself for link previews and search engines: Open Graph and a NewsArticle', async () => {
    const article = articleWith((article) => article.title === 'The newest story');
    const page = await open(`/articles/${article.slug}/`);
    const meta = (property: string) => page.locator(`meta[property="${property}"]`).getAttribute('content');
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toBe(`https://news-archive.example.org/articles/${article.slug}/`);
    expect(await meta('og:type')).toBe('article');
    expect(await meta('og:title')).toBe('The newest story');
    expect(await meta('og:url')).toBe(canonical);
    expect(await meta('article:published_time')).toBe('2017-01-05');
    expect(await meta('article:tag')).toBe('Museum');
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'The newest story',
      url: canonical,
      datePublished: '2017-01-05',
      author: [{ '@type': 'Person', name: 'Jane Doe' }],
      keywords: ['Museum'],
    });
    await page.close();
  });

  it('prints without navigation, forms or footer, black on white', async () => {
    const page = await open(`/articles/${articleWith((article) => article.title === 'A story from the middle').slug}/`);
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const display = (selector: string) => page.locator(selector).first().evaluate((element) => getComputedStyle(element).display);
    for (const hidden of ['.site-header nav', '.breadcrumbs', '.article-nav', '.site-footer']) expect(await display(hidden), hidden).toBe('none');
    expect(await display('.prose')).toBe('block');
    expect(await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.body).backgroundColor])).toEqual([
      'rgb(0, 0, 0)',
      'rgb(255, 255, 255)',
    ]);
    await page.close();
  });
});

describe('the / shortcut', () => {
  it('on a page without a search box, opens the search page with its box focused', async () => {
    const page = await open(`/articles/${articles[0].slug}/`);
    await page.keyboard.press('/');
    await page.waitForURL(/\/search\/#search-input$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('Palmyra');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.close();
  });

  it('on a page with a search box, focuses it, and a / typed there stays a /', async () => {
    const page = await open('/');
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-query');
    expect(new URL(page.url()).pathname).toBe('/');
    await page.keyboard.type('a/b');
    expect(await page.locator('#search-query').inputValue()).toBe('a/b');
    await page.close();
  });
});

describe('search results', () => {
  const titles = (page: Page) => page.locator('.result h3').allTextContents();
  const settled = (page: Page) => expect.poll(() => page.locator('.result').count(), { timeout: 15_000 }).toBe(articles.length);

  it('show each result’s date and source', async () => {
    const page = await open('/search/?q=palmyra');
    await settled(page);
    const facts = await page.locator('.result').evaluateAll((results) =>
      results.map((result) => [result.querySelector('h3')!.textContent, result.querySelector('.meta')?.textContent]),
    );
    expect(facts).toEqual(
      expect.arrayContaining([
        ['The oldest story', '2 March 2015 · Wire One'],
        ['A story from the middle', 'August 2016 · Wire Two'],
        ['The newest story', '5 January 2017 · Jane Doe'],
        ['An undated story', undefined],
      ]),
    );
    await page.close();
  });

  it('sort by date, newest or oldest first, undated ones last, and keep the order in the address', async () => {
    const page = await open('/search/?q=palmyra');
    await settled(page);
    await page.getByLabel('Order').selectOption('newest');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
    await expect.poll(() => titles(page)).toEqual([...NEWEST_FIRST, expect.any(String), expect.any(String)]);
    await page.getByLabel('Order').selectOption('oldest');
    await expect.poll(() => titles(page)).toEqual([...[...NEWEST_FIRST].reverse(), expect.any(String), expect.any(String)]);
    await page.goto(`${siteUrl}/search/?q=palmyra&sort=newest`);
    await settled(page);
    expect((await titles(page)).slice(0, 3)).toEqual(NEWEST_FIRST);
    expect(await page.getByLabel('Order').inputValue()).toBe('newest');
    await page.close();
  });
});

describe('every page', () => {
  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
