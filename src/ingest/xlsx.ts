// xlsx → RawWorkbook, streaming with exceljs. The only module that imports exceljs.
//
// exceljs's stream reader takes entries in zip order: it spools every sheet to a temp file when
// sharedStrings.xml comes after it (the usual order from Excel, LibreOffice and exceljs), it emits
// sheets in file order rather than tab order, it only sees parts named `xl/worksheets/sheetN.xml`,
// and it loses sheet names when the workbook rels use absolute targets (tech-notes §3). So we read
// the workbook's own directory (zip.ts) and hand exceljs a re-ordered zip stream: shared strings
// first, then the worksheets in tab order as sheet1…sheetN. The stream is new local headers plus
// views into the original compressed data: nothing is inflated twice and no temp file is written.

import ExcelJS from 'exceljs';
import { EventEmitter } from 'node:events';
import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { dayToSerial1900 } from '../core/dates.js';
import { decodeXmlEntities, xmlAttributes } from './sniff.js';
import { InputError } from './types.js';
import type { RawRow, RawSheet, RawValue, RawWorkbook } from './types.js';
import { ZipError, entryDataRange, extractText, findEntry, readZipDirectory } from './zip.js';
import type { ZipDirectory, ZipEntry } from './zip.js';

export interface XlsxReadOptions {
  /** From sniff: `workbookPr@date1904` is "1" or "true". exceljs itself only honours "1". */
  readonly date1904: boolean;
  /** Added as `file` to the data of every InputError, like sniff does. */
  readonly fileName?: string;
}

interface SheetPart {
  readonly name: string;
  readonly entry: ZipEntry;
}

interface WorkbookPlan {
  readonly sheets: readonly SheetPart[];
  readonly sharedStrings: ZipEntry | undefined;
}

const MS_PER_DAY = 86_400_000;
const REL_TYPE_WORKSHEET = '/worksheet';
const REL_TYPE_SHARED_STRINGS = '/sharedStrings';
const MAX_XML_PART = 64 * 1024 * 1024;

const inflate = (data: Uint8Array): Uint8Array => inflateRawSync(data);

export function readXlsx(bytes: Uint8Array, opts: XlsxReadOptions): RawWorkbook {
  const file = opts.fileName;
  // Everything that can be judged from the zip directory fails here, before any row is read.
  let plan: WorkbookPlan;
  let chunks: Buffer[];
  try {
    plan = planWorkbook(bytes);
    chunks = reorderedZip(bytes, plan);
  } catch (error) {
    throw asInputError(error, file);
  }
  return { format: 'xlsx', sheets: readSheets(chunks, plan, opts.date1904, file) };
}

async function* readSheets(
  chunks: readonly Buffer[],
  plan: WorkbookPlan,
  date1904: boolean,
  file: string | undefined,
): AsyncGenerator<RawSheet> {
  if (plan.sheets.length === 0) return;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(watchedSource(chunks, entriesByStreamName(plan)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'emit',
  });
  let index = 0;
  try {
    for await (const worksheet of reader) {
      const part = plan.sheets[index];
      if (!part) break;
      yield { name: part.name, index, date1904, rows: readRows(worksheet, file) };
      index++;
    }
  } catch (error) {
    throw asInputError(error, file);
  }
  if (index < plan.sheets.length) {
    const detail = `only ${index} of ${plan.sheets.length} sheets could be read`;
    throw asInputError(corrupt(detail, { read: index, sheets: plan.sheets.length }), file);
  }
}

/**
 * The zip stream for exceljs, wired so that a failure inside an entry reaches the reader.
 * unzipper reports a bad deflate stream (or a premature end) only on its own Parse stream and
 * leaves the entry stream open, so exceljs's sheet parser would wait on it forever. exceljs pipes
 * our source into that Parse stream: we catch the pipe, keep hold of the entry being read, and
 * destroy it with the error, which exceljs's parser sees and throws.
 *
 * The same hold lets us count what each entry inflates to: sniff judged the sizes the zip
 * declares, and an entry that inflates past its declared size is a bomb that lied about it.
 */
function watchedSource(chunks: readonly Buffer[], entries: ReadonlyMap<string, ZipEntry>): Readable {
  const source = Readable.from(chunks);
  const pipe = source.pipe.bind(source);
  source.pipe = (<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    const parser = destination as unknown as EventEmitter;
    let current: Readable | undefined;
    parser.on('data', (entry: unknown) => {
      if (entry instanceof Readable) {
        current = entry;
        limitInflatedSize(entry, entries);
      }
    });
    parser.on('error', (error: unknown) => {
      if (current && !current.destroyed && !current.readableEnded) current.destroy(asInputError(error));
    });
    return pipe(destination, options);
  }) as typeof source.pipe;
  return source;
}

/** Destroys an entry stream once its output passes the size its zip header declared. */
function limitInflatedSize(stream: Readable, entries: ReadonlyMap<string, ZipEntry>): void {
  const path = (stream as Readable & { path?: unknown }).path;
  const entry = typeof path === 'string' ? entries.get(path) : undefined;
  if (entry === undefined) return;
  const declared = entry.uncompressedSize;
  // Counting in `push` rather than with a 'data' listener, which would start the stream flowing
  // before exceljs listens and lose its first chunks.
  const push = stream.push.bind(stream);
  let inflated = 0;
  stream.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (chunk !== null && chunk !== undefined) {
      inflated += (chunk as { length: number }).length;
      if (inflated > declared) {
        const detail = `${entry.name} inflates past its declared ${declared} bytes`;
        stream.destroy(
          new InputError('zip-bomb', detail, {
            entry: entry.name,
            uncompressed: inflated,
            declared,
            compressed: entry.compressedSize,
            ratio: ratioOf(inflated, entry.compressedSize),
          }),
        );
        return false;
      }
    }
    return push(chunk, encoding);
  };
}

const ratioOf = (uncompressed: number, compressed: number): number =>
  Math.round((uncompressed / Math.max(1, compressed)) * 10) / 10;

/** 'corrupt' with its `detail` (the message catalog shows it). */
function corrupt(detail: string, data: Readonly<Record<string, string | number>> = {}): InputError {
  return new InputError('corrupt', detail, { ...data, detail });
}

/** The entries exceljs will see, by the names it will see them under. */
function entriesByStreamName(plan: WorkbookPlan): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  if (plan.sharedStrings) entries.set('xl/sharedStrings.xml', plan.sharedStrings);
  plan.sheets.forEach((sheet, k) => entries.set(`xl/worksheets/sheet${k + 1}.xml`, sheet.entry));
  return entries;
}

/** What exceljs keeps per row (internal, stable in the pinned 4.4.0): cells by column − 1. */
interface RowInternals {
  readonly number: number;
  readonly _cells?: readonly ({ readonly value: unknown } | undefined)[];
  readonly values: unknown;
}

async function* readRows(worksheet: AsyncIterable<unknown>, file: string | undefined): AsyncGenerator<RawRow> {
  try {
    for await (const item of worksheet) {
      const row = item as RowInternals;
      const values = rowValues(row);
      if (values) yield { row: row.number, values };
    }
  } catch (error) {
    throw asInputError(error, file);
  }
}

/** 0-based values of a row, trailing empties dropped; undefined when the row holds nothing. */
function rowValues(row: RowInternals): RawValue[] | undefined {
  const cells = row._cells;
  if (cells === undefined) return fromSparseValues(row.values);
  let last = -1;
  const values: RawValue[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const value = cell === undefined ? null : toRawValue(cell.value);
    values.push(value);
    if (value !== null) last = i;
  }
  if (last < 0) return undefined;
  values.length = last + 1;
  return values;
}

// Fallback should exceljs ever stop exposing `_cells`: the public 1-based sparse `row.values`.
function fromSparseValues(sparse: unknown): RawValue[] | undefined {
  if (!Array.isArray(sparse)) return undefined;
  const values: RawValue[] = [];
  let last = -1;
  for (let col = 1; col < sparse.length; col++) {
    const value = toRawValue(sparse[col]);
    values.push(value);
    if (value !== null) last = col - 1;
  }
  if (last < 0) return undefined;
  values.length = last + 1;
  return values;
}

/** exceljs cell value → RawValue. Plain strings and numbers (nearly every cell) take one branch. */
export function toRawValue(value: unknown): RawValue {
  switch (typeof value) {
    case 'string':
      if (value === '') return null;
      return value.indexOf('_x') < 0 ? value : decodeOoxmlEscapes(value);
    case 'number':
      return Number.isNaN(value) ? null : value;
    case 'boolean':
      return value;
    case 'object':
      return value === null ? null : objectValue(value);
    default:
      return null;
  }
}

interface CellObject {
  readonly richText?: readonly { readonly text?: unknown }[];
  readonly formula?: unknown;
  readonly sharedFormula?: unknown;
  readonly result?: unknown;
  readonly error?: unknown;
  readonly text?: unknown;
}

function objectValue(value: object): RawValue {
  if (value instanceof Date) {
    // Only reached if exceljs formats a date itself (it does not with styles:'ignore'). It was
    // handed a workbook.xml without date1904, so its Date is 1900-based: back to the serial.
    const ms = value.getTime();
    return Number.isNaN(ms) ? null : dayToSerial1900(Math.floor(ms / MS_PER_DAY));
  }
  const cell = value as CellObject;
  if (Array.isArray(cell.richText)) {
    let text = '';
    for (const run of cell.richText) if (typeof run.text === 'string') text += run.text;
    return toRawValue(text);
  }
  if ('formula' in cell || 'sharedFormula' in cell) {
    return cell.result === undefined ? null : toRawValue(cell.result);
  }
  if (cell.error !== undefined) return String(cell.error);
  // Hyperlink {text, hyperlink}; the text may itself be rich text.
  if (cell.text !== undefined) return toRawValue(cell.text);
  return null;
}

/** OOXML string escapes `_xHHHH_` (Excel stores a carriage return as `_x000D_`). */
function decodeOoxmlEscapes(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// ---------------------------------------------------------------------------------------------
// The workbook's own directory: sheet names and parts in tab order, the shared strings part.

function planWorkbook(bytes: Uint8Array): WorkbookPlan {
  let dir: ZipDirectory;
  try {
    dir = readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipError && error.kind === 'no-eocd') {
      throw new InputError('truncated', 'no zip directory: the file is cut short', { size: bytes.length });
    }
    throw corrupt((error as Error).message);
  }
  const workbook = findEntry(dir, 'xl/workbook.xml');
  if (!workbook) throw new InputError('not-xlsx', 'no xl/workbook.xml in the zip');
  const workbookXml = readPart(bytes, workbook);
  const relsEntry = findEntry(dir, 'xl/_rels/workbook.xml.rels');
  const rels = relsEntry ? parseRelationships(readPart(bytes, relsEntry)) : new Map<string, Relationship>();

  const sheets: SheetPart[] = [];
  const sheetTag = /<(?:[A-Za-z_][\w.-]*:)?sheet\b([^>]*?)\/?>/g;
  for (let m = sheetTag.exec(workbookXml); m; m = sheetTag.exec(workbookXml)) {
    const attrs = xmlAttributes(m[1] ?? '');
    const name = attrs.get('name') ?? '';
    let rid: string | undefined;
    for (const [key, value] of attrs) if (key.endsWith(':id')) rid = value;
    const rel = rid === undefined ? undefined : rels.get(rid);
    let entry: ZipEntry | undefined;
    if (rel) {
      // Chart sheets and dialog sheets hold no cells.
      if (!rel.type.endsWith(REL_TYPE_WORKSHEET)) continue;
      entry = findEntry(dir, resolveTarget(rel.target));
    } else {
      entry = findEntry(dir, `xl/worksheets/sheet${attrs.get('sheetId') ?? sheets.length + 1}.xml`);
    }
    if (!entry) throw corrupt(`the part of sheet "${name}" is missing`, { sheet: name });
    sheets.push({ name, entry });
  }

  let sharedStringsPath = 'xl/sharedStrings.xml';
  for (const rel of rels.values()) {
    if (rel.type.endsWith(REL_TYPE_SHARED_STRINGS)) sharedStringsPath = resolveTarget(rel.target);
  }
  return { sheets, sharedStrings: findEntry(dir, sharedStringsPath) };
}

interface Relationship {
  readonly target: string;
  readonly type: string;
}

function parseRelationships(xml: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const tag = /<(?:[A-Za-z_][\w.-]*:)?Relationship\b([^>]*?)\/?>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const attrs = xmlAttributes(m[1] ?? '');
    const id = attrs.get('Id');
    if (id !== undefined) rels.set(id, { target: attrs.get('Target') ?? '', type: attrs.get('Type') ?? '' });
  }
  return rels;
}

/** A workbook relationship target (relative to `xl/`, or absolute from the package root). */
function resolveTarget(target: string): string {
  const raw = decodeXmlEntities(target);
  const parts = raw.startsWith('/') ? [] : ['xl'];
  for (const segment of raw.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}

function readPart(bytes: Uint8Array, entry: ZipEntry): string {
  try {
    return extractText(bytes, entry, inflate, { maxBytes: MAX_XML_PART });
  } catch (error) {
    throw corrupt(`cannot read ${entry.name}: ${(error as Error).message}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The re-ordered zip stream handed to exceljs.

const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>';
// No workbookPr: exceljs then never shifts dates by its own (incomplete) 1904 logic.
const BARE_WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>';
const EMPTY_SST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

/**
 * Chunks of a zip that exceljs reads front to back: a bare workbook.xml and empty workbook rels
 * (exceljs waits for both plus the shared strings before parsing sheets inline), the shared
 * strings, then each worksheet as `xl/worksheets/sheet<k>.xml` in tab order, then an end record.
 * Sizes come from the central directory, so data descriptors and lying local headers do not matter.
 */
function reorderedZip(bytes: Uint8Array, plan: WorkbookPlan): Buffer[] {
  const encoder = new TextEncoder();
  const chunks: Buffer[] = [];
  const stored = (name: string, text: string): void => {
    const data = encoder.encode(text);
    chunks.push(localHeader(name, 0, 0, data.length, data.length), Buffer.from(data));
  };
  const copied = (name: string, entry: ZipEntry): void => {
    if ((entry.flags & 0x1) !== 0) throw new InputError('encrypted', `${entry.name} is encrypted inside the zip`);
    if (entry.method !== 0 && entry.method !== 8) {
      throw corrupt(`${entry.name} uses unsupported compression method ${entry.method}`);
    }
    if (entry.compressedSize >= 0xffffffff || entry.uncompressedSize >= 0xffffffff) {
      throw new InputError('zip-bomb', `${entry.name} is over 4 GB`, {
        entry: entry.name,
        uncompressed: entry.uncompressedSize,
        compressed: entry.compressedSize,
        ratio: ratioOf(entry.uncompressedSize, entry.compressedSize),
      });
    }
    let range: { start: number; end: number };
    try {
      range = entryDataRange(bytes, entry);
    } catch (error) {
      throw new InputError('truncated', (error as Error).message);
    }
    chunks.push(
      localHeader(name, entry.method, entry.crc32, entry.compressedSize, entry.uncompressedSize),
      Buffer.from(bytes.buffer, bytes.byteOffset + range.start, range.end - range.start),
    );
  };

  stored('xl/workbook.xml', BARE_WORKBOOK);
  stored('xl/_rels/workbook.xml.rels', EMPTY_RELS);
  if (plan.sharedStrings) copied('xl/sharedStrings.xml', plan.sharedStrings);
  else stored('xl/sharedStrings.xml', EMPTY_SST);
  plan.sheets.forEach((sheet, k) => copied(`xl/worksheets/sheet${k + 1}.xml`, sheet.entry));

  // An empty end-of-central-directory record: exceljs's unzipper stops reading there.
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  chunks.push(eocd);
  return chunks;
}

function localHeader(name: string, method: number, crc32: number, compressedSize: number, size: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30 + nameBytes.length);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed: 2.0
  header.writeUInt16LE(0, 6); // flags: sizes are in this header
  header.writeUInt16LE(method, 8);
  header.writeUInt16LE(0, 10); // time
  header.writeUInt16LE(0x21, 12); // date: 1980-01-01
  header.writeUInt32LE(crc32 >>> 0, 14);
  header.writeUInt32LE(compressedSize, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  header.writeUInt16LE(0, 28);
  nameBytes.copy(header, 30);
  return header;
}

// ---------------------------------------------------------------------------------------------

/**
 * exceljs and unzipper throw plain Errors without codes (tech-notes §3): classify by message.
 * With a file name, it is added to the error's data (once).
 */
function asInputError(error: unknown, file?: string): InputError {
  let result: InputError;
  if (error instanceof InputError) {
    result = error;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    if (/FILE_ENDED|unexpected end|end of data|premature close/i.test(message)) {
      result = new InputError('truncated', message);
    } else {
      result = corrupt(message);
    }
  }
  if (file === undefined || result.data['file'] !== undefined) return result;
  const detail = result.message.startsWith(`${result.code}: `) ? result.message.slice(result.code.length + 2) : result.message;
  return new InputError(result.code, `${file}: ${detail}`, { ...result.data, file });
}
