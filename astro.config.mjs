// @ts-check
import { defineConfig } from 'astro/config';
import { OUT_DIR, SITE_URL } from './src/consts.ts';
import { sitemap } from './src/lib/sitemap.ts';
import { BASE_PATH } from './src/lib/urls.ts';

export default defineConfig({
  // SITE_URL or site.config.ts; its path is the base every URL starts with (src/lib/urls.ts).
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: 'always',
  // `npm run build` builds beside this folder and swaps it in; `npm run preview` serves it.
  outDir: OUT_DIR,
  // Styles and scripts go to files of their own, so the Content-Security-Policy needs no 'unsafe-inline'.
  // Several pages in flight at once.
  build: { inlineStylesheets: 'never', concurrency: 8 },
  // Astro must not empty the output folder: `npm run build` starts it with the pages of the last
  // build that it keeps (scripts/lib/page-cache.ts, src/lib/kept-pages.ts). So build with
  // `npm run build`, not a bare `astro build` into a folder that has files: those would stay.
  vite: { build: { assetsInlineLimit: 0, emptyOutDir: false } },
  // The search index and the nothing-lost check are build steps after Astro: see scripts/build.ts.
  integrations: [sitemap()],
});
