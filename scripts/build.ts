/**
 * `npm run build`: builds into a fresh folder beside `dist/` and swaps it in only when every
 * step has succeeded, so a failed build never leaves a half-built site over a good one.
 *
 * 1. `astro build` parses the seeds and renders the pages; pages whose data and code did not
 *    change since the last build come from Astro's cache (src/lib/cache-key.ts,
 *    scripts/lib/page-cache.ts).
 * 2. Pagefind indexes the article pages, one bundle per language.
 * 3. The nothing-lost check compares the pages and the search index with the seeds.
 *
 * Steps 2 and 3 run after Astro's process has exited, so their memory never adds to Astro's.
 * Arguments go to `astro build`: `npm run build -- --force` renders every page again.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SEEDS_DIR } from '../src/consts.ts';
import { parseSeedDir } from '../src/ingest/ingest.ts';
import { languagesOf } from '../src/lib/language.ts';
import { checkBuiltSite } from './lib/check-site.ts';
import { afterAstro, beforeAstro } from './lib/page-cache.ts';
import { indexSearch } from './lib/search-index.ts';

const dist = resolve(process.env.OUT_DIR ?? 'dist');
const next = `${dist}.next`;

/** Astro's log style, so the build reads as one log. */
const log = (step: string, message: string) => console.log(`${new Date().toTimeString().slice(0, 8)} [${step}] ${message}`);

async function fail(message: string): Promise<never> {
  await rm(next, { recursive: true, force: true });
  console.error(`build: ${message}; ${existsSync(dist) ? 'the previous dist/ is left as it was' : 'no dist/ written'}`);
  process.exit(1);
}

const args = process.argv.slice(2);
await rm(next, { recursive: true, force: true });
const copying = performance.now();
const prefilled = beforeAstro(next, { force: args.includes('--force') });
if (prefilled.copied.length) log('page-cache', `copied ${prefilled.copied.length} pages from Astro's cache in ${Math.round(performance.now() - copying)} ms`);
const astro = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', ...args, '--outDir', next], { stdio: 'inherit' });
const pruned = afterAstro(next, prefilled, astro.status === 0);
if (astro.status !== 0) await fail(`astro build failed (${astro.error?.message ?? `exit code ${astro.status ?? astro.signal}`})`);
if (pruned) log('page-cache', `removed ${pruned} copied pages that the build no longer has`);

try {
  const { articles } = await parseSeedDir(SEEDS_DIR);
  const started = performance.now();
  const indexed = await indexSearch(next, languagesOf(articles));
  const pages = [...indexed.values()].reduce((sum, count) => sum + count, 0);
  const perLanguage = [...indexed].map(([lang, count]) => `${lang} ${count}`).join(', ');
  log('search-index', `indexed ${pages} pages in ${Math.round(performance.now() - started)} ms (${perLanguage})`);

  const { failures, summary } = checkBuiltSite(next, articles);
  if (failures.length) {
    const shown = failures.slice(0, 20).map((failure) => `  - ${failure}`).join('\n');
    const more = failures.length > 20 ? `\n  … and ${failures.length - 20} more` : '';
    throw new Error(`the built site lost or duplicated records (${summary}):\n${shown}${more}`);
  }
  log('check-site', `${summary}, every article in the search index: nothing lost`);
} catch (error) {
  await fail((error as Error).message);
}

if (existsSync(dist)) {
  const old = `${dist}.old-${Date.now()}-${process.pid}`;
  await rename(dist, old);
  await rename(next, dist);
  // Deleting tens of thousands of files takes a while on some disks, and the new site is already in place.
  spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', old], { detached: true, stdio: 'ignore' }).unref();
} else {
  await rename(next, dist);
}
log('build', `${dist} is ready`);
