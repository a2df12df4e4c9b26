import { PAGE_SIZE } from '../consts.ts';
import { listingKey } from './cache-key.ts';
import type { Article } from '../ingest/record.ts';
import { monthlyCounts } from './timeline.ts';

/** One page of a paginated listing: what ListingPage shows and links. */
export interface PageOf<T> {
  data: T[];
  currentPage: number;
  lastPage: number;
  total: number;
  /** 0-based index of the first and last item shown. */
  start: number;
  end: number;
  url: { prev?: string; next?: string };
}

/**
 * URL of page `n` of a listing: the listing's own URL for page 1, then `<base><segment><n>/`.
 * Year listings use the segment `page/`, so their page 10 can never be the month `/archive/<yyyy>/10/`.
 */
export function listingPageUrl(base: string, n: number, segment = ''): string {
  return n === 1 ? base : `${base}${segment}${n}/`;
}

/** Splits items into pages; `param` is the rest parameter (`[...page]`) that routes the page. */
export function paginate<T>(items: T[], base: string, segment = ''): { param: string | undefined; page: PageOf<T> }[] {
  const lastPage = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  return Array.from({ length: lastPage }, (_, index) => {
    const n = index + 1;
    const start = index * PAGE_SIZE;
    const data = items.slice(start, start + PAGE_SIZE);
    return {
      param: n === 1 ? undefined : `${segment}${n}`,
      page: {
        data,
        currentPage: n,
        lastPage,
        total: items.length,
        start,
        end: start + data.length - 1,
        url: {
          prev: n > 1 ? listingPageUrl(base, n - 1, segment) : undefined,
          next: n < lastPage ? listingPageUrl(base, n + 1, segment) : undefined,
        },
      },
    };
  });
}

interface ListingOptions {
  /** Put before page numbers, e.g. `page/`: see `listingPageUrl`. */
  segment?: string;
  /** Show the listing's timeline (all its articles per month) on its first page. */
  timeline?: boolean;
  /** A sentence about what the articles have in common, under the heading of every page. */
  about?: string;
}

/** A listing route's static paths: one per page, each with its page, its title, its timeline and sentence if any, its URL and its cacheKey (src/lib/kept-pages.ts). */
export function listingPaths(articles: Article[], base: string, title: string, params: Record<string, string>, { segment = '', timeline = false, about }: ListingOptions = {}) {
  return paginate(articles, base, segment).map(({ param, page }) => {
    const chart = timeline && page.currentPage === 1 ? monthlyCounts(articles) : undefined;
    return {
      params: { ...params, page: param },
      props: { page, title, timeline: chart, about },
      url: listingPageUrl(base, page.currentPage, segment),
      cacheKey: listingKey(title, page, chart, about),
    };
  });
}
