/**
 * `linkKeptPages` (page-cache.ts) on a thread of its own, so that the last build's pages are put
 * in place while the seeds are parsed: linking tens of thousands of files is seconds of system
 * calls, which need not hold the parse up.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { linkKeptPages, type KeptPages } from './page-cache.ts';
import { onWorker } from './on-worker.ts';

interface Job {
  site: string;
  live: string;
  pages: Pick<KeptPages, 'inPlace' | 'live'>;
  trash: string;
}

/** `linkKeptPages(site, live, pages, trash)` on a worker thread: the files missing from the live site. */
export function prefillOnWorker(job: Job): Promise<string[]> {
  return onWorker(new URL(import.meta.url), job, 'the thread putting the kept pages in place');
}

if (!isMainThread) {
  const { site, live, pages, trash } = workerData as Job;
  parentPort!.postMessage(linkKeptPages(site, live, pages, trash));
}
