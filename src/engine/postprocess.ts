// Post-processing as small pure steps (STYLE habit 10): dedupe, then a deterministic sort
// (file, sheet/page, row, column, rule, message).
import type { Finding, Location } from '../core/types.js';
import { columnNumber } from '../register/model.js';

const columnOrder = (letter: string | undefined): number => (letter ? columnNumber(letter) : -1);

function cmp(a: string | number | undefined, b: string | number | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

export function compareLocations(a: Location, b: Location, sheetOrder?: ReadonlyMap<string, number>): number {
  return (
    cmp(a.file, b.file) ||
    cmp(sheetOrder?.get(a.sheet ?? '') ?? a.sheet, sheetOrder?.get(b.sheet ?? '') ?? b.sheet) ||
    cmp(a.page, b.page) ||
    cmp(a.row, b.row) ||
    cmp(columnOrder(a.column), columnOrder(b.column))
  );
}

const key = (f: Finding): string =>
  JSON.stringify([f.ruleId, f.messageId, f.location.file, f.location.sheet, f.location.page, f.location.row, f.location.column, f.data]);

export function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = key(f);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  // Sheets sort in the order they were first reported, which is workbook order.
  const sheetOrder = new Map<string, number>();
  for (const f of findings) if (f.location.sheet !== undefined && !sheetOrder.has(f.location.sheet)) sheetOrder.set(f.location.sheet, sheetOrder.size);
  return [...findings].sort(
    (a, b) =>
      compareLocations(a.location, b.location, sheetOrder) ||
      cmp(a.ruleId, b.ruleId) ||
      cmp(a.messageId, b.messageId) ||
      cmp(JSON.stringify(a.data), JSON.stringify(b.data)),
  );
}

export function postProcess(findings: readonly Finding[]): Finding[] {
  return sortFindings(dedupe(findings));
}
