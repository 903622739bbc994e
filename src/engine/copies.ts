// The same register met twice in one run — a byte-identical "… - Copy.xlsx", or one book exported as
// both .xlsx and .csv — is checked once: read twice, every document would be a duplicate number of
// itself, and every number both present and missing. Registers are compared by what the rules read
// (number, symbol and the days of the dates, not the cell types), so an xlsx serial date and the
// same day written "14/03/2024" in its CSV export agree.
//
// Work is bounded: a register's first PREFIX entries are held (at most that plus one batch) to
// fingerprint its head; only when an earlier register has the same head is the rest read without
// being checked, and if it then turns out to differ, the caller reads the sheet again.

import type { FieldName } from '../core/types.js';
import type { Entry } from '../register/model.js';

/** Entries fingerprinted before deciding whether a register may be a copy. */
export const PREFIX = 64;

const TEXT_FIELDS: readonly FieldName[] = ['number', 'symbol', 'arrivalNumber'];
const DAY_FIELDS: readonly FieldName[] = ['issuedDate', 'arrivalDate'];

/** Two FNV-1a 32-bit hashes with different offset bases: collisions of both are out of reach here. */
export class Fingerprint {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;
  count = 0;

  add(entry: Entry): void {
    this.count++;
    for (const f of TEXT_FIELDS) this.str(entry.has(f) ? entry.text(f) : '');
    for (const f of DAY_FIELDS) {
      const d = entry.has(f) ? entry.day(f) : undefined;
      this.str(d === undefined ? (entry.has(f) ? entry.text(f) : '') : String(d));
    }
    this.str('\n');
  }

  private str(s: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    // A separator so ("1", "23") and ("12", "3") differ.
    this.a = Math.imul(a ^ 0x1f, 0x01000193);
    this.b = Math.imul(b ^ 0x1f, 0x01000193);
  }

  value(): string {
    return `${this.count}:${(this.a >>> 0).toString(16)}:${(this.b >>> 0).toString(16)}`;
  }
}

export interface SeenRegister {
  readonly file: string;
  readonly sheet: string;
  /** Fingerprint of the first PREFIX entries (or all, when fewer). */
  readonly head: string;
  /** Fingerprint of all entries, set once the register has been read. */
  full?: string;
  entries: number;
}

/**
 * The registers read so far, by unit and kind. A register with no entries is never a copy of
 * anything (two empty templates are not the same book).
 */
export class CopyIndex {
  private readonly byKey = new Map<string, SeenRegister[]>();

  candidates(key: string, head: string): SeenRegister[] {
    return (this.byKey.get(key) ?? []).filter((s) => s.head === head && s.full !== undefined);
  }

  add(key: string, seen: SeenRegister): void {
    let list = this.byKey.get(key);
    if (!list) this.byKey.set(key, (list = []));
    list.push(seen);
  }
}

/**
 * Reads entries until PREFIX are held or the register ends: the batches held (as arrays, each at
 * most one reader batch), the head's fingerprint, and the iterator to go on with.
 */
export async function readHead(
  entries: AsyncIterable<Iterable<Entry>>,
): Promise<{ held: Entry[][]; head: Fingerprint; full: Fingerprint; rest: AsyncIterator<Iterable<Entry>>; ended: boolean }> {
  const rest = entries[Symbol.asyncIterator]();
  const held: Entry[][] = [];
  const head = new Fingerprint();
  const full = new Fingerprint();
  let ended = false;
  while (head.count < PREFIX) {
    const n = await rest.next();
    if (n.done) {
      ended = true;
      break;
    }
    const batch: Entry[] = [];
    for (const e of n.value) {
      batch.push(e);
      full.add(e);
      if (head.count < PREFIX) head.add(e);
    }
    if (batch.length > 0) held.push(batch);
  }
  return { held, head, full, rest, ended };
}

/** The held batches, then the rest, each entry added to `full` as it passes. */
export async function* replay(held: Entry[][], rest: AsyncIterator<Iterable<Entry>>, ended: boolean, full: Fingerprint): AsyncGenerator<Iterable<Entry>> {
  // Held batches were fingerprinted when read.
  while (held.length > 0) yield held.shift()!;
  if (ended) return;
  for (let n = await rest.next(); !n.done; n = await rest.next()) yield tap(n.value, full);
}

function* tap(batch: Iterable<Entry>, fp: Fingerprint): Generator<Entry> {
  for (const e of batch) {
    fp.add(e);
    yield e;
  }
}
