// The clerks' page, dist/web/vanthu-lint.html: one self-contained file. The engine (src/web/worker.ts:
// the public API on the browser host) and the page (src/web/app.ts) are bundled by esbuild and inlined
// into src/web/page.html with the styles; the page starts its Web Worker from the inlined text through
// a blob: URL. The two big libraries the engine needs only now and then (pdfjs with its worker code,
// 1.4 MB, for PDF registers; exceljs's browser build, 0.9 MB, for the annotated workbook) are inlined
// as text of their own and loaded into the worker when first needed (importScripts of a blob: URL),
// so the worker starts on 0.5 MB instead of 2.8 MB. Nothing is fetched: the page's
// Content-Security-Policy allows no connection at all.
//
// buildWebPage({ outFile }) is used by `npm run build` (scripts/bundle.mjs), by `vanthu-lint web` in an
// unbuilt clone, and by the browser tests.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORKER_SOURCE_ID = 'vanthu-worker-source';

/**
 * In the worker bundle, the lazy libraries are read from what src/web/worker.ts loaded into the worker
 * (`globalThis.__vanthuLib(name)` runs the library's text once and returns what it defines).
 */
const LAZY = {
  exceljs: "module.exports = globalThis.__vanthuLib('exceljs');",
  'pdfjs-dist/build/pdf.mjs': "module.exports = globalThis.__vanthuLib('pdfjs').pdf;",
  'pdfjs-dist/build/pdf.worker.mjs': "module.exports = globalThis.__vanthuLib('pdfjs').worker;",
};
/** Virtual paths without the `.mjs` ending (which would make esbuild read the CommonJS above as ESM). */
const lazyPath = (name) => name.replace(/\.mjs$/, '.lazy');
const lazyLibraries = {
  name: 'vanthu-lazy-libraries',
  setup(b) {
    b.onResolve({ filter: /^(exceljs|pdfjs-dist\/build\/pdf(\.worker)?\.mjs)$/ }, (args) => ({ path: lazyPath(args.path), namespace: 'vanthu-lazy' }));
    b.onLoad({ filter: /.*/, namespace: 'vanthu-lazy' }, (args) => ({ contents: LAZY[Object.keys(LAZY).find((k) => lazyPath(k) === args.path)], loader: 'js' }));
  },
};

/**
 * HTML's script-data states: `<!--`, `<script` and `</script` in a bundle must not reach the tokenizer
 * as such. esbuild writes them escaped inside strings already; this covers whatever is left.
 */
const inlineSafe = (js) => js.replace(/<(?=!--|\/?script)/gi, '\\x3C');

async function bundle(entry, define, plugins = []) {
  const result = await build({
    ...(typeof entry === 'string' ? { entryPoints: [join(ROOT, entry)] } : { stdin: { ...entry, resolveDir: ROOT, loader: 'js' } }),
    plugins,
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: ['chrome109', 'firefox115', 'safari16'],
    minify: true,
    legalComments: 'eof',
    charset: 'utf8',
    define,
    logLevel: 'warning',
    // One script each, no code splitting: pdfjs's and exceljs's dynamic imports are inlined.
    splitting: false,
  });
  return result.outputFiles[0].text;
}

export async function buildWebPage({ outFile = join(ROOT, 'dist', 'web', 'vanthu-lint.html') } = {}) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const [worker, app, pdfjs] = await Promise.all([
    bundle('src/web/worker.ts', { VANTHU_VERSION: JSON.stringify(pkg.version) }, [lazyLibraries]),
    bundle('src/web/app.ts', { VANTHU_WORKER_SOURCE_ID: JSON.stringify(WORKER_SOURCE_ID) }),
    // pdfjs and its worker code for the same thread (src/host/browser.ts sets globalThis.pdfjsWorker).
    bundle({
      contents: "import * as pdf from 'pdfjs-dist/build/pdf.mjs';\nimport * as worker from 'pdfjs-dist/build/pdf.worker.mjs';\nglobalThis.__vanthuLibs.pdfjs = { pdf, worker };\n",
      sourcefile: 'pdfjs-lib.js',
    }),
  ]);
  // exceljs's own browser build (what its package.json names for browsers), as published.
  const exceljs = `${readFileSync(join(ROOT, 'node_modules', 'exceljs', 'dist', 'exceljs.min.js'), 'utf8')}\n;globalThis.__vanthuLibs.exceljs = globalThis.ExcelJS;\n`;
  const template = readFileSync(join(ROOT, 'src', 'web', 'page.html'), 'utf8');
  const style = readFileSync(join(ROOT, 'src', 'web', 'style.css'), 'utf8');
  // Each placeholder of the template, once, by a function (the bundles hold `$&` and friends, and a
  // placeholder's text inside an inserted bundle is never looked at).
  const parts = { STYLE: style, WORKER: inlineSafe(worker), PDFJS: inlineSafe(pdfjs), EXCELJS: inlineSafe(exceljs), APP: inlineSafe(app) };
  const seen = new Set();
  const page = template.replace(/\/\*(STYLE|WORKER|PDFJS|EXCELJS|APP)\*\//g, (_, key) => {
    if (seen.has(key)) throw new Error(`build-web: placeholder ${key} twice in the template`);
    seen.add(key);
    return parts[key];
  });
  if (seen.size !== Object.keys(parts).length) throw new Error('build-web: a placeholder is missing from the template');
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, page);
  return outFile;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = await buildWebPage(process.argv[2] ? { outFile: process.argv[2] } : {});
  process.stdout.write(`${out}\n`);
}
