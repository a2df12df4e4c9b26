import { getCollection } from 'astro:content';
import type { EntityNames } from './search-filters.ts';
import { buildArchive, type Archive } from './taxonomy.ts';

let built: Promise<Archive> | undefined;
let names: Promise<Map<string, EntityNames>> | undefined;

/** The archive's records and indexes. Computed once per build; afresh on every request in `astro dev`. */
export function getArchive(): Promise<Archive> {
  const load = async () => buildArchive((await getCollection('articles')).map((entry) => entry.data));
  if (import.meta.env.DEV) return load();
  built ??= load();
  return built;
}

/** Each gazetteer entity's names and the entities named inside them, by slug, for search. */
export function getEntityNames(): Promise<Map<string, EntityNames>> {
  const load = async () => new Map((await getCollection('entityNames')).map((entry) => [entry.id, entry.data]));
  if (import.meta.env.DEV) return load();
  names ??= load();
  return names;
}
