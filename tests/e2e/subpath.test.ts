/**
 * The site built for https://example.org/archive/ and served only under /archive/, as a
 * GitHub Pages project site is: every request stays there and succeeds, search works (its
 * index cut into bundles of 5 articles, so that the nested bundle addresses are under the base
 * too), and every absolute address starts with the site's.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import type { Article } from '../../src/ingest/record.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, PROJECT } from '../support/build.ts';
import { serveStatic, type StaticServer } from '../support/server.ts';

const SITE = 'https://example.org/archive/';
const BASE = '/archive/';
let outDir: string;
let log: string;
let server: StaticServer;
let browser: Browser;
let articles: Article[];
/** Every request the browser made, failed requests and answers of 400 or more, and console errors. */
const requested: string[] = [];
const failed: string[] = [];
/** Requests cancelled by leaving the page (Pagefind's files, the favicon): fetched again at the end. */
const aborted = new Set<string>();
const consoleErrors: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('request', (request) => requested.push(request.url()));
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText === 'net::ERR_ABORTED') aborted.add(request.url());
    else failed.push(`${request.url()}: ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()}: ${response.status()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${path}: ${message.text()}`);
  });
  await page.goto(server.url + path);
  return page;
}

beforeAll(async () => {
  ({ outDir, log } = await buildSite(join(PROJECT, 'seeds'), { SITE_URL: SITE, SEARCH_BUNDLE_SIZE: '5' }));
  server = await serveStatic(outDir, BASE);
  browser = await launchBrowser();
  ({ articles } = await parseSeedDir(join(PROJECT, 'seeds')));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('a site under /archive/', () => {
  it('is crawled from its home page with every request under /archive/ and none failing', async () => {
    const page = await open(BASE);
    const visited = new Set<string>([BASE]);
    const queue = [BASE];
    while (queue.length) {
      const path = queue.shift()!;
      const isPage = path.endsWith('/') || path.includes('/?');
      if (!isPage) {
        const response = await page.request.get(server.url + path);
        if (response.status() !== 200) failed.push(`${path}: ${response.status()}`);
        continue;
      }
      await page.goto(server.url + path);
      const targets = await page.locator('a[href], link[href], script[src], img[src]').evaluateAll((elements) =>
        elements.map((element) => element.getAttribute('href') ?? element.getAttribute('src')!),
      );
      for (const target of targets) {
        const url = new URL(target, server.url + path);
        if (url.origin !== server.url) continue;
        const next = url.pathname + url.search;
        if (!visited.has(next)) {
          visited.add(next);
          queue.push(next);
        }
      }
    }
    for (const url of aborted) {
      const response = await page.request.get(url);
      if (response.status() !== 200) failed.push(`${url}: ${response.status()}`);
    }
    await page.close();
    expect(failed).toEqual([]);
    expect(server.outside).toEqual([]);
    expect(requested.filter((url) => !url.startsWith(server.url + BASE))).toEqual([]);
    expect(articles.filter((article) => !visited.has(`${BASE}articles/${article.slug}/`)).map((article) => article.slug)).toEqual([]);
    expect([...visited].filter((path) => path.startsWith(`${BASE}_astro/`)).length).toBeGreaterThan(1);
    expect(consoleErrors).toEqual([]);
  });

  it('searches, and its results lead to the articles under /archive/', async () => {
    const page = await open(`${BASE}search/?q=Palmyra`);
    const links = page.locator('.result h3 a');
    // Settled: the newest bundle's results may show first, then the whole answer in its order.
    await page.locator('#results[aria-busy="false"]').waitFor({ timeout: 15_000 });
    expect(await links.count()).toBeGreaterThan(0);
    const hrefs = await links.evaluateAll((elements) => elements.map((element) => element.getAttribute('href')!));
    expect(hrefs.every((href) => href.startsWith(`${BASE}articles/`))).toBe(true);
    const title = await links.first().textContent();
    await links.first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    await page.close();
    expect(failed).toEqual([]);
    expect(server.outside).toEqual([]);
  });

  it('answers a missing page with its styled 404 page', async () => {
    const page = await open(`${BASE}no/such/page/`);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    expect(await page.evaluate(() => document.styleSheets.length)).toBeGreaterThan(0);
    expect(await page.getByRole('link', { name: 'home page' }).getAttribute('href')).toBe(BASE);
    await page.close();
    expect(failed.filter((entry) => !entry.includes('/no/such/page/'))).toEqual([]);
  });

  it('puts the site address in front of every canonical, Open Graph, feed, sitemap and robots.txt address', async () => {
    const read = (file: string) => readFile(join(outDir, file), 'utf8');
    const article = articles[0];
    const html = await read(`articles/${article.slug}/index.html`);
    const addresses = [
      ...[...html.matchAll(/<link rel="canonical" href="([^"]+)"/g)].map((match) => match[1]),
      ...[...html.matchAll(/<meta property="og:url" content="([^"]+)"/g)].map((match) => match[1]),
      JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/)![1]).url,
    ];
    expect(addresses).toEqual(Array(3).fill(`${SITE}articles/${article.slug}/`));
    const rss = await read('rss.xml');
    const links = [...rss.matchAll(/<(?:link|guid[^>]*)>([^<]+)</g)].map((match) => match[1]);
    expect(links.length).toBeGreaterThan(articles.length);
    expect(links.filter((link) => !link.startsWith(SITE))).toEqual([]);
    const sitemaps = (await read('sitemap-index.xml')) + (await read('sitemap-0.xml'));
    const locations = [...sitemaps.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locations.length).toBeGreaterThan(articles.length);
    expect(locations.filter((location) => !location.startsWith(SITE))).toEqual([]);
    expect(await read('robots.txt')).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
  });

  it('ships _headers and .nojekyll, and caches for a year only files whose names hold a content hash', async () => {
    const rules = (await readFile(join(outDir, '_headers'), 'utf8')).split('\n').filter((line) => line.startsWith('/'));
    // A rule's `:name` stands for one folder of the path, `*` for the files in it.
    const patterns = rules.map((rule) => new RegExp(`^${rule.slice(1, -2).replace(/:[a-z]+/g, '[^/]+')}$`));
    const hashed = (await readdir(join(outDir, 'pagefind'), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isDirectory() && ['fragment', 'index', 'filter'].includes(entry.name))
      .map((entry) => relative(outDir, join(entry.parentPath, entry.name)));
    expect(hashed.length).toBeGreaterThan(3);
    for (const folder of ['_astro', ...hashed]) {
      expect(patterns.filter((pattern) => pattern.test(folder)), folder).toHaveLength(1);
      const files = await readdir(join(outDir, folder));
      expect(files.length, folder).toBeGreaterThan(0);
      expect(files.filter((file) => !/[._][A-Za-z0-9_-]{7,}\.[a-z_]+$/.test(file)), folder).toEqual([]);
    }
    expect(existsSync(join(outDir, '.nojekyll'))).toBe(true);
  });

  it('says nothing about a placeholder address when SITE_URL is set, and once when it is not', () => {
    expect(log).not.toMatch(/placeholder/);
    expect(inject('hostileBuildLog').match(/no site address set: .* placeholder https:\/\/news-archive\.example\.org\//g)).toHaveLength(1);
  });
});
