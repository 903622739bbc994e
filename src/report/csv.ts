// The findings of a report as CSV (RFC 4180: CRLF, every field quoted when it holds a comma, quote or
// line break), one row per finding, for a spreadsheet or a mail merge; no cell is read as a formula.
// Pure and browser-safe.
import type { Lang } from '../core/types.js';
import type { Report } from './report.js';

const HEAD: Record<Lang, readonly string[]> = {
  vi: ['Tệp', 'Trang tính', 'Dòng', 'Cột', 'Tiêu đề cột', 'Giá trị', 'Mức', 'Quy tắc', 'Nội dung', 'Sửa thành', 'Căn cứ'],
  en: ['File', 'Sheet', 'Row', 'Column', 'Header', 'Value', 'Severity', 'Rule', 'Message', 'Fix', 'Citation'],
};

const SEVERITY: Record<Lang, Record<string, string>> = {
  vi: { error: 'lỗi', warning: 'cảnh báo', info: 'lưu ý' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

/**
 * One field. Text opening with `= + - @`, a tab or a carriage return is a formula to a spreadsheet
 * (a register cell is whatever somebody typed): it is written after a `'`, which shows as text.
 */
function field(v: string | number | undefined): string {
  const raw = v === undefined ? '' : String(v);
  const s = typeof v === 'string' && /^[=+\-@\t\r]/u.test(raw) ? `'${raw}` : raw;
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/gu, '""')}"` : s;
}

export function findingsCsv(report: Report, lang: Lang): string {
  const lines = [HEAD[lang].map(field).join(',')];
  for (const file of report.files) {
    for (const f of file.findings) {
      const l = f.location;
      lines.push([file.path, l.sheet, l.row, l.column, l.header, l.value, SEVERITY[lang][f.severity], f.ruleId, f.message, f.fix?.to, f.citation].map(field).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
