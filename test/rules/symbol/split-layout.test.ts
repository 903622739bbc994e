// Split layouts (real-world-input §1: `Số vào sổ` holds the number, `Ký hiệu` the rest): the symbol
// rules read the two cells together, pin findings on the `Ký hiệu` cell, and fix that cell only.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellFix, splitPrefix, symbolOf } from '../../../rules/nd30/symbol/common.js';
import { SYMBOL_RULES } from '../../../rules/nd30/symbol/index.js';
import { dayNumber } from '../../../src/core/dates.js';
import type { Finding } from '../../../src/core/types.js';
import { checkMemory } from '../../../src/engine/memory.js';
import { Entry, type RegisterInfo } from '../../../src/register/model.js';
import type { Report } from '../../../src/report/report.js';
import { runCli } from '../../helpers.js';

const AS_OF = dayNumber(2025, 1, 15);

async function run(rows: readonly { number: string | number | null; symbol: string }[], config: Record<string, unknown> = { agency: { issuer: 'UBND', units: ['VP', 'TCKT'] } }): Promise<Finding[][]> {
  const entries = rows.map((r, i) => ({ ...(r.number !== null ? { number: r.number } : {}), symbol: r.symbol, issuedDate: `${String(i + 2).padStart(2, '0')}/01/2024`, typeAndSubject: 'V/v triển khai nhiệm vụ' }));
  const results = await checkMemory([{ kind: 'outgoing', entries }], { rules: SYMBOL_RULES, config, asOf: AS_OF });
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

  it('with the number cell empty the document has no number (flagged on that cell); a number cell without digits is not joined', async () => {
    const found = await run([
      { number: null, symbol: 'QĐ-UBND' },
      { number: 'x', symbol: 'QĐ-UBND' },
    ]);
    expect(found.map(loud)).toEqual([['symbol/number-format:missingCell'], []]);
    const missing = found[0]!.find((f) => f.messageId === 'missingCell')!;
    expect([missing.location.field, missing.data['value'], missing.data['header']]).toEqual(['number', 'QĐ-UBND', 'Số vào sổ']);
  });
});

describe('split layouts: what is not joined, and Party forms (review cases)', () => {
  it('prose in Ký hiệu is not joined with the number (no case, spacing or issuer findings on it)', async () => {
    const found = await run([
      { number: 6, symbol: 'Không số' },
      { number: 7, symbol: 'Chưa ban hành' },
      { number: 8, symbol: 'V/v chưa cấp số' },
    ]);
    expect(found.map((fs) => fs.filter((f) => f.fix !== undefined || f.ruleId !== 'symbol/unrecognised').map((f) => f.ruleId))).toEqual([[], [], []]);
  });

  it('Party forms join with a hyphen: NQ/TW beside 3 is 03-NQ/TW, -NQ/TW beside 4 is 04-NQ/TW', async () => {
    // A Party committee's own book (no State agency configured).
    const found = await run(
      [
        { number: 3, symbol: 'NQ/TW' },
        { number: 4, symbol: '-NQ/TW' },
        { number: 5, symbol: 'CT/TU' },
      ],
      {},
    );
    expect(found.map(loud)).toEqual([[], [], []]);
  });

  it('a legal-normative rest with its year (2024/QĐ-UBND beside 8) reads as 08/2024/QĐ-UBND; 12/QĐ-UBND beside 12 is read as written', async () => {
    const found = await run([
      { number: 8, symbol: '2024/QĐ-UBND' },
      { number: 12, symbol: '12/QĐ-UBND' },
      { number: 2024, symbol: '2024/QĐ-UBND' },
    ]);
    expect(found.map(loud)).toEqual([[], [], []]);
  });

  it('spaces around the cell are not spaces inside the symbol; full-width digits mean the cell holds its number', async () => {
    const found = await run([
      { number: 1, symbol: ' QĐ-UBND ' },
      { number: 14, symbol: '\uFF11\uFF14/QĐ-UBND' },
    ]);
    expect(loud(found[0]!)).toEqual([]);
    expect(loud(found[1]!)).toEqual(['symbol/lookalike:lookalike']);
  });

  it("an incoming book's Số is the arrival number unless a Số đến column stands beside it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanthu-split-'));
    const incoming = async (header: string, row: string): Promise<string[]> => {
      const file = join(dir, `so-den-${header.length}.csv`);
      writeFileSync(file, `SỔ ĐĂNG KÝ VĂN BẢN ĐẾN\nNăm 2024\n${header}\n${row}\n`);
      const report = JSON.parse((await runCli(['check', '--as-of', '2025-01-15', '--format', 'json', file])).stdout) as Report;
      return report.files[0]!.findings.filter((f) => f.ruleId.startsWith('symbol/')).map((f) => `${f.ruleId}:${f.messageId}`);
    };
    const rest = 'Ngày đến,Tác giả,Ngày tháng văn bản,Tên loại và trích yếu nội dung văn bản,Đơn vị hoặc người nhận,Ngày chuyển,Ký nhận,Ghi chú';
    // Without Số đến, Số is the arrival number: the sender's missing number is reported, not hidden.
    expect(await incoming(`Số,Số ký hiệu,${rest}`, '3,/TB-UBND,05/01/2024,UBND huyện X,04/01/2024,Thông báo,VP,05/01/2024,,')).toEqual(['symbol/number-format:missing']);
    // With Số đến beside it, Số is the sender's number split from its symbol.
    expect(await incoming(`Số đến,Số,Ký hiệu,${rest}`, '7,3,TB-UBND,05/01/2024,UBND huyện X,04/01/2024,Thông báo,VP,05/01/2024,,')).toEqual([]);
  });
});

describe('an empty Số vào sổ: what is and is not a document without a number (review cases)', () => {
  it('a cell holding its own number, or a malformed one, or a voiding word, is left to the other rules', async () => {
    const found = await run([
      { number: 1, symbol: 'QĐ-UBND' },
      { number: null, symbol: 'Số 12/QĐ-UBND' },
      { number: null, symbol: 'V/QĐ-UBND' },
      { number: null, symbol: 'HỦY SỐ' },
      { number: null, symbol: 'QĐ-UBND' },
    ]);
    const ids = found.map((fs) => fs.map((f) => `${f.ruleId}:${f.messageId}`).filter((x) => x.startsWith('symbol/number-format') || x.startsWith('symbol/unrecognised')));
    expect(ids).toEqual([[], [], ['symbol/number-format:nonArabic'], ['symbol/unrecognised:unrecognised'], ['symbol/number-format:missingCell']]);
  });

  it('in an incoming book (Số beside Số đến) it is a note to check, not an error', async () => {
    const entries = [
      { number: 3, symbol: 'TB-UBND', arrivalNumber: 7, arrivalDate: '05/01/2024', issuedDate: '04/01/2024', author: 'UBND huyện X', typeAndSubject: 'Thông báo' },
      { symbol: 'QĐ-UBND', arrivalNumber: 8, arrivalDate: '05/01/2024', issuedDate: '04/01/2024', author: 'UBND huyện X', typeAndSubject: 'Quyết định' },
    ];
    const [r] = await checkMemory([{ kind: 'incoming', entries }], { rules: SYMBOL_RULES, config: {}, asOf: AS_OF });
    expect(r!.findings.map((f) => `${f.ruleId}:${f.messageId}:${f.severity}:${f.location.row}`)).toEqual(['symbol/number-format:missingCell:info:3']);
  });
});

describe('cellFix', () => {
  const info = { kind: 'outgoing', columns: new Map([['number', { field: 'number', index: 0, letter: 'A', header: 'Số vào sổ' }], ['symbol', { field: 'symbol', index: 1, letter: 'B', header: 'Ký hiệu' }]]) } as unknown as RegisterInfo;
  const entry = new Entry(info, { row: 5, values: [7, 'QĐ-UBND'] });

  it('reads the number cell as the document writes it', () => {
    expect(splitPrefix(entry)).toBe('07/');
  });

  it('parses an entry once whether the caller passes no agency or one without issuers (one cache slot)', () => {
    const e = new Entry(info, { row: 8, values: [3, 'TB-UBND'] });
    const first = symbolOf(e);
    expect(symbolOf(e, {})).toBe(first);
    expect(symbolOf(e, { units: ['VP'] })).toBe(first);
  });

  it('joins a legal-normative rest with its year after the number', () => {
    const parsed = symbolOf(new Entry(info, { row: 6, values: [8, '2024/QĐ-UBND'] }));
    expect([parsed?.number?.value, parsed?.year, parsed?.raw]).toEqual([8, '2024', '08/2024/QĐ-UBND']);
    expect(symbolOf(new Entry(info, { row: 7, values: [12, '12/QĐ-UBND'] }))?.raw).toBe('12/QĐ-UBND');
  });

  it('takes the number off both sides, and drops a fix that would change the number', () => {
    expect(cellFix(entry, { from: '07/QĐ-UBND', to: '07/QĐ-UBND-VP', kind: 'suggestion' })).toEqual({ from: 'QĐ-UBND', to: 'QĐ-UBND-VP', kind: 'suggestion' });
    expect(cellFix(entry, { from: '07/QĐ-UBND', to: '7/QĐ-UBND', kind: 'suggestion' })).toBeUndefined();
  });
});
