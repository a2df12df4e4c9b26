/**
 * Loaded into Astro's build process (`node --import`, scripts/lib/astro-build.ts): every file
 * Astro writes replaces the one at its path (written under a temporary name, then renamed over
 * it) instead of overwriting it in place, and is written synchronously.
 *
 * Replacing is what lets a build share files instead of copying them: the new site starts as hard
 * links to the pages in Astro's incremental-build cache (scripts/lib/page-cache.ts), which the
 * live site may link to as well. Overwritten in place, a page Astro renders again would change
 * in the cache and in the live site too; replaced, only the new site gets the new page.
 *
 * Synchronously, because on the small virtual machines this is built on each `fs.promises` call
 * costs more CPU handing the work to libuv's thread pool and back than the write itself, and
 * Astro's thread has nothing else to do while a page is written.
 *
 * A page written a second time with the same body (Astro writes each page it renders to the site
 * and to its cache) becomes a hard link to the first.
 *
 * Each file written outside the cache is told to the build as soon as it is in place, a path a
 * line on the file descriptor the environment variable WRITES_FD names (when it does), so that
 * the build can index a bundle of pages for search while the others render. Synchronously too:
 * Astro's render rarely lets its event loop poll, and a message left queued there reaches the
 * build only when the render is over.
 *
 * Only calls the synchronous functions can take (a path, and a string or bytes) change; any other
 * goes to the original. Results and errors are the original's, as a promise.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WRITES_FD } from './astro-build.ts';
import { PAGE_CACHE } from './page-cache.ts';

const { writeFile, mkdir, copyFile } = fs.promises;
let written = 0;

const asPath = (path: unknown): string | undefined =>
  typeof path === 'string' ? path : path instanceof URL ? fileURLToPath(path) : Buffer.isBuffer(path) ? path.toString() : undefined;

function inPromise<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error);
  }
}

function replace(path: string, write: (temporary: string) => void): void {
  const temporary = `${path}.${process.pid}-${++written}.tmp`;
  try {
    write(temporary);
    fs.renameSync(temporary, path);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** A write that adds to or must not replace a file is no replacement. */
const overwrites = (options: unknown) => typeof options !== 'object' || options === null || !('flag' in options) || options.flag === 'w';

/**
 * Astro writes each page it renders twice with the same body: to the site, then to its
 * incremental-build cache under the same relative path. The second becomes a hard link to the
 * first, as the site and the cache share every page they have in common anyway. Pages render
 * eight at a time, so the last few site writes are remembered.
 */
const recent: { path: string; data: string | NodeJS.ArrayBufferView }[] = [];
const RECENT_WRITES = 64;

/** The site's copy of what is being written to the page cache at `path`, if it was just written. */
function siteCopy(path: string, data: string | NodeJS.ArrayBufferView): string | undefined {
  if (!path.startsWith(`${PAGE_CACHE}${sep}`)) return undefined;
  const relative = path.slice(PAGE_CACHE.length);
  return recent.find((write) => write.path.endsWith(relative) && write.data === data)?.path;
}

const writesFd = process.env[WRITES_FD] === undefined ? undefined : Number(process.env[WRITES_FD]);

// Astro's log goes to the build through a pipe, which Node writes to asynchronously: lines still
// queued when Astro's process exits (the build busy reading the pages just written) would be
// lost. Blocking writes wait for the build to read them instead.
(process.stdout as unknown as { _handle?: { setBlocking?: (blocking: boolean) => void } })._handle?.setBlocking?.(true);

function tellBuild(path: string): void {
  if (writesFd !== undefined && !path.startsWith(`${PAGE_CACHE}${sep}`)) fs.writeSync(writesFd, `${path}\n`);
}

function remember(path: string, data: string | NodeJS.ArrayBufferView): void {
  if (path.startsWith(`${PAGE_CACHE}${sep}`)) return;
  recent.push({ path, data });
  if (recent.length > RECENT_WRITES) recent.shift();
}

/** Whether `to` could be made a hard link to `from` (not across file systems, say). */
function linked(from: string, to: string): boolean {
  try {
    fs.linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

fs.promises.writeFile = (file, data, options) => {
  const path = asPath(file);
  if (path === undefined || !(typeof data === 'string' || ArrayBuffer.isView(data)) || !overwrites(options)) return writeFile(file, data, options);
  return inPromise(() => {
    const copy = options === undefined ? siteCopy(path, data) : undefined;
    replace(path, (temporary) => {
      if (copy && linked(copy, temporary)) return;
      fs.writeFileSync(temporary, data, options as fs.WriteFileOptions);
    });
    if (options === undefined) remember(path, data);
    tellBuild(path);
  });
};
fs.promises.copyFile = (source, destination, mode) => {
  const path = asPath(destination);
  if (path === undefined || asPath(source) === undefined || ((mode ?? 0) & fs.constants.COPYFILE_EXCL) !== 0) return copyFile(source, destination, mode);
  return inPromise(() => {
    replace(path, (temporary) => fs.copyFileSync(source, temporary, mode));
    tellBuild(path);
  });
};
fs.promises.mkdir = ((path: fs.PathLike, options?: fs.MakeDirectoryOptions | fs.Mode | null) =>
  asPath(path) === undefined ? mkdir(path, options) : inPromise(() => fs.mkdirSync(path, options))) as typeof mkdir;
syncBuiltinESMExports();
