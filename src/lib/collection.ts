import { getCollection } from 'astro:content';
import { buildArchive, type Archive } from './taxonomy.ts';

let built: Promise<Archive> | undefined;

/** The archive's records and indexes. Computed once per build; afresh on every request in `astro dev`. */
export function getArchive(): Promise<Archive> {
  const load = async () => buildArchive((await getCollection('articles')).map((entry) => entry.data));
  if (import.meta.env.DEV) return load();
  built ??= load();
  return built;
}
