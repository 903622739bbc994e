// Every fixture under fixtures/ against its expected-findings sidecar, exactly: no missing finding,
// no extra one. The sidecars come from the fixture script's seeding (npm run fixtures).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/report/report.js';
import { ROOT, runCli } from './helpers.js';

interface Sidecar {
  args: string[];
  error?: { code: string };
  registers: { sheet: string; kind: string; entries: number; year?: number; headerRow: number; columns?: Record<string, string> }[];
  findings: { ruleId: string; severity: string; messageId: string; sheet: string; row: number | null; column: string | null }[];
}

const sidecars = fg.sync('fixtures/**/*.expected.json', { cwd: ROOT }).sort();
const inputFor = (sidecar: string): string => {
  const base = sidecar.replace(/\.expected\.json$/, '');
  const [input] = fg.sync(`${base}.{xlsx,csv,pdf}`, { cwd: ROOT });
  if (!input) throw new Error(`no input beside ${sidecar}`);
  return input;
};

const key = (f: Sidecar['findings'][number]): string => `${f.sheet}|${String(f.row).padStart(6, '0')}|${f.column}|${f.ruleId}|${f.messageId}|${f.severity}`;

describe('fixtures', () => {
  it('exist', () => {
    expect(sidecars.length).toBeGreaterThanOrEqual(10);
  });

  for (const sidecarPath of sidecars) {
    it(sidecarPath.replace(/\.expected\.json$/, ''), async () => {
      const expected = JSON.parse(readFileSync(join(ROOT, sidecarPath), 'utf8')) as Sidecar;
      const input = inputFor(sidecarPath);
      const before = createHash('sha256').update(readFileSync(join(ROOT, input))).digest('hex');
      const run = await runCli(['check', ...expected.args, '--format', 'json', input]);
      const report = JSON.parse(run.stdout) as Report;
      const file = report.files[0]!;
      expect(report.files).toHaveLength(1);
      expect(file.error?.code).toBe(expected.error?.code);
      if (expected.error) expect(file.error?.message.length).toBeGreaterThan(20);
      expect(
        file.registers.map((r) => ({ sheet: r.sheet, kind: r.kind, entries: r.entries, year: r.year, headerRow: r.headerRow })),
      ).toEqual(expected.registers.map((r) => ({ sheet: r.sheet, kind: r.kind, entries: r.entries, year: r.year, headerRow: r.headerRow })));
      for (const [i, r] of expected.registers.entries()) {
        if (r.columns) expect(file.registers[i]!.columns).toEqual(r.columns);
      }
      const actual = file.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        messageId: f.messageId,
        sheet: f.location.sheet ?? '',
        row: f.location.row ?? null,
        column: f.location.column ?? null,
      }));
      expect(actual.map(key).sort()).toEqual(expected.findings.map(key).sort());
      const hasError = expected.findings.some((f) => f.severity === 'error');
      expect(run.code).toBe(expected.error ? 2 : hasError ? 1 : 0);
      // The input is never modified.
      expect(createHash('sha256').update(readFileSync(join(ROOT, input))).digest('hex')).toBe(before);
    });
  }
});
