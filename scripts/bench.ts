/**
 * `npm run bench -- --articles 1000,10000,50000 [--runs 3] [--json out.json] [--keep DIR]
 *   [--search | --no-search] [--no-hugo] [--seed S] [--timeout-min 60] [--wait-min 30]`
 *
 * For each size (scripts/bench/size.ts): generates a synthetic corpus and times the parser;
 * builds it from scratch --runs times (phases from the build log, peak RSS of the whole process
 * tree); measures the built site; for sizes ≥ 10,000 or with --search, times searches in headless
 * Chromium; rebuilds after no change, a one-word edit, removing a tenth of the seed files and
 * putting them back; and runs ../shared/bench/vs-hugo for the ratio to Hugo + Pagefind.
 * Markdown on stdout, progress on stderr, everything measured in --json.
 *
 * "From scratch" deletes Astro's caches (node_modules/.astro, .astro) before each full build;
 * the cache there at the start is set aside and put back at the end.
 * --timeout-min: per build; --wait-min: how long to wait for other `astro build`s on the machine
 * before each build (0: do not wait).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT, setCacheAside } from './bench/build.ts';
import { killRunning } from './bench/proc.ts';
import { progress } from './bench/progress.ts';
import { markdown } from './bench/report.ts';
import { benchSize, type SizeResult } from './bench/size.ts';

const usage =
  'usage: npm run bench -- --articles 1000,10000 [--runs 3] [--json out.json] [--keep DIR] [--search|--no-search] [--no-hugo] [--seed S] [--timeout-min 60] [--wait-min 30]';
const { values } = parseArgs({
  allowNegative: true,
  options: {
    articles: { type: 'string', default: '1000,10000,50000' },
    runs: { type: 'string', default: '3' },
    json: { type: 'string' },
    keep: { type: 'string' },
    search: { type: 'boolean' },
    hugo: { type: 'boolean', default: true },
    seed: { type: 'string', default: '1' },
    'timeout-min': { type: 'string', default: '60' },
    'wait-min': { type: 'string', default: '30' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const sizes = values.articles.split(',').map((value) => Number(value.trim()));
const runs = Number(values.runs);
const minutes = [Number(values['timeout-min']), Number(values['wait-min'])];
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || !Number.isInteger(runs) || runs < 1 || minutes.some((m) => !(m >= 0))) {
  console.error(`bench: --articles takes positive integers separated by commas, --runs a positive integer, the minutes non-negative numbers\n${usage}`);
  process.exit(2);
}
const [timeoutMs, waitMs] = minutes.map((m) => m * 60_000);

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
const restoreCache = await setCacheAside();
process.once('SIGINT', () => {
  progress("interrupted: putting Astro's cache back");
  killRunning();
  restoreCache().finally(() => process.exit(130));
});

const startCommit = git('rev-parse', 'HEAD');
const startChanges = git('status', '--porcelain');
const changedSinceStart = () => git('rev-parse', 'HEAD') !== startCommit || git('status', '--porcelain') !== startChanges;
const results: SizeResult[] = [];

async function writeJson(path: string): Promise<void> {
  const report = {
    date: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryBytes: totalmem() },
    project: {
      commit: startCommit,
      changedFiles: startChanges.split('\n').filter(Boolean).length,
      /** The project's files changed while the benchmark ran: the builds may have measured different code. */
      changedDuringRun: changedSinceStart(),
    },
    versions: { astro: await versionOf('astro'), pagefind: await versionOf('pagefind'), playwright: await versionOf('playwright-core') },
    options: { articles: sizes, runs, seed: values.seed, search: values.search ?? 'sizes >= 10000', hugo: values.hugo },
    results,
  };
  await writeFile(resolve(path), `${JSON.stringify(report, null, 2)}\n`);
}

try {
  for (const size of sizes) {
    const dir = join(root, `n${size}`);
    const options = { runs, seed: values.seed, search: values.search ?? size >= 10_000, hugo: values.hugo, keep: Boolean(values.keep), timeoutMs, waitMs };
    results.push(await benchSize(size, dir, options));
    if (!values.keep) await rm(dir, { recursive: true, force: true });
    if (values.json) await writeJson(values.json);
  }
} finally {
  await restoreCache();
  if (!values.keep) await rm(root, { recursive: true, force: true });
}

if (values.json) progress(`wrote ${resolve(values.json)}`);
if (values.keep) progress(`corpora, logs and the last rebuilt sites kept in ${root}`);
process.stdout.write(`${markdown(results)}\n`);
if (changedSinceStart()) {
  const now = git('rev-parse', 'HEAD');
  const what = now === startCommit ? `uncommitted files changed (commit ${startCommit.slice(0, 7)})` : `commit ${startCommit.slice(0, 7)} → ${now.slice(0, 7)}`;
  const warning = `warning: the project changed while the benchmark ran (${what}): builds that started after the change may have measured different code`;
  progress(warning);
  process.stdout.write(`\n**${warning}**\n`);
}
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
