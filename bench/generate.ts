// Deterministic benchmark inputs: outgoing registers of N entries in the Phụ lục IV layout, written
// with exceljs's streaming writer (cover lines, header, index row, date cells, wrapped recipients).
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

export async function makeRegister(dir: string, entries: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `register-${entries}.xlsx`);
  if (existsSync(file)) return file;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  // A4 landscape, fit to one page wide, widths that show dates: a printable register (PDF bench).
  const ws = wb.addWorksheet('Sổ đi', { pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [16, 12, 44, 18, 26, 14, 8, 12, 10, 12].map((width) => ({ width }));
  for (const line of ['UBND HUYỆN THANH BÌNH', 'UỶ BAN NHÂN DÂN XÃ BÌNH TẤN', 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', 'Năm: 2024']) ws.addRow([line]).commit();
  ws.addRow(['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú']).commit();
  ws.addRow(Array.from({ length: 10 }, (_, i) => `(${i + 1})`)).commit();
  // ~40 documents a working day: a provincial department's volume; numbers run on across years
  // only in the sense that each year restarts at 01.
  const days = workdays(2024);
  let day = days.next().value!;
  let year = 2024;
  let n = 0;
  for (let i = 0; i < entries; i++) {
    if (i % 40 === 0 && i > 0) day = days.next().value!;
    if (day.getUTCFullYear() !== year) {
      year = day.getUTCFullYear();
      n = 0;
    }
    n++;
    const num = n < 10 ? `0${n}` : String(n);
    const cv = i % 3 === 0;
    const type = TYPES[i % TYPES.length]!;
    const row = ws.addRow([
      cv ? `${num}/UBND-${UNITS[i % UNITS.length]}` : `${num}/${type}-UBND`,
      day,
      cv ? `Công văn V/v triển khai nhiệm vụ số ${i}` : `Văn bản ${type} về việc thực hiện nhiệm vụ năm ${year} (${i})`,
      SIGNERS[i % SIGNERS.length],
      'UBND huyện Thanh Bình;\nCác phòng, ban',
      `VT, ${UNITS[i % UNITS.length]}`,
      2 + (i % 5),
      day,
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
