/**
 * The nothing-lost check of the pages (`pagesCheck`) on a thread of its own, so that it runs on
 * the second core while Pagefind writes its last bundles. It starts as soon as the records are
 * handed over, reads them from the handover file (rather than have the build copy them across)
 * while Astro renders, and checks once the site is complete.
 */
import { readFile } from 'node:fs/promises';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../../src/ingest/record.ts';
import { remembering } from './check-memo.ts';
import { pagesCheck, type CheckResult } from './check-site.ts';
import { onWorker } from './on-worker.ts';

interface Job {
  site: string;
  handoverFile: string;
  memoFile: string;
}

/**
 * `pagesCheck` of the records in handoverFile, over `site` on a worker thread once `complete`
 * resolves (the site's pages are all written), remembering what passed in memoFile (see CheckMemo).
 */
export function checkPagesOnWorker(job: Job, complete: Promise<unknown>): Promise<CheckResult> {
  return onWorker(new URL(import.meta.url), job, "the nothing-lost check's thread", complete);
}

if (!isMainThread) {
  const { site, handoverFile, memoFile } = workerData as Job;
  // The handover file is /articles.json as published (src/ingest/handover.ts): its bytes are what that page must hold.
  const records = await readFile(handoverFile);
  const check = pagesCheck(JSON.parse(records.toString('utf8')) as Article[], records);
  await new Promise((resolve) => parentPort!.once('message', resolve));
  parentPort!.postMessage(await remembering(site, memoFile, (memo) => check(site, memo)));
}
