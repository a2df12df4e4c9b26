import { createHash } from 'node:crypto';
import { SETTINGS } from '../consts.ts';
import type { PageOf } from './pagination.ts';
import type { Article } from '../ingest/record.ts';
import type { RelatedLink } from './related.ts';
import type { Neighbours } from './neighbours.ts';
import type { Term } from './taxonomy.ts';
import type { Timeline } from './timeline.ts';

const digests = new WeakMap<Article, string>();

/**
 * A page's `cacheKey` (src/lib/kept-pages.ts): a hash of all the data the page shows, so a
 * rebuild renders the page again exactly when that data changed (a change to the code that
 * renders pages renders every page: scripts/lib/page-cache.ts). Every record counts whole, so a
 * field a template starts showing is covered. Every page shows the site settings, which SITE_NAME
 * and SITE_URL can change without a code change.
 */
function cacheKey(...shown: unknown[]): string {
  return createHash('sha256').update(JSON.stringify([SETTINGS, ...shown])).digest('base64url');
}

/**
 * An article page shows its record (its body rendered by code Astro counts as the page's), links
 * to its tags', sources' and topics' pages, the
 * previous and next article's title and date, its related articles, which depend on the whole
 * archive, and, for search, every name of the entities it mentions, which come from the gazetteer.
 */
export function articleKey(article: Article, terms: Term[], { previous, next }: Neighbours, related: RelatedLink[], searchNames: string): string {
  const shown = (neighbour?: Article) => neighbour && [neighbour.slug, neighbour.title, neighbour.date];
  return cacheKey(digestOf(article), terms.map((term) => [term.name, term.slug]), shown(previous), shown(next), related, searchNames);
}

/**
 * A listing page shows its heading, its place among its pages, its records, and perhaps a
 * timeline, which depends on the dates of all of the listing's records, not only the page's,
 * and a sentence about them (a topic's spellings, which depend on all its records too).
 */
export function listingKey(heading: string, page: PageOf<Article>, timeline?: Timeline, about?: string): string {
  const { currentPage, lastPage, total, url } = page;
  return cacheKey(heading, currentPage, lastPage, total, url, page.data.map(digestOf), timeline ?? null, about ?? null);
}

/** Records appear on several listing pages: hash each one once. */
function digestOf(article: Article): string {
  let digest = digests.get(article);
  if (!digest) digests.set(article, (digest = cacheKey(article)));
  return digest;
}
