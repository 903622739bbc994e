// The same register met twice in a run is checked once (src/engine/copies.ts); --kind that
// contradicts the register is said.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/index.js';
import { ROOT } from '../helpers.js';

const LOI = { name: 'so-di-2024-loi.xlsx', bytes: readFileSync(join(ROOT, 'fixtures/so-di-2024-loi.xlsx')) };
const enc = (text: string): Uint8Array => new TextEncoder().encode(text);
const HEADER = 'Số, ký hiệu văn bản;Ngày tháng văn bản;Tên loại và trích yếu nội dung văn bản;Người ký;Nơi nhận văn bản';
const row = (i: number, day: string): string => `${String(i).padStart(2, '0')}/QĐ-UBND;${day};Quyết định số ${i};Trần Văn A;UBND huyện`;
const book = (n: number, day: (i: number) => string, change?: number): string =>
  [HEADER, ...Array.from({ length: n }, (_, k) => (k + 1 === change ? row(k + 1, '28/12/2024') : row(k + 1, day(k + 1))))].join('\n') + '\n';
const ruleIds = (findings: readonly { ruleId: string }[]): string[] => findings.map((f) => f.ruleId);

describe('a register read twice is checked once', () => {
  it('a byte-identical copy: the original keeps exactly its own findings, the copy only says whose copy it is', async () => {
    const alone = await checkFiles({ files: [LOI], asOf: '2025-01-15' });
    const both = await checkFiles({ files: [LOI, { name: 'so-di-2024-loi - Copy.xlsx', bytes: LOI.bytes }], asOf: '2025-01-15' });
    const [first, copy] = both.files;
    expect(first!.findings).toEqual(alone.files[0]!.findings);
    expect(ruleIds(copy!.findings)).toEqual(['input/duplicate-register']);
    expect(copy!.findings[0]!.data).toMatchObject({ otherFile: LOI.name, otherSheet: first!.registers[0]!.sheet, entries: first!.registers[0]!.entries });
    expect(copy!.registers[0]!.copyOf).toEqual({ file: LOI.name, sheet: first!.registers[0]!.sheet });
    expect(both.summary.errors).toBe(alone.summary.errors);
  });

  it('the same book in two shapes (other delimiter, dates written another way) is a copy', async () => {
    const a = book(30, (i) => `${String((i % 27) + 1).padStart(2, '0')}/03/2024`);
    const b = a.replaceAll(';', '\t').replace(/(\d\d)\/03\/2024/g, (_, d: string) => `${Number(d)}/3/2024`);
    const report = await checkFiles({ files: [{ name: 'a.csv', bytes: enc(a) }, { name: 'b.csv', bytes: enc(b) }], asOf: '2025-01-15' });
    expect(ruleIds(report.files[1]!.findings)).toEqual(['input/duplicate-register']);
    expect(ruleIds(report.files[0]!.findings)).not.toContain('numbering/duplicate');
  });

  it('a book whose head matches but which differs further down is checked in full', async () => {
    const day = (i: number): string => `${String(Math.min(28, 1 + Math.floor(i / 4))).padStart(2, '0')}/03/2024`;
    const a = book(100, day);
    const b = book(100, day, 90);
    const report = await checkFiles({ files: [{ name: 'a.csv', bytes: enc(a) }, { name: 'b.csv', bytes: enc(b) }], asOf: '2025-01-15' });
    expect(report.files[1]!.registers[0]!.copyOf).toBeUndefined();
    expect(report.files[1]!.registers[0]!.entries).toBe(100);
    expect(ruleIds(report.files[1]!.findings)).not.toContain('input/duplicate-register');
    // Its rows past the head were checked: entry 90's late date breaks the date order there.
    expect(report.files[1]!.findings.filter((f) => f.ruleId === 'numbering/order').map((f) => f.location.row)).toEqual([91]);
    expect(report.files[0]!.findings.filter((f) => f.ruleId === 'numbering/order')).toEqual([]);
  });

  it('two books with no entries are not copies of each other', async () => {
    const report = await checkFiles({ files: [{ name: 'a.csv', bytes: enc(`${HEADER}\n`) }, { name: 'b.csv', bytes: enc(`${HEADER}\n`) }], asOf: '2025-01-15' });
    for (const f of report.files) expect(ruleIds(f.findings)).not.toContain('input/duplicate-register');
  });
});

describe('--kind against the register itself', () => {
  it('an outgoing book checked as incoming is said, naming what the book says', async () => {
    const report = await checkFiles({ files: [LOI], asOf: '2025-01-15', kind: 'incoming' });
    const f = report.files[0]!.findings.find((x) => x.ruleId === 'register/kind-mismatch');
    expect(f?.severity).toBe('warning');
    expect(f?.message).toMatch(/sổ văn bản đi/);
  });

  it('nothing is said when the kind given agrees', async () => {
    const report = await checkFiles({ files: [LOI], asOf: '2025-01-15', kind: 'outgoing' });
    expect(ruleIds(report.files[0]!.findings)).not.toContain('register/kind-mismatch');
  });
});
