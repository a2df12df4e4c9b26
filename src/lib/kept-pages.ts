import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { whenWritten } from '../ingest/handover.ts';

/**
 * Under `npm run build`, a page is rendered only when what it shows has changed. Each keyed
 * route (the article pages and the listings) gives every page its URL and its cacheKey
 * (cache-key.ts); the build puts the pages of the last build in place in the new site before
 * Astro renders (scripts/lib/page-cache.ts) and names them with their keys in a file; the route
 * leaves out of its static paths every page in place under the same key, so Astro never sees it.
 * Each route also writes all its pages and keys to a folder: the build records them for the next
 * build, and the sitemap lists the pages kept as well as those rendered. Without these variables
 * (`astro dev`, a bare `astro build`) every page is rendered.
 */
const IN_PLACE_VARIABLE = 'ARCHIVE_PAGES_IN_PLACE';
const KEYS_VARIABLE = 'ARCHIVE_PAGE_KEYS';

/** Pages by URL, each with its cacheKey. */
export type PageKeys = Record<string, string>;

/** A static path of a keyed route: Astro's params and props, and the page's URL and cacheKey. */
export interface KeyedPath<Params, Props> {
  params: Params;
  props: Props;
  url: string;
  cacheKey: string;
}

/** The environment that tells Astro's routes which pages are in place (`inPlaceFile`, once the build writes it) and where to write their keys. */
export function keptPagesEnv(inPlaceFile: string, keysFolder: string): Record<string, string> {
  return { [IN_PLACE_VARIABLE]: inPlaceFile, [KEYS_VARIABLE]: keysFolder };
}

let inPlace: Promise<PageKeys> | undefined;

/** The static paths Astro is to render: all of them, less (under `npm run build`) the pages in place under the same key. */
export async function pagesToRender<Params, Props>(paths: KeyedPath<Params, Props>[]): Promise<{ params: Params; props: Props }[]> {
  const { [IN_PLACE_VARIABLE]: inPlaceFile, [KEYS_VARIABLE]: keysFolder } = process.env;
  let rendered = paths;
  if (inPlaceFile && keysFolder) {
    if (paths.length) {
      // One file per route, named by its first page, whole or not at all: the build reads them while Astro renders.
      const file = join(keysFolder, `${createHash('sha256').update(paths[0].url).digest('base64url')}.json`);
      writeFileSync(`${file}.tmp`, JSON.stringify(keysOf(paths)));
      renameSync(`${file}.tmp`, file);
    }
    inPlace ??= whenWritten(inPlaceFile, 'the pages it put in place').then(() => JSON.parse(readFileSync(inPlaceFile, 'utf8')) as PageKeys);
    const kept = await inPlace;
    rendered = paths.filter(({ url, cacheKey }) => kept[url] !== cacheKey);
  }
  return rendered.map(({ params, props }) => ({ params, props }));
}

function keysOf(paths: { url: string; cacheKey: string }[]): PageKeys {
  return Object.fromEntries(paths.map(({ url, cacheKey }) => [url, cacheKey]));
}

/** Every keyed page of the build whose routes wrote their keys to `folder`, kept or rendered. */
export function pageKeysIn(folder: string): PageKeys {
  return Object.assign({}, ...routeKeysIn(folder));
}

/** The pages and keys each route has written to `folder` so far; `read` keeps the files already read (a route writes its file once, whole). */
export function routeKeysIn(folder: string, read = new Map<string, PageKeys>()): PageKeys[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .map((file) => {
      if (!read.has(file)) read.set(file, JSON.parse(readFileSync(join(folder, file), 'utf8')) as PageKeys);
      return read.get(file)!;
    });
}

/** The URLs of this build's keyed pages, kept or rendered; none outside `npm run build`. */
export function keyedPageUrls(): string[] {
  const folder = process.env[KEYS_VARIABLE];
  return folder ? Object.keys(pageKeysIn(folder)) : [];
}
