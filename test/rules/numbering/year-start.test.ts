// numbering/first-number and numbering/no-restart: the yearly start at 01.
import firstNumber from '../../../rules/nd30/numbering/first-number.js';
import noRestart from '../../../rules/nd30/numbering/no-restart.js';
import { testRule } from '../../rule-tester.js';
import { inc, interleave, out, redate, run } from './helpers.js';

const JULY_2026 = 20640;

testRule(firstNumber, {
  valid: [
    { entries: run(1, 5, '#/UBND-VP', 2024, 1, 2) },
    { name: 'a register of a unit created on 1 July 2025', title: ['Năm: 2025', 'Từ ngày 01/07/2025 đến ngày 31/12/2025', ''], entries: run(1, 5, '#/UBND-VP', 2025, 7, 1), asOf: JULY_2026 },
    { name: 'the same without a cover', entries: run(1, 5, '#/UBND-VP', 2025, 7, 1), asOf: JULY_2026 },
    { name: 'a later volume declaring "Từ số"', title: ['Năm: 2024', 'Từ số 151 đến số 155', ''], entries: run(151, 155, '#/UBND-VP', 2024, 1, 3) },
    { name: 'a volume starting in March', entries: run(51, 55, '#/UBND-VP', 2024, 3, 1) },
    { name: 'a few documents of another issuer', entries: redate(interleave(run(1, 5, '#/UBND-VP', 2024, 1, 2), [out('05/NQ-HĐND', '01/01/2024'), out('06/NQ-HĐND', '01/01/2024')]), 2024, 1, 2) },
    { name: 'QPPL and copies starting at 01 later in the year', entries: [...run(1, 5, '#/UBND-VP', 2024, 1, 2), out('01/2024/QĐ-UBND', '05/03/2024'), out('01/SY-UBND', '06/03/2024')] },
    { name: 'numbering restarted on 1 July 2025', entries: [...run(1, 3, '#/UBND-VP', 2025, 1, 2), ...run(1, 3, '#/UBND-VP', 2025, 7, 1)], asOf: JULY_2026 },
    { name: 'carrying on from last year is numbering/no-restart', entries: [...run(229, 230, '#/UBND-VP', 2024, 12, 30), ...run(231, 233, '#/UBND-VP', 2025, 1, 2)] },
  ],
  invalid: [
    { entries: run(3, 6, '#/UBND-VP', 2024, 1, 3), errors: [{ messageId: 'notOne', entry: 0, field: 'symbol', severity: 'error', data: { first: '03', range: '01–02', year: 2024 } }] },
    { name: 'a cover from 02/01', title: ['Năm: 2024', 'Từ ngày 02/01/2024 đến ngày 31/12/2024', ''], entries: run(2, 4, '#/UBND-VP', 2024, 1, 15), errors: [{ messageId: 'notOne', entry: 0, data: { range: '01' } }] },
    {
      name: 'a QPPL series with three entries starting at 02',
      entries: [...run(1, 5, '#/UBND-VP', 2024, 1, 2), out('02/2024/QĐ-UBND', '05/03/2024'), out('03/2024/QĐ-UBND', '06/03/2024'), out('04/2024/QĐ-UBND', '07/03/2024')],
      errors: [{ messageId: 'notOne', entry: 5, data: { seriesEn: 'legal normative QĐ' } }],
    },
    {
      name: 'số đến starting at 5 in January',
      kind: 'incoming',
      entries: [inc(5, '03/01/2024', '12/UBND-VP', 'UBND huyện', '02/01/2024'), inc(6, '04/01/2024', '45/SNV-VP', 'Sở Nội vụ', '02/01/2024')],
      errors: [{ messageId: 'notOne', entry: 0, field: 'arrivalNumber' }],
    },
  ],
});

testRule(noRestart, {
  valid: [
    { name: 'December → January rollover restarts at 01', entries: [...run(228, 230, '#/UBND-VP', 2024, 12, 27), ...run(1, 3, '#/UBND-VP', 2025, 1, 2)] },
    { entries: run(1, 5, '#/UBND-VP', 2024, 1, 2) },
    { name: 'a year whose first numbers are missing is not a carry-on', entries: [...run(228, 230, '#/UBND-VP', 2024, 12, 27), ...run(4, 6, '#/UBND-VP', 2025, 1, 2)] },
  ],
  invalid: [
    {
      name: 'T9: the first 2025 entry numbered 231',
      entries: [...run(228, 230, '#/UBND-VP', 2024, 12, 27), ...run(231, 233, '#/UBND-VP', 2025, 1, 2)],
      errors: [{ messageId: 'noRestart', entry: 3, field: 'symbol', severity: 'error', data: { first: '231', prevLast: '230', prevYear: 2024, year: 2025 } }],
    },
    {
      name: 'one January entry closing the book',
      entries: [...run(228, 230, '#/UBND-VP', 2024, 12, 27), out('231/UBND-VP', '02/01/2025')],
      errors: [{ messageId: 'noRestart', entry: 3 }],
    },
    {
      name: 'a new year in another file',
      entries: run(228, 230, '#/UBND-VP', 2024, 12, 27),
      more: [{ kind: 'outgoing', title: ['Năm: 2025', ''], entries: run(231, 233, '#/UBND-VP', 2025, 1, 2) }],
      errors: [{ messageId: 'noRestart', data: { first: '231' } }],
    },
    {
      name: 'restarting for some series only',
      entries: [...run(40, 41, '#/2024/QĐ-UBND', 2024, 12, 26), ...run(229, 230, '#/UBND-VP', 2024, 12, 30), ...run(1, 2, '#/UBND-VP', 2025, 1, 2), ...run(42, 43, '#/2025/QĐ-UBND', 2025, 1, 6)],
      errors: [{ messageId: 'noRestart', entry: 6, data: { seriesEn: 'legal normative QĐ', first: '42' } }],
    },
    {
      name: 'số đến carrying on',
      kind: 'incoming',
      entries: [inc(500, '31/12/2024', '12/UBND-VP', 'UBND huyện', '30/12/2024'), inc(501, '02/01/2025', '45/SNV-VP', 'Sở Nội vụ', '31/12/2024'), inc(502, '03/01/2025', '46/SNV-VP', 'Sở Nội vụ', '02/01/2025')],
      errors: [{ messageId: 'noRestart', entry: 1, field: 'arrivalNumber' }],
    },
  ],
});
