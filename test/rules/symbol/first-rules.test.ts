// Tables for the first symbol rules (issue #2): leading zero, spaces, type code, Đ.
import leadingZero from '../../../rules/nd30/symbol/leading-zero.js';
import letterDj from '../../../rules/nd30/symbol/letter-dj.js';
import noSpaces from '../../../rules/nd30/symbol/no-spaces.js';
import typeCode from '../../../rules/nd30/symbol/type-code.js';
import { testRule } from '../../rule-tester.js';

const d = '08/01/2024';
const out = (symbol: string) => ({ symbol, issuedDate: d });

testRule(leadingZero, {
  valid: [
    { entries: [out('05/QĐ-UBND'), out('10/QĐ-UBND'), out('01/2024/QĐ-UBND'), out('09/UBND-VP')] },
    { name: 'Party and historic forms are not State numbers', kind: 'incoming', entries: [{ symbol: '5-NQ/TU', issuedDate: d, arrivalDate: d }] },
    { name: 'a number that equals a year', entries: [out('2024/QĐ-UBND')] },
  ],
  invalid: [
    { entries: [out('5/QĐ-UBND')], errors: [{ messageId: 'missing', entry: 0, field: 'symbol', severity: 'error', fixTo: '05/QĐ-UBND' }] },
    { entries: [out('4/2023/QĐ-UBND')], errors: [{ messageId: 'missing', entry: 0, fixTo: '04/2023/QĐ-UBND' }] },
    { name: 'warning in an incoming register', kind: 'incoming', entries: [{ symbol: '7/QĐ-UBND', issuedDate: d, arrivalDate: d }], errors: [{ messageId: 'missing', entry: 0, severity: 'warning' }] },
  ],
});

testRule(noSpaces, {
  valid: [{ entries: [out('15/QĐ-UBND'), out('12/2016/TTLT-BGDĐT-BNV')] }, { name: 'unparseable text is not a spaced symbol', entries: [out('Quyết định số 12')] }],
  invalid: [
    { entries: [out('15/QĐ - UBND')], errors: [{ messageId: 'spaces', entry: 0, fixTo: '15/QĐ-UBND' }] },
    { entries: [out('512 /UBND-VP')], errors: [{ messageId: 'spaces', entry: 0, fixTo: '512/UBND-VP' }] },
    { entries: [out('905/QĐ-\nUBND')], errors: [{ messageId: 'lineBreak', entry: 0, fixTo: '905/QĐ-UBND' }] },
  ],
});

testRule(typeCode, {
  valid: [{ entries: [out('12/UBND-VP'), out('07/QyĐ-UBND'), out('15/CTr-UBND'), out('03/TrS-UBND'), out('1818/TTr-VP'), out('01/SY-UBND')] }],
  invalid: [
    { entries: [out('12/CV-UBND')], errors: [{ messageId: 'congVan', entry: 0 }] },
    { entries: [out('05/GT-UBND')], errors: [{ messageId: 'unofficial', entry: 0, data: { official: 'GGT' } }] },
    { entries: [out('05/BSY-UBND')], errors: [{ messageId: 'unofficial', entry: 0, data: { official: 'SY' } }] },
  ],
});

testRule(letterDj, {
  valid: [{ entries: [out('07/QĐ-UBND'), out('03/DA-UBND'), out('04/HD-UBND'), out('05/NQ-HĐND')] }],
  invalid: [
    { entries: [out('07/QD-UBND')], errors: [{ messageId: 'ascii', entry: 0, fixTo: '07/QĐ-UBND' }] },
    { entries: [out('05/NQ-HDND')], errors: [{ messageId: 'ascii', entry: 0, fixTo: '05/NQ-HĐND' }] },
    { entries: [out('07/Q\u00D0-UBND')], errors: [{ messageId: 'lookalike', entry: 0, fixTo: '07/QĐ-UBND' }] },
  ],
});
