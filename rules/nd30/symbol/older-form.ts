import { defineRule } from '../../../src/engine/rule.js';
import { formatDate } from '../../../src/core/dates.js';
import { ND30, symbolOf } from './common.js';
import { documentTime, olderForms, undated } from './eras.js';

// Symbols of earlier eras (rules/data/symbol-eras.json): judged by the rules in force on the
// document date. With a date, an older form within its era explains the current rules' findings
// (they are not raised, see index.ts) and one after it is judged like any symbol. With no date at
// all — no document date, no year segment, no register year — the rules that apply are unknown:
// instead of the current rules' errors, one warning says which era the form matches.
export default defineRule({
  meta: {
    id: 'symbol/older-form',
    category: 'symbol',
    defaultSeverity: 'warning',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Số, ký hiệu theo dạng của một thời kỳ trước (trước 1997, 1997–2005, trước Thông tư 01/2011) mà sổ không ghi ngày văn bản: không biết quy định nào áp dụng.',
      en: 'A symbol in the form of an earlier period (before 1997, 1997–2005, before TT 01/2011) with no document date in the register: which rules apply is unknown.',
    },
    messages: {
      undated: {
        vi: 'Số, ký hiệu "{value}" theo dạng {formVi} — dạng dùng {eraVi} ({textsVi}), không đúng dạng hiện hành. Sổ không ghi ngày văn bản nên không xác định được quy định áp dụng: hãy ghi ngày tháng văn bản; nếu văn bản ban hành sau ngày {until}, ký hiệu này sai quy định.',
        en: 'Symbol "{value}" has the form {formEn} — a form used {eraEn} ({textsVi}), not the current one. The register gives no document date, so which rules apply is unknown: record the document date; if the document was issued after {until}, the symbol breaks the rules.',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3; trước đó Thông tư 01/2011/TT-BNV, Thông tư liên tịch 55/2005/TTLT-BNV-VPCP, Thông tư 33-BT năm 1992', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: { kind: 'incoming', entries: [{ symbol: '159/QĐ', arrivalNumber: '1', arrivalDate: '08/01/2024' }] },
      passing: { kind: 'incoming', entries: [{ symbol: '159/QĐ', issuedDate: '12/03/1985', arrivalNumber: '1', arrivalDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        if (!parsed) return;
        const forms = olderForms(parsed).filter((f) => !f.validToday);
        if (forms.length === 0 || !undated(documentTime(entry, parsed))) return;
        const f = forms[0]!;
        context.report({
          entry,
          field: 'symbol',
          messageId: 'undated',
          data: { value: parsed.raw, formVi: f.vi, formEn: f.en, eraVi: f.era.vi, eraEn: f.era.en, textsVi: f.era.texts, until: formatDate(f.validUntilDay) },
        });
      },
    };
  },
});
