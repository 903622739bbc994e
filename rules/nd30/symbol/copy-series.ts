import type { Location } from '../../../src/core/types.js';
import { defineRule } from '../../../src/engine/rule.js';
import { agencyIssuers, canonicalDigits, includesCode, issuedYear, ND30, symbolOf } from './common.js';

// Copies (SY, SL, TrS) share one registration series of their own, from 01 each year (Phụ lục I,
// Phần II, mục II.1.c). A classic inspection finding is a copy that took the next number of the main
// series instead (`46/SY-UBND` between `45/QĐ-UBND` and `47/UBND-VP`). Judged at the end, when the
// whole main series is known, and conservatively: the copy's number must not continue the copies'
// own series, must be absent from the main series, and must sit right after a main number and
// before the next one (or be the year's last). Only with one series for administrative documents
// (not numbering.scheme "per-type": per-type series make "the running main number" moot). The main
// series is the agency's typed documents and công văn (its configured issuers when set); an entry
// with an unreadable date counts in the year of the entry before it.
interface CopySeen {
  readonly year: number;
  readonly number: number;
  readonly location: Location;
}

export default defineRule({
  meta: {
    id: 'symbol/copy-series',
    category: 'symbol',
    defaultSeverity: 'warning',
    appliesTo: ['outgoing'],
    description: {
      vi: 'Bản sao (SY, SL, TrS) được đánh số theo hệ thống số riêng của bản sao, không lấy số của văn bản chính.',
      en: 'Copies (SY, SL, TrS) are numbered in the copies\' own series, not with the main series\' numbers.',
    },
    messages: {
      mainSeries: {
        vi: 'Bản sao "{value}" mang số {number}, là số kế tiếp của dãy số văn bản chính (sau số {mainBefore}), trong khi {copiesVi}; bản sao phải đánh số theo dãy số riêng.',
        en: 'Copy "{value}" carries number {number}, the next number of the main series (after {mainBefore}), while {copiesEn}; copies take their own series.',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần II, mục II.1.c', kind: 'exact' },
    fix: 'none',
    examples: {
      failing: {
        kind: 'outgoing',
        entries: [
          { symbol: '01/QĐ-UBND', issuedDate: '02/01/2024' },
          { symbol: '02/UBND-VP', issuedDate: '02/01/2024' },
          { symbol: '03/SY-UBND', issuedDate: '03/01/2024' },
          { symbol: '04/TB-UBND', issuedDate: '03/01/2024' },
        ],
      },
      passing: {
        kind: 'outgoing',
        entries: [
          { symbol: '01/QĐ-UBND', issuedDate: '02/01/2024' },
          { symbol: '02/UBND-VP', issuedDate: '02/01/2024' },
          { symbol: '01/SY-UBND', issuedDate: '03/01/2024' },
          { symbol: '03/TB-UBND', issuedDate: '03/01/2024' },
        ],
      },
    },
  },
  check(context) {
    if (context.config.numbering?.scheme === 'per-type') return {};
    const issuers = agencyIssuers(context.agency);
    // The main series' numbers per year, as a list: looked up as a set only when a book has copies.
    const main = new Map<number, number[]>();
    const copies: CopySeen[] = [];
    let lastYear: number | undefined;
    return {
      row(entry) {
        const year = issuedYear(entry) ?? lastYear;
        lastYear = year;
        const parsed = symbolOf(entry, context.agency);
        const num = parsed?.number;
        if (!parsed || !num || year === undefined || num.malformed !== undefined || num.suffix !== undefined || num.value < 1) return;
        if (parsed.form === 'copy') {
          copies.push({ year, number: num.value, location: entry.location('symbol') });
        } else if ((parsed.form === 'typed' || parsed.form === 'cong-van') && (issuers.length === 0 || (parsed.issuer !== undefined && includesCode(issuers, parsed.issuer)))) {
          let list = main.get(year);
          if (!list) main.set(year, (list = []));
          list.push(num.value);
        }
      },
      end() {
        if (copies.length === 0) return;
        const copyMax = new Map<number, number>();
        const lastMain = new Map<number, number>();
        const mainSets = new Map<number, Set<number>>();
        for (const [year, numbers] of main) {
          let last = 0;
          for (const x of numbers) if (x > last) last = x;
          lastMain.set(year, last);
        }
        for (const c of copies) {
          const before = copyMax.get(c.year) ?? 0;
          let numbers = mainSets.get(c.year);
          if (numbers === undefined) mainSets.set(c.year, (numbers = new Set(main.get(c.year))));
          const last = lastMain.get(c.year) ?? 0;
          const fillsMainHole = !numbers.has(c.number) && numbers.has(c.number - 1) && (numbers.has(c.number + 1) || c.number - 1 === last);
          if (c.number > before + 1 && fillsMainHole) {
            context.report({
              location: c.location,
              messageId: 'mainSeries',
              data: {
                value: c.location.value ?? '',
                number: canonicalDigits(c.number),
                mainBefore: canonicalDigits(c.number - 1),
                copyBefore: before === 0 ? '0' : canonicalDigits(before),
                copiesVi: before === 0 ? 'chưa có bản sao nào trước nó trong năm (bản sao đầu tiên mang số 01)' : `bản sao trước đó mới đến số ${canonicalDigits(before)}`,
                copiesEn: before === 0 ? 'no copy came before it that year (the first copy is number 01)' : `the copies had only reached ${canonicalDigits(before)}`,
              },
            });
            continue; // a main-series number: it does not advance the copies' own series
          }
          copyMax.set(c.year, Math.max(before, c.number));
        }
      },
    };
  },
});
