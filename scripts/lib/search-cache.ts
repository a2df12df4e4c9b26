import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_CACHE, filesUnder, shareFiles } from './files.ts';
import { bundleWords } from './pagefind-words.ts';

/**
 * Pagefind has no incremental mode: it indexes every page it is given. But a search bundle
 * (src/lib/search-bundles.ts) is a function of its pages and of the indexer, and a page of its
 * cacheKey and the code that renders it (scripts/lib/page-cache.ts), so each bundle the build
 * writes is kept beside Astro's caches under a digest of those, and a later build whose pages for that
 * bundle are the same puts the kept bundle in place (as hard links: Pagefind writes new files,
 * never into old ones) instead of indexing it again. An edit re-indexes its own bundle, whole,
 * and its language's words bundle (src/lib/search-bundles.ts).
 */
const CACHE = join(BUILD_CACHE, 'search-bundles');
/** The folder a bundle (`en`, `en/2016`) is kept in: side by side, none inside another. */
const keptFolder = (id: string) => join(CACHE, id.replaceAll('/', '_'));
const DIGEST_FILE = 'digest';
/** Beside a kept bundle: the words it indexed, one a line (pagefind-words.ts), once asked for. */
const WORDS_FILE = 'words';

/** What else a bundle depends on: the Pagefind that writes it and the code that drives it. */
const INDEXER = [
  readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', 'pagefind', 'package.json')),
  readFileSync(join(import.meta.dirname, 'search-index.ts')),
];

/** A digest of the indexer and of a bundle's pages (by URL, in order): their cacheKeys and the code that rendered them, which make each page what it is. */
export function bundleDigest(code: string, pages: [url: string, key: string][]): string {
  const hash = createHash('sha256');
  for (const part of INDEXER) hash.update(part);
  return hash.update(code).update(JSON.stringify(pages)).digest('base64url');
}

/** A digest of the indexer and of the digests of the bundles whose words a words bundle holds. */
export function wordsDigest(bundleDigests: string[]): string {
  const hash = createHash('sha256');
  for (const part of INDEXER) hash.update(part);
  for (const digest of bundleDigests) hash.update(`\0${digest}`);
  return hash.digest('base64url');
}

/** Puts the kept bundle `id` at `outputPath` if it was kept with this digest; says whether it did. */
export function restoreBundle(id: string, digest: string, outputPath: string): boolean {
  const kept = keptFolder(id);
  if (!existsSync(join(kept, DIGEST_FILE)) || readFileSync(join(kept, DIGEST_FILE), 'utf8') !== digest) return false;
  shareFiles(kept, outputPath, filesUnder(kept).filter((file) => file !== DIGEST_FILE && file !== WORDS_FILE));
  return true;
}

/**
 * Every word the bundle `id` written at `outputPath` indexed: read from its index chunks the first
 * time, then kept with the bundle, so an edit reads the words of its own bundle only.
 */
export function bundleWordsKept(id: string, outputPath: string): string[] {
  const file = join(keptFolder(id), WORDS_FILE);
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8');
    return text ? text.split('\n') : [];
  }
  const words = bundleWords(outputPath);
  if (existsSync(keptFolder(id))) writeFileSync(file, words.join('\n'));
  return words;
}

/** Keeps the bundle `id` just written at `outputPath`, with its digest, in place of the one kept before. */
export function keepBundle(id: string, digest: string, outputPath: string): void {
  const kept = keptFolder(id);
  rmSync(kept, { recursive: true, force: true });
  shareFiles(outputPath, kept, filesUnder(outputPath));
  writeFileSync(join(kept, DIGEST_FILE), digest);
}

/** Forgets the kept bundles other than `ids` (the ones a build just wrote or put back). */
export function forgetBundlesBut(ids: string[]): void {
  const keep = new Set(ids.map(keptFolder));
  for (const folder of existsSync(CACHE) ? readdirSync(CACHE) : []) if (!keep.has(join(CACHE, folder))) rmSync(join(CACHE, folder), { recursive: true, force: true });
}
