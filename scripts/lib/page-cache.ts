import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BUILD_CACHE, filesUnder, shareFiles } from './files.ts';
import { fileURLToPath } from 'node:url';

/**
 * Astro's incremental build (experimental.incrementalBuild) keeps the last output of every page
 * that has a cacheKey under its cache folder, and a manifest of those pages. A page whose key and
 * code did not change is not rendered again: Astro keeps the file already at its place in the
 * new site, or else copies it from its cache. `beforeAstro` puts them all in place as hard links
 * to the cache's files, so the new site, the cache and the live site share one copy of each
 * unchanged page and a rebuild copies none. That is safe because every file Astro writes
 * replaces the one at its path (scripts/lib/replacing-writes.ts) instead of writing into it: a
 * page rendered again gets a file of its own, and the others keep theirs. `afterAstro` removes
 * the links that are no page of this build.
 *
 * Astro writes a page to its cache as soon as it renders it, but its manifest only when every
 * page is done: after a build that failed or was killed midway, the old manifest would vouch for
 * new pages. A marker file notices that, and the manifest is then forgotten, so the next build
 * renders every page.
 */
/** Where Astro keeps the last output of each page, at its path in the site. */
export const PAGE_CACHE = join(BUILD_CACHE, 'dist');
const MANIFEST = join(BUILD_CACHE, 'incremental-build.json');
const MARKER = join(BUILD_CACHE, 'build-in-progress');

export interface Prefilled {
  /** Paths relative to the site of the pages put in place from the cache. */
  linked: string[];
  /** When Astro was about to start: a file written after this was written by Astro. */
  since: number;
}

/**
 * After a build that stopped midway (its marker is still there), forgets the manifest if the
 * cache has pages written since. Before Astro starts: it reads the manifest once it has bundled
 * the site, which it does while the seeds are parsed.
 */
export function forgetUnfinishedBuild(): void {
  if (existsSync(MARKER)) forgetIfWrittenAfter(statSync(MARKER).mtimeMs);
}

/** Fills the folder `site` with the cached pages (none with `force`) and marks the build as started. */
export function beforeAstro(site: string, { force }: { force: boolean }): Prefilled {
  const linked = force ? [] : linkCache(site);
  mkdirSync(BUILD_CACHE, { recursive: true });
  writeFileSync(MARKER, '');
  return { linked, since: statSync(MARKER).mtimeMs };
}

/** Ends the mark of a build that stopped before Astro had the records, so rendered nothing. */
export function abandon(): void {
  rmSync(MARKER, { force: true });
}

/** Ends the mark; after a successful build, removes the pages put in place that this build does not have, and returns how many. */
export function afterAstro(site: string, { linked, since }: Prefilled, succeeded: boolean): number {
  if (!succeeded) forgetIfWrittenAfter(since);
  rmSync(MARKER, { force: true });
  if (!succeeded || !linked.length) return 0;
  // A manifest Astro did not write in this build (incremental builds off) vouches for nothing.
  const listed = existsSync(MANIFEST) && statSync(MANIFEST).mtimeMs > since ? manifestFiles() : new Set<string>();
  const gone = linked.filter((file) => !listed.has(file) && statSync(join(site, file)).mtimeMs <= since);
  const folders = new Set<string>();
  for (const file of gone) {
    rmSync(join(site, file));
    for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) folders.add(folder);
  }
  // Deepest first, each folder once: removing half of 50,000 articles must not re-read `articles/` each time.
  for (const folder of [...folders].sort((a, b) => depth(b) - depth(a))) removeIfEmpty(join(site, folder));
  return gone.length;
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

/** Links the pages the manifest lists (Astro leaves pages of builds before a `--force` in its cache), or copies them where links cannot be made. */
function linkCache(site: string): string[] {
  return existsSync(MANIFEST) ? shareFiles(PAGE_CACHE, site, [...manifestFiles()]) : [];
}

function forgetIfWrittenAfter(time: number): void {
  if (filesUnder(PAGE_CACHE).some((file) => statSync(join(PAGE_CACHE, file)).mtimeMs > time)) rmSync(MANIFEST, { force: true });
}

/** The pages Astro's manifest lists, as paths relative to the site. */
function manifestFiles(): Set<string> {
  const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { routes: Record<string, { paths: Record<string, { outputFile: string }> }> };
  // Output files are named as URLs there (`a%20b/index.html`), as paths on disk.
  const onDisk = (outputFile: string) => fileURLToPath(new URL(outputFile, 'file:///')).slice(1);
  return new Set(Object.values(manifest.routes).flatMap((route) => Object.values(route.paths).map((path) => onDisk(path.outputFile))));
}
