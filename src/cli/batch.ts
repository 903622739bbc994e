// Running many units' registers: each unit is one group (its files share their series), groups run on
// worker threads (one per core by default) or in this thread with --jobs 1. Every thread makes its
// own checker from the same plain-data setup and calls the engine (checkGroup); this thread finishes
// the run with every group's result, in input order, so the output is identical for any --jobs.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { countsOf, type CheckInput, type CheckSetup, type Checker, type GroupResult } from '../engine/check.js';
import type { FileResult } from '../engine/run.js';
import { InputError } from '../ingest/types.js';

export interface BatchInput {
  readonly path: string;
  readonly absolute: string;
  /** Known bad without reading it: a folder's file of no register type, a folder with no file at all. */
  readonly refuse?: 'unsupported-type' | 'empty-folder';
}

export interface BatchJob {
  readonly unit: string | undefined;
  readonly inputs: readonly BatchInput[];
}

export interface Progress {
  files: number;
  entries: number;
  findings: number;
}

export type ProgressListener = (p: Readonly<Progress>) => void;

export interface FileCounts {
  readonly entries: number;
  readonly findings: number;
}

export { countsOf } from '../engine/check.js';

/** An input read from disk when the engine gets to it (a missing file is that file's error). */
export function fileInput(path: string, absolute: string, refuse?: BatchInput['refuse']): CheckInput {
  return {
    name: path,
    bytes: async () => {
      if (refuse === 'unsupported-type') throw new InputError('unsupported-type', `${path}: not a register file type`, { file: path, detected: 'extension' });
      if (refuse === 'empty-folder') throw new InputError('empty-folder', `${path}: no file in the folder`, { file: path });
      try {
        return await readFile(absolute);
      } catch {
        throw new InputError('not-found', absolute);
      }
    },
  };
}

/** Checks one job with the given checker (this thread's, or a worker's). */
export function runJob(checker: Checker, job: BatchJob, onFile?: (r: FileResult) => void): Promise<GroupResult> {
  return checker.checkGroup(
    job.inputs.map((i) => fileInput(i.path, i.absolute, i.refuse)),
    job.unit,
    onFile ? { onFile } : {},
  );
}

/** What a worker is given once: every job, the checker's setup, and the counter all threads take job indices from. */
export interface WorkerInit {
  readonly jobs: readonly BatchJob[];
  readonly setup: CheckSetup;
  readonly next: Int32Array;
}

export type WorkerMessage =
  | { readonly type: 'file'; readonly counts: FileCounts }
  | { readonly type: 'done'; readonly index: number; readonly result: GroupResult }
  | { readonly type: 'error'; readonly index: number; readonly error: string }
  | { readonly type: 'finished' };

/** The next job index for this thread: one shared atomic counter, so no thread waits for another to hand out work. */
export const takeJob = (next: Int32Array): number => Atomics.add(next, 0, 1);

/**
 * The worker script. Compiled JS loads directly; from TypeScript sources (an unbuilt clone, tests) a
 * tiny eval bootstrap registers tsx's loader inside the thread first (worker execArgv cannot carry
 * --import). tsx is resolved here, from this package, so the working directory does not matter.
 */
function startWorker(init: WorkerInit): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./worker.js', self), { workerData: init });
  const target = new URL('./worker.ts', self).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`, { eval: true, workerData: init });
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/**
 * Checks every job: on `threads` threads when the checker allows it (a run-scope check whose state
 * lives in this thread, e.g. --documents, keeps every job here). Results by job index.
 */
export async function runBatch(checker: Checker, jobs: readonly BatchJob[], threads: number, onProgress?: ProgressListener): Promise<GroupResult[]> {
  const progress: Progress = { files: 0, entries: 0, findings: 0 };
  const tick = (c: FileCounts): void => {
    progress.files++;
    progress.entries += c.entries;
    progress.findings += c.findings;
    onProgress?.(progress);
  };
  const out: GroupResult[] = new Array(jobs.length);
  if (threads <= 1 || jobs.length <= 1 || checker.local) {
    for (const [i, job] of jobs.entries()) out[i] = await runJob(checker, job, (r) => tick(countsOf(r)));
    return out;
  }
  // Every thread, this one included, takes the next job from a shared counter as soon as it is free:
  // a worker never waits for this thread (busy with its own job) to hand it work. Results land by
  // index, so the output does not depend on which thread checked what.
  const next = new Int32Array(new SharedArrayBuffer(4));
  // The first failure ends the batch: the counter jumps past the last job so that every thread stops
  // at its next take, the workers are terminated, and no progress is drawn after the error.
  let failed = false;
  const fail = (): void => {
    failed = true;
    Atomics.store(next, 0, jobs.length);
  };
  const guardedTick = (c: FileCounts): void => {
    if (!failed) tick(c);
  };
  const local = async (): Promise<void> => {
    for (let index = takeJob(next); index < jobs.length; index = takeJob(next)) {
      out[index] = await runJob(checker, jobs[index]!, (r) => guardedTick(countsOf(r)));
    }
  };
  const workers = Array.from({ length: Math.min(threads, jobs.length) - 1 }, () => startWorker({ jobs, setup: checker.setup, next }));
  const remote = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        worker.on('message', (msg: WorkerMessage) => {
          if (msg.type === 'file') guardedTick(msg.counts);
          else if (msg.type === 'done') out[msg.index] = msg.result;
          else if (msg.type === 'error') reject(new Error(`${jobs[msg.index]?.inputs[0]?.path ?? ''}: ${msg.error}`));
          else resolve();
        });
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`worker exited (${code}) before finishing its jobs`)));
      }),
  );
  try {
    await Promise.all([...remote, local()]);
  } catch (error) {
    fail();
    throw error;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
