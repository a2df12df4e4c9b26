import { Worker } from 'node:worker_threads';

/**
 * Runs `module` on a worker thread with `workerData` and resolves with the one message it posts
 * back; rejects if it throws or stops without one (`what` names it in that error). With `go`, the
 * worker is sent a message when `go` resolves (what it waits for once it has got ready).
 */
export function onWorker<T>(module: URL, workerData: unknown, what: string, go?: Promise<unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(module, { workerData });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${what} stopped (exit code ${code})`)));
    go?.then(() => worker.postMessage('go'));
  });
}
