import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Article } from '../../src/ingest/record.ts';
import { searchBundleLanguage } from '../../src/lib/language.ts';
import { articleUrl, outputPath, searchBundleUrl } from '../../src/lib/urls.ts';
import { shareFiles } from './files.ts';
import { bundleDigest, keepBundle, restoreBundle } from './search-cache.ts';

/** Pages per call to Pagefind: each call is one step of the progress line. */
const PAGES_PER_STEP = 1000;

export interface IndexOptions {
  /** Whether a bundle kept by an earlier build may be put back (not with `npm run build -- --force`). */
  reuse: boolean;
  /** Called after every step with the pages read so far. */
  onProgress?: (done: number, total: number) => void;
  /** Called when a language's pages are read and Pagefind starts writing its bundle (a third of the time or more). */
  onWrite?: (lang: string, pages: number) => void;
}

export interface Indexed {
  /** Pages in each language's bundle. */
  pages: Map<string, number>;
  /** The languages whose bundle was kept from an earlier build, its pages unchanged. */
  reused: string[];
}

/**
 * Indexes the built site's article pages with Pagefind's Node API: one bundle per language,
 * `<site>/pagefind/<lang>/`, so that each language is searched with its own stemmer. A page
 * loads one stemmer per Pagefind bundle (its WebAssembly) and searches every index merged into
 * that bundle with it: merged under the English one, an Arabic index misses even `الجيش`.
 * Articles of no known language go to the interface language's (`forceLanguage`).
 *
 * Pagefind reads a folder of pages on every core, several times faster than pages handed to it
 * one by one (its service parses those one at a time). So each bundle's pages are hard-linked
 * into a folder of their own beside the site, in steps of PAGES_PER_STEP, and Pagefind reads
 * those folders; their paths are the pages' paths in the site, so the URLs are the same. A
 * bundle whose pages did not change since a build that kept it is put back instead
 * (search-cache.ts) when `reuse` allows. Any error throws.
 */
export async function indexSearch(site: string, articles: Article[], { reuse, onProgress, onWrite }: IndexOptions): Promise<Indexed> {
  const byLanguage = [...Map.groupBy(articles, (article) => searchBundleLanguage(article.lang))].sort(([a], [b]) => (a < b ? -1 : 1));
  const staging = `${site}.search-pages`;
  const indexed: Indexed = { pages: new Map(), reused: [] };
  let done = 0;
  try {
    for (const [lang, inLanguage] of byLanguage) {
      const sourcePaths = inLanguage.map((article) => join(outputPath(articleUrl(article.slug)), 'index.html'));
      const bundle = join(site, outputPath(searchBundleUrl(lang)));
      const digest = bundleDigest(site, sourcePaths);
      indexed.pages.set(lang, sourcePaths.length);
      if (reuse && restoreBundle(lang, digest, bundle)) {
        indexed.reused.push(lang);
        onProgress?.((done += sourcePaths.length), articles.length);
        continue;
      }
      const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      for (let from = 0; from < sourcePaths.length; from += PAGES_PER_STEP) {
        const step = join(staging, lang, String(from));
        const pages = sourcePaths.slice(from, from + PAGES_PER_STEP);
        shareFiles(site, step, pages);
        const added = await index.addDirectory({ path: step });
        if (added.errors.length) throw new Error(`Pagefind could not index the ${lang} pages: ${added.errors.join('; ')}`);
        if (added.page_count !== pages.length) throw new Error(`Pagefind indexed ${added.page_count} of ${pages.length} ${lang} pages`);
        onProgress?.((done += pages.length), articles.length);
      }
      onWrite?.(lang, sourcePaths.length);
      const written = await index.writeFiles({ outputPath: bundle });
      if (written.errors.length) throw new Error(`Pagefind could not write its ${lang} index: ${written.errors.join('; ')}`);
      await index.deleteIndex();
      keepBundle(lang, digest, bundle);
    }
    return indexed;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    await pagefind.close();
  }
}
