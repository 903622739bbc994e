import { defineRule } from '../../../src/engine/rule.js';
import { adviceEn, adviceVi, canonicalDigits, partyInStateForm, severityFor, symbolOf } from './common.js';

// Party documents are numbered in their own layout, `số-LOẠI/CƠ QUAN` (`09-NQ/TW`, `345-CV/HU`),
// under the Party's own texts on document format, not NĐ 30 (Điều 2: Party bodies apply it only "cho
// phù hợp"): Quy định 399-QĐ/TW (09/01/2026), which replaced Quy định 66-QĐ/TW, and Hướng dẫn
// 05-HD/VPTW of the Văn phòng Trung ương (27/05/2026), which replaced 36-HD/VPTW (domain notes §11
// [S]; their article numbers are [M], so none is cited). The layout is the same in both.
// `09/NQ-TW` writes a Party resolution in the State layout — in an incoming register usually the
// clerk's mistake when copying it. Party committee codes other than TW/TƯ, TU, HU are [M]: those
// findings are warnings at most.
const CONFIRMED = new Set(['TW', 'TƯ', 'TU', 'HU']);

export default defineRule({
  meta: {
    id: 'symbol/party-form',
    category: 'symbol',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Văn bản của Đảng ghi số, ký hiệu theo dạng của Đảng (số-LOẠI/CƠ QUAN, ví dụ 09-NQ/TW), không theo dạng văn bản nhà nước.',
      en: 'Party documents are numbered in the Party layout (number-TYPE/BODY, e.g. 09-NQ/TW), not the State layout.',
    },
    messages: {
      stateForm: {
        vi: 'Số, ký hiệu "{value}" là văn bản của cấp ủy Đảng ({issuer}) nhưng viết theo dạng văn bản nhà nước; phải là "{fixed}".{adviceVi}',
        en: 'Symbol "{value}" belongs to a Party committee ({issuer}) but is written in the State layout; it must read "{fixed}".{adviceEn}',
      },
    },
    citation: {
      instrument: 'Quy định 399-QĐ/TW (từ 09/01/2026; trước đó 66-QĐ/TW); Hướng dẫn 05-HD/VPTW (từ 27/05/2026; trước đó 36-HD/VPTW)',
      article: 'số và ký hiệu văn bản (số-LOẠI/CƠ QUAN; điều, mục chưa đối chiếu)',
      kind: 'derived',
    },
    fix: 'suggestion',
    examples: {
      failing: { kind: 'incoming', entries: [{ symbol: '09/NQ-TW', issuedDate: '08/01/2024', arrivalDate: '10/01/2024' }] },
      passing: { kind: 'incoming', entries: [{ symbol: '09-NQ/TW', issuedDate: '08/01/2024', arrivalDate: '10/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        if (!parsed || !partyInStateForm(parsed)) return;
        const issuer = parsed.issuer ?? '';
        const num = parsed.number;
        const number = num === undefined || num.malformed !== undefined ? undefined : num.value < 10 ? canonicalDigits(num.value) : num.digits;
        const type = parsed.canonicalType ?? parsed.type ?? '';
        const fixed = `${number ?? 'NN'}-${type}/${[issuer, ...parsed.units].join('-')}`;
        const severity = severityFor(entry) ?? (CONFIRMED.has(issuer.toUpperCase()) ? undefined : 'warning');
        context.report({
          entry,
          field: 'symbol',
          messageId: 'stateForm',
          data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: parsed.raw, issuer, fixed },
          ...(number !== undefined && parsed.year === undefined ? { fix: { from: parsed.raw, to: fixed, kind: 'suggestion' as const } } : {}),
          severity,
        });
      },
    };
  },
});
