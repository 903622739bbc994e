import { defineRule } from '../../../src/engine/rule.js';
import { ND30, severityFor, symbolOf } from './common.js';

// Phụ lục III lists the official type abbreviations; công văn (and thư công) have none, so `CV` is
// wrong (SKH-5, SKH-7 in the project primer; `123/CV-UBND` is a classic software error).
export default defineRule({
  meta: {
    id: 'symbol/type-code',
    category: 'symbol',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Chữ viết tắt tên loại văn bản phải đúng bảng Phụ lục III (không dùng CV, GT, BSY…).',
      en: 'The type abbreviation must be one of Phụ lục III (no CV, GT, BSY…).',
    },
    messages: {
      congVan: {
        vi: 'Ký hiệu "{value}" dùng "{code}" cho công văn; công văn không có chữ viết tắt tên loại — ký hiệu gồm tên cơ quan ban hành và đơn vị soạn thảo (ví dụ "{example}").',
        en: 'Symbol "{value}" uses "{code}" for a công văn; công văn have no type abbreviation — the symbol is issuer plus drafting unit (e.g. "{example}").',
      },
      unofficial: {
        vi: 'Chữ viết tắt tên loại "{code}" trong "{value}" không có trong Phụ lục III; dùng "{official}".',
        en: 'Type abbreviation "{code}" in "{value}" is not in Phụ lục III; use "{official}".',
      },
      unknown: {
        vi: 'Chữ viết tắt tên loại "{code}" trong "{value}" không có trong Phụ lục III.',
        en: 'Type abbreviation "{code}" in "{value}" is not in Phụ lục III.',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục III, mục I', kind: 'exact' },
    fix: 'suggestion',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '12/CV-UBND', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '12/UBND-VP', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry);
        if (!parsed || parsed.type === undefined) return;
        if (parsed.form !== 'typed' && parsed.form !== 'copy' && parsed.form !== 'qppl') return;
        if (parsed.typeStatus === 'official' || parsed.typeStatus === undefined) return;
        const code = parsed.type;
        const severity = severityFor(entry);
        if (code.toUpperCase() === 'CV') {
          const issuer = parsed.issuer ?? context.agency.issuer ?? 'UBND';
          const unit = parsed.units[0] ?? context.agency.units?.[0] ?? 'VP';
          context.report({ entry, field: 'symbol', messageId: 'congVan', data: { value: parsed.raw, code, example: `${parsed.number?.digits ?? 'NN'}/${issuer}-${unit}` }, severity });
          return;
        }
        if (parsed.canonicalType && parsed.canonicalType !== code) {
          context.report({
            entry,
            field: 'symbol',
            messageId: 'unofficial',
            data: { value: parsed.raw, code, official: parsed.canonicalType },
            fix: { from: parsed.raw, to: parsed.normalized.replace(code, parsed.canonicalType), kind: 'suggestion' },
            severity,
          });
          return;
        }
        context.report({ entry, field: 'symbol', messageId: 'unknown', data: { value: parsed.raw, code }, severity });
      },
    };
  },
});
