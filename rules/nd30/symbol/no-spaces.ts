import { defineRule } from '../../../src/engine/rule.js';
import { ND30, severityFor, symbolOf } from './common.js';

// SKH-6: "giữa các nhóm chữ viết tắt … có dấu gạch nối (-) không cách chữ". A line break inside the
// cell is reported too: it is a data-entry defect that breaks matching (`905/QĐ-` ↵ `UBND`).
export default defineRule({
  meta: {
    id: 'symbol/no-spaces',
    category: 'symbol',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Số, ký hiệu văn bản được viết liền, không có dấu cách hay xuống dòng.',
      en: 'A document symbol is written without spaces or line breaks.',
    },
    messages: {
      spaces: {
        vi: 'Số, ký hiệu "{value}" có dấu cách; các nhóm chữ viết liền, nối bằng "/" và "-" không cách chữ: "{fixed}".',
        en: 'Symbol "{value}" contains spaces; groups are joined by "/" and "-" without spaces: "{fixed}".',
      },
      lineBreak: {
        vi: 'Số, ký hiệu "{value}" bị xuống dòng giữa chừng; phải viết trên một dòng: "{fixed}".',
        en: 'Symbol "{value}" is broken across lines; it must be on one line: "{fixed}".',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3.c', kind: 'exact' },
    fix: 'safe',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '15/QĐ - UBND', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '15/QĐ-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry);
        // An unparseable value ("Quyết định số 12") is not a spaced symbol; other rules speak about it.
        if (!parsed || parsed.form === 'unparseable' || parsed.form === 'empty') return;
        const kinds = new Set(parsed.repairs.map((r) => r.kind));
        const lineBreak = kinds.has('line-break');
        if (!lineBreak && !kinds.has('space')) return;
        // Only spacing repairs → the joined value is certainly right; otherwise other rules speak too.
        const onlySpacing = [...kinds].every((k) => k === 'space' || k === 'line-break' || k === 'trim' || k === 'nfc');
        context.report({
          entry,
          field: 'symbol',
          messageId: lineBreak ? 'lineBreak' : 'spaces',
          data: { value: parsed.raw.replace(/\s*\n\s*/g, '↵'), fixed: parsed.normalized },
          fix: { from: parsed.raw, to: parsed.normalized, kind: onlySpacing ? 'safe' : 'suggestion' },
          severity: severityFor(entry),
        });
      },
    };
  },
});
