// Parity (issue #15): every register fixture converted to each shape it arrives in — .xls and .ods
// saved by LibreOffice, the HTML and XML "Xuất Excel" exports named .xls, its register sheet as a
// Word table and as Windows-1258 and UTF-16 CSV, typed in TCVN3 and VNI fonts — gives the findings
// of the xlsx itself: same rule, message, severity, field and cell text, and where the shape keeps
// them the same rows, columns and sheets. What only the variant has is said and checked apart: the
// note that a file named .xls holds HTML or XML, the note that its text was in a legacy encoding.
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/report/report.js';
import { VARIANTS, type Variant } from '../scripts/fixtures/formats.js';
import { runCli } from './helpers.js';

const ARGS = ['check', '--config', 'fixtures/vanthu.config.json', '--as-of', '2025-01-15', '--format', 'json'];

async function check(files: readonly string[]): Promise<Report['files']> {
  const run = await runCli([...ARGS, ...files]);
  const report = JSON.parse(run.stdout) as Report;
  expect(report.files).toHaveLength(files.length);
  return report.files;
}

type Found = Report['files'][number]['findings'][number];
const text = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
const evidence = (f: Found): string => `${f.ruleId}|${f.messageId}|${f.severity}|${f.location.field ?? ''}|${text(f.location.value)}`;
const placed = (v: Variant) => (f: Found): string =>
  `${evidence(f)}|row ${v.keepsRows ? (f.location.row ?? '-') : ''}|${f.location.column ?? '-'}|${v.keepsSheetName ? (f.location.sheet ?? '-') : ''}`;
/** Notes only a variant has (checked in their own test). */
const OWN = new Set(['input/renamed-file', 'input/legacy-encoding']);

const sources = [...new Set(VARIANTS.map((v) => v.source))];
const originals = new Map<string, Promise<Report['files'][number]>>();
const original = (source: string): Promise<Report['files'][number]> => {
  if (!originals.has(source)) originals.set(source, check([`fixtures/${source}`]).then((f) => f[0]!));
  return originals.get(source)!;
};

describe('every shape of a register gives the findings of its xlsx', () => {
  for (const source of sources) {
    const variants = VARIANTS.filter((v) => v.source === source);
    it(`${source}: ${variants.map((v) => v.kind).join(', ')}`, async () => {
      const xlsx = await original(source);
      // All variants of one source in one run would be copies of each other: one run each.
      const runs = await Promise.all(variants.map((v) => check([`fixtures/formats/${v.file}`]).then((f) => f[0]!)));
      variants.forEach((v, k) => {
        const got = runs[k]!;
        expect(got.error?.code, v.file).toBe(xlsx.error?.code);
        const registerSheet = xlsx.registers[0]!.sheet;
        const expected = xlsx.findings.filter((f) => !v.registerSheetOnly || (f.location.sheet === registerSheet && f.ruleId !== 'register/sheet-skipped'));
        const actual = got.findings.filter((f) => !OWN.has(f.ruleId));
        expect(actual.map(evidence).sort(), v.file).toEqual(expected.map(evidence).sort());
        expect(actual.map(placed(v)).sort(), v.file).toEqual(expected.map(placed(v)).sort());
        const regs = (r: Report['files'][number]['registers']) =>
          r.map((x) => ({ kind: x.kind, entries: x.entries, year: x.year, columns: x.columns, ...(v.keepsRows ? { headerRow: x.headerRow } : {}), ...(v.keepsSheetName ? { sheet: x.sheet } : {}) }));
        expect(regs(got.registers), v.file).toEqual(regs(v.registerSheetOnly ? xlsx.registers.slice(0, 1) : xlsx.registers));
      });
    }, 120_000);
  }

  it('says what only the variant has: .xls holding HTML or XML is named so; legacy text is converted and said', async () => {
    const [html, xml, xls, tcvn3, vni] = await check([
      'fixtures/formats/so-di-2024-loi.html.xls',
      'fixtures/formats/so-di-2024-loi.xml.xls',
      'fixtures/formats/so-di-2024-loi.xls',
      'fixtures/formats/so-di-2024-chuan.tcvn3.xlsx',
      'fixtures/formats/so-den-2024.vni.xlsx',
    ]);
    expect(html!.findings.filter((f) => f.ruleId === 'input/renamed-file').map((f) => f.data)).toEqual([{ actual: 'HTML', extension: 'xls' }]);
    expect(xml!.findings.filter((f) => f.ruleId === 'input/renamed-file').map((f) => f.data)).toEqual([{ actual: 'Excel 2003 XML', extension: 'xls' }]);
    expect(xls!.findings.filter((f) => OWN.has(f.ruleId))).toEqual([]);
    const legacy = (f: Report['files'][number]) => f.findings.filter((x) => x.ruleId === 'input/legacy-encoding');
    expect(legacy(tcvn3!).length).toBeGreaterThan(0);
    expect(legacy(tcvn3!)[0]!.data['encoding']).toBe('TCVN3');
    expect(legacy(tcvn3!)[0]!.severity).toBe('info');
    expect(legacy(vni!)[0]!.data['encoding']).toBe('VNI');
  }, 120_000);

  it('covers every shape the issue names, for outgoing and incoming books', () => {
    const kinds = new Set(VARIANTS.map((v) => v.kind));
    for (const k of ['xls', 'ods', 'html', 'xml', 'docx', 'cp1258', 'utf16', 'tcvn3', 'vni'] as const) expect(kinds.has(k), k).toBe(true);
    expect(VARIANTS.some((v) => v.source === 'so-den-2024.xlsx' && v.kind === 'xls')).toBe(true);
  });
});
