// The batch runner on its own: results by index whatever thread took the job, and a failure that
// ends the whole batch at once (every thread stops at its next take; workers are terminated).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch, type BatchJob } from '../../src/cli/batch.js';
import { dayNumber } from '../../src/core/dates.js';
import { createChecker } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const CLEAN = 'fixtures/so-di-2024-chuan.xlsx';
const checker = () => createChecker({ asOf: dayNumber(2025, 1, 15) });
const job = (unit: string): BatchJob => ({ unit, inputs: [{ path: CLEAN, absolute: join(ROOT, CLEAN) }] });

describe('runBatch', () => {
  it('returns each job at its own index on 1 and 3 threads, counting every file once', async () => {
    const jobs = Array.from({ length: 12 }, (_, i) => job(`don-vi-${i}`));
    const files = { one: 0, three: 0 };
    const one = await runBatch(checker(), jobs, 1, (p) => (files.one = p.files));
    const three = await runBatch(checker(), jobs, 3, (p) => (files.three = p.files));
    expect(files).toEqual({ one: 12, three: 12 });
    expect(three.map((r) => r.results.map((f) => f.unit))).toEqual(jobs.map((j) => [j.unit]));
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
  });

  it('stops every thread at the first failure, and draws no progress after it', async () => {
    // Job 2 cannot even be opened (no input path): the thread that takes it throws.
    const jobs = Array.from({ length: 300 }, (_, i) => (i === 2 ? ({ unit: 'hong', inputs: [null] } as unknown as BatchJob) : job(`don-vi-${i}`)));
    let ticks = 0;
    let afterFailure = 0;
    let failed = false;
    const run = runBatch(checker(), jobs, 2, () => {
      ticks++;
      if (failed) afterFailure++;
    }).catch((error: unknown) => {
      failed = true;
      return error;
    });
    const error = await run;
    expect(error).toBeInstanceOf(Error);
    // Each thread finishes at most the job it holds: far from the 300 it would check otherwise.
    expect(ticks).toBeLessThan(30);
    // Long enough for the worker (started from TypeScript here, about a second) to have taken jobs
    // had the batch gone on.
    await new Promise((r) => setTimeout(r, 2000));
    expect(afterFailure).toBe(0);
  });
});

describe('an unbuilt clone', () => {
  it('runs --by-unit --jobs 2 from another working directory (the worker finds tsx from the package)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const cwd = mkdtempSync(join(tmpdir(), 'vl-cwd-'));
    const args = (jobs: string): string[] => [
      '--import',
      import.meta.resolve('tsx/esm'),
      join(ROOT, 'src/cli/main.ts'),
      'check',
      join(ROOT, 'fixtures/campaign'),
      '--by-unit',
      '--jobs',
      jobs,
      '--config',
      join(ROOT, 'fixtures/campaign/vanthu.config.json'),
      '--as-of',
      '2025-01-15',
      '--format',
      'json',
    ];
    const run = (jobs: string): string => {
      try {
        return execFileSync(process.execPath, args(jobs), { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (err) {
        // Exit 2: the campaign holds two unreadable files; the report is still written.
        return (err as { stdout: string }).stdout;
      }
    };
    const two = run('2');
    expect(JSON.parse(two).units).toHaveLength(13);
    expect(two).toBe(run('1'));
  }, 120_000);
});
