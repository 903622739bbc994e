// numbering/duplicate: per series and year; the other row is related.
import duplicate from '../../../rules/nd30/numbering/duplicate.js';
import { testRule } from '../../rule-tester.js';
import { inc, interleave, out, redate, run } from './helpers.js';

const perType = redate(interleave(run(1, 5, '#/QĐ-UBND', 2024, 1, 2), run(1, 4, '#/TB-UBND', 2024, 1, 2), run(1, 6, '#/UBND-VP', 2024, 1, 2)), 2024, 1, 2);

testRule(duplicate, {
  valid: [
    { entries: [out('05/QĐ-UBND', '08/01/2024'), out('06/QĐ-UBND', '09/01/2024')] },
    { name: 'the same number in different years', entries: [out('05/QĐ-UBND', '28/12/2023'), out('05/QĐ-UBND', '05/01/2024')] },
    { name: 'the same number in the copy and QPPL series', entries: [out('05/QĐ-UBND', '08/01/2024'), out('05/SY-UBND', '09/01/2024'), out('05/2024/QĐ-UBND', '10/01/2024')] },
    { name: 'per-type numbering is detected (scheme auto)', entries: perType },
    { name: 'per-type numbering configured', entries: perType, config: { numbering: { scheme: 'per-type' } } },
    { name: 'HĐND documents in a UBND book', entries: redate(interleave(run(1, 8, '#/QĐ-UBND', 2024, 1, 2), run(1, 3, '#/NQ-HĐND', 2024, 1, 2)), 2024, 1, 2) },
    { name: 'numbering restarted on 1 July 2025', entries: [...run(1, 5, '#/UBND-VP', 2025, 6, 23), ...run(1, 4, '#/UBND-VP', 2025, 7, 1)] },
    { name: 'December → January rollover', entries: [...run(1, 3, '#/UBND-VP', 2024, 12, 27), ...run(1, 3, '#/UBND-VP', 2025, 1, 2)] },
    { name: 'a lettered number is an insertion, not a duplicate', entries: [out('236/QĐ-UBND', '08/05/2024'), out('236a/QĐ-UBND', '08/05/2024'), out('237/QĐ-UBND', '09/05/2024')] },
    { name: 'two books of the same kind in one run (one per type)', entries: run(1, 6, '#/QĐ-UBND', 2024, 1, 2), more: [{ kind: 'outgoing', entries: run(1, 5, '#/UBND-VP', 2024, 1, 2) }] },
    { name: 'a short book, then a long one of the same year in the same run', entries: run(1, 5, '#/QĐ-UBND', 2024, 1, 2), more: [{ kind: 'outgoing', entries: run(1, 20, '#/UBND-VP', 2024, 1, 2) }] },
    {
      name: 'a January typo in the year keeps the entry in its own year',
      entries: [out('01/UBND-VP', '02/01/2024'), out('02/UBND-VP', '03/01/2023'), out('03/UBND-VP', '04/01/2024')],
    },
  ],
  invalid: [
    { entries: [out('05/QĐ-UBND', '08/01/2024'), out('05/QĐ-UBND', '09/01/2024')], errors: [{ messageId: 'duplicate', entry: 1, field: 'symbol', severity: 'error', data: { otherRow: 2, number: '05', year: 2024 } }] },
    { name: '07, 7 and 007 are one number', entries: [out('07/UBND-VP', '08/01/2024'), out('007/UBND-KT', '09/01/2024'), out('7/TB-UBND', '10/01/2024')], errors: [{ messageId: 'duplicate', entry: 1 }, { messageId: 'duplicate', entry: 2, data: { otherRow: 2 } }] },
    {
      name: 'per-type numbering under scheme single is reported (the scheme matters)',
      entries: [out('01/QĐ-UBND', '02/01/2024'), out('01/TB-UBND', '03/01/2024'), out('02/QĐ-UBND', '04/01/2024')],
      config: { numbering: { scheme: 'single' } },
      errors: [{ messageId: 'duplicate', entry: 1 }],
    },
    {
      name: 'a real duplicate inside a detected per-type series',
      entries: [...perType, out('03/TB-UBND', '20/01/2024')],
      errors: [{ messageId: 'duplicate', entry: 15, data: { seriesEn: 'administrative documents of type TB' } }],
    },
    {
      name: 'a single seeded duplicate across types stays a duplicate',
      entries: [...run(1, 4, '#/QĐ-UBND', 2024, 1, 2), out('04/TB-UBND', '08/01/2024'), ...run(5, 8, '#/TB-UBND', 2024, 1, 9)],
      errors: [{ messageId: 'duplicate', entry: 4, data: { otherRow: 5 } }],
    },
    {
      name: 'a duplicate across two volumes in two files',
      entries: run(1, 5, '#/UBND-VP', 2024, 1, 2),
      more: [{ kind: 'outgoing', entries: run(5, 8, '#/UBND-VP', 2024, 7, 1) }],
      errors: [{ messageId: 'duplicate', entry: 0, data: { otherRow: 6, otherPlaceEn: 'row 6 of file memory-1.xlsx' } }],
    },
    {
      name: 'a duplicated QPPL number',
      entries: [out('01/2024/QĐ-UBND', '08/01/2024'), out('01/QĐ-UBND', '09/01/2024'), out('01/2024/QĐ-UBND', '10/01/2024')],
      errors: [{ messageId: 'duplicate', entry: 2, data: { seriesEn: 'legal normative QĐ' } }],
    },
    {
      name: 'số đến twice',
      kind: 'incoming',
      entries: [inc(14, '10/05/2024', '12/UBND-VP', 'UBND huyện', '09/05/2024'), inc('014', '10/05/2024', '45/SNV-VP', 'Sở Nội vụ', '09/05/2024')],
      errors: [{ messageId: 'duplicate', entry: 1, field: 'arrivalNumber', data: { number: '14' } }],
    },
  ],
});
