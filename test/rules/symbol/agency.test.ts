// Tables for the rules that need the agency's own numbering: its configured abbreviations, and
// copies numbered in the main series.
import agencyCode from '../../../rules/nd30/symbol/agency-code.js';
import copySeries from '../../../rules/nd30/symbol/copy-series.js';
import lostHyphen from '../../../rules/nd30/symbol/lost-hyphen.js';
import { testRule } from '../../rule-tester.js';

const D2024 = '08/01/2024';
const out = (symbol: string, more: Record<string, string> = {}) => ({ symbol, issuedDate: D2024, ...more });
/** The fixture agency (UBND xã) with HĐND as a second issuer, and its units. */
const AGENCY = { agency: { issuer: 'UBND', issuers: ['HĐND'], units: ['VP', 'KT', 'VHXH', 'TP', 'ĐC', 'CA'] } };

testRule(agencyCode, {
  valid: [
    { name: 'silent when no agency is configured', entries: [out('12/QĐ-UBDN'), out('13/XYZ-ABC')] },
    { config: AGENCY, entries: [out('12/QĐ-UBND'), out('13/UBND-VP'), out('14/NQ-HĐND'), out('15/HĐND-TP'), out('01/SY-UBND'), out('01/2024/QĐ-UBND'), out('16/UBND-ĐC')] },
    { name: 'case is symbol/case\'s', config: AGENCY, entries: [out('12/QĐ-ubnd'), out('13/ubnd-vp')] },
    { name: 'unit before issuer is cong-van-form\'s; Party layout party-form\'s', config: AGENCY, entries: [out('33/VP-UBND'), out('09/NQ-TW')] },
    { name: 'joint documents: the agency among the issuers', config: { agency: { issuer: 'BNV' } }, entries: [out('09/2024/TTLT-BTC-BNV')] },
    { name: 'issuer only', config: { agency: { issuer: 'UBND' } }, entries: [out('12/UBND-XYZ')] },
  ],
  invalid: [
    { config: AGENCY, entries: [out('12/QĐ-UBDN')], errors: [{ messageId: 'issuer', entry: 0, field: 'symbol', severity: 'warning', data: { issuer: 'UBDN', expected: 'UBND, HĐND' } }] },
    { config: AGENCY, entries: [out('13/UBND-VPP'), out('14/UBND-TCKH')], errors: [{ messageId: 'unit', entry: 0, data: { unit: 'VPP' } }, { messageId: 'unit', entry: 1, data: { unit: 'TCKH' } }] },
    { config: AGENCY, entries: [out('15/SNV-VP')], errors: [{ messageId: 'issuer', entry: 0, data: { issuer: 'SNV' } }] },
    { name: 'a unit appended to a typed symbol', config: AGENCY, entries: [out('16/QĐ-UBND-XX')], errors: [{ messageId: 'unit', entry: 0 }] },
    { name: 'units only', config: { agency: { units: ['VP'] } }, entries: [out('17/UBND-KT')], errors: [{ messageId: 'unit', entry: 0 }] },
  ],
});

const row = (symbol: string, day: number) => out(symbol, { issuedDate: `${String(day).padStart(2, '0')}/03/2024` });

testRule(copySeries, {
  valid: [
    {
      name: 'copies in their own series',
      entries: [row('01/QĐ-UBND', 1), row('02/UBND-VP', 1), row('01/SY-UBND', 4), row('03/TB-UBND', 4), row('02/SL-UBND', 5), row('04/UBND-KT', 5), row('03/TrS-UBND', 6)],
    },
    { name: 'a copy number that happens to continue both series', entries: [row('01/QĐ-UBND', 1), row('01/SY-UBND', 2), row('02/SY-UBND', 2), row('03/UBND-VP', 3)] },
    { name: 'per-type numbering', config: { numbering: { scheme: 'per-type' } }, entries: [row('01/QĐ-UBND', 1), row('02/QĐ-UBND', 1), row('03/SY-UBND', 2), row('04/QĐ-UBND', 3)] },
    { name: 'incoming registers are not judged', kind: 'incoming', entries: [{ symbol: '46/SY-UBND', issuedDate: '01/03/2024', arrivalDate: '02/03/2024' }] },
  ],
  invalid: [
    {
      name: 'a copy taking the next main number',
      entries: [row('01/QĐ-UBND', 1), row('01/SY-UBND', 1), row('02/UBND-VP', 4), row('03/UBND-KT', 4), row('04/SY-UBND', 5), row('05/TB-UBND', 6), row('02/SY-UBND', 7)],
      errors: [{ messageId: 'mainSeries', entry: 4, field: 'symbol', severity: 'warning', data: { number: '04', mainBefore: '03', copyBefore: '01' } }],
    },
    {
      name: 'every copy numbered in the main series, the last one at the end of the year',
      entries: [row('01/QĐ-UBND', 1), row('02/SY-UBND', 1), row('03/UBND-VP', 4), row('04/SL-UBND', 5)],
      errors: [{ messageId: 'mainSeries', entry: 1, data: { copyBefore: '0' } }, { messageId: 'mainSeries', entry: 3 }],
    },
    {
      name: 'with the agency configured, only its own documents make the main series',
      config: AGENCY,
      entries: [row('01/QĐ-UBND', 1), row('02/UBND-VP', 1), row('03/SY-UBND', 2), row('04/QĐ-UBND', 3), row('05/QĐ-CĐ', 3)],
      errors: [{ messageId: 'mainSeries', entry: 2 }],
    },
  ],
});

// A lost hyphen before an issuer the table does not know, in the agency's own book: the configured
// issuer tells the parser where the type code ends (and every other rule reads the repaired symbol).
const SO = { agency: { issuer: 'SNV', units: ['VP', 'TCCB'] } };
testRule(lostHyphen, {
  valid: [
    { name: 'without the agency config the split is unknown', entries: [out('12/QĐSNV')] },
    { name: 'the agency issuer alone, and with a unit', config: SO, entries: [out('12/SNV'), out('13/SNV-VP'), out('14/QĐ-SNV')] },
    { name: "in an incoming book the sender's issuer is not the agency's", kind: 'incoming', config: SO, entries: [{ symbol: '12/QĐSNV', issuedDate: D2024, arrivalDate: '10/01/2024' }] },
    // Hội đồng, Chủ tịch, Thường trực/Trung tâm, Thanh tra, Liên … open issuer names of their own.
    { name: 'compound issuers are not split', config: { agency: { issuer: 'TĐKT' } }, entries: [out('07/HĐTĐKT'), out('08/CTTĐKT'), out('09/TTTĐKT'), out('10/TTrTĐKT'), out('11/LTĐKT')] },
  ],
  invalid: [
    {
      name: 'split on the config alone: a warning and a suggestion, with the way out',
      config: SO,
      entries: [out('12/QĐSNV')],
      errors: [{ messageId: 'lostConfig', entry: 0, field: 'symbol', severity: 'warning', data: { type: 'QĐ', issuer: 'SNV', written: 'QĐSNV', fixed: '12/QĐ-SNV' } }],
    },
    { config: SO, entries: [out('13/TBSNV'), out('14/KHSNV')], errors: [{ messageId: 'lostConfig', entry: 0, data: { fixed: '13/TB-SNV' } }, { messageId: 'lostConfig', entry: 1, data: { fixed: '14/KH-SNV' } }] },
    { name: 'a table issuer stays certain: an error', config: SO, entries: [out('15/QĐUBND')], errors: [{ messageId: 'lost', entry: 0, severity: 'error', data: { fixed: '15/QĐ-UBND' } }] },
  ],
});
