// Symbols of earlier eras (rules/data/symbol-eras.json). Real incoming books and published lists hold
// documents of every period since the 1970s: `159/QĐ`, `38-QĐ`, `88/CP`, `275/TĐC-QĐ`, `15-TT/LB`,
// `35/2002/TTLT/BTC-BKHCNMT` were the forms of their time. A symbol is judged by the rules in force
// on its document date: an older form dated within its era explains the current rules' findings
// (they are dropped); with no date at all it gets one warning naming its era (symbol/older-form);
// dated after its era it is judged like any other symbol.
import { dayNumber, yearOf, type DayNumber } from '../../../src/core/dates.js';
import type { Entry } from '../../../src/register/model.js';
import erasJson from '../../data/symbol-eras.json' with { type: 'json' };
import { isLawIssuer, isPartyIssuer, matchPartyTypeCode, matchStateTypeCode, stateTypeCode } from '../../data/doc-types.js';
import type { ParsedSymbol } from './types.js';

export interface Era {
  readonly id: string;
  readonly from?: string;
  readonly until?: string;
  readonly vi: string;
  readonly en: string;
  readonly texts: string;
  readonly confidence: string;
}

export interface OlderForm {
  readonly id: string;
  readonly era: Era;
  /** Last day (ISO) the form was valid. */
  readonly validUntil: string;
  readonly validUntilDay: DayNumber;
  readonly vi: string;
  readonly en: string;
  /** The shape is also a valid current symbol (`63/TC-KHKT` reads as a Thông cáo today). */
  readonly validToday: boolean;
  /** Rules whose findings the form explains; undefined = every symbol rule but the exempt ones. */
  readonly rules?: readonly string[];
}

const isoDay = (iso: string): DayNumber => {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y!, m!, d!);
};

export const ERAS: readonly Era[] = erasJson.eras;
const ERA_BY_ID = new Map(ERAS.map((e) => [e.id, e] as const));
const FORMS = new Map<string, OlderForm>(
  erasJson.forms.map((f) => [
    f.id,
    {
      id: f.id,
      era: ERA_BY_ID.get(f.era)!,
      validUntil: f.validUntil,
      validUntilDay: isoDay(f.validUntil),
      vi: f.vi,
      en: f.en,
      validToday: (f as { validToday?: boolean }).validToday === true,
      ...((f as { rules?: string[] }).rules ? { rules: (f as { rules: string[] }).rules } : {}),
    },
  ]),
);
export const OLDER_FORMS: readonly OlderForm[] = [...FORMS.values()];
const EXEMPT = new Set(erasJson.exempt.rules);
const OLD_ISSUERS = new Set(erasJson.oldIssuerCodes.codes.map((c) => c.code));
const OLD_TYPES = new Set(erasJson.oldTypeCodes.codes);

/** The era a day falls in. */
export function eraOf(day: DayNumber): Era {
  for (const e of ERAS) if (e.until === undefined || day <= isoDay(e.until)) return e;
  return ERAS[ERAS.length - 1]!;
}

// Shapes, on the cell as written (NFC, trimmed, no inner whitespace: a spaced symbol is a defect of
// every era). Code groups are Latin capitals with Đ, lower-case letters inside (TTg) and `&`.
const C = '[A-ZĐ][A-Za-zĐđ&]*';
const N = '[0-9]{1,5}[a-z]?';
const JOINT_SLASH = new RegExp(`^${N}/(?:19|20)[0-9]{2}/(?:TTLT|NQLT|TTLB)/${C}(?:-${C})+$`, 'u');
const HYPHEN_ONLY = new RegExp(`^${N}-(${C}(?:-${C})*)$`, 'u');
const SINGLE = new RegExp(`^${N}/(${C})$`, 'u');
const HEAD_SLASH = new RegExp(`^${N}-(${C}(?:-${C})*)/(${C}(?:-${C})*)$`, 'u');
const TWO = new RegExp(`^${N}/(${C})-(${C})$`, 'u');
const OLD_ISSUER_FIRST = new RegExp(`^${N}/(${C})-${C}(?:-${C})*$`, 'u');
/** Types that never name a drafting unit: after an issuer (`275/TĐC-QĐ`) they are the type. */
const TYPE_AFTER = new Set(['QĐ', 'NQ', 'NĐ', 'TTLT', 'TTLB']);

const isType = (g: string): boolean => OLD_TYPES.has(g) || matchStateTypeCode(g)?.via === 'exact';

/**
 * The older forms a symbol's shape matches (several may: `1/TT-LB` is only unpadded; `5-QĐ` is a
 * hyphen number without issuer). Empty for current forms and for anything spaced or unparsed.
 */
export function olderForms(p: ParsedSymbol): readonly OlderForm[] {
  const text = p.raw.normalize('NFC').trim();
  if (text === '' || text.length > 80 || /\s/u.test(text)) return [];
  const out: OlderForm[] = [];
  const add = (id: string): void => {
    out.push(FORMS.get(id)!);
  };
  if (JOINT_SLASH.test(text)) add('joint-slash');
  let m = HYPHEN_ONLY.exec(text);
  if (m) {
    add('hyphen-number');
    const groups = m[1]!.split('-');
    if (groups.length === 1) add(isType(groups[0]!) ? 'no-issuer' : 'issuer-only');
  }
  m = SINGLE.exec(text);
  if (m && !isLawIssuer(m[1]!) && !isPartyIssuer(m[1]!)) add(isType(m[1]!) && stateTypeCode(m[1]!) !== undefined ? 'no-issuer' : 'issuer-only');
  m = HEAD_SLASH.exec(text);
  if (m) {
    const left = m[1]!.split('-');
    const right = m[2]!.split('-');
    const party = matchPartyTypeCode(left[0]!) !== undefined && isPartyIssuer(right[0]!);
    if (!party) {
      if (right.length === 1 && isType(right[0]!) && !isType(left[0]!)) add('type-after-issuer');
      else if (isType(left[0]!)) add('type-over-issuers');
    }
  }
  m = TWO.exec(text);
  if (m && TYPE_AFTER.has(m[2]!) && !isType(m[1]!)) add('type-after-issuer');
  m = OLD_ISSUER_FIRST.exec(text);
  if (m && OLD_ISSUERS.has(m[1]!)) add('old-issuer-code');
  if (p.number !== undefined && /^[1-9]$/u.test(p.number.digits) && p.form !== 'party') add('unpadded');
  return out;
}

/** What the register knows of a document's date: its day, else a year (the symbol's year segment, an outgoing book's year). */
export interface DocumentTime {
  readonly day?: DayNumber;
  readonly year?: number;
}

export function documentTime(entry: Entry, p: ParsedSymbol): DocumentTime {
  const day = entry.day('issuedDate');
  if (day !== undefined) return { day };
  if (p.year !== undefined && /^(?:19|20)[0-9]{2}$/u.test(p.year)) return { year: Number(p.year) };
  // An outgoing book's documents are dated in its year; an incoming book's year is the arrivals'.
  if (entry.register.kind === 'outgoing' && entry.register.title.year !== undefined) return { year: entry.register.title.year };
  return {};
}

/** The form was valid at that time (a year alone: valid in some part of it). */
export function validAt(form: OlderForm, t: DocumentTime): boolean {
  if (t.day !== undefined) return t.day <= form.validUntilDay;
  if (t.year !== undefined) return t.year <= yearOf(form.validUntilDay);
  return false;
}

export const undated = (t: DocumentTime): boolean => t.day === undefined && t.year === undefined;

/**
 * A finding of `ruleId` on this symbol is explained by an older form: the form was valid on the
 * document's date, or the register gives no date (symbol/older-form then says which era it matches).
 */
export function explainedByOlderForm(ruleId: string, entry: Entry, p: ParsedSymbol): boolean {
  if (EXEMPT.has(ruleId)) return false;
  const forms = olderForms(p);
  if (forms.length === 0) return false;
  const t = documentTime(entry, p);
  return forms.some((f) => (f.rules === undefined || f.rules.includes(ruleId)) && (undated(t) || validAt(f, t)));
}
