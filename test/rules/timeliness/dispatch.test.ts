// Tables for the outgoing timeliness rules (issue #5): late, urgent, before the document date, missing.
// Dates around Tết, 30/4–1/5 and 2/9 of 2019–2025, swapped days off and make-up Saturdays
// (rules/data/vn-days-off.json); T10 of the domain notes (§8).
import dispatchBeforeDate from '../../../rules/nd30/timeliness/dispatch-before-date.js';
import dispatchLate from '../../../rules/nd30/timeliness/dispatch-late.js';
import dispatchMissing from '../../../rules/nd30/timeliness/dispatch-missing.js';
import dispatchUrgent from '../../../rules/nd30/timeliness/dispatch-urgent.js';
import { dayNumber } from '../../../src/core/dates.js';
import dateSwapped from '../../../rules/nd30/timeliness/date-swapped.js';
import { checkMemory } from '../../../src/engine/memory.js';
import { describe, expect, it } from 'vitest';
import { testRule } from '../../rule-tester.js';

let n = 0;
/** An outgoing entry: document date, dispatch date (omitted when undefined), other fields. */
const out = (issuedDate: string, dispatchDate?: string, extra: Record<string, string> = {}) => ({
  symbol: `${String(++n).padStart(2, '0')}/UBND-VP`,
  issuedDate,
  typeAndSubject: 'Công văn V/v báo cáo số liệu',
  ...(dispatchDate !== undefined ? { dispatchDate } : {}),
  ...extra,
});
const late = (entry: number, deadline: string, deadlineDayVi: string, lateDays: number) => ({
  messageId: 'late',
  entry,
  field: 'dispatchDate' as const,
  severity: 'error' as const,
  data: { deadline, deadlineDayVi, lateDays },
});

testRule(dispatchLate, {
  valid: [
    { name: 'T10: Fri 26/04/2024 → Thu 02/05/2024 (Sat, Sun, swapped Mon 29/4, 30/4, 1/5 off)', entries: [out('26/04/2024', '02/05/2024')] },
    { name: 'same day and next working day', entries: [out('15/01/2024', '15/01/2024'), out('15/01/2024', '16/01/2024'), out('19/01/2024', '22/01/2024')] },
    { name: 'dated on a rest day: due the first working day after it', entries: [out('13/07/2024', '15/07/2024'), out('14/07/2024', '15/07/2024'), out('30/04/2024', '02/05/2024')] },
    {
      name: 'Tết 2019–2025: the next working day after the break',
      entries: [
        out('01/02/2019', '11/02/2019'),
        out('22/01/2020', '30/01/2020'),
        out('09/02/2021', '17/02/2021'),
        out('28/01/2022', '07/02/2022'),
        out('19/01/2023', '27/01/2023'),
        out('07/02/2024', '15/02/2024'),
        out('24/01/2025', '03/02/2025'),
      ],
    },
    {
      name: '30/4–1/5 of 2019–2025 (swaps 2019, 2024, 2025; compensatory days 2021–2023)',
      entries: [
        out('26/04/2019', '02/05/2019'),
        out('29/04/2020', '04/05/2020'),
        out('29/04/2021', '04/05/2021'),
        out('29/04/2022', '04/05/2022'),
        out('28/04/2023', '04/05/2023'),
        out('26/04/2024', '02/05/2024'),
        out('29/04/2025', '05/05/2025'),
      ],
    },
    {
      name: '2/9 of 2019–2025 (one day until 2020, two from 2021)',
      entries: [
        out('30/08/2019', '03/09/2019'),
        out('01/09/2020', '03/09/2020'),
        out('01/09/2021', '06/09/2021'),
        out('31/08/2022', '05/09/2022'),
        out('31/08/2023', '05/09/2023'),
        out('30/08/2024', '04/09/2024'),
        out('29/08/2025', '03/09/2025'),
      ],
    },
    { name: 'make-up Saturdays are working days: dispatch on them is on time', entries: [out('03/05/2019', '04/05/2019'), out('03/05/2024', '04/05/2024'), out('25/04/2025', '26/04/2025')] },
    { name: 'across the new year: 28/12/2018 → 02/01/2019 (31/12/2018 swapped, 1/1 holiday)', entries: [out('28/12/2018', '02/01/2019')] },
    { name: 'Tết 2026 (mùng 1 = 17/02/2026)', entries: [out('13/02/2026', '23/02/2026')] },
    { name: 'an urgent document is dispatch-urgent’s case', entries: [out('03/06/2024', '10/06/2024', { notes: 'Hỏa tốc' })] },
    { name: 'dispatch before the date is dispatch-before-date’s case', entries: [out('10/09/2024', '09/09/2024')] },
    { name: 'a day/month swap that makes it on time is date-swapped’s case', entries: [out('05/03/2024', '03/05/2024')] },
    { name: 'missing or unreadable dates: nothing to compare', entries: [out('05/03/2024'), out('12/13/2024', '20/12/2024'), out('05/03/2024', 'đã gửi')] },
    { name: 'a local day off from the config', config: { calendar: { extraDaysOff: ['2024-03-11'] } }, entries: [out('08/03/2024', '12/03/2024')] },
    { name: 'a six-day week (Sunday rest only) makes Saturday due, not late', config: { calendar: { weekend: [0] } }, entries: [out('08/03/2024', '09/03/2024')] },
  ],
  invalid: [
    { name: 'T10 the other way: 26/04/2024 → 06/05/2024 (Sat 04/05/2024 was a working day)', entries: [out('26/04/2024', '06/05/2024')], errors: [late(0, '02/05/2024', 'thứ Năm', 3)] },
    {
      name: 'plain weeks: lateness in working days',
      entries: [out('15/01/2024', '17/01/2024'), out('18/01/2024', '20/01/2024'), out('19/01/2024', '24/01/2024')],
      errors: [late(0, '16/01/2024', 'thứ Ba', 1), late(1, '19/01/2024', 'thứ Sáu', 1), late(2, '22/01/2024', 'thứ Hai', 2)],
    },
    {
      name: 'the other make-up Saturdays: 05/01/2019 (for Mon 31/12/2018) and 10/01/2026 (for Fri 02/01/2026)',
      entries: [out('04/01/2019', '07/01/2019'), out('09/01/2026', '12/01/2026')],
      errors: [late(0, '05/01/2019', 'thứ Bảy', 1), late(1, '10/01/2026', 'thứ Bảy', 1)],
    },
    {
      name: 'make-up Saturdays make Monday late (2019, 2024, 2025)',
      entries: [out('03/05/2019', '06/05/2019'), out('03/05/2024', '06/05/2024'), out('25/04/2025', '28/04/2025')],
      errors: [late(0, '04/05/2019', 'thứ Bảy', 1), late(1, '04/05/2024', 'thứ Bảy', 1), late(2, '26/04/2025', 'thứ Bảy', 1)],
    },
    {
      name: 'one day after the Tết break (2020, 2024, 2025)',
      entries: [out('22/01/2020', '31/01/2020'), out('07/02/2024', '16/02/2024'), out('24/01/2025', '04/02/2025')],
      errors: [late(0, '30/01/2020', 'thứ Năm', 1), late(1, '15/02/2024', 'thứ Năm', 1), late(2, '03/02/2025', 'thứ Hai', 1)],
    },
    {
      name: 'one day after 30/4–1/5 and 2/9 (2021, 2023, 2024)',
      entries: [out('29/04/2021', '05/05/2021'), out('31/08/2023', '06/09/2023'), out('30/08/2024', '05/09/2024')],
      errors: [late(0, '04/05/2021', 'thứ Ba', 1), late(1, '05/09/2023', 'thứ Ba', 1), late(2, '04/09/2024', 'thứ Tư', 1)],
    },
    { name: 'a weekday that is not a holiday: 2/9/2019 was one day only', entries: [out('02/09/2019', '04/09/2019')], errors: [late(0, '03/09/2019', 'thứ Ba', 1)] },
    {
      name: 'message data: dates and weekdays in both languages',
      entries: [out('26/04/2024', '07/05/2024')],
      errors: [
        {
          messageId: 'late',
          entry: 0,
          data: { date: '26/04/2024', dateDayVi: 'thứ Sáu', dateDayEn: 'Friday', deadline: '02/05/2024', deadlineDayEn: 'Thursday', actual: '07/05/2024', actualDayVi: 'thứ Ba', lateDays: 4 },
        },
      ],
    },
    {
      name: 'an extra working day from the config (a unit that did not take the 2024 swap)',
      config: { calendar: { extraWorkingDays: ['2024-04-29'] } },
      entries: [out('26/04/2024', '02/05/2024')],
      errors: [late(0, '29/04/2024', 'thứ Hai', 1)],
    },
    {
      name: 'date cells (serials) are read like text',
      entries: [{ symbol: '07/QĐ-UBND', issuedDate: 45408, dispatchDate: 45418 }],
      errors: [late(0, '02/05/2024', 'thứ Năm', 3)],
    },
  ],
});

const urgent = (entry: number, deadline: string, lateDays: number, urgency: string) => ({
  messageId: 'notSameDay',
  entry,
  field: 'dispatchDate' as const,
  severity: 'error' as const,
  data: { deadline, lateDays, urgency },
});

testRule(dispatchUrgent, {
  valid: [
    { name: 'urgent and dispatched the same day', entries: [out('03/06/2024', '03/06/2024', { notes: 'Hỏa tốc' }), out('30/04/2024', '30/04/2024', { notes: 'Khẩn' })] },
    { name: '"khẩn trương" is not an urgency mark', entries: [out('03/06/2024', '04/06/2024', { typeAndSubject: 'Công văn V/v khẩn trương triển khai phòng chống dịch sốt xuất huyết' })] },
    { name: '"khẩn cấp" and "khẩn thiết" are not urgency marks', entries: [out('03/06/2024', '04/06/2024', { typeAndSubject: 'Tờ trình V/v công bố tình trạng khẩn cấp về thiên tai' }), out('03/06/2024', '04/06/2024', { notes: 'Đề nghị khẩn thiết' })] },
    { name: 'the urgency column decides: "Thường"', entries: [out('03/06/2024', '04/06/2024', { urgency: 'Thường', typeAndSubject: 'Công văn (Khẩn) V/v trực bão' })] },
    { name: '"Độ khẩn: thường" and "không khẩn" in the notes', entries: [out('03/06/2024', '04/06/2024', { notes: 'Độ khẩn: thường' }), out('03/06/2024', '04/06/2024', { notes: 'Không khẩn' })] },
    { name: 'not urgent: late is dispatch-late’s case', entries: [out('03/06/2024', '06/06/2024')] },
    { name: 'a swapped reading that makes it the same day', entries: [out('05/03/2024', '03/05/2024', { notes: 'Khẩn' })] },
  ],
  invalid: [
    { name: 'T13 outgoing: Hỏa tốc 03/06/2024 dispatched 04/06/2024', entries: [out('03/06/2024', '04/06/2024', { notes: 'Hỏa tốc' })], errors: [urgent(0, '03/06/2024', 1, 'Hỏa tốc')] },
    {
      name: 'urgency from the column, the notes and the subject',
      entries: [
        out('02/05/2024', '03/05/2024', { urgency: 'Thượng khẩn' }),
        out('02/05/2024', '03/05/2024', { notes: 'KHẨN' }),
        out('02/05/2024', '03/05/2024', { typeAndSubject: 'Công điện khẩn về việc ứng phó bão số 3' }),
        out('02/05/2024', '03/05/2024', { typeAndSubject: 'Công văn V/v trực phòng chống lụt bão (Hoả tốc)' }),
        out('02/05/2024', '03/05/2024', { typeAndSubject: 'Công văn KHẨN về việc báo cáo thiệt hại' }),
      ],
      errors: [
        { ...urgent(0, '02/05/2024', 1, 'Thượng khẩn'), data: { urgencySourceEn: 'per the urgency column' } },
        { ...urgent(1, '02/05/2024', 1, 'Khẩn'), data: { urgencySourceEn: 'per the notes' } },
        { ...urgent(2, '02/05/2024', 1, 'Khẩn'), data: { urgencySourceEn: 'per the type and subject' } },
        urgent(3, '02/05/2024', 1, 'Hỏa tốc'),
        urgent(4, '02/05/2024', 1, 'Khẩn'),
      ],
    },
    {
      name: 'the same day means the same day, across a holiday too',
      entries: [out('26/04/2024', '02/05/2024', { notes: 'Khẩn' }), out('30/04/2024', '02/05/2024', { urgency: 'x' })],
      errors: [urgent(0, '26/04/2024', 1, 'Khẩn'), urgent(1, '30/04/2024', 1, 'Khẩn')],
    },
  ],
});

testRule(dispatchBeforeDate, {
  valid: [
    { entries: [out('10/09/2024', '10/09/2024'), out('10/09/2024', '11/09/2024'), out('10/09/2024', '20/09/2024')] },
    { name: 'a swapped dispatch date that makes it on time is date-swapped’s case', entries: [out('30/04/2024', '05/01/2024')] },
  ],
  invalid: [
    {
      entries: [out('10/09/2024', '09/09/2024'), out('02/01/2025', '31/12/2024')],
      errors: [
        { messageId: 'before', entry: 0, field: 'dispatchDate', severity: 'error', data: { days: 1, date: '10/09/2024', actual: '09/09/2024' } },
        { messageId: 'before', entry: 1, field: 'dispatchDate', severity: 'error', data: { days: 2 } },
      ],
    },
  ],
});

testRule(dispatchMissing, {
  valid: [
    { name: 'deadline not yet passed (as of the deadline itself)', asOf: dayNumber(2025, 1, 15), entries: [out('14/01/2025'), out('15/01/2025')] },
    { name: 'T10 week: due Thu 02/05/2024, checked that day', asOf: dayNumber(2024, 5, 2), entries: [out('26/04/2024')] },
    { name: 'a Friday document checked on Monday', asOf: dayNumber(2025, 1, 13), entries: [out('10/01/2025')] },
    { name: 'voided or withdrawn numbers', entries: [out('05/03/2024', undefined, { notes: 'Hủy số' }), out('05/03/2024', undefined, { notes: 'Không phát hành' }), out('05/03/2024', undefined, { notes: 'Đã thu hồi' })] },
    { name: 'dispatched, or an unreadable date (another rule’s case)', entries: [out('05/03/2024', '05/03/2024'), out('12/13/2024')] },
  ],
  invalid: [
    {
      name: 'past the deadline as of --as-of',
      asOf: dayNumber(2025, 1, 15),
      entries: [out('30/08/2024'), out('13/01/2025')],
      errors: [
        { messageId: 'missing', entry: 0, field: 'dispatchDate', severity: 'warning', data: { date: '30/08/2024', deadline: '04/09/2024', deadlineDayVi: 'thứ Tư', asOf: '15/01/2025' } },
        { messageId: 'missing', entry: 1, data: { deadline: '14/01/2025' } },
      ],
    },
    { name: 'T10 week: checked the day after the deadline', asOf: dayNumber(2024, 5, 3), entries: [out('26/04/2024')], errors: [{ messageId: 'missing', entry: 0, data: { deadline: '02/05/2024' } }] },
    { name: 'a Friday document checked on Tuesday', asOf: dayNumber(2025, 1, 14), entries: [out('10/01/2025')], errors: [{ messageId: 'missing', entry: 0, data: { deadline: '13/01/2025' } }] },
  ],
});

// A rule hands its cases to another only while that one is on: turned off in the config, the cases
// come back (the rule tester runs one rule alone, so these run the pair together).
describe('timeliness/dispatch-late when the rule that owns a case is off', () => {
  const run = async (config: unknown, entries: ReturnType<typeof out>[]) => {
    const results = await checkMemory([{ kind: 'outgoing', entries }], { rules: [dispatchLate, dispatchUrgent, dateSwapped], config, asOf: dayNumber(2025, 1, 15) });
    return results.flatMap((r) => r.findings).map((f) => ({ ruleId: f.ruleId, messageId: f.messageId, row: f.location.row, lateDays: f.data['lateDays'], deadline: f.data['deadline'] }));
  };

  it('urgent documents late past the next working day come to dispatch-late when dispatch-urgent is off', async () => {
    const entries = [out('03/06/2024', '04/06/2024', { notes: 'Hỏa tốc' }), out('03/06/2024', '06/06/2024', { notes: 'Hỏa tốc' })];
    expect(await run({}, entries)).toEqual([
      { ruleId: 'timeliness/dispatch-urgent', messageId: 'notSameDay', row: 2, lateDays: 1, deadline: '03/06/2024' },
      { ruleId: 'timeliness/dispatch-urgent', messageId: 'notSameDay', row: 3, lateDays: 3, deadline: '03/06/2024' },
    ]);
    expect(await run({ rules: { 'timeliness/dispatch-urgent': 'off' } }, entries)).toEqual([
      { ruleId: 'timeliness/dispatch-late', messageId: 'late', row: 3, lateDays: 2, deadline: '04/06/2024' },
    ]);
  });

  it('a swapped reading is a lateness error when date-swapped is off', async () => {
    const entries = [out('05/03/2024', '03/05/2024')];
    expect((await run({}, entries)).map((f) => f.ruleId)).toEqual(['timeliness/date-swapped']);
    expect(await run({ rules: { 'timeliness/date-swapped': ['off', {}] } }, entries)).toEqual([
      { ruleId: 'timeliness/dispatch-late', messageId: 'late', row: 2, lateDays: 38, deadline: '06/03/2024' },
    ]);
  });
});
