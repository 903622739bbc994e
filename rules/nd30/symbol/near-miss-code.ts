import { defineRule } from '../../../src/engine/rule.js';
import type { Location } from '../../../src/core/types.js';
import { isLawIssuer, isPartyIssuer, matchKnownIssuer, typeNameForCode } from '../../data/doc-types.js';
import { adviceEn, adviceVi, agencyIssuers, hasSplitNumber, includesCode, ND30, symbolOf } from './common.js';
import { likelyTypeCode, oneEdit } from './near-miss.js';
import type { ParsedSymbol } from './types.js';

// A code one edit from the code it was meant to be (Phụ lục I II.3: the abbreviations are fixed —
// by Phụ lục III for types, by the agency's head for its own): a type group no table knows but one
// edit from an official code (`TTL` for `TTLT`, `Tr` for `TTr`), or an issuer code seen once in a
// book that writes a code one edit from it at least FREQUENT times (`BKHCMT` among 85 × `BKHCNMT`).
// The likely code is a suggestion: only the original document can tell.

/** An issuer code written this many times in a book is the book's spelling. */
const FREQUENT = 5;
/** Shorter codes (VP, KT, SNV/SNN) differ by one letter between real, distinct bodies. */
const MIN_LENGTH = 4;

interface Seen {
  count: number;
  /** The first (only, if count stays 1) occurrence. */
  location: Location;
  raw: string;
  split: boolean;
  adviceVi: string;
  adviceEn: string;
}

/** The issuer codes of a symbol: its issuer, and the co-issuers of a joint text. */
function issuerCodes(p: ParsedSymbol): readonly string[] {
  if (p.issuer === undefined) return [];
  if (p.form === 'joint') return [p.issuer, ...p.units];
  if (p.form === 'typed' || p.form === 'cong-van' || p.form === 'qppl' || p.form === 'copy' || p.form === 'vbhn') return [p.issuer];
  return [];
}

const replaceCode = (raw: string, from: string, to: string): string | undefined => {
  const i = raw.indexOf(from);
  if (i < 0 || raw.indexOf(from, i + 1) >= 0) return undefined;
  return raw.slice(0, i) + to + raw.slice(i + from.length);
};

export default defineRule({
  meta: {
    id: 'symbol/near-miss-code',
    category: 'symbol',
    defaultSeverity: 'warning',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Mã viết tắt lệch một ký tự so với mã đúng: mã loại văn bản (TTL thay cho TTLT, Tr thay cho TTr) hoặc mã cơ quan chỉ gặp một lần trong sổ trong khi sổ ghi nhiều lần một mã gần giống (BKHCMT giữa nhiều BKHCNMT).',
      en: 'An abbreviation one character off the right one: a type code (TTL for TTLT, Tr for TTr) or an issuer code seen once in a book that writes a near-identical code many times (BKHCMT among many BKHCNMT).',
    },
    messages: {
      type: {
        vi: 'Số, ký hiệu "{value}" có "{written}" ở vị trí tên loại văn bản, không phải mã nào trong bảng chữ viết tắt; có thể là "{code}" ({name}): "{fixed}". Kiểm tra lại với văn bản.{adviceVi}',
        en: 'Symbol "{value}" has "{written}" where the type belongs, which is no code of the abbreviation table; it is likely "{code}" ({name}): "{fixed}". Check it against the document.{adviceEn}',
      },
      issuer: {
        vi: 'Mã cơ quan "{written}" trong "{value}" chỉ gặp một lần trong sổ, trong khi sổ ghi "{code}" {count} lần; có thể viết nhầm "{code}": "{fixed}". Kiểm tra lại với văn bản.{adviceVi}',
        en: 'Issuer code "{written}" in "{value}" appears once in the book, which writes "{code}" {count} times; it is likely a slip for "{code}": "{fixed}". Check it against the document.{adviceEn}',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3; Phụ lục III, mục I', kind: 'derived' },
    fix: 'suggestion',
    examples: {
      failing: { kind: 'incoming', entries: [{ symbol: '101/2011/TTL-BTC-BKHCN', issuedDate: '09/05/2011', arrivalNumber: '1', arrivalDate: '12/05/2011' }] },
      passing: { kind: 'incoming', entries: [{ symbol: '101/2011/TTLT-BTC-BKHCN', issuedDate: '09/05/2011', arrivalNumber: '1', arrivalDate: '12/05/2011' }] },
    },
  },
  check(context) {
    const own = agencyIssuers(context.agency);
    const seen = new Map<string, Seen>();
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        if (!parsed || parsed.form === 'unparseable' || parsed.form === 'empty') return;
        const split = hasSplitNumber(entry);
        const likely = likelyTypeCode(parsed);
        if (likely) {
          const fixed = replaceCode(parsed.raw, likely.written, likely.code);
          context.report({
            entry,
            field: 'symbol',
            messageId: 'type',
            data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: parsed.raw, written: likely.written, code: likely.code, name: typeNameForCode(likely.code)?.toLowerCase() ?? likely.code, fixed: fixed ?? likely.code },
            ...(fixed !== undefined ? { fix: { from: parsed.raw, to: fixed, kind: 'suggestion' as const } } : {}),
          });
          return;
        }
        // A look-alike letter (`UBНD`, Cyrillic Н) is symbol/lookalike's; in the agency's own book an
        // issuer outside its configured codes is symbol/agency-code's.
        if (parsed.repairs.some((r) => r.kind === 'lookalike')) return;
        const ownBook = entry.register.kind === 'outgoing' && own.length > 0;
        for (const code of issuerCodes(parsed)) {
          if (ownBook && !includesCode(own, code)) continue;
          const s = seen.get(code);
          if (s) s.count++;
          else seen.set(code, { count: 1, location: entry.location('symbol'), raw: parsed.raw, split, adviceVi: adviceVi(entry), adviceEn: adviceEn(entry) });
        }
      },
      end() {
        const frequent = [...seen].filter(([code, s]) => s.count >= FREQUENT && [...code].length >= MIN_LENGTH - 1);
        if (frequent.length === 0) return;
        for (const [code, s] of seen) {
          if (s.count !== 1 || [...code].length < MIN_LENGTH) continue;
          if (matchKnownIssuer(code) !== undefined || isLawIssuer(code) || isPartyIssuer(code) || includesCode(own, code)) continue;
          let best: [string, Seen] | undefined;
          for (const f of frequent) if (f[0].toUpperCase() !== code.toUpperCase() && oneEdit(code, f[0]) && (!best || f[1].count > best[1].count)) best = f;
          if (!best) continue;
          const fixed = replaceCode(s.raw, code, best[0]);
          context.report({
            location: s.location,
            messageId: 'issuer',
            data: { adviceVi: s.adviceVi, adviceEn: s.adviceEn, value: s.raw, written: code, code: best[0], count: best[1].count, fixed: fixed ?? best[0] },
            ...(fixed !== undefined && !s.split ? { fix: { field: 'symbol' as const, from: s.raw, to: fixed, kind: 'suggestion' as const } } : {}),
          });
        }
      },
    };
  },
});
