/**
 * Smoke run of `scripts/bench.ts`: a 200-article corpus, one build, one rebuild, three searches
 * in headless Chromium. Builds the site twice (about 30–60 s on two cores) and deletes Astro's
 * caches (node_modules/.astro, .astro) like any from-scratch build, so do not run it in
 * parallel with other builds of this project (e.g. the e2e project).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

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

  it('measures a 200-article corpus end to end and writes every field', { timeout: 180_000 }, async () => {
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

    const build = r.build.median;
    expect(build.wallSeconds).toBeGreaterThan(0);
    expect(build.astroSeconds).toBeGreaterThan(0);
    expect(build.astroSeconds).toBeLessThanOrEqual(build.wallSeconds);
    expect(build.pagefindSeconds).toBeGreaterThan(0);
    expect(build.peakRssBytes).toBeGreaterThan(50 * 2 ** 20);
    expect(build.peakRssBytes).toBeLessThan(16 * 2 ** 30);
    for (const phase of ['startupSeconds', 'contentSyncSeconds', 'bundleSeconds', 'renderSeconds', 'pagefindSeconds']) {
      expect(build[`phase.${phase}`], phase).toBeGreaterThanOrEqual(0);
    }
    expect(r.build.runs[0].loaderArticles).toBe(200);

    expect(r.site.htmlPages).toBeGreaterThan(200);
    expect(r.build.runs[0].astroPages).toBe(r.site.htmlPages);
    expect(r.site.distBytes).toBeGreaterThan(r.site.pagefindBytes);
    expect(r.site.pagefindBytes).toBeGreaterThan(10_000);
    expect(r.site.articlePage.htmlBytes).toBeGreaterThan(500);
    expect(r.site.articlePage.cssBytes).toBeGreaterThan(0);
    expect(r.site.articlePage.totalBytes).toBe(r.site.articlePage.htmlBytes + r.site.articlePage.cssBytes + r.site.articlePage.jsBytes);

    expect(r.rebuild.medianWallSeconds).toBeGreaterThan(0);
    expect(r.rebuild.ratioToFullBuild).toBeGreaterThan(0);
    expect(r.rebuild.runs[0].ok).toBe(true);

    expect(r.search.queries.map((q: { kind: string }) => q.kind)).toEqual(['common', 'rare', 'tag']);
    for (const query of r.search.queries) {
      expect(query.medianFirstResultMs, query.kind).toBeGreaterThan(0);
      expect(query.medianFirstResultMs, query.kind).toBeLessThan(60_000);
      expect(query.medianBytes, query.kind).toBeGreaterThan(query.medianPagefindBytes);
      expect(query.medianPagefindBytes, query.kind).toBeGreaterThan(10_000);
      expect(query.results, query.kind).toMatch(/\d+ results? for/);
    }
    expect(r.search.queries.find((q: { kind: string }) => q.kind === 'rare').corpusArticles).toBeLessThanOrEqual(5);
  });
});
