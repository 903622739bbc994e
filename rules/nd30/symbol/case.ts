import { defineRule } from '../../../src/engine/rule.js';
import { MIXED_CASE_CODES } from '../../data/doc-types.js';
import { adviceEn, adviceVi, fixKind, ND30, severityFor, symbolOf } from './common.js';
import type { Repair } from './types.js';

// SKH-7: the symbol is written in capital letters — except the official mixed-case codes of
// Phụ lục III (`QyĐ`, `CTr`, `TTr`, `TrS`) and the issuer `TTg`, which are written exactly so
// (`1818/TTr-VP`, `439/QĐ-TTg`). Lower-case groups (`ttr-ubnd`) and a capital G in `TTG` are
// errors; all-caps spellings of the mixed-case type codes (`TTR`, `QYĐ`) are common and harmless to
// read, hence only a soft warning. The parser never forces these codes to upper case, and neither
// does this rule: its fix is the table spelling.
const isAllCapsOfMixed = (r: Repair): boolean => MIXED_CASE_CODES.has(r.to) && r.from === r.from.toUpperCase() && r.to !== 'TTg';

export default defineRule({
  meta: {
    id: 'symbol/case',
    category: 'symbol',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Ký hiệu viết chữ in hoa, trừ các chữ viết tắt chính thức có chữ thường (QyĐ, CTr, TTr, TrS, TTg).',
      en: 'A symbol is written in capitals, except the official mixed-case codes (QyĐ, CTr, TTr, TrS, TTg).',
    },
    messages: {
      wrongCase: {
        vi: 'Ký hiệu "{value}" viết sai chữ hoa/chữ thường ("{from}"); phải viết "{fixed}".{adviceVi}',
        en: 'Symbol "{value}" has wrong capitalisation ("{from}"); it must read "{fixed}".{adviceEn}',
      },
      allCaps: {
        vi: 'Ký hiệu "{value}" viết "{from}" toàn chữ in hoa; chữ viết tắt chính thức trong Phụ lục III là "{to}".{adviceVi}',
        en: 'Symbol "{value}" writes "{from}" in all capitals; the official abbreviation in Phụ lục III is "{to}".{adviceEn}',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3 và mục V; Phụ lục III, mục I', kind: 'exact' },
    fix: 'safe',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '12/QĐ-ubnd', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '12/TTr-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        if (!parsed || parsed.form === 'unparseable' || parsed.form === 'empty' || parsed.repairs.length === 0) return;
        const cased = parsed.repairs.filter((r) => r.kind === 'case');
        if (cased.length === 0) return;
        const dj = new Set(parsed.repairs.filter((r) => r.kind === 'd-for-đ').map((r) => r.to));
        const party = parsed.form === 'party' || parsed.form === 'historic';
        const wrong = cased.filter((r) => {
          // An unofficial code (`cv`, `gt`) is symbol/type-code's: its fix replaces the code anyway.
          if (parsed.typeStatus === 'unofficial' && r.from.toUpperCase() === (parsed.type ?? '').toUpperCase()) return false;
          if (isAllCapsOfMixed(r)) return false;
          // Party codes' own mixed case (`QĐI` → `QĐi`) is [M]: only all-lower-case groups count there.
          if (party && r.from !== r.from.toLowerCase()) return false;
          return true;
        });
        const fix = { from: parsed.raw, to: parsed.normalized, kind: fixKind(entry, parsed, ['case']) };
        if (wrong.length > 0) {
          const first = wrong[0] as Repair;
          context.report({ entry, field: 'symbol', messageId: 'wrongCase', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: parsed.raw, from: first.from, fixed: parsed.normalized }, fix, severity: severityFor(entry) });
          return;
        }
        // `QYD` → `QyĐ`: the D is symbol/letter-dj's, and its fix restores the mixed case too.
        const soft = cased.find((r) => isAllCapsOfMixed(r) && !dj.has(r.from) && !party);
        if (soft) {
          context.report({ entry, field: 'symbol', messageId: 'allCaps', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: parsed.raw, from: soft.from, to: soft.to }, fix, severity: 'warning' });
        }
      },
    };
  },
});
