// Issued documents (--documents): page 1 read from the PDF, the reconciliation with the outgoing
// register ('documents/unregistered', 'documents/mismatch'), and the CLI on the fixture case
// fixtures/pdf/documents/reconcile.json — every unregistered document and mismatch found, none invented.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/host/node.js';
import { dayNumber } from '../../src/core/dates.js';
import type { Location } from '../../src/core/types.js';
import { leadingType, reconcile, sameType, documentKey, type DocumentSummary, type RegisteredSummary } from '../../rules/nd30/documents/match.js';
import { readDocument, readFields } from '../../src/ingest/pdf-document.js';
import { groupLines, type PdfItem } from '../../src/ingest/pdf-text.js';
import type { Report } from '../../src/report/report.js';
import { ROOT, runCli } from '../helpers.js';

interface Case {
  register: string;
  args: string[];
  documents: { file: string; symbol: string; date: string; type: string; subject: string }[];
  findings: { ruleId: string; messageId: string; severity: string; file: string; row: number | null; column: string | null }[];
}

const CASE = JSON.parse(readFileSync(join(ROOT, 'fixtures/pdf/documents/reconcile.json'), 'utf8')) as Case;
const DOCS = 'fixtures/pdf/documents';

describe('reading page 1 of an issued document', () => {
  for (const d of CASE.documents) {
    it(`${d.file}: ${d.symbol}, ${d.date}, ${d.type}`, async () => {
      const doc = await readDocument(readFileSync(join(ROOT, DOCS, d.file)), d.file, nodeHost);
      expect(doc.symbol?.text).toBe(d.symbol);
      const [day, month, year] = d.date.split('/').map(Number);
      expect(doc.placeDate).toMatchObject({ place: 'Bình Tấn', date: { year, month, day } });
      if (d.type === 'Công văn') {
        expect(doc.title).toBeUndefined();
        expect(doc.subject?.text).toBe(d.subject);
      } else {
        expect(doc.title?.text).toBe(d.type.toUpperCase());
        expect(doc.subject?.text).toBe(d.subject);
      }
    });
  }

  const item = (text: string, x: number, y: number): PdfItem => ({ text, x, y, width: text.length * 6, size: 13, font: 'F' });

  it('takes the symbol after "Số:" and the date from the place-and-date line, on one line or two', () => {
    const lines = groupLines([
      item('UBND HUYỆN THANH BÌNH', 40, 40),
      item('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 300, 40),
      item('Độc lập - Tự do - Hạnh phúc', 330, 56),
      item('Số: 12/QĐ - UBND', 60, 90),
      item('Bình Tấn, ngày 5 tháng 3 năm 2024', 300, 90),
      item('QUYẾT ĐỊNH', 265, 130),
      item('Về việc thành lập Tổ công tác', 215, 146),
    ]);
    expect(readFields(lines, 595)).toEqual({
      symbol: { text: '12/QĐ - UBND', line: 3 },
      placeDate: { text: 'Bình Tấn, ngày 5 tháng 3 năm 2024', line: 3, place: 'Bình Tấn', date: { year: 2024, month: 3, day: 5 } },
      title: { text: 'QUYẾT ĐỊNH', line: 4 },
      subject: { text: 'Về việc thành lập Tổ công tác', line: 5 },
    });
  });

  it('reads a công văn: no title, a "V/v" subject wrapped over two lines; a blank draft date has no date', () => {
    const lines = groupLines([
      item('Số: /UBND-VP', 60, 90),
      item('Bình Tấn, ngày     tháng     năm 2024', 300, 90),
      item('V/v báo cáo số liệu hộ nghèo,', 40, 106),
      item('hộ cận nghèo năm 2024', 40, 121),
      item('Kính gửi: UBND huyện Thanh Bình', 180, 160),
    ]);
    const fields = readFields(lines, 595);
    expect(fields.symbol?.text).toBe('/UBND-VP');
    expect(fields.placeDate).toMatchObject({ place: 'Bình Tấn' });
    expect(fields.placeDate?.date).toBeUndefined();
    expect(fields.title).toBeUndefined();
    expect(fields.subject?.text).toBe('V/v báo cáo số liệu hộ nghèo, hộ cận nghèo năm 2024');
  });

  it('does not take a register header "Số, ký hiệu" for a symbol', () => {
    const lines = groupLines([item('Số, ký hiệu văn bản', 40, 90), item('Ngày tháng', 200, 90), item('Trích yếu', 320, 90)]);
    expect(readFields(lines, 595).symbol).toBeUndefined();
  });

  it('refuses what is not a readable PDF with the input-error codes of registers', async () => {
    await expect(readDocument(Buffer.from('PK\x03\x04 not a pdf'), 'x.pdf', nodeHost)).rejects.toMatchObject({ code: 'unsupported-type' });
    await expect(readDocument(Buffer.alloc(0), 'x.pdf', nodeHost)).rejects.toMatchObject({ code: 'empty' });
    await expect(readDocument(readFileSync(join(ROOT, 'fixtures/pdf/bad/scanned.pdf')), 'scan.pdf', nodeHost)).rejects.toMatchObject({ code: 'pdf-scanned' });
    await expect(readDocument(readFileSync(join(ROOT, 'fixtures/pdf/bad/encrypted.pdf')), 'enc.pdf', nodeHost)).rejects.toMatchObject({ code: 'pdf-encrypted' });
  });
});

describe('reconciling documents with the register (pure)', () => {
  it('matches symbols whatever the spaces, case, Ð look-alike or leading zeros', () => {
    expect(documentKey('05/QĐ - UBND')).toBe(documentKey('5/qđ-ubnd'));
    expect(documentKey('5/Q\u00D0-UBND')).toBe(documentKey('05/QĐ-UBND'));
    expect(documentKey('05/QĐ-UBND')).not.toBe(documentKey('50/QĐ-UBND'));
    expect(documentKey('12/2024/QĐ–UBND')).toBe(documentKey('12/2024/QĐ-UBND'));
  });

  it('reads the type a text starts with', () => {
    const names = ['Quyết định', 'Quy định', 'Kế hoạch', 'Công văn', 'Thông báo', 'Thông tư'];
    expect(leadingType('Quyết định về việc khen thưởng', names)).toBe('Quyết định');
    expect(leadingType('QUYẾT ĐỊNH', names)).toBe('Quyết định');
    expect(leadingType('Quy định về quản lý chợ', names)).toBe('Quy định');
    expect(leadingType('V/v báo cáo số liệu', names)).toBe('Công văn');
    expect(leadingType('Thông báo, kết luận', names)).toBe('Thông báo');
    expect(leadingType('Thông báo lịch trực', ['Thông', 'Thông báo'])).toBe('Thông báo');
    expect(leadingType('Bản tin nội bộ', names)).toBeUndefined();
    expect(sameType('Kế hoạch', 'KẾ HOẠCH')).toBe(true);
  });

  const loc = (file: string, field?: Location['field'], row?: number): Location => ({ file, ...(row ? { row } : {}), ...(field ? { field } : {}) });
  const doc = (file: string, symbol: string | undefined, day: number | undefined, type?: string): DocumentSummary => ({
    file,
    ...(symbol ? { symbol } : {}),
    symbolLocation: loc(file, 'symbol'),
    ...(day !== undefined ? { day, dateText: 'x', dateLocation: loc(file, 'issuedDate') } : {}),
    ...(type ? { type, typeLocation: loc(file, 'type') } : {}),
  });
  const entry = (row: number, symbol: string, day: number, type?: string): RegisteredSummary => ({
    symbol,
    day,
    dateText: 'x',
    ...(type ? { type } : {}),
    symbolLocation: loc('so.xlsx', 'symbol', row),
    dateLocation: loc('so.xlsx', 'issuedDate', row),
    typeLocation: loc('so.xlsx', 'typeAndSubject', row),
  });
  const d1 = dayNumber(2024, 1, 2);
  const d2 = dayNumber(2024, 1, 5);
  const register = new Map([
    [documentKey('01/QĐ-UBND'), [entry(10, '01/QĐ-UBND', d1, 'Quyết định')]],
    [documentKey('02/TB-UBND'), [entry(11, '02/TB-UBND', d1, 'Thông báo'), entry(30, '02/TB-UBND', d2, 'Thông báo')]],
  ]);
  const lookup = (k: string): readonly RegisteredSummary[] => register.get(k) ?? [];
  const all = { registerRead: true, severity: (_: string, s: 'error' | 'warning' | 'info') => s };
  const brief = (fs: ReturnType<typeof reconcile>): string[] => fs.map((f) => `${f.ruleId}:${f.messageId}:${f.severity}:${f.location.file}:${f.location.row ?? '-'}`);

  it('finds unregistered documents and mismatching entries, and nothing for a matching document', () => {
    const found = reconcile(
      [doc('a.pdf', '1/QĐ-UBND', d1, 'Quyết định'), doc('b.pdf', '09/QĐ-UBND', d1, 'Quyết định'), doc('c.pdf', '01/QĐ-UBND', d2, 'Kế hoạch'), doc('d.pdf', undefined, d1)],
      lookup,
      all,
    );
    expect(brief(found)).toEqual([
      'documents/unregistered:unregistered:error:b.pdf:-',
      'documents/mismatch:date:warning:so.xlsx:10',
      'documents/mismatch:type:warning:so.xlsx:10',
      'documents/unregistered:noSymbol:warning:d.pdf:-',
    ]);
    expect(found[1]!.data).toMatchObject({ registerDate: '02/01/2024', documentDate: '05/01/2024', document: 'c.pdf' });
    expect(found[1]!.related).toEqual([loc('c.pdf', 'issuedDate')]);
  });

  it('compares with the entry that agrees best when a symbol is registered twice', () => {
    expect(reconcile([doc('e.pdf', '02/TB-UBND', d2, 'Thông báo')], lookup, all)).toEqual([]);
  });

  it('skips what one side does not know, and respects rules turned off or re-levelled', () => {
    expect(reconcile([doc('f.pdf', '01/QĐ-UBND', undefined)], lookup, all)).toEqual([]);
    const off = reconcile([doc('c.pdf', '01/QĐ-UBND', d2, 'Kế hoạch')], lookup, { registerRead: true, severity: (id, s) => (id === 'documents/mismatch' ? undefined : s) });
    expect(off).toEqual([]);
    const error = reconcile([doc('c.pdf', '01/QĐ-UBND', d2)], lookup, { registerRead: true, severity: () => 'error' });
    expect(brief(error)).toEqual(['documents/mismatch:date:error:so.xlsx:10']);
  });

  it('says once that nothing was reconciled when no outgoing register was read', () => {
    expect(brief(reconcile([doc('a.pdf', '1/QĐ-UBND', d1), doc('b.pdf', '2/QĐ-UBND', d1)], lookup, { ...all, registerRead: false }))).toEqual([
      'documents/unregistered:noRegister:warning:a.pdf:-',
    ]);
  });
});

describe('check <register> --documents <dir>', () => {
  const key = (f: { ruleId: string; messageId: string; severity: string; file: string; row: number | null; column: string | null }): string =>
    `${f.file}|${f.row ?? '-'}|${f.column ?? '-'}|${f.ruleId}|${f.messageId}|${f.severity}`;

  async function reconcileRun(register: string, documents = DOCS, extra: string[] = []): Promise<{ code: number; found: string[]; report: Report }> {
    const run = await runCli(['check', ...CASE.args, ...extra, '--format', 'json', register, '--documents', documents]);
    const report = JSON.parse(run.stdout) as Report;
    const found = report.files.flatMap((file) =>
      file.findings.map((f) => key({ ruleId: f.ruleId, messageId: f.messageId, severity: f.severity, file: f.location.file, row: f.location.row ?? null, column: f.location.column ?? null })),
    );
    return { code: run.code, found, report };
  }

  it('finds every unregistered document and every mismatch of the fixture case, none invented', async () => {
    const { code, found, report } = await reconcileRun(CASE.register);
    const isDocRule = (k: string): boolean => k.includes('|documents/');
    expect(found.filter(isDocRule).sort()).toEqual(CASE.findings.filter((f) => f.ruleId.startsWith('documents/')).map(key).sort());
    // The seeded symbol defect of a document is found by the symbol rules, on the document.
    for (const f of CASE.findings.filter((x) => !x.ruleId.startsWith('documents/'))) expect(found).toContain(key(f));
    expect(report.files.map((f) => f.path)).toEqual([CASE.register, ...CASE.documents.map((d) => `${DOCS}/${d.file}`).sort()]);
    expect(report.files.every((f) => !f.error)).toBe(true);
    expect(code).toBe(1);
  }, 60_000);

  it('gives the same reconciliation against the register printed to PDF (same rows)', async () => {
    const { found } = await reconcileRun('fixtures/pdf/so-di-2024-chuan.pdf');
    const docFindings = found.filter((k) => k.includes('|documents/')).map((k) => k.replace('fixtures/pdf/so-di-2024-chuan.pdf', CASE.register));
    expect(docFindings.sort()).toEqual(CASE.findings.filter((f) => f.ruleId.startsWith('documents/')).map(key).sort());
  }, 60_000);

  it('takes a glob, follows the config, and reports a bad document PDF as a file error (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-docs-'));
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'documents/mismatch': 'off', 'documents/unregistered': 'warning' } }));
    const { found } = await reconcileRun(CASE.register, `${DOCS}/chua-*.pdf`, ['--config', config]);
    expect(found).toEqual([`${DOCS}/chua-vao-so.pdf|-|-|documents/unregistered|unregistered|warning`]);
    const bad = await runCli(['check', ...CASE.args, '--format', 'json', CASE.register, '--documents', 'fixtures/pdf/bad/scanned.pdf']);
    expect(bad.code).toBe(2);
    const files = (JSON.parse(bad.stdout) as Report).files;
    expect(files.map((f) => f.error?.code)).toEqual([undefined, 'pdf-scanned']);
  }, 60_000);

  it('is a usage error when there is no PDF to read', async () => {
    const run = await runCli(['check', ...CASE.args, CASE.register, '--documents', 'fixtures/khong-co-thu-muc-nay']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--documents/);
  });
});
