import type { Article } from '../ingest/record.ts';
import { bySlug } from '../ingest/slug.ts';

/** The articles before and after one in reading order. */
export interface Neighbours {
  previous?: Article;
  next?: Article;
}

const collator = new Intl.Collator('en');

/** Dated articles oldest first (a year-only date before the months of that year), then undated ones by title. */
function oldestFirst(a: Article, b: Article): number {
  if (!a.date !== !b.date) return a.date ? -1 : 1;
  if (a.date !== b.date) return a.date! < b.date! ? -1 : 1;
  return collator.compare(a.title, b.title) || bySlug(a, b);
}

/** Each article's previous and next article in reading order, by slug. */
export function neighbours(articles: Article[]): Map<string, Neighbours> {
  const order = [...articles].sort(oldestFirst);
  return new Map(order.map((article, index) => [article.slug, { previous: order[index - 1], next: order[index + 1] }]));
}
