import { spawn } from 'node:child_process';
import { resolve as absolute } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { print, progress } from './progress.ts';

/** Makes every file Astro writes replace the one at its path: see there. */
const REPLACING_WRITES = new URL('./replacing-writes.ts', import.meta.url).href;

/** The environment variable that names the file descriptor Astro's process tells each file it has written on (see there). */
export const WRITES_FD = 'BUILD_WRITES_FD';

/** Astro's line for each page it writes (`├─ /articles/x/index.html (+3ms)`); several, when pages render concurrently. */
const PAGE = /[├└]─ /g;
/** What Astro prints after a page's line (on a line of its own when pages render concurrently): its render time, or that it was reused. */
const PAGE_END = /^\s*(?:\([+\d.ms ]+\)\s*|\((?:cached|restored)\)\s*)+$/;
/** A page Astro took from its incremental-build cache. */
const REUSED = /\((?:cached|restored)\)/g;

export interface AstroBuild {
  /** The exit code once Astro has exited (a signal counts as a failure), and why. */
  finished: Promise<{ code: number; reason: string }>;
  /** Ends the build before it is done. */
  stop: () => void;
  /**
   * Resolves once Astro has written every one of these files in this build, or has finished
   * without writing them (they are the pages it took from its cache); rejects if it failed.
   */
  whenWritten: (paths: string[]) => Promise<void>;
}

/** A wait for files Astro has not written yet. */
interface Waiting {
  missing: Set<string>;
  resolve: () => void;
}

/**
 * `astro build ARGS` in a child process whose file writes replace files rather than write into
 * them and are told to this process as they are done, its log as it comes but for the line per
 * page (60,000 of them at 50,000 articles), which becomes one progress line.
 */
export function astroBuild(args: string[], env: NodeJS.ProcessEnv): AstroBuild {
  const child = spawn(process.execPath, ['--import', REPLACING_WRITES, 'node_modules/astro/bin/astro.mjs', 'build', ...args], {
    stdio: ['ignore', 'pipe', 'inherit', 'pipe'],
    env: { ...env, [WRITES_FD]: '3' },
  });
  const pages = progress('build', 'files written');
  let [written, reused] = [0, 0];
  let rendering = false;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const count = line.match(PAGE)?.length ?? 0;
    reused += line.match(REUSED)?.length ?? 0;
    if (count) {
      written += count;
      rendering = true;
      pages.update(written);
    } else if (!PAGE_END.test(line)) {
      if (rendering) pages.finish(`${written.toLocaleString('en')} files written, ${reused.toLocaleString('en')} of them from the cache`);
      rendering = false;
      print(line);
    }
  });
  const finished = new Promise<{ code: number; reason: string }>((resolve) => {
    child.on('error', (error) => resolve({ code: 1, reason: error.message }));
    child.on('close', (code, signal) => resolve({ code: code ?? 1, reason: signal ? `killed by ${signal}` : `exit code ${code}` }));
  });

  return { finished, stop: () => child.kill(), whenWritten: waitForFiles(child.stdio[3] as Readable, finished) };
}

/**
 * `whenWritten` over `reports` (a path a line, as replacing-writes.ts tells them) and the build's
 * end: a wait for some paths ends when each has been told, or when the build has succeeded; it
 * fails when the build has failed.
 */
export function waitForFiles(reports: Readable, finished: Promise<{ code: number; reason: string }>): (paths: string[]) => Promise<void> {
  const done = new Set<string>();
  let waiting: Waiting[] = [];
  createInterface({ input: reports }).on('line', (path) => {
    done.add(path);
    for (const wait of waiting) {
      wait.missing.delete(path);
      if (!wait.missing.size) wait.resolve();
    }
    waiting = waiting.filter((wait) => wait.missing.size);
  });
  const succeeded = finished.then(({ code, reason }) => {
    if (code !== 0) throw new Error(`astro build failed (${reason})`);
  });
  succeeded.catch(() => {}); // A failed build is told by `finished`; this only ends the waits.
  return (paths) => {
    const missing = new Set(paths.map((path) => absolute(path)).filter((path) => !done.has(path)));
    if (!missing.size) return Promise.resolve();
    return Promise.race([succeeded, new Promise<void>((settle) => waiting.push({ missing, resolve: settle }))]);
  };
}
