// Seeded registers, generated: the acceptance bar of issue #4 as a test. Registers numbered in one
// series, per type (detected or configured) or with decisions apart, with QPPL, copies and HĐND
// documents interleaved, sometimes split into two volumes or checked beside a separate book of the
// same year, get seeded gaps, duplicates, backdated and wrong-year entries. Every seeded defect must
// be found at its row, and no gap, duplicate, order or period finding may appear anywhere else.
import { describe, expect, it } from 'vitest';
import { dayNumber, formatDate, toYmd, weekday } from '../../../src/core/dates.js';
import { checkMemory, type MemoryRegister } from '../../../src/engine/memory.js';
import { NUMBERING_RULES } from '../../../rules/nd30/numbering/index.js';
import { REGISTER_RULES } from '../../../rules/nd30/register/index.js';
import { rng } from '../../../scripts/fixtures/data.js';

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
const TYPES = ['QĐ', 'cv', 'cv', 'TB', 'KH', 'BC', 'GM', 'TTr'];
const CHECKED = new Set(['numbering/gap', 'numbering/duplicate', 'numbering/order', 'numbering/first-number', 'register/period']);

interface Row {
  symbol: string;
  day: number;
  series: string;
  date?: string;
}

async function scenario(seed: number): Promise<{ extra: string[]; missed: string[]; label: string }> {
  const r = rng(seed);
  const pick = <T,>(l: readonly T[]): T => l[Math.floor(r() * l.length)]!;
  const year = 2019 + Math.floor(r() * 6);
  const scheme = pick(['single', 'single', 'per-type', 'mixed'] as const);
  const size = 80 + Math.floor(r() * 220);
  const declared = r() < 0.6;
  const rows: Row[] = [];
  const counters = new Map<string, number>();
  const next = (s: string): number => {
    const n = (counters.get(s) ?? 0) + 1;
    counters.set(s, n);
    return n;
  };
  let d = dayNumber(year, 1, 2);
  for (let k = 0; k < size; k++) {
    if (r() < 0.5) do d++; while (weekday(d) === 0 || weekday(d) === 6);
    if (toYmd(d).year !== year) break;
    const t = pick(TYPES);
    const series = scheme === 'single' ? 'main' : scheme === 'per-type' || t === 'QĐ' ? t : 'main';
    const n = next(series);
    rows.push({ symbol: t === 'cv' ? `${pad(n)}/UBND-${pick(['VP', 'KT', 'VHXH'])}` : `${pad(n)}/${t}-UBND`, day: d, series });
    if (r() < 0.03) rows.push({ symbol: `${pad(next('qppl'))}/${year}/QĐ-UBND`, day: d, series: 'qppl' });
    if (r() < 0.04) rows.push({ symbol: `${pad(next('copy'))}/${pick(['SY', 'SL', 'TrS'])}-UBND`, day: d, series: 'copy' });
    if (r() < 0.03) rows.push({ symbol: `${pad(next('hdnd'))}/NQ-HĐND`, day: d, series: 'hdnd' });
  }
  // Seeds, at least five rows apart, in the agency's own series.
  const used = new Set<number>();
  const spot = (): number => {
    for (let tries = 0; tries < 60; tries++) {
      const i = 5 + Math.floor(r() * (rows.length - 10));
      if (!['qppl', 'copy', 'hdnd'].includes(rows[i]!.series) && [...used].every((u) => Math.abs(u - i) > 4)) {
        used.add(i);
        return i;
      }
    }
    return -1;
  };
  const removed = new Set<number>();
  const expected: { at: number; rule: string }[] = [];
  const duplicated: number[] = [];
  const gaps: { after: number; series: string }[] = [];
  for (let g = 0; g < 1 + Math.floor(r() * 3); g++) {
    const i = spot();
    if (i < 0) continue;
    const s = rows[i]!.series;
    let left = 1 + Math.floor(r() * 3);
    let j = i;
    for (; j < rows.length && left > 0; j++) {
      if (rows[j]!.series !== s) continue;
      removed.add(j);
      used.add(j);
      left--;
    }
    gaps.push({ after: j, series: s });
  }
  for (let g = 0; g < Math.floor(r() * 3); g++) {
    const i = spot();
    if (i >= 0 && !removed.has(i)) duplicated.push(i);
  }
  for (let g = 0; g < Math.floor(r() * 3); g++) {
    const i = spot();
    if (i < 0 || removed.has(i) || rows[i]!.day - dayNumber(year, 1, 1) < 40) continue;
    rows[i]!.day -= 20 + Math.floor(r() * 10);
    // Out of order only if an earlier number of its series is dated later.
    if (rows.some((o, j) => j < i && o.series === rows[i]!.series && !removed.has(j) && o.date === undefined && o.day > rows[i]!.day)) expected.push({ at: i, rule: 'numbering/order' });
  }
  for (let g = 0; g < Math.floor(r() * 3); g++) {
    const i = spot();
    if (i < 0 || removed.has(i)) continue;
    const ymd = toYmd(rows[i]!.day);
    if (ymd.month === 2 && ymd.day === 29) continue;
    rows[i]!.date = `${pad(ymd.day)}/${pad(ymd.month)}/${year + (r() < 0.5 ? -1 : 1)}`;
    expected.push({ at: i, rule: 'register/period' });
  }
  // A gap is found at the next entry of its series that is still there.
  for (const g of gaps) {
    let j = g.after;
    while (j < rows.length && (rows[j]!.series !== g.series || removed.has(j))) j++;
    if (j < rows.length) expected.push({ at: j, rule: 'numbering/gap' });
  }
  const entries: Record<string, string>[] = [];
  const entryOf = new Map<number, number>();
  const dupEntries: number[] = [];
  rows.forEach((x, i) => {
    if (removed.has(i)) return;
    entryOf.set(i, entries.length);
    const cells = { symbol: x.symbol, issuedDate: x.date ?? formatDate(x.day), typeAndSubject: 'Công văn về việc triển khai', signer: 'A', recipients: 'B' };
    entries.push(cells);
    if (duplicated.includes(i)) {
      dupEntries.push(entries.length);
      entries.push({ ...cells, issuedDate: formatDate(x.day) });
    }
  });
  const title = declared ? [`Năm: ${year}`, ''] : [];
  const firstRow = title.length + 2;
  const config = scheme === 'per-type' && r() < 0.5 ? { numbering: { scheme: 'per-type' } } : {};
  // Two volumes (each large enough to show how it is numbered), or a separate book beside it.
  const split = r() < 0.4 ? 40 + Math.floor(r() * Math.max(1, entries.length - 80)) : entries.length;
  const registers: MemoryRegister[] = [{ kind: 'outgoing', entries: entries.slice(0, split), title }];
  if (split < entries.length) registers.push({ kind: 'outgoing', entries: entries.slice(split), title });
  else if (!('numbering' in config) && r() < 0.5) {
    const other: Record<string, string>[] = [];
    const perType = r() < 0.3;
    const typeCount = new Map<string, number>();
    let day = dayNumber(year, 1, 2);
    const many = ['QĐ', 'cv', 'TB', 'KH', 'BC', 'GM', 'TTr', 'CTr', 'HD', 'PA', 'ĐA', 'GGT'];
    for (let n = 1; n <= 30 + Math.floor(r() * 200); n++) {
      if (r() < 0.5) day++;
      if (toYmd(day).year !== year) break;
      const t = pick(many);
      const num = perType ? (typeCount.get(t) ?? 0) + 1 : n;
      typeCount.set(t, num);
      other.push({ symbol: t === 'cv' ? `${pad(num)}/UBND-VP` : `${pad(num)}/${t}-UBND`, issuedDate: formatDate(day), typeAndSubject: 'x', signer: 'A', recipients: 'B' });
    }
    registers.push({ kind: 'outgoing', entries: other, title });
  }
  const where = (k: number): string => (k < split ? `memory-1.xlsx|${firstRow + k}` : `memory-2.xlsx|${firstRow + k - split}`);
  const results = await checkMemory(registers, { rules: [...NUMBERING_RULES, ...REGISTER_RULES], config, asOf: dayNumber(2030, 1, 1) });
  // A gap at the very start of a series is the first-number rule's.
  const norm = (rule: string): string => (rule === 'numbering/first-number' ? 'numbering/gap' : rule);
  const want = new Set([...expected.map((x) => `${x.rule}@${where(entryOf.get(x.at)!)}`), ...dupEntries.map((k) => `numbering/duplicate@${where(k)}`)]);
  const got = new Set(results.flatMap((f) => f.findings).filter((f) => CHECKED.has(f.ruleId)).map((f) => `${norm(f.ruleId)}@${f.location.file}|${f.location.row}`));
  return {
    extra: [...got].filter((x) => !want.has(x)),
    missed: [...want].filter((x) => !got.has(x)),
    label: `seed ${seed}: ${year}, ${scheme}${'numbering' in config ? ' (configured)' : ''}, ${entries.length} entries, ${registers.length} registers`,
  };
}

describe('seeded registers', () => {
  it('every seeded gap, duplicate, backdated and wrong-year entry is found, and nothing else', async () => {
    const failures: string[] = [];
    for (let seed = 1; seed <= 150; seed++) {
      const { extra, missed, label } = await scenario(seed);
      if (extra.length > 0 || missed.length > 0) failures.push(`${label}: extra ${extra.join(', ')}; missed ${missed.join(', ')}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
