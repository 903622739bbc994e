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
  /** Several files checked in one run (volumes of one year); registers and findings then name their `file`. */
  inputs?: string[];
  registers: { file?: string; sheet: string; kind: string; entries: number; year?: number; headerRow: number; columns?: Record<string, string> }[];
  findings: { file?: string; ruleId: string; severity: string; messageId: string; sheet: string; row: number | null; column: string | null }[];
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
      const inputs = expected.inputs ?? [inputFor(sidecarPath)];
      const hash = (input: string): string => createHash('sha256').update(readFileSync(join(ROOT, input))).digest('hex');
      const before = inputs.map(hash);
      const run = await runCli(['check', ...expected.args, '--format', 'json', ...inputs]);
      const report = JSON.parse(run.stdout) as Report;
      expect(report.files).toHaveLength(inputs.length);
      // With several inputs, each file's registers and findings are compared with those naming it.
      const ofFile = <T extends { file?: string }>(list: readonly T[], input: string): T[] => (expected.inputs ? list.filter((x) => x.file === input) : [...list]);
      inputs.forEach((input, k) => {
        const file = report.files[k]!;
        if (expected.inputs) expect(file.path).toBe(input);
        expect(file.error?.code).toBe(expected.error?.code);
        if (expected.error) expect(file.error?.message.length).toBeGreaterThan(20);
        const registers = ofFile(expected.registers, input);
        expect(
          file.registers.map((r) => ({ sheet: r.sheet, kind: r.kind, entries: r.entries, year: r.year, headerRow: r.headerRow })),
        ).toEqual(registers.map((r) => ({ sheet: r.sheet, kind: r.kind, entries: r.entries, year: r.year, headerRow: r.headerRow })));
        for (const [i, r] of registers.entries()) {
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
        expect(actual.map(key).sort(), input).toEqual(ofFile(expected.findings, input).map(key).sort());
      });
      const hasError = expected.findings.some((f) => f.severity === 'error');
      expect(run.code).toBe(expected.error ? 2 : hasError ? 1 : 0);
      // The inputs are never modified.
      expect(inputs.map(hash)).toEqual(before);
    });
  }
});
