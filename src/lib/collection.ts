import { getCollection } from 'astro:content';
import { SEEDS_DIR } from '../consts.ts';
import { handedOver } from '../ingest/handover.ts';
import type { Article } from '../ingest/record.ts';
import type { EntityNames } from './search-filters.ts';
import { buildArchive, type Archive } from './taxonomy.ts';

let built: Promise<Archive> | undefined;
let names: Promise<Map<string, EntityNames>> | undefined;

/**
 * Every record: those `npm run build` parsed (src/ingest/handover.ts), else the content
 * collection's (`astro dev`, a bare `astro build`: src/lib/loader.ts).
 */
async function records(): Promise<Article[]> {
  return (await handedOver(SEEDS_DIR)) ?? (await getCollection('articles')).map((entry) => entry.data);
}

/** The archive's records and indexes. Computed once per build; afresh on every request in `astro dev`. */
export function getArchive(): Promise<Archive> {
  const load = async () => buildArchive(await records());
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
