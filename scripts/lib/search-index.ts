import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Article } from '../../src/ingest/record.ts';
import { searchBundleLanguage } from '../../src/lib/language.ts';
import { articleUrl, outputPath, searchBundleUrl } from '../../src/lib/urls.ts';

/**
 * Pages sent to Pagefind before their answers come back. Its service reads requests from a pipe
 * and parses one page at a time; awaiting each answer before reading and sending the next page
 * left it idle most of the time. A few dozen in flight keep it busy without holding many pages
 * in memory.
 */
const PAGES_IN_FLIGHT = 32;

/**
 * Indexes the built site's article pages with Pagefind's Node API: one bundle per language,
 * `<site>/pagefind/<lang>/`, so that each language is searched with its own stemmer. A page
 * loads one stemmer per Pagefind bundle (its WebAssembly) and searches every index merged into
 * that bundle with it: merged under the English one, an Arabic index misses even `الجيش`.
 * Each article page is read once, into its language's bundle (`forceLanguage`: articles of no
 * known language go to the interface language's). `onProgress` hears of every page added. Any
 * error throws. Returns how many pages each bundle holds.
 */
export async function indexSearch(
  site: string,
  articles: Article[],
  onProgress?: (done: number, total: number) => void,
): Promise<Map<string, number>> {
  const byLanguage = Map.groupBy(articles, (article) => searchBundleLanguage(article.lang));
  const indexed = new Map<string, number>();
  let done = 0;
  try {
    for (const [lang, inLanguage] of [...byLanguage].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      const sourcePaths = inLanguage.map((article) => join(outputPath(articleUrl(article.slug)), 'index.html'));
      const read = (sourcePath: string) => readFile(join(site, sourcePath), 'utf8');
      await inOrder(sourcePaths, read, async (sourcePath, content) => {
        const added = await index.addHTMLFile({ sourcePath, content });
        if (added.errors.length) throw new Error(`Pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
        onProgress?.(++done, articles.length);
      });
      const written = await index.writeFiles({ outputPath: join(site, outputPath(searchBundleUrl(lang))) });
      if (written.errors.length) throw new Error(`Pagefind could not write its ${lang} index: ${written.errors.join('; ')}`);
      await index.deleteIndex();
      indexed.set(lang, inLanguage.length);
    }
    return indexed;
  } finally {
    await pagefind.close();
  }
}

/**
 * Reads items ahead and hands each to `add` in their order, up to PAGES_IN_FLIGHT at once; the
 * first failure rejects. In order, because Pagefind numbers pages as they arrive: its index files,
 * and the order of pages that tie in a sort, must not depend on which file was read first.
 */
async function inOrder(items: string[], read: (item: string) => Promise<string>, add: (item: string, content: string) => Promise<void>): Promise<void> {
  const reads = items.slice(0, PAGES_IN_FLIGHT).map(read);
  const adds: Promise<void>[] = [];
  for (const [at, item] of items.entries()) {
    const content = await reads.shift()!;
    if (at + PAGES_IN_FLIGHT < items.length) reads.push(read(items[at + PAGES_IN_FLIGHT]));
    const adding = add(item, content);
    adding.catch(() => {}); // awaited below: a failure rejects there, not as an unhandled rejection first
    adds.push(adding);
    if (adds.length >= PAGES_IN_FLIGHT) await adds.shift();
  }
  await Promise.all(adds);
}
