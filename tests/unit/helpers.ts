/** Shared fixture helpers for the ingest unit tests. */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { loadGazetteer } from '../../src/ingest/gazetteer.ts';
import { assembleArticles, parseSeedFile } from '../../src/ingest/ingest.ts';
import type { Article, ParseResult } from '../../src/ingest/record.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS_DIR = join(ROOT, 'seeds');

/** The five real seed files, in name order. */
export const SEED_FILES = [
  '000_eec55b0dcae980f4.txt',
  '001_18637ba0f6f8be09.txt',
  '002_c3971dc119f340b0.txt',
  '003_c0d5f7308ebb5180.txt',
  '004_e6a6ba3921a0c680.txt',
] as const;

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The shipped gazetteer alone, as `parseSeedDir` reads it for a folder without entities.yaml. */
export const { gazetteer: shippedGazetteer } = await loadGazetteer(SEEDS_DIR);

/** Parses in-memory files (name → text or bytes) the way `parseSeedDir` would, without touching the disk. */
export function parseFiles(files: Record<string, string | Uint8Array>): ParseResult {
  return assembleArticles(
    Object.entries(files).map(([name, content]) => parseSeedFile(name, typeof content === 'string' ? utf8(content) : content)),
    shippedGazetteer,
  );
}

/** Parses one in-memory file. */
export function parseText(text: string, file = 'test.txt'): ParseResult {
  return parseFiles({ [file]: text });
}

const tempDirs: string[] = [];
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * Writes files (relative path → text or bytes, sub-folders allowed) into a fresh
 * temp folder, removed again after the test. `copySeeds` first copies the real seeds.
 */
export async function makeSeedDir(files: Record<string, string | Uint8Array>, { copySeeds = false } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'seed-test-'));
  tempDirs.push(dir);
  if (copySeeds) await cp(SEEDS_DIR, dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
  }
  return dir;
}

/** Runs `node scripts/parse.ts <dir>` with the Node running the tests. */
export function runCli(dir: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['scripts/parse.ts', dir], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Articles with at least one origin in `file`. */
export function fromFile(articles: Article[], file: string): Article[] {
  return articles.filter((article) => article.origins.some((origin) => origin.file === file));
}

/** The one article whose title starts with `prefix`; throws if there is not exactly one. */
export function byTitle(articles: Article[], prefix: string): Article {
  const found = articles.filter((article) => article.title.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one article titled "${prefix}…", found ${found.length}`);
  return found[0];
}

/** title → slug, to compare slug assignment between runs. */
export function slugsByTitle(articles: Article[]): Map<string, string> {
  return new Map(articles.map((article) => [article.title, article.slug]));
}

/** A record without its origins' file names (for comparing the same text saved under two names). */
export function withoutOriginFiles(article: Article): Omit<Article, 'origins'> & { origins: { line: number }[] } {
  return { ...article, origins: article.origins.map(({ line }) => ({ line })) };
}
