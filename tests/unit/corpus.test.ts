/** `scripts/corpus.ts`: the synthetic corpus parses cleanly, in all three shapes, deterministically. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/ingest/frontmatter.ts';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import type { ParseResult } from '../../src/ingest/record.ts';
import { detectShape, type Shape } from '../../src/ingest/shapes.ts';
import { ROOT } from './helpers.ts';

const ARTICLES = 200;
const TAGS = 20;
const SOURCES = 10;

function generate(out: string, ...extra: string[]) {
  const args = ['scripts/corpus.ts', '--articles', String(ARTICLES), '--out', out, '--seed', '7', '--tags', String(TAGS), '--sources', String(SOURCES), ...extra];
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
}

const fold = (name: string) => name.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

describe('scripts/corpus.ts', { timeout: 60_000 }, () => {
  let root: string;
  let dir: string;
  let stderr: string;
  let result: ParseResult;
  let files: { name: string; text: string; shape: Shape; frontMatter: boolean; content: string }[];

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'corpus-test-'));
    dir = join(root, 'a');
    const run = generate(dir);
    expect(run.status, run.stderr).toBe(0);
    stderr = run.stderr;
    result = await parseSeedDir(dir);
    files = await Promise.all(
      (await readdir(dir)).sort().map(async (name) => {
        const text = await readFile(join(dir, name), 'utf8');
        const { content } = readFrontMatter(text, name);
        return { name, text, content, frontMatter: text.startsWith('---\n'), shape: detectShape(content.split('\n')) };
      }),
    );
  });

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('parses with no errors into the number of articles it announces, warning only of duplicates dated apart', () => {
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    for (const { message } of result.problems) expect(message).toMatch(/ is dated \S+ here \(\S+\) but /);
    const expected = Number(stderr.match(/expected distinct articles: (\d+)/)?.[1]);
    expect(expected).toBe(ARTICLES);
    expect(result.articles).toHaveLength(expected);
  });

  it('writes all three shapes in roughly the real seeds’ proportions, about 10 and 6 entries a file', () => {
    const byShape = (shape: Shape) => files.filter((file) => file.shape === shape);
    for (const shape of ['listing', 'tag-page', 'full-text'] as const) expect(byShape(shape).length, shape).toBeGreaterThan(0);
    const captures = (shape: Shape) =>
      result.articles.flatMap((article) => article.origins).filter((origin) => byShape(shape).some((file) => file.name === origin.file)).length;
    const total = ARTICLES + Math.round(ARTICLES * 0.03);
    expect(captures('listing') + captures('tag-page') + captures('full-text')).toBe(total);
    expect(captures('listing') / total).toBeGreaterThan(0.25);
    expect(captures('tag-page') / total).toBeGreaterThan(0.25);
    expect(captures('full-text') / total).toBeGreaterThan(0.1);
    expect(captures('full-text') / total).toBeLessThan(0.3);
    expect(captures('listing') / byShape('listing').length).toBeGreaterThanOrEqual(7);
    expect(captures('full-text') / byShape('full-text').length).toBeGreaterThanOrEqual(4);
  });

  it('lays the files out like the real seeds', () => {
    for (const file of files) {
      expect(file.text.endsWith('\n'), file.name).toBe(false);
      expect(file.name).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      if (file.shape === 'listing') {
        for (const entry of file.content.split('\n\n\n')) expect(entry).toMatch(/^[^\n]+\n\n[^\n]+…\.?$/);
      } else if (file.shape === 'tag-page') {
        expect(file.content).toMatch(/^Contents tagged with [^\n]+\n\n {2}• /);
        for (const entry of file.content.split('\n\n  • ').slice(1)) expect(entry).toMatch(/^[^\n]+(\n\n {4}[^\n]+)+\u00a0…$/);
      } else {
        expect(file.content).toContain('\n\n\n\n\n');
        expect(file.content).not.toMatch(/\n{6}/);
      }
    }
    expect(files.some((file) => /\nSource: [^\n]+\n[^\n]/.test(file.content))).toBe(true);
    expect(files.some((file) => /\nBy [^\n]+\n[^\n]/.test(file.content))).toBe(true);
  });

  it('uses the configured number of tags and sources, most articles dated, some with headings and links', () => {
    const tags = new Set(result.articles.flatMap((article) => article.tags.map(fold)));
    const sources = new Set(result.articles.flatMap((article) => article.sources.map(fold)));
    expect(tags.size).toBe(TAGS);
    expect(sources.size).toBe(SOURCES);
    expect(stderr).toContain(`${TAGS} tags, ${SOURCES} sources`);
    expect(files.filter((file) => file.frontMatter).length / files.length).toBeGreaterThan(0.6);
    expect(result.articles.filter((article) => article.date).length / ARTICLES).toBeGreaterThan(0.6);
    const years = result.articles.flatMap((article) => (article.date ? [Number(article.date.slice(0, 4))] : []));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(2011);
    expect(Math.max(...years)).toBeLessThanOrEqual(2024);
    expect(result.articles.some((article) => article.authors.length)).toBe(true);
    expect(result.articles.some((article) => article.body.includes('\n## '))).toBe(true);
  });

  it('captures about 3% of titles twice, in two files, merged into one record', () => {
    const merged = result.articles.filter((article) => article.origins.length > 1);
    expect(merged).toHaveLength(Math.round(ARTICLES * 0.03));
    for (const article of merged) {
      expect(article.origins).toHaveLength(2);
      expect(new Set(article.origins.map((origin) => origin.file)).size).toBe(2);
    }
  });

  it('writes byte-identical files for the same arguments', async () => {
    const again = join(root, 'b');
    expect(generate(again).status).toBe(0);
    const names = (await readdir(again)).sort();
    expect(names).toEqual(files.map((file) => file.name));
    for (const name of names) expect((await readFile(join(again, name))).equals(await readFile(join(dir, name))), name).toBe(true);
  });

  it('refuses a non-empty folder unless --force', () => {
    const refused = generate(dir);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/not empty/);
    expect(generate(dir, '--force').status).toBe(0);
  });
});
