import * as z from 'zod';
import { defineRule } from '../../../src/engine/rule.js';
import { matchStateTypeCode } from '../../data/doc-types.js';
import { adviceEn, adviceVi, includesCode, ND30, partyInStateForm, severityFor, symbolOf } from './common.js';

// Phụ lục III lists the official type abbreviations; công văn (and thư công) have none, so `CV` is
// wrong (SKH-5, SKH-7 in the project primer; `123/CV-UBND` is a classic software error). Case-only
// variants of official codes (`TTR`, `QYĐ`) are symbol/case's business, not this rule's.
// `KL` (kết luận) is not in Phụ lục III but is the normal code of inspection conclusions, a
// specialised (chuyên ngành) document outside NĐ 30's table (`05/KL-TTr`, `12/KL-TTCP`): info only.
const SPECIALISED = new Set(['KL']);

const Options = z.strictObject({
  /** Codes the agency or its sector legitimately uses outside Phụ lục III (specialised documents). */
  allow: z.array(z.string()).default([]),
});

export default defineRule<z.infer<typeof Options>>({
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
        vi: 'Ký hiệu "{value}" dùng "{code}" cho công văn; công văn không có chữ viết tắt tên loại — ký hiệu gồm tên cơ quan ban hành và đơn vị soạn thảo (ví dụ "{example}").{adviceVi}',
        en: 'Symbol "{value}" uses "{code}" for a công văn; công văn have no type abbreviation — the symbol is issuer plus drafting unit (e.g. "{example}").{adviceEn}',
      },
      unofficial: {
        vi: 'Chữ viết tắt tên loại "{code}" trong "{value}" không có trong Phụ lục III; dùng "{official}".{adviceVi}',
        en: 'Type abbreviation "{code}" in "{value}" is not in Phụ lục III; use "{official}".{adviceEn}',
      },
      unknown: {
        vi: 'Chữ viết tắt tên loại "{code}" trong "{value}" không có trong Phụ lục III.{adviceVi}',
        en: 'Type abbreviation "{code}" in "{value}" is not in Phụ lục III.{adviceEn}',
      },
      specialised: {
        vi: 'Chữ viết tắt "{code}" trong "{value}" không có trong Phụ lục III; chỉ dùng cho văn bản chuyên ngành (ví dụ kết luận thanh tra) theo quy định của ngành.',
        en: 'Abbreviation "{code}" in "{value}" is not in Phụ lục III; it is only for specialised documents (e.g. inspection conclusions) under that sector\'s rules.',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục III, mục I; Phụ lục I, Phần I, mục II.3.b', kind: 'exact' },
    fix: 'suggestion',
    options: Options,
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '12/CV-UBND', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '12/UBND-VP', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    const allowed = context.options.allow;
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        if (!parsed || parsed.type === undefined) return;
        if (parsed.form !== 'typed' && parsed.form !== 'copy' && parsed.form !== 'qppl') return;
        if (parsed.typeStatus !== 'unofficial' || partyInStateForm(parsed)) return;
        // The code as the parser spelled it in `normalized` (`gt` → `GT`).
        const code = matchStateTypeCode(parsed.type, { includeUndetected: true })?.info.code ?? parsed.type;
        if (includesCode(allowed, code)) return;
        const severity = severityFor(entry);
        const value = parsed.raw;
        if (code === 'CV') {
          const issuer = parsed.issuer ?? context.agency.issuer ?? 'UBND';
          const unit = parsed.units[0] ?? context.agency.units?.[0] ?? 'VP';
          // The example shows the number as it should be written (leading zero below 10).
          const digits = parsed.number?.digits;
          const number = digits === undefined || digits === '' ? 'NN' : digits.length === 1 ? `0${digits}` : digits;
          // Certain only when the rest already is issuer + unit: `12/CV-UBND-VP` → `12/UBND-VP`.
          const certain = parsed.form === 'typed' && parsed.issuer !== undefined && parsed.units.length > 0 && parsed.number?.malformed === undefined;
          context.report({
            entry,
            field: 'symbol',
            messageId: 'congVan',
            data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value, code, example: `${number}/${issuer}-${unit}` },
            ...(certain ? { fix: { from: value, to: parsed.normalized.replace(/\/CV-/u, '/'), kind: 'suggestion' as const } } : {}),
            severity,
          });
          return;
        }
        if (SPECIALISED.has(code)) {
          context.report({ entry, field: 'symbol', messageId: 'specialised', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value, code }, severity: 'info' });
          return;
        }
        const official = parsed.canonicalType;
        if (official !== undefined && official !== code) {
          const to = parsed.normalized.replace(new RegExp(`(^|/)${code}(?=-|$)`, 'u'), `$1${official}`);
          context.report({ entry, field: 'symbol', messageId: 'unofficial', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value, code, official }, fix: { from: value, to, kind: 'suggestion' }, severity });
          return;
        }
        context.report({ entry, field: 'symbol', messageId: 'unknown', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value, code }, severity });
      },
    };
  },
});
