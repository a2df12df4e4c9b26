import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Article } from './record.ts';

/**
 * `npm run build` parses the seed folder once, before Astro starts: it reports the problems,
 * stops on an error, and hands the records to Astro's loader in a file named by this variable.
 * The loader, the search index and the nothing-lost check then work from one parse. Without it
 * (`astro dev`, a bare `astro build`) the loader parses the folder itself.
 */
const HANDOVER_VARIABLE = 'ARCHIVE_PARSED_SEEDS';

export interface Handover {
  /** The seed folder the records were parsed from, absolute. */
  dir: string;
  articles: Article[];
}

/** Writes the records parsed from `dir` to `file`; returns the environment that hands them to Astro. */
export async function handOver(file: string, dir: string, articles: Article[]): Promise<Record<string, string>> {
  const handover: Handover = { dir: resolve(dir), articles };
  await writeFile(file, JSON.stringify(handover));
  return { [HANDOVER_VARIABLE]: file };
}

/** The records `npm run build` parsed from `dir`, or `undefined` when this process was handed none for it. */
export async function handedOver(dir: string): Promise<Article[] | undefined> {
  const file = process.env[HANDOVER_VARIABLE];
  if (!file) return undefined;
  const handover = await readHandover(file);
  return handover.dir === resolve(dir) ? handover.articles : undefined;
}

/** What `handOver` wrote to `file`. */
export async function readHandover(file: string): Promise<Handover> {
  return JSON.parse(await readFile(file, 'utf8')) as Handover;
}
