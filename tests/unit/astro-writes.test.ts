/**
 * How the build hears of the files Astro writes (scripts/lib/replacing-writes.js in Astro's
 * process, scripts/lib/astro-build.ts in the build's), so it can index a bundle of pages while the
 * rest render.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { FinalFiles } from '../../scripts/lib/astro-build.ts';
import { WRITES_FD } from '../../scripts/lib/writes-fd.js';
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
    const child = spawn(process.execPath, ['--import', './scripts/lib/replacing-writes.js', '--input-type=module', '-e', script], {
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

describe("Astro's log", () => {
  it('reaches the build whole, even when the build reads it late and Astro exits at once', async () => {
    const lines = 20_000;
    const script = `for (let n = 0; n < ${lines}; n++) process.stdout.write('  ├─ /articles/' + n + '/index.html (+3ms)\\n'); process.exit(0);`;
    const child = spawn(process.execPath, ['--import', './scripts/lib/replacing-writes.js', '-e', script], { cwd: PROJECT, stdio: ['ignore', 'pipe', 'inherit'] });
    // The build busy for a while (indexing a bundle, say) before it reads again.
    const busyUntil = Date.now() + 1000;
    while (Date.now() < busyUntil);
    const log = await text(child.stdout);
    expect(log.split('\n')).toHaveLength(lines + 1);
  });
});

describe('FinalFiles', () => {
  const build = () => {
    let end!: (result: { code: number; reason: string }) => void;
    const finished = new Promise<{ code: number; reason: string }>((resolve) => (end = resolve));
    return { end, files: new FinalFiles(finished) };
  };
  /** 'resolved', the error's message, or 'pending' if neither within 50 ms. */
  const settled = (promise: Promise<void>) =>
    Promise.race([promise.then(() => 'resolved', (error: Error) => error.message), new Promise((resolve) => setTimeout(resolve, 50, 'pending'))]);

  it('ends a wait once every one of its files is final, in any order, before or after the wait began', async () => {
    const { files } = build();
    files.add('/site/a/index.html');
    const wait = files.whenFinal(['/site/a/index.html', '/site/b/index.html', '/site/c/index.html']);
    files.add('/site/c/index.html');
    expect(await settled(wait)).toBe('pending');
    files.add('/site/b/index.html');
    expect(await settled(wait)).toBe('resolved');
    expect(await settled(files.whenFinal(['/site/a/index.html']))).toBe('resolved');
  });

  it('ends the waits for files never told when the build succeeds, and fails them when it fails', async () => {
    const passed = build();
    const untold = passed.files.whenFinal(['/site/untold/index.html']);
    expect(await settled(untold)).toBe('pending');
    passed.end({ code: 0, reason: 'exit code 0' });
    expect(await settled(untold)).toBe('resolved');

    const failed = build();
    const never = failed.files.whenFinal(['/site/never/index.html']);
    failed.end({ code: 1, reason: 'exit code 1' });
    expect(await settled(never)).toBe('astro build failed (exit code 1)');
  });
});
