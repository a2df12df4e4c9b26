import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { searchBundleUrl } from '../../src/lib/urls.ts';

/**
 * Indexes the built site's article pages with Pagefind's Node API: one bundle per language,
 * `<site>/pagefind/<lang>/`, so that each language is searched with its own stemmer. A page
 * loads one stemmer per Pagefind bundle (its WebAssembly) and searches every index merged into
 * that bundle with it: merged under the English one, an Arabic index misses even `الجيش`.
 * Each language's index reads every article page and keeps those whose `<html lang>` is that
 * language: with `rootSelector` on it, the others show Pagefind no `data-pagefind-body`, and it
 * leaves them out. Any error throws. Returns how many pages each bundle holds.
 */
export async function indexSearch(site: string, languages: string[]): Promise<Map<string, number>> {
  const indexed = new Map<string, number>();
  try {
    for (const lang of languages) {
      const { index, errors } = await pagefind.createIndex({ rootSelector: `html[lang="${lang}"]` });
      if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: site, glob: 'articles/*/index.html' });
      if (added.errors.length) throw new Error(`Pagefind indexing failed (${lang}): ${added.errors.join('; ')}`);
      const outputPath = join(site, searchBundleUrl(lang));
      const written = await index.writeFiles({ outputPath });
      if (written.errors.length) throw new Error(`Pagefind could not write its ${lang} index: ${written.errors.join('; ')}`);
      await index.deleteIndex();
      indexed.set(lang, pageCount(outputPath));
    }
    return indexed;
  } finally {
    await pagefind.close();
  }
}

/** Pages in a written bundle, as its `pagefind-entry.json` counts them per language. */
function pageCount(bundle: string): number {
  const entry = JSON.parse(readFileSync(join(bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
  return Object.values(entry.languages).reduce((sum, { page_count }) => sum + page_count, 0);
}
