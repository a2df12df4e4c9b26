/**
 * One size of the benchmark: the corpus; full builds from scratch; the built site's size; the
 * searches; rebuilds after no change, a one-word edit, removing a tenth of the seed files and
 * putting them back, each with Astro's caches kept; then the side-by-side run with Hugo.
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { clearCaches, measureBuild, medianBuild, type BuildMeasure, type BuildMedian, type Limits } from './build.ts';
import { prepareCorpus, type CorpusMeasure } from './corpus.ts';
import { compareWithHugo, type HugoComparison } from './hugo.ts';
import { median, progress, round } from './progress.ts';
import { chooseQueries, searchSite, type QueryResult } from './search.ts';
import { editOneWord, putBack, removeTenth } from './seed-changes.ts';
import { measureSite, type SiteMeasure } from './site.ts';

export interface SizeOptions extends Limits {
  runs: number;
  seed: string;
  search: boolean;
  hugo: boolean;
  /** Keep the corpus, the logs and the last rebuilt site. */
  keep: boolean;
}

export const REBUILDS = ['noChange', 'edit', 'remove', 'addBack'] as const;
export type RebuildKind = (typeof REBUILDS)[number];

export interface RebuildResult {
  runs: BuildMeasure[];
  medianWallSeconds: number | null;
  /** Median wall time over the full build's. */
  shareOfFullBuild: number | null;
}

export interface SizeResult extends CorpusMeasure {
  articles: number;
  ok: boolean;
  failure?: string;
  build?: { runs: BuildMeasure[]; median: BuildMedian };
  site?: SiteMeasure;
  search?: QueryResult[];
  rebuilds?: Record<RebuildKind, RebuildResult> & { editedFile: string; removedFiles: number };
  hugo?: HugoComparison;
}

export async function benchSize(articles: number, dir: string, options: SizeOptions): Promise<SizeResult> {
  const label = `n=${articles}`;
  const seedsDir = join(dir, 'seeds');
  await mkdir(dir, { recursive: true });
  const { measure, parsed, fullTextFile } = await prepareCorpus(articles, { seed: options.seed, seedsDir, runs: options.runs, label });
  const queries = options.search ? chooseQueries(parsed) : [];
  const result: SizeResult = { articles, ok: true, ...measure };
  const fail = (failure: string) => Object.assign(result, { ok: false, failure });

  const outDir = join(dir, 'dist');
  const fullRuns: BuildMeasure[] = [];
  for (let run = 1; run <= options.runs; run++) {
    await clearCaches();
    await rm(outDir, { recursive: true, force: true });
    fullRuns.push(await measureBuild(seedsDir, outDir, join(dir, `build-${run}.log`), `${label} full build ${run}/${options.runs}`, options));
    result.build = { runs: fullRuns, median: medianBuild(fullRuns) };
    if (!fullRuns.at(-1)!.ok) return fail(`full build: ${fullRuns.at(-1)!.failure}`);
  }
  result.site = await measureSite(outDir);
  progress(`${label}: ${result.site.htmlPages} HTML pages, dist ${(result.site.distBytes / 2 ** 20).toFixed(1)} MiB, pagefind ${(result.site.pagefindBytes / 2 ** 20).toFixed(1)} MiB`);
  if (options.search) result.search = await searchSite(outDir, queries, options.runs, label);

  const rebuildFailure = await rebuild(result, { dir, seedsDir, outDir, fullTextFile, label, options });
  if (rebuildFailure) return fail(rebuildFailure);

  if (!options.hugo) {
    result.hugo = { status: 'skipped', reason: '--no-hugo' };
    progress(`${label}: Hugo + Pagefind side skipped (--no-hugo)`);
  } else {
    result.hugo = await compareWithHugo(articles, options.runs, join(dir, 'vs-hugo'), label, options);
    if (result.hugo.status === 'failed') return fail(`vs-hugo: ${result.hugo.reason}`);
  }
  return result;
}

/**
 * Each run rebuilds four times, as `npm run build` run again does: with Astro's caches kept,
 * over the site the build before wrote (which it swaps out and deletes in the background):
 * after no change (a build that then stops after the parse), after a one-word edit, after
 * removing a tenth of the seed files, and after putting them back, which adds as many articles
 * as the removal took away. Returns what failed.
 */
async function rebuild(
  result: SizeResult,
  { dir, seedsDir, outDir, fullTextFile, label, options }: { dir: string; seedsDir: string; outDir: string; fullTextFile: string; label: string; options: SizeOptions },
): Promise<string | undefined> {
  const aside = join(dir, 'removed');
  let removed: string[] = [];
  const change: Record<RebuildKind, (run: number) => Promise<unknown>> = {
    noChange: async () => {},
    edit: (run) => editOneWord(join(seedsDir, fullTextFile), run),
    remove: async () => (removed = await removeTenth(seedsDir, aside)),
    addBack: () => putBack(seedsDir, aside, removed),
  };
  const runs = Object.fromEntries(REBUILDS.map((kind) => [kind, [] as BuildMeasure[]])) as Record<RebuildKind, BuildMeasure[]>;
  try {
    for (let run = 0; run < options.runs; run++) {
      for (const kind of REBUILDS) {
        await change[kind](run);
        const measure = await measureBuild(seedsDir, outDir, join(dir, `rebuild-${kind}-${run + 1}.log`), `${label} rebuild (${kind}) ${run + 1}/${options.runs}`, options);
        runs[kind].push(measure);
        if (!measure.ok) return `rebuild (${kind}): ${measure.failure}`;
      }
    }
  } finally {
    if (!options.keep) await rm(outDir, { recursive: true, force: true });
    const full = result.build!.median.wallSeconds ?? NaN;
    const summary = (measures: BuildMeasure[]): RebuildResult => {
      const wall = median(measures.map((measure) => measure.wallSeconds));
      return { runs: measures, medianWallSeconds: round(wall, 3), shareOfFullBuild: round(wall / full, 3) };
    };
    const rebuilds = Object.fromEntries(REBUILDS.map((kind) => [kind, summary(runs[kind])])) as Record<RebuildKind, RebuildResult>;
    result.rebuilds = { ...rebuilds, editedFile: fullTextFile, removedFiles: removed.length };
  }
}
