// Cross-unit reconciliation: the outgoing registers of senders against the incoming registers of
// receivers in one inspection batch. Collectors keep a small record per entry (symbol key, dates,
// the recipients or author text, the location); `reconcile` matches them and returns findings.
import { yearOf, formatDate, type DayNumber } from '../../../src/core/dates.js';
import type { Finding, Location } from '../../../src/core/types.js';
import type { EntryCollector } from '../../../src/engine/run.js';
import type { UnitDef } from '../../../src/engine/run-scope.js';
import { fold } from '../../../src/register/headers.js';
import { withSplitNumber } from '../symbol/common.js';
import { parseSymbol } from '../symbol/parse.js';
import { notReceived, receivedMismatch, unknownNumber } from './rules.js';

export type { UnitDef } from '../../../src/engine/run-scope.js';

interface SymbolKey {
  /** Comparison key: number value + normalised symbol (07, 7 and 007 compare equal). */
  readonly key: string;
  readonly number?: number;
  /** The part after the number (`QĐ-UBND`), to tell series apart. */
  readonly tail: string;
}

export function symbolKey(raw: string): SymbolKey | undefined {
  const p = parseSymbol(raw);
  if (p.form === 'empty' || p.form === 'unparseable' || !p.number || !Number.isFinite(p.number.value)) return undefined;
  const slash = p.normalized.indexOf('/');
  const dash = p.form === 'party' ? p.normalized.indexOf('-') : -1;
  const cut = dash > 0 && (slash < 0 || dash < slash) ? dash : slash;
  const tail = cut >= 0 ? p.normalized.slice(cut).toUpperCase() : '';
  return { key: `${p.number.value}${p.number.suffix ?? ''}${tail}`, number: p.number.value, tail };
}

interface SentRecord {
  readonly unit: string;
  readonly symbol: string;
  readonly key: SymbolKey;
  readonly date: DayNumber | undefined;
  /** Other units of the batch named in "Nơi nhận". */
  readonly receivers: readonly string[];
  readonly location: Location;
}

interface ReceivedRecord {
  readonly unit: string;
  readonly symbol: string;
  readonly key: SymbolKey | undefined;
  readonly date: DayNumber | undefined;
  readonly arrival: DayNumber | undefined;
  /** The unit of the batch named as author. */
  readonly sender: string;
  readonly location: Location;
}

/** Finds unit names and aliases in free text (accent- and case-insensitive, whole words, longest first). */
export function unitMatcher(units: readonly UnitDef[]): (text: string) => string[] {
  const names: { unit: string; padded: string; length: number }[] = [];
  for (const u of units) {
    for (const n of [u.name, ...(u.aliases ?? [])]) {
      const key = fold(n).replace(/\s+/g, ' ').trim();
      if (key) names.push({ unit: u.name, padded: ` ${key} `, length: key.length });
    }
  }
  names.sort((a, b) => b.length - a.length);
  // Recipients and authors repeat from row to row: remember the answer per text (bounded).
  const cache = new Map<string, string[]>();
  return (text) => {
    const hit = cache.get(text);
    if (hit) return hit;
    let t = ` ${fold(text).replace(/[;,.\n\r\t:()\-–]+/g, ' ').replace(/\s+/g, ' ')} `;
    const found: string[] = [];
    for (const n of names) {
      const at = t.indexOf(n.padded);
      if (at < 0) continue;
      if (!found.includes(n.unit)) found.push(n.unit);
      // Remove the match so a shorter name inside it ("xã An Bình" in "xã An Bình Đông") cannot match again.
      t = `${t.slice(0, at)} ${'#'.repeat(n.length)} ${t.slice(at + n.length + 2)}`;
    }
    if (cache.size >= 4096) cache.clear();
    cache.set(text, found);
    return found;
  };
}

/**
 * Gathers, per unit, the entries that concern another unit of the batch: outgoing entries naming one
 * in "Nơi nhận", incoming entries whose author is one. Units are matched as entries arrive, so an
 * entry that names no unit of the batch costs nothing to keep (most of a register).
 */
export class ReconcileCollector {
  readonly sent: SentRecord[] = [];
  readonly received: ReceivedRecord[] = [];
  /** unit → files of its incoming registers and the years they cover; unit → outgoing years. */
  readonly incomingBooks = new Map<string, Map<string, Set<number>>>();
  readonly outgoingYears = new Map<string, Map<string, Set<number>>>();
  private readonly match: (text: string) => string[];

  constructor(units: readonly UnitDef[]) {
    this.match = unitMatcher(units);
  }

  readonly collectors: readonly EntryCollector[] = [
    {
      kinds: ['outgoing'],
      add: (entry, unit) => {
        if (unit === undefined) return;
        const date = entry.day('issuedDate');
        if (date !== undefined) this.note(this.outgoingYears, unit, entry.register.file, yearOf(date));
        const receivers = this.match(entry.text('recipients')).filter((u) => u !== unit);
        if (receivers.length === 0) return;
        // Split layouts: the sender's number is in `Số vào sổ`, the rest in `Ký hiệu`.
        const text = entry.text('symbol');
        const symbol = text ? withSplitNumber(entry, text) : '';
        const key = symbol ? symbolKey(symbol) : undefined;
        if (!key) return;
        this.sent.push({ unit, symbol, key, date, receivers, location: entry.location('symbol') });
      },
    },
    {
      kinds: ['incoming'],
      add: (entry, unit) => {
        if (unit === undefined) return;
        const arrival = entry.day('arrivalDate');
        if (arrival !== undefined) this.note(this.incomingBooks, unit, entry.register.file, yearOf(arrival));
        const sender = this.match(entry.text('author')).find((u) => u !== unit);
        if (sender === undefined) return;
        // A receiver's split book keeps the sender's number in `Số` beside `Số đến` (see splitPrefix).
        const text = entry.text('symbol');
        if (!text) return;
        const symbol = withSplitNumber(entry, text);
        this.received.push({ unit, symbol, key: symbolKey(symbol), date: entry.day('issuedDate'), arrival, sender, location: entry.location('symbol') });
      },
    },
  ];

  private note(map: Map<string, Map<string, Set<number>>>, unit: string, file: string, year: number): void {
    let files = map.get(unit);
    if (!files) map.set(unit, (files = new Map()));
    let years = files.get(file);
    if (!years) files.set(file, (years = new Set()));
    years.add(year);
  }

  /** Merges what another collector (a worker's) gathered. */
  absorb(other: ReconcileData): void {
    // A loop, not push(...): a batch may hold more records than a call can take arguments.
    for (const s of other.sent) this.sent.push(s);
    for (const r of other.received) this.received.push(r);
    for (const [src, dst] of [
      [other.incomingBooks, this.incomingBooks],
      [other.outgoingYears, this.outgoingYears],
    ] as const) {
      for (const [unit, files] of src) for (const [file, years] of files) for (const y of years) this.note(dst, unit, file, y);
    }
  }

  data(): ReconcileData {
    return { sent: this.sent, received: this.received, incomingBooks: this.incomingBooks, outgoingYears: this.outgoingYears };
  }
}

/** Plain data (structured-clonable) of a collector, for worker threads. */
export interface ReconcileData {
  readonly sent: readonly SentRecord[];
  readonly received: readonly ReceivedRecord[];
  readonly incomingBooks: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<number>>>;
  readonly outgoingYears: ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<number>>>;
}

const show = (d: DayNumber | undefined): string => (d === undefined ? '?' : formatDate(d));

/** The reconciliation findings of a batch. Severity is each rule's default unless configured. */
export function reconcile(data: ReconcileData, severityOf: (ruleId: string, fallback: Finding['severity']) => Finding['severity'] | 'off'): Finding[] {
  const findings: Finding[] = [];
  const sentByKey = new Map<string, SentRecord>();
  const sentByNumber = new Map<string, SentRecord>();
  for (const s of data.sent) {
    const k = `${s.unit}|${s.key.key}`;
    if (!sentByKey.has(k)) sentByKey.set(k, s);
    if (s.date !== undefined && s.key.number !== undefined) sentByNumber.set(`${s.unit}|${yearOf(s.date)}|${s.key.number}|${s.date}`, s);
  }
  const receivedKeys = new Set<string>();
  const push = (ruleId: string, fallback: Finding['severity'], f: Omit<Finding, 'ruleId' | 'severity'>): void => {
    const severity = severityOf(ruleId, fallback);
    if (severity !== 'off') findings.push({ ruleId, severity, ...f });
  };
  for (const r of data.received) {
    const sender = r.sender;
    if (!r.key) continue;
    receivedKeys.add(`${sender}|${r.unit}|${r.key.key}`);
    const s = sentByKey.get(`${sender}|${r.key.key}`);
    if (s) {
      if (s.date !== undefined && r.date !== undefined && s.date !== r.date) {
        push(receivedMismatch.meta.id, receivedMismatch.meta.defaultSeverity, {
          messageId: 'date',
          data: { symbol: r.symbol, sender, date: show(r.date), senderDate: show(s.date), senderFile: s.location.file, senderRow: s.location.row ?? '?' },
          location: r.location,
          related: [s.location],
        });
      }
      continue;
    }
    const year = r.date !== undefined ? yearOf(r.date) : r.arrival !== undefined ? yearOf(r.arrival) : undefined;
    const sameNumber = r.date !== undefined && r.key.number !== undefined ? sentByNumber.get(`${sender}|${yearOf(r.date)}|${r.key.number}|${r.date}`) : undefined;
    if (sameNumber) {
      receivedKeys.add(`${sender}|${r.unit}|${sameNumber.key.key}`);
      push(receivedMismatch.meta.id, receivedMismatch.meta.defaultSeverity, {
        messageId: 'symbol',
        data: { symbol: r.symbol, sender, number: r.key.number!, date: show(r.date), senderSymbol: sameNumber.symbol, senderFile: sameNumber.location.file, senderRow: sameNumber.location.row ?? '?' },
        location: r.location,
        related: [sameNumber.location],
      });
      continue;
    }
    const senderBooks = data.outgoingYears.get(sender);
    const book = year !== undefined && senderBooks ? [...senderBooks].find(([, years]) => years.has(year)) : undefined;
    if (book && r.key.number !== undefined) {
      push(unknownNumber.meta.id, unknownNumber.meta.defaultSeverity, {
        messageId: 'unknown',
        data: { symbol: r.symbol, sender, year: year!, number: r.key.number, senderFile: book[0] },
        location: r.location,
      });
    }
  }
  for (const s of data.sent) {
    if (s.date === undefined) continue;
    const year = yearOf(s.date);
    for (const receiver of s.receivers) {
      const books = data.incomingBooks.get(receiver);
      // Only a receiver whose incoming book for that year (or the next: late-December documents
      // arrive in January) is in the batch can be said to lack the document.
      const book = books ? [...books].find(([, years]) => years.has(year) || years.has(year + 1)) : undefined;
      if (!book || receivedKeys.has(`${s.unit}|${receiver}|${s.key.key}`)) continue;
      push(notReceived.meta.id, notReceived.meta.defaultSeverity, {
        messageId: 'missing',
        data: { symbol: s.symbol, date: show(s.date), receiver, receiverFile: book[0] },
        location: s.location,
        related: [{ file: book[0] }],
      });
    }
  }
  return findings;
}
