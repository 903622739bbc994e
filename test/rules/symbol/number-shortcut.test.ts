// parseSymbol reads `NN/rest` by parsing the rest once per book (as `0/rest`) and putting the number
// back. It must give exactly what the whole parse gives: on every symbol string of the symbol tests
// and of the fixtures' expected findings, and on generated strings mixing the characters that steer
// the parser (look-alikes, combining marks, spaces, quotes, separators, Vietnamese words).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSymbol, parseSymbolWhole } from '../../../rules/nd30/symbol/parse.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, ext));
    else if (ext.test(name)) out.push(path);
  }
  return out;
}

/** Quoted strings that open with a number and a slash, from the symbol tests and the fixtures' findings. */
function corpus(): string[] {
  const found = new Set<string>();
  const sources = [...filesUnder(join(ROOT, 'test', 'rules'), /\.ts$/u), ...filesUnder(join(ROOT, 'fixtures'), /\.json$/u)];
  for (const file of sources) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?<=['"`])(\d+\/[^'"`\n]{0,60})(?=['"`])/gu)) found.add(m[1]!);
  }
  return [...found];
}

const NUMBERS = ['0', '1', '01', '5', '12', '0012', '236', '2024', '99999'];

describe('the leading-number shortcut of parseSymbol', () => {
  const strings = corpus();

  it('finds a corpus to compare on', () => {
    expect(strings.length).toBeGreaterThan(300);
  });

  it('gives the whole parse on every corpus string, with every number', () => {
    for (const s of strings) {
      const rest = s.replace(/^\d+/u, '');
      for (const n of NUMBERS) {
        const raw = n + rest;
        expect(parseSymbol(raw), raw).toEqual(parseSymbolWhole(raw));
        expect(parseSymbol(raw, { issuers: ['SNV', 'TTr'] }), raw).toEqual(parseSymbolWhole(raw, { issuers: ['SNV', 'TTr'] }));
      }
    }
  });

  it('gives the whole parse on generated rests', () => {
    const piece = fc.constantFrom(
      '/', '-', '.', '_', '\\', ' ', '  ', '\n', '\u00A0', '\u200B', '"', '\u201D', '/ ', ' /', '//',
      'QĐ', 'QD', 'qđ', 'Qđ', 'UBND', 'ubnd', 'Ubnd', 'TTr', 'TTR', 'TTg', 'QyĐ', 'SNV', 'NQ', 'TW', 'HĐND', 'CT', 'TU',
      'TTLT', 'BTC', 'BNV', 'VBHN', 'QH15', 'CV', 'GT', 'BSY', 'D\u0336', 'Ð', '\u2013', '\u2044', 'О', 'Р', 'ＵＢＮＤ',
      '2024', '2023', '202', '3', 'a', 'đã hủy', 'thu hồi', 'V/v', 'Q\u0110', 'Q\u0044\u0335', 'e\u0301', '·', ':',
    );
    fc.assert(
      fc.property(fc.constantFrom(...NUMBERS), fc.array(piece, { minLength: 0, maxLength: 9 }), (n, parts) => {
        const raw = `${n}/${parts.join('')}`;
        expect(parseSymbol(raw), raw).toEqual(parseSymbolWhole(raw));
        expect(parseSymbol(raw, { issuers: ['SNV'] }), raw).toEqual(parseSymbolWhole(raw, { issuers: ['SNV'] }));
      }),
      { numRuns: 4000, seed: 20261203 },
    );
  });
});
