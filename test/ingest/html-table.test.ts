import { describe, expect, it } from 'vitest';
import { decodeHtmlEntities, decodeMarkup, looksLikeHtmlTable, readHtmlTables } from '../../src/ingest/html-table.js';
import { InputError } from '../../src/ingest/types.js';
import type { RawRow } from '../../src/ingest/types.js';
import { encodeCp1258 } from './cp1258.js';

interface ReadSheet {
  readonly name: string;
  readonly index: number;
  readonly date1904: boolean;
  readonly rows: RawRow[];
  readonly batches: number[];
}

async function read(html: string, fileName?: string): Promise<ReadSheet[]> {
  const workbook = readHtmlTables(html, fileName === undefined ? {} : { fileName });
  expect(workbook.format).toBe('html');
  const sheets: ReadSheet[] = [];
  for await (const sheet of workbook.sheets) {
    const rows: RawRow[] = [];
    const batches: number[] = [];
    for await (const batch of sheet.rows) {
      batches.push(batch.length);
      rows.push(...batch);
    }
    sheets.push({ name: sheet.name, index: sheet.index, date1904: sheet.date1904, rows, batches });
  }
  return sheets;
}

async function rowsOf(html: string): Promise<RawRow[]> {
  const sheets = await read(html);
  expect(sheets).toHaveLength(1);
  return sheets[0]!.rows;
}

async function errorOf(html: string, fileName?: string): Promise<InputError> {
  try {
    await read(html, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('no error');
}

/** What a web "Xuất Excel" button writes (Excel's HTML dialect), saved as .xls. */
const REGISTER = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>So dang ky van ban di</title>
<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>S&#7893; &#273;i 2024</x:Name>
<x:WorksheetOptions><x:DisplayGridlines/><x:ActivePane>2</x:ActivePane></x:WorksheetOptions></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->
<style>
  td { font-family: "Times New Roman"; }
  .text { mso-number-format:"\\@"; }
  .ngay { mso-number-format:"dd\\/mm\\/yyyy"; }
</style>
<script type="text/javascript">var s = "<table><tr><td>not a cell</td></tr></table>";</script>
</head>
<body>
<div align="center"><b>UBND X&Atilde; B&Igrave;NH T&Acirc;N</b></div>
<div align="center"><b>SỔ ĐĂNG KÝ VĂN BẢN ĐI</b><br/>Năm:&nbsp;2024</div>
<p></p>
<table border=1 cellspacing=0>
  <tr>
    <th rowspan=2>Số, ký hiệu<br>văn bản</th>
    <th rowspan="2">Ngày tháng văn bản</th>
    <th colspan='2'>Nơi nhận</th>
    <th rowspan=2>Số lượng bản</th>
  </tr>
  <tr><th>Đơn vị<th>Bản lưu
  <tr>
    <td class=text>01/QĐ-UBND</td>
    <td class=ngay>14/03/2024</td>
    <td>Ph&ograve;ng N&ocirc;&#803;i v&uacute;
        huyện</td>
    <td>VT,&nbsp;&nbsp;VP</td>
    <td x:num>6</td>
  </tr>
  <tr>
    <td style='mso-number-format:"\\@"'>0012</td>
    <td x:num="45366" class=ngay>16/03/2024</td>
    <td><p>Đoạn 1</p><p>Đoạn 2</p></td>
    <td>&nbsp;</td>
    <td x:num="3">3</td>
  </tr>
</table>
<p>Người lập sổ</p>
</body>
</html>`;

describe('readHtmlTables', () => {
  it("reads LibreOffice's sdval: numbers as numbers, a date cell's day from its text in its format's order (1904 books too)", async () => {
    const page = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><html><head><meta name="generator" content="LibreOffice"></head><body>
<table><tr><td>Số</td><td>Ngày tháng</td><td>Ngày chuyển</td></tr>
<tr><td sdval="9" sdnum="1033;">9</td><td sdval="45366" sdnum="1033;0;M/D/YYYY">3/15/2024</td><td sdval="43904" sdnum="1066;0;DD/MM/YYYY">16/03/2024</td></tr>
<tr><td sdval="10" sdnum="1033;0;00">10</td><td sdval="45366" sdnum="1033;0;MMMM D, YYYY">March 15, 2024</td><td sdval="3.5" sdnum="1033;">3.5</td></tr>
</table></body></html>`;
    const [sheet] = await read(page);
    expect(sheet!.rows.slice(1)).toEqual([
      // 43904 is 16/03/2024 counted from 1904 (LibreOffice's null date of a 1904 book): the text decides.
      { row: 2, values: [9, 45366, 45367] },
      // A format with month names: the number itself.
      { row: 3, values: [10, 45366, 3.5] },
    ]);
  });

  it('reads a register export: title block, two-row merged header, entities, <br>, x:num, text formats', async () => {
    const sheets = await read(REGISTER);
    expect(sheets.map((s) => [s.name, s.index, s.date1904])).toEqual([['Sổ đi 2024', 0, false]]);
    expect(sheets[0]!.rows).toEqual([
      { row: 1, values: ['UBND XÃ BÌNH TÂN'] },
      { row: 2, values: ['SỔ ĐĂNG KÝ VĂN BẢN ĐI'] },
      { row: 3, values: ['Năm: 2024'] },
      // rowspan cells hold their value at the top; colspan covers column 3; the second header row shifts right.
      { row: 4, values: ['Số, ký hiệu\nvăn bản', 'Ngày tháng văn bản', 'Nơi nhận', null, 'Số lượng bản'] },
      { row: 5, values: [null, null, 'Đơn vị', 'Bản lưu'] },
      { row: 6, values: ['01/QĐ-UBND', '14/03/2024', 'Phòng N\u00f4\u0323i vú huyện', 'VT, VP', 6] },
      { row: 7, values: ['0012', 45366, 'Đoạn 1\nĐoạn 2', null, 3] },
      // text after the last table: trailing rows of its sheet
      { row: 8, values: ['Người lập sổ'] },
    ]);
  });

  it('keeps entity-decoded text as written (no NFC), and decodes numeric and Latin-1 references', () => {
    expect(decodeHtmlEntities('S&#7893; &#x111;&#7871;n &agrave;&aacute;&acirc;&atilde;&egrave;&eacute;&ecirc;&igrave;&iacute;&ograve;&oacute;&ocirc;&otilde;&ugrave;&uacute;&yacute;')).toBe(
      'Sổ đến àáâãèéêìíòóôõùúý',
    );
    expect(decodeHtmlEntities('&Agrave;&Aacute;&Acirc;&Atilde;&Egrave;&Eacute;&Ecirc;&Igrave;&Iacute;&Ograve;&Oacute;&Ocirc;&Otilde;&Ugrave;&Uacute;&Yacute;')).toBe(
      'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ',
    );
    expect(decodeHtmlEntities('&amp;&lt;&gt;&quot;&apos;&nbsp;&dstrok;&Dstrok;&abreve;&utilde;&#150;')).toBe('&<>"\'\u00a0đĐăũ–');
    // Unknown names and bare ampersands stay; legacy names read without ';'.
    expect(decodeHtmlEntities('A & B &foo; &amp C &#0; &#xD800;')).toBe('A & B &foo; & C \ufffd \ufffd');
    // A decomposed letter stays decomposed (the register layer normalises).
    expect(decodeHtmlEntities('o&#769;')).toBe('o\u0301');
  });

  it('is forgiving: unclosed td/tr/p, upper case, unquoted attributes, stray <, comments, self-closing br', async () => {
    const rows = await rowsOf(`<TABLE><!-- <tr><td>commented out</td></tr> -->
      <TR><TD COLSPAN=2>a &lt; b<BR/>c < d<TD>e
      <TR><td>f<p>g<td align=right valign=top>h<br>
      <tr><td></td><td><br></td></tr>
      <tr><td>i</TD><td/>j</table>`);
    expect(rows).toEqual([
      { row: 1, values: ['a < b\nc < d', null, 'e'] },
      { row: 2, values: ['f\ng', 'h'] },
      { row: 4, values: ['i', 'j'] },
    ]);
  });

  it('skips script, style and title content, and the head', async () => {
    const rows = await rowsOf(`<html><head><title>Tiêu đề</title><style>td{color:red}</style></head><body>
      <script>document.write("<table><tr><td>x</td></tr></table>")</script>
      <table><tr><td>a<script>var t = '</td><td>';</script>b</td><td><style>.x{}</style>c</td></tr></table></body></html>`);
    expect(rows).toEqual([{ row: 1, values: ['ab', 'c'] }]);
  });

  it('flattens nested tables into the cell', async () => {
    const rows = await rowsOf(`<table><tr><td>Nơi nhận:<table><tr><td>- UBND</td><td>huyện</td></tr><tr><td>- Lưu VT</td></tr></table></td><td>z</td></tr><tr><td>next</td></tr></table>`);
    expect(rows).toEqual([
      { row: 1, values: ['Nơi nhận:\n- UBND huyện\n- Lưu VT', 'z'] },
      { row: 2, values: ['next'] },
    ]);
  });

  it('shifts cells right past rowspans, as the covered cells are occupied', async () => {
    const rows = await rowsOf(`<table>
      <tr><td rowspan=3>A</td><td>B</td><td rowspan=2 colspan=2>C</td><td>D</td></tr>
      <tr><td>E</td><td>F</td></tr>
      <tr><td>G</td><td>H</td><td>I</td><td>J</td></tr>
      <tr><td>K</td></tr></table>`);
    expect(rows).toEqual([
      { row: 1, values: ['A', 'B', 'C', null, 'D'] },
      { row: 2, values: [null, 'E', null, null, 'F'] },
      { row: 3, values: [null, 'G', 'H', 'I', 'J'] },
      { row: 4, values: ['K'] },
    ]);
  });

  it('caps hostile spans: colspan at 1000, rowspan at 65,536, junk as 1', async () => {
    const rows = await rowsOf(`<table><tr><td colspan=999999999 rowspan=0>a</td><td>b</td></tr><tr><td rowspan="99999999">c</td><td colspan=x>d</td><td>e</td></tr></table>`);
    expect(rows).toEqual([
      { row: 1, values: ['a', ...new Array<null>(999).fill(null), 'b'] },
      { row: 2, values: ['c', 'd', 'e'] },
    ]);
  });

  it('refuses a row wider than XFD and span amplification beyond the file size', async () => {
    const wide = `<table><tr>${'<td colspan=1000>x</td>'.repeat(17)}</tr></table>`;
    const error = await errorOf(wide, 'xuat.xls');
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/xuat\.xls: row 1 of a table is wider than 16384 columns/);
    expect(error.data).toMatchObject({ file: 'xuat.xls' });
    // 16 cells covering 16,000 columns for 65,536 rows, then rows that walk past them: refused, quickly.
    const bomb = `<table><tr>${'<td colspan=1000 rowspan=65536>x</td>'.repeat(16)}</tr>${'<tr><td>y'.repeat(60000)}</table>`;
    const started = Date.now();
    const error2 = await errorOf(bomb);
    expect(error2.code).toBe('too-big');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('names sheets: Sheet1 for a lone table, Bảng N for several, text between tables leads the next', async () => {
    expect((await read('<table><tr><td>a</td></tr></table>')).map((s) => s.name)).toEqual(['Sheet1']);
    // Tables in scripts and comments, and nested ones, are not sheets.
    const lone = '<script>x = "<table></table>";</script><!-- <table> --><table><tr><td><table><tr><td>a</td></tr></table></td></tr></table>';
    expect((await read(lone)).map((s) => [s.name, s.rows])).toEqual([['Sheet1', [{ row: 1, values: ['a'] }]]]);
    const sheets = await read(`<h1>Sổ đến</h1><table><tr><td>a</td></tr></table>
      <h2>Thống kê</h2><table><tr><td><table><tr><td>n</td></tr></table>b</td></tr></table><div>Ký tên</div>`);
    expect(sheets.map((s) => [s.name, s.index, s.rows])).toEqual([
      ['Bảng 1', 0, [{ row: 1, values: ['Sổ đến'] }, { row: 2, values: ['a'] }]],
      ['Bảng 2', 1, [{ row: 1, values: ['Thống kê'] }, { row: 2, values: ['n\nb'] }, { row: 3, values: ['Ký tên'] }]],
    ]);
  });

  it('takes sheet names from Excel x:Name and the date system from x:Date1904', async () => {
    const html = `<html><head><!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets>
      <x:ExcelWorksheet><x:Name>Đi</x:Name></x:ExcelWorksheet><x:ExcelWorksheet><x:Name>Đến</x:Name></x:ExcelWorksheet>
      </x:ExcelWorksheets><x:Date1904/></x:ExcelWorkbook></xml><![endif]--></head>
      <body><table><tr><td x:num="1">1</td></tr></table><table><tr><td>2</td></tr></table><table><tr><td>3</td></tr></table></body></html>`;
    expect((await read(html)).map((s) => [s.name, s.date1904])).toEqual([
      ['Đi', true],
      ['Đến', true],
      ['Bảng 3', true],
    ]);
    // An <xml> island outside a comment (here in the body): names taken, its other text not a title line.
    const island = `<html><body><xml><x:ExcelWorksheet><x:Name>Sổ</x:Name><x:Selected/><x:ActivePane>2</x:ActivePane></x:ExcelWorksheet></xml><table><tr><td>a</td></tr></table>`;
    expect((await read(island)).map((s) => [s.name, s.rows])).toEqual([['Sổ', [{ row: 1, values: ['a'] }]]]);
  });

  it('reads LibreOffice pages: sheet names from their headings, no overview rows', async () => {
    const html = `<!DOCTYPE html><html><head><meta name="generator" content="LibreOffice 7.4.7.2 (Linux)"/></head><body>
      <hr><p><center><h1>Overview</h1><A HREF="#table0">Sổ đi</A><br></center></p><hr>
      <A NAME="table0"><h1>Sheet 1: <em>Sổ đi</em></h1></A>
      <table><tr><td height="20" sdval="1" sdnum="1033;">1</td><td><font color="#000000"><br></font></td><td>x</td></tr></table>
      <hr><A NAME="table1"><h1>Sheet 2: <em>Thống kê</em></h1></A><table><tr><td>y</td></tr></table></body></html>`;
    expect((await read(html)).map((s) => [s.name, s.rows])).toEqual([
      ['Sổ đi', [{ row: 1, values: [1, null, 'x'] }]],
      ['Thống kê', [{ row: 1, values: ['y'] }]],
    ]);
  });

  it('gives a page without a table one sheet of its lines, and an empty page none', async () => {
    expect(await read('<html><body><p>Chỉ có chữ</p>một dòng<br>hai</body></html>')).toEqual([
      { name: 'Sheet1', index: 0, date1904: false, rows: [
        { row: 1, values: ['Chỉ có chữ'] },
        { row: 2, values: ['một dòng'] },
        { row: 3, values: ['hai'] },
      ], batches: [3] },
    ]);
    expect(await read('<html><head><title>x</title></head><body>  </body></html>')).toEqual([]);
  });

  it('hands rows out in batches of at most 1000, numbered by physical row', async () => {
    const html = `<p>SỔ</p><table>${Array.from({ length: 2500 }, (_, i) => (i === 7 ? '<tr></tr>' : `<tr><td>${i}</td></tr>`)).join('')}</table>`;
    const [sheet] = await read(html);
    expect(sheet!.batches.every((n) => n > 0 && n <= 1000)).toBe(true);
    expect(sheet!.rows).toHaveLength(2500); // the title line plus 2,499 non-empty rows
    expect(sheet!.rows[0]).toEqual({ row: 1, values: ['SỔ'] });
    expect(sheet!.rows[8]).toEqual({ row: 10, values: ['8'] });
    expect(sheet!.rows[2499]).toEqual({ row: 2501, values: ['2499'] });
  });

  it('reads the next sheet even when the previous one was not iterated', async () => {
    const workbook = readHtmlTables('<table><tr><td>a</td></tr></table><table><tr><td>b</td></tr></table>', {});
    const names: string[] = [];
    const rows: RawRow[] = [];
    for await (const sheet of workbook.sheets) {
      names.push(sheet.name);
      if (sheet.index === 1) for await (const batch of sheet.rows) rows.push(...batch);
    }
    expect(names).toEqual(['Bảng 1', 'Bảng 2']);
    expect(rows).toEqual([{ row: 1, values: ['b'] }]);
  });

  it('survives unterminated constructs', async () => {
    expect(await rowsOf('<table><tr><td title="never closed>a</td></tr></table>')).toEqual([]);
    expect(await rowsOf('<table><tr><td>a<!-- open comment')).toEqual([{ row: 1, values: ['a'] }]);
    expect(await rowsOf('<table><tr><td>a</td><td>b<script>')).toEqual([{ row: 1, values: ['a', 'b'] }]);
  });
});

describe('decodeMarkup', () => {
  const meta1258 = (body: Uint8Array): Uint8Array =>
    Uint8Array.from([...Buffer.from('<html><head><meta http-equiv=Content-Type content="text/html; charset=windows-1258"></head><body>'), ...body]);

  it('honours BOMs', () => {
    const text = '<table><tr><td>Sổ đến</td></tr></table>';
    expect(decodeMarkup(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe(text);
    expect(decodeMarkup(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toBe(text);
    expect(decodeMarkup(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]))).toBe(text);
  });

  it('honours a meta charset, http-equiv or the XML declaration', () => {
    // "café" in Windows-1258 (and Latin-1): é is 0xE9.
    const cafe = Buffer.from([0x63, 0x61, 0x66, 0xe9]);
    expect(decodeMarkup(Buffer.concat([Buffer.from('<meta charset="windows-1258"><p>'), cafe]))).toBe('<meta charset="windows-1258"><p>café');
    expect(decodeMarkup(Buffer.concat([Buffer.from("<meta charset='iso-8859-1'><p>"), cafe]))).toMatch(/café$/);
    expect(decodeMarkup(Buffer.concat([Buffer.from('<?xml version="1.0" encoding="windows-1252"?><p>'), cafe]))).toMatch(/café$/);
    // Vietnamese in Windows-1258 (base letters plus combining tone bytes) comes out composed.
    expect(decodeMarkup(meta1258(encodeCp1258('Sổ đăng ký — Hà Nội'.replace('—', '-'))))).toMatch(/<body>Sổ đăng ký - Hà Nội$/);
    // A declared label beats a UTF-8 guess: these bytes are valid UTF-8 ("Ã©" would be wrong).
    expect(decodeMarkup(Buffer.concat([Buffer.from('<meta charset=windows-1252><p>'), Buffer.from('é')]))).toMatch(/<p>Ã©$/);
  });

  it('reads an unknown label or a declared UTF-16 (read from ASCII bytes) as UTF-8', () => {
    expect(decodeMarkup(Buffer.from('<meta charset="x-nonsense"><p>Sổ'))).toBe('<meta charset="x-nonsense"><p>Sổ');
    expect(decodeMarkup(Buffer.from('<meta charset="utf-16"><p>Sổ'))).toBe('<meta charset="utf-16"><p>Sổ');
  });

  it('without a declaration: UTF-8 when valid, else Windows-1258', () => {
    expect(decodeMarkup(Buffer.from('<table><td>Đến</td></table>'))).toBe('<table><td>Đến</td></table>');
    expect(decodeMarkup(Uint8Array.from([...Buffer.from('<p>'), ...encodeCp1258('Đến')]))).toBe('<p>Đến');
    expect(decodeMarkup(Uint8Array.from([...Buffer.from('<p>caf'), 0xe9]))).toBe('<p>café');
  });

  it('only looks at the first 4 KB for a meta charset', () => {
    const late = Buffer.concat([Buffer.from(`<p>${' '.repeat(5000)}</p><meta charset="windows-1258">`), Buffer.from('é')]);
    expect(decodeMarkup(late)).toMatch(/é$/);
  });
});

describe('looksLikeHtmlTable', () => {
  it('accepts HTML pages with a table, whatever the prolog', () => {
    expect(looksLikeHtmlTable('\ufeff  <!-- export --><!DOCTYPE html>\n<HTML><body><TABLE>')).toBe(true);
    expect(looksLikeHtmlTable('<table border=1><tr><td>x')).toBe(true);
    expect(looksLikeHtmlTable('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><table>')).toBe(true);
    expect(looksLikeHtmlTable('<meta charset="utf-8"><style>td{}</style><table>')).toBe(true);
  });

  it('refuses pages without a table, text, and XML Spreadsheets', () => {
    expect(looksLikeHtmlTable('<html><body><p>no table here</p></body></html>')).toBe(false);
    expect(looksLikeHtmlTable('Số,Ngày\n1,<table>\n')).toBe(false);
    expect(looksLikeHtmlTable(`<html><body>${' '.repeat(70 * 1024)}<table>`)).toBe(false);
    expect(looksLikeHtmlTable('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>')).toBe(false);
    expect(looksLikeHtmlTable('<!-- unterminated')).toBe(false);
  });
});
