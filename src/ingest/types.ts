// What every reader (xlsx, csv, later pdf) hands to the register layer: tables of physical rows.

/**
 * One cell value as read. Strings are the cell's text exactly as stored (not trimmed, not NFC:
 * the register layer normalises, and rules may want to see NFD or odd whitespace). Rich text is
 * joined, formulas give their cached result, hyperlinks their text. Numbers stay numbers: in a
 * column later mapped as a date they are spreadsheet serials (see `RawSheet.date1904`). A real
 * date value (`t="d"` ISO cells) is converted by the reader to a serial in the sheet's own date system.
 * Errors (`#REF!`) come as their text.
 */
export type RawValue = string | number | boolean | null;

export interface RawRow {
  /** Physical 1-based row number as the spreadsheet shows it (CSV: the record number, as a spreadsheet opening it shows). */
  readonly row: number;
  /** 0-based column index → value; holes and trailing nulls allowed. */
  readonly values: readonly RawValue[];
  /** PDF only: page and line of the row's first text line. */
  readonly page?: number;
  readonly line?: number;
}

export interface RawSheet {
  readonly name: string;
  /** 0-based position of the sheet in the workbook. */
  readonly index: number;
  /** Serial numbers in this sheet count from 1904-01-01 (LibreOffice writes date1904="true"). */
  readonly date1904: boolean;
  /**
   * Rows in order, in batches (one per inflated chunk, CSV block or PDF): the consumer's per-row work
   * stays synchronous, with one await per batch. Empty rows may be skipped by the reader; a batch is
   * never empty. Iterate once.
   */
  readonly rows: AsyncIterable<readonly RawRow[]>;
}

/**
 * What the bytes were: Excel 2007+ (`xlsx`, also `.xlsm`), Excel 97–2003 BIFF8 (`xls`), an HTML table
 * or an Excel 2003 XML Spreadsheet (both often named `.xls` by web "Xuất Excel" buttons), OpenDocument
 * (`ods`), a Word table (`docx`), text (`csv`) or a PDF.
 */
export type SourceFormat = 'xlsx' | 'xls' | 'html' | 'xml-spreadsheet' | 'ods' | 'docx' | 'csv' | 'pdf';

/**
 * Something a reader noticed about the file that the clerk should know, reported as an info finding
 * (never a file error): text in a legacy Vietnamese font encoding converted for checking, a file whose
 * extension says another format than its content.
 */
export type RawNotice =
  | { readonly code: 'legacy-encoding'; readonly sheet: string; readonly encoding: 'TCVN3' | 'VNI'; readonly sample: string; readonly converted: string }
  | { readonly code: 'renamed'; readonly actual: string; readonly extension: string };

export interface RawWorkbook {
  readonly format: SourceFormat;
  /** Sheets in workbook order. Iterate once; finish a sheet's rows before asking for the next. */
  readonly sheets: AsyncIterable<RawSheet>;
  /** Appended to while the sheets are read; read once they are all done. */
  readonly notices?: RawNotice[];
  /** The names of the fonts the workbook's styles use, where the format keeps them (xlsx). */
  readonly fontNames?: () => readonly string[];
}

/** Why a file could not be read. Each code has its own message in src/core/messages.ts. */
export type InputErrorCode =
  | 'not-found'
  | 'empty'
  | 'encrypted'
  | 'not-xlsx'
  | 'truncated'
  | 'zip-bomb'
  | 'too-big'
  | 'corrupt'
  | 'unsupported-type'
  | 'not-a-register'
  | 'pdf-encrypted'
  | 'pdf-corrupt'
  | 'pdf-scanned'
  | 'pdf-scrambled'
  | 'legacy-encoding'
  | 'xls-encrypted'
  | 'xls-old'
  | 'xlsb'
  | 'doc'
  | 'docx-no-table'
  | 'empty-folder';

export class InputError extends Error {
  readonly code: InputErrorCode;
  /** Values for the message template (e.g. sizes), rendered in the report language. */
  readonly data: Readonly<Record<string, string | number>>;
  constructor(code: InputErrorCode, detail: string, data: Readonly<Record<string, string | number>> = {}) {
    super(`${code}: ${detail}`);
    this.name = 'InputError';
    this.code = code;
    this.data = data;
  }
}

/** The error with the file's name added to its message and data (once: kept as is when it has one). */
export function withFileName(error: InputError, file: string | undefined): InputError {
  if (file === undefined || error.data['file'] !== undefined) return error;
  const detail = error.message.startsWith(`${error.code}: `) ? error.message.slice(error.code.length + 2) : error.message;
  return new InputError(error.code, `${file}: ${detail}`, { ...error.data, file });
}

/**
 * A copy of a string that does not keep its source alive. Readers cut text out of 64 KB chunks,
 * and V8 makes a cut of 13 characters or more a view that holds the whole chunk: a consumer keeping
 * a few values would keep every chunk they came from. Concatenating, then slicing, flattens.
 */
export const detach = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));
