// The symbol corpus: real-world valid forms (real-world-input §3 "must pass", and the shapes seen in
// ministries', provinces', communes' and Party committees' documents) run through EVERY symbol rule
// in an incoming register must raise no warning or error (info is allowed); every defect of the §3
// table must be flagged by the rule naming it, and by no rule naming something else. Properties:
// applying a proposed fix yields a symbol the same rule no longer flags (and a safe fix one that no
// rule flags at all).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYMBOL_RULES } from '../../../rules/nd30/symbol/index.js';
import { parseSymbol } from '../../../rules/nd30/symbol/parse.js';
import { dayNumber } from '../../../src/core/dates.js';
import type { Finding, RegisterKind } from '../../../src/core/types.js';
import { checkMemory } from '../../../src/engine/memory.js';

const AS_OF = dayNumber(2025, 1, 15);

interface Row {
  readonly symbol: string;
  readonly date?: string;
  readonly subject?: string;
}

/** The document date: the year segment's year when there is one, else 2024. */
function dateFor(r: Row): string {
  if (r.date !== undefined) return r.date;
  const y = parseSymbol(r.symbol).year;
  return `15/03/${y !== undefined && /^\d{4}$/u.test(y) ? y : '2024'}`;
}

/** Before NĐ 30/2020 took effect every symbol finding is a warning at most (TT 01/2011 is [M]). */
const isPre2020 = (r: Row): boolean => {
  const [dd, mm, yyyy] = dateFor(r).split('/');
  return `${yyyy}-${mm}-${dd}` < '2020-03-05';
};

async function run(rows: readonly Row[], kind: RegisterKind, config: Record<string, unknown> = {}): Promise<Finding[][]> {
  const entries = rows.map((r) =>
    kind === 'incoming'
      ? { symbol: r.symbol, issuedDate: dateFor(r), arrivalDate: '20/03/2025', typeAndSubject: r.subject ?? 'V/v triển khai nhiệm vụ' }
      : { symbol: r.symbol, issuedDate: dateFor(r), typeAndSubject: r.subject ?? 'V/v triển khai nhiệm vụ' },
  );
  const results = await checkMemory([{ kind, entries }], { rules: SYMBOL_RULES, config, asOf: AS_OF });
  const findings = results.flatMap((x) => x.findings);
  return rows.map((_, i) => findings.filter((f) => f.location.row === i + 2));
}

const serious = (f: Finding): boolean => f.severity === 'error' || f.severity === 'warning';
const show = (fs: readonly Finding[]): string[] => fs.map((f) => `${f.ruleId}:${f.messageId}:${f.severity}`);

// ---------------------------------------------------------------------------------------------
// Valid forms.

const v = (symbol: string, date?: string, subject?: string): Row => ({ symbol, ...(date ? { date } : {}), ...(subject ? { subject } : {}) });

/** real-world-input.md §3, "Valid forms that must pass" — every one of them. */
const MUST_PASS: readonly Row[] = [
  v('12-NQ/TU'),
  v('345-CV/HU'),
  v('12/2024/QĐ-UBND'),
  v('05/2025/NQ-HĐND'),
  v('45/2019/NĐ-CP'),
  v('09/2020/TTLT-BTC-BNV', '15/04/2020'),
  v('20/2023/QH15'),
  v('66/2024/UBTVQH15'),
  v('08/VBHN-BTC'),
  v('1818/TTr-VP'),
  v('15/CTr-UBND'),
  v('07/QyĐ-UBND'),
  v('03/TrS-UBND'),
  v('439/QĐ-TTg'),
  v('05/UBND-VX1'),
  v('12/VPCP-V.I'),
  v('88/SGDĐT-GDTXCN'),
  v('15/QĐ-CĐVX-ĐT'),
  v('1234/QĐ-UBND'),
  v('12345/BNV-VP'),
  v('2024/QĐ-UBND'),
  v('66.3/2025/NQ-CP'),
  v('22-BNV/TT', '10/05/1990'),
];

/** More real shapes: Government, ministries, provinces, communes, Party committees, others. */
const REAL: readonly Row[] = [
  // Government and the Prime Minister.
  v('01/NQ-CP', '05/01/2024'), v('30/NQ-CP'), v('332/NQ-CP'), v('05/2024/NQ-CP'), v('1234/QĐ-TTg'), v('18/2020/QĐ-TTg'), v('28/2023/QĐ-TTg'),
  v('15/CT-TTg'), v('35/CT-TTg'), v('36/2006/CT-TTg', '01/09/2006'), v('110/CĐ-TTg'), v('1127/TTg-KTTH'), v('7680/VPCP-KSTT'),
  v('245/VPCP-KGVX'), v('123/TB-VPCP', undefined, 'Thông báo kết luận của Thủ tướng'), v('30/2020/NĐ-CP'), v('150/2025/NĐ-CP'), v('73/2024/NĐ-CP'),
  v('08/2001/L-CTN'), v('64/2025/QH15'), v('80/2015/QH13'), v('203/2025/QH15'), v('76/2025/UBTVQH15'), v('1206/2016/NQ-UBTVQH13'),
  v('44/2002/PL-UBTVQH10'), v('12/NQ-QH15'), v('03/VBHN-VPQH'), v('01/2008/NQLT-CP-UBTWMTTQVN'),
  // Ministries and national bodies.
  v('4567/BYT-KCB', undefined, 'Công văn V/v khám chữa bệnh'), v('1234/BGDĐT-GDTrH'), v('2345/BTC-NSNN'), v('567/BTP-VĐCXDPL'), v('789/BCA-V03'),
  v('12/BKHĐT-TH'), v('5678/BTNMT-ĐĐBĐVN'), v('1234/BLĐTBXH-LĐTL'), v('1234/BNNMT-KH'), v('3456/BNV-TCBC'), v('05/BNV-VP'), v('15/QĐ-BNV'),
  v('1234/QĐ-BCA-V03'), v('567/QĐ-BGDĐT'), v('01/2011/TT-BNV'), v('39/2016/TT-NHNN'), v('06/2025/TT-BNV'), v('03/2009/TT-BNG'),
  v('06/2024/TT-BYT'), v('12/2024/TT-BGDĐT'), v('23/2014/TTLT-BGDĐT-BNV'), v('01/2017/NQ-HĐTP'), v('04/2024/TT-TANDTC'),
  v('1234/TCT-CS'), v('456/TCHQ-GSQL'), v('123/CT-TTHT', undefined, 'Công văn V/v giải đáp chính sách thuế'), v('1234/KBNN-KTNN'),
  v('567/BHXH-CSYT'), v('123/QLD-ĐK'), v('123/TANDTC-PC'), v('1234/VKSTC-V14'), v('123/KTNN-TH'), v('123/KH-BNV'),
  // Provinces (and districts before 1/7/2025).
  v('128/2025/QĐ-UBND'), v('85/2025/QĐ-UBND'), v('05/CT-UBND', undefined, 'Chỉ thị về tăng cường công tác phòng cháy'), v('123/KH-UBND', undefined, 'Kế hoạch triển khai'),
  v('123/BC-UBND', undefined, 'Báo cáo tình hình kinh tế - xã hội'), v('123/TB-UBND'), v('123/TTr-UBND', undefined, 'Tờ trình đề nghị phê duyệt'),
  v('15/NQ-HĐND'), v('05/2019/NQ-HĐND', '10/07/2019'), v('123/HĐND-VP'), v('123/BC-HĐND'), v('1234/SNV-TCBC'), v('123/SNV-VP'), v('123/SGDĐT-VP'),
  v('1234/SYT-NVY'), v('123/STC-QLNS'), v('123/SKHĐT-ĐKKD'), v('123/STNMT-QLĐĐ'), v('123/SXD-QLXD'), v('456/SLĐTBXH-LĐVL'), v('123/SCT-QLTM'),
  v('456/SGDĐT-GDTrH'), v('12/SGD&ĐT-VP'), v('123/VP-KT'), v('123/VPUBND-KT'), v('12/BQL-KHĐT'), v('123/BCH-TM'), v('123/CAT-PV01'),
  v('123/CAT-PC06'), v('123/TTr-NV1', undefined, 'Công văn V/v'), v('12/KL-TTr', undefined, 'Kết luận thanh tra'), v('45/KL-TTCP'), v('123/QĐ-TTr'),
  v('123/PGDĐT'), v('123/UBND-TCKH'), v('8056/VPCP-KGVX'), v('1234/TTg-KTTH'),
  // Communes (after 1/7/2025 too, incl. their QPPL).
  v('12/UBND-VP'), v('12/UBND-KT'), v('12/UBND-VHXH'), v('45/QĐ-UBND', undefined, 'Quyết định về việc khen thưởng'), v('12/TB-UBND'), v('05/GM-UBND', undefined, 'Giấy mời họp'),
  v('12/BB-UBND'), v('12/HĐ-UBND'), v('12/GUQ-UBND'), v('12/GGT-UBND'), v('12/PA-UBND'), v('12/ĐA-UBND'), v('12/DA-UBND'), v('12/HD-UBND'), v('12/QC-UBND'),
  v('12/TC-UBND'), v('12/CĐ-UBND'), v('12/BGN-UBND'), v('12/BTT-UBND'), v('12/GNP-UBND'), v('12/PG-UBND'), v('12/PC-UBND'), v('12/PB-UBND'),
  v('03/SY-UBND'), v('04/SL-UBND'), v('01/2025/QĐ-UBND', '10/07/2025'), v('02/2025/NQ-HĐND', '15/07/2025'), v('15/QĐ-UBND-VP'),
  v('15/QĐ-UBND', undefined, 'Quy định về quản lý chợ'), v('20/QĐ-UBND', undefined, 'Quy chế làm việc'), v('12/NQ-HĐND'),
  // Party committees.
  v('18-NQ/TW'), v('57-NQ/TW'), v('09-CT/TW'), v('35-CT/TW'), v('123-QĐ/TW'), v('178-QĐ/TW'), v('05-KL/TW'), v('45-KL/TW'), v('37-QĐi/TW'),
  v('01-HD/TW'), v('123-CV/TU'), v('45-NQ/TU'), v('12-CT/TU'), v('12-TB/TU'), v('12-KH/TU'), v('123-BC/TU'), v('15-CTr/TU'), v('456-CV/VPTU'),
  v('123-CV/VPTU'), v('12-HD/BTGTU'), v('123-CV/BTCTU'), v('12-QĐ/UBKTTU'), v('12-CV/ĐUK'), v('123-CV/HU'), v('12-NQ/HU'), v('12-NQ/ĐU'),
  v('45-CV/ĐU'), v('123-QĐ/ĐU'), v('12-CV/ĐĐ'), v('05-NQ/BCSĐ'), v('12-NQ/ThU'), v('12-NQ/TƯ'), v('12-NQ/TU-VP'),
  // Mass organisations, enterprises, courts, others: numbered under their own rules.
  v('12/MTTQ-BTT'), v('123-KH/TĐTN-BTG'), v('12/KH-HLHPN'), v('12/HND'), v('123/TLĐ'), v('12/LĐLĐ-TC'), v('123/EVN-KD'), v('12/CTY-TCHC'),
  v('01/NHNo.ĐT-QLRR'), v('12/NHNo-VP'), v('01/TC&CB-VP'), v('12/2024/QĐST-HNGĐ'), v('05/2024/HS-ST'), v('45/2024/TB-TLVA'), v('12/2024/HĐ-XD'),
  v('123/QĐ-CCTHADS'), v('12/2024/QĐ-CNTHTT'), v('123/GP-UBND'), v('123/GCN-UBND'),
  // Historic (pre-1997) forms: info at most.
  v('15-CP', '01/01/1990'), v('217-HĐBT', '01/01/1990'), v('12-BYT/QĐ', '01/01/1990'), v('41/NĐ-CP', '01/02/1994'),
  // The "Số:" label copied with the symbol.
  v('Số: 12/QĐ-UBND'),
];

describe('valid symbols in an incoming register: no warning or error', () => {
  const rows = [...MUST_PASS, ...REAL];
  it(`corpus of ${rows.length} valid symbols`, async () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    const perRow = await run(rows, 'incoming');
    const alarms = rows.map((r, i) => [r.symbol, show(perRow[i]!.filter(serious))] as const).filter(([, fs]) => fs.length > 0);
    expect(alarms).toEqual([]);
  });
  for (const r of MUST_PASS) {
    it(`must pass: ${r.symbol}`, async () => {
      const [fs] = await run([r], 'incoming');
      expect(show(fs!.filter(serious))).toEqual([]);
    });
  }
  it('the dotted Government number is a note, not a warning', async () => {
    const [fs] = await run([v('66.3/2025/NQ-CP')], 'incoming');
    expect(show(fs!)).toEqual(['symbol/number-suffix:dotted:info']);
  });
});

// ---------------------------------------------------------------------------------------------
// Defects.

interface Defect {
  readonly symbol: string;
  readonly rule: string;
  readonly messageId?: string;
  readonly date?: string;
  /** Other rules that rightly speak on the same value (a second, real defect). */
  readonly also?: readonly string[];
  /** The finding is a note by design (info), not a warning. */
  readonly info?: boolean;
}

const d = (symbol: string, rule: string, messageId?: string, more: Partial<Defect> = {}): Defect => ({ symbol, rule: `symbol/${rule}`, ...(messageId ? { messageId } : {}), ...more });

/** real-world-input.md §3 defect table — every example — plus variants of each defect. */
const DEFECTS: readonly Defect[] = [
  // number below 10 without leading zero
  d('7/QĐ-UBND', 'leading-zero', 'missing'), d('4/2023/QĐ-UBND', 'leading-zero', 'missing'), d('5/TB-SNV', 'leading-zero', 'missing'), d('9/UBND-VP', 'leading-zero', 'missing'),
  // over-padded number
  d('0087/KH-UBND', 'over-padding', 'padded'), d('01234/QĐ-UBND', 'over-padding', 'padded'), d('045/2024/QĐ-UBND', 'over-padding', 'padded'), d('010/UBND-VP', 'over-padding', 'padded'),
  // spaces
  d('512 /UBND-VP', 'no-spaces', 'spaces'), d('88/TTr- UBND', 'no-spaces', 'spaces'), d('41/NQ -CP', 'no-spaces', 'spaces'), d('12/2016/TTLT-BGD ĐT-BNV', 'no-spaces', 'spaces'),
  d('05 / QĐ - UBND', 'no-spaces', 'spaces'), d('15/QĐ - UBND', 'no-spaces', 'spaces'), d('1 234/QĐ-UBND', 'no-spaces', 'spaces'), d('12/QĐ UBND', 'no-spaces', 'spaces'),
  // look-alike characters
  d('15/Q\u00D0-UBND', 'letter-dj', 'lookalike'), d('05/2025/NQ-H\u00D0ND', 'letter-dj', 'lookalike'), d('15\u2044QĐ-UBND', 'lookalike'), d('15/QĐ\u2013UBND', 'lookalike'),
  d('15/QĐ\u2014UBND', 'lookalike'), d('15/\u041A\u041D-UBND', 'lookalike'), d('15/QĐ-UB\u041DD', 'lookalike'), d('\uFF11\uFF12/QĐ-UBND', 'lookalike'),
  // Đ written as D
  d('07/QD-UBND', 'letter-dj', 'ascii'), d('12/QD-UBND', 'letter-dj', 'ascii'), d('05/2025/NQ-HDND', 'letter-dj', 'ascii'), d('12/HDND-VP', 'letter-dj', 'ascii'),
  d('45/2019/ND-CP', 'letter-dj', 'ascii'), d('12/CD-UBND', 'letter-dj', 'ascii'),
  // wrong case
  d('439/QĐ-TTG', 'case', 'wrongCase'), d('88/ttr-ubnd', 'case', 'wrongCase'), d('12/QĐ-ubnd', 'case', 'wrongCase'), d('12/ubnd-vx', 'case', 'wrongCase'),
  d('88/TTR-UBND', 'case', 'allCaps'), d('07/QYĐ-UBND', 'case', 'allCaps'), d('15/CTR-UBND', 'case', 'allCaps'), d('03/TRS-UBND', 'case', 'allCaps'),
  // non-official type codes
  d('45/CV-UBND', 'type-code', 'congVan'), d('123/CV-UBND', 'type-code', 'congVan'), d('12/GT-UBND', 'type-code', 'unofficial'), d('12/HN-UBND', 'type-code', 'unknown'),
  d('12/VB-UBND', 'type-code', 'unknown'), d('12/BSY-UBND', 'type-code', 'unofficial'), d('12/BS-UBND', 'type-code', 'unknown'),
  // công văn without unit / unit before issuer
  d('33/UBND', 'cong-van-form', 'noUnit'), d('33/VP-UBND', 'cong-van-form', 'unitFirst'), d('45/SNV', 'cong-van-form', 'noUnit'), d('33/KT-UBND', 'cong-van-form', 'unitFirst'),
  // year segment on an administrative document
  d('58/2024/KH-UBND', 'year-segment', 'notQppl'), d('12/2025/CV-UBND', 'year-segment', 'notQppl', { also: ['symbol/type-code'] }), d('36/2026/CV-UBND', 'year-segment', 'notQppl', { also: ['symbol/type-code'] }),
  d('12/2024/TB-UBND', 'year-segment', 'notQppl'), d('12/2024/UBND-VP', 'year-segment', 'notQppl'), d('12/2019/VBHN-BTC', 'year-segment', 'notQppl'),
  d('10/2017/CT-UBND', 'year-segment', 'chiThi'),
  // QPPL without its year
  d('41/NĐ-CP', 'year-segment', 'missing'), d('18/TT-BTC', 'year-segment', 'missing'), d('09/TTLT-BTC-BNV', 'year-segment', 'missing'), d('12/L-CTN', 'year-segment', 'missing'),
  d('20/QH15', 'year-segment', 'missing'),
  // year segment different from the document's year
  d('03/2023/QĐ-UBND', 'year-mismatch', 'differs', { date: '05/02/2024' }), d('45/2018/NĐ-CP', 'year-mismatch', 'differs', { date: '05/02/2019' }),
  d('20/2022/QH15', 'year-mismatch', 'differs', { date: '05/02/2023' }),
  // wrong separators
  d('15/2019/TTLT/BTC-BNV', 'separator', 'wrong'), d('21-2018-TT-BYT', 'separator', 'wrong'), d('07_2017_BTC', 'separator', 'wrong'), d('05/QĐ_UBND', 'separator', 'wrong'),
  d('12/KH.UBND', 'separator', 'wrong'), d('12/QĐ/UBND', 'separator', 'wrong'), d('12\\QĐ-UBND', 'separator', 'wrong'), d('12/QĐ-UBND-', 'separator', 'stray'),
  // hyphen lost, line break
  d('1234/QĐUBND', 'lost-hyphen', 'lost'), d('55/2018/NĐCP', 'lost-hyphen', 'lost'), d('12/NQHĐND', 'lost-hyphen', 'lost'),
  d('905/QĐ-\nUBND', 'no-spaces', 'lineBreak'), d('12/UBND-\nVP', 'no-spaces', 'lineBreak'),
  // letter suffix
  d('236a/QĐ-UBND', 'number-suffix', 'letter'), d('15b/UBND-VP', 'number-suffix', 'letter'),
  // blank, truncated, malformed number
  d('/TB-UBND', 'number-format', 'missing'), d('/UBND-VP', 'number-format', 'missing'), d('22/202 /QĐ-UBND', 'number-format', 'truncated'),
  d('V/QĐ-UBND', 'number-format', 'nonArabic'), d('1O/QĐ-UBND', 'number-format', 'malformed'), d('0/QĐ-UBND', 'number-format', 'zero'),
  // Party document in State layout
  d('09/NQ-TW', 'party-form', 'stateForm'), d('12/CT-TU', 'party-form', 'stateForm'), d('45/CV-HU', 'party-form', 'stateForm'), d('12/NQ/TU', 'party-form', 'stateForm'),
  // no issuer
  d('12/QĐ', 'missing-issuer', 'missing'),
];

describe('defects in an incoming register: flagged by the rule naming them', () => {
  it(`corpus of ${DEFECTS.length} defective symbols`, async () => {
    const perRow = await run(DEFECTS, 'incoming');
    const problems: string[] = [];
    DEFECTS.forEach((x, i) => {
      const fs = perRow[i]!;
      const hit = fs.find((f) => f.ruleId === x.rule && (x.messageId === undefined || f.messageId === x.messageId));
      if (!hit) problems.push(`${JSON.stringify(x.symbol)}: expected ${x.rule}:${x.messageId ?? '*'}, got ${show(fs).join(' ') || 'nothing'}`);
      else if (hit.severity !== (x.info ? 'info' : 'warning')) problems.push(`${JSON.stringify(x.symbol)}: ${hit.ruleId} at ${hit.severity}`);
      // The book must hold the sender's symbol as written: no fix is applied without a look at the original.
      for (const f of fs) if (f.fix && f.fix.kind !== 'suggestion') problems.push(`${JSON.stringify(x.symbol)}: ${f.ruleId} offers a ${f.fix.kind} fix`);
      const others = fs.filter((f) => serious(f) && f.ruleId !== x.rule && !(x.also ?? []).includes(f.ruleId));
      if (others.length > 0) problems.push(`${JSON.stringify(x.symbol)}: also ${show(others).join(' ')}`);
    });
    expect(problems).toEqual([]);
  });

  it('the same defects are errors in the agency\'s own outgoing register (soft ones stay warnings)', async () => {
    const soft = new Set(['symbol/over-padding']);
    const perRow = await run(DEFECTS, 'outgoing');
    const problems: string[] = [];
    DEFECTS.forEach((x, i) => {
      // symbol/number-suffix judges senders' symbols only (numbering/order reports insertions in the agency's own series).
      if (!SYMBOL_RULES.find((r) => r.meta.id === x.rule)!.meta.appliesTo.includes('outgoing')) return;
      const hit = perRow[i]!.find((f) => f.ruleId === x.rule && (x.messageId === undefined || f.messageId === x.messageId));
      const expected = soft.has(x.rule) || x.messageId === 'allCaps' || x.messageId === 'chiThi' || isPre2020(x) ? 'warning' : 'error';
      if (!hit) problems.push(`${JSON.stringify(x.symbol)}: not flagged by ${x.rule}`);
      else if (hit.severity !== expected) problems.push(`${JSON.stringify(x.symbol)}: ${hit.ruleId} at ${hit.severity}, expected ${expected}`);
    });
    expect(problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

const NUMS = ['01', '5', '12', '0087', '236a', '2024', '', 'V', '1O', '12345'];
const YEARS = ['', '2024/', '2019/', '202/', '2024 '];
const CODES = ['QĐ', 'NQ', 'TTr', 'TTR', 'QyĐ', 'QYĐ', 'CTr', 'TrS', 'SY', 'KH', 'TB', 'HD', 'CV', 'GT', 'BSY', 'TTLT', 'NĐ', 'TT', 'VBHN', 'QD', 'ND', 'qđ', 'ttr', 'KL', ''];
const ISSUERS = ['UBND', 'HĐND', 'HDND', 'CP', 'TTg', 'TTG', 'BNV', 'BTC', 'TU', 'TW', 'HU', 'ubnd', 'QH15', 'SNV', 'VP'];
const UNITS = ['', '-VP', '-VX1', '-V.I', '-KT', '-ubnd', '-UBND'];
const SEP = ['-', '-', '-', '_', ' - ', '/', '–', '.', ''];
const SLASH = ['/', '/', '/', ' /', '⁄', '\\', '-', '_'];

const symbolLike = fc
  .tuple(fc.constantFrom(...NUMS), fc.constantFrom(...SLASH), fc.constantFrom(...YEARS), fc.constantFrom(...CODES), fc.constantFrom(...SEP), fc.constantFrom(...ISSUERS), fc.constantFrom(...UNITS))
  .map(([n, s, y, c, sep, i, u]) => (c === '' ? `${n}${s}${y}${i}${u}` : `${n}${s}${y}${c}${sep}${i}${u}`));

describe('properties', () => {
  it('applying a fix: the same rule no longer flags the value, and a safe fix leaves nothing serious', async () => {
    await fc.assert(
      fc.asyncProperty(symbolLike, fc.constantFrom<RegisterKind>('outgoing', 'incoming'), async (symbol, kind) => {
        const [before] = await run([{ symbol }], kind);
        for (const f of before!) {
          if (!f.fix || !serious(f)) continue;
          const [after] = await run([{ symbol: f.fix.to }], kind);
          const same = after!.filter((g) => g.ruleId === f.ruleId && serious(g));
          expect(show(same), `${symbol} → ${f.fix.to} (${f.ruleId})`).toEqual([]);
          if (f.fix.kind === 'safe') {
            // Safe fixes only touch their own defect, so anything left was there before.
            const left = after!.filter(serious).filter((g) => !before!.some((b) => b.ruleId === g.ruleId));
            expect(show(left), `${symbol} → ${f.fix.to} (${f.ruleId}, safe)`).toEqual([]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and never reports an internal error on arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 40 }), symbolLike, fc.string({ unit: 'grapheme', maxLength: 30 })), async (symbol) => {
        if (symbol.trim() === '') return;
        const results = await checkMemory([{ kind: 'outgoing', entries: [{ symbol, issuedDate: '15/03/2024' }] }], { rules: SYMBOL_RULES, config: {}, asOf: AS_OF });
        expect(results.flatMap((r) => r.findings).filter((f) => f.ruleId === 'internal-error')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
