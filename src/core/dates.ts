// Calendar dates as whole day numbers (days since 1970-01-01). Registers record calendar dates,
// never instants: integers avoid every timezone trap (tech-notes §3: exceljs gives UTC midnight,
// date-fns formats in local time) and make "next working day" arithmetic trivial.

export type DayNumber = number;

const MS_PER_DAY = 86_400_000;

export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

/** Today in the machine's own calendar (local time). */
export function today(): DayNumber {
  const now = new Date();
  return dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days Date can hold (±100,000,000 days from 1970); beyond them, and for non-integers, Date decides. */
const CIVIL_RANGE = 100_000_000;

export function toYmd(d: DayNumber): Ymd {
  if (!Number.isInteger(d) || d < -CIVIL_RANGE || d > CIVIL_RANGE) {
    const date = new Date(d * MS_PER_DAY);
    return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
  }
  // Proleptic Gregorian calendar from a day count, in integers (H. Hinnant, "chrono-compatible
  // low-level date algorithms", civil_from_days): no Date per call, rules ask per entry.
  const z = d + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function yearOf(d: DayNumber): number {
  if (!Number.isInteger(d) || d < -CIVIL_RANGE || d > CIVIL_RANGE) return toYmd(d).year;
  // toYmd's arithmetic down to the year (no object: rules ask per entry).
  const z = d + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  return yoe + era * 400 + (Math.floor((5 * doy + 2) / 153) >= 10 ? 1 : 0);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(d: DayNumber): number {
  return (((d + 4) % 7) + 7) % 7;
}

/** True when the y/m/d triple names a real calendar date (31/02 does not). */
export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const t = toYmd(dayNumber(year, month, day));
  return t.year === year && t.month === month && t.day === day;
}

/** Two digits below 10, as written in dates and document numbers (`7` → `07`, `12` → `12`). */
export const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `dd/mm/yyyy`, the form Vietnamese registers and messages use. */
export function formatDate(d: DayNumber): string {
  const { year, month, day } = toYmd(d);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** ISO `yyyy-mm-dd`, for machine output and config. */
export function formatIso(d: DayNumber): string {
  const { year, month, day } = toYmd(d);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

export function parseIso(text: string): DayNumber | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, da] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, da) ? dayNumber(y, mo, da) : undefined;
}

// Excel's 1900 system counts 1899-12-30 as serial 0 (it pretends 1900 was a leap year, so serials
// from 61 on line up with that epoch); the 1904 system counts from 1904-01-01.
const EPOCH_1900 = dayNumber(1899, 12, 30);
const EPOCH_1904 = dayNumber(1904, 1, 1);

/** A spreadsheet serial (fraction = time of day, dropped) to a day; undefined when implausible. */
export function serialToDay(serial: number, date1904: boolean): DayNumber | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  return (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(serial);
}

export function dayToSerial1900(d: DayNumber): number {
  return d - EPOCH_1900;
}

const WEEKDAY_VI = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'] as const;
const WEEKDAY_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function weekdayName(d: DayNumber, lang: 'vi' | 'en'): string {
  return (lang === 'vi' ? WEEKDAY_VI : WEEKDAY_EN)[weekday(d)] ?? '';
}
