import type { Article, EntityKind } from '../ingest/record.ts';
import { assignSlugs, bySlug, foldAccents } from '../ingest/slug.ts';
import { relatedFinder, type Related } from './related.ts';

/** A tag or a source (outlet or author) with its page slug and articles, newest first. */
export interface Term {
  name: string;
  slug: string;
  articles: Article[];
}

/** A person, place or organisation of the gazetteer, with the articles that name it, newest first. */
export interface Topic extends Term {
  kind: EntityKind;
  /** The other ways the articles write it (case and accents aside), most used first. */
  spellings: string[];
}

export interface Year {
  year: string;
  articles: Article[];
  months: { month: string; articles: Article[] }[];
}

const collator = new Intl.Collator('en');

/** Dated articles newest first (a more precise date first within the same period), then undated, then by title. */
export function newestFirst(a: Article, b: Article): number {
  const [dateA, dateB] = [a.date ?? '', b.date ?? ''];
  if (dateA !== dateB) return dateA < dateB ? 1 : -1;
  return collator.compare(a.title, b.title) || bySlug(a, b);
}

/** Names that differ only in case or accents are one term, spelled as first seen. */
function termKey(name: string): string {
  return foldAccents(name).replace(/\s+/g, ' ').trim();
}

/** Groups articles (given newest first) by the names `namesOf` gives, most used first. */
function groupTerms(articles: Article[], namesOf: (article: Article) => string[], fallback: string): Term[] {
  const terms = new Map<string, { name: string; articles: Article[] }>();
  for (const article of articles) {
    for (const name of namesOf(article)) {
      const key = termKey(name);
      const term = terms.get(key) ?? terms.set(key, { name, articles: [] }).get(key)!;
      if (term.articles.at(-1) !== article) term.articles.push(article);
    }
  }
  const slugs = assignSlugs(new Map([...terms].map(([key, term]) => [key, term.name])), fallback);
  return [...terms]
    .map(([key, term]) => ({ ...term, slug: slugs.get(key)! }))
    .sort((a, b) => b.articles.length - a.articles.length || collator.compare(a.name, b.name) || bySlug(a, b));
}

function tagTerms(articles: Article[]): Term[] {
  return groupTerms(articles, (article) => article.tags, 'tag');
}

/** Outlets and authors share one index: both answer "who published this?". */
function sourceTerms(articles: Article[]): Term[] {
  return groupTerms(articles, (article) => [...article.sources, ...article.authors], 'source');
}

/** Every entity the articles (given newest first) name, most named first, with the spellings they use. */
function topicTerms(articles: Article[]): Topic[] {
  const topics = new Map<string, { topic: Topic; spellings: Map<string, { text: string; uses: number }> }>();
  for (const article of articles) {
    for (const { slug, name, kind, spellings } of article.entities) {
      const entry = topics.get(slug) ?? topics.set(slug, { topic: { name, slug, kind, articles: [], spellings: [] }, spellings: new Map() }).get(slug)!;
      entry.topic.articles.push(article);
      for (const text of spellings) {
        const key = termKey(text);
        if (key === termKey(name)) continue;
        const spelling = entry.spellings.get(key) ?? entry.spellings.set(key, { text, uses: 0 }).get(key)!;
        spelling.uses++;
      }
    }
  }
  return [...topics.values()]
    .map(({ topic, spellings }) => ({
      ...topic,
      spellings: [...spellings.values()].sort((a, b) => b.uses - a.uses || collator.compare(a.text, b.text)).map(({ text }) => text),
    }))
    .sort((a, b) => b.articles.length - a.articles.length || collator.compare(a.name, b.name) || bySlug(a, b));
}

/** Dated articles (given newest first) by year, newest first, and month; undated ones are left out. */
function years(articles: Article[]): Year[] {
  const byYear = new Map<string, Article[]>();
  for (const article of articles) {
    if (!article.date) continue;
    const year = article.date.slice(0, 4);
    if (byYear.has(year)) byYear.get(year)!.push(article);
    else byYear.set(year, [article]);
  }
  return [...byYear].map(([year, inYear]) => {
    const byMonth = new Map<string, Article[]>();
    for (const article of inYear) {
      const month = article.date!.slice(5, 7);
      if (!month) continue;
      if (byMonth.has(month)) byMonth.get(month)!.push(article);
      else byMonth.set(month, [article]);
    }
    return { year, articles: inYear, months: [...byMonth].map(([month, inMonth]) => ({ month, articles: inMonth })) };
  });
}

/** Everything the pages show, computed once from the records. */
export interface Archive {
  articles: Article[];
  tags: Term[];
  /** Outlets and authors together: one page each, even for a name that is both. */
  sources: Term[];
  outlets: Term[];
  authors: Term[];
  /** People, places and organisations the articles name, most named first. */
  topics: Topic[];
  years: Year[];
  undated: Article[];
  /** The term of a tag or source name as a record writes it (spelled as the site shows it). */
  tagOf: (name: string) => Term;
  sourceOf: (name: string) => Term;
  /** The topic of an entity slug a record names. */
  topicOf: (slug: string) => Topic;
  /** The articles most like this one by the entities and tags they share: see src/lib/related.ts. */
  relatedTo: (article: Article) => Related[];
}

export function buildArchive(records: Article[]): Archive {
  const articles = [...records].sort(newestFirst);
  const tags = tagTerms(articles);
  const sources = sourceTerms(articles);
  const topics = topicTerms(articles);
  const topicBySlug = new Map(topics.map((topic) => [topic.slug, topic]));
  const lookup = (terms: Term[]) => {
    const byKey = new Map(terms.map((term) => [termKey(term.name), term]));
    return (name: string) => byKey.get(termKey(name))!;
  };
  const tagOf = lookup(tags);
  const topicOf = (slug: string) => topicBySlug.get(slug)!;
  const named = (namesOf: (article: Article) => string[]) => {
    const keys = new Set(articles.flatMap(namesOf).map(termKey));
    return sources.filter((term) => keys.has(termKey(term.name)));
  };
  return {
    articles,
    tags,
    sources,
    outlets: named((article) => article.sources),
    authors: named((article) => article.authors),
    years: years(articles),
    undated: articles.filter((article) => !article.date),
    topics,
    tagOf,
    sourceOf: lookup(sources),
    topicOf,
    relatedTo: relatedFinder(articles, (article) => [...article.tags.map(tagOf), ...article.entities.map((entity) => topicOf(entity.slug))]),
  };
}
