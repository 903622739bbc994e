// The runner: detects the registers of one workbook and runs the rule lifecycle over each, streaming.
// The engine guards the rules: a rule that throws becomes one internal-error finding (STYLE habit 8).
import type { DayNumber } from '../core/dates.js';
import type { FieldName, Finding, Location, RegisterKind, Severity } from '../core/types.js';
import type { ResolvedRule } from '../config/resolve.js';
import type { AgencyConfig } from '../config/schema.js';
import { InputError, type InputErrorCode, type RawWorkbook } from '../ingest/types.js';
import { detectSheet, type DetectOptions } from '../register/detect.js';
import type { RegisterInfo } from '../register/model.js';
import type { ReportDescriptor, RuleContext, RuleHandlers } from './rule.js';
import { postProcess } from './postprocess.js';

export const INTERNAL_ERROR = 'internal-error';
export const SHEET_SKIPPED = 'register/sheet-skipped';

export interface RegisterSummary {
  readonly sheet: string;
  readonly kind: RegisterKind;
  readonly entries: number;
  readonly year?: number;
  readonly headerRow: number;
  readonly columns: Readonly<Partial<Record<FieldName, string>>>;
}

export interface FileError {
  readonly code: InputErrorCode | 'internal';
  readonly data: Readonly<Record<string, string | number>>;
}

export interface FileResult {
  readonly path: string;
  readonly error?: FileError;
  readonly registers: readonly RegisterSummary[];
  readonly findings: readonly Finding[];
}

export interface RunSettings {
  readonly rules: readonly ResolvedRule[];
  readonly agency: AgencyConfig;
  readonly asOf: DayNumber;
  readonly detect: Omit<DetectOptions, 'file' | 'format'>;
}

interface ActiveRule {
  readonly resolved: ResolvedRule;
  readonly handlers: RuleHandlers;
  failed: boolean;
}

function configuredSeverity(rules: readonly ResolvedRule[], id: string): Severity | undefined | 'off' {
  const r = rules.find((x) => x.rule.meta.id === id);
  if (!r) return 'off';
  return r.severity;
}

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

async function runRegister(info: RegisterInfo, entries: AsyncIterable<import('../register/model.js').Entry>, settings: RunSettings, findings: Finding[]): Promise<RegisterSummary> {
  const active: ActiveRule[] = [];
  const makeReporter = (resolved: ResolvedRule) => (d: ReportDescriptor): void => {
    const location: Location = d.location ?? (d.entry ? d.entry.location(d.field) : { file: info.file, sheet: info.sheet });
    const finding: Finding = {
      ruleId: resolved.rule.meta.id,
      severity: resolved.severity ?? d.severity ?? resolved.rule.meta.defaultSeverity,
      messageId: d.messageId,
      data: d.data ?? {},
      location,
      ...(d.related && d.related.length > 0 ? { related: d.related } : {}),
      ...(d.fix ? { fix: { field: d.fix.field ?? d.field ?? 'symbol', from: d.fix.from, to: d.fix.to, kind: d.fix.kind } } : {}),
    };
    findings.push(finding);
  };
  const guard = (a: ActiveRule, phase: string, fn: () => void): void => {
    if (a.failed) return;
    try {
      fn();
    } catch (err) {
      a.failed = true;
      const severity = configuredSeverity(settings.rules, INTERNAL_ERROR);
      if (severity === 'off') return;
      findings.push({
        ruleId: INTERNAL_ERROR,
        severity: severity ?? 'error',
        messageId: 'ruleThrew',
        data: { rule: a.resolved.rule.meta.id, phase, error: err instanceof Error ? err.message : String(err) },
        location: { file: info.file, sheet: info.sheet },
      });
    }
  };
  for (const resolved of settings.rules) {
    const meta = resolved.rule.meta;
    if (!meta.appliesTo.includes(info.kind)) continue;
    const context: RuleContext<unknown> = {
      options: resolved.options,
      register: info,
      agency: settings.agency,
      asOf: settings.asOf,
      report: makeReporter(resolved),
    };
    const a: ActiveRule = { resolved, handlers: {}, failed: false };
    guard(a, 'check', () => {
      (a as { handlers: RuleHandlers }).handlers = resolved.rule.check(context);
    });
    active.push(a);
  }
  for (const a of active) if (a.handlers.start) guard(a, 'start', () => a.handlers.start!());
  const rowHandlers = active.filter((a) => a.handlers.row);
  let count = 0;
  const years = yearVote();
  for await (const entry of entries) {
    count++;
    if (count <= 200 && info.title.year === undefined) {
      const d = entry.day(info.kind === 'incoming' ? 'arrivalDate' : 'issuedDate');
      if (d !== undefined) years.add(new Date(d * 86_400_000).getUTCFullYear());
    }
    for (const a of rowHandlers) {
      if (a.failed) continue;
      try {
        a.handlers.row!(entry);
      } catch (err) {
        guard(a, `row ${entry.row}`, () => {
          throw err;
        });
      }
    }
  }
  for (const a of active) if (a.handlers.end) guard(a, 'end', () => a.handlers.end!());
  const year = info.title.year ?? years.result();
  const columns: Partial<Record<FieldName, string>> = {};
  for (const [field, col] of info.columns) columns[field] = col.letter;
  return { sheet: info.sheet, kind: info.kind, entries: count, ...(year !== undefined ? { year } : {}), headerRow: info.headerRow, columns };
}

/** Checks one opened workbook. Input problems become a file-level error, never an exception. */
export async function checkWorkbook(open: () => RawWorkbook, path: string, settings: RunSettings): Promise<FileResult> {
  const findings: Finding[] = [];
  const registers: RegisterSummary[] = [];
  try {
    const workbook = open();
    for await (const sheet of workbook.sheets) {
      const result = await detectSheet(sheet, { ...settings.detect, file: path, format: workbook.format });
      if (result.type === 'skipped') {
        const severity = configuredSeverity(settings.rules, SHEET_SKIPPED);
        if (severity !== 'off') {
          findings.push({
            ruleId: SHEET_SKIPPED,
            severity: severity ?? 'info',
            messageId: result.reason === 'empty' ? 'emptySheet' : 'noHeader',
            data: { sheet: result.sheet },
            location: { file: path, sheet: result.sheet },
          });
        }
        continue;
      }
      registers.push(await runRegister(result.info, result.entries, settings, findings));
    }
  } catch (err) {
    const error: FileError =
      err instanceof InputError ? { code: err.code, data: err.data } : { code: 'internal', data: { error: err instanceof Error ? err.message : String(err) } };
    return { path, error, registers, findings: postProcess(findings) };
  }
  if (registers.length === 0) {
    return { path, error: { code: 'not-a-register', data: {} }, registers, findings: postProcess(findings) };
  }
  return { path, registers, findings: postProcess(findings) };
}
