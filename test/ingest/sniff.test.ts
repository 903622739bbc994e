import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NODE } from './codecs.js';
import { readDate1904, sniff } from '../../src/ingest/sniff.js';
import type { SniffOptions, SniffResult } from '../../src/ingest/sniff.js';
import { InputError } from '../../src/ingest/types.js';
import { buildZip, patchZip } from './zip-builder.js';

function verdict(bytes: Uint8Array, options: SniffOptions = {}, fileName = 'so-vb.xlsx'): SniffResult | InputError {
  try {
    return sniff(bytes, fileName, { ...NODE, ...options });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
}

function code(bytes: Uint8Array, options: SniffOptions = {}): string {
  const v = verdict(bytes, options);
  return v instanceof InputError ? v.code : v.format;
}

async function smallXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ VB đi');
  ws.addRow(['Số', 'Ngày', 'Trích yếu']);
  ws.addRow([1, 45356, 'Về việc tổ chức hội nghị']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Deterministic pseudo-random bytes (xorshift), so the test never depends on luck. */
function randomBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** A compound file (OLE2) with the given directory entry names, as .xls and encrypted xlsx are. */
function compoundFile(streams: readonly string[]): Uint8Array {
  const bytes = new Uint8Array(512 + 512 * 2);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = 512 + i * 128;
    for (let c = 0; c < name.length; c++) bytes[at + c * 2] = name.charCodeAt(c);
    bytes[at + 64] = (name.length + 1) * 2;
  });
  return bytes;
}

describe('sniff verdicts', () => {
  it('empty file → empty', () => {
    const v = verdict(new Uint8Array(0));
    expect(v).toBeInstanceOf(InputError);
    expect(v).toMatchObject({ code: 'empty', data: { file: 'so-vb.xlsx' } });
  });

  it('random bytes → unsupported-type', () => {
    for (const seed of [1, 2, 3, 4, 5]) expect(code(randomBytes(4096, seed))).toBe('unsupported-type');
  });

  it('compound file with EncryptionInfo / EncryptedPackage → encrypted', () => {
    expect(code(compoundFile(['\u0006DataSpaces', 'EncryptionInfo', 'EncryptedPackage']))).toBe('encrypted');
    expect(code(compoundFile(['EncryptedPackage']))).toBe('encrypted');
  });

  it('other compound file → xls (the reader tells BIFF8 from older), even if cell text spells EncryptionInfo; a Word .doc → doc', () => {
    expect(code(compoundFile(['Workbook', '\u0005SummaryInformation']))).toBe('xls');
    expect(code(compoundFile(['Book']))).toBe('xls');
    const withText = compoundFile(['Workbook']);
    const text = 'xEncryptionInfo';
    for (let c = 0; c < text.length; c++) withText[1100 + c * 2] = text.charCodeAt(c);
    expect(code(withText)).toBe('xls');
    expect(code(compoundFile(['WordDocument', '1Table']))).toBe('doc');
  });

  it('ods zip → ods (by mimetype, or by content.xml); docx → docx; xlsb → xlsb', () => {
    const ods = buildZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 },
      { name: 'content.xml', data: '<office:document-content/>' },
      { name: 'META-INF/manifest.xml', data: '<manifest/>' },
    ]);
    expect(code(ods)).toBe('ods');
    expect(code(buildZip([{ name: 'content.xml', data: '<office:document-content/>' }]))).toBe('ods');
    const docx = buildZip([
      { name: '[Content_Types].xml', data: '<Types/>' },
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    expect(code(docx)).toBe('docx');
    expect(code(buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.bin', data: 'x' }]))).toBe('xlsb');
  });

  it('other zips → not-xlsx, saying what they look like', () => {
    const odt = buildZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.text', method: 0 }]);
    expect(verdict(odt)).toMatchObject({ code: 'not-xlsx', data: { detected: 'application/vnd.oasis.opendocument.text' } });
    expect(verdict(buildZip([{ name: 'ppt/presentation.xml', data: '<p/>' }]))).toMatchObject({ code: 'not-xlsx', data: { detected: 'pptx' } });
    expect(code(buildZip([{ name: 'readme.txt', data: 'hello' }]))).toBe('not-xlsx');
  });

  it('zip cut short (no end-of-central-directory) → truncated', async () => {
    const xlsx = await smallXlsx();
    for (const keep of [4, 100, Math.floor(xlsx.length / 2), xlsx.length - 10]) {
      expect(verdict(xlsx.subarray(0, keep))).toMatchObject({ code: 'truncated', data: { size: keep } });
    }
  });

  it('zip whose directory points outside the file → corrupt', async () => {
    const xlsx = Buffer.from(await smallXlsx());
    xlsx.writeUInt32LE(xlsx.length + 1000, xlsx.length - 6); // EOCD: offset of central directory
    expect(code(xlsx)).toBe('corrupt');
  });

  it('xlsx → xlsx with its date system', async () => {
    const xlsx = await smallXlsx();
    expect(sniff(xlsx, 'a.xlsx', NODE)).toEqual({ format: 'xlsx', date1904: false });
    const set = (value: string) =>
      patchZip(xlsx, {
        'xl/workbook.xml': (xml) => xml.replace(/<workbookPr\b/, `<workbookPr date1904="${value}"`),
      });
    expect(sniff(set('1'), 'a.xlsx', NODE)).toEqual({ format: 'xlsx', date1904: true });
    expect(sniff(set('true'), 'a.xlsx', NODE)).toEqual({ format: 'xlsx', date1904: true });
    expect(sniff(set('false'), 'a.xlsx', NODE)).toEqual({ format: 'xlsx', date1904: false });
    expect(sniff(set('0'), 'a.xlsx', NODE)).toEqual({ format: 'xlsx', date1904: false });
  });

  it('uses the inflater it is given', async () => {
    const xlsx = await smallXlsx();
    let calls = 0;
    const { inflateRawSync } = await import('node:zlib');
    const result = sniff(xlsx, 'a.xlsx', { inflateRaw: (b) => (calls++, inflateRawSync(b)) });
    expect(result.format).toBe('xlsx');
    expect(calls).toBe(1);
  });

  it('text → csv: UTF-8, UTF-8 with BOM, UTF-16 with BOM, whatever the extension', () => {
    const csv = 'Số,Ngày,Trích yếu\n1,05/03/2024,"Về việc A, B"\n';
    expect(sniff(Buffer.from(csv), 'so-vb.xlsx', NODE)).toEqual({ format: 'csv', encoding: 'utf-8' });
    expect(sniff(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), 'a.csv', NODE)).toEqual({ format: 'csv', encoding: 'utf-8' });
    expect(sniff(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]), 'a.csv', NODE)).toEqual({ format: 'csv', encoding: 'utf-16le' });
    const be = Buffer.from(csv, 'utf16le').swap16();
    expect(sniff(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'a.csv', NODE)).toEqual({ format: 'csv', encoding: 'utf-16be' });
    expect(sniff(Buffer.from('a;b\tc\r\n'), 'x')).toEqual({ format: 'csv', encoding: 'utf-8' });
  });

  it('text cut in the middle of a UTF-8 character at the sample edge is still text', () => {
    const line = 'Nguyễn Văn Ánh;Về việc tổ chức;05/03/2024\n';
    const big = Buffer.from(line.repeat(Math.ceil(70_000 / line.length)));
    expect(sniff(big, 'a.csv', NODE)).toEqual({ format: 'csv', encoding: 'utf-8' });
  });

  it('Windows-1258 text (Excel’s CSV on Vietnamese Windows) is CSV; TCVN3 and VNI text → CSV read as Windows-1252 for conversion', () => {
    // "Nguyên Văn A;Công văn" in Windows-1258: ê = 0xEA, ă = 0xE3, ô = 0xF4 (no tone mark at all).
    const noTones = Buffer.from('Nguy\u00ean V\u00e3n A;C\u00f4ng v\u00e3n\n'.repeat(20), 'latin1');
    expect(sniff(noTones, 'a.csv')).toEqual({ format: 'csv', encoding: 'windows-1258' });
    // "Sổ đăng ký;Ngày đến" in Windows-1258: ô + 0xD2 (hook above), đ = 0xF0, ă = 0xE3, y + 0xEC (acute), a + 0xEC, ê + 0xCC (grave).
    const toned = Buffer.from([...Buffer.from('S'), 0xf4, 0xd2, 0x20, 0xf0, 0xe3, ...Buffer.from('ng k'), 0x79, 0xec, 0x3b, ...Buffer.from('Nga'), 0xec, 0x79, 0x20, 0xf0, 0xea, 0xcc, 0x6e, 0x0a]);
    expect(sniff(Buffer.concat(Array.from({ length: 20 }, () => toned)), 'a.csv')).toEqual({ format: 'csv', encoding: 'windows-1258' });
    // "Sổ đăng ký văn bản đi" in TCVN3 (.VnTime), shown as "Sæ ®¨ng ký v¨n b¶n ®i" in Latin-1.
    const tcvn3 = Buffer.from('S\u00e6 \u00ae\u00a8ng k\u00fd v\u00a8n b\u00b6n \u00aei;Ng\u00b5y\n'.repeat(20), 'latin1');
    expect(sniff(tcvn3, 'a.csv')).toEqual({ format: 'csv', encoding: 'windows-1252', legacy: true });
    // The same in VNI (VNI-Times): "Soå ñaêng kyù vaên baûn ñi".
    const vni = Buffer.from('So\u00e5 \u00f1a\u00eang ky\u00f9 va\u00ean ba\u00fbn \u00f1i;Nga\u00f8y\n'.repeat(20), 'latin1');
    expect(sniff(vni, 'a.csv')).toEqual({ format: 'csv', encoding: 'windows-1252', legacy: true });
  });

  it('UTF-16 without a BOM is CSV in that byte order', () => {
    const text = 'Số, ký hiệu văn bản;Ngày tháng văn bản\n01/QĐ-UBND;02/01/2024\n'.repeat(10);
    expect(sniff(Buffer.from(text, 'utf16le'), 'a.csv')).toEqual({ format: 'csv', encoding: 'utf-16le' });
    expect(sniff(Buffer.from(text, 'utf16le').swap16(), 'a.csv')).toEqual({ format: 'csv', encoding: 'utf-16be' });
  });

  it('HTML tables and Excel 2003 XML saved as .xls/.xlsx are read by content; other XML → unsupported-type', () => {
    expect(code(Buffer.from('<html><body><table><tr><td>1</td></tr></table></body></html>'))).toBe('html');
    expect(code(Buffer.from('\ufeff  <!DOCTYPE html>\n<html>'))).toBe('html');
    expect(code(Buffer.from('<meta charset="windows-1258"><table><tr><td>S\u00f4</td></tr></table>', 'latin1'))).toBe('html');
    expect(code(Buffer.from('<html><table><tr><td>x</td></tr></table></html>', 'utf16le'))).toBe('html');
    const xml = '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"/>';
    expect(code(Buffer.from(xml))).toBe('xml-spreadsheet');
    expect(code(Buffer.from('<?xml version="1.0"?>\n<ss:Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"/>'))).toBe('xml-spreadsheet');
    expect(verdict(Buffer.from('<?xml version="1.0"?>\n<rss version="2.0"/>'))).toMatchObject({ code: 'unsupported-type', data: { detected: 'xml' } });
  });

  it('binary with NULs or many control bytes is not text', () => {
    expect(code(Buffer.from('a,b\u0000c\n'))).toBe('unsupported-type');
    expect(code(Buffer.from('\u0001\u0002\u0003\u0004abc'))).toBe('unsupported-type');
  });

  it('%PDF- → pdf', () => {
    expect(sniff(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'so-vb.pdf', NODE)).toEqual({ format: 'pdf' });
  });
});

describe('sniff zip bombs', () => {
  const zeros = new Uint8Array(50 * 1024 * 1024);

  it('50 MB of zeros in a ~50 KB entry: over the ratio limit', () => {
    const bytes = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/sharedStrings.xml', data: zeros },
    ]);
    expect(bytes.length).toBeLessThan(200_000);
    const v = verdict(bytes);
    expect(v).toMatchObject({ code: 'zip-bomb', data: { entry: 'xl/sharedStrings.xml' } });
    expect((v as InputError).data['ratio']).toBeGreaterThan(100);
  });

  it('over a low size limit, with the ratio test out of the way', () => {
    const bytes = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: zeros },
    ]);
    const v = verdict(bytes, { maxUncompressedBytes: 10 * 1024 * 1024, maxCompressionRatio: 1e9 });
    expect(v).toMatchObject({ code: 'zip-bomb', data: { uncompressed: zeros.length + 11, maxBytes: 10 * 1024 * 1024 } });
  });

  it('declared sizes summing over the default 400 MB limit', () => {
    // Entries that merely declare ~250 MB each (cheap to build), stored so the ratio is moot.
    const bytes = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/worksheets/sheet1.xml', data: 'x'.repeat(3_000_000), method: 0, declaredSize: 250_000_000 },
      { name: 'xl/worksheets/sheet2.xml', data: 'x'.repeat(3_000_000), method: 0, declaredSize: 250_000_000 },
    ]);
    const v = verdict(bytes, { maxCompressionRatio: 1e9 });
    expect(v).toMatchObject({ code: 'zip-bomb', data: { uncompressed: 500_000_011, entry: '' } });
  });

  it('ZIP64 central directory is read too', () => {
    const bytes = buildZip(
      [
        { name: 'xl/workbook.xml', data: '<workbook><workbookPr date1904="true"/></workbook>' },
        { name: 'xl/worksheets/sheet1.xml', data: zeros },
      ],
      { zip64: true },
    );
    expect(code(bytes)).toBe('zip-bomb');
    expect(code(bytes, { maxCompressionRatio: 1e9 })).toBe('xlsx');
  });

  it('a normal register passes, and a small very repetitive part does not count as a bomb', async () => {
    expect(code(await smallXlsx())).toBe('xlsx');
    const repetitive = buildZip([
      { name: 'xl/workbook.xml', data: '<workbook/>' },
      { name: 'xl/styles.xml', data: '<xf/>'.repeat(100_000) }, // 500 KB → ~1 KB
    ]);
    expect(code(repetitive)).toBe('xlsx');
  });
});

describe('readDate1904', () => {
  it.each([
    ['<workbook><workbookPr date1904="1"/></workbook>', true],
    ['<workbook><workbookPr date1904="true"/></workbook>', true],
    ["<workbook><workbookPr backupFile='false' date1904='TRUE'/></workbook>", true],
    ['<x:workbook><x:workbookPr date1904="1"/></x:workbook>', true],
    ['<workbook><workbookPr date1904="false"/></workbook>', false],
    ['<workbook><workbookPr date1904="0"/></workbook>', false],
    ['<workbook><workbookPr defaultThemeVersion="164011"/></workbook>', false],
    ['<workbook><sheets/></workbook>', false],
  ])('%s → %s', (xml, expected) => {
    expect(readDate1904(xml)).toBe(expected);
  });
});
