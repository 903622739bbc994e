// The series collector's chunked columns: values across chunk boundaries, slices, NaN, bounds.
import { describe, expect, it } from 'vitest';
import { Column } from '../../../rules/nd30/numbering/column.js';

describe('Column', () => {
  it('keeps every value across chunk boundaries (8,192 slots a chunk)', () => {
    const c = new Column('int');
    for (let i = 0; i < 20_000; i++) c.push(i * 3 - 1);
    expect(c.length).toBe(20_000);
    expect([c.at(0), c.at(8191), c.at(8192), c.at(19_999)]).toEqual([-1, 8191 * 3 - 1, 8192 * 3 - 1, 19_999 * 3 - 1]);
    expect(c.slice(8190, 8194)).toEqual([8190, 8191, 8192, 8193].map((i) => i * 3 - 1));
  });

  it('float columns keep NaN and fractions; int columns are for whole numbers', () => {
    const f = new Column('float');
    f.push(Number.NaN);
    f.push(45_000.5);
    expect(Number.isNaN(f.at(0))).toBe(true);
    expect(f.at(1)).toBe(45_000.5);
  });

  it('refuses an index outside the column instead of reading a stale slot', () => {
    const c = new Column('int');
    c.push(7);
    expect(() => c.at(1)).toThrow(RangeError);
    expect(() => c.at(-1)).toThrow(RangeError);
    expect(() => c.at(Number.NaN)).toThrow(RangeError);
    expect(() => c.at(0.5)).toThrow(RangeError);
    expect(() => c.push(1.5)).toThrow(RangeError);
    expect(() => c.push(2 ** 31)).toThrow(RangeError);
  });
});
