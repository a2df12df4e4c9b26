import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BUILD_CACHE } from './files.ts';

/** Builds of one checkout share Astro's caches under node_modules/.astro/: one at a time. */
const LOCK = join(BUILD_CACHE, 'build.lock');

/**
 * Waits while another build of this checkout runs, then holds the lock until this process exits.
 * A lock left by a build that was killed (its process is gone) is taken over.
 */
export async function holdBuildLock(log: (message: string) => void): Promise<void> {
  mkdirSync(dirname(LOCK), { recursive: true });
  for (let waiting = false; ; await sleep(1000)) {
    try {
      const file = openSync(LOCK, 'wx');
      writeSync(file, String(process.pid));
      closeSync(file);
      process.on('exit', () => rmSync(LOCK, { force: true }));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readLock());
    // No pid yet: the other build is writing it this instant.
    if (holder && !isRunning(holder)) {
      rmSync(LOCK, { force: true });
      continue;
    }
    if (!waiting) log(`another build of this checkout is running (pid ${holder || '?'}); waiting for it to finish, as both would write Astro's caches`);
    waiting = true;
  }
}

function readLock(): string {
  try {
    return readFileSync(LOCK, 'utf8');
  } catch {
    return '';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
