// findingsCsv: one row per finding, RFC 4180 quoting, and no register cell that a spreadsheet would
// run as a formula (`=HYPERLINK(…)` typed into a register stays text).
import { describe, expect, it } from 'vitest';
import { findingsCsv } from '../../src/report/csv.js';
import type { Report } from '../../src/report/report.js';

const finding = (value: string, message = 'Số "5" thiếu số 0, phải ghi "05".') => ({
  ruleId: 'symbol/leading-zero',
  severity: 'error' as const,
  category: 'symbol',
  messageId: 'm',
  message,
  data: {},
  location: { file: 'a.xlsx', sheet: 'Sổ đi', row: 12, column: 'A', header: 'Số, ký hiệu', field: 'symbol' as const, value },
  citation: 'NĐ 30/2020/NĐ-CP, Phụ lục I',
  fix: { field: 'symbol' as const, from: value, to: '05/QĐ-UBND', kind: 'safe' as const },
});

const report = (values: readonly string[]): Report =>
  ({ version: 1, tool: { name: 'vanthu-lint', version: '0' }, lang: 'vi', files: [{ path: 'a.xlsx', registers: [], findings: values.map((v) => finding(v)) }], summary: { files: 1, fileErrors: 0, registers: 1, entries: 1, errors: values.length, warnings: 0, infos: 0 } }) as unknown as Report;

describe('findingsCsv', () => {
  it('writes a header and one CRLF row per finding, quoting commas, quotes and line breaks', () => {
    const csv = findingsCsv(report(['5/QĐ-UBND', 'a,b', 'x\ny']), 'vi');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Tệp,Trang tính,Dòng,Cột,Tiêu đề cột,Giá trị,Mức,Quy tắc,Nội dung,Sửa thành,Căn cứ');
    expect(lines[1]).toBe('a.xlsx,Sổ đi,12,A,"Số, ký hiệu",5/QĐ-UBND,lỗi,symbol/leading-zero,"Số ""5"" thiếu số 0, phải ghi ""05"".",05/QĐ-UBND,"NĐ 30/2020/NĐ-CP, Phụ lục I"');
    expect(csv).toContain('"a,b"');
    expect(csv).toContain('"x\ny"');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('never lets a cell start a formula', () => {
    for (const v of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const row = findingsCsv(report([v]), 'en').split('\r\n')[1]!;
      const fields = row.match(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, ''));
      const value = fields[5]!.replace(/^"|"$/g, '').replace(/""/g, '"');
      expect(value.startsWith("'"), v).toBe(true);
      expect(value.slice(1)).toBe(v);
    }
  });
});
