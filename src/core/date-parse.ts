// Reading one cell of a date column. Pure and browser-safe. Vietnam writes dates day first, so
// `05/03/2024` is 5 March; when the other reading is also a real date, it is returned as `swapped`
// so that rules can suggest a US-locale mix-up without this module guessing which one is meant.

import { foldAccents } from './text.js';
import { dayNumber, isValidYmd, serialToDay } from './dates.js';
import type { DayNumber } from './dates.js';
import type { RawValue } from '../ingest/types.js';

export type DateParse =
  | {
      readonly ok: true;
      readonly day: DayNumber;
      readonly source: 'serial' | 'text';
      /** Short label of the form read: 'serial', 'dd/mm/yyyy', 'd/m/yy', 'dd.mm.yyyy', 'iso', 'words', … */
      readonly format: string;
      /** Day-first text whose month/day reading is also a date (both ≤ 12, different): that day. */
      readonly swapped?: DayNumber;
    }
  | { readonly ok: false; readonly reason: 'empty' | 'unparseable' | 'invalid' };

const EMPTY: DateParse = { ok: false, reason: 'empty' };
const UNPARSEABLE: DateParse = { ok: false, reason: 'unparseable' };
const INVALID: DateParse = { ok: false, reason: 'invalid' };

/** Earliest and latest four-digit years read from text (Date.UTC maps years 0–99 to 19xx). */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

// d/m/y with one separator used twice ('/', '-' or '.'), an optional time (`hh:mm`, `10h30`).
const DAY_FIRST =
  /^(\d{1,2}) ?([/.-]) ?(\d{1,2}) ?\2 ?(\d{4}|\d{2})((?: |, ?|T)\d{1,2}[:hg]\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[ap]\.?m\.?)?)?$/i;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?: ?(?:Z|[+-]\d{2}:?\d{2}))?)?$/i;
const YEAR_FIRST_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
/** Five digits (years 1927–2173 as serials), maybe with a fraction: a serial stored as text. */
const SERIAL_TEXT = /^(\d{5})(?:[.,]\d+)?$/;
// "ngày 6 tháng 4 năm 2024", searched in the diacritic-free lower-case form of the text.
const WORDS = /(?:^|[^a-z])ngay\s*(\d{1,2})\s*,?\s*thang\s*(\d{1,2})\s*,?\s*nam\s*(\d{4})(?!\d)/;

export function parseDateValue(value: RawValue, date1904: boolean): DateParse {
  if (value === null) return EMPTY;
  if (typeof value === 'number') return fromSerial(value, date1904);
  if (typeof value !== 'string') return UNPARSEABLE;
  const text = value.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (text === '') return EMPTY;
  return parseDateText(text, date1904);
}

function fromSerial(serial: number, date1904: boolean): DateParse {
  const day = serialToDay(serial, date1904);
  return day === undefined ? INVALID : { ok: true, day, source: 'serial', format: 'serial' };
}

function parseDateText(text: string, date1904: boolean): DateParse {
  const serial = SERIAL_TEXT.exec(text);
  if (serial) return fromSerial(Number((serial[0] ?? '').replace(',', '.')), date1904);

  const iso = ISO.exec(text);
  if (iso) return yearFirst(iso, 'iso');
  const slash = YEAR_FIRST_SLASH.exec(text);
  if (slash) return yearFirst(slash, 'yyyy/mm/dd');

  const dmy = DAY_FIRST.exec(text);
  if (dmy) return dayFirst(dmy);

  if (!/[a-zA-Z\u00C0-\u1EF9]/.test(text)) return UNPARSEABLE;
  const folded = foldVietnamese(text);
  const words = WORDS.exec(folded);
  if (words) {
    const [day, month, year] = [Number(words[1]), Number(words[2]), Number(words[3])];
    return validDay(year, month, day) ? { ok: true, day: dayNumber(year, month, day), source: 'text', format: 'words' } : INVALID;
  }
  // "Ngày 05/03/2024": the word, then a numeric date.
  if (folded.startsWith('ngay ')) {
    const rest = DAY_FIRST.exec(text.slice(5));
    if (rest) return dayFirst(rest);
  }
  return UNPARSEABLE;
}

function yearFirst(m: RegExpExecArray, format: string): DateParse {
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDay(year, month, day) ? { ok: true, day: dayNumber(year, month, day), source: 'text', format } : INVALID;
}

function dayFirst(m: RegExpExecArray): DateParse {
  const dayText = m[1] ?? '';
  const sep = m[2] ?? '/';
  const monthText = m[3] ?? '';
  const yearText = m[4] ?? '';
  const day = Number(dayText);
  const month = Number(monthText);
  let year = Number(yearText);
  if (yearText.length === 2) year += year <= 69 ? 2000 : 1900;
  if (!validDay(year, month, day)) return INVALID;

  let format = `${dayText.length === 2 ? 'dd' : 'd'}${sep}${monthText.length === 2 ? 'mm' : 'm'}${sep}${yearText.length === 4 ? 'yyyy' : 'yy'}`;
  if (m[5] !== undefined) format += ' hh:mm';
  const result = { ok: true, day: dayNumber(year, month, day), source: 'text', format } as const;
  if (day <= 12 && month <= 12 && day !== month) return { ...result, swapped: dayNumber(year, day, month) };
  return result;
}

function validDay(year: number, month: number, day: number): boolean {
  return year >= MIN_YEAR && year <= MAX_YEAR && isValidYmd(year, month, day);
}

const foldVietnamese = foldAccents;
