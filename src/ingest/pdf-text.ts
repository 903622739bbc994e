// The PDF text layer shared by the register reader (./pdf.ts) and the issued-document reader
// (./pdf-document.ts): opening a PDF with pdfjs (loaded by the host on the first PDF, src/host/), bad
// PDFs as InputErrors, text items → positioned lines, and the checks that the text can be trusted at
// all (scans, scrambled font fallback). tech-notes §2.
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Host } from '../host/host.js';
import { InputError } from './types.js';

export type PdfDocument = PdfJs.PDFDocumentProxy;

/**
 * Opens a PDF. The bytes are copied: pdfjs detaches the buffer it is given (tech-notes §2), and the
 * caller's bytes must stay usable. pdfjs failures become InputErrors with their own codes.
 */
export async function openPdf(bytes: Uint8Array, fileName: string, host: Host): Promise<PdfDocument> {
  const { pdfjs, documentOptions } = await host.loadPdfJs();
  const data = new Uint8Array(bytes.length);
  data.set(bytes);
  const task = pdfjs.getDocument({
    data,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    ...documentOptions,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw pdfError(error, fileName);
  }
}

/** The InputError for an exception pdfjs threw while opening or reading a file. */
export function pdfError(error: unknown, fileName: string): InputError {
  if (error instanceof InputError) return error;
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  const message = error instanceof Error ? error.message : typeof error === 'object' && error !== null && 'message' in error ? String((error as { message: unknown }).message) : String(error);
  const file = fileName;
  // pdfjs: "No password given" / "Incorrect Password". An owner password alone never gets here.
  if (name === 'PasswordException') return new InputError('pdf-encrypted', `${fileName}: ${message}`, { file });
  const detail = message.trim() || name || 'unknown error';
  return new InputError('pdf-corrupt', `${fileName}: ${detail}`, { file, detail });
}

/** One text run as pdfjs reports it, in page coordinates with y growing downwards. */
export interface PdfItem {
  readonly text: string;
  readonly x: number;
  /** Baseline, from the top of the page. */
  readonly y: number;
  readonly width: number;
  /** Font size (the text matrix's vertical scale). */
  readonly size: number;
  readonly font: string;
}

export interface PdfLine {
  /** Baseline of the line's first item. */
  readonly y: number;
  /** Largest font size on the line. */
  readonly size: number;
  /** Non-blank items, left to right. */
  readonly items: readonly PdfItem[];
  /** 1-based line number on its page, top down. */
  readonly number: number;
}

export interface PdfPageText {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly PdfLine[];
  /** Non-whitespace characters on the page. */
  readonly chars: number;
}

interface RawTextItem {
  readonly str: string;
  readonly transform: readonly number[];
  readonly width: number;
  readonly fontName: string;
}

const isTextItem = (item: object): item is RawTextItem => 'str' in item && 'transform' in item;

/**
 * The text of one page as lines. Items are put in page (viewport) space, so a page stored rotated
 * reads the same as one stored upright; text that does not run left to right (margin notes set
 * vertically) is dropped. The page is cleaned up afterwards (tech-notes §2: memory stays flat).
 */
export async function readPageText(doc: PdfDocument, pageNumber: number, fileName: string): Promise<PdfPageText> {
  let page: PdfJs.PDFPageProxy;
  try {
    page = await doc.getPage(pageNumber);
  } catch (error) {
    throw pdfError(error, fileName);
  }
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const [a, b, c, d, e, f] = viewport.transform as [number, number, number, number, number, number];
    const items: PdfItem[] = [];
    let chars = 0;
    for (const raw of content.items) {
      if (!isTextItem(raw)) continue;
      const text = raw.str;
      if (text.trim() === '') continue;
      const t = raw.transform as [number, number, number, number, number, number];
      const dx = a * t[0] + c * t[1];
      const dy = b * t[0] + d * t[1];
      if (!(dx > 0) || Math.abs(dy) > 0.1 * dx) continue;
      const size = Math.hypot(a * t[2] + c * t[3], b * t[2] + d * t[3]);
      const nfc = text.normalize('NFC');
      for (let i = 0; i < nfc.length; i++) if (nfc.charCodeAt(i) > 32) chars++;
      items.push({ text: nfc, x: a * t[4] + c * t[5] + e, y: b * t[4] + d * t[5] + f, width: raw.width, size: size || 1, font: raw.fontName });
    }
    return { page: pageNumber, width: viewport.width, height: viewport.height, lines: groupLines(items), chars };
  } catch (error) {
    throw pdfError(error, fileName);
  } finally {
    page.cleanup();
  }
}

/** Whether a page paints any image (a scan). Only asked of pages with (almost) no text. */
export async function pageHasImages(doc: PdfDocument, pageNumber: number, fileName: string, host: Host): Promise<boolean> {
  const { pdfjs } = await host.loadPdfJs();
  const page = await doc.getPage(pageNumber).catch((error: unknown) => {
    throw pdfError(error, fileName);
  });
  try {
    const ops = await page.getOperatorList();
    const images = new Set<number>([pdfjs.OPS.paintImageXObject, pdfjs.OPS.paintInlineImageXObject, pdfjs.OPS.paintImageMaskXObject, pdfjs.OPS.paintImageXObjectRepeat]);
    return ops.fnArray.some((fn) => images.has(fn));
  } catch (error) {
    throw pdfError(error, fileName);
  } finally {
    page.cleanup();
  }
}

/**
 * Groups items into lines by baseline: one sort, then one sweep. Items whose baselines differ by
 * less than a third of the font size share a line (vertically centred header cells one half-line
 * apart stay on separate lines).
 */
export function groupLines(items: readonly PdfItem[]): PdfLine[] {
  const sorted = [...items].sort((p, q) => p.y - q.y || p.x - q.x);
  const lines: PdfLine[] = [];
  let current: PdfItem[] = [];
  let baseline = 0;
  let size = 0;
  const flush = (): void => {
    if (current.length === 0) return;
    current.sort((p, q) => p.x - q.x);
    lines.push({ y: baseline, size, items: current, number: lines.length + 1 });
    current = [];
  };
  for (const item of sorted) {
    if (current.length > 0 && item.y - baseline > 0.33 * Math.min(size, item.size)) flush();
    if (current.length === 0) {
      baseline = item.y;
      size = item.size;
    } else size = Math.max(size, item.size);
    current.push(item);
  }
  flush();
  return lines;
}

/** Two items closer than this share a word (runs split mid-word: "Nguy","ễ","n V"). */
export const GLUE_EM = 0.12;

/** The text of items in order: touching items glued, a space where there is a gap. */
export function joinItems(items: readonly PdfItem[]): string {
  let out = '';
  let end = -Infinity;
  for (const item of items) {
    if (out !== '' && item.x - end > GLUE_EM * item.size && !out.endsWith(' ') && !item.text.startsWith(' ')) out += ' ';
    out += item.text;
    end = Math.max(end, item.x + item.width);
  }
  return out.replace(/\s+/g, ' ').trim();
}

// --- can the text be trusted? ------------------------------------------------------------------

/**
 * Letters a font without full Vietnamese coverage lacks: LibreOffice then draws them from a
 * fallback font as separate runs laid over the gaps left in the base run ("Ph m Ng c Ánh" + "ạ",
 * "ọ"), and the text comes out scrambled (tech-notes §2).
 */
const DETACHABLE = /^[\u1EA0-\u1EF9\u01A0\u01A1\u01AF\u01B0\u0102\u0103\u0128\u0129\u0168\u0169]{1,3}$/;
const VOWELS = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ';
/** One Vietnamese syllable: onset, one to three vowels (one nucleus), coda. "k" coda for Đắk Lắk. */
const SYLLABLE = new RegExp(`^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?[${VOWELS}]{1,3}(?:ch|ng|nh|[cmnptk])?$`);
const VOWEL = new RegExp(`[${VOWELS}]`);
const LETTERS_ONLY = /^[\p{L}]+$/u;
const HAS_LOWER = /\p{Ll}/u;
const EDGE_PUNCTUATION = /^[("'“‘[]+|[)"'”’\].,;:!?…]+$/g;

export interface TextQualityStats {
  /** Words checked (letters only, with a lower-case letter: acronyms are not Vietnamese syllables). */
  readonly words: number;
  /** Of those, words no Vietnamese syllable can be ("Ph", "nh", "Ánhạ"). */
  readonly implausible: number;
  /** Of those, fragments without any vowel ("Ph", "nh", "b"): what is left when the toned vowel went missing. */
  readonly fragments: number;
  /** One-to-three-letter Vietnamese runs laid over another run on the same line. */
  readonly detached: number;
}

/** Counts, over a document's lines, the two symptoms of a scrambled Vietnamese text layer. */
export class TextQuality {
  private words = 0;
  private implausible = 0;
  private fragments = 0;
  private detached = 0;

  addLine(line: PdfLine): void {
    let end = -Infinity;
    const kept: PdfItem[] = [];
    for (const item of line.items) {
      const centre = item.x + item.width / 2;
      if (DETACHABLE.test(item.text.trim()) && centre < end - 0.05 * item.size) this.detached++;
      else kept.push(item);
      end = Math.max(end, item.x + item.width);
    }
    // Words of the line as read: runs that touch are one word ("Nguy" "ễ" "n" of an NFD name).
    this.addWords(joinItems(kept));
  }

  private addWords(text: string): void {
    for (const token of text.split(/\s+/)) {
      const word = token.replace(EDGE_PUNCTUATION, '');
      if (word === '' || !LETTERS_ONLY.test(word) || !HAS_LOWER.test(word)) continue;
      this.words++;
      const lower = word.toLowerCase();
      if (SYLLABLE.test(lower)) continue;
      this.implausible++;
      if (!VOWEL.test(lower)) this.fragments++;
    }
  }

  get stats(): TextQualityStats {
    return { words: this.words, implausible: this.implausible, fragments: this.fragments, detached: this.detached };
  }
}

/**
 * Thresholds, measured on registers printed with and without a Vietnamese font (the samples of
 * tech-notes §2 and fixtures/pdf): clean text has no detached letters, at most 0.5% implausible
 * words and no vowel-less fragments; the font-fallback printings have a detached letter for every
 * four or five words, and a third or more of their words broken. Either symptom alone, well past
 * noise, is enough: a register printed partly in the bad font still fails. Vowel-less fragments
 * rather than all implausible words make the second test, so that a page of English is not taken
 * for scrambled Vietnamese.
 */
export const SCRAMBLED = { minDetached: 8, detachedShare: 0.02, minFragments: 15, fragmentShare: 0.06 } as const;

export function isScrambled(s: TextQualityStats): boolean {
  if (s.detached >= SCRAMBLED.minDetached && s.detached >= SCRAMBLED.detachedShare * Math.max(1, s.words)) return true;
  return s.fragments >= SCRAMBLED.minFragments && s.fragments >= SCRAMBLED.fragmentShare * s.words;
}

/**
 * A page "without text" has fewer than this many non-blank characters; a document is a scan when
 * half its pages or more are such pages painting an image, or when it has no text at all (the
 * first `earlyPages` pages without text are enough to say so).
 */
export const SCANNED = { pageChars: 20, pageShare: 0.5, earlyPages: 8 } as const;
