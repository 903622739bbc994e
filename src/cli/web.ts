// `vanthu-lint web [--output FILE]`: writes the clerks' page (one self-contained HTML file, see
// scripts/build-web.mjs) so that anyone who has the CLI can hand it to a clerk. The page ships built in
// the package (dist/web); in an unbuilt clone it is built on the spot (esbuild is a devDependency).
import { copyFile, lstat, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { OutputError } from './outputs.js';

const PAGE_MARK = 'id="vanthu-worker-source"';

function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bin', 'vanthu-lint.js'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('vanthu-lint: cannot find the package folder');
}

/** The built page, building it first in a clone that has not been built. */
async function builtPage(root: string): Promise<string> {
  const page = join(root, 'dist', 'web', 'vanthu-lint.html');
  if (existsSync(page)) return page;
  const script = join(root, 'scripts', 'build-web.mjs');
  if (!existsSync(script)) throw new OutputError(`the page is missing from this installation / bản cài đặt thiếu trang (${page})`);
  const { buildWebPage } = (await import(pathToFileURL(script).href)) as { buildWebPage: (o: { outFile: string }) => Promise<string> };
  return buildWebPage({ outFile: page });
}

/** Writes the page to `output` (default ./vanthu-lint.html); returns the path written. */
export async function writeWebPage(cwd: string, output: string | undefined, lang: 'vi' | 'en' = 'vi'): Promise<string> {
  const target = resolve(cwd, output ?? 'vanthu-lint.html');
  // Overwrite an earlier copy of the page, never anything else (an input, a report, a register).
  const existing = await lstat(target).catch(() => undefined);
  if (existing) {
    const text = existing.isFile() && existing.size < 64 * 1024 * 1024 ? await readFile(target, 'utf8') : '';
    if (!text.includes(PAGE_MARK)) throw new OutputError(lang === 'vi' ? `${target} đã có và không phải trang vanthu-lint: không ghi đè` : `${target} exists and is not a vanthu-lint page: not overwritten`);
  }
  const page = await builtPage(packageRoot());
  if (resolve(page) === target) return target;
  await copyFile(page, target);
  return target;
}
