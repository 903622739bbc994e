// Vietnamese lunar calendar (âm lịch), after Hồ Ngọc Đức's published algorithm: new moons and the
// sun's longitude from Jean Meeus, "Astronomical Algorithms" (1998), evaluated at local midnight in
// UTC+7 (Vietnam has used UTC+7 for its calendar since 1968 — which is why Vietnamese Tết sometimes
// differs from the Chinese New Year, e.g. 1985 and 2007).
//
// Pure arithmetic, no I/O: safe in the browser. Days are DayNumbers (days since 1970-01-01).
// Used by the working-day calendar for Tết (1/1 âm lịch) and Giỗ Tổ Hùng Vương (10/3 âm lịch) in
// years the holiday table does not cover; tests check it against every date in that table.

import { dayNumber, yearOf, type DayNumber } from '../../src/core/dates.js';

/** Vietnam's calendar time zone, hours east of UTC. */
const TIME_ZONE = 7;
/** Julian Day Number of 1970-01-01 (the DayNumber epoch). */
const JD_OF_DAY_ZERO = 2_440_588;
const SYNODIC_MONTH = 29.530588853;
/** Julian date of the new moon of 1900-01-01 13:52 UTC, the origin of the new-moon index k. */
const NEW_MOON_EPOCH = 2_415_021.076998695;
const DEG = Math.PI / 180;

const jd = (d: DayNumber): number => d + JD_OF_DAY_ZERO;
const fromJd = (j: number): DayNumber => j - JD_OF_DAY_ZERO;

/** Julian date (fractional, UTC) of the k-th new moon after the one of 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85; // Julian centuries from 1900-01-00.5
  const t2 = t * t;
  const t3 = t2 * t;
  let jd1 = 2_415_020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG); // mean new moon
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
  const mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's mean anomaly
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's argument of latitude
  let c1 = (0.1734 - 0.000393 * t) * Math.sin(m * DEG) + 0.0021 * Math.sin(2 * m * DEG);
  c1 += -0.4068 * Math.sin(mpr * DEG) + 0.0161 * Math.sin(2 * mpr * DEG);
  c1 += -0.0004 * Math.sin(3 * mpr * DEG);
  c1 += 0.0104 * Math.sin(2 * f * DEG) - 0.0051 * Math.sin((m + mpr) * DEG);
  c1 += -0.0074 * Math.sin((m - mpr) * DEG) + 0.0004 * Math.sin((2 * f + m) * DEG);
  c1 += -0.0004 * Math.sin((2 * f - m) * DEG) - 0.0006 * Math.sin((2 * f + mpr) * DEG);
  c1 += 0.001 * Math.sin((2 * f - mpr) * DEG) + 0.0005 * Math.sin((2 * mpr + m) * DEG);
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd1 + c1 - deltaT;
}

/** The sun's ecliptic longitude in radians, [0, 2π), at Julian date `j` (UTC). */
function sunLongitude(j: number): number {
  const t = (j - 2_451_545.0) / 36525; // Julian centuries from 2000-01-01 12:00 UTC
  const t2 = t * t;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2; // mean anomaly
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2; // mean longitude
  let dl = (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEG * m);
  dl += (0.019993 - 0.000101 * t) * Math.sin(2 * DEG * m) + 0.00029 * Math.sin(3 * DEG * m);
  const l = (l0 + dl) * DEG;
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
}

/** Which 30° sector (0–11) the sun is in at local midnight starting Julian day `jdn`. */
function sunSector(jdn: number): number {
  return Math.floor((sunLongitude(jdn - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** Julian day number (local date) of the k-th new moon. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Julian day number of the first day of lunar month 11 (the month holding the winter solstice) of `year`. */
function lunarMonth11(year: number): number {
  const off = jd(dayNumber(year, 12, 31)) - 2_415_021;
  const k = Math.floor(off / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  return sunSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/** In a 13-month lunar year starting at month 11 (`a11`), the offset of the leap month (the first with no major solar term). */
function leapMonthOffset(a11: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let arc = sunSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = sunSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

export interface LunarDate {
  /** 1–30 */
  readonly day: number;
  /** 1–12 */
  readonly month: number;
  /** The lunar year, numbered like the Gregorian year in which its month 1 starts. */
  readonly year: number;
  /** True for the intercalary (nhuận) month. */
  readonly leap: boolean;
}

/**
 * The Gregorian day of a lunar date, or undefined when it does not exist (a leap month that year
 * does not have, or a day past the end of the month).
 */
export function lunarToSolar(lunarDay: number, lunarMonth: number, lunarYear: number, leap = false): DayNumber | undefined {
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > 30) return undefined;
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12 || !Number.isInteger(lunarYear)) return undefined;
  const a11 = lunarMonth < 11 ? lunarMonth11(lunarYear - 1) : lunarMonth11(lunarYear);
  const b11 = lunarMonth < 11 ? lunarMonth11(lunarYear) : lunarMonth11(lunarYear + 1);
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let off = lunarMonth - 11;
  if (off < 0) off += 12;
  if (b11 - a11 > 365) {
    const leapOff = leapMonthOffset(a11);
    let leapMonth = leapOff - 2;
    if (leapMonth < 0) leapMonth += 12;
    if (leap && lunarMonth !== leapMonth) return undefined;
    if (leap || off >= leapOff) off += 1;
  } else if (leap) {
    return undefined;
  }
  const monthStart = newMoonDay(k + off);
  const result = fromJd(monthStart + lunarDay - 1);
  // Day 30 of a 29-day month is the next month's day 1.
  if (lunarDay === 30 && newMoonDay(k + off + 1) <= monthStart + 29) return undefined;
  return result;
}

/** The lunar date of a Gregorian day. */
export function solarToLunar(d: DayNumber): LunarDate {
  const j = jd(d);
  const k = Math.floor((j - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  let monthStart = newMoonDay(k + 1);
  if (monthStart > j) monthStart = newMoonDay(k);
  const gregorianYear = yearOf(d);
  let a11 = lunarMonth11(gregorianYear);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = gregorianYear;
    a11 = lunarMonth11(gregorianYear - 1);
  } else {
    lunarYear = gregorianYear + 1;
    b11 = lunarMonth11(gregorianYear + 1);
  }
  const day = j - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapDiff = leapMonthOffset(a11);
    if (diff >= leapDiff) {
      month = diff + 10;
      leap = diff === leapDiff;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { day, month, year: lunarYear, leap };
}

const tetCache = new Map<number, DayNumber>();

/** Mùng 1 Tết (1/1 âm lịch) of the lunar year that starts in Gregorian `year`. */
export function tetDay(year: number): DayNumber {
  let d = tetCache.get(year);
  if (d === undefined) {
    d = lunarToSolar(1, 1, year) as DayNumber; // 1/1 always exists
    tetCache.set(year, d);
  }
  return d;
}

/** Giỗ Tổ Hùng Vương, 10/3 âm lịch (of the ordinary, non-leap third month), in Gregorian `year`. */
export function gioToDay(year: number): DayNumber {
  return lunarToSolar(10, 3, year) as DayNumber; // day 10 of a non-leap month always exists
}
