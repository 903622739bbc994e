// Near-miss codes: a code one edit (a letter added, dropped, changed, or two swapped) from a code
// it was meant to be — `TTL` for the joint circular's `TTLT`, `Tr` for Tờ trình's `TTr`, `BKHCMT` in a
// book with 85 × `BKHCNMT`. Used by symbol/near-miss-code, and by the rules that must not build a
// "certain" fix on a misspelt code (symbol/year-segment would drop the year of `…/2011/TTL-…`; the
// parser would upper-case `Tr` into a code that exists nowhere).
import { isLawIssuer, isPartyIssuer, matchKnownIssuer, stateTypeCode } from '../../data/doc-types.js';
import type { ParsedSymbol } from './types.js';

/** Damerau–Levenshtein distance exactly 1 (code points; a swap of neighbours counts one). */
export function oneEdit(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (x.length === y.length) {
    const diff: number[] = [];
    for (let i = 0; i < x.length && diff.length <= 2; i++) if (x[i] !== y[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0]! + 1 && x[diff[0]!] === y[diff[1]!] && x[diff[1]!] === y[diff[0]!];
  }
  const [s, l] = x.length < y.length ? [x, y] : [y, x];
  if (l.length - s.length !== 1) return false;
  let i = 0;
  while (i < s.length && s[i] === l[i]) i++;
  for (let j = i; j < s.length; j++) if (s[j] !== l[j + 1]) return false;
  return true;
}

/** Official type codes written with lower-case letters, most used first (TTr before TrS). */
const MIXED_TYPES = ['TTr', 'CTr', 'QyĐ', 'TrS'];
/** QPPL type codes: joint ones first for symbols naming several issuers. */
const JOINT_QPPL = ['TTLT', 'NQLT'];
const SINGLE_QPPL = ['NĐ', 'TT', 'QĐ', 'NQ'];

/**
 * A first group written in mixed or title case (`Tr`) that is no known code but one edit from an
 * official mixed-case type code: the type code it was meant to be (`TTr`).
 */
export function nearMixedCaseType(written: string): string | undefined {
  if (written === written.toUpperCase() || written === written.toLowerCase() || [...written].length > 4) return undefined;
  if (matchKnownIssuer(written) !== undefined || stateTypeCode(written) !== undefined || isPartyIssuer(written)) return undefined;
  return MIXED_TYPES.find((c) => oneEdit(written, c));
}

/**
 * The type code a symbol's misspelt type group was likely meant to be, with the group as written:
 * - a legal-normative symbol whose group after the year is no type (`101/2011/TTL-BTC-BKHCN`):
 *   the QPPL type one edit away (joint types first when issuers follow);
 * - a mixed-case group no table knows (`52/Tr-SCT`): TTr, CTr, QyĐ or TrS.
 */
export function likelyTypeCode(p: ParsedSymbol): { written: string; code: string } | undefined {
  if (p.form === 'qppl' && p.type === undefined && p.issuer !== undefined) {
    const w = p.issuer;
    if (matchKnownIssuer(w) !== undefined || isLawIssuer(w) || [...w].length < 2) return undefined;
    const order = p.units.length > 0 ? [...JOINT_QPPL, ...SINGLE_QPPL] : [...SINGLE_QPPL, ...JOINT_QPPL];
    const code = order.find((c) => oneEdit(w.toUpperCase(), c.toUpperCase()));
    return code === undefined ? undefined : { written: w, code };
  }
  if ((p.form === 'cong-van' || p.form === 'typed') && p.issuer !== undefined && p.type === undefined) {
    const code = nearMixedCaseType(p.issuer);
    return code === undefined ? undefined : { written: p.issuer, code };
  }
  return undefined;
}
