/**
 * `npm run build`: builds into a fresh folder beside `dist/` and swaps it in only when the
 * whole build — parse, pages, search index and the nothing-lost check — has succeeded, so a
 * failed build never leaves a half-built site over a good one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';

const dist = resolve(process.env.OUT_DIR ?? 'dist');
const next = `${dist}.next`;
const previous = `${dist}.previous`;

await rm(next, { recursive: true, force: true });
const astro = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', next], { stdio: 'inherit' });
if (astro.status !== 0) {
  await rm(next, { recursive: true, force: true });
  console.error(`build: failed; ${existsSync(dist) ? 'the previous dist/ is left as it was' : 'no dist/ written'}`);
  process.exit(astro.status ?? 1);
}
await rm(previous, { recursive: true, force: true });
if (existsSync(dist)) await rename(dist, previous);
await rename(next, dist);
await rm(previous, { recursive: true, force: true });
console.error(`build: ${dist} is ready`);
