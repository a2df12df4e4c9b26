import { SITE_TITLE, SITE_URL } from '../consts.ts';
import type { Article } from '../ingest/record.ts';

/**
 * JSON for the inside of a `<script type="application/ld+json">`. `<`, `>` and `&` become
 * `\u003c`-style escapes (still the same JSON), so no captured text can close the script
 * element or open a comment there; U+2028 and U+2029 likewise, for older JSON readers.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The schema.org NewsArticle that an article page describes, for search engines and link previews. */
export function newsArticle(article: Article, url: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.teaser,
    url,
    mainEntityOfPage: url,
    ...(article.date && { datePublished: article.date }),
    ...(article.authors.length && { author: article.authors.map((name) => ({ '@type': 'Person', name })) }),
    ...(article.sources.length && { publisher: article.sources.map((name) => ({ '@type': 'Organization', name })) }),
    ...(article.tags.length && { keywords: article.tags }),
    isPartOf: { '@type': 'WebSite', name: SITE_TITLE, url: SITE_URL },
  };
}
