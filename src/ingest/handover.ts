import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Article } from './record.ts';

/**
 * `npm run build` parses the seed folder once: it reports the problems, stops on an error, and
 * hands the records to Astro's loader in a file named by this variable. The loader, the search
 * index and the nothing-lost check then work from one parse. Astro starts while the seeds are
 * parsed (its start-up needs no record), so the loader waits for the file. Without the variable
 * (`astro dev`, a bare `astro build`) the loader parses the folder itself.
 */
const HANDOVER_VARIABLE = 'ARCHIVE_PARSED_SEEDS';
const WAIT_MS = 20;

export interface Handover {
  /** The seed folder the records were parsed from, absolute. */
  dir: string;
  articles: Article[];
}

/** The environment that tells Astro's loader to wait for the records in `file`. */
export function handoverEnv(file: string): Record<string, string> {
  return { [HANDOVER_VARIABLE]: file };
}

/**
 * Writes the records parsed from `dir` (`records`, as JSON: the build hashes that text too) to
 * `file` as a Handover, whole or not at all: the loader may be watching for it.
 */
export async function handOver(file: string, dir: string, records: string): Promise<void> {
  await writeFile(`${file}.tmp`, `{"dir":${JSON.stringify(resolve(dir))},"articles":${records}}`);
  await rename(`${file}.tmp`, file);
}

/**
 * The records `npm run build` parsed from `dir`, once it has written them; `undefined` when this
 * process was handed none for it. Stops waiting if the build that started this process has gone.
 */
export async function handedOver(dir: string): Promise<Article[] | undefined> {
  const file = process.env[HANDOVER_VARIABLE];
  if (!file) return undefined;
  const parent = process.ppid;
  while (!existsSync(file)) {
    if (process.ppid !== parent) throw new Error('the build that started Astro has stopped before handing it the parsed seeds');
    await sleep(WAIT_MS);
  }
  const handover = await readHandover(file);
  return handover.dir === resolve(dir) ? handover.articles : undefined;
}

/** What `handOver` wrote to `file`. */
export async function readHandover(file: string): Promise<Handover> {
  return JSON.parse(await readFile(file, 'utf8')) as Handover;
}
