/** The Pagefind filters that article pages carry (`data-pagefind-filter`), in the order the search page shows them. */
export const FILTERS = { tag: 'Tag', mentions: 'Mentions', source: 'Source', year: 'Year' } as const;
export type FilterName = keyof typeof FILTERS;

/**
 * The Pagefind metadata field (`data-pagefind-meta`) holding every name of every entity an article
 * mentions. Pagefind searches metadata but never shows it in an excerpt, so a search for "Daesh"
 * finds an article that only says "ISIS", and the reader sees only the article's own words.
 */
export const NAMES_FIELD = 'names';

/** Every name of the entities an article mentions, each once, for the names field. */
export function searchNames(slugs: string[], names: Map<string, string[]>): string {
  return [...new Set(slugs.flatMap((slug) => names.get(slug) ?? []))].join(', ');
}
