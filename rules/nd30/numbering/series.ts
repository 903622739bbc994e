// Which numbering series an outgoing entry belongs to. ND 30 Điều 15.1: numbers run from 01 on
// 1 January to 31 December; each QPPL type has its own series (15.1.a); copies share one series of
// their own (Phụ lục I, Phần II, II.1.c); administrative documents follow the head of the agency's
// scheme (15.1.c) — one series for all of them is the default here.
import type { Entry } from '../../../src/register/model.js';
import { yearOf } from '../../../src/core/dates.js';
import { symbolOf } from '../symbol/common.js';

export interface SeriesSlot {
  /** Series name, e.g. `main`, `copy`, `qppl:QĐ`. */
  readonly series: string;
  readonly year: number;
  /** The running number's value (07, 7 and 007 are the same number). */
  readonly number: number;
}

/**
 * The series, year and number of an outgoing entry; undefined when it has no usable running number.
 * An unreadable date (`12/13/2024`) takes `fallbackYear` — the year of the entry before it, since
 * registers run in date order — so that it neither vanishes from its series nor opens a false gap.
 */
export function seriesSlot(entry: Entry, fallbackYear?: number): SeriesSlot | undefined {
  const parsed = symbolOf(entry);
  const num = parsed?.number;
  if (!parsed || !num || num.malformed !== undefined || num.suffix !== undefined || !Number.isFinite(num.value)) return undefined;
  let series: string;
  switch (parsed.form) {
    case 'copy':
      series = 'copy';
      break;
    case 'qppl':
    case 'joint':
      series = `qppl:${parsed.canonicalType ?? parsed.type ?? '?'}`;
      break;
    case 'typed':
    case 'cong-van':
      series = 'main';
      break;
    default:
      return undefined;
  }
  const day = entry.day('issuedDate');
  const year = day !== undefined ? yearOf(day) : (fallbackYear ?? entry.register.title.year);
  if (year === undefined) return undefined;
  return { series, year, number: num.value };
}

export const seriesKey = (s: SeriesSlot): string => `${s.series}|${s.year}`;

/** Human name of a series for messages. */
export function seriesLabel(series: string, lang: 'vi' | 'en'): string {
  if (series === 'main') return lang === 'vi' ? 'văn bản hành chính' : 'administrative documents';
  if (series === 'copy') return lang === 'vi' ? 'bản sao (SY/SL/TrS)' : 'copies (SY/SL/TrS)';
  if (series.startsWith('qppl:')) return lang === 'vi' ? `văn bản QPPL ${series.slice(5)}` : `legal normative ${series.slice(5)}`;
  return series;
}

/** Remembers the last readable year so entries with unreadable dates stay in their series. */
export function yearTracker(): { slot(entry: Entry): SeriesSlot | undefined } {
  let last: number | undefined;
  return {
    slot(entry) {
      const slot = seriesSlot(entry, last);
      const day = entry.day('issuedDate');
      if (day !== undefined) last = yearOf(day);
      return slot;
    },
  };
}
