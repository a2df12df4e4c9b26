import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import { launchBrowser } from '../support/browser.ts';
import { PROJECT } from '../support/build.ts';

const siteUrl = inject('siteUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

it('every internal link resolves, every article is reachable, and no page logs a console error', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  let current = '/';
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${current}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${current}: ${error.message}`));

  const visited = new Set<string>();
  const broken: string[] = [];
  const queue = ['/'];
  while (queue.length) {
    current = queue.shift()!;
    const isPage = current.endsWith('/') || current.includes('/?');
    // Assets are fetched, not opened: opening a bare file makes Chromium ask for /favicon.ico.
    const response = isPage ? await page.goto(siteUrl + current) : await page.request.get(siteUrl + current);
    if (response?.status() !== 200) {
      broken.push(`${current} → ${response?.status()}`);
      continue;
    }
    if (!isPage) continue;
    const targets = await page.locator('a[href], link[href], script[src], img[src]').evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('href') ?? element.getAttribute('src')!),
    );
    for (const target of targets) {
      const url = new URL(target, siteUrl + current);
      if (url.origin !== siteUrl) continue;
      const path = url.pathname + url.search;
      if (!visited.has(path)) {
        visited.add(path);
        queue.push(path);
      }
    }
  }

  const { articles } = await parseSeedDir(`${PROJECT}/seeds`);
  const unreachable = articles.filter((article) => !visited.has(`/articles/${article.slug}/`));
  expect(broken).toEqual([]);
  expect(unreachable.map((article) => article.slug)).toEqual([]);
  expect(errors).toEqual([]);
  expect(visited.size).toBeGreaterThan(articles.length);
});
