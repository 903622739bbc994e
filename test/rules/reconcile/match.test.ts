// Cross-unit reconciliation on in-memory registers of three units.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/core/dates.js';
import { checkMemory, type MemoryRegister } from '../../../src/engine/memory.js';
import { runAll } from '../../../src/engine/run.js';
import { resolveConfig } from '../../../src/config/resolve.js';
import { memoryWorkbook } from '../../../src/engine/memory.js';
import { reconcile, ReconcileCollector, symbolKey, unitMatcher } from '../../../rules/nd30/reconcile/match.js';
import { RULES } from '../../../rules/index.js';

const UNITS = [{ name: 'UBND huyện Thanh Bình' }, { name: 'UBND xã An Bình', aliases: ['xã An Bình'] }, { name: 'UBND xã An Bình Đông' }];

async function run(registers: (MemoryRegister & { unit: string })[]) {
  const collector = new ReconcileCollector(UNITS);
  const resolved = resolveConfig({}, RULES);
  await runAll(
    registers.map((r, i) => ({ path: `${r.unit}-${i}.xlsx`, unit: r.unit, open: () => memoryWorkbook({ ...r, file: `${r.unit}-${i}.xlsx` }) })),
    { rules: resolved.rules, config: resolved.config, agency: {}, asOf: dayNumber(2025, 1, 15), detect: {}, collectors: collector.collectors },
  );
  return reconcile(collector.data(), (_, fallback) => fallback);
}

const out = (symbol: string, issuedDate: string, recipients: string) => ({ symbol, issuedDate, recipients, signer: 'A', typeAndSubject: 'Công văn V/v x', dispatchDate: issuedDate });
const inc = (n: number, symbol: string, issuedDate: string, author: string) => ({ arrivalNumber: n, arrivalDate: issuedDate, symbol, issuedDate, author, transferDate: issuedDate, typeAndSubject: 'V/v x' });

describe('unitMatcher', () => {
  it('finds names and aliases, longest first, whole words, accent-insensitive', () => {
    const m = unitMatcher(UNITS);
    expect(m('- UBND xã An Bình Đông;\n- Lưu: VT')).toEqual(['UBND xã An Bình Đông']);
    expect(m('ubnd xa an binh, UBND huyện Thanh Bình')).toEqual(['UBND huyện Thanh Bình', 'UBND xã An Bình']);
    expect(m('Sở Nội vụ')).toEqual([]);
  });
  it('symbol keys ignore padding and case', () => {
    expect(symbolKey('07/UBND-VP')!.key).toBe(symbolKey('7/ubnd-vp')!.key);
    expect(symbolKey('007/UBND-VP')!.key).toBe(symbolKey('07/UBND-VP')!.key);
  });
});

describe('reconcile', () => {
  it("'reconcile/not-received': a document sent to a unit whose incoming book lacks it", async () => {
    const findings = await run([
      { unit: 'UBND huyện Thanh Bình', kind: 'outgoing', entries: [out('01/UBND-VP', '04/03/2024', 'UBND xã An Bình;\nUBND xã An Bình Đông'), out('02/UBND-VP', '05/03/2024', 'UBND xã An Bình')] },
      { unit: 'UBND xã An Bình', kind: 'incoming', entries: [inc(1, '01/UBND-VP', '04/03/2024', 'UBND huyện Thanh Bình')] },
      { unit: 'UBND xã An Bình Đông', kind: 'incoming', entries: [inc(1, '01/UBND-VP', '04/03/2024', 'UBND huyện Thanh Bình')] },
    ]);
    expect(findings.map((f) => `${f.ruleId}:${f.messageId}:${f.location.file}:${f.location.row}:${f.data['receiver']}`)).toEqual([
      'reconcile/not-received:missing:UBND huyện Thanh Bình-0.xlsx:3:UBND xã An Bình',
    ]);
  });

  it("'reconcile/mismatch' and 'reconcile/unknown-number' at the receiver's row", async () => {
    const findings = await run([
      { unit: 'UBND huyện Thanh Bình', kind: 'outgoing', entries: [out('01/UBND-VP', '04/03/2024', 'UBND xã An Bình'), out('02/UBND-VP', '05/03/2024', 'UBND xã An Bình')] },
      {
        unit: 'UBND xã An Bình',
        kind: 'incoming',
        entries: [inc(1, '1/UBND-VP', '01/03/2024', 'UBND huyện Thanh Bình'), inc(2, '02/UBND-KT', '05/03/2024', 'UBND huyện Thanh Bình'), inc(3, '45/UBND-VP', '06/03/2024', 'Ủy ban nhân dân UBND huyện Thanh Bình')],
      },
    ]);
    expect(findings.map((f) => `${f.ruleId}:${f.messageId}:${f.location.row}`).sort()).toEqual([
      'reconcile/mismatch:date:2',
      'reconcile/mismatch:symbol:3',
      'reconcile/unknown-number:unknown:4',
    ]);
  });

  it('reads a sender book in the split layout (Số vào sổ + Ký hiệu) with its numbers', async () => {
    const split = (n: number, rest: string, issuedDate: string, recipients: string) => ({ ...out(rest, issuedDate, recipients), number: n });
    const findings = await run([
      { unit: 'UBND huyện Thanh Bình', kind: 'outgoing', entries: [split(1, 'UBND-VP', '04/03/2024', 'UBND xã An Bình'), split(2, 'UBND-VP', '05/03/2024', 'UBND xã An Bình')] },
      { unit: 'UBND xã An Bình', kind: 'incoming', entries: [inc(1, '01/UBND-VP', '04/03/2024', 'UBND huyện Thanh Bình')] },
    ]);
    // 01 was received; 02 was not. Without the number column, neither could be matched.
    expect(findings.map((f) => `${f.ruleId}:${f.messageId}:${f.location.row}:${f.data['symbol']}`)).toEqual(['reconcile/not-received:missing:3:02/UBND-VP']);
  });

  it('matches when both books are split (the receiver keeps the sender number beside Số đến)', async () => {
    const split = (n: number, rest: string, issuedDate: string, recipients: string) => ({ ...out(rest, issuedDate, recipients), number: n });
    const splitIn = (arrival: number, n: number, rest: string, issuedDate: string) => ({ ...inc(arrival, rest, issuedDate, 'UBND huyện Thanh Bình'), number: n });
    const findings = await run([
      { unit: 'UBND huyện Thanh Bình', kind: 'outgoing', entries: [split(1, 'UBND-VP', '04/03/2024', 'UBND xã An Bình'), split(2, 'UBND-VP', '05/03/2024', 'UBND xã An Bình')] },
      { unit: 'UBND xã An Bình', kind: 'incoming', entries: [splitIn(1, 1, 'UBND-VP', '04/03/2024'), splitIn(2, 2, 'UBND-VP', '05/03/2024')] },
    ]);
    expect(findings).toEqual([]);
  });

  it('says nothing about a receiver whose incoming book is not in the batch', async () => {
    const [only] = await checkMemory([{ kind: 'outgoing', entries: [out('01/UBND-VP', '04/03/2024', 'UBND xã An Bình')] }], { rules: RULES, asOf: dayNumber(2025, 1, 15) });
    expect(only!.findings.filter((f) => f.ruleId.startsWith('reconcile/'))).toEqual([]);
    expect(await run([{ unit: 'UBND huyện Thanh Bình', kind: 'outgoing', entries: [out('01/UBND-VP', '04/03/2024', 'UBND xã An Bình')] }])).toEqual([]);
  });
});
