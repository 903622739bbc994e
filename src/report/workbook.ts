// The annotated copy of a register workbook: flagged cells filled by severity and given a note with
// the message, rule id, citation and fix; a first sheet "Kết quả kiểm tra" counting findings by rule
// and listing each with a link to its cell. This module holds the exceljs side of reporting (the only
// place exceljs is imported); it takes bytes and returns bytes, the host writes files. The zip is
// written again by fflate with fixed times, so the same report gives the same bytes.
//
// Traps handled (tech-notes §4): cells read from a file share style objects, so a fresh style object
// is assigned per flagged cell; LibreOffice's date1904="true" is read by exceljs as the 1900 system,
// so dates are shifted back before writing the copy with the 1904 flag it should have.
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { localize, UI } from '../core/messages.js';
import type { Lang, Severity } from '../core/types.js';
import type { Codecs } from '../host/host.js';
import { sniff } from '../ingest/sniff.js';
import type { Report, ReportFile, ReportFinding } from './report.js';
import { unitTable, type UnitSummary } from './units.js';

const FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
const DAYS_1462 = 1462 * 86_400_000;

export const SUMMARY_SHEET: Record<Lang, string> = { vi: 'Kết quả kiểm tra', en: 'Check results' };

const H: Record<string, Record<Lang, string>> = {
  rule: { vi: 'Mã quy tắc', en: 'Rule id' },
  severity: { vi: 'Mức', en: 'Severity' },
  count: { vi: 'Số lượng', en: 'Count' },
  citation: { vi: 'Căn cứ', en: 'Citation' },
  sheet: { vi: 'Trang tính', en: 'Sheet' },
  row: { vi: 'Dòng', en: 'Row' },
  cell: { vi: 'Ô', en: 'Cell' },
  value: { vi: 'Giá trị', en: 'Value' },
  message: { vi: 'Nội dung', en: 'Message' },
  fix: { vi: 'Đề xuất sửa', en: 'Suggested fix' },
  file: { vi: 'Tệp', en: 'File' },
  title: { vi: 'KẾT QUẢ KIỂM TRA SỔ ĐĂNG KÝ VĂN BẢN', en: 'DOCUMENT REGISTER CHECK RESULTS' },
  copy: {
    vi: 'Đây là bản sao để rà soát; tệp gốc không bị thay đổi. Biểu đồ, bảng tổng hợp (pivot) và hình vẽ của tệp gốc không được chép sang bản này.',
    en: 'This is a copy for review; the original file is unchanged. Charts, pivot tables and drawings of the original are not carried into this copy.',
  },
};

/**
 * Register text goes into the workbook as text, never as a formula: exceljs stores strings as
 * strings, and a leading apostrophe-free `=…` string stays inert. Control characters are dropped.
 */
const safe = (s: string): string => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

function noteText(findings: readonly ReportFinding[], lang: Lang): string {
  return findings
    .map((f) => {
      const lines = [`[${localize(UI[f.severity]!, lang)}] ${f.message}`, `${f.ruleId} — ${f.citation}`];
      if (f.fix) lines.push(`${localize(UI['fix']!, lang)}: ${f.fix.to}`);
      return lines.join('\n');
    })
    .join('\n\n');
}

function addSummarySheet(wb: ExcelJS.Workbook, files: readonly ReportFile[], lang: Lang, linkCells: boolean): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(SUMMARY_SHEET[lang]);
  (ws as unknown as { orderNo: number }).orderNo = -1; // first tab
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 10;
  ws.getColumn(4).width = 10;
  ws.getColumn(5).width = 30;
  ws.getColumn(6).width = 70;
  ws.getColumn(7).width = 26;
  ws.addRow([H['title']![lang]]).font = { bold: true, size: 14 };
  ws.addRow([H['copy']![lang]]).font = { italic: true };
  ws.addRow([]);
  const all = files.flatMap((f) => f.findings);
  const counts = new Map<string, { severity: Severity; n: number; citation: string }>();
  for (const f of all) {
    const key = `${f.ruleId}|${f.severity}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { severity: f.severity, n: 1, citation: f.citation });
  }
  const head = ws.addRow([H['rule']![lang], H['severity']![lang], H['count']![lang], '', H['citation']![lang]]);
  head.font = { bold: true };
  for (const [key, c] of [...counts].sort((a, b) => RANK[b[1].severity] - RANK[a[1].severity] || a[0].localeCompare(b[0]))) {
    const row = ws.addRow([key.split('|')[0]!, localize(UI[c.severity]!, lang), c.n, '', c.citation]);
    row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[c.severity] } };
  }
  ws.addRow([]);
  const listHead = ws.addRow([files.length > 1 ? H['file']![lang] : H['sheet']![lang], H['row']![lang], H['cell']![lang], H['severity']![lang], H['rule']![lang], H['message']![lang], H['fix']![lang]]);
  listHead.font = { bold: true };
  for (const file of files) {
    for (const f of file.findings) {
      const l = f.location;
      const where = files.length > 1 ? `${file.path}${l.sheet ? ` [${l.sheet}]` : ''}` : (l.sheet ?? (l.page !== undefined ? `${localize(UI['page']!, lang)} ${l.page}` : ''));
      const address = l.column && l.row !== undefined ? `${l.column}${l.row}` : '';
      const row = ws.addRow([safe(where), l.row ?? '', address, localize(UI[f.severity]!, lang), f.ruleId, safe(f.message), safe(f.fix?.to ?? '')]);
      if (linkCells && address && l.sheet) {
        row.getCell(3).value = { text: address, hyperlink: `#'${l.sheet.replace(/'/g, "''")}'!${address}` };
        row.getCell(3).font = { color: { argb: 'FF0563C1' }, underline: true };
      }
      row.getCell(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[f.severity] } };
      row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  ws.views = [{ state: 'frozen', ySplit: 0 }];
  return ws;
}

function shiftDates(wb: ExcelJS.Workbook, ms: number): void {
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        if (v instanceof Date) cell.value = new Date(v.getTime() + ms);
        else if (v && typeof v === 'object' && 'formula' in v && v.result instanceof Date) {
          cell.value = { ...v, result: new Date(v.result.getTime() + ms) } as ExcelJS.CellFormulaValue;
        }
      });
    });
  });
}

/** A fixed time for every workbook written (docProps): the same report gives the same bytes. */
const FIXED_TIME = new Date(Date.UTC(2000, 0, 1));
/** The zip entries' time: fflate writes local time, so a local date gives the same bytes in every time zone. */
const ZIP_TIME = new Date(2000, 0, 1);

/** exceljs's zip (JSZip stamps every part with the current time) written again with fixed times. */
async function deterministicBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = [data, { mtime: ZIP_TIME }];
  return zipSync(files, { level: 6 });
}

/**
 * The annotated copy of one xlsx input, given the report that checked it and its name there.
 * `codecs` are the host's (to read the date system of the input, as the check did).
 */
export async function annotateWorkbook(bytes: Uint8Array, report: Report, fileName: string, codecs: Pick<Codecs, 'inflateRaw'>): Promise<Uint8Array> {
  const file = report.files.find((f) => f.path === fileName);
  if (!file) throw new RangeError(`annotateWorkbook: no file "${fileName}" in the report`);
  let kind: ReturnType<typeof sniff> | undefined;
  try {
    kind = sniff(bytes, fileName, { inflateRaw: codecs.inflateRaw });
  } catch {
    kind = undefined;
  }
  // Only an xlsx can be copied with its formatting; any other input (xls, ods, HTML, CSV…, or one
  // named .xlsx that is not) gets the results workbook, never a crash.
  if (kind?.format !== 'xlsx') return summaryWorkbook(report, [file]);
  return annotateFile(bytes, file, report.lang, { date1904: kind.date1904 });
}

/** The annotated copy of one xlsx input, for one file of a report. */
export async function annotateFile(bytes: Uint8Array, file: ReportFile, lang: Lang, options: { readonly date1904: boolean }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  // exceljs takes an ArrayBuffer in every build (its Node build also takes a Buffer): a copy of the bytes.
  await wb.xlsx.load(bytes.slice().buffer);
  if (options.date1904 && !wb.properties.date1904) {
    // Read as 1900-based by exceljs ("true" flag): move the dates back to their real days.
    shiftDates(wb, DAYS_1462);
    wb.properties.date1904 = true;
  }
  const byCell = new Map<string, ReportFinding[]>();
  for (const f of file.findings) {
    const l = f.location;
    if (l.sheet === undefined || l.row === undefined) continue;
    const key = `${l.sheet}\u0000${l.column ?? 'A'}${l.row}`;
    let list = byCell.get(key);
    if (!list) byCell.set(key, (list = []));
    list.push(f);
  }
  for (const [key, findings] of byCell) {
    const [sheetName, address] = key.split('\u0000') as [string, string];
    const ws = wb.getWorksheet(sheetName);
    if (!ws) continue;
    const cell = ws.getCell(address);
    const worst = findings.reduce<Severity>((w, f) => (RANK[f.severity] > RANK[w] ? f.severity : w), 'info');
    // A fresh style object per cell: cells read from a file share theirs.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[worst] } } };
    const existing = cell.note;
    const previous = typeof existing === 'string' ? existing : existing?.texts?.map((t) => t.text).join('') ?? '';
    cell.note = safe(previous ? `${previous}\n\n— vanthu-lint —\n${noteText(findings, lang)}` : noteText(findings, lang));
  }
  addSummarySheet(wb, [file], lang, true);
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return deterministicBytes(wb);
}

/** A workbook holding only the summary sheet (PDF inputs; several files at once). */
export async function summaryWorkbook(report: Report, files: readonly ReportFile[] = report.files): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  addSummarySheet(wb, files, report.lang, false);
  return deterministicBytes(wb);
}

/** Inspector mode: a row per unit on the first sheet, then one sheet per unit with its findings. */
export async function unitsWorkbook(report: Report, units: readonly UnitSummary[]): Promise<Uint8Array> {
  const lang = report.lang;
  const wb = new ExcelJS.Workbook();
  const { head, rows } = unitTable(units, lang);
  const ws = wb.addWorksheet(lang === 'vi' ? 'Tổng hợp đơn vị' : 'Units');
  ws.addRow(head).font = { bold: true };
  for (const r of rows) ws.addRow(r.map(safe));
  head.forEach((_, i) => (ws.getColumn(i + 1).width = i === 0 ? 30 : i === head.length - 1 ? 60 : 12));
  const used = new Set<string>();
  for (const u of units) {
    // Sheet names: at most 31 characters, no []:*?/\ and unique.
    let name = (u.unit || '(none)').replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
    for (let k = 2; used.has(name); k++) name = `${name.slice(0, 28)}~${k}`;
    used.add(name);
    const files = report.files.filter((f) => (f.unit ?? '') === u.unit);
    const sheet = addSummarySheet(wb, files, lang, false);
    sheet.name = name;
    (sheet as unknown as { orderNo: number }).orderNo = 100 + used.size; // after the units sheet, in unit order
  }
  return deterministicBytes(wb);
}
