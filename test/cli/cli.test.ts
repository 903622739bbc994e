// The command line: exit codes, languages, formats, config validation, bad files next to good ones.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/report.js';
import { ROOT, runCli } from '../helpers.js';

const LOI = 'fixtures/so-di-2024-loi.xlsx';
const CLEAN = 'fixtures/so-di-2024-chuan.xlsx';
const BASE = ['--config', 'fixtures/vanthu.config.json', '--as-of', '2025-01-15'];

describe('cli', () => {
  it('prints the version and help', async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect((await runCli(['--version'])).stdout.trim()).toBe(pkg.version);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Mã thoát');
    expect((await runCli(['--help', '--lang', 'en'])).stdout).toContain('Exit codes');
  });

  it('exit 2 on usage errors', async () => {
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(['--nope', CLEAN])).code).toBe(2);
    expect((await runCli(['--format', 'xml', CLEAN])).code).toBe(2);
    expect((await runCli(['--kind', 'sideways', CLEAN])).code).toBe(2);
    expect((await runCli(['--as-of', '15/01/2025', CLEAN])).code).toBe(2);
  });

  it('exit 0 on a clean register, 1 with error findings', async () => {
    expect((await runCli([...BASE, CLEAN])).code).toBe(0);
    const run = await runCli([...BASE, LOI]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('symbol/leading-zero');
    expect(run.stdout).toContain('Phụ lục I');
    expect(run.stdout).not.toMatch(/\u001b\[/);
  });

  it('speaks English with --lang en', async () => {
    const run = await runCli([...BASE, '--lang', 'en', '--format', 'json', LOI]);
    const report = JSON.parse(run.stdout) as Report;
    const f = report.files[0]!.findings.find((x) => x.ruleId === 'symbol/leading-zero')!;
    expect(f.message).toMatch(/lacks the leading zero/);
    expect(report.lang).toBe('en');
  });

  it('--quiet keeps errors only; --max-warnings turns warnings into exit 1', async () => {
    const incoming = 'fixtures/so-den-2024.xlsx';
    const all = JSON.parse((await runCli([...BASE, '--format', 'json', incoming])).stdout) as Report;
    expect(all.summary.errors).toBe(0);
    expect(all.summary.warnings).toBeGreaterThan(0);
    expect((await runCli([...BASE, incoming])).code).toBe(0);
    expect((await runCli([...BASE, '--max-warnings', '0', incoming])).code).toBe(1);
    expect((await runCli([...BASE, '--max-warnings', '1000', incoming])).code).toBe(0);
    const quiet = JSON.parse((await runCli([...BASE, '--quiet', '--format', 'json', incoming])).stdout) as Report;
    expect(quiet.files[0]!.findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('writes several formats in one run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-'));
    const out = join(dir, 'r.json');
    const run = await runCli([...BASE, '--format', 'stylish', '--format', `json:${out}`, LOI]);
    expect(run.stdout).toContain('symbol/leading-zero');
    expect((JSON.parse(readFileSync(out, 'utf8')) as Report).version).toBe(1);
  });

  it('a bad file gives exit 2 and a clear message; the good file beside it is still checked', async () => {
    const run = await runCli([...BASE, '--format', 'json', 'fixtures/bad/encrypted.xlsx', LOI, 'khong-co.xlsx']);
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.files.map((f) => f.error?.code)).toEqual(['encrypted', undefined, 'not-found']);
    expect(report.files[0]!.error!.message).toMatch(/mật khẩu/);
    expect(report.files[1]!.findings.length).toBeGreaterThan(0);
  });

  it('expands directories and globs, sorted, skipping annotated copies', async () => {
    const run = await runCli([...BASE, '--format', 'json', 'fixtures/*.xlsx']);
    const paths = (JSON.parse(run.stdout) as Report).files.map((f) => f.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths).toContain(LOI);
    expect(paths.some((p) => p.endsWith('.kiem-tra.xlsx'))).toBe(false);
  });

  describe('config validation', () => {
    const withConfig = async (config: unknown) => {
      const dir = mkdtempSync(join(tmpdir(), 'vl-'));
      const file = join(dir, 'vanthu.config.json');
      writeFileSync(file, typeof config === 'string' ? config : JSON.stringify(config));
      return runCli(['--config', file, CLEAN]);
    };

    it('rejects unknown keys, naming the expected ones', async () => {
      const run = await withConfig({ agencyy: {} });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('agencyy');
      expect(run.stderr).toContain('agency');
    });

    it('rejects unknown rule ids, listing the known ones', async () => {
      const run = await withConfig({ rules: { 'symbol/leading-zeros': 'off' } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('symbol/leading-zeros');
      expect(run.stderr).toContain('symbol/leading-zero,');
    });

    it('rejects impossible calendar dates', async () => {
      const run = await withConfig({ calendar: { extraDaysOff: ['2024-02-30'] } });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('calendar.extraDaysOff');
    });

    it('rejects bad severities and invalid JSON', async () => {
      expect((await withConfig({ rules: { 'symbol/leading-zero': 'fatal' } })).code).toBe(2);
      expect((await withConfig('{ nope')).code).toBe(2);
    });

    it('applies severities: off removes a rule, warning downgrades it', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'vl-'));
      const file = join(dir, 'c.json');
      writeFileSync(file, JSON.stringify({ rules: { 'symbol/leading-zero': 'off', 'symbol/no-spaces': 'warning' } }));
      const report = JSON.parse((await runCli(['--config', file, '--as-of', '2025-01-15', '--format', 'json', LOI])).stdout) as Report;
      const ids = report.files[0]!.findings.map((f) => `${f.ruleId}:${f.severity}`);
      expect(ids.some((x) => x.startsWith('symbol/leading-zero'))).toBe(false);
      expect(ids).toContain('symbol/no-spaces:warning');
    });
  });

  it('stops writing, without a crash, when the reader of stdout goes away (| head); the exit code stands', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'check', ...BASE, '--format', 'json', LOI], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(1);
  });

  it('gives byte-identical JSON for the same input', async () => {
    const a = await runCli([...BASE, '--format', 'json', 'fixtures']);
    const b = await runCli([...BASE, '--format', 'json', 'fixtures']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('cli: outputs and inputs (review fixes)', () => {
  it('annotated copies of same-named files in different folders do not overwrite each other; the output dir is created', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'vl-outdir-')), 'not', 'yet');
    const run = await runCli(['check', '--by-unit', '--jobs', '1', '--config', 'fixtures/campaign/vanthu.config.json', '--as-of', '2025-01-15', '--format', 'xlsx', '--output-dir', dir, 'fixtures/campaign/xa-an-binh', 'fixtures/campaign/xa-tan-my']);
    expect(run.stderr).toBe('');
    const copies = fg.sync('**/*.kiem-tra.xlsx', { cwd: dir });
    expect(copies.sort()).toEqual([
      'fixtures/campaign/xa-an-binh/so-den-2024.kiem-tra.xlsx',
      'fixtures/campaign/xa-an-binh/so-di-2024.kiem-tra.xlsx',
      'fixtures/campaign/xa-tan-my/so-den-2024.kiem-tra.xlsx',
      'fixtures/campaign/xa-tan-my/so-di-2024.kiem-tra.xlsx',
    ]);
    // A second run over a folder holding the outputs does not read them back as inputs: the folder
    // has no register, which is an error of its own (never a clean pass).
    const again = await runCli(['check', '--as-of', '2025-01-15', '--format', 'json', dir]);
    const files = (JSON.parse(again.stdout) as Report).files;
    expect(files.map((f) => f.error?.code)).toEqual(['empty-folder']);
    expect(again.code).toBe(2);
  });

  it('a folder scan reads every register format and lists every other file as a file error; lock files and own outputs are not inputs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-scan-'));
    const put = (name: string, from: string): void => writeFileSync(join(dir, name), readFileSync(join(ROOT, from)));
    put('so-di.xls', 'fixtures/formats/so-di-2024-chuan.xls');
    put('so-den.ods', 'fixtures/formats/so-den-2024.ods');
    put('so-di.kiem-tra.xlsx', 'fixtures/so-di-2024-chuan.xlsx');
    writeFileSync(join(dir, '~$so-di.xls'), 'lock');
    writeFileSync(join(dir, 'anh-chup.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]));
    const run = await runCli([...BASE, '--format', 'json', dir]);
    const files = (JSON.parse(run.stdout) as Report).files.map((f) => [f.path.split('/').pop(), f.error?.code ?? f.registers.map((r) => r.kind).join()]);
    expect(files).toEqual([
      ['anh-chup.jpg', 'unsupported-type'],
      ['so-den.ods', 'incoming'],
      ['so-di.xls', 'outgoing'],
    ]);
    expect(run.code).toBe(2);
  });

  it('a pattern or bracketed name that matches nothing is a missing input (exit 2)', async () => {
    const run = await runCli([...BASE, '--format', 'json', 'fixtures/khong (co).xlsx']);
    expect(run.code).toBe(2);
    expect((JSON.parse(run.stdout) as Report).files[0]!.error!.code).toBe('not-found');
  });

  it('--quiet shows errors only and counts what it shows; the exit code still sees everything', async () => {
    const quiet = await runCli([...BASE, '--quiet', '--format', 'json', '--max-warnings', '0', 'fixtures/so-den-2024.xlsx']);
    const report = JSON.parse(quiet.stdout) as Report;
    expect(report.summary.warnings).toBe(0);
    expect(quiet.code).toBe(1);
  });
});
