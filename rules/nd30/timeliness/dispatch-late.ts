import { defineRule } from '../../../src/engine/rule.js';
import { lateCheck, ND30 } from './common.js';

// Điều 18.1: an outgoing document is dispatched "trong ngày văn bản đó được ký, chậm nhất là trong
// ngày làm việc tiếp theo" (also Điều 4.2.c). The register records the document date, not the
// signature, so the test is Ngày chuyển ≤ nextWorkingDay(Ngày tháng văn bản) — the best available
// proxy (the number and date are assigned at or right after signature, Điều 15.2).
export default defineRule({
  meta: {
    id: 'timeliness/dispatch-late',
    category: 'timeliness',
    defaultSeverity: 'error',
    appliesTo: ['outgoing'],
    description: {
      vi: 'Văn bản đi phải được chuyển đi trong ngày, chậm nhất là ngày làm việc tiếp theo sau ngày văn bản (tính cả ngày lễ, nghỉ bù, hoán đổi và thứ Bảy làm bù).',
      en: 'Outgoing documents must be dispatched the same day, at the latest the next working day after the document date (holidays, compensatory and swapped days, make-up Saturdays included).',
    },
    messages: {
      late: {
        vi: 'Văn bản ngày {date} ({dateDayVi}) chuyển đi muộn: hạn chậm nhất: {deadline} ({deadlineDayVi}); đã chuyển: {actual} ({actualDayVi}) — muộn {lateDays} ngày làm việc.',
        en: 'Document dated {date} ({dateDayEn}) dispatched late: deadline: {deadline} ({deadlineDayEn}); dispatched: {actual} ({actualDayEn}) — {lateDays} working day(s) late.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 18 khoản 1; Điều 4 khoản 2 điểm c', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '15/QĐ-UBND', issuedDate: '26/04/2024', dispatchDate: '06/05/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '15/QĐ-UBND', issuedDate: '26/04/2024', dispatchDate: '02/05/2024' }] },
    },
  },
  check: lateCheck('outgoing'),
});
