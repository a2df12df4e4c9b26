/**
 * Names in the browser: every spelling finds the same articles and excerpts show only the
 * articles' own words (real seeds); the Mentions filter, browsing by filters alone and OR within
 * a filter (real seeds); a topic page with more than a page of articles, its spellings and its
 * timeline, article pages' mentions and related articles (a site of its own).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { wordsOf } from '../../src/ingest/words.ts';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import type { Article } from '../../src/ingest/record.ts';
import { launchBrowser } from '../support/browser.ts';
import { buildSite, PROJECT } from '../support/build.ts';
import { resultTitles } from '../support/search.ts';
import { serveStatic } from '../support/server.ts';

const siteUrl = inject('siteUrl');
let browser: Browser;
let articles: Article[];

/** 23 dated captures that name Palmyra, in four spellings, one of them from entities.yaml. */
const PALMYRA_SPELLINGS = ['Palmyra', 'Tadmur', 'Tadmor', 'Palmyre', 'Tadmour'];
const topicSeeds = Object.fromEntries([
  ...Array.from({ length: 23 }, (_, index): [string, string] => {
    const date = `2016-${String(Math.floor(index / 2) + 1).padStart(2, '0')}-${String(index + 1).padStart(2, '0')}`;
    const spelling = PALMYRA_SPELLINGS[index % PALMYRA_SPELLINGS.length];
    const more = index % 2 ? ' Troops moved on towards Homs.' : ' Aid reached Homs and Hama.';
    return [`report-${index + 1}.txt`, `---\ndate: ${date}\n---\nReport ${index + 1} from the desert\n\nShelling was heard near ${spelling} on the day.${more}\n`];
  }),
  ['entities.yaml', '- name: Palmyra\n  aliases: [Tadmour]\n'],
]);
let topicSite: { seeds: string; outDir: string; url: string; close: () => Promise<void> };

beforeAll(async () => {
  browser = await launchBrowser();
  ({ articles } = await parseSeedDir(`${PROJECT}/seeds`));
  const seeds = await mkdtemp(join(tmpdir(), 'news-archive-topic-seeds-'));
  for (const [file, text] of Object.entries(topicSeeds)) await writeFile(join(seeds, file), text);
  const { outDir } = await buildSite(seeds);
  topicSite = { seeds, outDir, ...(await serveStatic(outDir)) };
});

afterAll(async () => {
  await browser?.close();
  await topicSite?.close();
  await Promise.all([topicSite?.seeds, topicSite?.outDir].filter(Boolean).map((dir) => rm(dir!, { recursive: true, force: true })));
});

async function open(url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  return page;
}

const mentioning = (slug: string) => articles.filter((article) => article.entities.some((entity) => entity.slug === slug));
const titles = (list: Article[]) => list.map((article) => article.title).sort();

async function searchFor(query: string): Promise<string[]> {
  const page = await open(`${siteUrl}/search/?q=${encodeURIComponent(query)}`);
  const found = await resultTitles(page);
  await page.close();
  return found.sort();
}

describe('a search for any spelling of a name (real seeds)', () => {
  it.each([
    ['islamic-state', ['isis', 'isil', 'daesh']],
    ['palmyra', ['palmyra', 'tadmur']],
    ['deir-ez-zor', ['deir ezzor', 'deir ez-zor', 'deir ez zor', 'deir-ez-zor', 'Dayr al-Zawr']],
  ])('%s: every spelling finds the same articles, every article that names it among them', async (slug, spellings) => {
    const [first, ...others] = await Promise.all(spellings.map(searchFor));
    expect(first.length).toBeGreaterThan(mentioning(slug).length - 1);
    expect(first).toEqual(expect.arrayContaining(titles(mentioning(slug))));
    for (const other of others) expect(other).toEqual(first);
  });

  it('shows excerpts and highlights made only of the words of the article found', async () => {
    const page = await browser.newPage();
    const shown = new Map<string, string[]>();
    for (const query of ['daesh', 'isil', 'tadmur', 'deir ezzor', 'Islamic State', 'Russian Federation']) {
      await page.goto(`${siteUrl}/search/?q=${encodeURIComponent(query)}`);
      await resultTitles(page);
      for (const result of await page.locator('.result').all()) {
        const href = (await result.locator('h3 a').getAttribute('href'))!;
        const excerpts = await result.locator('.result-excerpt').allTextContents();
        shown.set(href, [...(shown.get(href) ?? []), ...excerpts]);
      }
    }
    expect(shown.size).toBeGreaterThan(20);
    const strays: string[] = [];
    for (const [href, excerpts] of shown) {
      await page.goto(siteUrl + href);
      const own = new Set(wordsOf(await page.locator('article').innerText()).toLowerCase().split(' '));
      for (const word of excerpts.flatMap((excerpt) => wordsOf(excerpt).toLowerCase().split(' ')).filter(Boolean)) {
        if (!own.has(word)) strays.push(`${href}: "${word}"`);
      }
    }
    expect(strays).toEqual([]);
    await page.close();
  });
});

describe('the Mentions filter (real seeds)', () => {
  const entityFilter = (page: Page, name: string) => page.locator('.filter-options label').filter({ hasText: new RegExp(`^${name} \\d+$`) });

  it('browses without a query, combines values of one filter by OR, and keeps them in the address', async () => {
    const page = await open(`${siteUrl}/search/`);
    await page.locator('summary', { hasText: 'Mentions' }).click();
    await entityFilter(page, 'Palmyra').click();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('mentions')).toEqual(['Palmyra']);
    expect((await resultTitles(page)).sort()).toEqual(titles(mentioning('palmyra')));
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 15_000 }).toMatch(/ for the chosen filters$/);

    await entityFilter(page, 'Raqqa').click();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('mentions')).toEqual(['Palmyra', 'Raqqa']);
    const either = articles.filter((article) => article.entities.some((entity) => ['palmyra', 'raqqa'].includes(entity.slug)));
    expect((await resultTitles(page)).sort()).toEqual(titles(either));
    await page.close();
  });

  it('narrows a query and combines with another filter, from a shared address', async () => {
    const both = articles.filter((article) => article.tags.includes('US-led coalition') && article.entities.some((entity) => entity.slug === 'deir-ez-zor'));
    expect(both.length).toBeGreaterThan(0);
    const page = await open(`${siteUrl}/search/?mentions=${encodeURIComponent('Deir ez-Zor')}&tag=${encodeURIComponent('US-led coalition')}`);
    expect((await resultTitles(page)).sort()).toEqual(titles(both));
    expect(await page.getByLabel(/^Deir ez-Zor \d+$/).isChecked()).toBe(true);

    await page.getByLabel('Search every article').fill('strike');
    await page.getByLabel('Search every article').press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('strike');
    const striking = both.filter((article) => /\bstrikes?\b/i.test(`${article.title} ${article.text}`));
    expect((await resultTitles(page)).sort()).toEqual(titles(striking));
    await page.close();
  });
});

describe('topic pages and related articles (a site of 23 articles naming Palmyra)', () => {
  it('lists the topic under its kind with its article count', async () => {
    const page = await open(`${topicSite.url}/topics/`);
    const places = page.locator('section', { has: page.getByRole('heading', { name: /^Places/ }) });
    await expect.poll(() => places.getByRole('link', { name: /^Palmyra/ }).textContent()).toMatch(/^Palmyra\s*23$/);
    await places.getByRole('link', { name: /^Palmyra/ }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Palmyra');
    await page.close();
  });

  it('shows the spellings that occurred, a timeline, and every article newest first over two pages', async () => {
    const page = await open(`${topicSite.url}/topics/palmyra/`);
    expect(await page.locator('.about').textContent()).toBe('A place. Also written as Tadmor, Tadmur, Palmyre and Tadmour.');
    expect(await page.locator('.stats').textContent()).toMatch(/23 articles, newest first.*showing 1–20/);
    expect(await page.locator('.timeline-chart a').count()).toBe(12);
    const first = await page.locator('.article-list-title').allTextContents();
    expect(first).toHaveLength(20);
    expect(first[0]).toBe('Report 23 from the desert');
    await page.getByRole('link', { name: /^Older/ }).click();
    await expect.poll(() => page.url()).toBe(`${topicSite.url}/topics/palmyra/2/`);
    expect(await page.locator('h1').textContent()).toBe('Palmyra (page 2)');
    const second = await page.locator('.article-list-title').allTextContents();
    expect([...first, ...second].sort()).toEqual(Array.from({ length: 23 }, (_, index) => `Report ${index + 1} from the desert`).sort());
    expect(await page.locator('.timeline').count()).toBe(0);
    await page.close();
  });

  it('links an article to what it mentions and to at least three related articles', async () => {
    const page = await open(`${topicSite.url}/articles/report-5-from-the-desert/`);
    const mentions = page.locator('.facts div', { has: page.locator('dt', { hasText: 'Mentions' }) });
    expect(await mentions.locator('a').allTextContents()).toEqual(['Hama', 'Homs', 'Palmyra']);
    const related = await page.locator('.related-list a').allTextContents();
    expect(related.length).toBeGreaterThanOrEqual(3);
    expect(related).not.toContain('Report 5 from the desert');
    await page.locator('.related-list a').first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(related[0]);
    await page.close();
  });
});
