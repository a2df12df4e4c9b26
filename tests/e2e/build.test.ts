import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, linkSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CheckMemo } from '../../scripts/lib/check-memo.ts';
import { checkBuiltSite } from '../../scripts/lib/check-site.ts';
import { PAGE_SIZE } from '../../src/consts.ts';
import { parseSeedDir } from '../../src/ingest/ingest.ts';
import { wordsOf } from '../../src/ingest/words.ts';
import { PERMALINKS_FILE } from '../../src/ingest/permalinks.ts';
import { neighbours, type Neighbours } from '../../src/lib/neighbours.ts';
import type { Article } from '../../src/ingest/record.ts';
import { relatedLink } from '../../src/lib/related.ts';
import { buildArchive } from '../../src/lib/taxonomy.ts';
import { buildEnv, buildSite, PROJECT } from '../support/build.ts';

const run = promisify(execFile);
const scratch: string[] = [];

/** The inode of each page of a built site: a page kept from the last build is the last site's file, linked; a page rendered again is a new file. */
function pageInodes(site: string): Map<string, number> {
  const pages = readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  return new Map(pages.map((file) => [file, statSync(join(site, file)).ino]));
}

async function scratchDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'news-archive-build-test-'));
  scratch.push(dir);
  return dir;
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const pairs = await Promise.all(
    files.map(async (entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path.slice(dir.length), (await readFile(path)).toString('base64')] as const;
    }),
  );
  return new Map(pairs.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** `npm run build`'s script, writing to `outDir` instead of the project's dist/. */
async function npmBuild(seedsDir: string, outDir: string, args: string[] = []) {
  return run(process.execPath, ['scripts/build.ts', ...args], { cwd: PROJECT, env: { ...buildEnv(), SEEDS_DIR: seedsDir, OUT_DIR: outDir }, maxBuffer: 64 << 20 })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stdout + error.stderr }));
}

afterAll(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('builds', () => {
  it('two builds of the same seeds are byte for byte identical', async () => {
    const again = await buildSite(join(PROJECT, 'seeds'));
    scratch.push(again.outDir);
    const [first, second] = await Promise.all([snapshot(inject('siteDir')), snapshot(again.outDir)]);
    expect([...second.keys()]).toEqual([...first.keys()]);
    const differing = [...first].filter(([path, bytes]) => second.get(path) !== bytes).map(([path]) => path);
    expect(differing).toEqual([]);
  });

  it("hands the pages the records it parsed, past Astro's data store, which keeps only the gazetteer's names", async () => {
    await buildSite(join(PROJECT, 'seeds')).then(({ outDir }) => scratch.push(outDir));
    const { articles } = await parseSeedDir(join(PROJECT, 'seeds'));
    const store = await readFile(join(PROJECT, 'node_modules', '.astro', 'data-store.json'), 'utf8');
    expect(store).toContain('Syrian Arab Republic');
    expect(articles.filter((article) => store.includes(article.title))).toEqual([]);
  });

  it('a failed build names the file and byte offset, or the unreadable file, and leaves the last good site in place', async () => {
    const seeds = await scratchDir();
    const out = join(await scratchDir(), 'dist');
    await cp(join(PROJECT, 'seeds'), seeds, { recursive: true });
    expect((await npmBuild(seeds, out)).code).toBe(0);
    const good = await snapshot(out);

    await writeFile(join(seeds, 'bad.txt'), Buffer.concat([Buffer.from('Title\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]));
    const invalid = await npmBuild(seeds, out);
    expect(invalid.code).not.toBe(0);
    expect(invalid.stderr).toMatch(/bad\.txt:3: error: invalid UTF-8 at byte offset 10/);
    expect(await snapshot(out)).toEqual(good);

    await rm(join(seeds, 'bad.txt'));
    await symlink(join(seeds, 'no-such-file.txt'), join(seeds, 'gone.txt'));
    const unreadable = await npmBuild(seeds, out);
    expect(unreadable.code).not.toBe(0);
    expect(unreadable.stderr).toMatch(/gone\.txt: error: cannot read file/);
    expect(await snapshot(out)).toEqual(good);

    const empty = await npmBuild(await scratchDir(), out);
    expect(empty.code).not.toBe(0);
    expect(empty.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^build: \S+: error: the seed folder holds no \.txt file: .*; the previous dist\/ is left as it was$/),
    ]);
    expect(await snapshot(out)).toEqual(good);
  });

  it('two builds started at once in one checkout take turns, and both succeed', async () => {
    const [first, second] = [join(await scratchDir(), 'dist'), join(await scratchDir(), 'dist')];
    const seeds = join(PROJECT, 'seeds');
    const runs = await Promise.all([npmBuild(seeds, first, ['--force']), new Promise((wait) => setTimeout(wait, 500)).then(() => npmBuild(seeds, second, ['--force']))]);
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    expect(runs[1].stdout).toMatch(/\[build\] another build of this checkout is running \(pid \d+\); waiting for it to finish/);
    expect(existsSync(join(first, 'index.html')) && existsSync(join(second, 'index.html'))).toBe(true);
  });

  it('a rebuild after an edit and a new title renders only those articles, their neighbours and the articles they are related to, drops the old page, and gives what a full build gives', async () => {
    const seeds = await scratchDir();
    const [incremental, full] = [join(await scratchDir(), 'dist'), join(await scratchDir(), 'dist')];
    await cp(join(PROJECT, 'seeds'), seeds, { recursive: true });
    expect((await npmBuild(seeds, incremental)).code).toBe(0);

    const { articles } = await parseSeedDir(seeds);
    const edit = async ({ file, line }: { file: string; line: number }, change: (text: string, lineStart: number) => string) => {
      const text = await readFile(join(seeds, file), 'utf8');
      await writeFile(join(seeds, file), change(text, text.split('\n').slice(0, line - 1).join('\n').length + 1));
    };
    await edit(articles[articles.length >> 1].origins[0], (text, start) => {
      const at = text.indexOf(' the ', start);
      return `${text.slice(0, at)} THE ${text.slice(at + 5)}`;
    });
    const lineOf = ({ file, line }: { file: string; line: number }) => readFileSync(join(seeds, file), 'utf8').split('\n')[line - 1];
    const renamed = articles.find((article) => lineOf(article.origins[0]) === article.title)!;
    await edit(renamed.origins[0], (text, start) => `${text.slice(0, start)}Retitled: ${text.slice(start)}`);
    const changed = (await parseSeedDir(seeds)).articles;
    const [edited, ...others] = changed.filter((article) => JSON.stringify(article).includes(' THE '));
    expect(others).toEqual([]);
    const retitled = changed.find((article) => article.title === `Retitled: ${renamed.title}`)!;
    expect(retitled.slug).not.toBe(renamed.slug);
    // An article page shows its previous and next article's title: the pages around the old and the new title change too.
    const shown = (around: Neighbours) => [around.previous, around.next].map((article) => article && `${article.slug} ${article.title}`);
    const [aroundBefore, aroundAfter] = [neighbours(articles), neighbours(changed)];
    const newNeighbours = changed.filter(
      (article) => aroundBefore.has(article.slug) && JSON.stringify(shown(aroundBefore.get(article.slug)!)) !== JSON.stringify(shown(aroundAfter.get(article.slug)!)),
    );
    expect(newNeighbours.length).toBeGreaterThan(0);
    // And its related articles' titles: the pages that list the retitled article, or whose list it reorders, change too.
    const relatedOf = (list: Article[]) => {
      const archive = buildArchive(list);
      return new Map(list.map((article) => [article.slug, JSON.stringify(archive.relatedTo(article).map(relatedLink))]));
    };
    const [relatedBefore, relatedAfter] = [relatedOf(articles), relatedOf(changed)];
    const newRelated = changed.filter((article) => relatedBefore.has(article.slug) && relatedBefore.get(article.slug) !== relatedAfter.get(article.slug));
    expect(newRelated.length).toBeGreaterThan(0);

    // The new site starts as hard links to the live site's pages: a page rendered again must get a file of its own.
    const editedPage = join('articles', edited.slug, 'index.html');
    const witness = join(await scratchDir(), 'witness.html');
    linkSync(join(incremental, editedPage), witness);
    const before = readFileSync(witness, 'utf8');

    // A page kept is the last site's file, linked (the same inode); a page rendered again is a new file.
    const inodesBefore = pageInodes(incremental);
    const rebuild = await npmBuild(seeds, incremental);
    expect(rebuild.code).toBe(0);
    expect(readFileSync(witness, 'utf8')).toBe(before);
    expect(before).not.toContain(' THE ');
    expect(rebuild.stdout).toMatch(/\[page-cache\] \d+ pages of the last build kept as they were/);
    const inodesAfter = pageInodes(incremental);
    const rendered = [...inodesAfter].filter(([file, inode]) => inodesBefore.get(file) !== inode).map(([file]) => file);
    const expected = new Set([edited, retitled, ...newNeighbours, ...newRelated].map((article) => `articles/${article.slug}/index.html`));
    expect(rendered.filter((file) => file.startsWith('articles/')).sort()).toEqual([...expected].sort());
    expect(rendered.length).toBeLessThan(inodesAfter.size / 2);
    expect(await readFile(join(incremental, 'articles', edited.slug, 'index.html'), 'utf8')).toContain(' THE ');
    expect(existsSync(join(incremental, 'articles', renamed.slug))).toBe(false);

    const sameAsFullBuild = async () => {
      expect((await npmBuild(seeds, full, ['--force'])).code).toBe(0);
      const [fromCache, fromScratch] = await Promise.all([snapshot(incremental), snapshot(full)]);
      expect([...fromCache.keys()]).toEqual([...fromScratch.keys()]);
      expect([...fromCache].filter(([path, bytes]) => fromScratch.get(path) !== bytes).map(([path]) => path)).toEqual([]);
    };
    await sameAsFullBuild();

    // The title back as it was: this build starts from the site before the live one (out.spare),
    // which has the old page and not the new one; what it ends with is still a full build's site.
    await edit(retitled.origins[0], (text, start) => text.slice(0, start) + text.slice(start + 'Retitled: '.length));
    expect(existsSync(`${incremental}.spare`)).toBe(true);
    expect((await npmBuild(seeds, incremental)).code).toBe(0);
    expect(existsSync(join(incremental, 'articles', renamed.slug))).toBe(true);
    expect(existsSync(join(incremental, 'articles', retitled.slug))).toBe(false);
    await sameAsFullBuild();
  });

  it('a new title that slugifies like an older one leaves the older article at its address', async () => {
    const seeds = await scratchDir();
    const out = join(await scratchDir(), 'dist');
    await cp(join(PROJECT, 'seeds'), seeds, { recursive: true });
    await rm(join(seeds, PERMALINKS_FILE));
    const first = await npmBuild(seeds, out);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/\[permalinks\] recorded the addresses of 46 new articles/);
    const recorded = await readFile(join(seeds, PERMALINKS_FILE), 'utf8');
    expect(recorded).toBe(await readFile(join(PROJECT, 'seeds', PERMALINKS_FILE), 'utf8'));

    // “Yankees” in Syria: the same slug, and a title key that sorts first, so by content alone it would take the plain slug.
    const older = (await parseSeedDir(seeds)).articles.find((article) => article.title === 'Yankees in Syria')!;
    expect(older.slug).toBe('yankees-in-syria');
    await writeFile(join(seeds, 'zzz-new.txt'), '“Yankees” in Syria\n\nA newer capture under a look-alike headline.\n\nIts second paragraph.\n');

    const second = await npmBuild(seeds, out);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/\[permalinks\] recorded the addresses of 1 new articles/);
    expect(await readFile(join(out, 'articles', older.slug, 'index.html'), 'utf8')).toContain('<h1 data-pagefind-meta="title">Yankees in Syria</h1>');
    const newer = (await parseSeedDir(seeds)).articles.find((article) => article.title === '“Yankees” in Syria')!;
    expect(newer.slug).toMatch(/^yankees-in-syria-[0-9a-f]{8}$/);
    expect(await readFile(join(out, 'articles', newer.slug, 'index.html'), 'utf8')).toContain('A newer capture');
    // The file only grew by the new article.
    const extended = JSON.parse(await readFile(join(seeds, PERMALINKS_FILE), 'utf8'));
    expect(extended).toEqual({ ...JSON.parse(recorded), "'yankees' in syria": newer.slug });
    // The build's own change to the seed folder is not a change to build again.
    expect((await npmBuild(seeds, out)).stdout).toMatch(/\[build\] nothing changed since the last build \(the 47 articles' seed files, code, settings\)/);
  });

  it('a build with nothing changed leaves the site as it is, telling its warnings again; a changed seed, setting or --force builds it again', async () => {
    const seeds = await scratchDir();
    const out = join(await scratchDir(), 'dist');
    await cp(join(PROJECT, 'seeds'), seeds, { recursive: true });
    await writeFile(join(seeds, 'empty.txt'), '');
    const build = (args: string[] = [], env: NodeJS.ProcessEnv = {}) =>
      run(process.execPath, ['scripts/build.ts', ...args], { cwd: PROJECT, env: { ...buildEnv(), SEEDS_DIR: seeds, OUT_DIR: out, ...env }, maxBuffer: 64 << 20 }).then(
        ({ stdout }) => ({ stdout, site: statSync(out).ino }),
      );
    const warnings = (stdout: string) => stdout.split('\n').flatMap((line) => /\[parse\] (.*warning.*)/.exec(line)?.[1] ?? []);
    const skipped = /\[build\] nothing changed since the last build/;
    const sameSeeds = /\[build\] nothing changed since the last build \(the 46 articles' seed files, code, settings\): \S+ is left as it is/;
    const sameRecords = /\[build\] nothing changed since the last build \(the records parsed from the seeds, code, settings\): \S+ is left as it is/;
    const first = await build();
    expect(first.stdout).toMatch(/\[build\] \S+ is ready/);
    expect(warnings(first.stdout)).toEqual(['empty.txt:1: warning: no entries found (empty file?)']);

    // Not even parsed: the seed files are those of the last build.
    const again = await build();
    expect(again.stdout).toMatch(sameSeeds);
    expect(again.stdout).not.toMatch(/\[parse\] 46 articles from |\[content\]|is ready/);
    expect(warnings(again.stdout)).toEqual(warnings(first.stdout));
    expect(again.site).toBe(first.site);

    // A seed file that changed but parses to the same records.
    const [file] = (await readdir(seeds)).filter((name) => name.endsWith('.txt') && name !== 'empty.txt');
    await writeFile(join(seeds, file), `${await readFile(join(seeds, file), 'utf8')}\n\n`);
    const respaced = await build();
    expect(respaced.stdout).toMatch(/\[parse\] 46 articles from /);
    expect(respaced.stdout).toMatch(sameRecords);
    expect(respaced.site).toBe(first.site);
    expect((await build()).stdout).toMatch(sameSeeds);

    await writeFile(join(seeds, file), (await readFile(join(seeds, file), 'utf8')).replace(' the ', ' THE '));
    const edited = await build();
    expect(edited.stdout).not.toMatch(skipped);
    expect(edited.site).not.toBe(first.site);

    const moved = await build([], { SITE_URL: 'https://example.org/elsewhere/' });
    expect(moved.stdout).not.toMatch(skipped);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain('https://example.org/elsewhere/');
    expect((await build([], { SITE_URL: 'https://example.org/elsewhere/' })).stdout).toMatch(sameSeeds);

    const forced = await build(['--force'], { SITE_URL: 'https://example.org/elsewhere/' });
    expect(forced.stdout).not.toMatch(skipped);
    expect(forced.site).not.toBe(moved.site);
  });

  it('a build killed midway leaves the last good site as it was, and the next build keeps pages of that site only', async () => {
    const seeds = await scratchDir();
    const [out, full] = [join(await scratchDir(), 'dist'), join(await scratchDir(), 'dist')];
    await cp(join(PROJECT, 'seeds'), seeds, { recursive: true });
    expect((await npmBuild(seeds, out)).code).toBe(0);
    const good = await snapshot(out);

    const [file] = (await readdir(seeds)).filter((name) => name.endsWith('.txt'));
    await writeFile(join(seeds, file), (await readFile(join(seeds, file), 'utf8')).replace(' the ', ' THE '));
    const [edited] = (await parseSeedDir(seeds)).articles.filter((article) => JSON.stringify(article).includes(' THE '));
    const page = join('articles', edited.slug, 'index.html');
    // Killed, Astro and all, as soon as Astro has rendered the edited page into the new site.
    const killed = spawn(process.execPath, ['scripts/build.ts'], { cwd: PROJECT, env: { ...buildEnv(), SEEDS_DIR: seeds, OUT_DIR: out }, detached: true, stdio: 'ignore' });
    let exited = false;
    const exit = once(killed, 'exit').then(() => (exited = true));
    const rendered = () => existsSync(join(`${out}.next`, page)) && readFileSync(join(`${out}.next`, page), 'utf8').includes(' THE ');
    while (!rendered() && !exited) await sleep(5);
    expect(exited).toBe(false);
    process.kill(-killed.pid!, 'SIGKILL');
    await exit;
    expect(await snapshot(out)).toEqual(good);

    const next = await npmBuild(seeds, out);
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/\[page-cache\] \d+ pages of the last build kept as they were/);
    expect((await npmBuild(seeds, full, ['--force'])).code).toBe(0);
    expect(await snapshot(out)).toEqual(await snapshot(full));
  });

  it('the nothing-lost check notices a missing page, a record missing from a listing (on its first page or a follow-up), a stray page and a lost text, also where it remembers the last check', async () => {
    const site = await scratchDir();
    await cp(inject('siteDir'), site, { recursive: true });
    const { articles } = await parseSeedDir(join(PROJECT, 'seeds'));
    // What a build remembers of its check, so that the next reads only what changed.
    const memoFile = join(await scratchDir(), 'checked.json');
    const memo = new CheckMemo(site, memoFile);
    expect(checkBuiltSite(site, articles, memo).failures).toEqual([]);
    memo.save();

    const [gone, unlisted] = articles.filter((article) => article.tags.includes('Assad') && article.entities.length > 0);
    await rm(join(site, 'articles', gone.slug), { recursive: true });
    const tagPage = join(site, 'tags', 'assad', 'index.html');
    await writeFile(tagPage, (await readFile(tagPage, 'utf8')).replaceAll(`/articles/${unlisted.slug}/`, '/articles/elsewhere/'));
    await cp(join(site, 'articles', unlisted.slug), join(site, 'articles', 'stray'), { recursive: true });
    const topic = buildArchive(articles).topics.find((candidate) => candidate.articles.length <= PAGE_SIZE && candidate.articles.includes(unlisted))!;
    const topicPage = join(site, 'topics', topic.slug, 'index.html');
    await writeFile(topicPage, (await readFile(topicPage, 'utf8')).replaceAll(`/articles/${unlisted.slug}/`, '/articles/elsewhere/'));
    // A follow-up page of a long listing is checked for the articles it shows.
    const long = buildArchive(articles).topics.find((candidate) => candidate.articles.length > PAGE_SIZE)!;
    const onPageTwo = long.articles.slice(PAGE_SIZE).find((article) => article !== gone && article !== unlisted)!;
    const pageTwo = join(site, 'topics', long.slug, '2', 'index.html');
    await writeFile(pageTwo, (await readFile(pageTwo, 'utf8')).replaceAll(`/articles/${onPageTwo.slug}/`, '/articles/elsewhere/'));
    // Written into in place, its size unchanged: only its modification time tells.
    const shortened = articles.find((article) => !article.truncated && article !== gone && article !== unlisted)!;
    const shortenedPage = join(site, 'articles', shortened.slug, 'index.html');
    const lastWord = wordsOf(shortened.text).split(' ').at(-1)!;
    const html = await readFile(shortenedPage, 'utf8');
    const [start, end] = [html.indexOf('<article'), html.lastIndexOf('</article>')];
    await writeFile(shortenedPage, html.slice(0, start) + html.slice(start, end).replaceAll(lastWord, 'x'.repeat(lastWord.length)) + html.slice(end));

    const { failures, summary } = checkBuiltSite(site, articles);
    expect(summary).toMatch(/^46 articles, 2 tags, 6 sources, 97 topics, \d+ pages$/);
    expect(failures).toEqual(
      expect.arrayContaining([
        `no article page at /articles/${gone.slug}/`,
        'article page /articles/stray/ has no record',
        expect.stringContaining(`tag "Assad" (/tags/assad/) does not list ${unlisted.slug}`),
        `topic "${topic.name}" (/topics/${topic.slug}/) does not list ${unlisted.slug}`,
        `topic "${long.name}" (/topics/${long.slug}/2/) does not list ${onPageTwo.slug}`,
        `/articles/${shortened.slug}/ does not show the article’s text`,
      ]),
    );
    expect(checkBuiltSite(site, articles, new CheckMemo(site, memoFile)).failures).toEqual(failures);
  });
});
