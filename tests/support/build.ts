import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PROJECT = join(import.meta.dirname, '..', '..');

/** Builds the site from `seedsDir` into a fresh temporary folder and returns it with the build's output. */
export async function buildSite(seedsDir: string): Promise<{ outDir: string; log: string }> {
  const outDir = await mkdtemp(join(tmpdir(), 'news-archive-site-'));
  const astro = join(PROJECT, 'node_modules/astro/bin/astro.mjs');
  const { stdout, stderr } = await run(process.execPath, [astro, 'build', '--outDir', outDir], {
    cwd: PROJECT,
    env: { ...process.env, SEEDS_DIR: seedsDir },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { outDir, log: stdout + stderr };
}
