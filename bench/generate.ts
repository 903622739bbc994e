// Deterministic benchmark inputs: outgoing registers of N entries in the Phụ lục IV layout, written
// with exceljs's streaming writer (cover lines, header, index row, date cells, wrapped recipients).
// `{ badlyKept: true }` writes the same book kept badly: 17 rows in 20 carry one defect (DEFECTS),
// so that a check reports about 0.85 findings per row (the finding-heavy memory benchmark).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

const TYPES = ['QĐ', 'TB', 'KH', 'BC', 'TTr', 'GM'];
const UNITS = ['VP', 'KT', 'VHXH', 'TP', 'ĐC'];
const SIGNERS = ['Nguyễn Văn Hùng', 'Trần Thị Mỹ Lệ', 'Lê Hoàng Phúc', 'Phạm Ngọc Ánh'];

/** Working days (Mon–Fri) from 2 January of `year`, as many as needed; wraps to the next year. */
function* workdays(year: number): Generator<Date> {
  const d = new Date(Date.UTC(year, 0, 2));
  for (;;) {
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) yield new Date(d);
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

/**
 * The defect of row i of a badly kept book is DEFECTS[i % 20]; undefined rows are clean. A fixed
 * cycle, not a random draw: the same rows are bad in every run, and each kind is 1/20 of the book
 * (dates out of order stay at 5% of the series, below numbering/order's 15% summary threshold).
 */
type Defect =
  | 'space-slash' // 12 /QĐ-UBND
  | 'space-hyphen' // 12/TB - UBND
  | 'line-break' // 12/KH-↵UBND
  | 'ascii-d' // 12/QD-UBND
  | 'eth' // 12/QÐ-UBND (U+00D0)
  | 'lower-type' // 12/tb-UBND
  | 'lower-issuer' // 12/BC-ubnd
  | 'padding' // 012/…, and 5/… (no leading zero) below 10
  | 'duplicate' // the previous row's number again
  | 'gap' // one number skipped
  | 'date-earlier' // dated 15 days before its neighbours (numbers and dates out of order)
  | 'date-missing' // no document date
  | 'date-unreadable' // 31/02/2024 as text
  | 'dispatch-missing' // no Ngày chuyển
  | 'dispatch-before' // Ngày chuyển 3 days before the document date
  | 'signer-missing' // no Người ký
  | 'recipients-missing'; // no Nơi nhận
const DEFECTS: readonly (Defect | undefined)[] = [
  // A duplicate follows a clean row: its number is then an ordinary one of the series.
  undefined, 'duplicate', 'space-slash', 'ascii-d', 'lower-type', 'date-earlier', 'dispatch-missing', 'space-hyphen', 'gap', 'padding',
  undefined, 'lower-issuer', 'date-missing', 'eth', 'dispatch-before', 'line-break', undefined, 'date-unreadable', 'signer-missing', 'recipients-missing',
];

export interface RegisterOptions {
  /** 85% of the rows carry a defect (file `register-<N>-bad.xlsx`). */
  readonly badlyKept?: boolean;
}

function badSymbol(defect: Defect | undefined, num: string, symbol: string): string {
  switch (defect) {
    case 'space-slash':
      return symbol.replace('/', ' /');
    case 'space-hyphen':
      return symbol.replace('-', ' - ');
    case 'line-break':
      return symbol.replace('-', '-\n');
    case 'ascii-d':
      return `${num}/QD-UBND`;
    case 'eth':
      return `${num}/Q\u00D0-UBND`;
    case 'lower-type':
      return symbol.replace(/\/([^-]+)-/, (_, code: string) => `/${code.toLowerCase()}-`);
    case 'lower-issuer':
      return symbol.replace(/-([^-]+)$/, (_, code: string) => `-${code.toLowerCase()}`);
    case 'padding':
      return symbol.replace(/^\d+/, num.startsWith('0') ? num.slice(1) : `0${num}`);
    default:
      return symbol;
  }
}

const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * 86_400_000);

export async function makeRegister(dir: string, entries: number, options: RegisterOptions = {}): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const bad = options.badlyKept === true;
  const file = join(dir, `register-${entries}${bad ? '-bad' : ''}.xlsx`);
  if (existsSync(file)) return file;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  // A4 landscape, fit to one page wide, widths that show dates: a printable register (PDF bench).
  const ws = wb.addWorksheet('Sổ đi', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [16, 12, 44, 18, 26, 14, 8, 12, 10, 12].map((width) => ({ width }));
  for (const line of ['UBND HUYỆN THANH BÌNH', 'UỶ BAN NHÂN DÂN XÃ BÌNH TẤN', 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', 'Năm: 2024']) ws.addRow([line]).commit();
  ws.addRow(['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú']).commit();
  ws.addRow(Array.from({ length: 10 }, (_, i) => `(${i + 1})`)).commit();
  // ~40 documents a working day: a provincial department's volume; numbers run on across years
  // only in the sense that each year restarts at 01. A badly kept book stays within its declared
  // year 2024 (up to 400 a day): spread over ten years, its defects would break register/period's
  // one-finding-per-year summaries into thousands of per-row findings, and timeliness would judge
  // documents dated after --as-of.
  const perDay = bad ? Math.max(40, Math.ceil(entries / 250)) : 40;
  const days = workdays(2024);
  let day = days.next().value!;
  let year = 2024;
  let n = 0;
  for (let i = 0; i < entries; i++) {
    if (i % perDay === 0 && i > 0) day = days.next().value!;
    if (day.getUTCFullYear() !== year) {
      year = day.getUTCFullYear();
      n = 0;
    }
    const defect = bad ? DEFECTS[i % DEFECTS.length] : undefined;
    // A duplicate reuses the previous number (not on a year's first row); a gap skips one.
    if (defect !== 'duplicate' || n === 0) n++;
    if (defect === 'gap') n++;
    const num = n < 10 ? `0${n}` : String(n);
    const cv = i % 3 === 0 && defect !== 'ascii-d' && defect !== 'eth';
    const type = defect === 'ascii-d' || defect === 'eth' ? 'QĐ' : TYPES[i % TYPES.length]!;
    const unit = UNITS[i % UNITS.length]!;
    const symbol = cv ? `${num}/UBND-${unit}` : `${num}/${type}-UBND`;
    const dated = defect === 'date-earlier' ? addDays(day, -15) : day;
    const row = ws.addRow([
      bad ? badSymbol(defect, num, symbol) : symbol,
      defect === 'date-missing' ? null : defect === 'date-unreadable' ? `31/02/${year}` : dated,
      cv ? `Công văn V/v triển khai nhiệm vụ số ${i}` : `Văn bản ${type} về việc thực hiện nhiệm vụ năm ${year} (${i})`,
      defect === 'signer-missing' ? null : SIGNERS[i % SIGNERS.length],
      defect === 'recipients-missing' ? null : 'UBND huyện Thanh Bình;\nCác phòng, ban',
      `VT, ${unit}`,
      2 + (i % 5),
      defect === 'dispatch-missing' ? null : defect === 'dispatch-before' ? addDays(day, -3) : dated,
      'Đã ký',
      null,
    ]);
    row.getCell(2).numFmt = 'dd/mm/yyyy';
    row.getCell(8).numFmt = 'dd/mm/yyyy';
    row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
    row.height = 30;
    row.commit();
  }
  ws.commit();
  await wb.commit();
  return file;
}
