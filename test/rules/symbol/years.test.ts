// Tables for the year segment of QPPL numbers: where it may stand, where it must, and whether it
// matches the document date.
import yearMismatch from '../../../rules/nd30/symbol/year-mismatch.js';
import yearSegment from '../../../rules/nd30/symbol/year-segment.js';
import { testRule } from '../../rule-tester.js';

const D2024 = '08/01/2024';
const out = (symbol: string, more: Record<string, string> = {}) => ({ symbol, issuedDate: D2024, ...more });
const inc = (symbol: string, more: Record<string, string> = {}) => ({ symbol, issuedDate: D2024, arrivalDate: '10/01/2024', ...more });

testRule(yearSegment, {
  valid: [
    { name: 'QPPL forms', kind: 'incoming', entries: [inc('12/2024/QĐ-UBND'), inc('05/2024/NQ-HĐND'), inc('45/2024/NĐ-CP'), inc('09/2024/TTLT-BTC-BNV'), inc('20/2024/QH15'), inc('66/2024/UBTVQH15'), inc('08/2024/L-CTN'), inc('06/2024/TT-BNV')] },
    { name: 'cá biệt QĐ/NQ and VBHN without a year', kind: 'incoming', entries: [inc('439/QĐ-TTg'), inc('30/NQ-CP'), inc('12/NQ-QH15'), inc('08/VBHN-BTC'), inc('35/CT-TTg')] },
    { name: 'chỉ thị with a year before 1/7/2016', kind: 'incoming', entries: [inc('36/2006/CT-TTg', { issuedDate: '01/09/2006' }), inc('10/2015/CT-UBND', { issuedDate: '' })] },
    { name: 'TT without a year from a non-ministerial body (a trung tâm?)', kind: 'incoming', entries: [inc('123/TT-TTYT')] },
    { name: 'pre-1997 numbers had no year segment', kind: 'incoming', entries: [inc('41/NĐ-CP', { issuedDate: '01/02/1994' })] },
    { name: 'incoming: courts and companies number with a year under their own rules', kind: 'incoming', entries: [inc('12/2024/QĐST-HNGĐ'), inc('05/2024/HS-ST'), inc('45/2024/TB-TLVA'), inc('12/2024/HĐ-XD')] },
    { name: 'a cut year is number-format\'s; a Party symbol party-form\'s', kind: 'incoming', entries: [inc('22/202/KH-UBND'), inc('09/2024/NQ-TW')] },
    { name: 'a number that equals a year', entries: [out('2024/KH-UBND')] },
    { name: 'law-like issuer without units', entries: [out('12/2024/QH')] },
  ],
  invalid: [
    { entries: [out('58/2024/KH-UBND')], errors: [{ messageId: 'notQppl', entry: 0, field: 'symbol', severity: 'error', fixTo: '58/KH-UBND', data: { year: '2024' } }] },
    { kind: 'incoming', entries: [inc('12/2025/CV-UBND', { issuedDate: '05/02/2025' })], errors: [{ messageId: 'notQppl', entry: 0, severity: 'warning', fixTo: '12/CV-UBND' }] },
    { entries: [out('12/2024/UBND-VP')], errors: [{ messageId: 'notQppl', entry: 0, fixTo: '12/UBND-VP' }] },
    { entries: [out('12/2024/TB-UBND'), out('13/2024/BC-UBND'), out('14/2024/HĐ-UBND')], errors: [{ messageId: 'notQppl', entry: 0 }, { messageId: 'notQppl', entry: 1 }, { messageId: 'notQppl', entry: 2 }] },
    { kind: 'incoming', entries: [inc('12/2019/VBHN-BTC', { issuedDate: '01/02/2019' })], errors: [{ messageId: 'notQppl', entry: 0, fixTo: '12/VBHN-BTC' }] },
    { kind: 'incoming', entries: [inc('41/NĐ-CP')], errors: [{ messageId: 'missing', entry: 0, severity: 'warning', fixTo: '41/2024/NĐ-CP', data: { code: 'NĐ' } }] },
    { kind: 'incoming', entries: [inc('18/TT-BTC'), inc('18/TT-BGDĐT')], errors: [{ messageId: 'missing', entry: 0, data: { code: 'TT' } }, { messageId: 'missing', entry: 1 }] },
    { kind: 'incoming', entries: [inc('09/TTLT-BTC-BNV')], errors: [{ messageId: 'missing', entry: 0, data: { code: 'TTLT' } }] },
    { kind: 'incoming', entries: [inc('12/L-CTN')], errors: [{ messageId: 'missing', entry: 0 }] },
    { name: 'NQLT, PL always QPPL is [M]: a warning even in an outgoing register', entries: [out('12/NQLT-CP-UBTWMTTQVN'), out('13/NĐ-CP')], errors: [{ messageId: 'missing', entry: 0, severity: 'warning' }, { messageId: 'missing', entry: 1, severity: 'error' }] },
    { name: 'a law without its year', kind: 'incoming', entries: [inc('20/QH15')], errors: [{ messageId: 'missing', entry: 0, fixTo: '20/2024/QH15' }] },
    { name: 'no date: no fix', kind: 'incoming', entries: [inc('41/NĐ-CP', { issuedDate: '', author: 'Chính phủ' })], errors: [{ messageId: 'missing', entry: 0 }] },
    { name: 'chỉ thị after 1/7/2016 with a year: a warning ([M] date)', entries: [out('10/2017/CT-UBND', { issuedDate: '01/03/2017' })], errors: [{ messageId: 'chiThi', entry: 0, severity: 'warning' }] },
    { name: 'chỉ thị without a date: the year decides', kind: 'incoming', entries: [inc('10/2018/CT-UBND', { issuedDate: '' })], errors: [{ messageId: 'chiThi', entry: 0 }] },
  ],
});

testRule(yearMismatch, {
  valid: [
    { entries: [out('03/2024/QĐ-UBND'), out('2023/QĐ-UBND')] },
    { name: 'no date', entries: [out('03/2023/QĐ-UBND', { issuedDate: '', signer: 'A' })] },
    { name: 'types that must not carry a year are year-segment\'s', entries: [out('58/2023/KH-UBND'), out('10/2017/CT-UBND')] },
    { name: 'chỉ thị before 2016', kind: 'incoming', entries: [inc('36/2006/CT-TTg', { issuedDate: '01/09/2006' })] },
  ],
  invalid: [
    { entries: [out('03/2023/QĐ-UBND')], errors: [{ messageId: 'differs', entry: 0, field: 'symbol', severity: 'error', data: { year: '2023', dateYear: 2024 } }] },
    { kind: 'incoming', entries: [inc('45/2019/NĐ-CP'), inc('20/2023/QH15'), inc('09/2020/TTLT-BTC-BNV')], errors: [{ messageId: 'differs', entry: 0, severity: 'warning' }, { messageId: 'differs', entry: 1 }, { messageId: 'differs', entry: 2 }] },
    { name: 'chỉ thị before 2016 with the wrong year', kind: 'incoming', entries: [inc('36/2005/CT-TTg', { issuedDate: '01/09/2006' })], errors: [{ messageId: 'differs', entry: 0 }] },
  ],
});
