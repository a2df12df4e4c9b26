/** `scripts/bench/build-log.ts`: a build's phases from its log lines, and blanks where lines are missing. */
import { describe, expect, it } from 'vitest';
import { analyseLog, isStepLine } from '../../scripts/bench/build-log.ts';

const lines = (entries: [number, string][]) => entries.map(([at, text]) => ({ at, text }));

const LOG = lines([
  [600, '16:34:59 [parse] 200 articles from /tmp/seeds in 500 ms'],
  [1_000, '16:35:00 [content] Syncing content'],
  [1_200, '16:35:00 [seed-loader] the pages read the records `npm run build` parses from /tmp/seeds'],
  [3_000, '16:35:02 [content] Synced content'],
  [4_000, '16:35:03 [build] Building static entrypoints...'],
  [6_000, '16:35:05  generating static routes '],
  [6_100, '  ├─ /articles/a/index.html (+2ms)'],
  [9_000, '16:35:08 ✓ Completed in 3.00s.'],
  [9_500, '16:35:08 [build] 442 page(s) built in 8.50s'],
  [12_000, '16:35:11 [search-index] indexed 200 pages in 7000 ms, 1500 ms after Astro (en 200)'],
  [12_400, '16:35:11 [check-site] 200 articles, 442 pages, every article in the search index: nothing lost'],
]);

describe('analyseLog', () => {
  it('reads every phase, the page counts and the times the build logs', () => {
    const log = analyseLog(LOG, 13);
    expect(log).toMatchObject({ astroPages: 442, astroSeconds: 8.5, pagefindPages: 200, pagefindTotalSeconds: 7 });
    expect(log.phases).toEqual({
      parseSeconds: 0.6,
      startupSeconds: 0.4,
      contentSyncSeconds: 2,
      prepareSeconds: 1,
      bundleSeconds: 2,
      renderSeconds: 3,
      postRenderSeconds: 0.5,
      pagefindSeconds: 1.5,
      checkSeconds: 0.4,
      exitSeconds: 0.6,
    });
  });

  it('leaves a phase blank when a line it starts or ends at is missing, and the others as they were', () => {
    const log = analyseLog(LOG.filter(({ text }) => !/generating static routes|page\(s\) built/.test(text)), 13);
    expect(log.astroPages).toBeNull();
    expect(log.phases.bundleSeconds).toBeNull();
    expect(log.phases.renderSeconds).toBeNull();
    expect(log.phases.postRenderSeconds).toBeNull();
    expect(log.phases).toMatchObject({ contentSyncSeconds: 2, pagefindSeconds: 1.5, checkSeconds: 0.4 });
    expect(analyseLog([], 1).phases.exitSeconds).toBeNull();
  });

  it('reads a log from before the search index was written beside the render: all of it after Astro', () => {
    const log = analyseLog(LOG.map((line) => ({ ...line, text: line.text.replace('7000 ms, 1500 ms after Astro', '1500 ms') })), 13);
    expect(log).toMatchObject({ pagefindTotalSeconds: 1.5, phases: { pagefindSeconds: 1.5, checkSeconds: 0.4 } });
  });

  it("counts the check from Astro's end when the search index was written before it", () => {
    const early = LOG.map((line) => (line.text.includes('[search-index]') ? { at: 8_000, text: line.text.replace('1500 ms after Astro', '0 ms after Astro') } : line));
    expect(analyseLog(early, 13).phases).toMatchObject({ postRenderSeconds: 0.5, pagefindSeconds: 0, checkSeconds: 2.9 });
  });

  it("counts Astro's phases from the parse's end when Astro was through them first, never twice", () => {
    const late = LOG.map((line) => (line.text.includes('[parse]') ? { ...line, at: 5_000 } : line)).sort((a, b) => a.at - b.at);
    const { phases } = analyseLog(late, 13);
    expect(phases).toMatchObject({ parseSeconds: 5, startupSeconds: 0, contentSyncSeconds: 0, prepareSeconds: 0, bundleSeconds: 1, renderSeconds: 3 });
    const total = (log: ReturnType<typeof analyseLog>) => Object.values(log.phases).reduce((sum, seconds) => sum! + seconds!, 0)!;
    expect(total(analyseLog(late, 13))).toBeCloseTo(total(analyseLog(LOG, 13)));
  });

  it("takes the render's end after its start when Astro's lines arrived at once (the build reads them late while it parses)", () => {
    const burst = LOG.map((line) => (line.at >= 1_000 && line.at <= 6_000 ? { ...line, at: 6_000 } : line));
    const withInfo = [...burst.slice(0, 4), { at: 6_000, text: '16:35:03 [build] ✓ Completed in 1.85s.' }, ...burst.slice(4)];
    expect(analyseLog(withInfo, 13).phases).toMatchObject({ renderSeconds: 3, postRenderSeconds: 0.5 });
  });

  it("takes Astro's durations in minutes too", () => {
    expect(analyseLog(lines([[0, '[build] 59598 page(s) built in 2m 10s']]), 1).astroSeconds).toBe(130);
  });
});

describe('isStepLine', () => {
  it("shows the build's steps, not Astro's per-page lines", () => {
    expect(isStepLine('16:35:11 [search-index] indexed 200 pages in 1500 ms')).toBe(true);
    expect(isStepLine('  ├─ /tags/[x]/index.html (+2ms)')).toBe(false);
    expect(isStepLine('  └─ /articles/a/index.html (+2ms)')).toBe(false);
  });
});
