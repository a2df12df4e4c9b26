import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { parseSeedDir } from '../lib/ingest.ts';
import type { Article } from '../lib/record.ts';
import { bySlug } from '../lib/slug.ts';
import { buildArchive } from '../lib/taxonomy.ts';
import { listingPageUrl } from '../lib/pagination.ts';
import { articleUrl, monthUrl, sourceUrl, tagUrl, undatedUrl, YEAR_PAGE_SEGMENT, yearUrl } from '../lib/urls.ts';

const ARTICLE_LINK = /href="(\/articles\/[a-z0-9-]+\/)"/g;

/**
 * "Nothing lost": after the build (and the search index), checks that every record parsed
 * from the seeds has exactly one article page, is in /articles.json and the search index,
 * and is listed on the index pages of each of its tags, sources and dates. Prints a one-line
 * summary and fails the build if any count disagrees.
 */
export function verifySite({ seedsDir }: { seedsDir: string }): AstroIntegration {
  return {
    name: 'verify-site',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { articles } = await parseSeedDir(seedsDir);
        const { failures, summary } = await checkBuiltSite(fileURLToPath(dir), articles);
        if (failures.length) {
          const shown = failures.slice(0, 20).map((failure) => `  - ${failure}`).join('\n');
          const more = failures.length > 20 ? `\n  … and ${failures.length - 20} more` : '';
          throw new Error(`the built site lost or duplicated records (${summary}):\n${shown}${more}`);
        }
        logger.info(summary);
      },
    },
  };
}

/** Compares a built site with the records it was built from; an empty `failures` means nothing was lost. */
export async function checkBuiltSite(site: string, articles: Article[]): Promise<{ failures: string[]; summary: string }> {
  const archive = buildArchive(articles);
  const htmlFiles = (await readdir(site, { recursive: true })).filter((file) => file.endsWith('.html'));
  const dates: Listing[] = [
    ...archive.years.map(({ year, articles: inYear }) => ({ name: year, url: yearUrl(year), articles: inYear, segment: YEAR_PAGE_SEGMENT })),
    ...archive.years.flatMap(({ year, months }) =>
      months.map(({ month, articles: inMonth }) => ({ name: `${year}-${month}`, url: monthUrl(year, month), articles: inMonth })),
    ),
    ...(archive.undated.length ? [{ name: 'undated', url: undatedUrl, articles: archive.undated }] : []),
  ];
  const failures = (
    await Promise.all([
      checkArticlePages(articles, htmlFiles),
      checkJson(site, articles),
      checkSearchIndex(site, articles),
      checkListings(site, 'tag', archive.tags.map((term) => ({ ...term, url: tagUrl(term.slug) }))),
      checkListings(site, 'source', archive.sources.map((term) => ({ ...term, url: sourceUrl(term.slug) }))),
      checkListings(site, 'date', dates),
    ])
  ).flat();
  const summary = `${articles.length} articles, ${archive.tags.length} tags, ${archive.sources.length} sources, ${htmlFiles.length} pages`;
  return { failures, summary };
}

function checkArticlePages(articles: Article[], htmlFiles: string[]): string[] {
  const pages = new Set(htmlFiles.filter((file) => /^articles\/[^/]+\/index\.html$/.test(file)).map((file) => `/${file.slice(0, -'index.html'.length)}`));
  const expected = new Set(articles.map((article) => articleUrl(article.slug)));
  return [
    ...[...expected].filter((url) => !pages.has(url)).map((url) => `no article page at ${url}`),
    ...[...pages].filter((url) => !expected.has(url)).map((url) => `article page ${url} has no record`),
  ];
}

async function checkJson(site: string, articles: Article[]): Promise<string[]> {
  const published: Article[] = JSON.parse(await readFile(join(site, 'articles.json'), 'utf8'));
  const expected = [...articles].sort(bySlug);
  return JSON.stringify(published) === JSON.stringify(expected) ? [] : [`/articles.json holds ${published.length} records that differ from the ${articles.length} parsed`];
}

/** Pagefind's fragments (gzip: a `pagefind_dcd` signature, then JSON starting with the URL) name each indexed page. */
async function checkSearchIndex(site: string, articles: Article[]): Promise<string[]> {
  const fragmentDir = join(site, 'pagefind', 'fragment');
  const indexed = new Map<string, number>();
  const urls = await inBatches(await readdir(fragmentDir), async (file) => {
    const head = gunzipSync(await readFile(join(fragmentDir, file))).toString('utf8', 0, 4096);
    const quoted = head.match(/^pagefind_dcd\{"url":("(?:[^"\\]|\\.)*")/)?.[1];
    return quoted ? (JSON.parse(quoted) as string) : `(unreadable fragment ${file})`;
  });
  for (const url of urls) indexed.set(url, (indexed.get(url) ?? 0) + 1);
  const expected = new Set(articles.map((article) => articleUrl(article.slug)));
  return [
    ...[...expected].filter((url) => indexed.get(url) !== 1).map((url) => `${url} is in the search index ${indexed.get(url) ?? 0} times`),
    ...[...indexed.keys()].filter((url) => !expected.has(url)).map((url) => `the search index holds ${url}, which is no article`),
  ];
}

interface Listing {
  name: string;
  url: string;
  articles: Article[];
  /** Between the listing's URL and a page number: see listingPageUrl. */
  segment?: string;
}

/** Every article of a term is linked from the term's page or one of its numbered follow-up pages. */
async function checkListings(site: string, kind: string, listings: Listing[]): Promise<string[]> {
  const failures = await inBatches(listings, async ({ name, url: base, articles, segment }) => {
    const listed = new Set<string>();
    for (let page = 1; ; page++) {
      const file = join(site, listingPageUrl(base, page, segment), 'index.html');
      const html = await readFile(file, 'utf8').catch(() => undefined);
      if (html === undefined) break;
      for (const [, url] of html.matchAll(ARTICLE_LINK)) listed.add(url);
    }
    const missing = articles.filter((article) => !listed.has(articleUrl(article.slug)));
    return missing.length ? `${kind} "${name}" (${base}) does not list ${missing.map((article) => article.slug).join(', ')}` : '';
  });
  return failures.filter(Boolean);
}

/** Maps over items a batch at a time: enough reads in flight to keep the disk busy, not so many as to run out of file handles. */
async function inBatches<T, R>(items: T[], map: (item: T) => Promise<R>, size = 64): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(map))));
  return results;
}
