// The code tables of the 2026 texts (issue #16, domain notes §11): Party codes after Quy định
// 399-QĐ/TW and Hướng dẫn 05-HD/VPTW, the ministries and offices of the 2025 reorganisation, and the
// QPPL codes seen in real 2025–2026 numbers. Each symbol is checked by the parser and by every
// symbol rule together, in both kinds of register.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/core/dates.js';
import { checkMemory } from '../../../src/engine/memory.js';
import { isLawIssuer, isPartyIssuer, knownIssuer, matchPartyTypeCode, stateTypeCode } from '../../../rules/data/doc-types.js';
import partyForm from '../../../rules/nd30/symbol/party-form.js';
import yearSegment from '../../../rules/nd30/symbol/year-segment.js';
import { SYMBOL_RULES } from '../../../rules/nd30/symbol/index.js';
import { parseSymbol } from '../../../rules/nd30/symbol/parse.js';
import { testRule } from '../../rule-tester.js';

const AS_OF = dayNumber(2026, 12, 1);
const DATED = '15/06/2026';

/** Findings of all symbol rules on one symbol, in an outgoing and in an incoming register. */
async function symbolFindings(symbol: string): Promise<string[]> {
  const found: string[] = [];
  for (const kind of ['outgoing', 'incoming'] as const) {
    const entries =
      kind === 'incoming'
        ? [{ arrivalNumber: '1', arrivalDate: '20/06/2026', author: 'Cơ quan gửi', symbol, issuedDate: DATED, typeAndSubject: 'V/v triển khai nhiệm vụ' }]
        : [{ symbol, issuedDate: DATED, typeAndSubject: 'V/v triển khai nhiệm vụ', signer: 'Nguyễn Văn An', recipients: 'Các phòng' }];
    const results = await checkMemory([{ kind, entries }], { rules: SYMBOL_RULES, config: {}, asOf: AS_OF });
    for (const f of results.flatMap((r) => r.findings)) found.push(`${kind} ${f.ruleId} ${f.messageId}`);
  }
  return found;
}

describe('2025–2026 symbols: parsed as written, no symbol rule speaks', () => {
  const table: readonly (readonly [string, Record<string, unknown>])[] = [
    ['01/2026/NQ-HĐTP', { form: 'qppl', year: '2026', canonicalType: 'NQ', issuer: 'HĐTP' }],
    ['02/2026/TT-TANDTC', { form: 'qppl', canonicalType: 'TT', issuer: 'TANDTC' }],
    ['03/2026/TT-VKSNDTC', { form: 'qppl', canonicalType: 'TT', issuer: 'VKSNDTC' }],
    ['04/2026/TT-KTNN', { form: 'qppl', canonicalType: 'TT', issuer: 'KTNN' }],
    ['05/2026/L-CTN', { form: 'qppl', canonicalType: 'L', issuer: 'CTN' }],
    ['01/2026/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN', { form: 'joint', canonicalType: 'NQLT', issuer: 'UBTVQH15', units: ['CP', 'ĐCTUBTWMTTQVN'] }],
    ['12/2026/QH16', { form: 'law', year: '2026', issuer: 'QH16' }],
    ['13/2026/UBTVQH16', { form: 'law', issuer: 'UBTVQH16' }],
    ['30025/SNNMT-QLĐT', { form: 'cong-van', issuer: 'SNNMT', units: ['QLĐT'] }],
    ['15/QĐ-BNNMT', { form: 'typed', canonicalType: 'QĐ', issuer: 'BNNMT' }],
    ['20/BDTTG-VP', { form: 'cong-van', issuer: 'BDTTG', units: ['VP'] }],
    ['21/QĐ-BKHCN', { form: 'typed', issuer: 'BKHCN' }],
    ['22/TB-TTPVHCC', { form: 'typed', canonicalType: 'TB', issuer: 'TTPVHCC' }],
    ['12-CV/ĐU', { form: 'party', canonicalType: 'CV', issuer: 'ĐU' }],
    ['05-NQ/ĐU', { form: 'party', canonicalType: 'NQ', issuer: 'ĐU' }],
    ['03-QĐ/UBKT', { form: 'party', canonicalType: 'QĐ', issuer: 'UBKT' }],
    ['04-NQ/CB', { form: 'party', canonicalType: 'NQ', issuer: 'CB' }],
    ['399-QĐ/TW', { form: 'party', canonicalType: 'QĐ', issuer: 'TW' }],
    ['05-HD/VPTW', { form: 'party', canonicalType: 'HD', issuer: 'VPTW' }],
  ];
  for (const [symbol, expected] of table) {
    it(symbol, async () => {
      const p = parseSymbol(symbol);
      expect(p).toMatchObject({ ...expected, repairs: [] });
      expect(await symbolFindings(symbol)).toEqual([]);
    });
  }
});

describe('2025–2026 code tables', () => {
  it('Party committees of the commune level and the centre are Party issuers', () => {
    for (const code of ['ĐU', 'CB', 'UBKT', 'TU', 'TW']) expect(isPartyIssuer(code), code).toBe(true);
    // Party công văn carry CV (domain notes §11).
    expect(matchPartyTypeCode('CV')?.info).toMatchObject({ code: 'CV', confidence: 'S' });
  });

  it('ministries and offices of the 2025 reorganisation, dated', () => {
    expect(knownIssuer('BNNMT')).toMatchObject({ name: 'Bộ Nông nghiệp và Môi trường', from: '2025-03-01', confidence: 'S' });
    expect(knownIssuer('BDTTG')).toMatchObject({ name: 'Bộ Dân tộc và Tôn giáo', from: '2025-03-01', confidence: 'S' });
    expect(knownIssuer('BKHCN')).toMatchObject({ confidence: 'S' });
    expect(knownIssuer('SNNMT')?.name).toMatch(/^Sở Nông nghiệp và Môi trường/u);
    expect(knownIssuer('TTPVHCC')).toMatchObject({ from: '2025-07-01' });
    for (const merged of ['BTNMT', 'BNNPTNT', 'UBDT', 'BTTTT']) expect(knownIssuer(merged)?.until, merged).toBe('2025-03-01');
    for (const code of ['HĐTP', 'TANDTC', 'VKSNDTC', 'KTNN']) expect(knownIssuer(code)?.confidence, code).toBe('S');
    // The procuracy is VKSNDTC; VKSTC stays readable but is not what the real numbers write.
    expect(knownIssuer('VKSTC')?.confidence).toBe('M');
  });

  it('QPPL codes and law issuers', () => {
    // The code and layout are [S]; "always a QPPL" is not, so a missing year stays a warning (years.test.ts).
    expect(stateTypeCode('NQLT')).toMatchObject({ qppl: 'always', joint: true, confidence: 'M' });
    expect(stateTypeCode('L')).toMatchObject({ qppl: 'always' });
    for (const code of ['QH16', 'UBTVQH16', 'QH15']) expect(isLawIssuer(code), code).toBe(true);
  });

  it('symbol/party-form cites both Party texts with their dates', () => {
    const { instrument } = partyForm.meta.citation;
    expect(instrument).toContain('399-QĐ/TW (từ 09/01/2026; trước đó 66-QĐ/TW)');
    expect(instrument).toContain('05-HD/VPTW (từ 27/05/2026; trước đó 36-HD/VPTW)');
    expect(instrument).toBe(instrument.normalize('NFC'));
  });
});

const inc = (symbol: string) => ({ arrivalNumber: '1', arrivalDate: '20/06/2026', author: 'Đảng ủy xã Bình Tấn', symbol, issuedDate: DATED });

testRule(partyForm, {
  valid: [{ name: 'commune-level Party symbols in the Party layout', kind: 'incoming', entries: [inc('12-CV/ĐU'), inc('05-NQ/ĐU'), inc('03-QĐ/UBKT'), inc('04-NQ/CB')], asOf: AS_OF }],
  invalid: [
    {
      name: 'commune-level Party symbols in the State layout',
      kind: 'incoming',
      entries: [inc('12/CV-ĐU'), inc('03/QĐ-UBKT'), inc('04/NQ-CB')],
      asOf: AS_OF,
      errors: [
        { messageId: 'stateForm', entry: 0, severity: 'warning', fixTo: '12-CV/ĐU' },
        { messageId: 'stateForm', entry: 1, severity: 'warning', fixTo: '03-QĐ/UBKT' },
        { messageId: 'stateForm', entry: 2, severity: 'warning', fixTo: '04-NQ/CB' },
      ],
    },
  ],
});

testRule(yearSegment, {
  valid: [{ name: 'a joint resolution with its year', entries: [{ symbol: '01/2026/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN', issuedDate: DATED }], asOf: AS_OF }],
  invalid: [
    {
      name: 'a joint resolution without its year: a warning, "always QPPL" being [M]',
      entries: [{ symbol: '01/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN', issuedDate: DATED }],
      asOf: AS_OF,
      errors: [{ messageId: 'missing', entry: 0, severity: 'warning', fixTo: '01/2026/NQLT-UBTVQH15-CP-ĐCTUBTWMTTQVN' }],
    },
  ],
});
