// Streaming the text of one zip entry, chunk by chunk, with its sizes and CRC held to what the zip
// directory declares. The codecs (inflate, CRC) are the host's (src/host/): this module never reaches
// for a platform API itself, so the same reader runs under Node and in a browser.

import type { Codecs, Crc32, InflateRaw, InflateRawStream } from '../host/host.js';
import { InputError, withFileName } from './types.js';
import { XmlError } from './xml-sax.js';
import { ZipError, entryDataRange, readZipDirectory } from './zip.js';
import type { ZipDirectory, ZipEntry } from './zip.js';

export type { Crc32, InflateRawStream } from '../host/host.js';

export type PartCodecs = Codecs;

/** Chunk size for stored (uncompressed) parts. */
const CHUNK = 64 * 1024;

/** The codecs to use; a missing inflater is the caller's mistake (a plain Error), never the file's. */
export function partCodecs(given: {
  readonly inflateRaw?: InflateRaw | undefined;
  readonly inflateRawStream?: InflateRawStream | undefined;
  readonly crc32?: Crc32 | undefined;
}): PartCodecs {
  const { inflateRaw, inflateRawStream, crc32 } = given;
  if (!inflateRaw || !inflateRawStream || !crc32) throw new Error('readXlsx: pass the host\'s inflateRaw, inflateRawStream and crc32');
  return { inflateRaw, inflateRawStream, crc32 };
}

export const ratioOf = (uncompressed: number, compressed: number): number =>
  Math.round((uncompressed / Math.max(1, compressed)) * 10) / 10;

/**
 * Any failure reading a zip part → InputError: 'corrupt' with the part named in the detail unless
 * already an InputError (XmlError: not well-formed; others, unforeseen — a RangeError on a monstrous
 * string — still a file-level error, not a crash). With a file name, it is added to the data (once).
 */
export function partError(error: unknown, file?: string, entry?: ZipEntry): InputError {
  if (error instanceof InputError) return withFileName(error, file);
  const message = error instanceof Error ? error.message : String(error);
  const where = entry ? `${entry.name}: ` : '';
  const data = entry ? { entry: entry.name } : {};
  return withFileName(corrupt(error instanceof XmlError ? `${where}malformed XML: ${message}` : `${where}${message}`, data), file);
}

/** The zip directory (read here unless sniff already did): a file cut short is 'truncated', else 'corrupt'. */
export function openZipDirectory(bytes: Uint8Array, given?: ZipDirectory): ZipDirectory {
  if (given) return given;
  try {
    return readZipDirectory(bytes);
  } catch (error) {
    if (error instanceof ZipError && error.kind === 'no-eocd') {
      throw new InputError('truncated', 'no zip directory: the file is cut short', { size: bytes.length });
    }
    throw corrupt((error as Error).message);
  }
}

/** 'corrupt' with its `detail` (the message catalog shows it). */
export function corrupt(detail: string, data: Readonly<Record<string, string | number>> = {}): InputError {
  return new InputError('corrupt', detail, { ...data, detail });
}

/**
 * Checks that an entry can be streamed at all (not encrypted, a known method, data inside the
 * file) and returns where its compressed data lies. Cheap: used before any row is read.
 */
export function entryRange(bytes: Uint8Array, entry: ZipEntry): { readonly start: number; readonly end: number } {
  if ((entry.flags & 0x1) !== 0) throw new InputError('encrypted', `${entry.name} is encrypted inside the zip`);
  if (entry.method !== 0 && entry.method !== 8) {
    throw corrupt(`${entry.name} uses unsupported compression method ${entry.method}`, { entry: entry.name });
  }
  if (entry.compressedSize >= 0xffffffff || entry.uncompressedSize >= 0xffffffff) {
    throw new InputError('zip-bomb', `${entry.name} is over 4 GB`, {
      entry: entry.name,
      uncompressed: entry.uncompressedSize,
      compressed: entry.compressedSize,
      ratio: ratioOf(entry.uncompressedSize, entry.compressedSize),
    });
  }
  try {
    return entryDataRange(bytes, entry);
  } catch (error) {
    if (error instanceof ZipError) throw new InputError('truncated', error.message, { entry: entry.name });
    throw error;
  }
}

export interface EntryTextOptions {
  readonly codecs: PartCodecs;
  /** Most bytes any one part may inflate to, whatever it declares. */
  readonly maxBytes: number;
}

/**
 * The entry's text, decoded as it inflates (UTF-8, or UTF-16 after a BOM; a UTF-8 BOM is
 * dropped). Throws InputError: 'zip-bomb' as soon as the output passes the declared size or
 * `maxBytes`; 'corrupt' when inflating fails, or at the end when size or CRC do not match.
 */
export async function* entryText(bytes: Uint8Array, entry: ZipEntry, options: EntryTextOptions): AsyncGenerator<string> {
  const { start, end } = entryRange(bytes, entry);
  const declared = entry.uncompressedSize;
  const overLimit = (inflated: number): InputError => {
    const limit = Math.min(declared, options.maxBytes);
    const detail =
      limit === declared ? `${entry.name} inflates past its declared ${declared} bytes` : `${entry.name} inflates past ${limit} bytes`;
    return new InputError('zip-bomb', detail, {
      entry: entry.name,
      uncompressed: inflated,
      declared,
      compressed: entry.compressedSize,
      ratio: ratioOf(inflated, entry.compressedSize),
      maxBytes: options.maxBytes,
    });
  };
  if (declared > options.maxBytes) throw overLimit(declared);

  const data = bytes.subarray(start, end);
  const source = entry.method === 0 ? storedChunks(data) : options.codecs.inflateRawStream(data);
  const crc32 = options.codecs.crc32;
  const iterator = source[Symbol.asyncIterator]();
  let decoder: ChunkDecoder | undefined;
  let inflated = 0;
  let crc = 0;
  try {
    for (;;) {
      let step: IteratorResult<Uint8Array>;
      try {
        step = await iterator.next();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw corrupt(`cannot inflate ${entry.name}: ${message}`, { entry: entry.name });
      }
      if (step.done) break;
      const chunk = step.value;
      inflated += chunk.length;
      if (inflated > declared || inflated > options.maxBytes) throw overLimit(inflated);
      crc = crc32(chunk, crc);
      decoder ??= chunkDecoderFor(chunk);
      const text = decoder.decode(chunk);
      if (text.length > 0) yield text;
    }
    if (decoder) {
      const tail = decoder.end();
      if (tail.length > 0) yield tail;
    }
    if (inflated !== declared) {
      throw corrupt(`${entry.name} inflates to ${inflated} bytes, not the ${declared} its zip entry declares`, {
        entry: entry.name,
      });
    }
    if (crc >>> 0 !== entry.crc32 >>> 0) {
      throw corrupt(`${entry.name} fails its CRC check`, { entry: entry.name });
    }
  } finally {
    // Early exit (error, bomb, or the consumer stopped): release the inflater. A failure to do
    // so must not hide the error that brought us here.
    try {
      await iterator.return?.();
    } catch {
      // released or failed already
    }
  }
}

async function* storedChunks(data: Uint8Array): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += CHUNK) yield data.subarray(at, Math.min(data.length, at + CHUNK));
}

type Decoder = InstanceType<typeof TextDecoder>;

interface ChunkDecoder {
  decode(chunk: Uint8Array): string;
  end(): string;
}

function chunkDecoderFor(first: Uint8Array): ChunkDecoder {
  if ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff)) {
    const decoder = decoderFor(first);
    return { decode: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
  }
  return new Utf8ChunkDecoder();
}

/**
 * UTF-8 chunk by chunk. `TextDecoder` with `{stream: true}` leaves Node's fast (simdutf) path for
 * ICU and costs about 3 ns a byte; here each chunk is cut after its last complete character and
 * decoded whole, and the few bytes of a character split across chunks are decoded on their own.
 */
class Utf8ChunkDecoder implements ChunkDecoder {
  /** Strips a BOM (first chunk only). */
  private readonly first = new TextDecoder('utf-8');
  /** Keeps U+FEFF where it occurs later. */
  private readonly rest = new TextDecoder('utf-8', { ignoreBOM: true });
  private started = false;
  private carry: Uint8Array | undefined;

  decode(chunk: Uint8Array): string {
    let head = '';
    let data = chunk;
    const carry = this.carry;
    if (carry) {
      const need = utf8Length(carry[0] ?? 0) - carry.length;
      const joined = new Uint8Array(carry.length + Math.min(need, data.length));
      joined.set(carry);
      joined.set(data.subarray(0, joined.length - carry.length), carry.length);
      this.carry = undefined;
      if (data.length < need) {
        this.carry = joined;
        return '';
      }
      head = this.decodeWhole(joined);
      data = data.subarray(need);
    }
    const cut = completeEnd(data);
    if (cut < data.length) this.carry = data.slice(cut);
    const body = this.decodeWhole(data.subarray(0, cut));
    // join, not +: a flat string, not a rope (the tokenizer scans it character by character).
    return head === '' ? body : [head, body].join('');
  }

  end(): string {
    const carry = this.carry;
    this.carry = undefined;
    return carry ? this.decodeWhole(carry) : '';
  }

  private decodeWhole(data: Uint8Array): string {
    if (data.length === 0) return '';
    const decoder = this.started ? this.rest : this.first;
    this.started = true;
    return decoder.decode(data);
  }
}

/** Bytes of the UTF-8 sequence a lead byte starts (1 for anything that cannot start one). */
function utf8Length(lead: number): number {
  if (lead >= 0xf0 && lead <= 0xf7) return 4;
  if (lead >= 0xe0) return lead <= 0xef ? 3 : 1;
  if (lead >= 0xc0) return 2;
  return 1;
}

/** Where the last complete UTF-8 sequence of `data` ends (its length, if nothing is cut). */
function completeEnd(data: Uint8Array): number {
  const len = data.length;
  // Walk back over at most three continuation bytes to the lead byte of the last sequence.
  let at = len - 1;
  while (at >= 0 && at > len - 4 && ((data[at] ?? 0) & 0xc0) === 0x80) at--;
  if (at < 0) return len;
  const lead = data[at] ?? 0;
  if (lead < 0x80) return len;
  return at + utf8Length(lead) > len ? at : len;
}

function decoderFor(first: Uint8Array): Decoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

/** The whole text of a small entry (workbook.xml, its rels), synchronously. */
export function entryTextSync(bytes: Uint8Array, entry: ZipEntry, codecs: PartCodecs, maxBytes: number): string {
  const { start, end } = entryRange(bytes, entry);
  if (entry.uncompressedSize > maxBytes) throw corrupt(`${entry.name} declares ${entry.uncompressedSize} bytes (limit ${maxBytes})`);
  const data = bytes.subarray(start, end);
  let out: Uint8Array;
  try {
    out = entry.method === 0 ? data : codecs.inflateRaw(data);
  } catch (error) {
    throw corrupt(`cannot inflate ${entry.name}: ${error instanceof Error ? error.message : String(error)}`, { entry: entry.name });
  }
  if (out.length > maxBytes) throw corrupt(`${entry.name} inflates to more than ${maxBytes} bytes`, { entry: entry.name });
  return decoderFor(out).decode(out);
}
