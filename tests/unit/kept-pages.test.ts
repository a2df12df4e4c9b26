/** Which static paths a keyed route hands Astro: under `npm run build`, only the pages not already in place under the same key. */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keptPagesEnv, pageKeysIn, pagesToRender } from '../../src/lib/kept-pages.ts';

const scratch = await mkdtemp(join(tmpdir(), 'news-archive-kept-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const path = (slug: string, cacheKey: string) => ({ params: { slug }, props: { title: slug.toUpperCase() }, url: `/articles/${slug}/`, cacheKey });
const paths = [path('a', 'key-a'), path('b', 'key-b2'), path('c', 'key-c')];

describe('pagesToRender', () => {
  it('outside `npm run build` gives Astro every path, as params and props', async () => {
    expect(await pagesToRender(paths)).toEqual([
      { params: { slug: 'a' }, props: { title: 'A' } },
      { params: { slug: 'b' }, props: { title: 'B' } },
      { params: { slug: 'c' }, props: { title: 'C' } },
    ]);
  });

  it('under `npm run build` leaves out the pages in place under the same key, once the build names them, and records every key', async () => {
    const [inPlaceFile, keysFolder] = [join(scratch, 'in-place.json'), join(scratch, 'keys')];
    await mkdir(keysFolder);
    Object.assign(process.env, keptPagesEnv(inPlaceFile, keysFolder));
    try {
      const asked = pagesToRender(paths);
      // The route waits for the build to say which pages it put in place.
      await new Promise((resolve) => setTimeout(resolve, 50));
      // `a` unchanged, `b` changed, `c` new; `d` no longer a page.
      await writeFile(inPlaceFile, JSON.stringify({ '/articles/a/': 'key-a', '/articles/b/': 'key-b1', '/articles/d/': 'key-d' }));
      expect(await asked).toEqual([
        { params: { slug: 'b' }, props: { title: 'B' } },
        { params: { slug: 'c' }, props: { title: 'C' } },
      ]);
      expect(await readdir(keysFolder)).toHaveLength(1);
      expect(pageKeysIn(keysFolder)).toEqual({ '/articles/a/': 'key-a', '/articles/b/': 'key-b2', '/articles/c/': 'key-c' });
    } finally {
      for (const name of Object.keys(keptPagesEnv('', ''))) delete process.env[name];
    }
  });

  it('is how every route with static paths hands them to Astro: a route that did not would record no keys, and its pages would never be kept', async () => {
    const pages = join(import.meta.dirname, '..', '..', 'src', 'pages');
    const routes = (await readdir(pages, { recursive: true })).filter((file) => file.endsWith('.astro'));
    const sources = await Promise.all(routes.map(async (file) => ({ file, source: await readFile(join(pages, file), 'utf8') })));
    const withPaths = sources.filter(({ source }) => source.includes('getStaticPaths'));
    expect(withPaths.map(({ file }) => file)).toContain(join('articles', '[slug].astro'));
    for (const { file, source } of withPaths) expect(source, file).toMatch(/return pagesToRender\(/);
  });
});
