// npm run build, second step: bundle the CLI (and its worker) into dist/cli/ with esbuild, so the
// command starts by loading a handful of files instead of ~100 modules (start-up time). npm packages
// stay external; the dynamic imports (check pipeline, PDF, exceljs writing) stay lazy chunks.
import { build } from 'esbuild';

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
