import { defineRule } from '../../../src/engine/rule.js';
import { formatDate } from '../../../src/core/dates.js';
import type { FieldName } from '../../../src/core/types.js';
import { assess, DIRECTIONS, ND30, timedRows } from './common.js';

// A register typed day-first on a computer set to a US locale stores "05/03/2024" (5 March) as
// 3 May: the dispatch looks two months late, or earlier than the document. When reading the day
// and month the other way round makes the entry on time (Điều 18.1 / 23.1), the likelier story is a
// mistyped date, not a late document: one warning suggesting the swap replaces the lateness error
// (turn this rule off to get the lateness errors instead). Text dates carry their swapped reading
// from the parser; for date cells it is computed when the day is 12 or less.
const LABEL: Readonly<Partial<Record<FieldName, { vi: string; en: string }>>> = {
  issuedDate: { vi: 'Ngày tháng văn bản', en: 'document date' },
  dispatchDate: { vi: 'Ngày chuyển', en: 'dispatch date' },
  arrivalDate: { vi: 'Ngày đến', en: 'arrival date' },
  transferDate: { vi: 'Ngày chuyển', en: 'hand-over date' },
};

export default defineRule({
  meta: {
    id: 'timeliness/date-swapped',
    category: 'timeliness',
    defaultSeverity: 'warning',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Ngày chuyển (hoặc ngày văn bản, ngày đến) có vẻ bị đảo ngày/tháng: đọc ngược lại thì văn bản được chuyển đúng hạn.',
      en: 'A dispatch/hand-over date (or the document/arrival date) looks day/month swapped: read the other way round, the document was sent on time.',
    },
    messages: {
      swapped: {
        vi: '{fieldVi} {read} có thể bị đảo ngày và tháng (gõ ngày kiểu Việt Nam vào Excel định dạng Mỹ): với ngày {read} văn bản chuyển không đúng hạn, nếu đúng là {suggested} thì văn bản chuyển đúng hạn. Kiểm tra lại ngày ghi trong sổ.',
        en: 'The {fieldEn} {read} may have day and month swapped (a day-first date typed into a US-locale Excel): as {read} the document was not sent on time, as {suggested} it was. Check the date in the register.',
      },
      bothSwapped: {
        vi: 'Cả {refFieldVi} {refRead} và {fieldVi} {read} có thể bị đảo ngày/tháng (Excel tiếng Anh): nếu là {refSuggested} và {suggested} thì văn bản chuyển đúng hạn. Kiểm tra lại các ngày ghi trong sổ.',
        en: 'Both the {refFieldEn} {refRead} and the {fieldEn} {read} may have day and month swapped (US-locale Excel): as {refSuggested} and {suggested} the document was sent on time. Check the dates in the register.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 18 khoản 1; Điều 23 khoản 1', kind: 'derived' },
    fix: 'suggestion',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '18/QĐ-UBND', issuedDate: '05/03/2024', dispatchDate: '03/05/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '18/QĐ-UBND', issuedDate: '05/03/2024', dispatchDate: '05/03/2024' }] },
    },
  },
  check(context) {
    return timedRows(context, (entry, t) => {
      const a = assess(entry, t);
      if (a.swap === undefined) return;
      const dir = DIRECTIONS[entry.register.kind];
      const field = a.swap === 'ref' ? dir.ref : dir.event;
      const read = a.swap === 'ref' ? a.ref : a.event;
      const suggested = a.swap === 'ref' ? a.swapRef : a.swapEvent;
      const label = LABEL[field]!;
      const data: Record<string, string | number> = { fieldVi: label.vi, fieldEn: label.en, read: formatDate(read), suggested: formatDate(suggested) };
      if (a.swap === 'both') {
        const refLabel = LABEL[dir.ref]!;
        Object.assign(data, { refFieldVi: refLabel.vi, refFieldEn: refLabel.en, refRead: formatDate(a.ref), refSuggested: formatDate(a.swapRef) });
      }
      context.report({
        entry,
        field,
        messageId: a.swap === 'both' ? 'bothSwapped' : 'swapped',
        data,
        fix: { from: entry.original(field), to: formatDate(suggested), kind: 'suggestion' },
      });
    });
  },
});
