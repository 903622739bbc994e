// Property tests over the input-facing parsers: the header matcher and register detection never
// throw and give well-formed answers on arbitrary text (the symbol and date parsers have their own
// properties in test/rules/symbol/parse.test.ts and test/ingest/date-parse.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../src/core/types.js';
import type { RawRow, RawValue } from '../../src/ingest/types.js';
import { detectSheet } from '../../src/register/detect.js';
import { fold, headerKey, matchHeader } from '../../src/register/headers.js';

const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 120 }), fc.constantFrom('Số, ký hiệu văn bản', 'Ngày đến', 'SỐ/KÝ HIỆU', 'soKyHieu', '(1)', ''));

describe('header matcher properties', () => {
  it('never throws; answers a known field or nothing; keys are folded and trimmed', () => {
    fc.assert(
      fc.property(text, (s) => {
        const field = matchHeader(s);
        expect(field === undefined || (FIELDS as readonly string[]).includes(field)).toBe(true);
        const key = headerKey(s);
        expect(key).toBe(key.trim());
        expect(key).not.toMatch(/\s{2}/);
        expect(fold(key)).toBe(key);
      }),
      { numRuns: 2000 },
    );
  });

  it('is insensitive to case, accents-as-NFD and surrounding punctuation', () => {
    fc.assert(
      fc.property(fc.constantFrom('Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tác giả', 'Đơn vị hoặc người nhận', 'Ngày chuyển'), fc.constantFrom('', ' ', '\n', ':', '*'), (h, pad) => {
        const expected = matchHeader(h);
        expect(matchHeader(`${pad}${h.toUpperCase()}${pad}`)).toBe(expected);
        expect(matchHeader(h.normalize('NFD'))).toBe(expected);
      }),
    );
  });
});

describe('register detection properties', () => {
  const value: fc.Arbitrary<RawValue> = fc.oneof(fc.constant(null), fc.boolean(), fc.double({ noNaN: false }), text);
  it('never throws on arbitrary sheets; a register always has a header row among its rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(value, { maxLength: 12 }), { maxLength: 30 }), fc.integer({ min: 1, max: 31 }), async (rows, batchSize) => {
        const raw: RawRow[] = rows.map((values, i) => ({ row: i + 1, values }));
        const result = await detectSheet(
          { name: 'S', index: 0, date1904: false, rows: (async function* () {
            for (let i = 0; i < raw.length; i += batchSize) yield raw.slice(i, i + batchSize);
          })() },
          { file: 'f.xlsx', format: 'xlsx' },
        );
        if (result.type === 'register') {
          expect(raw.some((r) => r.row === result.info.headerRow)).toBe(true);
          const seen: number[] = [];
          for await (const batch of result.entries) for (const entry of batch) seen.push(entry.row);
          // Every entry after the header, in order, none twice, whatever the batch size.
          expect(seen.every((r, i) => r > result.info.headerRow && (i === 0 || r > seen[i - 1]!))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
