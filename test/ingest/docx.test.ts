// readDocx: the tables of word/document.xml as sheets — title paragraphs leading them, spans and
// vertical merges as xlsx merges, a register pasted as several tables joined back, and documents
// without a table or with a damaged part as InputErrors.
import { describe, expect, it } from 'vitest';
import { NODE } from './codecs.js';
import { buildZip } from './zip-builder.js';
import { readDocx } from '../../src/ingest/docx.js';
import type { DocxReadOptions } from '../../src/ingest/docx.js';
import { InputError } from '../../src/ingest/types.js';
import type { RawRow, RawValue, RawWorkbook } from '../../src/ingest/types.js';
import { readZipDirectory } from '../../src/ingest/zip.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const document = (body: string, prefix = 'w'): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${prefix}:document xmlns:${prefix}="${W}" xmlns:mc="${MC}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
  `<${prefix}:body>${body}<${prefix}:sectPr><${prefix}:pgSz ${prefix}:w="11906" ${prefix}:h="16838"/></${prefix}:sectPr></${prefix}:body></${prefix}:document>`;

const p = (text: string): string => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (content: string, props = ''): string => `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${props}</w:tcPr>${content}</w:tc>`;
const cell = (text: string, props = ''): string => tc(text === '' ? '<w:p/>' : p(text), props);
const tr = (cells: string, rowProps = ''): string => `<w:tr>${rowProps === '' ? '' : `<w:trPr>${rowProps}</w:trPr>`}${cells}</w:tr>`;
const tbl = (columns: number, rows: string): string =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${'<w:gridCol w:w="1000"/>'.repeat(columns)}</w:tblGrid>${rows}</w:tbl>`;
const texts = (...values: string[]): string => values.map((v) => cell(v)).join('');

const RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

function docx(documentXml: string | null, options: { rels?: string; path?: string; method?: 0 | 8 } = {}): Buffer {
  return buildZip([
    { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: '_rels/.rels', data: options.rels ?? RELS },
    ...(documentXml === null ? [] : [{ name: options.path ?? 'word/document.xml', data: documentXml, method: options.method ?? 8 }]),
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

const read = (bytes: Uint8Array, options: Partial<DocxReadOptions> = {}): Promise<Dump[]> => dump(readDocx(bytes, { ...NODE, ...options }));
const values = (rows: RawRow[] | undefined): (readonly RawValue[])[] => (rows ?? []).map((r) => r.values);

async function readError(bytes: Uint8Array, options: Partial<DocxReadOptions> = {}): Promise<InputError> {
  try {
    await read(bytes, options);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const HEADER = texts('Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Trích yếu nội dung');

describe('readDocx: a register table under its title', () => {
  it('leads the table with the non-empty paragraphs before it, one per row, in column 0', async () => {
    const body =
      p('UBND XÃ BÌNH TẤN') +
      '<w:p/>' +
      '<w:p><w:r><w:t xml:space="preserve">   </w:t></w:r></w:p>' +
      p('SỔ ĐĂNG KÝ VĂN BẢN ĐI') +
      tbl(3, tr(HEADER) + tr(texts('01/QĐ-UBND', '02/01/2024', 'Quyết định khen thưởng')) + tr(texts('', '', '')) + tr(texts('02/KH-UBND', '03/01/2024', 'Kế hoạch')));
    const sheets = await read(docx(document(body)));
    expect(sheets.map((s) => [s.name, s.index, s.date1904])).toEqual([['Bảng 1', 0, false]]);
    expect(sheets[0]?.rows).toEqual([
      { row: 1, values: ['UBND XÃ BÌNH TẤN'] },
      { row: 2, values: ['SỔ ĐĂNG KÝ VĂN BẢN ĐI'] },
      { row: 3, values: ['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Trích yếu nội dung'] },
      { row: 4, values: ['01/QĐ-UBND', '02/01/2024', 'Quyết định khen thưởng'] },
      // row 5: the empty row, counted but not handed out
      { row: 6, values: ['02/KH-UBND', '03/01/2024', 'Kế hoạch'] },
    ]);
  });

  it('joins runs, turns tabs into spaces and breaks into newlines, and leaves out what is not text', async () => {
    const para =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>' +
      '<w:r><w:t>Số</w:t></w:r><w:r><w:t xml:space="preserve"> 12</w:t><w:tab/><w:t>/QĐ</w:t></w:r>' +
      '<w:ins w:id="1" w:author="A"><w:r><w:t>-UBND</w:t></w:r></w:ins>' +
      '<w:del w:id="2" w:author="A"><w:r><w:delText>bỏ</w:delText><w:tab/></w:r></w:del>' +
      '<w:r><w:br/><w:t>dòng hai</w:t><w:instrText> PAGE </w:instrText></w:r>' +
      '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>hộp chữ</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:t>dự phòng</w:t></mc:Fallback></mc:AlternateContent></w:r>' +
      '<w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve"> &amp; liên kết</w:t></w:r></w:hyperlink>' +
      '<w:moveFrom w:id="3" w:author="A"><w:r><w:t>chuyển đi</w:t></w:r></w:moveFrom>' +
      '</w:p>';
    const [sheet] = await read(docx(document(tbl(1, tr(tc(para))))));
    expect(sheet?.rows[0]?.values).toEqual(['Số 12 /QĐ-UBND\ndòng haidự phòng & liên kết']);
  });

  it('joins a cell\'s paragraphs with "\\n" and flattens a nested table into its cell', async () => {
    const nested = tbl(2, tr(texts('lồng 1', 'lồng 2')) + tr(texts('lồng 3', '')));
    const body = tbl(2, tr(tc(p('Sở Nội vụ;') + '<w:p/>' + p('UBND huyện')) + tc(p('trước') + nested + p('sau'))) + tr(texts('a', 'b')));
    const [sheet] = await read(docx(document(body)));
    expect(values(sheet?.rows)).toEqual([
      ['Sở Nội vụ;\nUBND huyện', 'trước\nlồng 1\nlồng 2\nlồng 3\nsau'],
      ['a', 'b'],
    ]);
  });

  it('gridSpan fills the first of its columns, vMerge continue is null, gridBefore shifts the row', async () => {
    const body = tbl(
      4,
      tr(cell('Số', '<w:vMerge w:val="restart"/>') + cell('Ngày tháng', '<w:gridSpan w:val="2"/>') + cell('Ghi chú')) +
        tr(cell('', '<w:vMerge/>') + texts('Ngày', 'Tháng') + cell('', '<w:vMerge w:val="continue"/>')) +
        tr(texts('01', '05', '01', 'x')) +
        tr(texts('b', 'c'), '<w:gridBefore w:val="2"/>') +
        // A tracked change's former properties are not the cell's.
        tr(cell('gộp', '<w:gridSpan w:val="3"/><w:tcPrChange w:id="1" w:author="A"><w:tcPr><w:gridSpan w:val="1"/><w:vMerge/></w:tcPr></w:tcPrChange>') + cell('cuối')),
    );
    const [sheet] = await read(docx(document(body)));
    expect(values(sheet?.rows)).toEqual([
      ['Số', 'Ngày tháng', null, 'Ghi chú'],
      [null, 'Ngày', 'Tháng'],
      ['01', '05', '01', 'x'],
      [null, null, 'b', 'c'],
      ['gộp', null, null, 'cuối'],
    ]);
  });

  it('follows the prefix the document binds to WordprocessingML', async () => {
    const body = '<ns0:p><ns0:r><ns0:t>Tiêu đề</ns0:t></ns0:r></ns0:p><ns0:tbl><ns0:tr><ns0:tc><ns0:p><ns0:r><ns0:t>a</ns0:t><ns0:tab/><ns0:t>b</ns0:t></ns0:r></ns0:p></ns0:tc></ns0:tr></ns0:tbl>';
    const [sheet] = await read(docx(document(body, 'ns0')));
    expect(values(sheet?.rows)).toEqual([['Tiêu đề'], ['a b']]);
  });

  it('finds the main part where the package relationships say', async () => {
    const rels = RELS.replace('Target="word/document.xml"', 'Target="/word/main.xml"');
    const [sheet] = await read(docx(document(tbl(1, tr(texts('ở chỗ khác')))), { rels, path: 'word/main.xml' }));
    expect(values(sheet?.rows)).toEqual([['ở chỗ khác']]);
  });
});

describe('readDocx: several tables', () => {
  const data = (n: number): string => tr(texts(`${n}/QĐ-UBND`, `0${n}/01/2024`, `Văn bản ${n}`));

  it('a second table of the same columns without a header continues the sheet (paragraphs between dropped)', async () => {
    const body = p('SỔ ĐĂNG KÝ') + tbl(3, tr(HEADER) + data(1) + data(2)) + p('Trang 2') + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>' + tbl(3, data(3) + data(4));
    const sheets = await read(docx(document(body)));
    expect(sheets.length).toBe(1);
    expect(sheets[0]?.rows.map((r) => [r.row, r.values[0]])).toEqual([
      [1, 'SỔ ĐĂNG KÝ'],
      [2, 'Số, ký hiệu văn bản'],
      [3, '1/QĐ-UBND'],
      [4, '2/QĐ-UBND'],
      [5, '3/QĐ-UBND'],
      [6, '4/QĐ-UBND'],
    ]);
  });

  it('a second table repeating the header rows continues the sheet without them', async () => {
    const numbering = tr(texts('(1)', '(2)', '(3)'));
    const body = tbl(3, tr(HEADER, '<w:tblHeader/>') + numbering + data(1)) + p('(tiếp theo)') + tbl(3, tr(HEADER, '<w:tblHeader/>') + numbering + data(2));
    const [sheet, other] = await read(docx(document(body)));
    expect(other).toBeUndefined();
    expect(values(sheet?.rows).map((v) => v[0])).toEqual(['Số, ký hiệu văn bản', '(1)', '1/QĐ-UBND', '2/QĐ-UBND']);
    expect(sheet?.rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
  });

  it('a table of other columns, or with another header, opens the next sheet, led by the paragraphs before it', async () => {
    const body =
      p('SỔ ĐI') + tbl(3, tr(HEADER) + data(1)) +
      p('SỔ ĐẾN') + tbl(4, tr(texts('Số đến', 'Ngày đến', 'Tác giả', 'Trích yếu')) + tr(texts('1', '02/01/2024', 'Sở', 'Công văn'))) +
      p('BÁO CÁO') + tbl(4, tr(texts('Nội dung', 'Kết quả', 'Đơn vị', 'Ghi chú')) + tr(texts('Văn bản đi', '12', 'VP', ''))) +
      p('PHỤ LỤC') + tbl(4, tr(texts('Đợt 1', 'Đợt 2', 'Đợt 3', 'Đợt 4'), '<w:tblHeader w:val="true"/>')) +
      p('Người lập sổ') + '<w:p/>' + p('Nguyễn Văn A');
    const sheets = await read(docx(document(body)));
    expect(sheets.map((s) => s.name)).toEqual(['Bảng 1', 'Bảng 2', 'Bảng 3', 'Bảng 4']);
    expect(values(sheets[0]?.rows)).toEqual([['SỔ ĐI'], ['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Trích yếu nội dung'], ['1/QĐ-UBND', '01/01/2024', 'Văn bản 1']]);
    expect(values(sheets[1]?.rows).map((v) => v[0])).toEqual(['SỔ ĐẾN', 'Số đến', '1']);
    expect(values(sheets[2]?.rows).map((v) => v[0])).toEqual(['BÁO CÁO', 'Nội dung', 'Văn bản đi']);
    // Marked as a header row (with digits): not a continuation. The paragraphs after the last
    // table close the last sheet.
    expect(values(sheets[3]?.rows)).toEqual([['PHỤ LỤC'], ['Đợt 1', 'Đợt 2', 'Đợt 3', 'Đợt 4'], ['Người lập sổ'], ['Nguyễn Văn A']]);
    expect(sheets[3]?.rows.map((r) => r.row)).toEqual([1, 2, 3, 4]);
  });

  it('can skip a sheet\'s rows and still read the next sheet', async () => {
    const body = tbl(1, tr(texts('một'))) + tbl(2, tr(texts('hai', 'ba')));
    const names: string[] = [];
    const second: RawRow[] = [];
    for await (const sheet of readDocx(docx(document(body)), NODE).sheets) {
      names.push(sheet.name);
      if (sheet.index === 1) for await (const batch of sheet.rows) second.push(...batch);
    }
    expect(names).toEqual(['Bảng 1', 'Bảng 2']);
    expect(values(second)).toEqual([['hai', 'ba']]);
  });

  it('streams a long table in batches of at most 1000 rows, across chunk boundaries', async () => {
    let rows = '';
    for (let i = 1; i <= 3500; i++) rows += tr(texts(`${i}/CV-UBND`, `Công văn về việc số ${i} ${'ạ'.repeat(i % 40)}`));
    const [sheet] = await read(docx(document(p('SỔ') + tbl(2, rows)), { method: 0 }));
    expect(sheet?.rows.length).toBe(3501);
    expect(sheet?.batches.every((n) => n > 0 && n <= 1000)).toBe(true);
    for (let i = 1; i <= 3500; i++) {
      const row = sheet?.rows[i];
      expect(row?.row).toBe(i + 1);
      expect(row?.values).toEqual([`${i}/CV-UBND`, `Công văn về việc số ${i} ${'ạ'.repeat(i % 40)}`]);
    }
  });
});

describe('readDocx: files it cannot read', () => {
  it('no table at all → docx-no-table', async () => {
    const error = await readError(docx(document(p('Chỉ có chữ') + p('không có bảng'))), { fileName: 'so.docx' });
    expect(error.code).toBe('docx-no-table');
    expect(error.data['file']).toBe('so.docx');
    // A table inside a text box is not the document's.
    const boxed = await readError(docx(document(`<w:p><w:r><w:drawing><w:txbxContent>${tbl(1, tr(texts('x')))}</w:txbxContent></w:drawing></w:r></w:p>`)));
    expect(boxed.code).toBe('docx-no-table');
  });

  it('no word/document.xml → corrupt, at once', () => {
    expect(() => readDocx(docx(null), NODE)).toThrow(expect.objectContaining({ code: 'corrupt', message: expect.stringMatching(/word\/document\.xml/) }));
  });

  it('malformed XML → corrupt, naming the part', async () => {
    const error = await readError(docx(document(tbl(1, tr(texts('a')))).replace('</w:tr>', '</w:tc>')));
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/word\/document\.xml: malformed XML/);
    const undefinedEntity = await readError(docx(document(tbl(1, tr(texts('a &nbsp; b'))))));
    expect(undefinedEntity.code).toBe('corrupt');
  });

  it('a truncated zip → truncated', () => {
    const bytes = docx(document(tbl(1, tr(texts('a')))));
    expect(() => readDocx(bytes.subarray(0, bytes.length - 10), NODE)).toThrow(expect.objectContaining({ code: 'truncated' }));
  });

  it('takes the zip directory it is given, and says it is docx', async () => {
    const bytes = docx(document(tbl(1, tr(texts('a')))));
    const directory = readZipDirectory(bytes);
    expect(values((await read(bytes, { zip: directory }))[0]?.rows)).toEqual([['a']]);
    expect(values((await read(bytes, { zip: { directory } }))[0]?.rows)).toEqual([['a']]);
    expect(readDocx(bytes, NODE).format).toBe('docx');
  });
});
