/**
 * The nothing-lost check of the pages (`checkPages`) on a thread of its own, so that it runs on
 * the second core while Pagefind indexes. It reads the records from the handover file rather
 * than have the build copy them across.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { readHandover } from '../../src/ingest/handover.ts';
import { checkPages, type CheckResult } from './check-site.ts';

interface Job {
  site: string;
  handoverFile: string;
}

/** `checkPages(site, the records in handoverFile)` on a worker thread. */
export function checkPagesOnWorker(job: Job): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the nothing-lost check's thread stopped (exit code ${code})`)));
  });
}

if (!isMainThread) {
  const { site, handoverFile } = workerData as Job;
  const { articles } = await readHandover(handoverFile);
  parentPort!.postMessage(checkPages(site, articles));
}
