// The clerks' page on one register, as a clerk uses it: headless Chromium (the Debian package) opens
// dist/web/vanthu-lint.html from file://, waits until its engine has started, chooses the file through
// the file input and waits for the results (`data-state="done"`). `npm run bench` (section `web`) runs
// it as a fresh process beside the CLI's check of the same file:
//
//   node dist/bench/web-page.js <page.html> <register> [as-of]
//
// Prints one JSON line on stdout: seconds from choosing the file to the results drawn, the time to
// the first progress shown, the findings drawn, and the peak RSS of the tab's renderer process (the page
// and its engine worker), sampled every 50 ms from /proc.
import { readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [page, register, asOf = '2025-01-15'] = process.argv.slice(2);
if (page === undefined || register === undefined) {
  process.stderr.write('usage: web-page <page.html> <register> [as-of]\n');
  process.exit(2);
}

/** RSS in kB of the Chromium renderer processes under `root` (the tab; the browser and GPU processes aside). */
function rendererRssKb(root: number): number {
  const children = new Map<number, number[]>();
  const info = new Map<number, { rss: number; renderer: boolean }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const rss = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      info.set(Number(name), { rss, renderer: cmd.includes('--type=renderer') });
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // The process ended meanwhile.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const p = info.get(pid);
    if (p?.renderer) total += p.rss;
    for (const c of children.get(pid) ?? []) stack.push(c);
  }
  return total;
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  // Chromium runs as a child of this process: its renderers are among our descendants.
  const root = process.pid;
  const tab = await browser.newPage();
  await tab.goto(pathToFileURL(page).href);
  await tab.waitForSelector('html[data-ready]', { state: 'attached', timeout: 60_000 });
  // The check date's field sits in the folded settings: set as a script would.
  await tab.evaluate((value) => {
    const input = (globalThis as unknown as { document: { getElementById(id: string): { value: string } } }).document.getElementById('as-of');
    input.value = value;
  }, asOf);
  let peak = rendererRssKb(root);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rendererRssKb(root));
  }, 50);
  const t0 = performance.now();
  await tab.setInputFiles('[data-testid=file-input]', register);
  await tab.waitForSelector('#progress-box:not([hidden])', { state: 'attached', timeout: 60_000 }).catch(() => undefined);
  const firstProgress = (performance.now() - t0) / 1000;
  await tab.waitForSelector('[data-testid=results][data-state=done], [data-testid=results][data-state=error]', { state: 'attached', timeout: 600_000 });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, rendererRssKb(root));
  const findings = await tab.locator('[data-testid=finding]').count();
  process.stdout.write(`${JSON.stringify({ seconds, firstProgress, findings, rendererPeakMb: peak / 1024 })}\n`);
} finally {
  await browser.close();
}
