// Legacy Vietnamese 8-bit font encodings: TCVN3 (ABC: .VnTime, .VnArial, capitals fonts .VnTimeH …)
// and VNI Windows (VNI-Times, VNI-Helve …). Text typed with them is stored in a cell as the Windows-1252
// characters of its bytes (`Sæ ®¨ng ký` for "Sổ đăng ký"); this module tells such text from Unicode and
// converts it. The tables are rules/data/legacy-vn.json (sources named there).
//
// TCVN3: one byte per letter. Its normal fonts have only lower-case toned letters plus Ă Â Ê Ô Ơ Ư Đ
// (0xA1–0xA7); the capitals fonts draw the same bytes as capitals. Which font a cell used is not in
// its text, so a word is read as capitals when its ASCII letters say so (`B¶N` → BẢN, `Q§-UBND`), and
// a word that cannot tell (`Sæ`) follows the other words of its cell.
// VNI: a vowel is an ASCII letter followed by a mark character (`aù` → á, `eá` → ế, `öø` → ừ); ơ ư đ
// and the toned i / ỵ have letters of their own.

import table from '../../rules/data/legacy-vn.json' with { type: 'json' };

export type LegacyEncoding = 'TCVN3' | 'VNI';

export interface LegacyOptions {
  /**
   * TCVN3 only: the text is in a capitals font (`.VnTimeH`, see `legacyFontIsCapitals`), where every
   * letter shows as a capital whatever its byte.
   */
  readonly capitals?: boolean;
}

export interface LegacyDetection {
  readonly encoding: LegacyEncoding;
  /** One original cell text showing the encoding. */
  readonly sample: string;
  /** `sample` converted to Unicode. */
  readonly converted: string;
}

// ---------------------------------------------------------------------------------------------
// Tables

/** TCVN3 byte (= char code in the cell string) → letter in the normal fonts / in the capitals fonts. */
const TCVN_LOWER = new Map<number, string>();
const TCVN_CAPS = new Map<number, string>();
/** VNI: base letter + mark → letter; the letters of their own (ñ ô ö í ì æ ó ò î and capitals). */
const VNI_SEQUENCES = new Map<string, string>();
const VNI_LETTERS = new Map<number, string>();
/** Characters mapped to themselves (TCVN3 ý, VNI í ì): no evidence either way. */
const TCVN_SAME = new Set<number>();
const VNI_SAME = new Set<number>();

function loadTables(): void {
  const byte = (hex: string): number => {
    const n = Number.parseInt(hex, 16);
    if (!/^[0-9A-F]{2}$/.test(hex) || n < 0x80) throw new Error(`legacy-vn.json: bad TCVN3 byte ${hex}`);
    return n;
  };
  for (const [hex, ch] of Object.entries(table.tcvn3.lower)) TCVN_LOWER.set(byte(hex), ch);
  for (const [hex, ch] of Object.entries(table.tcvn3.capitalsFont)) TCVN_CAPS.set(byte(hex), ch);
  for (const [code, ch] of TCVN_LOWER) if (String.fromCharCode(code) === ch) TCVN_SAME.add(code);
  for (const [key, ch] of Object.entries(table.vni.letters)) {
    if (key.length !== 1) throw new Error(`legacy-vn.json: bad VNI letter ${key}`);
    VNI_LETTERS.set(key.charCodeAt(0), ch);
    if (key === ch) VNI_SAME.add(key.charCodeAt(0));
  }
  const sequences = Object.entries(table.vni.sequences);
  for (const [key, ch] of sequences) {
    if (key.length !== 2) throw new Error(`legacy-vn.json: bad VNI sequence ${key}`);
    VNI_SEQUENCES.set(key, ch);
  }
  // Capitals typed with a lower-case mark (or the reverse) still read: the base letter gives the case.
  for (const [key, ch] of sequences) {
    const base = key[0]!;
    const mark = key[1]!;
    const flipped = mark === mark.toLowerCase() ? mark.toUpperCase() : mark.toLowerCase();
    const variant = base + flipped;
    if (!VNI_SEQUENCES.has(variant)) VNI_SEQUENCES.set(variant, base === base.toLowerCase() ? ch.toLowerCase() : ch.toUpperCase());
  }
}
loadTables();

// ---------------------------------------------------------------------------------------------
// Font names

/** The encoding a font's name implies: `.VnTime`, `.VnArialH` → TCVN3; `VNI-Times`, `VNI Helve` → VNI. */
export function legacyFromFontName(font: string): LegacyEncoding | undefined {
  const name = font.trim();
  if (/^\.vn./i.test(name)) return 'TCVN3';
  if (/^vni[-_ ]./i.test(name)) return 'VNI';
  return undefined;
}

/** A TCVN3 capitals font (`.VnTimeH`, `.VnArial NarrowH`): every letter shows as a capital. */
export function legacyFontIsCapitals(font: string): boolean {
  const name = font.trim();
  return /^\.vn./i.test(name) && name.endsWith('H');
}

// ---------------------------------------------------------------------------------------------
// Conversion

/** Context for the capitals guess and the "already Unicode" check: a cell, a line or a CSV field. */
function isSegmentBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x09 || code === 0x2c || code === 0x3b || code === 0x7c || code === 0x22;
}

/** Letters (and combining marks) only Unicode Vietnamese has: never in a Windows-1252 reading of 8-bit text. */
function isUnicodeOnlyVietnamese(code: number): boolean {
  if (code < 0x100) return false;
  if (code >= 0x1ea0 && code <= 0x1ef9) return true;
  if (code >= 0x300 && code <= 0x36f) return true;
  switch (code) {
    case 0x102: case 0x103: case 0x110: case 0x111: case 0x128: case 0x129:
    case 0x168: case 0x169: case 0x1a0: case 0x1a1: case 0x1af: case 0x1b0:
      return true;
    default:
      return false;
  }
}

const isAsciiUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isAsciiLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;

/**
 * Legacy text → Unicode (NFC). Digits, punctuation and ASCII letters stay as they are (`12/Q§-UBND` →
 * `12/QĐ-UBND`); a cell part that already holds letters only Unicode has (ế ơ đ …, or combining marks)
 * is left unconverted, so converting a sheet that mixes old and new rows does no harm to the new ones.
 */
export function legacyToUnicode(text: string, enc: LegacyEncoding, options: LegacyOptions = {}): string {
  let out = '';
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSegmentBreak(text.charCodeAt(i))) continue;
    if (i > start) {
      const segment = text.slice(start, i);
      out += alreadyUnicode(segment) ? segment : enc === 'TCVN3' ? tcvn3KeepingEth(segment, options.capitals === true) : vniSegment(segment);
    }
    if (i < text.length) out += text[i];
    start = i + 1;
  }
  return out.normalize('NFC');
}

/**
 * An Icelandic Ð (U+00D0) among ASCII capitals (`QÐ-UBND`) is a Unicode look-alike of Đ typed in a
 * cell no legacy font holds, not TCVN3's é: no Vietnamese word reads `Qé`. It is kept, so the
 * look-alike is still reported; everywhere else the byte is é as the table says.
 */
const ETH_AMONG_CAPITALS = /(?<![\p{L}\p{M}])(?=[A-Z\u00d0]*[A-Z])[A-Z\u00d0]*\u00d0[A-Z\u00d0]*(?![\p{L}\p{M}])/gu;
const KEPT_ETH = '\ue000';

function tcvn3KeepingEth(segment: string, capitals: boolean): string {
  if (!segment.includes('\u00d0')) return tcvn3Segment(segment, capitals);
  const guarded = segment.replace(ETH_AMONG_CAPITALS, (word) => word.replaceAll('\u00d0', KEPT_ETH));
  return tcvn3Segment(guarded, capitals).replaceAll(KEPT_ETH, '\u00d0');
}

function alreadyUnicode(segment: string): boolean {
  for (let i = 0; i < segment.length; i++) if (isUnicodeOnlyVietnamese(segment.charCodeAt(i))) return true;
  return false;
}

/**
 * The case of a TCVN3 word: 'none' = no letter whose case is open; 'unknown' = at most a first capital
 * before the TCVN3 letters (`Sæ`, `Ký`, `¸`).
 */
type WordCase = 'none' | 'lower' | 'capitals' | 'unknown';

/** A TCVN3 word character: an ASCII letter or any Latin-1 character from 0xA1 (the table's range). */
const isTcvnWordChar = (c: number): boolean => isAsciiUpper(c) || isAsciiLower(c) || (c >= 0xa1 && c <= 0xff);

function tcvn3Segment(segment: string, capitalsFont: boolean): string {
  // Pass 1: the case of each word, and of the segment.
  const cases: WordCase[] = [];
  let lower = 0;
  let capitals = 0;
  for (let i = 0; i < segment.length; ) {
    if (!isTcvnWordChar(segment.charCodeAt(i))) {
      i++;
      continue;
    }
    let upperLetters = 0;
    let lowerLetters = 0;
    let open = false;
    let upperAfterOpen = false;
    let capitalVowel = false;
    for (; i < segment.length && isTcvnWordChar(segment.charCodeAt(i)); i++) {
      const c = segment.charCodeAt(i);
      if (isAsciiLower(c)) lowerLetters++;
      else if (isAsciiUpper(c) || (c >= 0xa1 && c <= 0xa7)) {
        upperLetters++;
        if (open) upperAfterOpen = true;
        if (c >= 0xa1 && c <= 0xa6) capitalVowel = true;
      } else if (TCVN_LOWER.has(c)) open = true;
    }
    let wordCase: WordCase;
    // `§¡NG` (ĐĂNG) needs no case guess itself but says its cell is in capitals; `Q§` says nothing.
    if (!open) wordCase = capitalVowel && upperLetters >= 2 && lowerLetters === 0 ? 'capitals' : 'none';
    else if (lowerLetters > 0) wordCase = 'lower';
    else if (upperLetters >= 2 || upperAfterOpen) wordCase = 'capitals';
    else wordCase = 'unknown';
    if (wordCase === 'lower') lower++;
    if (wordCase === 'capitals') capitals++;
    cases.push(wordCase);
  }
  const segmentCapitals = capitalsFont || (capitals > 0 && lower === 0);

  // Pass 2: convert.
  let out = '';
  let word = -1;
  let inWord = false;
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (!isTcvnWordChar(c)) {
      inWord = false;
      out += segment[i];
      continue;
    }
    if (!inWord) {
      inWord = true;
      word++;
    }
    const wordCase = cases[word] ?? 'none';
    const asCapitals = capitalsFont || wordCase === 'capitals' || (wordCase === 'unknown' && segmentCapitals);
    const mapped = (asCapitals ? TCVN_CAPS : TCVN_LOWER).get(c);
    if (mapped !== undefined) out += mapped;
    else if (capitalsFont && isAsciiLower(c)) out += String.fromCharCode(c - 0x20);
    else out += segment[i];
  }
  return out;
}

function vniSegment(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charCodeAt(i);
    if (c < 0x41) {
      out += segment[i];
      continue;
    }
    if (i + 1 < segment.length && segment.charCodeAt(i + 1) >= 0xc0) {
      const pair = VNI_SEQUENCES.get(segment.slice(i, i + 2));
      if (pair !== undefined) {
        out += pair;
        i++;
        continue;
      }
    }
    out += VNI_LETTERS.get(c) ?? segment[i];
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Vietnamese syllables (the yardstick of detection)

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?';
const CODA = '(?:ch|nh|ng|c|m|n|p|t)';
/** Vowel groups that may end a syllable or take a final consonant. */
const NUCLEUS_EITHER = ['oa', 'oe', 'uê', 'uy', 'a', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
/** Vowel groups that need a final consonant. */
const NUCLEUS_CLOSED = ['uyê', 'iê', 'yê', 'uô', 'ươ', 'oă', 'uâ', 'oo', 'ă', 'â'];
/** Vowel groups that end the syllable (their last vowel is the final sound). */
const NUCLEUS_OPEN = [
  'iêu', 'yêu', 'oai', 'oay', 'oao', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iu', 'oi', 'ôi', 'ơi', 'ui', 'ưi', 'ưu', 'ua', 'ưa', 'uơ',
];
const SYLLABLE = new RegExp(
  `^${ONSET}(?:(?:${NUCLEUS_EITHER.join('|')})${CODA}?|(?:${NUCLEUS_CLOSED.join('|')})${CODA}|(?:${NUCLEUS_OPEN.join('|')}))$`,
);
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const STOP_FINAL = /(?:c|ch|p|t)$/;

/** One written Vietnamese syllable (any case, NFC or NFD): onset, vowels, final, at most one tone. */
export function isVietnameseSyllable(word: string): boolean {
  if (word.length === 0 || word.length > 12) return false;
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARKS);
  if (tones !== null && tones.length > 1) return false;
  const bare = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  if (!SYLLABLE.test(bare)) return false;
  // A syllable closed by c ch p t only carries sắc or nặng.
  if (STOP_FINAL.test(bare) && (tones === null || (tones[0] !== '\u0301' && tones[0] !== '\u0323'))) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Detection

/** Samples, characters per sample and characters in all looked at (bounded work whatever the input). */
const MAX_SAMPLES = 20_000;
const MAX_SAMPLE_CHARS = 4_096;
const MAX_TOTAL_CHARS = 1_000_000;
/** Words a legacy reading must turn into Vietnamese, and its share of the words that decide. */
const MIN_CONVERTED_WORDS = 3;
const MIN_SHARE = 0.6;
/** The share when the workbook's fonts name the encoding. */
const HINTED_SHARE = 0.5;
/** A sample shown to the clerk is one of the shorter cells when possible. */
const SHORT_SAMPLE = 200;

const LETTER = /[\p{L}\p{M}]/u;

/** A word character for detection: ASCII letters, Latin-1 from 0xA1 (both tables), any Unicode letter or mark. */
function isWordChar(c: number, text: string, i: number): boolean {
  if (isAsciiUpper(c) || isAsciiLower(c)) return true;
  if (c < 0xa1) return false;
  if (c <= 0xff) return true;
  if (c >= 0xd800 && c <= 0xdfff) return true;
  return LETTER.test(text[i]!);
}

interface Score {
  /** Words that are not Vietnamese as they stand and are after conversion. */
  converted: number;
  /** Words that are Vietnamese as they stand and are not (or unchanged) after conversion. */
  unicode: number;
  /** Words that are Vietnamese in neither reading. */
  neither: number;
  bestSample: number;
  bestWords: number;
  bestShort: boolean;
}

const VOWEL = /[aăâeêioôơuưy]/;

/**
 * Whether cell texts are TCVN3 or VNI, from their words: a legacy reading must turn at least three
 * non-Vietnamese words into Vietnamese syllables, at least twice as many as the words it spoils (or
 * that are Unicode Vietnamese already), and most of the words with non-ASCII letters. Unicode
 * Vietnamese (ế ộ ư ơ đ …), English, French or German text and numbers are never detected.
 * `fontHint`: the encodings the workbook's font names imply (`legacyFromFontName`); for those, one
 * converted word that outweighs the Unicode ones and half the deciding words suffice.
 */
export function detectLegacy(samples: readonly string[], options: { readonly fontHint?: ReadonlySet<LegacyEncoding> } = {}): LegacyDetection | undefined {
  const scores: Record<LegacyEncoding, Score> = {
    TCVN3: { converted: 0, unicode: 0, neither: 0, bestSample: -1, bestWords: 0, bestShort: false },
    VNI: { converted: 0, unicode: 0, neither: 0, bestSample: -1, bestWords: 0, bestShort: false },
  };
  let total = 0;
  const limit = Math.min(samples.length, MAX_SAMPLES);
  for (let s = 0; s < limit && total < MAX_TOTAL_CHARS; s++) {
    const value: unknown = samples[s];
    if (typeof value !== 'string') continue;
    const text = value.length > MAX_SAMPLE_CHARS ? value.slice(0, MAX_SAMPLE_CHARS) : value;
    total += text.length;
    if (!/[^\x00-\x7f]/.test(text)) continue;
    let tcvnWords = 0;
    let vniWords = 0;
    for (let i = 0; i < text.length; ) {
      if (!isWordChar(text.charCodeAt(i), text, i)) {
        i++;
        continue;
      }
      const start = i;
      let ascii = true;
      let unicodeOnly = false;
      for (; i < text.length && isWordChar(text.charCodeAt(i), text, i); i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) ascii = false;
        if (isUnicodeOnlyVietnamese(c)) unicodeOnly = true;
      }
      if (ascii) continue;
      if (unicodeOnly) {
        scores.TCVN3.unicode++;
        scores.VNI.unicode++;
        continue;
      }
      const word = text.slice(start, i);
      if (judge(word, 'TCVN3', scores.TCVN3)) tcvnWords++;
      if (judge(word, 'VNI', scores.VNI)) vniWords++;
    }
    noteSample(scores.TCVN3, s, tcvnWords, text.length);
    noteSample(scores.VNI, s, vniWords, text.length);
  }

  let best: LegacyEncoding | undefined;
  for (const enc of ['TCVN3', 'VNI'] as const) {
    const score = scores[enc];
    const deciding = score.converted + score.unicode + score.neither;
    // The workbook's fonts name this encoding (.VnTime, VNI-Times): a little evidence suffices, as
    // long as the legacy reading still wins over what reads as Unicode already.
    const hinted = options.fontHint?.has(enc) === true;
    if (hinted ? score.converted < 1 || score.converted < score.unicode || score.converted < HINTED_SHARE * deciding : score.converted < MIN_CONVERTED_WORDS || score.converted < 2 * score.unicode || score.converted < MIN_SHARE * deciding) continue;
    if (best === undefined || score.converted > scores[best].converted) best = enc;
  }
  if (best === undefined) return undefined;
  const raw = samples[scores[best].bestSample];
  const sample = typeof raw === 'string' ? raw : '';
  return { encoding: best, sample, converted: legacyToUnicode(sample, best) };
}

function noteSample(score: Score, index: number, words: number, length: number): void {
  if (words === 0) return;
  const short = length <= SHORT_SAMPLE;
  if (score.bestSample < 0 || (short && !score.bestShort) || (short === score.bestShort && words > score.bestWords)) {
    score.bestSample = index;
    score.bestWords = words;
    score.bestShort = short;
  }
}

/** Scores one word with non-ASCII letters; true when the legacy reading turned it into Vietnamese. */
function judge(word: string, enc: LegacyEncoding, score: Score): boolean {
  if (word.length > 12) {
    score.neither++;
    return false;
  }
  const converted = enc === 'TCVN3' ? tcvn3Segment(word, false) : vniSegment(word);
  const before = isVietnameseSyllable(word);
  if (converted === word) {
    // Unchanged: Unicode Vietnamese (`Hà`), unless its only non-ASCII letters read the same in both (`ký`).
    const same = enc === 'TCVN3' ? TCVN_SAME : VNI_SAME;
    let neutral = true;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c >= 0x80 && !same.has(c)) neutral = false;
    }
    if (!neutral) {
      if (before) score.unicode++;
      else score.neither++;
    }
    return false;
  }
  const after = isVietnameseSyllable(converted);
  if (before && after) return false; // `tõ` is Vietnamese read either way: no evidence
  if (before) {
    score.unicode++;
    return false;
  }
  if (after) {
    // A single letter (`£` → Ê) or a word the reading leaves without a vowel says little.
    if ([...converted].length < 2) return false;
    score.converted++;
    return true;
  }
  // `Q§` → QĐ: an abbreviation, neither evidence nor noise.
  if (!VOWEL.test(converted.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC'))) return false;
  score.neither++;
  return false;
}

// ---------------------------------------------------------------------------------------------
// 8-bit text files

/** Bytes of a text file looked at to decide its encoding. */
const MAX_DETECT_BYTES = 256 * 1024;

/**
 * Whether an 8-bit text file (CSV) is TCVN3 or VNI: its bytes read as Windows-1252, split into fields,
 * then `detectLegacy`. UTF-8 (valid, with non-ASCII), UTF-16 and files with NUL bytes are not legacy.
 */
export function detectLegacyBytes(bytes: Uint8Array): LegacyEncoding | undefined {
  const head = bytes.subarray(0, Math.min(bytes.length, MAX_DETECT_BYTES));
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return undefined;
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return undefined;
  if (head.indexOf(0) >= 0) return undefined;
  if (isUtf8WithNonAscii(head, head.length < bytes.length)) return undefined;
  const text = decodeWindows1252(head);
  const samples: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSegmentBreak(text.charCodeAt(i))) continue;
    if (i > start) samples.push(text.slice(start, i));
    start = i + 1;
  }
  return detectLegacy(samples)?.encoding;
}

/** An 8-bit text file in a legacy encoding → Unicode text (NFC). */
export function decodeLegacyBytes(bytes: Uint8Array, enc: LegacyEncoding): string {
  return legacyToUnicode(decodeWindows1252(bytes), enc);
}

function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes);
}

/** Valid UTF-8 with at least one multi-byte character (a sequence cut by the sample's end is allowed). */
function isUtf8WithNonAscii(bytes: Uint8Array, cut: boolean): boolean {
  let multi = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return false;
    if (i + length > bytes.length) return cut && multi > 0;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    multi++;
    i += length;
  }
  return multi > 0;
}
