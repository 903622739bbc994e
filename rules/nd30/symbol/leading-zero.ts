import { defineRule } from '../../../src/engine/rule.js';
import { adviceEn, adviceVi, fixKind, hasStateNumber, ND30, severityFor, symbolOf } from './common.js';

// SKH-2: "Số của văn bản … được ghi bằng chữ số Ả-rập; trường hợp số nhỏ hơn 10 phải ghi thêm số 0 phía trước."
export default defineRule({
  meta: {
    id: 'symbol/leading-zero',
    category: 'symbol',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Số văn bản nhỏ hơn 10 phải có số 0 phía trước (05, không phải 5).',
      en: 'Document numbers below 10 must have a leading zero (05, not 5).',
    },
    messages: {
      missing: {
        vi: 'Số văn bản "{number}" nhỏ hơn 10 nhưng thiếu số 0 phía trước; phải ghi "{padded}".{adviceVi}',
        en: 'Document number "{number}" is below 10 but lacks the leading zero; it must read "{padded}".{adviceEn}',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3.a', kind: 'exact' },
    fix: 'safe',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '5/QĐ-UBND', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '05/QĐ-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        const num = parsed?.number;
        if (!parsed || !num || !hasStateNumber(parsed) || num.malformed !== undefined) return;
        if (num.digits.length !== 1 || num.value < 1 || num.value > 9) return;
        const padded = `0${num.digits}`;
        const to = parsed.normalized.replace(/^\d+/, padded);
        context.report({
          entry,
          field: 'symbol',
          messageId: 'missing',
          data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), number: num.digits, padded },
          fix: { from: parsed.raw, to, kind: fixKind(entry, parsed, []) },
          severity: severityFor(entry),
        });
      },
    };
  },
});
