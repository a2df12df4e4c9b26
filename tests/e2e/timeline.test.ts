import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import type { Article } from '../../src/ingest/record.ts';
import { axeViolations, launchBrowser, recordErrors } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';
import { serveStatic } from '../support/server.ts';
import { makeTimelineSeeds, TIMELINE_SOURCE } from '../support/timeline-seeds.ts';

let browser: Browser;
let siteUrl: string;
let siteDir: string;
let seedsDir: string;
let closeServer: () => Promise<void>;
let articles: Article[];
const consoleErrors: string[] = [];

/** A site of its own: the real seeds have a single dated article. */
beforeAll(async () => {
  seedsDir = await makeTimelineSeeds();
  ({ articles } = await parseSeedDir(seedsDir));
  siteDir = (await buildSite(seedsDir)).outDir;
  const server = await serveStatic(siteDir);
  siteUrl = server.url;
  closeServer = server.close;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await closeServer?.();
  await Promise.all([siteDir, seedsDir].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function open(url: string, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const page = await browser.newPage({ colorScheme });
  recordErrors(page, url, consoleErrors);
  await page.goto(url);
  return page;
}

/** Each bar of the page's chart: its link and the count its accessible name gives ("March 2016: 4 articles"). */
async function bars(page: Page): Promise<{ href: string; name: string; count: number }[]> {
  const links = page.locator('.timeline-chart a');
  const found = [];
  for (const link of await links.all()) {
    const name = (await link.locator('title').textContent())!;
    expect(await page.getByRole('link', { name, exact: true }).getAttribute('href')).toBe(await link.getAttribute('href'));
    found.push({ href: (await link.getAttribute('href'))!, name, count: Number(name.match(/: (\d+) articles?$/)![1]) });
  }
  return found;
}

/** How many articles a listing shows over all its pages. */
async function listed(page: Page, path: string): Promise<number> {
  let total = 0;
  for (let next: string | null = path; next; ) {
    await page.goto(siteUrl + next);
    total += await page.locator('.article-list-title').count();
    const nextLink = page.locator('a[rel="next"]');
    next = (await nextLink.count()) ? await nextLink.getAttribute('href') : null;
  }
  return total;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** What the bars must say for these articles: "Month YYYY: N articles" → month page, in date order. */
function expectedBars(of: Article[]): { href: string; name: string }[] {
  const counts = new Map<string, number>();
  for (const { date } of of) if (date && date.length > 4) counts.set(date.slice(0, 7), (counts.get(date.slice(0, 7)) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([month, count]) => ({
      href: `/archive/${month.slice(0, 4)}/${month.slice(5)}/`,
      name: `${MONTH_NAMES[Number(month.slice(5)) - 1]} ${month.slice(0, 4)}: ${count} article${count === 1 ? '' : 's'}`,
    }));
}

describe('the archive timeline', () => {
  it('has a bar for each month with articles, linking its month page, whose listing has exactly that many articles', async () => {
    const page = await open(`${siteUrl}/archive/`);
    expect(await page.locator('.timeline figcaption').textContent()).toBe('Articles per month, November 2014 to December 2017');
    const found = await bars(page);
    expect(found.map(({ href, name }) => ({ href, name }))).toEqual(expectedBars(articles));
    expect(found.some(({ count }) => count > 20)).toBe(true);
    for (const { href, count } of found) expect(await listed(page, href), href).toBe(count);
    await page.close();
  });

  it('counts the undated and year-only articles beside the chart, with links to where they are listed', async () => {
    const page = await open(`${siteUrl}/archive/`);
    const note = page.locator('.timeline-note');
    // The parentheses around counts are CSS (`.count`), not text.
    expect((await note.textContent())!.replace(/\s+/g, ' ')).toBe('Not in the chart: 5 undated articles; 3 articles dated only to a year: 2012 1, 2016 2.');
    expect(await note.getByRole('link', { name: '2016' }).getAttribute('href')).toBe('/archive/2016/');
    expect(await note.getByRole('link', { name: '5 undated articles' }).getAttribute('href')).toBe('/archive/undated/');
    expect(await listed(page, '/archive/undated/')).toBe(articles.filter((article) => !article.date).length);
    await page.close();
  });

  it('gives the same numbers in its table, by year and month', async () => {
    const page = await open(`${siteUrl}/archive/`);
    const table = page.locator('.timeline-numbers table');
    expect(await table.isVisible()).toBe(false);
    await page.getByText('The numbers as a table').click();
    const cells = await table.locator('td a').evaluateAll((links) => links.map((link) => ({ href: link.getAttribute('href'), count: Number(link.textContent) })));
    expect(cells).toEqual((await bars(page)).map(({ href, count }) => ({ href, count })));
    const row2016 = await table.locator('tbody tr', { hasText: '2016' }).locator('th, td').allTextContents();
    expect(row2016).toEqual(['2016', '23', '0', '4', '0', '0', '0', '0', '0', '0', '0', '0', '0', '2', '29']);
    const row2012 = await table.locator('tbody tr', { hasText: '2012' }).locator('th, td').allTextContents();
    expect(row2012).toEqual(['2012', ...Array(12).fill(''), '1', '1']);
    await page.close();
  });
});

describe('tag and source timelines', () => {
  it('a tag page charts its own articles and counts its undated ones', async () => {
    const page = await open(`${siteUrl}/tags/aleppo/`);
    const tagged = articles.filter((article) => article.tags.includes('Aleppo'));
    expect((await bars(page)).map(({ href, name }) => ({ href, name }))).toEqual(expectedBars(tagged));
    expect(await page.locator('.timeline-note').textContent()).toContain(`${tagged.filter((article) => !article.date).length} undated articles`);
    await page.close();
  });

  it('a source’s chart covers all its pages’ articles, and shows on the first page only', async () => {
    const page = await open(`${siteUrl}/sources/timeline-times/`);
    expect(await page.locator('h1').textContent()).toBe(`From ${TIMELINE_SOURCE}`);
    expect((await bars(page)).map(({ href, name }) => ({ href, name }))).toEqual(expectedBars(articles));
    await page.goto(`${siteUrl}/sources/timeline-times/2/`);
    expect(await page.locator('.timeline').count()).toBe(0);
    await page.close();
  });

  it('the real seeds chart their one dated article and count the 45 undated ones', async () => {
    const page = await open(`${inject('siteUrl')}/archive/`);
    expect(await bars(page)).toEqual([{ href: '/archive/2016/08/', name: 'August 2016: 1 article', count: 1 }]);
    expect(await page.locator('.timeline-note').textContent()).toContain('45 undated articles');
    await page.goto(`${inject('siteUrl')}/tags/assad/`);
    expect(await page.locator('.timeline').count()).toBe(0);
    await page.close();
  });
});

describe('quality of the chart pages', () => {
  it('every page of the timeline site passes html-validate', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
    const pages = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith('.html'));
    expect(pages).toEqual(expect.arrayContaining(['archive/index.html', 'tags/aleppo/index.html', 'sources/timeline-times/index.html']));
    const errors: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(await readFile(join(siteDir, file), 'utf8'), file);
      for (const result of report.results) for (const message of result.messages) errors.push(`${file}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
    }
    expect(errors).toEqual([]);
  });

  const cases = ['/archive/', '/tags/aleppo/', '/sources/timeline-times/'].flatMap((path) => (['light', 'dark'] as const).map((scheme) => [path, scheme] as const));
  it.each(cases)('%s (%s), table open: no axe violations', async (path, scheme) => {
    const page = await open(siteUrl + path, scheme);
    await page.getByText('The numbers as a table').click();
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
