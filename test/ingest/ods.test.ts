// readOds: content.xml streamed into sheets — value types, repeats (free when empty, bounded when
// not), merges as xlsx has them, the 1904 null date, and damaged or locked files as InputErrors.
import { describe, expect, it } from 'vitest';
import { NODE } from './codecs.js';
import { buildZip } from './zip-builder.js';
import { readOds } from '../../src/ingest/ods.js';
import type { OdsReadOptions } from '../../src/ingest/ods.js';
import { InputError } from '../../src/ingest/types.js';
import type { RawRow, RawValue, RawWorkbook } from '../../src/ingest/types.js';
import { readZipDirectory } from '../../src/ingest/zip.js';

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
].join(' ');

function content(tables: string, settings = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${NS} office:version="1.3">` +
    `<office:automatic-styles><style:style xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" style:name="co1"/></office:automatic-styles>` +
    `<office:body><office:spreadsheet>${settings}${tables}<table:named-expressions/></office:spreadsheet></office:body></office:document-content>`;
}

const table = (name: string, rows: string): string =>
  `<table:table table:name="${name}"><table:table-column table:number-columns-repeated="3"/>${rows}</table:table>`;
const row = (cells: string, repeat?: number): string =>
  `<table:table-row${repeat === undefined ? '' : ` table:number-rows-repeated="${repeat}"`}>${cells}</table:table-row>`;
const str = (text: string): string => `<table:table-cell office:value-type="string"><text:p>${text}</text:p></table:table-cell>`;
const num = (v: number | string, type = 'float'): string => `<table:table-cell office:value-type="${type}" office:value="${v}"><text:p>${v}</text:p></table:table-cell>`;
const empty = (repeat?: number): string => `<table:table-cell${repeat === undefined ? '' : ` table:number-columns-repeated="${repeat}"`}/>`;
const nullDate = (iso: string): string => `<table:calculation-settings><table:null-date table:date-value="${iso}"/></table:calculation-settings>`;

const MANIFEST = '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>';

function ods(contentXml: string | null, options: { manifest?: string; method?: 0 | 8 } = {}): Buffer {
  return buildZip([
    { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
    ...(contentXml === null ? [] : [{ name: 'content.xml', data: contentXml, method: options.method ?? 8 }]),
    { name: 'META-INF/manifest.xml', data: options.manifest ?? MANIFEST },
  ]);
}

interface Dump {
  name: string;
  index: number;
  date1904: boolean;
  rows: RawRow[];
  batches: number[];
}

async function dump(workbook: RawWorkbook): Promise<Dump[]> {
  const out: Dump[] = [];
  for await (const sheet of workbook.sheets) {
    const rows: RawRow[] = [];
    const batches: number[] = [];
    for await (const batch of sheet.rows) {
      batches.push(batch.length);
      rows.push(...batch);
    }
    out.push({ name: sheet.name, index: sheet.index, date1904: sheet.date1904, rows, batches });
  }
  return out;
}

const read = (bytes: Uint8Array, options: Partial<OdsReadOptions> = {}): Promise<Dump[]> => dump(readOds(bytes, { ...NODE, ...options }));
const values = (rows: RawRow[]): (readonly RawValue[])[] => rows.map((r) => r.values);

async function readError(bytes: Uint8Array, options: Partial<OdsReadOptions> = {}): Promise<InputError> {
  try {
    await read(bytes, options);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('readOds: values', () => {
  it('reads each value type', async () => {
    const cells = [
      num(42),
      num('0.25', 'percentage'),
      `<table:table-cell office:value-type="currency" office:currency="VND" office:value="150000"><text:p>150.000 ₫</text:p></table:table-cell>`,
      `<table:table-cell office:value-type="date" office:date-value="2024-01-05"><text:p>05/01/2024</text:p></table:table-cell>`,
      `<table:table-cell office:value-type="date" office:date-value="2024-01-05T12:00:00"><text:p>05/01/2024 12:00</text:p></table:table-cell>`,
      `<table:table-cell office:value-type="time" office:time-value="PT06H30M00S"><text:p>06:30</text:p></table:table-cell>`,
      `<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>`,
      `<table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell>`,
      str('Số 01/QĐ-UBND'),
    ].join('');
    const [sheet] = await read(ods(content(table('Sổ đi', row(cells)))));
    expect(sheet?.name).toBe('Sổ đi');
    expect(sheet?.date1904).toBe(false);
    expect(sheet?.rows).toEqual([{ row: 1, values: [42, 0.25, 150000, 45296, 45296.5, 6.5 / 24, true, false, 'Số 01/QĐ-UBND'] }]);
  });

  it('joins the text of a string cell as LibreOffice shows it', async () => {
    const cells = [
      // Two paragraphs, a span and a link, text:s, a tab and a line break.
      `<table:table-cell office:value-type="string"><text:p>Quyết <text:span text:style-name="T1">định</text:span></text:p><text:p><text:a xlink:href="http://x" xmlns:xlink="http://www.w3.org/1999/xlink">số</text:a> 12</text:p></table:table-cell>`,
      `<table:table-cell office:value-type="string"><text:p>a<text:s text:c="3"/>b<text:tab/>c<text:line-break/>d</text:p></table:table-cell>`,
      // Leading space only through text:s; literal runs of white space collapse (ODF §6.1.2).
      `<table:table-cell office:value-type="string"><text:p><text:s/>x  \n  y </text:p></table:table-cell>`,
      // A comment's text is not the cell's.
      `<table:table-cell office:value-type="string"><office:annotation><dc:creator>A</dc:creator><text:p>ghi chú</text:p></office:annotation><text:p>nội dung</text:p></table:table-cell>`,
      // A formula error: the text it shows.
      `<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" calcext:value-type="error" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"><text:p>#DIV/0!</text:p></table:table-cell>`,
      // office:string-value wins over the paragraphs.
      `<table:table-cell office:value-type="string" office:string-value="giá trị"><text:p>hiển thị</text:p></table:table-cell>`,
      // Entities, and NFD text kept as stored.
      `<table:table-cell office:value-type="string"><text:p>A &amp; B &lt;1&gt; Vie\u0302\u0323t</text:p></table:table-cell>`,
    ].join('');
    const [sheet] = await read(ods(content(table('S', row(cells)))));
    expect(sheet?.rows[0]?.values).toEqual([
      'Quyết định\nsố 12',
      'a   b\tc\nd',
      ' x y ',
      'nội dung',
      '#DIV/0!',
      'giá trị',
      'A & B <1> Vie\u0302\u0323t',
    ]);
  });

  it('gives null for empty cells and typed cells without their value, and skips empty rows', async () => {
    const rows = [
      row(`${empty()}${str('b')}<table:table-cell office:value-type="string"><text:p/></table:table-cell>${empty(3)}`),
      row(`${empty(5)}<table:table-cell table:style-name="ce1"><text:p></text:p></table:table-cell>`),
      row(`<table:table-cell office:value-type="float"><text:p>12</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="không phải ngày"><text:p>31/02/2024</text:p></table:table-cell>`),
    ].join('');
    const [sheet] = await read(ods(content(table('S', rows))));
    // The typed cells whose value does not read fall back on the text they display.
    expect(sheet?.rows).toEqual([
      { row: 1, values: [null, 'b'] },
      { row: 3, values: ['12', '31/02/2024'] },
    ]);
  });

  it('lists sheets in order with their names, reads them in one pass, and skips unread ones', async () => {
    const xml = content(table('Một', row(str('a'))) + table('Hai', row(str('b')) + row(str('c'))) + '<table:table><table:table-row>' + str('d') + '</table:table-row></table:table>');
    const sheets = await read(ods(xml));
    expect(sheets.map((s) => [s.name, s.index, values(s.rows)])).toEqual([
      ['Một', 0, [['a']]],
      ['Hai', 1, [['b'], ['c']]],
      ['Sheet3', 2, [['d']]],
    ]);
    // Asking for the next sheet without reading the rows of this one.
    const names: string[] = [];
    for await (const sheet of readOds(ods(xml), NODE).sheets) names.push(sheet.name);
    expect(names).toEqual(['Một', 'Hai', 'Sheet3']);
    // Reading only the second sheet's rows.
    const second: RawRow[] = [];
    for await (const sheet of readOds(ods(xml), NODE).sheets) if (sheet.index === 1) for await (const b of sheet.rows) second.push(...b);
    expect(values(second)).toEqual([['b'], ['c']]);
  });

  it('reads rows inside header rows and row groups, in document order', async () => {
    const rows = `<table:table-header-rows>${row(str('Số'))}</table:table-header-rows><table:table-row-group>${row(str('1'))}<table:table-row-group>${row(str('2'))}</table:table-row-group></table:table-row-group>${row(str('3'))}`;
    const [sheet] = await read(ods(content(table('S', rows))));
    expect(sheet?.rows.map((r) => [r.row, r.values[0]])).toEqual([[1, 'Số'], [2, '1'], [3, '2'], [4, '3']]);
  });

  it('follows the prefixes the document binds', async () => {
    const xml = `<o:document-content xmlns:o="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:t="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:x="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><o:body><o:spreadsheet><t:table t:name="P"><t:table-row t:number-rows-repeated="2"><t:table-cell t:number-columns-repeated="2"/><t:table-cell o:value-type="float" o:value="7"/></t:table-row><t:table-row><t:table-cell o:value-type="string"><x:p>a<x:s x:c="2"/>b</x:p></t:table-cell></t:table-row></t:table></o:spreadsheet></o:body></o:document-content>`;
    const [sheet] = await read(ods(xml));
    expect(sheet?.name).toBe('P');
    expect(sheet?.rows).toEqual([
      { row: 1, values: [null, null, 7] },
      { row: 2, values: [null, null, 7] },
      { row: 3, values: ['a  b'] },
    ]);
  });
});

describe('readOds: repeats and bounds', () => {
  it('costs nothing for repeated empty rows and cells (LibreOffice pads every sheet so)', async () => {
    const rows =
      row(`${str('a')}${empty(16383)}`) +
      row(empty(16384), 3) +
      row(`${empty(2)}${num(5)}${empty(16381)}`) +
      row(empty(16384), 1_048_000) +
      row(empty(1024), 571);
    const bytes = ods(content(table('S', rows)));
    const started = performance.now();
    const [sheet] = await read(bytes);
    const elapsed = performance.now() - started;
    expect(sheet?.rows).toEqual([
      { row: 1, values: ['a'] },
      { row: 5, values: [null, null, 5] },
    ]);
    expect(elapsed).toBeLessThan(500);
  });

  it('materialises a repeated row or cell that holds a value', async () => {
    const rows = row(`${str('x')}${empty()}<table:table-cell office:value-type="float" office:value="3" table:number-columns-repeated="3"/>`, 3) + row(empty(), 2) + row(str('y'));
    const [sheet] = await read(ods(content(table('S', rows))));
    expect(sheet?.rows).toEqual([
      { row: 1, values: ['x', null, 3, 3, 3] },
      { row: 2, values: ['x', null, 3, 3, 3] },
      { row: 3, values: ['x', null, 3, 3, 3] },
      { row: 6, values: ['y'] },
    ]);
  });

  it('stops a repeated row at row 1,048,576 and a repeated cell at column XFD', async () => {
    const rows = row(empty(), 1_048_570) + row(`${empty(16_380)}<table:table-cell office:value-type="string" table:number-columns-repeated="100"><text:p>z</text:p></table:table-cell>`, 100);
    const [sheet] = await read(ods(content(table('S', rows))));
    expect(sheet?.rows.map((r) => r.row)).toEqual([1_048_571, 1_048_572, 1_048_573, 1_048_574, 1_048_575, 1_048_576]);
    expect(sheet?.rows[0]?.values.length).toBe(16_384);
    expect(sheet?.rows[0]?.values.slice(16_379)).toEqual([null, 'z', 'z', 'z', 'z']);
  });

  it('refuses values below row 1,048,576 or right of column XFD', async () => {
    const below = await readError(ods(content(table('S', row(empty(), 1_048_576) + row(str('late'))))), { fileName: 'so.ods' });
    expect(below.code).toBe('corrupt');
    expect(below.message).toMatch(/so\.ods: content\.xml: .*row 1048576/);
    expect(below.data['file']).toBe('so.ods');
    const right = await readError(ods(content(table('S', row(`${empty(16_384)}${str('far')}`)))));
    expect(right.code).toBe('corrupt');
    expect(right.message).toMatch(/beyond column XFD/);
  });

  it('refuses repeats that would expand to millions of cells (too-big), quickly', async () => {
    const rows = row(`<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/>`, 1100);
    const bytes = ods(content(table('S', rows)));
    const started = performance.now();
    const error = await readError(bytes);
    expect(error.code).toBe('too-big');
    expect(error.data['size']).toBe(bytes.length);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('hands rows out in batches of at most 1000, never empty, across chunk boundaries', async () => {
    const rows: string[] = [];
    for (let i = 1; i <= 2600; i++) rows.push(row(`${num(i)}${str(`Văn bản số ${i} về việc ${'x'.repeat(i % 50)}`)}`));
    rows.push(row(str('last'), 1200));
    // Stored: the 64 KB chunks of the part cut tags and characters anywhere.
    const [sheet] = await read(ods(content(table('S', rows.join(''))), { method: 0 }));
    expect(sheet?.rows.length).toBe(3800);
    expect(sheet?.batches.every((n) => n > 0 && n <= 1000)).toBe(true);
    expect(sheet?.batches.length).toBeGreaterThan(3);
    expect(sheet?.rows[2599]).toEqual({ row: 2600, values: [2600, `Văn bản số 2600 về việc ${'x'.repeat(0)}`] });
    expect(sheet?.rows[3799]).toEqual({ row: 3800, values: ['last'] });
    for (let i = 0; i < 2600; i++) expect(sheet?.rows[i]?.values[0]).toBe(i + 1);
  });
});

describe('readOds: merges', () => {
  it('keeps a merged range\'s value in its top-left cell only, covered cells null (hidden content too)', async () => {
    const rows =
      row(`<table:table-cell office:value-type="string" table:number-columns-spanned="2" table:number-rows-spanned="2"><text:p>Ngày tháng</text:p></table:table-cell><table:covered-table-cell/>${str('Trích yếu')}`) +
      row(`<table:covered-table-cell table:number-columns-repeated="2"/>${str('c')}`) +
      row(`${str('a')}<table:covered-table-cell office:value-type="string"><text:p>ẩn</text:p></table:covered-table-cell>${num(9)}`);
    const [sheet] = await read(ods(content(table('S', rows))));
    expect(sheet?.rows).toEqual([
      { row: 1, values: ['Ngày tháng', null, 'Trích yếu'] },
      { row: 2, values: [null, null, 'c'] },
      { row: 3, values: ['a', null, 9] },
    ]);
  });
});

describe('readOds: date systems', () => {
  const dateRow = row(`<table:table-cell office:value-type="date" office:date-value="2024-01-05"/><table:table-cell office:value-type="date" office:date-value="1904-01-02T06:00:00"/>${num(100)}`);

  it('the 1904 null date makes the sheet date1904 with serials counted from it', async () => {
    const [sheet] = await read(ods(content(table('S', dateRow), nullDate('1904-01-01'))));
    expect(sheet?.date1904).toBe(true);
    expect(sheet?.rows[0]?.values).toEqual([45296 - 1462, 1.25, 100]);
  });

  it('the default (1899-12-30) and any other null date give 1900-system serials', async () => {
    for (const settings of ['', nullDate('1899-12-30'), nullDate('1900-01-01')]) {
      const [sheet] = await read(ods(content(table('S', dateRow), settings)));
      expect(sheet?.date1904).toBe(false);
      expect(sheet?.rows[0]?.values).toEqual([45296, 1463.25, 100]);
    }
  });
});

describe('readOds: files it cannot read', () => {
  it('an encrypted file (manifest with encryption data) → encrypted', async () => {
    const manifest = '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="1234"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="y"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>';
    let error: unknown;
    try {
      readOds(ods('\u0001\u0002 not xml', { manifest }), { ...NODE, fileName: 'khoa.ods' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe('encrypted');
    expect((error as InputError).data['file']).toBe('khoa.ods');
  });

  it('no content.xml → corrupt, at once', () => {
    expect(() => readOds(ods(null), NODE)).toThrow(expect.objectContaining({ code: 'corrupt', message: expect.stringMatching(/content\.xml/) }));
  });

  it('malformed XML → corrupt, naming the part', async () => {
    const error = await readError(ods(content(table('S', row(str('a')))).replace('</table:table-row>', '</table:table-cell>')));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/content\.xml: malformed XML/);
    const cut = await readError(ods(content(table('S', row(str('a')))).slice(0, -30)));
    expect(cut.code).toBe('corrupt');
  });

  it('a truncated zip → truncated; a damaged part → corrupt', async () => {
    const bytes = ods(content(table('S', row(str('a')))));
    expect(() => readOds(bytes.subarray(0, bytes.length - 30), NODE)).toThrow(expect.objectContaining({ code: 'truncated' }));
    const damaged = Buffer.from(bytes);
    const at = damaged.indexOf(Buffer.from('content.xml')) + 'content.xml'.length + 5;
    for (let i = at; i < at + 20; i++) damaged[i] = 0xff;
    const error = await readError(damaged);
    expect(['corrupt', 'zip-bomb']).toContain(error.code);
  });

  it('takes the zip directory it is given (plain or as sniff hands it on)', async () => {
    const bytes = ods(content(table('S', row(str('a')))));
    const directory = readZipDirectory(bytes);
    expect(values((await read(bytes, { zip: directory }))[0]?.rows ?? [])).toEqual([['a']]);
    expect(values((await read(bytes, { zip: { directory } }))[0]?.rows ?? [])).toEqual([['a']]);
  });

  it('says what it was: format ods', () => {
    expect(readOds(ods(content(table('S', row(str('a'))))), NODE).format).toBe('ods');
  });
});
