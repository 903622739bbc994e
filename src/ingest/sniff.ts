// Pre-flight before any parser: decide what a file really is from its bytes, never its name.
// exceljs cannot tell an encrypted xlsx from an old .xls, reads an .ods as "0 sheets", and can
// crash the whole process on a zip bomb (tech-notes §3), so every verdict is made here first.

import { legacyTextEncoding, utf16WithoutBom, type TextEncoding } from './text-encoding.js';
import { InputError } from './types.js';
import { ZipError, extractText, findEntry, looksLikeZip, readZipDirectory } from './zip.js';
import type { ZipDirectory } from './zip.js';
import type { InflateRaw } from '../host/host.js';

export type SniffResult =
  | { readonly format: 'xlsx'; readonly date1904: boolean }
  | { readonly format: 'xls' }
  | { readonly format: 'ods' }
  | { readonly format: 'docx' }
  | { readonly format: 'html' }
  | { readonly format: 'xml-spreadsheet' }
  /** `legacy`: 8-bit text that is neither UTF-8 nor Windows-1258, read as Windows-1252 for TCVN3/VNI conversion. */
  | { readonly format: 'csv'; readonly encoding: TextEncoding; readonly legacy?: true }
  | { readonly format: 'pdf' };

export type { InflateRaw } from '../host/host.js';

/**
 * What sniffing an xlsx already read, handed on to the reader: the zip directory. (workbook.xml is
 * read again by the reader, which knows every encoding a part may have; sniff reads it as UTF-8
 * only, for the date system.)
 */
export interface SniffedZip {
  readonly directory: ZipDirectory;
}

export interface SniffOptions {
  /** Reject zips whose entries sum to more than this many uncompressed bytes (default 400 MB). */
  readonly maxUncompressedBytes?: number;
  /** Reject an entry, or the whole zip, that inflates more than this many times (default 100). */
  readonly maxCompressionRatio?: number;
  /**
   * The ratio test ignores entries (and totals) smaller than this (default 1 MB): a tiny, very
   * repetitive XML part can legitimately compress 100×, and only big expansions hurt.
   */
  readonly ratioFloorBytes?: number;
  /** Raw-deflate inflater for `xl/workbook.xml` (the host's). Needed for zips only. */
  readonly inflateRaw?: InflateRaw;
}

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024;
export const DEFAULT_MAX_COMPRESSION_RATIO = 100;
export const DEFAULT_RATIO_FLOOR_BYTES = 1024 * 1024;

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
/** How much of a file the text test looks at. */
const TEXT_SAMPLE_BYTES = 64 * 1024;
/** Share of control characters above which "text" is not believed. */
const MAX_CONTROL_SHARE = 0.02;

export function sniff(bytes: Uint8Array, fileName: string, options: SniffOptions = {}): SniffResult {
  return sniffDetailed(bytes, fileName, options).result;
}

/** sniff, with the zip directory and workbook.xml of an xlsx for the reader. */
export function sniffDetailed(bytes: Uint8Array, fileName: string, options: SniffOptions = {}): { readonly result: SniffResult; readonly zip?: SniffedZip } {
  const result = (r: SniffResult): { result: SniffResult } => ({ result: r });
  const file = fileName;
  if (bytes.length === 0) throw new InputError('empty', `${fileName} is empty`, { file });

  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return result({ format: 'pdf' }); // %PDF-

  if (startsWith(bytes, CFB_MAGIC)) {
    // An encrypted xlsx is an OLE compound file holding EncryptionInfo + EncryptedPackage streams.
    if (hasCfbStream(bytes, 'EncryptionInfo') || hasCfbStream(bytes, 'EncryptedPackage')) {
      throw new InputError('encrypted', `${fileName} is password-protected`, { file });
    }
    if (hasCfbStream(bytes, 'WordDocument')) throw new InputError('doc', `${fileName} is a Word 97-2003 (.doc) document`, { file });
    // Workbook (BIFF8), Book (BIFF5) or a damaged directory: the .xls reader tells them apart.
    return result({ format: 'xls' });
  }

  if (looksLikeZip(bytes)) return sniffZip(bytes, fileName, options);

  const text = classifyText(bytes);
  if (text === 'text' || text === 'utf-16le' || text === 'utf-16be' || text === 'windows-1258') {
    const markup = markupKind(bytes);
    if (markup === 'html') return result({ format: 'html' });
    if (markup === 'xml-spreadsheet') return result({ format: 'xml-spreadsheet' });
    if (markup) {
      throw new InputError('unsupported-type', `${fileName} is ${markup}, not a table file`, { file, detected: markup });
    }
    const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
    return result({ format: 'csv', encoding: text === 'text' ? (bom16 ?? 'utf-8') : text });
  }
  if (text === 'legacy') {
    // An 8-bit HTML export (its charset says which) is markup first.
    if (markupKind(bytes) === 'html') return result({ format: 'html' });
    return result({ format: 'csv', encoding: 'windows-1252', legacy: true });
  }
  throw new InputError('unsupported-type', `${fileName} is not a spreadsheet, csv or pdf`, { file });
}

function sniffZip(bytes: Uint8Array, fileName: string, options: SniffOptions): { readonly result: SniffResult; readonly zip?: SniffedZip } {
  const file = fileName;
  let dir: ZipDirectory;
  try {
    dir = readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipError && error.kind === 'no-eocd') {
      throw new InputError('truncated', `${fileName} is cut short (no zip directory)`, { file, size: bytes.length });
    }
    const detail = (error as Error).message;
    throw new InputError('corrupt', `${fileName}: ${detail}`, { file, detail });
  }

  checkZipBomb(dir, fileName, options);

  // No inflater is the caller's mistake, not the file's: a plain Error, never 'corrupt'.
  const inflateRaw = options.inflateRaw;
  if (!inflateRaw) throw new Error('sniff: a zip needs options.inflateRaw (the host\'s inflater)');
  const workbook = findEntry(dir, 'xl/workbook.xml');
  if (workbook) {
    let xml: string;
    try {
      xml = extractText(bytes, workbook, inflateRaw, { maxBytes: 16 * 1024 * 1024 });
    } catch (error) {
      const detail = `cannot read xl/workbook.xml: ${(error as Error).message}`;
      throw new InputError('corrupt', `${fileName}: ${detail}`, { file, detail });
    }
    return { result: { format: 'xlsx', date1904: readDate1904(xml) }, zip: { directory: dir } };
  }

  const mimetype = findEntry(dir, 'mimetype');
  let type = '';
  if (mimetype) {
    try {
      type = extractText(bytes, mimetype, inflateRaw, { maxBytes: 1024 }).trim();
    } catch {
      // An unreadable mimetype says nothing; the parts decide.
    }
  }
  if (type.startsWith(ODS_MIMETYPE) || (!type && findEntry(dir, 'content.xml'))) return { result: { format: 'ods' }, zip: { directory: dir } };
  if (findEntry(dir, 'word/document.xml')) return { result: { format: 'docx' }, zip: { directory: dir } };
  if (findEntry(dir, 'xl/workbook.bin')) throw new InputError('xlsb', `${fileName} is an Excel binary workbook (.xlsb)`, { file });
  if (type) {
    throw new InputError('not-xlsx', `${fileName} is a zip of type ${type}, not a spreadsheet`, { file, detected: type });
  }
  throw new InputError('not-xlsx', `${fileName} is a zip without a workbook`, { file, detected: zipKind(dir) });
}

function checkZipBomb(dir: ZipDirectory, fileName: string, options: SniffOptions): void {
  const maxTotal = options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  const maxRatio = options.maxCompressionRatio ?? DEFAULT_MAX_COMPRESSION_RATIO;
  const floor = options.ratioFloorBytes ?? DEFAULT_RATIO_FLOOR_BYTES;
  let uncompressed = 0;
  let compressed = 0;
  for (const entry of dir.entries) {
    uncompressed += entry.uncompressedSize;
    compressed += entry.compressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= floor && ratio > maxRatio) {
      throw bomb(fileName, entry.uncompressedSize, entry.compressedSize, ratio, maxTotal, maxRatio, entry.name);
    }
  }
  const ratio = uncompressed / Math.max(1, compressed);
  if (uncompressed > maxTotal || (uncompressed >= floor && ratio > maxRatio)) {
    throw bomb(fileName, uncompressed, compressed, ratio, maxTotal, maxRatio, '');
  }
}

function bomb(
  file: string,
  uncompressed: number,
  compressed: number,
  ratio: number,
  maxBytes: number,
  maxRatio: number,
  entry: string,
): InputError {
  const rounded = Math.round(ratio * 10) / 10;
  const where = entry ? ` (${entry})` : '';
  return new InputError(
    'zip-bomb',
    `${file}${where} inflates to ${uncompressed} bytes from ${compressed} (ratio ${rounded})`,
    { file, uncompressed, compressed, ratio: rounded, maxBytes, maxRatio, entry },
  );
}

function zipKind(dir: ZipDirectory): string {
  if (findEntry(dir, 'word/document.xml')) return 'docx';
  if (findEntry(dir, 'ppt/presentation.xml')) return 'pptx';
  if (findEntry(dir, 'xl/workbook.bin')) return 'xlsb';
  return 'zip';
}

/** `workbookPr@date1904`: Excel writes "1", LibreOffice "true" (exceljs only knows "1"). */
export function readDate1904(workbookXml: string): boolean {
  const tag = /<(?:[A-Za-z_][\w.-]*:)?workbookPr\b([^>]*)>/.exec(workbookXml);
  if (!tag) return false;
  const value = xmlAttributes(tag[1] ?? '').get('date1904');
  if (value === undefined) return false;
  const v = value.trim().toLowerCase();
  return v === '1' || v === 'true';
}

/** Attributes of one start tag's inner text, entity-decoded. Prefixes are kept (`r:id`). */
export function xmlAttributes(tagInner: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tagInner); m; m = re.exec(tagInner)) {
    attrs.set(m[1] ?? '', decodeXmlEntities(m[2] ?? m[3] ?? ''));
  }
  return attrs;
}

export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (whole, hex?: string, dec?: string, name?: string) => {
    if (hex !== undefined || dec !== undefined) {
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? '', 10);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    switch (name) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      default:
        return "'";
    }
  });
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/**
 * Whether a compound file holds a stream of this name. Directory entries are 128 bytes, aligned
 * on 128 after the 512-byte header, and start with the UTF-16LE name followed (at +64) by its byte
 * length including the terminator: checking both keeps cell text that happens to contain the
 * word from counting.
 */
function hasCfbStream(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const nameBytes = (name.length + 1) * 2;
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    if (bytes[at] !== first || bytes[at + 1] !== 0) continue;
    let same = true;
    for (let i = 1; i < name.length && same; i++) {
      same = bytes[at + i * 2] === name.charCodeAt(i) && bytes[at + i * 2 + 1] === 0;
    }
    if (same && ((bytes[at + 64] ?? 0) | ((bytes[at + 65] ?? 0) << 8)) === nameBytes) return true;
  }
  return false;
}

/**
 * 'text' = UTF-8 (or a BOM-declared UTF-16) and mostly printable; a BOM-less UTF-16 or a Windows-1258
 * text named as such; 'legacy' = printable but TCVN3/VNI (text-encoding.ts tells them apart).
 */
function classifyText(bytes: Uint8Array): 'text' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'legacy' | 'binary' {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const sample = bytes.subarray(2, Math.min(bytes.length, TEXT_SAMPLE_BYTES) & ~1);
    const chars = new TextDecoder(b0 === 0xff ? 'utf-16le' : 'utf-16be').decode(sample);
    return controlShare(chars) <= MAX_CONTROL_SHARE ? 'text' : 'binary';
  }
  const sample = bytes.subarray(0, Math.min(bytes.length, TEXT_SAMPLE_BYTES));
  let chars: string | undefined;
  try {
    // `stream: true` tolerates a character cut at the end of the sample.
    chars = new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: sample.length < bytes.length });
  } catch {
    chars = undefined;
  }
  if (chars !== undefined && controlShare(chars) <= MAX_CONTROL_SHARE) return 'text';
  const utf16 = utf16WithoutBom(sample);
  if (utf16 !== undefined) {
    const decoded = new TextDecoder(utf16).decode(sample.subarray(0, sample.length & ~1));
    return controlShare(decoded) <= MAX_CONTROL_SHARE ? utf16 : 'binary';
  }
  if (chars !== undefined) return 'binary';
  // Not UTF-8: a Vietnamese CSV saved in Windows-1258, TCVN3 or VNI is still printable bytes.
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return 'binary';
    if (isControl(b)) controls++;
  }
  if (controls / sample.length > MAX_CONTROL_SHARE) return 'binary';
  return legacyTextEncoding(sample) === 'windows-1258' ? 'windows-1258' : 'legacy';
}

function controlShare(chars: string): number {
  if (chars.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    if (c === 0) return 1;
    if (isControl(c)) controls++;
  }
  return controls / chars.length;
}

const isControl = (c: number): boolean => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f;

/** HTML or XML saved with a spreadsheet extension (web "Export to Excel" buttons do this). */
function markupKind(bytes: Uint8Array): 'html' | 'xml-spreadsheet' | 'xml' | undefined {
  const utf16 = bytes[0] === 0xff || bytes[0] === 0xfe ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : utf16WithoutBom(bytes.subarray(0, 4096));
  let head =
    utf16 !== undefined
      ? new TextDecoder(utf16).decode(bytes.subarray(bytes[0] === 0xff || bytes[0] === 0xfe ? 2 : 0, Math.min(bytes.length, 64 * 1024) & ~1))
      : new TextDecoder('windows-1252').decode(bytes.subarray(0, 32 * 1024));
  if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
  // UTF-8 read as Windows-1252 keeps its ASCII, which is all this looks at; a UTF-8 BOM shows as ï»¿.
  if (head.startsWith('\u00ef\u00bb\u00bf')) head = head.slice(3);
  const start = head.trimStart().slice(0, 200).toLowerCase();
  if (/^<(?:!doctype html|html|head|body|table|meta|style|title)\b/.test(start)) return 'html';
  if (/^<!--/.test(start) && /<(?:html|table)\b/i.test(head)) return 'html';
  if (start.startsWith('<?xml')) {
    if (/urn:schemas-microsoft-com:office:spreadsheet/i.test(head) && /<(?:ss:)?Workbook\b/.test(head)) return 'xml-spreadsheet';
    return /<html\b/i.test(head) ? 'html' : 'xml';
  }
  return undefined;
}
