/** Runs `npm run build`'s script the way tests/support/build.ts does and measures it. */
import { rename, rm } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILD_CACHE } from '../lib/files.ts';
import { analyseLog, isStepLine, type BuildLog, type BuildPhases } from './build-log.ts';
import { foreignBuilds, runMeasured } from './proc.ts';
import { median, progress, round, sleep } from './progress.ts';

export const PROJECT = resolve(import.meta.dirname, '..', '..');
/** Astro's data store and incremental-build cache, and its generated types: a build "from scratch" has neither. */
const CACHE_DIRS = [BUILD_CACHE, join(PROJECT, '.astro')];

export interface Limits {
  /** Per build: its process group is killed after this. */
  timeoutMs: number;
  /** How long to wait for other `astro build`s on the machine to finish before measuring. */
  waitMs: number;
}

export interface BuildMeasure extends BuildLog {
  ok: boolean;
  failure?: string;
  wallSeconds: number;
  /** Max over 100 ms samples of the summed VmRSS of the build and all its descendants. */
  peakRssBytes: number;
  /** 1-minute load average when the build started and ended: well above ~1.5 means other work competed for 2 cores. */
  loadAverage: { start: number; end: number };
  logFile: string;
}

export interface BuildMedian {
  wallSeconds: number | null;
  peakRssBytes: number | null;
  phases: Record<keyof BuildPhases, number | null>;
}

export async function clearCaches(): Promise<void> {
  for (const dir of CACHE_DIRS) await rm(dir, { recursive: true, force: true });
}

/**
 * Astro's data store and page cache are shared with every other build of this checkout: moves
 * them aside (a rename, however big they are); the function returned puts them back. Killed
 * before that, the benchmark leaves them in `node_modules/.astro-before-bench`: deleting them is
 * always safe.
 */
export async function setCacheAside(): Promise<() => Promise<void>> {
  const aside = `${BUILD_CACHE}-before-bench`;
  await rm(aside, { recursive: true, force: true });
  const had = existsSync(BUILD_CACHE);
  if (had) await rename(BUILD_CACHE, aside);
  return async () => {
    await rm(BUILD_CACHE, { recursive: true, force: true });
    if (had) await rename(aside, BUILD_CACHE);
  };
}

/** Waits while another `astro build` runs on the machine (2 cores: two builds at once spoil both). */
export async function waitForQuiet({ waitMs }: Limits): Promise<void> {
  const deadline = performance.now() + waitMs;
  let others = foreignBuilds();
  if (others.length) progress(`waiting for other astro build(s) to finish (pid ${others.join(', ')})…`);
  while (others.length && performance.now() < deadline) {
    await sleep(5000);
    others = foreignBuilds();
  }
  if (others.length) progress(`warning: other astro build(s) still running (pid ${others.join(', ')}); measuring anyway`);
}

export function loadAverage(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return NaN;
  }
}

/** What went wrong, with the log's last lines; undefined when the build succeeded. */
function failureOf(run: Awaited<ReturnType<typeof runMeasured>>, limits: Limits): string | undefined {
  if (run.timedOut) return `timed out after ${limits.timeoutMs / 60_000} min (process group killed)`;
  if (run.exitCode === 0) return undefined;
  const shown = run.lines.slice(-25).map(({ text }) => (text.length > 400 ? `${text.slice(0, 400)}… (${text.length} chars)` : text));
  const outOfMemory = run.signal === 'SIGKILL' || run.lines.some(({ text }) => /JavaScript heap out of memory|FATAL ERROR: .*Allocation failed|ENOMEM/.test(text));
  return `exit code ${run.exitCode}${run.signal ? `, signal ${run.signal}` : ''}${outOfMemory ? ' (out of memory)' : ''}; log:\n${shown.join('\n')}`;
}

export async function measureBuild(seedsDir: string, outDir: string, logFile: string, label: string, limits: Limits): Promise<BuildMeasure> {
  await waitForQuiet(limits);
  const loadStart = loadAverage();
  progress(`${label}: OUT_DIR=${outDir} npm run build (load average ${loadStart})`);
  const run = await runMeasured(process.execPath, [join(PROJECT, 'scripts/build.ts')], {
    cwd: PROJECT,
    env: { ...process.env, SEEDS_DIR: seedsDir, OUT_DIR: outDir },
    timeoutMs: limits.timeoutMs,
    logFile,
    onLine: ({ text }) => {
      if (isStepLine(text)) progress(`${label}: ${text.trim()}`);
    },
  });
  const log = analyseLog(run.lines, run.wallSeconds);
  const failure = failureOf(run, limits);
  if (log.routeConflicts.count) progress(`${label}: ${log.routeConflicts.count} route conflict warning(s), e.g. ${log.routeConflicts.examples[0]}`);
  progress(`${label}: ${failure ? `FAILED: ${failure}` : `done in ${run.wallSeconds.toFixed(1)} s, peak RSS ${(run.peakRssBytes / 2 ** 20).toFixed(0)} MiB`}`);
  return {
    ok: !failure,
    failure,
    wallSeconds: round(run.wallSeconds, 3)!,
    peakRssBytes: run.peakRssBytes,
    loadAverage: { start: loadStart, end: loadAverage() },
    logFile,
    ...log,
  };
}

export function medianBuild(measures: BuildMeasure[]): BuildMedian {
  const pick = (get: (measure: BuildMeasure) => number | null) => round(median(measures.map(get)), 3);
  const phases = Object.keys(measures[0].phases) as (keyof BuildPhases)[];
  return {
    wallSeconds: pick((m) => m.wallSeconds),
    peakRssBytes: pick((m) => m.peakRssBytes),
    phases: Object.fromEntries(phases.map((phase) => [phase, pick((m) => m.phases[phase])])) as BuildMedian['phases'],
  };
}
