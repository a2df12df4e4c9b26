/**
 * Every internal URL is made here, so links and generated pages can never disagree. The
 * site may live under a path (SITE_URL https://user.github.io/archive/ → `/archive/`): every
 * URL starts with that base. The output folder holds the pages without it.
 */
import { SITE_URL } from '../consts.ts';

/** The path the site lives under: `/`, or e.g. `/archive/`. */
export const BASE_PATH = new URL(SITE_URL).pathname;

/** The URL of `path`, a path relative to the site's root (`tags/`; '' for the home page). */
export const siteUrl = (path = '') => `${BASE_PATH}${path}`;
/** A URL of this site with its scheme and host: for canonical links, feeds, the sitemap and Open Graph. */
export const absoluteUrl = (url: string) => new URL(url, SITE_URL).href;
/** Where a URL of this site is written, relative to the output folder: `siteUrl`'s inverse. */
export function outputPath(url: string): string {
  if (!url.startsWith(BASE_PATH)) throw new Error(`${url} is not under the site's base ${BASE_PATH}`);
  return url.slice(BASE_PATH.length);
}
/** The file a page's URL is written to, relative to the output folder (`articles/x/index.html`). */
export const pageFile = (url: string) => `${outputPath(url)}index.html`;

export const homeUrl = siteUrl();
/** The folder of the output that holds a folder per article, which holds that article's page and nothing else. */
export const ARTICLES_FOLDER = 'articles';
export const articleUrl = (slug: string) => siteUrl(`${ARTICLES_FOLDER}/${slug}/`);
export const tagIndexUrl = siteUrl('tags/');
export const tagUrl = (slug: string) => siteUrl(`tags/${slug}/`);
export const sourceIndexUrl = siteUrl('sources/');
export const sourceUrl = (slug: string) => siteUrl(`sources/${slug}/`);
export const topicIndexUrl = siteUrl('topics/');
export const topicUrl = (slug: string) => siteUrl(`topics/${slug}/`);
export const archiveUrl = siteUrl('archive/');
export const yearUrl = (year: string) => siteUrl(`archive/${year}/`);
export const monthUrl = (year: string, month: string) => siteUrl(`archive/${year}/${month}/`);
export const undatedUrl = siteUrl('archive/undated/');
export const searchUrl = (query?: string) => siteUrl(query ? `search/?q=${encodeURIComponent(query)}` : 'search/');
/**
 * A Pagefind bundle (src/lib/search-bundles.ts), `en` or `en/2016`: its `pagefind.js`, stemmer and
 * index (scripts/lib/search-index.ts). The index holds page URLs without the base (see src/scripts/search.ts).
 */
export const searchBundleUrl = (id: string) => siteUrl(`pagefind/${id}/`);
/** Year listings page as `/archive/<yyyy>/page/2/`, clear of the months `/archive/<yyyy>/<mm>/`. */
export const YEAR_PAGE_SEGMENT = 'page/';
export const feedUrl = siteUrl('rss.xml');
export const sitemapUrl = siteUrl('sitemap-index.xml');
export const recordsUrl = siteUrl('articles.json');
export const faviconUrl = siteUrl('favicon.svg');
