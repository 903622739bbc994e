// Registers printed to PDF: the table is rebuilt from text positions, because the text order of a
// LibreOffice PDF puts wrapped cells at the end of the page and getTable() needs ruling lines
// (tech-notes §2). The rebuilt table is handed to the same register detection as a spreadsheet.
//
// How a page becomes rows, in one pass per page (no step looks at pairs of items):
// 1. Items → lines by baseline (pdf-text.ts).
// 2. Columns: anchored on the "(1) (2) … (10)" index row of the Phụ lục IV forms, else on the
//    header cells. The edge between two anchors is the x that text crosses least — a histogram of
//    the text covering each quarter point, summed over the pages read so far — so it works with
//    and without borders, for left-, right- and centred cells alike.
// 3. Each item goes to the column its centre falls in; items closer than GLUE_EM are one word.
// 4. A record starts when column 1 has text; lines without it continue the record, also across a
//    page break (Chromium splits rows over pages). Wrapped lines of a cell are joined with a space,
//    except after a "-" or "/" glued to a word ("NĐ-" + "CP" → "NĐ-CP").
//
// Row numbers (RawRow.row): every printed cover line, header row, the index row and each record
// count one, in order; one blank gap between the cover lines and the header counts as one row (the
// empty spreadsheet row it usually is); repeated page headers do not count. For a register printed
// from a spreadsheet without blank rows among its entries, this is the spreadsheet's row number.
import {
  GLUE_EM,
  isScrambled,
  joinItems,
  openPdf,
  pageHasImages,
  readPageText,
  SCANNED,
  TextQuality,
  type PdfItem,
  type PdfLine,
  type PdfPageText,
} from './pdf-text.js';
import type { Host } from '../host/host.js';
import { InputError, type RawRow, type RawValue, type RawWorkbook } from './types.js';

/** Width of one histogram bin, in points. */
const BIN = 0.25;
/** Largest vertical step (in font sizes) between two lines of one wrapped header cell. */
const HEADER_WRAP = 1.55;
/**
 * Two-row headers: steps up to HEADER_WRAP_MAX font sizes may be line wraps; the smallest of those is
 * the band's line pitch, and a step 20% over it (and over HEADER_WRAP_MIN) starts a second block.
 */
const HEADER_WRAP_MAX = 1.45;
const HEADER_WRAP_MIN = 1.1;
/** Gap (in font sizes) between the cover lines and the header that stands for a blank row. */
const BLANK_ROW_GAP = 2.2;
/** A line without column-1 text more than this many line pitches below the last starts a new record. */
const RECORD_BREAK = 1.6;
/** Page furniture: "Trang 2", "Page 3 of 9", "- 4 -", "2/11". */
const PAGE_NUMBER = /^(?:(?:trang|page)\s*\d+(?:\s*(?:\/|of|trên|của)\s*\d+)?|-\s*\d+\s*-|\d+\s*\/\s*\d+)$/i;
const INDEX_CELL = /^\(?(\d{1,2})\)?$/;
/** Left-aligned text starts this far (or more) right of its cell's edge. */
const LEFT_PAD = 0.3;

export async function readPdf(bytes: Uint8Array, fileName: string, host: Host): Promise<RawWorkbook> {
  const doc = await openPdf(bytes, fileName, host);
  try {
    const table = new TableBuilder();
    const quality = new TextQuality();
    let chars = 0;
    let scanPages = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await readPageText(doc, p, fileName);
      chars += page.chars;
      if (page.chars < SCANNED.pageChars && (await pageHasImages(doc, p, fileName, host))) scanPages++;
      for (const line of page.lines) quality.addLine(line);
      table.addPage(page);
      // A long scan: no need to read hundreds of image pages to know it has no text.
      if (p >= SCANNED.earlyPages && chars < SCANNED.pageChars) break;
    }
    const file = fileName;
    if (chars < SCANNED.pageChars || scanPages >= Math.max(1, SCANNED.pageShare * doc.numPages)) {
      throw new InputError('pdf-scanned', `${fileName}: no text layer (${chars} characters on ${doc.numPages} page(s), ${scanPages} image-only)`, { file, pages: doc.numPages });
    }
    const stats = quality.stats;
    if (isScrambled(stats)) {
      throw new InputError('pdf-scrambled', `${fileName}: ${stats.detached} detached letters, ${stats.implausible} of ${stats.words} words impossible in Vietnamese`, {
        file,
        detached: stats.detached,
        implausible: stats.implausible,
        words: stats.words,
      });
    }
    const rows = table.finish();
    return {
      format: 'pdf',
      sheets: (async function* () {
        yield {
          name: '',
          index: 0,
          date1904: false,
          rows: (async function* () {
            if (rows.length > 0) yield rows;
          })(),
        };
      })(),
    };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

// --- geometry helpers ------------------------------------------------------------------------

interface Span {
  readonly x0: number;
  readonly x1: number;
}

const centre = (item: PdfItem): number => item.x + item.width / 2;
const spanOf = (item: PdfItem): Span => ({ x0: item.x, x1: item.x + item.width });
const signature = (line: PdfLine): string => joinItems(line.items);

function isPageNumber(line: PdfLine): boolean {
  return line.items.length <= 8 && PAGE_NUMBER.test(signature(line));
}

/** The "(1) (2) … (n)" or "1 2 … n" column-number row: n ≥ 3 items numbered 1, 2, 3 … left to right. */
export function isIndexLine(line: PdfLine): boolean {
  if (line.items.length < 3) return false;
  let expected = 1;
  for (const item of line.items) {
    const m = INDEX_CELL.exec(item.text.trim());
    if (!m || Number(m[1]) !== expected) return false;
    expected++;
  }
  return true;
}

/** Items split where the gap is wider than about an em: the cells of a line before columns are known. */
function chunks(line: PdfLine): { x0: number; x1: number; items: PdfItem[] }[] {
  const out: { x0: number; x1: number; items: PdfItem[] }[] = [];
  for (const item of line.items) {
    const last = out[out.length - 1];
    if (last && item.x - last.x1 <= 0.9 * item.size) {
      last.items.push(item);
      last.x1 = Math.max(last.x1, item.x + item.width);
    } else out.push({ x0: item.x, x1: item.x + item.width, items: [item] });
  }
  return out;
}

/** The usual step between the baselines of consecutive lines (a low percentile: wrapped lines). */
function linePitch(lines: readonly PdfLine[]): number {
  const steps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const step = lines[i]!.y - lines[i - 1]!.y;
    if (step > 0.8 * lines[i]!.size) steps.push(step);
  }
  if (steps.length === 0) return 1.2 * (lines[0]?.size ?? 10);
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length * 0.2)]!;
}

/** Joins the wrapped lines of one cell; a wrap right after a "-" or "/" attached to a word is no space. */
export function joinCellLines(lines: readonly string[]): string {
  let out = '';
  for (const line of lines) {
    if (line === '') continue;
    if (out === '') out = line;
    else out += /\S[-/]$/.test(out) ? line : ` ${line}`;
  }
  return out;
}

// --- columns ---------------------------------------------------------------------------------

/**
 * Coverage histogram: how many text items cover each quarter point across the page, summed over
 * the pages read. Column edges are where it is lowest between two column anchors.
 */
class Coverage {
  private counts = new Float64Array(0);

  add(items: Iterable<PdfItem>): void {
    for (const item of items) {
      const from = Math.max(0, Math.floor(item.x / BIN));
      const to = Math.max(from + 1, Math.ceil((item.x + item.width) / BIN));
      if (to + 1 > this.counts.length) this.grow(to + 1);
      // Difference array: +1 at the start, −1 after the end; prefix-summed in edges().
      this.diff[from] = this.diff[from]! + 1;
      this.diff[to] = this.diff[to]! - 1;
      this.dirty = true;
    }
  }

  private diff = new Float64Array(0);
  private dirty = false;

  private grow(size: number): void {
    const n = Math.max(size, 4096);
    const diff = new Float64Array(n);
    diff.set(this.diff);
    this.diff = diff;
    this.counts = new Float64Array(n);
    this.dirty = true;
  }

  reset(): void {
    this.diff.fill(0);
    this.counts.fill(0);
    this.dirty = false;
  }

  /**
   * For each pair of neighbouring anchors, the x between them crossed by the least text. When the
   * anchors are left-aligned like the entries (their starts are where entry text starts), the edge is
   * simply just before the next anchor.
   */
  edges(anchors: readonly Span[], leftAligned: boolean, previous: readonly number[] | undefined): number[] {
    if (this.dirty) {
      let run = 0;
      for (let i = 0; i < this.diff.length; i++) {
        run += this.diff[i]!;
        this.counts[i] = run;
      }
      this.dirty = false;
    }
    const out: number[] = [];
    for (let k = 0; k + 1 < anchors.length; k++) {
      const left = anchors[k]!;
      const right = anchors[k + 1]!;
      if (leftAligned) {
        out.push(Math.max(left.x1, right.x0 - LEFT_PAD));
        continue;
      }
      out.push(this.lowest(Math.ceil(left.x1 / BIN), Math.floor(right.x0 / BIN), previous?.[k]) ?? (left.x1 + right.x0) / 2);
    }
    return out;
  }

  /**
   * The middle of the best run of least-covered bins in [from, to]: runs touching neither end win
   * (text ending on one side and starting on the other — a real cell edge), then the widest. The
   * previous edge is kept when it still lies in such a run, so edges do not wander between pages.
   */
  private lowest(from: number, to: number, previous: number | undefined): number | undefined {
    if (to <= from) return undefined;
    const at = (i: number): number => (i < this.counts.length ? this.counts[i]! : 0);
    let min = Infinity;
    for (let i = from; i <= to; i++) min = Math.min(min, at(i));
    let best: { start: number; end: number; closed: boolean } | undefined;
    let keep = false;
    for (let i = from; i <= to; i++) {
      if (at(i) !== min) continue;
      let j = i;
      while (j + 1 <= to && at(j + 1) === min) j++;
      const run = { start: i, end: j, closed: i > from && j < to };
      if (previous !== undefined && previous >= i * BIN && previous <= (j + 1) * BIN && run.closed) keep = true;
      if (!best || (run.closed && !best.closed) || (run.closed === best.closed && run.end - run.start > best.end - best.start)) best = run;
      i = j;
    }
    if (keep) return previous;
    return best ? ((best.start + best.end + 1) / 2) * BIN : undefined;
  }
}

function columnOf(x: number, edges: readonly number[]): number {
  let c = 0;
  while (c < edges.length && x >= edges[c]!) c++;
  return c;
}

/** A line's text per column. */
function cellsOf(line: PdfLine, edges: readonly number[]): string[] {
  const groups: PdfItem[][] = [];
  for (const item of line.items) {
    const c = columnOf(centre(item), edges);
    (groups[c] ??= []).push(item);
  }
  const out: string[] = [];
  for (let c = 0; c <= edges.length; c++) out.push(groups[c] ? joinItems(groups[c]!) : '');
  return out;
}

const filledColumns = (cells: readonly string[]): number => cells.reduce((n, t) => n + (t === '' ? 0 : 1), 0);

// --- the table -------------------------------------------------------------------------------

interface OpenRecord {
  readonly page: number;
  readonly line: number;
  readonly cells: string[][];
  lastY: number;
  /** Column-1 text of the record's last line, when that line had any (a wrapped symbol). */
  lastFirst: string;
}

/** Rebuilds the register table page by page; finish() returns its rows. */
export class TableBuilder {
  private readonly rows: RawRow[] = [];
  private nextRow = 1;
  private started = false;
  private anchors: Span[] = [];
  private leftAligned = false;
  private edges: number[] = [];
  private readonly coverage = new Coverage();
  /** Texts of the cover, header and index lines: printed again at the top of later pages. */
  private readonly repeated = new Set<string>();
  private record: OpenRecord | undefined;

  addPage(page: PdfPageText): void {
    const lines = page.lines.filter((l) => !isPageNumber(l));
    if (!this.started) {
      this.startTable(page, lines);
      return;
    }
    let first = 0;
    while (first < lines.length && (this.repeated.has(signature(lines[first]!)) || isIndexLine(lines[first]!))) {
      if (isIndexLine(lines[first]!)) this.reanchor(lines[first]!.items.map(spanOf), lines.slice(first + 1));
      first++;
    }
    this.addData(page.page, lines.slice(first));
  }

  finish(): RawRow[] {
    this.closeRecord();
    return this.rows;
  }

  private emit(values: readonly RawValue[], page: number, line: number): void {
    this.rows.push({ row: this.nextRow++, values, page, line });
  }

  private reanchor(anchors: readonly Span[], data: readonly PdfLine[]): void {
    const same = anchors.length === this.anchors.length && anchors.every((a, i) => Math.abs(a.x0 - this.anchors[i]!.x0) < 2 && Math.abs(a.x1 - this.anchors[i]!.x1) < 2);
    if (same) return;
    this.anchors = [...anchors];
    this.leftAligned = leftAligned(anchors, data);
    this.edges = [];
    this.coverage.reset();
  }

  /** Until the table starts: cover lines; then the header band, the index row and the first records. */
  private startTable(page: PdfPageText, lines: readonly PdfLine[]): void {
    const indexAt = lines.findIndex(isIndexLine);
    let bandStart: number;
    let dataStart: number;
    if (indexAt >= 0) {
      this.anchors = lines[indexAt]!.items.map(spanOf);
      dataStart = indexAt + 1;
      this.leftAligned = leftAligned(this.anchors, lines.slice(dataStart));
      this.addCoverage(lines.slice(dataStart));
      this.edges = this.coverage.edges(this.anchors, this.leftAligned, undefined);
      bandStart = this.bandTop(lines, indexAt);
    } else {
      const top = lines.findIndex((l) => chunks(l).length >= 3);
      if (top < 0) {
        // A cover page, or no table at all: every line is a row of its own.
        for (const line of lines) this.emit([signature(line)], page.page, line.number);
        return;
      }
      const bandEnd = this.headerEnd(lines, top);
      this.anchors = headerAnchors(lines.slice(top, bandEnd));
      dataStart = bandEnd;
      this.leftAligned = leftAligned(this.anchors, lines.slice(dataStart));
      this.addCoverage(lines.slice(dataStart));
      this.edges = this.coverage.edges(this.anchors, this.leftAligned, undefined);
      bandStart = this.bandTop(lines, bandEnd);
    }
    this.started = true;
    // Cover lines, each a row; a blank gap before the header stands for one empty row.
    for (let i = 0; i < bandStart; i++) {
      const line = lines[i]!;
      this.repeated.add(signature(line));
      this.emit(cellsOf(line, this.edges), page.page, line.number);
    }
    const bandEnd = indexAt >= 0 ? indexAt : dataStart;
    const lastCover = lines[bandStart - 1];
    const bandFirst = lines[bandStart];
    if (lastCover && bandFirst && bandFirst.y - lastCover.y > BLANK_ROW_GAP * Math.max(bandFirst.size, lastCover.size)) this.nextRow++;
    const band = lines.slice(bandStart, bandEnd);
    for (const line of band) this.repeated.add(signature(line));
    for (const row of this.headerRows(band)) this.emit(row.values, page.page, row.line);
    if (indexAt >= 0) {
      const index = lines[indexAt]!;
      this.repeated.add(signature(index));
      this.emit(cellsOf(index, this.edges), page.page, index.number);
    }
    this.addData(page.page, lines.slice(dataStart), true);
  }

  private addCoverage(lines: readonly PdfLine[]): void {
    for (const line of lines) this.coverage.add(line.items);
  }

  /**
   * Where the header band begins, above line `end` (the index row or the first record). Going up,
   * lines belong to the header while no blank gap separates them; the band starts at the topmost
   * line with text in two or more columns, or above it at single-cell lines that are the wrapped
   * first lines of a header cell below. Lines above are cover lines.
   */
  private bandTop(lines: readonly PdfLine[], end: number): number {
    let top = end;
    let topMulti = -1;
    for (let i = end - 1; i >= 0; i--) {
      const line = lines[i]!;
      if (top < end && lines[top]!.y - line.y > BLANK_ROW_GAP * line.size) break;
      top = i;
      if (filledColumns(cellsOf(line, this.edges)) >= 2) topMulti = i;
    }
    if (topMulti < 0) return end;
    let start = topMulti;
    while (start > top) {
      const line = lines[start - 1]!;
      const cells = cellsOf(line, this.edges);
      if (filledColumns(cells) !== 1) break;
      const c = cells.findIndex((t) => t !== '');
      const below = lines.slice(start, end).find((l) => cellsOf(l, this.edges)[c] !== '');
      if (!below || below.y - line.y > HEADER_WRAP * line.size) break;
      start--;
    }
    return start;
  }

  /**
   * Without an index row: the header band is the first line with three or more cells and the lines
   * after it set in the same fonts (headers are bold, entries not); when header and entries share
   * one font, the lines up to the next one with text in the first cell.
   */
  private headerEnd(lines: readonly PdfLine[], top: number): number {
    const fonts = new Set(lines[top]!.items.map((i) => i.font));
    let end = top + 1;
    while (end < lines.length && lines[end]!.items.every((i) => fonts.has(i.font))) end++;
    if (end < lines.length && end - top <= 6) return end;
    // One font throughout: continue while the first header cell stays empty.
    const firstCell = chunks(lines[top]!)[0]!;
    end = top + 1;
    while (end < lines.length) {
      const line = lines[end]!;
      if (line.y - lines[end - 1]!.y > HEADER_WRAP * line.size) break;
      if (line.items.some((i) => i.x < firstCell.x1 && i.x + i.width > firstCell.x0)) break;
      end++;
    }
    return end;
  }

  /**
   * The header band as one row, or as two when a column holds two separate blocks of text (a group
   * label over sub-headers: "Văn bản đi" over "Số, ký hiệu | Ngày tháng | …"). Then blocks above
   * the split go to the top row, those below to the second, and a block spanning the split — a
   * header merged over both rows — to the top row, as a spreadsheet stores a merged cell.
   */
  private headerRows(band: readonly PdfLine[]): { values: string[]; line: number }[] {
    if (band.length === 0) return [];
    const width = this.edges.length + 1;
    // Each column's header text line by line, at its own baseline (a line groups baselines a few
    // points apart: vertically centred cells of different heights).
    const perColumn: { y: number; text: string; size: number; line: number }[][] = Array.from({ length: width }, () => []);
    for (const line of band) {
      const groups: PdfItem[][] = [];
      for (const it of line.items) (groups[columnOf(centre(it), this.edges)] ??= []).push(it);
      groups.forEach((items, c) => {
        if (items) perColumn[c]!.push({ y: Math.min(...items.map((i) => i.y)), text: joinItems(items), size: line.size, line: line.number });
      });
    }
    // Lines of one wrapped cell are one line pitch apart; a wider step in a column is a second block.
    const steps = perColumn.flatMap((parts) => parts.slice(1).map((p, i) => ({ step: p.y - parts[i]!.y, size: p.size })));
    const wraps = steps.filter((s) => s.step <= HEADER_WRAP_MAX * s.size).map((s) => s.step);
    const isBreak = (step: number, size: number): boolean => (wraps.length > 0 ? step > 1.2 * Math.min(...wraps) && step > HEADER_WRAP_MIN * size : step > HEADER_WRAP_MAX * size);
    const splits: number[] = [];
    for (const parts of perColumn) {
      for (let i = 1; i < parts.length; i++) if (isBreak(parts[i]!.y - parts[i - 1]!.y, parts[i]!.size)) splits.push((parts[i]!.y + parts[i - 1]!.y) / 2);
    }
    const line = band[0]!.number;
    if (splits.length === 0) return [{ values: perColumn.map((p) => joinCellLines(p.map((x) => x.text))), line }];
    splits.sort((a, b) => a - b);
    const split = splits[Math.floor(splits.length / 2)]!;
    const top: string[] = [];
    const sub: string[] = [];
    for (const parts of perColumn) {
      const above = parts.filter((p) => p.y < split);
      const below = parts.filter((p) => p.y >= split);
      const twoBlocks = parts.some((p, i) => i > 0 && isBreak(p.y - parts[i - 1]!.y, p.size));
      if (twoBlocks || above.length === 0) {
        top.push(joinCellLines(above.map((p) => p.text)));
        sub.push(joinCellLines(below.map((p) => p.text)));
      } else {
        top.push(joinCellLines(parts.map((p) => p.text)));
        sub.push('');
      }
    }
    const subLine = Math.min(...perColumn.flatMap((parts) => parts.filter((p) => p.y >= split).map((p) => p.line)));
    return [
      { values: top, line },
      { values: sub, line: Number.isFinite(subLine) ? subLine : line },
    ];
  }

  /** Entry lines: a record per line with column-1 text, continued by the lines below it. */
  private addData(pageNumber: number, lines: readonly PdfLine[], coverageAdded = false): void {
    if (lines.length === 0) return;
    if (!coverageAdded) {
      this.addCoverage(lines);
      this.edges = this.coverage.edges(this.anchors, this.leftAligned, this.edges);
    }
    const pitch = linePitch(lines);
    let previous: PdfLine | undefined;
    for (const line of lines) {
      const cells = cellsOf(line, this.edges);
      const first = cells[0]!;
      const record = this.record;
      let continues = false;
      if (record) {
        if (!previous) continues = first === ''; // top of a new page: a row split over the break
        else if (first === '') continues = line.y - previous.y <= RECORD_BREAK * pitch;
        else continues = record.lastY === previous.y && /[-/]$/.test(record.lastFirst) && line.y - previous.y <= RECORD_BREAK * pitch;
      }
      if (continues && record) {
        cells.forEach((text, c) => {
          if (text !== '') (record.cells[c] ??= []).push(text);
        });
        record.lastY = line.y;
        record.lastFirst = first;
      } else {
        this.closeRecord();
        this.record = { page: pageNumber, line: line.number, cells: cells.map((t) => (t === '' ? [] : [t])), lastY: line.y, lastFirst: first };
      }
      previous = line;
    }
  }

  private closeRecord(): void {
    const record = this.record;
    if (!record) return;
    this.record = undefined;
    const values: RawValue[] = record.cells.map((lines) => (lines.length === 0 ? null : joinCellLines(lines)));
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    this.emit(values, record.page, record.line);
  }
}

/** Column anchors from the header band when there is no index row: overlapping header cells merge. */
function headerAnchors(band: readonly PdfLine[]): Span[] {
  const spans = band.flatMap(chunks).map((c) => ({ x0: c.x0, x1: c.x1 }));
  spans.sort((a, b) => a.x0 - b.x0);
  const merged: { x0: number; x1: number }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.x0 <= last.x1 + GLUE_EM) last.x1 = Math.max(last.x1, s.x1);
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * Whether the anchors are left-aligned like the entries: in at least half of the columns after the
 * first, some entry text starts where the anchor starts.
 */
function leftAligned(anchors: readonly Span[], data: readonly PdfLine[]): boolean {
  let hits = 0;
  for (let k = 1; k < anchors.length; k++) {
    const x0 = anchors[k]!.x0;
    if (data.some((l) => l.items.some((i) => Math.abs(i.x - x0) <= 0.6))) hits++;
  }
  return anchors.length > 2 && hits >= Math.max(2, (anchors.length - 1) / 2);
}
