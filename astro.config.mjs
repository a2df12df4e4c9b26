// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { SEEDS_DIR, SITE_URL } from './src/consts.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { verifySite } from './src/integrations/verify-site.ts';

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  // Styles and scripts go to files of their own, so the Content-Security-Policy needs no 'unsafe-inline'.
  build: { inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  // Order matters: the check reads the search index that Pagefind has just written.
  integrations: [sitemap(), pagefindIndex(), verifySite({ seedsDir: SEEDS_DIR })],
});
