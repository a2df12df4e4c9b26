import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SETTINGS } from '../../src/consts.ts';
import { isReadSeedFile, seedFolderPaths } from '../../src/ingest/seed-files.ts';
import { BUILD_CACHE, filesUnder } from './files.ts';

/**
 * A build whose inputs are those of the site already in the output folder would write that site
 * again, so `npm run build` leaves it as it is. The inputs: the seed folder's files (their paths
 * and bytes) or else the records they parse to (which a change to a seed's spacing, or to
 * permalinks.json by the build itself, leaves as they were), the site's code, public files and
 * settings, the packages installed (package-lock.json), Node's version and the arguments passed
 * on to Astro (`--force` aside: it only says not to trust a cache). The record is kept beside
 * Astro's caches, for the last site built; the site is known by its folder's inode, which a
 * build that swaps a new site in changes.
 */
const PROJECT = join(import.meta.dirname, '..', '..');
const RECORD = join(BUILD_CACHE, 'last-build.json');
const CODE = ['src', 'public', 'scripts', 'astro.config.mjs', 'site.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];
/** What Astro renders pages with: a change to any of it, or to the settings, renders every page again (page-cache.ts). */
const PAGE_CODE = ['src', 'astro.config.mjs', 'site.config.ts', 'tsconfig.json', 'package-lock.json'];

/** What the last build reported of its seeds, told again when a build finds nothing changed. */
export interface SeedsReport {
  articles: number;
  warnings: string[];
}

interface LastBuild extends SeedsReport {
  site: string;
  inode: number;
  /** The code's and the records' digest (buildInputs). */
  inputs: string;
  /** The code's and the seed files' digest (seedsInputs). */
  seeds?: string;
}

/** A digest of what the site is made of besides its seeds: code, settings, Node, arguments. */
export function codeInputs(args: string[]): string {
  const hash = createHash('sha256').update(JSON.stringify({ node: process.version, args: args.filter((arg) => arg !== '--force'), settings: SETTINGS }));
  return hash.update(codeDigest(CODE)).digest('base64url');
}

/** A digest of everything the site at the output folder is made from, the seeds as `records` (the parsed records as JSON). */
export function buildInputs(code: string, records: string): string {
  return createHash('sha256').update(code).update('\0records\0').update(records).digest('base64url');
}

/** Every file of a seed folder: its path relative to it → the SHA-256 of its bytes, or '' for a file the parse only names. */
export type SeedFiles = Map<string, string>;

/** The files of seed folder `dir`, the bytes of those the parse reads; none if one cannot be read (a broken link: the parse reports it). */
export function readSeedFiles(dir: string): SeedFiles | undefined {
  try {
    const paths = seedFolderPaths(dir, readdirSync(dir, { recursive: true, withFileTypes: true }));
    return new Map(paths.map((path) => [path, isReadSeedFile(path) ? fileDigest(join(dir, path)) : '']));
  } catch {
    return undefined;
  }
}

/** The SHA-256 of a file's bytes, as readSeedFiles takes it. */
export function fileDigest(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('base64url');
}

/** A digest of everything the site is made from, the seeds as the files of `dir`. */
export function seedsInputs(code: string, dir: string, files: SeedFiles): string {
  const hash = createHash('sha256').update(code).update(`\0seeds\0${resolve(dir)}\0`);
  for (const path of [...files.keys()].sort()) hash.update(`${path}\0${files.get(path)}\0`);
  return hash.digest('base64url');
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

function lastBuildOf(site: string): LastBuild | undefined {
  if (!existsSync(RECORD) || !existsSync(site)) return undefined;
  const last = JSON.parse(readFileSync(RECORD, 'utf8')) as LastBuild;
  return last.site === site && last.inode === statSync(site).ino ? last : undefined;
}

/** What the last build reported, if the site at `site` is the one it made from the seeds and code of `seeds` (seedsInputs). */
export function builtFromSeeds(site: string, seeds: string): SeedsReport | undefined {
  const last = lastBuildOf(site);
  return last?.seeds === seeds ? last : undefined;
}

/** Whether the site at `site` is the one the last build made from `inputs` (buildInputs). */
export function isBuilt(site: string, inputs: string): boolean {
  return lastBuildOf(site)?.inputs === inputs;
}

/** Records that the site now at `site` was built from `inputs`, and from `seeds` when every seed file could be read. */
export function recordBuilt(site: string, built: Omit<LastBuild, 'site' | 'inode'>): void {
  writeFileSync(RECORD, JSON.stringify({ site, inode: statSync(site).ino, ...built } satisfies LastBuild));
}
