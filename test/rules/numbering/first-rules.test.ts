// Tables for the first numbering rules (issue #2): gaps and duplicates in one year's outgoing series.
import duplicate from '../../../rules/nd30/numbering/duplicate.js';
import gap from '../../../rules/nd30/numbering/gap.js';
import { testRule } from '../../rule-tester.js';

const e = (symbol: string, issuedDate = '08/01/2024') => ({ symbol, issuedDate });

testRule(gap, {
  valid: [
    { entries: [e('01/QĐ-UBND'), e('02/UBND-VP'), e('03/TB-UBND')] },
    { name: 'QPPL and copies run in their own series', entries: [e('01/QĐ-UBND'), e('01/2024/QĐ-UBND'), e('02/UBND-VP'), e('01/SY-UBND'), e('03/KH-UBND')] },
    { name: 'an unreadable date stays in the year of its neighbours', entries: [e('01/QĐ-UBND'), e('02/QĐ-UBND', '12/13/2024'), e('03/QĐ-UBND')] },
  ],
  invalid: [
    { entries: [e('01/QĐ-UBND'), e('02/QĐ-UBND'), e('04/QĐ-UBND')], errors: [{ messageId: 'gap', entry: 2, data: { range: '03' } }] },
    { entries: [e('12/QĐ-UBND'), e('18/QĐ-UBND')], errors: [{ messageId: 'gap', entry: 1, data: { range: '13–17', missing: 5 } }] },
  ],
});

testRule(duplicate, {
  valid: [
    { entries: [e('05/QĐ-UBND'), e('06/QĐ-UBND')] },
    { name: 'the same number in different years', entries: [e('05/QĐ-UBND', '28/12/2023'), e('05/QĐ-UBND', '05/01/2024')] },
    { name: 'the same number in the copy series', entries: [e('05/QĐ-UBND'), e('05/SY-UBND')] },
  ],
  invalid: [
    { entries: [e('05/QĐ-UBND'), e('05/QĐ-UBND')], errors: [{ messageId: 'duplicate', entry: 1, data: { otherRow: 2 } }] },
    { name: '07 and 007 are one number', entries: [e('07/UBND-VP'), e('007/UBND-KT')], errors: [{ messageId: 'duplicate', entry: 1 }] },
  ],
});
