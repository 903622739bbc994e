import { defineRule } from '../../../src/engine/rule.js';
import { beforeCheck, ND30 } from './common.js';

// Điều 14: number and date are assigned first (step 1), dispatch comes later (step 4), so a dispatch
// date before the document date is impossible: one of the two dates is wrong, or the number was
// taken afterwards and back-dated ("lấy số lùi ngày").
export default defineRule({
  meta: {
    id: 'timeliness/dispatch-before-date',
    category: 'timeliness',
    defaultSeverity: 'error',
    appliesTo: ['outgoing'],
    description: {
      vi: 'Ngày chuyển văn bản đi không thể trước ngày tháng của văn bản.',
      en: 'An outgoing document cannot be dispatched before its own date.',
    },
    messages: {
      before: {
        vi: 'Ngày chuyển {actual} ({actualDayVi}) trước ngày tháng văn bản {date} ({dateDayVi}) {days} ngày: văn bản chỉ được phát hành sau khi đã cấp số, ngày tháng; một trong hai ngày bị ghi sai hoặc số được lấy lùi ngày.',
        en: 'Dispatch date {actual} ({actualDayEn}) is {days} day(s) before the document date {date} ({dateDayEn}): a document is dispatched only after it is numbered and dated; one of the dates is wrong or the number was back-dated.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 14; Điều 18 khoản 1', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '40/UBND-VP', issuedDate: '10/09/2024', dispatchDate: '09/09/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '40/UBND-VP', issuedDate: '10/09/2024', dispatchDate: '10/09/2024' }] },
    },
  },
  check: beforeCheck('outgoing'),
});
