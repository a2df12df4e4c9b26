/**
 * Stable addresses. The seed folder's `permalinks.json` records the slug of every article
 * built so far, by the article's identity (its title key, see merge.ts). A recorded article
 * keeps its slug whatever is added later; a new article whose slug is already recorded, for
 * this article or one that is gone, gets its title key's hash appended. `npm run build`
 * adds the articles it built for the first time and never changes an entry.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Problem } from './record.ts';
import { assignSlugs, compareCodeUnits, shortHash } from './slug.ts';

export const PERMALINKS_FILE = 'permalinks.json';

/** Title key → slug. */
export type Permalinks = Map<string, string>;

const SlugSchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a slug of a-z, 0-9 and single hyphens');

/** The entries of a permalinks file's text; an entry that is not valid, or that repeats a slug, is an error and left out. */
export function parsePermalinks(text: string): { permalinks: Permalinks; problems: Problem[] } {
  const problem = (line: number, message: string): Problem => ({ file: PERMALINKS_FILE, line, severity: 'error', message });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // V8 names the line for most mistakes ("… at position 21 (line 4 column 1)"), not for all.
    const line = Number((error as Error).message.match(/\(line (\d+)/)?.[1] ?? 0);
    return { permalinks: new Map(), problems: [problem(line, `not valid JSON: ${(error as Error).message}`)] };
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { permalinks: new Map(), problems: [problem(1, 'expected an object of "title key": "slug" entries')] };
  }
  const lines = text.split('\n');
  const lineOf = (key: string) => lines.findIndex((line) => line.includes(JSON.stringify(key))) + 1;
  const permalinks: Permalinks = new Map();
  const owners = new Map<string, string>();
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(json)) {
    const slug = SlugSchema.safeParse(value);
    if (!slug.success) problems.push(problem(lineOf(key), `"${key}": ${slug.error.issues[0].message}`));
    else if (owners.has(slug.data)) problems.push(problem(lineOf(key), `"${key}": slug "${slug.data}" is already the address of "${owners.get(slug.data)}"`));
    else {
      owners.set(slug.data, key);
      permalinks.set(key, slug.data);
    }
  }
  return { permalinks, problems };
}

/** The file's text: one entry a line, sorted by title key, so that additions read well in a diff. */
export function formatPermalinks(permalinks: Permalinks): string {
  const sorted = [...permalinks].sort(([a], [b]) => compareCodeUnits(a, b));
  return `${JSON.stringify(Object.fromEntries(sorted), null, 2)}\n`;
}

/**
 * Slugs for the articles' title keys (key → title): a recorded key keeps its slug; the others
 * get assignSlugs' slugs, with the key's hash appended while a recorded slug holds one.
 */
export function permanentSlugs(titles: Map<string, string>, recorded: Permalinks): Map<string, string> {
  const fresh = assignSlugs(new Map([...titles].filter(([key]) => !recorded.has(key))), 'article');
  const taken = new Set(recorded.values());
  const slugs = new Map<string, string>();
  for (const key of titles.keys()) {
    let slug = recorded.get(key) ?? fresh.get(key)!;
    if (!recorded.has(key)) {
      while (taken.has(slug)) slug = `${slug}-${shortHash(key)}`;
      taken.add(slug);
    }
    slugs.set(key, slug);
  }
  return slugs;
}

/** The seed folder's permalinks; none when it has no file. */
export async function readPermalinks(dir: string): Promise<{ permalinks: Permalinks; problems: Problem[] }> {
  try {
    return parsePermalinks(await readFile(join(dir, PERMALINKS_FILE), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { permalinks: new Map(), problems: [] };
    return { permalinks: new Map(), problems: [{ file: PERMALINKS_FILE, line: 0, severity: 'error', message: `cannot read file: ${(error as Error).message}` }] };
  }
}

/** Adds the built articles' permalinks (title key → slug) that the file does not hold yet; returns how many it added. */
export async function recordPermalinks(dir: string, built: Permalinks): Promise<number> {
  const { permalinks, problems } = await readPermalinks(dir);
  if (problems.length) throw new Error(problems.map((problem) => problem.message).join('; '));
  const added = [...built].filter(([key]) => !permalinks.has(key));
  if (!added.length) return 0;
  const file = join(dir, PERMALINKS_FILE);
  await writeFile(`${file}.new`, formatPermalinks(new Map([...permalinks, ...added])));
  await rename(`${file}.new`, file);
  return added.length;
}
