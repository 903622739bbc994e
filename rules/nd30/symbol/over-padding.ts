import { defineRule } from '../../../src/engine/rule.js';
import { adviceEn, adviceVi, canonicalDigits, fixKind, hasStateNumber, ND30, severityFor, symbolOf, withNumber } from './common.js';

// SKH-2: numbers below 10 get one leading zero ("05"); nothing says to pad larger numbers, so
// `0087`, `045`, `010`, `005` are non-standard (a whole province's software may do it). A warning:
// the "no padding above 9" reading is an inference. 087 and 87 are the same number for duplicate
// checks either way (numbering/* compare values).
export default defineRule({
  meta: {
    id: 'symbol/over-padding',
    category: 'symbol',
    defaultSeverity: 'warning',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Số văn bản chỉ thêm một số 0 khi nhỏ hơn 10 (05); không thêm số 0 trước số lớn hơn (0087, 045).',
      en: 'Only numbers below 10 get a leading zero (05); larger numbers are not padded (0087, 045).',
    },
    messages: {
      padded: {
        vi: 'Số văn bản "{number}" có số 0 thừa phía trước; viết "{canonical}".{adviceVi}',
        en: 'Document number "{number}" has superfluous leading zeros; write "{canonical}".{adviceEn}',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3.a', kind: 'derived' },
    fix: 'safe',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '0087/KH-UBND', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '87/KH-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        const num = parsed?.number;
        if (!parsed || !num || !hasStateNumber(parsed) || num.malformed !== undefined || num.value === 0) return;
        const canonical = canonicalDigits(num.value);
        if (num.digits === canonical || !num.digits.startsWith('0') || num.digits.length <= canonical.length) return;
        context.report({
          entry,
          field: 'symbol',
          messageId: 'padded',
          data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), number: num.digits, canonical },
          fix: { from: parsed.raw, to: withNumber(parsed, canonical), kind: fixKind(entry, parsed, []) },
          severity: severityFor(entry),
        });
      },
    };
  },
});
