// Hostile inputs, generated on the fly (several are large when inflated, tiny as zips): truncated and
// bit-flipped workbooks, wrong magic, zip bombs, a sheet of a million columns, a 10 MB cell, deeply
// nested rich text, broken CSV, a PDF claiming a huge page count.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeZip, readZip } from '../../scripts/fixtures/zip.js';

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sổ" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WB_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>';
const ROOT_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';

function workbook(sheetXml: Buffer | string, sharedStrings?: Buffer | string): Buffer {
  const entries = [
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WB_RELS) },
    ...(sharedStrings !== undefined ? [{ name: 'xl/sharedStrings.xml', data: Buffer.from(sharedStrings) }] : []),
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXml) },
  ];
  return makeZip(entries);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';
const HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>Số, ký hiệu văn bản</t></is></c><c r="B1" t="inlineStr"><is><t>Ngày tháng văn bản</t></is></c><c r="C1" t="inlineStr"><is><t>Tên loại và trích yếu nội dung văn bản</t></is></c><c r="D1" t="inlineStr"><is><t>Người ký</t></is></c></row>';

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export interface HostileFile {
  readonly name: string;
  /** What a correct run does with it: a file-level error, or a normal report. */
  readonly expect: 'error' | 'report' | 'either';
}

export function writeHostileCorpus(dir: string, good: Buffer, goodPdf?: Buffer): HostileFile[] {
  const out: HostileFile[] = [];
  const put = (name: string, data: Buffer | string, expect: HostileFile['expect']): void => {
    writeFileSync(join(dir, name), data);
    out.push({ name, expect });
  };
  for (const frac of [0.3, 0.6, 0.9, 0.999]) put(`truncated-${frac}.xlsx`, good.subarray(0, Math.floor(good.length * frac)), 'error');
  for (let seed = 1; seed <= 6; seed++) {
    const r = lcg(seed);
    const flipped = Buffer.from(good);
    for (let k = 0; k < 20; k++) {
      const at = 40 + Math.floor(r() * (flipped.length - 200));
      flipped[at] = flipped[at]! ^ (1 << Math.floor(r() * 8));
    }
    put(`bitflip-${seed}.xlsx`, flipped, 'either');
  }
  const wrongMagic = Buffer.from(good);
  wrongMagic.write('XX', 0, 'latin1');
  put('wrong-magic.xlsx', wrongMagic, 'either');
  // A sheet whose XML inflates to ~300 MB of whitespace: rejected before any parsing.
  put('bomb-ratio.xlsx', workbook(Buffer.alloc(300 * 1024 * 1024, 0x20)), 'error');
  // A zip whose directory lies about the sheet's size: caught while inflating.
  const liar = readZip(workbook(`${SHEET_HEAD}${HEADER_ROW}${'<row/>'.repeat(2_000_000)}${SHEET_TAIL}`));
  put('bomb-liar.xlsx', makeZipWithDeclaredSize(liar, 'xl/worksheets/sheet1.xml', 1000), 'either');
  // One row of a million cells (far past Excel's XFD column limit).
  const million: string[] = [SHEET_HEAD, HEADER_ROW, '<row r="2">'];
  for (let c = 0; c < 1_000_000; c++) million.push(`<c t="inlineStr"><is><t>x</t></is></c>`);
  million.push('</row>', SHEET_TAIL);
  put('million-columns.xlsx', workbook(million.join('')), 'either');
  // A 10 MB single cell in shared strings.
  put('ten-mb-cell.xlsx', workbook(`${SHEET_HEAD}${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="inlineStr"><is><t>05/01/2024</t></is></c></row>${SHEET_TAIL}`, `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>${'Đ'.repeat(10 * 1024 * 1024)}</t></si></sst>`), 'either');
  // Deeply nested and very many rich-text runs in a shared string.
  const depth = 200_000;
  put('nested-richtext.xlsx', workbook(`${SHEET_HEAD}${HEADER_ROW}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c></row>${SHEET_TAIL}`, `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si>${'<r>'.repeat(depth)}<t>05/QĐ-UBND</t>${'</r>'.repeat(depth)}</si><si>${'<r><t>0</t></r>'.repeat(300_000)}</si></sst>`), 'either');
  put('not-xml-sheet.xlsx', workbook('this is not xml <<<>>> &&&'), 'either');
  // CSV: binary junk, a runaway quote, a 1-million-field line, a 10 MB field.
  const junk = Buffer.alloc(64 * 1024);
  const r = lcg(99);
  for (let i = 0; i < junk.length; i++) junk[i] = Math.floor(r() * 256);
  put('junk.csv', junk, 'error');
  put('runaway-quote.csv', `Số ký hiệu,Ngày văn bản,Trích yếu,Người ký\n"01/QĐ-UBND,05/01/2024,${'x'.repeat(100_000)}\n`, 'either');
  put('million-fields.csv', `Số ký hiệu,Ngày văn bản,Trích yếu,Người ký\n${'a,'.repeat(1_000_000)}\n`, 'either');
  put('ten-mb-field.csv', `Số ký hiệu,Ngày văn bản,Trích yếu,Người ký\n01/QĐ-UBND,05/01/2024,"${'Đ'.repeat(10 * 1024 * 1024)}",A\n`, 'either');
  // PDF: a page tree claiming 10 million pages; a truncated real PDF; random bytes after the magic.
  put('huge-page-count.pdf', hugePageCountPdf(), 'either');
  if (goodPdf) put('truncated.pdf', goodPdf.subarray(0, Math.floor(goodPdf.length / 3)), 'error');
  put('random-after-magic.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), junk]), 'error');
  return out;
}

/** Re-zips with one entry's declared uncompressed size replaced (its data stays as it is). */
function makeZipWithDeclaredSize(entries: ReturnType<typeof readZip>, name: string, declared: number): Buffer {
  const zip = makeZip(entries);
  // Patch the central directory and local header sizes of `name`.
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = zip.readUInt32LE(eocd + 16);
  const count = zip.readUInt16LE(eocd + 10);
  for (let i = 0; i < count; i++) {
    const nameLen = zip.readUInt16LE(p + 28);
    const entryName = zip.toString('utf8', p + 46, p + 46 + nameLen);
    if (entryName === name) {
      zip.writeUInt32LE(declared, p + 24);
      const local = zip.readUInt32LE(p + 42);
      zip.writeUInt32LE(declared, local + 22);
    }
    p += 46 + nameLen + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}

/** A syntactically valid PDF whose page tree says /Count 10000000 (with one real kid). */
function hugePageCountPdf(): Buffer {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 10000000 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
