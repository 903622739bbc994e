// Windows-1258 as Excel writes it on Vietnamese Windows: the base letter (ă â ê ô ơ ư đ as their own
// bytes), then the tone mark as a combining byte. For tests and fixtures only (the product decodes).
const BASE = new Map<string, number>([
  ['ă', 0xe3], ['Ă', 0xc3], ['â', 0xe2], ['Â', 0xc2], ['ê', 0xea], ['Ê', 0xca], ['ô', 0xf4], ['Ô', 0xd4],
  ['ơ', 0xf5], ['Ơ', 0xd5], ['ư', 0xfd], ['Ư', 0xdd], ['đ', 0xf0], ['Đ', 0xd0],
]);
const TONE = new Map<string, number>([['\u0300', 0xcc], ['\u0301', 0xec], ['\u0303', 0xde], ['\u0309', 0xd2], ['\u0323', 0xf2]]);

export function encodeCp1258(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const parts = [...ch.normalize('NFD')];
    const tone = parts.find((p) => TONE.has(p));
    const base = parts.filter((p) => !TONE.has(p)).join('').normalize('NFC');
    const code = base.charCodeAt(0);
    if (base.length === 1 && code < 0x80) out.push(code);
    else if (BASE.has(base)) out.push(BASE.get(base)!);
    else throw new Error(`no Windows-1258 byte for ${JSON.stringify(ch)}`);
    if (tone !== undefined) out.push(TONE.get(tone)!);
  }
  return Uint8Array.from(out);
}
