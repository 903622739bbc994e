// Entry point of ingestion: judge the bytes (sniff), then hand them to the matching reader.

import { readCsv } from './csv.js';
import { sniff } from './sniff.js';
import type { InflateRaw, SniffOptions } from './sniff.js';
import { InputError } from './types.js';
import type { RawWorkbook } from './types.js';
import { readXlsx } from './xlsx.js';

export { sniff } from './sniff.js';
export type { InflateRaw, SniffOptions, SniffResult } from './sniff.js';
export { InputError } from './types.js';

export interface OpenWorkbookDeps {
  readonly inflateRaw: InflateRaw;
}

export function openWorkbook(
  bytes: Uint8Array,
  fileName: string,
  deps: OpenWorkbookDeps,
  limits: Omit<SniffOptions, 'inflateRaw'> = {},
): RawWorkbook {
  const kind = sniff(bytes, fileName, { ...limits, inflateRaw: deps.inflateRaw });
  // A text file named .xlsx is a mistake worth naming (a CSV export renamed by hand), not a register to guess at.
  if (kind.format === 'csv' && /\.xls[xm]?$/i.test(fileName)) {
    throw new InputError('wrong-extension', `${fileName}: text (CSV) content in a spreadsheet file`, { file: fileName, actual: 'CSV' });
  }
  switch (kind.format) {
    case 'xlsx':
      return readXlsx(bytes, { date1904: kind.date1904, fileName });
    case 'csv':
      return readCsv(bytes);
    case 'pdf':
      return pdfWorkbook(bytes, fileName);
  }
}

/**
 * A PDF register, read when its sheets are first asked for: pdfjs is loaded only then (CLI start-up
 * stays fast), and reading errors surface inside the caller's iteration like any reader's.
 */
function pdfWorkbook(bytes: Uint8Array, fileName: string): RawWorkbook {
  return {
    format: 'pdf',
    sheets: (async function* () {
      const { readPdf } = await import('./pdf.js');
      yield* (await readPdf(bytes, fileName)).sheets;
    })(),
  };
}
