import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { keyedPageUrls } from './kept-pages.ts';
import { absoluteUrl, homeUrl, outputPath } from './urls.ts';

/** The most URLs one sitemap file holds (the protocol allows 50,000). */
const URLS_PER_FILE = 45_000;
const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** Pages that answer an error, which a sitemap must not list. */
const STATUS_PAGES = new Set(['404', '500']);

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * The sitemap files of a site at `site` (its address with the base path) whose pages are at
 * `pathnames` (as Astro names them, without a leading slash): `sitemap-index.xml` and
 * `sitemap-0.xml`, `sitemap-1.xml`, … of at most URLS_PER_FILE addresses each, in natural
 * order (`page/2/` before `page/10/`).
 */
export function sitemapFiles(site: URL, pathnames: string[]): Map<string, string> {
  // One collator for every comparison: `localeCompare` with options builds one per call, 12 s for 80,000 addresses.
  const { compare } = new Intl.Collator('en', { numeric: true });
  const urls = pathnames
    .filter((pathname) => !STATUS_PAGES.has(pathname.replace(/^\/|\/$/g, '')))
    .map((pathname) => new URL(pathname.replace(/^\//, ''), site).href)
    .sort(compare);
  const files = new Map<string, string>();
  for (let start = 0; start < urls.length; start += URLS_PER_FILE) {
    const entries = urls.slice(start, start + URLS_PER_FILE).map((url) => `<url><loc>${escapeXml(url)}</loc></url>`);
    files.set(`sitemap-${files.size}.xml`, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="${NAMESPACE}">${entries.join('')}</urlset>`);
  }
  const parts = [...files.keys()].map((name) => `<sitemap><loc>${escapeXml(new URL(name, site).href)}</loc></sitemap>`);
  files.set('sitemap-index.xml', `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="${NAMESPACE}">${parts.join('')}</sitemapindex>`);
  return files;
}

/**
 * Writes the sitemap of every page of the site, as `@astrojs/sitemap` did (same files, same
 * addresses, same order), without its sort, which took 12 s of every 50,000-article build: the
 * pages Astro built and those kept from the last build (src/lib/kept-pages.ts).
 */
export function sitemap(): AstroIntegration {
  return {
    name: 'news-archive:sitemap',
    hooks: {
      'astro:build:done': async ({ dir, pages, logger }) => {
        const pathnames = new Set([...pages.map(({ pathname }) => pathname), ...keyedPageUrls().map(outputPath)]);
        const files = sitemapFiles(new URL(absoluteUrl(homeUrl)), [...pathnames]);
        await Promise.all([...files].map(([name, xml]) => writeFile(new URL(name, dir), xml)));
        logger.info(`sitemap-index.xml and ${files.size - 1} sitemap file(s) written`);
      },
    },
  };
}
