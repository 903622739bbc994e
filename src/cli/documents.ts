// `check <register> --documents <dir|glob>`: issued documents (PDF, page 1) checked against the
// outgoing register (issue #6, part 3). The documents are read before the register run, so that
// the entry collector keeps only the entries a document names; their symbols go through the symbol
// rules on an in-memory register; after the run, src/engine/documents.ts reconciles the two.
import { readFile } from 'node:fs/promises';
import { dayNumber, isValidYmd } from '../core/dates.js';
import type { Finding, Location, Severity } from '../core/types.js';
import { leadingType, reconcile, symbolKey, type DocumentSummary, type RegisteredSummary } from '../engine/documents.js';
import { memoryWorkbook } from '../engine/memory.js';
import { postProcess } from '../engine/postprocess.js';
import { runAll, type EntryCollector, type FileResult, type RunSettings } from '../engine/run.js';
import { readDocument, type IssuedDocument } from '../ingest/pdf-document.js';
import { InputError } from '../ingest/types.js';
import type { Entry } from '../register/model.js';
import { DOC_TYPES } from '../../rules/data/doc-types.js';
import { withSplitNumber } from '../../rules/nd30/symbol/common.js';
import { expandInputs } from './files.js';
import { UsageError } from './shared.js';

export interface DocumentCheck {
  /** Give it to runAll (RunSettings.collectors): it keeps the outgoing entries the documents name. */
  readonly collector: EntryCollector;
  /** After the run: the register results with mismatches added, then one result per document. */
  finish(results: readonly FileResult[]): FileResult[];
}

/** Type names of Phụ lục III and the QPPL forms, without their qualifiers ("Quyết định (cá biệt)" → "Quyết định"). */
const TYPE_NAMES: readonly string[] = [
  ...new Set(
    DOC_TYPES.flatMap((t) => t.name.split(' / ')).map((n) => n.replace(/\s*\([^)]*\)/g, '').trim()).filter((n) => n !== ''),
  ),
];

interface ReadDocument {
  readonly path: string;
  readonly doc?: IssuedDocument;
  readonly error?: InputError;
}

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

/** Runs the symbol rules (with the user's severities and options) on the documents' symbols. */
async function symbolFindings(docs: readonly { path: string; summary: DocumentSummary }[], settings: RunSettings): Promise<Map<string, Finding[]>> {
  const out = new Map<string, Finding[]>();
  const withSymbol = docs.filter((d) => d.summary.symbol);
  if (withSymbol.length === 0) return out;
  const entries = withSymbol.map((d) => ({
    symbol: d.summary.symbol!,
    issuedDate: d.summary.dateText ?? '',
    typeAndSubject: d.summary.type ?? 'Văn bản',
  }));
  const rules = settings.rules.filter((r) => r.rule.meta.category === 'symbol');
  const [result] = await runAll([{ path: 'documents', open: () => memoryWorkbook({ kind: 'outgoing', entries }) }], { ...settings, rules, collectors: [] });
  for (const f of result?.findings ?? []) {
    // memoryWorkbook puts the header on row 1 and entry i on row i + 2.
    const doc = f.location.row !== undefined ? withSymbol[f.location.row - 2] : undefined;
    if (!doc) continue;
    const list = out.get(doc.path) ?? [];
    list.push({ ...f, location: doc.summary.symbolLocation });
    out.set(doc.path, list);
  }
  return out;
}

export async function prepareDocuments(spec: string, cwd: string, settings: RunSettings): Promise<DocumentCheck> {
  const files = (await expandInputs([spec], cwd)).filter((f) => f.missing || /\.pdf$/i.test(f.path) || f.path === spec);
  if (files.length === 0 || files.every((f) => f.missing)) throw new UsageError(`--documents: no PDF files in "${spec}"`);
  const read: ReadDocument[] = [];
  for (const f of files) {
    try {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(f.absolute);
      } catch {
        throw new InputError('not-found', f.absolute);
      }
      read.push({ path: f.path, doc: await readDocument(bytes, f.path) });
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      read.push({ path: f.path, error: err });
    }
  }
  const summaries = read.filter((r) => r.doc).map((r) => ({ path: r.path, summary: summarize(r.path, r.doc!) }));
  const symbols = await symbolFindings(summaries, settings);
  const wanted = new Set(summaries.flatMap((s) => (s.summary.symbol ? [symbolKey(s.summary.symbol)] : [])));
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
      const key = symbolKey(symbol);
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

  const severity = (ruleId: string, fallback: Severity): Severity | undefined => {
    const resolved = settings.rules.find((r) => r.rule.meta.id === ruleId);
    return resolved ? (resolved.severity ?? fallback) : undefined;
  };

  return {
    collector,
    finish(results) {
      const findings = reconcile(
        summaries.map((s) => s.summary),
        (key) => registered.get(key) ?? [],
        { registerRead, severity },
      );
      const byFile = new Map<string, Finding[]>();
      for (const f of findings) byFile.set(f.location.file, [...(byFile.get(f.location.file) ?? []), f]);
      const registers = results.map((r) => {
        const more = byFile.get(r.path);
        return more ? { ...r, findings: postProcess([...r.findings, ...more]) } : r;
      });
      const documents: FileResult[] = read.map((r) =>
        r.error
          ? { path: r.path, error: { code: r.error.code, data: r.error.data }, registers: [], findings: [] }
          : { path: r.path, registers: [], findings: postProcess([...(symbols.get(r.path) ?? []), ...(byFile.get(r.path) ?? [])]) },
      );
      return [...registers, ...documents];
    },
  };
}
