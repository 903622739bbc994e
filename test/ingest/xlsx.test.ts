import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NODE } from './codecs.js';
import { sniff } from '../../src/ingest/sniff.js';
import { InputError } from '../../src/ingest/types.js';
import type { RawRow, RawSheet, RawWorkbook } from '../../src/ingest/types.js';
import { readXlsx } from '../../src/ingest/xlsx.js';
import { entryDataRange, findEntry, readZipDirectory } from '../../src/ingest/zip.js';
import { buildZip, patchZip, unzipAll } from './zip-builder.js';

interface SheetDump {
  readonly name: string;
  readonly index: number;
  readonly date1904: boolean;
  readonly rows: RawRow[];
}

async function dump(workbook: RawWorkbook): Promise<SheetDump[]> {
  const out: SheetDump[] = [];
  for await (const sheet of workbook.sheets) out.push({ ...sheetInfo(sheet), rows: (await collect(sheet.rows)).flat() });
  return out;
}

const sheetInfo = (s: Pick<RawSheet, 'name' | 'index' | 'date1904'>) => ({ name: s.name, index: s.index, date1904: s.date1904 });

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

async function toBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Reads an xlsx the way openWorkbook does: sniff for date1904, then readXlsx. */
async function read(bytes: Uint8Array): Promise<SheetDump[]> {
  const kind = sniff(bytes, 'test.xlsx', NODE);
  if (kind.format !== 'xlsx') throw new Error(`sniffed as ${kind.format}`);
  return dump(readXlsx(bytes, { ...NODE, date1904: kind.date1904 }));
}

async function readError(bytes: Uint8Array): Promise<InputError> {
  try {
    await dump(readXlsx(bytes, { ...NODE, date1904: false }));
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const NFD_NAME = 'Nguyễn Văn Ánh'.normalize('NFD');

async function featureWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ VB đến');
  ws.getCell('A1').value = 'SỔ ĐĂNG KÝ VĂN BẢN ĐẾN';
  ws.getCell('A3').value = '12/QĐ-UBND';
  const date = ws.getCell('B3');
  date.value = new Date(Date.UTC(2024, 2, 5));
  date.numFmt = 'dd/mm/yyyy';
  ws.getCell('C3').value = 45356;
  ws.getCell('D3').value = '05/03/2024';
  ws.getCell('A4').value = {
    richText: [{ text: 'Quyết định ', font: { bold: true } }, { text: 'số 12' }],
  };
  ws.getCell('B4').value = { formula: 'B3+1', result: 45357 };
  ws.getCell('C4').value = { formula: 'A3&" (bản sao)"', result: '12/QĐ-UBND (bản sao)' };
  ws.getCell('D4').value = { formula: 'NOW()' } as ExcelJS.CellFormulaValue;
  ws.getCell('E4').value = { text: 'Văn bản điện tử', hyperlink: 'https://example.vn/vb/12' };
  ws.getCell('A5').value = true;
  ws.getCell('B5').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
  ws.getCell('C5').value = 'Dòng 1\nDòng 2';
  ws.getCell('D5').value = NFD_NAME;
  ws.getCell('E5').value = '';
  ws.getCell('F5').value = '  khoảng trắng  ';
  // Row 8 after two blank rows; rows 9 and 10 only look filled (style, empty string).
  ws.getCell('C8').value = 'sau hai dòng trống';
  ws.getCell('A9').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  ws.getCell('B10').value = '';
  return toBytes(wb);
}

describe('readXlsx values', () => {
  it('reads every kind of cell as a RawValue with physical row numbers', async () => {
    const [sheet, ...others] = await read(await featureWorkbook());
    expect(others).toEqual([]);
    expect(sheet).toMatchObject({ name: 'Sổ VB đến', index: 0, date1904: false });
    expect(sheet?.rows).toEqual([
      { row: 1, values: ['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN'] },
      { row: 3, values: ['12/QĐ-UBND', 45356, 45356, '05/03/2024'] },
      {
        row: 4,
        values: ['Quyết định số 12', 45357, '12/QĐ-UBND (bản sao)', null, 'Văn bản điện tử'],
      },
      { row: 5, values: [true, '#REF!', 'Dòng 1\nDòng 2', NFD_NAME, null, '  khoảng trắng  '] },
      { row: 8, values: [null, null, 'sau hai dòng trống'] },
    ]);
  });

  it('keeps NFD text as NFD (rules detect it)', async () => {
    const [sheet] = await read(await featureWorkbook());
    const value = sheet?.rows.find((r) => r.row === 5)?.values[3];
    expect(value).toBe(NFD_NAME);
    expect(value).not.toBe(NFD_NAME.normalize('NFC'));
  });

  it('decodes _xHHHH_ escapes (Excel stores a carriage return as _x000D_)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = 'placeholder';
    const bytes = patchZip(await toBytes(wb), {
      'xl/sharedStrings.xml': (xml) => xml.replace('placeholder', 'Dòng 1_x000D_\nDòng 2'),
    });
    const [sheet] = await read(bytes);
    expect(sheet?.rows[0]?.values).toEqual(['Dòng 1\r\nDòng 2']);
  });

  it('reads a date-formatted cell as its serial, whatever its format', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    const formats = ['dd/mm/yyyy', '[$-42A]dd mmmm yyyy', 'mm-dd-yy', 'dd/mm/yyyy hh:mm'];
    formats.forEach((numFmt, i) => {
      const cell = ws.getCell(1, i + 1);
      cell.value = new Date(Date.UTC(2024, 2, 5));
      cell.numFmt = numFmt;
    });
    const [sheet] = await read(await toBytes(wb));
    expect(sheet?.rows[0]?.values).toEqual([45356, 45356, 45356, 45356]);
  });
});

describe('readXlsx sheets', () => {
  async function twoSheets(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sổ VB đi').getCell('A1').value = 'đi';
    wb.addWorksheet('Sổ VB đến').getCell('B2').value = 'đến';
    return toBytes(wb);
  }

  it('gives two sheets in order with their names', async () => {
    const sheets = await read(await twoSheets());
    expect(sheets.map(sheetInfo)).toEqual([
      { name: 'Sổ VB đi', index: 0, date1904: false },
      { name: 'Sổ VB đến', index: 1, date1904: false },
    ]);
    expect(sheets[0]?.rows).toEqual([{ row: 1, values: ['đi'] }]);
    expect(sheets[1]?.rows).toEqual([{ row: 2, values: [null, 'đến'] }]);
  });

  it('follows tab order (workbook.xml), not the order of the parts in the zip', async () => {
    // Move the second tab first: its part is still sheet2.xml, after sheet1.xml in the zip.
    const bytes = patchZip(await twoSheets(), {
      'xl/workbook.xml': (xml) => {
        const tags = xml.match(/<sheet [^>]*\/>/g) ?? [];
        return xml.replace(tags.join(''), [...tags].reverse().join(''));
      },
    });
    const sheets = await read(bytes);
    expect(sheets.map((s) => [s.index, s.name, s.rows[0]?.values])).toEqual([
      [0, 'Sổ VB đến', [null, 'đến']],
      [1, 'Sổ VB đi', ['đi']],
    ]);
  });

  it('finds sheet parts through absolute relationship targets and any part name', async () => {
    const bytes = patchZip(await twoSheets(), {
      'xl/_rels/workbook.xml.rels': (xml) =>
        xml
          .replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet1.xml"')
          .replace('Target="worksheets/sheet2.xml"', 'Target="../xl/data/den.xml"'),
    });
    // Rename the second part to a name exceljs alone would never read.
    const renamed = buildZip(
      unzipAll(bytes).map((e) => ({ name: e.name === 'xl/worksheets/sheet2.xml' ? 'xl/data/den.xml' : e.name, data: e.data })),
    );
    const sheets = await read(renamed);
    expect(sheets.map((s) => [s.name, s.rows[0]?.values])).toEqual([
      ['Sổ VB đi', ['đi']],
      ['Sổ VB đến', [null, 'đến']],
    ]);
  });

  it('reads sheets whose shared strings come after them, before them, or are absent', async () => {
    const original = await twoSheets();
    const stringsFirst = patchZip(original, {}, (names) => [
      ...names.filter((n) => n === 'xl/sharedStrings.xml'),
      ...names.filter((n) => n !== 'xl/sharedStrings.xml'),
    ]);
    const expected = [['đi'], [null, 'đến']];
    for (const bytes of [original, stringsFirst]) {
      expect((await read(bytes)).map((s) => s.rows[0]?.values)).toEqual(expected);
    }

    // Inline strings only, no sharedStrings.xml (POI and .NET exporters write these).
    const inline = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      {
        name: 'xl/workbook.xml',
        data: '<workbook xmlns:r="r"><sheets><sheet name="Inline" sheetId="1" r:id="rId1"/></sheets></workbook>',
      },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data:
          '<worksheet><sheetData><row r="2"><c r="A2" t="inlineStr"><is><t>Công văn</t></is></c>' +
          '<c r="C2"><v>7</v></c></row></sheetData></worksheet>',
        method: 0,
      },
    ]);
    expect(await read(inline)).toEqual([
      { name: 'Inline', index: 0, date1904: false, rows: [{ row: 2, values: ['Công văn', null, 7] }] },
    ]);
  });

  it('reads entries written with data descriptors', async () => {
    const original = await twoSheets();
    const bytes = buildZip(unzipAll(original).map((e) => ({ ...e, dataDescriptor: true })));
    expect((await read(bytes)).map((s) => s.rows[0]?.values)).toEqual([['đi'], [null, 'đến']]);
  });

  it('lets a sheet be skipped without reading its rows', async () => {
    const wb = readXlsx(await twoSheets(), { ...NODE, date1904: false });
    const names: string[] = [];
    for await (const sheet of wb.sheets) names.push(sheet.name);
    expect(names).toEqual(['Sổ VB đi', 'Sổ VB đến']);
  });
});

describe('readXlsx and the 1904 date system', () => {
  async function workbook1904(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2024, 2, 5));
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    return toBytes(wb);
  }

  it('exceljs-style date1904="1": serials stay 1904-based and the sheet says so', async () => {
    const bytes = await workbook1904();
    expect(sniff(bytes, 'x.xlsx', NODE)).toEqual({ format: 'xlsx', date1904: true });
    const [sheet] = await read(bytes);
    expect(sheet?.date1904).toBe(true);
    expect(sheet?.rows[0]?.values).toEqual([45356 - 1462]);
  });

  it('LibreOffice-style date1904="true" is 1904 too (exceljs alone misses it)', async () => {
    const bytes = patchZip(await workbook1904(), {
      'xl/workbook.xml': (xml) => xml.replace(/date1904="1"/, 'date1904="true"'),
    });
    expect(sniff(bytes, 'x.xlsx', NODE)).toEqual({ format: 'xlsx', date1904: true });
    const [sheet] = await read(bytes);
    expect(sheet?.date1904).toBe(true);
    expect(sheet?.rows[0]?.values).toEqual([45356 - 1462]);
  });

  it('no date1904 attribute: 1900 system', async () => {
    const bytes = patchZip(await workbook1904(), {
      'xl/workbook.xml': (xml) => xml.replace(/ date1904="1"/, ''),
    });
    expect(sniff(bytes, 'x.xlsx', NODE)).toEqual({ format: 'xlsx', date1904: false });
  });
});

describe('readXlsx failures', () => {
  async function plain(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    for (let r = 1; r <= 300; r++) ws.addRow([r, `${r}/QĐ-UBND`, `Về việc số ${r * 7919}`, 45000 + r]);
    return toBytes(wb);
  }

  it('turns damaged compressed sheet data into InputError corrupt (and does not hang)', async () => {
    const bytes = await plain();
    const entry = findEntry(readZipDirectory(bytes), 'xl/worksheets/sheet1.xml');
    if (!entry) throw new Error('no sheet');
    const { start, end } = entryDataRange(bytes, entry);
    for (const at of [start + 10, Math.floor((start + end) / 2)]) {
      const damaged = Buffer.from(bytes);
      for (let i = 0; i < 64; i++) damaged[at + i] = ((damaged[at + i] ?? 0) * 7 + 13) & 0xff;
      const error = await readError(damaged);
      expect(error.code).toBe('corrupt');
    }
  });

  it('turns malformed sheet XML into InputError corrupt', async () => {
    const bytes = patchZip(await plain(), {
      'xl/worksheets/sheet1.xml': (xml) => xml.replace('</sheetData>', '<row r="999"><c r="A999"><v>1</c></sheetData>'),
    });
    expect((await readError(bytes)).code).toBe('corrupt');
  });

  it('catches an entry that inflates past its declared size (a bomb that lies)', async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(200_000); // ~8 MB
    const bytes = buildZip([
      {
        name: 'xl/workbook.xml',
        data: '<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>',
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: `<worksheet><sheetData>${rows}</sheetData></worksheet>`,
        declaredSize: 5000,
      },
    ]);
    const error = await readError(bytes);
    expect(error.code).toBe('zip-bomb');
    expect(error.data).toMatchObject({ declared: 5000, entry: 'xl/worksheets/sheet1.xml' });
    expect(error.data['uncompressed']).toBeGreaterThan(5000);
  });

  it('reports a missing zip directory as truncated and a non-xlsx zip as not-xlsx', () => {
    const bytes = buildZip([{ name: 'word/document.xml', data: '<w/>' }]);
    expect(() => readXlsx(bytes.subarray(0, bytes.length - 30), { ...NODE, date1904: false })).toThrow(
      expect.objectContaining({ code: 'truncated' }),
    );
    expect(() => readXlsx(bytes, { ...NODE, date1904: false })).toThrow(expect.objectContaining({ code: 'not-xlsx' }));
  });

  it('reports a sheet whose part is missing as corrupt', () => {
    const bytes = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" sheetId="4"/></sheets></workbook>' },
    ]);
    expect(() => readXlsx(bytes, { ...NODE, date1904: false })).toThrow(expect.objectContaining({ code: 'corrupt' }));
  });

  it('reads a stored (uncompressed) sheet too', async () => {
    const bytes = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>' },
      {
        name: 'xl/worksheets/sheet1.xml',
        data: '<worksheet><sheetData><row r="3"><c r="B3" t="b"><v>0</v></c></row></sheetData></worksheet>',
        method: 0,
      },
    ]);
    expect((await dump(readXlsx(bytes, { ...NODE, date1904: false })))[0]?.rows).toEqual([{ row: 3, values: [null, false] }]);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-written parts: what other writers produce, and what the exceljs-based reader got wrong.

const WORKSHEET_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';

interface MiniSheet {
  readonly name: string;
  /** Inner XML of <sheetData>, or a whole part when it starts with "<?xml" or "<worksheet". */
  readonly data: string;
  /** Part name inside the zip (default xl/worksheets/sheet<k>.xml). */
  readonly part?: string;
}

/** A minimal xlsx: workbook, rels, optional shared strings, the sheets (in `zipOrder` if given). */
function miniXlsx(sheets: readonly MiniSheet[], options: { sst?: string; zipOrder?: readonly number[] } = {}): Buffer {
  const parts = sheets.map((s, k) => s.part ?? `xl/worksheets/sheet${k + 1}.xml`);
  const workbook =
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>' +
    sheets.map((s, k) => `<sheet name="${s.name}" sheetId="${k + 1}" r:id="rId${k + 1}"/>`).join('') +
    '</sheets></workbook>';
  const rels =
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    parts.map((p, k) => `<Relationship Id="rId${k + 1}" Type="${WORKSHEET_REL}" Target="/${p}"/>`).join('') +
    (options.sst === undefined
      ? ''
      : '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>') +
    '</Relationships>';
  const sheetEntries = sheets.map((s, k) => ({
    name: parts[k] ?? '',
    data: /^<(\?xml|worksheet)/.test(s.data) ? s.data : `<worksheet><sheetData>${s.data}</sheetData></worksheet>`,
  }));
  const order = options.zipOrder ?? sheets.map((_, k) => k);
  return buildZip([
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: rels },
    ...order.map((k) => sheetEntries[k] ?? { name: '', data: '' }),
    ...(options.sst === undefined ? [] : [{ name: 'xl/sharedStrings.xml', data: `<sst>${options.sst}</sst>` }]),
  ]);
}

async function rowsOf(bytes: Uint8Array, date1904 = false): Promise<RawRow[]> {
  const [sheet] = await dump(readXlsx(bytes, { ...NODE, date1904 }));
  return sheet?.rows ?? [];
}

describe('readXlsx cell kinds', () => {
  it('joins every run of inline rich text (exceljs kept only the last) and leaves out phonetic runs', async () => {
    const bytes = miniXlsx([
      {
        name: 'S',
        data:
          '<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">Quyết định </t></r>' +
          '<r><t>số </t></r><r><rPr><i/></rPr><t>12</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></is></c>' +
          '<c r="B1" t="inlineStr"><is><t>plain</t></is></c></row>',
      },
    ]);
    expect(await rowsOf(bytes)).toEqual([{ row: 1, values: ['Quyết định số 12', 'plain'] }]);
  });

  it('joins rich shared strings, leaves out <rPh>, keeps xml:space text as written, and maps "" to null', async () => {
    const bytes = miniXlsx([{ name: 'S', data: '<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c></row>' }], {
      sst:
        '<si><r><t>Công </t></r><r><rPr><b/></rPr><t>văn</t></r><rPh sb="0" eb="2"><t>コウ</t></rPh><phoneticPr fontId="1"/></si>' +
        '<si><t xml:space="preserve">  lề  </t></si><si><t/></si><si><t>x</t><rPh><t>y</t></rPh></si>',
    });
    expect(await rowsOf(bytes)).toEqual([{ row: 1, values: ['Công văn', '  lề  ', null, 'x'] }]);
  });

  it('places cells and rows without an r attribute by position', async () => {
    const bytes = miniXlsx([
      {
        name: 'S',
        data:
          '<row><c t="inlineStr"><is><t>a</t></is></c><c/><c><v>3</v></c></row>' + // row 1: A, (B empty), C
          '<row r="4"><c r="B4"><v>1</v></c><c><v>2</v></c><c r="E4"><v>5</v></c><c><v>6</v></c></row>' +
          '<row><c><v>7</v></c></row>', // row 5
      },
    ]);
    expect(await rowsOf(bytes)).toEqual([
      { row: 1, values: ['a', null, 3] },
      { row: 4, values: [null, 1, 2, null, 5, 6] },
      { row: 5, values: [7] },
    ]);
  });

  it('reads t="d" ISO dates as serials of the sheet\'s date system; text that is no date stays text', async () => {
    const data =
      '<row r="1"><c t="d"><v>2024-03-05</v></c><c t="d"><v>2024-03-05T12:00:00</v></c>' +
      '<c t="d"><v>2024-02-30</v></c><c t="d"><v>soon</v></c><c t="d"/></row>';
    const bytes = miniXlsx([{ name: 'S', data }]);
    expect(await rowsOf(bytes)).toEqual([{ row: 1, values: [45356, 45356.5, '2024-02-30', 'soon'] }]);
    // In a 1904 workbook the same day is 1462 lower, so that the register layer (which reads
    // every serial of a date1904 sheet from 1904) lands on 2024-03-05 again.
    expect(await rowsOf(bytes, true)).toEqual([{ row: 1, values: [45356 - 1462, 45356.5 - 1462, '2024-02-30', 'soon'] }]);
  });

  it('reads errors, booleans, numbers and formula results by their type', async () => {
    const data =
      '<row r="2"><c t="e"><v>#N/A</v></c><c t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c t="b"><f>TRUE()</f><v>1</v></c><c t="b"><v>0</v></c><c t="b"><v>true</v></c>' +
      '<c t="n"><v>1.5E3</v></c><c><v> 42 </v></c><c><f>NOW()</f></c><c t="str"><f>A1</f><v></v></c>' +
      '<c t="str"><f>A1&amp;"!"</f><v>kết quả</v></c><c t="s"><v>7</v></c><c t="s"><v></v></c><c><v>abc</v></c></row>';
    expect(await rowsOf(miniXlsx([{ name: 'S', data }]))).toEqual([
      // Formula t="e"/"b" were null/1 through exceljs (it parseFloat-ed every non-string result).
      { row: 2, values: ['#N/A', '#DIV/0!', true, false, true, 1500, 42, null, null, 'kết quả'] },
    ]);
  });

  it('decodes _xHHHH_ escapes in inline and formula strings, and _x005F_ protects a literal one', async () => {
    const data =
      '<row r="1"><c t="inlineStr"><is><t>Dòng 1_x000D_\nDòng 2</t></is></c>' +
      '<c t="str"><f>A1</f><v>a_x0009_b</v></c><c t="inlineStr"><is><t>_x005F_x000D_</t></is></c></row>';
    expect(await rowsOf(miniXlsx([{ name: 'S', data }]))).toEqual([
      { row: 1, values: ['Dòng 1\r\nDòng 2', 'a\tb', '_x000D_'] },
    ]);
  });

  it('decodes entities once (exceljs decoded inline and formula strings twice: "&amp;lt;" became "<")', async () => {
    const data =
      '<row r="1"><c t="inlineStr"><is><t>&amp;lt;b&amp;gt; &amp;amp; R&amp;D</t></is></c>' +
      '<c t="str"><f>A1</f><v>&amp;quot;x&amp;quot;</v></c></row>';
    expect(await rowsOf(miniXlsx([{ name: 'S', data }]))).toEqual([{ row: 1, values: ['&lt;b&gt; &amp; R&D', '&quot;x&quot;'] }]);
  });

  it('turns literal CRLF in the XML into LF (as XML requires) but keeps &#13;', async () => {
    const data = '<row r="1"><c t="inlineStr"><is><t>a\r\nb&#13;&#10;c</t></is></c></row>';
    expect(await rowsOf(miniXlsx([{ name: 'S', data }]))).toEqual([{ row: 1, values: ['a\nb\r\nc'] }]);
  });

  it('reads prefixed SpreadsheetML (x:worksheet, x:row, x:c …) as written by the OpenXML SDK', async () => {
    const part =
      '<?xml version="1.0" encoding="utf-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:sheetData><x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:t>Tờ trình</x:t></x:is></x:c><x:c r="B3"><x:v>9</x:v></x:c></x:row>' +
      '</x:sheetData></x:worksheet>';
    expect(await rowsOf(miniXlsx([{ name: 'S', data: part }]))).toEqual([{ row: 3, values: ['Tờ trình', 9] }]);
  });

  it('skips rows whose cells are all empty, and ignores cells outside <sheetData>', async () => {
    const part =
      '<worksheet><sheetData><row r="1"><c r="A1" s="3"/><c r="B1" t="inlineStr"><is><t></t></is></c></row>' +
      '<row r="2" spans="1:2"/><row r="3"><c r="A3"><v>1</v></c></row></sheetData>' +
      '<headerFooter><oddFooter>Trang &amp;P</oddFooter></headerFooter></worksheet>';
    expect(await rowsOf(miniXlsx([{ name: 'S', data: part }]))).toEqual([{ row: 3, values: [1] }]);
  });
});

describe('readXlsx parts', () => {
  it('reads a worksheet part with any name and tabs in workbook order whatever the zip order', async () => {
    const bytes = miniXlsx(
      [
        { name: 'Sổ đi', data: '<row r="1"><c r="A1" t="inlineStr"><is><t>đi</t></is></c></row>', part: 'xl/worksheets/so-di.xml' },
        { name: 'Ẩn', data: '<row r="1"><c r="A1"><v>0</v></c></row>', part: 'xl/other/hidden part.xml' },
        { name: 'Sổ đến', data: '<row r="2"><c r="B2" t="inlineStr"><is><t>đến</t></is></c></row>' },
      ],
      { zipOrder: [2, 1, 0] },
    );
    const sheets = await dump(readXlsx(bytes, { ...NODE, date1904: false }));
    expect(sheets.map((s) => [s.index, s.name, s.rows])).toEqual([
      [0, 'Sổ đi', [{ row: 1, values: ['đi'] }]],
      [1, 'Ẩn', [{ row: 1, values: [0] }]],
      [2, 'Sổ đến', [{ row: 2, values: [null, 'đến'] }]],
    ]);
  });

  it('passes the caller\'s date1904 on untouched and leaves serials as stored', async () => {
    // workbook.xml says nothing about 1904: the flag is the caller's (sniff reads workbookPr).
    const bytes = miniXlsx([{ name: 'S', data: '<row r="1"><c r="A1" s="1"><v>43894</v></c></row>' }]);
    for (const date1904 of [false, true]) {
      const [sheet] = await dump(readXlsx(bytes, { ...NODE, date1904 }));
      expect(sheet).toMatchObject({ date1904, rows: [{ row: 1, values: [43894] }] });
    }
  });

  it('reads a part saved as UTF-16 with a BOM', async () => {
    const xml = '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>Văn thư</t></is></c></row></sheetData></worksheet>';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, 'utf16le')]);
    const bytes = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>' },
      { name: 'xl/worksheets/sheet1.xml', data: utf16 },
    ]);
    expect(await rowsOf(bytes)).toEqual([{ row: 1, values: ['Văn thư'] }]);
  });
});
