/** The Pagefind filters that article pages carry (`data-pagefind-filter`), in the order the search page shows them. */
export const FILTERS = { tag: 'Tag', mentions: 'Mentions', source: 'Source', year: 'Year' } as const;
export type FilterName = keyof typeof FILTERS;

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
