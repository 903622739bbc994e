// Inspector mode: a summary per unit — registers found, findings by category and severity, the gap
// count, the share of late dispatches and late hand-overs, the worst rules — sorted by errors per 100
// entries, worst first. Pure: it reads the report and each file's unit.
import type { Lang, RegisterKind } from '../core/types.js';
import type { Report, ReportFile } from './report.js';

export interface UnitSummary {
  readonly unit: string;
  readonly files: readonly string[];
  readonly fileErrors: number;
  readonly registers: readonly { readonly file: string; readonly sheet: string; readonly kind: RegisterKind; readonly year?: number; readonly entries: number }[];
  readonly entries: { readonly outgoing: number; readonly incoming: number };
  readonly bySeverity: { readonly error: number; readonly warning: number; readonly info: number };
  readonly byCategory: Readonly<Record<string, { error: number; warning: number; info: number }>>;
  /** Numbers missing from the series (sum over gap findings). */
  readonly missingNumbers: number;
  /** Late dispatches per outgoing entry, late hand-overs per incoming entry (0–1). */
  readonly lateDispatchShare: number;
  readonly lateHandoverShare: number;
  readonly errorsPer100: number;
  /** The rules with the most error/warning findings, most first (at most 3). */
  readonly worstRules: readonly { readonly ruleId: string; readonly count: number }[];
}

const LATE_DISPATCH = /^timeliness\/dispatch-(late|urgent|missing)$/;
const LATE_HANDOVER = /^timeliness\/handover-(late|urgent)$/;

export function summarizeUnits(report: Report, unitOf: (file: ReportFile) => string): UnitSummary[] {
  const groups = new Map<string, ReportFile[]>();
  for (const f of report.files) {
    const u = unitOf(f);
    let list = groups.get(u);
    if (!list) groups.set(u, (list = []));
    list.push(f);
  }
  const out: UnitSummary[] = [];
  for (const [unit, files] of groups) {
    const bySeverity = { error: 0, warning: 0, info: 0 };
    const byCategory: Record<string, { error: number; warning: number; info: number }> = {};
    const perRule = new Map<string, number>();
    let missing = 0;
    let lateDispatch = 0;
    let lateHandover = 0;
    const entries = { outgoing: 0, incoming: 0 };
    for (const f of files) {
      for (const r of f.registers) entries[r.kind] += r.entries;
      for (const x of f.findings) {
        bySeverity[x.severity]++;
        (byCategory[x.category] ??= { error: 0, warning: 0, info: 0 })[x.severity]++;
        if (x.severity !== 'info') perRule.set(x.ruleId, (perRule.get(x.ruleId) ?? 0) + 1);
        if (x.ruleId === 'numbering/gap' && x.severity !== 'info') missing += Number(x.data['missing'] ?? 1);
        if (LATE_DISPATCH.test(x.ruleId) && x.severity === 'error') lateDispatch++;
        if (LATE_HANDOVER.test(x.ruleId) && x.severity === 'error') lateHandover++;
      }
    }
    const total = entries.outgoing + entries.incoming;
    out.push({
      unit,
      files: files.map((f) => f.path),
      fileErrors: files.filter((f) => f.error).length,
      registers: files.flatMap((f) => f.registers.map((r) => ({ file: f.path, sheet: r.sheet, kind: r.kind, ...(r.year !== undefined ? { year: r.year } : {}), entries: r.entries }))),
      entries,
      bySeverity,
      byCategory,
      missingNumbers: missing,
      lateDispatchShare: entries.outgoing ? lateDispatch / entries.outgoing : 0,
      lateHandoverShare: entries.incoming ? lateHandover / entries.incoming : 0,
      errorsPer100: total ? (bySeverity.error * 100) / total : bySeverity.error > 0 ? Infinity : 0,
      worstRules: [...perRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3).map(([ruleId, count]) => ({ ruleId, count })),
    });
  }
  // Worst first by errors per 100 entries; ties by warnings, then name.
  return out.sort((a, b) => b.errorsPer100 - a.errorsPer100 || b.bySeverity.warning - a.bySeverity.warning || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** Column headers and cell texts of the unit table, shared by the stylish, HTML and xlsx outputs. */
export function unitTable(units: readonly UnitSummary[], lang: Lang): { head: string[]; rows: string[][] } {
  const vi = lang === 'vi';
  const head = vi
    ? ['Đơn vị', 'Sổ', 'VB đi', 'VB đến', 'Lỗi', 'Cảnh báo', 'Lỗi/100 VB', 'Số bị thiếu', 'Chuyển đi muộn', 'Chuyển giao muộn', 'Quy tắc vi phạm nhiều nhất']
    : ['Unit', 'Registers', 'Outgoing', 'Incoming', 'Errors', 'Warnings', 'Errors/100', 'Missing numbers', 'Late dispatch', 'Late hand-over', 'Worst rules'];
  const rows = units.map((u) => [
    u.unit || (vi ? '(không rõ)' : '(none)'),
    `${u.registers.length}${u.fileErrors ? ` (+${u.fileErrors} ${vi ? 'tệp lỗi' : 'unreadable'})` : ''}`,
    String(u.entries.outgoing),
    String(u.entries.incoming),
    String(u.bySeverity.error),
    String(u.bySeverity.warning),
    Number.isFinite(u.errorsPer100) ? u.errorsPer100.toFixed(1) : '–',
    String(u.missingNumbers),
    pct(u.lateDispatchShare),
    pct(u.lateHandoverShare),
    u.worstRules.map((r) => `${r.ruleId} (${r.count})`).join(', '),
  ]);
  return { head, rows };
}
