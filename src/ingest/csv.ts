// CSV exports of registers: one sheet, RFC 4180 quoting, delimiter guessed from the first lines.
// Vietnamese Windows uses ',' as the decimal mark and so ';' as Excel's list separator: both occur.

import { decodeAs, type TextEncoding } from './text-encoding.js';
import type { RawRow, RawSheet, RawValue, RawWorkbook } from './types.js';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const DELIMITERS = [',', ';', '\t'] as const;
/** Lines looked at to guess the delimiter. */
const SAMPLE_LINES = 20;

export function readCsv(bytes: Uint8Array, encoding?: TextEncoding): RawWorkbook {
  const text = encoding === undefined ? decodeText(bytes) : decodeAs(bytes, encoding);
  const delimiter = detectDelimiter(text);
  const sheet: RawSheet = { name: '', index: 0, date1904: false, rows: parseRows(text, delimiter) };
  return { format: 'csv', sheets: single(sheet) };
}

/** UTF-8 (BOM optional) or BOM-marked UTF-16; undecodable bytes become U+FFFD, never an error. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  // TextDecoder drops a UTF-8 BOM by default.
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * The delimiter among `,` `;` tab that splits most of the first lines into the same number of fields
 * (quoted text is not counted). Each delimiter's usual count is the commonest non-zero count over the
 * sample; a title line above the header (`SỔ ĐĂNG KÝ VĂN BẢN ĐẾN`, no delimiter at all) counts for none.
 */
export function detectDelimiter(text: string): string {
  const counts = DELIMITERS.map(() => [] as number[]);
  let current = DELIMITERS.map(() => 0);
  let inQuotes = false;
  let lines = 0;
  let lineHasText = false;
  for (let i = 0; i < text.length && lines < SAMPLE_LINES; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    if (inQuotes) continue;
    if (c === '\n' || c === '\r') {
      if (lineHasText) {
        current.forEach((n, d) => counts[d]?.push(n));
        lines++;
      }
      current = DELIMITERS.map(() => 0);
      lineHasText = false;
      continue;
    }
    lineHasText = true;
    const d = DELIMITERS.indexOf(c as (typeof DELIMITERS)[number]);
    if (d >= 0) current[d] = (current[d] ?? 0) + 1;
  }
  if (lineHasText && lines < SAMPLE_LINES) current.forEach((n, d) => counts[d]?.push(n));

  // Ties go to the rarer character in prose: a tab, then ';', then ','.
  let best = ',';
  let bestScore = 0;
  for (const d of [2, 1, 0]) {
    const perLine = counts[d] ?? [];
    const usual = commonestNonZero(perLine);
    if (usual === 0) continue;
    const score = perLine.filter((n) => n === usual).length / perLine.length;
    if (score > bestScore) {
      best = DELIMITERS[d] ?? ',';
      bestScore = score;
    }
  }
  return best;
}

/** The commonest non-zero value (the larger one on a tie); 0 when there is none. */
function commonestNonZero(xs: readonly number[]): number {
  const freq = new Map<number, number>();
  for (const x of xs) if (x > 0) freq.set(x, (freq.get(x) ?? 0) + 1);
  let best = 0;
  let bestN = 0;
  for (const [x, n] of freq) if (n > bestN || (n === bestN && x > best)) [best, bestN] = [x, n];
  return best;
}

async function* single(sheet: RawSheet): AsyncGenerator<RawSheet> {
  yield sheet;
}

/**
 * Records of RFC 4180 CSV, each numbered as the spreadsheet that opens the file numbers its rows
 * (the record's position, blank lines included: a quoted line break stays inside its row). Quotes open a field
 * only at its start; inside quotes `""` is one quote and line breaks belong to the value. CRLF,
 * LF and lone CR all end a line. Empty fields are null; records with no value are skipped.
 */
export async function* parseRows(text: string, delimiter: string): AsyncGenerator<readonly RawRow[]> {
  let batch: RawRow[] = [];
  for (const row of parseRowsSync(text, delimiter)) {
    batch.push(row);
    if (batch.length === CSV_BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Rows per batch handed to the consumer (the text is in memory already: this only bounds the hops). */
const CSV_BATCH = 512;

export function* parseRowsSync(text: string, delimiter: string): Generator<RawRow> {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let record = 0;
  while (i < n) {
    const startLine = ++record;
    const values: RawValue[] = [];
    let lastValue = -1;
    // One record: fields until an unquoted line break or the end.
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        i++;
        let parts = '';
        let from = i;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q < 0) {
            // Unclosed quote: the rest of the file is the value (lenient, like Excel).
            parts += text.slice(from);
            i = n;
            break;
          }
          if (text.charCodeAt(q + 1) === QUOTE) {
            parts += text.slice(from, q + 1);
            i = q + 2;
            from = i;
            continue;
          }
          parts += text.slice(from, q);
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the delimiter is kept (malformed but visible).
        const tailStart = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delim || c === CR || c === LF) break;
          i++;
        }
        value = tailStart < i ? parts + text.slice(tailStart, i) : parts;
      } else {
        const start = i;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === delim || c === CR || c === LF) break;
          i++;
        }
        value = text.slice(start, i);
      }
      if (value === '') {
        values.push(null);
      } else {
        values.push(value);
        lastValue = values.length - 1;
      }
      if (i < n && text.charCodeAt(i) === delim) {
        i++;
        continue;
      }
      // End of record: consume one line break (CRLF, LF or CR).
      if (i < n) {
        if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
        else i++;
      }
      break;
    }
    if (lastValue >= 0) {
      values.length = lastValue + 1;
      yield { row: startLine, values };
    }
  }
}
