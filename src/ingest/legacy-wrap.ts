// Text typed in a legacy Vietnamese font encoding (TCVN3/ABC, VNI) reaches a reader as Latin-1
// letters (`Sæ ®¨ng ký v¨n b¶n ®i`). Whatever the format, each sheet's head is looked at: when its
// strings read as Vietnamese only after conversion, every string of the sheet is converted to
// Unicode as it passes (the rules and findings see `Sổ đăng ký văn bản đi`), and a notice says so.
// Nothing is written back. Work is bounded: at most HEAD_ROWS rows are held, once per sheet.

import { detectLegacy, legacyFromFontName, legacyToUnicode, type LegacyEncoding } from './legacy-vn.js';
import { InputError } from './types.js';
import type { RawNotice, RawRow, RawSheet, RawValue, RawWorkbook } from './types.js';

/** Rows of a sheet's head held to decide. */
const HEAD_ROWS = 200;
/** Strings sampled from them. */
const SAMPLES = 400;

/**
 * The workbook with each sheet's legacy text converted. `notices` (the caller's, e.g. a renamed
 * file) gain one `legacy-encoding` notice per converted sheet, then the reader's own notices.
 * `expectLegacy`: the bytes were already judged TCVN3/VNI text (an 8-bit CSV); a sheet that still
 * does not read as either is refused with 'legacy-encoding' rather than checked as mojibake.
 */
export function withLegacyConversion(workbook: RawWorkbook, notices: RawNotice[], expectLegacy: boolean): RawWorkbook {
  return {
    format: workbook.format,
    notices,
    ...(workbook.fontNames ? { fontNames: workbook.fontNames } : {}),
    sheets: (async function* () {
      // The fonts the workbook's styles name (xlsx): .Vn* or VNI-* lowers the evidence needed.
      const fontHint = new Set<LegacyEncoding>();
      for (const name of workbook.fontNames?.() ?? []) {
        const enc = legacyFromFontName(name);
        if (enc) fontHint.add(enc);
      }
      for await (const sheet of workbook.sheets) yield convertSheet(sheet, notices, expectLegacy, fontHint);
      for (const n of workbook.notices ?? []) notices.push(n);
    })(),
  };
}

function convertSheet(sheet: RawSheet, notices: RawNotice[], expectLegacy: boolean, fontHint: ReadonlySet<LegacyEncoding>): RawSheet {
  return {
    name: sheet.name,
    index: sheet.index,
    date1904: sheet.date1904,
    rows: (async function* () {
      const it = sheet.rows[Symbol.asyncIterator]();
      const held: (readonly RawRow[])[] = [];
      const samples: string[] = [];
      let rows = 0;
      let ended = false;
      while (rows < HEAD_ROWS && samples.length < SAMPLES) {
        const n = await it.next();
        if (n.done) {
          ended = true;
          break;
        }
        held.push(n.value);
        for (const row of n.value) {
          rows++;
          for (const v of row.values) if (typeof v === 'string' && v.length > 0 && samples.length < SAMPLES) samples.push(v);
        }
      }
      const found = detectLegacy(samples, { fontHint });
      if (!found && expectLegacy) {
        throw new InputError('legacy-encoding', `sheet ${sheet.name || '1'}: text in a legacy Vietnamese font encoding (TCVN3/VNI) that could not be told apart`);
      }
      if (!found) {
        for (const batch of held) yield batch;
        if (ended) return;
        for (let n = await it.next(); !n.done; n = await it.next()) yield n.value;
        return;
      }
      notices.push({ code: 'legacy-encoding', sheet: sheet.name, encoding: found.encoding, sample: found.sample, converted: found.converted });
      const enc = found.encoding;
      for (const batch of held) yield convertBatch(batch, enc);
      held.length = 0;
      if (ended) return;
      for (let n = await it.next(); !n.done; n = await it.next()) yield convertBatch(n.value, enc);
    })(),
  };
}

function convertBatch(batch: readonly RawRow[], enc: LegacyEncoding): RawRow[] {
  const out: RawRow[] = new Array<RawRow>(batch.length);
  for (let i = 0; i < batch.length; i++) {
    const row = batch[i]!;
    const values: RawValue[] = new Array<RawValue>(row.values.length);
    for (let c = 0; c < row.values.length; c++) {
      const v = row.values[c] ?? null;
      values[c] = typeof v === 'string' && v.length > 0 ? legacyToUnicode(v, enc) : v;
    }
    out[i] = row.page !== undefined ? { row: row.row, values, page: row.page, ...(row.line !== undefined ? { line: row.line } : {}) } : { row: row.row, values };
  }
  return out;
}
