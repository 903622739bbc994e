// HTML tables → RawWorkbook: the "Xuất Excel" buttons of web software write an HTML page (often with
// Excel's `x:` attributes and an `<x:ExcelWorksheet>` block in a head comment) and name it `.xls`;
// Excel's own "Web Page" save looks the same. Each top-level `<table>` is a sheet; the lines of text
// before it (the register's title block: "UBND XÃ A", "SỔ ĐĂNG KÝ VĂN BẢN ĐI"…) are its leading
// rows, one line a row, text in column 0; lines after the last table are trailing rows of the last
// sheet (signature blocks), lines between two tables lead the second.
//
// HTML is not XML: the tokenizer here is forgiving (unclosed `<td>`, `<tr>`, `<p>`, unquoted
// attributes, any case, comments, `<script>`/`<style>` skipped, named and numeric entities), linear
// in the input (every search is an indexOf from the current position), and never recursive. Spans
// follow the xlsx reader's merges: the value in the top-left cell, the covered cells empty (null)
// and occupied, so that later cells of the row shift right.

import { dayNumber, dayToSerial1900, isValidYmd } from '../core/dates.js';
import { utf16WithoutBom } from './text-encoding.js';
import { InputError, detach, withFileName } from './types.js';
import type { RawRow, RawSheet, RawValue, RawWorkbook } from './types.js';

/** Rows per sheet (Excel's limit): a longer table is refused, not truncated. */
export const MAX_ROWS = 1_048_576;
/** Columns A…XFD, as the xlsx reader. */
export const MAX_COLUMNS = 16_384;
/** HTML's own caps on spans (colspan 1000; rowspan 65,534, rounded up). */
export const MAX_COLSPAN = 1000;
export const MAX_ROWSPAN = 65_536;
/** Rows handed out per batch. */
const BATCH = 1000;
/** How far the sniffing helpers look. */
const SNIFF_CHARS = 64 * 1024;
/** How far `decodeMarkup` looks for a declared charset. */
const CHARSET_BYTES = 4096;

// ---------------------------------------------------------------------------------------------
// Bytes → text

/**
 * The text of an HTML (or XML) file: the charset from a BOM (UTF-8, UTF-16LE/BE), else from the
 * `<?xml encoding=…?>` declaration, else from a `<meta charset>` / `<meta http-equiv=Content-Type>`
 * in the first 4 KB, else UTF-8 if the bytes are valid UTF-8, else Windows-1258 (NFC, its separate
 * tone marks composed, as the CSV reader does). An unknown label reads as UTF-8; undecodable bytes
 * become U+FFFD, never an error.
 */
export function decodeMarkup(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeWith('utf-8', bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeWith('utf-16le', bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeWith('utf-16be', bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16 !== undefined) return decodeWith(utf16, bytes);
  const label = declaredCharset(bytes.subarray(0, CHARSET_BYTES));
  if (label !== undefined) return decodeWith(label, bytes, true);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeWith('windows-1258', bytes);
  }
}

/** `declared`: the label was read from ASCII bytes, so it cannot really be UTF-16 (HTML's rule). */
function decodeWith(label: string, bytes: Uint8Array, declared = false): string {
  let decoder = new TextDecoder('utf-8');
  try {
    decoder = new TextDecoder(label);
  } catch {
    // an unknown label: UTF-8
  }
  if (declared && decoder.encoding.startsWith('utf-16')) decoder = new TextDecoder('utf-8');
  const text = decoder.decode(bytes);
  return decoder.encoding === 'windows-1258' ? text.normalize('NFC') : text;
}

function declaredCharset(head: Uint8Array): string | undefined {
  // windows-1252 maps every byte to one character: ASCII markup reads as itself.
  const text = new TextDecoder('windows-1252').decode(head);
  const xml = /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']\s*([A-Za-z0-9._:-]{1,40})\s*["']/i.exec(text);
  if (xml) return xml[1];
  const meta = /<meta\b([^>]*)>/gi;
  for (let m = meta.exec(text); m; m = meta.exec(text)) {
    const charset = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})/i.exec(m[1] ?? '');
    if (charset) return charset[1];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Sniffing

const HTML_START = /^<(?:html|head|body|table|meta|title|style|link|base|script|div|p|center|h[1-6]|font|span|b)[\s>/]/;

/**
 * An HTML page with a table: it opens (after a BOM, white space, comments, a doctype or an XML
 * declaration) with an HTML tag, and `<table` occurs within the first 64 KB. An Excel 2003 XML
 * Spreadsheet (whose `<Table>` would match) is not one.
 */
export function looksLikeHtmlTable(text: string): boolean {
  let head = text.slice(0, SNIFF_CHARS);
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  const lower = head.toLowerCase();
  if (lower.includes('urn:schemas-microsoft-com:office:spreadsheet') && /<(?:[a-z_][\w.-]*:)?workbook[\s>/]/.test(lower)) return false;
  let p = 0;
  for (;;) {
    while (p < lower.length && isSpace(lower.charCodeAt(p))) p++;
    if (lower.startsWith('<!--', p)) {
      const end = lower.indexOf('-->', p + 4);
      if (end < 0) return false;
      p = end + 3;
    } else if (lower.startsWith('<!doctype', p) || lower.startsWith('<?', p)) {
      const end = lower.indexOf('>', p);
      if (end < 0) return false;
      p = end + 1;
    } else {
      break;
    }
  }
  return HTML_START.test(lower.slice(p, p + 16)) && /<table[\s>/]/.test(lower);
}

// ---------------------------------------------------------------------------------------------
// Entities

/** HTML 4's Latin-1 entities, U+00A0…U+00FF in order (Vietnamese exports write à á â ã è é ê ì í ò ó ô õ ù ú ý so). */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot ' +
  'cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml ' +
  'Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ' +
  'ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const OTHER_ENTITIES: readonly (readonly [string, number])[] = [
  ['quot', 34], ['amp', 38], ['apos', 39], ['lt', 60], ['gt', 62], ['QUOT', 34], ['AMP', 38], ['LT', 60], ['GT', 62],
  // Vietnamese letters HTML names (ă Ă đ Đ ĩ Ĩ ũ Ũ).
  ['Abreve', 0x102], ['abreve', 0x103], ['Dstrok', 0x110], ['dstrok', 0x111], ['Itilde', 0x128], ['itilde', 0x129],
  ['Utilde', 0x168], ['utilde', 0x169],
  ['OElig', 0x152], ['oelig', 0x153], ['Scaron', 0x160], ['scaron', 0x161], ['Yuml', 0x178], ['fnof', 0x192], ['circ', 0x2c6],
  ['tilde', 0x2dc], ['ensp', 0x2002], ['emsp', 0x2003], ['thinsp', 0x2009], ['zwnj', 0x200c], ['zwj', 0x200d], ['lrm', 0x200e],
  ['rlm', 0x200f], ['ndash', 0x2013], ['mdash', 0x2014], ['lsquo', 0x2018], ['rsquo', 0x2019], ['sbquo', 0x201a],
  ['ldquo', 0x201c], ['rdquo', 0x201d], ['bdquo', 0x201e], ['dagger', 0x2020], ['Dagger', 0x2021], ['bull', 0x2022],
  ['hellip', 0x2026], ['permil', 0x2030], ['prime', 0x2032], ['Prime', 0x2033], ['lsaquo', 0x2039], ['rsaquo', 0x203a],
  ['euro', 0x20ac], ['trade', 0x2122], ['larr', 0x2190], ['rarr', 0x2192], ['minus', 0x2212],
];

const NAMED = new Map<string, string>();
/** Entities HTML also reads without the `;` (the legacy ones). */
const LEGACY = new Set<string>(['amp', 'lt', 'gt', 'quot', 'AMP', 'LT', 'GT', 'QUOT']);
LATIN1.split(' ').forEach((name, i) => {
  NAMED.set(name, String.fromCharCode(0xa0 + i));
  LEGACY.add(name);
});
for (const [name, code] of OTHER_ENTITIES) NAMED.set(name, String.fromCharCode(code));

/** What HTML makes of character references 0x80–0x9F: the Windows-1252 characters. */
const C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const ENTITY = /&(?:#([0-9]{1,8})|#[xX]([0-9A-Fa-f]{1,8})|([A-Za-z][A-Za-z0-9]{0,31}))(;?)/g;

/** HTML character references decoded; an unknown one (or a bare `&`) stays as written. */
export function decodeHtmlEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (whole: string, dec?: string, hex?: string, name?: string, semi?: string) => {
    if (name !== undefined) {
      const char = NAMED.get(name);
      return char !== undefined && (semi === ';' || LEGACY.has(name)) ? char : whole;
    }
    const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex ?? '', 16);
    if (code >= 0x80 && code <= 0x9f) return String.fromCharCode(C1[code - 0x80] ?? code);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

// ---------------------------------------------------------------------------------------------
// Cell and line text

/** HTML white space, and the no-break space (`&nbsp;` pads empty cells of web exports). */
const WHITE_RUN = /[\t\n\f\r \u00a0]+/g;

/**
 * Text as a browser lays it out, reduced to characters: white space runs are one space, `<br>` a
 * newline, a block boundary (`</p>`, `<div>`…) one newline between paragraphs; the ends trimmed.
 */
class TextBuilder {
  private out = '';
  private space = false;
  private breaks = 0;
  private para = false;

  add(raw: string): void {
    const s = decodeHtmlEntities(raw).replace(WHITE_RUN, ' ');
    let start = 0;
    let end = s.length;
    if (end === 0) return;
    if (s.charCodeAt(0) === 32) {
      this.space = true;
      start = 1;
    }
    let trailing = false;
    if (end > start && s.charCodeAt(end - 1) === 32) {
      trailing = true;
      end--;
    }
    if (end > start) {
      if (this.out.length > 0) {
        if (this.breaks > 0) this.out += '\n'.repeat(this.breaks);
        else if (this.para) this.out += '\n';
        else if (this.space) this.out += ' ';
      }
      this.out += start === 0 && end === s.length ? s : s.slice(start, end);
      this.breaks = 0;
      this.para = false;
      this.space = false;
    }
    if (trailing) this.space = true;
  }

  br(): void {
    if (this.out.length > 0) this.breaks++;
  }

  block(): void {
    this.para = true;
  }

  gap(): void {
    this.space = true;
  }

  get empty(): boolean {
    return this.out.length === 0;
  }

  take(): string {
    const text = this.out;
    this.out = '';
    this.space = false;
    this.breaks = 0;
    this.para = false;
    return detach(text);
  }
}

// ---------------------------------------------------------------------------------------------
// Tokenizer

const TOK_EOF = 0;
const TOK_TEXT = 1;
const TOK_START = 2;
const TOK_END = 3;
const TOK_COMMENT = 4;

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const DQUOTE = 34;
const SQUOTE = 39;

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
const isAlpha = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Where a tag name ends (NaN past the end of the text counts as an end). */
const isNameEnd = (c: number): boolean => !(c === c) || isSpace(c) || c === GT || c === SLASH;

/**
 * Markup tokens, one at a time: text (a range of the source, not yet decoded), start and end tags
 * (lower-cased names; a start tag's attributes as a range, parsed on demand), comments and other
 * `<!…>`/`<?…>` constructs (content range). Nothing is ever an error: an unterminated construct
 * runs to the end of the text.
 */
class Scanner {
  pos = 0;
  /** Text, comment or attribute range of the last token. */
  start = 0;
  end = 0;
  name = '';

  constructor(readonly src: string) {}

  next(): number {
    const src = this.src;
    const n = src.length;
    for (;;) {
      const p = this.pos;
      if (p >= n) return TOK_EOF;
      if (src.charCodeAt(p) !== LT) {
        const lt = src.indexOf('<', p);
        return this.textTo(p, lt < 0 ? n : lt);
      }
      const c = src.charCodeAt(p + 1);
      if (isAlpha(c)) return this.startTag(p);
      if (c === SLASH) {
        const c2 = src.charCodeAt(p + 2);
        if (isAlpha(c2)) {
          let q = p + 3;
          while (q < n && !isNameEnd(src.charCodeAt(q))) q++;
          this.name = src.slice(p + 2, q).toLowerCase();
          const gt = src.indexOf('>', q);
          this.pos = gt < 0 ? n : gt + 1;
          return TOK_END;
        }
        if (c2 === GT) {
          this.pos = p + 3; // `</>`: nothing
          continue;
        }
        return this.bogusComment(p + 2);
      }
      if (c === BANG) {
        if (src.startsWith('<!--', p)) {
          const close = src.indexOf('-->', p + 4);
          this.start = p + 4;
          this.end = close < 0 ? n : close;
          this.pos = close < 0 ? n : close + 3;
          return TOK_COMMENT;
        }
        return this.bogusComment(p + 2);
      }
      if (c === QUESTION) return this.bogusComment(p + 2);
      // A `<` that opens nothing is text.
      const lt = src.indexOf('<', p + 1);
      return this.textTo(p, lt < 0 ? n : lt);
    }
  }

  private textTo(start: number, end: number): number {
    this.start = start;
    this.end = end;
    this.pos = end;
    return TOK_TEXT;
  }

  private bogusComment(from: number): number {
    const gt = this.src.indexOf('>', from);
    this.start = from;
    this.end = gt < 0 ? this.src.length : gt;
    this.pos = gt < 0 ? this.src.length : gt + 1;
    return TOK_COMMENT;
  }

  /** `<name attrs…>`: the attributes' range ends before `>`; a quoted value may hold `>`. */
  private startTag(p: number): number {
    const src = this.src;
    const n = src.length;
    let q = p + 2;
    while (q < n && !isNameEnd(src.charCodeAt(q))) q++;
    this.name = src.slice(p + 1, q).toLowerCase();
    this.start = q;
    let afterEquals = false;
    while (q < n) {
      const c = src.charCodeAt(q);
      if (c === GT) break;
      if (c === EQUALS) {
        afterEquals = true;
      } else if ((c === DQUOTE || c === SQUOTE) && afterEquals) {
        const close = src.indexOf(c === DQUOTE ? '"' : "'", q + 1);
        if (close < 0) {
          q = n;
          break;
        }
        q = close;
        afterEquals = false;
      } else if (!isSpace(c)) {
        afterEquals = false;
      }
      q++;
    }
    this.end = Math.min(q, n);
    this.pos = q < n ? q + 1 : n;
    return TOK_START;
  }

  /** After a start tag: the content of a raw-text element up to its end tag (which is consumed). */
  skipRawText(name: string): void {
    const src = this.src;
    const n = src.length;
    const from = this.pos;
    let p = from;
    for (;;) {
      const i = src.indexOf('</', p);
      if (i < 0) break;
      const after = i + 2 + name.length;
      if (src.slice(i + 2, after).toLowerCase() === name && isNameEnd(src.charCodeAt(after))) {
        const gt = src.indexOf('>', after);
        this.start = from;
        this.end = i;
        this.pos = gt < 0 ? n : gt + 1;
        return;
      }
      p = i + 2;
    }
    this.start = from;
    this.end = n;
    this.pos = n;
  }

  /** The attributes of the last start tag, names lower-cased, values decoded; the first of a name wins. */
  attributes(): Map<string, string> {
    const src = this.src;
    const end = this.end;
    const attrs = new Map<string, string>();
    let p = this.start;
    while (p < end) {
      let c = src.charCodeAt(p);
      if (isSpace(c) || c === SLASH) {
        p++;
        continue;
      }
      const nameStart = p;
      p++; // a name may start with `=`
      while (p < end) {
        c = src.charCodeAt(p);
        if (isSpace(c) || c === EQUALS || c === SLASH) break;
        p++;
      }
      const name = src.slice(nameStart, p).toLowerCase();
      while (p < end && isSpace(src.charCodeAt(p))) p++;
      let value = '';
      if (p < end && src.charCodeAt(p) === EQUALS) {
        p++;
        while (p < end && isSpace(src.charCodeAt(p))) p++;
        const quote = src.charCodeAt(p);
        if (quote === DQUOTE || quote === SQUOTE) {
          let close = src.indexOf(quote === DQUOTE ? '"' : "'", p + 1);
          if (close < 0 || close > end) close = end;
          value = src.slice(p + 1, close);
          p = close + 1;
        } else {
          const valueStart = p;
          while (p < end && !isSpace(src.charCodeAt(p))) p++;
          value = src.slice(valueStart, p);
        }
      }
      if (!attrs.has(name)) attrs.set(name, decodeHtmlEntities(value));
    }
    return attrs;
  }
}

// ---------------------------------------------------------------------------------------------
// Tables → rows

/** Elements whose content is not markup: skipped whole (a style sheet is read for text formats). */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template']);
/** Elements that begin and end a line of text. */
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'center', 'pre', 'address',
  'article', 'section', 'header', 'footer', 'nav', 'aside', 'main', 'figure', 'figcaption', 'form', 'fieldset', 'legend', 'hr', 'tr',
]);

/** Tags that shape the table itself (anything else inside a cell is the cell's content). */
const TABLE_PARTS = new Set(['table', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'caption']);
/** What may stand in a `<head>`: any other element starts the body (as in HTML). */
const HEAD_TAGS = new Set(['html', 'head', 'meta', 'link', 'base', 'title', 'style', 'script', 'noscript', 'template', 'xml', 'object', 'param']);

/** Excel's text number format, `mso-number-format:"\@"` (or `'\@'`, `\@`, `@`). */
const TEXT_FORMAT = /mso-number-format\s*:\s*["']?\\?@/i;
const NUMBER_TEXT = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;

/**
 * The order of D, M and Y in a LibreOffice `sdnum` ("1033;0;M/D/YYYY" → "MDY"; quoted text and
 * [bracketed] parts aside), or undefined when the format is no date with all three.
 */
export function dateOrderOf(sdnum: string | undefined): string | undefined {
  if (sdnum === undefined) return undefined;
  const code = sdnum.split(';').slice(2).join(';').replace(/"[^"]*"|\[[^\]]*\]/g, '').toUpperCase();
  let order = '';
  for (const ch of code) if ((ch === 'D' || ch === 'M' || ch === 'Y') && !order.includes(ch)) order += ch;
  return order.length === 3 ? order : undefined;
}

/** The 1900-system serial of a date shown as three numbers in `order` (`15/03/2024`, DMY), if it is one. */
export function serialFromText(text: string, order: string): number | undefined {
  const m = /^\s*(\d{1,4})\D{1,3}(\d{1,2})\D{1,3}(\d{1,4})(?:\D|$)/.exec(text);
  if (!m) return undefined;
  const parts: Record<string, number> = {};
  for (let i = 0; i < 3; i++) parts[order[i]!] = Number(m[i + 1]);
  let year = parts['Y']!;
  const month = parts['M']!;
  const day = parts['D']!;
  if (year < 100) year += year < 30 ? 2000 : 1900;
  return isValidYmd(year, month, day) ? dayToSerial1900(dayNumber(year, month, day)) : undefined;
}

const PHASE_TABLE = 0;
const PHASE_AFTER = 1;
const PHASE_DONE = 2;

class HtmlTableReader {
  private readonly s: Scanner;
  /** Excel's sheet names (`<x:Name>` in the head), in table order. */
  private readonly excelNames: string[] = [];
  /** Classes of the style sheets whose number format is text. */
  private readonly textClasses = new Set<string>();
  date1904 = false;
  private libreOffice = false;
  private seenTable = false;
  private inHead = false;
  private xmlDepth = 0;
  // LibreOffice's pages name each sheet in `<h1>Sheet N: <em>name</em></h1>` before its table.
  private inH1 = false;
  private emName: TextBuilder | undefined;
  private loName: string | undefined;
  // Text outside tables.
  private readonly line = new TextBuilder();
  private lines: string[] = [];
  /** A top-level `<table>` start tag was read: its sheet is next. */
  tableStarted = false;
  ended = false;
  // The current sheet.
  generation = 0;
  private phase = PHASE_DONE;
  private nested = 0;
  private rowOpen = false;
  private cellOpen = false;
  private rowNumber = 0;
  private values: RawValue[] = [];
  private cursor = 0;
  /** Per column, the last row a rowspan above covers it to. */
  private busy: number[] = [];
  private readonly cell = new TextBuilder();
  private colspan = 1;
  private rowspan = 1;
  private num: string | undefined;
  /** A LibreOffice date cell: the order of day, month and year in its format (`MDY` for M/D/YYYY). */
  private dateOrder: string | undefined;
  private bool: string | undefined;
  private textFormat = false;
  private out: RawRow[] = [];
  /** Column steps (covered cells walked, holes filled): bounded by the input's size, so spans cannot blow up. */
  private work = 0;
  private readonly maxWork: number;

  constructor(private readonly src: string) {
    this.s = new Scanner(src);
    this.maxWork = 4 * src.length + 1_000_000;
  }

  /** Reads up to the first top-level table (or the end): the head, the title block. */
  prelude(): void {
    while (!this.tableStarted && !this.ended) this.step();
  }

  get pendingLines(): number {
    return this.lines.length;
  }

  /** The name of the sheet about to begin. */
  sheetName(index: number, singleTable: () => boolean): string {
    const name = this.loName ?? this.excelNames[index];
    if (name !== undefined && name !== '') return name;
    return index === 0 && singleTable() ? 'Sheet1' : `Bảng ${index + 1}`;
  }

  /** Starts the sheet of the table just opened (or, with `linesOnly`, of the text of a page without one). */
  beginSheet(linesOnly = false): void {
    this.generation++;
    this.tableStarted = false;
    this.loName = undefined;
    this.rowNumber = 0;
    this.busy = [];
    this.nested = 0;
    this.rowOpen = false;
    this.cellOpen = false;
    this.emitLines();
    this.phase = linesOnly ? PHASE_DONE : PHASE_TABLE;
  }

  /** The next rows of the current sheet (at most BATCH, maybe none), or null once it is done. */
  pump(): RawRow[] | null {
    while (this.phase !== PHASE_DONE && this.out.length < BATCH) {
      if (this.tableStarted) {
        this.phase = PHASE_DONE; // the lines read since belong to the next table
      } else if (this.ended) {
        this.emitLines(); // after the last table: its trailing rows
        this.phase = PHASE_DONE;
      } else {
        this.step();
      }
    }
    if (this.out.length === 0) return this.phase === PHASE_DONE ? null : [];
    const rows = this.out;
    this.out = [];
    return rows;
  }

  private emitLines(): void {
    const lines = this.lines;
    this.lines = [];
    for (const text of lines) {
      this.nextRowNumber();
      this.out.push({ row: this.rowNumber, values: [text] });
    }
  }

  private nextRowNumber(): void {
    if (this.rowNumber >= MAX_ROWS) {
      throw new InputError('too-big', `a table of more than ${MAX_ROWS} rows`, { size: this.src.length });
    }
    this.rowNumber++;
  }

  private get inTable(): boolean {
    return this.phase === PHASE_TABLE;
  }

  /** One token. */
  private step(): void {
    const s = this.s;
    switch (s.next()) {
      case TOK_EOF:
        this.ended = true;
        if (this.inTable) this.closeTable();
        this.flushLine();
        return;
      case TOK_TEXT:
        if (this.inTable) {
          if (this.cellOpen) this.cell.add(this.src.slice(s.start, s.end));
        } else if (!this.inHead && this.xmlDepth === 0) {
          const text = this.src.slice(s.start, s.end);
          this.line.add(text);
          this.emName?.add(text);
        }
        return;
      case TOK_COMMENT:
        if (!this.seenTable) this.headComment(s.start, s.end);
        return;
      case TOK_START:
        this.startTag(s.name);
        return;
      case TOK_END:
        this.endTag(s.name);
        return;
    }
  }

  private startTag(name: string): void {
    const s = this.s;
    if (RAW_TEXT.has(name)) {
      s.skipRawText(name);
      if (name === 'style') this.styleSheet(this.src.slice(s.start, s.end));
      return;
    }
    if (this.inTable) {
      this.tableStartTag(name);
      return;
    }
    if (this.inHead && !HEAD_TAGS.has(name) && name.indexOf(':') < 0) this.inHead = false;
    switch (name) {
      case 'table':
        this.flushLine();
        this.seenTable = true;
        this.inHead = false;
        this.tableStarted = true;
        return;
      case 'head':
        this.inHead = true;
        return;
      case 'body':
        this.inHead = false;
        return;
      case 'meta': {
        const attrs = s.attributes();
        if ((attrs.get('name') ?? '').toLowerCase() === 'generator' && /^\s*libreoffice/i.test(attrs.get('content') ?? '')) {
          this.libreOffice = true;
        }
        return;
      }
      case 'xml':
        this.xmlDepth++;
        return;
      case 'x:name':
        s.skipRawText(name);
        if (!this.seenTable) this.excelNames.push(sheetNameText(this.src.slice(s.start, s.end)));
        return;
      case 'x:date1904':
        if (!this.seenTable) this.date1904 = true;
        return;
      case 'br':
        this.flushLine();
        return;
      case 'h1':
        this.flushLine();
        this.inH1 = true;
        return;
      case 'em':
        if (this.libreOffice && this.inH1) this.emName = new TextBuilder();
        return;
      default:
        if (BLOCKS.has(name)) this.flushLine();
    }
  }

  private endTag(name: string): void {
    if (this.inTable) {
      this.tableEndTag(name);
      return;
    }
    switch (name) {
      case 'head':
        this.inHead = false;
        return;
      case 'xml':
        if (this.xmlDepth > 0) this.xmlDepth--;
        return;
      case 'br':
        this.flushLine();
        return;
      case 'h1':
        this.flushLine();
        this.inH1 = false;
        return;
      case 'em':
        if (this.emName) {
          this.loName = this.emName.take();
          this.emName = undefined;
        }
        return;
      default:
        if (BLOCKS.has(name)) this.flushLine();
    }
  }

  private tableStartTag(name: string): void {
    if (this.nested > 0) {
      // A table nested in a cell: flattened to text, its rows as lines, its cells apart.
      if (name === 'table') this.nested++;
      this.cellMarkup(name);
      return;
    }
    if (this.cellOpen && !TABLE_PARTS.has(name)) {
      this.cellMarkup(name);
      return;
    }
    switch (name) {
      case 'table':
        if (this.cellOpen) {
          this.nested = 1;
          this.cell.block();
        } else {
          // A table start inside a table (not in a cell) closes it, as HTML parsers do.
          this.closeTable();
          this.seenTable = true;
          this.tableStarted = true;
        }
        return;
      case 'tr':
        this.closeRow();
        this.openRow();
        return;
      case 'td':
      case 'th':
        if (!this.rowOpen) this.openRow();
        this.closeCell();
        this.openCell(this.s.attributes());
        return;
      case 'caption':
        this.closeRow();
        this.openRow();
        this.openCell(new Map());
        return;
      case 'thead':
      case 'tbody':
      case 'tfoot':
        this.closeRow();
        return;
    }
  }

  private tableEndTag(name: string): void {
    if (this.nested > 0) {
      if (name === 'table') this.nested--;
      this.cellMarkup(name);
      return;
    }
    switch (name) {
      case 'table':
        this.closeTable();
        return;
      case 'tr':
      case 'caption':
      case 'thead':
      case 'tbody':
      case 'tfoot':
        this.closeRow();
        return;
      case 'td':
      case 'th':
        this.closeCell();
        return;
      default:
        this.cellMarkup(name);
    }
  }

  /** A tag inside a cell (or a table nested in it): line breaks, paragraph breaks, cell gaps. */
  private cellMarkup(name: string): void {
    if (!this.cellOpen) return;
    if (name === 'br') this.cell.br();
    else if (name === 'td' || name === 'th') this.cell.gap();
    else if (name === 'table' || BLOCKS.has(name)) this.cell.block();
  }

  private closeTable(): void {
    this.closeRow();
    this.phase = PHASE_AFTER;
  }

  private openRow(): void {
    this.nextRowNumber();
    this.rowOpen = true;
    this.values = [];
    this.cursor = 0;
  }

  private closeRow(): void {
    this.closeCell();
    if (!this.rowOpen) return;
    this.rowOpen = false;
    if (this.values.length > 0) {
      this.out.push({ row: this.rowNumber, values: this.values });
      this.values = [];
    }
  }

  private openCell(attrs: Map<string, string>): void {
    this.cellOpen = true;
    this.nested = 0;
    this.colspan = span(attrs.get('colspan'), MAX_COLSPAN);
    this.rowspan = span(attrs.get('rowspan'), MAX_ROWSPAN);
    // Excel's x:num, LibreOffice's sdval: the cell's number behind the text shown (a date shown as
    // 3/15/2024 is the day the workbook holds). LibreOffice counts sdval from its document's null
    // date (1904 books too), so a date cell's day is read from its text in the order of its format.
    this.num = attrs.get('x:num') ?? attrs.get('sdval');
    this.dateOrder = attrs.has('sdval') ? dateOrderOf(attrs.get('sdnum')) : undefined;
    this.bool = attrs.get('x:bool');
    let textFormat = TEXT_FORMAT.test(attrs.get('style') ?? '');
    const classes = attrs.get('class');
    if (!textFormat && classes !== undefined && this.textClasses.size > 0) {
      for (const c of classes.split(/\s+/)) if (this.textClasses.has(c)) textFormat = true;
    }
    this.textFormat = textFormat;
  }

  private closeCell(): void {
    if (!this.cellOpen) return;
    this.cellOpen = false;
    this.nested = 0;
    const value = this.cellValue(this.cell.take());
    const busy = this.busy;
    const row = this.rowNumber;
    let col = this.cursor;
    const start = col;
    while (col < busy.length && (busy[col] ?? 0) >= row) col++;
    const width = this.colspan;
    if (col + width > MAX_COLUMNS) {
      throw corrupt(`row ${row} of a table is wider than ${MAX_COLUMNS} columns`);
    }
    let work = col - start;
    const values = this.values;
    if (value !== null) {
      work += col - values.length;
      while (values.length < col) values.push(null);
      values[col] = value;
    }
    if (this.rowspan > 1) {
      const until = row + this.rowspan - 1;
      while (busy.length < col + width) busy.push(0);
      for (let c = col; c < col + width; c++) if ((busy[c] ?? 0) < until) busy[c] = until;
      work += width;
    }
    this.cursor = col + width;
    this.work += work;
    if (this.work > this.maxWork) {
      throw new InputError('too-big', 'table spans cover more cells than the file could hold', { size: this.src.length });
    }
  }

  private cellValue(text: string): RawValue {
    if (this.textFormat) return text === '' ? null : text;
    const num = this.num;
    if (this.dateOrder !== undefined) {
      const serial = serialFromText(text, this.dateOrder);
      if (serial !== undefined) return serial;
    }
    if (num !== undefined) {
      const v = num.trim();
      if (v !== '' && NUMBER_TEXT.test(v)) return Number(v);
      if (NUMBER_TEXT.test(text)) return Number(text);
    }
    const bool = this.bool;
    if (bool !== undefined) {
      const b = (bool.trim() === '' ? text : bool).trim().toUpperCase();
      if (b === 'TRUE' || b === '1') return true;
      if (b === 'FALSE' || b === '0') return false;
    }
    return text === '' ? null : text;
  }

  private flushLine(): void {
    if (this.line.empty) return;
    const text = this.line.take();
    // LibreOffice's pages hold nothing but sheet headings and an overview outside their tables.
    if (!this.libreOffice) this.lines.push(text);
  }

  /** A comment before the first table: Excel's `<xml>` block with the sheet names. */
  private headComment(start: number, end: number): void {
    const src = this.src;
    const x = src.indexOf('x:', start);
    if (x < 0 || x >= end) return;
    const text = src.slice(start, end);
    const name = /<x:Name>([^<]*)<\/x:Name\s*>/gi;
    for (let m = name.exec(text); m; m = name.exec(text)) this.excelNames.push(sheetNameText(m[1] ?? ''));
    if (/<x:Date1904\b/i.test(text)) this.date1904 = true;
  }

  /** Classes whose rule sets a text number format (`.xl65 {mso-number-format:"\@";}`). */
  private styleSheet(css: string): void {
    let p = 0;
    for (;;) {
      const open = css.indexOf('{', p);
      if (open < 0) return;
      const close = css.indexOf('}', open + 1);
      if (close < 0) return;
      if (TEXT_FORMAT.test(css.slice(open + 1, close))) {
        const selector = css.slice(Math.max(p, open - 1000), open);
        const cls = /\.([A-Za-z0-9_-]+)/g;
        for (let m = cls.exec(selector); m; m = cls.exec(selector)) this.textClasses.add(m[1] ?? '');
      }
      p = close + 1;
    }
  }
}

function sheetNameText(raw: string): string {
  return detach(decodeHtmlEntities(raw).replace(WHITE_RUN, ' ').trim());
}

/** A colspan/rowspan: a whole number from 1 to `max` (0, junk and absence read as 1). */
function span(value: string | undefined, max: number): number {
  if (value === undefined) return 1;
  const n = parseInt(value.trim(), 10);
  return n >= 1 ? Math.min(n, max) : 1;
}

function corrupt(detail: string): InputError {
  return new InputError('corrupt', detail, { detail });
}

/**
 * Whether the page has one top-level table at most. A quick count of `<table` tags settles it
 * when there are fewer than two; else the tokenizer counts, skipping comments and scripts (it stops
 * at the second table, so a page of several tables is not read twice).
 */
function hasSingleTable(text: string): boolean {
  const quick = /<table[\s>/]/gi;
  if (!quick.exec(text) || !quick.exec(text)) return true;
  const s = new Scanner(text);
  let depth = 0;
  let count = 0;
  for (let kind = s.next(); kind !== TOK_EOF; kind = s.next()) {
    if (kind === TOK_START) {
      if (RAW_TEXT.has(s.name)) s.skipRawText(s.name);
      else if (s.name === 'table' && depth++ === 0 && ++count >= 2) return false;
    } else if (kind === TOK_END && s.name === 'table' && depth > 0) {
      depth--;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------

/**
 * The tables of an HTML page as sheets (format 'html'). Sheets are named by Excel's `<x:Name>`
 * entries (in table order), by LibreOffice's headings, else "Sheet1" for a page's only table and
 * "Bảng N" when there are several. A page with text but no table gives one sheet of its lines; a
 * page with neither, no sheet. Strings are the text as shown; `x:num` (and LibreOffice's `sdval`) cells are numbers
 * (`x:num="45321"`, or the text when the attribute has no value), `x:bool` cells booleans; a text
 * number format (`mso-number-format:"\@"`, inline or by class) keeps the string. The page's own
 * date system is honoured (`<x:Date1904/>`).
 */
export function readHtmlTables(text: string, opts: { fileName?: string }): RawWorkbook {
  const file = opts.fileName;
  const reader = new HtmlTableReader(text);
  let single: boolean | undefined;
  const singleTable = (): boolean => (single ??= hasSingleTable(text));

  async function* rows(generation: number): AsyncGenerator<readonly RawRow[]> {
    for (;;) {
      if (reader.generation !== generation) return;
      let batch: RawRow[] | null;
      try {
        batch = reader.pump();
      } catch (error) {
        throw asInputError(error, file);
      }
      if (batch === null) return;
      if (batch.length > 0) yield batch;
    }
  }

  async function* sheets(): AsyncGenerator<RawSheet> {
    try {
      reader.prelude();
    } catch (error) {
      throw asInputError(error, file);
    }
    let index = 0;
    while (reader.tableStarted) {
      const name = reader.sheetName(index, singleTable);
      reader.beginSheet();
      yield { name, index, date1904: reader.date1904, rows: rows(reader.generation) };
      // Rows the consumer left unread are read (and dropped) to reach the next table.
      try {
        while (reader.pump() !== null);
      } catch (error) {
        throw asInputError(error, file);
      }
      index++;
    }
    if (index === 0 && reader.pendingLines > 0) {
      reader.beginSheet(true);
      yield { name: 'Sheet1', index: 0, date1904: reader.date1904, rows: rows(reader.generation) };
    }
  }

  return { format: 'html', sheets: sheets() };
}

/** Any failure → InputError ('corrupt' unless already one), with the file name in its data. */
function asInputError(error: unknown, file: string | undefined): InputError {
  const result = error instanceof InputError ? error : corrupt(error instanceof Error ? error.message : String(error));
  return withFileName(result, file);
}
