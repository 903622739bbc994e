// Tables for the rules about the parts of a symbol: type codes and the type named in the register,
// the công văn layout, a missing issuer, Party documents in State layout, values that are no symbol.
import congVanForm from '../../../rules/nd30/symbol/cong-van-form.js';
import missingIssuer from '../../../rules/nd30/symbol/missing-issuer.js';
import partyForm from '../../../rules/nd30/symbol/party-form.js';
import typeCode from '../../../rules/nd30/symbol/type-code.js';
import typeMismatch from '../../../rules/nd30/symbol/type-mismatch.js';
import unrecognised from '../../../rules/nd30/symbol/unrecognised.js';
import { testRule } from '../../rule-tester.js';

const D2024 = '08/01/2024';
const out = (symbol: string, more: Record<string, string> = {}) => ({ symbol, issuedDate: D2024, ...more });
const inc = (symbol: string, more: Record<string, string> = {}) => ({ symbol, issuedDate: D2024, arrivalDate: '10/01/2024', ...more });
/** The fixture agency (UBND xã) with HĐND as a second issuer, and its units. */
const AGENCY = { agency: { issuer: 'UBND', issuers: ['HĐND'], units: ['VP', 'KT', 'VHXH', 'TP', 'ĐC', 'CA'] } };

testRule(typeCode, {
  valid: [
    { name: 'case-only variants are symbol/case\'s', entries: [out('88/TTR-UBND'), out('07/QYĐ-UBND'), out('12/qđ-UBND')] },
    { name: 'Party công văn carry CV', kind: 'incoming', entries: [inc('345-CV/HU'), inc('123-CV/VPTU')] },
    { name: 'a Party document in State layout is party-form\'s', kind: 'incoming', entries: [inc('12/CV-HU')] },
    { name: 'allow option', options: { allow: ['GT'] }, entries: [out('05/GT-UBND')] },
    { name: 'CTY reads as an issuer', entries: [out('12/CTY-TCHC')] },
  ],
  invalid: [
    { name: 'lower-case unofficial code: the fix replaces the canonical spelling', entries: [out('12/gt-UBND')], errors: [{ messageId: 'unofficial', entry: 0, severity: 'error', fixTo: '12/GGT-UBND', data: { code: 'GT', official: 'GGT' } }] },
    { entries: [out('12/2024/GT-UBND')], errors: [{ messageId: 'unofficial', entry: 0, fixTo: '12/2024/GGT-UBND' }] },
    { entries: [out('12/bsy-ubnd')], errors: [{ messageId: 'unofficial', entry: 0, fixTo: '12/SY-UBND' }] },
    { entries: [out('12/HN-UBND'), out('12/VB-UBND'), out('12/BS-UBND')], errors: [{ messageId: 'unknown', entry: 0, data: { code: 'HN' } }, { messageId: 'unknown', entry: 1 }, { messageId: 'unknown', entry: 2 }] },
    { kind: 'incoming', entries: [inc('45/CV-UBND')], errors: [{ messageId: 'congVan', entry: 0, severity: 'warning' }] },
    { name: 'certain fix when issuer and unit follow CV', entries: [out('15/CV-UBND-VP')], errors: [{ messageId: 'congVan', entry: 0, fixTo: '15/UBND-VP' }] },
    { entries: [out('12/cv-ubnd-vp')], errors: [{ messageId: 'congVan', entry: 0, fixTo: '12/UBND-VP' }] },
    { name: 'KL: specialised documents, info only', kind: 'incoming', entries: [inc('05/KL-TTr'), inc('12/KL-TTCP')], errors: [{ messageId: 'specialised', entry: 0, severity: 'info' }, { messageId: 'specialised', entry: 1, severity: 'info' }] },
    { entries: [out('05/KL-UBND')], errors: [{ messageId: 'specialised', entry: 0, severity: 'info' }] },
    { name: 'GT before NĐ 30 (TT 01/2011 facts are [M]): a warning', entries: [out('05/GT-UBND', { issuedDate: '02/01/2019' })], errors: [{ messageId: 'unofficial', entry: 0, severity: 'warning' }] },
  ],
});

testRule(typeMismatch, {
  valid: [
    { entries: [out('12/QĐ-UBND', { typeAndSubject: 'Quyết định về việc khen thưởng' }), out('13/UBND-VP', { typeAndSubject: 'Công văn V/v đôn đốc' }), out('14/TTr-UBND', { typeAndSubject: 'TTr xin kinh phí' })] },
    { name: 'a bare V/v says nothing', entries: [out('12/QĐ-UBND', { typeAndSubject: 'V/v khen thưởng' })] },
    { name: 'quy định, quy chế promulgated by a decision', entries: [out('12/2024/QĐ-UBND', { typeAndSubject: 'Quy định về quản lý chợ' }), out('13/QĐ-UBND', { typeAndSubject: 'Quy chế làm việc' })] },
    { name: 'Thông tư / Thông tư liên tịch', entries: [out('09/2020/TTLT-BTC-BNV', { typeAndSubject: 'Thông tư hướng dẫn', issuedDate: '01/04/2020' })] },
    { name: 'Cục Thuế công văn look typed', entries: [out('123/CT-TTHT', { typeAndSubject: 'Công văn V/v chính sách thuế' }), out('45/TTr-NV1', { typeAndSubject: 'Công văn V/v' })] },
    { name: 'copies, VBHN, Party, laws name the copied text', entries: [out('03/SY-UBND', { typeAndSubject: 'Quyết định số 15/QĐ-UBND' }), out('08/VBHN-BTC', { typeAndSubject: 'Thông tư hướng dẫn' }), out('12-NQ/TU', { typeAndSubject: 'Công văn' }), out('20/2023/QH15', { typeAndSubject: 'Nghị quyết', issuedDate: '01/06/2023' })] },
    { name: 'the agency\'s own code in the type position', config: { agency: { issuer: 'TTr' } }, entries: [out('12/TTr-VP', { typeAndSubject: 'Công văn V/v' })] },
    { name: 'incoming registers are not judged: the subject is the clerk\'s summary', kind: 'incoming', entries: [inc('12/TB-UBND', { typeAndSubject: 'Báo cáo tình hình' })] },
    { name: 'unofficial codes are type-code\'s', entries: [out('12/CV-UBND', { typeAndSubject: 'Công văn V/v' })] },
    { name: 'separate type column', entries: [out('12/QĐ-UBND', { type: 'Quyết định', subject: 'Kế hoạch gì đó' })] },
  ],
  invalid: [
    { entries: [out('12/TB-UBND', { typeAndSubject: 'Kế hoạch tổ chức Tết Trung thu' })], errors: [{ messageId: 'differs', entry: 0, field: 'symbol', severity: 'warning', data: { code: 'KH', actual: 'TB' } }] },
    { entries: [out('12/UBND-KT', { typeAndSubject: 'Quyết định khen thưởng' })], errors: [{ messageId: 'typedCongVan', entry: 0, data: { code: 'QĐ' } }] },
    { entries: [out('12/QĐ-UBND', { typeAndSubject: 'Công văn V/v đôn đốc' })], errors: [{ messageId: 'congVanTyped', entry: 0, data: { actual: 'QĐ' } }] },
    { name: 'CT with a certain issuer is a chỉ thị', entries: [out('12/CT-UBND', { typeAndSubject: 'CV V/v đôn đốc' })], errors: [{ messageId: 'congVanTyped', entry: 0 }] },
    { name: 'separate type column', entries: [out('12/TB-UBND', { type: 'Giấy mời', subject: 'Họp giao ban' })], errors: [{ messageId: 'differs', entry: 0, data: { code: 'GM' } }] },
  ],
});

testRule(congVanForm, {
  valid: [
    { entries: [out('12/UBND-VP'), out('05/BNV-VP'), out('12/UBND-VX1'), out('12/VPCP-V.I')] },
    { name: 'incoming: senders outside NĐ 30 and unknown codes', kind: 'incoming', entries: [inc('123/TLĐ'), inc('12/HND'), inc('123/PGDĐT'), inc('123/GP-UBND'), inc('123/VP-KT'), inc('123/GCN-UBND')] },
    { name: 'a law without its year is year-segment\'s; a broken Party symbol is not a công văn', kind: 'incoming', entries: [inc('20/QH15'), inc('12/TU')] },
    { name: 'configured agency: the issuer is not a unit', config: AGENCY, entries: [out('12/UBND-VP'), out('13/HĐND-VP')] },
  ],
  invalid: [
    { entries: [out('33/UBND')], errors: [{ messageId: 'noUnit', entry: 0, field: 'symbol', severity: 'error', data: { issuer: 'UBND' } }] },
    { name: 'outgoing: any issuer', entries: [out('33/BQLDA')], errors: [{ messageId: 'noUnit', entry: 0 }] },
    { kind: 'incoming', entries: [inc('33/UBND'), inc('45/SNV'), inc('12/BNV')], errors: [{ messageId: 'noUnit', entry: 0, severity: 'warning' }, { messageId: 'noUnit', entry: 1 }, { messageId: 'noUnit', entry: 2 }] },
    { entries: [out('33/VP-UBND')], errors: [{ messageId: 'unitFirst', entry: 0, fixTo: '33/UBND-VP', data: { unit: 'VP', issuer: 'UBND' } }] },
    { kind: 'incoming', entries: [inc('33/VHXH-UBND')], errors: [{ messageId: 'unitFirst', entry: 0, severity: 'warning', fixTo: '33/UBND-VHXH' }] },
    { name: 'configured agency decides', config: AGENCY, entries: [out('33/ĐC-UBND'), out('34/TP-HĐND')], errors: [{ messageId: 'unitFirst', entry: 0, fixTo: '33/UBND-ĐC' }, { messageId: 'unitFirst', entry: 1, fixTo: '34/HĐND-TP' }] },
  ],
});

testRule(missingIssuer, {
  valid: [{ entries: [out('12/QĐ-UBND'), out('12/UBND-VP'), out('03/SY-UBND')] }, { kind: 'incoming', entries: [inc('12-NQ/TU'), inc('20/2023/QH15', { issuedDate: '01/06/2023' })] }],
  invalid: [
    { entries: [out('12/QĐ')], errors: [{ messageId: 'missing', entry: 0, field: 'symbol', severity: 'error', data: { type: 'QĐ' } }] },
    { entries: [out('12/QĐ-')], errors: [{ messageId: 'missing', entry: 0 }] },
    { entries: [out('05/SY')], errors: [{ messageId: 'missing', entry: 0, data: { type: 'SY' } }] },
    { kind: 'incoming', entries: [inc('12/2024/TT', { issuedDate: '01/04/2024' })], errors: [{ messageId: 'missing', entry: 0, severity: 'warning' }] },
  ],
});

testRule(partyForm, {
  valid: [{ kind: 'incoming', entries: [inc('09-NQ/TW'), inc('345-CV/HU'), inc('12/NQ-HĐND'), inc('12/QĐ-BTC'), inc('12/KH-TTr')] }],
  invalid: [
    { kind: 'incoming', entries: [inc('09/NQ-TW')], errors: [{ messageId: 'stateForm', entry: 0, field: 'symbol', severity: 'warning', fixTo: '09-NQ/TW', data: { issuer: 'TW' } }] },
    { kind: 'incoming', entries: [inc('12/NQ/TU'), inc('9/CT-TƯ'), inc('45/CV-HU-VP')], errors: [{ messageId: 'stateForm', entry: 0, fixTo: '12-NQ/TU' }, { messageId: 'stateForm', entry: 1, fixTo: '09-CT/TƯ' }, { messageId: 'stateForm', entry: 2, fixTo: '45-CV/HU-VP' }] },
    { name: 'outgoing register of a Party committee: error for the confirmed codes', entries: [out('12/NQ-TU')], errors: [{ messageId: 'stateForm', entry: 0, severity: 'error' }] },
    { name: '[M] committee codes: warning at most', entries: [out('12/NQ-ĐU')], errors: [{ messageId: 'stateForm', entry: 0, severity: 'warning', fixTo: '12-NQ/ĐU' }] },
    { name: 'with a year: no certain fix', kind: 'incoming', entries: [inc('09/2024/NQ-TW', { issuedDate: '01/04/2024' })], errors: [{ messageId: 'stateForm', entry: 0 }] },
  ],
});

testRule(unrecognised, {
  valid: [
    { entries: [out('12/QĐ-UBND'), out('12-NQ/TU')] },
    { name: 'number in its own column', entries: [{ number: '12', symbol: 'QĐ-UBND', issuedDate: '08/01/2024' }] },
  ],
  invalid: [
    { entries: [out('Quyết định 12')], errors: [{ messageId: 'unrecognised', entry: 0, field: 'symbol', severity: 'warning' }] },
    { entries: [out('QĐ-UBND'), out('12-NQ-TU')], errors: [{ messageId: 'unrecognised', entry: 0 }, { messageId: 'unrecognised', entry: 1 }] },
    { name: 'only a note in an incoming register', kind: 'incoming', entries: [inc('Không số')], errors: [{ messageId: 'unrecognised', entry: 0, severity: 'info' }] },
  ],
});
