import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import type { Article } from '../../src/ingest/record.ts';
import { launchBrowser, recordErrors } from '../support/browser.ts';
import { PROJECT } from '../support/build.ts';
import { resultTitles } from '../support/search.ts';

const siteUrl = inject('siteUrl');
let browser: Browser;
let articles: Article[];
const consoleErrors: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  recordErrors(page, path, consoleErrors);
  await page.goto(siteUrl + path);
  return page;
}

const fromFile = (prefix: string) =>
  articles.filter((article) => article.origins.some((origin) => origin.file.startsWith(prefix))).map((article) => article.title);

const mentioning = (word: string) =>
  articles.filter((article) => [article.title, article.teaser, article.body].join(' ').toLowerCase().includes(word.toLowerCase()));

/** A search for a name finds every spelling of it (see names.test.ts): Tadmur is Palmyra's, also inside "Bab Tadmur". */
const palmyra = () => [...new Set([...mentioning('Palmyra'), ...mentioning('Tadmur')])];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ articles } = await parseSeedDir(`${PROJECT}/seeds`));
});

afterAll(async () => {
  await browser?.close();
});

describe('browsing', () => {
  it.each([
    ['Assad', '002_'],
    ['US-led coalition', '004_'],
  ])('home → the "%s" tag page lists exactly the articles of %s', async (tag, file) => {
    const page = await open('/');
    await page.getByRole('link', { name: new RegExp(`^${tag}`) }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Tagged “${tag}”`);
    const listed = await page.locator('.article-list-title').allTextContents();
    expect(listed).toHaveLength(10);
    expect(listed.sort()).toEqual(fromFile(file).sort());
    await page.close();
  });

  it('an article page shows its title, tags, sources and body with heading anchors', async () => {
    const article = articles.find((candidate) => candidate.sources.includes('Press TV'))!;
    const page = await open(`/articles/${article.slug}/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(article.title);
    expect(await page.locator('#emergency-unsc-meeting').textContent()).toBe('Emergency UNSC meeting');
    expect(await page.locator('.prose p').first().textContent()).toContain('Russia says 62 Syrian forces');
    await page.getByRole('link', { name: 'Press TV' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('From Press TV');
    await page.close();
  });

  it('an excerpt article says it is only an excerpt and links to its tag', async () => {
    const article = articles.find((candidate) => candidate.tags.includes('Assad'))!;
    const page = await open(`/articles/${article.slug}/`);
    expect(await page.locator('.notice').textContent()).toContain('only an excerpt');
    expect(await page.getByRole('link', { name: 'Assad', exact: true }).getAttribute('href')).toBe('/tags/assad/');
    await page.close();
  });

  it('the date index links the dated article and lists the undated ones honestly', async () => {
    const page = await open('/archive/');
    await page.getByRole('link', { name: '2016', exact: true }).click();
    expect(await page.locator('.article-list-title').allTextContents()).toEqual(['Eva Bartlett: Second trip to Aleppo – August 2016']);
    await page.goto(`${siteUrl}/archive/undated/`);
    expect(await page.locator('h1').textContent()).toBe('Undated articles');
    expect(await page.locator('.stats').textContent()).toContain(`${articles.filter((a) => !a.date).length} articles`);
    await page.goto(`${siteUrl}/archive/undated/2/`);
    await expect.poll(() => page.locator('.article-list-title').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('search', () => {
  it('"Palmyra" finds exactly the articles that write Palmyra or Tadmur, and the query lands in the address', async () => {
    const page = await open('/search/');
    await page.getByLabel('Search every article').fill('Palmyra');
    const titles = await resultTitles(page);
    expect(titles.sort()).toEqual(palmyra().map((article) => article.title).sort());
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Palmyra');
    await page.close();
  });

  it('a tag filter narrows the results, with counts, and is kept in the address', async () => {
    const page = await open('/search/?q=Deir');
    const all = await resultTitles(page);
    const expected = mentioning('Deir').filter((article) => article.tags.includes('US-led coalition'));
    expect(all.length).toBeGreaterThan(expected.length);
    await page.locator('summary', { hasText: 'Tag' }).click();
    const label = page.locator('.filter-options label', { hasText: 'US-led coalition' });
    expect(await label.locator('.count').textContent()).toBe(String(mentioning('Deir').filter((a) => a.tags.includes('US-led coalition')).length));
    await label.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('tag')).toBe('US-led coalition');
    expect((await resultTitles(page)).sort()).toEqual(expected.map((a) => a.title).sort());
    await page.close();
  });

  it('a shared address (?q=…&tag=…) opens with the same results and filter', async () => {
    const page = await open(`/search/?q=Palmyra&tag=${encodeURIComponent('US-led coalition')}`);
    const expected = palmyra().filter((article) => article.tags.includes('US-led coalition'));
    if (expected.length) expect((await resultTitles(page)).sort()).toEqual(expected.map((a) => a.title).sort());
    else await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/No results/);
    expect(await page.getByLabel('Search every article').inputValue()).toBe('Palmyra');
    expect(await page.getByLabel(/^US-led coalition/).isChecked()).toBe(true);
    await page.close();
  });

  it('results link to heading anchors (sub-results)', async () => {
    const page = await open('/search/?q=emergency');
    await resultTitles(page);
    const anchors = await page.locator('.sub-results a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(anchors.some((href) => href?.endsWith('#emergency-unsc-meeting'))).toBe(true);
    await page.close();
  });
});

describe('every page', () => {
  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
