import { describe, expect, it } from 'vitest';
import data from '../../rules/data/vn-days-off.json' with { type: 'json' };
import { createCalendar, statutoryDaysOff, TABLE_YEARS } from '../../rules/calendar/calendar.js';
import { gioToDay, lunarToSolar, solarToLunar, tetDay } from '../../rules/calendar/lunar.js';
import { dayNumber, formatIso, parseIso, weekday, type DayNumber } from '../../src/core/dates.js';

const day = (iso: string): DayNumber => {
  const d = parseIso(iso);
  if (d === undefined) throw new Error(`bad test date ${iso}`);
  return d;
};
const iso = formatIso;
const isWeekday = (d: DayNumber): boolean => weekday(d) >= 1 && weekday(d) <= 5;

interface YearLists {
  readonly confirmed: boolean;
  readonly daysOff: readonly string[];
  readonly workingSaturdays: readonly string[];
  readonly unconfirmedDaysOff: readonly string[];
  readonly unconfirmedWorkingSaturdays: readonly string[];
  readonly daysOffOutsideYear?: readonly string[];
  readonly entries: readonly { date: string; weekday: string; kind: string; name: string; en: string; confirmed: boolean; source: string }[];
}
const YEARS: Readonly<Record<string, YearLists>> = data.years;
const yearData = (y: number): YearLists => {
  const v = YEARS[String(y)];
  if (v === undefined) throw new Error(`year ${y} missing from the data file`);
  return v;
};
const TABLE_RANGE = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026] as const;

const cal = createCalendar();

/** Every (year, date) pair of a list, for it.each. */
const listed = (pick: (y: YearLists) => readonly string[] | undefined): [number, string][] =>
  TABLE_RANGE.flatMap((y) => (pick(yearData(y)) ?? []).map((d): [number, string] => [y, d]));

describe('rules/data/vn-days-off.json (transcription)', () => {
  it('covers 2019–2027 with the confirmed flag per year', () => {
    expect(TABLE_YEARS).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
    for (const y of [2019, 2020, 2021, 2022, 2023, 2024, 2025]) expect(yearData(y).confirmed, String(y)).toBe(true);
    expect(yearData(2026).confirmed).toBe(false);
    expect(yearData(2027).confirmed).toBe(false);
    expect(data._source).toMatch(/Điều 115/);
    expect(data._source).toMatch(/Điều 112/);
    expect(data._source).toMatch(/Điều 111 khoản 3/);
    expect(data._source).toMatch(/Bộ Nội vụ/);
  });

  it.each(TABLE_YEARS.map((y) => [y]))('%i: lists and entries agree; weekdays and sources present', (y) => {
    const v = yearData(y);
    const WD = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    for (const e of v.entries) {
      expect(WD[weekday(day(e.date))], e.date).toBe(e.weekday);
      expect(e.source.length, e.date).toBeGreaterThan(0);
      expect(e.en.length, e.date).toBeGreaterThan(0);
    }
    const entryDates = (pred: (e: YearLists['entries'][number]) => boolean): string[] =>
      v.entries.filter(pred).map((e) => e.date).sort();
    const off = (e: YearLists['entries'][number]): boolean => e.kind !== 'working_saturday';
    expect(entryDates((e) => off(e) && e.confirmed)).toEqual([...v.daysOff, ...(v.daysOffOutsideYear ?? [])].sort());
    expect(entryDates((e) => off(e) && !e.confirmed)).toEqual([...v.unconfirmedDaysOff].sort());
    expect(entryDates((e) => !off(e) && e.confirmed)).toEqual([...v.workingSaturdays].sort());
    expect(entryDates((e) => !off(e) && !e.confirmed)).toEqual([...v.unconfirmedWorkingSaturdays].sort());
    for (const d of [...v.daysOff, ...v.unconfirmedDaysOff, ...(v.daysOffOutsideYear ?? [])]) expect(isWeekday(day(d)), d).toBe(true);
    for (const d of [...v.workingSaturdays, ...v.unconfirmedWorkingSaturdays]) expect(weekday(day(d)), d).toBe(6);
  });

  // Primer §7.2: every confirmed year has exactly the statutory number of weekday holidays (10 under
  // BLLĐ 2012, 11 under BLLĐ 2019) plus one per swap (= per make-up Saturday). 2019's swap day
  // 2018-12-31 lies in the previous calendar year but belongs to 2019's plan, so it is counted.
  it.each(TABLE_RANGE.filter((y) => yearData(y).confirmed).map((y) => [y]))(
    '%i: weekday days off = statutory holidays + swaps',
    (y) => {
      const v = yearData(y);
      const law = data.statutory.laws.find((l) => l.fromYear <= y && (l.toYear === null || y <= l.toYear));
      expect(law, String(y)).toBeDefined();
      const offCount = v.daysOff.length + (v.daysOffOutsideYear ?? []).length;
      expect(offCount).toBe((law?.paidHolidays ?? NaN) + v.workingSaturdays.length);
    },
  );
});

describe('table years 2019–2026', () => {
  it.each(listed((y) => [...y.daysOff, ...(y.daysOffOutsideYear ?? [])]))('%i: day off %s is not a working day', (_y, d) => {
    expect(cal.isWorkingDay(day(d))).toBe(false);
    const r = cal.nonWorkingReason(day(d));
    expect(r?.confirmed).toBe(true);
    expect(r?.kind).not.toBe('weekend');
  });

  it.each(listed((y) => y.unconfirmedDaysOff))('%i: unconfirmed day off %s is treated as non-working', (_y, d) => {
    expect(cal.isWorkingDay(day(d))).toBe(false);
    expect(cal.nonWorkingReason(day(d))?.confirmed).toBe(false);
  });

  it.each(listed((y) => y.workingSaturdays))('%i: make-up Saturday %s is a working day', (_y, d) => {
    expect(weekday(day(d))).toBe(6);
    expect(cal.isWorkingDay(day(d))).toBe(true);
    expect(cal.nonWorkingReason(day(d))).toBeUndefined();
  });

  it.each(listed((y) => y.unconfirmedWorkingSaturdays))(
    '%i: unconfirmed make-up Saturday %s stays a rest day (conservative)',
    (_y, d) => {
      expect(cal.isWorkingDay(day(d))).toBe(false);
      expect(cal.nonWorkingReason(day(d))).toMatchObject({ kind: 'weekend', confirmed: false });
    },
  );

  it('every day of 2019–2026 is working exactly when the lists say so', () => {
    const off = new Set(listed((y) => [...y.daysOff, ...y.unconfirmedDaysOff]).map(([, d]) => d));
    const sat = new Set(listed((y) => y.workingSaturdays).map(([, d]) => d));
    const wrong: string[] = [];
    for (let d = dayNumber(2019, 1, 1); d <= dayNumber(2026, 12, 31); d++) {
      const expected = (isWeekday(d) && !off.has(iso(d))) || sat.has(iso(d));
      if (cal.isWorkingDay(d) !== expected) wrong.push(iso(d));
      expect(cal.nonWorkingReason(d) === undefined).toBe(expected);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['2019-03-12', 2],
    ['2020-06-15', 1],
    ['2021-10-20', 3],
    ['2022-07-07', 4],
    ['2023-11-30', 4],
    ['2024-02-15', 4], // first day back after Tết 2024
    ['2024-05-02', 4], // T10's due date
    ['2025-02-03', 1], // first day back after Tết 2025
    ['2025-09-03', 3],
    ['2026-02-23', 1],
  ] as const)('ordinary weekday %s is a working day', (d, wd) => {
    expect(weekday(day(d))).toBe(wd);
    expect(cal.isWorkingDay(day(d))).toBe(true);
  });

  it.each([
    ['2019-06-15', 'thứ Bảy'],
    ['2020-08-09', 'Chủ nhật'],
    ['2021-03-06', 'thứ Bảy'],
    ['2022-12-25', 'Chủ nhật'],
    ['2023-07-15', 'thứ Bảy'],
    ['2024-05-05', 'Chủ nhật'], // the day after the 2024 make-up Saturday
    ['2025-04-27', 'Chủ nhật'], // the day after the 2025 make-up Saturday
    ['2026-01-11', 'Chủ nhật'],
  ] as const)('ordinary weekend day %s is not a working day', (d, name) => {
    expect(cal.isWorkingDay(day(d))).toBe(false);
    expect(cal.nonWorkingReason(day(d))).toEqual({ vi: name, en: expect.any(String), kind: 'weekend', confirmed: true });
  });
});

describe('primer §8 cases', () => {
  it('T10: document dated Fri 2024-04-26 → next working day Thu 2024-05-02 (27/4–1/5 all non-working)', () => {
    expect(weekday(day('2024-04-26'))).toBe(5);
    expect(iso(cal.nextWorkingDay(day('2024-04-26')))).toBe('2024-05-02');
    for (const d of ['2024-04-27', '2024-04-28', '2024-04-29', '2024-04-30', '2024-05-01']) expect(cal.isWorkingDay(day(d)), d).toBe(false);
    expect(cal.nonWorkingReason(day('2024-04-29'))).toMatchObject({ kind: 'swap', confirmed: true });
  });

  it('T11: arrived Sat 2025-04-26 (make-up Saturday) → next working day Mon 2025-04-28; Tue 29/4 is late', () => {
    expect(cal.isWorkingDay(day('2025-04-26'))).toBe(true);
    expect(iso(cal.nextWorkingDay(day('2025-04-26')))).toBe('2025-04-28');
    expect(day('2025-04-29')).toBeGreaterThan(cal.nextWorkingDay(day('2025-04-26')));
  });

  it('T11 variant: arrived Tue 2025-04-29 → next working day Mon 2025-05-05 (30/4, 1/5, swapped Fri 2/5)', () => {
    expect(iso(cal.nextWorkingDay(day('2025-04-29')))).toBe('2025-05-05');
    expect(cal.nonWorkingReason(day('2025-05-02'))?.vi).toMatch(/hoán đổi/);
  });

  it('Mon 2018-12-31, a swap day listed under 2019, is not a working day', () => {
    expect(cal.isWorkingDay(day('2018-12-31'))).toBe(false);
    expect(cal.nonWorkingReason(day('2018-12-31'))).toMatchObject({ kind: 'swap', confirmed: true });
    expect(iso(cal.nextWorkingDay(day('2018-12-28')))).toBe('2019-01-02');
    expect(cal.isWorkingDay(day('2019-01-05'))).toBe(true); // its make-up Saturday
  });
});

describe('counting working days', () => {
  // Tết 2024: Thu 08/02 – Wed 14/02 off (weekdays 8, 9, 12, 13, 14).
  it.each([
    ['2024-02-07', '2024-02-15', 1],
    ['2024-02-07', '2024-02-14', 0],
    ['2024-02-05', '2024-02-16', 4], // 6, 7, 15, 16
    ['2024-02-08', '2024-02-08', 0],
    ['2024-02-16', '2024-02-05', -4],
    ['2024-02-15', '2024-02-07', -1],
    // 2/9/2025: Sat 30/8 – Tue 2/9 off.
    ['2025-08-29', '2025-09-03', 1],
    ['2025-08-29', '2025-09-05', 3],
    ['2025-08-28', '2025-09-02', 1], // only Fri 29/8
    ['2025-09-05', '2025-08-29', -3],
  ] as const)('workingDaysBetween(%s, %s) = %i', (a, b, n) => {
    expect(cal.workingDaysBetween(day(a), day(b))).toBe(n);
    expect(cal.workingDaysBetween(day(b), day(a))).toBe(0 - n);
  });

  it('workingDaysBetween(d, nextWorkingDay(d)) is 1, whether or not d is a working day', () => {
    for (let d = dayNumber(2024, 1, 1); d <= dayNumber(2025, 12, 31); d++) {
      expect(cal.workingDaysBetween(d, cal.nextWorkingDay(d))).toBe(1);
    }
  });

  it.each([
    ['2024-02-07', 1, '2024-02-15'],
    ['2024-02-07', 2, '2024-02-16'],
    ['2024-02-10', 1, '2024-02-15'],
    ['2024-02-15', -1, '2024-02-07'],
    ['2024-02-15', -3, '2024-02-05'],
    ['2024-02-10', 0, '2024-02-10'],
    ['2025-08-29', 1, '2025-09-03'],
    ['2025-09-03', -1, '2025-08-29'],
    ['2024-04-26', 1, '2024-05-02'],
    ['2024-04-26', 2, '2024-05-03'],
    ['2024-04-26', 3, '2024-05-04'], // the 2024 make-up Saturday
  ] as const)('addWorkingDays(%s, %i) = %s', (d, n, expected) => {
    expect(iso(cal.addWorkingDays(day(d), n))).toBe(expected);
    if (n >= 0) expect(cal.workingDaysBetween(day(d), day(expected))).toBe(n);
  });

  it('addWorkingDays rejects a non-integer count', () => {
    expect(() => cal.addWorkingDays(day('2024-01-02'), 1.5)).toThrow(RangeError);
  });
});

describe('configuration', () => {
  it('extraDaysOff adds a local day off (and wins over extraWorkingDays)', () => {
    const c = createCalendar({ extraDaysOff: [day('2024-06-03')], extraWorkingDays: [day('2024-06-04')] });
    expect(c.isWorkingDay(day('2024-06-03'))).toBe(false);
    expect(c.nonWorkingReason(day('2024-06-03'))).toMatchObject({ kind: 'config' });
    expect(iso(c.nextWorkingDay(day('2024-05-31')))).toBe('2024-06-04');
    const both = createCalendar({ extraDaysOff: [day('2024-06-03')], extraWorkingDays: [day('2024-06-03')] });
    expect(both.isWorkingDay(day('2024-06-03'))).toBe(false);
    expect(cal.isWorkingDay(day('2024-06-03'))).toBe(true); // the default calendar is unaffected
  });

  it('extraWorkingDays overrides the table and the weekend', () => {
    // A unit that did not apply the 2024 swap worked on Mon 29/4 (and not on Sat 4/5).
    const c = createCalendar({ extraWorkingDays: [day('2024-04-29')], extraDaysOff: [day('2024-05-04')] });
    expect(iso(c.nextWorkingDay(day('2024-04-26')))).toBe('2024-04-29');
    expect(c.isWorkingDay(day('2024-05-04'))).toBe(false);
    const sunday = createCalendar({ extraWorkingDays: [day('2024-06-09')] });
    expect(iso(sunday.nextWorkingDay(day('2024-06-07')))).toBe('2024-06-09');
    // …and statutory-only years
    const c2028 = createCalendar({ extraWorkingDays: [day('2028-01-26')] });
    expect(c2028.isWorkingDay(day('2028-01-26'))).toBe(true);
  });

  it('weekend override: a Sunday-only unit works on Saturdays; holidays still apply', () => {
    const c = createCalendar({ weekend: [0] });
    expect(c.isWorkingDay(day('2024-06-08'))).toBe(true);
    expect(iso(c.nextWorkingDay(day('2024-06-07')))).toBe('2024-06-08');
    expect(c.isWorkingDay(day('2024-06-09'))).toBe(false);
    expect(iso(c.nextWorkingDay(day('2024-04-26')))).toBe('2024-04-27');
    expect(iso(c.nextWorkingDay(day('2024-04-28')))).toBe('2024-05-02');
    // computed compensatory days follow the configured weekend: Sat 01/01/2028 is a working day for
    // this unit, so the holiday costs it no extra day; Sun 30/04/2028 → compensatory Tue 02/05
    expect(c.isWorkingDay(day('2028-01-01'))).toBe(false); // the holiday itself
    expect(c.isWorkingDay(day('2028-01-03'))).toBe(true);
    expect(c.isWorkingDay(day('2028-05-02'))).toBe(false);
    expect(c.nonWorkingReason(day('2024-06-09'))?.vi).toBe('Chủ nhật');
  });

  it('weekend override: an unconfirmed make-up Saturday is an ordinary Saturday', () => {
    expect(createCalendar({ weekend: [0] }).isWorkingDay(day('2026-08-22'))).toBe(true);
    expect(cal.isWorkingDay(day('2026-08-22'))).toBe(false);
  });

  it('weekend override: Friday–Saturday', () => {
    const c = createCalendar({ weekend: [5, 6] });
    expect(c.isWorkingDay(day('2024-06-07'))).toBe(false);
    expect(c.isWorkingDay(day('2024-06-09'))).toBe(true);
    expect(c.nonWorkingReason(day('2024-06-07'))?.vi).toBe('thứ Sáu');
  });

  it('rejects an impossible weekend', () => {
    expect(() => createCalendar({ weekend: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
    expect(() => createCalendar({ weekend: [7] })).toThrow(RangeError);
    expect(() => createCalendar({ weekend: [1.5] })).toThrow(RangeError);
  });

  it('an empty weekend is allowed (seven-day service)', () => {
    const c = createCalendar({ weekend: [] });
    expect(c.isWorkingDay(day('2024-06-09'))).toBe(true);
    expect(c.isWorkingDay(day('2024-04-30'))).toBe(false);
  });
});

describe('consistency', () => {
  it('isWorkingDay(d) agrees with nonWorkingReason(d) === undefined, 2017–2031, several configurations', () => {
    const calendars = [
      cal,
      createCalendar({ weekend: [0] }),
      createCalendar({ weekend: [5, 6], extraDaysOff: [day('2029-03-05')], extraWorkingDays: [day('2028-01-27'), day('2024-06-09')] }),
    ];
    for (const c of calendars) {
      for (let d = dayNumber(2017, 1, 1); d <= dayNumber(2031, 12, 31); d++) {
        if (c.isWorkingDay(d) !== (c.nonWorkingReason(d) === undefined)) throw new Error(`disagree on ${iso(d)}`);
      }
    }
  });
});

describe('year status', () => {
  it.each([
    [2019, 'confirmed'],
    [2024, 'confirmed'],
    [2025, 'confirmed'],
    [2026, 'unconfirmed'],
    [2027, 'unconfirmed'],
    [2018, 'statutory-only'],
    [2028, 'statutory-only'],
    [2030, 'statutory-only'],
  ] as const)('%i is %s', (y, status) => {
    expect(cal.yearStatus(y)).toBe(status);
  });
});

describe('statutory fallback', () => {
  it('2028 (not in the table): 1/1, 30/4, 1/5, 2/9, Giỗ Tổ and Tết mùng 1–3 are non-working', () => {
    const tet = tetDay(2028);
    expect(iso(tet)).toBe('2028-01-26');
    for (const d of [dayNumber(2028, 1, 1), dayNumber(2028, 4, 30), dayNumber(2028, 5, 1), dayNumber(2028, 9, 2), tet, tet + 1, tet + 2, gioToDay(2028)]) {
      expect(cal.isWorkingDay(d), iso(d)).toBe(false);
    }
    expect(cal.nonWorkingReason(tet)).toMatchObject({ vi: 'Tết Nguyên đán (mùng 1)', kind: 'holiday', confirmed: true });
    expect(cal.nonWorkingReason(gioToDay(2028))?.vi).toBe('Giỗ Tổ Hùng Vương');
  });

  it('2028: compensatory days for holidays on the weekend', () => {
    // Sat 01/01 → Mon 03/01; Sun 30/04 → Tue 02/05 (Mon 01/05 is itself a holiday); Sat 02/09 → Mon 04/09
    for (const d of ['2028-01-03', '2028-05-02', '2028-09-04']) {
      expect(cal.isWorkingDay(day(d)), d).toBe(false);
      expect(cal.nonWorkingReason(day(d))).toMatchObject({ kind: 'compensatory', confirmed: true });
    }
    expect(cal.nonWorkingReason(day('2028-05-02'))?.vi).toBe('Nghỉ bù Ngày Chiến thắng (30/04 là Chủ nhật)');
    expect(cal.isWorkingDay(day('2028-01-04'))).toBe(true);
    expect(cal.isWorkingDay(day('2028-05-03'))).toBe(true);
    expect(cal.isWorkingDay(day('2028-09-05'))).toBe(true);
  });

  it('does not guess the day adjacent to 2/9 (2028: 1/9 and 3/9 stay as they are)', () => {
    expect(cal.isWorkingDay(day('2028-09-01'))).toBe(true); // Friday
    expect(cal.isWorkingDay(day('2028-09-03'))).toBe(false); // Sunday anyway
    expect(cal.nonWorkingReason(day('2028-09-03'))?.kind).toBe('weekend');
  });

  it('unannounced Tết: the whole window mùng 1 − 2 … mùng 1 + 4 is non-working (5 weekdays, conservative)', () => {
    const tet = tetDay(2028);
    const window = [-2, -1, 0, 1, 2, 3, 4].map((o) => tet + o);
    for (const d of window) expect(cal.isWorkingDay(d), iso(d)).toBe(false);
    expect(window.filter(isWeekday)).toHaveLength(5);
    expect(iso(tet - 5)).toBe('2028-01-21');
    expect(cal.isWorkingDay(tet - 5)).toBe(true); // Fri before the window
    expect(cal.isWorkingDay(tet + 5)).toBe(true); // Mon after it
    expect(cal.nonWorkingReason(tet + 3)).toMatchObject({ kind: 'tet-estimate', confirmed: false });
  });

  it('2027 (Tết not announced): Tết is computed and equals the data file estimate; the rest comes from the table', () => {
    const estimate = data.years['2027'].pending.estimatedTetWeekdays;
    const offWeekdays: string[] = [];
    for (let d = dayNumber(2027, 1, 1); d <= dayNumber(2027, 12, 31); d++) if (isWeekday(d) && !cal.isWorkingDay(d)) offWeekdays.push(iso(d));
    expect(offWeekdays).toEqual([...yearData(2027).daysOff, ...estimate].sort());
    expect(iso(tetDay(2027))).toBe('2027-02-06');
  });

  // The fallback rule set, run on the table years, reproduces every day off except the ones the
  // Prime Minister chooses (swaps, the day adjacent to 2/9) and the pending 24/11/2026.
  it.each(TABLE_RANGE.map((y) => [y]))('%i: statutory days off ⊆ table; the difference is only PM choices', (y) => {
    const v = yearData(y);
    const table = new Set([...v.daysOff, ...v.unconfirmedDaysOff]);
    const computed = [...statutoryDaysOff(y).keys()].filter(isWeekday).map(iso).sort();
    expect(computed.filter((d) => !table.has(d))).toEqual([]);
    const onlyInTable = [...table].filter((d) => !computed.includes(d));
    for (const d of onlyInTable) {
      const e = v.entries.find((x) => x.date === d);
      const pmChoice = e !== undefined && (e.kind === 'swapped_day_off' || e.kind === 'pending_holiday' || e.name.includes('liền kề'));
      expect(pmChoice, `${d} ${e?.name ?? ''}`).toBe(true);
    }
  });
});

describe('lunar calendar (UTC+7)', () => {
  // Mùng 1 Tết and Giỗ Tổ (10/3 âm lịch) as reported in the table (entries named "mùng N" / "Giỗ
  // Tổ", or the weekend date named in a "Nghỉ bù Giỗ Tổ (dd/m là …)" entry).
  it.each([
    [2019, '2019-02-05', '2019-04-14'],
    [2020, '2020-01-25', '2020-04-02'],
    [2021, '2021-02-12', '2021-04-21'],
    [2022, '2022-02-01', '2022-04-10'],
    [2023, '2023-01-22', '2023-04-29'],
    [2024, '2024-02-10', '2024-04-18'],
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
  ] as const)('%i: Tết %s, Giỗ Tổ %s', (y, tet, gioTo) => {
    expect(iso(tetDay(y))).toBe(tet);
    expect(iso(gioToDay(y))).toBe(gioTo);
  });

  it('Tết entries named "mùng N" in the table agree with the computed lunar date', () => {
    for (const y of TABLE_RANGE) {
      for (const e of yearData(y).entries) {
        const m = /\(mùng (\d)\)/.exec(e.name);
        if (m) expect(solarToLunar(day(e.date)), e.date).toEqual({ day: Number(m[1]), month: 1, year: y, leap: false });
      }
    }
  });

  it.each([
    [1985, '1985-01-21'], // Vietnam (UTC+7) a month before China (UTC+8)
    [2000, '2000-02-05'],
    [2007, '2007-02-17'], // China: 18/02
    [2013, '2013-02-10'],
    [2018, '2018-02-16'],
    [2030, '2030-02-02'], // China: 03/02
  ] as const)('Tết %i is %s', (y, tet) => {
    expect(iso(tetDay(y))).toBe(tet);
  });

  it('converts both ways and rejects dates that do not exist', () => {
    expect(solarToLunar(day('2025-01-28'))).toEqual({ day: 29, month: 12, year: 2024, leap: false });
    expect(lunarToSolar(30, 12, 2024)).toBeUndefined(); // no "30 Tết" before Tết 2025
    expect(iso(lunarToSolar(30, 12, 2023) ?? NaN)).toBe('2024-02-09');
    expect(iso(lunarToSolar(1, 2, 2023, true) ?? NaN)).toBe('2023-03-22'); // 2023 had a leap 2nd month
    expect(lunarToSolar(1, 3, 2023, true)).toBeUndefined();
    for (let d = dayNumber(2019, 1, 1); d <= dayNumber(2027, 12, 31); d += 7) {
      const l = solarToLunar(d);
      expect(lunarToSolar(l.day, l.month, l.year, l.leap), iso(d)).toBe(d);
    }
  });
});

describe('nonWorkingReason', () => {
  it.each([
    ['2024-02-09', 'Tết Nguyên đán (30 Tết)', 'holiday'],
    ['2024-02-13', 'Tết Nguyên đán (nghỉ bù)', 'compensatory'],
    ['2019-04-15', 'Nghỉ bù Giỗ Tổ Hùng Vương (14/4 là Chủ nhật)', 'compensatory'],
    ['2025-04-07', 'Giỗ Tổ Hùng Vương', 'holiday'],
    ['2024-04-29', 'Nghỉ hoán đổi (làm bù 04/5)', 'swap'],
    ['2024-02-10', 'Tết Nguyên đán (mùng 1), thứ Bảy', 'weekend'],
    ['2022-01-01', 'Tết Dương lịch, thứ Bảy', 'weekend'],
    ['2024-06-09', 'Chủ nhật', 'weekend'],
  ] as const)('%s: %s', (d, vi, kind) => {
    const r = cal.nonWorkingReason(day(d));
    expect(r?.vi).toBe(vi);
    expect(r?.kind).toBe(kind);
    expect(r?.en.length).toBeGreaterThan(0);
  });

  it('marks unconfirmed days', () => {
    expect(cal.nonWorkingReason(day('2026-09-01'))).toMatchObject({ kind: 'holiday', confirmed: false });
    expect(cal.nonWorkingReason(day('2026-11-24'))).toMatchObject({ kind: 'pending', confirmed: false });
    expect(cal.nonWorkingReason(day('2026-08-31'))).toMatchObject({ kind: 'swap', confirmed: false });
  });

  it('is undefined on working days', () => {
    expect(cal.nonWorkingReason(day('2024-05-04'))).toBeUndefined();
    expect(cal.nonWorkingReason(day('2024-05-02'))).toBeUndefined();
  });
});
