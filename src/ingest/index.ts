// Entry point of ingestion: judge the bytes (sniff), then hand them to the matching reader.
// A PDF is read when its sheets are first asked for: pdfjs loads only then, through the host.

import { readCsv } from './csv.js';
import { readDocx } from './docx.js';
import type { Host } from '../host/host.js';
import { decodeMarkup, readHtmlTables } from './html-table.js';
import { withLegacyConversion } from './legacy-wrap.js';
import { readOds } from './ods.js';
import { sniffDetailed } from './sniff.js';
import type { SniffOptions } from './sniff.js';
import type { RawNotice, RawWorkbook, SourceFormat } from './types.js';
import { readXls } from './xls.js';
import { readXlsx } from './xlsx.js';
import { readXmlSpreadsheet } from './xml-spreadsheet.js';

export { sniff } from './sniff.js';
export type { SniffOptions, SniffResult } from './sniff.js';
export { InputError } from './types.js';

/** What each format is called when a file's extension says otherwise (language-neutral names). */
const FORMAT_NAME: Record<SourceFormat, string> = {
  xlsx: 'Excel (.xlsx)',
  xls: 'Excel 97–2003 (.xls)',
  html: 'HTML',
  'xml-spreadsheet': 'Excel 2003 XML',
  ods: 'OpenDocument (.ods)',
  docx: 'Word (.docx)',
  csv: 'CSV',
  pdf: 'PDF',
};

/** The formats a file with this extension may hold without being misnamed. */
const EXPECTED: Readonly<Record<string, readonly SourceFormat[]>> = {
  xlsx: ['xlsx'],
  xlsm: ['xlsx'],
  xltx: ['xlsx'],
  xls: ['xls'],
  xlt: ['xls'],
  ods: ['ods'],
  docx: ['docx'],
  csv: ['csv'],
  txt: ['csv'],
  tsv: ['csv'],
  htm: ['html'],
  html: ['html'],
  xml: ['xml-spreadsheet'],
  pdf: ['pdf'],
};

/**
 * Judges the bytes once and opens the matching reader, with the host's codecs (src/host/). The zip
 * directory and workbook.xml that sniffing read are handed on, never parsed twice. Content decides
 * the format; a file whose extension says another gets a `renamed` notice. Text in a legacy
 * Vietnamese font encoding (TCVN3, VNI) is converted to Unicode as it is read, with a notice.
 */
export function openWorkbook(bytes: Uint8Array, fileName: string, host: Host, limits: Omit<SniffOptions, 'inflateRaw'> = {}): RawWorkbook {
  const { result: kind, zip } = sniffDetailed(bytes, fileName, { ...limits, inflateRaw: host.inflateRaw });
  const codecs = { fileName, inflateRaw: host.inflateRaw, inflateRawStream: host.inflateRawStream, crc32: host.crc32, ...(zip ? { zip } : {}) };
  let workbook: RawWorkbook;
  switch (kind.format) {
    case 'xlsx':
      workbook = readXlsx(bytes, { date1904: kind.date1904, ...codecs });
      break;
    case 'xls':
      workbook = readXls(bytes, { fileName });
      break;
    case 'ods':
      workbook = readOds(bytes, codecs);
      break;
    case 'docx':
      workbook = readDocx(bytes, codecs);
      break;
    case 'html':
      workbook = readHtmlTables(decodeMarkup(bytes), { fileName });
      break;
    case 'xml-spreadsheet':
      workbook = readXmlSpreadsheet(decodeMarkup(bytes), { fileName });
      break;
    case 'csv':
      workbook = readCsv(bytes, kind.encoding);
      break;
    case 'pdf':
      return pdfWorkbook(bytes, fileName, host);
  }
  const notices: RawNotice[] = [];
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toLowerCase();
  const expected = extension !== undefined ? EXPECTED[extension] : undefined;
  if (extension !== undefined && expected && !expected.includes(workbook.format)) {
    notices.push({ code: 'renamed', actual: FORMAT_NAME[workbook.format], extension });
  }
  return withLegacyConversion(workbook, notices, kind.format === 'csv' && kind.legacy === true);
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
