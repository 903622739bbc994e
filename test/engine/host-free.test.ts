// The core (ingest, register model, engine, rules, reports, config) knows no platform: only the CLI,
// the Node host and the package's Node entry may use Node's modules, Buffer or process. The browser
// bundle of the core is tested in Chromium (test/browser/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const NODE_SIDE = ['src/cli/**', 'src/host/node.ts', 'src/index.ts'];
const FORBIDDEN: readonly [string, RegExp][] = [
  ['a node: module', /(?:from\s*|import\s*\(\s*|require\s*\(\s*)['"]node:/],
  ['a bare Node built-in', /(?:from\s*|import\s*\(\s*)['"](?:fs|path|os|url|zlib|module|worker_threads|child_process|util|stream|events|crypto)(?:\/[\w/]*)?['"]/],
  ['Buffer', /\bBuffer\s*[.(]/],
  ['process', /\bprocess\s*\.|globalThis\.process\b|\bprocess\?\./],
];

/** Code without its comments (a comment may name what the code does not use). */
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

describe('the core is host-free', () => {
  const files = fg.sync(['src/**/*.ts', 'rules/**/*.ts'], { cwd: ROOT, ignore: NODE_SIDE }).sort();

  it('covers the core', () => {
    expect(files).toContain('src/engine/check.ts');
    expect(files).toContain('src/ingest/xlsx.ts');
    expect(files).toContain('src/report/workbook.ts');
    expect(files).toContain('src/host/browser.ts');
    expect(files.length).toBeGreaterThan(80);
  });

  for (const file of files) {
    it(file, () => {
      const text = code(readFileSync(join(ROOT, file), 'utf8'));
      for (const [what, pattern] of FORBIDDEN) expect(pattern.test(text), `${file} uses ${what}`).toBe(false);
    });
  }

  it('the check detects a violation', () => {
    expect(FORBIDDEN.some(([, p]) => p.test(code("import { x } from 'node:zlib';")))).toBe(true);
    expect(FORBIDDEN.some(([, p]) => p.test(code('const b = Buffer.from(x);')))).toBe(true);
    expect(FORBIDDEN.some(([, p]) => p.test(code('// Buffer.from in a comment is fine')))).toBe(false);
  });

  // The register model reads the header-synonym table (rules/data/register-columns.json, data with
  // its sources, no code); every other way into rules/ is the registry.
  it('src/ reaches rules only through the registry', () => {
    const offenders = fg
      .sync('src/**/*.ts', { cwd: ROOT })
      .filter((f) => /from\s*['"](?:\.\.\/)+rules\/(?!index\.js['"]|data\/[\w-]+\.json['"])/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
