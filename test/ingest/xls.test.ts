import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCfb } from '../../src/ingest/cfb.js';
import { InputError } from '../../src/ingest/types.js';
import type { RawRow, RawWorkbook } from '../../src/ingest/types.js';
import { readXls } from '../../src/ingest/xls.js';
import * as B from './biff-builder.js';

interface SheetDump {
  readonly name: string;
  readonly index: number;
  readonly date1904: boolean;
  readonly rows: RawRow[];
  readonly batches: number[];
}

async function dump(workbook: RawWorkbook): Promise<SheetDump[]> {
  const out: SheetDump[] = [];
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

const read = (bytes: Uint8Array, fileName?: string): Promise<SheetDump[]> => dump(readXls(bytes, fileName === undefined ? {} : { fileName }));

/** One sheet's rows as { row: values }. */
async function grid(spec: B.WorkbookSpec, opts?: Parameters<typeof B.buildXls>[1]): Promise<Record<number, readonly unknown[]>> {
  const [sheet] = await read(B.buildXls(spec, opts));
  return Object.fromEntries((sheet?.rows ?? []).map((r) => [r.row, r.values]));
}

/** The InputError a read (open or iteration) fails with. */
async function failure(bytes: Uint8Array, fileName?: string): Promise<InputError> {
  try {
    await read(bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('read did not fail');
}

const VI = 'Quyết định số 12/QĐ-UBND về việc ưu tiên';

describe('readXls: cell records', () => {
  it('reads LABELSST, LABEL (8-bit and UTF-16), RSTRING, NUMBER, RK, MULRK and BOOLERR', async () => {
    const rows = await grid({
      sst: B.sst(['Số, ký hiệu', VI, '']),
      sheets: [
        {
          name: 'Sheet1',
          records: [
            B.labelSst(0, 0, 0),
            B.labelSst(0, 1, 1),
            B.labelSst(0, 2, 2), // '' → no value
            B.label(1, 0, 'café', { wide: false }),
            B.label(1, 1, VI),
            B.label(1, 2, 'ASCII in UTF-16', { wide: true }),
            B.rstring(1, 3, 'rich'),
            B.number(2, 0, 45292.75),
            B.number(2, 1, -0.125),
            B.rk(2, 2, B.encodeRk(42)),
            B.rk(2, 3, B.encodeRk(-7)),
            B.rk(2, 4, B.encodeRk(12.34)),
            B.rk(2, 5, B.encodeRk(0.5)),
            B.mulrk(3, 1, [B.encodeRk(1), B.encodeRk(2.5), B.encodeRk(-300.01)]),
            B.boolErr(4, 0, 1, false),
            B.boolErr(4, 1, 0, false),
            B.boolErr(4, 2, 0x17, true),
            B.boolErr(4, 3, 0x2a, true),
            B.boolErr(4, 4, 0x07, true),
          ],
        },
      ],
    });
    expect(rows).toEqual({
      1: ['Số, ký hiệu', VI],
      2: ['café', VI, 'ASCII in UTF-16', 'rich'],
      3: [45292.75, -0.125, 42, -7, 12.34, 0.5],
      4: [null, 1, 2.5, -300.01],
      5: [true, false, '#REF!', '#N/A', '#DIV/0!'],
    });
  });

  it('reads the cached result of FORMULA records: number, string (STRING record), bool, error, empty', async () => {
    const rows = await grid({
      sheets: [
        {
          name: 'F',
          records: [
            B.formulaNumber(0, 0, 3.5),
            B.formulaString(0, 1, 'Kết quả'),
            B.formulaBool(0, 2, true),
            B.formulaBool(0, 3, false),
            B.formulaError(0, 4, 0x1d),
            B.formulaEmpty(0, 5),
            // A shared formula record between FORMULA and its STRING does not lose the string.
            B.formulaStringOnly(1, 0),
            B.rec(B.R.SHRFMLA, [1, 0, 1, 0, 0, 0, 0, 0, 0, 0]),
            B.stringRecord('after SHRFMLA'),
            // A STRING with no pending formula is ignored; a pending string is dropped by the next cell.
            B.stringRecord('stray'),
            B.formulaStringOnly(2, 0),
            B.number(2, 1, 9),
            B.stringRecord('too late'),
          ],
        },
      ],
    });
    expect(rows).toEqual({
      1: [3.5, 'Kết quả', true, false, '#NAME?'],
      2: ['after SHRFMLA'],
      3: [null, 9],
    });
  });

  it('reads a formula string result continued over a CONTINUE record, switching to UTF-16', async () => {
    const long = 'a'.repeat(30) + 'ưu tiên';
    // STRING: cch, option 0 (8-bit), 20 chars | CONTINUE: option 1 (UTF-16), the rest.
    const first = Buffer.concat([Buffer.from([long.length, 0, 0]), B.chars(long.slice(0, 20), false)]);
    const rest = Buffer.concat([Buffer.from([1]), B.chars(long.slice(20), true)]);
    const rows = await grid({ sheets: [{ name: 'S', records: [B.formulaStringOnly(0, 0), B.rec(B.R.STRING, first), B.rec(B.R.CONTINUE, rest)] }] });
    expect(rows).toEqual({ 1: [long] });
  });

  it('ignores BLANK and MULBLANK, skips empty rows and drops trailing empties', async () => {
    const [sheet] = await read(
      B.buildXls({
        sheets: [{ name: 'S', records: [B.blank(0, 0), B.mulblank(1, 0, 5), B.number(2, 3, 1), B.blank(2, 4), B.formulaEmpty(3, 0), B.number(6, 0, 2)] }],
      }),
    );
    expect(sheet?.rows).toEqual([
      { row: 3, values: [null, null, null, 1] },
      { row: 7, values: [2] },
    ]);
  });

  it('gives null for an SST index past the table and non-finite numbers', async () => {
    const rows = await grid({ sst: B.sst(['only']), sheets: [{ name: 'S', records: [B.labelSst(0, 0, 0), B.labelSst(0, 1, 5), B.labelSst(0, 2, 0xffffffff), B.number(1, 0, NaN), B.number(1, 1, Infinity), B.number(1, 2, 1)] }] });
    expect(rows).toEqual({ 1: ['only'], 2: [null, null, 1] });
  });

  it('keeps strings exactly as stored (no trim, no NFC, control characters kept)', async () => {
    const nfd = 'Quye\u0302\u0301t  '; // NFD, trailing spaces
    const rows = await grid({ sst: B.sst([nfd, ' a\r\nb ']), sheets: [{ name: 'S', records: [B.labelSst(0, 0, 0), B.labelSst(0, 1, 1)] }] });
    expect(rows[1]).toEqual([nfd, ' a\r\nb ']);
  });
});

describe('readXls: shared strings over CONTINUE records', () => {
  it('re-reads the option byte at each continuation (8-bit ↔ UTF-16)', async () => {
    const strings: B.SstString[] = [
      { text: 'x'.repeat(100) }, // 8-bit, split across records, stays 8-bit
      { text: 'a'.repeat(40), wideAfterSplit: true }, // 8-bit, then UTF-16 in the continuation
      { text: VI + VI }, // UTF-16, split mid-string
      { text: 'bc'.repeat(30), wide: true, wideAfterSplit: false }, // UTF-16, then 8-bit
    ];
    const bytes = B.buildXls({ sst: B.sst(strings, { maxRecord: 37 }), sheets: [{ name: 'S', records: strings.map((_, i) => B.labelSst(i, 0, i)) }] });
    const [sheet] = await read(bytes);
    expect(sheet?.rows.map((r) => r.values[0])).toEqual(strings.map((s) => s.text));
  });

  it('skips rich-text runs and phonetic data, also when they run into the next record', async () => {
    const strings: (string | B.SstString)[] = [{ text: 'đầu', runs: 3, phonetic: 30 }, { text: 'giữa' }, { text: 'rich', runs: 20 }, { text: 'cuối', phonetic: 7 }, 'end'];
    const texts = strings.map((s) => (typeof s === 'string' ? s : s.text));
    for (const maxRecord of [8224, 50, 23, 13]) {
      const bytes = B.buildXls({ sst: B.sst(strings, { maxRecord }), sheets: [{ name: 'S', records: texts.map((_, i) => B.labelSst(0, i, i)) }] });
      const [sheet] = await read(bytes);
      expect(sheet?.rows[0]?.values, `records of ${maxRecord} bytes`).toEqual(texts);
    }
  });

  it('reads characters that start in the next record after a header that filled the last one', async () => {
    const strings = ['abcdefgh', 'ư' + 'x'.repeat(10), 'tail'];
    for (const maxRecord of [11, 12, 13, 14, 15, 16]) {
      const bytes = B.buildXls({ sst: B.sst(strings, { maxRecord, splitAfterHeader: true }), sheets: [{ name: 'S', records: strings.map((_, i) => B.labelSst(0, i, i)) }] });
      const [sheet] = await read(bytes);
      expect(sheet?.rows[0]?.values, `records of ${maxRecord} bytes`).toEqual(strings);
    }
  });

  it('reads a 20,000-character string and thousands of strings over Excel-sized records', async () => {
    const strings = ['x'.repeat(20_000), ...Array.from({ length: 3000 }, (_, i) => `${i + 1}/QĐ-UBND ${'ư'.repeat(i % 17)}`)];
    const bytes = B.buildXls({ sst: B.sst(strings), sheets: [{ name: 'S', records: strings.map((_, i) => B.labelSst(i, 0, i)) }] });
    const [sheet] = await read(bytes);
    expect(sheet?.rows.length).toBe(strings.length);
    expect(sheet?.rows.every((r, i) => r.values[0] === strings[i])).toBe(true);
  });

  it('does not trust the declared string count (too large or too small)', async () => {
    for (const unique of [0xffffffff, 0, 1]) {
      const bytes = B.buildXls({ sst: B.sst(['a', 'b', 'c'], { unique }), sheets: [{ name: 'S', records: [B.labelSst(0, 0, 0), B.labelSst(0, 1, 2)] }] });
      const [sheet] = await read(bytes);
      expect(sheet?.rows[0]?.values).toEqual(['a', 'c']);
    }
  });

  it('keeps the strings before one cut short at the end of the table', async () => {
    const table = B.sst(['first', 'second']);
    // Claim 10 characters for the last string but store only its 6 (record length adjusted).
    const lastHeader = table.length - 6 - 3;
    table.writeUInt16LE(10, lastHeader);
    const bytes = B.buildXls({ sst: table, sheets: [{ name: 'S', records: [B.labelSst(0, 0, 0), B.labelSst(0, 1, 1)] }] });
    const [sheet] = await read(bytes);
    expect(sheet?.rows[0]?.values).toEqual(['first']);
  });
});

describe('readXls: workbook globals', () => {
  it('names sheets in order, skips hidden, very hidden, chart, macro and mislabelled chart sheets', async () => {
    const sheets = await read(
      B.buildXls({
        sheets: [
          { name: 'Sổ đi 2024', records: [B.number(0, 0, 1)] },
          { name: 'Ẩn', hidden: 1, records: [B.number(0, 0, 2)] },
          { name: 'Rất ẩn', hidden: 2, records: [B.number(0, 0, 3)] },
          { name: 'Biểu đồ', type: 2, bofType: B.BOF_CHART },
          { name: 'Macro', type: 1, bofType: 0x0040 },
          { name: 'Chart as worksheet', bofType: B.BOF_CHART, records: [B.number(0, 0, 4)] },
          { name: 'Sổ đến', records: [B.number(4, 1, 5)] },
        ],
      }),
    );
    expect(sheets.map((s) => ({ name: s.name, index: s.index, rows: s.rows }))).toEqual([
      { name: 'Sổ đi 2024', index: 0, rows: [{ row: 1, values: [1] }] },
      { name: 'Sổ đến', index: 1, rows: [{ row: 5, values: [null, 5] }] },
    ]);
  });

  it('reads date cells as serial numbers whatever their format, and DATEMODE as date1904', async () => {
    const globals = [B.format(164, 'dd/mm/yyyy'), B.format(165, '"d" 0'), ...Array.from({ length: 16 }, () => B.xf(0)), B.xf(14), B.xf(164), B.xf(165)];
    const records = [B.number(0, 0, 45306, 16), B.rk(0, 1, B.encodeRk(45306), 17), B.number(0, 2, 45306.5, 18), B.number(0, 3, 7, 15)];
    const [plain] = await read(B.buildXls({ globals, sheets: [{ name: 'S', records }] }));
    expect(plain?.date1904).toBe(false);
    expect(plain?.rows).toEqual([{ row: 1, values: [45306, 45306, 45306.5, 7] }]);
    const [mac] = await read(B.buildXls({ globals: [B.datemode(1), ...globals], sheets: [{ name: 'S', records }, { name: 'T' }] }));
    expect(mac?.date1904).toBe(true);
    expect(mac?.rows[0]?.values).toEqual([45306, 45306, 45306.5, 7]);
    const [explicit0] = await read(B.buildXls({ globals: [B.datemode(0)], sheets: [{ name: 'S', records }] }));
    expect(explicit0?.date1904).toBe(false);
  });

  it('reads a workbook with no sheets', async () => {
    expect(await read(B.buildXls({ sheets: [] }))).toEqual([]);
  });

  it('reads sheets in any order of iteration without their rows', async () => {
    const wb = readXls(B.buildXls({ sheets: [{ name: 'A', records: [B.number(0, 0, 1)] }, { name: 'B', records: [B.number(0, 0, 2)] }] }), {});
    const names: string[] = [];
    for await (const sheet of wb.sheets) names.push(sheet.name);
    expect(names).toEqual(['A', 'B']);
    expect(wb.format).toBe('xls');
  });
});

describe('readXls: merges, order, batches', () => {
  it('keeps a merged range in its top-left cell only (stray values inside are dropped)', async () => {
    const rows = await grid({
      sheets: [
        {
          name: 'M',
          records: [
            B.label(0, 0, 'SỔ ĐĂNG KÝ VĂN BẢN ĐI'),
            B.label(0, 3, 'stray in A1:F1'),
            B.mulblank(0, 1, 5),
            B.label(1, 0, 'Số'),
            B.label(1, 1, 'Ngày'),
            B.label(2, 0, 'stray in A2:A3'),
            B.label(2, 1, 'kept'),
            B.label(3, 2, 'outside'),
            B.mergedCells([
              { r1: 0, r2: 0, c1: 0, c2: 5 },
              { r1: 1, r2: 2, c1: 0, c2: 0 },
            ]),
          ],
        },
      ],
    });
    expect(rows).toEqual({ 1: ['SỔ ĐĂNG KÝ VĂN BẢN ĐI'], 2: ['Số', 'Ngày'], 3: [null, 'kept'], 4: [null, null, 'outside'] });
  });

  it('drops a row that holds nothing but stray values inside a merge', async () => {
    const [sheet] = await read(B.buildXls({ sheets: [{ name: 'M', records: [B.number(0, 0, 1), B.number(1, 0, 2), B.number(2, 0, 3), B.mergedCells([{ r1: 0, r2: 1, c1: 0, c2: 1 }])] }] }));
    expect(sheet?.rows).toEqual([
      { row: 1, values: [1] },
      { row: 3, values: [3] },
    ]);
  });

  it('sorts cells that come out of row order', async () => {
    const [sheet] = await read(
      B.buildXls({ sheets: [{ name: 'S', records: [B.number(5, 0, 6), B.number(1, 1, 2), B.number(5, 1, 6.5), B.number(0, 0, 1), B.number(1, 0, 1.5), B.mergedCells([{ r1: 5, r2: 5, c1: 0, c2: 1 }])] }] }),
    );
    expect(sheet?.rows).toEqual([
      { row: 1, values: [1] },
      { row: 2, values: [1.5, 2] },
      { row: 6, values: [6] },
    ]);
  });

  it('hands rows out in batches of at most 1000, in order, with 1-based row numbers (ordered and not)', async () => {
    const records = Array.from({ length: 2500 }, (_, i) => B.mulrk(i, 0, [B.encodeRk(i), B.encodeRk(i + 1)]));
    for (const recs of [records, [...records].reverse()]) {
      const [sheet] = await read(B.buildXls({ sheets: [{ name: 'S', records: recs }] }));
      expect(sheet?.batches).toEqual([1000, 1000, 500]);
      expect(sheet?.rows.map((r) => r.row)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
      expect(sheet?.rows[2499]?.values).toEqual([2499, 2500]);
    }
  });

  it('reads the last row 65,536 and skips records inside an embedded chart substream', async () => {
    const rows = await grid({
      sheets: [{ name: 'S', records: [B.number(0, 0, 1), B.bof(B.BOF_CHART), B.number(1, 0, 99), B.eof(), B.number(65535, 255, 2)] }],
    });
    expect(Object.keys(rows)).toEqual(['1', '65536']);
    expect(rows[65536]?.[255]).toBe(2);
  });

  it('reads a sheet whose EOF is missing at the end of the stream', async () => {
    const rows = await grid({ sheets: [{ name: 'S', records: [B.number(0, 0, 1)], noEof: true }], padTo: 0 });
    expect(rows).toEqual({ 1: [1] });
  });
});

describe('readXls: containers', () => {
  it('reads a Workbook stream under 4096 bytes from the mini stream', async () => {
    const bytes = B.buildXls({ sst: B.sst(['mini']), sheets: [{ name: 'S', records: [B.labelSst(0, 0, 0)] }], padTo: 0 });
    expect(readCfb(bytes).entries).toEqual([{ name: 'Workbook', type: 'stream', size: expect.any(Number) }]);
    expect(readCfb(bytes).entries[0]!.size).toBeLessThan(4096);
    expect((await read(bytes))[0]?.rows).toEqual([{ row: 1, values: ['mini'] }]);
  });

  it('reads 4096-byte sectors (version 4) and non-contiguous sector chains', async () => {
    const spec: B.WorkbookSpec = { sst: B.sst([VI]), sheets: [{ name: 'S', records: [B.labelSst(0, 0, 0), B.number(0, 1, 2)] }], padTo: 20_000 };
    for (const opts of [{ sectorShift: 12 as const }, { scatter: true }, { sectorShift: 12 as const, scatter: true }]) {
      const bytes = B.buildXls(spec, opts);
      expect(readCfb(bytes).version).toBe(opts.sectorShift === 12 ? 4 : 3);
      expect((await read(bytes))[0]?.rows).toEqual([{ row: 1, values: [VI, 2] }]);
    }
  });

  it('follows the DIFAT chain past the header’s 109 FAT sectors', async () => {
    const layout = B.buildCfbLayout([{ name: 'Workbook', data: B.workbookStream({ sheets: [{ name: 'Big', records: [B.number(0, 0, 1)] }], padTo: 7_400_000 }) }]);
    expect(layout.difatSectors.length).toBeGreaterThan(0);
    expect((await read(layout.bytes))[0]?.rows).toEqual([{ row: 1, values: [1] }]);
  });

  it('lists root entries and finds streams case-insensitively', () => {
    const bytes = B.buildCfb([
      { name: 'Workbook', data: new Uint8Array(5000).fill(7) },
      { name: '\u0005SummaryInformation', data: new Uint8Array(100).fill(1) },
      { name: 'CompObj', data: new Uint8Array(0) },
    ]);
    const cfb = readCfb(bytes);
    expect(cfb.entries.map((e) => e.name).sort()).toEqual(['\u0005SummaryInformation', 'CompObj', 'Workbook'].sort());
    expect(cfb.has('WORKBOOK')).toBe(true);
    expect(cfb.stream('workbook')?.length).toBe(5000);
    expect(cfb.stream('workbook')?.every((b) => b === 7)).toBe(true);
    expect(cfb.stream('\u0005summaryinformation')?.every((b) => b === 1)).toBe(true);
    expect(cfb.stream('CompObj')?.length).toBe(0);
    expect(cfb.stream('Book')).toBeUndefined();
  });
});

describe('readXls: refusals', () => {
  it('refuses a FILEPASS workbook as xls-encrypted, naming the file', async () => {
    const error = await failure(B.buildXls({ globals: [B.filepass()], sheets: [{ name: 'S', records: [B.number(0, 0, 1)] }] }), 'so-di.xls');
    expect(error.code).toBe('xls-encrypted');
    expect(error.data['file']).toBe('so-di.xls');
    expect(error.message).toContain('so-di.xls');
  });

  it('refuses an encrypted OOXML package as encrypted', async () => {
    const bytes = B.buildCfb([
      { name: 'EncryptionInfo', data: new Uint8Array(200) },
      { name: 'EncryptedPackage', data: new Uint8Array(9000) },
    ]);
    expect((await failure(bytes)).code).toBe('encrypted');
  });

  it('refuses Excel 5.0/95 (Book stream, or a BIFF5 BOF) as xls-old with its version', async () => {
    const biff5 = B.workbookStream({ version: 0x0500, sheets: [{ name: 'S' }] });
    const book = await failure(B.buildCfb([{ name: 'Book', data: biff5 }]));
    expect(book.code).toBe('xls-old');
    expect(book.data['version']).toBe('Excel 5.0/95');
    const inWorkbook = await failure(B.buildCfb([{ name: 'Workbook', data: biff5 }]));
    expect(inWorkbook.code).toBe('xls-old');
    const biff4 = await failure(B.buildCfb([{ name: 'Workbook', data: Buffer.concat([B.rec(0x0409, [0, 0, 0x10, 0, 0, 0]), B.eof()]) }]));
    expect(biff4.code).toBe('xls-old');
    expect(biff4.data['version']).toBe('Excel 4.0');
  });

  it('reads a BIFF8 stream stored as Book', async () => {
    const bytes = B.buildCfb([{ name: 'Book', data: B.workbookStream({ sheets: [{ name: 'S', records: [B.number(0, 0, 1)] }] }) }]);
    expect((await read(bytes))[0]?.rows).toEqual([{ row: 1, values: [1] }]);
  });

  it('names a Word document as doc and a compound file without a workbook as corrupt', async () => {
    expect((await failure(B.buildCfb([{ name: 'WordDocument', data: new Uint8Array(5000) }]))).code).toBe('doc');
    const other = await failure(B.buildCfb([{ name: 'Something', data: new Uint8Array(10) }]));
    expect(other.code).toBe('corrupt');
    expect(other.message).toContain('Something');
  });

  it('calls a file cut short truncated', async () => {
    const bytes = B.buildXls({ sst: B.sst(['x']), sheets: [{ name: 'S', records: [B.labelSst(0, 0, 0)] }], padTo: 30_000 });
    for (const length of [4, 300, 600, 5000, 20_000, bytes.length - 1000]) {
      const error = await failure(bytes.subarray(0, length), 'cut.xls');
      expect(error.code, `cut at ${length}`).toBe('truncated');
      expect(error.data['file']).toBe('cut.xls');
    }
  });

  it('calls a record running past the end of the Workbook stream truncated', async () => {
    const globals = await failure(B.buildCfb([{ name: 'Workbook', data: Buffer.concat([B.bof(B.BOF_GLOBALS), B.rec(B.R.SST, [0, 0, 0, 0], 500)]) }]));
    expect(globals.code).toBe('truncated');
    // In a sheet: found when its rows are read.
    const stream = B.workbookStream({ sheets: [{ name: 'S', records: [B.number(0, 0, 1), B.rec(B.R.NUMBER, [0, 0], 9000)], noEof: true }], padTo: 0 });
    const sheet = await failure(B.buildCfb([{ name: 'Workbook', data: stream }]), 'f.xls');
    expect(sheet.code).toBe('truncated');
    expect(sheet.data['sheet']).toBe('S');
    expect(sheet.data['file']).toBe('f.xls');
  });

  it('calls a stream declared longer than the file truncated', async () => {
    const layout = B.buildCfbLayout([{ name: 'Workbook', data: B.workbookStream({ sheets: [], padTo: 5000 }) }]);
    layout.bytes.writeUInt32LE(50_000_000, layout.entryOffsets.get('Workbook')! + 120);
    expect((await failure(layout.bytes)).code).toBe('truncated');
  });

  it('calls a looping FAT chain corrupt, without hanging', async () => {
    const layout = B.buildCfbLayout([{ name: 'Workbook', data: B.workbookStream({ sheets: [], padTo: 10_000 }) }]);
    const start = layout.starts.get('Workbook')!;
    B.setFatEntry(layout, start + 5, start + 1);
    const t0 = Date.now();
    const error = await failure(layout.bytes);
    expect(error.code).toBe('corrupt');
    expect(error.message).toMatch(/loops/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('calls a looping directory chain, DIFAT chain or mini chain corrupt', async () => {
    const dirLoop = B.buildCfbLayout([{ name: 'Workbook', data: B.workbookStream({ sheets: [], padTo: 5000 }) }]);
    B.setFatEntry(dirLoop, dirLoop.directorySector, dirLoop.directorySector);
    expect((await failure(dirLoop.bytes)).code).toBe('corrupt');

    const big = B.buildCfbLayout([{ name: 'Workbook', data: B.workbookStream({ sheets: [], padTo: 7_400_000 }) }]);
    const difat = big.difatSectors[0]!;
    big.bytes.writeUInt32LE(difat, (difat + 1) * 512 + 508); // the DIFAT sector's next → itself
    big.bytes.writeUInt32LE(big.fatSectors.length + 200, 44); // more FAT sectors than listed
    const difatLoop = await failure(big.bytes);
    expect(difatLoop.code).toBe('corrupt');
    expect(difatLoop.message).toMatch(/DIFAT chain loops/);

    const mini = B.buildCfbLayout([{ name: 'Workbook', data: B.workbookStream({ sheets: [{ name: 'S', records: Array.from({ length: 20 }, (_, i) => B.number(i, 0, i)) }], padTo: 0 }) }]);
    // The mini FAT is the sector after the mini stream; its first entries chain the Workbook's mini sectors.
    const miniFatSector = mini.bytes.readUInt32LE(60);
    mini.bytes.writeUInt32LE(0, (miniFatSector + 1) * 512 + 4); // mini sector 1 → 0
    const miniLoop = await failure(mini.bytes);
    expect(miniLoop.code).toBe('corrupt');
    expect(miniLoop.message).toMatch(/mini sector chain loops/);
  });

  it('calls a chain pointing past the FAT corrupt, and one into a missing end of the file truncated', async () => {
    const layout = B.buildCfbLayout([{ name: 'Workbook', data: B.workbookStream({ sheets: [], padTo: 10_000 }) }]);
    const start = layout.starts.get('Workbook')!;
    const copy = Buffer.from(layout.bytes);
    B.setFatEntry(layout, start + 2, 0x00ffffff);
    expect((await failure(layout.bytes)).code).toBe('corrupt');
    // FAT says sector 100 (inside what its one FAT sector maps) but the file has ~25 sectors.
    const cut = B.buildCfbLayout([{ name: 'Workbook', data: B.workbookStream({ sheets: [], padTo: 10_000 }) }]);
    B.setFatEntry(cut, start + 2, 100);
    expect((await failure(cut.bytes)).code).toBe('truncated');
    expect((await read(copy)).length).toBe(0);
  });

  it('rejects bad headers as corrupt and a cell beyond column XFD as corrupt', async () => {
    const good = B.buildXls({ sheets: [] });
    const noSig = Buffer.from(good);
    noSig[3] = 0;
    expect((await failure(noSig)).code).toBe('corrupt');
    const shift = Buffer.from(good);
    shift.writeUInt16LE(10, 30);
    expect((await failure(shift)).code).toBe('corrupt');
    const wide = await failure(B.buildXls({ sheets: [{ name: 'S', records: [B.number(0, 16_384, 1)] }] }));
    expect(wide.code).toBe('corrupt');
    expect(wide.message).toContain('XFD');
  });

  it('rejects a BOUNDSHEET offset outside the stream or not at a BOF', async () => {
    const stream = B.workbookStream({ sheets: [{ name: 'S', records: [B.number(0, 0, 1)] }] });
    const at = stream.indexOf(Buffer.from([0x85, 0x00]));
    const far = Buffer.from(stream);
    far.writeUInt32LE(0x7fffffff, at + 4);
    expect((await failure(B.buildCfb([{ name: 'Workbook', data: far }]))).code).toBe('corrupt');
    const off = Buffer.from(stream);
    off.writeUInt32LE(off.readUInt32LE(at + 4) + 4, at + 4);
    expect((await failure(B.buildCfb([{ name: 'Workbook', data: off }]))).code).toBe('corrupt');
  });
});

describe('readXls: hostile input', () => {
  /** Reads to the end; anything thrown must be an InputError. */
  async function readsOrRefuses(bytes: Uint8Array): Promise<void> {
    try {
      await read(bytes, 'fuzz.xls');
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      expect(error.data['file']).toBe('fuzz.xls');
    }
  }

  const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

  it('random bytes after the signature only ever give an InputError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 3000 }), async (tail) => {
        await readsOrRefuses(Uint8Array.from([...SIGNATURE, ...tail]));
      }),
      { numRuns: 300 },
    );
  });

  it('a random header over a valid body only ever gives an InputError', async () => {
    const good = B.buildXls({ sst: B.sst(['a', VI]), sheets: [{ name: 'S', records: [B.labelSst(0, 0, 1), B.number(1, 0, 1)] }] });
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 504, maxLength: 504 }), fc.boolean(), async (header, keepFormat) => {
        const bytes = Buffer.from(good);
        Buffer.from(header).copy(bytes, 8);
        if (keepFormat) bytes.writeUInt32LE(0x0009fffe, 28); // byte order + sector shift 9, so the rest is read
        if (keepFormat) bytes.writeUInt16LE(6, 32);
        await readsOrRefuses(bytes);
      }),
      { numRuns: 200 },
    );
  });

  it('corrupting bytes of a valid file only ever gives an InputError', async () => {
    const sst = B.sst([{ text: VI, runs: 2, phonetic: 9 }, 'x'.repeat(300), ...Array.from({ length: 50 }, (_, i) => `s${i}`)], { maxRecord: 60 });
    const records = [
      B.labelSst(0, 0, 0),
      B.labelSst(0, 1, 1),
      B.label(1, 0, VI),
      B.mulrk(2, 0, [B.encodeRk(1), B.encodeRk(2)]),
      B.formulaString(3, 0, 'f'),
      B.boolErr(4, 0, 0x17, true),
      B.mergedCells([{ r1: 0, r2: 1, c1: 0, c2: 1 }]),
      ...Array.from({ length: 50 }, (_, i) => B.labelSst(5 + i, 0, 2 + i)),
    ];
    const good = B.buildXls({ globals: [B.datemode(1)], sst, sheets: [{ name: 'Sổ', records }, { name: 'Two', records: [B.number(0, 0, 1)] }] });
    expect((await read(good)).length).toBe(2);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }), async (edits) => {
        const bytes = Buffer.from(good);
        for (const [at, value] of edits) bytes[at] = value;
        await readsOrRefuses(bytes);
      }),
      { numRuns: 400 },
    );
  });

  it('corrupting the Workbook stream (inside a sound container) only ever gives an InputError', async () => {
    const stream = B.workbookStream({ sst: B.sst(['a', 'bb', VI], { maxRecord: 20 }), sheets: [{ name: 'S', records: [B.labelSst(0, 0, 2), ...B.formulaString(1, 1, 'ư'), B.mulrk(2, 0, [2, 6])] }] });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: 600 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), async (edits) => {
        const data = Buffer.from(stream);
        for (const [at, value] of edits) if (at < data.length) data[at] = value;
        await readsOrRefuses(B.buildCfb([{ name: 'Workbook', data }]));
      }),
      { numRuns: 400 },
    );
  });

  it('a sheet of overlapping hostile merges stays fast', async () => {
    const ranges = Array.from({ length: 5000 }, () => ({ r1: 0, r2: 65535, c1: 0, c2: 255 }));
    const records = [...Array.from({ length: 3000 }, (_, i) => B.number(i, 0, i)), ...Array.from({ length: 5 }, (_, k) => B.mergedCells(ranges.slice(k * 1000, (k + 1) * 1000)))];
    const t0 = Date.now();
    const [sheet] = await read(B.buildXls({ sheets: [{ name: 'S', records }] }));
    expect(sheet?.rows).toEqual([{ row: 1, values: [0] }]);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});
