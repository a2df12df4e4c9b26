// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { SITE_URL } from './src/consts.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';

export default defineConfig({
  site: SITE_URL,
  trailingSlash: 'always',
  // Styles and scripts go to files of their own, so the Content-Security-Policy needs no 'unsafe-inline'.
  build: { inlineStylesheets: 'never' },
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [sitemap(), pagefindIndex()],
});
