// Hostile files: each yields a clear file-level error or a normal report, within a time and memory
// bound, and the good file passed in the same run is still reported. The CLI runs in a child process
// with a capped heap, so an out-of-memory failure fails the test instead of killing the test runner.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { ROOT } from '../helpers.js';
import { writeHostileCorpus } from './hostile-files.js';

describe('hostile input', () => {
  it('every hostile file gives a clear error or a normal report; the good file is still checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-hostile-'));
    const good = readFileSync(join(ROOT, 'fixtures/so-di-2024-chuan.xlsx'));
    const goodPdfPath = join(ROOT, 'fixtures/pdf/so-di-2024-chuan.pdf');
    const corpus = writeHostileCorpus(dir, good, existsSync(goodPdfPath) ? readFileSync(goodPdfPath) : undefined);
    const goodCopy = join(dir, 'zz-good.xlsx');
    spawnSync('cp', [join(ROOT, 'fixtures/so-di-2024-chuan.xlsx'), goodCopy]);
    const t0 = Date.now();
    const run = spawnSync(
      process.execPath,
      ['--max-old-space-size=1024', '--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'check', '--format', 'json', '--as-of', '2025-01-15', '--config', join(ROOT, 'fixtures/vanthu.config.json'), dir],
      { cwd: ROOT, encoding: 'utf8', timeout: 110_000, maxBuffer: 256 * 1024 * 1024 },
    );
    const seconds = (Date.now() - t0) / 1000;
    expect(run.signal, run.stderr.slice(-2000)).toBeNull();
    expect(run.status, run.stderr.slice(-2000)).toBe(2);
    const report = JSON.parse(run.stdout) as Report;
    const byName = new Map(report.files.map((f) => [f.path.split('/').pop()!, f]));
    for (const h of corpus) {
      const f = byName.get(h.name);
      expect(f, h.name).toBeDefined();
      if (f!.error) {
        expect(f!.error.message.length, h.name).toBeGreaterThan(10);
        expect(h.expect, `${h.name}: ${f!.error.code}`).not.toBe('report');
      } else {
        expect(h.expect, `${h.name} gave a report`).not.toBe('error');
        // Reading hostile files never produces an engine failure.
        expect(f!.findings.filter((x) => x.ruleId === 'internal-error'), h.name).toEqual([]);
      }
    }
    const goodFile = byName.get('zz-good.xlsx')!;
    expect(goodFile.error).toBeUndefined();
    expect(goodFile.registers[0]!.entries).toBeGreaterThan(50);
    expect(seconds).toBeLessThan(110);
  }, 120_000);
});
