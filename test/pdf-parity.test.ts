// Parity (issue #6): every spreadsheet fixture printed to PDF yields the same findings as the
// spreadsheet itself — same rule, message, field and cell text — and, by the reader's row numbering
// (src/ingest/pdf.ts), on the same rows. Only what a PDF cannot have differs: no sheet name, and no
// findings about sheets that were not printed.
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/report/report.js';
import { PRINTED } from '../scripts/fixtures/pdf.js';
import { runCli } from './helpers.js';

const ARGS = ['check', '--config', 'fixtures/vanthu.config.json', '--as-of', '2025-01-15', '--format', 'json'];

async function check(file: string): Promise<Report['files'][number]> {
  const run = await runCli([...ARGS, file]);
  const report = JSON.parse(run.stdout) as Report;
  expect(report.files).toHaveLength(1);
  return report.files[0]!;
}

type Found = Report['files'][number]['findings'][number];
/** Whitespace-insensitive: a PDF cannot tell a wrapped line from a hard line break. */
const text = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const evidence = (f: Found): string => `${f.ruleId}|${f.messageId}|${f.severity}|${f.location.field ?? ''}|${text(f.location.value)}`;
const placed = (f: Found): string => `${evidence(f)}|row ${f.location.row ?? '-'}|${f.location.column ?? '-'}`;

describe('PDF parity with the spreadsheet original', () => {
  for (const spec of PRINTED) {
    it(`${spec.name}.pdf ≡ ${spec.source}`, async () => {
      const [xlsx, pdf] = await Promise.all([check(`fixtures/${spec.source}`), check(`fixtures/pdf/${spec.name}.pdf`)]);
      expect(pdf.error?.code).toBe(xlsx.error?.code);
      const dropped = new Set(spec.dropSheets ?? []);
      const original = xlsx.findings.filter((f) => !dropped.has(f.location.sheet ?? ''));
      expect(pdf.findings.map(evidence).sort()).toEqual(original.map(evidence).sort());
      expect(pdf.findings.map(placed).sort()).toEqual(original.map(placed).sort());
      expect(pdf.registers.map((r) => ({ ...r, sheet: '' }))).toEqual(xlsx.registers.map((r) => ({ ...r, sheet: '' })));
      // A PDF location has a page and a line, and no sheet.
      for (const f of pdf.findings.filter((x) => x.location.row !== undefined)) {
        expect(f.location.sheet).toBeUndefined();
        expect(f.location.page).toBeGreaterThan(0);
        expect(f.location.line).toBeGreaterThan(0);
      }
    }, 30_000);
  }

  it('covers bordered and borderless printings, a two-row header, no index row and an incoming register', () => {
    expect(PRINTED.some((s) => s.borders)).toBe(true);
    expect(PRINTED.some((s) => !s.borders)).toBe(true);
    expect(PRINTED.map((s) => s.source)).toEqual(expect.arrayContaining(['so-di-2024-chuan.xlsx', 'so-di-2024-loi.xlsx', 'so-den-2024.xlsx', 'so-di-2024-xuat-phan-mem.xlsx']));
  });
});
