import { defineRule } from '../../../src/engine/rule.js';
import { adviceEn, adviceVi, fixKind, ND30, severityFor, symbolOf } from './common.js';

// A symbol is made of Vietnamese letters, Arabic digits, "/" and "-" (Phụ lục I II.3). Characters
// that only look like them — the fraction slash ⁄ (U+2044), en/em dashes – —, the minus sign,
// Cyrillic or Greek capitals, full-width forms — come from word processors and PDF copies; the
// value reads right but never matches the real symbol in searches and duplicate checks. The eth
// Ð (U+00D0) standing for Đ is symbol/letter-dj's.
const ETH = /[\u00D0\u00F0\u0189\u0256]/u;

const codePoints = (s: string): string =>
  [...new Set([...s])].map((ch) => `${ch} U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(', ');

export default defineRule({
  meta: {
    id: 'symbol/lookalike',
    category: 'symbol',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Số, ký hiệu không được chứa ký tự trông giống nhưng khác mã (⁄ thay cho /, – — thay cho -, chữ Kirin…).',
      en: 'A symbol must not contain look-alike characters (⁄ for /, – — for -, Cyrillic letters…).',
    },
    messages: {
      lookalike: {
        vi: 'Số, ký hiệu "{value}" chứa ký tự trông giống nhưng sai mã ({chars}); phải là "{fixed}" (kiểm tra lại việc nhập liệu).{adviceVi}',
        en: 'Symbol "{value}" contains look-alike characters ({chars}); it must read "{fixed}" (check the data entry).{adviceEn}',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3', kind: 'derived' },
    fix: 'safe',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '15/QĐ\u2013UBND', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '15/QĐ-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        // Free text that is not a symbol at all ("Không số – đơn thư") is not judged character by character.
        if (!parsed || parsed.form === 'empty' || parsed.form === 'unparseable' || parsed.repairs.length === 0) return;
        const runs = parsed.repairs.filter((r) => r.kind === 'lookalike' && !ETH.test(r.from));
        if (runs.length === 0) return;
        const chars = codePoints(runs.map((r) => r.from).join(''));
        const fix = { from: parsed.raw, to: parsed.normalized, kind: fixKind(entry, parsed, ['lookalike']) };
        context.report({ entry, field: 'symbol', messageId: 'lookalike', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: parsed.raw, chars, fixed: parsed.normalized }, fix, severity: severityFor(entry) });
      },
    };
  },
});
