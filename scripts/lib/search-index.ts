import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Article } from '../../src/ingest/record.ts';
import type { PageKeys } from '../../src/lib/kept-pages.ts';
import { searchLanguages, type SearchBundle } from '../../src/lib/search-bundles.ts';
import { BUNDLE_FILTER } from '../../src/lib/search-filters.ts';
import { articleUrl, outputPath, pageFile } from '../../src/lib/urls.ts';
import { shareFiles } from './files.ts';
import { bundleDigest, bundleWordsKept, forgetBundlesBut, keepBundle, restoreBundle, wordsDigest } from './search-cache.ts';

/** Pages per call to Pagefind: each call is one step of the progress line. */
const PAGES_PER_STEP = 1000;

/**
 * Put after each word of the words bundle, so that Pagefind indexes it as it is: the word is
 * already stemmed, and a stemmer leaves alone a word that ends in a digit. Rare enough that no
 * query's word starts with a word and then this.
 */
const WORD_MARK = '9qx0';

export interface IndexOptions {
  /** Whether a bundle kept by an earlier build may be put back (not with `npm run build -- --force`). */
  reuse: boolean;
  /** Called after every step with the pages read so far. */
  onProgress?: (done: number, total: number) => void;
  /** Called when a bundle's pages are read and Pagefind starts writing it (a third of the time or more). */
  onWrite?: (bundle: string, pages: number) => void;
  /** Resolves once the site's pages at these URLs are final; a bundle waits for its pages. */
  ready?: (urls: string[]) => Promise<void>;
  /** The digest of the code that renders the pages, and their cacheKeys, read once the first bundle's pages are final (src/lib/kept-pages.ts). */
  pages: { code: string; keys: () => PageKeys };
  /** An empty folder on the site's file system for the hard links Pagefind reads, left for the caller to delete (its files take a while to free). */
  staging: string;
}

export interface Indexed {
  /** Articles in each bundle, by bundle (`en`, `en/2016`). */
  pages: Map<string, number>;
  /** The bundles kept from an earlier build, their pages unchanged. */
  reused: string[];
}

/**
 * Indexes the built site's article pages with Pagefind's Node API, a bundle at a time, as
 * src/lib/search-bundles.ts cuts them: `<site>/pagefind/<bundle>/`. Articles of no known language
 * go to the interface language's bundles (`forceLanguage`). A cut language's words bundle is
 * written last, from the words its other bundles indexed.
 *
 * Pagefind reads a folder of pages on every core, several times faster than pages handed to it
 * one by one (its service parses those one at a time). So each bundle's pages are hard-linked
 * into a folder of their own in `staging`, in steps of PAGES_PER_STEP, and Pagefind reads
 * those folders; their paths are the pages' paths in the site, so the URLs are the same. A
 * bundle whose pages did not change since a build that kept it is put back instead
 * (search-cache.ts) when `reuse` allows. Bundles are taken in the order the site's article pages
 * render (`inSearchOrder`), each as soon as its pages are `ready`, so that most are indexed on the
 * second core while Astro renders the rest. Any error throws.
 */
export async function indexSearch(site: string, articles: Article[], { reuse, onProgress, onWrite, ready, pages, staging }: IndexOptions): Promise<Indexed> {
  const indexed: Indexed = { pages: new Map(), reused: [] };
  const folderOf = (bundle: SearchBundle<Article>) => join(site, outputPath(bundle.url));
  let done = 0;

  /**
   * Puts the kept bundle back if it may and can (and says so); otherwise has Pagefind index what
   * `add` gives it, writes the bundle and keeps it.
   */
  async function writeBundle(bundle: SearchBundle<Article>, lang: string, digest: string, add: (index: pagefind.PagefindIndex) => Promise<number>): Promise<boolean> {
    const folder = folderOf(bundle);
    if (reuse && restoreBundle(bundle.id, digest, folder)) {
      indexed.reused.push(bundle.id);
      return true;
    }
    const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    onWrite?.(bundle.id, await add(index));
    const written = await index.writeFiles({ outputPath: folder });
    if (written.errors.length) throw new Error(`Pagefind could not write the ${bundle.id} bundle: ${written.errors.join('; ')}`);
    await index.deleteIndex();
    keepBundle(bundle.id, digest, folder);
    return false;
  }

  const addPages = (bundle: SearchBundle<Article>, sourcePaths: string[]) => async (index: pagefind.PagefindIndex) => {
    for (let from = 0; from < sourcePaths.length; from += PAGES_PER_STEP) {
      const step = join(staging, bundle.id, String(from));
      const pages = sourcePaths.slice(from, from + PAGES_PER_STEP);
      shareFiles(site, step, pages);
      const added = await index.addDirectory({ path: step });
      if (added.errors.length) throw new Error(`Pagefind could not index the ${bundle.id} pages: ${added.errors.join('; ')}`);
      if (added.page_count !== pages.length) throw new Error(`Pagefind indexed ${added.page_count} of ${pages.length} ${bundle.id} pages`);
      onProgress?.((done += pages.length), articles.length);
    }
    return sourcePaths.length;
  };

  const addWords = (lang: string, bundles: SearchBundle<Article>[]) => async (index: pagefind.PagefindIndex) => {
    for (const bundle of bundles) {
      const content = bundleWordsKept(bundle.id, folderOf(bundle))
        .map((word) => word + WORD_MARK)
        .join(' ');
      const added = await index.addCustomRecord({ url: `/${bundle.id}/`, content, language: lang, filters: { [BUNDLE_FILTER]: [bundle.id] } });
      if (added.errors.length) throw new Error(`Pagefind could not index the words of ${bundle.id}: ${added.errors.join('; ')}`);
    }
    return bundles.length;
  };

  const languages = searchLanguages(articles);
  let keys: PageKeys | undefined;
  const keyOf = (url: string) => {
    keys ??= pages.keys();
    if (!(url in keys)) throw new Error(`no cacheKey was recorded for ${url}`);
    return keys[url];
  };
  try {
    for (const { lang, words, bundles } of languages) {
      const digests = [];
      for (const bundle of bundles) {
        const urls = bundle.articles.map((article) => articleUrl(article.slug));
        const sourcePaths = urls.map(pageFile);
        await ready?.(urls);
        const digest = bundleDigest(pages.code, urls.map((url) => [url, keyOf(url)]));
        digests.push(digest);
        indexed.pages.set(bundle.id, sourcePaths.length);
        if (await writeBundle(bundle, lang, digest, addPages(bundle, sourcePaths))) onProgress?.((done += sourcePaths.length), articles.length);
      }
      if (words) await writeBundle(words, lang, wordsDigest(digests), addWords(lang, bundles));
    }
    forgetBundlesBut(languages.flatMap(({ words, bundles }) => [...bundles, ...(words ? [words] : [])].map((bundle) => bundle.id)));
    return indexed;
  } finally {
    await pagefind.close();
  }
}
