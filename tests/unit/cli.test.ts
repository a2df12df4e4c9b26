/** The `node scripts/parse.ts <dir>` command: JSON on stdout, exit code from the problems. */
import { describe, expect, it } from 'vitest';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import { ArticleSchema, ProblemSchema } from '../../src/ingest/record.ts';
import { SEEDS_DIR, makeSeedDir, runCli, utf8 } from './helpers.ts';

// Each run starts a Node process; allow for a slow machine.
describe('scripts/parse.ts', { timeout: 30_000 }, () => {
  it('exits 0 on the seeds and prints { articles, problems } as JSON', async () => {
    const run = runCli(SEEDS_DIR);
    expect(run.status).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(Object.keys(output)).toEqual(['articles', 'problems']);
    expect(output.articles).toHaveLength(46);
    for (const article of output.articles) ArticleSchema.parse(article);
    expect(output).toEqual(JSON.parse(JSON.stringify(await parseSeedDir(SEEDS_DIR))));
    expect(run.stderr).toContain('46 articles');
  });

  it('prints identical stdout when run twice', () => {
    expect(runCli(SEEDS_DIR).stdout).toBe(runCli(SEEDS_DIR).stdout);
  });

  it('exits 1 when a seed file has an error, still printing the JSON and naming the file on stderr', async () => {
    const dir = await makeSeedDir({
      'good.txt': 'A good headline\n\nA paragraph.\n\nAnother.\n',
      'bad.txt': new Uint8Array([...utf8('A headline\n\nText '), 0xc3, 0x28, ...utf8('\n')]),
    });
    const run = runCli(dir);
    expect(run.status).toBe(1);
    const output = JSON.parse(run.stdout);
    expect(output.articles).toHaveLength(1);
    expect(output.problems.map((problem: unknown) => ProblemSchema.parse(problem))).toEqual([
      expect.objectContaining({ file: 'bad.txt', severity: 'error' }),
    ]);
    expect(run.stderr).toMatch(/^bad\.txt:3: error: .*byte offset 17/m);
  });

  it('exits 0 when there are only warnings', async () => {
    const dir = await makeSeedDir({ 'good.txt': 'A good headline\n\nA paragraph.\n\nAnother.\n', 'empty.txt': '' });
    const run = runCli(dir);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^empty\.txt:1: warning: /m);
  });
});
