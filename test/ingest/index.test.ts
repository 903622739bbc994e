import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { nodeHost } from '../../src/host/node.js';
import { InputError, openWorkbook, sniff } from '../../src/ingest/index.js';
import type { RawWorkbook } from '../../src/ingest/types.js';
import { buildZip, patchZip } from './zip-builder.js';

const deps = nodeHost;

async function firstRows(workbook: RawWorkbook): Promise<unknown[]> {
  for await (const sheet of workbook.sheets) {
    const rows: unknown[] = [];
    for await (const batch of sheet.rows) for (const row of batch) rows.push(row.values);
    return rows;
  }
  return [];
}

describe('openWorkbook', () => {
  it('opens an xlsx by content', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sổ').addRow(['Số', 'Ngày']);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const workbook = openWorkbook(bytes, 'so.csv', deps);
    expect(workbook.format).toBe('xlsx');
    expect(await firstRows(workbook)).toEqual([['Số', 'Ngày']]);
  });

  it('converts TCVN3 text on little evidence when the workbook\'s fonts are .Vn* (and not without them)', async () => {
    const book = async (font: string): Promise<Buffer> => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('So');
      ws.addRow(['TrÝch yÕu', '12/Q§-UBND']);
      ws.getCell('A1').font = { name: font };
      ws.getCell('B1').font = { name: font };
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const legacy = openWorkbook(await book('.VnTime'), 'so.xlsx', deps);
    expect(await firstRows(legacy)).toEqual([['Trích yếu', '12/QĐ-UBND']]);
    expect(legacy.notices?.map((n) => n.code)).toEqual(['legacy-encoding']);
    const plain = openWorkbook(await book('Times New Roman'), 'so.xlsx', deps);
    expect(await firstRows(plain)).toEqual([['TrÝch yÕu', '12/Q§-UBND']]);
    expect(plain.notices).toEqual([]);
  });

  it('opens text as csv when it is not named as a spreadsheet', async () => {
    const workbook = openWorkbook(Buffer.from('Số;Ngày\n1;05/03/2024\n'), 'so.txt', deps);
    expect(workbook.format).toBe('csv');
    expect(await firstRows(workbook)).toEqual([
      ['Số', 'Ngày'],
      ['1', '05/03/2024'],
    ]);
  });

  it('reads a file by its content and notes a misleading extension (CSV called .xlsx, HTML called .xls)', async () => {
    const csv = openWorkbook(Buffer.from('Số;Ngày\n1;05/03/2024\n'), 'so.xlsx', deps);
    expect(csv.format).toBe('csv');
    expect(await firstRows(csv)).toEqual([
      ['Số', 'Ngày'],
      ['1', '05/03/2024'],
    ]);
    expect(csv.notices).toEqual([{ code: 'renamed', actual: 'CSV', extension: 'xlsx' }]);
    const html = openWorkbook(Buffer.from('<html><body><table><tr><td>Số</td><td>Ngày</td></tr></table></body></html>'), 'xuat.XLS', deps);
    expect(html.format).toBe('html');
    expect(await firstRows(html)).toEqual([['Số', 'Ngày']]);
    expect(html.notices).toEqual([{ code: 'renamed', actual: 'HTML', extension: 'xls' }]);
    const named = openWorkbook(Buffer.from('Số;Ngày\n'), 'so.csv', deps);
    await firstRows(named);
    expect(named.notices).toEqual([]);
  });

  it('opens a PDF lazily: nothing is read until its sheets are asked for', () => {
    const workbook = openWorkbook(Buffer.from('%PDF-1.4\n'), 'so.pdf', deps);
    expect(workbook.format).toBe('pdf');
  });

  it('passes sniff verdicts through as InputError, with the limits it is given', () => {
    expect(() => openWorkbook(new Uint8Array(0), 'x.xlsx', deps)).toThrow(InputError);
    const zip = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: 'x'.repeat(2_000_000), method: 0 },
    ]);
    expect(() => openWorkbook(zip, 'x.xlsx', deps, { maxUncompressedBytes: 1_000_000 })).toThrow(
      expect.objectContaining({ code: 'zip-bomb' }),
    );
    expect(() => openWorkbook(zip, 'x.xlsx', deps)).not.toThrow();
  });

  it('re-exports sniff', () => {
    expect(sniff(Buffer.from('a,b\n'), 'x.csv')).toEqual({ format: 'csv', encoding: 'utf-8' });
  });
});

describe('openWorkbook errors found while reading', () => {
  it('carry the file name, like sniff verdicts', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').addRow(['a']);
    const good = Buffer.from(await wb.xlsx.writeBuffer());
    const bad = patchZip(good, { 'xl/worksheets/sheet1.xml': (xml) => xml.replace('</sheetData>', '<row></sheetData>') });
    const workbook = openWorkbook(bad, 'so-hong.xlsx', deps);
    await expect(firstRows(workbook)).rejects.toMatchObject({
      code: 'corrupt',
      data: { file: 'so-hong.xlsx', detail: expect.any(String) },
    });
  });
});

describe('openWorkbook hands sniff’s zip directory to the reader', () => {
  it('still reads a workbook.xml saved as UTF-16 (sniff reads it as UTF-8 for the date system only)', async () => {
    const wb = '<workbook><sheets><sheet name="Sổ" sheetId="1"/></sheets></workbook>';
    const bytes = buildZip([
      { name: 'xl/workbook.xml', data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(wb, 'utf16le')]) },
      { name: 'xl/worksheets/sheet1.xml', data: '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>' },
    ]);
    const names: string[] = [];
    for await (const sheet of openWorkbook(bytes, 'a.xlsx', nodeHost).sheets) names.push(sheet.name);
    expect(names).toEqual(['Sổ']);
  });
});
