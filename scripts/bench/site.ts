/** The built site's size: pages, bytes, the search index, and what one article page weighs. */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

async function listFiles(dir: string): Promise<{ path: string; size: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return { path, size: (await stat(path)).size };
      }),
  );
}

export interface SiteMeasure {
  htmlPages: number;
  files: number;
  distBytes: number;
  pagefindBytes: number;
  pagefindFiles: number;
  articlePage: { path: string; htmlBytes: number; cssBytes: number; jsBytes: number; totalBytes: number; assets: string[] };
}

/** Pages, sizes, and the weight of the median-sized article page with the CSS and JS it references. */
export async function measureSite(outDir: string): Promise<SiteMeasure> {
  const files = await listFiles(outDir);
  const pagefind = files.filter((file) => file.path.startsWith(join(outDir, 'pagefind') + '/'));
  const articles = files.filter((file) => /\/articles\/[^/]+\/index\.html$/.test(file.path)).sort((a, b) => a.size - b.size);
  const page = articles[articles.length >> 1];
  const html = await readFile(page.path, 'utf8');
  const assets: { href: string; kind: 'css' | 'js' }[] = [];
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
    const href = tag.match(/\b(?:href|src)="([^"]+)"/)?.[1];
    if (!href || /^[a-z]+:/i.test(href) || href.startsWith('//')) continue;
    if (tag.startsWith('<script')) assets.push({ href, kind: 'js' });
    else if (/rel="stylesheet"/.test(tag)) assets.push({ href, kind: 'css' });
    else if (/rel="modulepreload"/.test(tag)) assets.push({ href, kind: 'js' });
  }
  let cssBytes = 0;
  let jsBytes = 0;
  for (const asset of assets) {
    const path = join(outDir, new URL(asset.href, 'http://site/articles/x/').pathname);
    const size = existsSync(path) ? (await stat(path)).size : 0;
    if (asset.kind === 'css') cssBytes += size;
    else jsBytes += size;
  }
  return {
    htmlPages: files.filter((file) => file.path.endsWith('.html')).length,
    files: files.length,
    distBytes: files.reduce((sum, file) => sum + file.size, 0),
    pagefindBytes: pagefind.reduce((sum, file) => sum + file.size, 0),
    pagefindFiles: pagefind.length,
    articlePage: {
      path: '/' + relative(outDir, page.path),
      htmlBytes: page.size,
      cssBytes,
      jsBytes,
      totalBytes: page.size + cssBytes + jsBytes,
      assets: assets.map((asset) => asset.href),
    },
  };
}
