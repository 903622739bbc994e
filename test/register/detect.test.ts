// Register detection on hand-made raw sheets: header position, two-row headers, index rows, kind,
// cover lines, config overrides, entries vs footers.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/dates.js';
import type { RawRow, RawSheet, RawValue } from '../../src/ingest/types.js';
import { buildHeaderOverrides, headerKey, matchHeader } from '../../src/register/headers.js';
import { detectSheet, type SheetResult } from '../../src/register/detect.js';

function sheet(rows: (readonly RawValue[] | null)[], name = 'S'): RawSheet {
  const raw: RawRow[] = [];
  rows.forEach((values, i) => {
    if (values) raw.push({ row: i + 1, values });
  });
  return {
    name,
    index: 0,
    date1904: false,
    // Batches of 7 rows, so that the 20-row head ends inside a batch (as with an inflated chunk).
    rows: (async function* () {
      for (let i = 0; i < raw.length; i += 7) yield raw.slice(i, i + 7);
    })(),
  };
}

async function detect(rows: (readonly RawValue[] | null)[], options: Parameters<typeof detectSheet>[1] = { file: 'f.xlsx', format: 'xlsx' }) {
  const result = await detectSheet(sheet(rows), options);
  const entries: number[] = [];
  if (result.type === 'register') for await (const batch of result.entries) for (const e of batch) entries.push(e.row);
  return { result, entries };
}

const reg = (r: SheetResult) => {
  if (r.type !== 'register') throw new Error(`not a register: ${r.reason}`);
  return r.info;
};

const OUT_HEADER = ['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú'];
const row = (n: number) => [`${String(n).padStart(2, '0')}/QĐ-UBND`, '05/01/2024', 'Quyết định về việc …', 'Nguyễn Văn A', 'UBND huyện', 'VT', 2, '05/01/2024', 'A', null];

describe('header matching', () => {
  it.each([
    ['Số, ký hiệu văn bản', 'symbol'],
    ['SỐ/KÝ HIỆU', 'symbol'],
    ['Số & ký hiệu', 'symbol'],
    ['soKyHieu', 'symbol'],
    ['so_ky_hieu', 'symbol'],
    ['CodeNotation', 'symbol'],
    ['Ngày ban hành', 'issuedDate'],
    ['Ngày\nđến', 'arrivalDate'],
    ['Số đến', 'arrivalNumber'],
    ['  Tác giả ', 'author'],
    ['Cơ quan ban hành', 'author'],
    ['Tên loại và trích yếu nội dung văn bản', 'typeAndSubject'],
    ['Trích yếu', 'subject'],
    ['Loại VB', 'type'],
    ['Đơn vị hoặc người nhận', 'handler'],
    ['Ngày chuyển (dd/mm/yyyy)', 'dispatchDate'],
    ['Thời hạn giải quyết', 'dueDate'],
    ['Độ khẩn', 'urgency'],
  ] as const)('%s → %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it('ignores accents, case, punctuation and "và"', () => {
    expect(headerKey('Số, Ký hiệu và Ngày tháng')).toBe(headerKey('so ky hieu ngay thang'));
    expect(matchHeader('Họ và tên')).toBeUndefined();
  });

  it('takes overrides from config: header text or column letter', () => {
    const o = buildHeaderOverrides({ symbol: 'Số hiệu VB đi', issuedDate: 'C' });
    expect(matchHeader('Số hiệu VB đi', o.byKey)).toBe('symbol');
    expect(o.byLetter.get('C')).toBe('issuedDate');
  });
});

describe('detectSheet', () => {
  it('finds the header under cover lines, skips the index row, reads the cover', async () => {
    const { result, entries } = await detect([
      ['UBND HUYỆN THANH BÌNH'],
      ['UỶ BAN NHÂN DÂN XÃ BÌNH TẤN'],
      ['SỔ ĐĂNG KÝ VĂN BẢN ĐI'],
      ['Năm: 2024'],
      ['Từ ngày 02/01/2024 đến ngày 31/12/2024'],
      ['Từ số 01 đến số 215'],
      ['Quyển số: 02'],
      null,
      OUT_HEADER,
      OUT_HEADER.map((_, i) => `(${i + 1})`),
      row(1),
      row(2),
      null,
      [null, null, null, null, null, null, null, 'NGƯỜI LẬP SỔ'],
    ]);
    const info = reg(result);
    expect(info.headerRow).toBe(9);
    expect(info.kind).toBe('outgoing');
    expect(info.kindSource).toBe('title');
    expect(info.title).toMatchObject({
      parentAgency: 'UBND HUYỆN THANH BÌNH',
      agency: 'UỶ BAN NHÂN DÂN XÃ BÌNH TẤN',
      year: 2024,
      fromDate: dayNumber(2024, 1, 2),
      toDate: dayNumber(2024, 12, 31),
      fromNumber: 1,
      toNumber: 215,
      volume: '02',
    });
    expect(info.columns.get('symbol')?.letter).toBe('A');
    expect(info.columns.get('dispatchDate')?.letter).toBe('H');
    expect(entries).toEqual([11, 12]);
  });

  it('reads a two-row merged header (group label over sub-headers)', async () => {
    const { result, entries } = await detect([
      ['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN'],
      ['Ngày đến', 'Số đến', 'Tác giả', 'Văn bản', null, null, 'Đơn vị hoặc người nhận', 'Ngày chuyển', 'Ký nhận', 'Ghi chú'],
      [null, null, null, 'Số, ký hiệu', 'Ngày tháng', 'Tên loại và trích yếu nội dung', null, null, null, null],
      ['02/01/2024', 1, 'Sở Nội vụ', '15/SNV-VP', '28/12/2023', 'V/v …', 'Chủ tịch', '02/01/2024', 'A', null],
    ]);
    const info = reg(result);
    expect(info.kind).toBe('incoming');
    expect(info.headerRows).toEqual([2, 3]);
    expect([...info.columns.keys()]).toEqual(
      expect.arrayContaining(['arrivalDate', 'arrivalNumber', 'author', 'symbol', 'issuedDate', 'typeAndSubject', 'handler', 'transferDate']),
    );
    expect(info.columns.get('symbol')?.letter).toBe('D');
    expect(info.columns.get('transferDate')?.letter).toBe('H');
    expect(entries).toEqual([4]);
  });

  it('decides the kind from headers when there is no title, and obeys --kind', async () => {
    const rows = [['Số đến', 'Ngày đến', 'Cơ quan ban hành', 'Số ký hiệu', 'Trích yếu'], [1, '02/01/2024', 'Sở Nội vụ', '15/SNV-VP', 'V/v …']];
    expect(reg((await detect(rows)).result)).toMatchObject({ kind: 'incoming', kindSource: 'headers', headerRow: 1 });
    expect(reg((await detect(rows, { file: 'f', format: 'xlsx', kind: 'outgoing' })).result)).toMatchObject({ kind: 'outgoing', kindSource: 'option' });
  });

  it('skips repeated page headers inside the data', async () => {
    const { entries } = await detect([OUT_HEADER, row(1), OUT_HEADER, row(2)]);
    expect(entries).toEqual([2, 4]);
  });

  it('is not a register without a header row', async () => {
    const { result } = await detect([['BÁO CÁO THỐNG KÊ'], ['Chỉ tiêu', 'Số lượng'], ['Văn bản đi', 412]]);
    expect(result).toMatchObject({ type: 'skipped', reason: 'no-header' });
    expect((await detect([])).result).toMatchObject({ type: 'skipped', reason: 'empty' });
  });

  it('finds a header as low as row 15', async () => {
    const rows: (readonly RawValue[] | null)[] = Array.from({ length: 14 }, (_, i) => (i % 3 === 0 ? [`Dòng tiêu đề ${i}`] : null));
    rows.push(OUT_HEADER, row(1));
    expect(reg((await detect(rows)).result).headerRow).toBe(15);
  });
});

describe('detectSheet: cover line right above the header', () => {
  it('keeps the cover line as title, not as the top of a two-row header', async () => {
    const { result, entries } = await detect([['SỔ ĐĂNG KÝ VĂN BẢN ĐI'], ['Năm: 2024'], ['Từ số 151 đến số 300'], OUT_HEADER, row(151), row(152)]);
    const info = reg(result);
    expect(info.headerRows).toEqual([4]);
    expect(info.title).toMatchObject({ year: 2024, fromNumber: 151, toNumber: 300, kind: 'outgoing' });
    expect(entries).toEqual([5, 6]);
  });
});

describe('detectSheet: review fixes', () => {
  it('a two-cell cover line above a one-row header stays a title line', async () => {
    const { result } = await detect([['SỔ ĐĂNG KÝ VĂN BẢN ĐI'], ['Năm: 2024', null, null, 'Quyển số: 02'], OUT_HEADER, row(1), row(2)]);
    const info = reg(result);
    expect(info.headerRows).toEqual([3]);
    expect(info.title).toMatchObject({ year: 2024, volume: '02' });
  });

  it('keeps a row holding only a reserved symbol, but not a one-cell footer sentence', async () => {
    const { entries } = await detect([OUT_HEADER, row(4), ['05/QĐ-UBND'], ['Tổng số: 120 văn bản'], row(6)]);
    expect(entries).toEqual([2, 3, 5]);
  });

  it('config: col:X is a column letter, header names in capitals stay header names', () => {
    const o = buildHeaderOverrides({ index: 'STT', symbol: 'col:B', notes: 'K' });
    expect(o.byLetter.get('B')).toBe('symbol');
    expect(o.byLetter.get('K')).toBe('notes');
    expect(o.byKey.get(headerKey('STT'))).toBe('index');
  });
});
