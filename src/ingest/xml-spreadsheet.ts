// Excel 2003 XML Spreadsheet (SpreadsheetML 2003) → RawWorkbook. Web "Xuất Excel" buttons write it
// and name it `.xls`. One XML document: Workbook > Worksheet (ss:Name) > Table > Row > Cell > Data.
// Read through the project's streaming tokenizer (xml-sax.ts) chunk by chunk: rows go out as each
// chunk completes them, so memory stays one chunk and its rows, whatever the file's length.
//
// Positions: Row `ss:Index` jumps to a row number (1-based), Cell `ss:Index` to a column; a cell
// without one follows the previous cell, after the columns its `ss:MergeAcross` covers, and skips
// the columns a `ss:MergeDown` above still covers. Merged cells follow the xlsx reader: the value in
// the top-left cell, the covered cells empty.

import { dayNumber, dayToSerial1900, isValidYmd } from '../core/dates.js';
import { InputError, detach, withFileName } from './types.js';
import type { RawRow, RawSheet, RawValue, RawWorkbook } from './types.js';
import { XmlError, XmlTokenizer } from './xml-sax.js';
import type { SaxHandler, XmlAttributes } from './xml-sax.js';

/** Excel's limits: rows, columns (A…XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Longest text one cell may collect (as the xlsx reader). */
const MAX_TEXT = 64 * 1024 * 1024;
/** Rows handed out per batch. */
const BATCH = 1000;
/** Characters fed to the tokenizer at a time. */
const CHUNK = 256 * 1024;
const SNIFF_CHARS = 64 * 1024;
const NAMESPACE = 'urn:schemas-microsoft-com:office:spreadsheet';

/**
 * An Excel 2003 XML Spreadsheet: within the first 64 KB, an XML declaration (or the root itself)
 * first, the SpreadsheetML namespace and a `<Workbook>` (`<ss:Workbook>`) element.
 */
export function looksLikeXmlSpreadsheet(text: string): boolean {
  let head = text.slice(0, SNIFF_CHARS);
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  const start = head.trimStart();
  if (!start.startsWith('<?xml') && !/^<(?:[A-Za-z_][\w.-]*:)?Workbook[\s>/]/.test(start)) return false;
  return head.includes(NAMESPACE) && /<(?:[A-Za-z_][\w.-]*:)?Workbook[\s>/]/.test(head);
}

/** Well-formed XML that is not a sound spreadsheet (a row numbered backwards, a cell past XFD…). */
class SpreadsheetError extends Error {}

type SheetEvent =
  | { readonly kind: 'sheet'; readonly name: string }
  | { readonly kind: 'rows'; readonly rows: RawRow[] }
  | { readonly kind: 'end' };

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** An attribute by local name (`ss:Index`, or `Index` where a writer left the prefix out). */
function attribute(attrs: XmlAttributes, local: string): string | undefined {
  let plain: string | undefined;
  for (let i = 0; i < attrs.length; i++) {
    const name = attrs.name(i);
    if (name === `ss:${local}`) return attrs.value(i);
    if (plain === undefined && localName(name) === local && !name.startsWith('xmlns')) plain = attrs.value(i);
  }
  return plain;
}

/** A whole non-negative number attribute, or undefined when absent; junk is an error. */
function wholeNumber(attrs: XmlAttributes, local: string, what: string): number | undefined {
  const raw = attribute(attrs, local);
  if (raw === undefined) return undefined;
  if (!/^\s*[0-9]{1,12}\s*$/.test(raw)) throw new SpreadsheetError(`${what} ${local} "${raw.slice(0, 20)}" is not a whole number`);
  return parseInt(raw, 10);
}

class SpreadsheetHandler implements SaxHandler {
  wantText = false;
  events: SheetEvent[] = [];
  private sheets = 0;
  private inSheet = false;
  private inTable = false;
  private inRow = false;
  private inCell = false;
  private inData = false;
  private comment = 0;
  private rowNumber = 0;
  private rowSpan = 0;
  private values: RawValue[] = [];
  private column = 0;
  /** Per column, the last row a MergeDown above covers it to. */
  private busy: number[] = [];
  private cellColumn = 0;
  private across = 0;
  private down = 0;
  private type: string | undefined;
  private hasData = false;
  private text_ = '';
  private batch: RawRow[] = [];
  private work = 0;

  private readonly maxWork: number;

  /** `size`: the document's length; the column steps merges may cost are bounded by it. */
  constructor(private readonly size: number) {
    this.maxWork = 4 * size + 1_000_000;
  }

  /** Rows completed so far go out as an event. */
  flush(): void {
    if (this.batch.length > 0) {
      this.events.push({ kind: 'rows', rows: this.batch });
      this.batch = [];
    }
  }

  openTag(name: string, attrs: XmlAttributes): void {
    switch (name.indexOf(':') >= 0 ? localName(name) : name) {
      case 'Worksheet':
        if (!this.inSheet) {
          this.sheets++;
          this.inSheet = true;
          this.rowNumber = 0;
          this.busy = [];
          this.events.push({ kind: 'sheet', name: attribute(attrs, 'Name') ?? `Sheet${this.sheets}` });
        }
        break;
      case 'Table':
        if (this.inSheet) this.inTable = true;
        break;
      case 'Row':
        if (this.inTable && !this.inRow) this.openRow(attrs);
        break;
      case 'Cell':
        if (this.inRow && !this.inCell) this.openCell(attrs);
        break;
      case 'Data':
        if (this.inCell && this.comment === 0 && !this.inData) {
          this.inData = true;
          this.hasData = true;
          this.type = attribute(attrs, 'Type');
          this.text_ = '';
          this.wantText = true;
        }
        break;
      case 'Comment':
        if (this.inCell) {
          this.comment++;
          this.wantText = false;
        }
        break;
      case 'br':
        if (this.inData) this.text('\n');
        break;
    }
  }

  closeTag(name: string): void {
    switch (name.indexOf(':') >= 0 ? localName(name) : name) {
      case 'Data':
        if (this.inData && this.comment === 0) {
          this.inData = false;
          this.wantText = false;
        }
        break;
      case 'Comment':
        if (this.comment > 0) this.comment--;
        break;
      case 'Cell':
        if (this.inCell) this.closeCell();
        break;
      case 'Row':
        if (this.inRow) this.closeRow();
        break;
      case 'Table':
        this.inTable = false;
        break;
      case 'Worksheet':
        if (this.inSheet) {
          this.inSheet = false;
          this.inTable = false;
          this.flush();
          this.events.push({ kind: 'end' });
        }
        break;
    }
  }

  text(text: string): void {
    if (!this.inData || this.comment > 0) return;
    this.text_ += text;
    if (this.text_.length > MAX_TEXT) throw new SpreadsheetError(`a cell holds more than ${MAX_TEXT} characters`);
  }

  private openRow(attrs: XmlAttributes): void {
    const index = wholeNumber(attrs, 'Index', 'a row');
    let row: number;
    if (index === undefined) {
      row = this.rowNumber + 1;
    } else {
      if (index <= this.rowNumber) throw new SpreadsheetError(`row ${index} comes after row ${this.rowNumber}`);
      row = index;
    }
    if (row > MAX_ROWS) throw new SpreadsheetError(`a row beyond row ${MAX_ROWS}`);
    this.rowNumber = row;
    // Span: the row stands for itself and that many identical (empty) rows after it.
    this.rowSpan = Math.min(wholeNumber(attrs, 'Span', 'a row') ?? 0, MAX_ROWS);
    this.inRow = true;
    this.values = [];
    this.column = 0;
  }

  private closeRow(): void {
    this.inRow = false;
    if (this.values.length > 0) {
      this.batch.push({ row: this.rowNumber, values: this.values });
      this.values = [];
      if (this.batch.length >= BATCH) this.flush();
    }
    this.rowNumber = Math.min(this.rowNumber + this.rowSpan, MAX_ROWS);
  }

  private openCell(attrs: XmlAttributes): void {
    const index = wholeNumber(attrs, 'Index', 'a cell');
    let col: number;
    if (index === undefined) {
      col = this.column;
      const busy = this.busy;
      const row = this.rowNumber;
      const from = col;
      while (col < busy.length && (busy[col] ?? 0) >= row) col++;
      this.work += col - from;
    } else {
      if (index < 1 || index - 1 < this.column) {
        throw new SpreadsheetError(`cell ${index} of row ${this.rowNumber} comes after column ${this.column}`);
      }
      col = index - 1;
    }
    if (col >= MAX_COLUMNS) throw new SpreadsheetError(`a cell of row ${this.rowNumber} lies beyond column XFD`);
    this.cellColumn = col;
    this.across = Math.min(wholeNumber(attrs, 'MergeAcross', 'a cell') ?? 0, MAX_COLUMNS - 1 - col);
    this.down = Math.min(wholeNumber(attrs, 'MergeDown', 'a cell') ?? 0, MAX_ROWS);
    this.inCell = true;
    this.hasData = false;
    this.type = undefined;
    this.text_ = '';
  }

  private closeCell(): void {
    this.inCell = false;
    this.inData = false;
    this.comment = 0;
    this.wantText = false;
    const col = this.cellColumn;
    const value = this.hasData ? dataValue(this.type, this.text_) : null;
    this.text_ = '';
    const values = this.values;
    if (value !== null) {
      this.work += col - values.length;
      while (values.length < col) values.push(null);
      values[col] = value;
    }
    const width = this.across + 1;
    if (this.down > 0) {
      const busy = this.busy;
      const until = this.rowNumber + this.down;
      while (busy.length < col + width) busy.push(0);
      for (let c = col; c < col + width; c++) if ((busy[c] ?? 0) < until) busy[c] = until;
      this.work += width;
    }
    this.column = col + width;
    if (this.work > this.maxWork) throw new InputError('too-big', 'merged cells cover more cells than the file could hold', { size: this.size });
  }
}

const NUMBER = /^\s*[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?\s*$/;
const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

/** A Data element's value by its `ss:Type`; text that does not fit its type stays text. */
function dataValue(type: string | undefined, text: string): RawValue {
  switch (type) {
    case 'Number':
      return NUMBER.test(text) ? Number(text) : stringValue(text);
    case 'DateTime':
      return dateTimeValue(text);
    case 'Boolean': {
      const t = text.trim();
      if (t === '1' || t.toLowerCase() === 'true') return true;
      if (t === '0' || t.toLowerCase() === 'false') return false;
      return stringValue(text);
    }
    default:
      // String, Error (`#N/A`), or no type.
      return stringValue(text);
  }
}

function stringValue(text: string): string | null {
  return text === '' ? null : detach(text);
}

/**
 * `2024-03-14T08:30:00.000` → a serial of the 1900 system (days since 1899-12-30, time as the
 * fraction). Before 1900-03-01 one less, as Excel counts there (it has a 29 Feb 1900): a time of
 * day alone, which Excel writes on 1899-12-31, is then the bare fraction.
 */
function dateTimeValue(text: string): RawValue {
  const m = ISO_DATE.exec(text);
  if (!m) return stringValue(text);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidYmd(year, month, day)) return stringValue(text);
  let serial = dayToSerial1900(dayNumber(year, month, day));
  if (serial < 61) serial -= 1;
  if (serial < 0) return stringValue(text);
  const seconds = (Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) * 60 + Number(m[6] ?? 0);
  return serial + seconds / 86_400;
}

/**
 * The worksheets of an Excel 2003 XML Spreadsheet (format 'xml-spreadsheet'), named by
 * `ss:Name`. Number cells are numbers, DateTime cells 1900-system serials (`date1904` is false:
 * the format writes dates as text, not serials), Boolean cells booleans, String and Error cells
 * their text (rich text joined, `&#10;` a newline). Malformed XML, or a row or cell placed
 * backwards or past Excel's limits, is InputError 'corrupt' (raised while the rows are read).
 */
export function readXmlSpreadsheet(text: string, opts: { fileName?: string }): RawWorkbook {
  const file = opts.fileName;
  const handler = new SpreadsheetHandler(text.length);
  const tokenizer = new XmlTokenizer(handler);
  let pos = 0;
  let done = false;
  let queue: SheetEvent[] = [];
  let head = 0;

  /** The next event, feeding the tokenizer as needed; undefined at the end of the document. */
  const nextEvent = (): SheetEvent | undefined => {
    while (head >= queue.length) {
      if (done) return undefined;
      try {
        if (pos >= text.length) {
          tokenizer.end();
          done = true;
        } else {
          let end = Math.min(pos + CHUNK, text.length);
          // Not between the halves of a surrogate pair.
          const last = text.charCodeAt(end - 1);
          if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
          tokenizer.write(text.slice(pos, end));
          pos = end;
        }
        handler.flush();
      } catch (error) {
        done = true;
        throw asInputError(error, file);
      }
      queue = handler.events;
      handler.events = [];
      head = 0;
    }
    return queue[head++];
  };

  let generation = 0;
  /** After a sheet's `end`, or for a sheet left unread: its remaining events are dropped. */
  let sheetOpen = false;

  async function* rows(mine: number): AsyncGenerator<readonly RawRow[]> {
    while (generation === mine && sheetOpen) {
      const event = nextEvent();
      if (event === undefined || event.kind === 'end') {
        sheetOpen = false;
        return;
      }
      if (event.kind === 'rows') yield event.rows;
      else {
        // A sheet start inside a sheet cannot happen (Worksheet is not re-entered); be safe.
        head--;
        sheetOpen = false;
        return;
      }
    }
  }

  async function* sheets(): AsyncGenerator<RawSheet> {
    let index = 0;
    for (;;) {
      // Skip what is left of the previous sheet.
      while (sheetOpen) {
        const event = nextEvent();
        if (event === undefined || event.kind === 'end') sheetOpen = false;
        else if (event.kind === 'sheet') {
          head--;
          sheetOpen = false;
        }
      }
      const event = nextEvent();
      if (event === undefined) return;
      if (event.kind !== 'sheet') continue;
      generation++;
      sheetOpen = true;
      yield { name: event.name, index, date1904: false, rows: rows(generation) };
      index++;
    }
  }

  return { format: 'xml-spreadsheet', sheets: sheets() };
}

/** Any failure → InputError ('corrupt' unless already one), with the file name in its data. */
function asInputError(error: unknown, file: string | undefined): InputError {
  let result: InputError;
  if (error instanceof InputError) {
    result = error;
  } else {
    const message = error instanceof Error ? error.message : String(error);
    const detail = error instanceof XmlError ? `malformed XML: ${message}` : message;
    result = new InputError('corrupt', detail, { detail });
  }
  return withFileName(result, file);
}
