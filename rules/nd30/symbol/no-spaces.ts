import { defineRule } from '../../../src/engine/rule.js';
import { adviceEn, adviceVi, ND30, severityFor, symbolOf, truncatedYear } from './common.js';
import type { Repair } from './types.js';

// SKH-6: "giữa các nhóm chữ viết tắt … có dấu gạch nối (-) không cách chữ". A line break inside the
// cell is reported too: it is a data-entry defect that breaks matching (`905/QĐ-` ↵ `UBND`). A space
// standing where the hyphen or slash belongs (`12/QĐ UBND`) is a space too, not a wrong separator.
const isWhitespace = (s: string): boolean => s !== '' && /^\s+$/u.test(s);
const spacing = (r: Repair): boolean => r.kind === 'space' || r.kind === 'line-break' || (r.kind === 'separator' && isWhitespace(r.from));
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
        vi: 'Số, ký hiệu "{value}" có dấu cách; các nhóm chữ viết liền, nối bằng "/" và "-" không cách chữ: "{fixed}".{adviceVi}',
        en: 'Symbol "{value}" contains spaces; groups are joined by "/" and "-" without spaces: "{fixed}".{adviceEn}',
      },
      spacesUnsure: {
        vi: 'Số, ký hiệu "{value}" có dấu cách; các nhóm chữ viết liền, nối bằng "/" và "-" không cách chữ. Có dấu cách giữa hai nhóm có thể thay cho dấu "-" hoặc "/" chứ không phải gõ thừa: có lẽ phải viết "{fixed}", kiểm tra lại với văn bản.{adviceVi}',
        en: 'Symbol "{value}" contains spaces; groups are joined by "/" and "-" without spaces. A space between two groups may stand for a "-" or "/" rather than be a typo: it likely reads "{fixed}"; check it against the document.{adviceEn}',
      },
      lineBreak: {
        vi: 'Số, ký hiệu "{value}" bị xuống dòng giữa chừng; phải viết trên một dòng: "{fixed}".{adviceVi}',
        en: 'Symbol "{value}" is broken across lines; it must be on one line: "{fixed}".{adviceEn}',
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
        const parsed = symbolOf(entry, context.agency);
        // An unparseable value ("Quyết định số 12") is not a spaced symbol; other rules speak about it.
        if (!parsed || parsed.form === 'unparseable' || parsed.form === 'empty') return;
        // `22/202 /QĐ-UBND`: the space is what is left of the cut year (symbol/number-format speaks).
        if (parsed.repairs.length === 0 || truncatedYear(parsed)) return;
        const spaced = parsed.repairs.filter(spacing);
        if (spaced.length === 0) return;
        const lineBreak = spaced.some((r) => r.kind === 'line-break');
        // Only spacing repairs → the joined value is certainly right (a sender's symbol, though, only
        // after a look at the original); otherwise other rules speak too.
        // A space that may stand for a hyphen or a slash (`BTC BLĐTB&XH`, `15 TT/…`) has no certain reading.
        const unsure = spaced.find((r) => r.uncertain === true);
        const onlySpacing = entry.register.kind === 'outgoing' && unsure === undefined && parsed.repairs.every((r) => spacing(r) || r.kind === 'trim' || r.kind === 'nfc');
        context.report({
          entry,
          field: 'symbol',
          messageId: lineBreak ? 'lineBreak' : unsure ? 'spacesUnsure' : 'spaces',
          data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: parsed.raw.replace(/\s*\n\s*/g, '↵'), fixed: parsed.normalized },
          fix: { from: parsed.raw, to: parsed.normalized, kind: onlySpacing ? 'safe' : 'suggestion' },
          severity: severityFor(entry),
        });
      },
    };
  },
});
