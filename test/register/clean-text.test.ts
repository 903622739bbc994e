// cleanText returns text that is clean already as it is (no NFC pass, no replace): it must answer
// what the whole cleaning answers. The characters it takes as clean are NFC alone and in every pair;
// generated strings mixing them with spaces, line breaks, NBSP, combining marks and other scripts
// clean alike both ways.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, cleanTextWhole } from '../../src/register/model.js';

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));
}
const CLEAN_CHARS = [...range(0x21, 0x7e), ...range(0xa1, 0x24f), ...range(0x1e00, 0x1eff), ...range(0x2010, 0x2027)];

describe('cleanText', () => {
  it('takes as clean only characters that are NFC alone and beside each other', () => {
    for (const a of CLEAN_CHARS) {
      expect(a.normalize('NFC')).toBe(a);
      expect(/\s/u.test(a)).toBe(false);
      for (const b of CLEAN_CHARS) if ((a + b).normalize('NFC') !== a + b) throw new Error(`${a}${b} is not NFC`);
    }
  });

  it('answers as the whole cleaning on generated text', () => {
    const ch = fc.oneof(
      fc.constantFrom(...CLEAN_CHARS),
      fc.constantFrom(' ', '  ', '\n', '\r\n', '\t', '\u00a0', '\u2028', '\u3000', '\u0301', '\u0323', '\u0300', 'e\u0302', '\u0110', '\u212b', '\u0340', 'А', 'ä'),
    );
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 20 }), (parts) => {
        const s = parts.join('');
        expect(cleanText(s), JSON.stringify(s)).toBe(cleanTextWhole(s));
      }),
      { numRuns: 5000, seed: 20261203 },
    );
  });
});
