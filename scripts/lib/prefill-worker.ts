/**
 * `beforeAstro` (page-cache.ts) on a thread of its own, so that the cached pages are put in place
 * while the seeds are parsed: linking tens of thousands of files is seconds of system calls,
 * which need not wait for the records.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { beforeAstro, type Prefilled } from './page-cache.ts';
import { onWorker } from './on-worker.ts';

interface Job {
  site: string;
  force: boolean;
}

/** `beforeAstro(site, { force })` on a worker thread. */
export function prefillOnWorker(job: Job): Promise<Prefilled> {
  return onWorker(new URL(import.meta.url), job, 'the thread putting the cached pages in place');
}

if (!isMainThread) {
  const { site, force } = workerData as Job;
  parentPort!.postMessage(beforeAstro(site, { force }));
}
