// Issued documents against the outgoing register (issue #6, part 3), as pure functions: the caller
// reads the documents (src/ingest/pdf-document.ts) and collects small summaries of the register
// entries during the run; this module matches them and says what differs.
// Matching is by number and symbol, the pair that is unique within a year (NĐ 30/2020 Điều 15.1):
// spaces, the Ð look-alike, case and leading zeros do not keep a document from its entry — the
// symbol rules report those defects separately.
import { formatDate, type DayNumber } from '../../../src/core/dates.js';
import type { Finding, Location, Severity } from '../../../src/core/types.js';
import { fold } from '../../../src/register/headers.js';

export const DOCUMENTS_UNREGISTERED = 'documents/unregistered';
export const DOCUMENTS_MISMATCH = 'documents/mismatch';

/** What page 1 of an issued document says, with where it says it. */
export interface DocumentSummary {
  /** The document file as reported. */
  readonly file: string;
  readonly symbol?: string;
  readonly symbolLocation: Location;
  readonly day?: DayNumber;
  /** The date as printed ("ngày 10 tháng 01 năm 2024"). */
  readonly dateText?: string;
  readonly dateLocation?: Location;
  /** Type name ("Quyết định", "Công văn"), when the document shows one. */
  readonly type?: string;
  readonly typeLocation?: Location;
}

/** One register entry, kept only when a document has its symbol. */
export interface RegisteredSummary {
  readonly symbol: string;
  readonly day?: DayNumber;
  readonly dateText: string;
  readonly type?: string;
  readonly symbolLocation: Location;
  readonly dateLocation: Location;
  readonly typeLocation: Location;
}

/** The severity a finding gets (configured, else its default), or undefined when the rule is off. */
export type SeverityOf = (ruleId: string, fallback: Severity) => Severity | undefined;

export interface ReconcileOptions {
  /** Whether any outgoing register was read in the run; without one nothing can be reconciled. */
  readonly registerRead: boolean;
  readonly severity: SeverityOf;
}

const DASHES = /[\u2010-\u2015\u2212]/g;

/** The comparison key of a number and symbol: "05/QĐ - UBND", "5/Qđ-UBND" and "5/QÐ-UBND" are one. */
export function documentKey(symbol: string): string {
  return symbol
    .normalize('NFC')
    .replace(/\u00D0/g, 'Đ')
    .replace(DASHES, '-')
    .replace(/\s+/g, '')
    .toUpperCase()
    .replace(/^0+(?=\d)/, '');
}

const typeKey = (name: string): string => fold(name).replace(/\s+/g, ' ').trim();

export function sameType(a: string, b: string): boolean {
  return typeKey(a) === typeKey(b);
}

/**
 * The type name a text starts with ("Quyết định về việc …" → "Quyết định"), the longest of `names`
 * that matches, ignoring case and accents; "V/v …" alone is a công văn.
 */
export function leadingType(text: string, names: readonly string[]): string | undefined {
  const f = typeKey(text);
  if (f === '') return undefined;
  let best: string | undefined;
  for (const name of names) {
    const k = typeKey(name);
    if (k !== '' && (f === k || f.startsWith(`${k} `) || f.startsWith(`${k},`)) && (!best || k.length > typeKey(best).length)) best = name;
  }
  if (best) return best;
  return /^v\/v\b/.test(f) ? 'Công văn' : undefined;
}

/**
 * Findings for documents not in the register (documents/unregistered) and for entries whose date
 * or type differs from the document (documents/mismatch). When several entries share a symbol,
 * the one that agrees best with the document is compared.
 */
export function reconcile(documents: readonly DocumentSummary[], registered: (key: string) => readonly RegisteredSummary[], options: ReconcileOptions): Finding[] {
  const out: Finding[] = [];
  const push = (ruleId: string, fallback: Severity, finding: Omit<Finding, 'ruleId' | 'severity'>): void => {
    const severity = options.severity(ruleId, fallback);
    if (severity) out.push({ ruleId, severity, ...finding });
  };
  if (documents.length === 0) return out;
  if (!options.registerRead) {
    const first = documents[0]!;
    push(DOCUMENTS_UNREGISTERED, 'warning', { messageId: 'noRegister', data: { documents: documents.length }, location: { file: first.file } });
    return out;
  }
  for (const doc of documents) {
    if (!doc.symbol) {
      push(DOCUMENTS_UNREGISTERED, 'warning', { messageId: 'noSymbol', data: { document: doc.file }, location: doc.symbolLocation });
      continue;
    }
    const entries = registered(documentKey(doc.symbol));
    if (entries.length === 0) {
      push(DOCUMENTS_UNREGISTERED, 'error', { messageId: 'unregistered', data: { symbol: doc.symbol, document: doc.file }, location: doc.symbolLocation });
      continue;
    }
    const dateDiffers = (e: RegisteredSummary): boolean => doc.day !== undefined && e.day !== undefined && doc.day !== e.day;
    const typeDiffers = (e: RegisteredSummary): boolean => doc.type !== undefined && e.type !== undefined && !sameType(doc.type, e.type);
    let best = entries[0]!;
    let bestScore = Infinity;
    for (const e of entries) {
      const score = (dateDiffers(e) ? 1 : 0) + (typeDiffers(e) ? 1 : 0);
      if (score < bestScore) [best, bestScore] = [e, score];
    }
    if (dateDiffers(best)) {
      push(DOCUMENTS_MISMATCH, 'warning', {
        messageId: 'date',
        data: { symbol: doc.symbol, registerDate: formatDate(best.day!), documentDate: formatDate(doc.day!), document: doc.file },
        location: best.dateLocation,
        ...(doc.dateLocation ? { related: [doc.dateLocation] } : {}),
      });
    }
    if (typeDiffers(best)) {
      push(DOCUMENTS_MISMATCH, 'warning', {
        messageId: 'type',
        data: { symbol: doc.symbol, registerType: best.type!, documentType: doc.type!, document: doc.file },
        location: best.typeLocation,
        ...(doc.typeLocation ? { related: [doc.typeLocation] } : {}),
      });
    }
  }
  return out;
}
