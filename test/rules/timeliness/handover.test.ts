// Tables for the incoming timeliness rules (issue #5): late hand-over, urgent, before arrival. T11 and
// T13 of the domain notes (§8), weeks around Tết, 30/4–1/5 and 2/9, make-up Saturdays.
import handoverBeforeArrival from '../../../rules/nd30/timeliness/handover-before-arrival.js';
import handoverLate from '../../../rules/nd30/timeliness/handover-late.js';
import handoverUrgent from '../../../rules/nd30/timeliness/handover-urgent.js';
import { testRule } from '../../rule-tester.js';

let n = 0;
/** An incoming entry: arrival date, hand-over date (omitted when undefined), other fields. */
const inc = (arrivalDate: string, transferDate?: string, extra: Record<string, string> = {}) => ({
  arrivalDate,
  arrivalNumber: String(++n),
  author: 'Sở Nội vụ tỉnh Đồng Tháp',
  symbol: `${String(n + 10).padStart(2, '0')}/SNV-VP`,
  typeAndSubject: 'V/v báo cáo tình hình thực hiện nhiệm vụ',
  ...(transferDate !== undefined ? { transferDate } : {}),
  ...extra,
});
const late = (entry: number, deadline: string, deadlineDayVi: string, lateDays: number) => ({
  messageId: 'late',
  entry,
  field: 'transferDate' as const,
  severity: 'error' as const,
  data: { deadline, deadlineDayVi, lateDays },
});

testRule(handoverLate, {
  valid: [
    { name: 'T11: arrived Sat 26/04/2025 (make-up working day), handed on Mon 28/04/2025', kind: 'incoming', entries: [inc('26/04/2025', '28/04/2025')] },
    { name: 'T11 variant: arrived Tue 29/04/2025, handed on Mon 05/05/2025 (30/4, 1/5, swapped Fri 2/5 off)', kind: 'incoming', entries: [inc('29/04/2025', '05/05/2025')] },
    { name: 'arrived on a rest day or a holiday', kind: 'incoming', entries: [inc('02/02/2025', '03/02/2025'), inc('29/04/2024', '02/05/2024'), inc('03/09/2024', '04/09/2024')] },
    {
      name: 'Tết of several years',
      kind: 'incoming',
      entries: [inc('01/02/2019', '11/02/2019'), inc('09/02/2021', '17/02/2021'), inc('19/01/2023', '27/01/2023'), inc('07/02/2024', '15/02/2024'), inc('24/01/2025', '03/02/2025')],
    },
    {
      name: '30/4–1/5 and 2/9 of several years',
      kind: 'incoming',
      entries: [inc('26/04/2019', '02/05/2019'), inc('29/04/2022', '04/05/2022'), inc('28/04/2023', '04/05/2023'), inc('31/08/2022', '05/09/2022'), inc('30/08/2024', '04/09/2024'), inc('29/08/2025', '03/09/2025')],
    },
    { name: 'same day, next day, and the make-up Saturday itself', kind: 'incoming', entries: [inc('10/06/2024', '10/06/2024'), inc('10/06/2024', '11/06/2024'), inc('25/04/2025', '26/04/2025')] },
    { name: 'an urgent document is handover-urgent’s case', kind: 'incoming', entries: [inc('03/06/2024', '07/06/2024', { typeAndSubject: 'Công điện hỏa tốc về ứng phó mưa lũ' })] },
    { name: 'no hand-over date yet', kind: 'incoming', entries: [inc('03/06/2024')] },
  ],
  invalid: [
    { name: 'T11: the same row handed on Tue 29/04/2025 is late', kind: 'incoming', entries: [inc('26/04/2025', '29/04/2025')], errors: [late(0, '28/04/2025', 'thứ Hai', 1)] },
    { name: 'T11 variant a day later', kind: 'incoming', entries: [inc('29/04/2025', '06/05/2025')], errors: [late(0, '05/05/2025', 'thứ Hai', 1)] },
    {
      name: 'make-up Saturdays: arrived Friday, handed on Monday',
      kind: 'incoming',
      entries: [inc('03/05/2019', '06/05/2019'), inc('03/05/2024', '06/05/2024'), inc('25/04/2025', '28/04/2025')],
      errors: [late(0, '04/05/2019', 'thứ Bảy', 1), late(1, '04/05/2024', 'thứ Bảy', 1), late(2, '26/04/2025', 'thứ Bảy', 1)],
    },
    {
      name: 'after Tết and 2/9',
      kind: 'incoming',
      entries: [inc('31/01/2025', '04/02/2025'), inc('09/02/2021', '18/02/2021'), inc('31/08/2023', '07/09/2023')],
      errors: [late(0, '03/02/2025', 'thứ Hai', 1), late(1, '17/02/2021', 'thứ Tư', 1), late(2, '05/09/2023', 'thứ Ba', 2)],
    },
    {
      name: 'a naive weekday rule would miss this: 26/04/2024 handed on 03/05/2024',
      kind: 'incoming',
      entries: [inc('26/04/2024', '03/05/2024')],
      errors: [{ ...late(0, '02/05/2024', 'thứ Năm', 1), data: { date: '26/04/2024', dateDayEn: 'Friday', actual: '03/05/2024', actualDayEn: 'Friday' } }],
    },
  ],
});

const urgent = (entry: number, deadline: string, lateDays: number, urgency: string) => ({
  messageId: 'notSameDay',
  entry,
  field: 'transferDate' as const,
  severity: 'error' as const,
  data: { deadline, lateDays, urgency },
});

testRule(handoverUrgent, {
  valid: [
    { name: 'handed on the day it arrived', kind: 'incoming', entries: [inc('03/06/2024', '03/06/2024', { typeAndSubject: 'Công điện hỏa tốc về ứng phó mưa lũ' }), inc('26/04/2025', '26/04/2025', { urgency: 'Khẩn' })] },
    { name: '"khẩn trương" in the subject', kind: 'incoming', entries: [inc('03/06/2024', '04/06/2024', { typeAndSubject: 'V/v khẩn trương triển khai thu hoạch lúa chạy lũ' })] },
    { name: 'the urgency column says not urgent', kind: 'incoming', entries: [inc('03/06/2024', '04/06/2024', { urgency: 'Bình thường', notes: 'Khẩn' })] },
  ],
  invalid: [
    { name: 'T13: Hỏa tốc arrived 03/06/2024, handed on 04/06/2024', kind: 'incoming', entries: [inc('03/06/2024', '04/06/2024', { typeAndSubject: 'Công điện hỏa tốc về ứng phó mưa lũ' })], errors: [urgent(0, '03/06/2024', 1, 'Hỏa tốc')] },
    {
      name: 'urgency column and notes, across a holiday',
      kind: 'incoming',
      entries: [inc('29/04/2025', '05/05/2025', { urgency: 'Thượng khẩn' }), inc('30/08/2024', '03/09/2024', { notes: 'Văn bản khẩn' })],
      errors: [urgent(0, '29/04/2025', 1, 'Thượng khẩn'), urgent(1, '30/08/2024', 1, 'Khẩn')],
    },
  ],
});

testRule(handoverBeforeArrival, {
  valid: [{ kind: 'incoming', entries: [inc('05/09/2024', '05/09/2024'), inc('05/09/2024', '06/09/2024'), inc('05/09/2024', '30/09/2024')] }],
  invalid: [
    {
      kind: 'incoming',
      entries: [inc('05/09/2024', '04/09/2024'), inc('15/01/2025', '31/12/2024')],
      errors: [
        { messageId: 'before', entry: 0, field: 'transferDate', severity: 'error', data: { days: 1, date: '05/09/2024', actual: '04/09/2024' } },
        { messageId: 'before', entry: 1, field: 'transferDate', severity: 'error', data: { days: 15 } },
      ],
    },
  ],
});
