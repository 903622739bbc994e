// Entry point of ingestion: judge the bytes (sniff), then hand them to the matching reader.
// A PDF is read when its sheets are first asked for: pdfjs loads only then, through the host.

import { readCsv } from './csv.js';
import type { Host } from '../host/host.js';
import { sniffDetailed } from './sniff.js';
import type { SniffOptions } from './sniff.js';
import { InputError } from './types.js';
import type { RawWorkbook } from './types.js';
import { readXlsx } from './xlsx.js';

export { sniff } from './sniff.js';
export type { SniffOptions, SniffResult } from './sniff.js';
export { InputError } from './types.js';

/**
 * Judges the bytes once and opens the matching reader, with the host's codecs (src/host/). The zip
 * directory and workbook.xml that sniffing read are handed on, never parsed twice.
 */
export function openWorkbook(bytes: Uint8Array, fileName: string, host: Host, limits: Omit<SniffOptions, 'inflateRaw'> = {}): RawWorkbook {
  const { result: kind, zip } = sniffDetailed(bytes, fileName, { ...limits, inflateRaw: host.inflateRaw });
  // A text file named .xlsx is a mistake worth naming (a CSV export renamed by hand), not a register to guess at.
  if (kind.format === 'csv' && /\.xls[xm]?$/i.test(fileName)) {
    throw new InputError('wrong-extension', `${fileName}: text (CSV) content in a spreadsheet file`, { file: fileName, actual: 'CSV' });
  }
  switch (kind.format) {
    case 'xlsx':
      return readXlsx(bytes, { date1904: kind.date1904, fileName, inflateRaw: host.inflateRaw, inflateRawStream: host.inflateRawStream, crc32: host.crc32, ...(zip ? { zip } : {}) });
    case 'csv':
      return readCsv(bytes, kind.encoding);
    case 'pdf':
      return pdfWorkbook(bytes, fileName, host);
  }
}

/**
 * A PDF register, read when its sheets are first asked for: pdfjs is loaded only then (CLI start-up
 * stays fast), and reading errors surface inside the caller's iteration like any reader's.
 */
function pdfWorkbook(bytes: Uint8Array, fileName: string, host: Host): RawWorkbook {
  return {
    format: 'pdf',
    sheets: (async function* () {
      const { readPdf } = await import('./pdf.js');
      yield* (await readPdf(bytes, fileName, host)).sheets;
    })(),
  };
}
