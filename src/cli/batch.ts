// Running many units' registers: each unit is one job (its files share their series), jobs run on
// worker threads (one per core by default) or in-process with --jobs 1. Results come back in input
// order whatever finished first, so the output is identical for any --jobs.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runAll, type EntryCollector, type FileResult } from '../engine/run.js';
import { ReconcileCollector, type ReconcileData } from '../../rules/nd30/reconcile/match.js';
import { buildSettings, sourceFor, type SettingsSpec } from './settings.js';

export interface BatchInput {
  readonly path: string;
  readonly absolute: string;
}

export interface BatchJob {
  readonly unit: string | undefined;
  readonly inputs: readonly BatchInput[];
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
  const { settings } = await settingsFor(spec);
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

/**
 * The worker script. Compiled JS loads directly; from TypeScript sources (tests, tsx) a tiny eval
 * bootstrap registers tsx's loader inside the thread first (worker execArgv cannot carry --import).
 */
function startWorker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./worker.js', self));
  const target = new URL('./worker.ts', self).href;
  return new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(target)}); });`, { eval: true });
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
  let next = 0;
  // This thread is one of the pool: it would otherwise sit idle, and every extra thread pays its own
  // module loading and JIT warm-up (measured: most of the cost of a worker on small registers).
  const local = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      out[index] = await runJob(jobs[index]!, spec, (r) => tick(countsOf(r)));
    }
  };
  const remote = Array.from({ length: Math.min(threads, jobs.length) - 1 }, async () => {
    const worker = startWorker();
    try {
      while (next < jobs.length) {
        const index = next++;
        out[index] = await new Promise<JobResult>((resolve, reject) => {
          const onMessage = (msg: { type: 'file'; counts: FileCounts } | { type: 'done'; result: JobResult } | { type: 'error'; error: string }): void => {
            if (msg.type === 'file') tick(msg.counts);
            else {
              worker.off('message', onMessage);
              worker.off('error', reject);
              worker.off('exit', onExit);
              if (msg.type === 'done') resolve(msg.result);
              else reject(new Error(msg.error));
            }
          };
          const onExit = (code: number | null): void => reject(new Error(`worker exited (${code ?? 'signal'}) while checking ${jobs[index]!.inputs[0]?.path ?? ''}`));
          worker.on('message', onMessage);
          worker.once('error', reject);
          worker.once('exit', onExit);
          worker.postMessage({ job: jobs[index], spec });
        });
      }
    } finally {
      await worker.terminate();
    }
  });
  await Promise.all([...remote, local()]);
  return out;
}
