// Post-processing as small pure steps (STYLE habit 10): dedupe, then a deterministic sort
// (file, sheet/page, row, column, rule, message, data). Both run once per file over every finding,
// so each finding's keys are computed once and `data` is serialised only when all else ties.
import type { Finding } from '../core/types.js';
import { columnNumber } from '../register/model.js';

const columnOrder = (letter: string | undefined): number => (letter ? columnNumber(letter) : -1);

function cmp(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

/** Everything that makes a finding itself but its data. */
const placeKey = (f: Finding): string =>
  `${f.ruleId}\u0000${f.messageId}\u0000${f.location.file}\u0000${f.location.sheet ?? '\u0001'}\u0000${f.location.page ?? ''}\u0000${f.location.row ?? ''}\u0000${f.location.column ?? ''}`;

export function dedupe(findings: readonly Finding[]): Finding[] {
  // Findings at the same place by the same rule are rare: only they are told apart by their data.
  const seen = new Map<string, Finding | string[]>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = placeKey(f);
    const before = seen.get(key);
    if (before === undefined) {
      seen.set(key, f);
      out.push(f);
      continue;
    }
    const datas = Array.isArray(before) ? before : [JSON.stringify(before.data)];
    const data = JSON.stringify(f.data);
    if (datas.includes(data)) continue;
    datas.push(data);
    seen.set(key, datas);
    out.push(f);
  }
  return out;
}

interface SortKey {
  readonly f: Finding;
  readonly file: string;
  /** Workbook order of the sheet (its first finding), -1 without one. */
  readonly sheet: number;
  readonly page: number;
  readonly row: number;
  readonly column: number;
  data: string | undefined;
}

const orUnset = (n: number | undefined): number => (n === undefined ? -Infinity : n);
const dataOf = (k: SortKey): string => (k.data ??= JSON.stringify(k.f.data));

export function sortFindings(findings: readonly Finding[]): Finding[] {
  // Sheets sort in the order they were first reported, which is workbook order.
  const sheetOrder = new Map<string, number>();
  for (const f of findings) if (f.location.sheet !== undefined && !sheetOrder.has(f.location.sheet)) sheetOrder.set(f.location.sheet, sheetOrder.size);
  const keys: SortKey[] = new Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    const l = f.location;
    // No sheet ranks as the sheet named '' (a CSV's) when there is one, else first.
    keys[i] = { f, file: l.file, sheet: l.sheet === undefined ? (sheetOrder.get('') ?? -1) : sheetOrder.get(l.sheet)!, page: orUnset(l.page), row: orUnset(l.row), column: columnOrder(l.column), data: undefined };
  }
  keys.sort(
    (a, b) =>
      cmp(a.file, b.file) ||
      a.sheet - b.sheet ||
      (a.page === b.page ? 0 : a.page < b.page ? -1 : 1) ||
      (a.row === b.row ? 0 : a.row < b.row ? -1 : 1) ||
      a.column - b.column ||
      cmp(a.f.ruleId, b.f.ruleId) ||
      cmp(a.f.messageId, b.f.messageId) ||
      cmp(dataOf(a), dataOf(b)),
  );
  const out: Finding[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = keys[i]!.f;
  return out;
}

export function postProcess(findings: readonly Finding[]): Finding[] {
  return sortFindings(dedupe(findings));
}
