import * as z from 'zod';
import { defineRule } from '../../../src/engine/rule.js';
import { adviceEn, adviceVi, ND30, symbolOf } from './common.js';

// SKH-1: the number is the running number in Arabic digits. A letter after it (`236a/QĐ-UBND`) is
// how a document slipped in after its neighbours were numbered shows up — "cấp số lùi", a classic
// inspection finding — hence a warning to check the original, not a format error. Dotted numbers
// (`66.3/2025/NQ-CP`) are a real Government practice: a note (or nothing with `allowDotted`).
// Incoming registers only: in the agency's own outgoing register numbering/order reports every
// suffixed number as an insertion into its series (with the number it follows), once.
const Options = z.strictObject({
  /** Accept dotted numbers (`66.3`) silently, e.g. for a profile that knows the issuer uses them. */
  allowDotted: z.boolean().default(false),
});

export default defineRule<z.infer<typeof Options>>({
  meta: {
    id: 'symbol/number-suffix',
    category: 'symbol',
    defaultSeverity: 'warning',
    appliesTo: ['incoming'],
    description: {
      vi: 'Số văn bản không có chữ cái hay phần thêm phía sau (236a): dấu hiệu cấp số lùi, chèn văn bản vào sau.',
      en: 'A document number has no letter or extra part after it (236a): a sign of a number given out after the fact.',
    },
    messages: {
      letter: {
        vi: 'Số văn bản "{number}" có chữ "{suffix}" phía sau; thường là văn bản được chèn số sau (cấp số lùi) — kiểm tra lại.{adviceVi}',
        en: 'Document number "{number}" carries the letter "{suffix}"; usually a document numbered after the fact — check it.{adviceEn}',
      },
      dotted: {
        vi: 'Số văn bản "{number}" có phần thêm "{suffix}" (số có dấu chấm); chỉ hợp lệ khi cơ quan ban hành đánh số như vậy.',
        en: 'Document number "{number}" has the extra part "{suffix}" (a dotted number); valid only where the issuer numbers that way.',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3.a; Điều 15 khoản 1', kind: 'derived' },
    fix: 'none',
    options: Options,
    examples: {
      failing: { kind: 'incoming', entries: [{ symbol: '236a/QĐ-UBND', issuedDate: '08/01/2024', arrivalDate: '10/01/2024' }] },
      passing: { kind: 'incoming', entries: [{ symbol: '236/QĐ-UBND', issuedDate: '08/01/2024', arrivalDate: '10/01/2024' }] },
    },
  },
  check(context) {
    const allowDotted = context.options.allowDotted;
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        const num = parsed?.number;
        if (!parsed || !num || num.suffix === undefined || parsed.form === 'unparseable') return;
        const number = `${num.digits}${num.suffix}`;
        if (num.suffix.startsWith('.')) {
          if (allowDotted) return;
          context.report({ entry, field: 'symbol', messageId: 'dotted', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), number, suffix: num.suffix }, severity: 'info' });
          return;
        }
        context.report({ entry, field: 'symbol', messageId: 'letter', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), number, suffix: num.suffix } });
      },
    };
  },
});
