/** Site settings: the one place to change the archive's name, description, address and seed folder. */
export const SITE_TITLE = 'News Archive';
export const SITE_DESCRIPTION = 'A searchable archive of captured news articles about the war in Syria.';
/** The deployed address, used for canonical links, the sitemap and the RSS feed. */
export const SITE_URL = process.env.SITE_URL ?? 'https://news-archive.example.org';
/** Seed folder, absolute or relative to the project: `SEEDS_DIR=… npm run build`. */
export const SEEDS_DIR = process.env.SEEDS_DIR ?? 'seeds';
/** Articles per page on tag, source and date index pages. */
export const PAGE_SIZE = 20;
