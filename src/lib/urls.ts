/** Every internal URL is made here, so links and generated pages can never disagree. */
export const articleUrl = (slug: string) => `/articles/${slug}/`;
export const tagUrl = (slug: string) => `/tags/${slug}/`;
export const sourceUrl = (slug: string) => `/sources/${slug}/`;
export const yearUrl = (year: string) => `/archive/${year}/`;
export const monthUrl = (year: string, month: string) => `/archive/${year}/${month}/`;
export const undatedUrl = '/archive/undated/';
/** The Pagefind bundle of one language's articles: its `pagefind.js`, stemmer and index (scripts/lib/search-index.ts). */
export const searchBundleUrl = (lang: string) => `/pagefind/${lang}/`;
export const searchUrl = (query?: string) => (query ? `/search/?q=${encodeURIComponent(query)}` : '/search/');
/** Year listings page as `/archive/<yyyy>/page/2/`, clear of the months `/archive/<yyyy>/<mm>/`. */
export const YEAR_PAGE_SEGMENT = 'page/';
