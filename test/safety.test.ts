// Safety (issue #9): no network access anywhere; outputs never replace an input or go through a
// symlink; register text that looks like a formula is written as text.
import { spawnSync } from 'node:child_process';
import dns from 'node:dns';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './helpers.js';

const BASE = ['--config', 'fixtures/vanthu.config.json', '--as-of', '2025-01-15'];

describe('no network', () => {
  it('opens no socket and resolves no name while checking every fixture in every format', async () => {
    const attempts: string[] = [];
    const originals = { connect: net.Socket.prototype.connect, lookup: dns.lookup, fetch: globalThis.fetch };
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      attempts.push(`connect ${JSON.stringify(args[0])}`);
      throw new Error('network blocked by test');
    } as typeof net.Socket.prototype.connect;
    (dns as { lookup: unknown }).lookup = (host: string) => {
      attempts.push(`lookup ${host}`);
      throw new Error('network blocked by test');
    };
    globalThis.fetch = (async (url: unknown) => {
      attempts.push(`fetch ${String(url)}`);
      throw new Error('network blocked by test');
    }) as typeof fetch;
    try {
      const dir = mkdtempSync(join(tmpdir(), 'vl-net-'));
      for (const f of ['json', 'html', 'sarif', 'junit']) await runCli([...BASE, '--format', `${f}:${join(dir, `r.${f}`)}`, 'fixtures/so-di-2024-loi.xlsx', 'fixtures/so-den-2024.xlsx', 'fixtures/pdf/so-di-2024-loi.pdf']);
      await runCli([...BASE, '--format', 'xlsx', '--output-dir', dir, 'fixtures/so-di-2024-loi.xlsx']);
      await runCli(['check', '--by-unit', '--jobs', '1', '--config', 'fixtures/campaign/vanthu.config.json', '--as-of', '2025-01-15', '--format', 'json', 'fixtures/campaign']);
    } finally {
      net.Socket.prototype.connect = originals.connect;
      (dns as { lookup: unknown }).lookup = originals.lookup;
      globalThis.fetch = originals.fetch;
    }
    expect(attempts).toEqual([]);
  });

  const unshareWorks = spawnSync('unshare', ['-n', 'true']).status === 0;
  if (!unshareWorks) console.warn('[safety] SKIPPED the network-namespace run: `unshare -n` is not permitted here');
  it.skipIf(!unshareWorks)('behaves the same with networking removed (unshare -n)', () => {
    const args = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'check', ...BASE, '--format', 'json', 'fixtures/so-di-2024-loi.xlsx', 'fixtures/pdf/so-den-2024.pdf'];
    const normal = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    const isolated = spawnSync('unshare', ['-n', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(isolated.status).toBe(normal.status);
    expect(isolated.stdout).toBe(normal.stdout);
  }, 60_000);
});

describe('outputs', () => {
  it('refuse to write through a symlink', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-link-'));
    const elsewhere = join(dir, 'elsewhere.json');
    writeFileSync(elsewhere, 'keep');
    symlinkSync(elsewhere, join(dir, 'out.json'));
    const run = await runCli([...BASE, '--format', `json:${join(dir, 'out.json')}`, 'fixtures/so-di-2024-chuan.xlsx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/symbolic link/);
    expect(readFileSync(elsewhere, 'utf8')).toBe('keep');
    const linkedDir = join(dir, 'linked');
    symlinkSync(mkdtempSync(join(tmpdir(), 'vl-target-')), linkedDir);
    expect((await runCli([...BASE, '--format', 'xlsx', '--output-dir', linkedDir, 'fixtures/so-di-2024-chuan.xlsx'])).code).toBe(2);
  });

  it('write formula-like register text as text in the annotated workbook', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-formula-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sổ');
    ws.addRow(['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký']);
    ws.addRow(['=HYPERLINK("http://example.invalid","x")', '05/01/2024', '+cmd|calc', '@SUM(1)']);
    ws.addRow(['5/QĐ-UBND', '05/01/2024', '-2+3', 'A']);
    const input = join(dir, 'so.xlsx');
    await wb.xlsx.writeFile(input);
    await runCli(['check', '--as-of', '2025-01-15', '--format', 'xlsx', input]);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(join(dir, 'so.kiem-tra.xlsx'));
    let formulas = 0;
    out.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void (cell.type === ExcelJS.ValueType.Formula && formulas++))));
    expect(formulas).toBe(0);
    expect(out.getWorksheet('Sổ')!.getCell('A2').value).toBe('=HYPERLINK("http://example.invalid","x")');
  });
});
