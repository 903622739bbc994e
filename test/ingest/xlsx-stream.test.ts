// readXlsx as a stream: flat memory on big sheets, no read-ahead, every chunk boundary safe, and
// damaged or hostile parts turned into InputErrors quickly (never a hang, a crash or a blow-up).
import ExcelJS from 'exceljs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NODE } from './codecs.js';
import { InputError } from '../../src/ingest/types.js';
import type { RawRow } from '../../src/ingest/types.js';
import { readXlsx } from '../../src/ingest/xlsx.js';
import type { InflateRawStream, XlsxReadOptions } from '../../src/ingest/xlsx.js';
import { entryDataRange, findEntry, readZipDirectory } from '../../src/ingest/zip.js';
import { buildZip } from './zip-builder.js';

const WORKBOOK = '<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>';
const SHEET = 'xl/worksheets/sheet1.xml';

/** One sheet (no rels: found as sheet1.xml), optional shared strings. */
function oneSheet(sheetXml: string | Uint8Array, options: { sst?: string | Uint8Array; method?: 0 | 8; declaredSize?: number } = {}): Buffer {
  return buildZip([
    { name: 'xl/workbook.xml', data: WORKBOOK },
    {
      name: SHEET,
      data: sheetXml,
      method: options.method ?? 8,
      ...(options.declaredSize === undefined ? {} : { declaredSize: options.declaredSize }),
    },
    ...(options.sst === undefined ? [] : [{ name: 'xl/sharedStrings.xml', data: options.sst }]),
  ]);
}

const sheetXml = (rows: string): string => `<worksheet><sheetData>${rows}</sheetData></worksheet>`;

async function readRows(bytes: Uint8Array, options: Partial<XlsxReadOptions> = {}): Promise<RawRow[][]> {
  const out: RawRow[][] = [];
  for await (const sheet of readXlsx(bytes, { ...NODE, date1904: false, ...options }).sheets) {
    const rows: RawRow[] = [];
    for await (const batch of sheet.rows) rows.push(...batch);
    out.push(rows);
  }
  return out;
}

async function readError(bytes: Uint8Array, options: Partial<XlsxReadOptions> = {}): Promise<InputError> {
  try {
    await readRows(bytes, options);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

interface InflateStats {
  calls: number;
  produced: number;
  released: number;
}

/** Node's streaming inflater, counting what it has produced and whether it was let go. */
function countingInflater(stats: InflateStats): InflateRawStream {
  return (data) => ({
    async *[Symbol.asyncIterator]() {
      stats.calls++;
      const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
      inflater.end(data);
      try {
        for await (const chunk of inflater as AsyncIterable<Buffer>) {
          stats.produced += chunk.length;
          yield chunk;
        }
      } finally {
        stats.released++;
        inflater.destroy();
      }
    },
  });
}

/** Inflates everything, then hands it out 1, 2, … 7 bytes at a time: every boundary gets cut. */
const tinyChunks: InflateRawStream = (data) => ({
  async *[Symbol.asyncIterator]() {
    const all = inflateRawSync(data);
    for (let at = 0, size = 1; at < all.length; at += size, size = (size % 7) + 1) yield all.subarray(at, at + size);
  },
});

const webInflater: InflateRawStream = (data) =>
  new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw')) as unknown as AsyncIterable<Uint8Array>;

/** A register written by exceljs: shared strings, rich text, Vietnamese text in every row. */
async function vietnameseWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ VB đi');
  for (let r = 1; r <= rows; r++) {
    ws.addRow([
      `${r}/QĐ-UBND`,
      45000 + r,
      `Về việc tăng cường quản lý văn thư, lưu trữ năm ${2000 + (r % 25)} — đợt ${r}`,
      r % 7 === 0 ? { richText: [{ text: 'Nguyễn ', font: { bold: true } }, { text: 'Văn Ánh'.normalize('NFD') }] } : 'Trần Thị Bích',
      r % 2 === 0,
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readXlsx streaming', () => {
  it('gives the same rows whatever the chunk boundaries (multi-byte characters split included)', async () => {
    const bytes = await vietnameseWorkbook(400);
    const normal = await readRows(bytes);
    expect(normal[0]).toHaveLength(400);
    expect(normal[0]?.[6]?.values[3]).toBe('Nguyễn ' + 'Văn Ánh'.normalize('NFD'));
    expect(await readRows(bytes, { inflateRawStream: tinyChunks })).toEqual(normal);
    expect(await readRows(bytes, { inflateRawStream: webInflater })).toEqual(normal);
  });

  it('inflates nothing for sheets whose rows are not read, and lets go of an abandoned sheet', async () => {
    const bytes = await vietnameseWorkbook(2000);
    const stats: InflateStats = { calls: 0, produced: 0, released: 0 };
    const inflateRawStream = countingInflater(stats);
    for await (const sheet of readXlsx(bytes, { ...NODE, date1904: false, inflateRawStream }).sheets) expect(sheet.name).toBe('Sổ VB đi');
    expect(stats.calls).toBe(0);

    for await (const sheet of readXlsx(bytes, { ...NODE, date1904: false, inflateRawStream }).sheets) {
      for await (const batch of sheet.rows) {
        expect(batch[0]?.row).toBe(1);
        break;
      }
    }
    // Shared strings read whole, the sheet started and abandoned: both released.
    expect(stats.calls).toBe(2);
    expect(stats.released).toBe(2);
  });

  it('reads a big sheet with flat memory and no read-ahead', { timeout: 60_000 }, async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const ROWS = 100_000;
    const pieces: Buffer[] = [];
    const endOfRow: number[] = [];
    let size = 0;
    const head = Buffer.from('<worksheet><sheetData>');
    pieces.push(head);
    size += head.length;
    for (let r = 1; r <= ROWS; r++) {
      const piece = Buffer.from(
        `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>${r}/QĐ-UBND về việc số ${r * 7919}</t></is></c>` +
          `<c r="C${r}" t="s"><v>${r % 3}</v></c><c r="D${r}"><v>${45000 + (r % 365)}</v></c></row>`,
      );
      pieces.push(piece);
      size += piece.length;
      endOfRow.push(size);
    }
    pieces.push(Buffer.from('</sheetData></worksheet>'));
    const bytes = oneSheet(Buffer.concat(pieces), { sst: '<sst><si><t>đi</t></si><si><t>đến</t></si><si><t>nội bộ</t></si></sst>' });
    pieces.length = 0;

    const stats: InflateStats = { calls: 0, produced: 0, released: 0 };
    let count = 0;
    let heapAt20k = 0;
    let heapAt95k = 0;
    for await (const sheet of readXlsx(bytes, { ...NODE, date1904: false, inflateRawStream: countingInflater(stats) }).sheets) {
      for await (const batch of sheet.rows) {
        // No read-ahead: what has been inflated is this batch's XML plus at most about two chunks.
        const upTo = endOfRow[count + batch.length - 1] ?? 0;
        if (stats.produced > upTo + 2 * 64 * 1024) throw new Error(`row ${batch[0]?.row}: ${stats.produced} bytes inflated, batch ends at ${upTo}`);
        for (const row of batch) {
          count++;
          if (row.row !== count || row.values.length !== 4) throw new Error(`unexpected row ${JSON.stringify(row)}`);
          if (count === 20_000) {
            gc();
            heapAt20k = process.memoryUsage().heapUsed;
          } else if (count === 95_000) {
            gc();
            heapAt95k = process.memoryUsage().heapUsed;
          }
        }
      }
    }
    expect(count).toBe(ROWS);
    // Holding the rows read (75k here) would cost well over 15 MB; holding the XML, over 20 MB.
    expect(heapAt95k - heapAt20k).toBeLessThan(6 * 1024 * 1024);
  });
});

describe('readXlsx on damaged and hostile parts', () => {
  async function register(): Promise<Buffer> {
    return vietnameseWorkbook(300);
  }

  /** Overwrites the sheet's compressed data with deterministic junk from `from` (0…1) on. */
  function scramble(bytes: Buffer, from: number): Buffer {
    const damaged = Buffer.from(bytes);
    const entry = findEntry(readZipDirectory(damaged), SHEET);
    if (!entry) throw new Error('no sheet');
    const { start, end } = entryDataRange(damaged, entry);
    let seed = 12345;
    for (let at = start + Math.floor((end - start) * from); at < end; at++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      damaged[at] = seed & 0xff;
    }
    return damaged;
  }

  it('reports a corrupted deflate stream as corrupt with a detail, without hanging (Node and web inflaters)', async () => {
    const bytes = await register();
    for (const from of [0, 0.5]) {
      for (const inflateRawStream of [undefined, webInflater]) {
        const error = await readError(scramble(bytes, from), inflateRawStream ? { inflateRawStream, fileName: 'so.xlsx' } : { fileName: 'so.xlsx' });
        expect(error.code).toBe('corrupt');
        expect(error.data).toMatchObject({ file: 'so.xlsx', entry: SHEET });
        expect(String(error.data['detail'])).toMatch(/xl\/worksheets\/sheet1\.xml/);
      }
    }
  });

  it('reports a sheet shorter than declared, or failing its CRC, as corrupt', async () => {
    const xml = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
    const short = await readError(oneSheet(xml, { declaredSize: xml.length + 10 }));
    expect(short.code).toBe('corrupt');
    expect(String(short.data['detail'])).toMatch(/not the \d+ its zip entry declares/);

    const bytes = oneSheet(xml);
    const dir = readZipDirectory(bytes);
    const central = bytes.indexOf(Buffer.from(SHEET), dir.centralDirectoryOffset) - 46;
    bytes.writeUInt32LE((bytes.readUInt32LE(central + 16) ^ 0xff) >>> 0, central + 16);
    const crc = await readError(bytes);
    expect(crc.code).toBe('corrupt');
    expect(String(crc.data['detail'])).toMatch(/CRC/);
  });

  it('refuses a part that declares or inflates to more than maxPartBytes (zip-bomb) before reading it whole', async () => {
    const xml = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(50_000));
    const error = await readError(oneSheet(xml), { maxPartBytes: 100_000 });
    expect(error.code).toBe('zip-bomb');
    expect(error.data).toMatchObject({ entry: SHEET, maxBytes: 100_000 });

    const stats: InflateStats = { calls: 0, produced: 0, released: 0 };
    const lying = await readError(oneSheet(xml, { declaredSize: 50_000 }), { inflateRawStream: countingInflater(stats) });
    expect(lying.code).toBe('zip-bomb');
    expect(stats.produced).toBeLessThan(200_000); // stopped at the first chunk past 50 KB
    expect(stats.released).toBe(1);
  });

  it('reports a cell beyond column XFD as corrupt, and reads one in XFD', async () => {
    const xfd = await readRows(oneSheet(sheetXml('<row r="1"><c r="XFD1"><v>1</v></c></row>')));
    expect(xfd[0]?.[0]?.values).toHaveLength(16_384);
    expect(xfd[0]?.[0]?.values[16_383]).toBe(1);
    const error = await readError(oneSheet(sheetXml('<row r="1"><c r="A1"><v>1</v></c><c r="XFE1"><v>2</v></c></row>')));
    expect(error.code).toBe('corrupt');
    expect(String(error.data['detail'])).toMatch(/XFE1 lies beyond column XFD/);
    const silly = await readError(oneSheet(sheetXml(`<row r="1"><c r="${'Z'.repeat(100_000)}1"><v>2</v></c></row>`)));
    expect(silly.code).toBe('corrupt');
  });

  it('stops a sheet of a million columns at column XFD quickly', async () => {
    const bytes = oneSheet(sheetXml(`<row r="1">${'<c><v>1</v></c>'.repeat(1_000_000)}</row>`));
    const started = performance.now();
    const error = await readError(bytes);
    expect(error.code).toBe('corrupt');
    expect(String(error.data['detail'])).toMatch(/cell 16385 of row 1 lies beyond column XFD/);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reads a 10 MB cell, inline or shared, whole and in reasonable time', async () => {
    const big = 'Trích yếu rất dài — văn thư lưu trữ. '.repeat(300_000); // ~11 M characters
    const started = performance.now();
    const inline = await readRows(oneSheet(sheetXml(`<row r="1"><c t="inlineStr"><is><t>${big}</t></is></c><c><v>2</v></c></row>`)));
    expect(inline[0]?.[0]?.values[0]).toBe(big);
    expect(inline[0]?.[0]?.values[1]).toBe(2);
    const shared = await readRows(oneSheet(sheetXml('<row r="1"><c t="s"><v>0</v></c></row>'), { sst: `<sst><si><t>${big}</t></si></sst>` }));
    expect(shared[0]?.[0]?.values[0]).toBe(big);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('refuses deeply nested shared-string rich text, DTD entity bombs and unfinished XML as corrupt', async () => {
    const deep = `<sst><si>${'<r>'.repeat(100_000)}<t>x</t>${'</r>'.repeat(100_000)}</si></sst>`;
    const nested = await readError(oneSheet(sheetXml('<row r="1"><c t="s"><v>0</v></c></row>'), { sst: deep }));
    expect(nested.code).toBe('corrupt');
    expect(String(nested.data['detail'])).toMatch(/sharedStrings\.xml: malformed XML: elements nested deeper/);

    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      sheetXml('<row r="1"><c t="inlineStr"><is><t>&lol2;</t></is></c></row>');
    expect((await readError(oneSheet(laughs))).data['detail']).toMatch(/DOCTYPE/);

    const unfinished = await readError(oneSheet('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row>'));
    expect(unfinished.code).toBe('corrupt');
    expect(String(unfinished.data['detail'])).toMatch(/ends inside <sheetData>/);
  });

  it('fails every sheet\'s rows, not the listing, when the shared strings are damaged', async () => {
    const bytes = oneSheet(sheetXml('<row r="1"><c t="s"><v>0</v></c></row>'), { sst: '<sst><si><t>a</t></si><si><t>b</sst>' });
    const workbook = readXlsx(bytes, { ...NODE, date1904: false });
    for await (const sheet of workbook.sheets) {
      await expect(async () => {
        for await (const batch of sheet.rows) expect(batch).toBeUndefined();
      }).rejects.toMatchObject({ code: 'corrupt' });
    }
  });

  it('reports a row number that is no number as corrupt', async () => {
    const error = await readError(oneSheet(sheetXml('<row r="x1"><c><v>1</v></c></row>')));
    expect(error).toMatchObject({ code: 'corrupt' });
  });
});
