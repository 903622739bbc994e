// The HTML report in a real browser (headless Chromium): it renders, a finding's text is on the page,
// and hostile cell text stays text — no element is created from it and nothing runs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { dayNumber } from '../../src/core/dates.js';
import { checkMemory } from '../../src/engine/memory.js';
import { buildReport } from '../../src/report/report.js';
import { formatHtml } from '../../src/report/html.js';
import { echoRule } from './echo-rule.js';
import { runCli } from '../helpers.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
if (!CHROMIUM) console.warn('[html-browser] SKIPPED: Chromium is not installed (.ci/run installs it)');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!CHROMIUM)('html report in Chromium', () => {
  it('renders, shows a finding, and runs nothing from cell text', async () => {
    const [file] = await checkMemory(
      [
        {
          kind: 'outgoing',
          entries: [
            { symbol: '01/QĐ-UBND', issuedDate: '02/01/2024', typeAndSubject: '<script>document.title="pwned"</script>' },
            { symbol: '5/QĐ-UBND', issuedDate: '03/01/2024', typeAndSubject: '"><img src=x onerror="document.title=\'pwned\'">' },
            { symbol: '=HYPERLINK("http://example.invalid","x")', issuedDate: '04/01/2024', typeAndSubject: 'Quyết định' },
          ],
        },
      ],
      { rules: [...RULES, echoRule], asOf: dayNumber(2025, 1, 15) },
    );
    const report = buildReport([file!], [...RULES, echoRule], 'vi', '0.0.0');
    const dir = mkdtempSync(join(tmpdir(), 'vl-html-'));
    const page = join(dir, 'report.html');
    writeFileSync(page, formatHtml(report, [...RULES, echoRule]));
    const common = [...FLAGS, `--user-data-dir=${join(dir, 'profile')}`];
    const dom = execFileSync(CHROMIUM!, [...common, '--dump-dom', `file://${page}`], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] });
    expect(dom).toContain('Số văn bản "5" nhỏ hơn 10');
    expect(dom).toContain('<title>Kết quả kiểm tra sổ đăng ký văn bản</title>');
    expect(dom).not.toContain('pwned</title>');
    expect(dom).toContain('&lt;script&gt;document.title="pwned"&lt;/script&gt;');
    expect(dom).not.toMatch(/<img/i);
    expect(dom).not.toMatch(/<script/i);
    const shot = join(dir, 'report.png');
    execFileSync(CHROMIUM!, [...common, '--window-size=1280,1000', `--screenshot=${shot}`, `file://${page}`], { timeout: 60_000, stdio: 'ignore' });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
  }, 120_000);

  it('the hostile-text fixture, reported through the CLI, shows its cells as text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-html-fx-'));
    const page = join(dir, 'bao-cao.html');
    const run = await runCli(['check', '--config', 'fixtures/vanthu.config.json', '--as-of', '2025-01-15', '--format', `html:${page}`, 'fixtures/report/noi-dung-doc-hai.xlsx']);
    expect(run.code).toBe(0);
    const dom = execFileSync(CHROMIUM!, [...FLAGS, `--user-data-dir=${join(dir, 'profile')}`, '--dump-dom', `file://${page}`], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] });
    expect(dom).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(dom).not.toMatch(/<script/i);
    expect(dom).not.toMatch(/<img/i);
    expect(dom).not.toContain('pwned</title>');
  }, 120_000);
});
