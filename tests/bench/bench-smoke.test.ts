/**
 * Smoke run of `scripts/bench.ts`: a 200-article corpus, one full build, the four rebuilds,
 * three searches in headless Chromium, and the side by side with Hugo + Pagefind when
 * ../shared/bench/vs-hugo is there (it needs `hugo`: .ci/run installs it). About seven builds,
 * two to three minutes on two cores; it deletes Astro's caches like any from-scratch build, so do
 * not run it in parallel with other builds of this project (e.g. the e2e project).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VS_HUGO } from '../../scripts/bench/hugo.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('scripts/bench.ts smoke run', () => {
  let dir: string;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('measures a 200-article corpus end to end and writes every field', { timeout: 600_000 }, async () => {
    dir = await mkdtemp(join(tmpdir(), 'bench-smoke-'));
    const json = join(dir, 'bench.json');
    const result = await run(['scripts/bench.ts', '--articles', '200', '--runs', '1', '--search', '--json', json, '--wait-min', '2']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^\| articles \|/);

    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report.machine.node).toMatch(/^v\d+/);
    expect(report.results).toHaveLength(1);
    const [r] = report.results;
    expect(r.ok).toBe(true);
    expect(r.articles).toBe(200);

    expect(r.corpus.expectedArticles).toBe(200);
    expect(r.corpus.files).toBeGreaterThan(10);
    expect(r.corpus.bytes).toBeGreaterThan(50_000);
    expect(r.parse.articles).toBe(200);
    expect(r.parse.errors).toBe(0);
    expect(r.parse.mbPerSecond).toBeGreaterThan(0);
    expect(r.names.loadSeconds).toBeGreaterThan(0);
    expect(r.names.matchSeconds).toBeGreaterThan(0);
    expect(r.names.entitiesPerArticle).toBeGreaterThan(0);

    const [full] = r.build.runs;
    expect(full.pagefindPages).toBe(200);
    const build = r.build.median;
    expect(build.wallSeconds).toBeGreaterThan(0);
    expect(build.peakRssBytes).toBeGreaterThan(50 * 2 ** 20);
    expect(build.peakRssBytes).toBeLessThan(16 * 2 ** 30);
    // Lines other changes may drop leave their phases null; the search index and the check always log
    // (the index often all while Astro renders, so nothing after it).
    expect(full.pagefindTotalSeconds).toBeGreaterThan(0);
    expect(build.phases.pagefindSeconds).toBeGreaterThanOrEqual(0);
    expect(build.phases.checkSeconds).toBeGreaterThanOrEqual(0);
    const found = Object.values(build.phases).filter((seconds) => seconds !== null) as number[];
    for (const seconds of found) expect(seconds).toBeGreaterThanOrEqual(0);
    expect(found.reduce((sum, seconds) => sum + seconds, 0)).toBeLessThanOrEqual(build.wallSeconds + 0.01);

    expect(r.site.htmlPages).toBeGreaterThan(200);
    expect(r.site.distBytes).toBeGreaterThan(r.site.pagefindBytes);
    expect(r.site.pagefindBytes).toBeGreaterThan(10_000);
    expect(r.site.articlePage.htmlBytes).toBeGreaterThan(500);
    expect(r.site.articlePage.cssBytes).toBeGreaterThan(0);
    expect(r.site.articlePage.totalBytes).toBe(r.site.articlePage.htmlBytes + r.site.articlePage.cssBytes + r.site.articlePage.jsBytes);

    for (const kind of ['noChange', 'edit', 'remove', 'addBack']) {
      expect(r.rebuilds[kind].runs[0].ok, kind).toBe(true);
      expect(r.rebuilds[kind].medianWallSeconds, kind).toBeGreaterThan(0);
      expect(r.rebuilds[kind].shareOfFullBuild, kind).toBeGreaterThan(0);
    }
    // The removal really took articles out of the site, and putting the files back brought them all back.
    expect(r.rebuilds.removedFiles).toBeGreaterThanOrEqual(2);
    expect(r.rebuilds.remove.runs[0].pagefindPages).toBeLessThan(200);
    expect(r.rebuilds.addBack.runs[0].pagefindPages).toBe(200);

    expect(r.search.map((q: { kind: string }) => q.kind)).toEqual(['common', 'rare', 'tag']);
    for (const query of r.search) {
      expect(query.medianFirstResultMs, query.kind).toBeGreaterThan(0);
      expect(query.medianFirstResultMs, query.kind).toBeLessThan(60_000);
      expect(query.medianBytes, query.kind).toBeGreaterThan(query.medianPagefindBytes);
      expect(query.medianFirstResultBytes, query.kind).toBeGreaterThan(10_000);
      expect(query.medianFirstResultBytes, query.kind).toBeLessThanOrEqual(query.medianBytes);
      expect(query.medianPagefindBytes, query.kind).toBeGreaterThan(10_000);
      expect(query.results, query.kind).toMatch(/\d+ results? for/);
    }
    expect(r.search.find((q: { kind: string }) => q.kind === 'rare').corpusArticles).toBeLessThanOrEqual(5);

    if (existsSync(VS_HUGO)) {
      expect(r.hugo.status, r.hugo.reason).toBe('measured');
      expect(r.hugo.project.wallSeconds).toBeGreaterThan(0);
      expect(r.hugo.hugoPagefind.wallSeconds).toBeGreaterThan(0);
      expect(r.hugo.wallRatio).toBeGreaterThan(0);
      expect(result.stdout).toContain(`**${r.hugo.wallRatio.toFixed(2)}×**`);
    } else {
      expect(r.hugo.status).toBe('skipped');
      expect(result.stdout).toMatch(/Hugo \+ Pagefind side was skipped: .*vs-hugo not found/);
    }
  });
});
