import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SeedFileMemo, SeedFileResult } from '../../src/ingest/ingest.ts';

/**
 * What each seed file parsed to (parseSeedFile, which is pure), kept across builds in `folder`:
 * one file per seed file, named by a digest of the parser's code, the seed file's name and its
 * bytes, so that a rebuild parses only the seed files that changed and never trusts a stale
 * answer. With `fresh` (`npm run build -- --force`) every file is parsed again. `save` writes
 * what was parsed this time, once the records are handed over, and forgets the rest.
 */
export class SeedMemo implements SeedFileMemo {
  readonly #folder: string;
  readonly #code: string;
  readonly #fresh: boolean;
  readonly #used = new Set<string>();
  readonly #parsed = new Map<string, SeedFileResult>();

  constructor(folder: string, code: string, { fresh }: { fresh: boolean }) {
    this.#folder = folder;
    this.#code = code;
    this.#fresh = fresh;
  }

  parsed(file: string, bytes: Uint8Array, parse: () => SeedFileResult): SeedFileResult {
    const name = `${createHash('sha256').update(`${this.#code}\0${file}\0`).update(bytes).digest('base64url')}.json`;
    this.#used.add(name);
    const kept = this.#fresh ? undefined : this.#read(name);
    if (kept) return kept;
    const result = parse();
    this.#parsed.set(name, result);
    return result;
  }

  /** Keeps the results parsed this time, and only the files this parse asked for. */
  async save(): Promise<void> {
    mkdirSync(this.#folder, { recursive: true });
    for (const name of readdirSync(this.#folder)) if (!this.#used.has(name)) rmSync(join(this.#folder, name), { force: true });
    // Whole or not at all: a build killed midway must not leave half a result to be read. A file
    // already there holds this very result (`fresh` parsed it again): its name is a digest of all
    // the parse depends on.
    await Promise.all(
      [...this.#parsed].map(async ([name, result]) => {
        const file = join(this.#folder, name);
        if (existsSync(file)) return;
        await writeFile(`${file}.tmp`, JSON.stringify(result));
        await rename(`${file}.tmp`, file);
      }),
    );
    this.#parsed.clear();
  }

  #read(name: string): SeedFileResult | undefined {
    try {
      return JSON.parse(readFileSync(join(this.#folder, name), 'utf8')) as SeedFileResult;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
