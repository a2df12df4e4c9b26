/** The Pagefind filters that article pages carry (`data-pagefind-filter`), in the order the search page shows them. */
export const FILTERS = { tag: 'Tag', source: 'Source', year: 'Year' } as const;
export type FilterName = keyof typeof FILTERS;
