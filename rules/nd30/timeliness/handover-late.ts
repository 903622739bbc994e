import { defineRule } from '../../../src/engine/rule.js';
import { lateCheck, ND30 } from './common.js';

// Điều 23.1: the Văn thư presents and hands on an incoming document "trong ngày, chậm nhất là trong
// ngày làm việc tiếp theo" (also Điều 4.2.c). The clock starts at receipt, which is what Ngày đến
// records: Ngày chuyển ≤ nextWorkingDay(Ngày đến). A document that arrived on a rest day is due on
// the first working day after it.
export default defineRule({
  meta: {
    id: 'timeliness/handover-late',
    category: 'timeliness',
    defaultSeverity: 'error',
    appliesTo: ['incoming'],
    description: {
      vi: 'Văn bản đến phải được trình, chuyển giao trong ngày, chậm nhất là ngày làm việc tiếp theo sau ngày đến (tính cả ngày lễ, nghỉ bù, hoán đổi và thứ Bảy làm bù).',
      en: 'Incoming documents must be presented and handed on the same day, at the latest the next working day after arrival (holidays, compensatory and swapped days, make-up Saturdays included).',
    },
    messages: {
      late: {
        vi: 'Văn bản đến ngày {date} ({dateDayVi}) chuyển giao muộn: hạn chậm nhất: {deadline} ({deadlineDayVi}); đã chuyển: {actual} ({actualDayVi}) — muộn {lateDays} ngày làm việc.',
        en: 'Document received {date} ({dateDayEn}) handed on late: deadline: {deadline} ({deadlineDayEn}); handed on: {actual} ({actualDayEn}) — {lateDays} working day(s) late.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 23 khoản 1; Điều 4 khoản 2 điểm c', kind: 'exact' },
    fix: 'none',
    examples: {
      failing: { kind: 'incoming', entries: [{ arrivalDate: '26/04/2025', arrivalNumber: '112', symbol: '45/SNV-VP', transferDate: '29/04/2025' }] },
      passing: { kind: 'incoming', entries: [{ arrivalDate: '26/04/2025', arrivalNumber: '112', symbol: '45/SNV-VP', transferDate: '28/04/2025' }] },
    },
  },
  check: lateCheck('incoming'),
});
