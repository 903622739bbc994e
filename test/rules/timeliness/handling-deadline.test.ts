// Handling deadlines (Điều 24.2): the register's own deadline, or the agency default when configured.
import handlingDeadline, { statusOf } from '../../../rules/nd30/timeliness/handling-deadline.js';
import { dayNumber } from '../../../src/core/dates.js';
import { describe, expect, it } from 'vitest';
import { testRule } from '../../rule-tester.js';

let n = 0;
const inc = (arrivalDate: string, extra: Record<string, string>) => ({
  arrivalDate,
  arrivalNumber: String(++n),
  symbol: `${n + 20}/SNV-VP`,
  typeAndSubject: 'V/v báo cáo tình hình thực hiện nhiệm vụ',
  transferDate: arrivalDate,
  ...extra,
});
const AS_OF = dayNumber(2025, 1, 15);

testRule(handlingDeadline, {
  valid: [
    { name: 'resolved on or before the deadline', kind: 'incoming', entries: [inc('26/08/2024', { dueDate: '06/09/2024', resolvedDate: '06/09/2024' }), inc('26/08/2024', { dueDate: '06/09/2024', resolvedDate: '30/08/2024' })] },
    { name: 'open but not yet due', kind: 'incoming', asOf: AS_OF, entries: [inc('10/01/2025', { dueDate: '20/01/2025', resolvedDate: '' }), inc('10/01/2025', { dueDate: '15/01/2025', status: 'Đang xử lý' })] },
    { name: 'the status says it was dealt with', kind: 'incoming', entries: [inc('26/08/2024', { dueDate: '06/09/2024', status: 'Đã giải quyết' }), inc('26/08/2024', { dueDate: '06/09/2024', status: 'Hoàn thành' })] },
    { name: 'no deadline for this document', kind: 'incoming', entries: [inc('26/08/2024', { dueDate: '', resolvedDate: '' })] },
    { name: 'a status the rule cannot read, and no resolution date column', kind: 'incoming', entries: [inc('26/08/2024', { dueDate: '06/09/2024', status: 'Chuyển phòng Kinh tế' }), inc('26/08/2024', { dueDate: '06/09/2024', status: '' })] },
    { name: 'no resolution date or status column: nothing to judge', kind: 'incoming', entries: [inc('26/08/2024', { dueDate: '06/09/2024' })] },
    { name: 'no deadline column and no default configured', kind: 'incoming', entries: [inc('26/08/2024', { resolvedDate: '30/12/2024' })] },
    { name: 'the default: 10 working days from Fri 26/04/2024 is Tue 14/05/2024 (29/4–1/5 off, Sat 4/5 worked)', kind: 'incoming', options: { defaultWorkingDays: 10 }, entries: [inc('26/04/2024', { resolvedDate: '14/05/2024' })] },
  ],
  invalid: [
    {
      name: 'resolved after the deadline',
      kind: 'incoming',
      entries: [inc('26/08/2024', { dueDate: '30/08/2024', resolvedDate: '04/09/2024' }), inc('26/08/2024', { dueDate: '06/09/2024', resolvedDate: '10/09/2024' })],
      errors: [
        { messageId: 'resolvedLate', entry: 0, field: 'resolvedDate', severity: 'warning', data: { deadline: '30/08/2024', actual: '04/09/2024', lateDays: 1 } },
        { messageId: 'resolvedLate', entry: 1, field: 'resolvedDate', severity: 'warning', data: { deadline: '06/09/2024', deadlineDayVi: 'thứ Sáu', lateDays: 2 } },
      ],
    },
    {
      name: 'overdue and unresolved as of --as-of',
      kind: 'incoming',
      asOf: AS_OF,
      entries: [inc('02/12/2024', { dueDate: '31/12/2024', resolvedDate: '' }), inc('02/12/2024', { dueDate: '31/12/2024', resolvedDate: '', status: 'Chưa giải quyết' })],
      errors: [
        { messageId: 'overdue', entry: 0, field: 'dueDate', severity: 'warning', data: { deadline: '31/12/2024', asOf: '15/01/2025', lateDays: 10 } },
        { messageId: 'overdue', entry: 1, field: 'dueDate', data: { lateDays: 10 } },
      ],
    },
    { name: 'status "Quá hạn"', kind: 'incoming', asOf: AS_OF, entries: [inc('02/12/2024', { dueDate: '13/12/2024', status: 'Quá hạn' })], errors: [{ messageId: 'overdue', entry: 0, data: { deadlineSourceEn: 'from the register' } }] },
    {
      name: 'the configured default when the book has no deadline column',
      kind: 'incoming',
      options: { defaultWorkingDays: 10 },
      entries: [inc('26/04/2024', { resolvedDate: '20/05/2024' })],
      errors: [{ messageId: 'resolvedLate', entry: 0, field: 'resolvedDate', data: { deadline: '14/05/2024', lateDays: 4, deadlineSourceEn: 'default of 10 working day(s) after arrival' } }],
    },
  ],
});

describe('statusOf', () => {
  it.each([
    ['Đã giải quyết', 'done'],
    ['đã xử lý xong', 'done'],
    ['Hoàn thành', 'done'],
    ['Chưa hoàn thành', 'open'],
    ['Đang xử lý', 'open'],
    ['Quá hạn', 'open'],
    ['Chờ ý kiến lãnh đạo', 'open'],
    ['Đã trả lời cho UBND huyện', 'done'],
    ['Đã đăng tải cổng thông tin', 'unknown'],
    ['', 'unknown'],
  ])('%s → %s', (text, expected) => {
    expect(statusOf(text)).toBe(expected);
  });
});
