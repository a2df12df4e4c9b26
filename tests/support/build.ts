import { execFile } from 'node:child_process';
import { mkdtemp, rmdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PROJECT = join(import.meta.dirname, '..', '..');

/** Settings given to a build by environment variables, as site.config.ts says. */
type Settings = { SITE_URL?: string; SITE_NAME?: string; SEARCH_BUNDLE_SIZE?: string };

/**
 * The environment of a build or dev server: this process's without the site settings (unless
 * `settings` gives them) and without what Vitest adds: its NODE_ENV, its copy of import.meta.env
 * (DEV, PROD, MODE…), which Astro would read as the site's own (`npm run build` drops those
 * itself), and VITEST*, which makes `astro dev` leave requests to a test runner.
 */
export function buildEnv(settings: Settings = {}): NodeJS.ProcessEnv {
  const vitest = ['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL', 'TEST'];
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !['SITE_URL', 'SITE_NAME', 'SEARCH_BUNDLE_SIZE', ...vitest].includes(name) && !name.startsWith('VITEST')),
  );
  return { ...env, ...settings };
}

/**
 * Builds the site from `seedsDir` with `npm run build`'s script into a fresh temporary folder;
 * returns it with the build's output. `--force`: every page is rendered, whatever Astro's cache
 * holds (tests/e2e/build.test.ts tests incremental rebuilds on their own).
 */
export async function buildSite(seedsDir: string, settings: Settings = {}): Promise<{ outDir: string; log: string }> {
  // A fresh name only: the build would keep a folder already there (even an empty one) as its spare, beside the site.
  const outDir = await mkdtemp(join(tmpdir(), 'news-archive-site-'));
  await rmdir(outDir);
  const { stdout, stderr } = await run(process.execPath, ['scripts/build.ts', '--force'], {
    cwd: PROJECT,
    env: { ...buildEnv(settings), SEEDS_DIR: seedsDir, OUT_DIR: outDir },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { outDir, log: stdout + stderr };
}
