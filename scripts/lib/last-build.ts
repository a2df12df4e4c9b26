import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SETTINGS } from '../../src/consts.ts';
import { BUILD_CACHE, filesUnder } from './files.ts';

/**
 * A build whose inputs are those of the site already in the output folder would write that site
 * again, so `npm run build` leaves it as it is. The inputs: the parsed records (they stand for the
 * seeds, their gazetteer and permalinks, and the parser that read them), the site's code, public
 * files and settings, the packages installed (package-lock.json), Node's version and the
 * arguments passed on to Astro (`--force` aside: it only says not to trust a cache). The record
 * is kept beside Astro's caches, for the last site built; the site is known by its folder's
 * inode, which a build that swaps a new site in changes.
 */
const PROJECT = join(import.meta.dirname, '..', '..');
const RECORD = join(BUILD_CACHE, 'last-build.json');
const CODE = ['src', 'public', 'scripts', 'astro.config.mjs', 'site.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** What Astro renders pages with: a change to any of it, or to the settings, renders every page again (page-cache.ts). */
const PAGE_CODE = ['src', 'astro.config.mjs', 'site.config.ts', 'tsconfig.json', 'package-lock.json'];

interface LastBuild {
  site: string;
  inode: number;
  inputs: string;
}

/** A digest of everything the site at the output folder is made from; `records` is the parsed records as JSON. */
export function buildInputs(records: string, args: string[]): string {
  const hash = createHash('sha256').update(JSON.stringify({ node: process.version, args: args.filter((arg) => arg !== '--force'), settings: SETTINGS }));
  return hash.update(codeDigest(CODE)).update('\0records\0').update(records).digest('base64url');
}

/** A digest of the code Astro renders pages with (PAGE_CODE) and of the site settings, which every page shows. */
export function pageCodeDigest(): string {
  return createHash('sha256').update(JSON.stringify(SETTINGS)).update(codeDigest(PAGE_CODE)).digest('base64url');
}

/** What parses a seed file (src/ingest/ingest.ts's parseSeedFile): its modules and the packages they use. */
const PARSE_CODE = ['src/ingest', 'package-lock.json'];

/** A digest of the code that parses seed files (PARSE_CODE). */
export function parseCodeDigest(): string {
  return codeDigest(PARSE_CODE);
}

/** A digest of the files and folders `entries` of the project, their paths and bytes. */
function codeDigest(entries: string[]): string {
  const hash = createHash('sha256');
  for (const entry of entries) {
    const files = statSync(join(PROJECT, entry)).isDirectory() ? filesUnder(join(PROJECT, entry)).sort().map((file) => join(entry, file)) : [entry];
    for (const file of files) hash.update(`\0${file}\0`).update(readFileSync(join(PROJECT, file)));
  }
  return hash.digest('base64url');
}

/** Whether the site at `site` is the one the last build made from `inputs`. */
export function isBuilt(site: string, inputs: string): boolean {
  if (!existsSync(RECORD) || !existsSync(site)) return false;
  const last = JSON.parse(readFileSync(RECORD, 'utf8')) as LastBuild;
  return last.site === site && last.inode === statSync(site).ino && last.inputs === inputs;
}

/** Records that the site now at `site` was built from `inputs`. */
export function recordBuilt(site: string, inputs: string): void {
  writeFileSync(RECORD, JSON.stringify({ site, inode: statSync(site).ino, inputs } satisfies LastBuild));
}
