import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateValue } from '../../src/core/date-parse.js';
import { formatIso, parseIso } from '../../src/core/dates.js';
import type { RawValue } from '../../src/ingest/types.js';

/** The expected outcome in readable form: ISO day, source, format, swapped ISO day (or '-'). */
type Expected = readonly [iso: string, source: 'serial' | 'text', format: string, swapped?: string] | 'empty' | 'unparseable' | 'invalid';

function outcome(value: RawValue, date1904 = false): Expected {
  const r = parseDateValue(value, date1904);
  if (!r.ok) return r.reason;
  const base = [formatIso(r.day), r.source, r.format] as const;
  return r.swapped === undefined ? base : [...base, formatIso(r.swapped)];
}

const day = (iso: string): number => {
  const d = parseIso(iso);
  if (d === undefined) throw new Error(iso);
  return d;
};

describe('parseDateValue table', () => {
  const cases: readonly (readonly [RawValue, Expected])[] = [
    // Serial numbers (1900 system).
    [45356, ['2024-03-05', 'serial', 'serial']],
    [45356.75, ['2024-03-05', 'serial', 'serial']],
    [61, ['1900-03-01', 'serial', 'serial']],
    [0, 'invalid'],
    [0.5, 'invalid'],
    [-3, 'invalid'],
    [3_000_000, 'invalid'],
    [Number.NaN, 'invalid'],
    [Number.POSITIVE_INFINITY, 'invalid'],
    ['45356', ['2024-03-05', 'serial', 'serial']],
    [' 45356 ', ['2024-03-05', 'serial', 'serial']],
    ['45356.5', ['2024-03-05', 'serial', 'serial']],
    // Empty and non-dates.
    [null, 'empty'],
    ['', 'empty'],
    ['   \t ', 'empty'],
    [true, 'unparseable'],
    ['2024', 'unparseable'],
    ['Quyết định số 12', 'unparseable'],
    ['05/03', 'unparseable'],
    ['05/03-2024', 'unparseable'],
    ['05/03/2024.', 'unparseable'],
    ['12/QĐ-UBND', 'unparseable'],
    // Day-first numeric forms.
    ['05/03/2024', ['2024-03-05', 'text', 'dd/mm/yyyy', '2024-05-03']],
    ['5/3/2024', ['2024-03-05', 'text', 'd/m/yyyy', '2024-05-03']],
    ['5/03/2024', ['2024-03-05', 'text', 'd/mm/yyyy', '2024-05-03']],
    ['5/3/24', ['2024-03-05', 'text', 'd/m/yy', '2024-05-03']],
    ['05/03/69', ['2069-03-05', 'text', 'dd/mm/yy', '2069-05-03']],
    ['05/03/70', ['1970-03-05', 'text', 'dd/mm/yy', '1970-05-03']],
    ['05-03-2024', ['2024-03-05', 'text', 'dd-mm-yyyy', '2024-05-03']],
    ['05.03.2024', ['2024-03-05', 'text', 'dd.mm.yyyy', '2024-05-03']],
    ['05 / 03 / 2024', ['2024-03-05', 'text', 'dd/mm/yyyy', '2024-05-03']],
    ['13/03/2024', ['2024-03-13', 'text', 'dd/mm/yyyy']],
    ['05/05/2024', ['2024-05-05', 'text', 'dd/mm/yyyy']],
    ['31/12/2024', ['2024-12-31', 'text', 'dd/mm/yyyy']],
    ['29/02/2024', ['2024-02-29', 'text', 'dd/mm/yyyy']],
    ['05/03/2024 14:30', ['2024-03-05', 'text', 'dd/mm/yyyy hh:mm', '2024-05-03']],
    ['05/03/2024 8:05:59', ['2024-03-05', 'text', 'dd/mm/yyyy hh:mm', '2024-05-03']],
    ['05/03/2024 10h30', ['2024-03-05', 'text', 'dd/mm/yyyy hh:mm', '2024-05-03']],
    // Impossible dates.
    ['31/02/2024', 'invalid'],
    ['29/02/2023', 'invalid'],
    ['12/13/2024', 'invalid'],
    ['00/03/2024', 'invalid'],
    ['32/01/2024', 'invalid'],
    ['05/03/0024', 'invalid'],
    // ISO and year-first.
    ['2024-03-05', ['2024-03-05', 'text', 'iso']],
    ['2024-3-5', ['2024-03-05', 'text', 'iso']],
    ['2024-03-05T08:15', ['2024-03-05', 'text', 'iso']],
    ['2024-03-05T08:15:00.000Z', ['2024-03-05', 'text', 'iso']],
    ['2024-03-05 08:15:00', ['2024-03-05', 'text', 'iso']],
    ['2024-02-30', 'invalid'],
    ['2024/03/05', ['2024-03-05', 'text', 'yyyy/mm/dd']],
    // Vietnamese words.
    ['ngày 6 tháng 4 năm 2024', ['2024-04-06', 'text', 'words']],
    ['Ngày 06 tháng 04 năm 2024', ['2024-04-06', 'text', 'words']],
    ['NGÀY 6 THÁNG 4 NĂM 2024', ['2024-04-06', 'text', 'words']],
    ['Bình Tấn, ngày 05 tháng 01 năm 2024', ['2024-01-05', 'text', 'words']],
    ['ngay 6 thang 4 nam 2024', ['2024-04-06', 'text', 'words']],
    ['ngày 6 tháng 4 năm 2024'.normalize('NFD'), ['2024-04-06', 'text', 'words']],
    ['Hà Nội,  ngày   6  tháng\n4 năm 2024', ['2024-04-06', 'text', 'words']],
    ['ngày 31 tháng 4 năm 2024', 'invalid'],
    ['Ngày 05/03/2024', ['2024-03-05', 'text', 'dd/mm/yyyy', '2024-05-03']],
    ['tháng 4 năm 2024', 'unparseable'],
  ];

  it('has at least 40 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases)('%j → %j', (value, expected) => {
    expect(outcome(value)).toEqual(expected);
  });
});

describe('parseDateValue specifics', () => {
  it('serial 45356 is 2024-03-05 in the 1900 system and 1462 days later in the 1904 system', () => {
    const r1900 = parseDateValue(45356, false);
    const r1904 = parseDateValue(45356, true);
    expect(r1900).toEqual({ ok: true, day: day('2024-03-05'), source: 'serial', format: 'serial' });
    expect(r1904.ok && r1900.ok && r1904.day - r1900.day).toBe(1462);
    expect(parseDateValue('45356', true)).toEqual(r1904);
    // A 1904-system serial of the same date.
    expect(parseDateValue(45356 - 1462, true)).toEqual(r1900);
  });

  it('text dates do not depend on the date system', () => {
    expect(parseDateValue('05/03/2024', true)).toEqual(parseDateValue('05/03/2024', false));
  });

  it('swapped is the month/day reading only when both readings are real, different dates', () => {
    const swapped = (text: string) => {
      const r = parseDateValue(text, false);
      return r.ok ? r.swapped : 'failed';
    };
    expect(swapped('05/03/2024')).toBe(day('2024-05-03'));
    expect(swapped('13/03/2024')).toBeUndefined();
    expect(swapped('05/05/2024')).toBeUndefined();
    expect(swapped('2024-03-05')).toBeUndefined();
    expect(swapped('ngày 5 tháng 3 năm 2024')).toBeUndefined();
    expect(swapped('12/13/2024')).toBe('failed');
  });
});

describe('parseDateValue never throws', () => {
  const rawValue = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc
      .tuple(fc.integer({ min: -5, max: 40 }), fc.constantFrom('/', '-', '.', ' '), fc.integer({ min: -5, max: 40 }), fc.integer({ min: -1, max: 99999 }))
      .map(([d, s, m, y]) => `${d}${s}${m}${s}${y}`),
  );

  it('on arbitrary strings, numbers, booleans and null, in both date systems', () => {
    fc.assert(
      fc.property(rawValue, fc.boolean(), (value, date1904) => {
        const r = parseDateValue(value, date1904);
        if (r.ok) {
          expect(Number.isInteger(r.day)).toBe(true);
          if (r.swapped !== undefined) expect(Number.isInteger(r.swapped)).toBe(true);
        } else {
          expect(['empty', 'unparseable', 'invalid']).toContain(r.reason);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
