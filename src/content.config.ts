import { defineCollection } from 'astro:content';
import { seedLoader } from './lib/loader.ts';
import { SEEDS_DIR } from './consts.ts';

export const collections = {
  articles: defineCollection({ loader: seedLoader({ dir: SEEDS_DIR }) }),
};
