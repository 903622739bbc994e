// Helpers shared by the symbol rules: one parse per entry, and the severity rule of issue #3 —
// in an outgoing register the agency wrote the symbol (format breaches are errors); in an incoming
// register the clerk copies the sender's symbol, so a malformed one is a warning to check the original.
// Documents dated before NĐ 30/2020 took effect were written under TT 01/2011/TT-BNV, whose text we
// only know from memory ([M]): findings on them are warnings at most.
import type { Severity } from '../../../src/core/types.js';
import { dayNumber, formatIso, pad2, yearOf, type DayNumber } from '../../../src/core/dates.js';
import type { AgencyConfig } from '../../../src/config/schema.js';
import type { Entry } from '../../../src/register/model.js';
import { isPartyIssuer, matchKnownIssuer, matchPartyTypeCode, PRE_2020_CUTOVER } from '../../data/doc-types.js';
import { numberCell } from '../number-cell.js';
import { parseSymbol } from './parse.js';
import type { ParsedSymbol, Repair } from './types.js';

let lastEntry: Entry | undefined;
let lastAgency: AgencyConfig | undefined;
let lastIssuers: readonly string[] = [];
let lastParse: ParsedSymbol | undefined;
const NO_ISSUERS: readonly string[] = [];
const issuersOf = new WeakMap<AgencyConfig, readonly string[]>();

/**
 * Split layouts keep the number in its own column (`Số vào sổ` = 12) and the rest of the symbol in
 * another (`Ký hiệu` = `QĐ-UBND`): the symbol is then read as `12/QĐ-UBND`, and this is the `12/`
 * put before the symbol cell (`01/` for a cell holding 1; `03-` before a Party `NQ/TW`, `04` before
 * `-NQ/TW`). Undefined — the cell is read as written — when:
 * - the symbol cell starts with a number itself (a year followed by the rest, `2024/QĐ-UBND`, is
 *   joined as `08/2024/QĐ-UBND`), or the number cell holds none;
 * - the cell is not the rest of a symbol (`Không số`, `Chưa ban hành`: prose is not joined);
 * - in an incoming book, the `Số` column is the arrival number (no `Số đến` column beside it).
 */
export function splitPrefix(entry: Entry): string | undefined {
  if (!hasSplitNumber(entry)) return undefined;
  const rest = entry.original('symbol').trim();
  if (rest === '' || !looksLikeSymbolRest(rest)) return undefined;
  const cell = numberCell(entry.value('number'));
  if (!cell) return undefined;
  if (/^\p{Nd}/u.test(rest)) {
    // The cell starts with its own number (`12/QĐ-UBND`), unless that is the year of a legal-normative
    // symbol kept apart from its number (`2024/QĐ-UBND` beside 8: `08/2024/QĐ-UBND`).
    const lead = /^((?:19|20)\d\d)\/\p{L}/u.exec(rest);
    if (!lead || Number(lead[1]) === cell.value) return undefined;
  }
  // The number as the document writes it (`01`, `12`): a number cell's own formatting (1 typed as a
  // number) is not the symbol's, so the number rules see a well-formed number.
  const number = `${canonicalDigits(cell.value)}${cell.suffix ?? ''}`;
  if (/^[-\u2010-\u2015]/u.test(rest)) return number;
  return PARTY_REST.test(rest) && isPartyRest(rest) ? `${number}-` : `${number}/`;
}

/**
 * The register keeps the document's number in a column of its own (`Số vào sổ`), filled on this row.
 * In an incoming book a lone `Số` column is the arrival number; only beside `Số đến` is it the sender's.
 */
export function hasSplitNumber(entry: Entry): boolean {
  return isSplitLayout(entry) && !entry.isEmpty('number');
}

/** The register has a `Số vào sổ` column for the document's own number (see hasSplitNumber). */
function isSplitLayout(entry: Entry): boolean {
  return entry.has('number') && (entry.register.kind !== 'incoming' || entry.has('arrivalNumber'));
}

/**
 * A split layout's row whose `Số vào sổ` is empty beside the rest of a symbol (`QĐ-UBND`): the
 * document was registered without a number.
 */
export function splitRestWithoutNumber(entry: Entry, agency?: AgencyConfig): boolean {
  if (!isSplitLayout(entry) || !entry.isEmpty('number')) return false;
  const rest = entry.original('symbol').trim();
  // A rest has a separator (`QĐ-UBND`, `NQ/TW`), and the cell as written holds no number of its own
  // (`Số 12/QĐ-UBND`, `V/QĐ-UBND`, `O5/QĐ-UBND` are the other rules').
  if (rest === '' || !/[-/\u2010-\u2015]/u.test(rest) || !looksLikeSymbolRest(rest)) return false;
  return symbolOf(entry, agency)?.number === undefined;
}

/** Vietnamese tone marks (grave, acute, tilde, hook above, dot below): words, never codes (`HỦY SỐ`). */
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/u;

/** Code groups joined by separators (or by spaces between code-like groups): not prose. */
function looksLikeSymbolRest(rest: string): boolean {
  if (TONE_MARK.test(rest.normalize('NFD'))) return false;
  const groups = rest.split(/\s*[-/\u2010-\u2015_.\\]\s*|\s+/u).filter((g) => g !== '');
  if (groups.length === 0) return false;
  const separated = /[-/\u2010-\u2015_.\\]/u.test(rest);
  // Words of prose start in lower case (`Không số`); codes start with a capital or a digit. A
  // lower-case code (`ubnd`) is accepted between separators, where prose does not go.
  const lowerWords = rest.split(/\s+/u).filter((w) => /^\p{Ll}/u.test(w)).length;
  if (lowerWords > 0 && (!separated || /\p{Ll}+\s+\p{Ll}/u.test(rest) || /\s/u.test(rest))) return false;
  return groups.every((g) => g.length <= 12);
}

const PARTY_REST = /^([^\s/]+)\/([^\s/]+)$/u;

/** `NQ/TW`, `CT/TU`: a Party type code over a Party committee (the number joins with a hyphen). */
function isPartyRest(rest: string): boolean {
  const m = PARTY_REST.exec(rest)!;
  return matchPartyTypeCode(m[1]!) !== undefined && isPartyIssuer(m[2]!);
}

/**
 * The parsed symbol of an entry (joined with its number cell in split layouts), or undefined when
 * the cell is empty. In the agency's own outgoing book, its configured issuer codes are known to the
 * parser (`12/QĐSNV` is a lost hyphen when the agency is `SNV`). Rules run one entry at a time, so a
 * one-slot cache lets every symbol rule share a single parse without keeping anything alive.
 */
export function symbolOf(entry: Entry, agency?: AgencyConfig): ParsedSymbol | undefined {
  // The twenty symbol rules ask in turn with the same agency: answered before any lookup.
  if (entry === lastEntry && agency === lastAgency) return lastParse;
  lastAgency = agency;
  let issuers = NO_ISSUERS;
  if (agency !== undefined && entry.register.kind === 'outgoing') {
    let known = issuersOf.get(agency);
    if (known === undefined) {
      known = agencyIssuers(agency);
      // One shared empty list: a config without issuers must hit the same cache slot as no config.
      issuersOf.set(agency, (known = known.length > 0 ? known : NO_ISSUERS));
    }
    issuers = known;
  }
  if (entry === lastEntry && issuers === lastIssuers) return lastParse;
  lastEntry = entry;
  lastIssuers = issuers;
  const raw = entry.original('symbol');
  const prefix = splitPrefix(entry);
  lastParse = raw.trim() === '' ? undefined : parseSymbol(prefix === undefined ? raw : prefix + raw.trim(), { issuers });
  return lastParse;
}

/** A symbol's text with the number of a split layout put before it (reconciliation, --documents). */
export function withSplitNumber(entry: Entry, text: string): string {
  return (splitPrefix(entry) ?? '') + text;
}

/**
 * A fix as the symbol rules write it (on the symbol as read) turned into a fix of the symbol cell:
 * in a split layout the number before the symbol cell is taken off both sides. A fix that would
 * change the number itself belongs to the number cell, not this one: it is dropped (the message
 * still says what is wrong).
 */
export function cellFix<F extends { readonly from: string; readonly to: string }>(entry: Entry, fix: F): F | undefined {
  const prefix = splitPrefix(entry);
  if (prefix === undefined) return fix;
  const from = fix.from.trimStart();
  if (!from.startsWith(prefix) || !fix.to.startsWith(prefix)) return undefined;
  return { ...fix, from: entry.original('symbol'), to: fix.to.slice(prefix.length) };
}

/** The document date (`Ngày tháng văn bản`) as ISO `yyyy-mm-dd`, when readable. */
export function issuedIso(entry: Entry): string | undefined {
  const d = entry.day('issuedDate');
  return d === undefined ? undefined : formatIso(d);
}

export function issuedYear(entry: Entry): number | undefined {
  const d = entry.day('issuedDate');
  return d === undefined ? undefined : yearOf(d);
}

/** Dated before 2020-03-05: TT 01/2011 applied, facts [M]. */
export function isPre2020(entry: Entry): boolean {
  const d = entry.day('issuedDate');
  return d !== undefined && d < PRE_2020_DAY;
}

/** PRE_2020_CUTOVER (`yyyy-mm-dd`) as a day number: every symbol rule asks, per entry. */
const PRE_2020_DAY = ((): DayNumber => {
  const [y, m, d] = PRE_2020_CUTOVER.split('-').map(Number);
  return dayNumber(y!, m!, d!);
})();

/**
 * Warning instead of the rule's default in incoming registers (the sender wrote the symbol) and on
 * documents dated before 2020-03-05 (the older circular's text is [M]).
 */
export function severityFor(entry: Entry): Severity | undefined {
  return entry.register.kind === 'incoming' || isPre2020(entry) ? 'warning' : undefined;
}

/**
 * The last sentence of a symbol message: in an incoming register the symbol is the sender's, which
 * the clerk must copy exactly as written — so the advice is to check it against the original, not
 * to "fix" it in the book.
 */
/** The two halves of advice(), for data literals without spread (one shape per finding kind). */
export const adviceVi = (entry: Entry): string => (entry.register.kind === 'incoming' ? ' Đây là ký hiệu của cơ quan gửi: kiểm tra lại với bản gốc.' : '');
export const adviceEn = (entry: Entry): string => (entry.register.kind === 'incoming' ? " This is the sender's symbol: check it against the original." : '');

export function advice(entry: Entry): { adviceVi: string; adviceEn: string } {
  return entry.register.kind === 'incoming'
    ? { adviceVi: ' Đây là ký hiệu của cơ quan gửi: kiểm tra lại với bản gốc.', adviceEn: " This is the sender's symbol: check it against the original." }
    : { adviceVi: '', adviceEn: '' };
}

/** Forms that carry the agency-issued running number checked by the format rules. */
export function hasStateNumber(p: ParsedSymbol): boolean {
  return p.form !== 'party' && p.form !== 'historic' && p.form !== 'unparseable' && p.form !== 'empty';
}

/** State-form symbols (`NN/…`) — the forms NĐ 30 and the QPPL law govern. */
export function isStateForm(p: ParsedSymbol): boolean {
  return p.form === 'typed' || p.form === 'cong-van' || p.form === 'copy' || p.form === 'qppl' || p.form === 'law' || p.form === 'joint' || p.form === 'vbhn';
}

/**
 * A Party document written in the State layout (`09/NQ-TW` for `09-NQ/TW`): a Party type code
 * followed by a Party committee. The whole layout is wrong, so the State-format rules stay silent
 * and symbol/party-form speaks.
 */
export function partyInStateForm(p: ParsedSymbol): boolean {
  if ((p.form !== 'typed' && p.form !== 'qppl') || p.issuer === undefined || p.type === undefined) return false;
  return isPartyIssuer(p.issuer) && matchPartyTypeCode(p.canonicalType ?? p.type) !== undefined;
}

/** A year segment that is not four digits (`22/202/QĐ-UBND`): the value was cut short. */
export function truncatedYear(p: ParsedSymbol): boolean {
  return p.year !== undefined && !/^[0-9]{4}$/u.test(p.year);
}

/**
 * `safe` when the value needs no repair besides the given kinds (and trimming); otherwise
 * `suggestion`. Always `suggestion` in an incoming register: the book must hold the sender's symbol
 * as written, so only a person who has looked at the original may change it.
 */
export function fixKind(entry: Entry, p: ParsedSymbol, own: readonly Repair['kind'][]): 'safe' | 'suggestion' {
  if (entry.register.kind === 'incoming') return 'suggestion';
  return p.repairs.every((r) => r.uncertain !== true && (r.kind === 'trim' || r.kind === 'nfc' || own.includes(r.kind))) ? 'safe' : 'suggestion';
}

/** The number written canonically: two digits below 10, no padding above (`7` → `07`, `0087` → `87`). */
export const canonicalDigits = pad2;

/** `normalized` with its leading running number replaced. */
export function withNumber(p: ParsedSymbol, digits: string): string {
  return p.normalized.replace(/^[0-9]+/u, digits);
}

const fold = (s: string): string => s.normalize('NFC').toUpperCase();

/** Case-insensitive membership (case is symbol/case's business, not the caller's). */
export function includesCode(list: readonly string[], code: string): boolean {
  const c = fold(code);
  return list.some((x) => fold(x) === c);
}

/** The issuer abbreviations the agency configured (`agency.issuer` + `agency.issuers`). */
export function agencyIssuers(agency: AgencyConfig): string[] {
  return [agency.issuer, ...(agency.issuers ?? [])].filter((x): x is string => typeof x === 'string' && x.trim() !== '');
}

/** Unit abbreviations that commonly follow the issuer in công văn symbols (Phụ lục I II.3.b; NĐ 150/2025 commune offices). */
const COMMON_UNITS = new Set(['VP', 'KT', 'VX', 'VHXH', 'TH', 'NC', 'TCKH', 'TP', 'ĐC', 'CA', 'YT', 'NV', 'TNMT', 'KTHT', 'QLĐT', 'TCHC', 'HCTH', 'KGVX', 'KTTH', 'TCCB']);
/** Issuers a unit is written before by mistake (`33/VP-UBND`). */
const LOCAL_ISSUERS = new Set(['UBND', 'HĐND']);

/**
 * A công văn whose unit stands before the issuer (`33/VP-UBND` for `33/UBND-VP`). With a configured
 * agency (outgoing registers) the agency's own codes decide; otherwise only the unmistakable shape
 * "common unit code, then UBND/HĐND" counts — `123/GP-UBND` (a giấy phép) must not.
 */
export function unitBeforeIssuer(p: ParsedSymbol, agency: AgencyConfig | undefined): boolean {
  if (p.form !== 'cong-van' || p.issuer === undefined || p.units.length !== 1) return false;
  const unit = p.units[0] as string;
  const issuers = agency ? agencyIssuers(agency) : [];
  if (issuers.length > 0) {
    return includesCode(issuers, unit) && !includesCode(issuers, p.issuer) && (agency?.units === undefined || agency.units.length === 0 || includesCode(agency.units, p.issuer));
  }
  return LOCAL_ISSUERS.has(fold(unit)) && COMMON_UNITS.has(fold(p.issuer));
}

/**
 * An issuer code that certainly belongs to a State body bound by NĐ 30 (UBND, HĐND, the ministries
 * and national bodies of the issuer table, Sở …). Used where other senders may number their own way:
 * mass organisations (`123/TLĐ`), courts (`12/2024/QĐST-HNGĐ`), companies. CP, TTg, CTN are left
 * out: their older công văn were numbered without a unit.
 */
export function stateSender(issuer: string): boolean {
  if (/^(?:UBND|HĐND)/u.test(issuer)) return true;
  const known = matchKnownIssuer(issuer)?.info.code;
  if (known !== undefined && known !== 'CP' && known !== 'TTg' && known !== 'CTN' && known !== 'HĐBT') return true;
  return /^S[A-ZĐ]{2,7}$/u.test(issuer);
}

export const ND30 = 'NĐ 30/2020/NĐ-CP';
/** Citation of the QPPL symbol rule. */
export const QPPL_LAW = 'Luật Ban hành VBQPPL 64/2025/QH15';
