// The browser host: DecompressionStream for streaming inflate, fflate for the small synchronous parts
// (workbook.xml, rels: no synchronous inflater exists in browsers), a table CRC-32, and pdfjs's
// modern build with its worker code loaded into the same thread (the page already runs the engine in
// a Web Worker; pdfjs then needs no worker URL, no network and no file). No Node API here.
import { inflateSync } from 'fflate';
import { crc32 } from '../ingest/crc32.js';
import type { Host, PdfJsLoaded, PdfJsModule } from './host.js';

let pdfjs: Promise<PdfJsLoaded> | undefined;

async function loadPdfJs(): Promise<PdfJsLoaded> {
  const [module, worker] = await Promise.all([import('pdfjs-dist/build/pdf.mjs'), import('pdfjs-dist/build/pdf.worker.mjs')]);
  // pdfjs looks for an in-thread worker here before it tries to start one from a URL.
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  return { pdfjs: module as unknown as PdfJsModule, documentOptions: {} };
}

export const browserHost: Host = {
  inflateRaw: (data) => inflateSync(data),
  inflateRawStream: (data) => iterate(new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'))),
  crc32,
  loadPdfJs: () => (pdfjs ??= loadPdfJs()),
};

/** A web ReadableStream as an async iterable that releases the stream when the loop ends early. */
async function* iterate(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
