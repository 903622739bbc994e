import { defineRule } from '../../../src/engine/rule.js';
import { hasSplitNumber, isPre2020, ND30, splitRestWithoutNumber, symbolOf } from './common.js';

// A value in the "Số, ký hiệu" column that is no symbol at all ("Quyết định 12", "12-NQ-TU",
// "QĐ-UBND" without a number): the other symbol rules cannot judge it. In the agency's own outgoing
// register that is a warning (every outgoing document has a number and symbol, Phụ lục I II.3); in
// an incoming register the sender's document may have none (letters from citizens, "không số"), so
// only a note.
export default defineRule({
  meta: {
    id: 'symbol/unrecognised',
    category: 'symbol',
    defaultSeverity: 'warning',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Giá trị ở cột số, ký hiệu phải có dạng số, ký hiệu văn bản (ví dụ 12/QĐ-UBND).',
      en: 'The value in the number-and-symbol column must have the form of a document symbol (e.g. 12/QĐ-UBND).',
    },
    messages: {
      unrecognised: {
        vi: 'Không nhận ra "{value}" là số, ký hiệu văn bản (dạng số/ký hiệu, ví dụ 12/QĐ-UBND).',
        en: '"{value}" is not recognised as a document number and symbol (number/symbol, e.g. 12/QĐ-UBND).',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3', kind: 'exact' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: 'Quyết định 12', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '12/QĐ-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        if (!parsed || parsed.form !== 'unparseable') return;
        // The number kept in its own column ("Số vào sổ") leaves only "QĐ-UBND" here.
        if (hasSplitNumber(entry) || splitRestWithoutNumber(entry, context.agency)) return;
        const value = parsed.raw.length > 60 ? `${parsed.raw.slice(0, 57)}…` : parsed.raw;
        const severity = entry.register.kind === 'incoming' ? 'info' : isPre2020(entry) ? 'warning' : undefined;
        context.report({ entry, field: 'symbol', messageId: 'unrecognised', data: { value }, severity });
      },
    };
  },
});
