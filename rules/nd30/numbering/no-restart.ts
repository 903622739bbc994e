import { defineRule } from '../../../src/engine/rule.js';
import { ND30 } from '../symbol/common.js';
import { continuation, pad2, seriesData, seriesHandlers } from './series.js';

// Điều 15.1: the numbering "bắt đầu liên tiếp từ số 01 vào ngày 01 tháng 01 và kết thúc vào ngày
// 31 tháng 12 hằng năm" — a new year that carries on from December's numbers (T9: the first 2025
// entry numbered 231) did not restart; inspection finding 4, sometimes for some series only.
export default defineRule({
  meta: {
    id: 'numbering/no-restart',
    category: 'numbering',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Dãy số phải bắt đầu lại từ số 01 vào ngày 01 tháng 01 hằng năm, không nối tiếp số của năm trước.',
      en: 'Each series must start again at 01 on 1 January, not carry on from the previous year.',
    },
    messages: {
      noRestart: {
        vi: 'Dãy số {seriesVi} năm {year} không bắt đầu lại từ số 01: số đầu tiên là {first}, nối tiếp số {prevLast} của năm {prevYear}.',
        en: 'The {seriesEn} series of {year} does not start again at 01: its first number is {first}, carrying on from {prevLast} of {prevYear}.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 15 khoản 1; Điều 22 khoản 2', kind: 'exact' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '230/QĐ-UBND', issuedDate: '31/12/2024' }, { symbol: '231/QĐ-UBND', issuedDate: '02/01/2025' }, { symbol: '232/QĐ-UBND', issuedDate: '03/01/2025' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '230/QĐ-UBND', issuedDate: '31/12/2024' }, { symbol: '01/QĐ-UBND', issuedDate: '02/01/2025' }, { symbol: '02/QĐ-UBND', issuedDate: '03/01/2025' }] },
    },
  },
  check(context) {
    return seriesHandlers(context, (model, c) => {
      for (const s of model.series) {
        // A partial list (a gazette, a danh mục) holds a selection in its own order: continuing numbers across years there say nothing.
        if (c.register(s.items[0]!).partial !== undefined) continue;
        // Party numbers run over the committee's term (party.termStart), not from 01 each 1 January.
        if (s.category === 'party') continue;
        const cont = continuation(model, c, s);
        if (!cont) continue;
        context.report({
          location: c.location(cont.at),
          messageId: 'noRestart',
          data: { ...seriesData(s), first: pad2(cont.first), prevLast: pad2(cont.prevLast), prevYear: cont.prevYear },
        });
      }
    });
  },
});
