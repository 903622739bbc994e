// A number cell (`Số vào sổ`, `Số đến`): shared by the numbering rules and the symbol rules, which
// read the number of split layouts (`Số vào sổ` + `Ký hiệu`) from it.

/** Digits, maybe a letter suffix, maybe followed by `/…`. */
const NUMBER_CELL = /^\s*(\d{1,7})\s*([A-Za-z])?\s*(?:[/\\.\-–].*)?$/s;

export function numberCell(value: unknown): { value: number; suffix?: string } | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? { value } : undefined;
  if (typeof value !== 'string') return undefined;
  const m = NUMBER_CELL.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!(n > 0)) return undefined;
  return m[2] ? { value: n, suffix: m[2] } : { value: n };
}
