// Tables for the rules about the running number: format, padding, suffixes (and leading-zero on
// documents dated before NĐ 30/2020 took effect).
import leadingZero from '../../../rules/nd30/symbol/leading-zero.js';
import numberFormat from '../../../rules/nd30/symbol/number-format.js';
import numberSuffix from '../../../rules/nd30/symbol/number-suffix.js';
import overPadding from '../../../rules/nd30/symbol/over-padding.js';
import { testRule } from '../../rule-tester.js';

const D2024 = '08/01/2024';
const out = (symbol: string, more: Record<string, string> = {}) => ({ symbol, issuedDate: D2024, ...more });
const inc = (symbol: string, more: Record<string, string> = {}) => ({ symbol, issuedDate: D2024, arrivalDate: '10/01/2024', ...more });

testRule(numberFormat, {
  valid: [
    { entries: [out('01/QĐ-UBND'), out('2024/QĐ-UBND'), out('12345/BNV-VP'), out('12/2024/QĐ-UBND'), out('236a/QĐ-UBND'), out('0087/KH-UBND')] },
    { name: 'Party numbers', kind: 'incoming', entries: [inc('12-NQ/TU'), inc('345-CV/HU')] },
    { name: 'unparseable text is symbol/unrecognised\'s', entries: [out('Quyết định 12')] },
    { name: 'number kept in its own column', entries: [{ number: '15', symbol: '/QĐ-UBND', issuedDate: '08/01/2024' }] },
    { name: 'dotted Government numbers', kind: 'incoming', entries: [inc('66.3/2025/NQ-CP', { issuedDate: '05/05/2025' })] },
  ],
  invalid: [
    { entries: [out('/TB-UBND')], errors: [{ messageId: 'missing', entry: 0, field: 'symbol', severity: 'error' }] },
    { entries: [out('/2024/QĐ-UBND')], errors: [{ messageId: 'missing', entry: 0 }] },
    { kind: 'incoming', entries: [inc('/UBND-VP')], errors: [{ messageId: 'missing', entry: 0, severity: 'warning' }] },
    { entries: [out('V/QĐ-UBND')], errors: [{ messageId: 'nonArabic', entry: 0, data: { number: 'V' } }] },
    { entries: [out('XII/UBND-VP')], errors: [{ messageId: 'nonArabic', entry: 0 }] },
    { entries: [out('1O/QĐ-UBND')], errors: [{ messageId: 'malformed', entry: 0, data: { number: '1O' } }] },
    { entries: [out('1l/QĐ-UBND')], errors: [{ messageId: 'malformed', entry: 0 }] },
    { entries: [out('12ab/QĐ-UBND')], errors: [{ messageId: 'malformed', entry: 0 }] },
    { entries: [out('1.234/QĐ-UBND')], errors: [{ messageId: 'malformed', entry: 0 }] },
    { kind: 'incoming', entries: [inc('V-NQ/TU')], errors: [{ messageId: 'nonArabic', entry: 0, severity: 'warning' }] },
    { entries: [out('0/QĐ-UBND')], errors: [{ messageId: 'zero', entry: 0 }] },
    { entries: [out('00/UBND-VP')], errors: [{ messageId: 'zero', entry: 0 }] },
    { entries: [out('22/202 /QĐ-UBND')], errors: [{ messageId: 'truncated', entry: 0, data: { year: '202' } }] },
    { kind: 'incoming', entries: [inc('22/20/QĐ-UBND')], errors: [{ messageId: 'truncated', entry: 0, severity: 'warning' }] },
    { name: 'the next row is judged on its own', entries: [out('/TB-UBND'), out('02/TB-UBND')], errors: [{ messageId: 'missing', entry: 0 }] },
  ],
});

testRule(overPadding, {
  valid: [
    { entries: [out('05/QĐ-UBND'), out('87/KH-UBND'), out('10/UBND-VP'), out('1234/QĐ-UBND'), out('2024/QĐ-UBND'), out('5/QĐ-UBND')] },
    { name: 'Party and historic numbers', kind: 'incoming', entries: [inc('005-NQ/TU'), inc('012-BNV/TT', { issuedDate: '01/01/1990' })] },
    { name: 'zero is symbol/number-format\'s', entries: [out('00/QĐ-UBND')] },
  ],
  invalid: [
    { entries: [out('0087/KH-UBND')], errors: [{ messageId: 'padded', entry: 0, field: 'symbol', severity: 'warning', fixTo: '87/KH-UBND', data: { number: '0087', canonical: '87' } }] },
    { entries: [out('01234/QĐ-UBND')], errors: [{ messageId: 'padded', entry: 0, fixTo: '1234/QĐ-UBND' }] },
    { entries: [out('045/2024/QĐ-UBND')], errors: [{ messageId: 'padded', entry: 0, fixTo: '45/2024/QĐ-UBND' }] },
    { entries: [out('010/UBND-VP')], errors: [{ messageId: 'padded', entry: 0, fixTo: '10/UBND-VP' }] },
    { entries: [out('005/TB-UBND')], errors: [{ messageId: 'padded', entry: 0, fixTo: '05/TB-UBND' }] },
    { kind: 'incoming', entries: [inc('0087/KH-UBND')], errors: [{ messageId: 'padded', entry: 0, severity: 'warning', fixTo: '87/KH-UBND' }] },
    { name: 'fix keeps the other repairs', entries: [out('0087/KH - UBND')], errors: [{ messageId: 'padded', entry: 0, fixTo: '87/KH-UBND' }] },
  ],
});

testRule(numberSuffix, {
  valid: [
    { kind: 'incoming', entries: [inc('236/QĐ-UBND'), inc('2024/QĐ-UBND')] },
    { name: 'allowDotted', kind: 'incoming', options: { allowDotted: true }, entries: [inc('66.3/2025/NQ-CP', { issuedDate: '05/05/2025' })] },
    { name: 'outgoing: numbering/order reports insertions into the agency\'s series', entries: [out('236a/QĐ-UBND'), out('12.1/QĐ-UBND')] },
  ],
  invalid: [
    { kind: 'incoming', entries: [inc('236a/QĐ-UBND')], errors: [{ messageId: 'letter', entry: 0, field: 'symbol', severity: 'warning', data: { number: '236a', suffix: 'a' } }] },
    { kind: 'incoming', entries: [inc('236B/QĐ-UBND')], errors: [{ messageId: 'letter', entry: 0, data: { suffix: 'B' } }] },
    { kind: 'incoming', entries: [inc('12a/UBND-VP')], errors: [{ messageId: 'letter', entry: 0, severity: 'warning' }] },
    { kind: 'incoming', entries: [inc('12a-CV/HU')], errors: [{ messageId: 'letter', entry: 0 }] },
    { name: 'dotted number: info in an incoming register', kind: 'incoming', entries: [inc('66.3/2025/NQ-CP', { issuedDate: '05/05/2025' })], errors: [{ messageId: 'dotted', entry: 0, severity: 'info', data: { number: '66.3' } }] },
  ],
});

testRule(leadingZero, {
  valid: [{ entries: [out('05/QĐ-UBND'), out('10/QĐ-UBND')] }, { name: 'malformed numbers are number-format\'s', entries: [out('V/QĐ-UBND'), out('0/QĐ-UBND')] }],
  invalid: [
    { name: 'warning at most before NĐ 30 (TT 01/2011 text is [M])', entries: [out('5/QĐ-UBND', { issuedDate: '15/12/2019' })], errors: [{ messageId: 'missing', entry: 0, severity: 'warning', fixTo: '05/QĐ-UBND' }] },
    { name: 'error from 2020-03-05', entries: [out('5/QĐ-UBND', { issuedDate: '05/03/2020' })], errors: [{ messageId: 'missing', entry: 0, severity: 'error' }] },
    { name: 'letter suffix too', entries: [out('5a/QĐ-UBND')], errors: [{ messageId: 'missing', entry: 0, fixTo: '05a/QĐ-UBND' }] },
  ],
});
