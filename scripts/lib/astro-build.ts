import { spawn } from 'node:child_process';
import { resolve as absolute } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { print, progress } from './progress.ts';
import { WRITES_FD } from './writes-fd.js';

/** Makes every file Astro writes replace the one at its path: see there. */
const REPLACING_WRITES = new URL('./replacing-writes.js', import.meta.url).href;

/** Astro's line for each page it writes (`├─ /articles/x/index.html (+3ms)`); several, when pages render concurrently. */
const PAGE = /[├└]─ /g;
/** What Astro prints after a page's line (on a line of its own when pages render concurrently): its render time. */
const PAGE_END = /^\s*(?:\([+\d.ms ]+\)\s*)+$/;

export interface AstroBuild {
  /** The exit code once Astro has exited (a signal counts as a failure), and why. */
  finished: Promise<{ code: number; reason: string }>;
  /** Ends the build before it is done, at once (Vite's servers in Astro's process would close gracefully on a SIGTERM, after the work in hand). */
  stop: () => void;
  /** Resolves once each of these files is final (see FinalFiles), or Astro has succeeded; rejects if it failed. */
  whenFinal: (paths: string[]) => Promise<void>;
}

/**
 * `astro build ARGS --outDir OUT_DIR` in a child process whose file writes replace files rather
 * than write into them and are told to this process as they are done, its log as it comes but for
 * the line per page (60,000 of them at 50,000 articles), which becomes one progress line.
 */
export function astroBuild(outDir: string, args: string[], env: NodeJS.ProcessEnv): AstroBuild {
  const child = spawn(process.execPath, ['--import', REPLACING_WRITES, 'node_modules/astro/bin/astro.mjs', 'build', ...args, '--outDir', outDir], {
    stdio: ['ignore', 'pipe', 'inherit', 'pipe'],
    env: { ...env, [WRITES_FD]: '3' },
  });
  const finished = new Promise<{ code: number; reason: string }>((resolve) => {
    child.on('error', (error) => resolve({ code: 1, reason: error.message }));
    child.on('close', (code, signal) => resolve({ code: code ?? 1, reason: signal ? `killed by ${signal}` : `exit code ${code}` }));
  });
  const final = new FinalFiles(finished);
  createInterface({ input: child.stdio[3] as Readable }).on('line', (path) => final.add(path));

  const pages = progress('build', 'pages rendered');
  let rendered = 0;
  let rendering = false;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const count = line.match(PAGE)?.length ?? 0;
    if (count) {
      rendered += count;
      rendering = true;
      pages.update(rendered);
    } else if (!PAGE_END.test(line)) {
      if (rendering) pages.finish(`${rendered.toLocaleString('en')} pages rendered`);
      rendering = false;
      print(line);
    }
  });
  return { finished, stop: () => child.kill('SIGKILL'), whenFinal: (paths) => final.whenFinal(paths) };
}

/**
 * The files of Astro's output that are final: written in this build (as replacing-writes.js tells
 * them). A wait for some files ends when each is final, or when the build has succeeded (then
 * every file is, those kept from the last build too); it fails when the build has failed.
 */
export class FinalFiles {
  #final = new Set<string>();
  #waiting: { missing: Set<string>; resolve: () => void }[] = [];
  #succeeded: Promise<void>;

  constructor(finished: Promise<{ code: number; reason: string }>) {
    this.#succeeded = finished.then(({ code, reason }) => {
      if (code !== 0) throw new Error(`astro build failed (${reason})`);
    });
    this.#succeeded.catch(() => {}); // A failed build is told by `finished`; this only ends the waits.
  }

  add(path: string): void {
    this.#final.add(path);
    for (const wait of this.#waiting) {
      wait.missing.delete(path);
      if (!wait.missing.size) wait.resolve();
    }
    this.#waiting = this.#waiting.filter((wait) => wait.missing.size);
  }

  whenFinal(paths: string[]): Promise<void> {
    const missing = new Set(paths.map((path) => absolute(path)).filter((path) => !this.#final.has(path)));
    if (!missing.size) return Promise.resolve();
    return Promise.race([this.#succeeded, new Promise<void>((resolve) => this.#waiting.push({ missing, resolve }))]);
  }
}
