import { defineRule } from '../../../src/engine/rule.js';
import { ND30 } from '../symbol/common.js';
import { firstHolders, placeOf, seriesData, seriesHandlers } from './series.js';

// Điều 15.1: "số và ký hiệu văn bản của cơ quan, tổ chức là duy nhất trong một năm"; Điều 22.2: số
// đến are consecutive. Numbers are compared by value within a series and year (07, 7 and 007 are
// one number); letter-suffixed numbers (236a) are insertions, reported by numbering/order.
export default defineRule({
  meta: {
    id: 'numbering/duplicate',
    category: 'numbering',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Mỗi số văn bản (hoặc số đến) chỉ được cấp một lần trong một dãy số của một năm.',
      en: 'Each number (or arrival number) is given out once per series and year.',
    },
    messages: {
      duplicate: {
        vi: 'Số {number} bị cấp trùng trong dãy số {seriesVi} năm {year}: đã dùng ở {otherPlaceVi} ("{otherValue}").',
        en: 'Number {number} is used twice in the {seriesEn} series of {year}: already used on {otherPlaceEn} ("{otherValue}").',
      },
    },
    citation: { instrument: ND30, article: 'Điều 15 khoản 1; Điều 22 khoản 2', kind: 'exact' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '05/QĐ-UBND', issuedDate: '02/01/2024' }, { symbol: '05/QĐ-UBND', issuedDate: '03/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '05/QĐ-UBND', issuedDate: '02/01/2024' }, { symbol: '06/QĐ-UBND', issuedDate: '03/01/2024' }] },
    },
  },
  check(context) {
    return seriesHandlers(context, (model, c) => {
      for (const s of model.series) {
        // The first holder of each number (shared with gap and order): every later holder repeats it.
        const first = firstHolders(c, s);
        for (const i of s.items) {
          if (c.suffix.has(i)) continue;
          const other = first.get(c.num.at(i))!;
          if (other === i) continue;
          const here = c.location(i);
          const there = c.location(other);
          const place = placeOf(there, here);
          context.report({
            location: here,
            messageId: 'duplicate',
            data: { number: c.label(i), ...seriesData(s), otherRow: c.row.at(other), otherPlaceVi: place.vi, otherPlaceEn: place.en, otherValue: there.value ?? '' },
            related: [there],
          });
        }
      }
    });
  },
});
