// Typed accessors over the document-type tables (doc-types.json: NĐ 30/2020 Phụ lục III + QPPL
// entries; symbol-codes.json: QPPL / Party / unofficial codes and issuer codes the symbol parser
// needs). Every fact carries its source and confidence in the JSON; [M] facts (from memory) are
// exposed with `confidence: 'M'` so rules can keep them at info/warning level.

import { foldAccents } from '../../src/core/text.js';
import docTypesJson from './doc-types.json' with { type: 'json' };
import symbolCodesJson from './symbol-codes.json' with { type: 'json' };

export type Confidence = 'C' | 'S' | 'M';

/** One row of doc-types.json (transcribed from the domain notes, source per row). */
export interface DocTypeEntry {
  readonly name: string;
  /** Phụ lục III abbreviation; null for công văn, thư công, laws (no type code). */
  readonly abbreviation: string | null;
  readonly category: string;
  readonly tableRow?: number;
  readonly symbolPattern?: string;
  readonly examples?: string;
  readonly confirmed: boolean;
  readonly mixedCase: boolean;
  readonly notes?: string;
  readonly source: string;
}

export const DOC_TYPES: readonly DocTypeEntry[] = docTypesJson.types as readonly DocTypeEntry[];

/** QPPL status of a type code: only QPPL / may be QPPL (year segment decides) / never QPPL. */
export type QpplStatus = 'always' | 'capable' | 'never';

export type TypeCategory = 'administrative' | 'copy' | 'legal_normative' | 'consolidated' | 'unofficial';

/** A code that may stand in the type position of a State symbol (`NN/TYPE-ISSUER`). */
export interface StateTypeInfo {
  /** Canonical spelling (`QyĐ`, `TTr`, `CV`). */
  readonly code: string;
  readonly name: string;
  /** official: Phụ lục III, copies, QPPL codes, VBHN; unofficial: seen in practice, not in Phụ lục III. */
  readonly status: 'official' | 'unofficial';
  readonly category: TypeCategory;
  readonly qppl: QpplStatus;
  /** For `capable` codes that stopped being QPPL on that date (CT: 2016-07-01, [M]). */
  readonly qpplUntil?: string;
  /** TTLT, NQLT: several issuers follow the type code. */
  readonly joint: boolean;
  /** SY, SL, TrS (and the unofficial BSY, BS): the copies' shared number series. */
  readonly copy: boolean;
  readonly mixedCase: boolean;
  /** Unofficial codes: the official code to use instead (null = none, e.g. CV: công văn has no code). */
  readonly replacement?: string | null;
  readonly confidence: Confidence;
  readonly source: string;
  readonly note?: string;
}

/** A code in the type position of a Party symbol (`NN-TYPE/ISSUER`). */
export interface PartyTypeInfo {
  readonly code: string;
  readonly name: string;
  readonly confidence: Confidence;
  readonly source: string;
}

export interface IssuerInfo {
  readonly code: string;
  readonly name: string;
  /** The body exists from / until this day (ISO `YYYY-MM-DD`), when the table records it (2025 reorganisation). */
  readonly from?: string;
  readonly until?: string;
  readonly confidence: Confidence;
  readonly source: string;
}

/** How a written code matched a table entry. */
export type MatchVia = 'exact' | 'case' | 'd-for-đ' | 'd-for-đ+case';

export interface CodeMatch<T> {
  readonly info: T;
  readonly via: MatchVia;
}

// ---------------------------------------------------------------------------------------------
// Raw JSON shapes (narrowed by hand: JSON imports are typed loosely).

interface RawQppl {
  code: string;
  name: string;
  qppl: string;
  qpplUntil?: string;
  joint?: boolean;
  confidence: string;
  source: string;
}
interface RawUnofficial {
  code: string;
  meaning: string;
  replacement: string | null;
  form?: string;
  detectAsType: boolean;
  confidence: string;
  source: string;
}
interface RawCoded {
  code: string;
  name: string;
  from?: string;
  until?: string;
  confidence: string;
  source: string;
}
interface RawPre2020 {
  code: string;
  alsoMeant: string;
  ndCode: string | null;
  confidence: string;
  note: string;
}

const SC = symbolCodesJson as unknown as {
  qpplTypes: { codes: RawQppl[] };
  consolidated: { code: string; name: string; confidence: string; source: string };
  lawIssuers: { prefixes: { prefix: string; name: string; confidence: string; source: string }[] };
  issuers: { mixedCase: RawCoded[]; known: RawCoded[] };
  partyTypes: { codes: RawCoded[] };
  partyIssuers: { codes: string[]; prefixes: string[]; levels: string[]; confidence: string };
  unofficialTypes: { codes: RawUnofficial[] };
  dForĐ: { neverRepair: string[] };
  historic: { types: string[]; issuersWithoutType: string[]; confidence: string };
  pre2020: { cutover: string; facts: RawPre2020[] };
};

function conf(c: string): Confidence {
  return c === 'C' || c === 'S' ? c : 'M';
}

/** Type name without the "(cá biệt)" style qualifier. */
function shortName(name: string): string {
  return name.replace(/\s*\(.*?\)\s*/gu, ' ').trim();
}

// ---------------------------------------------------------------------------------------------
// State type table: Phụ lục III + copies + QPPL codes + VBHN (official), then unofficial codes.

const STATE_TYPES = new Map<string, StateTypeInfo>();
const QPPL_BY_CODE = new Map<string, RawQppl>(SC.qpplTypes.codes.map((q) => [q.code, q]));

function qpplOf(code: string): { qppl: QpplStatus; qpplUntil?: string; joint: boolean } {
  const q = QPPL_BY_CODE.get(code);
  if (!q) return { qppl: 'never', joint: false };
  const qppl: QpplStatus = q.qppl === 'always' ? 'always' : 'capable';
  return q.qpplUntil !== undefined
    ? { qppl, qpplUntil: q.qpplUntil, joint: q.joint === true }
    : { qppl, joint: q.joint === true };
}

for (const t of DOC_TYPES) {
  if (t.abbreviation === null) continue;
  if (t.category !== 'administrative' && t.category !== 'copy') continue;
  STATE_TYPES.set(t.abbreviation, {
    code: t.abbreviation,
    name: shortName(t.name),
    status: 'official',
    category: t.category,
    ...qpplOf(t.abbreviation),
    copy: t.category === 'copy',
    mixedCase: t.mixedCase,
    confidence: t.confirmed ? 'C' : 'M',
    source: t.source,
  });
}
for (const q of SC.qpplTypes.codes) {
  if (STATE_TYPES.has(q.code)) continue; // QĐ, NQ, CT: already there as Phụ lục III codes
  STATE_TYPES.set(q.code, {
    code: q.code,
    name: q.name,
    status: 'official',
    category: 'legal_normative',
    ...qpplOf(q.code),
    copy: false,
    mixedCase: false,
    confidence: conf(q.confidence),
    source: q.source,
  });
}
STATE_TYPES.set(SC.consolidated.code, {
  code: SC.consolidated.code,
  name: SC.consolidated.name,
  status: 'official',
  category: 'consolidated',
  qppl: 'never',
  joint: false,
  copy: false,
  mixedCase: false,
  confidence: conf(SC.consolidated.confidence),
  source: SC.consolidated.source,
});
const UNOFFICIAL_UNDETECTED = new Set<string>();
for (const u of SC.unofficialTypes.codes) {
  if (!u.detectAsType) {
    UNOFFICIAL_UNDETECTED.add(u.code);
  }
  STATE_TYPES.set(u.code, {
    code: u.code,
    name: u.meaning,
    status: 'unofficial',
    category: 'unofficial',
    qppl: 'never',
    joint: false,
    copy: u.form === 'copy',
    mixedCase: false,
    replacement: u.replacement,
    confidence: conf(u.confidence),
    source: u.source,
  });
}

/** Every code that may stand in the State type position (official first, then unofficial). */
export const STATE_TYPE_CODES: readonly StateTypeInfo[] = [...STATE_TYPES.values()];

/** The 27 Phụ lục III codes plus SY, TrS, SL (exact spellings). */
export const PHU_LUC_III_CODES: ReadonlySet<string> = new Set(
  DOC_TYPES.filter((t) => t.abbreviation !== null && (t.category === 'administrative' || t.category === 'copy')).map(
    (t) => t.abbreviation as string,
  ),
);

/** Official codes whose spelling has lower-case letters: QyĐ, CTr, TTr, TrS (types) and TTg (issuer). */
export const MIXED_CASE_CODES: ReadonlySet<string> = new Set([
  ...DOC_TYPES.filter((t) => t.mixedCase && t.abbreviation !== null).map((t) => t.abbreviation as string),
  ...SC.issuers.mixedCase.map((i) => i.code),
]);

/** Exact lookup of a State type code (canonical spelling only). */
export function stateTypeCode(code: string): StateTypeInfo | undefined {
  return STATE_TYPES.get(code);
}

/** Unofficial code info (CV, GT, BSY …), exact spelling after case canonicalisation. */
export function unofficialTypeCode(code: string): StateTypeInfo | undefined {
  const m = matchStateTypeCode(code, { includeUndetected: true });
  return m && m.info.status === 'unofficial' ? m.info : undefined;
}

// ---------------------------------------------------------------------------------------------
// Tolerant matching: exact → case-insensitive → D written for Đ (only D→Đ, and only when the D
// spelling is not itself a code: HD and DA are real codes and matched exactly first).

const NEVER_D_REPAIR = new Set(SC.dForĐ.neverRepair);

function upper(s: string): string {
  return s.toUpperCase();
}

/** True when `written` equals `code` once some D/d are read as Đ (case-insensitively). */
function dForĐEquals(written: string, code: string): boolean {
  const w = [...upper(written)];
  const c = [...upper(code)];
  if (w.length !== c.length) return false;
  let swapped = false;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === c[i]) continue;
    if (w[i] === 'D' && c[i] === 'Đ') {
      swapped = true;
      continue;
    }
    return false;
  }
  return swapped;
}

// Registers repeat the same few codes on every row (`QĐ`, `UBND`, `VP`): each table remembers its
// answers (bounded, so hostile input cannot grow it) and the parser pays the D-for-Đ scan once per
// distinct spelling instead of once per row.
const MATCH_CACHE = new WeakMap<ReadonlyMap<string, unknown>, Map<string, CodeMatch<never> | undefined>>();
const MATCH_CACHE_LIMIT = 4096;

function tolerantMatch<T extends { readonly code: string }>(
  written: string,
  table: ReadonlyMap<string, T>,
  byUpper: ReadonlyMap<string, T>,
): CodeMatch<T> | undefined {
  let cache = MATCH_CACHE.get(table);
  if (!cache) MATCH_CACHE.set(table, (cache = new Map()));
  if (cache.has(written)) return cache.get(written) as CodeMatch<T> | undefined;
  const result = tolerantMatchUncached(written, table, byUpper);
  if (cache.size >= MATCH_CACHE_LIMIT) cache.clear();
  cache.set(written, result as CodeMatch<never> | undefined);
  return result;
}

function tolerantMatchUncached<T extends { readonly code: string }>(
  written: string,
  table: ReadonlyMap<string, T>,
  byUpper: ReadonlyMap<string, T>,
): CodeMatch<T> | undefined {
  if (written === '') return undefined;
  const exact = table.get(written);
  if (exact) return { info: exact, via: 'exact' };
  const ci = byUpper.get(upper(written));
  if (ci) return { info: ci, via: 'case' };
  if (NEVER_D_REPAIR.has(upper(written))) return undefined;
  if (!/[Dd]/u.test(written)) return undefined;
  for (const info of table.values()) {
    if (!info.code.includes('Đ')) continue;
    if (dForĐEquals(written, info.code)) {
      const withĐ = applyDForĐ(written, info.code);
      return { info, via: withĐ === info.code ? 'd-for-đ' : 'd-for-đ+case' };
    }
  }
  return undefined;
}

/**
 * `written` with each D/d that stands where `code` has Đ replaced by Đ/đ (keeping its case).
 * Used to build the minimal 'd-for-đ' repair (`QD` → `QĐ`, `qd` → `qđ`).
 */
export function applyDForĐ(written: string, code: string): string {
  const w = [...written];
  const c = [...upper(code)];
  if (w.length !== c.length) return written;
  return w.map((ch, i) => (c[i] === 'Đ' && ch === 'D' ? 'Đ' : c[i] === 'Đ' && ch === 'd' ? 'đ' : ch)).join('');
}

function upperIndex<T extends { readonly code: string }>(table: ReadonlyMap<string, T>): Map<string, T> {
  const m = new Map<string, T>();
  for (const info of table.values()) if (!m.has(upper(info.code))) m.set(upper(info.code), info);
  return m;
}

const STATE_DETECTED = new Map([...STATE_TYPES].filter(([code]) => !UNOFFICIAL_UNDETECTED.has(code)));
const STATE_DETECTED_UPPER = upperIndex(STATE_DETECTED);
const STATE_ALL_UPPER = upperIndex(STATE_TYPES);

/**
 * Tolerant lookup of a code written in the type position of a State symbol. Unofficial codes
 * with `detectAsType: false` (CTY) are skipped unless `includeUndetected`.
 */
export function matchStateTypeCode(
  written: string,
  opts: { includeUndetected?: boolean } = {},
): CodeMatch<StateTypeInfo> | undefined {
  return opts.includeUndetected === true
    ? tolerantMatch(written, STATE_TYPES, STATE_ALL_UPPER)
    : tolerantMatch(written, STATE_DETECTED, STATE_DETECTED_UPPER);
}

// Party types.
const PARTY_TYPES = new Map<string, PartyTypeInfo>(
  SC.partyTypes.codes.map((p) => [p.code, { code: p.code, name: p.name, confidence: conf(p.confidence), source: p.source }]),
);
const PARTY_TYPES_UPPER = upperIndex(PARTY_TYPES);

export const PARTY_TYPE_CODES: readonly PartyTypeInfo[] = [...PARTY_TYPES.values()];

export function partyTypeCode(code: string): PartyTypeInfo | undefined {
  return PARTY_TYPES.get(code);
}

/** Tolerant lookup of a code in the type position of a Party symbol (`12-nq/TU`, `05-QĐI/TW`). */
export function matchPartyTypeCode(written: string): CodeMatch<PartyTypeInfo> | undefined {
  return tolerantMatch(written, PARTY_TYPES, PARTY_TYPES_UPPER);
}

// Historic (pre-1997) codes.
const HISTORIC_TYPES = new Map(SC.historic.types.map((c) => [c, { code: c }] as const));
const HISTORIC_TYPES_UPPER = upperIndex(HISTORIC_TYPES);
const HISTORIC_NO_TYPE = new Map(SC.historic.issuersWithoutType.map((c) => [c, { code: c }] as const));
const HISTORIC_NO_TYPE_UPPER = upperIndex(HISTORIC_NO_TYPE);

/** Type codes of the pre-1997 `NN-ISSUER/TYPE` form (`22-BNV/TT`). [M] */
export function matchHistoricTypeCode(written: string): CodeMatch<{ readonly code: string }> | undefined {
  return tolerantMatch(written, HISTORIC_TYPES, HISTORIC_TYPES_UPPER);
}

/** Issuers of the pre-1997 `NN-ISSUER` form without a type (`15-CP`, `217-HĐBT`). [M] */
export function matchHistoricIssuerWithoutType(written: string): CodeMatch<{ readonly code: string }> | undefined {
  return tolerantMatch(written, HISTORIC_NO_TYPE, HISTORIC_NO_TYPE_UPPER);
}

// ---------------------------------------------------------------------------------------------
// Issuers.

const KNOWN_ISSUERS = new Map<string, IssuerInfo>(
  SC.issuers.known.map((i) => [
    i.code,
    { code: i.code, name: i.name, ...(i.from !== undefined ? { from: i.from } : {}), ...(i.until !== undefined ? { until: i.until } : {}), confidence: conf(i.confidence), source: i.source },
  ]),
);
const KNOWN_ISSUERS_UPPER = upperIndex(KNOWN_ISSUERS);
const MIXED_CASE_ISSUERS = new Map<string, IssuerInfo>(
  SC.issuers.mixedCase.map((i) => [i.code, { code: i.code, name: i.name, confidence: conf(i.confidence), source: i.source }]),
);
const MIXED_CASE_ISSUERS_UPPER = upperIndex(MIXED_CASE_ISSUERS);
/** Known issuers spelled with Đ whose D spelling is not a code (HĐND ← HDND). */
const D_ISSUERS = new Map([...KNOWN_ISSUERS].filter(([code]) => code.includes('Đ')));
const D_ISSUERS_UPPER = upperIndex(D_ISSUERS);

export const KNOWN_ISSUER_CODES: readonly IssuerInfo[] = [...KNOWN_ISSUERS.values()];

/** Exact lookup of a known national / local issuer code (CP, TTg, UBND, HĐND, BNV …). */
export function knownIssuer(code: string): IssuerInfo | undefined {
  return KNOWN_ISSUERS.get(code);
}

/** Tolerant lookup of a known issuer code (case, D for Đ). */
export function matchKnownIssuer(written: string): CodeMatch<IssuerInfo> | undefined {
  return tolerantMatch(written, KNOWN_ISSUERS, KNOWN_ISSUERS_UPPER);
}

/** Issuer with official lower-case letters (TTg), matched case-insensitively: `TTG`, `ttg` → TTg. */
export function matchMixedCaseIssuer(written: string): CodeMatch<IssuerInfo> | undefined {
  const m = MIXED_CASE_ISSUERS_UPPER.get(upper(written));
  if (!m) return undefined;
  return { info: m, via: m.code === written ? 'exact' : 'case' };
}

/** Known issuer written with D for Đ (`HDND` → HĐND). Only exact-case or all-caps D spellings. */
export function matchDForĐIssuer(written: string): CodeMatch<IssuerInfo> | undefined {
  const m = tolerantMatch(written, D_ISSUERS, D_ISSUERS_UPPER);
  return m && (m.via === 'd-for-đ' || m.via === 'd-for-đ+case') ? m : undefined;
}

const LAW_ISSUER_RE = new RegExp(`^(?:${SC.lawIssuers.prefixes.map((p) => p.prefix).join('|')})[1-9][0-9]?$`, 'u');

/** `QH15`, `UBTVQH14`: the issuer part of laws and NA / NASC resolutions (no type code). */
export function isLawIssuer(code: string): boolean {
  return LAW_ISSUER_RE.test(code);
}

const PARTY_ISSUER_CODES = new Set(SC.partyIssuers.codes);
const PARTY_ISSUER_COMPOSED = new Set(
  SC.partyIssuers.prefixes.flatMap((p) => SC.partyIssuers.levels.map((l) => p + l)),
);

/**
 * Party committee codes: TW, TƯ, TU, ThU, HU, QU, ĐU, ĐUK, BCSĐ, ĐĐ and their advisory bodies
 * (VPTW, BTCTU, UBKTHU …). Matched exactly or in all capitals (`THU`). [M] beyond TW/TU/HU.
 */
export function isPartyIssuer(code: string): boolean {
  return PARTY_ISSUER_CODES.has(code) || PARTY_ISSUER_COMPOSED.has(code) || PARTY_ISSUERS_UPPER.has(upper(code));
}

const PARTY_ISSUERS_UPPER = new Set([...PARTY_ISSUER_CODES, ...PARTY_ISSUER_COMPOSED].map(upper));

/** Any issuer-like code the parser may split off a lost hyphen (`QĐUBND`, `NĐCP`). */
export function isIssuerLike(written: string): boolean {
  return (
    matchKnownIssuer(written) !== undefined || isLawIssuer(upper(written)) || isPartyIssuer(written)
  );
}

// ---------------------------------------------------------------------------------------------
// QPPL status.

/**
 * Whether a type code is always / possibly / never a QPPL code. `asOf` (ISO `YYYY-MM-DD`, the
 * document date) makes CT `never` from 2016-07-01 [M]. Unknown codes → undefined.
 */
export function qpplStatus(code: string, asOf?: string): QpplStatus | undefined {
  const info = STATE_TYPES.get(code);
  if (!info) return undefined;
  if (info.qppl === 'capable' && info.qpplUntil !== undefined && asOf !== undefined && asOf >= info.qpplUntil) {
    return 'never';
  }
  return info.qppl;
}

// ---------------------------------------------------------------------------------------------
// Pre-2020 (TT 01/2011) facts, all [M].

export interface Pre2020Fact {
  readonly code: string;
  readonly alsoMeant: string;
  readonly ndCode: string | null;
  readonly confidence: Confidence;
  readonly note: string;
}

/** NĐ 30/2020 took effect on this date; TT 01/2011 abbreviations applied before it. */
export const PRE_2020_CUTOVER: string = SC.pre2020.cutover;
export const PRE_2020_FACTS: readonly Pre2020Fact[] = SC.pre2020.facts.map((f) => ({ ...f, confidence: conf(f.confidence) }));

/**
 * Codes that may have been correct before 2020-03-05 for the type whose NĐ 30 code is `ndCode`
 * (`QyĐ` → [`QĐ`], `GGT` → [`GT`] …). [M]: use to soften findings on pre-2020 documents.
 */
export function pre2020CodesFor(ndCode: string): readonly string[] {
  return PRE_2020_FACTS.filter((f) => f.ndCode === ndCode).map((f) => f.code);
}

// ---------------------------------------------------------------------------------------------
// Names → codes (for "type code disagrees with the type named in the subject column").

/** Accent-, case- and whitespace-insensitive key: `Quyết  định` → `QUYET DINH`, đ → D. */
export function foldKey(text: string): string {
  return foldAccents(text).toUpperCase().replace(/\s+/gu, ' ').trim();
}

/** What `typeCodeForName` returns: a type code, or 'cong-van' (công văn: no type code). */
export type NamedTypeCode = string;

const EXTRA_NAMES: readonly (readonly [string, string])[] = [
  ['Nghị định', 'NĐ'],
  ['Thông tư liên tịch', 'TTLT'],
  ['Thông tư', 'TT'],
  ['Nghị quyết liên tịch', 'NQLT'],
  ['Pháp lệnh', 'PL'],
  ['Văn bản hợp nhất', 'VBHN'],
  ['Kết luận', 'KL'],
  ['Sao y bản chính', 'SY'],
  ['Bản sao y bản chính', 'SY'],
  ['Sao y', 'SY'],
  ['Bản sao y', 'SY'],
  ['Trích sao', 'TrS'],
  ['Sao lục', 'SL'],
  ['Giấy mời họp', 'GM'],
  ['Giấy ủy quyền', 'GUQ'],
  ['Giấy uỷ quyền', 'GUQ'],
  ['Bản thỏa thuận', 'BTT'],
  ['Bản thoả thuận', 'BTT'],
  ['Công văn', 'cong-van'],
];

const NAME_TABLE: readonly (readonly [string, string])[] = (() => {
  const rows = new Map<string, string>();
  for (const t of DOC_TYPES) {
    if (t.abbreviation === null || (t.category !== 'administrative' && t.category !== 'copy')) continue;
    rows.set(foldKey(shortName(t.name)), t.abbreviation);
  }
  for (const [name, code] of EXTRA_NAMES) rows.set(foldKey(name), code);
  // Longest first, so "Thông tư liên tịch" wins over "Thông tư".
  return [...rows].sort((a, b) => b[0].length - a[0].length);
})();

const LEADING_JUNK = /^[\s"'“”‘’«»\-–—•*·.:;,()[\]]+/u;

/**
 * The type named at the start of a "Tên loại và trích yếu" cell, as the code it should carry:
 * `Quyết định về việc …` → `QĐ`, `QĐ v/v …` → `QĐ`, `Tờ trình …` → `TTr`,
 * `Công văn V/v …` / `CV V/v …` → `'cong-van'`. Undefined when no type is named (a bare `V/v …`
 * is NOT taken as công văn: registers that keep the type in another column write `V/v` for every
 * kind), and for thư công (no code). Names are matched accent- and case-insensitively;
 * abbreviations must be written in capitals (or the official mixed case: `TTr`, `QyĐ`).
 * Note: before 2020-03-05 `QĐ` was also used for quy định (see `pre2020CodesFor`).
 */
export function typeCodeForName(text: string): NamedTypeCode | undefined {
  // Text that starts clean (no junk to strip, nothing NFC would change up to one character past the
  // head) has the head it is remembered by as written: answered before any normalising.
  if (cleanHead(text)) {
    const head = text.slice(0, NAME_HEAD);
    const known = NAME_CACHE.get(head);
    if (known !== undefined || NAME_CACHE.has(head)) return known;
  }
  // Only the start of the cell matters; bounded work (and regex stack) on pasted paragraphs.
  const s = text.slice(0, 200).normalize('NFC').replace(LEADING_JUNK, '');
  if (s === '') return undefined;
  // Subjects of a register start alike ("Công văn V/v …", "Quyết định về việc …") and the answer
  // depends on the first few characters only (the longest type name and the character after it, or
  // an abbreviation of at most 5 letters and the one after it): it is remembered by them (bounded).
  // A head whose fold is shorter than that (runs of spaces) is remembered by its first 40 characters.
  const head = s.slice(0, NAME_HEAD);
  if (NAME_CACHE.has(head)) return NAME_CACHE.get(head);
  const enough = s.length < NAME_HEAD || foldKey(head).length > NAME_MAX;
  const key = enough ? head : s.slice(0, 40);
  if (key !== head && NAME_CACHE.has(key)) return NAME_CACHE.get(key);
  const result = typeCodeForHead(key);
  if (NAME_CACHE.size >= 4096) NAME_CACHE.clear();
  NAME_CACHE.set(key, result);
  return result;
}

/** typeCodeForName without its memo, by the first 40 characters (tests compare the two). */
export function typeCodeForNameWhole(text: string): NamedTypeCode | undefined {
  const s = text.slice(0, 200).normalize('NFC').replace(LEADING_JUNK, '');
  return s === '' ? undefined : typeCodeForHead(s.slice(0, 40));
}

const NAME_CACHE = new Map<string, NamedTypeCode | undefined>();
/**
 * The text opens with a letter or digit (no junk to strip) and its first NAME_HEAD + 1 characters are
 * ones NFC leaves alone and that never combine with the one before (canonical combining class 0, NFC
 * quick check Yes): ASCII, Latin-1, Latin Extended (Vietnamese included), general punctuation.
 */
function cleanHead(text: string): boolean {
  const first = text.charCodeAt(0);
  const letterOrDigit = (first >= 48 && first <= 57) || (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || (first >= 0xc0 && first <= 0x24f) || (first >= 0x1e00 && first <= 0x1eff);
  if (!letterOrDigit) return false;
  const end = Math.min(text.length, NAME_HEAD + 1);
  for (let k = 1; k < end; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 0x20 && c <= 0x7e) || (c >= 0xa1 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2010 && c <= 0x2027))) return false;
  }
  return true;
}
/** Folded length of the longest type name (NAME_TABLE is sorted longest first). */
const NAME_MAX = NAME_TABLE[0]![0].length;
/** Characters of a subject read for its type: the longest name, the one after it, and some spaces. */
const NAME_HEAD = NAME_MAX + 4;

function typeCodeForHead(s: string): NamedTypeCode | undefined {
  // The longest type name is about 20 letters: folding the first 32 characters is enough.
  const key = foldKey(s.slice(0, 32));
  for (const [name, code] of NAME_TABLE) {
    if (!key.startsWith(name)) continue;
    const next = key.charAt(name.length);
    if (next === '' || !/[\p{L}\p{N}]/u.test(next)) return code;
  }
  // Abbreviation as the first token: letters up to a space or punctuation.
  const token = /^[\p{L}]+/u.exec(s)?.[0];
  if (token === undefined || token.length > 5) return undefined;
  const rest = s.charAt(token.length);
  if (rest !== '' && /[\p{L}\p{N}]/u.test(rest)) return undefined;
  if (token !== upper(token) && !MIXED_CASE_CODES.has(token)) return undefined;
  if (upper(token) === 'CV') return 'cong-van';
  const m = matchStateTypeCode(token);
  if (!m) return undefined;
  // All-caps or D-for-Đ spellings of official codes are accepted here (TTR, QD).
  return m.info.code === 'CV' ? 'cong-van' : m.info.code;
}

const TRAILING_JUNK = /[\s"'“”‘’«»\-–—•*·.:;,()[\]]+$/u;

/**
 * True when a "Tên loại và trích yếu" (or "Trích yếu") cell names a document type and nothing else —
 * `Quyết định`, `QĐ`, `Công văn.` — i.e. the entry carries no trích yếu (the way a Tuyệt mật
 * document is registered). Names and abbreviations as typeCodeForName reads them.
 */
export function namesTypeOnly(text: string): boolean {
  const s = text.slice(0, 200).normalize('NFC').replace(LEADING_JUNK, '').replace(TRAILING_JUNK, '');
  if (s === '') return false;
  const key = foldKey(s);
  if (NAME_TABLE.some(([name]) => name === key)) return true;
  return /^\p{L}{1,5}$/u.test(s) && typeCodeForHead(s) !== undefined;
}

/** Short name of a State type code (`QĐ` → `Quyết định`). */
export function typeNameForCode(code: string): string | undefined {
  return STATE_TYPES.get(code)?.name;
}
