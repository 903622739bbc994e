// Expanding the command line's files, directories and globs into a sorted, de-duplicated list.
import { open, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';

export interface InputFile {
  /** The path as reported: as given, or relative to the working directory for expanded ones. */
  readonly path: string;
  readonly absolute: string;
  readonly missing?: boolean;
  /** The directory argument the file was found under (inspector mode: its first-level folders are units). */
  readonly root?: string;
  /** Found in a folder but of no type a register comes in (images, archives, JSON …): that file's error, never read. */
  readonly unsupported?: boolean;
  /** A folder argument that holds no file at all (its own error). */
  readonly emptyFolder?: boolean;
}

/** Extensions a register may come in (content still decides how it is read). */
const REGISTER_EXTENSIONS = new Set(['xlsx', 'xlsm', 'xltx', 'xls', 'xlt', 'xlsb', 'ods', 'csv', 'tsv', 'txt', 'pdf', 'htm', 'html', 'xml', 'docx', 'doc']);
/**
 * Never inputs: our own outputs (annotated and corrected copies, the summary workbook, SARIF),
 * Office and LibreOffice lock files, system files, configs, dependencies.
 */
const IGNORE = [
  '**/*.kiem-tra.xlsx',
  '**/*.da-sua.xlsx',
  '**/kiem-tra-tong-hop.xlsx',
  '**/*.sarif',
  '**/~$*',
  '**/.~lock.*#',
  '**/Thumbs.db',
  '**/desktop.ini',
  '**/vanthu.config.json',
  '**/node_modules/**',
];
/** Report formats whose files are ours when their head names the tool. */
const MAYBE_OURS = /\.(?:json|html?|xml|txt)$/i;

/** Whether a report file was written by this tool (its first bytes name it). */
async function writtenByUs(absolute: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(absolute, 'r');
    const buf = new Uint8Array(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return new TextDecoder().decode(buf.subarray(0, bytesRead)).includes('vanthu-lint');
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

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
      // Every file of the folder: one a register cannot be is listed as a file error, never skipped in silence.
      const found = await (await glob())('**/*', { cwd: absolute, ignore: IGNORE, onlyFiles: true, followSymbolicLinks: false, dot: false });
      let kept = 0;
      for (const f of found.sort()) {
        const abs = resolve(absolute, f);
        if (MAYBE_OURS.test(f) && (await writtenByUs(abs))) continue;
        const ext = /\.([^./\\]+)$/.exec(f)?.[1]?.toLowerCase() ?? '';
        const shown = isAbsolute(arg) ? abs : relative(cwd, abs);
        const register = REGISTER_EXTENSIONS.has(ext);
        if (!out.has(abs)) out.set(abs, { path: toPosix(shown), absolute: abs, root: absolute, ...(register ? {} : { unsupported: true }) });
        kept++;
      }
      if (kept === 0 && !out.has(absolute)) out.set(absolute, { path: toPosix(arg), absolute, emptyFolder: true });
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
