import { constants, copyFileSync, linkSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/**
 * Astro's cache folder (its `cacheDir`), where the build keeps its own caches and lock beside
 * Astro's: its page cache, search bundles, languages, the last build's inputs. Deleting it is
 * always safe; the next build then does everything again.
 */
export const BUILD_CACHE = join(import.meta.dirname, '..', '..', 'node_modules', '.astro');

/** Why a hard link may fail where a copy works: another file system, or one without links. */
const NO_LINK = ['EXDEV', 'EPERM', 'ENOTSUP'];

/**
 * The files `paths` (relative) of folder `from` put in folder `to` as hard links (their folders
 * made, each once), or as copies where the two are on different file systems. A file already at
 * its place in `to` is left as it is; a file missing from `from` is left out, and returned.
 */
export function shareFiles(from: string, to: string, paths: string[]): string[] {
  const made = new Set<string>();
  const missing: string[] = [];
  for (const path of paths) {
    const folder = dirname(path);
    if (!made.has(folder)) {
      mkdirSync(join(to, folder), { recursive: true });
      made.add(folder);
    }
    try {
      linkSync(join(from, path), join(to, path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (code === 'ENOENT') missing.push(path);
      else if (NO_LINK.includes(code)) copyUnlessThere(join(from, path), join(to, path));
      else if (code !== 'EEXIST') throw error;
    }
  }
  return missing;
}

/** The file `from` also at `to`, replacing what is there: a hard link, or a copy where it cannot be one. */
export function shareFile(from: string, to: string): void {
  rmSync(to, { force: true });
  try {
    linkSync(from, to);
  } catch (error) {
    if (!NO_LINK.includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    copyFileSync(from, to);
  }
}

function copyUnlessThere(from: string, to: string): void {
  try {
    copyFileSync(from, to, constants.COPYFILE_EXCL);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/** Every file under `folder`, relative to it; none if there is no such folder. */
export function filesUnder(folder: string): string[] {
  try {
    return readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(folder, join(entry.parentPath, entry.name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
