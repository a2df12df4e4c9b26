/** Two captures of one headline with different texts: both reach the site, and the nothing-lost check guards both. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBuiltSite } from '../../scripts/lib/check-site.ts';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import type { Article } from '../../src/ingest/record.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite } from '../support/build.ts';
import { serveStatic } from '../support/server.ts';

const SHORT = `Rents rise in Damascus

Source: SANA
Rents rose by a third this year, traders in the old city say.
`;
const LONG = `Rents rise in Damascus

Source: Al Watan
Rents rose by a third this year, landlords in Mezzeh say.

Families who fled the fighting now share flats with relatives.

The ministry promised a cap on increases next spring.
`;

let seeds: string;
let site: { outDir: string; log: string };
let server: { url: string; close: () => Promise<void> };
let browser: Browser;
let articles: Article[];

beforeAll(async () => {
  seeds = await mkdtemp(join(tmpdir(), 'news-archive-merge-seeds-'));
  await writeFile(join(seeds, 'a-sana.txt'), SHORT);
  await writeFile(join(seeds, 'b-watan.txt'), LONG);
  site = await buildSite(seeds);
  server = await serveStatic(site.outDir);
  browser = await launchBrowser();
  ({ articles } = await parseSeedDir(seeds));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await Promise.all([seeds, site?.outDir].filter(Boolean).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('captures of one headline with different texts', () => {
  it('build with a warning naming both files and lines', () => {
    expect(site.log).toContain('a-sana.txt:1: warning: "Rents rise in Damascus" is also captured at b-watan.txt:1 with a different text; both texts are kept');
  });

  it('show the fuller text as the article and the other under "Other captures", labelled by outlet and file', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/articles/rents-rise-in-damascus/`);
    await expect(page.locator('.article > .prose').textContent()).resolves.toContain('The ministry promised a cap on increases next spring.');
    const other = page.locator('.other-captures .capture');
    await expect(other.count()).resolves.toBe(1);
    await expect(other.locator('h3').textContent()).resolves.toMatch(/^SANA\s+a-sana\.txt, line 1$/);
    await expect(other.locator('p').textContent()).resolves.toBe('Rents rose by a third this year, traders in the old city say.');
    await expect(page.locator('.provenance li').allTextContents()).resolves.toEqual([
      expect.stringMatching(/^a-sana\.txt, line 1 \(SANA\)\s*: its own text, under Other captures$/),
      'b-watan.txt, line 1 (Al Watan)',
    ]);
    await page.close();
  });

  it('are both guarded by the nothing-lost check', async () => {
    expect(checkBuiltSite(site.outDir, articles).failures).toEqual([]);
    const file = join(site.outDir, 'articles', 'rents-rise-in-damascus', 'index.html');
    const html = await readFile(file, 'utf8');
    for (const [gone, what] of [
      ['traders in the old city say', 'the text captured at a-sana.txt:1'],
      ['The ministry promised', 'the article’s text'],
    ]) {
      await writeFile(file, html.replace(gone, 'something else'));
      expect(checkBuiltSite(site.outDir, articles).failures).toEqual([`/articles/rents-rise-in-damascus/ does not show ${what}`]);
    }
    await writeFile(file, html);
  });
});
