import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

/** What the nothing-lost check is (its checks, and the word comparison the text check uses): a change to it makes every earlier result void. */
const CHECK_CODE = ['./check-site.ts', '../../src/ingest/words.ts'].map((file) => readFileSync(new URL(file, import.meta.url), 'utf8')).join('\0');

interface Saved {
  passed: string[];
  read: Record<string, string>;
}

/**
 * What the nothing-lost check learnt in the last build, so that a rebuild reads only the files
 * that changed: a rebuild after a one-word edit shares all but a few of its pages and search
 * fragments with the last build (scripts/lib/page-cache.ts, scripts/lib/search-cache.ts). A file
 * is known by its path in the site, device, inode, size and modification time: the build never
 * writes into a file, it writes a new one (scripts/lib/replacing-writes.js). Without a `file`
 * nothing is remembered and every check reads its files.
 */
export class CheckMemo {
  readonly #site: string;
  readonly #file: string | undefined;
  readonly #before: Saved = { passed: [], read: {} };
  readonly #passedBefore: Set<string>;
  readonly #now: Saved = { passed: [], read: {} };

  constructor(site: string, file?: string) {
    this.#site = site;
    this.#file = file;
    if (file && existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved & { code: string };
      if (saved.code === digest(CHECK_CODE)) this.#before = saved;
    }
    this.#passedBefore = new Set(this.#before.passed);
  }

  /** The failures of `check`, which reads `files` and looks for `expected`; none without running it if it passed over the same files last time. */
  check(files: string[], expected: string, check: () => string[]): string[] {
    const key = digest(`${files.map((file) => this.#identity(file)).join('\n')}\0${expected}`);
    const failures = this.#passedBefore.has(key) ? [] : check();
    if (!failures.length) this.#now.passed.push(key);
    return failures;
  }

  /** What `extract` reads from `file`; from the last build's reading if the file is the same. */
  read(file: string, extract: () => string): string {
    const key = this.#identity(file);
    return (this.#now.read[key] = this.#before.read[key] ?? extract());
  }

  /** Keeps what this build's checks learnt for the next, and only that. */
  save(): void {
    if (this.#file) writeFileSync(this.#file, JSON.stringify({ code: digest(CHECK_CODE), ...this.#now }));
  }

  #identity(file: string): string {
    const path = relative(this.#site, file);
    try {
      const { dev, ino, size, mtimeMs } = statSync(file);
      return `${path} ${dev} ${ino} ${size} ${mtimeMs}`;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return `${path} missing`;
      throw error;
    }
  }
}

function digest(data: string): string {
  return createHash('sha256').update(data).digest('base64url');
}

/** `check` over `site` with what it passed there in the last build (kept in `file`), keeping what it passes now for the next. */
export async function remembering<T>(site: string, file: string, check: (memo: CheckMemo) => T | Promise<T>): Promise<T> {
  const memo = new CheckMemo(site, file);
  const result = await check(memo);
  memo.save();
  return result;
}
