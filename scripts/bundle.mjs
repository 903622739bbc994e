// npm run build, second step: bundle the CLI (and its worker) into dist/cli/ with esbuild, so the
// command starts by loading a handful of files instead of ~100 modules (start-up time). npm packages
// stay external; the dynamic imports (check pipeline, PDF, exceljs writing) stay lazy chunks.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Chunk names carry content hashes: start from an empty folder so stale chunks never pile up.
rmSync('dist/cli', { recursive: true, force: true });

await build({
  entryPoints: { main: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  legalComments: 'none',
  logLevel: 'warning',
});
