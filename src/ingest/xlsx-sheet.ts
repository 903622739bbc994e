// SpreadsheetML → values: the handlers the XML tokenizer drives for a worksheet part (rows of
// RawValues, complete rows collected as they close) and for the shared strings part.

import { dayNumber, dayToSerial1900, isValidYmd } from '../core/dates.js';
import { detach } from './types.js';
import type { RawRow, RawValue } from './types.js';
import type { SaxHandler, XmlAttributes } from './xml-sax.js';

/** Columns A…XFD: a cell beyond is not from a spreadsheet (and would make rows unbounded). */
export const MAX_COLUMNS = 16_384;
/** Longest text one value may collect (Excel's own limit is 32,767 characters). */
export const MAX_TEXT = 64 * 1024 * 1024;
/** 1900-system serial of 1904-01-01: the offset between the two date systems. */
const SERIAL_1904 = 1462;

/** A worksheet or shared-strings part that parses as XML but is not sound SpreadsheetML. */
export class SheetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetError';
  }
}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};


/** OOXML string escapes `_xHHHH_` (Excel stores a carriage return as `_x000D_`). */
export function decodeOoxmlEscapes(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Collected text → the string a cell holds: escapes decoded, detached from its chunk. */
const cellText = (text: string): string => detach(decodeOoxmlEscapes(text));

const TEXT_NONE = 0;
const TEXT_V = 1;
const TEXT_IS = 2;

/**
 * Worksheet handler: `<sheetData><row r><c r t><v>|<is>…</c></row>`. Rows come out in document
 * order with their `r` (or the next number when absent), values by column (from the cell's `r`,
 * or the next column when absent), trailing empties dropped, rows with no value skipped.
 */
export class SheetHandler implements SaxHandler {
  wantText = false;
  private rows: RawRow[] = [];
  private inData = false;
  private inRow = false;
  private inCell = false;
  private inIs = false;
  private phonetic = 0;
  private rowNumber = 0;
  private values: RawValue[] = [];
  private lastColumn = -1;
  // The open cell.
  private column = -1;
  private type: string | undefined;
  private hasV = false;
  private hasIs = false;
  private vText = '';
  private isText = '';
  private target = TEXT_NONE;

  constructor(
    private readonly sharedStrings: readonly string[],
    private readonly date1904: boolean,
  ) {}

  /** The rows completed since the last call. */
  takeRows(): RawRow[] {
    const rows = this.rows;
    if (rows.length > 0) this.rows = [];
    return rows;
  }

  openTag(name: string, attrs: XmlAttributes): void {
    switch (name.length > 2 && name.indexOf(':') >= 0 ? localName(name) : name) {
      case 'c':
        if (this.inRow && !this.inCell) this.openCell(attrs);
        break;
      case 'v':
        if (this.inCell && !this.inIs) {
          this.hasV = true;
          this.vText = '';
          this.target = TEXT_V;
          this.wantText = true;
        }
        break;
      case 't':
        if (this.inIs && this.phonetic === 0) {
          this.target = TEXT_IS;
          this.wantText = true;
        }
        break;
      case 'is':
        if (this.inCell) {
          this.inIs = true;
          this.hasIs = true;
        }
        break;
      case 'rPh':
        if (this.inIs) this.phonetic++;
        break;
      case 'row':
        if (this.inData && !this.inRow) this.openRow(attrs);
        break;
      case 'sheetData':
        this.inData = true;
        break;
    }
  }

  closeTag(name: string): void {
    switch (name.length > 2 && name.indexOf(':') >= 0 ? localName(name) : name) {
      case 'c':
        if (this.inCell) this.closeCell();
        break;
      case 'v':
      case 't':
        this.target = TEXT_NONE;
        this.wantText = false;
        break;
      case 'is':
        this.inIs = false;
        break;
      case 'rPh':
        if (this.phonetic > 0) this.phonetic--;
        break;
      case 'row':
        if (this.inRow) this.closeRow();
        break;
      case 'sheetData':
        this.inData = false;
        break;
    }
  }

  text(text: string): void {
    if (this.target === TEXT_V) this.vText += text;
    else if (this.target === TEXT_IS) this.isText += text;
    if (this.vText.length + this.isText.length > MAX_TEXT) throw new SheetError(`a cell holds more than ${MAX_TEXT} characters`);
  }

  private openRow(attrs: XmlAttributes): void {
    const r = attrs.get('r');
    if (r === undefined) {
      this.rowNumber++;
    } else {
      const n = /^\s*[0-9]{1,9}\s*$/.test(r) ? parseInt(r, 10) : NaN;
      if (!(n >= 1)) throw new SheetError(`a row numbered "${r.slice(0, 20)}"`);
      this.rowNumber = n;
    }
    this.inRow = true;
    this.values = [];
    this.lastColumn = -1;
  }

  private closeRow(): void {
    this.inRow = false;
    if (this.values.length > 0) this.rows.push({ row: this.rowNumber, values: this.values });
  }

  private openCell(attrs: XmlAttributes): void {
    const ref = attrs.get('r');
    const type = attrs.get('t');
    const column = ref === undefined ? this.lastColumn + 1 : columnOf(ref);
    if (column >= MAX_COLUMNS) {
      const where = ref === undefined ? `cell ${column + 1} of row ${this.rowNumber}` : `cell ${ref.slice(0, 20)}`;
      throw new SheetError(`${where} lies beyond column XFD`);
    }
    this.lastColumn = column;
    this.column = column;
    this.type = type;
    this.inCell = true;
    this.hasV = false;
    this.hasIs = false;
    this.vText = '';
    this.isText = '';
  }

  private closeCell(): void {
    this.inCell = false;
    this.inIs = false;
    this.phonetic = 0;
    const value = this.cellValue();
    if (value === null) return;
    const values = this.values;
    const column = this.column;
    while (values.length < column) values.push(null);
    values[column] = value;
  }

  private cellValue(): RawValue {
    const type = this.type;
    if (type === undefined || type === 'n') return this.hasV ? numberValue(this.vText) : null;
    switch (type) {
      case 's': {
        if (!this.hasV) return null;
        const index = indexValue(this.vText);
        const text = index < 0 ? undefined : this.sharedStrings[index];
        return text === undefined || text === '' ? null : text;
      }
      case 'inlineStr':
        return stringValue(this.hasIs ? this.isText : this.hasV ? this.vText : '');
      case 'str':
      case 'e':
        return stringValue(this.hasV ? this.vText : this.hasIs ? this.isText : '');
      case 'b':
        return this.hasV ? booleanValue(this.vText) : null;
      case 'd':
        return this.hasV ? dateValue(this.vText, this.date1904) : null;
      default:
        // An unknown type: a number if it reads as one, else its text.
        if (this.hasV) {
          const n = numberValue(this.vText);
          return n === null ? stringValue(this.vText) : n;
        }
        return this.hasIs ? stringValue(this.isText) : null;
    }
  }
}

/** 0-based column of a cell reference (`B3` → 1); throws on a reference that names none. */
function columnOf(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    let digit: number;
    if (c >= 65 && c <= 90) digit = c - 64;
    else if (c >= 97 && c <= 122) digit = c - 96;
    else break;
    column = column * 26 + digit;
    if (column > MAX_COLUMNS) return MAX_COLUMNS; // beyond XFD: stop before the number grows
  }
  if (i === 0) throw new SheetError(`a cell reference "${ref.slice(0, 20)}" without a column`);
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 48 || c > 57) throw new SheetError(`a malformed cell reference "${ref.slice(0, 20)}"`);
  }
  return column - 1;
}

/** A shared-string index (digits, maybe padded with spaces), or -1. */
function indexValue(text: string): number {
  let index = -1;
  let i = 0;
  const n = text.length;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    index = (index < 0 ? 0 : index * 10) + (c - 48);
    if (index > 0x7fffffff) return -1;
  }
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  return i === n ? index : -1;
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

function numberValue(text: string): number | null {
  const n = parseFloat(text);
  return Number.isNaN(n) ? null : n;
}

function stringValue(text: string): string | null {
  return text === '' ? null : cellText(text);
}

function booleanValue(text: string): boolean | null {
  const t = text.trim();
  if (t === '1' || t === 'true') return true;
  if (t === '0' || t === 'false') return false;
  const n = parseFloat(t);
  return Number.isNaN(n) ? null : n !== 0;
}

const ISO_DATE = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/;

/**
 * `t="d"`: an ISO 8601 date(-time) → a serial in the sheet's own date system, so that the
 * register layer reads it back with `RawSheet.date1904` like every other serial. Text that is not
 * a date stays text (a rule can then report it).
 */
function dateValue(text: string, date1904: boolean): RawValue {
  const m = ISO_DATE.exec(text);
  if (!m) return stringValue(text);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidYmd(year, month, day)) return stringValue(text);
  const seconds = (Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0)) * 60 + Number(m[6] ?? 0);
  const serial = dayToSerial1900(dayNumber(year, month, day)) + seconds / 86_400;
  return date1904 ? serial - SERIAL_1904 : serial;
}

/**
 * Shared strings handler: one string per `<si>`, rich-text runs joined, phonetic runs (`<rPh>`)
 * left out, `_xHHHH_` escapes decoded. An empty string stays '' here (a cell reads it as null).
 */
export class SharedStringsHandler implements SaxHandler {
  wantText = false;
  readonly strings: string[] = [];
  private inItem = false;
  private phonetic = 0;
  private text_ = '';

  openTag(name: string, _attrs: XmlAttributes): void {
    switch (name.indexOf(':') >= 0 ? localName(name) : name) {
      case 'si':
        this.inItem = true;
        this.phonetic = 0;
        this.text_ = '';
        break;
      case 't':
        if (this.inItem && this.phonetic === 0) this.wantText = true;
        break;
      case 'rPh':
        if (this.inItem) this.phonetic++;
        break;
    }
  }

  closeTag(name: string): void {
    switch (name.indexOf(':') >= 0 ? localName(name) : name) {
      case 'si':
        // Not detached (see `detach`): the table holds at most the shared strings part's own text.
        if (this.inItem) this.strings.push(decodeOoxmlEscapes(this.text_));
        this.inItem = false;
        this.text_ = '';
        break;
      case 't':
        this.wantText = false;
        break;
      case 'rPh':
        if (this.phonetic > 0) this.phonetic--;
        break;
    }
  }

  text(text: string): void {
    this.text_ += text;
    if (this.text_.length > MAX_TEXT) throw new SheetError(`a shared string holds more than ${MAX_TEXT} characters`);
  }
}
