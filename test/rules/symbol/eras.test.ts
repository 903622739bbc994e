// Symbols of every era (rules/data/symbol-eras.json), one table per era, with examples of each.
// A symbol is judged by the rules in force on its document date:
//   before 1997  — Thông tư 33-BT of 1992 [S, weak], before the 1996 law on legal documents:
//                  `38-QĐ`, `159/QĐ`, `88/CP`, `1134/SC`, `275/TĐC-QĐ`, `22-BNV/TT`, `15-TT/LB`, `63/TC-KHKT`;
//   1997–2005    — the 1996 law (QPPL with a year), joint circulars written `TTLT/`: `35/2002/TTLT/BTC-BKHCNMT`;
//   2005–2011    — TTLT 55/2005/TTLT-BNV-VPCP: numbers below 10 without a leading zero (`5/QĐ-UB`);
//   2011–2020    — TT 01/2011/TT-BNV (leading zero; `QĐ` also for Quy định);
//   from 2020    — NĐ 30/2020/NĐ-CP Phụ lục I (today's rules; QPPL after Luật 64/2025).
// Invented examples are fine: the shapes are the era's, the numbers are not real documents.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/core/dates.js';
import { checkMemory } from '../../../src/engine/memory.js';
import { SYMBOL_RULES } from '../../../rules/nd30/symbol/index.js';
import { olderForms, eraOf } from '../../../rules/nd30/symbol/eras.js';
import { parseSymbol } from '../../../rules/nd30/symbol/parse.js';

type Row = Record<string, string>;

async function findings(kind: 'incoming' | 'outgoing', entries: readonly Row[]) {
  const results = await checkMemory([{ kind, entries }], { rules: SYMBOL_RULES, asOf: dayNumber(2026, 12, 1) });
  return results.flatMap((r) => r.findings).map((f) => ({ rule: f.ruleId, severity: f.severity, row: f.location.row ?? 0, fix: f.fix }));
}

const inc = (symbol: string, issuedDate: string): Row => ({ symbol, issuedDate, arrivalNumber: '1', arrivalDate: '05/01/2026', author: 'Cơ quan gửi' });
const out = (symbol: string, issuedDate: string): Row => ({ symbol, issuedDate, signer: 'Nguyễn Văn A' });

const ERAS: { era: string; date: string; symbols: string[] }[] = [
  { era: 'before-1997', date: '12/03/1985', symbols: ['38-QĐ', '159/QĐ', '88/CP', '15-CP', '217-HĐBT', '666/TTg', '1134/SC', '917/QLKH', '275/TĐC-QĐ', '27/KHKT-QĐ', '22-BNV/TT', '217-KHKT/TT', '15-TT/LB', '1/TT-LB', '63/TC-KHKT'] },
  { era: '1997-2005', date: '08/04/2002', symbols: ['35/2002/TTLT/BTC-BKHCNMT', '56/2002/QĐ-BKHCNMT', '159/QĐ', '666/TTg', '7/QĐ-UB', '12/2002/TTLT/BTC-BGDĐT'] },
  { era: '2005-2011', date: '15/09/2008', symbols: ['5/QĐ-UBND', '123/UBND-VP', '12/2008/QĐ-UBND', '45/2008/TTLT-BTC-BNV', '36/2008/CT-TTg'] },
  { era: '2011-2020', date: '20/10/2016', symbols: ['05/QĐ-UBND', '123/UBND-VP', '12/2016/TTLT-BGDĐT-BNV', '35/CT-TTg', '1818/TTr-VP'] },
  { era: 'nd30', date: '14/07/2026', symbols: ['05/QĐ-UBND', '12/UBND-VX', '10/2026/NQ-HĐND', '01/2026/NQLT-UBTVQH15-CP', '30191/TB-SNNMT-BTTĐC', '1818/TTr-VP', '05-NQ/ĐU'] },
];

describe('symbols of every era, dated within it: no warning or error', () => {
  for (const { era, date, symbols } of ERAS) {
    it(`${era} (${date})`, async () => {
      const [d, m, y] = date.split('/').map(Number);
      expect(eraOf(dayNumber(y!, m!, d!)).id).toBe(era);
      for (const kind of ['incoming', 'outgoing'] as const) {
        const rows = symbols.map((s) => (kind === 'incoming' ? inc(s, date) : out(s, date)));
        const raised = (await findings(kind, rows)).filter((f) => f.severity !== 'info');
        expect(raised.map((f) => `${kind} ${symbols[f.row - 2]} ${f.rule}`)).toEqual([]);
      }
    });
  }
});

describe('older forms without any date: one warning naming the era, never an error', () => {
  const undated = ['38-QĐ', '159/QĐ', '88/CP', '666/TTg', '1134/SC', '275/TĐC-QĐ', '22-BNV/TT', '15-TT/LB', '1/TT-LB', '35/2002/TTLT/BTC-BKHCNMT'];
  it('incoming and outgoing', async () => {
    for (const kind of ['incoming', 'outgoing'] as const) {
      const rows = undated.map((s) => (kind === 'incoming' ? inc(s, '') : out(s, '')));
      const got = await findings(kind, rows);
      // The joint circular's year segment dates it (2002): nothing to say. Every other: older-form.
      expect(got.filter((f) => f.severity === 'error')).toEqual([]);
      const older = got.filter((f) => f.rule === 'symbol/older-form').map((f) => undated[f.row - 2]);
      expect(older).toEqual(undated.filter((s) => !s.includes('/2002/')));
      expect(got.filter((f) => f.rule !== 'symbol/older-form')).toEqual([]);
    }
  });
});

describe('older forms dated after their era: today\'s rules', () => {
  it('outgoing 2024', async () => {
    const rows = ['159/QĐ', '38-QĐ', '5/QĐ-UBND', '35/2024/TTLT/BTC-BNV', '275/TĐC-QĐ'].map((s) => out(s, '08/01/2024'));
    const got = await findings('outgoing', rows);
    const byRow = (r: number) => got.filter((f) => f.row === r).map((f) => f.rule).sort();
    expect(byRow(2)).toContain('symbol/missing-issuer');
    expect(byRow(3)).toContain('symbol/unrecognised');
    expect(byRow(4)).toContain('symbol/leading-zero');
    expect(byRow(5)).toContain('symbol/separator');
    expect(got.some((f) => f.rule === 'symbol/older-form')).toBe(false);
  });
});

describe('shapes', () => {
  const forms = (s: string) => olderForms(parseSymbol(s)).map((f) => f.id);
  it.each([
    ['159/QĐ', ['no-issuer']],
    ['38-QĐ', ['hyphen-number', 'no-issuer']],
    ['88/CP', ['issuer-only']],
    ['15-CP', ['hyphen-number', 'issuer-only']],
    ['275/TĐC-QĐ', ['type-after-issuer']],
    ['22-BNV/TT', ['type-after-issuer']],
    ['15-TT/LB', ['type-over-issuers']],
    ['35/2002/TTLT/BTC-BKHCNMT', ['joint-slash']],
    ['63/TC-KHKT', ['old-issuer-code']],
    ['1/TT-LB', ['unpadded']],
  ])('%s', (s, ids) => expect(forms(s)).toEqual(ids));
  it.each(['05/QĐ-UBND', '12/UBND-VX', '123/SYT-KH', '05-NQ/ĐU', '345-CV/HU', '12-NQ/TU', '10/2023/NQ-HĐND', '15 TT/KH-NV-TC', '20/QH15'])('current or spaced: %s', (s) =>
    expect(forms(s)).toEqual([]),
  );
});

describe('fixes only when certain', () => {
  const rows = ['52/Tr-SCT', '101/2011/TTL-BTC-BKHCN', 'Thông tư 217-KHKT/TT', '46/2005/TTLT-BQP-BKH&ĐT- BTC BLĐTB&XH', '15 TT/KH-NV-TC', '12/2016/TTLT-BGD ĐT-BNV', '88/TTr- UBND'];
  it('outgoing, dated', async () => {
    // (the year segments differ from the one date: symbol/year-mismatch is not under test here)
    const got = (await findings('outgoing', rows.map((s) => out(s, '09/05/2016')))).filter((f) => f.rule !== 'symbol/year-mismatch');
    const at = (i: number) => got.filter((f) => f.row === i + 2);
    // Tr is no code: not upper-cased into another miss (TR); likely TTr.
    expect(at(0).map((f) => [f.rule, f.fix?.to, f.fix?.kind])).toEqual([['symbol/near-miss-code', '52/TTr-SCT', 'suggestion']]);
    // TTL is a misspelt TTLT: the year stays.
    expect(at(1).map((f) => [f.rule, f.fix?.to, f.fix?.kind])).toEqual([['symbol/near-miss-code', '101/2011/TTLT-BTC-BKHCN', 'suggestion']]);
    // The type name in the cell: said, never joined into the number, no fix from any rule.
    expect(at(2).map((f) => f.rule)).toContain('symbol/type-name');
    expect(at(2).filter((f) => f.fix !== undefined)).toEqual([]);
    // Two ministries glued by a space: the space stands for a hyphen, a suggestion.
    expect(at(3).map((f) => [f.rule, f.fix?.to, f.fix?.kind])).toEqual([['symbol/no-spaces', '46/2005/TTLT-BQP-BKH&ĐT-BTC-BLĐTB&XH', 'suggestion']]);
    // The number is 15, not "15TT".
    expect(at(4).some((f) => f.fix?.to?.startsWith('15TT'))).toBe(false);
    expect(at(4).filter((f) => f.fix?.kind === 'safe')).toEqual([]);
    // A split code the table knows (BGDĐT), a space beside a hyphen: certain.
    expect(at(5).map((f) => [f.rule, f.fix?.to, f.fix?.kind])).toEqual([['symbol/no-spaces', '12/2016/TTLT-BGDĐT-BNV', 'safe']]);
    expect(at(6).map((f) => [f.rule, f.fix?.to, f.fix?.kind])).toEqual([['symbol/no-spaces', '88/TTr-UBND', 'safe']]);
  });
});

describe('near-miss issuer codes of a book', () => {
  it('BKHCMT among BKHCNMT', async () => {
    const rows = [...Array.from({ length: 6 }, (_, i) => inc(`${i + 10}/2002/QĐ-BKHCNMT`, '07/03/2002')), inc('56/2002/QĐ-BKHCMT', '07/03/2002')];
    const got = (await findings('incoming', rows)).filter((f) => f.rule === 'symbol/near-miss-code');
    expect(got.map((f) => [f.row, f.fix?.to])).toEqual([[8, '56/2002/QĐ-BKHCNMT']]);
  });
  it('not with fewer than five, nor between short or known codes', async () => {
    const rows = [inc('10/QĐ-BKHCNMT', '07/03/2002'), inc('11/QĐ-BKHCNMT', '07/03/2002'), inc('56/QĐ-BKHCMT', '07/03/2002'), ...Array.from({ length: 6 }, (_, i) => inc(`${i + 1}0/SNV-VP`, '07/03/2024')), inc('12/SNN-VP', '07/03/2024'), ...Array.from({ length: 6 }, (_, i) => inc(`${i + 1}0/QĐ-BTC`, '07/03/2024')), inc('13/QĐ-BTP', '07/03/2024')];
    expect((await findings('incoming', rows)).filter((f) => f.rule === 'symbol/near-miss-code')).toEqual([]);
  });
});
