/** The changes to a seed folder that the rebuilds measure. */
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Adds a word to the last long sentence of `file` (a different one each `run`), so that one article's text changes. */
export async function editOneWord(file: string, run: number): Promise<void> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const index = lines.findLastIndex((line) => line.length > 80 && /[.!?]["”’)]*$/.test(line));
  lines[index] += ` Updated${run > 0 ? run + 1 : ''}.`;
  await writeFile(file, lines.join('\n'));
}

/** Moves every tenth seed file from the first (in name order, so spread over the corpus) out of `seedsDir` into `aside`; returns their names. */
export async function removeTenth(seedsDir: string, aside: string): Promise<string[]> {
  const names = (await readdir(seedsDir)).filter((name) => name.endsWith('.txt')).sort();
  const removed = names.filter((_, index) => index % 10 === 0);
  await mkdir(aside, { recursive: true });
  for (const name of removed) await rename(join(seedsDir, name), join(aside, name));
  return removed;
}

/** Puts back what `removeTenth` moved aside. */
export async function putBack(seedsDir: string, aside: string, names: string[]): Promise<void> {
  for (const name of names) await rename(join(aside, name), join(seedsDir, name));
}
