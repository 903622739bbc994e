// npm run build, second step: bundle with esbuild, so that a command starts by loading a handful of
// files instead of ~100 modules (start-up time), and the package has one file per entry:
//   dist/cli/       the CLI and its worker (dynamic imports stay lazy chunks: check pipeline, PDF, exceljs);
//   dist/index.js   the package's Node entry (src/index.ts);
//   dist/browser.js the package's browser entry (src/browser.ts), no Node built-in in it;
//   dist/web/vanthu-lint.html the clerks' page (scripts/build-web.mjs).
// npm packages stay external (the package's dependencies are installed beside it), except two that
// every command loads: zod (~100 modules and every locale, ~100 ms; bundled with `import * as z`, only
// the schema builders the rules and the config use are left, ~35 ms) and jsonc-parser (Node loads its
// six-file UMD build, ~25 ms; its ES module build is bundled instead).
import { readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { buildWebPage } from './build-web.mjs';

// Chunk names carry content hashes: start from an empty folder so stale chunks never pile up.
rmSync('dist/cli', { recursive: true, force: true });
rmSync('dist/lib', { recursive: true, force: true });

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const BUNDLED = new Set(['zod', 'jsonc-parser']);
const external = Object.keys(pkg.dependencies).filter((name) => !BUNDLED.has(name));
const common = { bundle: true, format: 'esm', external, mainFields: ['module', 'main'], legalComments: 'eof', logLevel: 'warning' };

await build({ ...common, entryPoints: { main: 'src/cli/main.ts', worker: 'src/cli/worker.ts' }, outdir: 'dist/cli', splitting: true, platform: 'node', target: 'node20' });
await build({ ...common, entryPoints: { index: 'src/index.ts' }, outdir: 'dist/lib', splitting: true, platform: 'node', target: 'node20' });
await build({ ...common, entryPoints: { browser: 'src/browser.ts' }, outdir: 'dist/lib', splitting: true, platform: 'browser', target: 'es2022' });
await buildWebPage();
