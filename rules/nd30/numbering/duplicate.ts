import { defineRule } from '../../../src/engine/rule.js';
import type { Location } from '../../../src/core/types.js';
import { ND30 } from '../symbol/common.js';
import { seriesKey, seriesLabel, yearTracker } from './series.js';

// Điều 15.1: "số và ký hiệu văn bản của cơ quan, tổ chức là duy nhất trong một năm". Numbers are
// compared by value, so 07, 7 and 007 collide.
export default defineRule({
  meta: {
    id: 'numbering/duplicate',
    category: 'numbering',
    defaultSeverity: 'error',
    appliesTo: ['outgoing'],
    description: {
      vi: 'Mỗi số văn bản chỉ được cấp một lần trong một dãy số của một năm.',
      en: 'Each number is given out once per series and year.',
    },
    messages: {
      duplicate: {
        vi: 'Số {number} bị cấp trùng trong dãy số {seriesVi} năm {year}: đã dùng ở dòng {otherRow} ("{otherValue}").',
        en: 'Number {number} is used twice in the {seriesEn} series of {year}: already used on row {otherRow} ("{otherValue}").',
      },
    },
    citation: { instrument: ND30, article: 'Điều 15 khoản 1', kind: 'exact' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '05/QĐ-UBND', issuedDate: '02/01/2024' }, { symbol: '05/QĐ-UBND', issuedDate: '03/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '05/QĐ-UBND', issuedDate: '02/01/2024' }, { symbol: '06/QĐ-UBND', issuedDate: '03/01/2024' }] },
    },
  },
  check(context) {
    const years = yearTracker();
    const first = new Map<string, Location>();
    return {
      row(entry) {
        const slot = years.slot(entry);
        if (!slot) return;
        const key = `${seriesKey(slot)}|${slot.number}`;
        const other = first.get(key);
        if (!other) {
          first.set(key, entry.location('symbol'));
          return;
        }
        context.report({
          entry,
          field: 'symbol',
          messageId: 'duplicate',
          data: {
            number: slot.number < 10 ? `0${slot.number}` : String(slot.number),
            year: slot.year,
            seriesVi: seriesLabel(slot.series, 'vi'),
            seriesEn: seriesLabel(slot.series, 'en'),
            otherRow: other.row ?? '?',
            otherValue: other.value ?? '',
          },
          related: [other],
        });
      },
    };
  },
});
