import { getCollection } from 'astro:content';
import { buildArchive, type Archive } from './taxonomy.ts';

let built: Promise<Archive> | undefined;
let names: Promise<Map<string, string[]>> | undefined;

/** The archive's records and indexes. Computed once per build; afresh on every request in `astro dev`. */
export function getArchive(): Promise<Archive> {
  const load = async () => buildArchive((await getCollection('articles')).map((entry) => entry.data));
  if (import.meta.env.DEV) return load();
  built ??= load();
  return built;
}

/** The names a search index gets for each gazetteer entity, by slug (see `searchNames` in src/ingest/entities.ts). */
export function getEntityNames(): Promise<Map<string, string[]>> {
  const load = async () => new Map((await getCollection('entityNames')).map((entry) => [entry.id, entry.data.names]));
  if (import.meta.env.DEV) return load();
  names ??= load();
  return names;
}
