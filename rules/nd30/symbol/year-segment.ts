import { defineRule } from '../../../src/engine/rule.js';
import { isLawIssuer, matchKnownIssuer, stateTypeCode, typeNameForCode } from '../../data/doc-types.js';
import type { ParsedSymbol } from './types.js';
import { likelyTypeCode } from './near-miss.js';
import { adviceEn, adviceVi, issuedIso, issuedYear, ND30, partyInStateForm, QPPL_LAW, severityFor, stateSender, symbolOf, truncatedYear } from './common.js';

// Only legal normative documents (QPPL) carry the year of issue between number and type
// (`12/2024/QĐ-UBND`; Luật 64/2025 Điều 7.3, earlier Luật 80/2015 Điều 8): a year on an
// administrative type (`58/2024/KH-UBND`, `12/2025/CV-UBND`) or on a văn bản hợp nhất is wrong;
// a type that only exists as a QPPL (NĐ, TT, TTLT, Luật …) without its year is wrong. Chỉ thị
// stopped being a QPPL form on 1/7/2016 ([M] date): a later one with a year is only a warning.
// Thông tư without a year is flagged only for ministerial issuers: `12/TT-TTYT` may be a trung tâm.
const BEFORE_QPPL_YEARS = '1997-01-01'; // pre-1997 numbers had no year segment (`15-CP`, historic)

function ministryLike(issuer: string | undefined): boolean {
  if (issuer === undefined) return false;
  if (issuer === 'UBND' || issuer === 'HĐND') return false;
  // A Sở (`SNNMT`) or a centre (`TTPVHCC`) issues no circular: its `TT` is a unit (Trung tâm).
  if (/^S[A-ZĐ]{2,}$/u.test(issuer) || issuer.startsWith('TT')) return false;
  return matchKnownIssuer(issuer) !== undefined || /^B[A-ZĐ&]{1,9}$/u.test(issuer);
}

/** The code of a symbol without year that must have one; undefined when it need not. */
function missingYear(p: ParsedSymbol): string | undefined {
  if (p.year !== undefined) return undefined;
  // `20/QH15`: a law or resolution of the National Assembly (its Standing Committee) without year.
  if (p.form === 'cong-van' && p.units.length === 0 && p.issuer !== undefined && isLawIssuer(p.issuer)) return p.issuer;
  if (p.form !== 'typed' && p.form !== 'joint') return undefined;
  const code = p.canonicalType;
  if (code === undefined || stateTypeCode(code)?.qppl !== 'always') return undefined;
  if (code === 'TT' && !ministryLike(p.issuer)) return undefined;
  return code;
}

export default defineRule({
  meta: {
    id: 'symbol/year-segment',
    category: 'symbol',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Chỉ văn bản quy phạm pháp luật có phần năm ban hành trong số, ký hiệu; văn bản hành chính không có, văn bản luôn là QPPL phải có.',
      en: 'Only legal normative documents carry the year in their number; administrative documents must not, always-normative types must.',
    },
    messages: {
      notQppl: {
        vi: 'Số, ký hiệu "{value}" có phần năm "{year}" nhưng {typeVi} không phải văn bản quy phạm pháp luật; bỏ phần năm: "{fixed}".{adviceVi}',
        en: 'Symbol "{value}" carries the year "{year}" but {typeEn} is not a legal normative document; drop the year: "{fixed}".{adviceEn}',
      },
      missing: {
        vi: 'Số, ký hiệu "{value}" thiếu phần năm ban hành: văn bản {code} luôn là văn bản quy phạm pháp luật (dạng số/năm/{pattern}).{adviceVi}',
        en: 'Symbol "{value}" lacks the year of issue: {code} documents are always legal normative documents (number/year/{pattern}).{adviceEn}',
      },
      chiThi: {
        vi: 'Chỉ thị "{value}" có phần năm "{year}" nhưng từ ngày 01/7/2016 chỉ thị không còn là văn bản quy phạm pháp luật; kiểm tra lại.{adviceVi}',
        en: 'Directive "{value}" carries the year "{year}", but directives have not been legal normative documents since 1 July 2016; check it.{adviceEn}',
      },
    },
    citation: { instrument: QPPL_LAW, article: 'Điều 7 khoản 3 (trước 01/4/2025: Luật 80/2015/QH13 Điều 8); ' + ND30 + ' Điều 4 khoản 2 điểm a', kind: 'derived' },
    fix: 'suggestion',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '58/2024/KH-UBND', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '58/KH-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        if (!parsed || partyInStateForm(parsed) || truncatedYear(parsed)) return;
        const value = parsed.raw;
        const severity = severityFor(entry);
        const missing = missingYear(parsed);
        if (missing !== undefined) {
          const iso = issuedIso(entry);
          if (iso !== undefined && iso < BEFORE_QPPL_YEARS) return;
          // The document's year is the likely one, but the date may be the wrong cell: a suggestion.
          const y = issuedYear(entry);
          const fix = y === undefined || parsed.number === undefined ? undefined : { from: value, to: parsed.normalized.replace(/^([^/]*)\//u, `$1/${y}/`), kind: 'suggestion' as const };
          // NQLT, PL as always-QPPL codes are [M]: a warning at most.
          const unsure = stateTypeCode(missing)?.confidence === 'M';
          context.report({ entry, field: 'symbol', messageId: 'missing', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value, code: missing, pattern: isLawIssuer(missing) ? missing : `${missing}-…` }, fix, severity: severity ?? (unsure ? 'warning' : undefined) });
          return;
        }
        const year = parsed.year;
        if (year === undefined || (parsed.form !== 'qppl' && parsed.form !== 'vbhn')) return;
        const fixed = parsed.normalized.replace(`/${year}/`, '/');
        const notQppl = (typeVi: string, typeEn: string): void =>
          context.report({ entry, field: 'symbol', messageId: 'notQppl', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value, year, typeVi, typeEn, fixed }, fix: { from: value, to: fixed, kind: 'suggestion' }, severity });
        if (parsed.form === 'vbhn') return notQppl('văn bản hợp nhất', 'a consolidated text');
        // In incoming registers only State senders are judged: courts number `45/2024/TB-TLVA`,
        // `12/2024/QĐST-HNGĐ`, companies `12/2024/HĐ-XD`, each under their own rules.
        if (entry.register.kind === 'incoming' && (parsed.issuer === undefined || !stateSender(parsed.issuer))) return;
        const code = parsed.canonicalType;
        // `101/2011/TTL-BTC-BKHCN`: a misspelt joint circular (TTLT), not a công văn with a year —
        // symbol/near-miss-code speaks; dropping the year would be a wrong fix.
        if (code === undefined && likelyTypeCode(parsed) !== undefined) return;
        if (code === undefined) {
          // `12/2025/UBND-VP`: a công văn with a year. Without units it may be a law-like issuer: silent.
          if (parsed.units.length > 0) notQppl('văn bản hành chính', 'an administrative document');
          return;
        }
        const info = stateTypeCode(code);
        if (parsed.typeStatus === 'unofficial' || info === undefined || info.qppl === 'never') {
          const name = typeNameForCode(code) ?? code;
          return notQppl(`${code} (${name.toLowerCase()})`, code);
        }
        if (info.qpplUntil !== undefined) {
          // Chỉ thị: QPPL only before 1/7/2016. Without a date the year segment itself decides.
          const iso = issuedIso(entry);
          const after = iso !== undefined ? iso >= info.qpplUntil : Number(year) > Number(info.qpplUntil.slice(0, 4));
          if (after) context.report({ entry, field: 'symbol', messageId: 'chiThi', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value, year }, severity: 'warning' });
        }
      },
    };
  },
});
