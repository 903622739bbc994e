// Issued documents against the outgoing register (issue #6, part 3) as a run-scope check
// (src/engine/run-scope.ts). The engine reads the documents (page 1) before any register; their
// symbols go through the symbol rules on an in-memory register; while the registers are read, the
// collector keeps only the outgoing entries a document names; at the end, ./match.ts reconciles the
// two, and each document becomes a file of the report with its own findings.
import { dayNumber, isValidYmd } from '../../../src/core/dates.js';
import type { Finding, Location } from '../../../src/core/types.js';
import type { FileResult, EntryCollector } from '../../../src/engine/run.js';
import type { RunCheck, RunCheckContext } from '../../../src/engine/run-scope.js';
import type { IssuedDocument } from '../../../src/ingest/pdf-document.js';
import type { Entry } from '../../../src/register/model.js';
import { DOC_TYPES } from '../../data/doc-types.js';
import { withSplitNumber } from '../symbol/common.js';
import { leadingType, reconcile, documentKey, type DocumentSummary, type RegisteredSummary } from './match.js';

/** Type names of Phụ lục III and the QPPL forms, without their qualifiers ("Quyết định (cá biệt)" → "Quyết định"). */
const TYPE_NAMES: readonly string[] = [
  ...new Set(
    DOC_TYPES.flatMap((t) => t.name.split(' / ')).map((n) => n.replace(/\s*\([^)]*\)/g, '').trim()).filter((n) => n !== ''),
  ),
];

const sentenceCase = (s: string): string => {
  const lower = s.toLowerCase().replace(/\s+/g, ' ').trim();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
};

function summarize(path: string, doc: IssuedDocument): DocumentSummary {
  const at = (line: number): Location => ({ file: path, page: 1, line });
  const symbol = doc.symbol?.text;
  const d = doc.placeDate?.date;
  const day = d && isValidYmd(d.year, d.month, d.day) ? dayNumber(d.year, d.month, d.day) : undefined;
  let type: string | undefined;
  let typeLocation: Location | undefined;
  if (doc.title) {
    type = leadingType(doc.title.text, TYPE_NAMES) ?? sentenceCase(doc.title.text);
    typeLocation = { ...at(doc.title.line), field: 'type', value: doc.title.text };
  } else if (doc.subject && /^V\/v\b/i.test(doc.subject.text)) {
    type = 'Công văn';
    typeLocation = { ...at(doc.subject.line), field: 'subject', value: doc.subject.text };
  }
  return {
    file: path,
    ...(symbol ? { symbol } : {}),
    symbolLocation: doc.symbol ? { ...at(doc.symbol.line), field: 'symbol', value: doc.symbol.text } : { file: path, page: 1 },
    ...(day !== undefined ? { day } : {}),
    ...(doc.placeDate ? { dateText: doc.placeDate.text, dateLocation: { ...at(doc.placeDate.line), field: 'issuedDate', value: doc.placeDate.text } } : {}),
    ...(type ? { type } : {}),
    ...(typeLocation ? { typeLocation } : {}),
  };
}

/** The register's type of an entry: its type column, else the start of "Tên loại và trích yếu". */
function entryType(entry: Entry): { type?: string; field: 'type' | 'typeAndSubject' } {
  if (entry.has('type') && !entry.isEmpty('type')) {
    const text = entry.text('type');
    return { type: leadingType(text, TYPE_NAMES) ?? text, field: 'type' };
  }
  const type = leadingType(entry.typeAndSubject(), TYPE_NAMES);
  return { ...(type ? { type } : {}), field: 'typeAndSubject' };
}

/** The symbol rules (with the user's severities and options) on the documents' symbols, by document. */
async function symbolFindings(docs: readonly { path: string; summary: DocumentSummary }[], context: RunCheckContext): Promise<Map<string, Finding[]>> {
  const out = new Map<string, Finding[]>();
  const withSymbol = docs.filter((d) => d.summary.symbol);
  if (withSymbol.length === 0) return out;
  const entries = withSymbol.map((d) => ({
    symbol: d.summary.symbol!,
    issuedDate: d.summary.dateText ?? '',
    typeAndSubject: d.summary.type ?? 'Văn bản',
  }));
  const result = await context.checkRegister({ kind: 'outgoing', entries, file: 'documents' }, (_id, category) => category === 'symbol');
  for (const f of result.findings) {
    // memoryWorkbook puts the header on row 1 and entry i on row i + 2.
    const doc = f.location.row !== undefined ? withSymbol[f.location.row - 2] : undefined;
    if (!doc) continue;
    const list = out.get(doc.path) ?? [];
    list.push({ ...f, location: doc.summary.symbolLocation });
    out.set(doc.path, list);
  }
  return out;
}

export const documentsCheck: RunCheck = {
  id: 'documents',
  when: 'documents',
  async start(context) {
    const read = context.documents;
    const summaries = read.filter((r) => r.doc).map((r) => ({ path: r.path, summary: summarize(r.path, r.doc!) }));
    const symbols = await symbolFindings(summaries, context);
    const wanted = new Set(summaries.flatMap((s) => (s.summary.symbol ? [documentKey(s.summary.symbol)] : [])));
    const registered = new Map<string, RegisteredSummary[]>();
    let registerRead = false;
    const collector: EntryCollector = {
      kinds: ['outgoing'],
      add(entry) {
        registerRead = true;
        const cell = entry.original('symbol');
        if (cell.trim() === '') return;
        // Split layouts: the number is in `Số vào sổ`, the rest in `Ký hiệu`.
        const symbol = withSplitNumber(entry, cell);
        const key = documentKey(symbol);
        if (!wanted.has(key)) return;
        const { type, field } = entryType(entry);
        const day = entry.day('issuedDate');
        const list = registered.get(key) ?? [];
        list.push({
          symbol,
          ...(day !== undefined ? { day } : {}),
          dateText: entry.original('issuedDate'),
          ...(type ? { type } : {}),
          symbolLocation: entry.location('symbol'),
          dateLocation: entry.location('issuedDate'),
          typeLocation: entry.location(field),
        });
        registered.set(key, list);
      },
    };
    return {
      // The wanted symbols and what was registered live here: every group runs in this thread.
      local: true,
      group: () => ({ collectors: [collector], data: () => undefined }),
      finish() {
        const findings = reconcile(
          summaries.map((s) => s.summary),
          (key) => registered.get(key) ?? [],
          { registerRead, severity: (id, fallback) => context.severity(id, fallback) },
        );
        const docFiles = new Set(read.map((r) => r.path));
        const toDocuments: Finding[] = [];
        const toRegisters: Finding[] = [];
        for (const f of findings) (docFiles.has(f.location.file) ? toDocuments : toRegisters).push(f);
        const files: FileResult[] = read.map((r) =>
          r.error
            ? { path: r.path, error: { code: r.error.code as NonNullable<FileResult['error']>['code'], data: r.error.data }, registers: [], findings: [] }
            : { path: r.path, registers: [], findings: [...(symbols.get(r.path) ?? []), ...toDocuments.filter((f) => f.location.file === r.path)] },
        );
        return { findings: toRegisters, files };
      },
    };
  },
};
