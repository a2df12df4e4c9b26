/**
 * How the build hears of the files Astro writes (scripts/lib/replacing-writes.ts in Astro's
 * process, scripts/lib/astro-build.ts in the build's), so it can index a bundle of pages while the
 * rest render.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { waitForFiles, WRITES_FD } from '../../scripts/lib/astro-build.ts';
import { PROJECT } from '../support/build.ts';

const scratch = await mkdtemp(join(tmpdir(), 'news-archive-writes-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe("Astro's process tells the build each file it writes", () => {
  it('a path a line on the file descriptor WRITES_FD names, once the file is in place, written or copied', async () => {
    const [page, copy] = [join(scratch, 'page.html'), join(scratch, 'copy.html')];
    const script = `import fs from 'node:fs';
      await fs.promises.writeFile(${JSON.stringify(page)}, '<p>page</p>');
      await fs.promises.copyFile(${JSON.stringify(page)}, ${JSON.stringify(copy)});
      fs.writeSync(3, fs.readFileSync(${JSON.stringify(copy)}, 'utf8') + '\\n');`;
    const child = spawn(process.execPath, ['--import', './scripts/lib/replacing-writes.ts', '--input-type=module', '-e', script], {
      cwd: PROJECT,
      stdio: ['ignore', 'inherit', 'inherit', 'pipe'],
      env: { ...process.env, [WRITES_FD]: '3' },
    });
    const told = await text(child.stdio[3] as Readable);
    // Each line is told after its file is complete: the script's own last line reads the copy back.
    expect(told.split('\n')).toEqual([page, copy, '<p>page</p>', '']);
    expect(await readFile(copy, 'utf8')).toBe('<p>page</p>');
  });
});

describe('waitForFiles', () => {
  const build = () => {
    let end!: (result: { code: number; reason: string }) => void;
    const finished = new Promise<{ code: number; reason: string }>((resolve) => (end = resolve));
    const reports = new PassThrough();
    return { reports, end, whenWritten: waitForFiles(reports, finished) };
  };
  /** 'resolved', the error's message, or 'pending' if neither within 50 ms. */
  const settled = (promise: Promise<void>) =>
    Promise.race([promise.then(() => 'resolved', (error: Error) => error.message), new Promise((resolve) => setTimeout(resolve, 50, 'pending'))]);

  it('ends a wait once every one of its files has been told, in any order, before or after the wait began', async () => {
    const { reports, whenWritten } = build();
    reports.write('/site/a/index.html\n');
    const wait = whenWritten(['/site/a/index.html', '/site/b/index.html', '/site/c/index.html']);
    reports.write('/site/c/index.html\n');
    expect(await settled(wait)).toBe('pending');
    reports.write('/site/b/index.html\n');
    expect(await settled(wait)).toBe('resolved');
    expect(await settled(whenWritten(['/site/a/index.html']))).toBe('resolved');
  });

  it('ends the waits for files never told when the build succeeds (they came from its cache), and fails them when it fails', async () => {
    const passed = build();
    const cached = passed.whenWritten(['/site/cached/index.html']);
    expect(await settled(cached)).toBe('pending');
    passed.end({ code: 0, reason: 'exit code 0' });
    expect(await settled(cached)).toBe('resolved');

    const failed = build();
    const never = failed.whenWritten(['/site/never/index.html']);
    failed.end({ code: 1, reason: 'exit code 1' });
    expect(await settled(never)).toBe('astro build failed (exit code 1)');
  });
});
