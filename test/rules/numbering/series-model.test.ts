// The series model's building blocks: fast years, the year analysis of a register, settings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber, yearOf } from '../../../src/core/dates.js';
import type { Config } from '../../../src/config/schema.js';
import { analyseYears, classify, numberCell, numberingSettings, yearOfDay } from '../../../rules/nd30/numbering/series.js';
import { parseSymbol } from '../../../rules/nd30/symbol/parse.js';

const d = (y: number, m: number, day: number): number => dayNumber(y, m, day);

describe('yearOfDay', () => {
  it('agrees with the Date-based yearOf', () => {
    fc.assert(fc.property(fc.integer({ min: -700_000, max: 3_000_000 }), (x) => yearOfDay(x) === yearOf(x)));
  });
});

describe('analyseYears', () => {
  it('keeps an isolated wrong-year entry in its neighbours’ year and marks it', () => {
    const r = analyseYears([d(2024, 3, 4), d(2023, 3, 5), d(2024, 3, 6)], undefined);
    expect(r.years).toEqual([2024, 2024, 2024]);
    expect(r.outlier).toEqual([false, true, false]);
  });
  it('keeps a January run closing a book: the rollover', () => {
    const r = analyseYears([d(2024, 12, 30), d(2024, 12, 31), d(2025, 1, 2)], undefined);
    expect(r.years).toEqual([2024, 2024, 2025]);
    expect(r.outlier).toEqual([false, false, false]);
  });
  it('but not in a book that declares the old year', () => {
    expect(analyseYears([d(2024, 12, 30), d(2024, 12, 31), d(2025, 1, 2)], 2024).outlier).toEqual([false, false, true]);
  });
  it('gives unreadable dates the year before them', () => {
    expect(analyseYears([d(2024, 3, 4), Number.NaN, d(2024, 3, 6)], undefined)).toEqual({ years: [2024, 2024, 2024], outlier: [false, false, false] });
  });
  it('leaves long runs of another year alone', () => {
    const days = [d(2024, 12, 30), d(2025, 1, 2), d(2025, 1, 3), d(2025, 1, 6), d(2025, 1, 7)];
    expect(analyseYears(days, undefined).years).toEqual([2024, 2025, 2025, 2025, 2025]);
  });
});

describe('settings and classification', () => {
  const cfg = (numbering: unknown): Config => ({ numbering, agency: { issuer: 'UBND' } }) as Config;
  it('reads voided numbers in all forms', () => {
    const s = numberingSettings(cfg({ voided: ['2024:15', '2024:20-22', 'đến:2024:7', '15/QĐ-UBND@2023'] }));
    expect(s.voided).toEqual([
      { kind: 'outgoing', year: 2024, from: 15, to: 15 },
      { kind: 'outgoing', year: 2024, from: 20, to: 22 },
      { kind: 'incoming', year: 2024, from: 7, to: 7 },
      { kind: 'outgoing', year: 2023, from: 15, to: 15, base: 'admin|UBND|', type: 'QĐ' },
    ]);
    expect(s.scheme).toBe('auto');
    expect(s.restarts).toEqual([d(2025, 7, 1)]);
  });
  it('puts each form in its series', () => {
    const s = numberingSettings(cfg({ scheme: 'per-type', series: [{ name: 'HĐ', pattern: 'HĐTĐKT$' }] }));
    const key = (sym: string, secret = false): string | undefined => classify(parseSymbol(sym), sym, secret, s)?.key;
    expect(key('15/QĐ-UBND')).toBe('admin|UBND|QĐ');
    expect(key('15/UBND-VP')).toBe('admin|UBND|cv');
    expect(key('15/CV-UBND')).toBe('admin|UBND|cv');
    expect(key('15/2024/QĐ-UBND')).toBe('qppl|UBND|QĐ');
    expect(key('03/TrS-UBND')).toBe('copy|UBND|');
    expect(key('05/NQ-HĐND')).toBe('admin|HĐND|NQ');
    expect(key('05/QĐ-UBND-HĐTĐKT')).toBe('x:HĐ||');
    expect(key('05/QĐ-UBND', true)).toBe('secret|UBND|');
    // Party documents: per type and committee, counted per term (party.termStart).
    expect(key('12-NQ/TU')).toBe('party|TU|NQ');
  });
  it('reads number cells', () => {
    expect(numberCell(15)).toEqual({ value: 15 });
    expect(numberCell('015')).toEqual({ value: 15 });
    expect(numberCell('236a')).toEqual({ value: 236, suffix: 'a' });
    expect(numberCell('125/Đ')).toEqual({ value: 125 });
    expect(numberCell('Không số')).toBeUndefined();
    expect(numberCell(0)).toBeUndefined();
  });
  it('rejects bad numbering config', () => {
    expect(() => numberingSettings(cfg({ voided: ['15'] }))).toThrow();
    expect(() => numberingSettings(cfg({ series: [{ name: 'x' }] }))).toThrow();
    expect(() => numberingSettings(cfg({ series: [{ name: 'x', pattern: '(' }] }))).toThrow();
  });
});
