import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeSlug).use(rehypeStringify, { characterReferences: { useNamedReferences: true } }).freeze();

/** A record's Markdown body as HTML, headings carrying `id`s (rehype-slug) for anchors and search sub-results. */
export async function renderBody(markdown: string): Promise<string> {
  return String(await processor.process(markdown));
}
