// Expanding the command line's files, directories and globs into a sorted, de-duplicated list.
import { stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';

export interface InputFile {
  /** The path as reported: as given, or relative to the working directory for expanded ones. */
  readonly path: string;
  readonly absolute: string;
  readonly missing?: boolean;
  /** The directory argument the file was found under (inspector mode: its first-level folders are units). */
  readonly root?: string;
}

const SUPPORTED = '**/*.{xlsx,XLSX,csv,CSV,pdf,PDF}';
/** Our own annotated copies and Office lock files are never inputs. */
const IGNORE = ['**/*.kiem-tra.xlsx', '**/kiem-tra-tong-hop.xlsx', '**/~$*', '**/node_modules/**'];

const toPosix = (p: string): string => p.split('\\').join('/');

export async function expandInputs(args: readonly string[], cwd: string): Promise<InputFile[]> {
  // fast-glob is loaded only when a directory or pattern needs it (start-up time of plain file runs).
  let fgModule: typeof import('fast-glob') | undefined;
  const glob = async () => (fgModule ??= (await import('fast-glob')).default);
  const out = new Map<string, InputFile>();
  const add = (absolute: string, shown: string, missing = false, root?: string): void => {
    if (!out.has(absolute)) out.set(absolute, { path: toPosix(shown), absolute, ...(missing ? { missing } : {}), ...(root ? { root } : {}) });
  };
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isDirectory()) {
      const found = await (await glob())(SUPPORTED, { cwd: absolute, ignore: IGNORE, onlyFiles: true, followSymbolicLinks: false, dot: false });
      for (const f of found.sort()) {
        const abs = resolve(absolute, f);
        add(abs, isAbsolute(arg) ? abs : relative(cwd, abs), false, absolute);
      }
    } else if (info?.isFile()) {
      add(absolute, arg);
    } else if (/[*?[\]{}()!]/.test(arg)) {
      const found = await (await glob())(toPosix(arg), { cwd, ignore: IGNORE, onlyFiles: true, absolute: false });
      // A pattern that matches nothing (or a file name with brackets that does not exist) is a
      // missing input, not an empty success.
      if (found.length === 0) add(absolute, arg, true);
      for (const f of found.sort()) add(resolve(cwd, f), f);
    } else {
      add(absolute, arg, true);
    }
  }
  return [...out.values()];
}
