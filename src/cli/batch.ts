// Running many units' registers: each unit is one job (its files share their series), jobs run on
// worker threads (one per core by default) or in-process with --jobs 1. Results come back in input
// order whatever finished first, so the output is identical for any --jobs.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runAll, type EntryCollector, type FileResult, type RunSettings } from '../engine/run.js';
import { ReconcileCollector, type ReconcileData } from '../../rules/nd30/reconcile/match.js';
import { buildSettings, sourceFor, type SettingsSpec } from './settings.js';

export interface BatchInput {
  readonly path: string;
  readonly absolute: string;
}

export interface BatchJob {
  readonly unit: string | undefined;
  /** The unit's own issuer abbreviation (config `units[].issuer`): its books are checked as its own. */
  readonly issuer?: string;
  readonly inputs: readonly BatchInput[];
}

/**
 * The run settings of a unit whose issuer is configured: the agency is that unit, and only that
 * (a top-level agency's other issuers and units are not the unit's).
 */
function forUnitIssuer(settings: RunSettings, issuer: string): RunSettings {
  const agency = { issuer };
  return { ...settings, agency, config: { ...settings.config, agency } };
}

export interface JobResult {
  readonly results: FileResult[];
  readonly reconcile: ReconcileData;
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

export const countsOf = (r: FileResult): FileCounts => ({ entries: r.registers.reduce((n, x) => n + x.entries, 0), findings: r.findings.length });

// A thread checks many jobs with the same settings: build them (config file, zod validation of every
// rule's options) once per thread, not once per unit.
let settingsCache: { key: string; value: ReturnType<typeof buildSettings> } | undefined;
function settingsFor(spec: SettingsSpec): ReturnType<typeof buildSettings> {
  const key = JSON.stringify(spec);
  if (settingsCache?.key !== key) settingsCache = { key, value: buildSettings(spec) };
  return settingsCache.value;
}

/** Checks one job in this thread (also what each worker does). */
export async function runJob(job: BatchJob, spec: SettingsSpec, onFile?: (r: FileResult) => void, extraCollectors: readonly EntryCollector[] = []): Promise<JobResult> {
  const { settings: shared } = await settingsFor(spec);
  const settings = job.issuer !== undefined ? forUnitIssuer(shared, job.issuer) : shared;
  const collector = new ReconcileCollector(spec.units ?? []);
  const collectors = [...(job.unit !== undefined ? collector.collectors : []), ...extraCollectors];
  const withCollectors = collectors.length > 0 ? { ...settings, collectors } : settings;
  const results: FileResult[] = [];
  // Files of one unit run in one lifecycle (series continue across them); report each as it ends.
  const all = await runAll(
    job.inputs.map((i) => sourceFor(i.path, i.absolute, job.unit)),
    withCollectors,
  );
  for (const r of all) {
    results.push(r);
    onFile?.(r);
  }
  return { results, reconcile: collector.data() };
}

/** What a worker is given once: every job, and the counter all threads take job indices from. */
export interface WorkerInit {
  readonly jobs: readonly BatchJob[];
  readonly spec: SettingsSpec;
  readonly next: Int32Array;
}

export type WorkerMessage =
  | { readonly type: 'file'; readonly counts: FileCounts }
  | { readonly type: 'done'; readonly index: number; readonly result: JobResult }
  | { readonly type: 'error'; readonly index: number; readonly error: string }
  | { readonly type: 'finished' };

/** The next job index for this thread: one shared atomic counter, so no thread waits for another to hand out work. */
export const takeJob = (next: Int32Array): number => Atomics.add(next, 0, 1);

/**
 * The worker script. Compiled JS loads directly; from TypeScript sources (tests, tsx) a tiny eval
 * bootstrap registers tsx's loader inside the thread first (worker execArgv cannot carry --import).
 */
function startWorker(init: WorkerInit): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./worker.js', self), { workerData: init });
  const target = new URL('./worker.ts', self).href;
  return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(target)}); });`, { eval: true, workerData: init });
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** `extraCollectors` (e.g. --documents) only run in this thread: with them every job runs here. */
export async function runBatch(jobs: readonly BatchJob[], spec: SettingsSpec, threads: number, onProgress?: ProgressListener, extraCollectors: readonly EntryCollector[] = []): Promise<JobResult[]> {
  const progress: Progress = { files: 0, entries: 0, findings: 0 };
  const tick = (c: FileCounts): void => {
    progress.files++;
    progress.entries += c.entries;
    progress.findings += c.findings;
    onProgress?.(progress);
  };
  const out: JobResult[] = new Array(jobs.length);
  if (threads <= 1 || jobs.length <= 1 || extraCollectors.length > 0) {
    for (const [i, job] of jobs.entries()) out[i] = await runJob(job, spec, (r) => tick(countsOf(r)), extraCollectors);
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
      out[index] = await runJob(jobs[index]!, spec, (r) => guardedTick(countsOf(r)));
    }
  };
  const workers = Array.from({ length: Math.min(threads, jobs.length) - 1 }, () => startWorker({ jobs, spec, next }));
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
