import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageKeys } from '../../src/lib/kept-pages.ts';
import { ARTICLES_FOLDER, pageFile } from '../../src/lib/urls.ts';
import { BUILD_CACHE, shareFiles } from './files.ts';
import { pageCodeDigest } from './last-build.ts';

/**
 * The live site is the page cache. After a build has swapped its site in, it records every keyed
 * page of that site with its cacheKey (src/lib/kept-pages.ts), and a digest of the code and
 * settings that rendered them. The next build (not `--force`, same output folder, code and
 * settings) puts those pages in place in its new folder as hard links to the live site's files,
 * on another thread while the seeds are parsed, then tells Astro's routes which pages are in
 * place under which key, and Astro renders only the pages whose key changed or that are new. So
 * an unchanged page is never copied, and a full build writes each page once.
 *
 * The new folder is not made from nothing: it is the site before the live one (`<out>.spare`),
 * or what a build stopped midway left, whose folders are nearly all the ones the new site needs
 * (this machine's file system takes about 0.5 ms to make a folder: 40 s of system time for the
 * 80,000 pages of 50,000 articles). Whatever else that folder holds is made right: a kept page
 * that is not the live site's file is linked again, Astro replaces the pages it renders, and
 * `sweep` removes the rest once Astro is done.
 *
 * That is safe because every file Astro writes replaces the one at its path
 * (scripts/lib/replacing-writes.js) instead of writing into it: a page rendered again gets a file
 * of its own, and the live site keeps its own. A build that fails or stops midway neither swaps
 * its site in nor records anything, so the record always describes the live site.
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
  /** Every page of the live site, kept or not (none if it is not the recorded one, or the code or settings changed: its URLs may have another base). */
  live: string[];
}

/** The pages of the live site at `live` that the record vouches for (none with `force`, or when the code or settings changed). */
export function keptPages(live: string, { force }: { force: boolean }): KeptPages {
  const code = pageCodeDigest();
  const last = recorded(live);
  const pages = last?.code === code ? last.pages : {};
  return { code, inPlace: force ? {} : pages, live: Object.keys(pages) };
}

/**
 * Before Astro renders, in the folder `site` the build starts from: makes each page `inPlace` the
 * live site's file (at `live`), linking it again where it is another file or missing, and moves
 * every other page of the live site found there (which Astro renders again) into `trash`, to be
 * deleted once the build is over: freeing a file costs this file system about 0.2 ms, moving it
 * 0.04 ms. Returns the files missing from the live site.
 */
export function linkKeptPages(site: string, live: string, { inPlace, live: pages }: Pick<KeptPages, 'inPlace' | 'live'>, trash: string): string[] {
  let moved = 0;
  const toLink = pages.flatMap((url) => {
    const file = pageFile(url);
    const there = lstatSync(join(site, file), { throwIfNoEntry: false });
    if (url in inPlace && there) {
      const source = lstatSync(join(live, file), { throwIfNoEntry: false });
      if (source && source.ino === there.ino && source.dev === there.dev) return [];
    }
    if (there) renameSync(join(site, file), join(trash, String(moved++)));
    return url in inPlace ? [file] : [];
  });
  return shareFiles(live, site, toLink);
}

function recorded(live: string): Recorded | undefined {
  if (!existsSync(RECORD) || !existsSync(live)) return undefined;
  const last = JSON.parse(readFileSync(RECORD, 'utf8')) as Recorded;
  return last.site === live && last.inode === statSync(live).ino ? last : undefined;
}

/**
 * Once Astro is done: moves into `trash` (to be deleted once the build is over) every file of the
 * folder `site` that is neither one of `keep` (this build's keyed pages and public files, relative
 * to it) nor written since `since` (by Astro), a folder whole when all it holds goes, so that
 * switching to a much smaller seed folder costs a rename per stale article, not the file system's
 * slow frees (see linkKeptPages); returns how many files went. Not under `pagefind/`, the search
 * index, which is written beside it, nor in the folder of an article whose page is kept: it holds
 * that page only (reading 50,000 such folders took 7 s).
 */
export function sweep(site: string, keep: Set<string>, since: number, trash: string): number {
  let swept = 0;
  let moved = 0;
  /** How many files `folder` holds when every one of them goes; otherwise moves those that go and says nothing. */
  const staleFilesIn = (folder: string): number | undefined => {
    const entries = readdirSync(join(site, folder), { withFileTypes: true }).map((entry) => {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (!entry.isDirectory()) return { path, stale: keep.has(path) || lstatSync(join(site, path)).mtimeMs >= since ? undefined : 1 };
      const keptArticle = folder === ARTICLES_FOLDER && keep.has(`${path}/index.html`);
      return { path, stale: path === 'pagefind' || keptArticle ? undefined : staleFilesIn(path) };
    });
    if (folder && entries.every(({ stale }) => stale !== undefined)) return entries.reduce((sum, { stale }) => sum + (stale ?? 0), 0);
    for (const { path, stale } of entries) {
      if (stale === undefined) continue;
      renameSync(join(site, path), join(trash, String(moved++)));
      swept += stale;
    }
    return undefined;
  };
  staleFilesIn('');
  return swept;
}

/** Records the keyed pages of the site just swapped in at `site`, rendered with the code `code`. */
export function recordPages(site: string, code: string, pages: PageKeys): void {
  writeFileSync(RECORD, JSON.stringify({ site, inode: statSync(site).ino, code, pages } satisfies Recorded));
}

