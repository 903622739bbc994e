// The engine's entry: bytes in, the report (JSON contract v1) out — for every host. The CLI (and its
// worker threads) and the web page call this, never a pipeline of their own. The pipeline, once each:
// config validated; each input read once (sniff hands its zip directory to the reader); the rule
// groups (one per unit, or the whole run); the run-scope checks (reconciliation, documents) as
// lifecycle steps; findings routed and sorted; messages rendered; units summarised.
//
// `createChecker` exposes the steps for hosts that spread groups over threads (the CLI's --jobs):
// each thread makes a checker from the same plain-data setup, checks the groups it takes, and the
// main thread finishes with every group's result. `checkFiles` is the same steps in one thread.
import { parseIso, today, type DayNumber } from '../core/dates.js';
import type { Finding, Lang, RegisterKind, Severity } from '../core/types.js';
import { resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import type { Host } from '../host/host.js';
import { openWorkbook } from '../ingest/index.js';
import { readDocument } from '../ingest/pdf-document.js';
import { InputError } from '../ingest/types.js';
import { buildHeaderOverrides } from '../register/headers.js';
import { buildReport, type Report } from '../report/report.js';
import { summarizeUnits } from '../report/units.js';
import { memoryWorkbook } from './memory.js';
import { postProcess } from './postprocess.js';
import type { AnyRule } from './rule.js';
import { runAll, type FileResult, type InputSource, type RunSettings } from './run.js';
import type { ReadDocument, RunCheck, RunCheckContext, RunCheckState, UnitDef } from './run-scope.js';

/** An input: its name as reported (`files[].path`) and its bytes, or a function the host reads them with when their turn comes. */
export interface CheckInput {
  readonly name: string;
  readonly bytes: Uint8Array | (() => Promise<Uint8Array>);
}

export interface CheckProgress {
  readonly files: number;
  readonly entries: number;
  readonly findings: number;
}

/** What every thread of a run needs to make the same checker: plain data only. */
export interface CheckSetup {
  /** The vanthu.config.json object (validated here). */
  readonly config?: unknown;
  /** "Today" (`yyyy-mm-dd` or a day number); default: the host's today. */
  readonly asOf?: string | DayNumber;
  readonly lang?: Lang;
  /** Treat every register as this kind instead of detecting it. */
  readonly kind?: RegisterKind;
  /** Inspector mode: the units of the batch (from the config's `units`, else every unit name given). */
  readonly units?: readonly UnitDef[];
  readonly toolVersion?: string;
}

/** The engine's own parts, bound by each entry (src/index.ts, src/browser.ts). */
export interface EngineParts {
  readonly host: Host;
  readonly rules: readonly AnyRule[];
  readonly runChecks: readonly RunCheck[];
}

/** One group's result: its files and what each run-scope check gathered (structured-clonable). */
export interface GroupResult {
  readonly results: readonly FileResult[];
  readonly data: readonly unknown[];
}

export interface CheckFilesOptions extends Omit<CheckSetup, 'units'> {
  readonly files: readonly CheckInput[];
  /** Issued documents (PDF), checked and reconciled with the outgoing registers. */
  readonly documents?: readonly CheckInput[];
  /** Inspector mode: the unit of each file, by name. */
  readonly units?: Readonly<Record<string, string>>;
  readonly onProgress?: (progress: CheckProgress) => void;
  readonly signal?: AbortSignal;
}

function asOfDay(value: string | DayNumber | undefined): DayNumber {
  if (value === undefined) return today();
  if (typeof value === 'number') return value;
  const day = parseIso(value);
  if (day === undefined) throw new RangeError(`asOf: expected yyyy-mm-dd, got "${value}"`);
  return day;
}

export class Checker {
  readonly resolved: ResolvedConfig;
  readonly settings: RunSettings;
  readonly lang: Lang;
  private readonly units: readonly UnitDef[] | undefined;
  private readonly issuerOf: ReadonlyMap<string, string>;
  /** Rule id → configured severity (undefined: the finding's own); absent rules are off. */
  private readonly severities: ReadonlyMap<string, Severity | undefined>;
  private states: { check: RunCheck; state: RunCheckState }[] = [];
  private started = false;

  constructor(
    readonly setup: CheckSetup,
    private readonly parts: EngineParts,
  ) {
    this.resolved = resolveConfig(setup.config ?? {}, parts.rules);
    const config = this.resolved.config;
    const kind = setup.kind ?? config.kind;
    this.lang = setup.lang ?? 'vi';
    this.units = setup.units;
    this.issuerOf = new Map((config.units ?? []).filter((u) => u.issuer).map((u) => [u.name, u.issuer!]));
    this.severities = new Map(this.resolved.rules.map((r) => [r.rule.meta.id, r.severity]));
    this.settings = {
      rules: this.resolved.rules,
      config,
      agency: this.resolved.agency,
      asOf: asOfDay(setup.asOf),
      detect: { ...(kind ? { kind } : {}), ...(config.partial ? { partial: true } : {}), ...(config.columns ? { overrides: buildHeaderOverrides(config.columns) } : {}) },
    };
  }

  /** The severity of a rule's findings (configured, else `fallback`), undefined when it is off or absent. */
  severity(ruleId: string, fallback: Severity): Severity | undefined {
    return this.severities.has(ruleId) ? (this.severities.get(ruleId) ?? fallback) : undefined;
  }

  /** Starts the run-scope checks (reads the issued documents). Once, before the first group. */
  async start(documents: readonly CheckInput[] = [], signal?: AbortSignal): Promise<void> {
    if (this.started) throw new Error('Checker.start: already started');
    this.started = true;
    const read: ReadDocument[] = [];
    for (const d of documents) {
      signal?.throwIfAborted();
      try {
        read.push({ path: d.name, doc: await readDocument(await bytesOf(d), d.name, this.parts.host) });
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        read.push({ path: d.name, error: { code: err.code, data: err.data } });
      }
    }
    const context: RunCheckContext = {
      settings: this.settings,
      units: this.units ?? [],
      documents: read,
      severity: (id, fallback) => this.severity(id, fallback),
      checkRegister: async (register, wanted) => {
        const rules = this.settings.rules.filter((r) => wanted(r.rule.meta.id, r.rule.meta.category));
        const [result] = await runAll([{ path: register.file ?? 'memory.xlsx', open: () => memoryWorkbook(register) }], { ...this.settings, rules, collectors: [] });
        return result!;
      },
    };
    for (const check of this.parts.runChecks) {
      const wanted = check.when === 'units' ? this.units !== undefined : documents.length > 0;
      if (wanted) this.states.push({ check, state: await check.start(context) });
    }
  }

  /** Whether some run-scope state lives in this thread only: every group must then be checked here. */
  get local(): boolean {
    return this.states.some((s) => s.state.local);
  }

  /** Checks the files of one group (a unit's, or the whole run's) in one rule lifecycle. */
  async checkGroup(files: readonly CheckInput[], unit: string | undefined, options: { onFile?: (r: FileResult) => void; onEntries?: (entries: number) => void; signal?: AbortSignal } = {}): Promise<GroupResult> {
    if (!this.started) await this.start();
    const issuer = unit !== undefined ? this.issuerOf.get(unit) : undefined;
    // A unit whose issuer is configured is checked as its own agency, and only that (a top-level
    // agency's other issuers and units are not the unit's).
    const base = issuer !== undefined ? { ...this.settings, agency: { issuer }, config: { ...this.settings.config, agency: { issuer } } } : this.settings;
    const groups = this.states.map((s) => s.state.group(unit));
    const collectors = groups.flatMap((g) => g.collectors);
    const withCollectors: RunSettings = collectors.length > 0 ? { ...base, collectors } : base;
    const settings: RunSettings = options.onEntries ? { ...withCollectors, onEntries: options.onEntries } : withCollectors;
    const host = this.parts.host;
    const sources: InputSource[] = files.map((f) => ({
      path: f.name,
      ...(unit !== undefined ? { unit } : {}),
      open: async () => openWorkbook(await bytesOf(f), f.name, host),
    }));
    const results = await runAll(sources, settings, options.signal);
    // A group's findings are final only when its lifecycle ends: files are reported then.
    if (options.onFile) for (const r of results) options.onFile(r);
    return { results, data: groups.map((g) => g.data()) };
  }

  /**
   * The report: every group's results (in `order` of their paths when given, else group order), the
   * run-scope findings, units when in inspector mode.
   */
  finish(groups: readonly GroupResult[], order?: readonly string[]): Report {
    let results: FileResult[] = [];
    for (const g of groups) for (const r of g.results) results.push(r);
    if (order) {
      const rank = new Map<string, number>();
      order.forEach((path, i) => rank.has(path) || rank.set(path, i));
      results.sort((a, b) => (rank.get(a.path) ?? 0) - (rank.get(b.path) ?? 0));
    }
    const extraFiles: FileResult[] = [];
    const extra: Finding[] = [];
    this.states.forEach(({ state }, k) => {
      const out = state.finish(groups.map((g) => g.data[k]));
      for (const f of out.findings) extra.push(f);
      for (const f of out.files ?? []) extraFiles.push(f);
    });
    results = routeFindings(results, extra);
    const files = extraFiles.length > 0 ? [...results, ...extraFiles.map((f) => ({ ...f, findings: postProcess(f.findings) }))] : results;
    const report = buildReport(files, this.parts.rules, this.lang, this.setup.toolVersion ?? '0.0.0');
    return this.units !== undefined ? { ...report, units: summarizeUnits(report, (f) => f.unit ?? '') } : report;
  }
}

/**
 * Run-scope findings to the files they point into, each file that got some sorted again (the only
 * route-and-sort of findings besides runAll's own).
 */
export function routeFindings(results: readonly FileResult[], extra: readonly Finding[]): FileResult[] {
  if (extra.length === 0) return [...results];
  const byFile = new Map<string, Finding[]>();
  for (const f of extra) {
    let list = byFile.get(f.location.file);
    if (!list) byFile.set(f.location.file, (list = []));
    list.push(f);
  }
  return results.map((r) => {
    const more = byFile.get(r.path);
    if (!more) return r;
    const all = r.findings.slice();
    for (const f of more) all.push(f);
    return { ...r, findings: postProcess(all) };
  });
}

/** What a finished file adds to the progress: its entries and findings. */
export const countsOf = (r: FileResult): Omit<CheckProgress, 'files'> => ({ entries: r.registers.reduce((n, x) => n + x.entries, 0), findings: r.findings.length });

/**
 * One group per unit (its files share their numbering series; `undefined`: the whole run is one
 * group), in order of first appearance, each with its items in input order.
 */
export function groupByUnit<T>(items: readonly T[], unitOf: (item: T) => string | undefined): { unit: string | undefined; items: T[] }[] {
  const groups: { unit: string | undefined; items: T[] }[] = [];
  const byKey = new Map<string, { unit: string | undefined; items: T[] }>();
  for (const item of items) {
    const unit = unitOf(item);
    const key = unit ?? '\u0000';
    let g = byKey.get(key);
    if (!g) {
      byKey.set(key, (g = { unit, items: [] }));
      groups.push(g);
    }
    g.items.push(item);
  }
  return groups;
}

async function bytesOf(input: CheckInput): Promise<Uint8Array> {
  return typeof input.bytes === 'function' ? input.bytes() : input.bytes;
}

export function createChecker(setup: CheckSetup, parts: EngineParts): Checker {
  return new Checker(setup, parts);
}

/** The units of an inspection batch: the config's (names and aliases), else every unit name given. */
export function batchUnits(config: unknown, names: Iterable<string>): UnitDef[] {
  const configured = (config as { units?: { name: string; aliases?: string[] }[] } | undefined)?.units;
  // Read before validation (the checker validates): what is not a unit is left to its ConfigError.
  const valid = Array.isArray(configured) ? configured.filter((u) => typeof u === 'object' && u !== null && typeof u.name === 'string') : [];
  if (valid.length > 0) return valid.map((u) => ({ name: u.name, aliases: Array.isArray(u.aliases) ? u.aliases : [] }));
  return [...new Set(names)].filter(Boolean).map((name) => ({ name }));
}

/**
 * Checks registers given as bytes and returns the report. Bad input never throws: it becomes the
 * file's `error`. An invalid config throws ConfigError; an aborted signal rejects with its reason.
 */
export async function checkFiles(options: CheckFilesOptions, parts: EngineParts): Promise<Report> {
  const unitOf = options.units;
  const checker = createChecker(
    {
      ...(options.config !== undefined ? { config: options.config } : {}),
      ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
      ...(options.lang ? { lang: options.lang } : {}),
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.toolVersion ? { toolVersion: options.toolVersion } : {}),
      ...(unitOf ? { units: batchUnits(options.config, options.files.map((f) => unitOf[f.name] ?? '')) } : {}),
    },
    parts,
  );
  options.signal?.throwIfAborted();
  await checker.start(options.documents ?? [], options.signal);
  const groups = groupByUnit(options.files, unitOf ? (f) => unitOf[f.name] ?? '' : () => undefined);
  const progress = { files: 0, entries: 0, findings: 0 };
  // Entries of the group being checked, as its batches go by (its files' counts replace them at its end).
  let reading = 0;
  const onEntries = (n: number): void => {
    reading += n;
    options.onProgress?.({ files: progress.files, entries: progress.entries + reading, findings: progress.findings });
  };
  const onFile = (r: FileResult): void => {
    reading = 0;
    const counts = countsOf(r);
    progress.files++;
    progress.entries += counts.entries;
    progress.findings += counts.findings;
    options.onProgress?.({ ...progress });
  };
  const results: GroupResult[] = [];
  for (const g of groups) {
    options.signal?.throwIfAborted();
    results.push(await checker.checkGroup(g.items, g.unit, { onFile, ...(options.onProgress ? { onEntries } : {}), ...(options.signal ? { signal: options.signal } : {}) }));
  }
  // Files in input order, whatever their unit.
  return checker.finish(results, options.files.map((f) => f.name));
}
