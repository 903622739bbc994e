// The README's picture of the clerks' page: the built page (dist/web/vanthu-lint.html) in headless
// Chromium, checking fixtures/so-di-2024-loi.xlsx with the fixtures' config, as docs/trang-kiem-tra.png.
//   npm run build && node scripts/screenshot-web.mjs
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1150 }, deviceScaleFactor: 1 });
  await page.goto(pathToFileURL(join(ROOT, 'dist', 'web', 'vanthu-lint.html')).href);
  await page.waitForSelector('html[data-ready]', { state: 'attached' });
  await page.setInputFiles('[data-testid=config-input]', join(ROOT, 'fixtures', 'vanthu.config.json'));
  await page.evaluate(() => {
    const input = document.getElementById('as-of');
    input.value = '2025-01-15';
  });
  await page.setInputFiles('[data-testid=file-input]', join(ROOT, 'fixtures', 'so-di-2024-loi.xlsx'));
  await page.waitForSelector('[data-testid=results][data-state=done]', { state: 'attached' });
  await page.screenshot({ path: join(ROOT, 'docs', 'trang-kiem-tra.png'), fullPage: false });
} finally {
  await browser.close();
}
