/**
 * `npm run build`: builds into a fresh folder beside `dist/` and swaps it in only when every
 * step has succeeded, so a failed build never leaves a half-built site over a good one.
 *
 * 0. When none of the seed folder's files and nothing else the site is made of changed since the
 *    last build of it (scripts/lib/last-build.ts), the site is left as it is and the build stops
 *    here, telling the last build's warnings again.
 * 1. The seeds are parsed once: their problems are reported, an error stops the build here. A
 *    seed file unchanged since the last build is not parsed again (scripts/lib/seed-memo.ts).
 *    When the records are those of the last build, the site is left as it is and steps 2 to 4
 *    are skipped.
 * 2. `astro build` renders the pages from those records (src/ingest/handover.ts: Astro is started
 *    first, starts up and bundles while the seeds are parsed, then its pages wait for the records,
 *    which never go through its content collection: src/lib/collection.ts; the file they are
 *    handed over in is /articles.json, linked into the site). The pages whose data
 *    and code did not change since the last build are the live site's, put in place on another
 *    thread while the seeds are parsed, and Astro never sees them (scripts/lib/page-cache.ts,
 *    src/lib/kept-pages.ts). Its line per page rendered becomes a progress line.
 * 3. Pagefind indexes the article pages, bundle by bundle (src/lib/search-bundles.ts), each as
 *    soon as Astro has written its pages: Astro renders them in that order, so most bundles are
 *    indexed on the second core while Astro renders the rest.
 * 4. The nothing-lost check compares the pages and the search index with the seeds, reading only
 *    the files that changed since it last passed over them (scripts/lib/check-memo.ts).
 * 5. The seed folder's permalinks.json gains the articles built for the first time
 *    (src/ingest/permalinks.ts), so their addresses never change.
 *
 * Step 4 checks the article pages' texts as soon as the search index is written (every article
 * page is then final), while Astro renders the listing pages; the rest runs after Astro's process
 * has exited, the pages on a second thread that reads the records while Astro renders.
 * Arguments go to `astro build`: `npm run build -- --force` renders every page again (and
 * indexes every page again).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { enableCompileCache } from 'node:module';
import { constants, setPriority } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { basename, join, resolve } from 'node:path';
import { OUT_DIR, SEEDS_DIR, SITE_URL, SITE_URL_IS_PLACEHOLDER } from '../src/consts.ts';
import { handOver, handoverEnv, recordsJson } from '../src/ingest/handover.ts';
import { keptPagesEnv, pageKeysIn, routeKeysIn, type PageKeys } from '../src/lib/kept-pages.ts';
import { outputPath, pageFile, recordsUrl } from '../src/lib/urls.ts';
import { PERMALINKS_FILE, recordPermalinks } from '../src/ingest/permalinks.ts';
import { formatProblem, hasErrors, warningLines } from '../src/ingest/problems.ts';
import { astroBuild } from './lib/astro-build.ts';
import { type CheckMemo, remembering } from './lib/check-memo.ts';
import { checkPagesOnWorker } from './lib/check-pages-worker.ts';
import { checkArticleTexts, checkSearchIndex } from './lib/check-site.ts';
import { holdBuildLock } from './lib/build-lock.ts';
import { BUILD_CACHE, filesUnder, shareFile } from './lib/files.ts';
import { buildInputs, builtFromSeeds, codeInputs, fileDigest, isBuilt, parseCodeDigest, readSeedFiles, recordBuilt, seedsInputs } from './lib/last-build.ts';
import { keptPages, recordPages, sweep } from './lib/page-cache.ts';
import { prefillOnWorker } from './lib/prefill-worker.ts';
import { SeedMemo } from './lib/seed-memo.ts';
import { log, progress } from './lib/progress.ts';
import { indexSearch } from './lib/search-index.ts';

const dist = resolve(OUT_DIR);
const next = `${dist}.next`;
/** The site before the live one, which the next build starts from (scripts/lib/page-cache.ts). */
const spare = `${dist}.spare`;
/** Where the parsed records wait for Astro's pages (src/ingest/handover.ts), beside Astro's own caches. */
const HANDOVER_FILE = join(BUILD_CACHE, 'parsed-seeds.json');
/** The articles' languages as detected by the last build (src/ingest/language.ts), not trusted with `--force`. */
const LANGUAGES_FILE = join(BUILD_CACHE, 'languages.json');
/** The pages put in place for Astro, and the folder its routes write every page's key to (src/lib/kept-pages.ts). */
const IN_PLACE_FILE = join(BUILD_CACHE, 'pages-in-place.json');
const KEYS_FOLDER = join(BUILD_CACHE, 'page-keys');
/** What each seed file parsed to in the last build (scripts/lib/seed-memo.ts), not trusted with `--force`. */
const SEED_MEMO_FOLDER = join(BUILD_CACHE, 'parsed-seed-files');
/** /articles.json in the site. */
const RECORDS_FILE = outputPath(recordsUrl);
/** Files Astro copies into the site as they are. */
const PUBLIC_DIR = join(import.meta.dirname, '..', 'public');
/** How far behind the clock a file's modification time may be (file systems stamp with a coarse clock). */
const CLOCK_GRANULARITY_MS = 50;
/** How often the search index looks whether Astro's routes have recorded their pages' keys. */
const KEYS_POLL_MS = 20;
/** Where Node keeps the code it compiled for the parser's and Astro's modules, which then load faster the next time. */
const COMPILE_CACHE = join(BUILD_CACHE, 'compiled-modules');

async function fail(message: string): Promise<never> {
  astro.stop();
  await prefilling.catch(() => {});
  await Promise.all([rm(next, { recursive: true, force: true }), rm(HANDOVER_FILE, { force: true })]);
  console.error(`build: ${message}; ${existsSync(dist) ? 'the previous dist/ is left as it was' : 'no dist/ written'}`);
  deleteDoomed();
  process.exit(1);
}

/**
 * A production build whatever the caller's environment says: built pages carry the
 * Content-Security-Policy and the search bundle, which import.meta.env.PROD decides. NODE_ENV
 * and variables named like import.meta.env's own (which Astro lets override them) could say
 * otherwise; Vitest sets both for the processes it starts.
 */
function astroEnv(): NodeJS.ProcessEnv {
  const own = ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'SITE', 'ASSETS_PREFIX'];
  return { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !own.includes(name))), NODE_ENV: 'production', NODE_COMPILE_CACHE: COMPILE_CACHE };
}

/** Folders deleteInBackground set aside. */
const doomed: string[] = [];
const args = process.argv.slice(2);
const force = args.includes('--force');
/** When Astro's process exited (the search index goes on after it). */
let astroFinished: number | undefined;
/** The files of KEYS_FOLDER read so far. */
const routeKeysRead = new Map<string, PageKeys>();
await holdBuildLock((message) => log('build', message));
const code = codeInputs(args);
const seedFiles = readSeedFiles(SEEDS_DIR);
const unchanged = !force && seedFiles ? builtFromSeeds(dist, seedsInputs(code, SEEDS_DIR, seedFiles)) : undefined;
if (unchanged) {
  for (const line of unchanged.warnings) log('parse', line);
  log('build', `nothing changed since the last build (the ${unchanged.articles} articles' seed files, code, settings): ${dist} is left as it is; \`npm run build -- --force\` builds it again`);
  process.exit(0);
}
// The new site starts as what a build stopped midway left, or else as the site before the live
// one: their folders are the ones it needs (scripts/lib/page-cache.ts). Before Astro starts, as it
// writes into that folder. Their search index goes: it is written again, bundle by bundle.
if (existsSync(next)) await deleteInBackground(spare);
else if (existsSync(spare)) await rename(spare, next);
await deleteInBackground(join(next, 'pagefind'));
/** Files of the new folder older than this, and no page of this build, are left over from another build. */
const buildStarted = Date.now() - CLOCK_GRANULARITY_MS;
// Astro starts up and bundles while the seeds are parsed; its pages wait for the records (src/ingest/handover.ts).
await Promise.all([rm(HANDOVER_FILE, { force: true }), rm(KEYS_FOLDER, { recursive: true, force: true })]);
await mkdir(KEYS_FOLDER, { recursive: true });
// The live site's pages are kept unless their data changed: they go in place on another thread
// while the seeds are parsed, and Astro's routes are told which (scripts/lib/page-cache.ts).
const lastPages = keptPages(dist, { force });
await rm(IN_PLACE_FILE, { force: true });
const astro = astroBuild(next, args, { ...astroEnv(), ...handoverEnv(HANDOVER_FILE, SEEDS_DIR), ...keptPagesEnv(IN_PLACE_FILE, KEYS_FOLDER) });
// Astro's routes learn which pages are in place once they are, so that Astro renders none of them before.
const prefilling = prefillOnWorker({ site: next, live: dist, pages: lastPages, trash: await doomedFolder('pages') });
// Astro's routes wait for that file: a failure stops the build at once.
prefilling
  .then(() => handOver(IN_PLACE_FILE, JSON.stringify(lastPages.inPlace)))
  .catch((error: Error) => fail(`could not put the last build's pages in place: ${error.message}`));
// The parser is loaded once Astro has started: its modules take over a second to load (eld's
// language tables above all), less once Node has kept the code it compiled for them.
enableCompileCache(COMPILE_CACHE);
const [{ parseSeedDir }, { rememberLanguages, saveRememberedLanguages }, { titleKey }] = await Promise.all([
  import('../src/ingest/ingest.ts'),
  import('../src/ingest/language.ts'),
  import('../src/ingest/merge.ts'),
]);
const parsing = performance.now();
rememberLanguages(LANGUAGES_FILE, { fresh: force });
const seedMemo = new SeedMemo(SEED_MEMO_FOLDER, parseCodeDigest(), { fresh: force });
const { articles, problems } = await parseSeedDir(SEEDS_DIR, seedMemo);
saveRememberedLanguages();
const warnings = warningLines(problems, SEEDS_DIR);
for (const line of warnings) log('parse', line);
if (hasErrors(problems)) await fail(problems.filter((problem) => problem.severity === 'error').map(formatProblem).join('\n'));
log('parse', `${articles.length} articles from ${SEEDS_DIR} in ${Math.round(performance.now() - parsing)} ms`);
if (SITE_URL_IS_PLACEHOLDER) {
  log('build', `no site address set: canonical links, the feed and the sitemap point to the placeholder ${SITE_URL}. Set SITE_URL (or url in site.config.ts) to where the site will live.`);
}
const records = recordsJson(articles);
// Astro's pages go on at once; if nothing changed, Astro is stopped and the folder it wrote in is only a spare.
await handOver(HANDOVER_FILE, records);
const inputs = buildInputs(code, records);
if (!force && isBuilt(dist, inputs)) {
  astro.stop();
  await Promise.all([seedMemo.save(), rm(HANDOVER_FILE, { force: true })]);
  await astro.finished;
  // The folder started for it is the next build's start.
  await prefilling.catch(() => {});
  if (existsSync(spare)) await deleteInBackground(next);
  else await rename(next, spare);
  log('build', `nothing changed since the last build (the records parsed from the seeds, code, settings): ${dist} is left as it is; \`npm run build -- --force\` builds it again`);
} else {
  await buildSite();
}

/**
 * Moves a folder aside (beside the output folder, never inside a site) to be deleted once the build
 * is over, in a process of its own: tens of thousands of files take a while on some disks, the build
 * would compete with it for the disk and both cores, and nothing waits for it.
 */
async function deleteInBackground(folder: string) {
  if (!existsSync(folder)) return;
  const aside = `${dist}.old-${basename(folder)}-${Date.now()}-${process.pid}`;
  await rename(folder, aside);
  doomed.push(aside);
}

/** A new folder beside the output folder, deleted once the build is over. */
async function doomedFolder(name: string): Promise<string> {
  const folder = `${dist}.old-${name}-${Date.now()}-${process.pid}`;
  await mkdir(folder, { recursive: true });
  doomed.push(folder);
  return folder;
}

function deleteDoomed() {
  const folders = doomed.splice(0);
  if (!folders.length) return;
  const script = 'for (const folder of process.argv.slice(1)) require("node:fs").rmSync(folder, { recursive: true, force: true })';
  const deleting = spawn(process.execPath, ['-e', script, ...folders], { detached: true, stdio: 'ignore' });
  // At the lowest priority: it must not slow down whatever runs next (the next build, a server).
  try {
    setPriority(deleting.pid!, constants.priority.PRIORITY_LOW);
  } catch {
    // It has finished already.
  }
  deleting.unref();
}

/**
 * Step 3. It starts with Astro: each bundle of article pages is indexed (or put back) as soon as
 * Astro has written its pages or found them unchanged, on the second core while Astro renders the
 * rest (Astro's progress line has the terminal meanwhile).
 */
async function indexPages() {
  const started = performance.now();
  const indexing = progress('search-index', 'pages indexed', articles.length);
  const { pages, reused } = await indexSearch(next, articles, {
    reuse: !force,
    ready: whenPagesFinal,
    pages: { code: lastPages.code, keys: () => pageKeysIn(KEYS_FOLDER) },
    staging: await doomedFolder('search-pages'),
    onProgress: (done) => {
      if (astroFinished) indexing.update(done);
    },
    onWrite: (bundle, count) => indexing.note(`writing the ${bundle} bundle of ${count.toLocaleString('en')} page${count === 1 ? '' : 's'} (its fragments, index and filters)`),
  });
  const finished = performance.now();
  const total = [...pages.values()].reduce((sum, count) => sum + count, 0);
  const perBundle = [...pages].map(([bundle, count]) => `${bundle} ${count}`).join(', ');
  const kept = reused.length ? `; kept from the last build, their pages unchanged: ${reused.join(', ')}` : '';
  indexing.finish(`indexed ${total} pages in ${Math.round(finished - started)} ms, ${Math.round(finished - (astroFinished ?? finished))} ms after Astro (${perBundle}${kept})`);
}

/**
 * Resolves once the pages at `urls` are final: a page kept from the last build once it is in
 * place and its route has left it out (it recorded the key it was kept under), any other once
 * Astro has written it.
 */
async function whenPagesFinal(urls: string[]): Promise<void> {
  await prefilling;
  const keys = await routeKeysOf(urls[0]);
  const rendered = urls.filter((url) => lastPages.inPlace[url] !== keys[url]);
  await astro.whenFinal(rendered.map((url) => join(next, pageFile(url))));
}

/** The keys `url`'s route has recorded, all its pages' at once; none if Astro has exited without. */
async function routeKeysOf(url: string): Promise<PageKeys> {
  for (;;) {
    const keys = routeKeysIn(KEYS_FOLDER, routeKeysRead).find((route) => url in route);
    if (keys || astroFinished !== undefined) return keys ?? {};
    await sleep(KEYS_POLL_MS);
  }
}

/** Where the nothing-lost check remembers what passed (see CheckMemo), for one part of it. */
function memoFile(part: string): string {
  return join(BUILD_CACHE, `checked-${part}.json`);
}

/** The article pages' texts (checkArticleTexts), a hundred articles at a time: Astro waits for its log and reports to be read meanwhile. */
async function checkArticleTextsInTurns(memo: CheckMemo): Promise<string[]> {
  const failures: string[] = [];
  for (let at = 0; at < articles.length; at += 100) {
    failures.push(...checkArticleTexts(next, articles.slice(at, at + 100), memo));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return failures;
}

/** Steps 2 to 4, into a new folder that replaces the site at `dist` once every step has succeeded. */
async function buildSite() {
  // The handed-over file is /articles.json (src/pages/[records].json.ts). Astro may not have made the folder yet.
  await mkdir(next, { recursive: true });
  shareFile(HANDOVER_FILE, join(next, RECORDS_FILE));
  // The pages' check gets ready (reads the records) while Astro renders, and runs once the site is complete.
  let siteComplete!: () => void;
  const pagesChecked = checkPagesOnWorker({ site: next, handoverFile: HANDOVER_FILE, memoFile: memoFile('pages') }, new Promise<void>((resolve) => (siteComplete = resolve)));
  pagesChecked.catch(() => {}); // Its failure is told once the site is complete.
  // While Astro renders.
  const seedsRemembered = seedMemo.save();
  seedsRemembered.catch(() => {});
  const searchIndexed = indexPages();
  searchIndexed.catch(() => {}); // Its failure is told once Astro has finished.
  // Every article page is final once the search index holds it: their texts are checked while Astro renders the listing pages.
  const textsChecked = searchIndexed.then(() => remembering(next, memoFile('texts'), checkArticleTextsInTurns));
  textsChecked.catch(() => {});
  const built = await astro.finished;
  astroFinished = performance.now();
  if (built.code !== 0) {
    await searchIndexed.catch(() => {}); // It stops at the bundle whose pages Astro did not write.
    await fail(`astro build failed (${built.reason})`);
  }
  const missing = await prefilling.catch((error: Error) => fail(`could not put the last build's pages in place: ${error.message}`));
  if (missing.length) {
    await fail(`${missing.length} pages of the last build are missing from ${dist} (${missing[0]} first): \`npm run build -- --force\` renders every page`);
  }
  const pages = pageKeysIn(KEYS_FOLDER);
  const unchanged = Object.keys(pages).filter((url) => lastPages.inPlace[url] === pages[url]).length;
  if (unchanged) log('page-cache', `${unchanged} pages of the last build kept as they were`);
  // Astro copies public/ keeping some files' modification times.
  const swept = sweep(next, new Set([...Object.keys(pages).map(pageFile), ...filesUnder(PUBLIC_DIR), RECORDS_FILE]), buildStarted, await doomedFolder('swept'));
  if (swept) log('page-cache', `removed ${swept} files that no page of this build has`);
  siteComplete();

  try {
    // The pages are checked on a second thread while Pagefind writes its last bundles; the index once it is written.
    const [textFailures, indexFailures, checked] = await Promise.all([
      textsChecked,
      searchIndexed.then(() => remembering(next, memoFile('search-index'), (memo) => checkSearchIndex(next, articles, memo))),
      pagesChecked,
      seedsRemembered,
    ]);
    const { summary } = checked;
    const failures = [...checked.failures, ...textFailures, ...indexFailures];
    if (failures.length) {
      const shown = failures.slice(0, 20).map((failure) => `  - ${failure}`).join('\n');
      const more = failures.length > 20 ? `\n  … and ${failures.length - 20} more` : '';
      throw new Error(`the built site lost or duplicated records (${summary}):\n${shown}${more}`);
    }
    log('check-site', `${summary}, every article in the search index: nothing lost`);
  } catch (error) {
    await fail((error as Error).message);
  }

  await rm(HANDOVER_FILE, { force: true });
  if (existsSync(dist)) {
    await deleteInBackground(spare);
    await rename(dist, spare);
  }
  await rename(next, dist);
  recordPages(dist, lastPages.code, pages);
  log('build', `${dist} is ready`);
}

const permalinksFile = join(SEEDS_DIR, PERMALINKS_FILE);
try {
  const recorded = await recordPermalinks(SEEDS_DIR, new Map(articles.map((article) => [titleKey(article.title), article.slug])));
  if (recorded) log('permalinks', `recorded the addresses of ${recorded} new articles in ${permalinksFile}: keep it with the seeds (commit it), so they never move`);
  // The build's own change to the seed folder: the next build with no other finds nothing changed.
  if (recorded) seedFiles?.set(PERMALINKS_FILE, fileDigest(permalinksFile));
} catch (error) {
  console.warn(`build: could not record the new articles' addresses in ${permalinksFile} (${(error as Error).message}); the next build may give them others`);
}
recordBuilt(dist, { inputs, seeds: seedFiles && seedsInputs(code, SEEDS_DIR, seedFiles), articles: articles.length, warnings });

// What this build set aside goes now that it is over.
deleteDoomed();
// At once: Node's own teardown of the heap a big site leaves (the records, the page keys) takes another half second.
process.exit(0);
