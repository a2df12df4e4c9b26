/**
 * `beforeAstro` (page-cache.ts) on a thread of its own, so that the cached pages are put in place
 * while the seeds are parsed: linking tens of thousands of files is seconds of system calls,
 * which need not wait for the records.
 */
import { rmSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { beforeAstro, type Prefilled } from './page-cache.ts';

interface Job {
  site: string;
  force: boolean;
}

/** Empties `site`, then `beforeAstro(site, { force })`, on a worker thread. */
export function prefillOnWorker(job: Job): Promise<Prefilled> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the thread putting the cached pages in place stopped (exit code ${code})`)));
  });
}

if (!isMainThread) {
  const { site, force } = workerData as Job;
  rmSync(site, { recursive: true, force: true });
  parentPort!.postMessage(beforeAstro(site, { force }));
}
