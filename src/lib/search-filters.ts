/** The Pagefind filters that article pages carry (`data-pagefind-filter`), in the order the search page shows them. */
export const FILTERS = { tag: 'Tag', mentions: 'Mentions', source: 'Source', year: 'Year', language: 'Language' } as const;
export type FilterName = keyof typeof FILTERS;

/** The Pagefind filter that names, on each page of a words bundle, the bundle whose words it holds (src/lib/search-bundles.ts). */
export const BUNDLE_FILTER = 'bundle';

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

/** The metadata field that holds a dated article's date as `YYYY[-MM[-DD]]`: results of several languages' bundles are merged in date order by it. */
export const SORT_DATE_META = 'sortdate';

/**
 * The metadata field (`data-pagefind-meta`) that names an article's outlets and authors. Pagefind
 * searches it like the text but keeps it out of excerpts, and adds `weight` × the matched words'
 * rarity to a page's score when the query matches it. A headline that only mentions the name
 * scores at most about 7.5 × that rarity (Pagefind's `title` weight of 5, plus the heading's
 * words in the text), so 20 ranks what an outlet or author published above what mentions them.
 */
export const PUBLISHER_META = { name: 'by', weight: 20 } as const;

/**
 * The Pagefind metadata field (`data-pagefind-meta`) holding every name of every entity an article
 * mentions. Pagefind searches metadata but never shows it in an excerpt, so a search for "Daesh"
 * finds an article that only says "ISIS", and the reader sees only the article's own words.
 */
export const NAMES_FIELD = 'names';

/** A gazetteer entity's canonical name and aliases, and the slugs of itself and the entities named inside them. */
export interface EntityNames {
  names: string[];
  within: string[];
}

/**
 * The names field of an article that mentions these entities: for each, and each entity named
 * inside its names, the gazetteer's names and the spellings the archive writes it in (which the
 * gazetteer may only match by folding: "Deir Az-Zor"), each once.
 */
export function searchNames(slugs: string[], entities: Map<string, EntityNames>, spellingsOf: (slug: string) => string[]): string {
  const reached = new Set(slugs.flatMap((slug) => entities.get(slug)?.within ?? [slug]));
  return [...new Set([...reached].flatMap((slug) => [...(entities.get(slug)?.names ?? []), ...spellingsOf(slug)]))].join(', ');
}
