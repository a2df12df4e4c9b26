/**
 * Search timing: the built site served on loopback, opened in headless Chromium with a cold
 * cache (a new context per query) for a common word, a rare name and a tag-filtered query.
 */
import type { Browser } from 'playwright-core';
import type { Article } from '../../src/ingest/record.ts';
import { launchBrowser } from '../../tests/support/browser.ts';
import { serveStatic } from '../../tests/support/server.ts';
import { median, progress, round, sleep } from './progress.ts';


export interface Query {
  kind: 'common' | 'rare' | 'tag';
  q: string;
  tag?: string;
  /** Articles whose title or text contains the word (from the parsed corpus). */
  corpusArticles: number;
}

/** A common word, a name that occurs in few articles, and a tag-filtered query, chosen from the parsed corpus. */
export function chooseQueries(articles: Article[]): Query[] {
  const frequency = new Map<string, number>();
  const tagCount = new Map<string, number>();
  const hasWord = (word: string) => {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'iu');
    return (article: Article) => pattern.test(`${article.title} ${article.teaser} ${article.body}`);
  };
  const contains = (word: string) => articles.filter(hasWord(word)).length;
  for (const article of articles) {
    const words = new Set(`${article.title} ${article.teaser} ${article.body}`.match(/(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{4,}(?![\p{L}\p{N}])/gu) ?? []);
    for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    for (const tag of article.tags) tagCount.set(tag, (tagCount.get(tag) ?? 0) + 1);
  }
  const vocabulary = [...new Set([...frequency.keys()].map((word) => word.toLowerCase()))].sort();
  const isPrefixOfAnother = (word: string) => {
    const lower = word.toLowerCase();
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vocabulary[mid] <= lower) lo = mid + 1;
      else hi = mid;
    }
    return lo < vocabulary.length && vocabulary[lo].startsWith(lower);
  };
  // Few articles, and not the start of another word (Pagefind also matches prefixes of the last query word).
  const rare =
    [...frequency]
      .filter(([word, count]) => count >= 2 && count <= 5 && !isPrefixOfAnother(word))
      .sort((a, b) => Math.abs(a[1] - 3) - Math.abs(b[1] - 3) || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'Palmyra';
  const tags = [...tagCount].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const tag = tags[Math.min(9, tags.length - 1)]?.[0] ?? 'Assad';
  return [
    { kind: 'common', q: 'Syria', corpusArticles: contains('Syria') },
    { kind: 'rare', q: rare, corpusArticles: frequency.get(rare) ?? 0 },
    { kind: 'tag', q: 'Russia', tag, corpusArticles: articles.filter((article) => article.tags.includes(tag) && hasWord('Russia')(article)).length },
  ];
}

/**
 * The first result's title on the search page: Pagefind's default UI, or the project's own
 * search page (`#results .result h3`). The status line that says how many results there are.
 */
const RESULT_TITLE = '.pagefind-ui__result-title, #results .result h3';
const RESULT_STATUS = '.pagefind-ui__message, #search-status';

interface SearchMeasure {
  url: string;
  firstResultMs: number;
  /** Response bodies of the requests that had finished when the first result showed (the issue's "first results in ≤ 300 KB"). */
  firstResultBytes: number;
  /** Response bodies of every request from the navigation to /search/ until the network is quiet after the first result. */
  bytes: number;
  /** The same, for /pagefind/ requests only. */
  pagefindBytes: number;
  requests: number;
  message: string;
}

async function measureSearch(browser: Browser, base: string, query: Query): Promise<SearchMeasure> {
  const params = new URLSearchParams({ q: query.q });
  if (query.tag) params.set('tag', query.tag);
  const url = `${base}/search/?${params}`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript((selector: string) => {
      const record = window as unknown as { __firstResult?: number };
      const observer = new MutationObserver(() => {
        const title = document.querySelector(selector);
        if (record.__firstResult === undefined && title?.textContent?.trim()) {
          record.__firstResult = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    }, RESULT_TITLE);
    let pending = 0;
    let requests = 0;
    let lastActivity = performance.now();
    let bytes = 0;
    let pagefindBytes = 0;
    const sizes: Promise<{ finishedAt: number; size: number }>[] = [];
    page.on('request', () => {
      pending++;
      requests++;
      lastActivity = performance.now();
    });
    page.on('requestfailed', () => {
      pending--;
      lastActivity = performance.now();
    });
    page.on('requestfinished', (request) => {
      pending--;
      lastActivity = performance.now();
      const finishedAt = Date.now();
      sizes.push(
        request.sizes().then(({ responseBodySize }) => {
          bytes += responseBodySize;
          if (new URL(request.url()).pathname.startsWith('/pagefind/')) pagefindBytes += responseBodySize;
          return { finishedAt, size: responseBodySize };
        }),
      );
    });
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => (window as unknown as { __firstResult?: number }).__firstResult, undefined, { timeout: 120_000, polling: 50 });
    const firstResultMs = (await handle.jsonValue()) as number;
    // The page's clock starts at its navigation: on the wall clock, the first result showed at timeOrigin + firstResultMs.
    const firstResultAt = (await page.evaluate(() => performance.timeOrigin)) + firstResultMs;
    const finishedBeforeFirst = Promise.all([...sizes]).then((done) => done.filter(({ finishedAt }) => finishedAt <= firstResultAt).reduce((sum, { size }) => sum + size, 0));
    const settleDeadline = performance.now() + 30_000;
    while ((pending > 0 || performance.now() - lastActivity < 500) && performance.now() < settleDeadline) await sleep(100);
    await Promise.all(sizes);
    const firstResultBytes = await finishedBeforeFirst;
    // The status line says "Searching…" until the page has also counted the filters (CPU, no network).
    const status = page.locator(RESULT_STATUS).first();
    const statusText = async () => ((await status.textContent({ timeout: 5000 }).catch(() => '')) ?? '').trim();
    let message = await statusText();
    while (/^Searching/i.test(message) && performance.now() < settleDeadline) {
      await sleep(100);
      message = await statusText();
    }
    return { url: url.slice(base.length), firstResultMs: round(firstResultMs, 1)!, firstResultBytes, bytes, pagefindBytes, requests, message };
  } finally {
    await context.close();
  }
}

export interface QueryResult extends Query {
  runs: SearchMeasure[];
  errors: string[];
  medianFirstResultMs: number | null;
  medianFirstResultBytes: number | null;
  medianBytes: number | null;
  medianPagefindBytes: number | null;
  /** What the search page said, e.g. "12 results for …". */
  results: string;
}

/** Each query `runs` times on the site in `outDir`; a query that fails is reported with its errors. */
export async function searchSite(outDir: string, queries: Query[], runs: number, label: string): Promise<QueryResult[]> {
  progress(`${label}: search: ${queries.map((query) => `${query.kind} "${query.q}"${query.tag ? ` tag "${query.tag}"` : ''} (${query.corpusArticles} articles)`).join(', ')}`);
  const server = await serveStatic(outDir);
  const browser = await launchBrowser();
  try {
    // Warm the browser itself (processes, compiled code) on a throwaway context; every measured query gets a fresh one.
    const warm = await browser.newContext();
    await (await warm.newPage()).goto(`${server.url}/`);
    await warm.close();
    const results: QueryResult[] = [];
    for (const query of queries) {
      const measures: SearchMeasure[] = [];
      const errors: string[] = [];
      for (let run = 0; run < runs; run++) {
        try {
          measures.push(await measureSearch(browser, server.url, query));
        } catch (error) {
          errors.push((error as Error).message.split('\n')[0]);
          progress(`${label}: search ${query.kind} run ${run + 1}: ERROR ${errors.at(-1)}`);
        }
      }
      const result = {
        ...query,
        runs: measures,
        errors,
        medianFirstResultMs: round(median(measures.map((m) => m.firstResultMs)), 1),
        medianFirstResultBytes: round(median(measures.map((m) => m.firstResultBytes)), 0),
        medianBytes: round(median(measures.map((m) => m.bytes)), 0),
        medianPagefindBytes: round(median(measures.map((m) => m.pagefindBytes)), 0),
        results: measures[0]?.message ?? '',
      };
      results.push(result);
      if (measures.length) progress(`${label}: search ${query.kind}: first result ${result.medianFirstResultMs} ms after ${((result.medianFirstResultBytes ?? 0) / 1024).toFixed(0)} KiB, ${((result.medianBytes ?? 0) / 1024).toFixed(0)} KiB in all (${result.results})`);
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
  }
}
