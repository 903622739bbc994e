// Issued documents (văn bản đã ban hành) as PDF: what page 1 says about the document, laid out as
// NĐ 30/2020 Phụ lục I prescribes — agency | national motto, "Số: 12/QĐ-UBND" | "Bình Tấn, ngày 10
// tháng 01 năm 2024", then the type title in centred capitals (QUYẾT ĐỊNH, KẾ HOẠCH …) over the
// subject, or for a công văn no title and a "V/v …" subject under the number.
import { isScrambled, joinItems, openPdf, pageHasImages, readPageText, SCANNED, TextQuality, type PdfItem, type PdfLine } from './pdf-text.js';
import type { Host } from '../host/host.js';
import { InputError } from './types.js';

/** A piece of page 1: its text and its line on the page (1-based, top down). */
export interface DocumentField {
  readonly text: string;
  readonly line: number;
}

export interface PlaceDate extends DocumentField {
  /** "Bình Tấn", before the comma. */
  readonly place: string;
  /** The date when "ngày D tháng M năm YYYY" has numbers; absent for a blank draft date. */
  readonly date?: { readonly year: number; readonly month: number; readonly day: number };
}

export interface IssuedDocument {
  readonly pages: number;
  /** What follows "Số:" (the number and symbol, as printed). */
  readonly symbol?: DocumentField;
  readonly placeDate?: PlaceDate;
  /** The type title in capitals ("QUYẾT ĐỊNH"); absent for a công văn. */
  readonly title?: DocumentField;
  /** The "V/v …" line of a công văn, or the line(s) under the title. */
  readonly subject?: DocumentField;
}

const PDF_MAGIC = '%PDF-';
/** "Số: 12/QĐ-UBND", "Số 12/QĐ-UBND"; not the register header "Số, ký hiệu". */
const SYMBOL = /^Số\s*(?::\s*|\s+(?=\d))(.*)$/u;
/** "Bình Tấn, ngày 05 tháng 3 năm 2024"; a draft leaves the numbers blank or dotted. */
const PLACE_DATE = /^(.*?)[,\s]*\bngày\s*(\S*?)\s*tháng\s*(\S*?)\s*năm\s*(\d{4}|\S*)\s*$/iu;
/** Capital lines that are not a type title: motto, addressees, signature block. */
const NOT_A_TITLE = /^(?:CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|KÍNH GỬI|NƠI NHẬN|TM\.|KT\.|Q\.|TL\.|TUQ\.|CHỦ TỊCH|GIÁM ĐỐC|BỘ TRƯỞNG)/u;
const CAPITALS = /^[\p{Lu}\s,-]+$/u;
/** A gap wider than this (in font sizes) separates two blocks of one line (left | right column). */
const BLOCK_GAP = 1.5;

interface Block {
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly line: PdfLine;
}

/** The blocks of a line: items separated by a wide gap are the left and right columns of the header. */
function blocks(line: PdfLine): Block[] {
  const out: Block[] = [];
  let current: PdfItem[] = [];
  let end = -Infinity;
  const flush = (): void => {
    if (current.length === 0) return;
    const x0 = current[0]!.x;
    out.push({ text: joinItems(current), x0, x1: end, line });
    current = [];
  };
  for (const item of line.items) {
    if (current.length > 0 && item.x - end > BLOCK_GAP * item.size) flush();
    current.push(item);
    end = Math.max(end, item.x + item.width);
  }
  flush();
  return out;
}

/** Reads page 1 of an issued document. Bad PDFs throw InputError like registers do. */
export async function readDocument(bytes: Uint8Array, fileName: string, host: Host): Promise<IssuedDocument> {
  const file = fileName;
  if (bytes.length === 0) throw new InputError('empty', `${fileName} is empty`, { file });
  if (String.fromCharCode(...bytes.subarray(0, PDF_MAGIC.length)) !== PDF_MAGIC) {
    throw new InputError('unsupported-type', `${fileName} is not a PDF`, { file, detected: 'not-pdf' });
  }
  const doc = await openPdf(bytes, fileName, host);
  try {
    const page = await readPageText(doc, 1, fileName);
    if (page.chars < SCANNED.pageChars) {
      const images = await pageHasImages(doc, 1, fileName, host);
      throw new InputError('pdf-scanned', `${fileName}: page 1 has no text layer${images ? ' (an image: a scan)' : ''}`, { file, pages: doc.numPages });
    }
    const quality = new TextQuality();
    for (const line of page.lines) quality.addLine(line);
    const stats = quality.stats;
    if (isScrambled(stats)) {
      throw new InputError('pdf-scrambled', `${fileName}: ${stats.detached} detached letters, ${stats.fragments} word fragments on page 1`, {
        file,
        detached: stats.detached,
        implausible: stats.implausible,
        words: stats.words,
      });
    }
    return { pages: doc.numPages, ...readFields(page.lines, page.width) };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** The document's fields from the lines of page 1 (exported for tests on synthetic lines). */
export function readFields(lines: readonly PdfLine[], pageWidth: number): Omit<IssuedDocument, 'pages'> {
  let symbol: DocumentField | undefined;
  let placeDate: PlaceDate | undefined;
  let headerEnd = -1;
  for (let i = 0; i < lines.length && (!symbol || !placeDate); i++) {
    for (const b of blocks(lines[i]!)) {
      const s = SYMBOL.exec(b.text);
      if (!symbol && s) {
        symbol = { text: s[1]!.trim(), line: b.line.number };
        headerEnd = Math.max(headerEnd, i);
        continue;
      }
      const d = PLACE_DATE.exec(b.text);
      if (!placeDate && d) {
        placeDate = placeDateOf(b, d);
        headerEnd = Math.max(headerEnd, i);
      }
    }
  }
  const after = lines.slice(headerEnd + 1);
  let subject: DocumentField | undefined;
  let title: DocumentField | undefined;
  // A công văn: "V/v …" right under the number, possibly wrapped over a few lines of the left column.
  const vv = after.findIndex((l) => blocks(l).some((b) => /^V\/v\b/iu.test(b.text)));
  if (vv >= 0 && vv <= 3) {
    const first = blocks(after[vv]!).find((b) => /^V\/v\b/iu.test(b.text))!;
    subject = { text: continued(after, vv, first), line: after[vv]!.number };
  }
  // A typed document: the first centred line in capitals below the header is the type title.
  const centre = pageWidth / 2;
  const titleAt = after.findIndex((l, k) => {
    if (k > 12) return false;
    const bs = blocks(l);
    if (bs.length !== 1) return false;
    const b = bs[0]!;
    const mid = (b.x0 + b.x1) / 2;
    return CAPITALS.test(b.text) && /\p{Lu}{2}/u.test(b.text) && !NOT_A_TITLE.test(b.text) && Math.abs(mid - centre) < 0.15 * pageWidth;
  });
  if (titleAt >= 0 && (vv < 0 || titleAt < vv)) {
    title = { text: blocks(after[titleAt]!)[0]!.text, line: after[titleAt]!.number };
    const next = after[titleAt + 1];
    if (!subject && next && next.y - after[titleAt]!.y <= 2.2 * next.size) {
      const b = blocks(next);
      if (b.length === 1) subject = { text: continued(after, titleAt + 1, b[0]!), line: next.number };
    }
  }
  return { ...(symbol ? { symbol } : {}), ...(placeDate ? { placeDate } : {}), ...(title ? { title } : {}), ...(subject ? { subject } : {}) };
}

function placeDateOf(b: Block, m: RegExpExecArray): PlaceDate {
  const place = m[1]!.replace(/[,\s]+$/u, '').trim();
  const day = Number(m[2]);
  const month = Number(m[3]);
  const year = Number(m[4]);
  const numeric = [day, month, year].every((n) => Number.isInteger(n) && n > 0);
  return { text: b.text, line: b.line.number, place, ...(numeric ? { date: { year, month, day } } : {}) };
}

/** A block's text continued by the blocks right below it in the same column (a wrapped subject). */
function continued(lines: readonly PdfLine[], at: number, first: Block): string {
  const parts = [first.text];
  let previous = lines[at]!;
  for (let k = at + 1; k < lines.length && k <= at + 4; k++) {
    const line = lines[k]!;
    if (line.y - previous.y > 1.6 * line.size) break;
    const below = blocks(line).find((b) => b.x0 < first.x1 && b.x1 > first.x0);
    if (!below || /^(?:Kính gửi|Căn cứ)/iu.test(below.text) || CAPITALS.test(below.text)) break;
    parts.push(below.text);
    previous = line;
  }
  return parts.join(' ');
}
