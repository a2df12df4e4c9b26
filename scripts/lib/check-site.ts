import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { containsWords } from '../../src/ingest/words.ts';
import type { Article } from '../../src/ingest/record.ts';
import { recordsJson } from '../../src/ingest/handover.ts';
import { bySlug } from '../../src/ingest/slug.ts';
import { buildArchive } from '../../src/lib/taxonomy.ts';
import { searchLanguages } from '../../src/lib/search-bundles.ts';
import { listingPageUrl, paginate } from '../../src/lib/pagination.ts';
import { ARTICLES_FOLDER, articleUrl, monthUrl, outputPath, pageFile, recordsUrl, siteUrl, sourceUrl, tagUrl, topicUrl, undatedUrl, YEAR_PAGE_SEGMENT, yearUrl } from '../../src/lib/urls.ts';
import { CheckMemo } from './check-memo.ts';

const LINK = /href="([^"]+)"/g;

/**
 * "Nothing lost": compares a built site with the records parsed from its seeds. Every record
 * has exactly one article page, which shows every text captured of it, is in /articles.json and
 * in the search index, and is listed on the index pages of each of its tags, sources and dates,
 * and on the topic page of every entity it mentions. An empty `failures` means nothing was lost;
 * `summary` is a one-line count. With a `memo`, what passed in the last build over the same files
 * is not read again.
 */
export function checkBuiltSite(site: string, articles: Article[], memo = new CheckMemo(site)): CheckResult {
  const pages = pagesCheck(articles)(site, memo);
  return { ...pages, failures: [...pages.failures, ...checkArticleTexts(site, articles, memo), ...checkSearchIndex(site, articles, memo)] };
}

export interface CheckResult {
  failures: string[];
  summary: string;
}

/**
 * The nothing-lost check but for the article pages' texts and the search index, which can run as
 * soon as those are written. In two steps: what a site must hold is worked out from the records
 * alone (the build does that while Astro renders), and the function returned checks a site
 * against it. `records` is /articles.json as it must be: the records as recordsJson writes them,
 * by slug (the build has those bytes already: the file it handed the records over in).
 */
export function pagesCheck(articles: Article[], records: Uint8Array = Buffer.from(recordsJson([...articles].sort(bySlug)))): (site: string, memo?: CheckMemo) => CheckResult {
  const archive = buildArchive(articles);
  const dates: Listing[] = [
    ...archive.years.map(({ year, articles: inYear }) => ({ name: year, url: yearUrl(year), articles: inYear, segment: YEAR_PAGE_SEGMENT })),
    ...archive.years.flatMap(({ year, months }) =>
      months.map(({ month, articles: inMonth }) => ({ name: `${year}-${month}`, url: monthUrl(year, month), articles: inMonth })),
    ),
    ...(archive.undated.length ? [{ name: 'undated', url: undatedUrl, articles: archive.undated }] : []),
  ];
  const listings: [kind: string, Listing[]][] = [
    ['tag', archive.tags.map((term) => ({ ...term, url: tagUrl(term.slug) }))],
    ['source', archive.sources.map((term) => ({ ...term, url: sourceUrl(term.slug) }))],
    ['topic', archive.topics.map((topic) => ({ ...topic, url: topicUrl(topic.slug) }))],
    ['date', dates],
  ];
  const articleUrls = new Set(articles.map((article) => articleUrl(article.slug)));
  return (site, memo = new CheckMemo(site)) => {
    const htmlFiles = pageFiles(site);
    const failures = [
      ...checkArticlePages(articleUrls, htmlFiles),
      ...checkJson(site, articles, records),
      ...listings.flatMap(([kind, ofKind]) => checkListings(site, kind, ofKind, memo)),
    ];
    const summary = `${articles.length} articles, ${archive.tags.length} tags, ${archive.sources.length} sources, ${archive.topics.length} topics, ${htmlFiles.length} pages`;
    return { failures, summary };
  };
}

/**
 * The site's HTML files, relative to it; Pagefind's folder (tens of thousands of fragments) and
 * Astro's assets hold none, and an article's folder holds its page only, which is looked for
 * rather than the folder read (reading 50,000 of them took several seconds).
 */
function pageFiles(site: string, folder = ''): string[] {
  return readdirSync(join(site, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = folder ? `${folder}/${entry.name}` : entry.name;
    if (!entry.isDirectory()) return entry.name.endsWith('.html') ? [path] : [];
    if (folder === '' && (entry.name === 'pagefind' || entry.name === '_astro')) return [];
    if (folder === ARTICLES_FOLDER) return existsSync(join(site, path, 'index.html')) ? [`${path}/index.html`] : [];
    return pageFiles(site, path);
  });
}

function checkArticlePages(expected: Set<string>, htmlFiles: string[]): string[] {
  const pages = new Set(htmlFiles.filter((file) => /^articles\/[^/]+\/index\.html$/.test(file)).map((file) => siteUrl(file.slice(0, -'index.html'.length))));
  return [
    ...[...expected].filter((url) => !pages.has(url)).map((url) => `no article page at ${url}`),
    ...[...pages].filter((url) => !expected.has(url)).map((url) => `article page ${url} has no record`),
  ];
}

/** Every captured text of a record — its own and each other capture's — is on its page, word for word. */
export function checkArticleTexts(site: string, articles: Article[], memo = new CheckMemo(site)): string[] {
  return articles.flatMap((article) => {
    const file = join(site, pageFile(articleUrl(article.slug)));
    const texts = [
      { text: article.text, what: 'the article’s text' },
      ...article.origins.flatMap(({ file, line, text }) => (text === null ? [] : [{ text, what: `the text captured at ${file}:${line}` }])),
    ];
    return memo.check([file], texts.map(({ text }) => text).join('\0'), () => {
      const html = readIfExists(file);
      if (html === undefined) return [];
      // The texts are the article's: its element is all that needs reading word by word.
      const element = html.slice(html.indexOf('<article'), html.lastIndexOf('</article>'));
      const page = element.replace(/<[^>]*>|&[#\w]+;/g, ' ');
      return texts.filter(({ text }) => !containsWords(page, text)).map(({ what }) => `${articleUrl(article.slug)} does not show ${what}`);
    });
  });
}

/** /articles.json is `records`: the records by slug, as recordsJson writes them. */
function checkJson(site: string, articles: Article[], records: Uint8Array): string[] {
  const published = readFileSync(join(site, outputPath(recordsUrl)));
  if (published.equals(records)) return [];
  return [`/articles.json holds ${(JSON.parse(published.toString('utf8')) as Article[]).length} records that differ from the ${articles.length} parsed`];
}

/**
 * Pagefind's fragments (gzip: a `pagefind_dcd` signature, then JSON starting with the URL) name
 * each indexed page, without the base path: every article is in its own bundle
 * (src/lib/search-bundles.ts), once, and a words bundle holds one page for each other bundle of its language.
 */
export function checkSearchIndex(site: string, articles: Article[], memo = new CheckMemo(site)): string[] {
  const expected = new Map<string, string>();
  const indexedIn = new Map<string, string[]>();
  for (const { words, bundles } of searchLanguages(articles)) {
    for (const bundle of bundles) {
      for (const article of bundle.articles) expected.set(`/${outputPath(articleUrl(article.slug))}`, bundle.id);
      if (words) expected.set(`/${bundle.id}/`, words.id);
    }
    for (const bundle of words ? [words, ...bundles] : bundles) {
      const fragmentDir = join(site, outputPath(bundle.url), 'fragment');
      for (const file of existsSync(fragmentDir) ? readdirSync(fragmentDir) : []) {
        const url = memo.read(join(fragmentDir, file), () => {
          const head = gunzipSync(readFileSync(join(fragmentDir, file))).toString('utf8', 0, 4096);
          const quoted = head.match(/^pagefind_dcd\{"url":("(?:[^"\\]|\\.)*")/)?.[1];
          return quoted ? (JSON.parse(quoted) as string) : `(unreadable fragment ${bundle.id}/${file})`;
        });
        indexedIn.set(url, [...(indexedIn.get(url) ?? []), bundle.id]);
      }
    }
  }
  return [
    ...[...expected]
      .filter(([url, bundle]) => indexedIn.get(url)?.join() !== bundle)
      .map(([url, bundle]) => `${url} (${bundle}) is in the search index of ${indexedIn.get(url)?.join(', ') || 'no bundle'}`),
    ...[...indexedIn.keys()].filter((url) => !expected.has(url)).map((url) => `the search index holds ${url}, which is no article`),
  ];
}

interface Listing {
  name: string;
  url: string;
  articles: Article[];
  /** Between the listing's URL and a page number: see listingPageUrl. */
  segment?: string;
}

/**
 * Every article of a term is linked from the page of the term's listing that shows it (its first
 * page or a numbered follow-up page, as paginate splits it), page by page: an edit that moves
 * one page of a long listing has only that page read again.
 */
function checkListings(site: string, kind: string, listings: Listing[], memo: CheckMemo): string[] {
  return listings.flatMap(({ name, url: base, articles, segment }) =>
    paginate(articles, base, segment).flatMap(({ page }) => {
      const url = listingPageUrl(base, page.currentPage, segment);
      const file = join(site, pageFile(url));
      return memo.check([file], `${kind} ${name} ${page.data.map((article) => article.slug).join(' ')}`, () => {
        const listed = new Set([...(readIfExists(file) ?? '').matchAll(LINK)].map(([, link]) => link));
        const missing = page.data.filter((article) => !listed.has(articleUrl(article.slug)));
        return missing.length ? [`${kind} "${name}" (${url}) does not list ${missing.map((article) => article.slug).join(', ')}`] : [];
      });
    }),
  );
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
