// Issue #16: numbering that reads the symbol's own year (QPPL year segment), one series per named
// issuer, Party numbers per term, and partial lists whose gaps are summarised.
import duplicate from '../../../rules/nd30/numbering/duplicate.js';
import firstNumber from '../../../rules/nd30/numbering/first-number.js';
import gap from '../../../rules/nd30/numbering/gap.js';
import noRestart from '../../../rules/nd30/numbering/no-restart.js';
import order from '../../../rules/nd30/numbering/order.js';
import { testRule } from '../../rule-tester.js';

const q = (symbol: string, issuedDate: string) => ({ symbol, issuedDate, signer: 'A' });
const d = (symbol: string, issuedDate: string) => ({ symbol, issuedDate, subject: 'Quyết định' });
/** A row of a published list: symbol, date, subject and the issuer it names. */
const l = (symbol: string, issuedDate: string, author: string) => ({ symbol, issuedDate, subject: 'Quy định', author });
const LIST_COLUMNS = ['symbol', 'issuedDate', 'subject', 'author'] as const;
const TITLE = ['UBND TỈNH', 'SỔ ĐĂNG KÝ VĂN BẢN ĐI'];
const LIST = ['UBND TỈNH', 'DANH MỤC VĂN BẢN ĐĂNG CÔNG BÁO'];

testRule(duplicate, {
  valid: [
    { name: 'QPPL numbers of different year segments are no duplicates, whatever the dates', title: TITLE, entries: [q('32/2021/QĐ-UBND', '01/02/2021'), q('32/2014/QĐ-UBND', '01/02/2021'), q('33/2021/QĐ-UBND', '03/02/2021')] },
    { name: 'the same number of different named issuers', title: LIST, columns: LIST_COLUMNS, entries: [l('01/2026/NQ-HĐND', '05/01/2026', 'HĐND xã A'), l('01/2026/NQ-HĐND', '06/01/2026', 'HĐND xã B'), l('01/2026/NQ-HĐND', '07/01/2026', 'HĐND tỉnh')] },
    { name: 'Party numbers of two terms', config: { party: { termStart: ['2020-08-01', '2025-08-01'] } }, title: TITLE, entries: [q('05-NQ/ĐU', '10/09/2024'), q('05-NQ/ĐU', '10/09/2025')] },
  ],
  invalid: [
    { name: 'one named issuer twice', title: LIST, columns: LIST_COLUMNS, entries: [l('01/2026/NQ-HĐND', '05/01/2026', 'HĐND xã A'), l('01/2026/NQ-HĐND', '06/01/2026', 'HĐND xã A')], errors: [{ messageId: 'duplicate', entry: 1 }] },
    { name: 'Party numbers run over the term: 01 again in the next year is a duplicate', title: TITLE, entries: [q('01-NQ/ĐU', '10/09/2025'), q('02-NQ/ĐU', '10/11/2025'), q('01-NQ/ĐU', '10/01/2026')], errors: [{ messageId: 'duplicate', entry: 2 }] },
  ],
});

testRule(gap, {
  valid: [
    { name: 'a QPPL number dated out of order keeps its own year', title: TITLE, entries: [q('01/2026/NQ-HĐND', '05/01/2026'), q('10/2023/NQ-HĐND', '14/07/2023'), q('02/2026/NQ-HĐND', '06/01/2026')] },
    { name: 'Party numbers continue across 1 January', title: TITLE, entries: [q('01-NQ/ĐU', '10/09/2025'), q('02-NQ/ĐU', '10/11/2025'), q('03-NQ/ĐU', '10/01/2026')] },
  ],
  invalid: [
    { name: 'a partial list: one summary note, no gap error', title: LIST, columns: LIST_COLUMNS, entries: [l('05/2026/NQ-HĐND', '10/02/2026', 'HĐND tỉnh'), l('09/2026/NQ-HĐND', '10/03/2026', 'HĐND tỉnh'), l('20/2026/NQ-HĐND', '10/04/2026', 'HĐND tỉnh')], errors: [{ messageId: 'partial', severity: 'info', data: { gaps: 2, missing: 13 } }] },
    { name: '--partial (config partial: true) on a register without a list title', config: { partial: true }, title: TITLE, entries: [q('05/QĐ-UBND', '10/02/2026'), q('09/QĐ-UBND', '10/03/2026')], errors: [{ messageId: 'partial', severity: 'info', data: { gaps: 1, missing: 3 } }] },
    { name: 'a Party gap within the term', title: TITLE, entries: [q('01-NQ/ĐU', '10/09/2025'), q('02-NQ/ĐU', '10/11/2025'), q('04-NQ/ĐU', '10/01/2026')], errors: [{ messageId: 'gap', entry: 2, data: { range: '03' } }] },
  ],
});

testRule(noRestart, {
  valid: [
    { name: 'Party numbers never restart on 1 January', title: TITLE, entries: [q('01-NQ/ĐU', '10/09/2025'), q('02-NQ/ĐU', '10/11/2025'), q('03-NQ/ĐU', '10/01/2026'), q('04-NQ/ĐU', '12/01/2026')] },
    { name: 'a partial list says nothing of continuing numbers', title: LIST, columns: ['symbol', 'issuedDate', 'subject'], entries: [d('12/2009/NQ-HĐND', '01/12/2009'), d('15/2010/NQ-HĐND', '01/12/2010'), d('16/2010/NQ-HĐND', '02/12/2010')] },
  ],
  invalid: [],
});

testRule(firstNumber, {
  valid: [{ name: 'a partial list starts where its selection does', title: LIST, columns: ['symbol', 'issuedDate', 'subject'], entries: [d('05/QĐ-UBND', '03/01/2024'), d('06/QĐ-UBND', '04/01/2024'), d('07/QĐ-UBND', '05/01/2024')] }],
  invalid: [],
});

testRule(order, {
  valid: [{ name: 'a partial list is in no date order', title: LIST, columns: ['symbol', 'issuedDate', 'subject'], entries: [d('05/QĐ-UBND', '03/03/2024'), d('06/QĐ-UBND', '04/01/2024'), d('07/QĐ-UBND', '05/02/2024'), d('08/QĐ-UBND', '06/01/2024')] }],
  invalid: [],
});
