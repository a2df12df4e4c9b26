/**
 * What the benchmark reads in a build's log. Every line here may be missing (a build that
 * failed, or a log that changed): its figures are then null, never a guess. The patterns:
 *
 * - Astro: `[content] Syncing content`, `[content] Synced content`, `Building static entrypoints`,
 *   `generating static routes`, the first `✓ Completed in` after it, `[build] N page(s) built in X`,
 *   and its route-conflict warnings;
 * - scripts/build.ts: `[parse] N articles from DIR in X ms`, `[search-index] indexed N pages in X ms,
 *   Y ms after Astro` (without `, Y ms after Astro` in logs of builds that indexed only after Astro),
 *   `[check-site] N articles`.
 */
import type { TimedLine } from './proc.ts';
import { round } from './progress.ts';

/** A build's phases in seconds, from the moments its log lines arrived. */
export interface BuildPhases {
  /** Process start → `[parse] N articles`: the build lock and parsing the seeds, once. */
  parseSeconds: number | null;
  /*
   * Astro starts beside the parse: each of its phases up to the render counts only the time it
   * took after the parse was done (0 for a phase Astro was through while the seeds were parsed),
   * so that the phases add up to the build's wall time.
   */
  /** The parse done → `Syncing content`: Astro still starting. */
  startupSeconds: number | null;
  /** → `Synced content`: the loaders (the gazetteer's: the pages read the parsed records, not a collection) and the data store. */
  contentSyncSeconds: number | null;
  /** → `Building static entrypoints`: types, build info. */
  prepareSeconds: number | null;
  /** → `generating static routes`: Vite bundling. */
  bundleSeconds: number | null;
  /** → its `✓ Completed in`: rendering every page to HTML. */
  renderSeconds: number | null;
  /** Pages rendered → `[build] N page(s) built`: the rest of Astro (sitemap, integrations). */
  postRenderSeconds: number | null;
  /** What the search index took after Astro's exit, as the build logs it (most bundles are indexed while Astro renders). */
  pagefindSeconds: number | null;
  /** Astro and the search index both done → `[check-site]`: the rest of the nothing-lost check. */
  checkSeconds: number | null;
  /** The check done → process exit: the swap into place, permalinks. */
  exitSeconds: number | null;
}

export interface BuildLog {
  /** `[build] N page(s) built in X`: Astro's own count and time, before the search index and the check. */
  astroPages: number | null;
  astroSeconds: number | null;
  pagefindPages: number | null;
  /** The search-index step from its start (with Astro's) to its end. */
  pagefindTotalSeconds: number | null;
  phases: BuildPhases;
  /** Astro's "Could not render X from route A as it conflicts with higher priority route B". */
  routeConflicts: { count: number; examples: string[] };
}

/** A line that says which step the build is at (tagged like `[search-index]`), not one of Astro's per-page lines. */
export function isStepLine(text: string): boolean {
  return /\[[\w@./-]+\]/.test(text) && !/^\s+[├└]─ /.test(text);
}

/** Astro's durations: "833ms", "6.19s", "2m 10s", "3m". */
function seconds(text: string): number | null {
  const match = text.match(/^(?:(\d+)m)?\s*(?:([\d.]+)(ms|s))?$/);
  if (!match) return null;
  return Number(match[1] ?? 0) * 60 + (match[2] ? Number(match[2]) / (match[3] === 'ms' ? 1000 : 1) : 0);
}

export function analyseLog(lines: TimedLine[], wallSeconds: number): BuildLog {
  // Lines that arrived together (the build reads Astro's log in bursts while it parses) are told apart by their order.
  const first = (pattern: RegExp, after = -1) => {
    const index = lines.findIndex((candidate, position) => position > after && pattern.test(candidate.text));
    return index < 0 ? null : { at: lines[index].at, index, match: lines[index].text.match(pattern)! };
  };
  const built = first(/\[build\] (\d+) page\(s\) built in ((?:\d+m\s*)?[\d.]+(?:ms|s)|\d+m)\b/);
  const indexed = first(/\[search-index\] indexed (\d+) pages in (\d+) ms(?:, (\d+) ms after Astro)?/);
  const checked = first(/\[check-site\] \d+ articles/);
  const parsed = first(/\[parse\] \d+ articles from .* in \d+ ms/);
  const syncing = first(/\[content\] Syncing content/);
  const synced = first(/\[content\] Synced content/);
  const bundling = first(/Building static entrypoints/);
  const generating = first(/generating static routes/);
  const rendered = generating && first(/✓ Completed in/, generating.index);
  const pagefindSeconds = indexed && Number(indexed.match[3] ?? indexed.match[2]) / 1000;
  const span = (from: { at: number } | null, to: { at: number } | null) => (from && to ? round((to.at - from.at) / 1000, 3) : null);
  const later = (a: { at: number } | null, b: { at: number } | null) => (a && b ? (a.at > b.at ? a : b) : b);
  // Astro's milestones before the render, as the build's critical path meets them: at the parse's end if Astro got there first.
  const [syncingAfterParse, syncedAfterParse, bundlingAfterParse, generatingAfterParse] = [syncing, synced, bundling, generating].map((line) => later(parsed ?? { at: 0 }, line));
  const conflicts = lines.filter((line) => /conflicts with higher priority route/.test(line.text)).map((line) => line.text.replace(/^[\d:]+ /, '').trim());
  return {
    astroPages: built && Number(built.match[1]),
    astroSeconds: built && seconds(built.match[2]),
    pagefindPages: indexed && Number(indexed.match[1]),
    pagefindTotalSeconds: indexed && Number(indexed.match[2]) / 1000,
    phases: {
      parseSeconds: span({ at: 0 }, parsed),
      startupSeconds: span(parsed ?? { at: 0 }, syncingAfterParse),
      contentSyncSeconds: span(syncingAfterParse, syncedAfterParse),
      prepareSeconds: span(syncedAfterParse, bundlingAfterParse),
      bundleSeconds: span(bundlingAfterParse, generatingAfterParse),
      renderSeconds: span(generatingAfterParse, rendered),
      postRenderSeconds: span(rendered, built),
      pagefindSeconds,
      checkSeconds: span(later(built, indexed), checked),
      exitSeconds: span(checked, { at: wallSeconds * 1000 }),
    },
    routeConflicts: { count: conflicts.length, examples: conflicts.slice(0, 3) },
  };
}
