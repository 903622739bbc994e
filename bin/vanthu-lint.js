#!/usr/bin/env node
// Runs the bundled CLI (dist/cli, built by `npm run build`; every installed package has it, built on
// `npm pack`). A clone that was never built runs the TypeScript sources through tsx, a devDependency;
// an installed package never does.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundled = join(root, 'dist', 'cli', 'main.js');
const source = join(root, 'src', 'cli', 'main.ts');
let entry = bundled;
if (!existsSync(bundled)) {
  if (!existsSync(source)) {
    process.stderr.write(`vanthu-lint: bản cài đặt thiếu tệp đã biên dịch (${bundled}); hãy cài lại gói.\nvanthu-lint: this installation lacks its built files (${bundled}); reinstall the package.\n`);
    process.exit(2);
  }
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    process.stderr.write('vanthu-lint: chưa biên dịch và không có tsx: chạy `npm install` rồi `npm run build`.\nvanthu-lint: not built and tsx is missing: run `npm install`, then `npm run build`.\n');
    process.exit(2);
  }
  tsx.register();
  entry = source;
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
