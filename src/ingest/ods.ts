// OpenDocument spreadsheet (.ods) → RawWorkbook, streaming.
//
// An .ods is a zip; every sheet lies in one part, content.xml:
//   office:document-content > office:body > office:spreadsheet >
//     table:calculation-settings > table:null-date      (the date system, before any table)
//     table:table[table:name] > (table:table-header-rows | table:table-row-group | …)* >
//       table:table-row[number-rows-repeated] > table:table-cell | table:covered-table-cell
//         [number-columns-repeated] > text:p…
// content.xml is inflated as a stream and tokenized chunk by chunk (xml-sax.ts); a sheet is
// handed out as soon as its table opens, its rows as each chunk completes them. Repeats are the
// format's compression: LibreOffice ends every sheet with an empty row repeated ~1,048,000 times
// and every row with an empty cell repeated ~16,000 times. Those cost nothing here (a counter
// moves); a repeated row or cell that holds a value is materialised, within the sheet's bounds
// (1,048,576 rows, 16,384 columns) and a budget of cells made by repeating.

import { dayNumber, dayToSerial1900, isValidYmd } from '../core/dates.js';
import { DEFAULT_MAX_UNCOMPRESSED_BYTES } from './sniff.js';
import type { SniffedZip } from './sniff.js';
import { InputError, detach, withFileName } from './types.js';
import type { RawSheet, RawValue, RawWorkbook } from './types.js';
import { XmlTokenizer } from './xml-sax.js';
import { END, ROWS, SHEET, sheetsOfPart, type SheetEvent } from './part-sheets.js';
import type { SaxHandler, XmlAttributes } from './xml-sax.js';
import { corrupt, entryRange, entryText, entryTextSync, openZipDirectory, partCodecs, partError } from './xlsx-inflate.js';
import type { Crc32, InflateRawStream, PartCodecs } from './xlsx-inflate.js';
import type { InflateRaw } from '../host/host.js';
import { findEntry } from './zip.js';
import type { ZipDirectory, ZipEntry } from './zip.js';

export interface OdsReadOptions {
  /** Added as `file` to the data of every InputError. */
  readonly fileName?: string;
  /** The host's whole-part raw inflate (META-INF/manifest.xml). */
  readonly inflateRaw?: InflateRaw;
  /** The host's streaming raw inflate (content.xml). */
  readonly inflateRawStream?: InflateRawStream;
  /** The host's CRC-32, each part is checked with. */
  readonly crc32?: Crc32;
  /** The zip directory if already read (sniff's `SniffedZip` is accepted too). */
  readonly zip?: ZipDirectory | SniffedZip;
  /** Most bytes content.xml may inflate to, whatever it declares (default 400 MB, as sniff). */
  readonly maxPartBytes?: number;
}

/** Rows of a sheet (Excel's and LibreOffice's limit): content below is refused. */
export const ODS_MAX_ROWS = 1_048_576;
/** Columns A…XFD. */
export const ODS_MAX_COLUMNS = 16_384;
/** Cells a sheet may gain by repeating a row or cell that holds a value (beyond any register). */
export const ODS_MAX_REPEATED_CELLS = 16 * 1024 * 1024;
/** Longest text one cell may collect. */
const MAX_TEXT = 64 * 1024 * 1024;
/** Rows per batch handed out. */
const BATCH = 1000;
/** META-INF/manifest.xml is small. */
const MAX_MANIFEST = 16 * 1024 * 1024;
/** 1900-system serial of 1904-01-01. */
const SERIAL_1904 = 1462;

const NS_OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';
const NS_TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const NS_TEXT = 'urn:oasis:names:tc:opendocument:xmlns:text:1.0';
const NS_DRAW = 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0';

export function readOds(bytes: Uint8Array, opts: OdsReadOptions): RawWorkbook {
  const file = opts.fileName;
  const codecs = partCodecs(opts);
  let content: ZipEntry;
  try {
    const dir = zipDirectory(bytes, opts.zip);
    const manifest = findEntry(dir, 'META-INF/manifest.xml');
    if (manifest) {
      const xml = entryTextSync(bytes, manifest, codecs, MAX_MANIFEST);
      if (/<(?:[A-Za-z_][\w.-]*:)?encryption-data\b/.test(xml)) {
        throw new InputError('encrypted', 'the OpenDocument file is password-protected (its manifest lists encrypted parts)');
      }
    }
    const found = findEntry(dir, 'content.xml');
    if (!found) throw corrupt('no content.xml in the OpenDocument file');
    entryRange(bytes, found);
    content = found;
  } catch (error) {
    throw asInputError(error, file);
  }
  const context: ReadContext = { bytes, codecs, maxBytes: opts.maxPartBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES, file };
  return { format: 'ods', sheets: readSheets(content, context) };
}

function zipDirectory(bytes: Uint8Array, given: ZipDirectory | SniffedZip | undefined): ZipDirectory {
  return openZipDirectory(bytes, given === undefined || 'entries' in given ? given : given.directory);
}

interface ReadContext {
  readonly bytes: Uint8Array;
  readonly codecs: PartCodecs;
  readonly maxBytes: number;
  readonly file: string | undefined;
}

// content.xml parsed once, its events shared by the sheets and their rows (part-sheets.ts).

function readSheets(entry: ZipEntry, context: ReadContext): AsyncGenerator<RawSheet> {
  const handler = new ContentHandler();
  const tokenizer = new XmlTokenizer(handler);
  return sheetsOfPart(
    () => entryText(context.bytes, entry, { codecs: context.codecs, maxBytes: context.maxBytes }),
    { write: (chunk) => tokenizer.write(chunk), end: () => tokenizer.end(), take: () => handler.take() },
    (error) => asInputError(error, context.file, entry, context.bytes.length),
    BATCH,
  );
}

// ---------------------------------------------------------------------------------------------
// content.xml → events.

/** content.xml that parses as XML but breaks the sheet's bounds. */
class OdsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OdsError';
  }
}

class RepeatBudgetError extends Error {
  constructor() {
    super(`repeated rows and cells expand to more than ${ODS_MAX_REPEATED_CELLS} cells`);
    this.name = 'RepeatBudgetError';
  }
}

/** The element names the handler acts on, with the prefixes the document binds. */
interface Names {
  readonly spreadsheet: string;
  readonly annotation: string;
  readonly table: string;
  readonly row: string;
  readonly cell: string;
  readonly covered: string;
  readonly nullDate: string;
  readonly p: string;
  readonly h: string;
  readonly s: string;
  readonly tab: string;
  readonly lineBreak: string;
  readonly note: string;
  readonly drawPrefix: string;
  // Attributes.
  readonly tableName: string;
  readonly rowsRepeated: string;
  readonly columnsRepeated: string;
  readonly dateValueAttr: string;
  readonly valueType: string;
  readonly value: string;
  readonly dateValue: string;
  readonly timeValue: string;
  readonly booleanValue: string;
  readonly stringValue: string;
  readonly spaces: string;
}

function namesFor(office: string, table: string, text: string, draw: string): Names {
  const o = office === '' ? '' : `${office}:`;
  const t = table === '' ? '' : `${table}:`;
  const x = text === '' ? '' : `${text}:`;
  return {
    spreadsheet: `${o}spreadsheet`,
    annotation: `${o}annotation`,
    table: `${t}table`,
    row: `${t}table-row`,
    cell: `${t}table-cell`,
    covered: `${t}covered-table-cell`,
    nullDate: `${t}null-date`,
    p: `${x}p`,
    h: `${x}h`,
    s: `${x}s`,
    tab: `${x}tab`,
    lineBreak: `${x}line-break`,
    note: `${x}note`,
    drawPrefix: draw === '' ? '\u0000' : `${draw}:`,
    tableName: `${t}name`,
    rowsRepeated: `${t}number-rows-repeated`,
    columnsRepeated: `${t}number-columns-repeated`,
    dateValueAttr: `${t}date-value`,
    valueType: `${o}value-type`,
    value: `${o}value`,
    dateValue: `${o}date-value`,
    timeValue: `${o}time-value`,
    booleanValue: `${o}boolean-value`,
    stringValue: `${o}string-value`,
    spaces: `${x}c`,
  };
}

const DEFAULT_NAMES = namesFor('office', 'table', 'text', 'draw');

class ContentHandler implements SaxHandler {
  wantText = false;
  private names = DEFAULT_NAMES;
  private rootSeen = false;
  private events: SheetEvent[] = [];
  private date1904 = false;
  private inSpreadsheet = false;
  private sheetCount = 0;
  private inSheet = false;
  /** Elements open inside one being skipped (annotations, shapes, covered cells, stray tables). */
  private skip = 0;
  private repeatedCells = 0;
  // The open row.
  private inRow = false;
  private rowNumber = 1;
  private rowRepeat = 1;
  private values: RawValue[] | undefined;
  private column = 0;
  // The open cell.
  private inCell = false;
  /** Tables nested in the open cell (their text is the cell's). */
  private nested = 0;
  private cellRepeat = 1;
  private cellValue: RawValue = null;
  private needText = false;
  private text_ = '';
  private paragraphs = 0;
  private inParagraph = 0;
  /** ODF white-space collapsing: a space here would follow a space (or open a paragraph). */
  private ignoreSpace = true;

  /** The events since the last call. */
  take(): SheetEvent[] {
    const events = this.events;
    if (events.length > 0) this.events = [];
    return events;
  }

  openTag(name: string, attrs: XmlAttributes): void {
    if (this.skip > 0) {
      this.skip++;
      return;
    }
    if (!this.rootSeen) {
      this.rootSeen = true;
      this.names = resolveNames(attrs);
      return;
    }
    const n = this.names;
    if (this.inCell) {
      this.openInCell(name, attrs, n);
      return;
    }
    if (this.inRow) {
      if (name === n.cell) {
        this.openCell(attrs, n);
      } else if (name === n.covered) {
        // A covered cell's own content (LibreOffice may keep it) is hidden: null, like xlsx
        // merges. Skipped whole: its open tag starts the skip, its close tag ends it.
        this.advance(count(attrs.get(n.columnsRepeated)), null);
        this.skip = 1;
      } else if (name === n.table) {
        this.skip = 1;
      }
      return;
    }
    if (this.inSheet) {
      if (name === n.row) this.openRow(attrs, n);
      else if (name === n.table) this.skip = 1; // not in a cell: not a sheet's content
      return;
    }
    if (name === n.spreadsheet) {
      this.inSpreadsheet = true;
    } else if (this.inSpreadsheet && name === n.table) {
      this.openSheet(attrs, n);
    } else if (name === n.nullDate) {
      // Any other null date: serials are computed from the ISO dates in the 1900 system anyway.
      this.date1904 = (attrs.get(n.dateValueAttr) ?? '').trim().startsWith('1904-01-01');
    }
  }

  closeTag(name: string): void {
    if (this.skip > 0) {
      this.skip--;
      if (this.skip === 0 && this.inCell) this.wantText = this.needText && this.inParagraph > 0;
      return;
    }
    const n = this.names;
    if (this.inCell) {
      if (this.nested > 0) {
        if (name === n.table) this.nested--;
      } else if (name === n.cell) {
        this.closeCell();
        return;
      }
      if (name === n.p || name === n.h) {
        if (this.inParagraph > 0) this.inParagraph--;
        this.wantText = this.needText && this.inParagraph > 0;
      }
      return;
    }
    if (this.inRow) {
      if (name === n.row) this.closeRow();
      return;
    }
    if (this.inSheet) {
      if (name === n.table) {
        this.inSheet = false;
        this.events.push({ kind: END });
      }
      return;
    }
    if (name === n.spreadsheet) this.inSpreadsheet = false;
  }

  text(text: string): void {
    this.append(collapse(text, this.ignoreSpace));
    if (text.length > 0) this.ignoreSpace = isCollapsible(text.charCodeAt(text.length - 1));
  }

  private append(text: string): void {
    if (text.length === 0) return;
    this.text_ += text;
    if (this.text_.length > MAX_TEXT) throw new OdsError(`a cell holds more than ${MAX_TEXT} characters`);
  }

  private openSheet(attrs: XmlAttributes, n: Names): void {
    const index = this.sheetCount++;
    const name = attrs.get(n.tableName) ?? `Sheet${index + 1}`;
    this.inSheet = true;
    this.rowNumber = 1;
    this.repeatedCells = 0;
    this.events.push({ kind: SHEET, index, name, date1904: this.date1904 });
  }

  private openRow(attrs: XmlAttributes, n: Names): void {
    this.inRow = true;
    this.rowRepeat = count(attrs.get(n.rowsRepeated));
    this.values = undefined;
    this.column = 0;
  }

  private closeRow(): void {
    this.inRow = false;
    const values = this.values;
    const first = this.rowNumber;
    // Counted, never walked: an empty row repeated a million times costs one addition.
    this.rowNumber = Math.min(first + this.rowRepeat, ODS_MAX_ROWS + 1);
    if (values === undefined) return;
    this.values = undefined;
    if (first > ODS_MAX_ROWS) throw new OdsError(`a row holds values below row ${ODS_MAX_ROWS}`);
    const rows = Math.min(this.rowRepeat, ODS_MAX_ROWS - first + 1);
    this.spend((rows - 1) * values.length);
    this.events.push({ kind: ROWS, row: first, count: rows, values });
  }

  private openCell(attrs: XmlAttributes, n: Names): void {
    this.inCell = true;
    this.nested = 0;
    this.cellRepeat = count(attrs.get(n.columnsRepeated));
    this.text_ = '';
    this.paragraphs = 0;
    this.inParagraph = 0;
    this.ignoreSpace = true;
    const value = typedValue(attrs, n, this.date1904);
    this.cellValue = value === undefined ? null : value;
    this.needText = value === undefined;
  }

  private openInCell(name: string, attrs: XmlAttributes, n: Names): void {
    if (name === n.p || name === n.h) {
      if (!this.needText) return;
      if (this.paragraphs > 0) this.append('\n');
      this.paragraphs++;
      this.inParagraph++;
      this.ignoreSpace = true;
      this.wantText = true;
    } else if (name === n.annotation || name === n.note || name.startsWith(n.drawPrefix)) {
      this.skip = 1;
      this.wantText = false;
    } else if (name === n.table) {
      this.nested++;
    } else if (this.inParagraph > 0 && this.needText) {
      if (name === n.s) {
        const spaces = count(attrs.get(n.spaces));
        if (this.text_.length + spaces > MAX_TEXT) throw new OdsError(`a cell holds more than ${MAX_TEXT} characters`);
        this.append(' '.repeat(spaces));
        this.ignoreSpace = false;
      } else if (name === n.tab) {
        this.append('\t');
        this.ignoreSpace = false;
      } else if (name === n.lineBreak) {
        this.append('\n');
        this.ignoreSpace = false;
      }
    }
  }

  private closeCell(): void {
    this.inCell = false;
    this.wantText = false;
    let value = this.cellValue;
    if (this.needText && this.text_ !== '') value = detach(this.text_);
    this.text_ = '';
    this.advance(this.cellRepeat, value);
  }

  /** Moves past `repeat` columns, filling them with `value` when it is one. */
  private advance(repeat: number, value: RawValue): void {
    const start = this.column;
    this.column = Math.min(start + repeat, ODS_MAX_COLUMNS + 1);
    if (value === null) return;
    if (start >= ODS_MAX_COLUMNS) throw new OdsError(`a cell of row ${this.rowNumber} lies beyond column XFD`);
    const end = Math.min(start + repeat, ODS_MAX_COLUMNS);
    this.spend(end - start - 1);
    const values = (this.values ??= []);
    while (values.length < start) values.push(null);
    for (let c = start; c < end; c++) values.push(value);
  }

  private spend(cells: number): void {
    if (cells <= 0) return;
    this.repeatedCells += cells;
    if (this.repeatedCells > ODS_MAX_REPEATED_CELLS) throw new RepeatBudgetError();
  }
}

/** The prefixes bound on the root element to the ODF namespaces (the usual ones if undeclared). */
function resolveNames(attrs: XmlAttributes): Names {
  let office = 'office';
  let table = 'table';
  let text = 'text';
  let draw = 'draw';
  for (let i = 0; i < attrs.length; i++) {
    const name = attrs.name(i);
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    const prefix = name === 'xmlns' ? '' : name.slice(6);
    switch (attrs.value(i)) {
      case NS_OFFICE:
        office = prefix;
        break;
      case NS_TABLE:
        table = prefix;
        break;
      case NS_TEXT:
        text = prefix;
        break;
      case NS_DRAW:
        draw = prefix;
        break;
    }
  }
  if (office === 'office' && table === 'table' && text === 'text' && draw === 'draw') return DEFAULT_NAMES;
  return namesFor(office, table, text, draw);
}

/** A repeat count: a positive integer (anything else counts as 1), capped far beyond any sheet. */
function count(text: string | undefined): number {
  if (text === undefined) return 1;
  const t = text.trim();
  if (!/^[0-9]{1,15}$/.test(t)) return 1;
  const n = parseInt(t, 10);
  return n < 1 ? 1 : Math.min(n, 1e9);
}

/**
 * The value the attributes give (dates as serials of the sheet's system: 1904 when the null date
 * is 1904-01-01, else 1900 whatever the null date), or undefined when it must come from the text (strings, and any
 * typed value that does not read as its type, which then shows as the text it displays).
 */
function typedValue(attrs: XmlAttributes, n: Names, date1904: boolean): RawValue | undefined {
  const type = attrs.get(n.valueType);
  switch (type) {
    case undefined:
    case 'string':
    case '': {
      const s = type === 'string' ? attrs.get(n.stringValue) : undefined;
      return s === undefined || s === '' ? undefined : detach(s);
    }
    case 'float':
    case 'percentage':
    case 'currency':
      return numberOf(attrs.get(n.value));
    case 'date': {
      const text = attrs.get(n.dateValue);
      const serial = text === undefined ? undefined : dateSerial(text);
      return serial === undefined || !date1904 ? serial : serial - SERIAL_1904;
    }
    case 'time': {
      const text = attrs.get(n.timeValue);
      return text === undefined ? undefined : timeFraction(text);
    }
    case 'boolean': {
      const t = (attrs.get(n.booleanValue) ?? '').trim().toLowerCase();
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0') return false;
      return undefined;
    }
    default: {
      const v = numberOf(attrs.get(n.value));
      return v;
    }
  }
}

function numberOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === '') return undefined;
  const v = Number(t);
  return Number.isFinite(v) ? v : undefined;
}

const ISO_DATE = /^\s*(-?\d{4,})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:[.,]\d+)?))?)?/;

/** `office:date-value` (ISO date or date-time) → a 1900-system serial. */
function dateSerial(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isValidYmd(year, month, day) || year < 1 || year > 9999) return undefined;
  const hours = Number(m[4] ?? 0);
  const minutes = Number(m[5] ?? 0);
  const seconds = Number((m[6] ?? '0').replace(',', '.'));
  if (hours > 24 || minutes > 59 || !(seconds < 61)) return undefined;
  return dayToSerial1900(dayNumber(year, month, day)) + ((hours * 60 + minutes) * 60 + seconds) / 86_400;
}

const ISO_DURATION = /^\s*(-)?P(?:(\d{1,9})D)?(?:T(?:(\d{1,9})H)?(?:(\d{1,9})M)?(?:(\d{1,9}(?:[.,]\d+)?)S)?)?\s*$/;

/** `office:time-value` (ISO duration, `PT10H30M00S`) → a fraction of a day. */
function timeFraction(text: string): number | undefined {
  const m = ISO_DURATION.exec(text);
  if (!m || (m[2] === undefined && m[3] === undefined && m[4] === undefined && m[5] === undefined)) return undefined;
  const seconds =
    ((Number(m[2] ?? 0) * 24 + Number(m[3] ?? 0)) * 60 + Number(m[4] ?? 0)) * 60 + Number((m[5] ?? '0').replace(',', '.'));
  const fraction = seconds / 86_400;
  return m[1] === '-' ? -fraction : fraction;
}

const isCollapsible = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * ODF white space (§6.1.2): in a paragraph, each run of spaces, tabs and newlines counts as one
 * space, none at the start of the paragraph (or after a space); `text:s` writes the others.
 */
function collapse(text: string, ignoreLeading: boolean): string {
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c === 32 && (i === 0 ? ignoreLeading : text.charCodeAt(i - 1) === 32))) {
      plain = false;
      break;
    }
  }
  if (plain) return text;
  let out = '';
  let ignore = ignoreLeading;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isCollapsible(text.charCodeAt(i))) {
      ignore = false;
      continue;
    }
    out += text.slice(from, i);
    if (!ignore) out += ' ';
    ignore = true;
    from = i + 1;
  }
  return out + text.slice(from);
}

// ---------------------------------------------------------------------------------------------

/** partError, and the repeat budget spent (rows or cells repeated past what the file could hold) as 'too-big'. */
function asInputError(error: unknown, file?: string, entry?: ZipEntry, size?: number): InputError {
  if (error instanceof RepeatBudgetError) return withFileName(new InputError('too-big', error.message, { size: size ?? 0 }), file);
  return partError(error, file, entry);
}
