// Word (.docx) → RawWorkbook, streaming: the tables of word/document.xml as sheets.
//
// A register kept in Word is a table (w:tbl > w:tr > w:tc > w:p), usually under a few title
// paragraphs. Each top-level table of the body is a sheet named "Bảng N"; the non-empty paragraphs
// before it lead it as one-cell rows (the title, the unit), those after the last table close the
// last sheet (signatures). A table that merely continues the one before (same number of columns,
// and a first row that is data or the same header again, as when a register is pasted page by
// page) continues its sheet; the repeated header rows and the paragraphs between are dropped.
//
// Cells: the text of their paragraphs joined by "\n" (nested tables flattened into it); a cell
// spanning N grid columns (w:gridSpan) fills the first; a vertically merged cell (w:vMerge
// continue) is null, the value stays in the top cell, as xlsx merges do. Text boxes, drawings,
// deleted and moved-away text are not the document's text and are left out.

import { DEFAULT_MAX_UNCOMPRESSED_BYTES, decodeXmlEntities, xmlAttributes } from './sniff.js';
import type { SniffedZip } from './sniff.js';
import { InputError, detach } from './types.js';
import type { RawSheet, RawValue, RawWorkbook } from './types.js';
import { XmlTokenizer } from './xml-sax.js';
import { END, ROWS, SHEET, sheetsOfPart, type SheetEvent } from './part-sheets.js';
import type { SaxHandler, XmlAttributes } from './xml-sax.js';
import { corrupt, entryRange, entryText, entryTextSync, openZipDirectory, partCodecs, partError } from './xlsx-inflate.js';
import type { Crc32, InflateRawStream, PartCodecs } from './xlsx-inflate.js';
import type { InflateRaw } from '../host/host.js';
import { findEntry } from './zip.js';
import type { ZipDirectory, ZipEntry } from './zip.js';

export interface DocxReadOptions {
  /** Added as `file` to the data of every InputError. */
  readonly fileName?: string;
  /** The host's whole-part raw inflate (_rels/.rels). */
  readonly inflateRaw?: InflateRaw;
  /** The host's streaming raw inflate (word/document.xml). */
  readonly inflateRawStream?: InflateRawStream;
  /** The host's CRC-32, each part is checked with. */
  readonly crc32?: Crc32;
  /** The zip directory if already read (sniff's `SniffedZip` is accepted too). */
  readonly zip?: ZipDirectory | SniffedZip;
  /** Most bytes the document part may inflate to, whatever it declares (default 400 MB, as sniff). */
  readonly maxPartBytes?: number;
}

/** Rows one sheet may hold. */
export const DOCX_MAX_ROWS = 1_048_576;
/** Grid columns a row may span (Word itself stops at 63). */
export const DOCX_MAX_COLUMNS = 16_384;
/** Paragraphs kept before a table (the nearest ones: a title sits just above its table). */
const MAX_LEADING = 1000;
/** Rows of a sheet's first table compared with the first rows of a table that may continue it. */
const HEADER_ROWS = 5;
const MAX_TEXT = 64 * 1024 * 1024;
const BATCH = 1000;
const MAX_RELS = 16 * 1024 * 1024;

const NS_W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS_W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
const NS_MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const REL_OFFICE_DOCUMENT = '/officeDocument';

export function readDocx(bytes: Uint8Array, opts: DocxReadOptions): RawWorkbook {
  const file = opts.fileName;
  const codecs = partCodecs(opts);
  let document: ZipEntry;
  try {
    const dir = zipDirectory(bytes, opts.zip);
    const found = documentEntry(bytes, dir, codecs);
    if (!found) throw corrupt('no word/document.xml in the Word file');
    entryRange(bytes, found);
    document = found;
  } catch (error) {
    throw partError(error, file);
  }
  const context: ReadContext = { bytes, codecs, maxBytes: opts.maxPartBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES, file };
  return { format: 'docx', sheets: readSheets(document, context) };
}

function zipDirectory(bytes: Uint8Array, given: ZipDirectory | SniffedZip | undefined): ZipDirectory {
  return openZipDirectory(bytes, given === undefined || 'entries' in given ? given : given.directory);
}

/** The main document part: as the package relationships name it, else word/document.xml. */
function documentEntry(bytes: Uint8Array, dir: ZipDirectory, codecs: PartCodecs): ZipEntry | undefined {
  const rels = findEntry(dir, '_rels/.rels');
  if (rels) {
    let xml = '';
    try {
      xml = entryTextSync(bytes, rels, codecs, MAX_RELS);
    } catch {
      // Unreadable package relationships: fall back on the usual name.
    }
    const tag = /<(?:[A-Za-z_][\w.-]*:)?Relationship\b([^>]*?)\/?>/g;
    for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
      const attrs = xmlAttributes(m[1] ?? '');
      if (!(attrs.get('Type') ?? '').endsWith(REL_OFFICE_DOCUMENT)) continue;
      const target = decodeXmlEntities(attrs.get('Target') ?? '').replace(/^\/+/, '');
      const entry = target === '' ? undefined : findEntry(dir, target);
      if (entry) return entry;
    }
  }
  return findEntry(dir, 'word/document.xml');
}

interface ReadContext {
  readonly bytes: Uint8Array;
  readonly codecs: PartCodecs;
  readonly maxBytes: number;
  readonly file: string | undefined;
}

// The document part parsed once, its events shared by the sheets and their rows (part-sheets.ts).

function readSheets(entry: ZipEntry, context: ReadContext): AsyncGenerator<RawSheet> {
  const assembler = new SheetAssembler();
  const tokenizer = new XmlTokenizer(new DocumentHandler(assembler));
  const parser = {
    write: (chunk: string) => tokenizer.write(chunk),
    end: () => {
      tokenizer.end();
      assembler.finish();
    },
    take: () => assembler.take(),
  };
  return sheetsOfPart(() => entryText(context.bytes, entry, { codecs: context.codecs, maxBytes: context.maxBytes }), parser, (error) => partError(error, context.file, entry), BATCH);
}

// ---------------------------------------------------------------------------------------------
// Tables and paragraphs → sheets.

/** A document part that parses as XML but cannot be read as tables. */
class DocxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocxError';
  }
}

/**
 * Decides, as the document streams by, which table opens a sheet and which continues one, and
 * numbers the rows of each sheet 1, 2, … (leading paragraphs, then every table row).
 */
class SheetAssembler {
  private events: SheetEvent[] = [];
  private sheets = 0;
  private open = false;
  /** Non-empty top-level paragraphs since the last table (or the start). */
  private pending: string[] = [];
  private rowNumber = 0;
  /** Columns of the sheet's first table; its first rows, to recognise a repeated header. */
  private columns = -1;
  private head: (readonly RawValue[])[] = [];
  private firstTable = true;
  // The open table.
  private decided = true;
  private tableRows = 0;
  /** Position in `head` while a repeated header is being skipped (-1: not skipping). */
  private skipping = -1;

  take(): SheetEvent[] {
    const events = this.events;
    if (events.length > 0) this.events = [];
    return events;
  }

  paragraph(text: string): void {
    const pending = this.pending;
    pending.push(text);
    if (pending.length >= 2 * MAX_LEADING) this.pending = pending.slice(-MAX_LEADING);
  }

  tableStart(): void {
    this.tableRows = 0;
    this.skipping = -1;
    // The first table opens a sheet at once; a later one waits for its first row.
    if (this.open) {
      this.decided = false;
    } else {
      this.decided = true;
      this.openSheet();
    }
  }

  row(values: readonly RawValue[], marked: boolean, columns: number): void {
    if (!this.decided) {
      this.decided = true;
      const repeated = sameRow(values, this.head[0]);
      if (columns === this.columns && (repeated || !looksLikeHeader(values, marked))) {
        // The same register, continued: what stood between the two tables is page furniture.
        this.pending = [];
        this.firstTable = false;
        this.skipping = repeated ? 0 : -1;
      } else {
        this.openSheet();
      }
    }
    if (this.firstTable && this.tableRows === 0) this.columns = columns;
    this.tableRows++;
    if (this.skipping >= 0) {
      if (sameRow(values, this.head[this.skipping])) {
        this.skipping++;
        return;
      }
      this.skipping = -1;
    }
    if (this.firstTable && this.head.length < HEADER_ROWS) this.head.push(values);
    this.emit(values);
  }

  tableEnd(): void {
    // A table without rows decides nothing: the paragraphs before it wait for the next one.
    this.decided = true;
    this.skipping = -1;
  }

  /** The end of the document. */
  finish(): void {
    if (this.sheets === 0) throw new InputError('docx-no-table', 'the Word document holds no table');
    if (!this.open) return;
    this.flushPending();
    this.events.push({ kind: END });
    this.open = false;
  }

  private openSheet(): void {
    if (this.open) this.events.push({ kind: END });
    const index = this.sheets++;
    this.events.push({ kind: SHEET, index, name: `Bảng ${index + 1}`, date1904: false });
    this.open = true;
    this.rowNumber = 0;
    this.columns = -1;
    this.head = [];
    this.firstTable = true;
    this.flushPending();
  }

  private flushPending(): void {
    for (const text of this.pending) this.emit([text]);
    this.pending = [];
  }

  private emit(values: readonly RawValue[]): void {
    const row = ++this.rowNumber;
    if (row > DOCX_MAX_ROWS) throw new DocxError(`a table runs past ${DOCX_MAX_ROWS} rows`);
    if (values.length > 0) this.events.push({ kind: ROWS, row, count: 1, values });
  }
}

/** Same texts, white space aside (a header pasted again may differ in line breaks only). */
function sameRow(a: readonly RawValue[], b: readonly RawValue[] | undefined): boolean {
  if (b === undefined || a.length !== b.length || a.length === 0) return false;
  for (let i = 0; i < a.length; i++) if (normalized(a[i]) !== normalized(b[i])) return false;
  return true;
}

const normalized = (v: RawValue | undefined): string => (v === null || v === undefined ? '' : String(v).replace(/\s+/g, ' ').trim());

/**
 * A header row: marked as one (w:tblHeader, repeated on each page), or two or more texts and no
 * digit anywhere — a register's data rows always hold a number or a date.
 */
function looksLikeHeader(values: readonly RawValue[], marked: boolean): boolean {
  if (marked) return true;
  let texts = 0;
  for (const v of values) {
    if (v === null) continue;
    if (typeof v !== 'string' || /[0-9]/.test(v)) return false;
    if (v.trim() !== '') texts++;
  }
  return texts >= 2;
}

// ---------------------------------------------------------------------------------------------
// word/document.xml → tables and paragraphs.

const E_BODY = 1;
const E_P = 2;
const E_R = 3;
const E_T = 4;
const E_TAB = 5;
const E_BR = 6;
const E_HYPHEN = 7;
const E_TBL = 8;
const E_GRIDCOL = 9;
const E_TR = 10;
const E_TBLHEADER = 11;
const E_GRIDBEFORE = 12;
const E_TC = 13;
const E_GRIDSPAN = 14;
const E_VMERGE = 15;
const E_HMERGE = 16;
const E_SKIP = 17;

/** Element local names (in the w: namespace) → what they are to the handler. */
const W_ELEMENTS: ReadonlyArray<readonly [string, number]> = [
  ['body', E_BODY],
  ['p', E_P],
  ['r', E_R],
  ['t', E_T],
  ['tab', E_TAB],
  ['ptab', E_TAB],
  ['br', E_BR],
  ['cr', E_BR],
  ['noBreakHyphen', E_HYPHEN],
  ['tbl', E_TBL],
  ['gridCol', E_GRIDCOL],
  ['tr', E_TR],
  ['tblHeader', E_TBLHEADER],
  ['gridBefore', E_GRIDBEFORE],
  ['tc', E_TC],
  ['gridSpan', E_GRIDSPAN],
  ['vMerge', E_VMERGE],
  ['hMerge', E_HMERGE],
  // Not the document's text: drawings and text boxes, tracked deletions and moves, and the former
  // properties a tracked change keeps (old spans and grids).
  ['drawing', E_SKIP],
  ['pict', E_SKIP],
  ['object', E_SKIP],
  ['txbxContent', E_SKIP],
  ['del', E_SKIP],
  ['moveFrom', E_SKIP],
  ['pPrChange', E_SKIP],
  ['rPrChange', E_SKIP],
  ['tcPrChange', E_SKIP],
  ['trPrChange', E_SKIP],
  ['tblPrChange', E_SKIP],
  ['tblGridChange', E_SKIP],
  ['sectPrChange', E_SKIP],
];

function elementMap(w: string, mc: string): Map<string, number> {
  const map = new Map<string, number>();
  const prefix = w === '' ? '' : `${w}:`;
  for (const [name, code] of W_ELEMENTS) map.set(prefix + name, code);
  // Markup compatibility: read the fallback, skip the choice (never both: the same text twice).
  map.set(mc === '' ? 'Choice' : `${mc}:Choice`, E_SKIP);
  return map;
}

const DEFAULT_ELEMENTS = elementMap('w', 'mc');

class DocumentHandler implements SaxHandler {
  wantText = false;
  private elements = DEFAULT_ELEMENTS;
  private valAttr = 'w:val';
  private rootSeen = false;
  private skip = 0;
  private inBody = false;
  private paragraphDepth = 0;
  private runDepth = 0;
  private paragraph = '';
  private tableDepth = 0;
  private grid = 0;
  // The open row of a top-level table.
  private inRow = false;
  private values: RawValue[] = [];
  private column = 0;
  private marked = false;
  // Its open cell.
  private inCell = false;
  private cellParagraphs: string[] = [];
  private cellLength = 0;
  private span = 1;
  private covered = false;

  constructor(private readonly assembler: SheetAssembler) {}

  openTag(name: string, attrs: XmlAttributes): void {
    if (this.skip > 0) {
      this.skip++;
      return;
    }
    if (!this.rootSeen) {
      this.rootSeen = true;
      this.resolvePrefixes(attrs);
      return;
    }
    const code = this.elements.get(name);
    if (code === undefined) return;
    switch (code) {
      case E_BODY:
        this.inBody = true;
        break;
      case E_P:
        if (this.paragraphDepth++ === 0) this.paragraph = '';
        break;
      case E_R:
        this.runDepth++;
        break;
      case E_T:
        if (this.runDepth > 0 && this.paragraphDepth > 0) this.wantText = true;
        break;
      case E_TAB:
        this.inRun(' ');
        break;
      case E_BR:
        this.inRun('\n');
        break;
      case E_HYPHEN:
        this.inRun('-');
        break;
      case E_TBL:
        if (!this.inBody) break;
        if (this.tableDepth++ === 0) {
          this.grid = 0;
          this.assembler.tableStart();
        }
        break;
      case E_GRIDCOL:
        if (this.tableDepth === 1 && !this.inRow) this.grid++;
        break;
      case E_TR:
        if (this.tableDepth === 1 && !this.inRow) {
          this.inRow = true;
          this.values = [];
          this.column = 0;
          this.marked = false;
        }
        break;
      case E_TBLHEADER:
        if (this.tableDepth === 1 && this.inRow && !this.inCell) this.marked = onOff(attrs.get(this.valAttr));
        break;
      case E_GRIDBEFORE:
        if (this.tableDepth === 1 && this.inRow && !this.inCell) this.column = Math.min(this.column + span(attrs.get(this.valAttr), 0), DOCX_MAX_COLUMNS + 1);
        break;
      case E_TC:
        if (this.tableDepth === 1 && this.inRow && !this.inCell) {
          this.inCell = true;
          this.cellParagraphs = [];
          this.cellLength = 0;
          this.span = 1;
          this.covered = false;
        }
        break;
      case E_GRIDSPAN:
        if (this.tableDepth === 1 && this.inCell) this.span = span(attrs.get(this.valAttr), 1);
        break;
      case E_VMERGE:
      case E_HMERGE:
        if (this.tableDepth === 1 && this.inCell) {
          const val = attrs.get(this.valAttr);
          this.covered = val === undefined || val.trim() === 'continue';
        }
        break;
      case E_SKIP:
        this.skip = 1;
        this.wantText = false;
        break;
    }
  }

  closeTag(name: string): void {
    if (this.skip > 0) {
      this.skip--;
      return;
    }
    const code = this.elements.get(name);
    if (code === undefined) return;
    switch (code) {
      case E_T:
        this.wantText = false;
        break;
      case E_R:
        if (this.runDepth > 0) this.runDepth--;
        break;
      case E_P:
        if (this.paragraphDepth > 0 && --this.paragraphDepth === 0) this.closeParagraph();
        break;
      case E_TC:
        if (this.tableDepth === 1 && this.inCell) this.closeCell();
        break;
      case E_TR:
        if (this.tableDepth === 1 && this.inRow) {
          this.inRow = false;
          this.inCell = false;
          this.assembler.row(this.values, this.marked, this.grid > 0 ? this.grid : this.column);
          this.values = [];
        }
        break;
      case E_TBL:
        if (this.tableDepth > 0 && --this.tableDepth === 0) {
          this.inRow = false;
          this.inCell = false;
          this.assembler.tableEnd();
        }
        break;
      case E_BODY:
        this.inBody = false;
        break;
    }
  }

  text(text: string): void {
    this.paragraph += text;
    if (this.paragraph.length > MAX_TEXT) throw new DocxError(`a paragraph holds more than ${MAX_TEXT} characters`);
  }

  private inRun(text: string): void {
    if (this.runDepth > 0 && this.paragraphDepth > 0) this.text(text);
  }

  private closeParagraph(): void {
    const text = this.paragraph;
    this.paragraph = '';
    if (text.trim() === '') return;
    if (this.tableDepth === 0) {
      if (this.inBody) this.assembler.paragraph(detach(text));
    } else if (this.inCell) {
      this.cellLength += text.length + 1;
      if (this.cellLength > MAX_TEXT) throw new DocxError(`a table cell holds more than ${MAX_TEXT} characters`);
      this.cellParagraphs.push(text);
    }
  }

  private closeCell(): void {
    this.inCell = false;
    const start = this.column;
    this.column = Math.min(start + this.span, DOCX_MAX_COLUMNS + 1);
    const paragraphs = this.cellParagraphs;
    this.cellParagraphs = [];
    if (this.covered || paragraphs.length === 0) return;
    if (start >= DOCX_MAX_COLUMNS) throw new DocxError(`a table row spans more than ${DOCX_MAX_COLUMNS} columns`);
    const values = this.values;
    while (values.length < start) values.push(null);
    values.push(detach(paragraphs.join('\n')));
  }

  /** The prefixes the root binds to WordprocessingML (transitional or strict) and to markup compatibility. */
  private resolvePrefixes(attrs: XmlAttributes): void {
    let w = 'w';
    let mc = 'mc';
    for (let i = 0; i < attrs.length; i++) {
      const name = attrs.name(i);
      if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
      const prefix = name === 'xmlns' ? '' : name.slice(6);
      const uri = attrs.value(i);
      if (uri === NS_W || uri === NS_W_STRICT) w = prefix;
      else if (uri === NS_MC) mc = prefix;
    }
    if (w !== 'w' || mc !== 'mc') this.elements = elementMap(w, mc);
    this.valAttr = w === '' ? 'val' : `${w}:val`;
  }
}

/** An ST_OnOff value: absent means on. */
function onOff(value: string | undefined): boolean {
  if (value === undefined) return true;
  const v = value.trim().toLowerCase();
  return !(v === '0' || v === 'false' || v === 'off');
}

/** A column count (w:gridSpan, w:gridBefore); `fallback` when absent or not a number. */
function span(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const t = value.trim();
  if (!/^[0-9]{1,9}$/.test(t)) return fallback;
  const n = parseInt(t, 10);
  return fallback === 1 ? Math.max(1, n) : n;
}

// ---------------------------------------------------------------------------------------------

