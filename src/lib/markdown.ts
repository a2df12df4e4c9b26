import rehypeExternalLinks from 'rehype-external-links';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified()
  .use(remarkParse)
  .use(remarkRehype)
  .use(rehypeSlug)
  .use(rehypeExternalLinks, { rel: ['noopener', 'noreferrer'] })
  .use(rehypeStringify, { characterReferences: { useNamedReferences: true } })
  .freeze();

/**
 * A record's Markdown body as HTML: headings carry `id`s (rehype-slug) for anchors and
 * search sub-results; links to other sites get `rel="noopener noreferrer"`.
 */
export async function renderBody(markdown: string): Promise<string> {
  return String(await processor.process(markdown));
}
