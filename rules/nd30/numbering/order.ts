import * as z from 'zod';
import { formatDate } from '../../../src/core/dates.js';
import { defineRule } from '../../../src/engine/rule.js';
import { ND30 } from '../symbol/common.js';
import { firstHolders, placeOf, seriesData, seriesHandlers, type SeriesCollector } from './series.js';

// Điều 15.1: numbers and dates follow "thứ tự và trình tự thời gian ban hành"; Điều 22.2: số đến in
// "thứ tự và trình tự thời gian tiếp nhận". A higher number with an earlier date is the trace of a
// number given out afterwards ("cấp số lùi", "lấy số lùi ngày" — inspection finding 3).
//
// Which entry is out of order: the entries off the longest chain of numbers whose dates never go
// back (a longest non-decreasing subsequence, so that one mistyped date flags one entry, not the 30
// after it; between two swapped neighbours the higher number is flagged). Same-day entries are in
// order whatever their numbers; `toleranceDays` widens that. A series where dates and numbers
// disagree everywhere (more than `maxShare` of the entries) gets one finding instead of hundreds:
// the book was not kept in numbering order, or the date column holds something else.
// Letter-suffixed numbers (236a) are insertions: numbers squeezed in after the fact.
const Options = z.strictObject({
  /** Inversions of at most this many days are tolerated (0: only same-day entries). */
  toleranceDays: z.number().int().min(0).max(31).default(0),
  /** Above this share of out-of-order entries a series gets one summary finding. */
  maxShare: z.number().min(0).max(1).default(0.15),
});

export default defineRule<z.infer<typeof Options>>({
  meta: {
    id: 'numbering/order',
    category: 'numbering',
    defaultSeverity: 'warning',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Số văn bản (số đến) phải theo thứ tự thời gian: số lớn hơn mà ngày sớm hơn là dấu hiệu cấp số lùi; số có chữ cái (236a) là số chèn.',
      en: 'Numbers (arrival numbers) must follow the dates: a higher number with an earlier date is the sign of a number given out afterwards; a lettered number (236a) is an insertion.',
    },
    messages: {
      earlier: {
        vi: 'Số {number} mang ngày {date}, sớm hơn số {otherNumber} ngày {otherDate} ({otherPlaceVi}) trong dãy số {seriesVi} năm {year}: số và ngày không theo thứ tự thời gian (cấp số lùi?).',
        en: 'Number {number} is dated {date}, earlier than number {otherNumber} dated {otherDate} ({otherPlaceEn}) in the {seriesEn} series of {year}: numbers and dates are out of order (number given out afterwards?).',
      },
      later: {
        vi: 'Số {number} mang ngày {date}, muộn hơn số {otherNumber} cấp sau nó (ngày {otherDate}, {otherPlaceVi}) trong dãy số {seriesVi} năm {year}: kiểm tra lại ngày hoặc số.',
        en: 'Number {number} is dated {date}, later than number {otherNumber} given out after it (dated {otherDate}, {otherPlaceEn}) in the {seriesEn} series of {year}: check the date or the number.',
      },
      swapped: {
        vi: 'Số {number} mang ngày {date}, không theo thứ tự thời gian của dãy số {seriesVi} năm {year}; đọc ngược ngày/tháng ({suggested}) thì đúng thứ tự — có thể ngày bị gõ theo kiểu Mỹ.',
        en: 'Number {number} is dated {date}, out of the date order of the {seriesEn} series of {year}; read with day and month swapped ({suggested}) it fits — perhaps a US-style date.',
      },
      disordered: {
        vi: 'Trong dãy số {seriesVi} năm {year}, {count}/{total} văn bản có ngày không theo thứ tự số (ví dụ số {number} ngày {date}): sổ không ghi theo thứ tự cấp số, hoặc cột ngày không phải ngày văn bản.',
        en: 'In the {seriesEn} series of {year}, {count} of {total} entries have dates out of number order (e.g. number {number} dated {date}): the register was not kept in numbering order, or the date column is not the document date.',
      },
      insertion: {
        vi: 'Số {number} là số chèn (sau số {base}) trong dãy số {seriesVi} năm {year}: dấu hiệu cấp số lùi.',
        en: 'Number {number} is an inserted number (after {base}) in the {seriesEn} series of {year}: the sign of a number given out afterwards.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 15 khoản 1; Điều 22 khoản 2', kind: 'exact' },
    fix: 'none',
    options: Options,
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '20/QĐ-UBND', issuedDate: '05/03/2024' }, { symbol: '21/QĐ-UBND', issuedDate: '04/03/2024' }, { symbol: '22/QĐ-UBND', issuedDate: '06/03/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '20/QĐ-UBND', issuedDate: '04/03/2024' }, { symbol: '21/QĐ-UBND', issuedDate: '05/03/2024' }, { symbol: '22/QĐ-UBND', issuedDate: '05/03/2024' }] },
    },
  },
  check(context) {
    const { toleranceDays, maxShare } = context.options;
    return seriesHandlers(context, (model, c) => {
      for (const s of model.series) {
        // A partial list (a gazette, a danh mục) holds a selection in its own order: numbers out of date order there say nothing.
        if (c.register(s.items[0]!).partial !== undefined) continue;
        const first = firstHolders(c, s);
        // Entries dated in the wrong year (register/period reports them) would only repeat that finding here.
        const ordered = inNumberOrder(c, first, model.outlier);
        const kept = longestInOrder(c, ordered);
        const flagged: { i: number; messageId: string; other?: number; suggested?: number }[] = [];
        ordered.forEach((i, k) => {
          if (kept[k] === 1) return;
          const d = c.day.at(i);
          // The nearest kept lower number dated later, or else the nearest kept higher number dated earlier.
          let other: number | undefined;
          for (let j = k - 1; j >= 0 && other === undefined; j--) if (kept[j] === 1 && c.day.at(ordered[j]!) > d) other = ordered[j];
          let messageId = 'earlier';
          if (other === undefined) {
            messageId = 'later';
            for (let j = k + 1; j < ordered.length && other === undefined; j++) if (kept[j] === 1 && c.day.at(ordered[j]!) < d) other = ordered[j];
          }
          if (other !== undefined && Math.abs(c.day.at(other) - d) <= toleranceDays) return;
          const swapped = c.swapped.get(i);
          if (swapped !== undefined && fits(c, ordered, kept, k, swapped)) flagged.push({ i, messageId: 'swapped', suggested: swapped });
          else flagged.push({ i, messageId, ...(other !== undefined ? { other } : {}) });
        });
        if (flagged.length > Math.max(5, maxShare * ordered.length)) {
          const firstFlag = flagged.reduce((a, b) => (b.i < a.i ? b : a));
          context.report({
            location: c.location(firstFlag.i),
            messageId: 'disordered',
            data: { ...seriesData(s), count: flagged.length, total: ordered.length, number: c.label(firstFlag.i), date: formatDate(c.day.at(firstFlag.i)) },
          });
        } else {
          for (const f of flagged) {
            const here = c.location(f.i);
            const data: Record<string, string | number> = { ...seriesData(s), number: c.label(f.i), date: formatDate(c.day.at(f.i)) };
            if (f.suggested !== undefined) data['suggested'] = formatDate(f.suggested);
            if (f.other !== undefined) {
              const there = c.location(f.other);
              const place = placeOf(there, here);
              Object.assign(data, { otherNumber: c.label(f.other), otherDate: formatDate(c.day.at(f.other)), otherRow: c.row.at(f.other), otherPlaceVi: place.vi, otherPlaceEn: place.en });
              context.report({ location: here, messageId: f.messageId, data, related: [there] });
            } else context.report({ location: here, messageId: f.messageId, data });
          }
        }
        // Insertions: 236a after 236.
        for (const i of s.items) {
          // Dotted numbers (66.3) are a numbering practice of their own, not an insertion.
          if (!c.suffix.has(i) || c.suffix.get(i)!.startsWith('.')) continue;
          const base = first.get(c.num.at(i));
          const here = c.location(i);
          context.report({
            location: here,
            messageId: 'insertion',
            data: { ...seriesData(s), number: c.label(i), base: c.label(base ?? i).replace(/[^\d]+$/, '') },
            ...(base !== undefined ? { related: [c.location(base)] } : {}),
          });
        }
      }
    });
  },
});

/**
 * The first holder of each number, in number order, leaving out entries without a readable date and
 * those dated in another year than their neighbours (register/period reports them). The numbers are
 * distinct: sorted as numbers, each names its entry.
 */
function inNumberOrder(c: SeriesCollector, first: ReadonlyMap<number, number>, outlier: readonly boolean[]): number[] {
  const nums = new Float64Array(first.size);
  let n = 0;
  first.forEach((i, x) => {
    if (!Number.isNaN(c.day.at(i)) && !outlier[i]) nums[n++] = x;
  });
  const sorted = nums.subarray(0, n).sort();
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[k] = first.get(sorted[k]!)!;
  return out;
}

/**
 * The entries (in number order) that stay in date order: a longest non-decreasing subsequence of
 * days. Computed from the highest number down, so that between equal-length choices the lower
 * numbers are kept and the higher, later-issued one is flagged.
 */
function longestInOrder(c: SeriesCollector, ordered: readonly number[]): Uint8Array {
  const n = ordered.length;
  // Reverse scan: longest non-increasing subsequence of days read from the end.
  const tails: number[] = []; // tails[len-1] = position (in ordered) of the best tail
  const prev = new Array<number>(n).fill(-1);
  const day = (k: number): number => c.day.at(ordered[k]!);
  for (let k = n - 1; k >= 0; k--) {
    const d = day(k);
    // Find the first tail whose day is < d (non-increasing: we may extend tails with day >= d).
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (day(tails[mid]!) >= d) lo = mid + 1;
      else hi = mid;
    }
    prev[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  }
  const kept = new Uint8Array(n);
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k >= 0; k = prev[k]!) kept[k] = 1;
  return kept;
}

/** Would the swapped reading put entry k between its kept neighbours? */
function fits(c: SeriesCollector, ordered: readonly number[], kept: Uint8Array, k: number, day: number): boolean {
  let lo = -Infinity;
  let hi = Infinity;
  for (let j = k - 1; j >= 0; j--) if (kept[j] === 1) {
    lo = c.day.at(ordered[j]!);
    break;
  }
  for (let j = k + 1; j < ordered.length; j++) if (kept[j] === 1) {
    hi = c.day.at(ordered[j]!);
    break;
  }
  if (day < lo || day > hi) return false;
  // At either end of the series only one side bounds the reading: it must then sit close to it.
  return Number.isFinite(lo) && Number.isFinite(hi) ? true : Math.min(Math.abs(day - lo), Math.abs(hi - day)) <= 7;
}
