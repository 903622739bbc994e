// parseSymbol: "Số, ký hiệu" cell → ParsedSymbol (see types.ts). Never throws; linear time;
// inputs longer than MAX_INPUT characters are returned as 'unparseable' without further work.
//
// Layers
//   a. tokenizer  — NFC, trim, look-alike characters, then groups (letters/digits/&) and separator
//                   runs (whitespace, line breaks, / \ - . _). Any other character → unparseable.
//   b. normaliser — decides what each separator run really is (join, '-', '/', '.'), splits lost
//                   hyphens, restores Đ and canonical case; every change is a Repair.
//   c. validator  — decides the form and fills the fields.
//
// Representation decisions (rules rely on these):
//   • Missing number (`/TB-UBND`): `number` is undefined, the form is still decided from the rest
//     (here 'typed'). A symbol without any "/" at all is 'unparseable' (except the repairable
//     `21-2018-TT-BYT`, `07_2017_BTC`, `15_QĐ_UBND` and historic `15-CP` shapes).
//   • Malformed number (`V`, `IV`, `1O`, `12ab`): `number = { digits: '', value: NaN, malformed }`.
//   • Letter suffix `236a` → `{ digits: '236', value: 236, suffix: 'a' }`; dotted Government
//     numbers `66.3` → `{ digits: '66', value: 66, suffix: '.3' }` (no repair: legitimate).
//   • Year segment: any all-digit segment between the number and the type is the year, kept as
//     written: `22/202 /QĐ-UBND` → form 'qppl', `year: '202'`. Rules check /^\d{4}$/ and the date.
//   • `2024/QĐ-UBND`: the first segment is always the number (2024), never a year.
//   • First group after "/" (or after the year) is a type code when it is in Phụ lục III, a QPPL
//     code, VBHN, or a known unofficial code (CV, GT, BSY, BS, HN, VB, KL) → typed / copy / qppl /
//     joint / vbhn; otherwise the symbol is a công văn (issuer = first group, units = the rest).
//     An ambiguous `NN/TTr-VP` (Tờ trình, or a công văn of a Thanh tra "TTr") is read as Tờ trình.
//   • canonicalType: the canonical spelling (`TTR` → TTr, `QD` → QĐ); for unofficial codes with a
//     certain official replacement, that replacement (`GT` → GGT, `BSY` → SY); otherwise the code
//     itself (`CV`, `HN`, `VB`, `KL`), with typeStatus 'unofficial'. Unknown Party codes: undefined.
//   • Party `NN-TYPE/ISSUER` when TYPE is a Party code (or unknown); historic `NN-ISSUER/TYPE`
//     when ISSUER is not a Party code and TYPE is an old State type code (TT, CT, QĐ, NĐ …):
//     `22-BNV/TT` → historic, issuer BNV, type TT.
//   • Joint QPPL `NN/YYYY/TTLT-A-B`: issuer = A, units = [B, …]. Law `NN/YYYY/QH15`: issuer QH15,
//     no type. QPPL with an unknown first group (`07/2017/BTC`): type undefined, issuer BTC.
//   • Party issuers in State form (`09/NQ-TW`) parse as 'typed' with issuer TW: rules use
//     isPartyIssuer() from rules/data/doc-types.ts to flag them.
//   • Upper-casing is applied only to groups written all in lower case or in Title case (`ubnd`,
//     `Ubnd`); other mixed-case groups (`NHNo`, `TTr` as an issuer, `ThU`) are agency spellings
//     and kept. Official mixed-case codes (QyĐ CTr TTr TrS, issuer TTg) are restored exactly.
//   • 'normalized' of any parse whose form is not 'unparseable'/'empty' re-parses with no repairs
//     and the same form. For 'unparseable' it is the text after character-level repairs.

import {
  applyDForĐ,
  isIssuerLike,
  isLawIssuer,
  matchDForĐIssuer,
  matchHistoricIssuerWithoutType,
  matchHistoricTypeCode,
  matchKnownIssuer,
  matchMixedCaseIssuer,
  matchPartyTypeCode,
  matchStateTypeCode,
  type CodeMatch,
  type StateTypeInfo,
} from '../../data/doc-types.js';
import { nearMixedCaseType } from './near-miss.js';
import type { ParsedSymbol, Repair, SymbolForm, SymbolNumber } from './types.js';

/** Inputs longer than this are not analysed (bounded work on pasted paragraphs). */
export const MAX_INPUT = 200;

type Kind = Repair['kind'];

// ---------------------------------------------------------------------------------------------
// Character classes and look-alikes.

const LINE_BREAKS = new Set(['\n', '\r', '\u000B', '\u000C', '\u0085', '\u2028', '\u2029']);
const INVISIBLES = new Set(['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u180E']);
const QUOTES = new Set(['"', "'", '`', '\u201C', '\u201D', '\u2018', '\u2019', '\u00AB', '\u00BB']);

function isSpace(ch: string): boolean {
  return /\s/u.test(ch) || INVISIBLES.has(ch) || LINE_BREAKS.has(ch);
}

const GROUP_CHAR = /[\p{L}\p{M}\p{N}&]/u;
const SEP_CHARS = new Set(['/', '\\', '-', '.', '_']);

const LOOKALIKE = new Map<string, string>([
  // Đ look-alikes: Icelandic eth, African D.
  ['\u00D0', 'Đ'],
  ['\u0189', 'Đ'],
  ['\u00F0', 'đ'],
  ['\u0256', 'đ'],
  // Slashes.
  ['\u2044', '/'],
  ['\u2215', '/'],
  ['\u29F8', '/'],
  // Dashes and minus signs.
  ['\u2010', '-'],
  ['\u2011', '-'],
  ['\u2012', '-'],
  ['\u2013', '-'],
  ['\u2014', '-'],
  ['\u2015', '-'],
  ['\u2043', '-'],
  ['\u2212', '-'],
  ['\uFE58', '-'],
  ['\uFE63', '-'],
  // Cyrillic capitals.
  ['А', 'A'],
  ['В', 'B'],
  ['С', 'C'],
  ['Е', 'E'],
  ['Н', 'H'],
  ['І', 'I'],
  ['Ӏ', 'I'],
  ['Ј', 'J'],
  ['К', 'K'],
  ['М', 'M'],
  ['О', 'O'],
  ['Р', 'P'],
  ['Ѕ', 'S'],
  ['Т', 'T'],
  ['Х', 'X'],
  ['Ү', 'Y'],
  ['Ԛ', 'Q'],
  ['Ԝ', 'W'],
  // Cyrillic small letters that look Latin.
  ['а', 'a'],
  ['с', 'c'],
  ['е', 'e'],
  ['о', 'o'],
  ['р', 'p'],
  ['х', 'x'],
  ['у', 'y'],
  ['і', 'i'],
  ['ј', 'j'],
  ['ѕ', 's'],
  ['һ', 'h'],
  ['ԁ', 'd'],
  ['ԛ', 'q'],
  ['ԝ', 'w'],
  // Greek capitals.
  ['Α', 'A'],
  ['Β', 'B'],
  ['Ε', 'E'],
  ['Ζ', 'Z'],
  ['Η', 'H'],
  ['Ι', 'I'],
  ['Κ', 'K'],
  ['Μ', 'M'],
  ['Ν', 'N'],
  ['Ο', 'O'],
  ['Ρ', 'P'],
  ['Τ', 'T'],
  ['Υ', 'Y'],
  ['Χ', 'X'],
  ['ο', 'o'],
]);
// Full-width ASCII (！ … ～) → ASCII.
for (let cp = 0xff01; cp <= 0xff5e; cp++) LOOKALIKE.set(String.fromCodePoint(cp), String.fromCodePoint(cp - 0xfee0));
const STROKES = new Set(['\u0335', '\u0336']); // D + combining stroke → Đ

/** Replace look-alikes; returns the new text and one repair per run of replaced characters. */
function mapLookalikes(text: string): { text: string; repairs: Repair[] } {
  const cps = [...text];
  const out: string[] = [];
  const repairs: Repair[] = [];
  let runFrom = '';
  let runTo = '';
  const flush = (): void => {
    if (runFrom !== '') repairs.push({ kind: 'lookalike', from: runFrom, to: runTo });
    runFrom = '';
    runTo = '';
  };
  for (let i = 0; i < cps.length; i++) {
    const ch = cps[i] as string;
    const next = cps[i + 1];
    if ((ch === 'D' || ch === 'd') && next !== undefined && STROKES.has(next)) {
      const to = ch === 'D' ? 'Đ' : 'đ';
      runFrom += ch + next;
      runTo += to;
      out.push(to);
      i++;
      continue;
    }
    const mapped = LOOKALIKE.get(ch);
    if (mapped !== undefined) {
      runFrom += ch;
      runTo += mapped;
      out.push(mapped);
      continue;
    }
    flush();
    out.push(ch);
  }
  flush();
  return { text: out.join(''), repairs };
}

/** Look-alikes + NFC until stable (silent): used on text the parser itself produced. */
function canonChars(text: string): string {
  let t = text;
  for (let i = 0; i < 3; i++) {
    const next = mapLookalikes(t).text.normalize('NFC');
    if (next === t) break;
    t = next;
  }
  return t;
}

/** Smallest differing middle of two strings (by code point). */
function minimalDiff(a: string, b: string): { from: string; to: string } {
  const x = [...a];
  const y = [...b];
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  return { from: x.slice(p, x.length - s).join(''), to: y.slice(p, y.length - s).join('') };
}

// ---------------------------------------------------------------------------------------------
// Tokens.

interface Grp {
  text: string;
}

interface Sep {
  /** Exact text of the run (after character-level repairs). */
  readonly orig: string;
  /** The run without whitespace. */
  readonly core: string;
  readonly ws: boolean;
  readonly brk: boolean;
  /** Final separator: '/', '-', '.', '' (groups joined); '_' only before resolution. */
  value: string;
  /** Inserted by a lost-hyphen split (reported by that repair). */
  readonly synthetic?: boolean;
  /** A whitespace run read as one of several possible separators (see Repair.uncertain). */
  uncertain?: boolean;
}

function makeSep(orig: string): Sep | null {
  let core = '';
  let ws = false;
  let brk = false;
  for (const ch of orig) {
    if (LINE_BREAKS.has(ch)) {
      brk = true;
      ws = true;
    } else if (isSpace(ch)) ws = true;
    else if (SEP_CHARS.has(ch)) core += ch;
    else return null;
  }
  let value: string;
  if (core.includes('/') || core.includes('\\')) value = '/';
  else if (core.includes('-')) value = '-';
  else if (core.includes('_')) value = '_';
  else if (core.includes('.')) value = '.';
  else value = '';
  return { orig, core, ws, brk, value };
}

const SYNTH_HYPHEN = (): Sep => ({ orig: '', core: '', ws: false, brk: false, value: '-', synthetic: true });

interface Segment {
  g: Grp[];
  /** s[i] sits between g[i] and g[i + 1]. */
  s: Sep[];
}

// ---------------------------------------------------------------------------------------------
// Small predicates.

const DIGITS = /^[0-9]+$/u;
const NUMBER_LIKE = /^[0-9]+[A-HJ-NP-Za-km-np-z]?$/u;
const YEAR4 = /^(?:19|20)[0-9]{2}$/u;
const HAS_LETTER = /\p{L}/u;
/** A document type name (and `số`) before the number: `Thông tư 217-KHKT/TT`, `Quyết định số 15/QĐ-UBND`. */
const TYPE_NAME_LEAD =
  /^(?:thông tư liên tịch|thông tư liên bộ|thông tư|quyết định|nghị định|nghị quyết liên tịch|nghị quyết|chỉ thị|công văn|công điện|thông báo|thông cáo|kế hoạch|báo cáo|tờ trình|hướng dẫn|quy định|quy chế|pháp lệnh|luật|lệnh|văn bản hợp nhất|văn bản|giấy mời)(?:\s+s[oố])?\s*[:.]?\s+(?=[0-9])/iu;
/** `Số:`, `Số `, `số.` before a number or a slash. */
const SO_LABEL = /^s[oố](?:\s*[:.]\s*|\s+)(?=[0-9/])/iu;

function startsWithLetter(s: string): boolean {
  return /^\p{L}/u.test(s);
}

function parseNumber(text: string): SymbolNumber {
  if (DIGITS.test(text)) return { digits: text, value: Number.parseInt(text, 10) };
  // One letter appended (cấp số lùi: 236a). O, o, I, l look like digits (1O = 10?): malformed.
  const m = /^([0-9]+)([A-HJ-NP-Za-km-np-z])$/u.exec(text);
  if (m) {
    const digits = m[1] as string;
    return { digits, value: Number.parseInt(digits, 10), suffix: m[2] as string };
  }
  return { digits: '', value: Number.NaN, malformed: text };
}

/** Title case (`Ubnd`, `Vx1`) or all lower case (`ubnd`) → needs upper-casing. */
function needsUpper(g: string): boolean {
  const hasLower = g !== g.toUpperCase();
  if (!hasLower) return false;
  const hasUpper = g !== g.toLowerCase();
  if (!hasUpper) return true;
  const first = [...g][0] as string;
  const rest = g.slice(first.length);
  const firstIsUpper = first !== first.toLowerCase() && first === first.toUpperCase();
  return firstIsUpper && rest !== rest.toUpperCase() && rest === rest.toLowerCase() && HAS_LETTER.test(rest);
}

// ---------------------------------------------------------------------------------------------
// The parser.

class Ctx {
  readonly repairs: Repair[] = [];
  add(kind: Kind, from: string, to: string, uncertain?: boolean): void {
    if (from !== to) this.repairs.push(uncertain === true ? { kind, from, to, uncertain } : { kind, from, to });
  }
  /** Report a separator's repairs given its final value. */
  sep(s: Sep): void {
    if (s.synthetic === true) return;
    if (s.core === '') {
      if (s.value === '') this.add(s.brk ? 'line-break' : 'space', s.orig, '', s.uncertain);
      else this.add(s.brk ? 'line-break' : 'separator', s.orig, s.value, s.uncertain);
      return;
    }
    if (s.ws) this.add(s.brk ? 'line-break' : 'space', s.orig, s.core);
    if (s.core !== s.value) this.add('separator', s.core, s.value);
  }
}

interface Fields {
  form: SymbolForm;
  number?: SymbolNumber;
  year?: string;
  type?: string;
  canonicalType?: string;
  typeStatus?: 'official' | 'unofficial' | 'unknown';
  issuer?: string;
  units: string[];
}

function result(raw: string, normalized: string, f: Fields, repairs: readonly Repair[]): ParsedSymbol {
  const r: {
    -readonly [K in keyof ParsedSymbol]: ParsedSymbol[K];
  } = { raw, normalized, form: f.form, units: f.units, repairs };
  if (f.number !== undefined) r.number = f.number;
  if (f.year !== undefined) r.year = f.year;
  if (f.type !== undefined) r.type = f.type;
  if (f.canonicalType !== undefined) r.canonicalType = f.canonicalType;
  if (f.typeStatus !== undefined) r.typeStatus = f.typeStatus;
  if (f.issuer !== undefined) r.issuer = f.issuer;
  return r;
}

function unparseable(raw: string, normalized: string, repairs: readonly Repair[]): ParsedSymbol {
  return result(raw, normalized, { form: 'unparseable', units: [] }, repairs);
}

/** Type-position match: apply the D-for-Đ and case repairs to the group (canonical code). */
function fixTypeGroup<T extends { readonly code: string }>(ctx: Ctx, g: Grp, m: CodeMatch<T>): void {
  const written = g.text;
  if (m.via === 'd-for-đ' || m.via === 'd-for-đ+case') {
    const withĐ = applyDForĐ(written, m.info.code);
    ctx.add('d-for-đ', written, withĐ);
    ctx.add('case', withĐ, m.info.code);
  } else if (m.via === 'case') {
    ctx.add('case', written, m.info.code);
  }
  g.text = m.info.code;
}

/** Issuer / unit group: official mixed case (issuer only), generic case, known D-for-Đ issuers. */
function fixNameGroup(ctx: Ctx, g: Grp, isIssuerPosition: boolean): void {
  const written = g.text;
  if (isIssuerPosition) {
    const mc = matchMixedCaseIssuer(written);
    if (mc) {
      ctx.add('case', written, mc.info.code);
      g.text = mc.info.code;
      return;
    }
    // `Tr` is no code in capitals (`TR`) either: one edit from TTr, it is a misspelt type code
    // (symbol/near-miss-code suggests it), kept as written rather than "fixed" into another miss.
    if (nearMixedCaseType(written) !== undefined) return;
  }
  let t = written;
  if (needsUpper(t)) {
    const up = canonChars(t.toUpperCase());
    ctx.add('case', t, up);
    t = up;
  }
  const d = matchDForĐIssuer(t);
  if (d) {
    const withĐ = applyDForĐ(t, d.info.code);
    ctx.add('d-for-đ', t, withĐ);
    t = withĐ;
  }
  g.text = t;
}

function segText(seg: Segment): string {
  let out = '';
  seg.g.forEach((g, i) => {
    out += g.text;
    const s = seg.s[i];
    if (s !== undefined) out += s.value;
  });
  return out;
}

/** Words of a symbol segment: groups split at '-' (dots stay inside a word). */
function words(seg: Segment): Grp[][] {
  const out: Grp[][] = [[]];
  seg.g.forEach((g, i) => {
    (out[out.length - 1] as Grp[]).push(g);
    const s = seg.s[i];
    if (s !== undefined && s.value === '-') out.push([]);
  });
  return out;
}

function wordText(w: readonly Grp[], seg: Segment): string {
  // Dots inside a word: find the separators between consecutive groups of this word.
  let out = '';
  w.forEach((g, i) => {
    out += g.text;
    if (i < w.length - 1) {
      const idx = seg.g.indexOf(g);
      out += seg.s[idx]?.value ?? '';
    }
  });
  return out;
}

export interface ParseOptions {
  /**
   * Issuer codes known from the config (the agency's own, `SNV`, `STC`), split off a lost hyphen like
   * the table's (`12/QĐSNV` → `12/QĐ-SNV`).
   */
  readonly issuers?: readonly string[];
}

export function parseSymbol(raw: string, options: ParseOptions = {}): ParsedSymbol {
  try {
    const issuers = options.issuers ?? NO_ISSUERS;
    return parseNumbered(raw, issuers) ?? parseInner(raw, issuers);
  } catch {
    // Defensive: the parser is total by construction; never let a bug become an exception.
    return unparseable(raw, raw, []);
  }
}

const NO_ISSUERS: readonly string[] = [];

/** The parse without the leading-number shortcut of parseNumbered (tests compare the two). */
export function parseSymbolWhole(raw: string, options: ParseOptions = {}): ParsedSymbol {
  try {
    return parseInner(raw, options.issuers ?? NO_ISSUERS);
  } catch {
    return unparseable(raw, raw, []);
  }
}

/** Parses of the text after the number, per issuer list (a book's symbols share a few dozen of them). */
const restMemo = new WeakMap<readonly string[], Map<string, ParsedSymbol>>();
const REST_MEMO_SIZE = 4096;

/**
 * `NN/rest`: everything the parser decides after a leading number and its slash is the same whatever
 * the number's digits (trimming, the label, prose, notes and look-alikes look at the rest only; the
 * number is a group of its own, read by parseNumber), so the rest is parsed once as `0/rest` and the
 * number put back. Undefined for every other shape (and for inputs too long to analyse): the full parse.
 */
function parseNumbered(raw: string, issuers: readonly string[]): ParsedSymbol | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_INPUT) return undefined;
  // The leading ASCII digits and a slash after them (a scan: no match array per entry).
  let k = 0;
  for (let ch = raw.charCodeAt(0); ch >= 48 && ch <= 57; ch = raw.charCodeAt(++k));
  if (k === 0 || raw.charCodeAt(k) !== 47) return undefined;
  const digits = raw.slice(0, k);
  const rest = raw.slice(k);
  let memo = restMemo.get(issuers);
  if (memo === undefined) restMemo.set(issuers, (memo = new Map()));
  let template = memo.get(rest);
  if (template === undefined) {
    template = parseInner(`0${rest}`, issuers);
    if (memo.size >= REST_MEMO_SIZE) memo.clear();
    memo.set(rest, template);
  }
  if (!template.normalized.startsWith('0')) return undefined;
  const normalized = digits + template.normalized.slice(1);
  if (template.number === undefined) return { ...template, raw, normalized };
  if (template.number.digits !== '0' || template.number.suffix !== undefined || template.number.malformed !== undefined) return undefined;
  return { ...template, raw, normalized, number: parseNumber(digits) };
}

const TRAILING_NOTE = /^(\S*\d\S*\/\S+)(\s+\S.*)$/su;

/** Words with a lower-case marked vowel: Vietnamese text, not a code (codes are written in capitals). */
function isNote(tail: string): boolean {
  const t = tail.trim();
  return /^\p{L}/u.test(t) && MARKED_VOWEL.test(t);
}

/** One of the issuers the config adds to the table's (compared in capitals). */
function isExtraIssuer(extra: readonly string[], code: string): boolean {
  if (extra.length === 0) return false;
  const c = code.toUpperCase();
  return extra.some((x) => x.normalize('NFC').toUpperCase() === c);
}

/** Type codes that also begin issuer names (`HĐTĐKT`, `CTMTTQ`, `TTBCĐ`, `TTrSNV`, `LĐTN`). */
const COMPOUND_HEADS = new Set(['HĐ', 'CT', 'TT', 'TTR', 'L']);

const MARKED_VOWEL = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/u;

/**
 * Prose, not a symbol: a subject line ("V/v …", về việc), or two lower-case words of which one
 * carries a Vietnamese vowel mark ("chưa cấp số") in a cell that does not start with a symbol. Codes
 * typed in lower case (`qđ ubnd`) have no marked vowel and stay symbols with repairs.
 */
function isProse(text: string): boolean {
  if (/^v\s*\/\s*v(?:\s|$)/iu.test(text)) return true;
  // A symbol with a note after it (`12/SNV-VP đã hủy`) keeps its number for the numbering rules.
  if (/^\S*\d\S*\//u.test(text)) return false;
  const words = text.split(/\s+/u).filter((w) => /^\p{Ll}{2,}$/u.test(w));
  return words.length >= 2 && words.some((w) => MARKED_VOWEL.test(w));
}

/** Replaces an array's items in place (not `splice(0, n, ...items)`, which deoptimises its caller). */
function refill<T>(target: T[], items: readonly T[]): void {
  target.length = 0;
  for (const x of items) target.push(x);
}

function parseInner(raw: string, extraIssuers: readonly string[]): ParsedSymbol {
  const str = typeof raw === 'string' ? raw : String(raw);
  if (str.length > MAX_INPUT) return unparseable(str, str, []);
  const ctx = new Ctx();

  // ---- a. character level ------------------------------------------------------------------
  let text = str.normalize('NFC');
  if (text !== str) {
    const d = minimalDiff(str, text);
    ctx.add('nfc', d.from, d.to);
  }
  const isTrimmable = (ch: string): boolean => isSpace(ch) || QUOTES.has(ch);
  {
    const cps = [...text];
    let a = 0;
    while (a < cps.length && isTrimmable(cps[a] as string)) a++;
    let b = cps.length;
    while (b > a && isTrimmable(cps[b - 1] as string)) b--;
    if (a > 0) ctx.add('trim', cps.slice(0, a).join(''), '');
    if (b < cps.length) ctx.add('trim', cps.slice(b).join(''), '');
    text = cps.slice(a, b).join('');
  }
  {
    // The label printed before the symbol on the document ("Số: 12/QĐ-UBND") copied into the cell:
    // not part of the symbol, dropped like surrounding whitespace.
    const label = SO_LABEL.exec(text);
    if (label) {
      ctx.add('trim', label[0], '');
      text = text.slice(label[0].length);
    }
  }
  {
    // The type name copied before the symbol (`Thông tư 217-KHKT/TT`, `Quyết định số 15/QĐ-UBND`):
    // set aside so the symbol is read; symbol/type-name reports it and no rule offers a fix.
    const named = TYPE_NAME_LEAD.exec(text);
    if (named) {
      ctx.add('type-name', named[0], '');
      text = text.slice(named[0].length);
    }
  }
  if (text === '') return result(str, '', { form: 'empty', units: [] }, []);
  // A sentence written into the symbol column ("V/v chưa cấp số", "chưa ban hành"): no symbol at
  // all, not a symbol with defects to repair one by one. Prose and remarks need a space; most
  // symbols have none and skip both looks.
  const spaced = /\s/u.test(text);
  if (spaced ? isProse(text) : /^v\/v$/iu.test(text)) return unparseable(str, text, ctx.repairs);
  if (spaced) {
    // A remark after the symbol (`12/SNV-VP đã hủy`, `14/QĐ-UBND thu hồi`): the clerk's note, set
    // aside so that the symbol itself is checked (and numbered) as written.
    const m = TRAILING_NOTE.exec(text);
    if (m && isNote(m[2]!)) {
      ctx.add('note', text.slice(m[1]!.length), '');
      text = m[1]!;
    }
  }
  {
    const m = mapLookalikes(text);
    ctx.repairs.push(...m.repairs);
    text = m.text.normalize('NFC');
  }

  // ---- tokenise ---------------------------------------------------------------------------
  const runs: { group: boolean; text: string }[] = [];
  for (const ch of text) {
    const isG = GROUP_CHAR.test(ch);
    if (!isG && !isSpace(ch) && !SEP_CHARS.has(ch)) return unparseable(str, text, ctx.repairs);
    const last = runs[runs.length - 1];
    if (last !== undefined && last.group === isG) last.text += ch;
    else runs.push({ group: isG, text: ch });
  }
  const G: Grp[] = [];
  const S: Sep[] = []; // S[i] between G[i] and G[i+1]
  let lead: Sep | undefined;
  let trail: Sep | undefined;
  runs.forEach((r, i) => {
    if (r.group) {
      G.push({ text: r.text });
      return;
    }
    const s = makeSep(r.text) as Sep; // only separator characters reach here
    if (i === 0) lead = s;
    else if (i === runs.length - 1) trail = s;
    else S.push(s);
  });
  if (G.length === 0) return unparseable(str, text, ctx.repairs);

  // Leading separator: a '/' means "number missing" (reported with the other slashes at the
  // end); anything else is junk. A trailing separator is always junk.
  if (lead !== undefined && lead.value !== '/') {
    lead.value = '';
    ctx.sep(lead);
    lead = undefined;
  }
  if (trail !== undefined) {
    trail.value = '';
    ctx.sep(trail);
  }

  // ---- whitespace-only separators: join, or a hyphen after a type code ----------------------
  const isKnownCode = (g: string): boolean =>
    matchKnownIssuer(g) !== undefined || matchKnownIssuer(g.replace(/&/gu, '')) !== undefined || isExtraIssuer(extraIssuers, g);
  {
    const g2: Grp[] = [G[0] as Grp];
    const s2: Sep[] = [];
    for (let i = 0; i < S.length; i++) {
      const s = S[i] as Sep;
      const right = G[i + 1] as Grp;
      if (s.value !== '') {
        s2.push(s);
        g2.push(right);
        continue;
      }
      const left = g2[g2.length - 1] as Grp;
      const before = s2.length > 0 ? s2[s2.length - 1] : lead;
      const afterSlash = before !== undefined && before.value === '/';
      const asHyphen =
        afterSlash &&
        startsWithLetter(right.text) &&
        matchStateTypeCode(left.text) !== undefined &&
        matchStateTypeCode(left.text + right.text) === undefined;
      // `12/2024 QĐ-UBND`: a space standing for the slash after the year.
      const asSlash = afterSlash && YEAR4.test(left.text) && startsWithLetter(right.text);
      // `15 TT/KH-NV-TC`, `15 QĐ-UBND`: a space after the running number stands for its separator —
      // never joined into the number ("15TT"). Before a later slash it is the hyphen of the
      // `NN-TYPE/ISSUER` forms (Party, pre-1997 State), one reading among others; else the slash.
      const afterNumber = g2.length === 1 && before === undefined && DIGITS.test(left.text) && startsWithLetter(right.text);
      const laterSlash = afterNumber && S.slice(i + 1).some((x) => x.value === '/');
      // `BTC BLĐTB&XH`: two issuer codes of the table whose join is none — the space stands for
      // the hyphen between them (likely, not certain). Joined codes the table knows (`BGD ĐT` →
      // BGDĐT) are certain; any other join of two code groups is likely only.
      const between = !afterNumber && !asHyphen && !asSlash && startsWithLetter(left.text) && startsWithLetter(right.text);
      const knownJoin = between && isKnownCode(left.text + right.text);
      const twoCodes = between && !knownJoin && isKnownCode(left.text) && isKnownCode(right.text);
      if (asHyphen || asSlash || afterNumber || twoCodes) {
        s.value = asHyphen || twoCodes || laterSlash ? '-' : '/'; // reported with the other separators at the end
        if (twoCodes || laterSlash) s.uncertain = true;
        s2.push(s);
        g2.push(right);
      } else {
        if (between && !knownJoin && [...left.text].length >= 2 && [...right.text].length >= 2) s.uncertain = true;
        ctx.sep(s); // value '' → 'space' / 'line-break' repair
        left.text += right.text;
      }
    }
    refill(G, g2);
    refill(S, s2);
  }

  // ---- segments split at '/' -----------------------------------------------------------------
  const segs: Segment[] = [];
  const slashes: Sep[] = [];
  if (lead !== undefined) {
    segs.push({ g: [], s: [] });
    slashes.push(lead);
  }
  segs.push({ g: [G[0] as Grp], s: [] });
  for (let i = 0; i < S.length; i++) {
    const s = S[i] as Sep;
    const g = G[i + 1] as Grp;
    if (s.value === '/') {
      slashes.push(s);
      segs.push({ g: [g], s: [] });
    } else {
      const cur = segs[segs.length - 1] as Segment;
      cur.s.push(s);
      cur.g.push(g);
    }
  }

  const fail = (): ParsedSymbol => unparseable(str, text, ctx.repairs);
  const splitSeg = (segIdx: number, sepIdx: number): void => {
    // Turn segs[segIdx].s[sepIdx] into a slash.
    const seg = segs[segIdx] as Segment;
    const sep = seg.s[sepIdx] as Sep;
    sep.value = '/';
    const left: Segment = { g: seg.g.slice(0, sepIdx + 1), s: seg.s.slice(0, sepIdx) };
    const right: Segment = { g: seg.g.slice(sepIdx + 1), s: seg.s.slice(sepIdx + 1) };
    segs.splice(segIdx, 1, left, right);
    slashes.splice(segIdx, 0, sep);
  };
  const isLooseSep = (s: Sep | undefined): boolean =>
    s !== undefined && (s.value === '-' || s.value === '_' || s.value === '.');

  // ---- no slash at all: only a few repairable shapes ---------------------------------------
  if (slashes.length === 0) {
    const seg = segs[0] as Segment;
    const [g0, g1, g2] = seg.g;
    if (
      g0 &&
      g1 &&
      g2 &&
      NUMBER_LIKE.test(g0.text) &&
      YEAR4.test(g1.text) &&
      isLooseSep(seg.s[0]) &&
      isLooseSep(seg.s[1]) &&
      startsWithLetter(g2.text)
    ) {
      // 21-2018-TT-BYT, 07_2017_BTC
      splitSeg(0, 1);
      splitSeg(0, 0);
    } else if (g0 && g1 && NUMBER_LIKE.test(g0.text) && seg.s[0]?.value === '_' && startsWithLetter(g1.text)) {
      splitSeg(0, 0); // 15_QĐ_UBND
    } else if (g0 && g1 && seg.g.length === 2 && DIGITS.test(g0.text) && seg.s[0]?.value === '-') {
      // Pre-1997 `15-CP`, `217-HĐBT`.
      const h = matchHistoricIssuerWithoutType(g1.text);
      if (!h) return fail();
      fixTypeGroup(ctx, g1, h);
      ctx.sep(seg.s[0] as Sep);
      return result(
        str,
        `${g0.text}-${g1.text}`,
        { form: 'historic', number: parseNumber(g0.text), issuer: g1.text, units: [] },
        ctx.repairs,
      );
    } else {
      return fail();
    }
  }

  // ---- segment 0: the number (or Party / historic head) --------------------------------------
  const f: Fields = { form: 'unparseable', units: [] };
  let partyHead: Grp | undefined; // NN-TYPE/… or NN-ISSUER/…
  {
    const seg0 = segs[0] as Segment;
    const [g0, g1] = seg0.g;
    if (g0 === undefined) {
      // missing number
    } else if (g1 === undefined) {
      f.number = parseNumber(g0.text);
    } else if (seg0.g.length === 2) {
      const s = seg0.s[0] as Sep;
      if (s.value === '.' && DIGITS.test(g0.text) && /^[0-9]{1,2}$/u.test(g1.text)) {
        f.number = { digits: g0.text, value: Number.parseInt(g0.text, 10), suffix: `.${g1.text}` };
      } else if (isLooseSep(s) && NUMBER_LIKE.test(g0.text) && YEAR4.test(g1.text)) {
        splitSeg(0, 0); // 21-2018/TT-BYT
        f.number = parseNumber(g0.text);
      } else if (s.value === '-' && HAS_LETTER.test(g1.text) && segs.length === 2) {
        f.number = parseNumber(g0.text);
        partyHead = g1;
      } else if (s.value === '.') {
        f.number = { digits: '', value: Number.NaN, malformed: `${g0.text}.${g1.text}` };
      } else {
        return fail();
      }
    } else {
      return fail();
    }
  }

  // ---- Party / historic ----------------------------------------------------------------------
  if (partyHead !== undefined) {
    const rest = segs[1] as Segment;
    for (const s of rest.s) if (s.value === '_') s.value = '-';
    const pm = matchPartyTypeCode(partyHead.text);
    const hm =
      pm === undefined && rest.g.length === 1 ? matchHistoricTypeCode((rest.g[0] as Grp).text) : undefined;
    const ws = words(rest);
    if (hm !== undefined) {
      f.form = 'historic';
      f.type = (rest.g[0] as Grp).text;
      fixTypeGroup(ctx, rest.g[0] as Grp, hm);
      f.canonicalType = hm.info.code;
      f.typeStatus = 'official';
      fixNameGroup(ctx, partyHead, true);
      f.issuer = partyHead.text;
    } else {
      f.form = 'party';
      f.type = partyHead.text;
      if (pm) {
        fixTypeGroup(ctx, partyHead, pm);
        f.canonicalType = pm.info.code;
        f.typeStatus = 'official';
      } else {
        fixNameGroup(ctx, partyHead, false);
        f.typeStatus = 'unknown';
      }
      ws.forEach((w, wi) => {
        for (const g of w) fixNameGroup(ctx, g, wi === 0);
      });
      f.issuer = wordText(ws[0] as Grp[], rest);
      f.units = ws.slice(1).map((w) => wordText(w, rest));
    }
    return finish(str, ctx, segs, slashes, f);
  }

  // ---- year segment --------------------------------------------------------------------------
  let restStart = 1;
  {
    const s1 = segs[1];
    if (s1 !== undefined && segs.length >= 3 && s1.g.length === 1 && DIGITS.test((s1.g[0] as Grp).text)) {
      f.year = (s1.g[0] as Grp).text;
      restStart = 2;
    } else if (
      s1 !== undefined &&
      segs.length === 2 &&
      s1.g.length >= 2 &&
      YEAR4.test((s1.g[0] as Grp).text) &&
      isLooseSep(s1.s[0]) &&
      startsWithLetter((s1.g[1] as Grp).text)
    ) {
      splitSeg(1, 0); // 12/2024-QĐ-UBND
      f.year = (segs[1]?.g[0] as Grp).text;
      restStart = 2;
    }
  }
  if (segs.length <= restStart) return fail();

  // ---- several segments after the number/year: `TTLT/BTC-BNV` --------------------------------
  if (segs.length > restStart + 1) {
    const first = segs[restStart] as Segment;
    if (first.g.length !== 1 || matchStateTypeCode((first.g[0] as Grp).text) === undefined) return fail();
    const merged: Segment = { g: [], s: [] };
    for (let i = restStart; i < segs.length; i++) {
      const seg = segs[i] as Segment;
      if (i > restStart) {
        const sl = slashes[i - 1] as Sep;
        sl.value = '-';
        merged.s.push(sl);
      }
      merged.g.push(...seg.g);
      merged.s.push(...seg.s);
    }
    segs.splice(restStart, segs.length - restStart, merged);
    slashes.splice(restStart, slashes.length - restStart);
  }

  // ---- the symbol segment --------------------------------------------------------------------
  const sym = segs[restStart] as Segment;
  for (const s of sym.s) if (s.value === '_') s.value = '-';
  const head = sym.g[0] as Grp;
  if (!HAS_LETTER.test(head.text)) return fail();
  let tm: CodeMatch<StateTypeInfo> | undefined = matchStateTypeCode(head.text);
  if (tm === undefined && !isIssuerLike(head.text) && !isExtraIssuer(extraIssuers, head.text)) {
    // Lost hyphen: `QĐUBND`, `NĐCP` — a type code followed by a known issuer code.
    const cps = [...head.text];
    for (let cut = Math.min(cps.length - 1, 6); cut >= 1; cut--) {
      const prefix = cps.slice(0, cut).join('');
      const restText = cps.slice(cut).join('');
      const pm = matchStateTypeCode(prefix);
      if (pm === undefined) continue;
      // A configured issuer counts after a type code that does not also open compound issuer names
      // (Hội đồng, Chủ tịch, Thường trực/Trung tâm, Thanh tra, Liên …: `HĐTĐKT` is an issuer of its own).
      if (!isIssuerLike(restText) && !(isExtraIssuer(extraIssuers, restText) && !COMPOUND_HEADS.has(prefix.toUpperCase()))) continue;
      ctx.add('lost-hyphen', head.text, `${prefix}-${restText}`);
      head.text = prefix;
      sym.g.splice(1, 0, { text: restText });
      sym.s.splice(0, 0, SYNTH_HYPHEN());
      tm = pm;
      break;
    }
  }
  if (tm !== undefined && sym.s[0]?.value === '.' && sym.g[1] !== undefined && startsWithLetter(sym.g[1].text)) {
    (sym.s[0] as Sep).value = '-'; // KH.UBND
  }
  const ws = words(sym);

  if (tm !== undefined) {
    f.type = head.text;
    fixTypeGroup(ctx, head, tm);
    // Unofficial codes with a certain official replacement report it (GT → GGT, BSY → SY);
    // the normalized text keeps what was written (that is a finding, not a spelling repair).
    f.canonicalType = tm.info.replacement ?? tm.info.code;
    f.typeStatus = tm.info.status;
    const code = tm.info.code;
    if (code === 'VBHN') f.form = 'vbhn';
    else if (tm.info.joint) f.form = 'joint';
    else if (f.year !== undefined) f.form = 'qppl';
    else if (tm.info.copy) f.form = 'copy';
    else f.form = 'typed';
    const names = ws.slice(1);
    names.forEach((w, wi) => {
      for (const g of w) fixNameGroup(ctx, g, wi === 0);
    });
    if (names[0] !== undefined) f.issuer = wordText(names[0], sym);
    f.units = names.slice(1).map((w) => wordText(w, sym));
  } else {
    ws.forEach((w, wi) => {
      for (const g of w) fixNameGroup(ctx, g, wi === 0);
    });
    const first = ws[0] as Grp[];
    const firstText = wordText(first, sym);
    if (f.year !== undefined && ws.length === 1 && first.length === 1 && isLawIssuer(firstText)) {
      f.form = 'law';
    } else {
      f.form = f.year !== undefined ? 'qppl' : 'cong-van';
    }
    f.issuer = firstText;
    f.units = ws.slice(1).map((w) => wordText(w, sym));
  }
  return finish(str, ctx, segs, slashes, f);
}

function finish(raw: string, ctx: Ctx, segs: Segment[], slashes: Sep[], f: Fields): ParsedSymbol {
  let normalized = '';
  segs.forEach((seg, i) => {
    for (const s of seg.s) ctx.sep(s);
    normalized += segText(seg);
    const sl = slashes[i];
    if (i < segs.length - 1 && sl !== undefined) {
      ctx.sep(sl);
      normalized += '/';
    }
  });
  return result(raw, normalized, f, ctx.repairs);
}
