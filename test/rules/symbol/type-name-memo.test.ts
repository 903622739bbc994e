// typeCodeForName remembers its answers by the first few characters of a subject (the longest type
// name and the character after it). Whatever was asked before, it must answer what the whole read of
// the first 40 characters answers: on generated subjects mixing type names, abbreviations, accents,
// case, runs of spaces and punctuation, asked in a shuffled order with repeats.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typeCodeForName, typeCodeForNameWhole } from '../../../rules/data/doc-types.js';

const PIECES = [
  'Quyết định', 'QUYẾT ĐỊNH', 'quyet dinh', 'Thông tư', 'Thông tư liên tịch', 'Thông  tư', 'Bản sao y bản chính', 'Sao y',
  'Giấy mời họp', 'Giấy ủy quyền', 'Giấy uỷ quyền', 'Công văn', 'Tờ trình', 'Kế hoạch', 'Nghị quyết liên tịch', 'Chương trình',
  'QĐ', 'QD', 'TTr', 'TTR', 'CV', 'KH', 'QyĐ', 'ĐA', 'BC', 'V/v', 'về việc', 'số 12', ' ', '   ', '\t', '\u00A0', '-', '.', ':', '(', '"',
  'a', 'b', 'x', '1', 'liên', 'tịch', 'bản', 'y', 'Quyết', 'định', 'e\u0301', 'Đ', 'đ',
];

describe('the memo of typeCodeForName', () => {
  it('answers as the whole read, whatever was asked before', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), { minLength: 1, maxLength: 30 }), (subjects) => {
        const texts = subjects.map((parts) => parts.join(''));
        for (const t of [...texts, ...texts.reverse()]) expect(typeCodeForName(t), JSON.stringify(t)).toEqual(typeCodeForNameWhole(t));
      }),
      { numRuns: 1500, seed: 20261203 },
    );
  });
});
