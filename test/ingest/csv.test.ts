import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from '../../src/ingest/csv.js';
import type { RawRow } from '../../src/ingest/types.js';

async function rowsOf(bytes: Uint8Array): Promise<RawRow[]> {
  const workbook = readCsv(bytes);
  expect(workbook.format).toBe('csv');
  const rows: RawRow[] = [];
  let sheets = 0;
  for await (const sheet of workbook.sheets) {
    sheets++;
    expect({ name: sheet.name, index: sheet.index, date1904: sheet.date1904 }).toEqual({ name: '', index: 0, date1904: false });
    for await (const batch of sheet.rows) rows.push(...batch);
  }
  expect(sheets).toBe(1);
  return rows;
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

describe('readCsv', () => {
  it('reads a plain comma-separated file; values stay strings', async () => {
    expect(await rowsOf(utf8('Số,Ngày,Trích yếu\n1,05/03/2024,Về việc A\n'))).toEqual([
      { row: 1, values: ['Số', 'Ngày', 'Trích yếu'] },
      { row: 2, values: ['1', '05/03/2024', 'Về việc A'] },
    ]);
  });

  it('drops a UTF-8 BOM and decodes UTF-16LE/BE with BOM', async () => {
    const text = 'Số;Ngày\r\n12;05/03/2024\r\n';
    const expected = [
      { row: 1, values: ['Số', 'Ngày'] },
      { row: 2, values: ['12', '05/03/2024'] },
    ];
    expect(await rowsOf(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]))).toEqual(expected);
    expect(await rowsOf(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual(expected);
    expect(await rowsOf(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]))).toEqual(expected);
  });

  it('handles RFC 4180 quotes: delimiters, doubled quotes and line breaks inside', async () => {
    const text =
      'Số,Trích yếu,Ghi chú\r\n' +
      '1,"Về việc A, B và C","Quyết định ""khẩn"""\r\n' +
      '2,"Dòng 1\r\nDòng 2\nDòng 3",x\r\n' +
      '3,"",\r\n' +
      '4,cuối,"có ""ngoặc"" ở giữa"';
    expect(await rowsOf(utf8(text))).toEqual([
      { row: 1, values: ['Số', 'Trích yếu', 'Ghi chú'] },
      { row: 2, values: ['1', 'Về việc A, B và C', 'Quyết định "khẩn"'] },
      { row: 3, values: ['2', 'Dòng 1\r\nDòng 2\nDòng 3', 'x'] },
      { row: 4, values: ['3'] },
      { row: 5, values: ['4', 'cuối', 'có "ngoặc" ở giữa'] },
    ]);
  });

  it('numbers rows as a spreadsheet opening the file does: by record, blank lines counted, a quoted line break inside its row', async () => {
    const text = 'a,b\n\n\n"x\ny",z\n\n,,\nlast,\n';
    expect(await rowsOf(utf8(text))).toEqual([
      { row: 1, values: ['a', 'b'] },
      { row: 4, values: ['x\ny', 'z'] },
      { row: 7, values: ['last'] },
    ]);
  });

  it('accepts lone CR line ends (old Mac exports)', async () => {
    expect(await rowsOf(utf8('a,b\rc,d\r'))).toEqual([
      { row: 1, values: ['a', 'b'] },
      { row: 2, values: ['c', 'd'] },
    ]);
  });

  it('keeps empty fields in the middle as null and trims trailing ones', async () => {
    expect(await rowsOf(utf8('a,,c,,\n'))).toEqual([{ row: 1, values: ['a', null, 'c'] }]);
  });

  it('keeps whitespace and a quote in the middle of an unquoted field as they are', async () => {
    expect(await rowsOf(utf8(' a ,b"c"d, \n'))).toEqual([{ row: 1, values: [' a ', 'b"c"d', ' '] }]);
  });

  it('keeps text after a closing quote and reads an unclosed quote to the end', async () => {
    expect(await rowsOf(utf8('"ab"cd,e\n"open,\nstill'))).toEqual([
      { row: 1, values: ['abcd', 'e'] },
      { row: 2, values: ['open,\nstill'] },
    ]);
  });

  it('detects semicolon and tab delimiters', async () => {
    expect(await rowsOf(utf8('Số;Ký hiệu;Số tiền\n1;12/QĐ-UBND;1,5\n2;13/QĐ-UBND;2,25\n'))).toEqual([
      { row: 1, values: ['Số', 'Ký hiệu', 'Số tiền'] },
      { row: 2, values: ['1', '12/QĐ-UBND', '1,5'] },
      { row: 3, values: ['2', '13/QĐ-UBND', '2,25'] },
    ]);
    expect(await rowsOf(utf8('a\tb, c\n1\t2, 3\n'))).toEqual([
      { row: 1, values: ['a', 'b, c'] },
      { row: 2, values: ['1', '2, 3'] },
    ]);
  });

  it('empty input gives one sheet with no rows', async () => {
    expect(await rowsOf(new Uint8Array(0))).toEqual([]);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;2;3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['"a;b","c;d"\n"1;2","3;4"\n', ','],
    ['"x, y";z\n"1, 2";3\n', ';'],
    ['Số;Ngày;Số tiền\n1;05/03/2024;1,5\n2;06/03/2024;12\n', ';'],
    ['single column\nvalue\n', ','],
    ['', ','],
  ])('%j → %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});
