// Header matching: a header cell → a canonical field, ignoring accents, case, whitespace and
// punctuation ('&', ',', '/', 'và' are the same separator) — real-world-input.md §1.
import columns from '../../rules/data/register-columns.json' with { type: 'json' };
import { FIELDS, type FieldName, type RegisterKind } from '../core/types.js';

/** Lower-case, accent-free, đ → d; punctuation kept. For searching title lines (src/core/text.ts). */
export { foldAccents as fold } from '../core/text.js';
import { foldAccents as fold } from '../core/text.js';

/** The comparison key of a header: folded, camelCase and snake_case split, punctuation and "và" dropped. */
export function headerKey(s: string): string {
  const split = s.normalize('NFC').replace(/([a-z])([A-Z])/g, '$1 $2');
  const key = fold(split)
    .replace(/[_&,/\\.:;()[\]{}\-–—'"*?!+|]+/g, ' ')
    .replace(/\bva\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Abbreviations (`VB` văn bản, `KH` ký hiệu …) read as the words they stand for, word by word.
  return key.includes(' ') || ABBREVIATIONS.has(key) ? key.split(' ').map((w) => ABBREVIATIONS.get(w) ?? w).join(' ') : key;
}

const ABBREVIATIONS: ReadonlyMap<string, string> = new Map(Object.entries(columns.abbreviations).filter(([k]) => !k.startsWith('_')));

const SYNONYMS: ReadonlyMap<string, FieldName> = (() => {
  const map = new Map<string, FieldName>();
  const known = new Set<string>(FIELDS);
  for (const [field, variants] of Object.entries(columns.synonyms)) {
    if (!known.has(field)) throw new Error(`register-columns.json: unknown field ${field}`);
    for (const v of variants) {
      const key = headerKey(v);
      if (!map.has(key)) map.set(key, field as FieldName);
    }
  }
  return map;
})();

/** Extra synonyms from config (`columns: { field: "header" | ["h1", "h2"] }`). Column letters are handled by the caller. */
export type HeaderOverrides = ReadonlyMap<string, FieldName>;

export function buildHeaderOverrides(columnsConfig: Readonly<Partial<Record<FieldName, string | readonly string[]>>>): {
  byKey: HeaderOverrides;
  byLetter: ReadonlyMap<string, FieldName>;
} {
  const byKey = new Map<string, FieldName>();
  const byLetter = new Map<string, FieldName>();
  for (const [field, value] of Object.entries(columnsConfig)) {
    const list = typeof value === 'string' ? [value] : (value ?? []);
    for (const v of list) {
      // A column letter: `col:B`, or a bare `B`/`AB` that is not itself a header name (`TT`, `STT`).
      const explicit = /^col:([A-Z]{1,3})$/i.exec(v);
      if (explicit) byLetter.set(explicit[1]!.toUpperCase(), field as FieldName);
      else if (/^[A-Z]{1,2}$/.test(v) && matchHeader(v) === undefined) byLetter.set(v, field as FieldName);
      else byKey.set(headerKey(v), field as FieldName);
    }
  }
  return { byKey, byLetter };
}

/** Longer cells are data or titles, never column headers: not worth folding. */
const MAX_HEADER_LENGTH = 90;
const MATCH_CACHE = new Map<string, FieldName | null>();

/** The field a header cell names, if any. Parenthesised notes ("Ngày chuyển (dd/mm)") are ignored as a fallback. */
export function matchHeader(text: string, overrides?: HeaderOverrides): FieldName | undefined {
  if (text.length > MAX_HEADER_LENGTH) return undefined;
  // Detection looks at the same header texts in every file of a run: remember them (bounded).
  if (!overrides) {
    const hit = MATCH_CACHE.get(text);
    if (hit !== undefined) return hit ?? undefined;
    const field = matchHeaderUncached(text);
    if (MATCH_CACHE.size >= 4096) MATCH_CACHE.clear();
    MATCH_CACHE.set(text, field ?? null);
    return field;
  }
  return matchHeaderUncached(text, overrides);
}

function matchHeaderUncached(text: string, overrides?: HeaderOverrides): FieldName | undefined {
  const key = headerKey(text);
  if (key === '') return undefined;
  const direct = overrides?.get(key) ?? SYNONYMS.get(key);
  if (direct) return direct;
  const withoutNotes = headerKey(text.replace(/\([^)]*\)/g, ' '));
  if (withoutNotes !== key && withoutNotes !== '') return overrides?.get(withoutNotes) ?? SYNONYMS.get(withoutNotes);
  return undefined;
}

/** Fields that mean different things by register kind ("Ngày chuyển": dispatch vs hand-over). */
export function fieldForKind(field: FieldName, kind: RegisterKind): FieldName {
  const remap = (columns.kindDependent as Record<string, Record<string, string> | string>)[field];
  if (remap && typeof remap === 'object') {
    const target = remap[kind];
    if (target) return target as FieldName;
  }
  return field;
}

/** The minimum columns of the Phụ lục IV form of a register kind, with their official headers. */
export function formColumns(kind: RegisterKind): readonly { field: FieldName; header: string }[] {
  return columns.forms[kind].columns as { field: FieldName; header: string }[];
}
