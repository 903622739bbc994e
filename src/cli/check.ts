// `vanthu-lint check`: the heavy path, loaded on demand so that --version, --help and the small
// commands start fast (exceljs, pdfjs, zod and the rules are only imported here and below).
import { relative, resolve, sep } from 'node:path';
import { parseIso } from '../core/dates.js';
import { localize, UI } from '../core/messages.js';
import type { Finding, Lang, RegisterKind } from '../core/types.js';
import { postProcess } from '../engine/postprocess.js';
import type { FileResult } from '../engine/run.js';
import { buildReport, type Report } from '../report/report.js';
import { summarizeUnits, type UnitSummary } from '../report/units.js';
import { RULES } from '../../rules/index.js';
import { reconcile, ReconcileCollector, type UnitDef } from '../../rules/nd30/reconcile/match.js';
import { defaultJobs, runBatch, type BatchJob } from './batch.js';
import { expandInputs, type InputFile } from './files.js';
import { buildSettings, loadConfig } from './settings.js';
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
    const resolved = await loadConfig(values.config, io.cwd);
    let jobsWanted: number | undefined;
    if (values.jobs !== undefined) {
      jobsWanted = Number(values.jobs);
      if (!Number.isInteger(jobsWanted) || jobsWanted < 1) throw new UsageError(`--jobs: expected a whole number ≥ 1, got "${values.jobs}"`);
    }
    const unitPattern = values['unit-from'] !== undefined ? compileUnitPattern(values['unit-from']) : undefined;
    const byUnit = Boolean(values['by-unit']) || unitPattern !== undefined;
    const inputs = await expandInputs(args, io.cwd);
    const unitDefs: UnitDef[] = resolved.config.units?.map((u) => ({ name: u.name, aliases: u.aliases ?? [] })) ?? [];
    const folderToUnit = new Map((resolved.config.units ?? []).filter((u) => u.folder).map((u) => [u.folder!, u.name]));
    const issuerOf = new Map((resolved.config.units ?? []).filter((u) => u.issuer).map((u) => [u.name, u.issuer!]));
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
    const jobs: BatchJob[] = [];
    const jobOf = new Map<string, BatchJob & { inputs: { path: string; absolute: string }[] }>();
    for (const i of inputs) {
      const unit = unitOf(i);
      const key = unit ?? '\u0000';
      let job = jobOf.get(key);
      if (!job) {
        const issuer = unit !== undefined ? issuerOf.get(unit) : undefined;
        job = { unit, ...(issuer !== undefined ? { issuer } : {}), inputs: [] };
        jobOf.set(key, job);
        jobs.push(job);
      }
      job.inputs.push({ path: i.path, absolute: i.absolute });
    }
    const threads = jobsWanted ?? (byUnit ? defaultJobs() : 1);
    const known: UnitDef[] = !byUnit ? [] : unitDefs.length > 0 ? unitDefs : [...new Set(jobs.map((j) => j.unit ?? ''))].filter(Boolean).map((name) => ({ name }));
    const spec = { cwd: io.cwd, configPath: values.config, asOf, kind, units: known };
    const showProgress = io.isTty && !io.env['CI'] && inputs.length > 1;
    const started = Date.now();
    // --documents: issued documents against the outgoing register (src/cli/documents.ts).
    const documents = values.documents !== undefined ? await (await import('./documents.js')).prepareDocuments(values.documents, io.cwd, (await buildSettings(spec)).settings) : undefined;
    const jobResults = await runBatch(jobs, spec, threads, showProgress ? (p) => io.stderr(`\r${progressLine(p, inputs.length, Date.now() - started, lang)}`) : undefined, documents ? [documents.collector] : []);
    if (showProgress) io.stderr('\n');
    const byPath = new Map(jobResults.flatMap((j) => j.results).map((r) => [r.path, r]));
    let results: FileResult[] = inputs.map((i) => byPath.get(i.path)!);
    let units: UnitSummary[] | undefined;
    if (byUnit) {
      const collector = new ReconcileCollector(known);
      for (const j of jobResults) collector.absorb(j.reconcile);
      const configured = new Map(resolved.rules.map((r) => [r.rule.meta.id, r.severity]));
      const extra = reconcile(collector.data(), (id, fallback) => (configured.has(id) ? (configured.get(id) ?? fallback) : 'off'));
      results = addFindings(results, extra);
    }
    if (documents) results = documents.finish(results);
    let report: Report = buildReport(results, RULES, lang, toolVersion);
    if (byUnit) {
      units = summarizeUnits(report, (f) => f.unit ?? '');
      report = { ...report, units };
    }
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
        active: new Set(resolved.rules.map((r) => r.rule.meta.id)),
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

/** Routes run-level findings (reconciliation) to the files they point into, re-sorting each file. */
function addFindings(results: readonly FileResult[], extra: readonly Finding[]): FileResult[] {
  if (extra.length === 0) return [...results];
  const byFile = new Map<string, Finding[]>();
  for (const f of extra) {
    let list = byFile.get(f.location.file);
    if (!list) byFile.set(f.location.file, (list = []));
    list.push(f);
  }
  return results.map((r) => (byFile.has(r.path) ? { ...r, findings: postProcess([...r.findings, ...byFile.get(r.path)!]) } : r));
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
