// A CSV register gives the same findings whatever encoding its file is in: Windows-1258 (Excel's
// "CSV (Comma delimited)" on Vietnamese Windows), UTF-16 with or without a BOM, UTF-8 with a BOM;
// and with a title line above its header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/index.js';
import { ROOT } from '../helpers.js';
import { encodeCp1258 } from './cp1258.js';

const NAME = 'so-den-2024-xuat.csv';
const TEXT = readFileSync(join(ROOT, 'fixtures', NAME), 'utf8').replace(/^\uFEFF/, '');
const CONFIG = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'vanthu.config.json'), 'utf8')) as unknown;

async function findings(bytes: Uint8Array): Promise<unknown> {
  const report = await checkFiles({ files: [{ name: NAME, bytes }], config: CONFIG, asOf: '2025-01-15' });
  expect(report.files[0]!.error).toBeUndefined();
  return { registers: report.files[0]!.registers, findings: report.files[0]!.findings };
}

describe('CSV encodings', () => {
  it('the UTF-8 original has findings to compare', async () => {
    const original = (await findings(new TextEncoder().encode(TEXT))) as { findings: unknown[]; registers: { entries: number }[] };
    expect(original.registers[0]!.entries).toBeGreaterThan(10);
    expect(original.findings.length).toBeGreaterThan(0);
  });

  it.each([
    ['Windows-1258', (t: string) => encodeCp1258(t)],
    ['UTF-16 LE with a BOM', (t: string) => Uint8Array.from(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]))],
    ['UTF-16 LE without a BOM', (t: string) => Uint8Array.from(Buffer.from(t, 'utf16le'))],
    ['UTF-16 BE without a BOM', (t: string) => Uint8Array.from(Buffer.from(t, 'utf16le').swap16())],
    ['UTF-8 with a BOM', (t: string) => Uint8Array.from(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]))],
  ])('%s gives the findings of the UTF-8 file', async (_name, encode) => {
    expect(await findings(encode(TEXT))).toEqual(await findings(new TextEncoder().encode(TEXT)));
  });

  it('Windows-1258 with ";" and a title line above the header reads the same register', async () => {
    const semicolon = TEXT.split(/\r?\n/).map((line) => line.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ';')).join('\r\n');
    const titled = `SỔ ĐĂNG KÝ VĂN BẢN ĐẾN\r\n${semicolon}`;
    const a = (await findings(encodeCp1258(titled))) as { registers: { entries: number }[]; findings: { ruleId: string; location: { row: number } }[] };
    const b = (await findings(new TextEncoder().encode(TEXT))) as typeof a;
    expect(a.registers[0]!.entries).toBe(b.registers[0]!.entries);
    // One line more above: the same findings, each a row further down.
    expect(a.findings.map((f) => [f.ruleId, f.location.row - 1])).toEqual(b.findings.map((f) => [f.ruleId, f.location.row]));
  });
});
