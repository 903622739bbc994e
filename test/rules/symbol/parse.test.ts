// Table tests for parseSymbol (rules/nd30/symbol/parse.ts) and the doc-types accessors.
// Valid forms come from NĐ 30/2020 Phụ lục I/III examples and real document numbers; defects
// from the catalogue of real register defects (spaces, look-alikes, D for Đ, wrong separators …).
// Repairs are asserted by kind (sorted, unique), never by message text.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DOC_TYPES,
  MIXED_CASE_CODES,
  PHU_LUC_III_CODES,
  foldKey,
  isLawIssuer,
  isPartyIssuer,
  matchStateTypeCode,
  pre2020CodesFor,
  qpplStatus,
  stateTypeCode,
  typeCodeForName,
  unofficialTypeCode,
} from '../../../rules/data/doc-types.js';
import { MAX_INPUT, parseSymbol } from '../../../rules/nd30/symbol/parse.js';
import type { ParsedSymbol, Repair, SymbolForm } from '../../../rules/nd30/symbol/types.js';

type Kind = Repair['kind'];

interface Case {
  readonly in: string;
  readonly form: SymbolForm;
  /** Expected normalized text; defaults to `in` when there are no repairs. */
  readonly norm?: string;
  /** Number digits; null = no number. */
  readonly num?: string | null;
  readonly value?: number;
  readonly suffix?: string;
  readonly malformed?: string;
  readonly year?: string | null;
  readonly type?: string | null;
  readonly canon?: string | null;
  readonly status?: 'official' | 'unofficial' | 'unknown' | null;
  readonly issuer?: string | null;
  readonly units?: readonly string[];
  /** Repair kinds (sorted, unique). Defaults to none. */
  readonly kinds?: readonly Kind[];
}

function kindsOf(p: ParsedSymbol): Kind[] {
  return [...new Set(p.repairs.map((r) => r.kind))].sort();
}

function check(c: Case): void {
  const p = parseSymbol(c.in);
  expect(p.raw).toBe(c.in);
  expect(p.form).toBe(c.form);
  expect(kindsOf(p)).toEqual([...(c.kinds ?? [])].sort());
  if (c.norm !== undefined) expect(p.normalized).toBe(c.norm);
  else if ((c.kinds ?? []).length === 0 && c.form !== 'empty') expect(p.normalized).toBe(c.in);
  if (c.num === null) expect(p.number).toBeUndefined();
  else if (c.num !== undefined) expect(p.number?.digits).toBe(c.num);
  if (c.value !== undefined) expect(p.number?.value).toBe(c.value);
  if (c.suffix !== undefined) expect(p.number?.suffix).toBe(c.suffix);
  if (c.malformed !== undefined) {
    expect(p.number?.malformed).toBe(c.malformed);
    expect(p.number?.value).toBeNaN();
    expect(p.number?.digits).toBe('');
  } else if (p.number !== undefined && c.num !== undefined) {
    expect(p.number.malformed).toBeUndefined();
  }
  if (c.year !== undefined) expect(p.year).toBe(c.year ?? undefined);
  if (c.type !== undefined) expect(p.type).toBe(c.type ?? undefined);
  if (c.canon !== undefined) expect(p.canonicalType).toBe(c.canon ?? undefined);
  if (c.status !== undefined) expect(p.typeStatus).toBe(c.status ?? undefined);
  if (c.issuer !== undefined) expect(p.issuer).toBe(c.issuer ?? undefined);
  if (c.units !== undefined) expect(p.units).toEqual(c.units);
  // Idempotence: the normalized text parses with no repairs and the same reading.
  if (p.form !== 'unparseable' && p.form !== 'empty') {
    const q = parseSymbol(p.normalized);
    expect(q.repairs).toEqual([]);
    expect(q.form).toBe(p.form);
    expect(q.normalized).toBe(p.normalized);
    expect(q.canonicalType).toBe(p.canonicalType);
    expect(q.issuer).toBe(p.issuer);
    expect(q.units).toEqual(p.units);
    expect(q.year).toBe(p.year);
    expect(q.number?.digits).toBe(p.number?.digits);
  }
}

function table(name: string, cases: readonly Case[]): void {
  describe(name, () => {
    for (const c of cases) it(JSON.stringify(c.in), () => check(c));
  });
}

// ---------------------------------------------------------------------------------------------
// Valid forms that must pass with NO repairs (false alarms here destroy trust).

table('valid forms from the real-world list (no repairs)', [
  { in: '12-NQ/TU', form: 'party', num: '12', value: 12, type: 'NQ', canon: 'NQ', status: 'official', issuer: 'TU', units: [] },
  { in: '345-CV/HU', form: 'party', num: '345', type: 'CV', canon: 'CV', status: 'official', issuer: 'HU', units: [] },
  { in: '12/2024/QĐ-UBND', form: 'qppl', num: '12', year: '2024', type: 'QĐ', canon: 'QĐ', status: 'official', issuer: 'UBND', units: [] },
  { in: '05/2025/NQ-HĐND', form: 'qppl', num: '05', value: 5, year: '2025', type: 'NQ', issuer: 'HĐND' },
  { in: '45/2019/NĐ-CP', form: 'qppl', num: '45', year: '2019', type: 'NĐ', canon: 'NĐ', issuer: 'CP' },
  { in: '09/2020/TTLT-BTC-BNV', form: 'joint', num: '09', year: '2020', type: 'TTLT', issuer: 'BTC', units: ['BNV'] },
  { in: '20/2023/QH15', form: 'law', num: '20', year: '2023', type: null, canon: null, status: null, issuer: 'QH15', units: [] },
  { in: '66/2024/UBTVQH15', form: 'law', num: '66', year: '2024', type: null, issuer: 'UBTVQH15' },
  { in: '08/VBHN-BTC', form: 'vbhn', num: '08', year: null, type: 'VBHN', status: 'official', issuer: 'BTC' },
  { in: '03/VBHN-VPQH', form: 'vbhn', num: '03', type: 'VBHN', issuer: 'VPQH' },
  { in: '1818/TTr-VP', form: 'typed', num: '1818', type: 'TTr', canon: 'TTr', status: 'official', issuer: 'VP', units: [] },
  { in: '15/CTr-UBND', form: 'typed', type: 'CTr', canon: 'CTr', issuer: 'UBND' },
  { in: '07/QyĐ-UBND', form: 'typed', type: 'QyĐ', canon: 'QyĐ', issuer: 'UBND' },
  { in: '03/TrS-UBND', form: 'copy', type: 'TrS', canon: 'TrS', status: 'official', issuer: 'UBND' },
  { in: '439/QĐ-TTg', form: 'typed', num: '439', type: 'QĐ', issuer: 'TTg' },
  { in: '18/2020/QĐ-TTg', form: 'qppl', year: '2020', type: 'QĐ', issuer: 'TTg' },
  { in: '05/UBND-VX1', form: 'cong-van', num: '05', type: null, canon: null, status: null, issuer: 'UBND', units: ['VX1'] },
  { in: '12/VPCP-V.I', form: 'cong-van', issuer: 'VPCP', units: ['V.I'] },
  { in: '88/SGDĐT-GDTXCN', form: 'cong-van', issuer: 'SGDĐT', units: ['GDTXCN'] },
  { in: '15/QĐ-CĐVX-ĐT', form: 'typed', type: 'QĐ', issuer: 'CĐVX', units: ['ĐT'] },
  { in: '2024/QĐ-UBND', form: 'typed', num: '2024', value: 2024, year: null, type: 'QĐ', issuer: 'UBND' },
  { in: '12345/BNV-VP', form: 'cong-van', num: '12345', value: 12345, issuer: 'BNV', units: ['VP'] },
  { in: '66.3/2025/NQ-CP', form: 'qppl', num: '66', value: 66, suffix: '.3', year: '2025', type: 'NQ', issuer: 'CP' },
  { in: '22-BNV/TT', form: 'historic', num: '22', type: 'TT', canon: 'TT', status: 'official', issuer: 'BNV', units: [] },
  { in: '15/QĐ-BNV', form: 'typed', num: '15', type: 'QĐ', issuer: 'BNV', units: [] },
  { in: '05/BNV-VP', form: 'cong-van', num: '05', issuer: 'BNV', units: ['VP'] },
  { in: '12/UBND-VX', form: 'cong-van', num: '12', issuer: 'UBND', units: ['VX'] },
  { in: '01/NHNo.ĐT-QLRR', form: 'cong-van', num: '01', issuer: 'NHNo.ĐT', units: ['QLRR'] },
  { in: '30/2020/NĐ-CP', form: 'qppl', num: '30', year: '2020', type: 'NĐ', issuer: 'CP' },
  { in: '08/2001/L-CTN', form: 'qppl', num: '08', year: '2001', type: 'L', canon: 'L', status: 'official', issuer: 'CTN' },
  { in: '128/2025/QĐ-UBND', form: 'qppl', num: '128', year: '2025', type: 'QĐ', issuer: 'UBND' },
  { in: '332/NQ-CP', form: 'typed', num: '332', type: 'NQ', issuer: 'CP' },
  { in: '35/CT-TTg', form: 'typed', num: '35', type: 'CT', issuer: 'TTg' },
]);

table('more real and official forms (no repairs)', [
  { in: '09-CT/TW', form: 'party', type: 'CT', issuer: 'TW' },
  { in: '05-KL/TW', form: 'party', type: 'KL', status: 'official', issuer: 'TW' },
  { in: '123-QĐ/ĐU', form: 'party', type: 'QĐ', issuer: 'ĐU' },
  { in: '37-QĐi/TW', form: 'party', type: 'QĐi', canon: 'QĐi', status: 'official', issuer: 'TW' },
  { in: '15-CTr/TU', form: 'party', type: 'CTr', issuer: 'TU' },
  { in: '12-TB/TU', form: 'party', type: 'TB', issuer: 'TU' },
  { in: '01-HD/TW', form: 'party', type: 'HD', issuer: 'TW' },
  { in: '18-NQ/TW', form: 'party', type: 'NQ', issuer: 'TW' },
  { in: '123-CV/VPTU', form: 'party', type: 'CV', issuer: 'VPTU' },
  { in: '12-NQ/TU-VP', form: 'party', issuer: 'TU', units: ['VP'] },
  { in: '12-NQ/ThU', form: 'party', issuer: 'ThU' },
  { in: '12-XYZ/ABC', form: 'party', type: 'XYZ', canon: null, status: 'unknown', issuer: 'ABC' },
  { in: '80/2015/QH13', form: 'law', year: '2015', issuer: 'QH13' },
  { in: '45/2019/QH14', form: 'law', issuer: 'QH14' },
  { in: '64/2025/QH15', form: 'law', issuer: 'QH15' },
  { in: '33/2024/QH15', form: 'law', issuer: 'QH15' },
  { in: '203/2025/QH15', form: 'law', num: '203', issuer: 'QH15' },
  { in: '76/2025/UBTVQH15', form: 'law', issuer: 'UBTVQH15' },
  { in: '01/2011/TT-BNV', form: 'qppl', type: 'TT', issuer: 'BNV' },
  { in: '39/2016/TT-NHNN', form: 'qppl', type: 'TT', issuer: 'NHNN' },
  { in: '06/2025/TT-BNV', form: 'qppl', type: 'TT', issuer: 'BNV' },
  { in: '03/2009/TT-BNG', form: 'qppl', type: 'TT', issuer: 'BNG' },
  { in: '150/2025/NĐ-CP', form: 'qppl', type: 'NĐ', issuer: 'CP' },
  { in: '78/2025/NĐ-CP', form: 'qppl', type: 'NĐ', issuer: 'CP' },
  { in: '36/2006/CT-TTg', form: 'qppl', type: 'CT', issuer: 'TTg' },
  { in: '30/NQ-CP', form: 'typed', type: 'NQ', issuer: 'CP' },
  { in: '85/2025/QĐ-UBND', form: 'qppl', year: '2025', type: 'QĐ' },
  { in: '05/2019/NQ-HĐND', form: 'qppl', type: 'NQ', issuer: 'HĐND' },
  { in: '44/2002/PL-UBTVQH10', form: 'qppl', type: 'PL', status: 'official', issuer: 'UBTVQH10' },
  { in: '1206/2016/NQ-UBTVQH13', form: 'qppl', type: 'NQ', issuer: 'UBTVQH13' },
  { in: '01/2008/NQLT-CP-UBTWMTTQVN', form: 'joint', type: 'NQLT', issuer: 'CP', units: ['UBTWMTTQVN'] },
  { in: '245/VPCP-KGVX', form: 'cong-van', issuer: 'VPCP', units: ['KGVX'] },
  { in: '8056/VPCP-KGVX', form: 'cong-van', num: '8056', issuer: 'VPCP' },
  { in: '1234/TTg-KTTH', form: 'cong-van', issuer: 'TTg', units: ['KTTH'] },
  { in: '05/KL-TTr', form: 'typed', type: 'KL', status: 'unofficial', issuer: 'TTr' },
  { in: '03/SY-UBND', form: 'copy', type: 'SY', issuer: 'UBND' },
  { in: '04/SL-UBND', form: 'copy', type: 'SL', issuer: 'UBND' },
  { in: '12/UBND-VP', form: 'cong-van', issuer: 'UBND', units: ['VP'] },
  { in: '12/UBND-KT', form: 'cong-van', issuer: 'UBND', units: ['KT'] },
  { in: '12/UBND-VHXH', form: 'cong-van', issuer: 'UBND', units: ['VHXH'] },
  { in: '123/SNV-VP', form: 'cong-van', issuer: 'SNV', units: ['VP'] },
  { in: '15/QĐ-UBND-VP', form: 'typed', issuer: 'UBND', units: ['VP'] },
  { in: '01/TC&CB-VP', form: 'cong-van', issuer: 'TC&CB', units: ['VP'] },
  { in: '236a/QĐ-UBND', form: 'typed', num: '236', value: 236, suffix: 'a', issuer: 'UBND' },
  { in: '236B/QĐ-UBND', form: 'typed', num: '236', suffix: 'B' },
  { in: '0087/KH-UBND', form: 'typed', num: '0087', value: 87, type: 'KH' },
  { in: '01234/QĐ-UBND', form: 'typed', num: '01234', value: 1234 },
  { in: '045/2024/QĐ-UBND', form: 'qppl', num: '045', value: 45, year: '2024' },
  { in: '7/QĐ-UBND', form: 'typed', num: '7', value: 7 },
  { in: '4/2023/QĐ-UBND', form: 'qppl', num: '4', value: 4, year: '2023' },
  { in: '0/QĐ-UBND', form: 'typed', num: '0', value: 0 },
  { in: '15-CP', form: 'historic', num: '15', type: null, issuer: 'CP' },
  { in: '217-HĐBT', form: 'historic', num: '217', issuer: 'HĐBT' },
  { in: '12-BYT/QĐ', form: 'historic', type: 'QĐ', issuer: 'BYT' },
]);

// Every Phụ lục III code in the type position: typed (or copy) with the code, no repairs.
const PL3: readonly (readonly [string, SymbolForm])[] = [
  ['NQ', 'typed'], ['QĐ', 'typed'], ['CT', 'typed'], ['QC', 'typed'], ['QyĐ', 'typed'], ['TC', 'typed'],
  ['TB', 'typed'], ['HD', 'typed'], ['CTr', 'typed'], ['KH', 'typed'], ['PA', 'typed'], ['ĐA', 'typed'],
  ['DA', 'typed'], ['BC', 'typed'], ['BB', 'typed'], ['TTr', 'typed'], ['HĐ', 'typed'], ['CĐ', 'typed'],
  ['BGN', 'typed'], ['BTT', 'typed'], ['GUQ', 'typed'], ['GM', 'typed'], ['GGT', 'typed'], ['GNP', 'typed'],
  ['PG', 'typed'], ['PC', 'typed'], ['PB', 'typed'], ['SY', 'copy'], ['TrS', 'copy'], ['SL', 'copy'],
];
table(
  'every Phụ lục III code (no repairs)',
  PL3.map(([code, form]) => ({ in: `05/${code}-UBND`, form, num: '05', type: code, canon: code, status: 'official' as const, issuer: 'UBND', units: [] })),
);

// ---------------------------------------------------------------------------------------------
// Defects from the real-world catalogue: parsed, with the expected repair kinds.

table('defects: spaces, line breaks, trimming', [
  { in: '512 /UBND-VP', form: 'cong-van', norm: '512/UBND-VP', num: '512', issuer: 'UBND', units: ['VP'], kinds: ['space'] },
  { in: '88/TTr- UBND', form: 'typed', norm: '88/TTr-UBND', type: 'TTr', issuer: 'UBND', kinds: ['space'] },
  { in: '41/NQ -CP', form: 'typed', norm: '41/NQ-CP', type: 'NQ', issuer: 'CP', kinds: ['space'] },
  { in: '12/2016/TTLT-BGD ĐT-BNV', form: 'joint', norm: '12/2016/TTLT-BGDĐT-BNV', issuer: 'BGDĐT', units: ['BNV'], kinds: ['space'] },
  { in: '05 / QĐ - UBND', form: 'typed', norm: '05/QĐ-UBND', kinds: ['space'] },
  { in: '15/QĐ - UBND', form: 'typed', norm: '15/QĐ-UBND', kinds: ['space'] },
  { in: '1 234/QĐ-UBND', form: 'typed', norm: '1234/QĐ-UBND', num: '1234', kinds: ['space'] },
  { in: '15/T Tr-UBND', form: 'typed', norm: '15/TTr-UBND', type: 'TTr', kinds: ['space'] },
  { in: '15/TT r-UBND', form: 'typed', norm: '15/TTr-UBND', type: 'TTr', kinds: ['space'] },
  { in: '15/TT LT-BTC-BNV', form: 'joint', norm: '15/TTLT-BTC-BNV', kinds: ['space'] },
  { in: '12/QĐ UBND', form: 'typed', norm: '12/QĐ-UBND', issuer: 'UBND', kinds: ['separator'] },
  { in: '12/2024/NĐ CP', form: 'qppl', norm: '12/2024/NĐ-CP', issuer: 'CP', kinds: ['separator'] },
  { in: '12/2024 QĐ-UBND', form: 'qppl', norm: '12/2024/QĐ-UBND', year: '2024', type: 'QĐ', kinds: ['separator'] },
  { in: '12/2024\nQĐ-UBND', form: 'qppl', norm: '12/2024/QĐ-UBND', year: '2024', kinds: ['line-break'] },
  { in: '905/QĐ-\nUBND', form: 'typed', norm: '905/QĐ-UBND', issuer: 'UBND', kinds: ['line-break'] },
  { in: '905/QĐ-\r\nUBND', form: 'typed', norm: '905/QĐ-UBND', kinds: ['line-break'] },
  { in: '905/QĐ\nUBND', form: 'typed', norm: '905/QĐ-UBND', issuer: 'UBND', kinds: ['line-break'] },
  { in: '905/\nQĐ-UBND', form: 'typed', norm: '905/QĐ-UBND', kinds: ['line-break'] },
  { in: '12/UBND-\nVP', form: 'cong-van', norm: '12/UBND-VP', kinds: ['line-break'] },
  { in: '  12/QĐ-UBND  ', form: 'typed', norm: '12/QĐ-UBND', kinds: ['trim'] },
  { in: '12/QĐ-UBND\n', form: 'typed', norm: '12/QĐ-UBND', kinds: ['trim'] },
  { in: '\t12/UBND-VP', form: 'cong-van', norm: '12/UBND-VP', kinds: ['trim'] },
  { in: '"12/QĐ-UBND"', form: 'typed', norm: '12/QĐ-UBND', kinds: ['trim'] },
  { in: "'12/QĐ-UBND", form: 'typed', norm: '12/QĐ-UBND', kinds: ['trim'] },
  // The "Số:" label of the document copied with the symbol is dropped like whitespace.
  { in: 'Số: 12/QĐ-UBND', form: 'typed', norm: '12/QĐ-UBND', num: '12', issuer: 'UBND', kinds: ['trim'] },
  { in: 'Số 12/QĐ-UBND', form: 'typed', norm: '12/QĐ-UBND', num: '12', kinds: ['trim'] },
  { in: 'SỐ:05/2024/QĐ-UBND', form: 'qppl', norm: '05/2024/QĐ-UBND', year: '2024', kinds: ['trim'] },
  { in: 'số /TB-UBND', form: 'typed', norm: '/TB-UBND', num: null, kinds: ['trim'] },
  { in: '12/QĐ\u00A0-UBND', form: 'typed', norm: '12/QĐ-UBND', kinds: ['space'] },
  { in: '12/QĐ-\u200BUBND', form: 'typed', norm: '12/QĐ-UBND', kinds: ['space'] },
  { in: '12/Q\u00ADĐ-UBND', form: 'typed', norm: '12/QĐ-UBND', type: 'QĐ', kinds: ['space'] },
]);

table('defects: look-alike characters and Unicode', [
  { in: '15/Q\u00D0-UBND', form: 'typed', norm: '15/QĐ-UBND', type: 'QĐ', kinds: ['lookalike'] },
  { in: '05/2025/NQ-H\u00D0ND', form: 'qppl', norm: '05/2025/NQ-HĐND', issuer: 'HĐND', kinds: ['lookalike'] },
  { in: '15\u2044QĐ-UBND', form: 'typed', norm: '15/QĐ-UBND', kinds: ['lookalike'] },
  { in: '15\u2215QĐ-UBND', form: 'typed', norm: '15/QĐ-UBND', kinds: ['lookalike'] },
  { in: '15\uFF0FQĐ-UBND', form: 'typed', norm: '15/QĐ-UBND', kinds: ['lookalike'] },
  { in: '15/QĐ\u2013UBND', form: 'typed', norm: '15/QĐ-UBND', issuer: 'UBND', kinds: ['lookalike'] },
  { in: '15/QĐ\u2014UBND', form: 'typed', norm: '15/QĐ-UBND', kinds: ['lookalike'] },
  { in: '15/QĐ\u2010UBND', form: 'typed', norm: '15/QĐ-UBND', kinds: ['lookalike'] },
  { in: '15/QĐ\u2011UBND', form: 'typed', norm: '15/QĐ-UBND', kinds: ['lookalike'] },
  { in: '15/QĐ\u2212UBND', form: 'typed', norm: '15/QĐ-UBND', kinds: ['lookalike'] },
  { in: '15/\u041A\u041D-UBND', form: 'typed', norm: '15/KH-UBND', type: 'KH', canon: 'KH', kinds: ['lookalike'] },
  { in: '15/QĐ-UB\u041DD', form: 'typed', norm: '15/QĐ-UBHD', kinds: ['lookalike'] },
  { in: '15/\u0422\u0422r-UBND', form: 'typed', norm: '15/TTr-UBND', type: 'TTr', kinds: ['lookalike'] },
  { in: '15/\u039A\u0397-UBND', form: 'typed', norm: '15/KH-UBND', type: 'KH', kinds: ['lookalike'] },
  { in: '\uFF11\uFF12/QĐ-UBND', form: 'typed', norm: '12/QĐ-UBND', num: '12', kinds: ['lookalike'] },
  { in: '15/QD\u0335-UBND', form: 'typed', norm: '15/QĐ-UBND', type: 'QĐ', kinds: ['lookalike'] },
  { in: '12-NQ/T\u01AF'.normalize('NFD'), form: 'party', norm: '12-NQ/TƯ', issuer: 'TƯ', kinds: ['nfc'] },
  { in: '15/QĐ-S\u1EDE'.normalize('NFD'), form: 'typed', norm: '15/QĐ-SỞ', issuer: 'SỞ', kinds: ['nfc'] },
  { in: '15/Q\u00D0 \u2013 UBND', form: 'typed', norm: '15/QĐ-UBND', kinds: ['lookalike', 'space'] },
]);

table('defects: Đ written as D', [
  { in: '07/QD-UBND', form: 'typed', norm: '07/QĐ-UBND', type: 'QD', canon: 'QĐ', status: 'official', kinds: ['d-for-đ'] },
  { in: '45/ND-CP', form: 'typed', norm: '45/NĐ-CP', type: 'ND', canon: 'NĐ', kinds: ['d-for-đ'] },
  { in: '45/2019/ND-CP', form: 'qppl', norm: '45/2019/NĐ-CP', canon: 'NĐ', kinds: ['d-for-đ'] },
  { in: '05/2025/NQ-HDND', form: 'qppl', norm: '05/2025/NQ-HĐND', issuer: 'HĐND', kinds: ['d-for-đ'] },
  { in: '12/HDND-VP', form: 'cong-van', norm: '12/HĐND-VP', issuer: 'HĐND', kinds: ['d-for-đ'] },
  { in: '12/CD-UBND', form: 'typed', norm: '12/CĐ-UBND', canon: 'CĐ', kinds: ['d-for-đ'] },
  { in: '12/QYD-UBND', form: 'typed', norm: '12/QyĐ-UBND', canon: 'QyĐ', kinds: ['case', 'd-for-đ'] },
  { in: '12/qd-ubnd', form: 'typed', norm: '12/QĐ-UBND', type: 'qd', canon: 'QĐ', issuer: 'UBND', kinds: ['case', 'd-for-đ'] },
  { in: '12/2024/TT-BGDDT', form: 'qppl', norm: '12/2024/TT-BGDĐT', issuer: 'BGDĐT', kinds: ['d-for-đ'] },
  { in: '217-HDBT', form: 'historic', norm: '217-HĐBT', issuer: 'HĐBT', kinds: ['d-for-đ'] },
  { in: '12-QD/TU', form: 'party', norm: '12-QĐ/TU', canon: 'QĐ', kinds: ['d-for-đ'] },
  // Never repaired: HD (Hướng dẫn), DA (Dự án) are codes; ĐA, HĐ are other codes.
  { in: '12/HD-UBND', form: 'typed', type: 'HD', canon: 'HD' },
  { in: '12/DA-UBND', form: 'typed', type: 'DA', canon: 'DA' },
  { in: '12/ĐA-UBND', form: 'typed', type: 'ĐA', canon: 'ĐA' },
  { in: '12/HĐ-UBND', form: 'typed', type: 'HĐ', canon: 'HĐ' },
  { in: '12/hd-UBND', form: 'typed', norm: '12/HD-UBND', canon: 'HD', kinds: ['case'] },
  { in: '12/UBND-KHDT', form: 'cong-van', units: ['KHDT'] },
]);

table('defects: case', [
  { in: '439/QĐ-TTG', form: 'typed', norm: '439/QĐ-TTg', issuer: 'TTg', kinds: ['case'] },
  { in: '18/2020/QĐ-ttg', form: 'qppl', norm: '18/2020/QĐ-TTg', issuer: 'TTg', kinds: ['case'] },
  { in: '1234/TTG-KTTH', form: 'cong-van', norm: '1234/TTg-KTTH', issuer: 'TTg', kinds: ['case'] },
  { in: '88/ttr-ubnd', form: 'typed', norm: '88/TTr-UBND', type: 'ttr', canon: 'TTr', issuer: 'UBND', kinds: ['case'] },
  { in: '88/TTR-UBND', form: 'typed', norm: '88/TTr-UBND', type: 'TTR', canon: 'TTr', status: 'official', kinds: ['case'] },
  { in: '07/QYĐ-UBND', form: 'typed', norm: '07/QyĐ-UBND', type: 'QYĐ', canon: 'QyĐ', status: 'official', kinds: ['case'] },
  { in: '15/CTR-UBND', form: 'typed', norm: '15/CTr-UBND', type: 'CTR', canon: 'CTr', kinds: ['case'] },
  { in: '03/TRS-UBND', form: 'copy', norm: '03/TrS-UBND', type: 'TRS', canon: 'TrS', kinds: ['case'] },
  { in: '05/sy-ubnd', form: 'copy', norm: '05/SY-UBND', canon: 'SY', kinds: ['case'] },
  { in: '12/QĐ-ubnd', form: 'typed', norm: '12/QĐ-UBND', issuer: 'UBND', kinds: ['case'] },
  { in: '12/Qđ-Ubnd', form: 'typed', norm: '12/QĐ-UBND', kinds: ['case'] },
  { in: '12/ubnd-vx', form: 'cong-van', norm: '12/UBND-VX', issuer: 'UBND', units: ['VX'], kinds: ['case'] },
  { in: '12/Ubnd-Vp', form: 'cong-van', norm: '12/UBND-VP', kinds: ['case'] },
  { in: '12/kh-UBND', form: 'typed', norm: '12/KH-UBND', canon: 'KH', kinds: ['case'] },
  { in: '12-nq/tu', form: 'party', norm: '12-NQ/TU', canon: 'NQ', issuer: 'TU', kinds: ['case'] },
  { in: '05-QĐI/TW', form: 'party', norm: '05-QĐi/TW', canon: 'QĐi', kinds: ['case'] },
  { in: '22-bnv/tt', form: 'historic', norm: '22-BNV/TT', issuer: 'BNV', canon: 'TT', kinds: ['case'] },
  { in: '12/2024/qh15', form: 'law', norm: '12/2024/QH15', issuer: 'QH15', kinds: ['case'] },
  { in: '12/VPCP-v.i', form: 'cong-van', norm: '12/VPCP-V.I', units: ['V.I'], kinds: ['case'] },
  // Agency mixed case is kept: NHNo, TTr (Thanh tra as an issuer), ThU.
  { in: '12/NHNo-VP', form: 'cong-van', issuer: 'NHNo' },
  { in: '05/KL-TTr-VP', form: 'typed', issuer: 'TTr', units: ['VP'] },
]);

table('defects: non-official type codes', [
  { in: '45/CV-UBND', form: 'typed', type: 'CV', canon: 'CV', status: 'unofficial', issuer: 'UBND' },
  { in: '123/CV-UBND', form: 'typed', canon: 'CV', status: 'unofficial' },
  { in: '12/cv-ubnd', form: 'typed', norm: '12/CV-UBND', canon: 'CV', status: 'unofficial', kinds: ['case'] },
  { in: '12/GT-UBND', form: 'typed', type: 'GT', canon: 'GGT', status: 'unofficial', issuer: 'UBND' },
  { in: '12/HN-UBND', form: 'typed', type: 'HN', canon: 'HN', status: 'unofficial' },
  { in: '12/VB-UBND', form: 'typed', type: 'VB', status: 'unofficial' },
  { in: '12/BSY-UBND', form: 'copy', type: 'BSY', canon: 'SY', status: 'unofficial', issuer: 'UBND' },
  { in: '12/BS-UBND', form: 'copy', type: 'BS', canon: 'BS', status: 'unofficial' },
  { in: '12/gt-UBND', form: 'typed', norm: '12/GT-UBND', type: 'gt', canon: 'GGT', status: 'unofficial', kinds: ['case'] },
  { in: '12/KL-UBND', form: 'typed', type: 'KL', status: 'unofficial' },
  // CTY is too likely an agency code: read as a công văn issuer.
  { in: '12/CTY-TCHC', form: 'cong-van', type: null, issuer: 'CTY', units: ['TCHC'] },
]);

table('defects: công văn shape, year segments, missing year', [
  { in: '33/UBND', form: 'cong-van', num: '33', issuer: 'UBND', units: [] },
  { in: '33/VP-UBND', form: 'cong-van', issuer: 'VP', units: ['UBND'] },
  { in: '58/2024/KH-UBND', form: 'qppl', year: '2024', type: 'KH', canon: 'KH', status: 'official', issuer: 'UBND' },
  { in: '12/2025/CV-UBND', form: 'qppl', year: '2025', type: 'CV', status: 'unofficial', issuer: 'UBND' },
  { in: '36/2026/CV-UBND', form: 'qppl', year: '2026', type: 'CV' },
  { in: '12/2024/TB-UBND', form: 'qppl', year: '2024', type: 'TB' },
  { in: '12/2025/UBND-VP', form: 'qppl', year: '2025', type: null, status: null, issuer: 'UBND', units: ['VP'] },
  { in: '10/2017/CT-UBND', form: 'qppl', year: '2017', type: 'CT' },
  { in: '41/NĐ-CP', form: 'typed', year: null, type: 'NĐ', canon: 'NĐ', issuer: 'CP' },
  { in: '18/TT-BTC', form: 'typed', year: null, type: 'TT', issuer: 'BTC' },
  { in: '09/TTLT-BTC-BNV', form: 'joint', year: null, type: 'TTLT', issuer: 'BTC', units: ['BNV'] },
  { in: '12/L-CTN', form: 'typed', type: 'L', issuer: 'CTN' },
  { in: '03/2023/QĐ-UBND', form: 'qppl', year: '2023', type: 'QĐ' },
  { in: '12/2024/QH', form: 'qppl', year: '2024', issuer: 'QH' },
  { in: '12/2019/VBHN-BTC', form: 'vbhn', year: '2019', type: 'VBHN' },
  { in: '12/NQ-QH15', form: 'typed', type: 'NQ', issuer: 'QH15' },
]);

table('defects: wrong separators', [
  { in: '15/2019/TTLT/BTC-BNV', form: 'joint', norm: '15/2019/TTLT-BTC-BNV', year: '2019', issuer: 'BTC', units: ['BNV'], kinds: ['separator'] },
  { in: '12/QĐ/UBND', form: 'typed', norm: '12/QĐ-UBND', issuer: 'UBND', kinds: ['separator'] },
  { in: '12/2024/QĐ/UBND', form: 'qppl', norm: '12/2024/QĐ-UBND', kinds: ['separator'] },
  { in: '21-2018-TT-BYT', form: 'qppl', norm: '21/2018/TT-BYT', num: '21', year: '2018', type: 'TT', issuer: 'BYT', kinds: ['separator'] },
  { in: '21-2018/TT-BYT', form: 'qppl', norm: '21/2018/TT-BYT', year: '2018', kinds: ['separator'] },
  { in: '12/2024-QĐ-UBND', form: 'qppl', norm: '12/2024/QĐ-UBND', year: '2024', kinds: ['separator'] },
  { in: '12.2024/QĐ-UBND', form: 'qppl', norm: '12/2024/QĐ-UBND', year: '2024', kinds: ['separator'] },
  { in: '07_2017_BTC', form: 'qppl', norm: '07/2017/BTC', num: '07', year: '2017', type: null, issuer: 'BTC', kinds: ['separator'] },
  { in: '07_2017_TT_BTC', form: 'qppl', norm: '07/2017/TT-BTC', type: 'TT', issuer: 'BTC', kinds: ['separator'] },
  { in: '15_QĐ_UBND', form: 'typed', norm: '15/QĐ-UBND', type: 'QĐ', issuer: 'UBND', kinds: ['separator'] },
  { in: '05/QĐ_UBND', form: 'typed', norm: '05/QĐ-UBND', kinds: ['separator'] },
  { in: '12/KH.UBND', form: 'typed', norm: '12/KH-UBND', type: 'KH', issuer: 'UBND', kinds: ['separator'] },
  { in: '12//QĐ-UBND', form: 'typed', norm: '12/QĐ-UBND', kinds: ['separator'] },
  { in: '12/QĐ--UBND', form: 'typed', norm: '12/QĐ-UBND', kinds: ['separator'] },
  { in: '12\\QĐ-UBND', form: 'typed', norm: '12/QĐ-UBND', kinds: ['separator'] },
  { in: '12/QĐ-UBND-', form: 'typed', norm: '12/QĐ-UBND', units: [], kinds: ['separator'] },
  { in: '12/QĐ-UBND.', form: 'typed', norm: '12/QĐ-UBND', kinds: ['separator'] },
  { in: '-12/QĐ-UBND', form: 'typed', norm: '12/QĐ-UBND', num: '12', kinds: ['separator'] },
  { in: '12/QĐ-UBND /', form: 'typed', norm: '12/QĐ-UBND', kinds: ['separator', 'space'] },
]);

table('defects: lost hyphen', [
  { in: '1234/QĐUBND', form: 'typed', norm: '1234/QĐ-UBND', type: 'QĐ', issuer: 'UBND', kinds: ['lost-hyphen'] },
  { in: '55/2018/NĐCP', form: 'qppl', norm: '55/2018/NĐ-CP', type: 'NĐ', issuer: 'CP', kinds: ['lost-hyphen'] },
  { in: '12/QDUBND', form: 'typed', norm: '12/QĐ-UBND', canon: 'QĐ', kinds: ['d-for-đ', 'lost-hyphen'] },
  { in: '08/2001/LCTN', form: 'qppl', norm: '08/2001/L-CTN', type: 'L', issuer: 'CTN', kinds: ['lost-hyphen'] },
  { in: '09/2020/TTLTBTC-BNV', form: 'joint', norm: '09/2020/TTLT-BTC-BNV', issuer: 'BTC', kinds: ['lost-hyphen'] },
  { in: '12/TTrUBND', form: 'typed', norm: '12/TTr-UBND', canon: 'TTr', kinds: ['lost-hyphen'] },
  { in: '12/KHUBND-VP', form: 'typed', norm: '12/KH-UBND-VP', issuer: 'UBND', units: ['VP'], kinds: ['lost-hyphen'] },
  { in: '12/NQHĐND', form: 'typed', norm: '12/NQ-HĐND', issuer: 'HĐND', kinds: ['lost-hyphen'] },
  { in: '12/QĐTTg', form: 'typed', norm: '12/QĐ-TTg', issuer: 'TTg', kinds: ['lost-hyphen'] },
  // Not split: the rest is not a known issuer, or the whole is itself an issuer.
  { in: '12/QĐVP', form: 'cong-van', issuer: 'QĐVP' },
  { in: '12/HĐND-VP', form: 'cong-van', issuer: 'HĐND' },
  { in: '12/CTN-VP', form: 'cong-van', issuer: 'CTN' },
]);

table('defects: numbers (missing, truncated, suffixed, malformed)', [
  { in: '/TB-UBND', form: 'typed', num: null, type: 'TB', issuer: 'UBND' },
  { in: '/2024/QĐ-UBND', form: 'qppl', num: null, year: '2024' },
  { in: '/UBND-VP', form: 'cong-van', num: null, issuer: 'UBND', units: ['VP'] },
  { in: '22/202 /QĐ-UBND', form: 'qppl', norm: '22/202/QĐ-UBND', num: '22', year: '202', type: 'QĐ', kinds: ['space'] },
  { in: '22/20/QĐ-UBND', form: 'qppl', year: '20' },
  { in: '236a/QĐ-UBND', form: 'typed', num: '236', suffix: 'a' },
  { in: 'V/QĐ-UBND', form: 'typed', malformed: 'V', type: 'QĐ' },
  { in: 'IV/QĐ-UBND', form: 'typed', malformed: 'IV' },
  { in: '1O/QĐ-UBND', form: 'typed', malformed: '1O' },
  { in: '1l/QĐ-UBND', form: 'typed', malformed: '1l' },
  { in: '12ab/QĐ-UBND', form: 'typed', malformed: '12ab' },
  { in: '1.234/QĐ-UBND', form: 'typed', malformed: '1.234' },
  { in: '66.12/2025/NQ-CP', form: 'qppl', num: '66', suffix: '.12' },
  { in: 'V-NQ/TU', form: 'party', malformed: 'V', type: 'NQ' },
  { in: '12/QĐ', form: 'typed', type: 'QĐ', issuer: null, units: [] },
  { in: '12/QĐ-', form: 'typed', norm: '12/QĐ', issuer: null, kinds: ['separator'] },
  { in: '12./QĐ-UBND', form: 'typed', norm: '12/QĐ-UBND', num: '12', kinds: ['separator'] },
  { in: '//TB-UBND', form: 'typed', norm: '/TB-UBND', num: null, kinds: ['separator'] },
  { in: '09/NQ-TW', form: 'typed', num: '09', type: 'NQ', issuer: 'TW' },
  { in: '09/NQ-TƯ', form: 'typed', issuer: 'TƯ' },
]);

table('empty and unparseable', [
  { in: '', form: 'empty', norm: '' },
  { in: '   ', form: 'empty', norm: '' },
  { in: '\n', form: 'empty', norm: '' },
  { in: '12', form: 'unparseable' },
  { in: 'abc', form: 'unparseable' },
  { in: 'QĐ-UBND', form: 'unparseable' },
  { in: '12/2024', form: 'unparseable' },
  { in: '12/2024/', form: 'unparseable', kinds: ['separator'] },
  { in: '/', form: 'unparseable' },
  { in: '---', form: 'unparseable' },
  { in: 'Số 12', form: 'unparseable', kinds: ['trim'] },
  { in: '12/QĐ-UBND, 13/QĐ-UBND', form: 'unparseable' },
  { in: '12-NQ-TU', form: 'unparseable' },
  { in: '12-NQ/TU/VP', form: 'unparseable' },
  { in: '12/ABC/DEF', form: 'unparseable' },
  { in: '1.2.3/QĐ-UBND', form: 'unparseable' },
  { in: `12/QĐ-${'X'.repeat(MAX_INPUT)}`, form: 'unparseable' },
]);

// ---------------------------------------------------------------------------------------------
// Repair details that matter to messages: minimal from/to.

describe('repair from/to are minimal', () => {
  it('space around a slash', () => {
    expect(parseSymbol('512 /UBND-VP').repairs).toEqual([{ kind: 'space', from: ' /', to: '/' }]);
  });
  it('look-alike run', () => {
    expect(parseSymbol('15/\u041A\u041D-UBND').repairs).toEqual([{ kind: 'lookalike', from: '\u041A\u041D', to: 'KH' }]);
  });
  it('d-for-đ then case', () => {
    expect(parseSymbol('12/QYD-UBND').repairs).toEqual([
      { kind: 'd-for-đ', from: 'QYD', to: 'QYĐ' },
      { kind: 'case', from: 'QYĐ', to: 'QyĐ' },
    ]);
  });
  it('lost hyphen', () => {
    expect(parseSymbol('1234/QĐUBND').repairs).toEqual([{ kind: 'lost-hyphen', from: 'QĐUBND', to: 'QĐ-UBND' }]);
  });
  it('wrong separators', () => {
    expect(parseSymbol('15/2019/TTLT/BTC-BNV').repairs).toEqual([{ kind: 'separator', from: '/', to: '-' }]);
    expect(parseSymbol('07_2017_BTC').repairs).toEqual([
      { kind: 'separator', from: '_', to: '/' },
      { kind: 'separator', from: '_', to: '/' },
    ]);
  });
  it('line break', () => {
    expect(parseSymbol('905/QĐ-\nUBND').repairs).toEqual([{ kind: 'line-break', from: '-\n', to: '-' }]);
  });
});

// ---------------------------------------------------------------------------------------------
// doc-types accessors.

describe('doc-types data', () => {
  it('transcribes the 27 Phụ lục III codes and the 3 copy codes', () => {
    expect(PHU_LUC_III_CODES.size).toBe(30);
    expect(DOC_TYPES.every((t) => typeof t.source === 'string' && t.source.length > 0)).toBe(true);
  });
  it('keeps the official mixed-case spellings', () => {
    expect([...MIXED_CASE_CODES].sort()).toEqual(['CTr', 'QyĐ', 'TTg', 'TTr', 'TrS'].sort());
  });
  it('has no code for công văn and thư công', () => {
    const cv = DOC_TYPES.find((t) => t.name === 'Công văn');
    expect(cv?.abbreviation).toBeNull();
    expect(DOC_TYPES.find((t) => t.name === 'Thư công')?.abbreviation).toBeNull();
  });
  it('QPPL status', () => {
    expect(qpplStatus('NĐ')).toBe('always');
    expect(qpplStatus('TT')).toBe('always');
    expect(qpplStatus('TTLT')).toBe('always');
    expect(qpplStatus('L')).toBe('always');
    expect(qpplStatus('QĐ')).toBe('capable');
    expect(qpplStatus('NQ')).toBe('capable');
    expect(qpplStatus('CT', '2006-05-01')).toBe('capable');
    expect(qpplStatus('CT', '2017-01-01')).toBe('never');
    expect(qpplStatus('KH')).toBe('never');
    expect(qpplStatus('CV')).toBe('never');
    expect(qpplStatus('XYZ')).toBeUndefined();
  });
  it('unofficial codes and their replacements', () => {
    expect(unofficialTypeCode('GT')?.replacement).toBe('GGT');
    expect(unofficialTypeCode('BSY')?.replacement).toBe('SY');
    expect(unofficialTypeCode('CV')?.replacement).toBeNull();
    expect(unofficialTypeCode('QĐ')).toBeUndefined();
    expect(stateTypeCode('TTr')?.status).toBe('official');
    expect(matchStateTypeCode('TTR')).toMatchObject({ via: 'case', info: { code: 'TTr' } });
    expect(matchStateTypeCode('QD')).toMatchObject({ via: 'd-for-đ', info: { code: 'QĐ' } });
    expect(matchStateTypeCode('HD')).toMatchObject({ via: 'exact', info: { code: 'HD' } });
    expect(pre2020CodesFor('QyĐ')).toContain('QĐ');
  });
  it('Party issuers', () => {
    for (const c of ['TW', 'TƯ', 'TU', 'HU', 'ĐU', 'QU', 'ThU', 'VPTW', 'BTCTU', 'UBKTHU', 'BCSĐ']) {
      expect(isPartyIssuer(c)).toBe(true);
    }
    for (const c of ['UBND', 'HĐND', 'BNV', 'CP', 'TTg', 'VP', 'BTC']) expect(isPartyIssuer(c)).toBe(false);
  });
  it('law issuers', () => {
    expect(isLawIssuer('QH15')).toBe(true);
    expect(isLawIssuer('UBTVQH14')).toBe(true);
    expect(isLawIssuer('QH')).toBe(false);
    expect(isLawIssuer('QH0')).toBe(false);
  });
  it('foldKey', () => {
    expect(foldKey('Quyết  định')).toBe('QUYET DINH');
    expect(foldKey('Đề án')).toBe('DE AN');
  });
});

describe('typeCodeForName', () => {
  const rows: readonly (readonly [string, string | undefined])[] = [
    ['Quyết định về việc phê duyệt kế hoạch', 'QĐ'],
    ['QUYẾT ĐỊNH Về việc ban hành Quy chế', 'QĐ'],
    ['quyet dinh v/v khen thuong', 'QĐ'],
    ['QĐ v/v thành lập tổ công tác', 'QĐ'],
    ['QĐ: thành lập', 'QĐ'],
    ['Công văn V/v đôn đốc', 'cong-van'],
    ['CV V/v đôn đốc', 'cong-van'],
    ['Tờ trình đề nghị phê duyệt', 'TTr'],
    ['TTr xin kinh phí', 'TTr'],
    ['TTR xin kinh phí', 'TTr'],
    ['Quy định về quản lý tài sản', 'QyĐ'],
    ['Quy chế làm việc', 'QC'],
    ['Thông báo kết luận của Chủ tịch', 'TB'],
    ['Thông cáo báo chí', 'TC'],
    ['Kế hoạch tổ chức', 'KH'],
    ['Chương trình công tác năm 2025', 'CTr'],
    ['Báo cáo tình hình', 'BC'],
    ['Biên bản họp', 'BB'],
    ['Giấy mời họp', 'GM'],
    ['Giấy giới thiệu', 'GGT'],
    ['Giấy ủy quyền', 'GUQ'],
    ['Giấy uỷ quyền', 'GUQ'],
    ['Hợp đồng thuê', 'HĐ'],
    ['Công điện về ứng phó bão', 'CĐ'],
    ['Đề án vị trí việc làm', 'ĐA'],
    ['Dự án đầu tư', 'DA'],
    ['Hướng dẫn thực hiện', 'HD'],
    ['Nghị quyết về dự toán', 'NQ'],
    ['Nghị quyết liên tịch', 'NQLT'],
    ['Nghị định quy định chi tiết', 'NĐ'],
    ['Thông tư hướng dẫn', 'TT'],
    ['Thông tư liên tịch hướng dẫn', 'TTLT'],
    ['Chỉ thị về tăng cường', 'CT'],
    ['Bản sao y', 'SY'],
    ['Phiếu chuyển', 'PC'],
    ['  - Kế hoạch', 'KH'],
    ['V/v đôn đốc nộp báo cáo', undefined],
    ['Về việc cử cán bộ', undefined],
    ['Thư công', undefined],
    ['UBND xã đề nghị', undefined],
    ['', undefined],
    ['Quyết toán kinh phí', undefined],
    ['Thông tin về', undefined],
    ['Kh tổ chức', undefined],
  ];
  for (const [text, code] of rows) {
    it(JSON.stringify(text), () => expect(typeCodeForName(text)).toBe(code));
  }
  it('decomposed input', () => expect(typeCodeForName('Quyết định'.normalize('NFD'))).toBe('QĐ'));
  it('a 10 MB pasted cell: bounded work, no regex stack overflow', () => {
    expect(typeCodeForName('Đ'.repeat(10 * 1024 * 1024))).toBeUndefined();
    expect(typeCodeForName(`Quyết định ${'x'.repeat(10 * 1024 * 1024)}`)).toBe('QĐ');
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

const CODES = ['QĐ', 'NQ', 'TTr', 'QyĐ', 'CTr', 'TrS', 'SY', 'KH', 'TB', 'HD', 'DA', 'ĐA', 'CV', 'GT', 'TTLT', 'NĐ', 'TT', 'VBHN', 'L', 'QD', 'ND', 'TTR', 'qđ'];
const ISSUERS = ['UBND', 'HĐND', 'HDND', 'CP', 'TTg', 'TTG', 'BNV', 'BTC', 'VP', 'TU', 'HU', 'TW', 'QH15', 'NHNo.ĐT', 'V.I', 'ubnd', 'Vx1', 'SGDĐT'];
const NUMS = ['01', '5', '12', '0087', '236a', '2024', '66.3', '', 'V', '1O', '12345'];
const SEPS = ['/', '-', '_', '.', ' ', ' / ', ' - ', '\n', '–', '—', '⁄', '', '//', '\\'];
const NOISE = ['Ð', 'К', 'Н', '\u00A0', '\u200B', 'ư'.normalize('NFD'), '"', ' '];

const symbolish = fc
  .array(fc.oneof(fc.constantFrom(...CODES), fc.constantFrom(...ISSUERS), fc.constantFrom(...NUMS), fc.constantFrom(...SEPS), fc.constantFrom(...NOISE), fc.constantFrom('2019', '2024', '202')), {
    maxLength: 9,
  })
  .map((parts) => parts.join(''));

const wellShaped = fc
  .tuple(
    fc.constantFrom(...NUMS),
    fc.constantFrom(...SEPS),
    fc.option(fc.tuple(fc.constantFrom('2019', '2024', '202'), fc.constantFrom(...SEPS)), { nil: undefined }),
    fc.constantFrom(...CODES, ...ISSUERS),
    fc.constantFrom(...SEPS),
    fc.constantFrom(...ISSUERS),
    fc.option(fc.tuple(fc.constantFrom(...SEPS), fc.constantFrom(...ISSUERS)), { nil: undefined }),
  )
  .map(([n, s1, y, t, s2, i, u]) => `${n}${s1}${y ? y[0] + y[1] : ''}${t}${s2}${i}${u ? u[0] + u[1] : ''}`);

function assertIdempotent(s: string): void {
  const p = parseSymbol(s);
  if (p.form === 'unparseable' || p.form === 'empty') return;
  const q = parseSymbol(p.normalized);
  expect(q.repairs).toEqual([]);
  expect(q.form).toBe(p.form);
  expect(q.normalized).toBe(p.normalized);
  expect(q.issuer).toBe(p.issuer);
  expect(q.canonicalType).toBe(p.canonicalType);
  expect(q.units).toEqual(p.units);
}

describe('properties', () => {
  it('never throws on arbitrary strings (incl. full Unicode)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), symbolish), (s) => {
        const p = parseSymbol(s);
        expect(typeof p.normalized).toBe('string');
        expect(Array.isArray(p.units)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent on symbol-like strings', () => {
    fc.assert(fc.property(fc.oneof(symbolish, wellShaped), assertIdempotent), { numRuns: 3000 });
  });

  it('is idempotent on arbitrary strings', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 30 }), fc.string({ maxLength: 30 })), assertIdempotent), {
      numRuns: 2000,
    });
  });

  it('runs fast on long inputs', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: MAX_INPUT + 1, maxLength: 5000 }), (s) => {
        expect(parseSymbol(s).form).toBe('unparseable');
      }),
      { numRuns: 200 },
    );
    const worst = [
      '1/'.repeat(99),
      '-'.repeat(199),
      ' '.repeat(50) + 'Q'.repeat(140),
      'QĐ'.repeat(99),
      '1'.repeat(199),
      'a-'.repeat(99),
    ];
    const t0 = performance.now();
    for (let i = 0; i < 200; i++) for (const w of worst) parseSymbol(w);
    for (let i = 0; i < 200; i++) parseSymbol('x'.repeat(1_000_000));
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('prose in the symbol column', () => {
  it.each(['V/v chưa cấp số', 'V/v họp giao ban', 'v/v họp', 'chưa ban hành', 'Văn bản chưa cấp số'])('%s is no symbol at all', (text) => {
    expect(parseSymbol(text).form).toBe('unparseable');
  });
  it.each(['12/qđ ubnd', '05/qđ-ubnd', '12/QĐ - UBND', '09/TTr-UBND', '15/UBND-VP'])('%s stays a symbol (with repairs where due)', (text) => {
    expect(parseSymbol(text).form).not.toBe('unparseable');
  });
});

describe('issuers known from the config', () => {
  it('split a lost hyphen before an issuer the table does not know', () => {
    expect(parseSymbol('12/QĐSNV').form).toBe('cong-van');
    const p = parseSymbol('12/QĐSNV', { issuers: ['SNV'] });
    expect([p.form, p.type, p.issuer, p.normalized, p.repairs.map((r) => r.kind)]).toEqual(['typed', 'QĐ', 'SNV', '12/QĐ-SNV', ['lost-hyphen']]);
  });
  it('leave the issuer alone when it stands by itself', () => {
    expect(parseSymbol('12/SNV-VP', { issuers: ['SNV'] }).repairs).toEqual([]);
  });
});

describe('a symbol with a note after it', () => {
  it('keeps its number (not prose): the numbering still sees it', () => {
    for (const text of ['12/SNV-VP đã hủy', '14/QĐ-UBND thu hồi', '12/UBND-VP bản sao']) expect(parseSymbol(text).number?.value, text).toBeGreaterThan(0);
  });
});

describe('a remark after the symbol', () => {
  it.each([
    ['12/SNV-VP đã hủy', '12/SNV-VP'],
    ['14/QĐ-UBND thu hồi', '14/QĐ-UBND'],
    ['15/UBND-VP Về việc họp', '15/UBND-VP'],
    ['16/UBND-VP mật', '16/UBND-VP'],
  ])('%s is set aside as a note: %s', (text, symbol) => {
    const p = parseSymbol(text);
    expect([p.normalized, p.repairs.map((r) => r.kind)]).toEqual([symbol, ['note']]);
  });
  it.each(['12/qđ ubnd', '12/QĐ - UBND', '12/Qđ-UBND'])('%s has no note', (text) => {
    expect(parseSymbol(text).repairs.map((r) => r.kind)).not.toContain('note');
  });
});
