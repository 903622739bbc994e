// The Node host: zlib for inflating and CRCs, pdfjs's legacy build (its worker runs in-process under
// Node) with its CMaps and standard fonts as file paths. Only the CLI, its workers and src/index.ts
// (the package's Node entry) import this file.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import type { Host, PdfJsLoaded } from './host.js';

/** Output chunk size asked of zlib: fewer, larger chunks cost less per byte downstream. */
const CHUNK = 64 * 1024;

let pdfjs: Promise<PdfJsLoaded> | undefined;

/** Where pdfjs finds its CMaps and standard font data (file paths ending in '/', as its Node readers expect). */
function dataPaths(): PdfJsLoaded['documentOptions'] {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
  } catch {
    return {};
  }
}

export const nodeHost: Host = {
  inflateRaw: (data) => inflateRawSync(data),
  inflateRawStream: (data) => {
    const inflater = createInflateRaw({ chunkSize: CHUNK });
    inflater.end(data);
    return inflater;
  },
  crc32: (data, value) => crc32(data, value),
  // pdfjs is big: imported on the first PDF only, so that CLI start-up stays fast.
  loadPdfJs: () => (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').then((module) => ({ pdfjs: module, documentOptions: dataPaths() }))),
};
