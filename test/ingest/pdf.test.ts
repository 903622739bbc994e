// The PDF register reader: rows rebuilt from text positions (synthetic pages and the printed
// fixtures), bad PDFs as input errors with their own codes, and the scrambled-text heuristic.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/host/node.js';
import { openWorkbook } from '../../src/ingest/index.js';
import { isIndexLine, joinCellLines, readPdf, TableBuilder } from '../../src/ingest/pdf.js';
import { groupLines, isScrambled, joinItems, TextQuality, type PdfItem, type PdfPageText } from '../../src/ingest/pdf-text.js';
import type { RawRow, RawWorkbook } from '../../src/ingest/types.js';
import { detectSheet } from '../../src/register/detect.js';
import type { Report } from '../../src/report/report.js';
import { ROOT, runCli } from '../helpers.js';

const item = (text: string, x: number, y: number, width = text.length * 5, size = 10, font = 'F1'): PdfItem => ({ text, x, y, width, size, font });

function page(number: number, items: readonly PdfItem[]): PdfPageText {
  const lines = groupLines(items);
  return { page: number, width: 600, height: 800, lines, chars: items.reduce((n, i) => n + i.text.replace(/\s/g, '').length, 0) };
}

async function rowsOf(workbook: RawWorkbook): Promise<RawRow[]> {
  const rows: RawRow[] = [];
  for await (const sheet of workbook.sheets) for await (const batch of sheet.rows) rows.push(...batch);
  return rows;
}

const fixture = (name: string): Buffer => readFileSync(`${ROOT}/fixtures/pdf/${name}`);

describe('joining the lines of a cell', () => {
  it('joins a symbol wrapped after "-" or "/" without a space', () => {
    expect(joinCellLines(['Nghị định 30/2020/NĐ-', 'CP ngày 05/3/2020'])).toBe('Nghị định 30/2020/NĐ-CP ngày 05/3/2020');
    expect(joinCellLines(['123/2024/', 'QĐ-UBND'])).toBe('123/2024/QĐ-UBND');
  });
  it('keeps the space of a free-standing dash and of ordinary wraps', () => {
    expect(joinCellLines(['kinh tế -', 'xã hội'])).toBe('kinh tế - xã hội');
    expect(joinCellLines(['- Sở Tài chính;', '- Lưu: VT.'])).toBe('- Sở Tài chính; - Lưu: VT.');
  });
  it('glues runs that touch (a name split into runs) and spaces runs apart', () => {
    expect(joinItems([item('Nguy', 0, 0, 20), item('ễ', 20, 0, 5), item('n V', 25, 0, 15), item('ă', 40, 0, 5), item('n', 45, 0, 5)])).toBe('Nguyễn Văn');
    expect(joinItems([item('Nguyễn', 0, 0, 30), item('Văn', 33, 0, 15)])).toBe('Nguyễn Văn');
  });
});

describe('lines and the index row', () => {
  it('groups items by baseline and orders them left to right', () => {
    const lines = groupLines([item('b', 50, 100), item('a', 10, 100.4), item('c', 10, 90), item('half-line lower', 10, 104)]);
    expect(lines.map((l) => l.items.map((i) => i.text).join(' '))).toEqual(['c', 'a b', 'half-line lower']);
    expect(lines.map((l) => l.number)).toEqual([1, 2, 3]);
  });
  it('knows the (1) (2) … and 1 2 … column-number rows', () => {
    const [a, b, c] = groupLines([
      item('(1)', 10, 10),
      item('(2)', 60, 10),
      item('(3)', 110, 10),
      item('1', 10, 20),
      item('2', 60, 20),
      item('3', 110, 20),
      item('1', 10, 30),
      item('3', 60, 30),
      item('4', 110, 30),
    ]);
    expect([isIndexLine(a!), isIndexLine(b!), isIndexLine(c!)]).toEqual([true, true, false]);
  });
});

describe('rebuilding the table', () => {
  // Three columns at x 20, 100, 180 (left-aligned index row), a wrapped subject, a wrap after "NĐ-",
  // a row split over the page break, a repeated header and index row, and a page number.
  const header = (y: number): PdfItem[] => [item('Số, ký hiệu', 20, y), item('Ngày tháng', 100, y), item('Trích yếu', 180, y)];
  const index = (y: number): PdfItem[] => [item('(1)', 20, y, 12), item('(2)', 100, y, 12), item('(3)', 180, y, 12)];
  const first = page(1, [
    item('SỔ ĐĂNG KÝ VĂN BẢN ĐI', 150, 40),
    item('Năm: 2024', 170, 52),
    ...header(90),
    ...index(104),
    item('01/QĐ-UBND', 20, 118, 50),
    item('02/01/2024', 100, 118, 50),
    item('Quyết định về việc', 180, 118, 90),
    item('thành lập tổ', 180, 129, 60),
    item('02/QĐ-UBND', 20, 145, 50),
    item('03/01/2024', 100, 145, 50),
    item('Thực hiện Nghị định 30/2020/NĐ-', 180, 145, 150),
    item('CP ngày 05/3/2020', 180, 156, 85),
    item('03/UBND-VP', 20, 172, 50),
    item('04/01/2024', 100, 172, 50),
    item('Công văn V/v báo', 180, 172, 80),
    item('Trang 1 / 2', 250, 780, 55),
  ]);
  const second = page(2, [
    ...header(40),
    ...index(54),
    item('cáo số liệu', 180, 68, 55),
    item('04/TB-UBND', 20, 84, 50),
    item('05/01/2024', 100, 84, 50),
    item('Thông báo lịch trực', 180, 84, 90),
    item('Trang 2 / 2', 250, 780, 55),
  ]);

  const build = (): RawRow[] => {
    const table = new TableBuilder();
    table.addPage(first);
    table.addPage(second);
    return table.finish();
  };

  it('numbers cover lines, the header, the index row and records; a blank gap before the header counts one row', () => {
    const rows = build();
    expect(rows.map((r) => [r.row, r.values.filter(Boolean).join(' | ')])).toEqual([
      [1, 'SỔ ĐĂNG KÝ VĂN BẢN ĐI'],
      [2, 'Năm: 2024'],
      [4, 'Số, ký hiệu | Ngày tháng | Trích yếu'],
      [5, '(1) | (2) | (3)'],
      [6, '01/QĐ-UBND | 02/01/2024 | Quyết định về việc thành lập tổ'],
      [7, '02/QĐ-UBND | 03/01/2024 | Thực hiện Nghị định 30/2020/NĐ-CP ngày 05/3/2020'],
      [8, '03/UBND-VP | 04/01/2024 | Công văn V/v báo cáo số liệu'],
      [9, '04/TB-UBND | 05/01/2024 | Thông báo lịch trực'],
    ]);
  });

  it('gives each row the page and line of its first text line', () => {
    const rows = build();
    expect(rows.find((r) => r.row === 8)).toMatchObject({ page: 1, line: 9 });
    expect(rows.find((r) => r.row === 9)).toMatchObject({ page: 2, line: 4 });
  });

  it('goes through the same register detection as a spreadsheet', async () => {
    const rows = build();
    const detected = await detectSheet(
      { name: '', index: 0, date1904: false, rows: (async function* () {
        yield rows;
      })() },
      { file: 'x.pdf', format: 'pdf' },
    );
    expect(detected.type).toBe('register');
    if (detected.type !== 'register') return;
    expect(detected.info.kind).toBe('outgoing');
    expect(detected.info.headerRow).toBe(4);
    expect(detected.info.title.year).toBe(2024);
    const symbols: string[] = [];
    for await (const batch of detected.entries) for (const e of batch) symbols.push(e.text('symbol'));
    expect(symbols).toEqual(['01/QĐ-UBND', '02/QĐ-UBND', '03/UBND-VP', '04/TB-UBND']);
  });

  it('splits a centred, right-aligned and left-aligned layout at the real cell edges (no index row)', () => {
    // Header cells centred; the date right-aligned against the edge at 160; text left-aligned after it.
    const table = new TableBuilder();
    table.addPage(
      page(1, [
        item('STT', 25, 30, 15),
        item('Ngày', 110, 30, 20),
        item('Trích yếu', 200, 30, 40),
        item('Người ký', 300, 30, 40),
        item('1', 30, 50, 5),
        item('02/01/2024', 108, 50, 50),
        item('Quyết định', 162, 50, 50),
        item('Nguyễn Văn Hùng', 262, 50, 75),
        item('2', 30, 64, 5),
        item('03/01/2024', 108, 64, 50),
        item('Kế hoạch tuyên truyền', 162, 64, 95),
        item('Lê Hoàng Phúc', 262, 64, 65),
      ]),
    );
    expect(table.finish().map((r) => r.values)).toEqual([
      ['STT', 'Ngày', 'Trích yếu', 'Người ký'],
      ['1', '02/01/2024', 'Quyết định', 'Nguyễn Văn Hùng'],
      ['2', '03/01/2024', 'Kế hoạch tuyên truyền', 'Lê Hoàng Phúc'],
    ]);
  });
});

describe('printed fixtures', () => {
  it('reads the bordered printing: five pages, repeated header and page numbers skipped, spreadsheet row numbers', async () => {
    const bytes = new Uint8Array(fixture('so-di-2024-chuan.pdf'));
    const rows = await rowsOf(await readPdf(bytes, 'so-di-2024-chuan.pdf', nodeHost));
    // pdfjs detaches the buffer it reads: the reader must have given it a copy.
    expect(bytes.length).toBeGreaterThan(1000);
    const entries = rows.filter((r) => /^\d+\/[\d/]*[A-ZĐ]/.test(String(r.values[0] ?? '')));
    expect(entries).toHaveLength(63);
    expect(entries[0]).toMatchObject({ row: 10, page: 1, values: expect.arrayContaining(['01/QĐ-UBND', '02/01/2024']) });
    expect(new Set(entries.map((r) => r.page)).size).toBe(5);
    expect(entries.map((r) => r.row)).toEqual(entries.map((_, i) => 10 + i));
    expect(rows.filter((r) => r.values.some((v) => typeof v === 'string' && /Trang \d/.test(v)))).toEqual([]);
    expect(rows.filter((r) => r.values[0] === '(1)')).toHaveLength(1);
  });

  it('reads a two-row header printed without borders as two header rows', async () => {
    const rows = await rowsOf(await readPdf(fixture('so-di-2024-loi.pdf'), 'so-di-2024-loi.pdf', nodeHost));
    const [top, sub] = [rows.find((r) => r.row === 8)!, rows.find((r) => r.row === 9)!];
    expect(top.values).toContain('Văn bản đi');
    expect(sub.values.slice(0, 3)).toEqual(['Số, ký hiệu', 'Ngày tháng', 'Tên loại và trích yếu nội dung']);
  });

  it('opens a PDF lazily through openWorkbook, and reports a damaged one while reading', async () => {
    const workbook = openWorkbook(fixture('bad/corrupt.pdf'), 'corrupt.pdf', nodeHost);
    expect(workbook.format).toBe('pdf');
    await expect(rowsOf(workbook)).rejects.toMatchObject({ code: 'pdf-corrupt' });
  });
});

describe('bad PDFs', () => {
  const CASES: Record<string, string> = {
    'empty.pdf': 'empty',
    'random.pdf': 'unsupported-type',
    'corrupt.pdf': 'pdf-corrupt',
    'truncated.pdf': 'pdf-corrupt',
    'encrypted.pdf': 'pdf-encrypted',
    'scanned.pdf': 'pdf-scanned',
    'scrambled.pdf': 'pdf-scrambled',
  };

  it('each gives its own code and message, exit code 2, and the other files are still checked', async () => {
    const files = Object.keys(CASES).map((f) => `fixtures/pdf/bad/${f}`);
    const run = await runCli(['check', '--config', 'fixtures/vanthu.config.json', '--as-of', '2025-01-15', '--format', 'json', ...files, 'fixtures/pdf/so-di-2024-chuan-mat-khau-chu.pdf']);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as Report;
    const byName = new Map(report.files.map((f) => [f.path.split('/').pop()!, f]));
    for (const [name, code] of Object.entries(CASES)) {
      const f = byName.get(name)!;
      expect(f.error?.code, name).toBe(code);
      expect(f.error!.message.length, name).toBeGreaterThan(20);
      expect(f.findings, name).toEqual([]);
    }
    // An owner password alone (no open password) does not stop reading.
    const owner = byName.get('so-di-2024-chuan-mat-khau-chu.pdf')!;
    expect(owner.error).toBeUndefined();
    expect(owner.registers[0]!.entries).toBe(63);
  }, 60_000);

  it('says in words what is wrong, in both languages', async () => {
    for (const lang of ['vi', 'en']) {
      const run = await runCli(['check', '--lang', lang, '--as-of', '2025-01-15', '--format', 'json', 'fixtures/pdf/bad/scanned.pdf', 'fixtures/pdf/bad/scrambled.pdf', 'fixtures/pdf/bad/encrypted.pdf']);
      const messages = (JSON.parse(run.stdout) as Report).files.map((f) => f.error!.message).join('\n');
      expect(messages).toMatch(lang === 'vi' ? /OCR[\s\S]*tách rời[\s\S]*mật khẩu/ : /OCR[\s\S]*detached[\s\S]*password/);
    }
  }, 60_000);
});

describe('scrambled text', () => {
  const line = (items: PdfItem[]): ReturnType<typeof groupLines>[number] => groupLines(items)[0]!;

  it('counts toned letters laid over another run (font fallback), not runs that only touch (NFD names)', () => {
    const q = new TextQuality();
    // Fallback: the base run keeps a gap where "ạ" is drawn on top of it.
    q.addLine(line([item('Ph m Ng c Ánh', 100, 10, 49), item('ạ', 107.5, 10, 4), item('ọ', 127.5, 10, 4)]));
    // LibreOffice's runs of an NFD name: adjacent, glued, fine.
    q.addLine(line([item('Nguy', 100, 30, 20), item('ễ', 120, 30, 5), item('n Văn Hùng', 125, 30, 45)]));
    expect(q.stats).toMatchObject({ detached: 2, fragments: 4 });
  });

  it('needs the symptom well past noise: a few odd words in a long text are not scrambling', () => {
    expect(isScrambled({ words: 6000, implausible: 32, fragments: 12, detached: 0 })).toBe(false);
    expect(isScrambled({ words: 1922, implausible: 684, fragments: 684, detached: 409 })).toBe(true);
    expect(isScrambled({ words: 60, implausible: 20, fragments: 18, detached: 0 })).toBe(true);
    expect(isScrambled({ words: 60, implausible: 3, fragments: 1, detached: 9 })).toBe(true);
    // English is implausible Vietnamese, but has vowels: not taken for scrambled text.
    const q = new TextQuality();
    q.addLine(line([item('the quick brown fox jumps over the lazy dog and runs into the forest', 10, 10, 300)]));
    expect(isScrambled(q.stats)).toBe(false);
  });
});
