import { defineRule } from '../../../src/engine/rule.js';
import { urgentCheck, ND30 } from './common.js';

// Điều 18.1: "Văn bản khẩn phải được phát hành và gửi ngay sau khi ký văn bản" — an urgent document
// (Hỏa tốc, Thượng khẩn, Khẩn) is dispatched on its date, the register's proxy for the signature
// (Ngày chuyển = Ngày tháng văn bản). How urgency is read: ./urgency.ts.
export default defineRule({
  meta: {
    id: 'timeliness/dispatch-urgent',
    category: 'timeliness',
    defaultSeverity: 'error',
    appliesTo: ['outgoing'],
    description: {
      vi: 'Văn bản khẩn (Hỏa tốc, Thượng khẩn, Khẩn) phải được chuyển đi ngay trong ngày văn bản.',
      en: 'Urgent documents (Hỏa tốc, Thượng khẩn, Khẩn) must be dispatched on the document date itself.',
    },
    messages: {
      notSameDay: {
        vi: 'Văn bản {urgency} ({urgencySourceVi}) ngày {date} ({dateDayVi}) phải được chuyển đi ngay, hạn: {deadline} ({deadlineDayVi}); đã chuyển: {actual} ({actualDayVi}) — muộn {lateDays} ngày làm việc.',
        en: 'Urgent document ({urgency}, {urgencySourceEn}) dated {date} ({dateDayEn}) must be dispatched immediately, deadline: {deadline} ({deadlineDayEn}); dispatched: {actual} ({actualDayEn}) — {lateDays} working day(s) late.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 18 khoản 1', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '21/UBND-VP', issuedDate: '03/06/2024', typeAndSubject: 'Công văn V/v ứng phó bão số 2', dispatchDate: '04/06/2024', notes: 'Hỏa tốc' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '21/UBND-VP', issuedDate: '03/06/2024', typeAndSubject: 'Công văn V/v ứng phó bão số 2', dispatchDate: '03/06/2024', notes: 'Hỏa tốc' }] },
    },
  },
  check: urgentCheck('outgoing'),
});
