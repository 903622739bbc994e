import { defineRule } from '../../../src/engine/rule.js';
import { adviceEn, adviceVi, ND30, severityFor, symbolOf } from './common.js';

// SKH-4: the symbol of a document with a type name is the type abbreviation plus the issuer's
// (`15/QĐ-BNV`); copies likewise name the copying agency (`03/SY-UBND`). `12/QĐ` or `12/QĐ-` says
// nothing about who issued it and cannot be told apart from another agency's `12/QĐ`.
export default defineRule({
  meta: {
    id: 'symbol/missing-issuer',
    category: 'symbol',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Ký hiệu văn bản có tên loại phải có chữ viết tắt tên cơ quan ban hành sau chữ viết tắt tên loại (QĐ-UBND).',
      en: 'The symbol of a typed document names the issuer after the type abbreviation (QĐ-UBND).',
    },
    messages: {
      missing: {
        vi: 'Số, ký hiệu "{value}" thiếu chữ viết tắt tên cơ quan ban hành sau "{type}".{adviceVi}',
        en: 'Symbol "{value}" lacks the issuer abbreviation after "{type}".{adviceEn}',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3.b; Phần II, mục II.1.c', kind: 'exact' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '12/QĐ', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '12/QĐ-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        if (!parsed || parsed.issuer !== undefined || parsed.type === undefined) return;
        if (parsed.form !== 'typed' && parsed.form !== 'copy' && parsed.form !== 'qppl' && parsed.form !== 'joint' && parsed.form !== 'vbhn') return;
        context.report({ entry, field: 'symbol', messageId: 'missing', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: parsed.raw, type: parsed.canonicalType ?? parsed.type }, severity: severityFor(entry) });
      },
    };
  },
});
