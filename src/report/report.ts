// The report: the versioned JSON contract (README "JSON report") built from the run's results.
// Messages are rendered here, late, in the chosen language (STYLE habit 5). Pure and browser-safe.
import { INPUT_ERROR_MESSAGES, localize } from '../core/messages.js';
import type { Citation, FieldName, Fix, Lang, Location, RegisterKind, Severity } from '../core/types.js';
import { FIELD_LABEL } from '../../rules/index.js';
import type { FileResult, RegisterSummary } from '../engine/run.js';
import type { AnyRule, RuleMeta } from '../engine/rule.js';
import type { UnitSummary } from './units.js';

export const REPORT_VERSION = 1;

export interface ReportFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly category: string;
  readonly messageId: string;
  readonly message: string;
  readonly data: Readonly<Record<string, string | number>>;
  readonly location: Location;
  readonly related?: readonly Location[];
  readonly citation: string;
  readonly fix?: Fix;
}

export interface ReportFile {
  readonly path: string;
  /** Inspector mode (batch by unit): the unit the file belongs to. */
  readonly unit?: string;
  readonly error?: { readonly code: string; readonly message: string };
  readonly registers: readonly RegisterSummary[];
  readonly findings: readonly ReportFinding[];
}

export interface Report {
  readonly version: typeof REPORT_VERSION;
  readonly tool: { readonly name: 'vanthu-lint'; readonly version: string };
  readonly lang: Lang;
  readonly files: readonly ReportFile[];
  /** Inspector mode (--by-unit): the summary per unit, worst first. */
  readonly units?: readonly UnitSummary[];
  readonly summary: {
    readonly files: number;
    readonly fileErrors: number;
    readonly registers: number;
    readonly entries: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
  };
}

export function formatCitation(c: Citation): string {
  return `${c.instrument}, ${c.article}`;
}

export function buildReport(results: readonly FileResult[], rules: readonly AnyRule[], lang: Lang, toolVersion: string): Report {
  const metas = new Map<string, RuleMeta<unknown>>(rules.map((r) => [r.meta.id, r.meta]));
  // One citation string per rule, shared by its findings.
  const citations = new Map<string, string>(rules.map((r) => [r.meta.id, formatCitation(r.meta.citation)]));
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  let registers = 0;
  let entries = 0;
  let fileErrors = 0;
  const files = results.map((file): ReportFile => {
    const findings = file.findings.map((f): ReportFinding => {
      const meta = metas.get(f.ruleId);
      const template = meta?.messages[f.messageId];
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
      // Literals of four fixed shapes (no spread): one hidden class each for a hundred thousand findings.
      const ruleId = f.ruleId;
      const severity = f.severity;
      const category = meta?.category ?? 'input';
      const messageId = f.messageId;
      const message = template ? localize(template, lang, f.data) : f.messageId;
      const data = f.data;
      const location = f.location;
      const citation = citations.get(f.ruleId) ?? '';
      const related = f.related;
      const fix = f.fix;
      if (related && fix) return { ruleId, severity, category, messageId, message, data, location, related, citation, fix };
      if (related) return { ruleId, severity, category, messageId, message, data, location, related, citation };
      if (fix) return { ruleId, severity, category, messageId, message, data, location, citation, fix };
      return { ruleId, severity, category, messageId, message, data, location, citation };
    });
    registers += file.registers.length;
    for (const r of file.registers) entries += r.entries;
    if (file.error) fileErrors++;
    const error = file.error
      ? { code: file.error.code, message: localize(INPUT_ERROR_MESSAGES[file.error.code] ?? INPUT_ERROR_MESSAGES['internal']!, lang, file.error.data) }
      : undefined;
    return { path: file.path, ...(file.unit !== undefined ? { unit: file.unit } : {}), ...(error ? { error } : {}), registers: file.registers, findings };
  });
  return {
    version: REPORT_VERSION,
    tool: { name: 'vanthu-lint', version: toolVersion },
    lang,
    files,
    summary: { files: files.length, fileErrors, registers, entries, errors, warnings, infos },
  };
}

/** The kind as the register line names it; a partial list (a gazette, a danh mục) says so. */
export function kindLabel(kind: RegisterKind, lang: Lang, partial = false): string {
  const base = kind === 'outgoing' ? (lang === 'vi' ? 'văn bản đi' : 'outgoing') : lang === 'vi' ? 'văn bản đến' : 'incoming';
  return partial ? `${base} (${lang === 'vi' ? 'danh mục, một phần văn bản' : 'a list of selected documents'})` : base;
}

/** Column letters in sheet order (A … Z, AA …). */
const letterRank = (l: string): number => [...l].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/**
 * A register's column mapping on one line: each placed column with its field's form label, each
 * header cell nothing could place as `? "header"` (`A STT · B Số, ký hiệu văn bản · H ? "Ngày VB"`).
 */
export function columnMap(reg: RegisterSummary, lang: Lang): string {
  const cells: { rank: number; text: string }[] = [];
  for (const [field, letter] of Object.entries(reg.columns) as [FieldName, string][]) {
    cells.push({ rank: letterRank(letter), text: `${letter} ${FIELD_LABEL[field]?.[lang] ?? field}` });
  }
  for (const u of reg.unplaced ?? []) cells.push({ rank: letterRank(u.column), text: `${u.column} ? "${u.header.replace(/\s+/g, ' ')}"` });
  cells.sort((a, b) => a.rank - b.rank);
  return cells.map((c) => c.text).join(' · ');
}
