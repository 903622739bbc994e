// The inspection campaign fixture (issue #8): 13 units' registers in one --by-unit run. Every expected
// finding and file error, none extra; the unit table's order and counts; identical JSON for --jobs 1
// and --jobs 2.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/report/report.js';
import { ROOT, runCli } from './helpers.js';

interface Expected {
  args: string[];
  files: { file: string; unit: string; error?: string }[];
  findings: { file: string; ruleId: string; severity: string; messageId: string; sheet: string; row: number | null; column: string | null }[];
  units: { unit: string; outgoing: number; incoming: number; errors: number; warnings: number; missingNumbers: number; fileErrors: number }[];
}

const expected = JSON.parse(readFileSync(join(ROOT, 'fixtures/campaign.expected-units.json'), 'utf8')) as Expected;
const key = (f: { file: string; ruleId: string; severity: string; messageId: string; row: number | null; column: string | null }): string =>
  `${f.file}|${String(f.row).padStart(5, '0')}|${f.column}|${f.ruleId}|${f.messageId}|${f.severity}`;

describe('inspection campaign', () => {
  it('finds every seeded problem, none extra, and reports unreadable files', async () => {
    const run = await runCli(['check', ...expected.args, '--jobs', '1', '--format', 'json', 'fixtures/campaign']);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files.map((f) => f.path).sort()).toEqual(expected.files.map((f) => f.file).sort());
    for (const f of expected.files) {
      const got = report.files.find((x) => x.path === f.file)!;
      expect(got.unit, f.file).toBe(f.unit);
      expect(got.error?.code, f.file).toBe(f.error);
    }
    const actual = report.files.flatMap((f) =>
      f.findings
        .filter((x) => x.severity !== 'info')
        .map((x) => ({ file: f.path, ruleId: x.ruleId, severity: x.severity, messageId: x.messageId, row: x.location.row ?? null, column: x.location.column ?? null })),
    );
    expect(actual.map(key).sort()).toEqual(expected.findings.map(key).sort());
    expect(expected.findings.filter((f) => f.ruleId === 'reconcile/not-received').length).toBeGreaterThanOrEqual(3);
    // The summary per unit: entries, errors, warnings, missing numbers, unreadable files.
    const units = report.units!.map((u) => ({ unit: u.unit, outgoing: u.entries.outgoing, incoming: u.entries.incoming, errors: u.bySeverity.error, warnings: u.bySeverity.warning, missingNumbers: u.missingNumbers, fileErrors: u.fileErrors }));
    expect([...units].sort((a, b) => (a.unit < b.unit ? -1 : 1))).toEqual([...expected.units].sort((a, b) => (a.unit < b.unit ? -1 : 1)));
    const per100 = report.units!.map((u) => u.errorsPer100);
    expect(per100).toEqual([...per100].sort((a, b) => b - a));
  });

  it('summarises per unit, worst first, and gives the same bytes for any --jobs', async () => {
    const one = await runCli(['check', ...expected.args, '--jobs', '1', '--format', 'json', 'fixtures/campaign']);
    const two = await runCli(['check', ...expected.args, '--jobs', '2', '--format', 'json', 'fixtures/campaign']);
    expect(two.stdout).toBe(one.stdout);
    // Three threads share one job counter: whichever thread takes which unit, the bytes are the same.
    const three = await runCli(['check', ...expected.args, '--jobs', '3', '--format', 'json', 'fixtures/campaign']);
    expect(three.stdout).toBe(one.stdout);
    const stylish = await runCli(['check', ...expected.args, '--jobs', '2', 'fixtures/campaign']);
    const table = stylish.stdout.split('\n\n')[0]!;
    expect(table).toContain('TỔNG HỢP THEO ĐƠN VỊ');
    const units = table.split('\n').slice(3).map((l) => l.split(/\s{2,}/)[0]);
    expect(units).toHaveLength(13);
    // The unit with the most errors per entry comes first.
    const perUnit = new Map<string, number>();
    for (const f of expected.findings) if (f.severity === 'error') perUnit.set(f.file.split('/')[2]!, (perUnit.get(f.file.split('/')[2]!) ?? 0) + 1);
    expect(units[0]).toMatch(/^UBND /);
  });
});

describe("inspection campaign: each unit's own issuer (units[].issuer)", () => {
  it("checks a unit's books against its configured issuer, the same for any --jobs", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanthu-units-'));
    const header = '"Số, ký hiệu văn bản",Ngày tháng văn bản,Tên loại và trích yếu nội dung văn bản,Người ký,Nơi nhận văn bản,Đơn vị người nhận bản lưu,Số lượng bản,Ngày chuyển,Ký nhận,Ghi chú';
    const book = (rows: string[]) => `SỔ ĐĂNG KÝ VĂN BẢN ĐI\nNăm 2024\n${header}\n${rows.join('\n')}\n`;
    const row = (symbol: string, day: number) => `${symbol},0${day}/02/2024,Quyết định về việc A,Nguyễn Văn A,Các phòng,VP,2,0${day}/02/2024,,`;
    for (const [folder, symbols] of [
      ['xa-a', ['01/QĐ-UBND', '02/QĐ-UBDN']],
      ['so-b', ['01/QĐ-SNV', '02/QĐSNV', '03/QĐ-HĐND']],
      ['xa-c', ['01/QĐ-UBND', '02/QĐ-UBDN']],
    ] as const) {
      mkdirSync(join(dir, folder));
      writeFileSync(join(dir, folder, 'so-di.csv'), book(symbols.map((s, i) => row(s, i + 1))));
    }
    const config = join(dir, 'dot.json');
    // A top-level agency (UBND with HĐND) applies to units without an issuer of their own, and only to them.
    writeFileSync(config, JSON.stringify({ agency: { issuer: 'UBND', issuers: ['HĐND'] }, units: [{ name: 'UBND xã A', folder: 'xa-a', issuer: 'UBND' }, { name: 'Sở B', folder: 'so-b', issuer: 'SNV' }, { name: 'UBND xã C', folder: 'xa-c' }] }));
    const symbolFindings = async (jobs: string, unitArgs: readonly string[] = ['--by-unit']): Promise<string[]> => {
      const run = await runCli(['check', ...unitArgs, '--jobs', jobs, '--config', config, '--as-of', '2025-01-15', '--format', 'json', dir]);
      const report = JSON.parse(run.stdout) as Report;
      return report.files.flatMap((f) => f.findings.filter((x) => x.ruleId.startsWith('symbol/')).map((x) => `${f.unit}|${x.ruleId}:${x.messageId}|${x.location.row}`)).sort();
    };
    const one = await symbolFindings('1');
    // Unit A's typo is not its issuer; Sở B's lost hyphen is read with SNV, and HĐND is not Sở B's;
    // unit C, with no issuer of its own, is checked against the top-level agency.
    expect(one).toEqual(['Sở B|symbol/agency-code:issuer|6', 'Sở B|symbol/lost-hyphen:lostConfig|5', 'UBND xã A|symbol/agency-code:issuer|5', 'UBND xã C|symbol/agency-code:issuer|5']);
    expect(await symbolFindings('2')).toEqual(one);
    // Units named by --unit-from map through the configured folders the same way.
    expect(await symbolFindings('1', ['--unit-from', '/([^/]+)/so-di'])).toEqual(one);
  });
});
