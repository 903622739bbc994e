import { describe, expect, it } from 'vitest';
import { looksLikeXmlSpreadsheet, readXmlSpreadsheet } from '../../src/ingest/xml-spreadsheet.js';
import { InputError } from '../../src/ingest/types.js';
import type { RawRow } from '../../src/ingest/types.js';

interface ReadSheet {
  readonly name: string;
  readonly index: number;
  readonly date1904: boolean;
  readonly rows: RawRow[];
  readonly batches: number[];
}

async function read(xml: string, fileName?: string): Promise<ReadSheet[]> {
  const workbook = readXmlSpreadsheet(xml, fileName === undefined ? {} : { fileName });
  expect(workbook.format).toBe('xml-spreadsheet');
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

async function errorOf(xml: string, fileName?: string): Promise<InputError> {
  try {
    await read(xml, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('no error');
}

const workbook = (worksheets: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office"><Author>Phần mềm QLVB</Author></DocumentProperties>
 <Styles><Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/></Style>
  <Style ss:ID="d"><NumberFormat ss:Format="dd/mm/yyyy"/></Style></Styles>
${worksheets}
</Workbook>`;

const REGISTER = workbook(` <Worksheet ss:Name="Sổ đi 2024">
  <Table ss:ExpandedColumnCount="5" ss:ExpandedRowCount="9" x:FullColumns="1" x:FullRows="1">
   <Column ss:Width="80"/><Column ss:Index="3" ss:Width="300"/>
   <Row><Cell ss:MergeAcross="4"><Data ss:Type="String">UBND XÃ BÌNH TÂN</Data></Cell></Row>
   <Row><Cell ss:MergeAcross="4"><Data ss:Type="String">SỔ ĐĂNG KÝ VĂN BẢN ĐI</Data></Cell></Row>
   <Row ss:Index="4">
    <Cell ss:MergeDown="1"><Data ss:Type="String">Số, ký hiệu&#10;văn bản</Data></Cell>
    <Cell ss:MergeDown="1"><Data ss:Type="String">Ngày tháng</Data></Cell>
    <Cell ss:MergeAcross="1"><Data ss:Type="String">Nơi nhận</Data></Cell>
    <Cell ss:MergeDown="1"><Data ss:Type="String">Số bản</Data></Cell>
   </Row>
   <Row><Cell ss:Index="3"><Data ss:Type="String">Đơn vị</Data></Cell><Cell><Data ss:Type="String">Bản lưu</Data></Cell></Row>
   <Row>
    <Cell><Data ss:Type="String">01/QĐ-UBND</Data></Cell>
    <Cell ss:StyleID="d"><Data ss:Type="DateTime">2024-03-14T00:00:00.000</Data></Cell>
    <Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>Phòng </B><Font html:Color="#FF0000">Nội vụ</Font></ss:Data><Comment ss:Author="VT"><ss:Data xmlns="http://www.w3.org/TR/REC-html40"><B>ghi chú</B></ss:Data></Comment></Cell>
    <Cell><Data ss:Type="String">  VT,  VP </Data></Cell>
    <Cell ss:Formula="=2*3"><Data ss:Type="Number">6</Data></Cell>
   </Row>
   <Row ss:Index="8">
    <Cell ss:Index="2"><Data ss:Type="DateTime">2024-03-15T13:30:00</Data></Cell>
    <Cell><Data ss:Type="Boolean">1</Data></Cell>
    <Cell><Data ss:Type="Error">#N/A</Data></Cell>
    <Cell><Data ss:Type="Number">-1.5E+2</Data></Cell>
   </Row>
   <Row><Cell ss:StyleID="d"/><Cell><Data ss:Type="String"></Data></Cell></Row>
  </Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Selected/><Panes><Pane><Number>3</Number></Pane></Panes></WorksheetOptions>
 </Worksheet>
 <Worksheet ss:Name="Thống kê">
  <Table><Row><Cell><Data ss:Type="String">Loại</Data></Cell><Cell><Data ss:Type="String">Số lượng</Data></Cell></Row>
   <Row ss:Span="2"><Cell><Data ss:Type="String">Quyết định</Data></Cell><Cell><Data ss:Type="Number">12</Data></Cell></Row>
   <Row><Cell><Data ss:Type="String">Công văn</Data></Cell><Cell><Data ss:Type="Number">18</Data></Cell></Row></Table>
 </Worksheet>
 <Worksheet ss:Name="Trống"/>`);

describe('readXmlSpreadsheet', () => {
  it('reads a register: title rows, merged header, index gaps, rich text, types, three worksheets', async () => {
    const sheets = await read(REGISTER);
    expect(sheets.map((s) => [s.name, s.index, s.date1904])).toEqual([
      ['Sổ đi 2024', 0, false],
      ['Thống kê', 1, false],
      ['Trống', 2, false],
    ]);
    expect(sheets[0]!.rows).toEqual([
      { row: 1, values: ['UBND XÃ BÌNH TÂN'] },
      { row: 2, values: ['SỔ ĐĂNG KÝ VĂN BẢN ĐI'] },
      { row: 4, values: ['Số, ký hiệu\nvăn bản', 'Ngày tháng', 'Nơi nhận', null, 'Số bản'] },
      { row: 5, values: [null, null, 'Đơn vị', 'Bản lưu'] },
      // 2024-03-14 is serial 45365; the comment's text is not the cell's; strings are not trimmed.
      { row: 6, values: ['01/QĐ-UBND', 45365, 'Phòng Nội vụ', '  VT,  VP ', 6] },
      { row: 8, values: [null, 45366 + 13.5 / 24, true, '#N/A', -150] },
    ]);
    // Row 2's Span stands for rows 2–4: the next row is 5.
    expect(sheets[1]!.rows).toEqual([
      { row: 1, values: ['Loại', 'Số lượng'] },
      { row: 2, values: ['Quyết định', 12] },
      { row: 5, values: ['Công văn', 18] },
    ]);
    expect(sheets[2]!.rows).toEqual([]);
    expect(sheets[2]!.batches).toEqual([]);
  });

  it('places index-less cells after MergeAcross and past the columns a MergeDown still covers', async () => {
    const xml = workbook(`<Worksheet ss:Name="S"><Table>
      <Row><Cell ss:MergeDown="2"><Data ss:Type="String">A</Data></Cell><Cell ss:MergeAcross="1" ss:MergeDown="1"><Data ss:Type="String">B</Data></Cell><Cell><Data ss:Type="String">C</Data></Cell></Row>
      <Row><Cell><Data ss:Type="String">D</Data></Cell></Row>
      <Row><Cell><Data ss:Type="String">E</Data></Cell></Row>
      <Row><Cell><Data ss:Type="String">F</Data></Cell></Row>
    </Table></Worksheet>`);
    expect((await read(xml))[0]!.rows).toEqual([
      { row: 1, values: ['A', 'B', null, 'C'] },
      { row: 2, values: [null, null, null, 'D'] },
      { row: 3, values: [null, 'E'] },
      { row: 4, values: ['F'] },
    ]);
  });

  it('turns DateTime into 1900-system serials, a time of day alone into its fraction', async () => {
    const xml = workbook(`<Worksheet ss:Name="S"><Table><Row>
      <Cell><Data ss:Type="DateTime">1900-03-01T00:00:00.000</Data></Cell>
      <Cell><Data ss:Type="DateTime">2024-02-29T06:00:00.000</Data></Cell>
      <Cell><Data ss:Type="DateTime">1899-12-31T12:00:00.000</Data></Cell>
      <Cell><Data ss:Type="DateTime">2024-02-30T00:00:00.000</Data></Cell>
      <Cell><Data ss:Type="Number">không phải số</Data></Cell>
      <Cell><Data ss:Type="Boolean">0</Data></Cell>
    </Row></Table></Worksheet>`);
    expect((await read(xml))[0]!.rows).toEqual([
      { row: 1, values: [61, 45351.25, 0.5, '2024-02-30T00:00:00.000', 'không phải số', false] },
    ]);
  });

  it('hands rows out in batches of at most 1000', async () => {
    const rows = Array.from({ length: 2345 }, (_, i) => `<Row><Cell><Data ss:Type="Number">${i}</Data></Cell></Row>`).join('');
    const [sheet] = await read(workbook(`<Worksheet ss:Name="S"><Table>${rows}</Table></Worksheet>`));
    expect(sheet!.rows).toHaveLength(2345);
    expect(sheet!.batches.every((n) => n > 0 && n <= 1000)).toBe(true);
    expect(sheet!.rows[2344]).toEqual({ row: 2345, values: [2344] });
  });

  it('reads the next sheet when the previous one was not iterated', async () => {
    const xml = workbook(`<Worksheet ss:Name="A"><Table><Row><Cell><Data ss:Type="String">a</Data></Cell></Row></Table></Worksheet>
      <Worksheet ss:Name="B"><Table><Row><Cell><Data ss:Type="String">b</Data></Cell></Row></Table></Worksheet>`);
    const names: string[] = [];
    const rows: RawRow[] = [];
    for await (const sheet of readXmlSpreadsheet(xml, {}).sheets) {
      names.push(sheet.name);
      if (sheet.name === 'B') for await (const batch of sheet.rows) rows.push(...batch);
    }
    expect(names).toEqual(['A', 'B']);
    expect(rows).toEqual([{ row: 1, values: ['b'] }]);
  });

  it('reports malformed XML and impossible positions as corrupt, with the file name', async () => {
    const cases: [string, RegExp][] = [
      [workbook('<Worksheet ss:Name="S"><Table><Row><Cell><Data>x</Cell></Row></Table></Worksheet>'), /malformed XML: <\/Cell> closes <Data>/],
      [workbook('<Worksheet ss:Name="S"><Table><Row>').replace('</Workbook>', ''), /malformed XML/],
      ['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>', /DOCTYPE/],
      [workbook('<Worksheet><Table><Row><Cell><Data ss:Type="String">&bogus;</Data></Cell></Row></Table></Worksheet>'), /undefined entity/],
      [workbook('<Worksheet><Table><Row ss:Index="5"/><Row ss:Index="3"/></Table></Worksheet>'), /row 3 comes after row 5/],
      [workbook('<Worksheet><Table><Row ss:Index="1048577"/></Table></Worksheet>'), /beyond row 1048576/],
      [workbook('<Worksheet><Table><Row><Cell ss:Index="16385"/></Row></Table></Worksheet>'), /beyond column XFD/],
      [workbook('<Worksheet><Table><Row><Cell ss:Index="3"/><Cell ss:Index="2"/></Row></Table></Worksheet>'), /cell 2 of row 1 comes after column 3/],
      [workbook('<Worksheet><Table><Row ss:Index="x1"/></Table></Worksheet>'), /Index "x1" is not a whole number/],
    ];
    for (const [xml, detail] of cases) {
      const error = await errorOf(xml, 'xuat.xls');
      expect(error.code).toBe('corrupt');
      expect(error.message).toMatch(detail);
      expect(error.data).toMatchObject({ file: 'xuat.xls' });
      expect(String(error.data['detail'])).toMatch(detail);
    }
  });

  it('bounds merges: a huge MergeDown costs no more than the file', async () => {
    const cells = '<Cell ss:MergeAcross="999" ss:MergeDown="1000000"/>'.repeat(16);
    const rows = '<Row><Cell><Data ss:Type="String">y</Data></Cell></Row>'.repeat(20000);
    const started = Date.now();
    const error = await errorOf(workbook(`<Worksheet ss:Name="S"><Table><Row>${cells}</Row>${rows}</Table></Worksheet>`));
    expect(error.code).toBe('too-big');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('looksLikeXmlSpreadsheet', () => {
  it('accepts SpreadsheetML 2003 with or without a prefix', () => {
    expect(looksLikeXmlSpreadsheet(REGISTER)).toBe(true);
    expect(looksLikeXmlSpreadsheet('\ufeff<?xml version="1.0"?><ss:Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">')).toBe(true);
    expect(looksLikeXmlSpreadsheet('<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/>')).toBe(true);
  });

  it('refuses other XML and HTML', () => {
    expect(looksLikeXmlSpreadsheet('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')).toBe(false);
    expect(looksLikeXmlSpreadsheet('<?xml version="1.0"?><Workbook xmlns="urn:other"/>')).toBe(false);
    expect(looksLikeXmlSpreadsheet('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><table>')).toBe(false);
    expect(looksLikeXmlSpreadsheet(`<?xml version="1.0"?>${' '.repeat(70 * 1024)}<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>`)).toBe(false);
  });
});
