// The runner: detects the registers of one workbook and runs the rule lifecycle over each, streaming.
// The engine guards the rules: a rule that throws becomes one internal-error finding (STYLE habit 8).
import { yearOf, type DayNumber } from '../core/dates.js';
import type { FieldName, Finding, Location, RegisterKind, Severity } from '../core/types.js';
import type { ResolvedRule } from '../config/resolve.js';
import type { AgencyConfig, Config } from '../config/schema.js';
import { InputError, type InputErrorCode, type RawWorkbook, type SourceFormat } from '../ingest/types.js';
import { CopyIndex, Fingerprint, readHead, replay, type SeenRegister } from './copies.js';
import { detectSheet, type DetectOptions } from '../register/detect.js';
import type { Entry, RegisterInfo } from '../register/model.js';
import type { ReportDescriptor, RuleContext, RuleHandlers } from './rule.js';
import { postProcess } from './postprocess.js';

export const INTERNAL_ERROR = 'internal-error';
export const SHEET_SKIPPED = 'register/sheet-skipped';
export const KIND_MISMATCH = 'register/kind-mismatch';
export const LEGACY_ENCODING = 'input/legacy-encoding';
export const RENAMED_FILE = 'input/renamed-file';
export const DUPLICATE_REGISTER = 'input/duplicate-register';

export interface RegisterSummary {
  readonly sheet: string;
  readonly kind: RegisterKind;
  readonly entries: number;
  readonly year?: number;
  readonly headerRow: number;
  readonly columns: Readonly<Partial<Record<FieldName, string>>>;
  /** Header cells the detector saw but could not place (column letter and header text); absent when none. */
  readonly unplaced?: readonly { readonly column: string; readonly header: string }[];
  /** The same register (same entries) was read earlier in the run from this file and sheet; this one was not checked again. */
  readonly copyOf?: { readonly file: string; readonly sheet: string };
  /** A partial list, not a whole register (RegisterInfo.partial): why it was read so. */
  readonly partial?: 'option' | 'title' | 'columns';
}

export interface FileError {
  readonly code: InputErrorCode | 'internal';
  readonly data: Readonly<Record<string, string | number>>;
}

export interface FileResult {
  readonly path: string;
  /** Inspector mode: the unit the file belongs to. */
  readonly unit?: string;
  readonly error?: FileError;
  readonly registers: readonly RegisterSummary[];
  readonly findings: readonly Finding[];
}

/**
 * Sees every entry of the registers of the given kinds, after the rules. For checks that need data
 * from several registers beyond one rule group (issued documents against the register, cross-unit
 * reconciliation): a collector keeps small summaries (symbol, date, location), never the Entry.
 */
export interface EntryCollector {
  readonly kinds: readonly RegisterKind[];
  add(entry: Entry, unit: string | undefined): void;
}

export interface RunSettings {
  readonly rules: readonly ResolvedRule[];
  readonly collectors?: readonly EntryCollector[];
  readonly config: Config;
  readonly agency: AgencyConfig;
  readonly asOf: DayNumber;
  readonly detect: Omit<DetectOptions, 'file' | 'format'>;
  /** Told the entries of each batch as they are checked (a host's progress while one big file is read). */
  readonly onEntries?: (entries: number) => void;
}

interface ActiveRule {
  readonly resolved: ResolvedRule;
  handlers: RuleHandlers;
  failed: boolean;
}

function configuredSeverity(rules: readonly ResolvedRule[], id: string): Severity | undefined | 'off' {
  const r = rules.find((x) => x.rule.meta.id === id);
  if (!r) return 'off';
  return r.severity;
}

/** How many first entries vote on the register's year when its cover gives none. */
const YEAR_VOTES = 200;

/** The year a register is for: the cover's `Năm`, else the most common year among the first entries' dates. */
function yearVote(): { add(year: number): void; result(): number | undefined } {
  const counts = new Map<number, number>();
  return {
    add(year) {
      counts.set(year, (counts.get(year) ?? 0) + 1);
    },
    result() {
      let best: number | undefined;
      let n = 0;
      for (const [y, c] of counts) if (c > n || (c === n && best !== undefined && y < best)) [best, n] = [y, c];
      return best;
    },
  };
}

/**
 * The rules of one register group: every register of the same kind (and unit) in a run shares one
 * lifecycle, so that series continue across volumes and yearly files (issue #4: a gap between
 * volume 1 and volume 2 is a gap). `start` runs before the group's first register, `end` after the
 * whole run; `context.register` is the register whose rows are being read.
 */
class RuleGroup {
  private readonly active: ActiveRule[] = [];
  private readonly groupState = new Map<string, unknown>();
  private current: RegisterInfo;
  private started = false;

  constructor(
    first: RegisterInfo,
    private readonly settings: RunSettings,
    private readonly findings: Finding[],
    private readonly sharedState: Map<string, unknown>,
  ) {
    this.current = first;
  }

  private guard(a: ActiveRule, phase: string, fn: () => void): void {
    if (a.failed) return;
    try {
      fn();
    } catch (err) {
      a.failed = true;
      const severity = configuredSeverity(this.settings.rules, INTERNAL_ERROR);
      if (severity === 'off') return;
      this.findings.push({
        ruleId: INTERNAL_ERROR,
        severity: severity ?? 'error',
        messageId: 'ruleThrew',
        data: { rule: a.resolved.rule.meta.id, phase, error: err instanceof Error ? err.message : String(err) },
        location: { file: this.current.file, ...(this.current.format === 'pdf' ? {} : { sheet: this.current.sheet }) },
      });
    }
  }

  private start(): void {
    this.started = true;
    const group = this;
    for (const resolved of this.settings.rules) {
      const meta = resolved.rule.meta;
      if (!meta.appliesTo.includes(this.current.kind)) continue;
      const report = (d: ReportDescriptor): void => {
        const info = group.current;
        const location: Location = d.location ?? (d.entry ? d.entry.location(d.field) : { file: info.file, ...(info.format === 'pdf' ? {} : { sheet: info.sheet }) });
        const ruleId = meta.id;
        const severity = resolved.severity ?? d.severity ?? meta.defaultSeverity;
        const messageId = d.messageId;
        const data = d.data ?? {};
        const related = d.related && d.related.length > 0 ? d.related : undefined;
        const fix = d.fix ? { field: d.fix.field ?? d.field ?? 'symbol', from: d.fix.from, to: d.fix.to, kind: d.fix.kind } : undefined;
        // Literals of fixed shapes (no spread): one hidden class each, whatever the number of findings.
        if (related && fix) group.findings.push({ ruleId, severity, messageId, data, location, related, fix });
        else if (related) group.findings.push({ ruleId, severity, messageId, data, location, related });
        else if (fix) group.findings.push({ ruleId, severity, messageId, data, location, fix });
        else group.findings.push({ ruleId, severity, messageId, data, location });
      };
      const context: RuleContext<unknown> = {
        options: resolved.options,
        get register() {
          return group.current;
        },
        agency: this.settings.agency,
        config: this.settings.config,
        asOf: this.settings.asOf,
        report,
        shared: <T>(key: string, create: () => T): T => {
          if (!group.sharedState.has(key)) group.sharedState.set(key, create());
          return group.sharedState.get(key) as T;
        },
        group: <T>(key: string, create: () => T): T => {
          if (!group.groupState.has(key)) group.groupState.set(key, create());
          return group.groupState.get(key) as T;
        },
      };
      const a: ActiveRule = { resolved, handlers: {}, failed: false };
      this.guard(a, 'check', () => {
        a.handlers = resolved.rule.check(context);
      });
      this.active.push(a);
    }
    for (const a of this.active) if (a.handlers.start) this.guard(a, 'start', () => a.handlers.start!());
  }

  async run(info: RegisterInfo, entries: AsyncIterable<Iterable<Entry>>, unit: string | undefined, signal: AbortSignal | undefined): Promise<RegisterSummary> {
    this.current = info;
    const collectors = (this.settings.collectors ?? []).filter((c) => c.kinds.includes(info.kind));
    if (!this.started) this.start();
    for (const a of this.active) if (a.handlers.registerStart) this.guard(a, 'registerStart', () => a.handlers.registerStart!(info));
    const rowHandlers = this.active.filter((a) => a.handlers.row);
    const years = yearVote();
    const yearField = info.kind === 'incoming' ? 'arrivalDate' : 'issuedDate';
    let voted = 0;
    const vote =
      // A partial list (a gazette, a danh mục) spans whatever years its selection does: no year of its own.
      info.title.year === undefined && info.partial === undefined
        ? (entry: Entry): void => {
            if (voted++ >= YEAR_VOTES) return;
            const d = entry.day(yearField);
            if (d !== undefined) years.add(yearOf(d));
          }
        : undefined;
    let count = 0;
    for await (const batch of entries) {
      signal?.throwIfAborted();
      const n = this.dispatch(batch, rowHandlers, collectors, unit, vote);
      count += n;
      this.settings.onEntries?.(n);
    }
    for (const a of this.active) if (a.handlers.registerEnd) this.guard(a, 'registerEnd', () => a.handlers.registerEnd!(info));
    return summaryOf(info, count, info.title.year ?? years.result());
  }

  /** Every row handler and collector on each entry of a batch (synchronous: one await per batch). Returns the entries seen. */
  private dispatch(batch: Iterable<Entry>, rowHandlers: readonly ActiveRule[], collectors: readonly EntryCollector[], unit: string | undefined, vote: ((entry: Entry) => void) | undefined): number {
    let n = 0;
    for (const entry of batch) {
      n++;
      vote?.(entry);
      for (const a of rowHandlers) {
        if (a.failed) continue;
        try {
          a.handlers.row!(entry);
        } catch (err) {
          this.guard(a, `row ${entry.row}`, () => {
            throw err;
          });
        }
      }
      for (const c of collectors) c.add(entry, unit);
    }
    return n;
  }

  end(): void {
    for (const a of this.active) if (a.handlers.end) this.guard(a, 'end', () => a.handlers.end!());
  }
}

function summaryOf(info: RegisterInfo, count: number, year: number | undefined): RegisterSummary {
  const columns: Partial<Record<FieldName, string>> = {};
  for (const [field, col] of info.columns) columns[field] = col.letter;
  const unplaced = info.unmappedHeaders.map((h) => ({ column: h.letter, header: h.header }));
  return {
    sheet: info.sheet,
    kind: info.kind,
    entries: count,
    ...(year !== undefined ? { year } : {}),
    headerRow: info.headerRow,
    columns,
    ...(unplaced.length > 0 ? { unplaced } : {}),
    ...(info.partial !== undefined ? { partial: info.partial } : {}),
  };
}

/** The sheet at `index` of a fresh read of the input, detected again (other sheets drained). */
async function reopenSheet(input: InputSource, index: number, settings: RunSettings, format: SourceFormat): Promise<{ info: RegisterInfo; entries: AsyncIterable<Iterable<Entry>> } | undefined> {
  const workbook = await input.open();
  for await (const sheet of workbook.sheets) {
    if (sheet.index !== index) {
      for await (const batch of sheet.rows) void batch;
      continue;
    }
    const detected = await detectSheet(sheet, { ...settings.detect, file: input.path, format });
    return detected.type === 'register' ? detected : undefined;
  }
  return undefined;
}

export interface InputSource {
  /** The path as reported. */
  readonly path: string;
  /** Opens the workbook; may throw InputError (bad input becomes a file-level error). */
  readonly open: () => RawWorkbook | Promise<RawWorkbook>;
  /** Inspector mode: registers of different units never share series. */
  readonly unit?: string;
}

/**
 * Checks every input in order. Registers of the same kind and unit share one rule lifecycle; each
 * file's findings are routed back to it by location. Input problems become file-level errors,
 * never exceptions, and the other files are still checked.
 */
export async function runAll(inputs: readonly InputSource[], settings: RunSettings, signal?: AbortSignal): Promise<FileResult[]> {
  const findings: Finding[] = [];
  const groups = new Map<string, RuleGroup>();
  const shared = new Map<string, unknown>();
  const partial: { path: string; unit?: string; error?: FileError; registers: RegisterSummary[] }[] = [];
  const copies = new CopyIndex();
  const sheetFinding = (ruleId: string, messageId: string, data: Readonly<Record<string, string | number>>, location: Location, fallback: Severity): void => {
    const severity = configuredSeverity(settings.rules, ruleId);
    if (severity !== 'off') findings.push({ ruleId, severity: severity ?? fallback, messageId, data, location });
  };
  for (const input of inputs) {
    signal?.throwIfAborted();
    const result: { path: string; unit?: string; error?: FileError; registers: RegisterSummary[] } = {
      path: input.path,
      ...(input.unit !== undefined ? { unit: input.unit } : {}),
      registers: [],
    };
    partial.push(result);
    try {
      const workbook = await input.open();
      for await (const sheet of workbook.sheets) {
        const detected = await detectSheet(sheet, { ...settings.detect, file: input.path, format: workbook.format });
        if (detected.type === 'skipped') {
          sheetFinding(SHEET_SKIPPED, detected.reason === 'empty' ? 'emptySheet' : workbook.format === 'csv' ? 'noHeaderText' : 'noHeader', { sheet: detected.sheet }, { file: input.path, sheet: detected.sheet }, 'info');
          continue;
        }
        const info = detected.info;
        const where: Location = { file: input.path, ...(workbook.format === 'pdf' ? {} : { sheet: info.sheet }) };
        if (info.kindConflict) {
          const says = info.kindConflict.kind === 'outgoing' ? 'Outgoing' : 'Incoming';
          sheetFinding(KIND_MISMATCH, `${info.kindConflict.source === 'title' ? 'title' : 'columns'}Says${says}`, {}, where, 'warning');
        }
        const key = `${input.unit ?? ''}|${info.kind}`;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = new RuleGroup(info, settings, findings, shared)));
        const { held, head, full, rest, ended } = await readHead(detected.entries);
        const candidates = head.count > 0 ? copies.candidates(key, head.value()) : [];
        if (candidates.length > 0) {
          // Possibly a copy: read the rest without checking it, then compare.
          for (let n = ended ? undefined : await rest.next(); n && !n.done; n = await rest.next()) {
            signal?.throwIfAborted();
            let k = 0;
            for (const e of n.value) {
              full.add(e);
              k++;
            }
            settings.onEntries?.(k);
          }
          const original = candidates.find((c) => c.full === full.value());
          if (original) {
            sheetFinding(DUPLICATE_REGISTER, 'copyOf', { sheet: info.sheet, otherSheet: original.sheet, otherFile: original.file, entries: full.count }, where, 'info');
            result.registers.push({ ...summaryOf(info, full.count, undefined), copyOf: { file: original.file, sheet: original.sheet } });
            continue;
          }
          // Same head, different book: read the sheet again and check it.
          const again = await reopenSheet(input, info.sheetIndex, settings, workbook.format);
          if (!again) continue;
          const fp = new Fingerprint();
          result.registers.push(await group.run(again.info, replay([], again.entries[Symbol.asyncIterator](), false, fp), input.unit, signal));
          copies.add(key, { file: input.path, sheet: info.sheet, head: head.value(), full: fp.value(), entries: fp.count });
          continue;
        }
        const seen: SeenRegister = { file: input.path, sheet: info.sheet, head: head.value(), entries: 0 };
        result.registers.push(await group.run(info, replay(held, rest, ended, full), input.unit, signal));
        seen.full = full.value();
        seen.entries = full.count;
        copies.add(key, seen);
      }
      for (const notice of workbook.notices ?? []) {
        if (notice.code === 'legacy-encoding') {
          sheetFinding(LEGACY_ENCODING, 'converted', { sheet: notice.sheet, encoding: notice.encoding, sample: notice.sample, converted: notice.converted }, { file: input.path, sheet: notice.sheet }, 'info');
        } else {
          sheetFinding(RENAMED_FILE, 'renamed', { actual: notice.actual, extension: notice.extension }, { file: input.path }, 'info');
        }
      }
      if (result.registers.length === 0) result.error = { code: 'not-a-register', data: {} };
    } catch (err) {
      // Stopping is the caller's wish, not the file's fault.
      signal?.throwIfAborted();
      result.error = err instanceof InputError ? { code: err.code, data: err.data } : { code: 'internal', data: { error: err instanceof Error ? err.message : String(err) } };
    }
  }
  for (const group of groups.values()) group.end();
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) {
    let list = byFile.get(f.location.file);
    if (!list) byFile.set(f.location.file, (list = []));
    list.push(f);
  }
  return partial.map((p) => ({ ...p, findings: postProcess(byFile.get(p.path) ?? []) }));
}
