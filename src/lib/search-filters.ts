/** The Pagefind filters that article pages carry (`data-pagefind-filter`), in the order the search page shows them. */
export const FILTERS = { tag: 'Tag', source: 'Source', year: 'Year' } as const;
export type FilterName = keyof typeof FILTERS;

/**
 * The orders the search page offers besides relevance, each a `data-pagefind-sort` key that article
 * pages carry with their date as its value. Pagefind leaves out pages without the key, so an undated
 * article carries a value that sorts it last in either direction.
 */
export const SORTS = {
  newest: { label: 'Newest first', direction: 'desc', undated: '0000' },
  oldest: { label: 'Oldest first', direction: 'asc', undated: '9999' },
} as const;
export type SortName = keyof typeof SORTS;
