// Day/month-swapped dates (US-locale Excel): a warning suggesting the swap replaces a bogus lateness
// error when the other reading makes the entry on time (issue #5, "Dates that are really wrong").
import dateSwapped from '../../../rules/nd30/timeliness/date-swapped.js';
import { dayNumber, dayToSerial1900 } from '../../../src/core/dates.js';
import { testRule } from '../../rule-tester.js';

/** A date cell, as Excel stores it. */
const cell = (y: number, m: number, d: number): number => dayToSerial1900(dayNumber(y, m, d));
const out = (issuedDate: string | number, dispatchDate: string | number) => ({ symbol: '18/QĐ-UBND', issuedDate, dispatchDate });
const inc = (arrivalDate: string | number, transferDate: string | number, extra: Record<string, string> = {}) => ({ arrivalDate, arrivalNumber: '7', symbol: '45/SNV-VP', transferDate, ...extra });

testRule(dateSwapped, {
  valid: [
    { name: 'on time: nothing to explain', entries: [out('05/03/2024', '05/03/2024'), out('26/04/2024', '02/05/2024')] },
    { name: 'late, and the swap does not make it on time', entries: [out('05/03/2024', '15/05/2024'), out('04/03/2024', '03/06/2024'), out('26/04/2024', '06/05/2024')] },
    { name: 'day equal to month: no other reading', entries: [out('04/04/2024', '05/05/2024')] },
    { name: 'a swap that lands on a non-urgent deadline does not excuse an urgent document', entries: [{ ...out('05/03/2024', '06/05/2024'), notes: 'Hỏa tốc' }] },
  ],
  invalid: [
    {
      name: 'text dispatch date read two months late',
      entries: [out('05/03/2024', '03/05/2024')],
      errors: [{ messageId: 'swapped', entry: 0, field: 'dispatchDate', severity: 'warning', fixTo: '05/03/2024', data: { read: '03/05/2024', suggested: '05/03/2024', fieldEn: 'dispatch date' } }],
    },
    {
      name: 'date cell dispatch before the document date (US Excel turned 01/05 into 5 January)',
      entries: [out('30/04/2024', cell(2024, 1, 5))],
      errors: [{ messageId: 'swapped', entry: 0, field: 'dispatchDate', fixTo: '01/05/2024', data: { read: '05/01/2024', suggested: '01/05/2024' } }],
    },
    {
      name: 'the arrival date is the swapped one: 10/05/2024 stored as 5 October',
      kind: 'incoming',
      entries: [inc(cell(2024, 10, 5), '13/05/2024')],
      errors: [{ messageId: 'swapped', entry: 0, field: 'arrivalDate', fixTo: '10/05/2024', data: { read: '05/10/2024', suggested: '10/05/2024', fieldVi: 'Ngày đến' } }],
    },
    {
      name: 'both dates stored swapped (a whole register typed into a US-locale Excel)',
      entries: [out(cell(2024, 5, 3), cell(2024, 6, 3))],
      errors: [{ messageId: 'bothSwapped', entry: 0, field: 'dispatchDate', fixTo: '06/03/2024', data: { refRead: '03/05/2024', refSuggested: '05/03/2024', read: '03/06/2024', suggested: '06/03/2024' } }],
    },
    {
      name: 'urgent: the swap gives the same day',
      kind: 'incoming',
      entries: [inc('05/03/2024', '03/05/2024', { notes: 'Thượng khẩn' })],
      errors: [{ messageId: 'swapped', entry: 0, field: 'transferDate', fixTo: '05/03/2024' }],
    },
  ],
});
