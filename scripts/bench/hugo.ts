/**
 * The side-by-side yardstick: `../shared/bench/vs-hugo` (beside the project's root, as in CI)
 * builds the same size of corpus with this project (`npm run build -- --force`) and with Hugo +
 * Pagefind, alternating A B A B, and prints medians and their ratio. The benchmark runs it
 * rather than timing Hugo itself, so that the ratio it reports is the one the targets
 * are measured with. Without it (a clone elsewhere), the comparison is skipped and says so.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT, waitForQuiet, type Limits } from './build.ts';
import { runMeasured } from './proc.ts';
import { progress } from './progress.ts';

export const VS_HUGO = join(PROJECT, '..', 'shared', 'bench', 'vs-hugo');

interface Side {
  wallSeconds: number;
  cpuSeconds: number;
  /** vs-hugo's peak: the largest single process of the side, not the sum over its tree. */
  peakMiB: number;
}

export type HugoComparison =
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; reason: string; logFile: string }
  | { status: 'measured'; runs: number; project: Side; hugoPagefind: Side; wallRatio: number; cpuRatio: number; table: string; logFile: string };

/** vs-hugo's summary lines (stdout), or null when one is missing. */
export function parseVsHugo(output: string): Omit<Extract<HugoComparison, { status: 'measured' }>, 'status' | 'logFile'> | null {
  const side = (name: string): Side | null => {
    const match = output.match(new RegExp(`^${name} \\([^)]*\\)\\s+wall\\s+([\\d.]+) s\\s+cpu\\s+([\\d.]+) s\\s+peak\\s+([\\d.]+) MiB`, 'm'));
    return match && { wallSeconds: Number(match[1]), cpuSeconds: Number(match[2]), peakMiB: Number(match[3]) };
  };
  const header = output.match(/^articles \d+, runs (\d+), mode \w+$/m);
  const ratio = output.match(/^A\/B\s+wall\s+([\d.]+)\s+cpu\s+([\d.]+)/m);
  const project = side('A');
  const hugoPagefind = side('B');
  if (!header || !ratio || !project || !hugoPagefind) return null;
  const table = output.slice(header.index).split('\n').slice(0, 4).join('\n');
  return { runs: Number(header[1]), project, hugoPagefind, wallRatio: Number(ratio[1]), cpuRatio: Number(ratio[2]), table };
}

/** Runs vs-hugo for `articles` articles in `dir` (its corpus, records and Hugo site), the project's builds going to `dir/dist`. */
export async function compareWithHugo(articles: number, runs: number, dir: string, label: string, limits: Limits): Promise<HugoComparison> {
  if (!existsSync(VS_HUGO)) {
    const reason = `${VS_HUGO} not found (it ships beside the project's clone in CI)`;
    progress(`${label}: Hugo + Pagefind side skipped: ${reason}`);
    return { status: 'skipped', reason };
  }
  await waitForQuiet(limits);
  progress(`${label}: ${VS_HUGO} ${articles} ${runs}`);
  await mkdir(dir, { recursive: true });
  const logFile = join(dir, 'vs-hugo.log');
  const run = await runMeasured(VS_HUGO, [String(articles), String(runs)], {
    cwd: PROJECT,
    env: { ...process.env, KEEP: dir, OUT_DIR: join(dir, 'dist'), MODE: 'full' },
    // A warm-up and `runs` builds on each side.
    timeoutMs: limits.timeoutMs * (runs + 1) * 2,
    logFile,
    onLine: ({ text }) => progress(`${label}: vs-hugo: ${text}`),
  });
  const measured = run.exitCode === 0 ? parseVsHugo(run.lines.map((line) => line.text).join('\n')) : null;
  if (!measured) {
    const reason = run.timedOut ? 'timed out' : `exit code ${run.exitCode}${run.exitCode === 0 ? ', but no summary in its output' : ''}`;
    progress(`${label}: vs-hugo FAILED (${reason}); see ${logFile}`);
    return { status: 'failed', reason, logFile };
  }
  return { status: 'measured', ...measured, logFile };
}
