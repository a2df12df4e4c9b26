/**
 * Search cut into bundles by year (src/lib/search-bundles.ts): the timeline seeds built twice,
 * with SEARCH_BUNDLE_SIZE=5 (a bundle per year, 2016 in parts, undated apart, and a words bundle)
 * and whole (one bundle). Every search finds the same articles in both, in the same date order,
 * with the same filter counts; a word only some years hold loads only their bundles; the newest
 * bundle's results show while the others load.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import type { Article } from '../../src/ingest/record.ts';
import { searchLanguages } from '../../src/lib/search-bundles.ts';
import { axeViolations, launchBrowser, recordErrors } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';
import { resultTitles } from '../support/search.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';
import { makeTimelineSeeds } from '../support/timeline-seeds.ts';

const BUNDLE_SIZE = 5;

let browser: Browser;
let seedsDir: string;
let articles: Article[];
const sites = {} as Record<'split' | 'whole', { dir: string; server: StaticServer }>;
const consoleErrors: string[] = [];

beforeAll(async () => {
  seedsDir = await makeTimelineSeeds();
  ({ articles } = await parseSeedDir(seedsDir));
  for (const [name, settings] of [
    ['split', { SEARCH_BUNDLE_SIZE: String(BUNDLE_SIZE) }],
    ['whole', {}],
  ] as const) {
    const { outDir } = await buildSite(seedsDir, settings);
    sites[name] = { dir: outDir, server: await serveStatic(outDir) };
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(sites).map(({ server }) => server.close()));
  await Promise.all([seedsDir, ...Object.values(sites).map(({ dir }) => dir)].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function open(site: 'split' | 'whole', path: string, before?: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await browser.newPage();
  recordErrors(page, `${site} ${path}`, consoleErrors);
  await before?.(page);
  await page.goto(`${sites[site].server.url}${path}`);
  return page;
}

/** The bundle folders a page asked for, under /pagefind/en/. */
function bundlesRequested(page: Page): Set<string> {
  const requested = new Set<string>();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/pagefind/en/')) requested.add(path.split('/')[3]);
  });
  return requested;
}

/** The date each title carries, `(2016-01)`: the timeline seeds put it there. */
const datesOf = (titles: string[]) => titles.map((title) => title.match(/\(([^)]+)\)$/)![1]);

describe('bundles by year', () => {
  it('writes one per year, a large year in parts, undated apart, each article in exactly one, and a words bundle; the page lists them newest first', async () => {
    const [english] = searchLanguages(articles, BUNDLE_SIZE);
    const ids = english.bundles.map(({ id }) => id.replace('en/', ''));
    expect(ids.filter((id) => !id.startsWith('2016-'))).toEqual(['2017', '2015', '2014', '2012', 'undated']);
    expect(ids.filter((id) => id.startsWith('2016-')).length).toBeGreaterThan(1);
    expect((await readdir(join(sites.split.dir, 'pagefind', 'en'))).sort()).toEqual([...ids, 'words'].sort());
    for (const { id, articles: inBundle } of english.bundles) {
      const entry = JSON.parse(await readFile(join(sites.split.dir, 'pagefind', id, 'pagefind-entry.json'), 'utf8'));
      expect(entry.languages.en.page_count, id).toBe(inBundle.length);
    }
    expect(english.bundles.flatMap((bundle) => bundle.articles).length).toBe(articles.length);
    const words = JSON.parse(await readFile(join(sites.split.dir, 'pagefind', 'en', 'words', 'pagefind-entry.json'), 'utf8'));
    expect(words.languages.en.page_count).toBe(ids.length);
    expect(await readdir(join(sites.whole.dir, 'pagefind'))).toEqual(['en']);

    const page = await open('split', '/search/');
    const listed = JSON.parse((await page.locator('#search-form').getAttribute('data-bundles'))!);
    expect(listed).toEqual([{ lang: 'en', words: { id: 'en/words', url: '/pagefind/en/words/' }, bundles: english.bundles.map(({ id, url }) => ({ id, url })) }]);
    await page.close();
  });
});

describe('finds what one index finds', () => {
  const searches = ['q=report', 'q=report&tag=Aleppo', 'tag=Aleppo', 'q=happened&year=2016', 'q=batch%207', 'q=%22batch%205%22'];

  it.each(searches.flatMap((search) => ['', '&sort=newest', '&sort=oldest'].map((sort) => `${search}${sort}`)))('?%s', async (query) => {
    const found: Record<string, { titles: string[]; filters: string[] }> = {};
    for (const site of ['whole', 'split'] as const) {
      const page = await open(site, `/search/?${query}`);
      const titles = await resultTitles(page);
      const labels = page.locator('#filters label');
      await expect.poll(() => labels.count()).toBeGreaterThan(0);
      found[site] = { titles, filters: await labels.allTextContents() };
      await page.close();
    }
    expect(found.whole.titles.length).toBeGreaterThan(0);
    expect([...found.split.titles].sort()).toEqual([...found.whole.titles].sort());
    // By date, the same dates in the same order (articles of one date may come in another order); by relevance, each bundle scores its own pages.
    if (query.includes('sort=')) expect(datesOf(found.split.titles)).toEqual(datesOf(found.whole.titles));
    expect([...found.split.filters].sort()).toEqual([...found.whole.filters].sort());
  });
});

describe('which bundles a search loads', () => {
  it('a word only 2014 holds loads the words bundle, the newest (loaded before any search) and 2014, and no other', async () => {
    let requested = new Set<string>();
    const page = await open('split', '/search/?q=2014', async (page) => (requested = bundlesRequested(page)));
    const titles = await resultTitles(page);
    expect(titles.sort()).toEqual(articles.filter((article) => article.date?.startsWith('2014')).map((article) => article.title).sort());
    expect([...requested].sort()).toEqual(['2014', '2017', 'words']);
    await page.close();
  });

  it('a word no article holds finds nothing, where one index answers with a word it starts with (Pagefind lists every "report" for "reportage")', async () => {
    const split = await open('split', '/search/?q=reportage');
    expect(await resultTitles(split)).toEqual([]);
    await split.close();
    const whole = await open('whole', '/search/?q=reportage');
    expect((await resultTitles(whole)).length).toBe(articles.length);
    await whole.close();
  });

  it('shows the newest bundle’s results while the others load, then every result', async () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const older = (url: URL) => /^\/pagefind\/en\/(?!2017\/|words\/)/.test(url.pathname);
    const page = await open('split', '/search/?q=report&sort=newest', (page) =>
      page.route(older, async (route) => {
        await released;
        await route.continue();
      }),
    );
    const titles = page.locator('.result > h3');
    const newest = articles.filter((article) => article.date?.startsWith('2017')).map((article) => article.title);
    await expect.poll(async () => (await titles.allTextContents()).map((title) => title.trim()).sort(), { timeout: 15_000 }).toEqual(newest.sort());
    expect(await page.locator('#search-status').textContent()).toBe('Searching…');
    expect(await page.locator('#results').getAttribute('aria-busy')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    release();
    const all = await resultTitles(page);
    expect(all).toHaveLength(articles.length);
    expect(all.slice(0, newest.length).sort()).toEqual(newest);
    await page.close();
  });

  it('logs no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
