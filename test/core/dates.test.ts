// toYmd counts the calendar in integers; it must agree with Date on every day Date can hold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toYmd, yearOf } from '../../src/core/dates.js';

const viaDate = (d: number): { year: number; month: number; day: number } => {
  const date = new Date(d * 86_400_000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
};

describe('toYmd', () => {
  it('agrees with Date on every day from 0190 to 3750', () => {
    for (let d = -650_000; d <= 650_000; d++) {
      const a = toYmd(d);
      const b = viaDate(d);
      if (a.year !== b.year || a.month !== b.month || a.day !== b.day) throw new Error(`day ${d}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
    }
  });

  it('agrees with Date on any day Date can hold, and on non-integers and NaN', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000_000, max: 100_000_000 }), (d) => {
        expect(toYmd(d)).toEqual(viaDate(d));
        expect(yearOf(d)).toBe(viaDate(d).year);
      }),
      { numRuns: 20_000, seed: 20261203 },
    );
    for (const d of [Number.NaN, 0.5, -0.5, 19_000.25, 100_000_001, -100_000_001, Infinity]) expect(toYmd(d)).toEqual(viaDate(d));
  });
});
