import { existsSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PageKeys } from '../../src/lib/kept-pages.ts';
import { pageFile } from '../../src/lib/urls.ts';
import { BUILD_CACHE, shareFiles } from './files.ts';
import { pageCodeDigest } from './last-build.ts';

/**
 * The live site is the page cache. After a build has swapped its site in, it records every keyed
 * page of that site with its cacheKey (src/lib/kept-pages.ts), and a digest of the code and
 * settings that rendered them. The next build (not `--force`, same output folder, code and
 * settings) tells Astro's routes that those pages are in place, and Astro renders only the pages
 * whose key changed or that are new; meanwhile the pages are put in place in the new folder, on
 * another thread, as hard links to the live site's files. So an unchanged page is never copied,
 * and a full build writes each page once.
 *
 * That is safe because every file Astro writes replaces the one at its path
 * (scripts/lib/replacing-writes.ts) instead of writing into it, and a link is never made over a
 * file already there: whichever comes first, the page Astro renders again gets a file of its own,
 * and the live site keeps its own. A build that fails or stops midway neither swaps its site in
 * nor records anything, so the record always describes the live site.
 */
const RECORD = join(BUILD_CACHE, 'page-keys.json');

interface Recorded {
  site: string;
  /** The site's folder is known by its inode, which swapping a new site in changes. */
  inode: number;
  code: string;
  pages: PageKeys;
}

export interface KeptPages {
  /** The digest of the code and settings Astro renders with in this build. */
  code: string;
  /** The live site's pages that this build keeps unless their key changed, with their key. */
  inPlace: PageKeys;
}

/** The pages of the live site at `live` that the record vouches for (none with `force`). */
export function keptPages(live: string, { force }: { force: boolean }): KeptPages {
  const code = pageCodeDigest();
  const last = force ? undefined : recorded(live, code);
  return { code, inPlace: last?.pages ?? {} };
}

/** Links the pages `inPlace` of the live site at `live` into the folder `site`, leaving any page already there; returns the files missing from the live site. */
export function linkKeptPages(site: string, live: string, inPlace: PageKeys): string[] {
  return shareFiles(live, site, Object.keys(inPlace).map(pageFile));
}

function recorded(live: string, code: string): Recorded | undefined {
  if (!existsSync(RECORD) || !existsSync(live)) return undefined;
  const last = JSON.parse(readFileSync(RECORD, 'utf8')) as Recorded;
  return last.site === live && last.inode === statSync(live).ino && last.code === code ? last : undefined;
}

/** Removes the pages put in place that are no page of this build (`built`), and returns how many. */
export function afterAstro(site: string, inPlace: PageKeys, built: PageKeys): number {
  const gone = Object.keys(inPlace)
    .filter((url) => !(url in built))
    .map(pageFile);
  const folders = new Set<string>();
  for (const file of gone) {
    rmSync(join(site, file));
    for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) folders.add(folder);
  }
  // Deepest first, each folder once: removing half of 50,000 articles must not re-read `articles/` each time.
  for (const folder of [...folders].sort((a, b) => depth(b) - depth(a))) removeIfEmpty(join(site, folder));
  return gone.length;
}

/** Records the keyed pages of the site just swapped in at `site`, rendered with the code `code`. */
export function recordPages(site: string, code: string, pages: PageKeys): void {
  writeFileSync(RECORD, JSON.stringify({ site, inode: statSync(site).ino, code, pages } satisfies Recorded));
}

function depth(path: string): number {
  return path.split('/').length;
}

function removeIfEmpty(folder: string): void {
  try {
    rmdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY') throw error;
  }
}
