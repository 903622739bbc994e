// The clerks' page (dist/web/vanthu-lint.html, built here by scripts/build-web.mjs) used as a clerk uses
// it, in headless Chromium from file://: every register fixture is chosen through the file input with
// the fixtures' config loaded and the check date set, and the downloaded JSON report equals the CLI's
// `--format json` on the same file (run from the file's folder, so that paths read alike). The page
// draws one finding element per finding, the annotated workbook downloads and opens, the settings
// form changes findings as a config file does, controls are labelled and reachable by keyboard, text
// has AA contrast, and nothing but the page itself and its blob: worker is ever requested.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import fg from 'fast-glob';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebPage } from '../../scripts/build-web.mjs';
import { ROOT, runCli } from '../helpers.js';

// What runs inside the page (page.evaluate) sees the DOM; this program is typechecked without it.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const getComputedStyle: (e: any) => { color: string; backgroundColor: string };
type DomElement = any;

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) console.warn('[web-page] SKIPPED: Chromium is not installed (.ci/run installs it)');

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CONFIG = join(ROOT, 'fixtures', 'vanthu.config.json');

interface Sidecar {
  readonly args: readonly string[];
  readonly inputs?: readonly string[];
}

/** Every register fixture with its sidecar's arguments (the config and the check date). */
const FIXTURES = fg
  .sync('fixtures/**/*.expected.json', { cwd: ROOT })
  .sort()
  .map((sidecar) => {
    const s = JSON.parse(readFileSync(join(ROOT, sidecar), 'utf8')) as Sidecar;
    const inputs = s.inputs ?? fg.sync(`${sidecar.replace(/\.expected\.json$/, '')}.{xlsx,csv,pdf}`, { cwd: ROOT });
    const asOf = s.args[s.args.indexOf('--as-of') + 1]!;
    const config = s.args.includes('--config') ? s.args[s.args.indexOf('--config') + 1]! : undefined;
    return { name: sidecar.replace(/\.expected\.json$/, ''), inputs, asOf, config };
  })
  .filter((f) => f.inputs.length > 0 && new Set(f.inputs.map((i) => dirname(i))).size === 1);

interface Report {
  files: { path: string; error?: { code: string }; findings: unknown[] }[];
  summary: { errors: number; warnings: number; infos: number; entries: number };
}

const findingCount = (r: Report): number => r.files.reduce((n, f) => n + f.findings.length, 0);

describe.skipIf(!existsSync(CHROMIUM))('the clerks’ page in Chromium', () => {
  let dir: string;
  let pagePath: string;
  let pageUrl: string;
  let browser: Browser;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vl-web-'));
    pagePath = await buildWebPage({ outFile: join(dir, 'vanthu-lint.html') });
    pageUrl = pathToFileURL(pagePath).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh page (its own storage), watched for requests and errors. */
  async function open(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ acceptDownloads: true });
    context.on('request', (r) => requests.push(r.url()));
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // The engine's worker too: its errors (a CSP violation, a library that fails) reach its own console.
    page.on('worker', (w) => w.on('console', (m) => m.type() === 'error' && errors.push(`worker: ${m.text()}`)));
    await page.goto(pageUrl);
    await page.waitForSelector('html[data-ready]', { state: 'attached', timeout: 60_000 });
    return { context, page };
  }

  /** The check date (its field sits in the folded settings; set as a script would, then `change`). */
  async function setAsOf(page: Page, asOf: string): Promise<void> {
    await page.evaluate((value) => {
      const input = document.getElementById('as-of');
      input.value = value;
      input.dispatchEvent(new Event('change'));
    }, asOf);
  }

  async function loadConfig(page: Page, config: string): Promise<void> {
    await page.setInputFiles('[data-testid=config-input]', config);
    await page.waitForFunction((name) => document.getElementById('config-state')?.textContent?.includes(name), basename(config));
  }

  /** Chooses files and waits for the run they start to end (not an earlier run's results). */
  async function choose(page: Page, files: readonly string[], input = 'file-input'): Promise<string> {
    const before = Number((await page.getAttribute('[data-testid=results]', 'data-run')) ?? 0);
    await page.setInputFiles(`[data-testid=${input}]`, [...files]);
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=results]').dataset.run ?? 0) > n, before, { timeout: 120_000 });
    return (await page.getAttribute('[data-testid=results]', 'data-state')) ?? '';
  }

  async function downloadText(page: Page, testId: string): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid=${testId}]`)]);
    return readFileSync((await download.path())!, 'utf8');
  }

  /** The CLI's JSON text for the same files, run from their folder (so that paths read alike). */
  async function cliText(inputs: readonly string[], asOf: string, config: string | undefined): Promise<string> {
    const cwd = join(ROOT, dirname(inputs[0]!));
    const run = await runCli(['check', ...(config ? ['--config', join(ROOT, config)] : []), '--as-of', asOf, '--format', 'json', ...inputs.map((i) => basename(i))], { cwd });
    expect([0, 1, 2]).toContain(run.code);
    return run.stdout;
  }

  async function cli(inputs: readonly string[], asOf: string, config: string | undefined): Promise<Report> {
    return JSON.parse(await cliText(inputs, asOf, config)) as Report;
  }

  it('finds the register fixtures', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(30);
  });

  it('is one file with no external URL and a CSP that allows no connection', () => {
    const html = readFileSync(pagePath, 'utf8');
    // The markup outside the scripts' text: no src/href/action to anything but data:, blob: or a fragment.
    const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '<script></script>').replace(/<style>[\s\S]*?<\/style>/gi, '<style></style>');
    const targets = [...markup.matchAll(/\b(?:src|href|action|formaction|poster|data)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]!);
    expect(targets.filter((t) => !t.startsWith('data:') && !t.startsWith('#'))).toEqual([]);
    expect(markup).not.toMatch(/<link\b(?![^>]*rel="icon")/i);
    const style = /<style>([\s\S]*?)<\/style>/i.exec(html)![1]!;
    expect(style).not.toMatch(/url\(|@import/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toMatch(/https?:|\*/);
    // No network API in the page's own code (the engine's libraries are checked by the request log).
    const app = /<script>([\s\S]*?)<\/script>\s*<script type="text\/plain" id="vanthu-lib-pdfjs">/.exec(html)?.[1] ?? '';
    expect(app.length).toBeGreaterThan(1000);
    expect(app).not.toMatch(/\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource/);
  });

  for (const fixture of FIXTURES) {
    it(`${fixture.name}: the page's JSON report is the CLI's`, async () => {
      const { context, page } = await open();
      try {
        if (fixture.config) await loadConfig(page, join(ROOT, fixture.config));
        await setAsOf(page, fixture.asOf);
        await choose(page, fixture.inputs.map((i) => join(ROOT, i)));
        const text = await downloadText(page, 'download-json');
        const cliJson = await cliText(fixture.inputs, fixture.asOf, fixture.config);
        // The same bytes, not only the same data.
        expect(text).toBe(cliJson);
        const n = findingCount(JSON.parse(cliJson) as Report);
        expect(await page.locator('[data-testid=finding]').count()).toBe(n);
        // Register text is shown as text: nothing in a cell becomes markup (fixtures/report holds hostile cells).
        expect(await page.locator('main img, main iframe, main object, main embed, main script, main svg').count()).toBe(0);
      } finally {
        await context.close();
      }
    }, 120_000);
  }

  it('checks a folder of units as `check DIR --by-unit` does (units from the first-level folders)', async () => {
    const { context, page } = await open();
    try {
      await loadConfig(page, join(ROOT, 'fixtures/campaign/vanthu.config.json'));
      await setAsOf(page, '2025-01-15');
      expect(await choose(page, [join(ROOT, 'fixtures/campaign')], 'folder-input')).toBe('done');
      const fromPage = JSON.parse(await downloadText(page, 'download-json')) as Report & { units: unknown[] };
      const run = await runCli(['check', '--by-unit', '--config', join(ROOT, 'fixtures/campaign/vanthu.config.json'), '--as-of', '2025-01-15', '--format', 'json', 'campaign'], { cwd: join(ROOT, 'fixtures') });
      expect(run.code).toBe(2);
      expect(fromPage).toEqual(JSON.parse(run.stdout));
      expect(fromPage.units.length).toBe(13);
      expect(await page.locator('#overview h3 + .scroll tbody tr').count()).toBe(13);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('downloads the annotated workbook, which opens with its results sheet', async () => {
    const { context, page } = await open();
    try {
      await loadConfig(page, CONFIG);
      await setAsOf(page, '2025-01-15');
      await choose(page, [join(ROOT, 'fixtures/so-di-2024-loi.xlsx')]);
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-xlsx]')]);
      expect(download.suggestedFilename()).toBe('so-di-2024-loi.kiem-tra.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(readFileSync((await download.path())!)) as never);
      const names = wb.worksheets.map((w) => w.name);
      expect(names).toContain('Sổ đi');
      expect(names.length).toBeGreaterThan(1);
      // The CLI's copy of the same file has the same sheets.
      const out = join(dir, 'cli-copy');
      await runCli(['check', '--config', CONFIG, '--as-of', '2025-01-15', '--format', 'xlsx', '--output-dir', out, 'fixtures/so-di-2024-loi.xlsx']);
      const cliWb = new ExcelJS.Workbook();
      await cliWb.xlsx.load(new Uint8Array(readFileSync(join(out, 'fixtures', 'so-di-2024-loi.kiem-tra.xlsx'))) as never);
      expect(names).toEqual(cliWb.worksheets.map((w) => w.name));
      // A PDF register: a results workbook.
      await choose(page, [join(ROOT, 'fixtures/pdf/so-di-2024-loi.pdf')]);
      const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-xlsx]')]);
      const pdfWb = new ExcelJS.Workbook();
      await pdfWb.xlsx.load(new Uint8Array(readFileSync((await pdfDownload.path())!)) as never);
      expect(pdfWb.worksheets.length).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('the settings form changes findings as the config file does, and is kept for the next visit', async () => {
    const config = JSON.parse(readFileSync(CONFIG, 'utf8')) as { agency: { name: string; issuer: string; units: string[] } };
    // A book whose symbols name the agency's units: the config's agency block changes its findings.
    const input = 'fixtures/symbol/so-di-2024-ky-hieu.xlsx';
    const { context, page } = await open();
    try {
      await setAsOf(page, '2025-01-15');
      await choose(page, [join(ROOT, input)]);
      const bare = JSON.parse(await downloadText(page, 'download-json')) as Report;
      expect(bare).toEqual(await cli([input], '2025-01-15', undefined));
      await page.click('details.settings summary');
      await page.fill('#agency-name', config.agency.name);
      await page.locator('#agency-name').dispatchEvent('change');
      await page.fill('#issuer', config.agency.issuer);
      await page.locator('#issuer').dispatchEvent('change');
      await page.fill('#units', config.agency.units.join(', '));
      await page.locator('#units').dispatchEvent('change');
      const before = Number(await page.getAttribute('[data-testid=results]', 'data-run'));
      await page.click('#rerun');
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid=results]').dataset.run) > n && document.querySelector('[data-testid=results]').dataset.state === 'done', before);
      const withForm = JSON.parse(await downloadText(page, 'download-json')) as Report;
      const withConfig = await cli([input], '2025-01-15', 'fixtures/vanthu.config.json');
      expect(withForm).toEqual(withConfig);
      expect(withForm).not.toEqual(bare);
      // The next visit finds the same settings.
      const again = await context.newPage();
      await again.goto(pageUrl);
      await again.waitForSelector('html[data-ready]', { state: 'attached' });
      expect(await again.inputValue('#issuer')).toBe(config.agency.issuer);
      expect(await again.inputValue('#units')).toBe(config.agency.units.join(', '));
    } finally {
      await context.close();
    }
  }, 120_000);

  it('draws a long list of findings as a window of it, with the same JSON as the CLI', async () => {
    const rows = 3000;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sổ đi');
    for (const line of ['UBND HUYỆN THANH BÌNH', 'UỶ BAN NHÂN DÂN XÃ BÌNH TẤN', 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', 'Năm: 2024']) ws.addRow([line]);
    ws.addRow(['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản']);
    for (let i = 1; i <= rows; i++) ws.addRow([`${String(i).padStart(2, '0')}/QD-UBND`, `${String(1 + (i % 28)).padStart(2, '0')}/0${1 + Math.floor(i / 400)}/2024`, 'Quyết định về việc thực hiện nhiệm vụ', 'Trần Văn A', 'UBND huyện', 'VT', 2]);
    const path = join(dir, 'so-di-nhieu-loi.xlsx');
    writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
    const { context, page } = await open();
    try {
      await setAsOf(page, '2025-01-15');
      await choose(page, [path]);
      const fromPage = JSON.parse(await downloadText(page, 'download-json')) as Report;
      const run = await runCli(['check', '--as-of', '2025-01-15', '--format', 'json', basename(path)], { cwd: dir });
      expect(fromPage).toEqual(JSON.parse(run.stdout));
      const n = findingCount(fromPage);
      expect(n).toBeGreaterThan(2000);
      const drawn = await page.locator('[data-testid=finding]').count();
      expect(drawn).toBeGreaterThan(10);
      expect(drawn).toBeLessThan(200);
      // Scrolled to the end, the last finding is drawn; a click opens it whole.
      await page.locator('.virtual').evaluate((v) => {
        v.scrollTop = v.scrollHeight;
        v.dispatchEvent(new Event('scroll'));
      });
      await page.waitForTimeout(200);
      await page.locator('.virtual [data-testid=finding]').last().click();
      await expect.poll(() => page.locator('.detail .msg').count()).toBe(1);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('downloads findings as CSV and the HTML report; a config the engine refuses ends the run in error', async () => {
    const { context, page } = await open();
    try {
      await loadConfig(page, CONFIG);
      await setAsOf(page, '2025-01-15');
      await choose(page, [join(ROOT, 'fixtures/so-di-2024-loi.xlsx')]);
      const csv = await downloadText(page, 'download-csv');
      const report = await cli(['fixtures/so-di-2024-loi.xlsx'], '2025-01-15', 'fixtures/vanthu.config.json');
      expect(csv.startsWith('\uFEFFTệp,Trang tính,Dòng')).toBe(true);
      expect(csv.trimEnd().split('\r\n')).toHaveLength(findingCount(report) + 1);
      const html = await downloadText(page, 'download-html');
      expect(html).toMatch(/^<!doctype html>/i);
      expect(html).toContain('so-di-2024-loi.xlsx');
      // A config the engine refuses: the run ends in the error state, saying why.
      const bad = join(dir, 'sai.config.json');
      writeFileSync(bad, JSON.stringify({ rules: { 'khong/co-quy-tac-nay': 'error' } }));
      await page.setInputFiles('[data-testid=config-input]', bad);
      await page.waitForSelector('[data-testid=results][data-state=error]', { state: 'attached' });
      expect(await page.locator('#overview [role=alert]').textContent()).toContain('khong/co-quy-tac-nay');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('stops a run with Stop, and checks the next file after it', async () => {
    const rows = 40_000;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sổ đi');
    ws.addRow(['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản']);
    for (let i = 1; i <= rows; i++) ws.addRow([`${String(i).padStart(2, '0')}/QĐ-UBND`, '02/01/2024', 'Quyết định về việc thực hiện nhiệm vụ', 'Trần Văn A', 'UBND huyện']);
    const path = join(dir, 'so-di-lon.xlsx');
    writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
    const { context, page } = await open();
    try {
      await page.setInputFiles('[data-testid=file-input]', path);
      await page.waitForSelector('#stop:not([hidden])', { state: 'visible' });
      await page.click('#stop');
      await page.waitForSelector('[data-testid=results][data-state=idle]', { state: 'attached' });
      expect(await page.locator('#overview').textContent()).toContain('Đã dừng');
      expect(await page.locator('[data-testid=finding]').count()).toBe(0);
      expect(await choose(page, [join(ROOT, 'fixtures/so-di-2024-loi.xlsx')])).toBe('done');
      expect(await page.locator('[data-testid=finding]').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('has labelled controls, a keyboard order that reaches them, and AA contrast', async () => {
    const { context, page } = await open();
    try {
      await loadConfig(page, CONFIG);
      await setAsOf(page, '2025-01-15');
      await choose(page, [join(ROOT, 'fixtures/so-di-2024-loi.xlsx')]);
      // Tab walks the controls in reading order: the language switch, the file inputs, the settings
      // (opened with Enter), then their fields.
      const order: string[] = [];
      const active = (): Promise<string> => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || '');
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press('Tab');
        order.push(await active());
      }
      expect(order).toEqual(['lang', 'file-input', 'folder-input', 'SUMMARY']);
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      expect(await active()).toBe('agency-name');
      await page.keyboard.press('Tab');
      expect(await active()).toBe('issuer');
      const unlabelled = await page.evaluate(() =>
        ([...document.querySelectorAll('input, select, button, a[href]')] as DomElement[])
          .filter((e) => !e.closest('[hidden]'))
          .filter((e) => {
            const labels = e.labels as DomElement[] | null;
            const name = (labels && labels.length > 0 ? [...labels].map((l: DomElement) => l.textContent).join('') : '') || e.getAttribute('aria-label') || (e.tagName !== 'INPUT' ? e.textContent : '') || e.closest('label')?.textContent;
            return !name || name.trim() === '';
          })
          .map((e) => e.outerHTML.slice(0, 80)),
      );
      expect(unlabelled).toEqual([]);
      // Contrast of text against its background, for the kinds of text the page shows.
      const ratios = await page.evaluate(() => {
        const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: string): number => {
          const [r, g, b] = rgb(c).map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const background = (e: DomElement): string => {
          for (let n = e; n; n = n.parentElement) {
            const bg = getComputedStyle(n).backgroundColor;
            if (bg && !bg.startsWith('rgba(0, 0, 0, 0)') && bg !== 'transparent') return bg;
          }
          return 'rgb(255, 255, 255)';
        };
        const out: Record<string, number> = {};
        for (const sel of ['h1', '.privacy', '.hint', '.summary', '.finding .msg', '.finding .sev', '.cite', '.cite button', 'button.primary', 'button.secondary', 'td.columns']) {
          const e = document.querySelector(sel);
          if (!e) continue;
          const a = lum(getComputedStyle(e).color);
          const b = lum(background(e));
          out[sel] = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        }
        return out;
      });
      expect(Object.keys(ratios).length).toBeGreaterThanOrEqual(8);
      for (const [sel, ratio] of Object.entries(ratios)) expect(ratio, sel).toBeGreaterThanOrEqual(4.5);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('explains a rule from its metadata, and shows a finding’s whole row', async () => {
    const { context, page } = await open();
    try {
      await loadConfig(page, CONFIG);
      await setAsOf(page, '2025-01-15');
      await choose(page, [join(ROOT, 'fixtures/so-di-2024-loi.xlsx')]);
      await page.locator('[data-testid=finding] .rule-link').first().click();
      await expect.poll(() => page.locator('#rule-dialog[open] figure').count()).toBe(2);
      await page.click('#rule-close');
      await page.locator('[data-testid=finding] .row-link').first().click();
      await expect.poll(() => page.locator('[data-testid=finding] .row-cells tr').count()).toBeGreaterThan(3);
      // English at the flip of a switch: the page and the findings.
      const runs = Number(await page.getAttribute('[data-testid=results]', 'data-run'));
      await page.click('#lang');
      await page.waitForFunction((n) => Number(document.querySelector('[data-testid=results]').dataset.run) > n, runs);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Check a document register');
      const en = JSON.parse(await downloadText(page, 'download-json')) as { lang: string };
      expect(en.lang).toBe('en');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('requested nothing but the page itself and its blob: worker, and threw nothing', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => url !== pageUrl && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
  });
});
