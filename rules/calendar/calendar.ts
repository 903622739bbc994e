// Working-day calendar for the "same day, at the latest the next working day" rules
// (ND 30/2020 Điều 4.2.c, 15.2, 18.1, 23.1). Pure and browser-safe: no I/O, no Date-of-now.
//
// Sources, in order of precedence for a day d:
//   1. configuration: `extraDaysOff`, then `extraWorkingDays` (local days off ordered by a province,
//      a unit that did not apply a swap, a unit working on Saturdays…);
//   2. the per-year table rules/data/vn-days-off.json (2019–2027): holidays, compensatory days
//      (nghỉ bù), swapped days off (nghỉ hoán đổi) and make-up working Saturdays (làm bù) as
//      announced for state bodies with a fixed Saturday–Sunday weekend;
//   3. for years the table does not cover (and for the parts a year lists in `computeFromStatute`,
//      i.e. Tết 2027), the holidays the Labour Code fixes — see `statutoryDaysOff`;
//   4. the weekly rest days (`weekend`, default Saturday and Sunday).
//
// Uncertain days are resolved in the direction that moves deadlines later, so that the checker
// never reports a late entry because of a guess: an unconfirmed day off counts as non-working, an
// unconfirmed make-up Saturday counts as non-working (it stays a plain Saturday), and for
// unannounced Tết breaks the whole statutory window is non-working. The price is that a genuinely
// late entry around such a day can go unreported.

import data from '../data/vn-days-off.json' with { type: 'json' };
import { dayNumber, formatDate, parseIso, weekday, weekdayName, yearOf, type DayNumber } from '../../src/core/dates.js';
import { lunarToSolar, tetDay } from './lunar.js';

export type YearStatus = 'confirmed' | 'unconfirmed' | 'statutory-only';

/** Why a day is not a working day. */
export type NonWorkingKind =
  /** a public holiday (from the table, or computed from the Labour Code) */
  | 'holiday'
  /** nghỉ bù: a holiday fell on the weekly rest day */
  | 'compensatory'
  /** ngày nghỉ hoán đổi: a working day swapped with a make-up Saturday */
  | 'swap'
  /** a day of an unannounced Tết break, assumed from the statutory window */
  | 'tet-estimate'
  /** a proposed holiday that is not yet law (Ngày Văn hóa Việt Nam 24/11/2026) */
  | 'pending'
  /** the weekly rest day */
  | 'weekend'
  /** set in the configuration (`extraDaysOff`) */
  | 'config';

export interface NonWorkingReason {
  /** For messages, Vietnamese: e.g. `Tết Nguyên đán (mùng 1)`, `Nghỉ hoán đổi (làm bù 04/5)`, `Chủ nhật`. */
  readonly vi: string;
  /** The same in English. */
  readonly en: string;
  readonly kind: NonWorkingKind;
  /** False when the day is treated as non-working only because it might be (unconfirmed data, Tết estimate). */
  readonly confirmed: boolean;
}

export interface CalendarOptions {
  /** Additional non-working days; they win over everything else, `extraWorkingDays` included. */
  readonly extraDaysOff?: readonly DayNumber[];
  /** Days that are working days whatever the table or the weekend says. */
  readonly extraWorkingDays?: readonly DayNumber[];
  /**
   * Weekly rest days, 0 = Sunday … 6 = Saturday; default [0, 6]. The table's days off still apply
   * with another weekend (they were announced for the Saturday–Sunday week; drop any that do not
   * apply with `extraWorkingDays`); computed compensatory days follow this weekend.
   */
  readonly weekend?: readonly number[];
}

export interface Calendar {
  isWorkingDay(d: DayNumber): boolean;
  /** The first working day strictly after `d` (whether or not `d` itself is a working day). */
  nextWorkingDay(d: DayNumber): DayNumber;
  /**
   * The number of working days in the half-open interval (a, b] when b > a — how many working days
   * come after `a` up to and including `b`; so 0 when b = a, and 1 when b = nextWorkingDay(a).
   * When b < a it is the negative of the count in (b, a]: workingDaysBetween(a, b) ===
   * -workingDaysBetween(b, a) always. Whether `a` itself is a working day never matters.
   */
  workingDaysBetween(a: DayNumber, b: DayNumber): number;
  /**
   * n > 0: the n-th working day strictly after `d` (addWorkingDays(d, 1) = nextWorkingDay(d));
   * n < 0: the |n|-th working day strictly before `d`; n = 0: `d` itself, working day or not.
   * For n ≥ 0, workingDaysBetween(d, addWorkingDays(d, n)) === n. `n` must be an integer.
   */
  addWorkingDays(d: DayNumber, n: number): DayNumber;
  /**
   * 'confirmed': the year is in the table and every date in it is confirmed; 'unconfirmed': in the
   * table but partly unconfirmed or incomplete (2026, 2027); 'statutory-only': not in the table,
   * only the Labour Code's own holidays are known (no swaps, no adjacent National-Day day).
   */
  yearStatus(year: number): YearStatus;
  /** Why `d` is not a working day, for messages; undefined when it is a working day. */
  nonWorkingReason(d: DayNumber): NonWorkingReason | undefined;
}

// ---------------------------------------------------------------------------------------------
// The table

type EntryKind = 'holiday' | 'compensatory' | 'swapped_day_off' | 'pending_holiday' | 'working_saturday';
const ENTRY_KINDS: ReadonlySet<string> = new Set<EntryKind>([
  'holiday',
  'compensatory',
  'swapped_day_off',
  'pending_holiday',
  'working_saturday',
]);

type TableDay =
  | { readonly status: 'working' }
  | { readonly status: 'off'; readonly reason: NonWorkingReason }
  /** An unconfirmed make-up Saturday: no effect, the day follows the weekend rule (conservative, see top). */
  | { readonly status: 'unconfirmed-make-up' };

interface TableYear {
  readonly confirmed: boolean;
  readonly computeTet: boolean;
}

interface RawEntry {
  readonly date: string;
  readonly kind: string;
  readonly name: string;
  readonly en: string;
  readonly confirmed: boolean;
}

interface RawYear {
  readonly confirmed: boolean;
  readonly entries: readonly RawEntry[];
  readonly computeFromStatute?: readonly string[];
}

function entryReason(e: RawEntry, kind: EntryKind): NonWorkingReason {
  const reasonKind: NonWorkingKind =
    kind === 'compensatory' ? 'compensatory'
    : kind === 'swapped_day_off' ? 'swap'
    : kind === 'pending_holiday' ? 'pending'
    : 'holiday';
  const flagVi = e.confirmed || e.name.includes('chưa xác nhận') ? '' : ' (chưa xác nhận)';
  const flagEn = e.confirmed || e.en.includes('unconfirmed') ? '' : ' (unconfirmed)';
  return { vi: e.name + flagVi, en: e.en + flagEn, kind: reasonKind, confirmed: e.confirmed };
}

function loadTable(): { days: ReadonlyMap<DayNumber, TableDay>; years: ReadonlyMap<number, TableYear> } {
  const days = new Map<DayNumber, TableDay>();
  const years = new Map<number, TableYear>();
  const rawYears: Readonly<Record<string, RawYear>> = data.years;
  for (const [yearText, y] of Object.entries(rawYears)) {
    const year = Number(yearText);
    if (!Number.isInteger(year)) throw new Error(`vn-days-off.json: bad year key ${yearText}`);
    for (const part of y.computeFromStatute ?? []) {
      if (part !== 'tet') throw new Error(`vn-days-off.json: ${yearText}: unknown computeFromStatute part ${part}`);
    }
    years.set(year, { confirmed: y.confirmed, computeTet: (y.computeFromStatute ?? []).includes('tet') });
    for (const e of y.entries) {
      const d = parseIso(e.date);
      if (d === undefined) throw new Error(`vn-days-off.json: ${yearText}: bad date ${e.date}`);
      if (!ENTRY_KINDS.has(e.kind)) throw new Error(`vn-days-off.json: ${e.date}: unknown kind ${e.kind}`);
      if (days.has(d)) throw new Error(`vn-days-off.json: ${e.date} listed twice`);
      const kind = e.kind as EntryKind;
      if (kind === 'working_saturday') {
        days.set(d, e.confirmed ? { status: 'working' } : { status: 'unconfirmed-make-up' });
      } else {
        days.set(d, { status: 'off', reason: entryReason(e, kind) });
      }
    }
  }
  return { days, years };
}

const TABLE = loadTable();

/** Years the table covers, ascending. */
export const TABLE_YEARS: readonly number[] = [...TABLE.years.keys()].sort((a, b) => a - b);

// ---------------------------------------------------------------------------------------------
// Statutory holidays (fallback)

const DEFAULT_WEEKEND: readonly number[] = [0, 6];

interface NamedHoliday {
  readonly day: DayNumber;
  readonly vi: string;
  readonly en: string;
}

/** `dd/mm` */
const dm = (d: DayNumber): string => formatDate(d).slice(0, 5);

/** The Labour Code's one-day holidays of `year` (fixed solar dates and Giỗ Tổ), in date order. */
function oneDayHolidays(year: number): NamedHoliday[] {
  const out: NamedHoliday[] = [];
  for (const h of data.statutory.fixedHolidays) out.push({ day: dayNumber(year, h.month, h.day), vi: h.vi, en: h.en });
  for (const h of data.statutory.lunarHolidays) {
    const day = lunarToSolar(h.lunarDay, h.lunarMonth, year);
    if (day !== undefined) out.push({ day, vi: h.vi, en: h.en });
  }
  return out.sort((a, b) => a.day - b.day);
}

const TET = data.statutory.tet;

function tetLabel(offset: number): { vi: string; en: string } {
  if (offset >= 0) return { vi: `${TET.vi} (mùng ${offset + 1})`, en: `${TET.en}, day ${offset + 1} of the first lunar month` };
  return { vi: `${TET.vi} (${offset === -1 ? 'giao thừa' : 'cuối tháng Chạp'})`, en: `${TET.en}, end of the 12th lunar month` };
}

function validWeekend(weekend: readonly number[]): ReadonlySet<number> {
  const set = new Set<number>();
  for (const w of weekend) {
    if (!Number.isInteger(w) || w < 0 || w > 6) throw new RangeError(`weekend: ${w} is not a weekday number 0–6`);
    set.add(w);
  }
  if (set.size === 7) throw new RangeError('weekend: every day of the week is a rest day');
  return set;
}

/**
 * The days off the Labour Code itself fixes for `year`, for a unit whose weekly rest days are
 * `weekend`: 1/1, 30/4, 1/5, 2/9, Giỗ Tổ Hùng Vương (10/3 âm lịch), each moved to a compensatory
 * day (the next day that is neither a rest day nor another holiday) when it falls on a rest day
 * (BLLĐ 2019 Điều 111.3, BLLĐ 2012 Điều 115.3), plus the Tết window of the data file (by default
 * mùng 1 − 2 … mùng 1 + 4: seven days, i.e. exactly the five paid weekdays, and what every announced
 * break 2019–2026 was). Never included: the day adjacent to 2/9 (from 2021 the Prime Minister picks
 * 1/9 or 3/9), swaps and make-up Saturdays, local days off. The map includes rest days that are
 * holidays (e.g. a Saturday 1/1), so every value is a day off, not necessarily a weekday.
 */
export function statutoryDaysOff(
  year: number,
  weekend: readonly number[] = DEFAULT_WEEKEND,
): ReadonlyMap<DayNumber, NonWorkingReason> {
  return computeStatutory(year, validWeekend(weekend), true, true);
}

function computeStatutory(
  year: number,
  weekend: ReadonlySet<number>,
  withFixed: boolean,
  withTet: boolean,
): Map<DayNumber, NonWorkingReason> {
  const out = new Map<DayNumber, NonWorkingReason>();
  const isRest = (d: DayNumber): boolean => weekend.has(weekday(d));
  const needsCompensation: NamedHoliday[] = [];

  if (withTet) {
    const mung1 = tetDay(year);
    for (let off = TET.window.fromMung1; off <= TET.window.toMung1; off++) {
      const d = mung1 + off;
      const label = tetLabel(off);
      // mùng 1–3 are Tết whatever the Prime Minister decides; the rest of the window is an estimate.
      const certain = off >= 0 && off <= 2;
      out.set(
        d,
        certain
          ? { ...label, kind: 'holiday', confirmed: true }
          : {
              vi: `${label.vi} – ước tính, lịch nghỉ chưa công bố`,
              en: `${label.en} – estimated, break not yet announced`,
              kind: 'tet-estimate',
              confirmed: false,
            },
      );
      if (TET.compensateWeekendDays && isRest(d)) needsCompensation.push({ day: d, ...label });
    }
  }
  if (withFixed) {
    for (const h of oneDayHolidays(year)) {
      if (!out.has(h.day)) out.set(h.day, { vi: h.vi, en: h.en, kind: 'holiday', confirmed: true });
      if (isRest(h.day)) needsCompensation.push(h);
    }
  }
  needsCompensation.sort((a, b) => a.day - b.day);
  for (const h of needsCompensation) {
    let c = h.day + 1;
    while (isRest(c) || out.has(c)) c++;
    out.set(c, {
      vi: `Nghỉ bù ${h.vi} (${dm(h.day)} là ${weekdayName(h.day, 'vi')})`,
      en: `Compensatory day off for ${h.en} (${dm(h.day)} fell on a ${weekdayName(h.day, 'en')})`,
      kind: 'compensatory',
      confirmed: true,
    });
  }
  return out;
}

const holidayNameCache = new Map<number, ReadonlyMap<DayNumber, { vi: string; en: string }>>();

/** The statutory holiday of `d` itself, if any (for naming rest days): fixed dates, Giỗ Tổ, mùng 1–3. */
function holidayName(d: DayNumber): { vi: string; en: string } | undefined {
  const year = yearOf(d);
  let names = holidayNameCache.get(year);
  if (names === undefined) {
    const m = new Map<DayNumber, { vi: string; en: string }>();
    for (const h of oneDayHolidays(year)) m.set(h.day, { vi: h.vi, en: h.en });
    const tet = tetDay(year);
    for (let off = 0; off <= 2; off++) m.set(tet + off, tetLabel(off));
    names = m;
    holidayNameCache.set(year, names);
  }
  return names.get(d);
}

// ---------------------------------------------------------------------------------------------
// The calendar

/** Longest run of non-working days searched before giving up (a misconfiguration). */
const MAX_SCAN_DAYS = 3660;

const CONFIG_REASON: NonWorkingReason = {
  vi: 'ngày nghỉ theo cấu hình của cơ quan',
  en: 'day off set in the configuration',
  kind: 'config',
  confirmed: true,
};

export function createCalendar(options: CalendarOptions = {}): Calendar {
  const weekend = validWeekend(options.weekend ?? DEFAULT_WEEKEND);
  const extraOff = new Set(options.extraDaysOff ?? []);
  const extraWorking = new Set(options.extraWorkingDays ?? []);
  const fallbackCache = new Map<number, ReadonlyMap<DayNumber, NonWorkingReason>>();

  const fallback = (year: number): ReadonlyMap<DayNumber, NonWorkingReason> => {
    let m = fallbackCache.get(year);
    if (m === undefined) {
      const inTable = TABLE.years.get(year);
      m =
        inTable === undefined
          ? computeStatutory(year, weekend, true, true)
          : inTable.computeTet
            ? computeStatutory(year, weekend, false, true)
            : new Map();
      fallbackCache.set(year, m);
    }
    return m;
  };

  /** undefined = working day. */
  const reasonOf = (d: DayNumber): NonWorkingReason | undefined => {
    if (!Number.isInteger(d)) throw new RangeError(`not a day number: ${d}`);
    if (extraOff.has(d)) return CONFIG_REASON;
    if (extraWorking.has(d)) return undefined;
    const t = TABLE.days.get(d);
    if (t?.status === 'working') return undefined;
    if (t?.status === 'off') return t.reason;
    const f = fallback(yearOf(d)).get(d);
    if (f !== undefined) return f;
    if (weekend.has(weekday(d))) {
      const vi = weekdayName(d, 'vi');
      const en = weekdayName(d, 'en');
      if (t?.status === 'unconfirmed-make-up') {
        return {
          vi: `${vi} (ngày làm bù chưa được xác nhận, coi là ngày nghỉ)`,
          en: `${en} (make-up working day not confirmed, treated as a rest day)`,
          kind: 'weekend',
          confirmed: false,
        };
      }
      const h = holidayName(d);
      return h === undefined
        ? { vi, en, kind: 'weekend', confirmed: true }
        : { vi: `${h.vi}, ${vi}`, en: `${h.en}, ${en}`, kind: 'weekend', confirmed: true };
    }
    return undefined;
  };

  const isWorkingDay = (d: DayNumber): boolean => {
    // Same precedence as reasonOf, without building the reason.
    if (!Number.isInteger(d)) throw new RangeError(`not a day number: ${d}`);
    if (extraOff.has(d)) return false;
    if (extraWorking.has(d)) return true;
    const t = TABLE.days.get(d);
    if (t?.status === 'working') return true;
    if (t?.status === 'off') return false;
    if (fallback(yearOf(d)).has(d)) return false;
    return !weekend.has(weekday(d));
  };

  const step = (d: DayNumber, dir: 1 | -1): DayNumber => {
    for (let i = 1; i <= MAX_SCAN_DAYS; i++) {
      const c = d + dir * i;
      if (isWorkingDay(c)) return c;
    }
    throw new Error(`no working day within ${MAX_SCAN_DAYS} days of day ${d}: check extraDaysOff / weekend`);
  };

  const countIn = (from: DayNumber, to: DayNumber): number => {
    // working days in (from, to], from < to
    let n = 0;
    for (let c = from + 1; c <= to; c++) if (isWorkingDay(c)) n++;
    return n;
  };

  return {
    isWorkingDay,
    nextWorkingDay: (d) => step(d, 1),
    workingDaysBetween: (a, b) => (b > a ? countIn(a, b) : b < a ? 0 - countIn(b, a) : 0), // 0 - x: never -0
    addWorkingDays: (d, n) => {
      if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays: n must be an integer, got ${n}`);
      let c = d;
      for (let i = 0; i < Math.abs(n); i++) c = step(c, n > 0 ? 1 : -1);
      return c;
    },
    yearStatus: (year) => {
      const y = TABLE.years.get(year);
      return y === undefined ? 'statutory-only' : y.confirmed ? 'confirmed' : 'unconfirmed';
    },
    nonWorkingReason: reasonOf,
  };
}
