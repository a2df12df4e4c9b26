import * as pagefind from 'pagefind';

/**
 * Indexes the built site's article pages with Pagefind's Node API and writes the index to
 * `<site>/pagefind/`; any error throws. Only article pages are read: the others carry no
 * `data-pagefind-body` and would only cost time. Returns how many pages were indexed.
 */
export async function indexSearch(site: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: site, glob: 'articles/*/index.html' });
    if (added.errors.length) throw new Error(`Pagefind indexing failed: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}
