// The register model: what a sheet is (RegisterInfo) and one entry (Entry) with typed, located fields.
// Entries are created per row and dropped after the rules have seen them; rules that need to
// remember a row keep its Location (a few short strings), never the Entry (STYLE pitfalls).
import { parseDateValue, type DateParse } from '../core/date-parse.js';
import { formatDate, serialToDay, type DayNumber } from '../core/dates.js';
import { DATE_FIELDS, type FieldName, type Location, type RegisterKind } from '../core/types.js';
import type { RawRow, RawValue, SourceFormat } from '../ingest/types.js';

export interface ColumnInfo {
  readonly field: FieldName;
  /** 0-based column index in the raw rows. */
  readonly index: number;
  /** Column letter as the spreadsheet shows it (`A`, `B`, … `AA`). */
  readonly letter: string;
  /** Header text as written (merged two-row headers joined with " / "). */
  readonly header: string;
}

/** What the title rows above the header declare (Phụ lục IV cover lines). */
export interface TitleInfo {
  readonly agency?: string;
  readonly parentAgency?: string;
  readonly kind?: RegisterKind;
  readonly year?: number;
  readonly fromDate?: DayNumber;
  readonly toDate?: DayNumber;
  readonly fromNumber?: number;
  readonly toNumber?: number;
  readonly volume?: string;
  /**
   * The title calls the sheet a list of documents rather than a register: "DANH MỤC VĂN BẢN …",
   * "CÔNG BÁO", "văn bản đăng công báo". Such lists hold a selection (the QPPL, what was published).
   */
  readonly list?: boolean;
  /** Row of each declaration, so findings about it can point there. */
  readonly rows: Readonly<Partial<Record<'kind' | 'year' | 'dates' | 'numbers' | 'volume' | 'list', number>>>;
}

export interface RegisterInfo {
  readonly file: string;
  readonly sheet: string;
  readonly sheetIndex: number;
  readonly format: SourceFormat;
  readonly kind: RegisterKind;
  readonly kindSource: 'option' | 'title' | 'headers';
  /** When the kind was given (`--kind`, config) and the register's own title or columns say the other kind. */
  readonly kindConflict?: { readonly kind: RegisterKind; readonly source: 'title' | 'headers' };
  /** Physical row of the (last) header row; data begins below it and any column-index row. */
  readonly headerRow: number;
  readonly headerRows: readonly number[];
  readonly columns: ReadonlyMap<FieldName, ColumnInfo>;
  /** Header cells that matched no field, for the record. */
  readonly unmappedHeaders: readonly { readonly letter: string; readonly header: string }[];
  readonly title: TitleInfo;
  readonly date1904: boolean;
  /**
   * The sheet holds a selection of the documents, not every number given out (a published list, a
   * danh mục; `--partial`, config `partial: true`, or a list title): gaps and a late first number
   * say nothing about unregistered documents there, and are summarised instead of reported.
   * 'columns': read as outgoing, the sheet names each document's issuer ("Cơ quan ban hành").
   */
  readonly partial?: 'option' | 'title' | 'columns';
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 1-based column number of a letter (`A` → 1, `AA` → 27); 0 for an empty letter. */
export function columnNumber(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The text of a raw value as a person sees it in the cell (dates in date columns rendered dd/mm/yyyy). */
export function rawText(value: RawValue, isDate: boolean, date1904: boolean): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (isDate) {
      const d = serialToDay(value, date1904);
      if (d !== undefined) return formatDate(d);
    }
    return String(value);
  }
  return value ? 'TRUE' : 'FALSE';
}

const WHITESPACE_RUN = /\s+/g;

/**
 * Text that is clean already: words of ASCII, Latin-1 and Latin Extended letters (Vietnamese
 * included) and general punctuation, one space apart. Every one of these characters is NFC on its
 * own and none combines with its neighbour (canonical combining class 0, NFC quick check Yes), and
 * none is whitespace.
 */
const CLEAN = /^[!-~\u00a1-\u024f\u1e00-\u1eff\u2010-\u2027]+(?: [!-~\u00a1-\u024f\u1e00-\u1eff\u2010-\u2027]+)*$/u;

/** NFC, trimmed, every whitespace run (incl. line breaks, NBSP) collapsed to one space. */
export function cleanText(s: string): string {
  if (s === '' || CLEAN.test(s)) return s;
  return cleanTextWhole(s);
}

/** cleanText without the look for text that is clean already (tests compare the two). */
export function cleanTextWhole(s: string): string {
  return s.normalize('NFC').replace(WHITESPACE_RUN, ' ').trim();
}

const NO_DATE: DateParse = { ok: false, reason: 'empty' };

export class Entry {
  readonly register: RegisterInfo;
  readonly raw: RawRow;
  private dates: DateParse[] | undefined;
  private texts: string[] | undefined;

  constructor(register: RegisterInfo, raw: RawRow) {
    this.register = register;
    this.raw = raw;
  }

  /** Physical row as the spreadsheet shows it. */
  get row(): number {
    return this.raw.row;
  }

  has(field: FieldName): boolean {
    return this.register.columns.has(field);
  }

  value(field: FieldName): RawValue {
    const col = this.register.columns.get(field);
    if (!col) return null;
    return this.raw.values[col.index] ?? null;
  }

  /** The cell text exactly as written (dates in date columns as dd/mm/yyyy). */
  original(field: FieldName): string {
    return rawText(this.value(field), DATE_FIELDS.has(field), this.register.date1904);
  }

  /** Cleaned text: NFC, trimmed, whitespace collapsed; '' when empty or the column is absent. */
  text(field: FieldName): string {
    const col = this.register.columns.get(field);
    if (!col) return '';
    // Several rules read the same cells of an entry: clean each one once.
    const texts = (this.texts ??= []);
    const hit = texts[col.index];
    if (hit !== undefined) return hit;
    const v = this.raw.values[col.index] ?? null;
    const text = v === null ? '' : cleanText(typeof v === 'string' ? v : this.original(field));
    texts[col.index] = text;
    return text;
  }

  isEmpty(field: FieldName): boolean {
    return this.text(field) === '';
  }

  /** The parsed date of a date column (cached per entry, by column). */
  date(field: FieldName): DateParse {
    const col = this.register.columns.get(field);
    if (!col) return NO_DATE;
    const dates = (this.dates ??= []);
    const hit = dates[col.index];
    if (hit) return hit;
    const parsed = parseDateValue(this.raw.values[col.index] ?? null, this.register.date1904);
    dates[col.index] = parsed;
    return parsed;
  }

  /** The day of a date column, or undefined when empty or unreadable. */
  day(field: FieldName): DayNumber | undefined {
    const d = this.date(field);
    return d.ok ? d.day : undefined;
  }

  /** The type-and-subject text, from the combined column or from separate type + subject columns. */
  typeAndSubject(): string {
    const combined = this.text('typeAndSubject');
    if (combined) return combined;
    const type = this.text('type');
    const subject = this.text('subject');
    return type && subject ? `${type} ${subject}` : type || subject;
  }

  location(field?: FieldName): Location {
    // One object literal per shape (no spread): a finding's location shares its hidden class with
    // every other of its kind, which matters with a hundred thousand findings (spread objects get a
    // map of their own each). Key order is the JSON contract's.
    const reg = this.register;
    const col = field ? reg.columns.get(field) : undefined;
    const row = this.raw.row;
    if (reg.format !== 'pdf') {
      const sheet = reg.sheet;
      if (field && col) return { file: reg.file, sheet, row, column: col.letter, header: col.header, field, value: this.original(field) };
      return field ? { file: reg.file, sheet, row, field } : { file: reg.file, sheet, row };
    }
    const page = this.raw.page;
    const line = this.raw.line;
    if (page !== undefined && line !== undefined) {
      if (field && col) return { file: reg.file, page, line, row, column: col.letter, header: col.header, field, value: this.original(field) };
      return field ? { file: reg.file, page, line, row, field } : { file: reg.file, page, line, row };
    }
    const ordered = { file: reg.file, ...(page !== undefined ? { page } : {}), ...(line !== undefined ? { line } : {}), row };
    if (!field || !col) return field ? { ...ordered, field } : ordered;
    return { ...ordered, column: col.letter, header: col.header, field, value: this.original(field) };
  }
}
