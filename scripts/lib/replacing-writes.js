// @ts-check
/**
 * Loaded into Astro's build process (`node --import`, scripts/lib/astro-build.ts): every file
 * Astro writes replaces the one at its path (written under a temporary name, then renamed over
 * it) instead of overwriting it in place, and is written synchronously.
 *
 * Replacing is what lets a build share files instead of copying them: the new site starts as hard
 * links to the live site's pages (scripts/lib/page-cache.ts). Overwritten in place, a page Astro
 * renders again would change in the live site too; replaced, only the new site gets the new page.
 *
 * Synchronously, because on the small virtual machines this is built on each `fs.promises` call
 * costs more CPU handing the work to libuv's thread pool and back than the write itself, and
 * Astro's thread has nothing else to do while a page is written.
 *
 * Each file written is told to the build as soon as it is in place, a path a line on the file
 * descriptor the environment variable WRITES_FD names (when it does), so that the build can index
 * a bundle of pages for search while the others render. Synchronously too:
 * Astro's render rarely lets its event loop poll, and a message left queued there reaches the
 * build only when the render is over.
 *
 * Only calls the synchronous functions can take (a path, and a string or bytes) change; any other
 * goes to the original. Results and errors are the original's, as a promise.
 *
 * JavaScript (checked by tsc from its JSDoc) that imports no TypeScript: a `.ts` file here would
 * have Node load its TypeScript stripper into Astro's process first, half a second of its start.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { fileURLToPath } from 'node:url';
import { WRITES_FD } from './writes-fd.js';

const { writeFile, mkdir, copyFile } = fs.promises;
let written = 0;

/** @type {(path: unknown) => string | undefined} */
const asPath = (path) => (typeof path === 'string' ? path : path instanceof URL ? fileURLToPath(path) : Buffer.isBuffer(path) ? path.toString() : undefined);

/**
 * @template T
 * @param {() => T} work
 * @returns {Promise<T>}
 */
function inPromise(work) {
  try {
    return Promise.resolve(work());
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * @param {string} path
 * @param {(temporary: string) => void} write
 */
function replace(path, write) {
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
/** @type {(options: unknown) => boolean} */
const overwrites = (options) => typeof options !== 'object' || options === null || !('flag' in options) || options.flag === 'w';

const writesFd = process.env[WRITES_FD] === undefined ? undefined : Number(process.env[WRITES_FD]);

// Astro's log goes to the build through a pipe, which Node writes to asynchronously: lines still
// queued when Astro's process exits (the build busy reading the pages just written) would be
// lost. Blocking writes wait for the build to read them instead.
/** @type {{ _handle?: { setBlocking?: (blocking: boolean) => void } }} */ (/** @type {unknown} */ (process.stdout))._handle?.setBlocking?.(true);

/** @param {string} path */
function tellBuild(path) {
  if (writesFd !== undefined) fs.writeSync(writesFd, `${path}\n`);
}

fs.promises.writeFile = (file, data, options) => {
  const path = asPath(file);
  if (path === undefined || !(typeof data === 'string' || ArrayBuffer.isView(data)) || !overwrites(options)) return writeFile(file, data, options);
  return inPromise(() => {
    replace(path, (temporary) => fs.writeFileSync(temporary, data, /** @type {fs.WriteFileOptions} */ (options)));
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
fs.promises.mkdir = /** @type {typeof mkdir} */ (
  /** @type {(path: fs.PathLike, options?: fs.MakeDirectoryOptions | fs.Mode | null) => Promise<string | undefined>} */
  (path, options) => (asPath(path) === undefined ? mkdir(path, options) : inPromise(() => fs.mkdirSync(path, options)))
);
syncBuiltinESMExports();
