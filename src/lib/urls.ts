/** Every internal URL is made here, so links and generated pages can never disagree. */
export const articleUrl = (slug: string) => `/articles/${slug}/`;
export const tagUrl = (slug: string) => `/tags/${slug}/`;
export const sourceUrl = (slug: string) => `/sources/${slug}/`;
export const topicsUrl = '/topics/';
export const topicUrl = (slug: string) => `/topics/${slug}/`;
export const yearUrl = (year: string) => `/archive/${year}/`;
export const monthUrl = (year: string, month: string) => `/archive/${year}/${month}/`;
export const undatedUrl = '/archive/undated/';
export const searchUrl = (query?: string) => (query ? `/search/?q=${encodeURIComponent(query)}` : '/search/');
/** Year listings page as `/archive/<yyyy>/page/2/`, clear of the months `/archive/<yyyy>/<mm>/`. */
export const YEAR_PAGE_SEGMENT = 'page/';
