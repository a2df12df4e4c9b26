import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Article } from './record.ts';

/**
 * `npm run build` parses the seed folder once: it reports the problems, stops on an error, and
 * hands the records to Astro's pages in a file named by this variable (and the folder they were
 * parsed from in the next). The pages, the search index and the nothing-lost check then work from
 * one parse. Astro starts while the seeds are parsed (its start-up and bundling need no record),
 * so the pages wait for the file. Without the variables (`astro dev`, a bare `astro build`) the
 * loader parses the folder into Astro's content collection, and the pages read that.
 */
const HANDOVER_VARIABLE = 'ARCHIVE_PARSED_SEEDS';
const HANDOVER_DIR_VARIABLE = 'ARCHIVE_PARSED_SEEDS_DIR';
const WAIT_MS = 20;

/** The environment that tells Astro's pages to wait for the records parsed from `dir` in `file`. */
export function handoverEnv(file: string, dir: string): Record<string, string> {
  return { [HANDOVER_VARIABLE]: file, [HANDOVER_DIR_VARIABLE]: resolve(dir) };
}

/** Whether this process is to be handed the records parsed from `dir` (see handedOver). */
export function isHandedOver(dir: string): boolean {
  return Boolean(process.env[HANDOVER_VARIABLE]) && process.env[HANDOVER_DIR_VARIABLE] === resolve(dir);
}

/**
 * The records as the build hands them over and `/articles.json` shows them: in the parse's order
 * (by slug). So under `npm run build` that page is the handed-over file. Not indented: at 10,000
 * articles indenting took twice as long (0.3 s more, on the build's critical path) and made the
 * file a third bigger; a browser shows JSON indented anyway.
 */
export function recordsJson(articles: Article[]): string {
  // Record by record: the same text as JSON.stringify(articles), in a third less time at 10,000
  // articles (0.55 against 0.8 s), where V8's stringifier slows down over the one huge array.
  return `[${articles.map((article) => JSON.stringify(article)).join(',')}]`;
}

/**
 * Hands a file to Astro's pages (the records as recordsJson writes them, the pages already in
 * place): writes `text` to `file` whole or not at all, as the pages may be watching for it.
 */
export async function handOver(file: string, text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

/**
 * The file holding the records `npm run build` parsed from `dir`, once it has written them;
 * `undefined` when this process was handed none for it. Stops waiting if the build that started
 * this process has gone.
 */
async function handedOverFile(dir: string): Promise<string | undefined> {
  if (!isHandedOver(dir)) return undefined;
  const file = process.env[HANDOVER_VARIABLE]!;
  await whenWritten(file, 'the parsed seeds');
  return file;
}

/** Resolves once the build that started this process has written `file`; fails if that build has gone (`what` names the file then). */
export async function whenWritten(file: string, what: string): Promise<void> {
  const parent = process.ppid;
  while (!existsSync(file)) {
    if (process.ppid !== parent) throw new Error(`the build that started Astro has stopped before handing it ${what}`);
    await sleep(WAIT_MS);
  }
}

/** The records `npm run build` parsed from `dir` (see handedOverFile). */
export async function handedOver(dir: string): Promise<Article[] | undefined> {
  const file = await handedOverFile(dir);
  return file === undefined ? undefined : readHandover(file);
}

/** The records `handOver` wrote to `file`. */
export async function readHandover(file: string): Promise<Article[]> {
  return JSON.parse(await readFile(file, 'utf8')) as Article[];
}
