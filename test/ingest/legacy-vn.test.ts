// TCVN3 (ABC) and VNI text in cells and 8-bit files: converted to Unicode, told apart from Unicode,
// English, French, German and numbers. The encoders below are the reverse of rules/data/legacy-vn.json.
import { describe, expect, it } from 'vitest';
import table from '../../rules/data/legacy-vn.json' with { type: 'json' };
import {
  decodeLegacyBytes,
  detectLegacy,
  detectLegacyBytes,
  isVietnameseSyllable,
  legacyFontIsCapitals,
  legacyFromFontName,
  legacyToUnicode,
} from '../../src/ingest/legacy-vn.js';

// ---- encoders (tests only) ------------------------------------------------------------------

const TCVN_FROM_LOWER = new Map<string, string>();
for (const [hex, ch] of Object.entries(table.tcvn3.lower)) TCVN_FROM_LOWER.set(ch, String.fromCharCode(Number.parseInt(hex, 16)));
/** Capitals font: a capital goes to the byte of its lower-case letter, as ABC typists produced it. */
const TCVN_FROM_CAPS = new Map<string, string>();
for (const [hex, ch] of Object.entries(table.tcvn3.capitalsFont)) {
  const code = Number.parseInt(hex, 16);
  if (code >= 0xa8 || !TCVN_FROM_CAPS.has(ch)) TCVN_FROM_CAPS.set(ch, String.fromCharCode(code));
}

/** Unicode → TCVN3 as a cell string; `capitals`: the .VnTimeH font (text all capitals). */
function encodeTcvn3(text: string, capitals = false): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch.charCodeAt(0) < 0x80) out += ch;
    else {
      const code = (capitals ? TCVN_FROM_CAPS : TCVN_FROM_LOWER).get(ch);
      if (code === undefined) throw new Error(`no TCVN3 byte for ${ch}`);
      out += code;
    }
  }
  return out;
}

const VNI_FROM = new Map<string, string>();
for (const [key, ch] of Object.entries(table.vni.letters)) VNI_FROM.set(ch, key);
for (const [key, ch] of Object.entries(table.vni.sequences)) if (!VNI_FROM.has(ch)) VNI_FROM.set(ch, key);

function encodeVni(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (ch.charCodeAt(0) < 0x80) out += ch;
    else {
      const code = VNI_FROM.get(ch);
      if (code === undefined) throw new Error(`no VNI for ${ch}`);
      out += code;
    }
  }
  return out;
}

/** A cell string as Windows-1252 bytes (every character of the legacy text is in Windows-1252). */
function cp1252Bytes(text: string): Uint8Array {
  const special = new Map<number, number>();
  const decoder = new TextDecoder('windows-1252');
  for (let b = 0x80; b < 0xa0; b++) special.set(decoder.decode(Uint8Array.of(b)).charCodeAt(0), b);
  return Uint8Array.from([...text].map((ch) => {
    const c = ch.charCodeAt(0);
    if (c < 0x100 && !(c >= 0x80 && c < 0xa0)) return c;
    const b = special.get(c);
    if (b === undefined) throw new Error(`not Windows-1252: ${ch}`);
    return b;
  }));
}

// ---- data -----------------------------------------------------------------------------------

/** Register strings whose capitals TCVN3's normal fonts have (ASCII, Ă Â Ê Ô Ơ Ư Đ). */
const REGISTER = [
  'Sổ đăng ký văn bản đi',
  'Sổ đăng ký văn bản đến',
  'UBND xã Mỹ Hiệp',
  'Quyết định về việc phê duyệt kế hoạch',
  'Trích yếu nội dung',
  'Ngày, tháng',
  'Nơi nhận',
  '12/QĐ-UBND',
  'Công văn đến số 45/SNV-VP',
  'Tên loại và trích yếu nội dung văn bản',
  'Người ký',
  'Đơn vị hoặc người nhận',
  'Số, ký hiệu văn bản',
  'Tờ trình đề nghị bổ sung kinh phí năm 2024',
  'Thông báo kết luận của Chủ tịch Ủy ban nhân dân huyện',
  'Kế hoạch tổ chức lễ kỷ niệm ngày thành lập Đảng',
  'Ghi chú: hủy số, thu hồi',
  'Báo cáo tình hình thực hiện nhiệm vụ quý III',
  'Giấy mời họp giao ban tuần',
  'Ông Nguyễn Văn Được, Phó Chủ tịch',
  'Ư, Ơ, Ă, Â, Ê, Ô, Đ',
].map((s) => s.replace('Ủy', 'ủy'));

/** Capitals (titles), as typed in .VnTimeH. */
const CAPITALS = ['SỔ ĐĂNG KÝ VĂN BẢN ĐẾN', 'ỦY BAN NHÂN DÂN XÃ MỸ HIỆP', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'TRÍCH YẾU NỘI DUNG'];

/** Any Vietnamese, capitals included (VNI has them all). */
const VIETNAMESE = [
  ...REGISTER,
  'Ủy ban nhân dân xã Mỹ Hiệp',
  ...CAPITALS,
  'Độc lập - Tự do - Hạnh phúc',
  'Ấp Phước Hưng, xã Ỷ La, Ỵ, Ỳ, Ữ, Ự, Ợ, Ổ, Ỗ',
];

const ENGLISH = ['Outgoing document register', 'Date of issue', 'Signer', 'Recipients', 'Subject: annual budget plan 2024', 'Notes'];
const FRENCH = ['Registre des documents', 'Objet : réunion du comité à Hanoï', 'Déjà envoyé où ? Très bien', 'Numéro', 'Reçu le', 'Élève, frère, café, été, noël, là-bas'];
const GERMAN = ['Größe und Gewicht', 'Straße', 'Müller, Bäcker, Übung', 'Für die Akten', 'Grüße aus München', 'Schön, Öl, Ärger'];
const SPANISH = ['Año', 'España, mañana, niño, señor', 'José está aquí', 'Más allá, sí, él'];
const NUMBERS = ['1', '2', '12/QĐ-UBND', '45/2024/NĐ-CP', '01/01/2024', '3.141,59', '± 5 %', '£ 100', '§ 12', '© 2024', '½', '45 €'];

// ---- tests ----------------------------------------------------------------------------------

describe('the tables', () => {
  it('hold every Vietnamese letter once: 67 lower-case letters + 7 capitals in TCVN3, 134 letters in VNI', () => {
    expect(Object.keys(table.tcvn3.lower)).toHaveLength(74);
    expect(new Set(Object.values(table.tcvn3.lower)).size).toBe(74);
    expect(Object.keys(table.tcvn3.capitalsFont)).toHaveLength(74);
    const vni = [...Object.values(table.vni.letters), ...Object.values(table.vni.sequences)];
    expect(vni).toHaveLength(134);
    expect(new Set(vni).size).toBe(134);
    expect(table.source).toMatch(/TCVN 5712:1993/);
    expect(table.source).toMatch(/VNI/);
  });

  it('match known positions', () => {
    // TCVN 5712 VN3: Đ 0xA7, đ 0xAE, ư 0xAD (soft hyphen), ổ 0xE6, ỵ 0xFE.
    expect(table.tcvn3.lower.A7).toBe('Đ');
    expect(table.tcvn3.lower.AE).toBe('đ');
    expect(table.tcvn3.lower.AD).toBe('ư');
    expect(table.tcvn3.lower.E6).toBe('ổ');
    expect(table.tcvn3.lower.FE).toBe('ỵ');
    expect(table.tcvn3.capitalsFont.E6).toBe('Ổ');
    expect(table.tcvn3.capitalsFont.AE).toBe('Đ');
    const seq = table.vni.sequences as Record<string, string>;
    expect([seq['aù'], seq['eá'], seq['öø'], seq['ôï'], seq['aë'], seq['UÛ']]).toEqual(['á', 'ế', 'ừ', 'ợ', 'ặ', 'Ủ']);
    const letters = table.vni.letters as Record<string, string>;
    expect([letters['ñ'], letters['Ñ'], letters['ô'], letters['ö'], letters['æ'], letters['î']]).toEqual(['đ', 'Đ', 'ơ', 'ư', 'ỉ', 'ỵ']);
  });
});

describe('legacyToUnicode', () => {
  it('reads the examples seen in real files and converters', () => {
    expect(legacyToUnicode('Sæ ®¨ng ký v¨n b¶n ®i', 'TCVN3')).toBe('Sổ đăng ký văn bản đi');
    expect(legacyToUnicode('B¶o Th¾ng, M\u00adêng Kh\u00ad¬ng', 'TCVN3')).toBe('Bảo Thắng, Mường Khương');
    expect(legacyToUnicode('12/Q§-UBND', 'TCVN3')).toBe('12/QĐ-UBND');
    expect(legacyToUnicode('Xin chaøo caùc baïn', 'VNI')).toBe('Xin chào các bạn');
    expect(legacyToUnicode('Soå ñaêng kyù vaên baûn ñi', 'VNI')).toBe('Sổ đăng ký văn bản đi');
    expect(legacyToUnicode('12/QÑ-UBND', 'VNI')).toBe('12/QĐ-UBND');
  });

  it('keeps an Icelandic Ð among ASCII capitals (a Unicode look-alike of Đ no legacy font holds); elsewhere the byte is é', () => {
    expect(legacyToUnicode('21/QÐ-UBND', 'TCVN3')).toBe('21/QÐ-UBND');
    expect(legacyToUnicode('QuyÕt ®Þnh 21/QÐ-UBND', 'TCVN3')).toBe('Quyết định 21/QÐ-UBND');
    expect(legacyToUnicode('vÐ', 'TCVN3')).toBe('vé');
    expect(legacyToUnicode('QUYÕT §ÞNH', 'TCVN3')).toBe('QUYẾT ĐỊNH');
  });

  it.each(REGISTER)('TCVN3 round trip: %s', (text) => {
    const encoded = encodeTcvn3(text);
    if (/[^\x00-\x7f]/.test(text.replace(/[ĐĂÂÊÔƠƯ]/g, ''))) expect(encoded).not.toBe(text);
    expect(legacyToUnicode(encoded, 'TCVN3')).toBe(text.normalize('NFC'));
  });

  it.each(CAPITALS)('TCVN3 capitals font round trip: %s', (text) => {
    const encoded = encodeTcvn3(text, true);
    expect(encoded).toMatch(/[\u00a8-\u00fe]/); // the toned capitals are lower-case bytes
    expect(legacyToUnicode(encoded, 'TCVN3')).toBe(text);
    expect(legacyToUnicode(encoded, 'TCVN3', { capitals: true })).toBe(text);
  });

  it('TCVN3: a word of unclear case follows its cell; a lower-case cell stays lower case', () => {
    expect(legacyToUnicode('Sæ §¡NG', 'TCVN3')).toBe('SỔ ĐĂNG');
    expect(legacyToUnicode('Sæ ®¨ng', 'TCVN3')).toBe('Sổ đăng');
    expect(legacyToUnicode('Sè 12/Q§-UBND', 'TCVN3')).toBe('Số 12/QĐ-UBND');
    expect(legacyToUnicode('B¶N', 'TCVN3')).toBe('BẢN');
    expect(legacyToUnicode('Sè Q§', 'TCVN3')).toBe('Số QĐ');
    expect(legacyToUnicode('Sæ ¢m', 'TCVN3')).toBe('Sổ Âm');
    expect(legacyToUnicode('ñY BAN', 'TCVN3')).toBe('ỦY BAN');
    expect(legacyToUnicode('sæ ®¨ng', 'TCVN3', { capitals: true })).toBe('SỔ ĐĂNG');
  });

  it.each(VIETNAMESE)('VNI round trip: %s', (text) => {
    const encoded = encodeVni(text);
    expect(encoded).not.toBe(text);
    expect(legacyToUnicode(encoded, 'VNI')).toBe(text.normalize('NFC'));
  });

  it('VNI: a capital with a lower-case mark still reads', () => {
    expect(legacyToUnicode('Uûy ban', 'VNI')).toBe('Ủy ban');
    expect(legacyToUnicode('VIEäT', 'VNI')).toBe('VIỆT');
  });

  it('leaves digits, "/", "-", ASCII letters and punctuation alone', () => {
    const ascii = 'So 45/2024/ND-CP (ban hanh) 12.3, x+y=z; "OK" | A_b';
    expect(legacyToUnicode(ascii, 'TCVN3')).toBe(ascii);
    expect(legacyToUnicode(ascii, 'VNI')).toBe(ascii);
  });

  it('leaves Unicode Vietnamese alone (a sheet mixing old and new rows), and returns NFC', () => {
    for (const text of ['Quyết định về việc phê duyệt', 'Hà Nội, Thừa Thiên Huế', 'Công văn số 12/QĐ-UBND']) {
      expect(legacyToUnicode(text, 'TCVN3')).toBe(text);
      expect(legacyToUnicode(text, 'VNI')).toBe(text);
      expect(legacyToUnicode(text.normalize('NFD'), 'TCVN3')).toBe(text);
    }
  });

  it('is linear on long text', () => {
    const cell = encodeTcvn3('Quyết định về việc phê duyệt kế hoạch, ').repeat(20_000);
    const t0 = performance.now();
    const out = legacyToUnicode(cell, 'TCVN3');
    expect(performance.now() - t0).toBeLessThan(3_000);
    expect(out.startsWith('Quyết định về việc phê duyệt kế hoạch, Quyết')).toBe(true);
  });
});

describe('detectLegacy', () => {
  it('finds TCVN3 in register cells, with a sample and its conversion', () => {
    const found = detectLegacy(REGISTER.map((s) => encodeTcvn3(s)));
    expect(found?.encoding).toBe('TCVN3');
    expect(REGISTER.map((s) => encodeTcvn3(s))).toContain(found!.sample);
    expect(found!.converted).toBe(legacyToUnicode(found!.sample, 'TCVN3'));
    expect(REGISTER).toContain(found!.converted);
  });

  it('finds TCVN3 in capitals titles and VNI in any cells', () => {
    expect(detectLegacy(CAPITALS.map((s) => encodeTcvn3(s, true)))?.encoding).toBe('TCVN3');
    const vni = detectLegacy(VIETNAMESE.map(encodeVni));
    expect(vni?.encoding).toBe('VNI');
    expect(vni!.converted).toBe(legacyToUnicode(vni!.sample, 'VNI'));
    expect(VIETNAMESE.map((s) => s.normalize('NFC'))).toContain(vni!.converted);
  });

  it('finds legacy text among numbers and ASCII cells, and with a few Unicode cells mixed in', () => {
    const cells = [...NUMBERS, ...ENGLISH, ...REGISTER.map((s) => encodeTcvn3(s)), REGISTER[0]!, REGISTER[3]!];
    expect(detectLegacy(cells)?.encoding).toBe('TCVN3');
    expect(detectLegacy([...NUMBERS, ...VIETNAMESE.map(encodeVni), VIETNAMESE[3]!])?.encoding).toBe('VNI');
  });

  it('finds a short header row', () => {
    expect(detectLegacy(['STT', encodeTcvn3('Số, ký hiệu'), encodeTcvn3('Ngày tháng'), encodeTcvn3('Trích yếu nội dung'), encodeTcvn3('Nơi nhận')])?.encoding).toBe('TCVN3');
    expect(detectLegacy(['STT', encodeVni('Số, ký hiệu'), encodeVni('Ngày tháng'), encodeVni('Trích yếu nội dung'), encodeVni('Nơi nhận')])?.encoding).toBe('VNI');
  });

  it('never takes Unicode Vietnamese for legacy text (NFC or NFD)', () => {
    expect(detectLegacy(VIETNAMESE)).toBeUndefined();
    expect(detectLegacy(VIETNAMESE.map((s) => s.normalize('NFD')))).toBeUndefined();
    // Only letters that Latin-1 has (and old-style tone placement): still not legacy.
    expect(detectLegacy(['Hoà Bình', 'Cà Mau', 'Tí tò', 'Thuý', 'Hoá đơn', 'Tôi là', 'Bà Rịa', 'Hoà, Hoá, Thuỳ, Toà, Khoá'])).toBeUndefined();
  });

  it.each([
    ['English', ENGLISH],
    ['French', FRENCH],
    ['German', GERMAN],
    ['Spanish', SPANISH],
    ['numbers and symbols', NUMBERS],
    ['French, German and Spanish together', [...FRENCH, ...GERMAN, ...SPANISH]],
  ])('finds nothing in %s', (_name, cells) => {
    expect(detectLegacy(cells)).toBeUndefined();
  });

  it('needs enough evidence: one or two converted words are not enough', () => {
    expect(detectLegacy([encodeTcvn3('Sổ đăng')])).toBeUndefined();
    expect(detectLegacy([encodeVni('văn bản')])).toBeUndefined();
    expect(detectLegacy([])).toBeUndefined();
    expect(detectLegacy(['', ' ', '\u00a0'])).toBeUndefined();
  });

  it('stays bounded on huge input', () => {
    const junk = 'é'.repeat(1_000_000);
    const t0 = performance.now();
    expect(detectLegacy(Array.from({ length: 50_000 }, () => junk.slice(0, 100)).concat(junk))).toBeUndefined();
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});

describe('isVietnameseSyllable', () => {
  it('accepts syllables and rejects other words', () => {
    for (const w of ['người', 'được', 'khuya', 'thuở', 'nghiêng', 'quyết', 'gì', 'giữa', 'xoong', 'ĐĂNG', 'Ủy', 'hoạch', 'a'])
      expect(isVietnameseSyllable(w), w).toBe(true);
    for (const w of ['café', 'Straße', 'für', 'tac', 'xyz', 'tàc', 'aaa', '', 'hoạchhh'])
      expect(isVietnameseSyllable(w), w).toBe(false);
  });
});

describe('legacy font names', () => {
  it.each([
    ['.VnTime', 'TCVN3'],
    ['.VnTimeH', 'TCVN3'],
    ['.VnArial', 'TCVN3'],
    ['.VnArial NarrowH', 'TCVN3'],
    ['.vntime', 'TCVN3'],
    [' .VnCentury Schoolbook ', 'TCVN3'],
    ['VNI-Times', 'VNI'],
    ['VNI-Helve', 'VNI'],
    ['vni-times', 'VNI'],
    ['VNI Times', 'VNI'],
    ['Times New Roman', undefined],
    ['Arial', undefined],
    ['Calibri', undefined],
    ['VnTime', undefined],
    ['VNI', undefined],
    ['', undefined],
  ])('%s → %s', (font, encoding) => {
    expect(legacyFromFontName(font)).toBe(encoding);
  });

  it('knows the TCVN3 capitals fonts', () => {
    expect(legacyFontIsCapitals('.VnTimeH')).toBe(true);
    expect(legacyFontIsCapitals('.VnArial NarrowH')).toBe(true);
    expect(legacyFontIsCapitals('.VnTime')).toBe(false);
    expect(legacyFontIsCapitals('VNI-Helve')).toBe(false);
    expect(legacyFontIsCapitals('Arial Hebrew')).toBe(false);
  });
});

describe('8-bit text files', () => {
  const csv = (rows: string[][]): string => rows.map((r) => r.map((f) => (f.includes(',') ? `"${f}"` : f)).join(',')).join('\r\n');
  const ROWS = [
    ['STT', 'Số, ký hiệu', 'Ngày tháng', 'Trích yếu nội dung', 'Nơi nhận'],
    ['1', '12/QĐ-UBND', '05/03/1998', 'Quyết định về việc phê duyệt kế hoạch', 'Phòng Nội vụ'],
    ['2', '13/TB-UBND', '06/03/1998', 'Thông báo kết luận cuộc họp giao ban', 'Các xã'],
    ['3', '45/SNV-VP', '07/03/1998', 'Công văn đến về việc tuyển dụng', 'Văn phòng'],
  ];
  const TEXT = csv(ROWS);

  it('detects and decodes a TCVN3 CSV', () => {
    const bytes = cp1252Bytes(csv(ROWS.map((r) => r.map((f) => encodeTcvn3(f)))));
    expect(detectLegacyBytes(bytes)).toBe('TCVN3');
    expect(decodeLegacyBytes(bytes, 'TCVN3')).toBe(TEXT);
  });

  it('detects and decodes a VNI CSV', () => {
    const bytes = cp1252Bytes(csv(ROWS.map((r) => r.map(encodeVni))));
    expect(detectLegacyBytes(bytes)).toBe('VNI');
    expect(decodeLegacyBytes(bytes, 'VNI')).toBe(TEXT);
  });

  it('finds nothing in UTF-8, UTF-16, ASCII, Windows-1252 French or binary bytes', () => {
    expect(detectLegacyBytes(new TextEncoder().encode(TEXT))).toBeUndefined();
    expect(detectLegacyBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]))).toBeUndefined();
    expect(detectLegacyBytes(Uint8Array.from(Buffer.from(`\uFEFF${TEXT}`, 'utf16le')))).toBeUndefined();
    expect(detectLegacyBytes(new TextEncoder().encode('STT,So,Ngay\r\n1,12/QD-UBND,05/03/1998'))).toBeUndefined();
    expect(detectLegacyBytes(cp1252Bytes(FRENCH.join('\r\n')))).toBeUndefined();
    expect(detectLegacyBytes(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) & 0xff))).toBeUndefined();
    expect(detectLegacyBytes(new Uint8Array(0))).toBeUndefined();
  });

  it('UTF-8 cut in the middle of a character at the sample end is still UTF-8', () => {
    const big = new TextEncoder().encode(`${TEXT}\r\n`.repeat(3_000) + 'ế');
    expect(big.length).toBeGreaterThan(256 * 1024);
    expect(detectLegacyBytes(big)).toBeUndefined();
  });
});
