/** The benchmark's results as markdown tables. */
import { relative } from 'node:path';
import { PROJECT } from './build.ts';
import { VS_HUGO } from './hugo.ts';
import type { RebuildKind, SizeResult } from './size.ts';

const MiB = 2 ** 20;
const KiB = 1024;

/** A figure, or '–' when it was not measured. */
function figure(value: number | null | undefined, digits = 1, unit = 1): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '–' : (value / unit).toFixed(digits);
}

function share(seconds: number | null, ofFull: number | null): string {
  return seconds === null ? '–' : `${figure(seconds)} s (${figure(ofFull === null ? null : ofFull * 100, 0)} %)`;
}

function table(header: string[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---:')), ...rows.map(line)];
}

const size = (r: SizeResult) => `${r.articles.toLocaleString('en')}${r.ok ? '' : ' (FAILED)'}`;

function summary(results: SizeResult[]): string[] {
  return table(
    ['articles', 'seed files', 'corpus MB', 'parse MB/s', 'names s (gazetteer + matching)', 'HTML pages', 'full build s', 'ms per article', 'peak RSS MiB', '`dist/` MiB', 'search index MiB', 'article page KiB (HTML + CSS + JS)'],
    results.map((r) => {
      const build = r.build?.median;
      const page = r.site?.articlePage;
      return [
        size(r),
        String(r.corpus.files),
        figure(r.corpus.bytes / 1e6),
        figure(r.parse.mbPerSecond),
        `${figure(r.names.loadSeconds, 2)} + ${figure(r.names.matchSeconds, 2)}`,
        String(r.site?.htmlPages ?? '–'),
        figure(build?.wallSeconds),
        figure(build?.wallSeconds && (build.wallSeconds * 1000) / r.articles),
        figure(build?.peakRssBytes, 0, MiB),
        figure(r.site?.distBytes, 1, MiB),
        figure(r.site?.pagefindBytes, 1, MiB),
        page ? `${figure(page.totalBytes, 1, KiB)} (${figure(page.htmlBytes, 1, KiB)} + ${figure(page.cssBytes, 1, KiB)} + ${figure(page.jsBytes, 1, KiB)})` : '–',
      ];
    }),
  );
}

function phases(results: SizeResult[]): string[] {
  return table(
    ['articles', 'parse', 'Astro startup (beside the parse)', 'content sync', 'prepare', 'Vite bundle', 'render pages', 'post-render', 'Pagefind after Astro', 'nothing-lost check', 'exit', 'load average start → end'],
    results.flatMap((r) => {
      if (!r.build) return [];
      const p = r.build.median.phases;
      const loads = r.build.runs.map((run) => `${run.loadAverage.start} → ${run.loadAverage.end}`).join(', ');
      return [[size(r), ...[p.parseSeconds, p.startupSeconds, p.contentSyncSeconds, p.prepareSeconds, p.bundleSeconds, p.renderSeconds, p.postRenderSeconds, p.pagefindSeconds, p.checkSeconds, p.exitSeconds].map((s) => figure(s)), loads]];
    }),
  );
}

function rebuilds(results: SizeResult[]): string[] {
  return table(
    ['articles', 'full build s', 'no change', 'one-word edit', 'a tenth of the seed files removed', 'those files put back'],
    results.flatMap((r) => {
      const b = r.rebuilds;
      if (!b) return [];
      const cell = (kind: RebuildKind) => share(b[kind].medianWallSeconds, b[kind].shareOfFullBuild);
      return [[size(r), figure(r.build?.median.wallSeconds), cell('noChange'), cell('edit'), `${cell('remove')}, ${b.removedFiles} files`, cell('addBack')]];
    }),
  );
}

function hugo(results: SizeResult[]): string[] {
  const measured = results.flatMap((r) => (r.hugo?.status === 'measured' ? [{ r, h: r.hugo }] : []));
  const out = measured.length
    ? table(
        ['articles', 'runs', 'this project s', 'Hugo + Pagefind s', 'wall ratio', 'CPU ratio', 'peak MiB, project / Hugo + Pagefind'],
        measured.map(({ r, h }) => [
          size(r),
          String(h.runs),
          figure(h.project.wallSeconds),
          figure(h.hugoPagefind.wallSeconds),
          `**${figure(h.wallRatio, 2)}×**`,
          `${figure(h.cpuRatio, 2)}×`,
          `${figure(h.project.peakMiB, 0)} / ${figure(h.hugoPagefind.peakMiB, 0)}`,
        ]),
      )
    : [];
  for (const r of results) {
    if (r.hugo?.status === 'skipped') out.push(`n=${r.articles}: the Hugo + Pagefind side was skipped: ${r.hugo.reason}.`);
    if (r.hugo?.status === 'failed') out.push(`n=${r.articles}: the Hugo + Pagefind side failed (${r.hugo.reason}); see ${r.hugo.logFile}.`);
  }
  return out;
}

function search(results: SizeResult[]): string[] {
  return table(
    ['articles', 'query', 'corpus articles with the word', 'the search page says', 'first result ms', 'KiB before the first result', 'KiB transferred (all)', 'KiB Pagefind only', 'requests'],
    results.flatMap((r) =>
      (r.search ?? []).map((q) => [
        size(r),
        `${q.kind}: \`${q.q}\`${q.tag ? ` + tag \`${q.tag}\`` : ''}`,
        String(q.corpusArticles),
        q.runs.length ? q.results : `ERROR: ${q.errors[0]}`,
        figure(q.medianFirstResultMs, 0),
        figure(q.medianFirstResultBytes, 1, KiB),
        figure(q.medianBytes, 1, KiB),
        figure(q.medianPagefindBytes, 1, KiB),
        String(q.runs[0]?.requests ?? '–'),
      ]),
    ),
  );
}

export function markdown(results: SizeResult[]): string {
  const out = [
    ...summary(results),
    '',
    'Full-build phases, from scratch (median seconds, from when the build log\'s lines arrived):',
    '',
    ...phases(results),
    '',
    'Rebuilds with Astro\'s caches kept (median seconds, and share of the full build; targets: one edit ≤ 25 %, no change ≤ 15 %, removing no dearer than adding):',
    '',
    ...rebuilds(results),
    '',
    `Side by side with Hugo + Pagefind (\`${relative(PROJECT, VS_HUGO)} N RUNS\`: its own corpus of N articles, \`npm run build -- --force\` against \`hugo && pagefind\`, alternated after a warm-up; medians; peak is each side's largest process; target: wall ratio ≤ 1.2×):`,
    '',
    ...hugo(results),
  ];
  if (results.some((r) => r.search)) {
    out.push(
      '',
      'Search, headless Chromium, cold cache (a new context per query): median time from navigation to the first result title; bytes = response bodies (page, CSS, JS, Pagefind) of the requests finished when the first result showed, and of every request until the network is quiet after it (the server does not compress; Pagefind gzips its index files itself):',
      '',
      ...search(results),
    );
  }
  for (const r of results.filter((r) => !r.ok)) out.push('', `**n=${r.articles} failed:** ${r.failure}`);
  const conflicts = results.flatMap((r) => {
    const first = r.build?.runs[0]?.routeConflicts;
    return first?.count ? [`- n=${r.articles}: ${first.count} × ${first.examples[0]}`] : [];
  });
  if (conflicts.length) out.push('', 'Astro route-conflict warnings (pages not written):', '', ...conflicts);
  return out.join('\n');
}
