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
interface Term {
  name: string;
  articles: Article[];
}

export interface Related {
  article: Article;
  /** The terms both articles have, rarest first. */
  shared: Term[];
  score: number;
}

/** What an article page shows of a related article: a link, its date, and up to three terms in common. */
export interface RelatedLink {
  slug: string;
  title: string;
  /** The language of its title. */
  lang: string;
  date: string | null;
  shared: string[];
}

/** How many related articles an article page lists. */
export const RELATED_SHOWN = 5;
const SHARED_SHOWN = 3;
/** How many candidates are scored at most. */
const CANDIDATES = 50;

export function relatedLink({ article, shared }: Related): RelatedLink {
  return { slug: article.slug, title: article.title, lang: article.lang, date: article.date, shared: shared.slice(0, SHARED_SHOWN).map((term) => term.name) };
}

/** Articles and terms by number, in typed arrays: scoring touches nothing else, so it stays fast. */
interface Index {
  articles: Article[];
  numberBySlug: Map<string, number>;
  terms: Term[];
  /** Each term's articles by number, in the archive's order. */
  postings: Int32Array[];
  weights: Float64Array;
  /** Each article's terms by number, ascending, so equal sets of shared terms add up to equal scores. */
  termsOf: Int32Array[];
  /** The weights of the terms of the article being looked at, 0 for the others. */
  marks: Float64Array;
  /** Which look-up last took an article as a candidate. */
  seen: Int32Array;
  lookups: number;
}

function buildIndex(articles: Article[], termsOf: (article: Article) => Term[]): Index {
  const numbers = new Map<Term, number>();
  const terms: Term[] = [];
  const numberOf = (term: Term) => numbers.get(term) ?? (numbers.set(term, terms.length), terms.push(term) - 1);
  const articleTerms = articles.map((article) => Int32Array.from(new Set(termsOf(article)), numberOf).sort());
  const numberBySlug = new Map(articles.map((article, number) => [article.slug, number]));
  return {
    articles,
    numberBySlug,
    terms,
    postings: terms.map((term) => Int32Array.from(term.articles, (article) => numberBySlug.get(article.slug)!)),
    weights: Float64Array.from(terms, (term) => Math.log(articles.length / term.articles.length)),
    termsOf: articleTerms,
    marks: new Float64Array(terms.length),
    seen: new Int32Array(articles.length),
    lookups: 0,
  };
}

/** Whether related article `a` ranks before `b`: the higher score, then the slug. */
function ranksBefore(a: Scored, b: Scored, articles: Article[]): boolean {
  return a.score > b.score || (a.score === b.score && compareCodeUnits(articles[a.number].slug, articles[b.number].slug) < 0);
}

interface Scored {
  number: number;
  score: number;
}

function relatedIn(article: Article, index: Index): Related[] {
  const { articles, terms, postings, weights, termsOf, marks, seen } = index;
  const self = index.numberBySlug.get(article.slug)!;
  const lookup = ++index.lookups;
  seen[self] = lookup;
  const own = [...termsOf[self]].sort((a, b) => postings[a].length - postings[b].length || compareCodeUnits(terms[a].name, terms[b].name));
  const candidates: number[] = [];
  for (const term of own) {
    const list = postings[term];
    for (let at = 0; at < list.length && candidates.length < CANDIDATES; at++) {
      if (seen[list[at]] !== lookup) {
        seen[list[at]] = lookup;
        candidates.push(list[at]);
      }
    }
  }
  for (const term of own) marks[term] = weights[term];
  // The best few, kept in order as the candidates are scored: cheaper than sorting them all.
  const best: Scored[] = [];
  for (const number of candidates) {
    const theirs = termsOf[number];
    let score = 0;
    for (let at = 0; at < theirs.length; at++) score += marks[theirs[at]];
    const scored = { number, score };
    if (score <= 0 || (best.length === RELATED_SHOWN && !ranksBefore(scored, best[RELATED_SHOWN - 1], articles))) continue;
    let at = best.length === RELATED_SHOWN ? RELATED_SHOWN - 1 : best.length;
    for (; at > 0 && ranksBefore(scored, best[at - 1], articles); at--) best[at] = best[at - 1];
    best[at] = scored;
  }
  for (const term of own) marks[term] = 0;
  return best.map(({ number, score }) => ({
    article: articles[number],
    score,
    shared: own.filter((term) => termsOf[number].includes(term)).map((term) => terms[term]),
  }));
}

/**
 * A function giving an article's related articles, best first, ties by slug: the same every build.
 * `termsOf` gives an article's terms (one object per term, shared by all its articles). The index
 * is built on the first call, so an archive that never asks costs nothing.
 */
export function relatedFinder(articles: Article[], termsOf: (article: Article) => Term[]): (article: Article) => Related[] {
  let index: Index | undefined;
  return (article) => relatedIn(article, (index ??= buildIndex(articles, termsOf)));
}
