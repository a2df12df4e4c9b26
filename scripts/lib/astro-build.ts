import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { progress } from './progress.ts';

/** Makes every file Astro writes replace the one at its path: see there. */
const REPLACING_WRITES = new URL('./replacing-writes.ts', import.meta.url).href;

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
}

/**
 * `astro build ARGS` in a child process whose file writes replace files rather than write into
 * them, its log as it comes but for the line per page (60,000 of them at 50,000 articles), which
 * becomes one progress line.
 */
export function astroBuild(args: string[], env: NodeJS.ProcessEnv): AstroBuild {
  const child = spawn(process.execPath, ['--import', REPLACING_WRITES, 'node_modules/astro/bin/astro.mjs', 'build', ...args], { stdio: ['ignore', 'pipe', 'inherit'], env });
  const pages = progress('build', 'files written');
  let [written, reused] = [0, 0];
  let rendering = false;
  createInterface({ input: child.stdout }).on('line', (line) => {
    const count = line.match(PAGE)?.length ?? 0;
    reused += line.match(REUSED)?.length ?? 0;
    if (count) {
      written += count;
      rendering = true;
      pages.update(written);
    } else if (!PAGE_END.test(line)) {
      if (rendering) pages.finish(`${written.toLocaleString('en')} files written, ${reused.toLocaleString('en')} of them from the cache`);
      rendering = false;
      console.log(line);
    }
  });
  const finished = new Promise<{ code: number; reason: string }>((resolve) => {
    child.on('error', (error) => resolve({ code: 1, reason: error.message }));
    child.on('close', (code, signal) => resolve({ code: code ?? 1, reason: signal ? `killed by ${signal}` : `exit code ${code}` }));
  });
  return { finished, stop: () => child.kill() };
}
