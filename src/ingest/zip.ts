// A tiny reader for a zip's central directory, over bytes already in memory. No dependencies and
// no Node APIs, so it stays browser-safe: inflating is done by a function the caller passes in
// (Node: `zlib.inflateRawSync`). It exists so that a file can be judged (xlsx? ods? zip bomb?)
// from its directory before exceljs inflates anything (tech-notes §3: a bomb can kill the process).

/** Why the bytes could not be read as a zip. `no-eocd` usually means a truncated download. */
export type ZipErrorKind = 'no-eocd' | 'bad-directory' | 'bad-entry' | 'unsupported-method' | 'too-big';

export class ZipError extends Error {
  readonly kind: ZipErrorKind;
  constructor(kind: ZipErrorKind, detail: string) {
    super(`${kind}: ${detail}`);
    this.name = 'ZipError';
    this.kind = kind;
  }
}

export interface ZipEntry {
  /** Path inside the zip as stored (UTF-8 or, without the UTF-8 flag, read as Latin-1/CP437-ish). */
  readonly name: string;
  /** 0 = stored, 8 = deflate. */
  readonly method: number;
  /** General-purpose flags; bit 0 = encrypted, bit 3 = sizes in a data descriptor. */
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  /** Where the central directory starts: local entries all lie before it. */
  readonly centralDirectoryOffset: number;
  readonly zip64: boolean;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number =>
  ((b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) | ((b[at + 2] ?? 0) << 16)) + (b[at + 3] ?? 0) * 0x1000000;
/** 64-bit little-endian as a double: exact up to 2^53, far beyond any file we accept. */
const u64 = (b: Uint8Array, at: number): number => u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** True when the bytes start with a local file header (`PK\3\4`) or an empty zip's EOCD. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const sig = u32(bytes, 0);
  return sig === SIG_LOCAL || sig === SIG_EOCD;
}

/** Offset of the End Of Central Directory record, or -1. Scans back over a possible comment. */
export function findEocd(bytes: Uint8Array): number {
  const last = bytes.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    // Cheap first-byte test before the full signature: this loop may run 64k times on a non-zip.
    if (bytes[at] !== 0x50 || u32(bytes, at) !== SIG_EOCD) continue;
    // A real EOCD's comment ends at (or, with trailing junk, before) the end of the file.
    if (at + EOCD_SIZE + u16(bytes, at + 20) <= bytes.length) return at;
  }
  return -1;
}

/**
 * Lists the entries of the central directory. Throws `ZipError('no-eocd')` when there is no End
 * Of Central Directory record (truncated file) and `bad-directory` when it points outside the file.
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const eocd = findEocd(bytes);
  if (eocd < 0) throw new ZipError('no-eocd', 'no end-of-central-directory record');

  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  let zip64 = false;

  // ZIP64: the classic fields hold their maximum and the real values sit in a ZIP64 EOCD record,
  // found through the locator just before the classic EOCD.
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator >= 0 && u32(bytes, locator) === SIG_ZIP64_LOCATOR) {
      const record = u64(bytes, locator + 8);
      if (record + 56 > bytes.length || u32(bytes, record) !== SIG_ZIP64_EOCD) {
        throw new ZipError('bad-directory', 'ZIP64 end-of-central-directory record not found');
      }
      zip64 = true;
      count = u64(bytes, record + 32);
      cdSize = u64(bytes, record + 40);
      cdOffset = u64(bytes, record + 48);
    }
  }

  if (cdOffset + cdSize > bytes.length) {
    throw new ZipError('bad-directory', `central directory (${cdOffset}+${cdSize}) beyond end of file (${bytes.length})`);
  }

  const entries: ZipEntry[] = [];
  let at = cdOffset;
  const end = cdOffset + cdSize;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== SIG_CENTRAL) {
      throw new ZipError('bad-directory', `central directory entry ${i} is damaged`);
    }
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc32 = u32(bytes, at + 16);
    let compressedSize = u32(bytes, at + 20);
    let uncompressedSize = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let localHeaderOffset = u32(bytes, at + 42);
    const nameStart = at + 46;
    const extraStart = nameStart + nameLength;
    const next = extraStart + extraLength + commentLength;
    if (next > end) throw new ZipError('bad-directory', `central directory entry ${i} overruns the directory`);

    const nameBytes = bytes.subarray(nameStart, extraStart);
    const name = (flags & 0x800) !== 0 ? utf8.decode(nameBytes) : decodeLegacyName(nameBytes);

    if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      // ZIP64 extended information (header id 1): only the fields that overflowed, in this order.
      let x = extraStart;
      const xEnd = extraStart + extraLength;
      while (x + 4 <= xEnd) {
        const id = u16(bytes, x);
        const size = u16(bytes, x + 2);
        if (id === 0x0001) {
          let f = x + 4;
          if (uncompressedSize === 0xffffffff && f + 8 <= x + 4 + size) {
            uncompressedSize = u64(bytes, f);
            f += 8;
          }
          if (compressedSize === 0xffffffff && f + 8 <= x + 4 + size) {
            compressedSize = u64(bytes, f);
            f += 8;
          }
          if (localHeaderOffset === 0xffffffff && f + 8 <= x + 4 + size) {
            localHeaderOffset = u64(bytes, f);
          }
          zip64 = true;
          break;
        }
        x += 4 + size;
      }
    }

    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, localHeaderOffset });
    at = next;
  }
  return { entries, centralDirectoryOffset: cdOffset, zip64 };
}

// Names without the UTF-8 flag: ASCII in every xlsx/ods we know; decode as UTF-8 when valid
// (some writers forget the flag), else Latin-1, so that a lookup never throws.
function decodeLegacyName(nameBytes: Uint8Array): string {
  for (const b of nameBytes) {
    if (b >= 0x80) {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(nameBytes);
      } catch {
        return latin1.decode(nameBytes);
      }
    }
  }
  return latin1.decode(nameBytes);
}

/** Finds an entry by exact name, falling back to a case-insensitive match (OPC part names are). */
export function findEntry(dir: ZipDirectory, name: string): ZipEntry | undefined {
  const exact = dir.entries.find((e) => e.name === name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  return dir.entries.find((e) => e.name.toLowerCase() === lower);
}

/** Byte range of an entry's stored (compressed) data, read from its local header. */
export function entryDataRange(bytes: Uint8Array, entry: ZipEntry): { readonly start: number; readonly end: number } {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== SIG_LOCAL) {
    throw new ZipError('bad-entry', `local header of ${entry.name} not found at ${at}`);
  }
  // The local header's own name/extra lengths may differ from the central directory's.
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError('bad-entry', `data of ${entry.name} runs past the end of the file`);
  return { start, end };
}

export interface ExtractOptions {
  /** Refuse entries that declare more than this many uncompressed bytes (default 64 MB). */
  readonly maxBytes?: number;
}

/**
 * The uncompressed bytes of one (small) entry. Stored entries are returned as a view into `bytes`.
 * The declared size is checked before inflating and the result's size after it, so an entry that
 * lies about its size is still caught (after the fact).
 */
export function extractEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  inflateRaw: (data: Uint8Array) => Uint8Array,
  options: ExtractOptions = {},
): Uint8Array {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  if (entry.uncompressedSize > maxBytes) {
    throw new ZipError('too-big', `${entry.name} declares ${entry.uncompressedSize} bytes (limit ${maxBytes})`);
  }
  if ((entry.flags & 0x1) !== 0) throw new ZipError('unsupported-method', `${entry.name} is encrypted`);
  const { start, end } = entryDataRange(bytes, entry);
  const data = bytes.subarray(start, end);
  let out: Uint8Array;
  if (entry.method === 0) out = data;
  else if (entry.method === 8) out = inflateRaw(data);
  else throw new ZipError('unsupported-method', `${entry.name} uses compression method ${entry.method}`);
  if (out.length > maxBytes) throw new ZipError('too-big', `${entry.name} inflates to more than ${maxBytes} bytes`);
  return out;
}

/** Decodes an entry as UTF-8 text (BOM dropped). */
export function extractText(
  bytes: Uint8Array,
  entry: ZipEntry,
  inflateRaw: (data: Uint8Array) => Uint8Array,
  options: ExtractOptions = {},
): string {
  return utf8.decode(extractEntry(bytes, entry, inflateRaw, options));
}
