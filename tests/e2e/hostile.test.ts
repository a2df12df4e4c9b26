import { readdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import type { Article } from '../../src/ingest/record.ts';
import { buildArchive, type Archive } from '../../src/lib/taxonomy.ts';
import { articleUrl, searchUrl, sourceUrl, tagUrl } from '../../src/lib/urls.ts';
import { launchBrowser } from '../support/browser.ts';
import { LONG_TITLE, TINY_ENTRIES } from '../support/hostile.ts';

const siteUrl = inject('hostileUrl');
const siteDir = inject('hostileDir');
let browser: Browser;
let archive: Archive;
let hostile: Article[];

/** Anything a payload in the fixtures would leave behind if captured text had become markup. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if ('__pwned' in window) found.push(`window.__pwned = ${String((window as { __pwned?: unknown }).__pwned)}`);
    for (const selector of ['img[src="x"]', 'script:not([src]):not([type="application/ld+json"])', 'iframe', 'b', 'a[href^="javascript:"]', '[onmouseover]', '[onfocus]', '[onerror]']) {
      if (document.querySelector(selector)) found.push(selector);
    }
    return found;
  });
}

async function visit(path: string): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const response = await page.goto(siteUrl + path);
  expect(response?.status(), path).toBe(200);
  expect(await injected(page), path).toEqual([]);
  expect(errors, path).toEqual([]);
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  const { articles } = await parseSeedDir(inject('hostileSeeds'));
  archive = buildArchive(articles);
  hostile = articles.filter((article) => /pwned|<|\*/.test(JSON.stringify(article)));
});

afterAll(async () => {
  await browser?.close();
});

describe('markup in every field stays text', () => {
  it('article pages show titles, sources, authors, tags and bodies literally and run nothing', async () => {
    expect(hostile.length).toBeGreaterThanOrEqual(2);
    for (const article of hostile) {
      const page = await visit(articleUrl(article.slug));
      expect(await page.locator('h1').textContent()).toBe(article.title);
      expect(article.title.startsWith((await page.title()).replace(/…$/, ''))).toBe(true);
      const text = (await page.locator('article').textContent())!;
      for (const value of [...article.sources, ...article.authors, ...article.tags]) expect(text).toContain(value);
      // The JSON-LD holds the title whole, as data: the one script element without src, closed once.
      const data = page.locator('script[type="application/ld+json"]');
      expect(await data.count()).toBe(1);
      expect(JSON.parse((await data.textContent())!)).toMatchObject({ headline: article.title, ...(article.authors.length && { author: article.authors.map((name) => ({ name })) }) });
      expect(await page.locator('script:not([src])').count()).toBe(1);
      await page.close();
    }
    const page = await visit(articleUrl(hostile.find((article) => article.body.includes('iframe'))!.slug));
    const prose = (await page.locator('.prose').textContent())!;
    expect(prose).toContain('<script>window.__pwned = 1</script>');
    expect(prose).toContain('<iframe src="https://example.com/embed"></iframe>');
    expect(prose).toContain("{{ constructor.constructor('window.__pwned = 7')() }}");
    expect(await page.locator('.prose a[href="https://example.com/embed"]').getAttribute('rel')).toBe('noopener noreferrer');
    await page.close();
  });

  it('tag, source and list pages and search results show hostile names as text', async () => {
    const hostileTerms = [...archive.tags, ...archive.sources].filter((term) => /[<"{]/.test(term.name));
    expect(hostileTerms.length).toBeGreaterThanOrEqual(5);
    for (const term of hostileTerms) {
      const url = archive.tags.includes(term) ? tagUrl(term.slug) : sourceUrl(term.slug);
      const page = await visit(url);
      expect(await page.locator('h1').textContent()).toContain(term.name);
      await page.close();
    }
    for (const path of ['/', '/tags/', '/sources/', '/archive/', '/archive/undated/']) await (await visit(path)).close();
    const page = await visit(searchUrl('pwned'));
    await expect.poll(() => page.locator('.result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // The filter panel fills in after the first results.
    const labels = () => page.locator('.filter-options label').allTextContents();
    await expect.poll(async () => (await labels()).some((label) => label.startsWith('<script>window.__pwned = 1</script>')), { timeout: 15_000 }).toBe(true);
    for (const summary of await page.locator('.search-filters summary').all()) await summary.click();
    expect(await page.locator('.result h3').allTextContents()).toContain(hostile.find((article) => article.title.startsWith('<script>'))!.title);
    expect(await page.locator('.result-excerpt').first().textContent()).toContain('<script>');
    expect(await injected(page)).toEqual([]);
    await page.close();
  });
});

describe('awkward names', () => {
  it('every tag and source has a working page inside the site, whatever its name', async () => {
    const names = archive.tags.map((term) => term.name);
    expect(names).toEqual(expect.arrayContaining(['C++', 'Israel/Palestine', 'Dayr az-Zawr', '..', '!!!']));
    expect(names).not.toContain('');
    const page = await browser.newPage();
    for (const [terms, urlOf] of [[archive.tags, tagUrl], [archive.sources, sourceUrl]] as const) {
      for (const term of terms) {
        expect(term.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        const response = await page.goto(siteUrl + urlOf(term.slug));
        expect(response?.status(), term.name).toBe(200);
        expect(await page.locator('.article-list-title').count()).toBe(Math.min(term.articles.length, 20));
      }
    }
    await page.close();
    const files = await readdir(siteDir, { recursive: true });
    expect(files.filter((file) => file.split('/').some((part) => part === '..' || part === '.'))).toEqual([]);
    expect(archive.sources.find((term) => term.name === '../../etc/passwd')?.slug).toBe('etc-passwd');
  });

  it('tags that differ only in case or accents share one page', async () => {
    const elite = archive.tags.filter((term) => term.name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() === 'elite');
    expect(elite).toHaveLength(1);
    const page = await visit(tagUrl(elite[0].slug));
    expect(await page.locator('.article-list-title').allTextContents()).toContain('Nested folder capture with a tag page shape');
    expect(await page.locator('.article-list-title').count()).toBe(4);
    await page.close();
  });

  it('titles that slugify alike get pages of their own', async () => {
    const colliding = archive.articles.filter((article) => article.title.startsWith('Colliding titles'));
    expect(new Set(colliding.map((article) => article.slug)).size).toBe(2);
    for (const article of colliding) {
      const page = await visit(articleUrl(article.slug));
      expect(await page.locator('h1').textContent()).toBe(article.title);
      await page.close();
    }
  });
});

describe('size', () => {
  it('a 1,000-character title, a 5 MB file and 10,000 tiny entries all reach the site', async () => {
    expect(LONG_TITLE).toHaveLength(1000);
    const long = archive.articles.find((article) => article.title === LONG_TITLE)!;
    expect(long.slug.length).toBeLessThanOrEqual(80);
    const page = await visit(articleUrl(long.slug));
    expect(await page.locator('h1').textContent()).toBe(LONG_TITLE);
    await page.goto(`${siteUrl}/articles/tiny-entry-${TINY_ENTRIES}/`);
    expect(await page.locator('h1').textContent()).toBe(`Tiny entry ${TINY_ENTRIES}`);
    await page.close();
    expect(archive.articles.filter((article) => article.title.startsWith('Tiny entry'))).toHaveLength(TINY_ENTRIES);
    expect(archive.articles.some((article) => article.origins[0].file === 'big.txt')).toBe(true);
  });

  it('warned about the whitespace-only file, the empty tag and the file that is not .txt, and went on', () => {
    const log = inject('hostileBuildLog');
    expect(log).toMatch(/blank\.txt:1: warning: no entries found/);
    expect(log).toMatch(/notes\.md: warning: not a \.txt file; skipped/);
    expect(log).toMatch(/awkward-tags\.txt:\d+: warning: front-matter "tags": empty value ignored/);
    expect(log).toContain(`${archive.articles.length} articles, ${archive.tags.length} tags, ${archive.sources.length} sources`);
  });
});
