/**
 * Your archive's settings: the one file to edit to make the site your own.
 * When building, the environment variables SITE_NAME, SITE_URL and SEARCH_BUNDLE_SIZE win over `name`, `url` and `searchBundleSize`.
 */
export default {
  /** The site's name: in the header, every page title and the feed. */
  name: 'News Archive',
  /** One sentence about the archive: under the name on the home page, and the description of the feed and of pages without their own. */
  description: 'A searchable archive of captured news articles about the war in Syria.',
  /**
   * The address the site will be served from, for canonical links, the feed, the sitemap and Open Graph.
   * Its path is where the site lives: 'https://user.github.io/archive/' serves every page under /archive/.
   * Leave it '' until you know it: links then use a placeholder address, and the build says so.
   */
  url: '',
  /** A suggestion in the search box, such as 'e.g. Palmyra'; '' for none. */
  searchPlaceholder: 'e.g. Palmyra',
  /** The language the interface is written in, as a language tag ('en', 'fr', 'pt-BR'): the `lang` of every page and of the feed. */
  language: 'en',
  /**
   * Articles per search bundle. A language with more articles gets one Pagefind bundle per year (a year
   * with more, several), so a search loads and ranks a few thousand pages at a time instead of all of them.
   */
  searchBundleSize: 5000,
};
