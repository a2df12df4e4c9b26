/**
 * Related articles: those that share the most, and the rarest, entities and tags with an article.
 * Each shared term scores its inverse document frequency, log(articles / articles with the term),
 * so sharing a small town says more than sharing "Syria". Cheap at any size: the terms' article
 * lists are the inverted index; only articles found through the article's rarest terms are scored,
 * and the candidates stop at a fixed number, so a term in half the archive is never walked whole.
 */
import type { Article } from '../ingest/record.ts';
import { compareCodeUnits } from '../ingest/slug.ts';

/** A term with its articles: a tag or a topic of the archive. */
interface Shared {
  name: string;
  articles: Article[];
}

export interface Related {
  article: Article;
  /** The terms both articles have, rarest first. */
  shared: Shared[];
  score: number;
}

/** What an article page shows of a related article: a link, its date, and up to three terms in common. */
export interface RelatedLink {
  slug: string;
  title: string;
  date: string | null;
  shared: string[];
}

/** How many related articles an article page lists. */
export const RELATED_SHOWN = 5;
const SHARED_SHOWN = 3;

export function relatedLink({ article, shared }: Related): RelatedLink {
  return { slug: article.slug, title: article.title, date: article.date, shared: shared.slice(0, SHARED_SHOWN).map((term) => term.name) };
}
/** How many candidates are scored at most. */
const CANDIDATES = 200;

/**
 * A function giving an article's related articles, best first, ties by slug: the same every build.
 * `termsOf` gives an article's terms (each one object per term, shared by all its articles).
 */
export function relatedFinder(total: number, termsOf: (article: Article) => Shared[]): (article: Article) => Related[] {
  const termSets = new WeakMap<Article, Set<Shared>>();
  const termSetOf = (article: Article) => termSets.get(article) ?? termSets.set(article, new Set(termsOf(article))).get(article)!;
  const weight = (term: Shared) => Math.log(total / term.articles.length);
  return (article) => {
    const terms = [...termSetOf(article)].sort((a, b) => a.articles.length - b.articles.length || compareCodeUnits(a.name, b.name));
    const candidates = new Set<Article>();
    for (const term of terms) {
      for (const other of term.articles) {
        if (candidates.size === CANDIDATES) break;
        if (other.slug !== article.slug) candidates.add(other);
      }
      if (candidates.size === CANDIDATES) break;
    }
    const related: Related[] = [];
    for (const candidate of candidates) {
      const theirs = termSetOf(candidate);
      const shared = terms.filter((term) => theirs.has(term));
      const score = shared.reduce((sum, term) => sum + weight(term), 0);
      if (score > 0) related.push({ article: candidate, shared, score });
    }
    return related.sort((a, b) => b.score - a.score || compareCodeUnits(a.article.slug, b.article.slug)).slice(0, RELATED_SHOWN);
  };
}
