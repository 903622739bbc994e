// Split layouts (real-world-input §1: `Số vào sổ` holds the number, `Ký hiệu` the rest): the symbol
// rules read the two cells together, pin findings on the `Ký hiệu` cell, and fix that cell only.
import { describe, expect, it } from 'vitest';
import { cellFix, splitPrefix } from '../../../rules/nd30/symbol/common.js';
import { SYMBOL_RULES } from '../../../rules/nd30/symbol/index.js';
import { dayNumber } from '../../../src/core/dates.js';
import type { Finding } from '../../../src/core/types.js';
import { checkMemory } from '../../../src/engine/memory.js';
import { Entry, type RegisterInfo } from '../../../src/register/model.js';

const AS_OF = dayNumber(2025, 1, 15);

async function run(rows: readonly { number: string | number | null; symbol: string }[]): Promise<Finding[][]> {
  const entries = rows.map((r, i) => ({ ...(r.number !== null ? { number: r.number } : {}), symbol: r.symbol, issuedDate: `${String(i + 2).padStart(2, '0')}/01/2024`, typeAndSubject: 'V/v triển khai nhiệm vụ' }));
  const results = await checkMemory([{ kind: 'outgoing', entries }], { rules: SYMBOL_RULES, config: { agency: { issuer: 'UBND', units: ['VP', 'TCKT'] } }, asOf: AS_OF });
  const findings = results.flatMap((x) => x.findings);
  return rows.map((_, i) => findings.filter((f) => f.location.row === i + 2));
}

const loud = (fs: readonly Finding[]): string[] => fs.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId}:${f.messageId}`);

describe('symbol rules on split layouts', () => {
  it('valid rests beside number cells (1–9 typed as plain numbers) raise nothing', async () => {
    const rests = ['QĐ-UBND', 'UBND-VP', 'TTr-UBND', 'TB-UBND', 'KH-UBND', 'BC-UBND', 'GM-UBND', 'UBND-TCKT', 'QyĐ-UBND', 'CTr-UBND', '2024/QĐ-UBND'];
    const found = await run(rests.map((symbol, i) => ({ number: i + 1, symbol })));
    expect(found.map(loud)).toEqual(rests.map(() => []));
  });

  it('a number cell typed as text ("08") or with a letter suffix is read the same way', async () => {
    const found = await run([
      { number: '08', symbol: 'QĐ-UBND' },
      { number: '9a', symbol: 'QĐ-UBND' },
    ]);
    expect(found.map(loud)).toEqual([[], []]);
  });

  it('finds form defects in the Ký hiệu cell and fixes that cell only; the fixed cell passes', async () => {
    const defects = [
      { symbol: 'Qđ-UBND', rule: 'symbol/case', to: 'QĐ-UBND' },
      { symbol: 'KH UBND', rule: 'symbol/no-spaces', to: 'KH-UBND' },
      { symbol: 'QD-UBND', rule: 'symbol/letter-dj', to: 'QĐ-UBND' },
      { symbol: 'TB.UBND', rule: 'symbol/separator', to: 'TB-UBND' },
      { symbol: 'QĐ\u2013UBND', rule: 'symbol/lookalike', to: 'QĐ-UBND' },
      { symbol: 'QĐUBND', rule: 'symbol/lost-hyphen', to: 'QĐ-UBND' },
    ];
    const found = await run(defects.map((d, i) => ({ number: i + 1, symbol: d.symbol })));
    defects.forEach((d, i) => {
      const f = found[i]!.find((x) => x.ruleId === d.rule);
      expect(f, d.symbol).toBeDefined();
      expect(f!.location.field).toBe('symbol');
      expect(f!.fix).toEqual({ field: 'symbol', from: d.symbol, to: d.to, kind: expect.any(String) });
    });
    const fixed = await run(defects.map((d, i) => ({ number: i + 1, symbol: d.to })));
    expect(fixed.map(loud)).toEqual(defects.map(() => []));
  });

  it('a Ký hiệu cell holding the whole symbol is read as written (its number is checked)', async () => {
    const found = await run([{ number: 5, symbol: '5/QĐ-UBND' }]);
    expect(loud(found[0]!)).toEqual(['symbol/leading-zero:missing']);
    expect(found[0]![0]!.fix).toEqual({ field: 'symbol', from: '5/QĐ-UBND', to: '05/QĐ-UBND', kind: expect.any(String) });
  });

  it('with the number cell empty the symbol has no number at all (flagged); a number cell without digits is not joined', async () => {
    const found = await run([
      { number: null, symbol: 'QĐ-UBND' },
      { number: 'x', symbol: 'QĐ-UBND' },
    ]);
    expect(found.map(loud)).toEqual([['symbol/unrecognised:unrecognised'], []]);
  });
});

describe('cellFix', () => {
  const info = { columns: new Map([['number', { field: 'number', index: 0, letter: 'A', header: 'Số vào sổ' }], ['symbol', { field: 'symbol', index: 1, letter: 'B', header: 'Ký hiệu' }]]) } as unknown as RegisterInfo;
  const entry = new Entry(info, { row: 5, values: [7, 'QĐ-UBND'] });

  it('reads the number cell as the document writes it', () => {
    expect(splitPrefix(entry)).toBe('07/');
  });

  it('takes the number off both sides, and drops a fix that would change the number', () => {
    expect(cellFix(entry, { from: '07/QĐ-UBND', to: '07/QĐ-UBND-VP', kind: 'suggestion' })).toEqual({ from: 'QĐ-UBND', to: 'QĐ-UBND-VP', kind: 'suggestion' });
    expect(cellFix(entry, { from: '07/QĐ-UBND', to: '7/QĐ-UBND', kind: 'suggestion' })).toBeUndefined();
  });
});
