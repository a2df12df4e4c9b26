import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { Article } from '../../src/ingest/record.ts';
import { searchBundleLanguage } from '../../src/lib/language.ts';
import { articleUrl, outputPath, searchBundleUrl } from '../../src/lib/urls.ts';

/**
 * Indexes the built site's article pages with Pagefind's Node API: one bundle per language,
 * `<site>/pagefind/<lang>/`, so that each language is searched with its own stemmer. A page
 * loads one stemmer per Pagefind bundle (its WebAssembly) and searches every index merged into
 * that bundle with it: merged under the English one, an Arabic index misses even `الجيش`.
 * Each article page is read once, into its language's bundle (`forceLanguage`: articles of no
 * known language go to the interface language's). Any error throws. Returns how many pages each
 * bundle holds.
 */
export async function indexSearch(site: string, articles: Article[]): Promise<Map<string, number>> {
  const byLanguage = Map.groupBy(articles, (article) => searchBundleLanguage(article.lang));
  const indexed = new Map<string, number>();
  try {
    for (const [lang, inLanguage] of [...byLanguage].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: lang });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      for (const article of inLanguage) {
        const sourcePath = join(outputPath(articleUrl(article.slug)), 'index.html');
        const added = await index.addHTMLFile({ sourcePath, content: await readFile(join(site, sourcePath), 'utf8') });
        if (added.errors.length) throw new Error(`Pagefind could not index ${sourcePath}: ${added.errors.join('; ')}`);
      }
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
