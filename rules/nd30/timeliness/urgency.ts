// Is an entry a "văn bản khẩn" (Hỏa tốc, Thượng khẩn, Khẩn — Điều 4.2.c), to be sent the same day?
//
// In order of trust: the urgency column ("Độ khẩn", "Mức khẩn" …) when it has a value — it decides
// either way; else an explicit mark in the notes; else an explicit mark in the type/subject. Plain
// text is read carefully because "khẩn" is also an ordinary word: "khẩn trương triển khai"
// (urgently), "tình trạng khẩn cấp" (emergency), "khẩn thiết" (earnestly), "độ khẩn: thường", "không
// khẩn" are not urgency marks. In a subject only a mark in brackets, at the start or the end, right
// after the type name ("Công điện khẩn"), or written in capitals inside lower-case text counts;
// "Hỏa tốc" and "Thượng khẩn" are unambiguous and count anywhere (except "chuyển phát hỏa tốc",
// the courier service). Marks are matched with their diacritics: "khan" without them is also
// "khan hiếm" (scarce) and "khán giả" (audience).
import { fold } from '../../../src/register/headers.js';
import type { Entry } from '../../../src/register/model.js';

export type UrgencyLevel = 'hoa-toc' | 'thuong-khan' | 'khan';
export type UrgencySource = 'column' | 'notes' | 'subject';

export interface Urgency {
  readonly level: UrgencyLevel;
  /** The mark as written in Vietnamese documents (used in both languages: it is a term). */
  readonly label: string;
  readonly source: UrgencySource;
  readonly sourceVi: string;
  readonly sourceEn: string;
}

const LABELS: Readonly<Record<UrgencyLevel, string>> = { 'hoa-toc': 'Hỏa tốc', 'thuong-khan': 'Thượng khẩn', khan: 'Khẩn' };
const SOURCES: Readonly<Record<UrgencySource, { vi: string; en: string }>> = {
  column: { vi: 'theo cột độ khẩn', en: 'per the urgency column' },
  notes: { vi: 'theo ghi chú', en: 'per the notes' },
  subject: { vi: 'theo tên loại, trích yếu', en: 'per the type and subject' },
};

// The nine possible answers, built once: detection allocates nothing.
const ANSWERS = new Map<string, Urgency>();
for (const level of Object.keys(LABELS) as UrgencyLevel[]) {
  for (const source of Object.keys(SOURCES) as UrgencySource[]) {
    ANSWERS.set(`${level}|${source}`, { level, label: LABELS[level], source, sourceVi: SOURCES[source].vi, sourceEn: SOURCES[source].en });
  }
}
const answer = (level: UrgencyLevel, source: UrgencySource): Urgency => ANSWERS.get(`${level}|${source}`)!;

// --- the urgency column (accent-free, lower case) -----------------------------------------------

/** Cell values meaning "urgent" in a column headed "Khẩn" (a tick) or "Priority". */
const TICK = /^(x|v|✓|✔|√|co|yes|1|urgent)$/;

/** undefined: the cell is empty; null: the column says the document is not urgent. */
export function urgencyFromColumn(value: string): UrgencyLevel | null | undefined {
  const v = fold(value).trim();
  if (v === '') return undefined;
  if (/\bhoa toc\b/.test(v)) return 'hoa-toc';
  if (/\bthuong khan\b/.test(v)) return 'thuong-khan';
  if (/(?<!\bkhong )(?<!\bchua )\bkhan\b/.test(v) || TICK.test(v)) return 'khan';
  // "Thường", "Bình thường", "Không", "-": the column answers the question.
  return null;
}

// --- free text (NFC, lower case, with diacritics) -------------------------------------------------

const L = '[\\p{L}\\p{N}]';
const MARK = '(hỏa tốc|hoả tốc|thượng khẩn|khẩn)';
/** Words after "khẩn" that make it an ordinary word. */
const NOT_A_MARK = '(?! (?:trương|cấp|thiết))';
/** Words before "khẩn" that describe or negate the mark. */
const NOT_AFTER = '(?<!(?:độ|mức|không|chưa) )';

const levelOf = (mark: string): UrgencyLevel => (mark === 'khẩn' ? 'khan' : mark === 'thượng khẩn' ? 'thuong-khan' : 'hoa-toc');

/** In notes, any mark used as a word. */
const NOTES_MARK = new RegExp(`(?<!${L})${NOT_AFTER}${MARK}(?!${L})${NOT_A_MARK}`, 'u');

/** "chuyển phát / dịch vụ / bưu chính hỏa tốc": the courier service, not a mark. */
const NOT_COURIER = '(?<!(?:phát|vụ|chính) )';
/** Hỏa tốc and Thượng khẩn anywhere but in the courier service's name. */
const STRONG_MARK = new RegExp(`(?<!${L})${NOT_COURIER}(hỏa tốc|hoả tốc|thượng khẩn)(?!${L})`, 'u');
const BRACKETED = new RegExp(`[(\\[]\\s*(?:văn bản\\s+|độ khẩn:?\\s*)?${MARK}\\s*[)\\]]`, 'u');
const AT_START = new RegExp(
  `^[\\s\\-–—*•.:]*(?:(?:công văn|công điện|giấy mời|thông báo|quyết định|tờ trình|báo cáo|kế hoạch|văn bản|v/v)\\s+)?${MARK}(?!${L})${NOT_A_MARK}`,
  'u',
);
const AT_END = new RegExp(`(?<!${L})${NOT_AFTER}${NOT_COURIER}${MARK}[\\s.!)\\]]*$`, 'u');
/** Capitals inside lower-case text: "Công văn KHẨN về việc …". */
const CAPITALS = /(?<![\p{L}\p{N}])(HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|KHẨN)(?![\p{L}\p{N}])(?! (?:TRƯƠNG|CẤP|THIẾT))/u;
const LOWER = /\p{Ll}/u;

/** Cheap pre-test before any regular expression: every mark contains "khẩn" or "tốc". */
const mayHaveMark = (lower: string): boolean => lower.includes('khẩn') || lower.includes('tốc');

export function urgencyFromNotes(text: string): UrgencyLevel | undefined {
  const lower = text.toLowerCase();
  if (!mayHaveMark(lower)) return undefined;
  const m = NOTES_MARK.exec(lower);
  // "Khẩn" in the notes may come before a stronger mark ("Khẩn; Hỏa tốc"): take the strongest.
  if (!m) return undefined;
  const strong = STRONG_MARK.exec(lower);
  return strong ? levelOf(strong[1]!) : levelOf(m[1]!);
}

export function urgencyFromSubject(text: string): UrgencyLevel | undefined {
  const lower = text.toLowerCase();
  if (!mayHaveMark(lower)) return undefined;
  const strong = STRONG_MARK.exec(lower);
  if (strong) return levelOf(strong[1]!);
  const m = BRACKETED.exec(lower) ?? AT_START.exec(lower) ?? AT_END.exec(lower);
  if (m) return levelOf(m[1]!);
  const caps = CAPITALS.exec(text);
  if (caps && LOWER.test(text)) return levelOf(caps[1]!.toLowerCase());
  return undefined;
}

/** The urgency of an entry, or undefined when nothing marks it urgent. */
export function urgencyOf(entry: Entry): Urgency | undefined {
  if (entry.has('urgency')) {
    const col = urgencyFromColumn(entry.text('urgency'));
    if (col === null) return undefined;
    if (col !== undefined) return answer(col, 'column');
  }
  if (entry.has('notes')) {
    const n = urgencyFromNotes(entry.text('notes'));
    if (n) return answer(n, 'notes');
  }
  const s = urgencyFromSubject(entry.typeAndSubject());
  return s ? answer(s, 'subject') : undefined;
}
