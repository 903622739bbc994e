// Hand-made Excel 97–2003 files for the xls reader's tests: BIFF8 records, a Workbook stream with
// its globals and sheets (BOUNDSHEET offsets filled in), and the OLE2 compound file around it
// (512- or 4096-byte sectors, FAT, DIFAT, directory, mini stream for streams under 4096 bytes).

// ------------------------------------------------------------------------------------------------
// Records

export const R = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  CODEPAGE: 0x0042,
  DATEMODE: 0x0022,
  BOUNDSHEET: 0x0085,
  FORMAT: 0x041e,
  XF: 0x00e0,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  BOOLERR: 0x0205,
  FORMULA: 0x0006,
  STRING: 0x0207,
  SHRFMLA: 0x04bc,
  BLANK: 0x0201,
  MULBLANK: 0x00be,
  MERGEDCELLS: 0x00e5,
  ROW: 0x0208,
  DIMENSIONS: 0x0200,
} as const;

export const BOF_GLOBALS = 0x0005;
export const BOF_WORKSHEET = 0x0010;
export const BOF_CHART = 0x0020;

/** One record: type, length, data. `length` overrides the declared length (to lie). */
export function rec(type: number, data: Uint8Array | readonly number[] = [], length?: number): Buffer {
  const body = Buffer.from(data as Uint8Array);
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(length ?? body.length, 2);
  return Buffer.concat([head, body]);
}

const u16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};
const f64 = (n: number): Buffer => {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(n);
  return b;
};
const cell = (row: number, col: number, xf = 15): Buffer => Buffer.concat([u16(row), u16(col), u16(xf)]);

const isLatin1 = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
};

/** Characters of a string, compressed (8-bit) or UTF-16LE. */
export function chars(text: string, wide: boolean): Buffer {
  if (wide) return Buffer.from(text, 'utf16le');
  const b = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) b[i] = text.charCodeAt(i);
  return b;
}

/** XLUnicodeString: 16-bit count (8-bit with `short`), option byte, characters. */
export function xlString(text: string, opts: { short?: boolean; wide?: boolean } = {}): Buffer {
  const wide = opts.wide ?? !isLatin1(text);
  const count = opts.short ? Buffer.from([text.length]) : u16(text.length);
  return Buffer.concat([count, Buffer.from([wide ? 1 : 0]), chars(text, wide)]);
}

export function bof(type: number, version = 0x0600): Buffer {
  return rec(R.BOF, Buffer.concat([u16(version), u16(type), u16(0x0dbb), u16(0x07cc), u32(0x000100c1), u32(0x00000406)]));
}
export const eof = (): Buffer => rec(R.EOF);
export const codepage = (cp = 1200): Buffer => rec(R.CODEPAGE, u16(cp));
export const datemode = (v: 0 | 1): Buffer => rec(R.DATEMODE, u16(v));
/** RC4 encryption header (contents do not matter to a reader that stops there). */
export const filepass = (): Buffer => rec(R.FILEPASS, Buffer.concat([u16(1), u16(1), u16(1), Buffer.alloc(48, 0x5a)]));
export const format = (id: number, code: string): Buffer => rec(R.FORMAT, Buffer.concat([u16(id), xlString(code)]));
/** A cell XF using number format `formatId`. */
export const xf = (formatId: number): Buffer => rec(R.XF, Buffer.concat([u16(0), u16(formatId), u16(0x0001), Buffer.alloc(14)]));

export const labelSst = (row: number, col: number, index: number, xfIndex = 15): Buffer => rec(R.LABELSST, Buffer.concat([cell(row, col, xfIndex), u32(index)]));
export const label = (row: number, col: number, text: string, opts: { wide?: boolean } = {}): Buffer => rec(R.LABEL, Buffer.concat([cell(row, col), xlString(text, opts)]));
/** RSTRING: a LABEL followed by formatting runs. */
export const rstring = (row: number, col: number, text: string): Buffer =>
  rec(R.RSTRING, Buffer.concat([cell(row, col), xlString(text), u16(1), u16(0), u16(1)]));
export const number = (row: number, col: number, value: number, xfIndex = 15): Buffer => rec(R.NUMBER, Buffer.concat([cell(row, col, xfIndex), f64(value)]));
export const rk = (row: number, col: number, rkValue: number, xfIndex = 15): Buffer => rec(R.RK, Buffer.concat([cell(row, col, xfIndex), u32(rkValue)]));
export function mulrk(row: number, firstCol: number, rks: readonly number[]): Buffer {
  const parts = [u16(row), u16(firstCol)];
  for (const v of rks) parts.push(u16(15), u32(v));
  parts.push(u16(firstCol + rks.length - 1));
  return rec(R.MULRK, Buffer.concat(parts));
}
export const boolErr = (row: number, col: number, value: number, isError: boolean): Buffer => rec(R.BOOLERR, Buffer.concat([cell(row, col), Buffer.from([value, isError ? 1 : 0])]));
export const blank = (row: number, col: number): Buffer => rec(R.BLANK, cell(row, col));
export function mulblank(row: number, firstCol: number, count: number): Buffer {
  const parts = [u16(row), u16(firstCol)];
  for (let i = 0; i < count; i++) parts.push(u16(15));
  parts.push(u16(firstCol + count - 1));
  return rec(R.MULBLANK, Buffer.concat(parts));
}

/** FORMULA with an 8-byte result field, options, chn and a tiny parsed expression (`=1`). */
function formula(row: number, col: number, result: Buffer): Buffer {
  return rec(R.FORMULA, Buffer.concat([cell(row, col), result, u16(0), u32(0), u16(2), Buffer.from([0x1e, 0x01, 0x00])]));
}
const special = (kind: number, value = 0): Buffer => Buffer.from([kind, 0, value, 0, 0, 0, 0xff, 0xff]);
export const formulaNumber = (row: number, col: number, value: number): Buffer => formula(row, col, f64(value));
/** FORMULA with a string result, followed by its STRING record. */
export const formulaString = (row: number, col: number, text: string): Buffer[] => [formula(row, col, special(0)), rec(R.STRING, xlString(text))];
export const formulaBool = (row: number, col: number, value: boolean): Buffer => formula(row, col, special(1, value ? 1 : 0));
export const formulaError = (row: number, col: number, code: number): Buffer => formula(row, col, special(2, code));
export const formulaEmpty = (row: number, col: number): Buffer => formula(row, col, special(3));
export const formulaStringOnly = (row: number, col: number): Buffer => formula(row, col, special(0));
export const stringRecord = (text: string): Buffer => rec(R.STRING, xlString(text));

export interface Range {
  readonly r1: number;
  readonly r2: number;
  readonly c1: number;
  readonly c2: number;
}
export function mergedCells(ranges: readonly Range[]): Buffer {
  const parts = [u16(ranges.length)];
  for (const r of ranges) parts.push(u16(r.r1), u16(r.r2), u16(r.c1), u16(r.c2));
  return rec(R.MERGEDCELLS, Buffer.concat(parts));
}

/** Encodes a number as an RK value (integer, or integer/100); throws when it has no exact RK form. */
export function encodeRk(n: number): number {
  if (Number.isInteger(n) && n >= -(2 ** 29) && n < 2 ** 29) return ((n << 2) | 0x02) >>> 0;
  const x100 = Math.round(n * 100);
  if (x100 / 100 === n && x100 >= -(2 ** 29) && x100 < 2 ** 29) return ((x100 << 2) | 0x03) >>> 0;
  const b = Buffer.alloc(8);
  b.writeDoubleBE(n);
  if (b.readUInt32BE(4) === 0 && (b.readUInt32BE(0) & 0x03) === 0) return b.readUInt32BE(0);
  throw new Error(`${n} has no RK form`);
}

// ------------------------------------------------------------------------------------------------
// Shared string table, split over CONTINUE records like Excel does.

export interface SstString {
  readonly text: string;
  /** Rich-text runs (4 bytes each) after the characters. */
  readonly runs?: number;
  /** Phonetic (ExtRst) bytes after the runs. */
  readonly phonetic?: number;
  /** Force UTF-16 for the first piece (the continuation decides its own). */
  readonly wide?: boolean;
  /** Force UTF-16 for the pieces in CONTINUE records. */
  readonly wideAfterSplit?: boolean;
}

export interface SstOptions {
  /** Most data bytes per record (Excel: 8224). */
  readonly maxRecord?: number;
  /** Declared unique count (default: the true one). */
  readonly unique?: number;
  /** Let a string's header end a record and its characters start the next (default: header and one char together). */
  readonly splitAfterHeader?: boolean;
}

export function sst(strings: readonly (string | SstString)[], opts: SstOptions = {}): Buffer {
  const max = opts.maxRecord ?? 8224;
  const records: Buffer[] = [];
  let current: number[] = [];
  const room = (): number => max - current.length;
  const flush = (): void => {
    records.push(rec(records.length === 0 ? R.SST : R.CONTINUE, current));
    current = [];
  };
  const push = (b: Uint8Array): void => {
    for (const x of b) current.push(x);
  };
  push(u32(strings.length));
  push(u32(opts.unique ?? strings.length));
  for (const item of strings) {
    const s = typeof item === 'string' ? { text: item } : item;
    const runs = s.runs ?? 0;
    const phonetic = s.phonetic ?? 0;
    let wide = s.wide ?? !isLatin1(s.text);
    const options = (wide ? 1 : 0) | (runs ? 0x08 : 0) | (phonetic ? 0x04 : 0);
    const header = Buffer.concat([u16(s.text.length), Buffer.from([options]), runs ? u16(runs) : Buffer.alloc(0), phonetic ? u32(phonetic) : Buffer.alloc(0)]);
    const firstChar = s.text.length > 0 && !opts.splitAfterHeader ? (wide ? 2 : 1) : 0;
    if (room() < header.length + firstChar) flush();
    push(header);
    let i = 0;
    while (i < s.text.length) {
      const unit = wide ? 2 : 1;
      if (room() < unit) {
        flush();
        const rest = s.text.slice(i);
        wide = s.wideAfterSplit ?? !isLatin1(rest);
        current.push(wide ? 1 : 0);
        continue;
      }
      const take = Math.min(s.text.length - i, Math.floor(room() / (wide ? 2 : 1)));
      const piece = s.text.slice(i, i + take);
      if (!wide && !isLatin1(piece)) throw new Error('a compressed piece with non-Latin-1 characters');
      push(chars(piece, wide));
      i += take;
    }
    const tail = Buffer.alloc(runs * 4 + phonetic, 0xab);
    for (const x of tail) {
      if (room() < 1) flush();
      current.push(x);
    }
  }
  flush();
  return Buffer.concat(records);
}

// ------------------------------------------------------------------------------------------------
// Workbook stream

export interface SheetSpec {
  readonly name: string;
  /** Cell records (BOF/EOF are added). */
  readonly records?: readonly (Buffer | readonly Buffer[])[];
  /** BOUNDSHEET visibility: 0 visible, 1 hidden, 2 very hidden. */
  readonly hidden?: 0 | 1 | 2;
  /** BOUNDSHEET type: 0 worksheet, 1 macro sheet, 2 chart, 6 VB module. */
  readonly type?: number;
  /** The sheet's own BOF type (default worksheet 0x0010). */
  readonly bofType?: number;
  /** Leave out the sheet's EOF. */
  readonly noEof?: boolean;
}

export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  /** Extra global records after BOF/CODEPAGE (DATEMODE, FORMAT, XF, FILEPASS…). */
  readonly globals?: readonly Buffer[];
  /** The SST (from `sst()`), written after the BOUNDSHEETs. */
  readonly sst?: Buffer;
  /** Pad the stream with zeros to at least this many bytes (default 4096: out of the mini stream). */
  readonly padTo?: number;
  /** BOF version of the globals (0x0600 BIFF8, 0x0500 BIFF5). */
  readonly version?: number;
}

function boundSheet(offset: number, sheet: SheetSpec): Buffer {
  return rec(R.BOUNDSHEET, Buffer.concat([u32(offset), Buffer.from([sheet.hidden ?? 0, sheet.type ?? 0]), xlString(sheet.name, { short: true })]));
}

export function workbookStream(spec: WorkbookSpec): Buffer {
  const head = Buffer.concat([bof(BOF_GLOBALS, spec.version ?? 0x0600), codepage(1200), ...(spec.globals ?? [])]);
  const boundLength = spec.sheets.reduce((n, s) => n + boundSheet(0, s).length, 0);
  const tail = Buffer.concat([spec.sst ?? Buffer.alloc(0), eof()]);
  const bodies = spec.sheets.map((s) =>
    Buffer.concat([bof(s.bofType ?? BOF_WORKSHEET, spec.version ?? 0x0600), ...(s.records ?? []).flat(), ...(s.noEof ? [] : [eof()])]),
  );
  let offset = head.length + boundLength + tail.length;
  const bounds: Buffer[] = [];
  spec.sheets.forEach((s, i) => {
    bounds.push(boundSheet(offset, s));
    offset += bodies[i]!.length;
  });
  const stream = Buffer.concat([head, ...bounds, tail, ...bodies]);
  const padTo = spec.padTo ?? 4096;
  return stream.length >= padTo ? stream : Buffer.concat([stream, Buffer.alloc(padTo - stream.length)]);
}

// ------------------------------------------------------------------------------------------------
// Compound file

export const ENDOFCHAIN = 0xfffffffe;
export const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const DIFSECT = 0xfffffffc;

export interface CfbStreamSpec {
  readonly name: string;
  readonly data: Uint8Array;
}

export interface CfbOptions {
  /** 9 → 512-byte sectors (version 3), 12 → 4096-byte sectors (version 4). */
  readonly sectorShift?: 9 | 12;
  /** Write each big stream's sectors in reverse order (a non-contiguous chain). */
  readonly scatter?: boolean;
}

export interface CfbLayout {
  readonly bytes: Buffer;
  readonly sectorSize: number;
  /** First sector of each stream (regular sectors, or mini sectors for small streams), by name. */
  readonly starts: ReadonlyMap<string, number>;
  readonly fatSectors: readonly number[];
  readonly difatSectors: readonly number[];
  readonly directorySector: number;
  /** Byte offset of each directory entry, by name ('Root Entry' included). */
  readonly entryOffsets: ReadonlyMap<string, number>;
}

export function buildCfb(streams: readonly CfbStreamSpec[], opts: CfbOptions = {}): Buffer {
  return buildCfbLayout(streams, opts).bytes;
}

export function buildCfbLayout(streams: readonly CfbStreamSpec[], opts: CfbOptions = {}): CfbLayout {
  const shift = opts.sectorShift ?? 9;
  const S = 1 << shift;
  const perSector = S / 4;
  const sectors: Buffer[] = [];
  const fat: number[] = [];

  const alloc = (data: Uint8Array, reverse = false): number => {
    if (data.length === 0) return ENDOFCHAIN;
    const n = Math.ceil(data.length / S);
    const base = sectors.length;
    const order = Array.from({ length: n }, (_, i) => (reverse ? n - 1 - i : i));
    // order[k] = which piece sits in sector base+k
    const sectorOf = new Array<number>(n);
    order.forEach((piece, k) => (sectorOf[piece] = base + k));
    for (let k = 0; k < n; k++) {
      const piece = order[k]!;
      const chunk = Buffer.alloc(S);
      Buffer.from(data.subarray(piece * S, Math.min(data.length, (piece + 1) * S))).copy(chunk);
      sectors.push(chunk);
      fat.push(0);
    }
    for (let piece = 0; piece < n; piece++) fat[sectorOf[piece]!] = piece + 1 < n ? sectorOf[piece + 1]! : ENDOFCHAIN;
    return sectorOf[0]!;
  };

  const starts = new Map<string, number>();
  const miniParts: Buffer[] = [];
  const miniFat: number[] = [];
  for (const s of streams) {
    if (s.data.length >= 4096) {
      starts.set(s.name, alloc(s.data, opts.scatter));
    } else if (s.data.length > 0) {
      const n = Math.ceil(s.data.length / 64);
      const first = miniFat.length;
      for (let i = 0; i < n; i++) miniFat.push(i + 1 < n ? first + i + 1 : ENDOFCHAIN);
      const padded = Buffer.alloc(n * 64);
      Buffer.from(s.data).copy(padded);
      miniParts.push(padded);
      starts.set(s.name, first);
    } else {
      starts.set(s.name, ENDOFCHAIN);
    }
  }
  const miniStream = Buffer.concat(miniParts);
  const miniStreamStart = alloc(miniStream);
  let miniFatStart = ENDOFCHAIN;
  let miniFatSectors = 0;
  if (miniFat.length > 0) {
    const words = Math.ceil(miniFat.length / perSector) * perSector;
    const b = Buffer.alloc(words * 4, 0xff);
    miniFat.forEach((v, i) => b.writeUInt32LE(v, i * 4));
    miniFatStart = alloc(b);
    miniFatSectors = words / perSector;
  }

  // Directory: Root Entry, then the streams chained through their right siblings.
  const entries = [{ name: 'Root Entry', type: 5, start: miniStreamStart, size: miniStream.length }, ...streams.map((s) => ({ name: s.name, type: 2, start: starts.get(s.name)!, size: s.data.length }))];
  const perDirSector = S / 128;
  const dir = Buffer.alloc(Math.ceil(entries.length / perDirSector) * perDirSector * 128);
  const entryOffsets = new Map<string, number>();
  entries.forEach((e, i) => {
    const at = i * 128;
    Buffer.from(e.name, 'utf16le').copy(dir, at);
    dir.writeUInt16LE((e.name.length + 1) * 2, at + 64);
    dir[at + 66] = e.type;
    dir[at + 67] = 1;
    dir.writeUInt32LE(0xffffffff, at + 68);
    dir.writeUInt32LE(i > 0 && i + 1 < entries.length ? i + 1 : 0xffffffff, at + 72);
    dir.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : 0xffffffff, at + 76);
    dir.writeUInt32LE(e.start, at + 116);
    dir.writeUInt32LE(e.size, at + 120);
  });
  for (let i = entries.length; i < dir.length / 128; i++) {
    dir.writeUInt32LE(0xffffffff, i * 128 + 68);
    dir.writeUInt32LE(0xffffffff, i * 128 + 72);
    dir.writeUInt32LE(0xffffffff, i * 128 + 76);
  }
  const dirStart = alloc(dir);
  entries.forEach((e, i) => entryOffsets.set(e.name, (dirStart + 1) * S + i * 128));

  // FAT and DIFAT sectors, placed last: as many as it takes to map every sector including themselves.
  let nFat = 1;
  let nDifat = 0;
  for (;;) {
    nDifat = nFat > 109 ? Math.ceil((nFat - 109) / (perSector - 1)) : 0;
    const total = sectors.length + nFat + nDifat;
    if (nFat * perSector >= total) break;
    nFat++;
  }
  const fatSectors: number[] = [];
  for (let i = 0; i < nFat; i++) {
    fatSectors.push(sectors.length);
    sectors.push(Buffer.alloc(S));
    fat.push(FATSECT);
  }
  const difatSectors: number[] = [];
  for (let i = 0; i < nDifat; i++) {
    difatSectors.push(sectors.length);
    sectors.push(Buffer.alloc(S));
    fat.push(DIFSECT);
  }
  while (fat.length < nFat * perSector) fat.push(FREESECT);
  fatSectors.forEach((sector, k) => {
    const b = sectors[sector]!;
    for (let i = 0; i < perSector; i++) b.writeUInt32LE(fat[k * perSector + i]!, i * 4);
  });
  difatSectors.forEach((sector, d) => {
    const b = sectors[sector]!;
    b.fill(0xff);
    for (let i = 0; i < perSector - 1; i++) {
      const k = 109 + d * (perSector - 1) + i;
      if (k < nFat) b.writeUInt32LE(fatSectors[k]!, i * 4);
    }
    b.writeUInt32LE(d + 1 < difatSectors.length ? difatSectors[d + 1]! : ENDOFCHAIN, S - 4);
  });

  const header = Buffer.alloc(S);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(shift === 9 ? 3 : 4, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(shift, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(shift === 9 ? 0 : Math.ceil(dir.length / S), 40);
  header.writeUInt32LE(nFat, 44);
  header.writeUInt32LE(dirStart, 48);
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(miniFatStart, 60);
  header.writeUInt32LE(miniFatSectors, 64);
  header.writeUInt32LE(nDifat > 0 ? difatSectors[0]! : ENDOFCHAIN, 68);
  header.writeUInt32LE(nDifat, 72);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i < nFat ? fatSectors[i]! : FREESECT, 76 + i * 4);

  return { bytes: Buffer.concat([header, ...sectors]), sectorSize: S, starts, fatSectors, difatSectors, directorySector: dirStart, entryOffsets };
}

/** Rewrites one FAT entry of a built file in place. */
export function setFatEntry(layout: CfbLayout, sector: number, value: number): void {
  const perSector = layout.sectorSize / 4;
  const fatSector = layout.fatSectors[Math.floor(sector / perSector)]!;
  layout.bytes.writeUInt32LE(value >>> 0, (fatSector + 1) * layout.sectorSize + (sector % perSector) * 4);
}

/** An .xls file: the Workbook stream of `spec` in a compound file. */
export function buildXls(spec: WorkbookSpec, opts: CfbOptions & { streamName?: string; extraStreams?: readonly CfbStreamSpec[] } = {}): Buffer {
  return buildCfb([{ name: opts.streamName ?? 'Workbook', data: workbookStream(spec) }, ...(opts.extraStreams ?? [])], opts);
}
