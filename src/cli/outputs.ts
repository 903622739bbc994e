// Writing the report formats. Reporters are pure (report → text/bytes); this module decides where the
// bytes go and guards the file system: an output never overwrites an input, never follows a symlink,
// and annotated copies get new names (`<name>.kiem-tra.xlsx`) beside the input or under --output-dir.
import { lstat, mkdir, open, readFile, realpath, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { AnyRule } from '../engine/rule.js';
import { formatReportChunks } from '../report/format.js';
import type { Report } from '../report/report.js';
import type { UnitSummary } from '../report/units.js';

export const FORMATS = ['stylish', 'json', 'html', 'sarif', 'junit', 'xlsx'] as const;
export type FormatName = (typeof FORMATS)[number];

export interface OutputSpec {
  readonly format: FormatName;
  readonly file?: string;
}

export interface OutputContext {
  readonly cwd: string;
  readonly rules: readonly AnyRule[];
  readonly color: boolean;
  readonly quiet: boolean;
  readonly outputDir?: string;
  /** Absolute paths of every input, which no output may replace. */
  readonly inputs: readonly string[];
  readonly stdout: (s: string) => void;
  /** Inspector mode: the per-unit summary, shown first. */
  readonly units?: readonly UnitSummary[];
  /** Ids of the rules that ran (config may turn some off): JUnit lists only those as test cases. */
  readonly active?: ReadonlySet<string>;
}

export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** Refuses to write over an input or through a symlink. */
async function guardTarget(target: string, inputs: readonly string[]): Promise<void> {
  const info = await lstat(target).catch(() => undefined);
  if (info?.isSymbolicLink()) throw new OutputError(`refusing to write through a symbolic link: ${target}`);
  const real = info ? await realpath(target) : resolve(target);
  for (const input of inputs) {
    const inputReal = await realpath(input).catch(() => resolve(input));
    if (inputReal === real) throw new OutputError(`refusing to overwrite an input file: ${target}`);
  }
  const dirInfo = await lstat(dirname(target)).catch(() => undefined);
  if (dirInfo?.isSymbolicLink()) throw new OutputError(`refusing to write through a symbolic link: ${dirname(target)}`);
}

export async function writeOutput(target: string, data: string | Uint8Array | Iterable<string>, inputs: readonly string[]): Promise<void> {
  try {
    await mkdir(dirname(target), { recursive: true });
  } catch (err) {
    throw new OutputError(`cannot create the folder for ${target}: ${err instanceof Error ? err.message : String(err)}`);
  }
  await guardTarget(target, inputs);
  try {
    if (typeof data === 'string' || data instanceof Uint8Array) await writeFile(target, data);
    else {
      // Written as it is serialised (a big report is never one string).
      const file = await open(target, 'w');
      try {
        for (const chunk of data) await file.write(chunk);
      } finally {
        await file.close();
      }
    }
  } catch (err) {
    throw new OutputError(`cannot write ${target}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/**
 * `<dir>/<name>.kiem-tra.xlsx` for an input `<dir>/<name>.xlsx` (`<name>.csv.kiem-tra.xlsx` for other
 * inputs, so that `X.xlsx` and `X.csv` side by side get different copies). Under --output-dir the
 * input's folder relative to the working directory is kept, so same-named files of different units
 * do not overwrite each other.
 */
export function annotatedName(input: string, cwd: string, outputDir?: string): string {
  const ext = extname(input);
  const stem = basename(input, ext);
  const name = /^\.xls[xm]$/i.test(ext) ? `${stem}.kiem-tra.xlsx` : `${stem}${ext}.kiem-tra.xlsx`;
  if (!outputDir) return join(dirname(input), name);
  const rel = relative(cwd, dirname(input));
  return join(outputDir, rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : '', name);
}

export async function writeOutputs(report: Report, specs: readonly OutputSpec[], ctx: OutputContext, absoluteOf: (path: string) => string): Promise<string[]> {
  const written: string[] = [];
  if (ctx.outputDir) {
    const info = await lstat(ctx.outputDir).catch(() => undefined);
    if (info?.isSymbolicLink()) throw new OutputError(`refusing to write through a symbolic link: ${ctx.outputDir}`);
  }
  for (const spec of specs) {
    if (spec.format === 'xlsx') {
      // exceljs (for writing workbooks) loads only when an xlsx output is asked for: start-up time.
      const { annotateWorkbook, summaryWorkbook, unitsWorkbook } = await import('../index.js');
      if (ctx.units) {
        // Inspector mode: one summary workbook (a row per unit, a sheet per unit's findings).
        const target = resolve(ctx.cwd, ctx.outputDir ?? '.', 'kiem-tra-tong-hop.xlsx');
        await writeOutput(target, await unitsWorkbook(report, ctx.units), ctx.inputs);
        written.push(target);
      }
      for (const file of report.files) {
        if (file.error?.code === 'not-found') continue;
        const input = absoluteOf(file.path);
        let target = resolve(ctx.cwd, annotatedName(input, ctx.cwd, ctx.outputDir));
        // Never let two inputs share one copy (e.g. inputs outside the working directory).
        for (let k = 2; written.includes(target); k++) target = target.replace(/(-\d+)?\.kiem-tra\.xlsx$/, `-${k}.kiem-tra.xlsx`);
        let bytes: Uint8Array;
        if (!file.error) {
          bytes = await annotateWorkbook(new Uint8Array(await readFile(input)), report, file.path);
        } else {
          bytes = await summaryWorkbook(report, [file]);
        }
        await writeOutput(target, bytes, ctx.inputs);
        written.push(target);
      }
      continue;
    }
    const options = { rules: ctx.rules, color: ctx.color && !spec.file, quiet: ctx.quiet, ...(ctx.units ? { units: ctx.units } : {}), ...(ctx.active ? { active: ctx.active } : {}) };
    const chunks = formatReportChunks(report, spec.format, options);
    if (spec.file) {
      const target = resolve(ctx.cwd, spec.file);
      await writeOutput(target, chunks, ctx.inputs);
      written.push(target);
    } else for (const chunk of chunks) ctx.stdout(chunk);
  }
  return written;
}
