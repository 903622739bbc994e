// A worker thread of the batch: makes its checker from the shared setup, takes jobs from the shared
// counter until none is left, posting each file's counts as it ends and each job's result, then says
// it has finished.
import { parentPort, workerData } from 'node:worker_threads';
import { createChecker } from '../index.js';
import { countsOf, runJob, takeJob, type WorkerInit, type WorkerMessage } from './batch.js';

const { jobs, setup, next } = workerData as WorkerInit;
const post = (msg: WorkerMessage): void => parentPort!.postMessage(msg);

const checker = createChecker(setup);
for (let index = takeJob(next); index < jobs.length; index = takeJob(next)) {
  try {
    post({ type: 'done', index, result: await runJob(checker, jobs[index]!, (result) => post({ type: 'file', counts: countsOf(result) })) });
  } catch (err) {
    post({ type: 'error', index, error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    break;
  }
}
post({ type: 'finished' });
