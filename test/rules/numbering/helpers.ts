// Row builders for the numbering and register tables.
import { dayNumber, formatDate } from '../../../src/core/dates.js';

export type Row = Record<string, string | number>;

/** An outgoing entry: symbol, issue date, and the other Phụ lục IV cells filled. */
export const out = (symbol: string, issuedDate: string, extra: Row = {}): Row => ({
  symbol,
  issuedDate,
  typeAndSubject: 'Công văn về việc triển khai nhiệm vụ',
  signer: 'Nguyễn Văn Hùng',
  recipients: 'Các ấp',
  ...extra,
});

/** An incoming entry. */
export const inc = (arrivalNumber: string | number, arrivalDate: string, symbol: string, author: string, issuedDate: string, extra: Row = {}): Row => ({
  arrivalNumber,
  arrivalDate,
  author,
  symbol,
  issuedDate,
  typeAndSubject: 'V/v triển khai nhiệm vụ',
  ...extra,
});

/** `count` consecutive dates (one a day) from y-m-d, as dd/mm/yyyy. */
export function days(y: number, m: number, d: number, count: number, step = 1): string[] {
  const start = dayNumber(y, m, d);
  return Array.from({ length: count }, (_, k) => formatDate(start + k * step));
}

export const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Outgoing entries numbered from..to with a symbol template (`#` = the number), one a day. */
export function run(from: number, to: number, template: string, y: number, m: number, d: number, step = 1): Row[] {
  const ds = days(y, m, d, to - from + 1, step);
  return ds.map((date, k) => out(template.replace('#', pad(from + k)), date));
}

/** Interleaves lists round-robin (several series written into one book). */
export function interleave(...lists: Row[][]): Row[] {
  const outRows: Row[] = [];
  const max = Math.max(...lists.map((l) => l.length));
  for (let k = 0; k < max; k++) for (const l of lists) if (l[k]) outRows.push(l[k]!);
  return outRows;
}

/** Re-dates rows in order, one a day from y-m-d (keeps dates monotonic after interleaving). */
export function redate(rows: Row[], y: number, m: number, d: number): Row[] {
  const ds = days(y, m, d, rows.length);
  return rows.map((r, k) => ({ ...r, issuedDate: ds[k]! }));
}
