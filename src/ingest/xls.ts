// Excel 97–2003 workbooks (.xls, BIFF8) → RawWorkbook.
//
// The compound file (cfb.ts) holds a "Workbook" stream: a sequence of records (type u16, length u16,
// data). It starts with the workbook globals — BOF, maybe FILEPASS (encrypted), DATEMODE, one
// BOUNDSHEET per sheet (name, visibility, type, offset of the sheet's own BOF), the shared string
// table (SST, continued over CONTINUE records) — then each sheet as its own BOF…EOF substream of
// cell records. Everything up to the sheet list is read when the workbook is opened (so encrypted,
// old and damaged files fail at once); each sheet is read when its rows are asked for.
//
// Values follow the xlsx reader: strings exactly as stored, numbers as numbers (date cells are
// serials in the workbook's date system; cell formats are not looked at, as xlsx-sheet.ts does not),
// formulas give their cached result, errors their text, a merged range its top-left value only.

import { readCfb } from './cfb.js';
import type { CfbFile } from './cfb.js';
import { InputError } from './types.js';
import type { RawRow, RawSheet, RawValue, RawWorkbook } from './types.js';

export interface XlsReadOptions {
  /** Added as `file` to the data of every InputError (as the xlsx reader does). */
  readonly fileName?: string;
}

// Record types ([MS-XLS] 2.3).
const R_BOF = 0x0809;
const R_EOF = 0x000a;
const R_FILEPASS = 0x002f;
const R_DATEMODE = 0x0022;
const R_BOUNDSHEET = 0x0085;
const R_SST = 0x00fc;
const R_CONTINUE = 0x003c;
const R_LABELSST = 0x00fd;
const R_LABEL = 0x0204;
const R_RSTRING = 0x00d6;
const R_NUMBER = 0x0203;
const R_RK = 0x027e;
const R_MULRK = 0x00bd;
const R_BOOLERR = 0x0205;
const R_FORMULA = 0x0006;
const R_STRING = 0x0207;
const R_MERGEDCELLS = 0x00e5;
/** The BOFs of BIFF2, BIFF3 and BIFF4 (Excel 2.x–4.0). */
const OLD_BOFS = new Map([
  [0x0009, 'Excel 2.x'],
  [0x0209, 'Excel 3.0'],
  [0x0409, 'Excel 4.0'],
]);

const BIFF8 = 0x0600;
const BOF_GLOBALS = 0x0005;
const BOF_WORKSHEET = 0x0010;

/** Columns A…XFD (BIFF8 itself stops at IV, but a column index is 16 bits). */
const MAX_COLUMNS = 16_384;
/** Value slots (cells and the nulls before them) one sheet may spread over: 65,536 rows × 256 columns. */
const MAX_SHEET_SLOTS = 65_536 * 256;
/** Rows per batch handed out. */
const BATCH_ROWS = 1000;
/** Merged ranges kept per sheet, and open at once on a row (a sound file's do not overlap). */
const MAX_MERGES = 1 << 20;
const MAX_ACTIVE_MERGES = 1024;

const ERROR_TEXT = new Map([
  [0x00, '#NULL!'],
  [0x07, '#DIV/0!'],
  [0x0f, '#VALUE!'],
  [0x17, '#REF!'],
  [0x1d, '#NAME?'],
  [0x24, '#NUM!'],
  [0x2a, '#N/A'],
  [0x2b, '#GETTING_DATA'],
]);

interface SheetEntry {
  readonly name: string;
  /** Offset of the sheet's BOF in the Workbook stream. */
  readonly offset: number;
}

interface Globals {
  readonly date1904: boolean;
  readonly sst: readonly string[];
  readonly sheets: readonly SheetEntry[];
}

/** The Workbook stream and a little-endian view of it. */
interface Stream {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly length: number;
}

export function readXls(bytes: Uint8Array, opts: XlsReadOptions = {}): RawWorkbook {
  const file = opts.fileName;
  let stream: Stream;
  let globals: Globals;
  try {
    const data = workbookStream(readCfb(bytes));
    stream = { bytes: data, view: new DataView(data.buffer, data.byteOffset, data.byteLength), length: data.length };
    globals = readGlobals(stream);
  } catch (error) {
    throw asInputError(error, file);
  }
  return { format: 'xls', sheets: readSheets(stream, globals, file) };
}

async function* readSheets(stream: Stream, globals: Globals, file: string | undefined): AsyncGenerator<RawSheet> {
  for (let index = 0; index < globals.sheets.length; index++) {
    const sheet = globals.sheets[index]!;
    yield { name: sheet.name, index, date1904: globals.date1904, rows: readRows(stream, globals, sheet, file) };
  }
}

async function* readRows(stream: Stream, globals: Globals, sheet: SheetEntry, file: string | undefined): AsyncGenerator<readonly RawRow[]> {
  const batches = sheetRows(stream, globals, sheet);
  for (;;) {
    let step: IteratorResult<RawRow[]>;
    try {
      step = batches.next();
    } catch (error) {
      throw asInputError(error, file, sheet.name);
    }
    if (step.done) return;
    yield step.value;
  }
}

// ---------------------------------------------------------------------------------------------
// The container and the workbook globals.

function workbookStream(cfb: CfbFile): Uint8Array {
  if (cfb.has('EncryptedPackage') || cfb.has('EncryptionInfo')) {
    throw new InputError('encrypted', 'a password-protected Office file (EncryptedPackage stream)');
  }
  const workbook = cfb.stream('Workbook');
  if (workbook) return workbook;
  const book = cfb.stream('Book');
  if (book) {
    // Excel 5.0/95 writes "Book"; a BIFF8 stream under that name is still read.
    if (book.length >= 8 && u16(book, 0) === R_BOF && u16(book, 4) === BIFF8) return book;
    throw new InputError('xls-old', 'an Excel 5.0/95 workbook (BIFF5 "Book" stream)', { version: 'Excel 5.0/95' });
  }
  if (cfb.has('WordDocument')) throw new InputError('doc', 'a Word 97–2003 document (WordDocument stream), not a workbook');
  const names = cfb.entries.map((e) => e.name).slice(0, 8).join(', ');
  throw corrupt(`the compound file holds no Workbook stream (${names === '' ? 'no entries' : `entries: ${names}`})`);
}

const u16 = (bytes: Uint8Array, at: number): number => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);

function readGlobals(s: Stream): Globals {
  if (s.length < 4) throw truncated('the Workbook stream is cut short before its first record', s.length);
  const first = s.view.getUint16(0, true);
  const old = OLD_BOFS.get(first);
  if (old !== undefined) throw new InputError('xls-old', `an ${old} workbook`, { version: old });
  if (first !== R_BOF) throw corrupt('the Workbook stream does not start with a BOF record');
  const bofSize = recordSize(s, 0);
  if (bofSize < 4) throw corrupt('the Workbook stream starts with a short BOF record');
  const version = s.view.getUint16(4, true);
  if (version < BIFF8) throw new InputError('xls-old', `an Excel 5.0/95 workbook (BIFF version 0x${hex(version)})`, { version: 'Excel 5.0/95' });
  if (s.view.getUint16(6, true) !== BOF_GLOBALS) throw corrupt('the Workbook stream does not start with the workbook globals');

  let date1904 = false;
  let sst: readonly string[] = [];
  const listed: { name: string; offset: number; visible: boolean; worksheet: boolean }[] = [];
  let pos = 4 + bofSize;
  while (pos < s.length) {
    const type = recordType(s, pos);
    const size = recordSize(s, pos);
    const data = pos + 4;
    pos = data + size;
    if (type === R_EOF) break;
    switch (type) {
      case R_FILEPASS:
        throw new InputError('xls-encrypted', 'the workbook is password-protected (FILEPASS record)');
      case R_DATEMODE:
        if (size >= 2) date1904 = s.view.getUint16(data, true) === 1;
        break;
      case R_BOUNDSHEET: {
        if (size < 8) throw corrupt(`a BOUNDSHEET record of ${size} bytes`);
        const reader = new Reader(s, [data + 6, data + size]);
        let name: string;
        try {
          name = unicodeString(reader, false, false);
        } catch (error) {
          if (error === OVERRUN) throw corrupt('a sheet name runs past its BOUNDSHEET record');
          throw error;
        }
        listed.push({
          name,
          offset: s.view.getUint32(data, true),
          visible: (s.bytes[data + 4]! & 0x03) === 0,
          worksheet: s.bytes[data + 5] === 0,
        });
        break;
      }
      case R_SST:
        sst = readSst(s, data, size);
        break;
    }
  }

  // Worksheets only: hidden sheets, chart sheets, macro sheets and VB modules hold no register. A
  // sheet's own BOF says what it is too (a chart sheet is sometimes listed as a worksheet).
  const sheets: SheetEntry[] = [];
  for (const sheet of listed) {
    if (!sheet.visible || !sheet.worksheet) continue;
    const at = sheet.offset;
    if (at + 4 > s.length) throw corrupt(`sheet "${sheet.name}" begins past the end of the Workbook stream`);
    if (recordType(s, at) !== R_BOF) throw corrupt(`sheet "${sheet.name}" does not begin with a BOF record`);
    const size = recordSize(s, at);
    if (size < 4) throw corrupt(`sheet "${sheet.name}" begins with a short BOF record`);
    if (s.view.getUint16(at + 6, true) !== BOF_WORKSHEET) continue;
    sheets.push({ name: sheet.name, offset: at });
  }
  return { date1904, sst, sheets };
}

/**
 * The shared string table, continued over CONTINUE records. Its declared counts are not trusted:
 * strings are read while its data lasts (a string cut short at the end is dropped).
 */
function readSst(s: Stream, data: number, size: number): string[] {
  const strings: string[] = [];
  if (size < 8) return strings;
  const reader = new Reader(s, continuedSegments(s, data + 8, data + size));
  try {
    while (!reader.atEnd()) strings.push(unicodeString(reader, true, true));
  } catch (error) {
    if (error !== OVERRUN) throw error;
  }
  return strings;
}

/** A record's data [start, end) followed by those of the CONTINUE records right after it. */
function continuedSegments(s: Stream, start: number, end: number): number[] {
  const segments = [start, end];
  let pos = end;
  while (pos + 4 <= s.length && recordType(s, pos) === R_CONTINUE) {
    const size = recordSize(s, pos);
    segments.push(pos + 4, pos + 4 + size);
    pos += 4 + size;
  }
  return segments;
}

const recordType = (s: Stream, pos: number): number => s.view.getUint16(pos, true);

/** The data length of the record at `pos`, checked to lie inside the stream. */
function recordSize(s: Stream, pos: number): number {
  if (pos + 4 > s.length) throw truncated(`a record header at offset ${pos} runs past the end of the Workbook stream`, s.length);
  const size = s.view.getUint16(pos + 2, true);
  if (pos + 4 + size > s.length) {
    throw truncated(`record 0x${hex(recordType(s, pos))} at offset ${pos} (${size} bytes) runs past the end of the Workbook stream`, s.length);
  }
  return size;
}

// ---------------------------------------------------------------------------------------------
// Strings: read through a record and its continuations.

/** Thrown by Reader when a string runs past its record(s); each caller says what that means. */
const OVERRUN = new Error('a string runs past the end of its record');

/** Reads across the data of a record and its CONTINUE records (`segments`: start, end, start, end…). */
class Reader {
  private segment = 0;
  private pos: number;
  private end: number;

  constructor(
    private readonly s: Stream,
    private readonly segments: readonly number[],
  ) {
    this.pos = segments[0] ?? 0;
    this.end = segments[1] ?? 0;
  }

  /** Whether all data has been read (moving on to the next non-empty segment if this one is done). */
  atEnd(): boolean {
    return this.pos >= this.end && !this.advance();
  }

  u8(): number {
    if (this.pos >= this.end && !this.advance()) throw OVERRUN;
    return this.s.bytes[this.pos++]!;
  }

  u16(): number {
    if (this.pos + 2 <= this.end) {
      const v = this.s.view.getUint16(this.pos, true);
      this.pos += 2;
      return v;
    }
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    if (this.pos + 4 <= this.end) {
      const v = this.s.view.getUint32(this.pos, true);
      this.pos += 4;
      return v;
    }
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    while (n > 0) {
      if (this.pos >= this.end && !this.advance()) throw OVERRUN;
      const k = Math.min(n, this.end - this.pos);
      this.pos += k;
      n -= k;
    }
  }

  /**
   * `count` characters, 8-bit ("compressed": the low bytes of UTF-16 code units) or UTF-16LE. Where
   * the characters go on in the next record, that record starts with a new option byte saying which.
   */
  chars(count: number, wide: boolean): string {
    let text = '';
    let need = count;
    while (need > 0) {
      if (this.pos >= this.end) {
        if (!this.advance()) throw OVERRUN;
        wide = (this.s.bytes[this.pos++]! & 0x01) !== 0;
        continue;
      }
      const available = wide ? (this.end - this.pos) >> 1 : this.end - this.pos;
      if (available === 0) {
        // Half a UTF-16 code unit left in this record: not a sound split; go on with the next.
        this.pos = this.end;
        continue;
      }
      const take = Math.min(available, need);
      text += wide ? utf16(this.s.view, this.pos, take) : compressed(this.s.bytes, this.pos, take);
      this.pos += wide ? take * 2 : take;
      need -= take;
    }
    return text;
  }

  private advance(): boolean {
    while (this.segment + 3 < this.segments.length) {
      this.segment += 2;
      this.pos = this.segments[this.segment]!;
      this.end = this.segments[this.segment + 1]!;
      if (this.pos < this.end) return true;
    }
    return false;
  }
}

/**
 * XLUnicodeString and kin: a character count (16 or 8 bits), an option byte (UTF-16, rich-text
 * runs, phonetic data), the characters; `tail` skips the runs and phonetic data after them (SST).
 */
function unicodeString(reader: Reader, wideCount: boolean, tail: boolean): string {
  const count = wideCount ? reader.u16() : reader.u8();
  const options = reader.u8();
  const runs = options & 0x08 ? reader.u16() : 0;
  const phonetic = options & 0x04 ? reader.u32() : 0;
  const text = reader.chars(count, (options & 0x01) !== 0);
  if (tail) {
    reader.skip(runs * 4);
    reader.skip(phonetic);
  }
  return text;
}

const CHUNK = 4096;
const scratch = new Uint16Array(CHUNK);

function compressed(bytes: Uint8Array, at: number, n: number): string {
  if (n <= 16) {
    let text = '';
    for (let i = 0; i < n; i++) text += String.fromCharCode(bytes[at + i]!);
    return text;
  }
  let text = '';
  for (let i = 0; i < n; i += CHUNK) {
    text += String.fromCharCode.apply(null, bytes.subarray(at + i, at + Math.min(n, i + CHUNK)) as unknown as number[]);
  }
  return text;
}

/** UTF-16LE code units as they are (a lone surrogate stays: strings are kept exactly as stored). */
function utf16(view: DataView, at: number, n: number): string {
  if (n <= 16) {
    let text = '';
    for (let i = 0; i < n; i++) text += String.fromCharCode(view.getUint16(at + i * 2, true));
    return text;
  }
  let text = '';
  for (let i = 0; i < n; i += CHUNK) {
    const k = Math.min(CHUNK, n - i);
    for (let j = 0; j < k; j++) scratch[j] = view.getUint16(at + (i + j) * 2, true);
    text += String.fromCharCode.apply(null, scratch.subarray(0, k) as unknown as number[]);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// A sheet: a first pass over its record headers (where it ends, its merged ranges, whether its
// cells come in row order — they do in files Excel and LibreOffice write), then its cells.

interface Merge {
  readonly r1: number;
  readonly r2: number;
  readonly c1: number;
  readonly c2: number;
}

interface SheetScan {
  /** Just past the sheet's EOF (or the stream's end). */
  readonly end: number;
  readonly ordered: boolean;
  readonly merges: Merge[];
}

const isCellRecord = (type: number): boolean =>
  type === R_LABELSST || type === R_NUMBER || type === R_RK || type === R_MULRK || type === R_LABEL || type === R_RSTRING || type === R_BOOLERR || type === R_FORMULA;

function scanSheet(s: Stream, start: number): SheetScan {
  const merges: Merge[] = [];
  let ordered = true;
  let lastRow = -1;
  let depth = 0;
  let pos = start;
  // Records nest: an embedded chart is a BOF…EOF substream inside the sheet's.
  while (pos < s.length) {
    const type = recordType(s, pos);
    const size = recordSize(s, pos);
    const data = pos + 4;
    pos = data + size;
    if (type === R_BOF) {
      depth++;
    } else if (type === R_EOF) {
      if (--depth <= 0) break;
    } else if (depth !== 1) {
      continue;
    } else if (isCellRecord(type)) {
      if (size >= 2) {
        const row = s.view.getUint16(data, true);
        if (row < lastRow) ordered = false;
        lastRow = row;
      }
    } else if (type === R_MERGEDCELLS && size >= 2) {
      const n = Math.min(s.view.getUint16(data, true), (size - 2) >> 3);
      for (let i = 0; i < n && merges.length < MAX_MERGES; i++) {
        const at = data + 2 + i * 8;
        const v = s.view;
        merges.push({ r1: v.getUint16(at, true), r2: v.getUint16(at + 2, true), c1: v.getUint16(at + 4, true), c2: v.getUint16(at + 6, true) });
      }
    }
  }
  merges.sort((a, b) => a.r1 - b.r1);
  return { end: pos, ordered, merges };
}

/** Clears what merged ranges cover but their top-left cell, for rows handed in ascending order. */
class MergeSweep {
  private next = 0;
  private readonly active: Merge[] = [];

  constructor(private readonly merges: readonly Merge[]) {}

  apply(row: number, values: RawValue[]): void {
    const merges = this.merges;
    const active = this.active;
    while (this.next < merges.length && merges[this.next]!.r1 <= row) {
      const m = merges[this.next++]!;
      if (m.r2 >= row && active.length < MAX_ACTIVE_MERGES) active.push(m);
    }
    if (active.length === 0) return;
    let kept = 0;
    for (let i = 0; i < active.length; i++) {
      const m = active[i]!;
      if (m.r2 >= row) active[kept++] = m;
    }
    active.length = kept;
    for (let i = 0; i < kept; i++) {
      const m = active[i]!;
      const last = Math.min(m.c2, values.length - 1);
      for (let c = m.r1 === row ? m.c1 + 1 : m.c1; c <= last; c++) values[c] = null;
    }
  }
}

function* sheetRows(s: Stream, globals: Globals, sheet: SheetEntry): Generator<RawRow[]> {
  const scan = scanSheet(s, sheet.offset);
  const sweep = new MergeSweep(scan.merges);
  let batch: RawRow[] = [];
  const emit = (row: number, values: RawValue[]): void => {
    sweep.apply(row, values);
    let n = values.length;
    while (n > 0 && values[n - 1] === null) n--;
    if (n === 0) return;
    values.length = n;
    batch.push({ row: row + 1, values });
  };

  // In row order (the usual case) a row is handed on as soon as the next begins; otherwise the
  // sheet's rows are collected and sorted at the end.
  const unordered = scan.ordered ? undefined : new Map<number, RawValue[]>();
  let currentRow = -1;
  let current: RawValue[] = [];
  let slots = 0;
  const put = (row: number, column: number, value: RawValue): void => {
    if (value === null) return;
    if (column >= MAX_COLUMNS) throw corrupt(`sheet "${sheet.name}": a cell in row ${row + 1} lies beyond column XFD (column ${column + 1})`);
    let values: RawValue[];
    if (unordered) {
      values = unordered.get(row) ?? [];
      if (values.length === 0) unordered.set(row, values);
    } else {
      if (row !== currentRow) {
        if (current.length > 0) emit(currentRow, current);
        currentRow = row;
        current = [];
      }
      values = current;
    }
    if (column >= values.length) {
      slots += column + 1 - values.length;
      if (slots > MAX_SHEET_SLOTS) throw corrupt(`sheet "${sheet.name}" spreads over more than ${MAX_SHEET_SLOTS} cells`);
      while (values.length < column) values.push(null);
    }
    values[column] = value;
  };

  const v = s.view;
  let pendingRow = -1;
  let pendingColumn = -1;
  let depth = 0;
  let pos = sheet.offset;
  while (pos < scan.end) {
    const type = recordType(s, pos);
    const size = recordSize(s, pos);
    const data = pos + 4;
    pos = data + size;
    if (type === R_BOF) {
      depth++;
      continue;
    }
    if (type === R_EOF) {
      depth--;
      continue;
    }
    if (depth !== 1) continue;
    if (isCellRecord(type)) pendingRow = -1;
    switch (type) {
      case R_NUMBER:
        if (size >= 14) put(v.getUint16(data, true), v.getUint16(data + 2, true), finite(v.getFloat64(data + 6, true)));
        break;
      case R_RK:
        if (size >= 10) put(v.getUint16(data, true), v.getUint16(data + 2, true), rkValue(v.getUint32(data + 6, true)));
        break;
      case R_MULRK: {
        if (size < 6) break;
        const row = v.getUint16(data, true);
        const first = v.getUint16(data + 2, true);
        const n = ((size - 6) / 6) | 0;
        for (let i = 0; i < n; i++) put(row, first + i, rkValue(v.getUint32(data + 4 + i * 6 + 2, true)));
        break;
      }
      case R_LABELSST:
        if (size >= 10) put(v.getUint16(data, true), v.getUint16(data + 2, true), text(globals.sst[v.getUint32(data + 6, true)]));
        break;
      case R_LABEL:
      case R_RSTRING:
        if (size >= 6) put(v.getUint16(data, true), v.getUint16(data + 2, true), text(cellString(s, [data + 6, data + size], sheet)));
        break;
      case R_BOOLERR:
        if (size >= 8) {
          const b = s.bytes[data + 6]!;
          put(v.getUint16(data, true), v.getUint16(data + 2, true), s.bytes[data + 7] ? (ERROR_TEXT.get(b) ?? null) : b !== 0);
        }
        break;
      case R_FORMULA: {
        if (size < 14) break;
        const row = v.getUint16(data, true);
        const column = v.getUint16(data + 2, true);
        if (v.getUint16(data + 12, true) !== 0xffff) {
          put(row, column, finite(v.getFloat64(data + 6, true)));
          break;
        }
        const b = s.bytes[data + 8]!;
        switch (s.bytes[data + 6]) {
          case 0: // a string, in the STRING record that follows
            pendingRow = row;
            pendingColumn = column;
            break;
          case 1:
            put(row, column, b !== 0);
            break;
          case 2:
            put(row, column, ERROR_TEXT.get(b) ?? null);
            break;
          // 3: an empty string
        }
        break;
      }
      case R_STRING:
        if (pendingRow >= 0) {
          put(pendingRow, pendingColumn, text(cellString(s, continuedSegments(s, data, data + size), sheet)));
          pendingRow = -1;
        }
        break;
    }
    if (batch.length >= BATCH_ROWS) {
      yield batch;
      batch = [];
    }
  }

  if (unordered) {
    const rows = Array.from(unordered.keys()).sort((a, b) => a - b);
    for (const row of rows) {
      emit(row, unordered.get(row)!);
      if (batch.length >= BATCH_ROWS) {
        yield batch;
        batch = [];
      }
    }
  } else if (current.length > 0) {
    emit(currentRow, current);
  }
  if (batch.length > 0) yield batch;
}

function cellString(s: Stream, segments: number[], sheet: SheetEntry): string {
  try {
    return unicodeString(new Reader(s, segments), true, false);
  } catch (error) {
    if (error === OVERRUN) throw corrupt(`sheet "${sheet.name}": a cell's text runs past its record`);
    throw error;
  }
}

const text = (value: string | undefined): string | null => (value === undefined || value === '' ? null : value);
const finite = (n: number): number | null => (Number.isFinite(n) ? n : null);

const rkScratch = new DataView(new ArrayBuffer(8));

/** An RK number: a 30-bit integer or the top 30 bits of a double, maybe divided by 100. */
function rkValue(rk: number): number {
  let n: number;
  if (rk & 0x02) {
    n = (rk | 0) >> 2;
  } else {
    rkScratch.setUint32(0, rk & 0xfffffffc);
    rkScratch.setUint32(4, 0);
    n = rkScratch.getFloat64(0);
  }
  return rk & 0x01 ? n / 100 : n;
}

// ---------------------------------------------------------------------------------------------

const hex = (n: number): string => n.toString(16).padStart(4, '0');
const corrupt = (detail: string): InputError => new InputError('corrupt', detail, { detail });
const truncated = (detail: string, size: number): InputError => new InputError('truncated', detail, { size, detail });

/** Any failure → InputError ('corrupt' unless already one), with the file name added to its data. */
function asInputError(error: unknown, file: string | undefined, sheet?: string): InputError {
  let result: InputError;
  if (error instanceof InputError) {
    result = error;
  } else {
    const message = error === OVERRUN ? 'a string runs past the end of its record' : error instanceof Error ? error.message : String(error);
    result = corrupt(sheet === undefined ? message : `sheet "${sheet}": ${message}`);
  }
  const extra: Record<string, string> = {};
  if (file !== undefined && result.data['file'] === undefined) extra['file'] = file;
  if (sheet !== undefined && result.data['sheet'] === undefined) extra['sheet'] = sheet;
  if (extra['file'] === undefined && extra['sheet'] === undefined) return result;
  const prefix = `${result.code}: `;
  const detail = result.message.startsWith(prefix) ? result.message.slice(prefix.length) : result.message;
  return new InputError(result.code, extra['file'] === undefined ? detail : `${file}: ${detail}`, { ...result.data, ...extra });
}
