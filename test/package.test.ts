// The package as a user gets it: `npm pack` (which builds on prepack) in a copy of the project, the
// tarball unpacked into an empty folder's node_modules beside only the production dependencies (no
// network: they are linked from this checkout's node_modules), then the installed bin and the
// package's main entry. No devDependency (tsx, typescript, esbuild…) is reachable from it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

interface Pkg {
  version: string;
  dependencies: Record<string, string>;
}

describe('npm pack → installed package', () => {
  it('installs without devDependencies; --version, check, --by-unit --jobs 2 and the main entry work; bundles for the browser', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'vl-pack-'));
    const copy = join(tmp, 'project');
    for (const file of execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean)) {
      if (file.startsWith('test/golden/out/')) continue;
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      try {
        cpSync(join(ROOT, file), join(copy, file));
      } catch {
        // a file deleted in the work tree but still listed
      }
    }
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    const dest = join(tmp, 'dest');
    mkdirSync(dest);
    execFileSync('npm', ['pack', '--pack-destination', dest, '--silent'], { cwd: copy, stdio: 'pipe', env: { ...process.env, npm_config_loglevel: 'error' } });
    const tarball = readdirSync(dest).find((f) => f.endsWith('.tgz'))!;
    const app = join(tmp, 'app');
    const installed = join(app, 'node_modules', 'vanthu-lint');
    mkdirSync(installed, { recursive: true });
    writeFileSync(join(app, 'package.json'), '{"name":"app","private":true,"type":"module"}');
    execFileSync('tar', ['-xzf', join(dest, tarball), '-C', installed, '--strip-components=1']);
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Pkg;
    for (const dep of Object.keys(pkg.dependencies)) symlinkSync(join(ROOT, 'node_modules', dep), join(app, 'node_modules', dep));
    // What is in the package: the built CLI and library, types, data; never the sources.
    const listed = execFileSync('tar', ['-tzf', join(dest, tarball)], { encoding: 'utf8' });
    expect(listed).toContain('package/dist/cli/main.js');
    expect(listed).toContain('package/dist/lib/index.js');
    expect(listed).toContain('package/dist/lib/browser.js');
    expect(listed).toContain('package/dist/src/index.d.ts');
    expect(listed).toContain('package/dist/web/vanthu-lint.html');
    expect(listed).not.toContain('package/src/');

    const bin = join(installed, 'bin', 'vanthu-lint.js');
    const run = (args: string[]): { code: number; stdout: string } => {
      try {
        return { code: 0, stdout: execFileSync(process.execPath, [bin, ...args], { cwd: app, encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' } }) };
      } catch (err) {
        const e = err as { status: number; stdout: string };
        return { code: e.status, stdout: e.stdout };
      }
    };
    expect(run(['--version']).stdout.trim()).toBe(pkg.version);
    // The clerks' page, as shipped (no build tool in an installed package).
    expect(run(['web', '--output', join(app, 'trang.html')]).code).toBe(0);
    expect(readFileSync(join(app, 'trang.html'), 'utf8')).toBe(readFileSync(join(installed, 'dist', 'web', 'vanthu-lint.html'), 'utf8'));
    const check = run(['check', join(ROOT, 'fixtures/so-di-2024-loi.xlsx'), '--config', join(ROOT, 'fixtures/vanthu.config.json'), '--as-of', '2025-01-15', '--format', 'json']);
    expect(check.code).toBe(1);
    expect((JSON.parse(check.stdout) as { summary: { errors: number } }).summary.errors).toBe(7);
    const campaign = ['check', join(ROOT, 'fixtures/campaign'), '--by-unit', '--config', join(ROOT, 'fixtures/campaign/vanthu.config.json'), '--as-of', '2025-01-15', '--format', 'json'];
    const two = run([...campaign, '--jobs', '2']);
    const one = run([...campaign, '--jobs', '1']);
    expect(two.code).toBe(2); // two unreadable files in the campaign
    expect(two.stdout).toBe(one.stdout);
    expect((JSON.parse(two.stdout) as { units: unknown[] }).units.length).toBe(13);

    // The main entry, as `import { checkFiles } from 'vanthu-lint'`.
    const script = `import { checkFiles } from 'vanthu-lint';
import { readFileSync } from 'node:fs';
const report = await checkFiles({ files: [{ name: 'so.xlsx', bytes: readFileSync(${JSON.stringify(join(ROOT, 'fixtures/so-di-2024-loi.xlsx'))}) }], asOf: '2025-01-15', config: JSON.parse(readFileSync(${JSON.stringify(join(ROOT, 'fixtures/vanthu.config.json'))}, 'utf8')) });
console.log(JSON.stringify(report.summary));`;
    writeFileSync(join(app, 'use.mjs'), script);
    const summary = JSON.parse(execFileSync(process.execPath, [join(app, 'use.mjs')], { cwd: app, encoding: 'utf8' })) as { errors: number; entries: number };
    expect(summary).toMatchObject({ errors: 7, entries: 44 });
    // A bundler targeting browsers takes the package's browser entry: no Node built-in in the bundle.
    const bundled = await build({
      stdin: { contents: "import { checkFiles } from 'vanthu-lint'; globalThis.check = checkFiles;", resolveDir: app, loader: 'js' },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(bundled.metafile.inputs);
    expect(inputs.some((i) => i.includes('vanthu-lint/dist/lib/browser.js') || i.endsWith('dist/lib/browser.js'))).toBe(true);
    expect(inputs.filter((i) => i.startsWith('node:'))).toEqual([]);
    expect(bundled.outputFiles[0]!.text).not.toMatch(/(?:from|require\()\s*["']node:/);
    // tsx (a devDependency) is not reachable from the installed package.
    expect(() => execFileSync(process.execPath, ['--input-type=module', '-e', "import('tsx/esm/api').then(() => process.exit(0), () => process.exit(3))"], { cwd: installed, stdio: 'pipe' })).toThrow();
  }, 240_000);
});
