#!/usr/bin/env node
// Runs the bundled CLI when it has been built (npm run build), otherwise the TypeScript sources
// through tsx (a fresh clone after npm install).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundled = join(root, 'dist', 'cli', 'main.js');
let entry = bundled;
if (!existsSync(bundled)) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = join(root, 'src', 'cli', 'main.ts');
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
