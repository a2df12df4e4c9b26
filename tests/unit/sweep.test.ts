/** Once Astro is done, the build's folder loses what no page of this build has (scripts/lib/page-cache.ts sweep). */
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { sweep } from '../../scripts/lib/page-cache.ts';

const scratch = await mkdtemp(join(tmpdir(), 'news-archive-sweep-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Writes `paths` under `folder`, dated an hour ago when `old`. */
async function files(folder: string, paths: string[], { old }: { old: boolean }) {
  const then = new Date(Date.now() - 3_600_000);
  for (const path of paths) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), path);
    if (old) await utimes(join(folder, path), then, then);
  }
}

async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(folder, join(entry.parentPath, entry.name))).sort();
}

it('moves aside every file neither kept nor written by this build, whole folders where all they hold goes, and keeps the search index', async () => {
  const site = join(scratch, 'site');
  const trash = join(scratch, 'trash');
  await mkdir(trash);
  const kept = ['index.html', 'favicon.svg', 'articles/kept/index.html', 'tags/syria/index.html'];
  const stale = ['articles/gone/index.html', 'articles/also-gone/index.html', 'tags/syria/2/index.html', 'tags/gone/index.html', 'tags/gone/2/index.html', 'old.html'];
  await files(site, [...kept, ...stale, 'pagefind/en/fragment/old.pf_fragment'], { old: true });
  await files(site, ['articles/new/index.html', 'tags/syria/3/index.html'], { old: false });
  const started = Date.now() - 60_000;

  expect(sweep(site, new Set(kept), started, trash)).toBe(stale.length);

  expect(await filesIn(site)).toEqual(
    [...kept, 'articles/new/index.html', 'tags/syria/3/index.html', 'pagefind/en/fragment/old.pf_fragment'].sort(),
  );
  // A folder all of whose files go, goes as one: the two articles', the gone tag's, that of syria's second page; and old.html.
  expect(await readdir(trash)).toHaveLength(5);
  expect(await filesIn(trash)).toHaveLength(stale.length);
});
