import { defineRule } from '../../../src/engine/rule.js';
import { stateTypeCode } from '../../data/doc-types.js';
import { adviceEn, adviceVi, issuedIso, issuedYear, partyInStateForm, QPPL_LAW, severityFor, symbolOf, truncatedYear } from './common.js';

// The year segment of a QPPL number is the year of issue (Luật 64/2025 Điều 7.3: the number shows
// "năm ban hành"), so it equals the year of the document date: `03/2023/QĐ-UBND` dated 2024 has one
// of the two wrong. Which one cannot be told, so there is no fix. Year segments that should not be
// there at all (`58/2024/KH-UBND`, a chỉ thị after 2016) are symbol/year-segment's.
export default defineRule({
  meta: {
    id: 'symbol/year-mismatch',
    category: 'symbol',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Phần năm trong số, ký hiệu văn bản quy phạm pháp luật phải trùng năm của ngày tháng văn bản.',
      en: 'The year segment of a legal normative number must equal the year of the document date.',
    },
    messages: {
      differs: {
        vi: 'Số, ký hiệu "{value}" ghi năm {year} nhưng văn bản ngày {date} (năm {dateYear}); kiểm tra lại số, ký hiệu hoặc ngày tháng văn bản.{adviceVi}',
        en: 'Symbol "{value}" says {year} but the document is dated {date} ({dateYear}); check the symbol or the date.{adviceEn}',
      },
    },
    citation: { instrument: QPPL_LAW, article: 'Điều 7 khoản 3', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '03/2023/QĐ-UBND', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '03/2024/QĐ-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        if (!parsed || parsed.year === undefined || truncatedYear(parsed) || partyInStateForm(parsed)) return;
        if (parsed.form !== 'qppl' && parsed.form !== 'joint' && parsed.form !== 'law') return;
        if (parsed.form === 'qppl') {
          // Only types that may carry a year; the others are symbol/year-segment's.
          const info = parsed.canonicalType === undefined ? undefined : stateTypeCode(parsed.canonicalType);
          if (info === undefined || parsed.typeStatus !== 'official' || info.qppl === 'never') return;
          const iso = issuedIso(entry);
          if (info.qpplUntil !== undefined && iso !== undefined && iso >= info.qpplUntil) return;
        }
        const dateYear = issuedYear(entry);
        if (dateYear === undefined || String(dateYear) === parsed.year) return;
        context.report({
          entry,
          field: 'symbol',
          messageId: 'differs',
          data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: parsed.raw, year: parsed.year, date: entry.original('issuedDate'), dateYear },
          severity: severityFor(entry),
        });
      },
    };
  },
});
