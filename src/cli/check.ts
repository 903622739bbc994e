// `vanthu-lint check`: the heavy path, loaded on demand so that --version, --help and the small
// commands start fast. A thin host of the engine: argv, finding the files, reading them, threads,
// writing the outputs, the exit code; the checking itself is the engine's (src/engine/check.ts).
import { relative, resolve, sep } from 'node:path';
import { parseIso } from '../core/dates.js';
import { localize, UI } from '../core/messages.js';
import type { Lang, RegisterKind } from '../core/types.js';
import { batchUnits, groupByUnit, type CheckSetup } from '../engine/check.js';
import type { Report } from '../report/report.js';
import { createChecker, rules as RULES } from '../index.js';
import { defaultJobs, fileInput, runBatch, type BatchJob } from './batch.js';
import { expandInputs, type InputFile } from './files.js';
import { loadConfigFile, withConfigFile } from './settings.js';
import { FORMATS, writeOutputs, type FormatName, type OutputSpec } from './outputs.js';
import { EXIT, UsageError, type MainIo, type CheckValues } from './shared.js';

function parseKind(value: string | undefined): RegisterKind | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v === 'outgoing' || v === 'di' || v === 'đi') return 'outgoing';
  if (v === 'incoming' || v === 'den' || v === 'đến') return 'incoming';
  throw new UsageError(`--kind: expected outgoing|incoming (di|den), got "${value}"`);
}

function parseOutputs(formats: readonly string[], output: string | undefined): OutputSpec[] {
  const list = formats.length > 0 ? formats : ['stylish'];
  return list.map((spec, i) => {
    const at = spec.indexOf(':');
    const name = at < 0 ? spec : spec.slice(0, at);
    const file = at < 0 ? (i === 0 ? output : undefined) : spec.slice(at + 1);
    if (!(FORMATS as readonly string[]).includes(name)) throw new UsageError(`--format: unknown format "${name}"; expected one of: ${FORMATS.join(', ')}`);
    return { format: name as FormatName, ...(file ? { file } : {}) };
  });
}

export async function runCheck(values: CheckValues, args: readonly string[], io: MainIo, lang: Lang, today: number, toolVersion: string): Promise<number> {
    const outputs = parseOutputs(values.format ?? [], values.output);
    const kind = parseKind(values.kind);
    let asOf = today;
    if (values['as-of'] !== undefined) {
      const d = parseIso(values['as-of']);
      if (d === undefined) throw new UsageError(`--as-of: expected yyyy-mm-dd, got "${values['as-of']}"`);
      asOf = d;
    }
    let maxWarnings: number | undefined;
    if (values['max-warnings'] !== undefined) {
      maxWarnings = Number(values['max-warnings']);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings: expected a whole number, got "${values['max-warnings']}"`);
    }
    const loaded = await loadConfigFile(values.config, io.cwd);
    let jobsWanted: number | undefined;
    if (values.jobs !== undefined) {
      jobsWanted = Number(values.jobs);
      if (!Number.isInteger(jobsWanted) || jobsWanted < 1) throw new UsageError(`--jobs: expected a whole number ≥ 1, got "${values.jobs}"`);
    }
    const unitPattern = values['unit-from'] !== undefined ? compileUnitPattern(values['unit-from']) : undefined;
    const byUnit = Boolean(values['by-unit']) || unitPattern !== undefined;
    const inputs = await expandInputs(args, io.cwd);
    const configUnits = (loaded.json as { units?: { name?: unknown; folder?: unknown }[] } | null)?.units;
    const folderToUnit = new Map(
      (Array.isArray(configUnits) ? configUnits : []).filter((u) => typeof u?.folder === 'string' && typeof u.name === 'string').map((u) => [u.folder as string, u.name as string]),
    );
    const unitOf = (i: InputFile): string | undefined => {
      if (!byUnit) return undefined;
      if (unitPattern) {
        const m = unitPattern.exec(i.path.split(sep).join('/'));
        const part = m ? (m[1] ?? m[0]) : '';
        return folderToUnit.get(part) ?? part;
      }
      const rel = i.root ? relative(i.root, i.absolute).split(sep) : [];
      const folder = rel.length > 1 ? rel[0]! : '';
      return folderToUnit.get(folder) ?? folder;
    };
    // One job per unit (its files share their numbering series); the whole run is one job otherwise.
    const jobs: BatchJob[] = groupByUnit(inputs, unitOf).map((g) => ({ unit: g.unit, inputs: g.items.map((i) => ({ path: i.path, absolute: i.absolute, ...(i.unsupported ? { refuse: 'unsupported-type' as const } : i.emptyFolder ? { refuse: 'empty-folder' as const } : {}) })) }));
    const setup: CheckSetup = {
      config: values.partial && typeof loaded.json === 'object' && loaded.json !== null ? { ...(loaded.json as object), partial: true } : loaded.json,
      asOf,
      lang,
      ...(kind ? { kind } : {}),
      toolVersion,
      ...(byUnit ? { units: batchUnits(loaded.json, jobs.map((j) => j.unit ?? '')) } : {}),
    };
    const checker = withConfigFile(loaded, () => createChecker(setup));
    const threads = jobsWanted ?? (byUnit ? defaultJobs() : 1);
    const showProgress = io.isTty && !io.env['CI'] && inputs.length > 1;
    const started = Date.now();
    // --documents: issued documents (PDF, page 1) against the outgoing register.
    const documents = values.documents !== undefined ? await documentInputs(values.documents, io.cwd) : [];
    await checker.start(documents);
    let groups = await runBatch(checker, jobs, threads, showProgress ? (p) => io.stderr(`\r${progressLine(p, inputs.length, Date.now() - started, lang)}`) : undefined);
    if (showProgress) io.stderr('\n');
    let report: Report = checker.finish(groups, inputs.map((i) => i.path));
    // The report holds what is written from here on: let the groups' raw findings go.
    groups = [];
    const units = report.units;
    // The exit code is decided on everything found; --quiet only hides what is shown, and the shown
    // summary counts what is shown.
    const full = report;
    if (values.quiet) {
      const files = report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') }));
      report = { ...report, files, summary: { ...report.summary, warnings: 0, infos: 0 } };
    }
    const color = io.isTty && !io.env['NO_COLOR'] && !io.env['CI'];
    const absolute = new Map(inputs.map((i) => [i.path, i.absolute]));
    await writeOutputs(
      report,
      outputs,
      {
        cwd: io.cwd,
        rules: RULES,
        color,
        quiet: Boolean(values.quiet),
        ...(values['output-dir'] ? { outputDir: resolve(io.cwd, values['output-dir']) } : {}),
        inputs: inputs.map((i) => i.absolute),
        stdout: io.stdout,
        active: new Set(checker.settings.rules.map((r) => r.rule.meta.id)),
        ...(units ? { units } : {}),
      },
      (p) => absolute.get(p) ?? resolve(io.cwd, p),
    );
    const s = full.summary;
    if (s.fileErrors > 0) return EXIT.FAILURE;
    if (full.files.some((f) => f.findings.some((x) => x.ruleId === 'internal-error'))) return EXIT.FAILURE;
    if (s.errors > 0) return EXIT.FINDINGS;
    if (maxWarnings !== undefined && s.warnings > maxWarnings) {
      io.stderr(`${localize(UI['tooManyWarnings']!, lang, { warnings: s.warnings, max: maxWarnings })}\n`);
      return EXIT.FINDINGS;
    }
    return EXIT.OK;
}

function compileUnitPattern(source: string): RegExp {
  try {
    return new RegExp(source);
  } catch (err) {
    throw new UsageError(`--unit-from: invalid regular expression (${err instanceof Error ? err.message : String(err)})`);
  }
}

/** The issued documents of --documents: PDFs under a folder or glob, or the file named. */
async function documentInputs(spec: string, cwd: string) {
  const files = (await expandInputs([spec], cwd)).filter((f) => f.missing || /\.pdf$/i.test(f.path) || f.path === spec);
  if (files.length === 0 || files.every((f) => f.missing)) throw new UsageError(`--documents: no PDF files in "${spec}"`);
  return files.map((f) => fileInput(f.path, f.absolute));
}

function progressLine(p: { files: number; entries: number; findings: number }, total: number, ms: number, lang: Lang): string {
  const width = 24;
  const done = Math.round((p.files / Math.max(1, total)) * width);
  const bar = `[${'#'.repeat(done)}${'.'.repeat(width - done)}]`;
  const secs = (ms / 1000).toFixed(1);
  return lang === 'vi'
    ? `${bar} ${p.files}/${total} tệp · ${p.entries} văn bản · ${p.findings} phát hiện · ${secs} giây`
    : `${bar} ${p.files}/${total} files · ${p.entries} entries · ${p.findings} findings · ${secs} s`;
}
