// The package's browser entry (src/browser.ts) in a real browser: bundled by esbuild for the browser
// (no Node module, no `external`), inlined into one self-contained page opened from file:// in
// headless Chromium, it checks the fixtures (xlsx, csv, pdf, a bad file) and gives the report the
// CLI gives for the same files and arguments — with no request beyond the page itself.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers.js';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) console.warn('[browser-engine] SKIPPED: Chromium is not installed (.ci/run installs it)');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CONFIG = 'fixtures/vanthu.config.json';
const AS_OF = '2025-01-15';
const FIXTURES = [
  'fixtures/so-di-2024-loi.xlsx',
  'fixtures/so-den-2024.xlsx',
  'fixtures/so-den-2024-xuat.csv',
  'fixtures/pdf/so-di-2024-loi.pdf',
  'fixtures/pdf/so-di-2024-loi-chromium.pdf',
  'fixtures/so-di-2024-libreoffice-1904.xlsx',
  'fixtures/bad/truncated.xlsx',
  'fixtures/pdf/bad/encrypted.pdf',
];

interface Report {
  tool: unknown;
  files: { path: string; error?: { code: string } }[];
  summary: { files: number; fileErrors: number; registers: number; entries: number; errors: number; warnings: number; infos: number };
  [key: string]: unknown;
}

/** The report without the tool (its version may differ between the CLI and the bundle). */
const comparable = ({ tool: _tool, ...rest }: Report): Omit<Report, 'tool'> => rest;

/** HTML's script-data states: `<!--`, `<script` and `</script` in the bundle's strings must not reach the tokenizer as such. */
const inlineSafe = (js: string): string => js.replace(/<(?=!--|\/?script)/gi, '\\x3C');

async function bigRegister(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sổ đi');
  for (const line of ['UBND HUYỆN THANH BÌNH', 'UỶ BAN NHÂN DÂN XÃ BÌNH TẤN', 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', 'Năm: 2024']) ws.addRow([line]);
  ws.addRow(['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ngày chuyển', 'Ký nhận', 'Ghi chú']);
  ws.addRow(Array.from({ length: 10 }, (_, i) => `(${i + 1})`));
  const types = ['QĐ', 'TB', 'KH', 'BC', 'GM'];
  const day = new Date(Date.UTC(2024, 0, 2));
  for (let i = 0, n = 0; i < rows; i++) {
    if (i > 0 && i % 20 === 0) do day.setUTCDate(day.getUTCDate() + 1); while (day.getUTCDay() === 0 || day.getUTCDay() === 6);
    if (i % 97 !== 50 || n === 0) n++; // now and then a duplicate number
    const num = n < 10 && i % 7 !== 3 ? `0${n}` : String(n);
    const symbol = i % 11 === 4 ? `${num} /${types[i % types.length]}-UBND` : `${num}/${types[i % types.length]}-UBND`;
    const row = ws.addRow([symbol, new Date(day), `Văn bản số ${i} về việc thực hiện nhiệm vụ năm 2024`, i % 13 === 0 ? null : 'Trần Thị Mỹ Lệ', 'UBND huyện Thanh Bình;\nCác phòng, ban', 'VT, VP', 2 + (i % 5), i % 17 === 0 ? null : new Date(day), 'Đã ký', null]);
    row.getCell(2).numFmt = 'dd/mm/yyyy';
    row.getCell(8).numFmt = 'dd/mm/yyyy';
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe.skipIf(!existsSync(CHROMIUM))('the browser entry in Chromium', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  let pageUrl: string;
  let build: esbuild.BuildResult<{ write: false; metafile: true }>;
  const requests: string[] = [];
  const workers: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vl-browser-'));
    // One bundle, no code splitting: pdfjs's dynamic imports (the in-thread worker) are inlined.
    build = await esbuild.build({
      stdin: { contents: "import { checkFiles } from './src/browser.ts';\nglobalThis.vanthu = { checkFiles };\n", resolveDir: ROOT, sourcefile: 'page-entry.js', loader: 'js' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      splitting: false,
      write: false,
      metafile: true,
      logLevel: 'silent',
      outfile: join(dir, 'bundle.js'),
    });
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>vanthu-lint</title></head><body><script type="module">${inlineSafe(build.outputFiles[0]!.text)}</script></body></html>`;
    const file = join(dir, 'page.html');
    writeFileSync(file, html);
    pageUrl = pathToFileURL(file).href;

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const context = await browser.newContext();
    page = await context.newPage();
    context.on('request', (r) => requests.push(r.url()));
    page.on('worker', (w) => workers.push(w.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(pageUrl);
    await page.waitForFunction(() => typeof (globalThis as { vanthu?: unknown }).vanthu === 'object', undefined, { timeout: 30_000 });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** checkFiles in the page: bytes passed as base64, the report back as JSON text. */
  async function checkInPage(files: readonly { name: string; bytes: Uint8Array }[], options: { lang?: 'vi' | 'en' } = {}): Promise<Report> {
    const config: unknown = JSON.parse(readFileSync(join(ROOT, CONFIG), 'utf8'));
    const arg = { files: files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') })), config, asOf: AS_OF, ...options };
    const json = await page.evaluate(async ({ files, ...rest }) => {
      const { checkFiles } = (globalThis as unknown as { vanthu: { checkFiles: (o: unknown) => Promise<unknown> } }).vanthu;
      const decoded = files.map((f) => ({ name: f.name, bytes: Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0)) }));
      return JSON.stringify(await checkFiles({ files: decoded, ...rest }));
    }, arg);
    return JSON.parse(json) as Report;
  }

  async function checkInCli(paths: readonly string[], extra: readonly string[] = []): Promise<Report> {
    const run = await runCli(['check', '--config', CONFIG, '--as-of', AS_OF, '--format', 'json', ...extra, ...paths]);
    expect(run.stderr).toBe('');
    expect([0, 1, 2]).toContain(run.code);
    return JSON.parse(run.stdout) as Report;
  }

  const fixtureBytes = (path: string): Uint8Array => new Uint8Array(readFileSync(join(ROOT, path)));

  it('is one self-contained browser bundle: no Node module, nothing external', () => {
    expect(build.errors).toEqual([]);
    expect(build.outputFiles).toHaveLength(1);
    const inputs = build.metafile.inputs;
    expect(Object.keys(inputs)).toContain('src/browser.ts');
    expect(Object.keys(inputs)).toContain('node_modules/pdfjs-dist/build/pdf.mjs');
    expect(Object.keys(inputs)).toContain('node_modules/pdfjs-dist/build/pdf.worker.mjs');
    expect(Object.keys(inputs).filter((k) => k.startsWith('node:') || k.includes('(disabled)'))).toEqual([]);
    // (`<runtime>` is esbuild's own helper code, e.g. its CommonJS wrapper for exceljs's browser build.)
    const nodeImports = Object.entries(inputs).flatMap(([from, input]) => input.imports.filter((i) => i.path !== '<runtime>' && (i.path.startsWith('node:') || i.external === true)).map((i) => `${from} → ${i.path}`));
    expect(nodeImports).toEqual([]);
    const text = build.outputFiles[0]!.text;
    expect(text).not.toMatch(/require\(\s*["']node:|from\s*["']node:/);
    console.info(`[browser-engine] bundle: ${build.outputFiles[0]!.contents.byteLength} bytes, ${Object.keys(inputs).length} inputs`);
  });

  it('gives the CLI’s report for xlsx, csv, pdf and bad files', async () => {
    const browserReport = await checkInPage(FIXTURES.map((name) => ({ name, bytes: fixtureBytes(name) })));
    const cliReport = await checkInCli(FIXTURES);
    expect(browserReport.files.map((f) => [f.path, f.error?.code])).toEqual(FIXTURES.map((p) => [p, cliReport.files.find((f) => f.path === p)!.error?.code]));
    expect(browserReport.files.find((f) => f.path === 'fixtures/bad/truncated.xlsx')!.error?.code).toBe('truncated');
    expect(browserReport.files).toEqual(cliReport.files);
    expect(browserReport.summary).toEqual(cliReport.summary);
    expect(comparable(browserReport)).toEqual(comparable(cliReport));
    expect(browserReport.summary.errors).toBeGreaterThan(0);
  }, 120_000);

  it('gives the CLI’s report in English too', async () => {
    const files = ['fixtures/so-di-2024-loi.xlsx', 'fixtures/so-den-2024-xuat.csv', 'fixtures/pdf/so-di-2024-loi.pdf', 'fixtures/bad/truncated.xlsx'];
    const browserReport = await checkInPage(files.map((name) => ({ name, bytes: fixtureBytes(name) })), { lang: 'en' });
    const cliReport = await checkInCli(files, ['--lang', 'en']);
    expect(browserReport.lang).toBe('en');
    expect(comparable(browserReport)).toEqual(comparable(cliReport));
  }, 120_000);

  it('checks a register of several thousand rows (and agrees with the CLI)', async () => {
    const rows = 5000;
    const bytes = await bigRegister(rows);
    const path = join(dir, 'so-di-lon.xlsx');
    writeFileSync(path, bytes);
    const cliReport = await checkInCli([path]);
    const name = cliReport.files[0]!.path;
    const started = performance.now();
    const browserReport = await checkInPage([{ name, bytes }]);
    console.info(`[browser-engine] ${rows} rows (${bytes.byteLength} bytes) checked in the page in ${Math.round(performance.now() - started)} ms`);
    expect(browserReport.summary.entries).toBe(rows);
    expect(browserReport.summary.errors + browserReport.summary.warnings).toBeGreaterThan(0);
    expect(comparable(browserReport)).toEqual(comparable(cliReport));
  }, 120_000);

  it('made no request beyond the page itself, and threw nothing', () => {
    console.info(`[browser-engine] requests: ${JSON.stringify(requests)}; workers: ${JSON.stringify(workers)}`);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => url !== pageUrl && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
