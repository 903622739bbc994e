import { defineRule } from '../../../src/engine/rule.js';
import { adviceEn, adviceVi, fixKind, ND30, partyInStateForm, severityFor, symbolOf } from './common.js';
import type { Repair } from './types.js';

// SKH-3/SKH-6: "/" separates the number (and the year of a QPPL) from the symbol, "-" joins the
// groups of the symbol. Underscores, dots, back-slashes, a slash between groups (`TTLT/BTC-BNV`),
// hyphens between number and year (`21-2018-TT-BYT`) and stray or doubled separators are wrong.
// Spaces are symbol/no-spaces'; a Party symbol in State layout (`12/NQ/TU`) is symbol/party-form's.
const isWhitespace = (s: string): boolean => /^\s+$/u.test(s);
const show = (s: string): string => (s === '' ? '∅' : s);

export default defineRule({
  meta: {
    id: 'symbol/separator',
    category: 'symbol',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Số và ký hiệu ngăn cách bằng dấu "/", các nhóm chữ viết tắt nối bằng dấu "-" (không dùng _ . \\ hay "/" giữa các nhóm).',
      en: 'The number and the symbol are separated by "/", groups are joined by "-" (not _ . \\ or "/" between groups).',
    },
    messages: {
      wrong: {
        vi: 'Số, ký hiệu "{value}" dùng dấu "{from}" thay cho "{to}"; phải viết "{fixed}".{adviceVi}',
        en: 'Symbol "{value}" uses "{from}" where "{to}" belongs; it must read "{fixed}".{adviceEn}',
      },
      stray: {
        vi: 'Số, ký hiệu "{value}" có dấu "{from}" thừa; phải viết "{fixed}".{adviceVi}',
        en: 'Symbol "{value}" has a stray "{from}"; it must read "{fixed}".{adviceEn}',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3.a–c', kind: 'exact' },
    fix: 'safe',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '05/QĐ_UBND', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '05/QĐ-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        if (!parsed || parsed.form === 'unparseable' || parsed.form === 'empty' || partyInStateForm(parsed) || parsed.repairs.length === 0) return;
        const wrong = parsed.repairs.filter((r) => r.kind === 'separator' && !isWhitespace(r.from));
        if (wrong.length === 0) return;
        const first = wrong.find((r) => r.to !== '') ?? (wrong[0] as Repair);
        const messageId = first.to === '' ? 'stray' : 'wrong';
        context.report({
          entry,
          field: 'symbol',
          messageId,
          data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: parsed.raw, from: show(first.from.replace(/\s+/gu, '')), to: show(first.to), fixed: parsed.normalized },
          fix: { from: parsed.raw, to: parsed.normalized, kind: fixKind(entry, parsed, ['separator']) },
          severity: severityFor(entry),
        });
      },
    };
  },
});
