// `vanthu-lint web`: writes the clerks' page (built on the spot in an unbuilt clone), overwrites an
// earlier copy of the page and nothing else, and says so in Vietnamese.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';

describe('vanthu-lint web', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vl-web-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one self-contained page, and writes it again over an earlier copy', async () => {
    const run = await runCli(['web', '--output', 'trang.html'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Đã ghi trang kiểm tra');
    const html = readFileSync(join(dir, 'trang.html'), 'utf8');
    expect(html).toContain('id="vanthu-worker-source"');
    expect(html).toContain("connect-src 'none'");
    expect(html.length).toBeGreaterThan(1_000_000);
    const again = await runCli(['web', '--output', 'trang.html', '--lang', 'en'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Wrote the page');
  }, 120_000);

  it('never overwrites a file that is not the page', async () => {
    const other = join(dir, 'so-di-2024.xlsx');
    writeFileSync(other, 'not a page');
    const run = await runCli(['web', '--output', other], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('không ghi đè');
    expect(readFileSync(other, 'utf8')).toBe('not a page');
  }, 120_000);
});
