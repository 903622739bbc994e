// Which encoding a register's text file is in. Excel's "CSV (Comma delimited)" on Vietnamese Windows
// writes Windows-1258: base letters plus tone marks as separate combining bytes (ồ = ô + U+0300). Other
// exports write UTF-8 (with or without BOM) or UTF-16 (with a BOM, or without one from some tools).
// TCVN3 (ABC) and VNI put precomposed letters (TCVN3) or ASCII letters plus mark bytes (VNI) where
// Windows-1258 has other characters; they are told apart from Windows-1258 here and named, not read.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'windows-1252';

/** Windows-1258's tone marks (bytes of U+0300 U+0301 U+0303 U+0309 U+0323). */
const CP1258_TONES = new Set([0xcc, 0xec, 0xde, 0xd2, 0xf2]);
/** Windows-1258 letters that carry a tone mark: a e i o u y, â ê ô ă ơ ư (either case). */
const CP1258_VOWELS = new Set([...'aeiouyAEIOUY'].map((c) => c.charCodeAt(0)).concat([0xe2, 0xea, 0xf4, 0xe3, 0xf5, 0xfd, 0xc2, 0xca, 0xd4, 0xc3, 0xd5, 0xdd]));
/** Windows-1258 letters of Vietnamese without a tone: đ Đ ă Ă â ê ô ơ ư (either case). */
const CP1258_LETTERS = new Set([0xf0, 0xd0, 0xe3, 0xc3, 0xe2, 0xea, 0xf4, 0xf5, 0xfd, 0xc2, 0xca, 0xd4, 0xd5, 0xdd]);

/** A BOM-less UTF-16 text: one byte of most pairs is zero (ASCII-heavy text), always the same one. */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs >= 0.4 && evenZero / pairs <= 0.05) return 'utf-16le';
  if (evenZero / pairs >= 0.4 && oddZero / pairs <= 0.05) return 'utf-16be';
  return undefined;
}

/**
 * Printable non-UTF-8 text: Windows-1258 when its tone-mark bytes follow vowels (as they must) and
 * carry most of the high bytes with its letters; otherwise a legacy Vietnamese font encoding (TCVN3,
 * VNI), whose high bytes are letters of their own.
 */
export function legacyTextEncoding(sample: Uint8Array): 'windows-1258' | 'tcvn3-or-vni' {
  let high = 0;
  let explained = 0;
  let tones = 0;
  let misplacedTones = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x80) continue;
    high++;
    if (CP1258_TONES.has(b)) {
      tones++;
      if (i > 0 && CP1258_VOWELS.has(sample[i - 1]!)) explained++;
      else misplacedTones++;
    } else if (CP1258_LETTERS.has(b)) explained++;
  }
  if (high === 0) return 'windows-1258';
  // Text without a single tone mark is rare, but possible (a column of names): then every high byte
  // must be one of Windows-1258's Vietnamese letters (TCVN3 puts ă â ê ô ơ ư đ at 0xA8–0xAE instead).
  if (tones === 0) return explained / high >= 0.95 ? 'windows-1258' : 'tcvn3-or-vni';
  return misplacedTones <= tones * 0.1 && explained / high >= 0.8 ? 'windows-1258' : 'tcvn3-or-vni';
}

/** The text of a file in a known encoding, NFC (Windows-1258's separate tone marks composed). */
export function decodeAs(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === 'windows-1258') return new TextDecoder('windows-1258').decode(bytes).normalize('NFC');
  const bom = encoding === 'utf-16le' ? bytes[0] === 0xff && bytes[1] === 0xfe : encoding === 'utf-16be' ? bytes[0] === 0xfe && bytes[1] === 0xff : false;
  // TextDecoder drops a UTF-8 BOM by default.
  return new TextDecoder(encoding).decode(bom ? bytes.subarray(2) : bytes);
}
