// The page's Web Worker: the engine itself (the package's public API bound to the browser host), so a
// 100,000-row register never freezes the tab. It answers the requests of src/web/protocol.ts; the page
// stops a run by terminating the worker and starting another. pdfjs and exceljs come as text from the
// page (scripts/build-web.mjs) and run here the first time a PDF is read or a workbook written.
import { bindApi, formatReport, rules as RULES } from '../api.js';
import { formatReportChunks } from '../report/format.js';
import { browserHost } from '../host/browser.js';
import { openWorkbook } from '../ingest/index.js';
import { FIELD_LABEL } from '../../rules/index.js';
import { formatCitation } from '../report/report.js';
import type { Report } from '../report/report.js';
import type { RuleInfo, WorkerReply, WorkerRequest } from './protocol.js';

declare const VANTHU_VERSION: string;

/** The worker's global scope, as far as it is used (typechecked without the DOM library). */
interface WorkerScope {
  onmessage: ((event: { readonly data: WorkerRequest }) => void) | null;
  postMessage(message: WorkerReply, transfer?: ArrayBufferLike[]): void;
  importScripts(...urls: string[]): void;
  __vanthuLibs: Record<string, unknown>;
  __vanthuLib: (name: string) => unknown;
}
const scope = globalThis as unknown as WorkerScope;

/** The libraries' texts, sent by the page once it has them; each runs once, when first asked for. */
let libraryTexts: Readonly<Record<string, string>> = {};
scope.__vanthuLibs = {};
scope.__vanthuLib = (name) => {
  if (!(name in scope.__vanthuLibs)) {
    const text = libraryTexts[name];
    if (text === undefined) throw new Error(`${name} is not in this page`);
    const url = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
    try {
      scope.importScripts(url);
    } finally {
      URL.revokeObjectURL(url);
    }
  }
  return scope.__vanthuLibs[name];
};
const api = bindApi(browserHost);

function ruleInfo(): RuleInfo[] {
  return RULES.map((r) => ({
    id: r.meta.id,
    category: r.meta.category,
    defaultSeverity: r.meta.defaultSeverity,
    description: { vi: r.meta.description.vi, en: r.meta.description.en },
    citation: formatCitation(r.meta.citation),
    fix: r.meta.fix,
    ...(r.meta.examples
      ? {
          examples: {
            failing: { kind: r.meta.examples.failing.kind, entries: r.meta.examples.failing.entries as Record<string, string>[] },
            passing: { kind: r.meta.examples.passing.kind, entries: r.meta.examples.passing.entries as Record<string, string>[] },
          },
        }
      : {}),
  }));
}

/** Phụ lục IV's names of the columns the messages do not name (the page lists every column it placed). */
const MORE_LABELS: Record<string, { vi: string; en: string }> = {
  index: { vi: 'STT', en: 'no.' },
  number: { vi: 'Số', en: 'number' },
  retainedBy: { vi: 'Đơn vị, người nhận bản lưu', en: 'retained by' },
  copies: { vi: 'Số lượng bản', en: 'copies' },
  handler: { vi: 'Đơn vị, người nhận', en: 'handler' },
  receivedSignature: { vi: 'Ký nhận', en: 'signature of receipt' },
  notes: { vi: 'Ghi chú', en: 'notes' },
  urgency: { vi: 'Độ khẩn', en: 'urgency' },
  secrecy: { vi: 'Độ mật', en: 'secrecy' },
  status: { vi: 'Tình trạng', en: 'status' },
};

/** The files of the last check, for a row asked for later. */
let lastFiles: readonly { readonly name: string; readonly bytes: Uint8Array }[] = [];

/** Column letters of a 0-based index (0 → A, 26 → AA). */
function letters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

async function readRow(file: string, sheet: string | undefined, row: number): Promise<{ column: string; value: string }[]> {
  const input = lastFiles.find((f) => f.name === file);
  if (!input) return [];
  const workbook = openWorkbook(input.bytes, input.name, browserHost);
  let found: { column: string; value: string }[] = [];
  for await (const s of workbook.sheets) {
    const wanted = sheet === undefined || s.name === sheet;
    for await (const batch of s.rows) {
      if (!wanted) continue;
      for (const r of batch) {
        if (r.row !== row) continue;
        found = r.values.flatMap((v, i) => (v === null || v === undefined || v === '' ? [] : [{ column: letters(i), value: String(v) }]));
      }
    }
    if (wanted) break;
  }
  return found;
}

const isXlsx = (name: string, bytes: Uint8Array): boolean => /\.xlsx$/i.test(name) && bytes[0] === 0x50 && bytes[1] === 0x4b;

async function handle(msg: WorkerRequest): Promise<void> {
  switch (msg.type) {
    case 'libraries':
      libraryTexts = msg.texts;
      return;
    case 'rules':
      scope.postMessage({ type: 'rules', id: msg.id, rules: ruleInfo(), fields: { ...MORE_LABELS, ...(FIELD_LABEL as Record<string, { vi: string; en: string }>) }, version: VANTHU_VERSION });
      return;
    case 'row':
      scope.postMessage({ type: 'row', id: msg.id, cells: await readRow(msg.file, msg.sheet, msg.row) });
      return;
    case 'check': {
      lastFiles = msg.files;
      let last = 0;
      const report = await api.checkFiles({
        files: msg.files,
        config: msg.config,
        asOf: msg.asOf,
        lang: msg.lang,
        toolVersion: VANTHU_VERSION,
        ...(msg.units ? { units: msg.units } : {}),
        onProgress: (p) => {
          const now = Date.now();
          if (now - last < 100) return;
          last = now;
          scope.postMessage({ type: 'progress', id: msg.id, files: p.files, entries: p.entries, findings: p.findings });
        },
      });
      scope.postMessage({ type: 'checked', id: msg.id, report });
      return;
    }
    case 'format':
      // JSON in pieces (a report with a hundred thousand findings is never one string), as a Blob.
      if (msg.format === 'json') scope.postMessage({ type: 'formatted', id: msg.id, blob: new Blob([...formatReportChunks(msg.report, 'json', { rules: RULES })], { type: 'application/json' }) });
      else scope.postMessage({ type: 'formatted', id: msg.id, blob: new Blob([formatReport(msg.report, msg.format, { rules: RULES })], { type: 'text/html' }) });
      return;
    case 'annotate': {
      const report: Report = msg.report;
      const xlsx = msg.files.filter((f) => isXlsx(f.name, f.bytes) && report.files.some((r) => r.path === f.name && !r.error));
      if (msg.files.length === 1 && xlsx.length === 1) {
        const f = xlsx[0]!;
        const bytes = await api.annotateWorkbook(f.bytes, report, f.name);
        scope.postMessage({ type: 'annotated', id: msg.id, name: `${f.name.replace(/\.xlsx$/i, '')}.kiem-tra.xlsx`, bytes }, [bytes.buffer]);
        return;
      }
      // Several files, or no xlsx among them (CSV, PDF): one workbook with the results of every file.
      const bytes = await api.summaryWorkbook(report);
      scope.postMessage({ type: 'annotated', id: msg.id, name: 'ket-qua-kiem-tra.xlsx', bytes }, [bytes.buffer]);
      return;
    }
  }
}

scope.onmessage = (event) => {
  const msg = event.data;
  handle(msg).catch((err: unknown) => {
    const name = err instanceof Error ? err.name : '';
    const problems = name === 'ConfigError' ? (err as { problems: readonly string[] }).problems : [err instanceof Error ? err.message : String(err)];
    scope.postMessage({ type: 'failed', id: msg.id, kind: name === 'ConfigError' ? 'config' : 'internal', problems });
  });
};
