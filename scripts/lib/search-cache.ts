import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_CACHE, filesUnder, shareFiles } from './files.ts';

/**
 * Pagefind has no incremental mode: it indexes every page it is given. But a search bundle (one
 * language's) is a function of its pages and of the indexer, so each bundle the build writes is
 * kept beside Astro's caches under a digest of those, and a later build whose pages for that
 * bundle are the same puts the kept bundle in place (as hard links: Pagefind writes new files,
 * never into old ones) instead of indexing it again. An edit re-indexes its own language's
 * bundle, whole.
 */
const CACHE = join(BUILD_CACHE, 'search-bundles');
const DIGEST_FILE = 'digest';

/** What else a bundle depends on: the Pagefind that writes it and the code that drives it. */
const INDEXER = [
  readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', 'pagefind', 'package.json')),
  readFileSync(join(import.meta.dirname, 'search-index.ts')),
];

/** A digest of the indexer and of every page of a bundle, path and bytes, in order. */
export function bundleDigest(site: string, sourcePaths: string[]): string {
  const hash = createHash('sha256');
  for (const part of INDEXER) hash.update(part);
  for (const path of sourcePaths) hash.update(`\0${path}\0`).update(readFileSync(join(site, path)));
  return hash.digest('base64url');
}

/** Puts the kept bundle `name` at `outputPath` if it was kept with this digest; says whether it did. */
export function restoreBundle(name: string, digest: string, outputPath: string): boolean {
  const kept = join(CACHE, name);
  if (!existsSync(join(kept, DIGEST_FILE)) || readFileSync(join(kept, DIGEST_FILE), 'utf8') !== digest) return false;
  shareFiles(kept, outputPath, filesUnder(kept).filter((file) => file !== DIGEST_FILE));
  return true;
}

/** Keeps the bundle `name` just written at `outputPath`, with its digest, in place of the one kept before. */
export function keepBundle(name: string, digest: string, outputPath: string): void {
  const kept = join(CACHE, name);
  rmSync(kept, { recursive: true, force: true });
  shareFiles(outputPath, kept, filesUnder(outputPath));
  writeFileSync(join(kept, DIGEST_FILE), digest);
}
