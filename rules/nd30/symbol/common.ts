// Helpers shared by the symbol rules: one parse per entry, and the severity rule of issue #3 —
// in an outgoing register the agency wrote the symbol (format breaches are errors); in an incoming
// register the clerk copies the sender's symbol, so a malformed one is a warning to check the original.
import type { Severity } from '../../../src/core/types.js';
import type { Entry } from '../../../src/register/model.js';
import { parseSymbol } from './parse.js';
import type { ParsedSymbol } from './types.js';

let lastEntry: Entry | undefined;
let lastParse: ParsedSymbol | undefined;

/**
 * The parsed symbol of an entry, or undefined when the cell is empty. Rules run one entry at a time,
 * so a one-slot cache lets every symbol rule share a single parse without keeping anything alive.
 */
export function symbolOf(entry: Entry): ParsedSymbol | undefined {
  if (entry === lastEntry) return lastParse;
  lastEntry = entry;
  const raw = entry.original('symbol');
  lastParse = raw.trim() === '' ? undefined : parseSymbol(raw);
  return lastParse;
}

/** Warning instead of the rule's default in incoming registers (the sender wrote the symbol). */
export function severityFor(entry: Entry): Severity | undefined {
  return entry.register.kind === 'incoming' ? 'warning' : undefined;
}

/** Forms that carry the agency-issued running number checked by the format rules. */
export function hasStateNumber(p: ParsedSymbol): boolean {
  return p.form !== 'party' && p.form !== 'historic' && p.form !== 'unparseable' && p.form !== 'empty';
}

export const ND30 = 'NĐ 30/2020/NĐ-CP';
