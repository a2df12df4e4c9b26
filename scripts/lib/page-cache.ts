import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Astro's incremental build (experimental.incrementalBuild) keeps the last output of every page
 * that has a cacheKey under its cache folder, and a manifest of those pages; a page whose key and
 * code did not change is copied from there instead of rendered. With `build.concurrency` those
 * copies overlap, and a page that is no longer built is never copied at all, so removing
 * articles costs nothing extra.
 *
 * Astro writes a page to its cache as soon as it renders it, but its manifest only when every
 * page is done: after a build that failed or was killed midway, the old manifest would vouch for
 * new pages. A marker file notices that, and the manifest is then forgotten, so the next build
 * renders every page.
 */
const CACHE = join(import.meta.dirname, '..', '..', 'node_modules', '.astro');
const OUTPUT = join(CACHE, 'dist');
const MANIFEST = join(CACHE, 'incremental-build.json');
const MARKER = join(CACHE, 'build-in-progress');

/** Marks Astro's build as started (after forgetting the manifest a killed build left); returns when. */
export function markBuildStarted(): number {
  if (existsSync(MARKER)) forgetIfWrittenAfter(statSync(MARKER).mtimeMs);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(MARKER, '');
  return statSync(MARKER).mtimeMs;
}

/** Ends the mark of a build started at `since`; after a failed one, forgets the manifest if Astro wrote pages. */
export function markBuildEnded(since: number, succeeded: boolean): void {
  if (!succeeded) forgetIfWrittenAfter(since);
  rmSync(MARKER, { force: true });
}

function forgetIfWrittenAfter(time: number): void {
  if (listFiles(OUTPUT).some((file) => statSync(file).mtimeMs > time)) rmSync(MANIFEST, { force: true });
}

/** Every file under `dir`, as a path. */
function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
