// The host seam: everything the engine needs from the platform it runs on, and nothing else. The
// engine (ingest, register model, rules, reports) takes bytes and a Host and returns data; only the
// files of this folder know Node (node.ts) or the browser (browser.ts). The CLI and its worker
// threads use the Node host, the web page the browser host; both call the same checkFiles.
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfJsModule = typeof PdfJs;

/** Raw-deflate (no zlib header) inflate of a whole part, synchronously. */
export type InflateRaw = (data: Uint8Array) => Uint8Array;

/**
 * Raw-deflate decompression as a stream: all the compressed bytes in, inflated chunks out as the
 * consumer asks for them (backpressure: nothing is inflated ahead of more than about one chunk).
 * Returning early from the iteration must release it (Node streams and web streams both do).
 */
export type InflateRawStream = (compressed: Uint8Array) => AsyncIterable<Uint8Array>;

/** CRC-32 of `data` continuing from `value` (0 to start), as `zlib.crc32` computes it. */
export type Crc32 = (data: Uint8Array, value: number) => number;

/** pdfjs, loaded on first use, with the document options its platform needs (data file locations). */
export interface PdfJsLoaded {
  readonly pdfjs: PdfJsModule;
  readonly documentOptions: { readonly cMapUrl?: string; readonly standardFontDataUrl?: string };
}

export interface Codecs {
  readonly inflateRaw: InflateRaw;
  readonly inflateRawStream: InflateRawStream;
  readonly crc32: Crc32;
}

export interface Host extends Codecs {
  /** Loads pdfjs (and gives it its worker). Called only when a PDF is read. */
  readonly loadPdfJs: () => Promise<PdfJsLoaded>;
}
