import { defineRule } from '../../../src/engine/rule.js';
import { beforeCheck, ND30 } from './common.js';

// Điều 20: an incoming document is received and registered (steps 1–2) before it is presented and
// handed on (step 3), so a hand-over date before the arrival date means one of them is wrong — or the
// document was handled before it was registered, which Điều 22.1 rules out.
export default defineRule({
  meta: {
    id: 'timeliness/handover-before-arrival',
    category: 'timeliness',
    defaultSeverity: 'error',
    appliesTo: ['incoming'],
    description: {
      vi: 'Ngày chuyển giao văn bản đến không thể trước ngày đến.',
      en: 'An incoming document cannot be handed on before it arrived.',
    },
    messages: {
      before: {
        vi: 'Ngày chuyển {actual} ({actualDayVi}) trước ngày đến {date} ({dateDayVi}) {days} ngày: văn bản chỉ được trình, chuyển giao sau khi đã tiếp nhận, đăng ký; một trong hai ngày bị ghi sai.',
        en: 'Hand-over date {actual} ({actualDayEn}) is {days} day(s) before the arrival date {date} ({dateDayEn}): a document is presented and handed on only after it is received and registered; one of the dates is wrong.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 20; Điều 23 khoản 1', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: { kind: 'incoming', entries: [{ arrivalDate: '05/09/2024', arrivalNumber: '501', symbol: '12/SNV-VP', transferDate: '04/09/2024' }] },
      passing: { kind: 'incoming', entries: [{ arrivalDate: '05/09/2024', arrivalNumber: '501', symbol: '12/SNV-VP', transferDate: '05/09/2024' }] },
    },
  },
  check: beforeCheck('incoming'),
});
