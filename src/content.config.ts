import { defineCollection } from 'astro:content';
import { gazetteerLoader, seedLoader } from './lib/loader.ts';
import { SEEDS_DIR } from './consts.ts';

export const collections = {
  articles: defineCollection({ loader: seedLoader({ dir: SEEDS_DIR }) }),
  entityNames: defineCollection({ loader: gazetteerLoader({ dir: SEEDS_DIR }) }),
};
