// A worker thread of the batch: checks the jobs it is sent and posts each file's result as it ends.
import { parentPort } from 'node:worker_threads';
import { countsOf, runJob, type BatchJob } from './batch.js';
import type { SettingsSpec } from './settings.js';

parentPort?.on('message', (msg: { job: BatchJob; spec: SettingsSpec }) => {
  runJob(msg.job, msg.spec, (result) => parentPort!.postMessage({ type: 'file', counts: countsOf(result) }))
    .then((result) => parentPort!.postMessage({ type: 'done', result }))
    .catch((err: unknown) => parentPort!.postMessage({ type: 'error', error: err instanceof Error ? (err.stack ?? err.message) : String(err) }));
});
