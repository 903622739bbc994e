import { defineRule } from '../../../src/engine/rule.js';
import { urgentCheck, ND30 } from './common.js';

// Điều 23.1: "Văn bản đến có dấu chỉ các mức độ khẩn phải được trình và chuyển giao ngay sau khi
// nhận được" (also Điều 4.2.c, which names the levels "Hỏa tốc", "Thượng khẩn" and "Khẩn"): handed
// on the day it arrived (§7.3 of the domain notes: Ngày chuyển = Ngày đến). How urgency is read:
// ./urgency.ts.
export default defineRule({
  meta: {
    id: 'timeliness/handover-urgent',
    category: 'timeliness',
    defaultSeverity: 'error',
    appliesTo: ['incoming'],
    description: {
      vi: 'Văn bản đến khẩn (Hỏa tốc, Thượng khẩn, Khẩn) phải được trình, chuyển giao ngay trong ngày đến.',
      en: 'Urgent incoming documents (Hỏa tốc, Thượng khẩn, Khẩn) must be presented and handed on the day they arrive.',
    },
    messages: {
      notSameDay: {
        vi: 'Văn bản đến {urgency} ({urgencySourceVi}) ngày {date} ({dateDayVi}) phải được chuyển giao ngay, hạn: {deadline} ({deadlineDayVi}); đã chuyển: {actual} ({actualDayVi}) — muộn {lateDays} ngày làm việc.',
        en: 'Urgent incoming document ({urgency}, {urgencySourceEn}) received {date} ({dateDayEn}) must be handed on immediately, deadline: {deadline} ({deadlineDayEn}); handed on: {actual} ({actualDayEn}) — {lateDays} working day(s) late.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 23 khoản 1; Điều 4 khoản 2 điểm c', kind: 'exact' },
    fix: 'none',
    examples: {
      failing: { kind: 'incoming', entries: [{ arrivalDate: '03/06/2024', arrivalNumber: '310', symbol: '88/UBND-VP', typeAndSubject: 'Công điện hỏa tốc về ứng phó mưa lũ', transferDate: '04/06/2024' }] },
      passing: { kind: 'incoming', entries: [{ arrivalDate: '03/06/2024', arrivalNumber: '310', symbol: '88/UBND-VP', typeAndSubject: 'Công điện hỏa tốc về ứng phó mưa lũ', transferDate: '03/06/2024' }] },
    },
  },
  check: urgentCheck('incoming'),
});
