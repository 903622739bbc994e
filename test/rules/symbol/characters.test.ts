// Tables for the character-level symbol rules: separators, look-alikes, lost hyphens, case, and the
// spacing cases no-spaces gained (a space standing for a separator, the cut year left alone).
import caseRule from '../../../rules/nd30/symbol/case.js';
import letterDj from '../../../rules/nd30/symbol/letter-dj.js';
import lookalike from '../../../rules/nd30/symbol/lookalike.js';
import lostHyphen from '../../../rules/nd30/symbol/lost-hyphen.js';
import noSpaces from '../../../rules/nd30/symbol/no-spaces.js';
import separator from '../../../rules/nd30/symbol/separator.js';
import { testRule } from '../../rule-tester.js';

const D2024 = '08/01/2024';
const out = (symbol: string, more: Record<string, string> = {}) => ({ symbol, issuedDate: D2024, ...more });
const inc = (symbol: string, more: Record<string, string> = {}) => ({ symbol, issuedDate: D2024, arrivalDate: '10/01/2024', ...more });

testRule(separator, {
  valid: [
    { entries: [out('15/QĐ-UBND'), out('12/2024/QĐ-UBND'), out('09/2020/TTLT-BTC-BNV', { issuedDate: '01/04/2020' }), out('12/VPCP-V.I'), out('01/NHNo.ĐT-QLRR')] },
    { name: 'spaces are no-spaces\'s', entries: [out('12/QĐ UBND'), out('12/2024 QĐ-UBND'), out('15/QĐ - UBND')] },
    { name: 'a Party symbol in State layout is party-form\'s', kind: 'incoming', entries: [inc('12/NQ/TU')] },
    { name: 'Party and historic forms', kind: 'incoming', entries: [inc('12-NQ/TU'), inc('22-BNV/TT', { issuedDate: '01/01/1990' }), inc('15-CP', { issuedDate: '01/01/1990' })] },
    { name: 'dotted number', kind: 'incoming', entries: [inc('66.3/2025/NQ-CP', { issuedDate: '05/05/2025' })] },
  ],
  invalid: [
    { entries: [out('15/2019/TTLT/BTC-BNV', { issuedDate: '01/02/2019' })], errors: [{ messageId: 'wrong', entry: 0, field: 'symbol', severity: 'warning', fixTo: '15/2019/TTLT-BTC-BNV', data: { from: '/', to: '-' } }] },
    { entries: [out('21-2018-TT-BYT', { issuedDate: '01/02/2018' })], errors: [{ messageId: 'wrong', entry: 0, fixTo: '21/2018/TT-BYT', data: { from: '-', to: '/' } }] },
    { entries: [out('07_2017_BTC', { issuedDate: '01/02/2017' })], errors: [{ messageId: 'wrong', entry: 0, fixTo: '07/2017/BTC', data: { from: '_' } }] },
    { entries: [out('05/QĐ_UBND')], errors: [{ messageId: 'wrong', entry: 0, severity: 'error', fixTo: '05/QĐ-UBND', data: { from: '_', to: '-' } }] },
    { entries: [out('15_QĐ_UBND')], errors: [{ messageId: 'wrong', entry: 0, fixTo: '15/QĐ-UBND' }] },
    { entries: [out('12/KH.UBND')], errors: [{ messageId: 'wrong', entry: 0, fixTo: '12/KH-UBND', data: { from: '.' } }] },
    { entries: [out('12/QĐ/UBND')], errors: [{ messageId: 'wrong', entry: 0, fixTo: '12/QĐ-UBND' }] },
    { entries: [out('12\\QĐ-UBND')], errors: [{ messageId: 'wrong', entry: 0, fixTo: '12/QĐ-UBND' }] },
    { entries: [out('12//QĐ-UBND')], errors: [{ messageId: 'wrong', entry: 0, fixTo: '12/QĐ-UBND' }] },
    { entries: [out('12/2024-QĐ-UBND')], errors: [{ messageId: 'wrong', entry: 0, fixTo: '12/2024/QĐ-UBND' }] },
    { entries: [out('12/QĐ-UBND-')], errors: [{ messageId: 'stray', entry: 0, fixTo: '12/QĐ-UBND', data: { from: '-', to: '∅' } }] },
    { entries: [out('-12/QĐ-UBND')], errors: [{ messageId: 'stray', entry: 0, fixTo: '12/QĐ-UBND' }] },
    { kind: 'incoming', entries: [inc('12/QĐ_UBND')], errors: [{ messageId: 'wrong', entry: 0, severity: 'warning' }] },
    { name: 'warning at most before NĐ 30', entries: [out('05/QĐ_UBND', { issuedDate: '02/01/2019' })], errors: [{ messageId: 'wrong', entry: 0, severity: 'warning' }] },
  ],
});

testRule(lookalike, {
  valid: [
    { entries: [out('15/QĐ-UBND'), out('12/NQ-HĐND')] },
    { name: 'the eth Ð is letter-dj\'s', entries: [out('15/Q\u00D0-UBND')] },
    { name: 'free text is not judged character by character', kind: 'incoming', entries: [inc('Không số \u2013 đơn thư')] },
  ],
  invalid: [
    { entries: [out('15\u2044QĐ-UBND')], errors: [{ messageId: 'lookalike', entry: 0, field: 'symbol', severity: 'error', fixTo: '15/QĐ-UBND', data: { chars: '\u2044 U+2044' } }] },
    { entries: [out('15/QĐ\u2013UBND')], errors: [{ messageId: 'lookalike', entry: 0, fixTo: '15/QĐ-UBND', data: { chars: '\u2013 U+2013' } }] },
    { entries: [out('15/QĐ\u2014UBND')], errors: [{ messageId: 'lookalike', entry: 0, fixTo: '15/QĐ-UBND' }] },
    { entries: [out('15/QĐ\u2212UBND')], errors: [{ messageId: 'lookalike', entry: 0, fixTo: '15/QĐ-UBND' }] },
    { entries: [out('15/\u041A\u041D-UBND')], errors: [{ messageId: 'lookalike', entry: 0, fixTo: '15/KH-UBND' }] },
    { entries: [out('15/\u0422\u0422r-UBND')], errors: [{ messageId: 'lookalike', entry: 0, fixTo: '15/TTr-UBND' }] },
    { entries: [out('15/\u039A\u0397-UBND')], errors: [{ messageId: 'lookalike', entry: 0, fixTo: '15/KH-UBND' }] },
    { entries: [out('\uFF11\uFF12/QĐ-UBND')], errors: [{ messageId: 'lookalike', entry: 0, fixTo: '12/QĐ-UBND' }] },
    { kind: 'incoming', entries: [inc('15/QĐ\u2013UBND')], errors: [{ messageId: 'lookalike', entry: 0, severity: 'warning' }] },
    { name: 'with a space too: the fix is a suggestion', entries: [out('15/QĐ \u2013 UBND')], errors: [{ messageId: 'lookalike', entry: 0, fixTo: '15/QĐ-UBND' }] },
  ],
});

testRule(letterDj, {
  valid: [{ name: 'free text', kind: 'incoming', entries: [inc('Đơn của ông Ð')] }],
  invalid: [
    { kind: 'incoming', entries: [inc('45/2019/ND-CP', { issuedDate: '01/02/2019' })], errors: [{ messageId: 'ascii', entry: 0, severity: 'warning', fixTo: '45/2019/NĐ-CP' }] },
    { entries: [out('12/HDND-VP')], errors: [{ messageId: 'ascii', entry: 0, fixTo: '12/HĐND-VP' }] },
  ],
});

testRule(lostHyphen, {
  valid: [{ entries: [out('1234/QĐ-UBND'), out('12/QĐVP'), out('12/HĐND-VP'), out('12/CTN-VP')] }],
  invalid: [
    { entries: [out('1234/QĐUBND')], errors: [{ messageId: 'lost', entry: 0, field: 'symbol', severity: 'error', fixTo: '1234/QĐ-UBND', data: { type: 'QĐ', issuer: 'UBND' } }] },
    { kind: 'incoming', entries: [inc('55/2018/NĐCP', { issuedDate: '01/02/2018' })], errors: [{ messageId: 'lost', entry: 0, severity: 'warning', fixTo: '55/2018/NĐ-CP' }] },
    { entries: [out('12/TTrUBND')], errors: [{ messageId: 'lost', entry: 0, fixTo: '12/TTr-UBND' }] },
    { entries: [out('12/KHUBND-VP')], errors: [{ messageId: 'lost', entry: 0, fixTo: '12/KH-UBND-VP' }] },
    { entries: [out('12/NQHĐND')], errors: [{ messageId: 'lost', entry: 0, fixTo: '12/NQ-HĐND' }] },
  ],
});

testRule(caseRule, {
  valid: [
    { name: 'official mixed case', entries: [out('07/QyĐ-UBND'), out('15/CTr-UBND'), out('1818/TTr-VP'), out('03/TrS-UBND'), out('439/QĐ-TTg'), out('1234/TTg-KTTH')] },
    { name: 'agency mixed case kept', kind: 'incoming', entries: [inc('12/NHNo-VP'), inc('01/NHNo.ĐT-QLRR'), inc('12-NQ/ThU'), inc('456/SGDĐT-GDTrH'), inc('05/KL-TTr')] },
    { name: 'Party mixed-case codes are [M]', kind: 'incoming', entries: [inc('05-QĐI/TW')] },
    { name: 'unofficial codes are type-code\'s', entries: [out('12/cv-UBND'), out('12/gt-UBND')] },
    { name: 'QYD: letter-dj speaks, its fix restores the case', entries: [out('12/QYD-UBND')] },
  ],
  invalid: [
    { entries: [out('439/QĐ-TTG')], errors: [{ messageId: 'wrongCase', entry: 0, field: 'symbol', severity: 'error', fixTo: '439/QĐ-TTg', data: { from: 'TTG' } }] },
    { kind: 'incoming', entries: [inc('18/2020/QĐ-ttg', { issuedDate: '01/02/2020' })], errors: [{ messageId: 'wrongCase', entry: 0, severity: 'warning', fixTo: '18/2020/QĐ-TTg' }] },
    { entries: [out('88/ttr-ubnd')], errors: [{ messageId: 'wrongCase', entry: 0, fixTo: '88/TTr-UBND', data: { from: 'ttr' } }] },
    { entries: [out('12/QĐ-ubnd')], errors: [{ messageId: 'wrongCase', entry: 0, fixTo: '12/QĐ-UBND' }] },
    { entries: [out('12/Qđ-Ubnd')], errors: [{ messageId: 'wrongCase', entry: 0, fixTo: '12/QĐ-UBND' }] },
    { entries: [out('12/ubnd-vx')], errors: [{ messageId: 'wrongCase', entry: 0, fixTo: '12/UBND-VX' }] },
    { entries: [out('12/VPCP-v.i')], errors: [{ messageId: 'wrongCase', entry: 0, fixTo: '12/VPCP-V.I' }] },
    { kind: 'incoming', entries: [inc('12-nq/tu')], errors: [{ messageId: 'wrongCase', entry: 0, fixTo: '12-NQ/TU' }] },
    { entries: [out('12/cv-ubnd')], errors: [{ messageId: 'wrongCase', entry: 0, data: { from: 'ubnd' } }] },
    { entries: [out('12/qd-ubnd')], errors: [{ messageId: 'wrongCase', entry: 0, fixTo: '12/QĐ-UBND' }] },
    { name: 'all caps of a mixed-case code: a soft warning', entries: [out('88/TTR-UBND')], errors: [{ messageId: 'allCaps', entry: 0, severity: 'warning', fixTo: '88/TTr-UBND', data: { from: 'TTR', to: 'TTr' } }] },
    { entries: [out('07/QYĐ-UBND')], errors: [{ messageId: 'allCaps', entry: 0, severity: 'warning', fixTo: '07/QyĐ-UBND' }] },
    { entries: [out('15/CTR-UBND')], errors: [{ messageId: 'allCaps', entry: 0, fixTo: '15/CTr-UBND' }] },
    { entries: [out('03/TRS-UBND')], errors: [{ messageId: 'allCaps', entry: 0, fixTo: '03/TrS-UBND' }] },
    { kind: 'incoming', entries: [inc('88/TTR-UBND')], errors: [{ messageId: 'allCaps', entry: 0, severity: 'warning' }] },
  ],
});

testRule(noSpaces, {
  valid: [{ name: 'the space of a cut year is number-format\'s', entries: [out('22/202 /QĐ-UBND')] }, { entries: [out('Số: 12/QĐ-UBND')] }],
  invalid: [
    { name: 'a space standing for the hyphen', entries: [out('12/QĐ UBND')], errors: [{ messageId: 'spaces', entry: 0, fixTo: '12/QĐ-UBND' }] },
    { name: 'a space standing for the slash', entries: [out('12/2024 QĐ-UBND')], errors: [{ messageId: 'spaces', entry: 0, fixTo: '12/2024/QĐ-UBND' }] },
    { name: 'space inside an abbreviation', kind: 'incoming', entries: [inc('12/2016/TTLT-BGD ĐT-BNV', { issuedDate: '01/02/2016' })], errors: [{ messageId: 'spaces', entry: 0, severity: 'warning', fixTo: '12/2016/TTLT-BGDĐT-BNV' }] },
    { kind: 'incoming', entries: [inc('88/TTr- UBND'), inc('41/NQ -CP')], errors: [{ messageId: 'spaces', entry: 0, fixTo: '88/TTr-UBND' }, { messageId: 'spaces', entry: 1, fixTo: '41/NQ-CP' }] },
    { kind: 'incoming', entries: [inc('12/2024\nQĐ-UBND')], errors: [{ messageId: 'lineBreak', entry: 0, severity: 'warning', fixTo: '12/2024/QĐ-UBND' }] },
  ],
});
