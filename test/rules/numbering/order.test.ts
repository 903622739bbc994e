// numbering/order: number order against date order (cấp số lùi), insertions.
import order from '../../../rules/nd30/numbering/order.js';
import { testRule } from '../../rule-tester.js';
import { days, inc, interleave, out, redate, run } from './helpers.js';

testRule(order, {
  valid: [
    { entries: run(1, 10, '#/UBND-VP', 2024, 3, 1) },
    { name: 'same-day entries in any number order', entries: [out('20/QĐ-UBND', '05/03/2024'), out('22/UBND-VP', '05/03/2024'), out('21/TB-UBND', '05/03/2024'), out('23/TB-UBND', '06/03/2024')] },
    { name: 'series interleaved, each in order', entries: redate(interleave(run(1, 5, '#/UBND-VP', 2024, 1, 2), run(1, 3, '#/SY-UBND', 2024, 1, 2)), 2024, 1, 2) },
    { name: 'a tolerance of one day', entries: [out('20/QĐ-UBND', '05/03/2024'), out('21/QĐ-UBND', '04/03/2024')], options: { toleranceDays: 1 } },
    { name: 'arrival numbers follow arrival dates', kind: 'incoming', entries: [inc(100, '09/05/2024', '12/UBND-VP', 'UBND huyện', '08/05/2024'), inc(101, '10/05/2024', '45/SNV-VP', 'Sở Nội vụ', '02/05/2024')] },
  ],
  invalid: [
    {
      name: 'T8: a higher number with an earlier date',
      entries: [out('19/QĐ-UBND', '04/03/2024'), out('20/QĐ-UBND', '05/03/2024'), out('21/QĐ-UBND', '01/03/2024'), out('22/QĐ-UBND', '06/03/2024')],
      errors: [{ messageId: 'earlier', entry: 2, field: 'symbol', severity: 'warning', data: { number: '21', otherNumber: '20', otherDate: '05/03/2024', otherRow: 3 } }],
    },
    {
      name: 'two swapped neighbours: the higher number is flagged',
      entries: [out('20/QĐ-UBND', '05/03/2024'), out('21/QĐ-UBND', '04/03/2024')],
      errors: [{ messageId: 'earlier', entry: 1 }],
    },
    {
      name: 'one date too late flags that entry, not all the ones after it',
      entries: [out('20/QĐ-UBND', '05/03/2024'), out('21/QĐ-UBND', '25/03/2024'), out('22/QĐ-UBND', '06/03/2024'), out('23/QĐ-UBND', '07/03/2024'), out('24/QĐ-UBND', '08/03/2024')],
      errors: [{ messageId: 'later', entry: 1, data: { otherNumber: '22' } }],
    },
    {
      name: 'a day-first date read US style',
      entries: [out('20/QĐ-UBND', '05/03/2024'), out('21/QĐ-UBND', '03/07/2024'), out('22/QĐ-UBND', '08/03/2024'), out('23/QĐ-UBND', '11/03/2024'), out('24/QĐ-UBND', '12/03/2024')],
      errors: [{ messageId: 'swapped', entry: 1, data: { suggested: '07/03/2024' } }],
    },
    {
      name: 'a lettered number is an insertion',
      entries: [out('236/QĐ-UBND', '08/05/2024'), out('237/QĐ-UBND', '09/05/2024'), out('236a/QĐ-UBND', '10/05/2024')],
      errors: [{ messageId: 'insertion', entry: 2, data: { number: '236a', base: '236' } }],
    },
    {
      name: 'a book not kept in number order gets one finding',
      entries: days(2024, 3, 1, 20).map((d, k) => out(`${String(((k * 7) % 20) + 1).padStart(2, '0')}/UBND-VP`, d)),
      errors: [{ messageId: 'disordered', data: { total: 20 } }],
    },
    {
      name: 'T12: số đến 101 arrived before 100',
      kind: 'incoming',
      entries: [inc(99, '08/05/2024', '11/UBND-VP', 'UBND huyện', '07/05/2024'), inc(100, '10/05/2024', '12/UBND-VP', 'UBND huyện', '08/05/2024'), inc(101, '09/05/2024', '45/SNV-VP', 'Sở Nội vụ', '02/05/2024'), inc(102, '13/05/2024', '46/SNV-VP', 'Sở Nội vụ', '02/05/2024')],
      errors: [{ messageId: 'earlier', entry: 2, field: 'arrivalNumber', data: { number: '101', otherNumber: '100' } }],
    },
    {
      name: 'order is checked across two volumes',
      entries: run(1, 5, '#/UBND-VP', 2024, 3, 1),
      more: [{ kind: 'outgoing', entries: [out('06/UBND-VP', '01/02/2024'), out('07/UBND-VP', '10/03/2024'), out('08/UBND-VP', '11/03/2024')] }],
      errors: [{ messageId: 'earlier', entry: 0, data: { number: '06', otherPlaceEn: 'row 6 of file memory-1.xlsx' } }],
    },
  ],
});
