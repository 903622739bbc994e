// Human output for the terminal: grouped by file and sheet; row, column, value, message, rule id and
// the cited article. Colours only when asked (the CLI decides: TTY and no NO_COLOR).
import { localize, UI } from '../core/messages.js';
import type { Lang } from '../core/types.js';
import { columnMap, kindLabel, type Report, type ReportFinding } from './report.js';
import { unitTable, type UnitSummary } from './units.js';

export interface StylishOptions {
  readonly color: boolean;
  readonly quiet?: boolean;
  readonly units?: readonly UnitSummary[];
}

/** A plain-text table (no colours), columns padded to their widest cell. */
export function textTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const ANSI = { red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1, underline: 4 } as const;

export function formatStylish(report: Report, options: StylishOptions): string {
  const lang: Lang = report.lang;
  const paint = (code: keyof typeof ANSI, s: string): string => (options.color ? `\u001b[${ANSI[code]}m${s}\u001b[0m` : s);
  const t = (id: string, data: Record<string, string | number> = {}): string => localize(UI[id]!, lang, data);
  const sevLabel = (f: ReportFinding): string =>
    f.severity === 'error' ? paint('red', t('error')) : f.severity === 'warning' ? paint('yellow', t('warning')) : paint('cyan', t('info'));
  const out: string[] = [];
  if (options.units) {
    const { head, rows } = unitTable(options.units, lang);
    out.push(paint('bold', lang === 'vi' ? 'TỔNG HỢP THEO ĐƠN VỊ (xếp theo số lỗi trên 100 văn bản)' : 'SUMMARY BY UNIT (sorted by errors per 100 entries)'), textTable(head, rows), '');
  }
  for (const file of report.files) {
    const findings = options.quiet ? file.findings.filter((f) => f.severity === 'error') : file.findings;
    if (!file.error && findings.length === 0 && options.quiet) continue;
    out.push(paint('underline', file.path));
    if (file.error) out.push(`  ${paint('red', t('fileError'))}  ${file.error.message}  ${paint('gray', `[${file.error.code}]`)}`);
    for (const reg of file.registers) {
      const line = t('registerLine', { kind: kindLabel(reg.kind, lang, reg.partial !== undefined), year: reg.year ?? t('unknownYear'), entries: reg.entries, headerRow: reg.headerRow });
      out.push(paint('gray', `  ${reg.sheet ? `[${reg.sheet}] ` : ''}${line}`));
      out.push(paint('gray', `    ${t('columnsLine')}: ${columnMap(reg, lang)}`));
    }
    let lastSheet: string | undefined;
    for (const f of findings) {
      const loc = f.location;
      if (loc.sheet !== undefined && loc.sheet !== lastSheet && file.registers.length + 1 > 1) {
        lastSheet = loc.sheet;
        out.push(`  ${paint('bold', `${t('sheet')} ${loc.sheet || '(csv)'}`)}`);
      }
      const where = [loc.page !== undefined ? `${t('page')} ${loc.page}` : '', loc.row !== undefined ? `${loc.row}` : '', loc.column ?? '']
        .filter(Boolean)
        .join(':');
      out.push(`    ${where.padEnd(8)} ${sevLabel(f).padEnd(options.color ? 18 : 9)} ${f.message}  ${paint('gray', f.ruleId)}`);
      const details: string[] = [];
      if (loc.value !== undefined && loc.value !== '') details.push(`"${loc.value.replace(/\n/g, '↵')}"`);
      if (f.fix) details.push(`${t('fix')}: "${f.fix.to}"`);
      if (f.citation) details.push(f.citation);
      out.push(paint('gray', `             ${details.join(' · ')}`));
    }
    out.push('');
  }
  const s = report.summary;
  const summary = t('summary', { files: s.files, errors: s.errors, warnings: s.warnings, infos: s.infos });
  out.push(s.errors > 0 ? paint('red', paint('bold', summary)) : s.warnings > 0 ? paint('yellow', summary) : summary);
  if (s.fileErrors > 0) out.push(paint('red', t('fileErrors', { n: s.fileErrors })));
  return `${out.join('\n')}\n`;
}
