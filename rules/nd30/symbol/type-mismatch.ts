import { likelyTypeCode } from './near-miss.js';
import { defineRule } from '../../../src/engine/rule.js';
import { matchKnownIssuer, typeCodeForName, typeNameForCode } from '../../data/doc-types.js';
import { agencyIssuers, includesCode, ND30, partyInStateForm, symbolOf } from './common.js';

// SKH-4/SKH-5: a document with a type name carries that type's abbreviation, a công văn none
// (`15/QĐ-BNV` vs `05/BNV-VP`). When the type named at the start of the type/subject cell
// ("Quyết định về việc …", "Công văn V/v …", or the separate "Loại văn bản" column) disagrees with
// the symbol, one of the two is wrong. Kept conservative, because registers are written by people:
// - a quy định, quy chế, kế hoạch … promulgated by a decision or resolution carries the decision's
//   number (`Quy định … ` with `12/2024/QĐ-UBND`); before 2020-03-05 `QĐ` also meant quy định;
// - CT, TTr, HĐ, TT, CĐ, TC, PC, PA are also agency codes (Cục Thuế `123/CT-TTHT`, Thanh tra
//   `45/TTr-VP`, Hội đồng, Trung tâm, Công đoàn …), so such a "typed" symbol may be a công văn;
// - copies, văn bản hợp nhất, laws and Party documents name the copied or consolidated text's type.
// Outgoing registers only: in an incoming register the subject is the clerk's summary of another
// agency's document, and the sender's symbol is what it is — a mismatch there says nothing certain.
const PROMULGATING = new Set(['QĐ', 'NQ']);
const PROMULGATED = new Set(['QyĐ', 'QC', 'CTr', 'KH', 'ĐA', 'PA', 'DA', 'HD']);
const AMBIGUOUS = new Set(['CT', 'TTr', 'HĐ', 'TT', 'CĐ', 'TC', 'PC', 'PA']);
const NOT_JUDGED = new Set(['VBHN', 'KL', 'SY', 'SL', 'TrS', 'PL']);
const FAMILY: Readonly<Record<string, string>> = { TTLT: 'TT', NQLT: 'NQ' };
const family = (code: string): string => FAMILY[code] ?? code;

function nameOf(code: string, lang: 'vi' | 'en'): string {
  if (code === 'cong-van') return lang === 'vi' ? 'công văn' : 'a công văn';
  const name = typeNameForCode(code);
  return name === undefined ? code : `${name.toLowerCase()} (${code})`;
}

export default defineRule({
  meta: {
    id: 'symbol/type-mismatch',
    category: 'symbol',
    defaultSeverity: 'warning',
    appliesTo: ['outgoing'],
    description: {
      vi: 'Chữ viết tắt tên loại trong ký hiệu phải khớp với tên loại văn bản ghi ở cột tên loại và trích yếu.',
      en: 'The type abbreviation in the symbol must match the document type named in the type-and-subject column.',
    },
    messages: {
      congVanTyped: {
        vi: 'Văn bản ghi là công văn nhưng ký hiệu "{value}" mang chữ viết tắt tên loại "{actual}"; công văn không có chữ viết tắt tên loại.',
        en: 'The document is named a công văn but symbol "{value}" carries the type abbreviation "{actual}"; công văn have none.',
      },
      typedCongVan: {
        vi: 'Văn bản ghi là {namedVi} nhưng ký hiệu "{value}" có dạng công văn (không có chữ viết tắt tên loại "{code}").',
        en: 'The document is named {namedEn} but symbol "{value}" has the công văn form (no type abbreviation "{code}").',
      },
      differs: {
        vi: 'Văn bản ghi là {namedVi} nhưng ký hiệu "{value}" mang chữ viết tắt "{actual}" (phải là "{code}").',
        en: 'The document is named {namedEn} but symbol "{value}" carries "{actual}" (expected "{code}").',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3.b; Phụ lục III, mục I', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '12/TB-UBND', issuedDate: '08/01/2024', typeAndSubject: 'Kế hoạch tổ chức Tết Trung thu' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '12/KH-UBND', issuedDate: '08/01/2024', typeAndSubject: 'Kế hoạch tổ chức Tết Trung thu' }] },
    },
  },
  check(context) {
    const own = agencyIssuers(context.agency);
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        // A misspelt type code (`52/Tr-SCT`) is symbol/near-miss-code's, with the code it likely is.
        if (!parsed || partyInStateForm(parsed) || parsed.typeStatus === 'unofficial' || likelyTypeCode(parsed) !== undefined) return;
        if (parsed.form !== 'typed' && parsed.form !== 'qppl' && parsed.form !== 'joint' && parsed.form !== 'cong-van') return;
        const typeCell = entry.text('type');
        const named = typeCodeForName(typeCell !== '' ? typeCell : entry.typeAndSubject());
        if (named === undefined || NOT_JUDGED.has(named)) return;
        const actual = parsed.form === 'cong-van' ? 'cong-van' : parsed.canonicalType;
        if (actual === undefined || family(actual) === family(named)) return;
        if (PROMULGATING.has(actual) && PROMULGATED.has(named)) return;
        const value = parsed.raw;
        if (named === 'cong-van') {
          // `123/CT-TTHT` may be Cục Thuế's công văn; `11/CT-UBND` is certainly a chỉ thị.
          const certainIssuer = parsed.issuer !== undefined && (matchKnownIssuer(parsed.issuer) !== undefined || includesCode(own, parsed.issuer));
          if ((AMBIGUOUS.has(actual) && !certainIssuer) || includesCode(own, actual)) return;
          context.report({ entry, field: 'symbol', messageId: 'congVanTyped', data: { value, actual } });
          return;
        }
        const data = { value, code: named, namedVi: nameOf(named, 'vi'), namedEn: nameOf(named, 'en') };
        if (actual === 'cong-van') {
          context.report({ entry, field: 'symbol', messageId: 'typedCongVan', data });
          return;
        }
        context.report({ entry, field: 'symbol', messageId: 'differs', data: { ...data, actual } });
      },
    };
  },
});
