/**
 * `npm run bench -- --articles 1000,10000,50000 [--runs 3] [--json out.json] [--keep DIR] [--search | --no-search]`
 *
 * For each size: generates a synthetic corpus (scripts/lib/corpus.ts), times the parser
 * in-process and, apart, what names cost it (loading the gazetteer, matching every record), runs `npm run build`'s script (scripts/build.ts) from scratch into a temporary
 * folder the way tests/support/build.ts does, measures the build (wall, Astro, Pagefind,
 * phases from timestamped log lines, peak RSS of the whole process tree) and the output
 * (pages, sizes, one article page's weight), rebuilds after a one-word edit with the
 * caches kept, and — for sizes ≥ 10,000 or with --search — times searches in headless
 * Chromium with a cold cache. Medians over --runs. Markdown on stdout, progress on stderr.
 *
 * "From scratch" deletes node_modules/.astro (Astro's data store and incremental-build cache)
 * and .astro before each full build; what was there at the start is copied aside and put back
 * at the end. The rebuild keeps both and, like the full build, writes into a fresh folder.
 *
 * Other options: --seed S (corpus seed, default 1), --timeout-min M (per build, default 60),
 * --wait-min M (wait at most M minutes for other `astro build` processes to finish before
 * each build, default 30; 0 to not wait).
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { matchEntities, mentionText } from '../src/ingest/entities.ts';
import { loadGazetteer } from '../src/ingest/gazetteer.ts';
import { parseSeedDir } from '../src/ingest/ingest.ts';
import type { Article } from '../src/ingest/record.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { serveStatic } from '../tests/support/server.ts';
import { generateCorpus, writeCorpus, type CorpusSummary } from './lib/corpus.ts';
import { foreignBuilds, runMeasured, type RunResult, type TimedLine } from './lib/proc.ts';

const PROJECT = resolve(import.meta.dirname, '..');
const BUILD = join(PROJECT, 'scripts/build.ts');
const CACHE_DIRS = [join(PROJECT, 'node_modules/.astro'), join(PROJECT, '.astro')];
const DATA_STORE_DIR = join(PROJECT, 'node_modules/.astro');

const { values } = parseArgs({
  allowNegative: true,
  options: {
    articles: { type: 'string', default: '1000,10000,50000' },
    runs: { type: 'string', default: '3' },
    json: { type: 'string' },
    keep: { type: 'string' },
    search: { type: 'boolean' },
    seed: { type: 'string', default: '1' },
    'timeout-min': { type: 'string', default: '60' },
    'wait-min': { type: 'string', default: '30' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run bench -- --articles 1000,10000 [--runs 3] [--json out.json] [--keep DIR] [--search|--no-search] [--seed S] [--timeout-min 60] [--wait-min 30]');
  process.exit(0);
}
const sizes = values.articles.split(',').map((value) => Number(value.trim()));
const runs = Number(values.runs);
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error('bench: --articles takes positive integers separated by commas, --runs a positive integer');
  process.exit(2);
}
const timeoutMs = Number(values['timeout-min']) * 60_000;
const waitMs = Number(values['wait-min']) * 60_000;

const benchStarted = performance.now();
const progress = (message: string) => process.stderr.write(`[bench ${((performance.now() - benchStarted) / 1000).toFixed(1).padStart(7)}s] ${message}\n`);
const median = (numbers: number[]) => {
  const sorted = numbers.filter((n) => Number.isFinite(n)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const round = (n: number, digits = 2) => (Number.isFinite(n) ? Number(n.toFixed(digits)) : null);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- build log

interface BuildPhases {
  /** Process start → `[content] Syncing content`; in a rebuild this includes copying the reusable pages (`[page-cache]`). */
  startupSeconds: number | null;
  /** `[content] Syncing content` → `[content] Synced content`: parsing the seeds, rendering bodies, the data store. */
  contentSyncSeconds: number | null;
  /** `Synced content` → `Building static entrypoints`: types, build info. */
  prepareSeconds: number | null;
  /** `Building static entrypoints` → `generating static routes`: Vite bundling. */
  bundleSeconds: number | null;
  /** `generating static routes` → its `✓ Completed in`: rendering every page to HTML. */
  renderSeconds: number | null;
  /** The rest of the Astro build before Pagefind starts (sitemap, integrations). */
  postRenderSeconds: number | null;
  /** As logged by the Pagefind integration. */
  pagefindSeconds: number | null;
  /** Pagefind done → `[check-site]` summary: the nothing-lost check (re-parse, read every page listing and search fragment). */
  verifySeconds: number | null;
  /** Last integration done → process exit. */
  exitSeconds: number | null;
}

interface BuildMeasure {
  ok: boolean;
  failure?: string;
  /** 1-minute load average when the build started and ended: well above ~1.5 means other work competed for the 2 cores. */
  loadAverage: { start: number; end: number };
  /** Astro's "Could not render X from route A as it conflicts with higher priority route B" warnings. */
  routeConflicts: { count: number; examples: string[] };
  wallSeconds: number;
  /** `[build] N page(s) built in X s` — Astro's own total, before the search index and the check. */
  astroSeconds: number | null;
  /** Process start → Pagefind start, from line timestamps: everything Astro does before the search index. */
  beforePagefindSeconds: number | null;
  pagefindSeconds: number | null;
  astroPages: number | null;
  pagefindPages: number | null;
  loaderArticles: number | null;
  peakRssBytes: number;
  phases: BuildPhases;
  warnings: number;
  logFile: string;
}

/** Astro's durations: "833ms", "6.19s", "2m 10s", "3m". */
function seconds(text: string): number {
  const match = text.match(/^(?:(\d+)m)?\s*(?:([\d.]+)(ms|s))?$/);
  if (!match) return NaN;
  return Number(match[1] ?? 0) * 60 + (match[2] ? Number(match[2]) / (match[3] === 'ms' ? 1000 : 1) : 0);
}

function analyseLog(lines: TimedLine[], run: RunResult): Omit<BuildMeasure, 'ok' | 'failure' | 'logFile' | 'loadAverage'> {
  const find = (pattern: RegExp, after = 0) => lines.find((line) => line.at >= after && pattern.test(line.text));
  const at = (pattern: RegExp, after = 0) => find(pattern, after)?.at ?? null;
  const built = lines.map((line) => line.text.match(/\[build\] (\d+) page\(s\) built in ((?:\d+m\s*)?[\d.]+(?:ms|s)|\d+m)\b/)).find(Boolean);
  const pagefind = lines.map((line) => line.text.match(/\[search-index\] indexed (\d+) pages in (\d+) ms/)).find(Boolean);
  const loader = lines.map((line) => line.text.match(/\[seed-loader\] (\d+) articles from/)).find(Boolean);
  const syncing = at(/\[content\] Syncing content/);
  const synced = at(/\[content\] Synced content/);
  const bundling = at(/Building static entrypoints/);
  const generating = at(/generating static routes/);
  const rendered = generating === null ? null : at(/✓ Completed in/, generating);
  const pagefindLine = at(/\[search-index\] indexed/);
  const verifyLine = at(/\[check-site\] \d+ articles/);
  const pagefindSeconds = pagefind ? Number(pagefind[2]) / 1000 : null;
  const span = (from: number | null, to: number | null) => (from === null || to === null ? null : round((to - from) / 1000, 3));
  const pagefindStart = pagefindLine === null || pagefindSeconds === null ? null : pagefindLine - pagefindSeconds * 1000;
  const conflicts = lines.filter((line) => /conflicts with higher priority route/.test(line.text)).map((line) => line.text.replace(/^[\d:]+ /, '').trim());
  return {
    routeConflicts: { count: conflicts.length, examples: conflicts.slice(0, 3) },
    wallSeconds: round(run.wallSeconds, 3)!,
    astroSeconds: built ? seconds(built[2]) : null,
    beforePagefindSeconds: span(0, pagefindStart),
    pagefindSeconds,
    astroPages: built ? Number(built[1]) : null,
    pagefindPages: pagefind ? Number(pagefind[1]) : null,
    loaderArticles: loader ? Number(loader[1]) : null,
    peakRssBytes: run.peakRssBytes,
    warnings: lines.filter((line) => /\bwarn(ing)?\b/i.test(line.text) && !/├─|└─/.test(line.text)).length,
    phases: {
      startupSeconds: span(0, syncing),
      contentSyncSeconds: span(syncing, synced),
      prepareSeconds: span(synced, bundling),
      bundleSeconds: span(bundling, generating),
      renderSeconds: span(generating, rendered),
      postRenderSeconds: span(rendered, pagefindStart),
      pagefindSeconds,
      verifySeconds: span(pagefindLine, verifyLine),
      exitSeconds: span(verifyLine ?? pagefindLine, run.wallSeconds * 1000),
    },
  };
}

/** Waits while another `astro build` runs on the machine (2 cores: two builds at once spoil both). */
async function waitForQuiet(): Promise<void> {
  const deadline = performance.now() + waitMs;
  let others = foreignBuilds();
  if (others.length) progress(`waiting for other astro build(s) to finish (pid ${others.join(', ')})…`);
  while (others.length && performance.now() < deadline) {
    await sleep(5000);
    others = foreignBuilds();
  }
  if (others.length) progress(`warning: other astro build(s) still running (pid ${others.join(', ')}); measuring anyway`);
}

let currentBuild: number | undefined;

function loadAverage(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return NaN;
  }
}

async function build(seedsDir: string, outDir: string, logFile: string, label: string): Promise<BuildMeasure> {
  await waitForQuiet();
  const loadStart = loadAverage();
  progress(`${label}: OUT_DIR=${outDir} npm run build (load average ${loadStart})`);
  let rendered = 0;
  // As tests/support/build.ts does it: the project's Node running `npm run build`'s script.
  const run = await runMeasured(process.execPath, [BUILD], {
    cwd: PROJECT,
    env: { ...process.env, SEEDS_DIR: seedsDir, OUT_DIR: outDir },
    timeoutMs,
    logFile,
    onSpawn: (pid) => (currentBuild = pid),
    onLine: (line) => {
      if (/^\s+[├└]─ /.test(line.text) && ++rendered % 5000 === 0) progress(`${label}: ${rendered} routes rendered`);
      else if (/\[(content|seed-loader|page-cache|search-index|check-site)\]|generating static routes|Building static entrypoints|page\(s\) built|✓ Completed/.test(line.text)) {
        progress(`${label}: ${line.text.trim()}`);
      }
    },
  }).finally(() => (currentBuild = undefined));
  const measure = analyseLog(run.lines, run);
  let failure: string | undefined;
  if (run.timedOut) failure = `timed out after ${values['timeout-min']} min (process group killed)`;
  else if (run.exitCode !== 0) {
    const text = run.lines.map((line) => line.text);
    const shown = text.slice(-25).map((line) => (line.length > 400 ? `${line.slice(0, 400)}… (${line.length} chars)` : line));
    const oom = run.lines.some((line) => /JavaScript heap out of memory|FATAL ERROR: .*Allocation failed|ENOMEM/.test(line.text)) || (run.signal === 'SIGKILL' && !run.timedOut);
    failure =
      `exit code ${run.exitCode}${run.signal ? `, signal ${run.signal}` : ''}${oom ? ' (out of memory)' : ''}` +
      `; log:\n${shown.join('\n')}`;
  }
  if (measure.routeConflicts.count) progress(`${label}: ${measure.routeConflicts.count} route conflict warning(s), e.g. ${measure.routeConflicts.examples[0]}`);
  progress(`${label}: ${failure ? `FAILED: ${failure}` : `done in ${measure.wallSeconds.toFixed(1)} s, peak RSS ${(measure.peakRssBytes / 2 ** 20).toFixed(0)} MiB`}`);
  return { ok: !failure, failure, logFile, loadAverage: { start: loadStart, end: loadAverage() }, ...measure };
}

// ---------------------------------------------------------------- output

async function listFiles(dir: string): Promise<{ path: string; size: number }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const path = join(entry.parentPath, entry.name);
        return { path, size: (await stat(path)).size };
      }),
  );
}

interface SiteMeasure {
  htmlPages: number;
  files: number;
  distBytes: number;
  pagefindBytes: number;
  pagefindFiles: number;
  articlePage: { path: string; htmlBytes: number; cssBytes: number; jsBytes: number; totalBytes: number; assets: string[] };
}

/** Pages, sizes, and the weight of the median-sized article page with the CSS and JS it references. */
async function measureSite(outDir: string): Promise<SiteMeasure> {
  const files = await listFiles(outDir);
  const pagefind = files.filter((file) => file.path.startsWith(join(outDir, 'pagefind') + '/'));
  const articles = files.filter((file) => /\/articles\/[^/]+\/index\.html$/.test(file.path)).sort((a, b) => a.size - b.size);
  const page = articles[articles.length >> 1];
  const html = await readFile(page.path, 'utf8');
  const assets: { href: string; kind: 'css' | 'js' }[] = [];
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
    const href = tag.match(/\b(?:href|src)="([^"]+)"/)?.[1];
    if (!href || /^[a-z]+:/i.test(href) || href.startsWith('//')) continue;
    if (tag.startsWith('<script')) assets.push({ href, kind: 'js' });
    else if (/rel="stylesheet"/.test(tag)) assets.push({ href, kind: 'css' });
    else if (/rel="modulepreload"/.test(tag)) assets.push({ href, kind: 'js' });
  }
  let cssBytes = 0;
  let jsBytes = 0;
  for (const asset of assets) {
    const path = join(outDir, new URL(asset.href, 'http://site/articles/x/').pathname);
    const size = existsSync(path) ? (await stat(path)).size : 0;
    if (asset.kind === 'css') cssBytes += size;
    else jsBytes += size;
  }
  return {
    htmlPages: files.filter((file) => file.path.endsWith('.html')).length,
    files: files.length,
    distBytes: files.reduce((sum, file) => sum + file.size, 0),
    pagefindBytes: pagefind.reduce((sum, file) => sum + file.size, 0),
    pagefindFiles: pagefind.length,
    articlePage: {
      path: '/' + relative(outDir, page.path),
      htmlBytes: page.size,
      cssBytes,
      jsBytes,
      totalBytes: page.size + cssBytes + jsBytes,
      assets: assets.map((asset) => asset.href),
    },
  };
}

// ---------------------------------------------------------------- search

interface Query {
  kind: 'common' | 'rare' | 'tag';
  q: string;
  tag?: string;
  /** Articles whose title or text contains the word (from the parsed corpus). */
  corpusArticles: number;
}

/** A common word, a name that occurs in few articles, and a tag-filtered query, chosen from the parsed corpus. */
function chooseQueries(articles: Article[]): Query[] {
  const frequency = new Map<string, number>();
  const tagCount = new Map<string, number>();
  const hasWord = (word: string) => {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'iu');
    return (article: Article) => pattern.test(`${article.title} ${article.teaser} ${article.body}`);
  };
  const contains = (word: string) => articles.filter(hasWord(word)).length;
  for (const article of articles) {
    const words = new Set(`${article.title} ${article.teaser} ${article.body}`.match(/(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{4,}(?![\p{L}\p{N}])/gu) ?? []);
    for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    for (const tag of article.tags) tagCount.set(tag, (tagCount.get(tag) ?? 0) + 1);
  }
  const vocabulary = [...new Set([...frequency.keys()].map((word) => word.toLowerCase()))].sort();
  const isPrefixOfAnother = (word: string) => {
    const lower = word.toLowerCase();
    let lo = 0;
    let hi = vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (vocabulary[mid] <= lower) lo = mid + 1;
      else hi = mid;
    }
    return lo < vocabulary.length && vocabulary[lo].startsWith(lower);
  };
  // Few articles, and not the start of another word (Pagefind also matches prefixes of the last query word).
  const rare =
    [...frequency]
      .filter(([word, count]) => count >= 2 && count <= 5 && !isPrefixOfAnother(word))
      .sort((a, b) => Math.abs(a[1] - 3) - Math.abs(b[1] - 3) || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? 'Palmyra';
  const tags = [...tagCount].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const tag = tags[Math.min(9, tags.length - 1)]?.[0] ?? 'Assad';
  return [
    { kind: 'common', q: 'Syria', corpusArticles: contains('Syria') },
    { kind: 'rare', q: rare, corpusArticles: frequency.get(rare) ?? 0 },
    { kind: 'tag', q: 'Russia', tag, corpusArticles: articles.filter((article) => article.tags.includes(tag) && hasWord('Russia')(article)).length },
  ];
}

/**
 * The first result's title on the search page: Pagefind's default UI, or the project's own
 * search page (`#results .result h3`). The status line that says how many results there are.
 */
const RESULT_TITLE = '.pagefind-ui__result-title, #results .result h3';
const RESULT_STATUS = '.pagefind-ui__message, #search-status';

interface SearchMeasure {
  url: string;
  firstResultMs: number;
  /** Response bodies of every request from the navigation to /search/ until the network is quiet after the first result. */
  bytes: number;
  /** The same, for /pagefind/ requests only. */
  pagefindBytes: number;
  requests: number;
  message: string;
}

async function measureSearch(browser: Browser, base: string, query: Query): Promise<SearchMeasure> {
  const params = new URLSearchParams({ q: query.q });
  if (query.tag) params.set('tag', query.tag);
  const url = `${base}/search/?${params}`;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript((selector: string) => {
      const record = window as unknown as { __firstResult?: number };
      const observer = new MutationObserver(() => {
        const title = document.querySelector(selector);
        if (record.__firstResult === undefined && title?.textContent?.trim()) {
          record.__firstResult = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    }, RESULT_TITLE);
    let pending = 0;
    let requests = 0;
    let lastActivity = performance.now();
    let bytes = 0;
    let pagefindBytes = 0;
    const sizes: Promise<void>[] = [];
    page.on('request', () => {
      pending++;
      requests++;
      lastActivity = performance.now();
    });
    page.on('requestfailed', () => {
      pending--;
      lastActivity = performance.now();
    });
    page.on('requestfinished', (request) => {
      pending--;
      lastActivity = performance.now();
      sizes.push(
        request.sizes().then(({ responseBodySize }) => {
          bytes += responseBodySize;
          if (new URL(request.url()).pathname.startsWith('/pagefind/')) pagefindBytes += responseBodySize;
        }),
      );
    });
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(() => (window as unknown as { __firstResult?: number }).__firstResult, undefined, { timeout: 120_000, polling: 50 });
    const firstResultMs = (await handle.jsonValue()) as number;
    const settleDeadline = performance.now() + 30_000;
    while ((pending > 0 || performance.now() - lastActivity < 500) && performance.now() < settleDeadline) await sleep(100);
    await Promise.all(sizes);
    // The status line says "Searching…" until the page has also counted the filters (CPU, no network).
    const status = page.locator(RESULT_STATUS).first();
    const statusText = async () => ((await status.textContent({ timeout: 5000 }).catch(() => '')) ?? '').trim();
    let message = await statusText();
    while (/^Searching/i.test(message) && performance.now() < settleDeadline) {
      await sleep(100);
      message = await statusText();
    }
    return { url: url.slice(base.length), firstResultMs: round(firstResultMs, 1)!, bytes, pagefindBytes, requests, message };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- one size

interface SizeResult {
  articles: number;
  ok: boolean;
  failure?: string;
  corpus: CorpusSummary & { generateSeconds: number; dir?: string };
  parse: { seconds: number[]; mbPerSecond: number; articles: number; errors: number; warnings: number };
  /** Part of the parse: load and compile the gazetteer, then find the entities of every record (medians). */
  names: { loadSeconds: number; matchSeconds: number; entitiesPerArticle: number };
  build?: { runs: BuildMeasure[]; median: Record<string, number | null> };
  site?: SiteMeasure;
  rebuild?: { runs: BuildMeasure[]; medianWallSeconds: number; ratioToFullBuild: number; editedFile: string };
  search?: {
    queries: (Query & { runs: SearchMeasure[]; errors: string[]; medianFirstResultMs: number; medianBytes: number; medianPagefindBytes: number; results: string })[];
  };
}

function medianBuild(measures: BuildMeasure[]): Record<string, number | null> {
  const pick = (get: (m: BuildMeasure) => number | null) => round(median(measures.map(get).filter((v): v is number => v !== null)), 3);
  const phases = Object.keys(measures[0].phases) as (keyof BuildPhases)[];
  return {
    wallSeconds: pick((m) => m.wallSeconds),
    astroSeconds: pick((m) => m.astroSeconds),
    beforePagefindSeconds: pick((m) => m.beforePagefindSeconds),
    pagefindSeconds: pick((m) => m.pagefindSeconds),
    peakRssBytes: pick((m) => m.peakRssBytes),
    ...Object.fromEntries(phases.map((phase) => [`phase.${phase}`, pick((m) => m.phases[phase])])),
  };
}

/** Seconds to load and compile the gazetteer, and to match every record's text against it. */
async function timeNames(seedsDir: string, articles: Article[]): Promise<{ load: number; match: number }> {
  const loadStarted = performance.now();
  const { gazetteer } = await loadGazetteer(seedsDir);
  const matchStarted = performance.now();
  for (const article of articles) matchEntities(mentionText(article), gazetteer);
  return { load: (matchStarted - loadStarted) / 1000, match: (performance.now() - matchStarted) / 1000 };
}

async function benchSize(articles: number, root: string, searchOn: boolean): Promise<SizeResult> {
  const dir = join(root, `n${articles}`);
  const seedsDir = join(dir, 'seeds');
  await mkdir(dir, { recursive: true });

  progress(`n=${articles}: generating corpus`);
  const generateStarted = performance.now();
  const corpus = await generateCorpus({ articles, seed: values.seed, seedsDir: join(PROJECT, 'seeds') });
  await writeCorpus(seedsDir, corpus.files, { force: true });
  const generateSeconds = (performance.now() - generateStarted) / 1000;
  const fullTextFile = corpus.files.find((file) => file.shape === 'full-text')?.name ?? corpus.files[0].name;
  corpus.files.length = 0;
  progress(`n=${articles}: ${corpus.summary.files} files, ${(corpus.summary.bytes / 1e6).toFixed(1)} MB in ${generateSeconds.toFixed(1)} s`);

  // Parser throughput, in-process, and the share of it that names take.
  const parseSeconds: number[] = [];
  const nameSeconds: { load: number; match: number }[] = [];
  let parsed: Awaited<ReturnType<typeof parseSeedDir>> | undefined;
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    parsed = await parseSeedDir(seedsDir);
    parseSeconds.push((performance.now() - started) / 1000);
    nameSeconds.push(await timeNames(seedsDir, parsed.articles));
  }
  const parse = {
    seconds: parseSeconds.map((s) => round(s, 3)!),
    mbPerSecond: round(corpus.summary.bytes / 1e6 / median(parseSeconds))!,
    articles: parsed!.articles.length,
    // Warnings are expected: the corpus dates a duplicate's two captures apart, as real archives do.
    errors: parsed!.problems.filter((problem) => problem.severity === 'error').length,
    warnings: parsed!.problems.filter((problem) => problem.severity === 'warning').length,
  };
  const entities = parsed!.articles.reduce((sum, article) => sum + article.entities.length, 0);
  const names = {
    loadSeconds: round(median(nameSeconds.map((run) => run.load)), 3)!,
    matchSeconds: round(median(nameSeconds.map((run) => run.match)), 3)!,
    entitiesPerArticle: round(entities / Math.max(1, parse.articles))!,
  };
  progress(`n=${articles}: parse ${parse.articles} articles, ${parse.errors} errors, ${parse.warnings} warnings, ${parse.mbPerSecond} MB/s; names: gazetteer ${names.loadSeconds} s, matching ${names.matchSeconds} s`);
  if (parse.articles !== corpus.summary.expectedArticles || parse.errors) progress(`n=${articles}: WARNING: expected ${corpus.summary.expectedArticles} articles and no errors`);
  const queries = chooseQueries(parsed!.articles);
  parsed = undefined;

  const result: SizeResult = { articles, ok: true, corpus: { ...corpus.summary, generateSeconds: round(generateSeconds)!, dir: values.keep ? seedsDir : undefined }, parse, names };
  const outDir = join(dir, 'dist');
  const fullRuns: BuildMeasure[] = [];
  for (let run = 0; run < runs; run++) {
    for (const cache of CACHE_DIRS) await rm(cache, { recursive: true, force: true });
    await rm(outDir, { recursive: true, force: true });
    const measure = await build(seedsDir, outDir, join(dir, `build-${run + 1}.log`), `n=${articles} full build ${run + 1}/${runs}`);
    fullRuns.push(measure);
    if (!measure.ok) {
      result.ok = false;
      result.failure = `full build: ${measure.failure}`;
      result.build = { runs: fullRuns, median: medianBuild(fullRuns) };
      return result;
    }
  }
  result.build = { runs: fullRuns, median: medianBuild(fullRuns) };
  result.site = await measureSite(outDir);
  progress(`n=${articles}: ${result.site.htmlPages} HTML pages, dist ${(result.site.distBytes / 2 ** 20).toFixed(1)} MiB, pagefind ${(result.site.pagefindBytes / 2 ** 20).toFixed(1)} MiB`);

  if (searchOn) {
    progress(`n=${articles}: search: ${queries.map((query) => `${query.kind} "${query.q}"${query.tag ? ` tag "${query.tag}"` : ''} (${query.corpusArticles} articles)`).join(', ')}`);
    const server = await serveStatic(outDir);
    const browser = await launchBrowser();
    try {
      // Warm the browser itself (processes, compiled code) on a throwaway context; every measured query gets a fresh one.
      const warm = await browser.newContext();
      await (await warm.newPage()).goto(`${server.url}/`);
      await warm.close();
      result.search = { queries: [] };
      for (const query of queries) {
        const measures: SearchMeasure[] = [];
        const errors: string[] = [];
        for (let run = 0; run < runs; run++) {
          try {
            measures.push(await measureSearch(browser, server.url, query));
          } catch (error) {
            errors.push((error as Error).message.split('\n')[0]);
            progress(`n=${articles}: search ${query.kind} run ${run + 1}: ERROR ${errors.at(-1)}`);
          }
        }
        if (!measures.length) {
          result.search.queries.push({ ...query, runs: [], errors, medianFirstResultMs: NaN, medianBytes: NaN, medianPagefindBytes: NaN, results: '' });
          continue;
        }
        const entry = {
          ...query,
          runs: measures,
          errors,
          medianFirstResultMs: round(median(measures.map((m) => m.firstResultMs)), 1)!,
          medianBytes: median(measures.map((m) => m.bytes)),
          medianPagefindBytes: median(measures.map((m) => m.pagefindBytes)),
          results: measures[0].message,
        };
        result.search.queries.push(entry);
        progress(`n=${articles}: search ${query.kind}: first result ${entry.medianFirstResultMs} ms, ${(entry.medianBytes / 1024).toFixed(0)} KiB (${entry.results})`);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }

  // Rebuild after a one-word edit, with Astro's caches kept, into a fresh folder like the full build
  // (over an existing one, `npm run build` would only add the swap and a background delete).
  await rm(outDir, { recursive: true, force: true });
  const edited = join(seedsDir, fullTextFile);
  const rebuildRuns: BuildMeasure[] = [];
  for (let run = 0; run < runs; run++) {
    const text = await readFile(edited, 'utf8');
    const lines = text.split('\n');
    const index = lines.findLastIndex((line) => line.length > 80 && /[.!?]["”’)]*$/.test(line));
    lines[index] += ` Updated${run > 0 ? run + 1 : ''}.`;
    await writeFile(edited, lines.join('\n'));
    const rebuildDir = join(dir, `dist-rebuild-${run + 1}`);
    const measure = await build(seedsDir, rebuildDir, join(dir, `rebuild-${run + 1}.log`), `n=${articles} rebuild ${run + 1}/${runs}`);
    if (run < runs - 1 || !values.keep) await rm(rebuildDir, { recursive: true, force: true });
    rebuildRuns.push(measure);
    if (!measure.ok) {
      result.ok = false;
      result.failure ??= `rebuild: ${measure.failure}`;
      break;
    }
  }
  const medianWallSeconds = round(median(rebuildRuns.map((m) => m.wallSeconds)), 3)!;
  result.rebuild = {
    runs: rebuildRuns,
    medianWallSeconds,
    ratioToFullBuild: round(medianWallSeconds / (result.build.median.wallSeconds ?? NaN), 3)!,
    editedFile: fullTextFile,
  };
  return result;
}

// ---------------------------------------------------------------- report

function markdown(results: SizeResult[]): string {
  const mb = (bytes: number | null | undefined, unit = 2 ** 20) => (bytes === null || bytes === undefined ? '–' : (bytes / unit).toFixed(1));
  const s = (value: number | null | undefined, digits = 1) => (value === null || value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits));
  const out: string[] = [];
  out.push(
    '| articles | seed files | corpus MB | parse MB/s | names s (gazetteer + matching) | HTML pages | full build s (wall) | Astro s (logged) | Astro before Pagefind s | Pagefind s | peak RSS MiB | dist MiB | Pagefind index MiB | article page KiB (HTML+CSS+JS) | rebuild s | rebuild / full |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of results) {
    const m = r.build?.median;
    const page = r.site?.articlePage;
    out.push(
      `| ${r.articles.toLocaleString('en')}${r.ok ? '' : ' (FAILED)'} | ${r.corpus.files} | ${(r.corpus.bytes / 1e6).toFixed(1)} | ${s(r.parse.mbPerSecond)} | ${s(r.names.loadSeconds, 2)} + ${s(r.names.matchSeconds, 2)} | ${r.site?.htmlPages ?? '–'} | ` +
        `${s(m?.wallSeconds)} | ${s(m?.astroSeconds)} | ${s(m?.beforePagefindSeconds)} | ${s(m?.pagefindSeconds)} | ${mb(m?.peakRssBytes)} | ${mb(r.site?.distBytes)} | ${mb(r.site?.pagefindBytes)} | ` +
        `${page ? `${mb(page.totalBytes, 1024)} (${mb(page.htmlBytes, 1024)}+${mb(page.cssBytes, 1024)}+${mb(page.jsBytes, 1024)})` : '–'} | ` +
        `${s(r.rebuild?.medianWallSeconds)} | ${s(r.rebuild?.ratioToFullBuild, 2)} |`,
    );
  }
  out.push('', 'Full-build phases (median seconds, from timestamped log lines):', '');
  out.push(
    '| articles | startup | content sync (parse + render bodies + store) | prepare | Vite bundle | render pages | post-render | Pagefind | check after Pagefind | exit | load avg start → end |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of results) {
    const m = r.build?.median;
    if (!m) continue;
    const p = (key: string) => s(m[`phase.${key}`]);
    out.push(`| ${r.articles.toLocaleString('en')} | ${p('startupSeconds')} | ${p('contentSyncSeconds')} | ${p('prepareSeconds')} | ${p('bundleSeconds')} | ${p('renderSeconds')} | ${p('postRenderSeconds')} | ${p('pagefindSeconds')} | ${p('verifySeconds')} | ${p('exitSeconds')} | ${r.build!.runs.map((run) => `${run.loadAverage.start} → ${run.loadAverage.end}`).join(', ')} |`);
  }
  const searched = results.filter((r) => r.search);
  if (searched.length) {
    out.push('', 'Search, headless Chromium, cold cache (new context per query); median time from navigation start to the first result title; bytes = response bodies of all requests (page, CSS, JS, Pagefind) until the network is quiet after the first result (server sends no compression; Pagefind index files are gzipped by Pagefind itself):', '');
    out.push('| articles | query | corpus articles with word | search page says | first result ms | KiB transferred (all) | KiB Pagefind only | requests |', '|---:|---|---:|---|---:|---:|---:|---:|');
    for (const r of searched) {
      for (const q of r.search!.queries) {
        const label = `${q.kind}: \`${q.q}\`${q.tag ? ` + tag \`${q.tag}\`` : ''}`;
        const results = q.runs.length ? q.results : `ERROR: ${q.errors[0]}`;
        out.push(`| ${r.articles.toLocaleString('en')} | ${label} | ${q.corpusArticles} | ${results} | ${s(q.medianFirstResultMs, 0)} | ${mb(q.medianBytes, 1024)} | ${mb(q.medianPagefindBytes, 1024)} | ${q.runs[0]?.requests ?? '–'} |`);
      }
    }
  }
  for (const r of results.filter((r) => !r.ok)) {
    out.push('', `**n=${r.articles} failed:** ${r.failure}`);
  }
  const conflicts = results.flatMap((r) => (r.build?.runs[0]?.routeConflicts.count ? [`n=${r.articles}: ${r.build.runs[0].routeConflicts.count} × ${r.build.runs[0].routeConflicts.examples[0]}`] : []));
  if (conflicts.length) out.push('', 'Astro route-conflict warnings (pages not written):', '', ...conflicts.map((line) => `- ${line}`));
  return out.join('\n');
}

// ---------------------------------------------------------------- main

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: PROJECT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function versionOf(pkg: string): Promise<string> {
  try {
    return JSON.parse(await readFile(join(PROJECT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

const root = values.keep ? resolve(values.keep) : await mkdtemp(join(tmpdir(), 'news-archive-bench-'));
await mkdir(root, { recursive: true });
// Astro's data store is shared with every other build of this project: keep a copy and put it back afterwards.
const storeBackup = join(root, 'data-store-backup');
const hadStore = existsSync(DATA_STORE_DIR);
if (hadStore) await cp(DATA_STORE_DIR, storeBackup, { recursive: true });
const restore = async () => {
  await rm(DATA_STORE_DIR, { recursive: true, force: true });
  if (hadStore) await cp(storeBackup, DATA_STORE_DIR, { recursive: true });
  await rm(storeBackup, { recursive: true, force: true });
};
process.once('SIGINT', () => {
  progress('interrupted: restoring the data store');
  if (currentBuild) process.kill(-currentBuild, 'SIGKILL');
  restore().finally(() => process.exit(130));
});

const startCommit = git('rev-parse', 'HEAD');
const startChanges = git('status', '--porcelain');
const results: SizeResult[] = [];
try {
  for (const size of sizes) {
    const searchOn = values.search ?? size >= 10_000;
    try {
      results.push(await benchSize(size, root, searchOn));
    } catch (error) {
      progress(`n=${size}: ERROR ${(error as Error).stack}`);
      throw error;
    }
    if (!values.keep) await rm(join(root, `n${size}`), { recursive: true, force: true });
    if (values.json) await writeJson();
  }
} finally {
  await restore();
  if (!values.keep) await rm(root, { recursive: true, force: true });
}

async function writeJson() {
  const report = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryBytes: totalmem() },
    project: {
      commit: startCommit,
      changedFiles: startChanges.split('\n').filter(Boolean).length,
      /** The project's files changed while the benchmark ran: the builds may have measured different code. */
      changedDuringRun: git('rev-parse', 'HEAD') !== startCommit || git('status', '--porcelain') !== startChanges,
    },
    versions: { astro: await versionOf('astro'), pagefind: await versionOf('pagefind'), playwright: await versionOf('playwright-core') },
    options: { articles: sizes, runs, seed: values.seed, search: values.search ?? 'sizes >= 10000' },
    notes: {
      astroSeconds: 'Astro\'s "[build] N page(s) built in X s", which includes the Pagefind integration (astro:build:done)',
      bytes: 'response bodies (Playwright request.sizes().responseBodySize) of every request from the navigation to /search/ until the network is quiet after the first result; the test server does not compress',
      peakRss: 'max over 100 ms samples of the sum of VmRSS over the build process and all its descendants',
      articlePage: 'median-sized article HTML plus the stylesheets and scripts it references',
    },
    results,
  };
  await writeFile(resolve(values.json!), `${JSON.stringify(report, null, 2)}\n`);
}

if (values.json) {
  await writeJson();
  progress(`wrote ${resolve(values.json)}`);
}
process.stdout.write(`${markdown(results)}\n`);
if (git('rev-parse', 'HEAD') !== startCommit || git('status', '--porcelain') !== startChanges) {
  const now = git('rev-parse', 'HEAD');
  const what = now === startCommit ? `uncommitted files changed (commit ${startCommit.slice(0, 7)})` : `commit ${startCommit.slice(0, 7)} → ${now.slice(0, 7)}`;
  const warning = `warning: the project changed while the benchmark ran (${what}): builds that started after the change may have measured different code`;
  progress(warning);
  process.stdout.write(`\n**${warning}**\n`);
}
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
