import { defineRule } from '../../../src/engine/rule.js';
import { adviceEn, adviceVi, fixKind, ND30, severityFor, symbolOf } from './common.js';

// Abbreviations are Vietnamese: `QĐ`, `NĐ`, `HĐND`. `QD` (ASCII folding) and `QÐ` with the Icelandic
// eth U+00D0 look right on screen but never match the real symbol in searches and duplicate checks.
const ETH = /[\u00D0\u00F0]/;

export default defineRule({
  meta: {
    id: 'symbol/letter-dj',
    category: 'symbol',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Chữ Đ trong ký hiệu phải là chữ Đ tiếng Việt, không viết thành D hay ký tự giống Đ (Ð).',
      en: 'The letter Đ in a symbol must be the Vietnamese Đ, not D or the look-alike Ð.',
    },
    messages: {
      ascii: {
        vi: 'Ký hiệu "{value}" viết "{from}" thay cho "{to}" (chữ Đ bị viết thành D).{adviceVi}',
        en: 'Symbol "{value}" has "{from}" instead of "{to}" (Đ written as D).{adviceEn}',
      },
      lookalike: {
        vi: 'Ký hiệu "{value}" dùng ký tự "Ð" (U+00D0, chữ eth) trông giống Đ; phải là "Đ" (U+0110): "{fixed}".{adviceVi}',
        en: 'Symbol "{value}" uses "Ð" (U+00D0, eth), which looks like Đ; it must be "Đ" (U+0110): "{fixed}".{adviceEn}',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3; Phụ lục III, mục I', kind: 'derived' },
    fix: 'safe',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '07/QD-UBND', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '07/QĐ-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        if (!parsed || parsed.form === 'unparseable' || parsed.form === 'empty' || parsed.repairs.length === 0) return;
        const severity = severityFor(entry);
        const fix = { from: parsed.raw, to: parsed.normalized, kind: fixKind(entry, parsed, ['d-for-đ', 'lookalike']) };
        const ascii = parsed.repairs.find((r) => r.kind === 'd-for-đ');
        if (ascii) {
          context.report({ entry, field: 'symbol', messageId: 'ascii', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: parsed.raw, from: ascii.from, to: ascii.to }, fix, severity });
          return;
        }
        if (parsed.repairs.some((r) => r.kind === 'lookalike' && ETH.test(r.from))) {
          context.report({ entry, field: 'symbol', messageId: 'lookalike', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: parsed.raw, fixed: parsed.normalized }, fix, severity });
        }
      },
    };
  },
});
