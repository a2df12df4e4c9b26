import { SEARCH_BUNDLE_SIZE } from '../consts.ts';
import { compareCodeUnits, shortHash } from '../ingest/slug.ts';
import { searchBundleLanguage } from './language.ts';
import { searchBundleUrl } from './urls.ts';

/**
 * How the search index is cut into Pagefind bundles. Each language has its own bundles (its own
 * stemmer: merged under the English one, an Arabic index misses even `الجيش`). A language of more
 * than SEARCH_BUNDLE_SIZE articles is cut by year, undated articles apart, and a period still
 * larger is cut again into parts by a hash of the slug: Pagefind's page list and the work of ranking
 * a common word grow with a bundle's pages, and an edit re-indexes only its own bundle. The cut
 * depends on nothing but the articles' language, date and slug, so a bundle keeps its articles
 * from build to build.
 *
 * A cut language also gets a words bundle: one page per bundle, holding every word its bundle
 * indexed (scripts/lib/search-index.ts). The search page asks it first which bundles have
 * each word of a query, and searches only those. That is also what keeps the answer the one a
 * single index gives: a Pagefind bundle with no word starting with a query's word answers with its
 * longest word that the query's word starts with (`a` for `abaka`), so a bundle without the word
 * must not be asked.
 */
export interface SearchLanguage<A> {
  lang: string;
  /** The words bundle, when the language is cut. */
  words?: SearchBundle<A>;
  /** Newest first, undated last; one bundle, `<lang>`, when the language is not cut. */
  bundles: SearchBundle<A>[];
}

export interface SearchBundle<A> {
  /** `<lang>`, `<lang>/<year>`, `<lang>/<year>-<part>`, `<lang>/undated` or `<lang>/words`: its folder under pagefind/. */
  id: string;
  url: string;
  articles: A[];
}

const UNDATED = 'undated';
const WORDS = 'words';

/** Every article in exactly one bundle; languages with the most articles first (the search page asks those first), then by code. */
export function searchLanguages<A extends { slug: string; lang: string; date: string | null }>(articles: A[], bundleSize = SEARCH_BUNDLE_SIZE): SearchLanguage<A>[] {
  const byLanguage = [...Map.groupBy(articles, (article) => searchBundleLanguage(article.lang))];
  byLanguage.sort(([a, inA], [b, inB]) => inB.length - inA.length || compareCodeUnits(a, b));
  return byLanguage.map(([lang, inLanguage]) => {
    if (inLanguage.length <= bundleSize) return { lang, bundles: [bundle(lang, inLanguage)] };
    const byPeriod = [...Map.groupBy(inLanguage, (article) => article.date?.slice(0, 4) ?? UNDATED)];
    const newestFirst = (period: string) => (period === UNDATED ? '' : period);
    byPeriod.sort(([a], [b]) => compareCodeUnits(newestFirst(b), newestFirst(a)));
    const bundles = byPeriod.flatMap(([period, inPeriod]) => {
      const parts = Math.ceil(inPeriod.length / bundleSize);
      if (parts === 1) return [bundle(`${lang}/${period}`, inPeriod)];
      const byPart = Map.groupBy(inPeriod, (article) => parseInt(shortHash(article.slug), 16) % parts);
      return [...byPart].sort(([a], [b]) => a - b).map(([part, inPart]) => bundle(`${lang}/${period}-${part + 1}`, inPart));
    });
    return { lang, words: bundle(`${lang}/${WORDS}`, []), bundles };
  });
}

function bundle<A>(id: string, articles: A[]): SearchBundle<A> {
  return { id, url: searchBundleUrl(id), articles };
}

/** The articles bundle by bundle, in the order the search index is written: the order their pages render in, so each bundle is indexed as soon as its pages are. */
export function inSearchOrder<A extends { slug: string; lang: string; date: string | null }>(articles: A[], bundleSize = SEARCH_BUNDLE_SIZE): A[] {
  return searchLanguages(articles, bundleSize).flatMap(({ bundles }) => bundles.flatMap((bundle) => bundle.articles));
}
