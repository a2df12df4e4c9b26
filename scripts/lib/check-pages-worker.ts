/**
 * The nothing-lost check of the pages (`checkPages`) on a thread of its own, so that it runs on
 * the second core while Pagefind writes its last bundles. It reads the records from the handover
 * file rather than have the build copy them across.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readHandover } from '../../src/ingest/handover.ts';
import { remembering } from './check-memo.ts';
import { checkPages, type CheckResult } from './check-site.ts';
import { onWorker } from './on-worker.ts';

interface Job {
  site: string;
  handoverFile: string;
  memoFile: string;
}

/** `checkPages(site, the records in handoverFile)` on a worker thread, remembering what passed in memoFile (see CheckMemo). */
export function checkPagesOnWorker(job: Job): Promise<CheckResult> {
  return onWorker(new URL(import.meta.url), job, "the nothing-lost check's thread");
}

if (!isMainThread) {
  const { site, handoverFile, memoFile } = workerData as Job;
  const articles = await readHandover(handoverFile);
  parentPort!.postMessage(await remembering(site, memoFile, (memo) => checkPages(site, articles, memo)));
}
