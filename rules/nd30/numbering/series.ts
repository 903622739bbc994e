// The numbering series model shared by the numbering rules.
//
// ND 30 Điều 15.1: outgoing numbers run from 01 on 1 January to 31 December in the order of issue,
// but an agency keeps several series at once: one per QPPL type (15.1.a), one shared by the copies
// SY/SL/TrS (Phụ lục I, Phần II, II.1.c), one for secret documents (15.2), one per advisory body
// that issues under its own name (Phụ lục I II.3.a, SKH-9), and for administrative documents
// whatever scheme the head of the agency chose (15.1.c). Điều 22.2: số đến run consecutively
// within the year. A checker that forces all of that into one series reports hundreds of false
// gaps, so entries are first sorted into series, then every check runs per series and year.
//
// How an entry finds its series (decisions, in order):
//   1. config `numbering.series` (by type codes or a symbol pattern) — never merged or split;
//   2. a non-empty `secrecy` cell ("Độ mật": Mật, Tối mật …) — the secret series of its issuer;
//   3. the symbol's form: copy → copies of the issuer; QPPL/joint → QPPL per type and issuer;
//      VBHN, laws → their own; typed/công văn → administrative series of the issuer, one for all
//      types (`scheme: single`/`auto`) or one per type code (`per-type`, công văn together).
//      Other issuers than the agency's (HĐND documents in a UBND book, a council signing under
//      its own name) therefore keep their own series and never break the agency's.
//   Incoming books: one số đến series.
// Then, per series and year, the data decides what the scheme cannot know in advance:
//   • year: the year of the entry's date, except an isolated entry whose year differs from both
//     neighbours (a typo like 05/03/2023 in a 2024 book) — it stays in its neighbours' series, so
//     it neither opens a false gap nor starts a false series; register/period reports it;
//   • a restart date (`numbering.restarts`, default 2025-07-01: units reorganised on that day
//     restarted at 01 [M]) splits a series only when the numbers really restart there;
//   • registers (volumes, files) continue one series unless a register mostly repeats numbers
//     already seen that year — then it is a separate book (e.g. one book per type); per-type
//     books are compared by (type, number) pairs, since their volumes repeat numbers across types;
//   • `scheme: auto` (default): a type code whose numbers mostly repeat the other types' numbers
//     in a book runs its own series (per-type numbering) — detected, not assumed, so that one
//     seeded duplicate never turns into a split;
//   • a small minor series (copies, QPPL, secret, another issuer) whose numbers are all holes
//     strictly inside the agency's administrative series was numbered in that series by mistake
//     (finding 10/11 of inspections): it is counted there, so its numbers are not false gaps.
//
// Memory: one collector per register group is shared by all numbering rules (WeakMap keyed by the
// group's first RegisterInfo), and keeps a few numbers per entry in parallel arrays plus the cell
// text of the number column — never Entry objects or rows.
import { NumberingSchema, type AgencyConfig, type Config } from '../../../src/config/schema.js';
import { dayNumber, formatDate, parseIso, toYmd, yearOf, type DayNumber } from '../../../src/core/dates.js';
import type { FieldName, Location, RegisterKind } from '../../../src/core/types.js';
import { fold } from '../../../src/register/headers.js';
import type { Entry, RegisterInfo } from '../../../src/register/model.js';
import type { RuleContext } from '../../../src/engine/rule.js';
import { numberCell } from '../number-cell.js';
import { Column } from './column.js';
import { agencyIssuers, symbolOf } from '../symbol/common.js';
import { parseSymbol } from '../symbol/parse.js';
import type { ParsedSymbol } from '../symbol/types.js';

// ---------------------------------------------------------------------------------------------
// Settings from config.

export interface ExplicitSeries {
  readonly name: string;
  readonly types: ReadonlySet<string>;
  readonly pattern?: RegExp;
}

export interface VoidedNumbers {
  readonly kind: RegisterKind;
  readonly year: number;
  readonly from: number;
  readonly to: number;
  /** For `15/QĐ-UBND@2024`: the series key the symbol belongs to. */
  readonly base?: string;
  readonly type?: string;
}

export interface NumberingSettings {
  readonly scheme: 'auto' | 'single' | 'per-type';
  readonly explicit: readonly ExplicitSeries[];
  readonly voided: readonly VoidedNumbers[];
  readonly restarts: readonly DayNumber[];
  /** Party terms' first days (config `party.termStart`), ascending; empty = one term. */
  readonly partyTerms: readonly DayNumber[];
  readonly agencyIssuer?: string;
  /** The agency config: its issuer codes let the symbol parser split `12/QĐSNV` (symbolOf). */
  readonly agency?: AgencyConfig;
}

/** Type code of a parsed symbol for series purposes: công văn (with or without the wrong `CV`) is `cv`. */
export function typeCodeOf(p: ParsedSymbol): string {
  if (p.form === 'cong-van') return 'cv';
  const t = p.canonicalType ?? p.type ?? '?';
  return t.toUpperCase() === 'CV' ? 'cv' : t;
}

function normaliseUserType(t: string): string {
  const f = fold(t.trim());
  return f === 'cv' || f === 'cong van' ? 'cv' : t.trim();
}

const VOIDED_COUNT = /^(?:(đến|den):)?(\d{4}):(\d{1,6})(?:-(\d{1,6}))?$/i;
const VOIDED_SYMBOL = /^(.+)@(\d{4})$/;

export function numberingSettings(config: Config): NumberingSettings {
  const n = NumberingSchema.parse(config.numbering ?? {});
  const explicit: ExplicitSeries[] = (n.series ?? []).map((s) => ({
    name: s.name,
    types: new Set((s.types ?? []).map(normaliseUserType)),
    ...(s.pattern !== undefined ? { pattern: new RegExp(s.pattern, 'u') } : {}),
  }));
  const base: Omit<NumberingSettings, 'voided'> = {
    scheme: n.scheme,
    explicit,
    restarts: n.restarts.map((d) => parseIso(d)).filter((d): d is DayNumber => d !== undefined),
    partyTerms: [config.party?.termStart ?? []]
      .flat()
      .map((d) => parseIso(d))
      .filter((d): d is DayNumber => d !== undefined)
      .sort((a, b) => a - b),
    ...(config.agency?.issuer ? { agencyIssuer: config.agency.issuer } : {}),
    ...(config.agency ? { agency: config.agency } : {}),
  };
  const voided: VoidedNumbers[] = [];
  for (const v of n.voided ?? []) {
    const count = VOIDED_COUNT.exec(v.trim());
    if (count) {
      const from = Number(count[3]);
      voided.push({ kind: count[1] ? 'incoming' : 'outgoing', year: Number(count[2]), from, to: count[4] ? Number(count[4]) : from });
      continue;
    }
    const sym = VOIDED_SYMBOL.exec(v.trim());
    if (!sym) continue;
    // Read as the book's own symbols are (symbolOf): the agency's issuers known to the parser.
    const p = parseSymbol(sym[1]!, { issuers: config.agency ? agencyIssuers(config.agency) : [] });
    const num = p.number?.value;
    const slot = classify(p, sym[1]!, false, base);
    if (num === undefined || !Number.isFinite(num) || !slot) continue;
    voided.push({ kind: 'outgoing', year: Number(sym[2]), from: num, to: num, base: slot.key, type: slot.type });
  }
  return { ...base, voided };
}

// ---------------------------------------------------------------------------------------------
// Classification of one entry.

/** Series key `category|issuer|type` (type only under `per-type`); categories admin, copy, qppl, vbhn, law, secret, x:<name>. */
export function classify(p: ParsedSymbol, symbolText: string, secret: boolean, s: Omit<NumberingSettings, 'voided'>): { key: string; type: string } | undefined {
  const type = typeCodeOf(p);
  for (const x of s.explicit) {
    if (x.types.has(type) || (x.pattern !== undefined && x.pattern.test(symbolText))) return { key: `x:${x.name}||`, type };
  }
  const issuer = p.issuer ?? '';
  if (secret) return { key: `secret|${issuer}|`, type };
  switch (p.form) {
    case 'copy':
      return { key: `copy|${issuer}|`, type };
    case 'qppl':
    case 'joint':
      return { key: `qppl|${issuer}|${type}`, type };
    case 'vbhn':
      return { key: `vbhn|${issuer}|`, type };
    case 'law':
      return { key: `law|${issuer}|`, type };
    case 'typed':
    case 'cong-van':
      return { key: `admin|${issuer}|${s.scheme === 'per-type' ? type : ''}`, type };
    case 'party':
      // Party documents: one series per type and committee over the term (party.termStart).
      return p.issuer === undefined || p.type === undefined ? undefined : { key: `party|${issuer}|${type}`, type };
    default:
      return undefined;
  }
}

const NOT_SECRET = /^(khong|khong mat|thuong|binh thuong|-|–|0|no|none)$/;

/** A Ghi chú that voids a number ("hủy số", "số hủy", "bỏ số" …): the row of a voided number. */
export function isVoidingNote(text: string): boolean {
  return text !== '' && VOIDING.test(fold(text.length > 2000 ? text.slice(0, 2000) : text));
}

function isSecret(text: string): boolean {
  return text !== '' && !NOT_SECRET.test(fold(text).trim());
}

export { numberCell } from '../number-cell.js';

// Ghi chú notes that explain a missing number (real-world-input §4.2): "hủy số", "số hủy",
// "bỏ số", "thu hồi số …" on the entry next to the gap, or any of them naming the number.
// "Thu hồi" alone is not enough next to a gap: "Đã thu hồi bản cũ" is about the entry itself.
const VOIDING = /huy so|so (?:da |bi )?huy|bo so|nham so|khong (?:su dung|dung) so|so khong (?:su dung|dung)|thu hoi (?:lai )?so\b|\bso\b.{0,30}thu hoi/;
const RECALL = /thu hoi|huy bo|da huy|bi huy/;
const DATE_IN_TEXT = /\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/g;
const NUMBER_RANGE = /(?<![\d/])(\d{1,5})(?:\s*(?:-|–|den|toi)\s*(\d{1,5}))?(?![\d])/g;

/** Numbers named in a note ("hủy số 15, 16", "bỏ số 20-22"), years excluded. */
function namedNumbers(folded: string): number[] {
  const out: number[] = [];
  for (const m of folded.replace(DATE_IN_TEXT, ' ').matchAll(NUMBER_RANGE)) {
    const a = Number(m[1]);
    const b = m[2] !== undefined ? Number(m[2]) : a;
    if (m[1]!.length === 4 && a >= 1900 && a <= 2099 && m[2] === undefined) continue;
    if (a <= 0 || b < a || b - a > 50) continue;
    for (let k = a; k <= b; k++) out.push(k);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Years.

/** The year of a day number (core/dates' yearOf, in integers: 100,000 rows a run). */
export const yearOfDay: (d: DayNumber) => number = yearOf;

/** The year a register declares: `Năm`, else a `Từ ngày … đến ngày …` range within one year. */
export function declaredYear(info: RegisterInfo): number | undefined {
  const t = info.title;
  if (t.year !== undefined) return t.year;
  if (t.fromDate !== undefined && t.toDate !== undefined && yearOf(t.fromDate) === yearOf(t.toDate)) return yearOf(t.fromDate);
  return undefined;
}

export interface YearAnalysis {
  /** The year each entry's number counts in. */
  readonly years: number[];
  /** Entries whose own (readable) year was overridden by their neighbours' (wrong-year typos). */
  readonly outlier: boolean[];
}

/** Runs of at most this many entries dated in another year than both neighbours count as typos. */
const SHORT_RUN = 3;

/**
 * The year of each entry of one register, given its dates in register order (NaN = unreadable).
 * Unreadable dates take the year of the entry before; an isolated run (≤ 3 entries) dated in a
 * year that differs from the entries on both sides takes their year. At the ends of a register a
 * short run is a typo too, except the shape of a real year boundary (December entries opening a
 * book of the next year, January entries closing one) — the Dec→Jan rollover must stay visible.
 */
export function analyseYears(days: readonly number[], declared: number | undefined): YearAnalysis {
  const n = days.length;
  const raw = days.map((d) => (Number.isNaN(d) ? Number.NaN : yearOfDay(d)));
  const years = raw.slice();
  let prev = Number.NaN;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(years[i]!)) years[i] = prev;
    else prev = years[i]!;
  }
  const firstKnown = years.find((y) => !Number.isNaN(y)) ?? declared ?? Number.NaN;
  for (let i = 0; i < n && Number.isNaN(years[i]!); i++) years[i] = firstKnown;
  const outlier = new Array<boolean>(n).fill(false);
  const runs: { start: number; end: number; year: number }[] = [];
  for (let i = 0; i < n; i++) {
    const last = runs[runs.length - 1];
    if (last && last.year === years[i]) last.end = i + 1;
    else runs.push({ start: i, end: i + 1, year: years[i]! });
  }
  const monthOf = (i: number): number => (Number.isNaN(days[i]!) ? 0 : toYmd(days[i]!).month);
  runs.forEach((run, k) => {
    if (run.end - run.start > SHORT_RUN || Number.isNaN(run.year)) return;
    const before = runs[k - 1];
    const after = runs[k + 1];
    let target: number | undefined;
    if (before && after) {
      if (before.year === after.year) target = before.year;
    } else if (after && !before) {
      // December entries opening the next year's book — unless the book declares that next year.
      const boundary = run.year === after.year - 1 && monthOf(run.end - 1) === 12 && declared !== after.year;
      if (!boundary && (declared === undefined || declared === after.year) && after.end - after.start >= 2) target = after.year;
    } else if (before && !after) {
      // January entries closing the year's book (a rollover) — unless the book declares the old year.
      const boundary = run.year === before.year + 1 && monthOf(run.start) === 1 && declared !== before.year;
      if (!boundary && (declared === undefined || declared === before.year) && before.end - before.start >= 2) target = before.year;
    }
    if (target === undefined) return;
    for (let i = run.start; i < run.end; i++) {
      years[i] = target;
      outlier[i] = !Number.isNaN(raw[i]!);
    }
  });
  return { years, outlier };
}

// ---------------------------------------------------------------------------------------------
// The collector.

export interface Series {
  /** Identity without the year, to match a series across years (`admin|UBND|` + split type + chain). */
  readonly key: string;
  readonly year: number;
  /** A restart period (units reorganised mid-year) begins on this day. */
  readonly periodStart?: DayNumber;
  /** Entry indices, in input order. */
  readonly items: number[];
  readonly labelVi: string;
  readonly labelEn: string;
  /** A series of the agency itself (its administrative documents, or số đến). */
  readonly agency: boolean;
  /** The agency's main series of the year: the largest administrative series, or số đến. */
  main: boolean;
  /** Issuer of the series (outgoing), for messages. */
  readonly issuer: string;
  /** 0 for the run's book; 1, 2 … for separate books of the same series and year (numbers started again). */
  readonly chain: number;
  /** Category: admin, copy, qppl, vbhn, law, secret, x:<name>, arrival. */
  readonly category: string;
  /** Type code when the series holds one type only (per-type, QPPL, detected split). */
  readonly type?: string;
}

interface Proto {
  base: string;
  year: number;
  chain: number;
  periodStart?: DayNumber;
  splitType?: string;
  items: number[];
}

export class SeriesCollector {
  readonly registers: RegisterInfo[] = [];
  /** firstHolders per series, computed once for every rule that asks (gap, order). */
  readonly holders = new Map<Series, ReadonlyMap<number, number>>();
  /** Per register: year → day of its first entry dated in that year (input order). */
  readonly firstDayOfYear: Map<number, DayNumber>[] = [];
  /** Per register: index of its first and one past its last entry. */
  readonly regStart: number[] = [];
  readonly reg = new Column('int');
  readonly row = new Column('int');
  /** Running number (NaN when the entry has none). */
  readonly num = new Column('float');
  /** Day of the entry's date (issue date outgoing, arrival date incoming); NaN when unreadable. */
  readonly day = new Column('float');
  private readonly keyId = new Column('int');
  private readonly typeId = new Column('int');
  /** Cell text of the number column (symbol / số đến) — the evidence in a finding. */
  private readonly values: string[] = [];
  readonly suffix = new Map<number, string>();
  /** Text date cells, kept so a finding quotes the cell as written. */
  private readonly dateText = new Map<number, string>();
  private readonly pdfPos = new Map<number, { page?: number; line?: number }>();
  /** Entries whose note voids a number ("hủy số"): explains a gap next to them. */
  readonly voidNote = new Set<number>();
  /** Numbers a voiding or recall note names. */
  readonly named = new Map<number, number[]>();
  /** The other reading of an ambiguous day-first text date (05/03 ↔ 03/05). */
  readonly swapped = new Map<number, DayNumber>();
  /**
   * The year segment of a legal-normative number (`10/2023/NQ-HĐND`): the year its number counts in,
   * whatever the date or the neighbours say (Luật 64/2025 Điều 7.3: the number runs within its year).
   */
  readonly symbolYear = new Map<number, number>();
  private readonly keys: string[] = [];
  private readonly keyIndex = new Map<string, number>();
  private readonly types: string[] = [];
  private readonly typeIndex = new Map<string, number>();
  private last: Entry | undefined;
  private model: SeriesModel | undefined;
  readonly numberField: FieldName;
  readonly dateField: FieldName;

  constructor(
    readonly kind: RegisterKind,
    readonly settings: NumberingSettings,
  ) {
    this.numberField = kind === 'incoming' ? 'arrivalNumber' : 'symbol';
    this.dateField = kind === 'incoming' ? 'arrivalDate' : 'issuedDate';
  }

  private intern(list: string[], index: Map<string, number>, s: string): number {
    let id = index.get(s);
    if (id === undefined) {
      id = list.length;
      list.push(s);
      index.set(s, id);
    }
    return id;
  }

  /** Records one entry; called by every numbering rule, the first call per entry wins. */
  add(entry: Entry): void {
    if (entry === this.last) return;
    this.last = entry;
    const info = entry.register;
    let r = this.registers.length - 1;
    if (this.registers[r] !== info) {
      this.registers.push(info);
      this.firstDayOfYear.push(new Map());
      this.regStart.push(this.row.length);
      r++;
    }
    const i = this.row.length;
    this.reg.push(r);
    this.row.push(entry.row);
    if (entry.raw.page !== undefined || entry.raw.line !== undefined) {
      this.pdfPos.set(i, { ...(entry.raw.page !== undefined ? { page: entry.raw.page } : {}), ...(entry.raw.line !== undefined ? { line: entry.raw.line } : {}) });
    }
    const d = entry.date(this.dateField);
    const day = d.ok ? d.day : Number.NaN;
    this.day.push(day);
    if (d.ok) {
      if (d.swapped !== undefined) this.swapped.set(i, d.swapped);
      const y = yearOfDay(day);
      const first = this.firstDayOfYear[r]!;
      if (!first.has(y)) first.set(y, day);
    }
    const rawDate = entry.value(this.dateField);
    if (typeof rawDate === 'string') this.dateText.set(i, rawDate);

    let num = Number.NaN;
    let key = -1;
    let type = -1;
    if (this.kind === 'incoming') {
      const cell = numberCell(entry.value('arrivalNumber'));
      if (cell) {
        num = cell.value;
        key = this.intern(this.keys, this.keyIndex, 'arrival||');
        if (cell.suffix !== undefined) this.suffix.set(i, cell.suffix);
      }
      this.values.push(entry.original('arrivalNumber'));
    } else {
      let p = symbolOf(entry, this.settings.agency);
      if ((!p || p.number === undefined || p.form === 'unparseable') && entry.has('number')) {
        // Split layouts: `Số vào sổ` holds the number, `Ký hiệu` the rest (`QĐ-UBND`).
        const cell = numberCell(entry.value('number'));
        const symbolText = entry.text('symbol');
        const issuers = this.settings.agency ? agencyIssuers(this.settings.agency) : [];
        if (cell) p = parseSymbol(symbolText && !/^\d/.test(symbolText) ? `${cell.value}${cell.suffix ?? ''}/${symbolText}` : `${cell.value}${cell.suffix ?? ''}/`, { issuers });
      }
      const pn = p?.number;
      if ((!p || p.form === 'unparseable') && !entry.has('number')) {
        // A symbol column holding the bare number ("15"): the agency's administrative series.
        const cell = typeof entry.value('symbol') === 'number' || /^\s*\d{1,6}[A-Za-z]?\s*$/.test(String(entry.value('symbol') ?? '')) ? numberCell(entry.value('symbol')) : undefined;
        if (cell) {
          num = cell.value;
          key = this.intern(this.keys, this.keyIndex, 'admin||');
          type = this.intern(this.types, this.typeIndex, '?');
          if (cell.suffix !== undefined) this.suffix.set(i, cell.suffix);
        }
      } else if (p && pn && pn.malformed === undefined && Number.isFinite(pn.value) && pn.value > 0) {
        const secret = entry.has('secrecy') && isSecret(entry.text('secrecy'));
        const slot = classify(p, p.raw.trim(), secret, this.settings);
        if (slot) {
          num = pn.value;
          if ((p.form === 'qppl' || p.form === 'joint' || p.form === 'law') && p.year !== undefined && /^(?:19|20)[0-9]{2}$/u.test(p.year)) this.symbolYear.set(i, Number(p.year));
          // A Party number counts in its committee's term, never "from 01 on 1 January": the series
          // year is the term's first year (0 when no term is configured: one term for the book).
          if (p.form === 'party') this.symbolYear.set(i, termYear(this.settings.partyTerms, day));
          key = this.intern(this.keys, this.keyIndex, withAuthor(slot.key, entry));
          type = this.intern(this.types, this.typeIndex, slot.type);
          if (pn.suffix !== undefined) this.suffix.set(i, pn.suffix);
        }
      }
      this.values.push(entry.original('symbol'));
    }
    this.num.push(num);
    this.keyId.push(key);
    this.typeId.push(type);

    if (entry.has('notes')) {
      const cell = entry.value('notes');
      // A note names a number in its first lines; a 10 MB pasted cell is not read through.
      const notes = typeof cell === 'string' && cell.length > 2000 ? cell.slice(0, 2000) : entry.text('notes');
      if (notes !== '') {
        const f = fold(notes);
        const voiding = VOIDING.test(f);
        if (voiding) this.voidNote.add(i);
        if (voiding || RECALL.test(f)) {
          const named = namedNumbers(f);
          if (named.length > 0) this.named.set(i, named);
        }
      }
    }
  }

  get size(): number {
    return this.row.length;
  }

  /** The number as written for messages (`07`, `236a`). */
  label(i: number): string {
    const n = this.num.at(i);
    return `${n < 10 ? `0${n}` : n}${this.suffix.get(i) ?? ''}`;
  }

  register(i: number): RegisterInfo {
    return this.registers[this.reg.at(i)]!;
  }

  /** The location of entry i's number cell (symbol or số đến), as Entry.location would give it. */
  location(i: number): Location {
    return this.locate(i, this.numberField, this.values[i]!);
  }

  /** The location of entry i's date cell. */
  dateLocation(i: number): Location {
    const d = this.day.at(i);
    return this.locate(i, this.dateField, this.dateText.get(i) ?? (Number.isNaN(d) ? '' : formatDate(d)));
  }

  private locate(i: number, field: FieldName, value: string): Location {
    const info = this.register(i);
    const col = info.columns.get(field);
    const pos = this.pdfPos.get(i);
    const row = this.row.at(i);
    // Fixed-shape literals for registers read from sheets (no spread: one hidden class for all).
    if (info.format !== 'pdf') {
      if (!col) return { file: info.file, sheet: info.sheet, row, field };
      return { file: info.file, sheet: info.sheet, row, column: col.letter, header: col.header, field, value };
    }
    const base = {
      file: info.file,
      ...(pos?.page !== undefined ? { page: pos.page } : {}),
      ...(pos?.line !== undefined ? { line: pos.line } : {}),
      row,
    };
    if (!col) return { ...base, field };
    return { ...base, column: col.letter, header: col.header, field, value };
  }

  /** Entry indices of register r. */
  registerRange(r: number): [number, number] {
    return [this.regStart[r]!, this.regStart[r + 1] ?? this.row.length];
  }

  /** The series model, computed once after the last register. */
  finish(): SeriesModel {
    this.model ??= buildModel(this);
    return this.model;
  }

  // Accessors for buildModel.
  keyOf(i: number): string | undefined {
    const k = this.keyId.at(i);
    return k < 0 ? undefined : this.keys[k];
  }
  keyName(id: number): string | undefined {
    return id < 0 ? undefined : this.keys[id];
  }
  keyIdOf(i: number): number {
    return this.keyId.at(i);
  }
  typeOf(i: number): string {
    const t = this.typeId.at(i);
    return t < 0 ? '' : this.types[t]!;
  }
}

function firstYear(c: SeriesCollector, items: readonly number[]): number {
  let min = Number.POSITIVE_INFINITY;
  for (const i of items) {
    const d = c.day.at(i);
    if (!Number.isNaN(d) && d < min) min = d;
  }
  return Number.isFinite(min) ? yearOf(min as DayNumber) : 0;
}

/** The first year of the Party term a day falls in (0: before any configured term, or none configured). */
function termYear(terms: readonly DayNumber[], day: number): number {
  let year = 0;
  if (Number.isNaN(day)) return terms.length > 0 ? yearOf(terms[terms.length - 1]!) : 0;
  for (const t of terms) if (t <= day) year = yearOf(t);
  return year;
}

/**
 * A register that names each document's issuer or author (`Cơ quan ban hành`, `Tác giả`: a published
 * list holding HĐND tỉnh and three HĐND xã, all `NQ-HĐND`) keeps a series per named issuer: the
 * name joins the symbol's issuer code in the key (`qppl|HĐND~HĐND xã A|NQ`).
 */
function withAuthor(key: string, entry: Entry): string {
  if (!entry.has('author')) return key;
  const name = entry.text('author').replace(/[|#~]/gu, ' ').replace(/\s+/gu, ' ').trim().slice(0, 80);
  if (name === '') return key;
  // `cat|issuer|type`: the name joins the issuer, before the last bar.
  const bar = key.lastIndexOf('|');
  return `${key.slice(0, bar)}~${name}${key.slice(bar)}`;
}

export interface SeriesModel {
  readonly series: readonly Series[];
  /** Series year of each entry. */
  readonly years: readonly number[];
  /** Entries dated in another year than their neighbours (see analyseYears). */
  readonly outlier: readonly boolean[];
  /** The agency's issuer abbreviation (config, else the most common administrative issuer). */
  readonly agencyIssuer: string;
}

// A register whose numbers mostly repeat numbers already seen in the series that year is a separate
// book, not a volume; a type code whose numbers mostly repeat the others' runs its own series.
const OVERLAP_SPLIT = 0.5;
/** A type needs this many entries before its numbers can prove a series of its own. */
const MIN_TYPE_ENTRIES = 3;
/** Above this share of repeated (series, number) pairs, two per-type registers are separate books. */
const SAME_PAIRS = 0.2;

/** Smallest and largest of some numbers (no spread: series can hold 100,000 numbers). */
function bounds(xs: Iterable<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

function distinctNumbers(c: SeriesCollector, items: readonly number[]): Set<number> {
  const s = new Set<number>();
  if (c.suffix.size === 0) for (const i of items) s.add(c.num.at(i));
  else for (const i of items) if (!c.suffix.has(i)) s.add(c.num.at(i));
  return s;
}

interface Group {
  base: string;
  year: number;
  items: number[];
}

// The model is built in phases, each a function of its own: a phase that runs hot is compiled and
// optimised alone, not the whole builder (much less JIT work per thread in a batch).
function buildModel(c: SeriesCollector): SeriesModel {
  const { years, outlier } = seriesYears(c);
  const agency = agencyIssuerOf(c);
  const protos = protoSeries(c, groupsByKeyAndYear(c, years, agency));
  const merged = mergeMinorSeries(c, protos, agency);
  return { series: seriesObjects(c, protos, merged, agency), years, outlier, agencyIssuer: agency };
}

/** 1. Series years, register by register. */
function seriesYears(c: SeriesCollector): { years: number[]; outlier: boolean[] } {
  const n = c.size;
  const years = new Array<number>(n);
  const outlier = new Array<boolean>(n);
  for (let r = 0; r < c.registers.length; r++) {
    const [a, b] = c.registerRange(r);
    // A partial list (a gazette, a danh mục) is in no date order: each entry counts in its own
    // date's year, and an undated one in none (no neighbours' year taken for it).
    const info = c.registers[r]!;
    const res = info.partial !== undefined ? ownYears(c.day.slice(a, b)) : analyseYears(c.day.slice(a, b), declaredYear(info));
    for (let i = a; i < b; i++) {
      // A legal-normative number's own year segment is its series year: numbers of different
      // years are never duplicates, gaps or restarts of each other (symbol/year-mismatch speaks
      // when the date disagrees).
      const own = c.symbolYear.get(i);
      years[i] = own ?? res.years[i - a]!;
      outlier[i] = own === undefined && res.outlier[i - a]!;
    }
  }
  return { years, outlier };
}

function ownYears(days: readonly number[]): YearAnalysis {
  return { years: days.map((d) => (Number.isNaN(d) ? Number.NaN : yearOfDay(d))), outlier: days.map(() => false) };
}

/** 2. The agency's issuer: the config's, else the most common administrative issuer. */
function agencyIssuerOf(c: SeriesCollector): string {
  const n = c.size;
  let agencyIssuer = c.settings.agencyIssuer;
  if (agencyIssuer === undefined) {
    const perKey = new Map<number, number>();
    for (let i = 0; i < n; i++) perKey.set(c.keyIdOf(i), (perKey.get(c.keyIdOf(i)) ?? 0) + 1);
    const counts = new Map<string, number>();
    for (const [id, count] of perKey) {
      const k = c.keyName(id);
      if (!k?.startsWith('admin|')) continue;
      const issuer = k.split('|')[1]!;
      if (issuer !== '') counts.set(issuer, (counts.get(issuer) ?? 0) + count);
    }
    let best = 0;
    for (const [issuer, count] of counts) if (count > best) [agencyIssuer, best] = [issuer, count];
  }
  return agencyIssuer ?? '';
}

/**
 * 3. Groups by series key and year, in order of first appearance. Keys are resolved once per
 * distinct key (an issuer left out stands for the agency's), not once per entry.
 */
function groupsByKeyAndYear(c: SeriesCollector, years: readonly number[], agency: string): Map<string, Group> {
  const n = c.size;
  const resolvedKey = new Map<string, string>();
  const resolve = (k: string): string => {
    let r = resolvedKey.get(k);
    if (r === undefined) {
      const [cat, issuer, type] = k.split('|') as [string, string, string];
      r = issuer === '' && !cat.startsWith('x:') && cat !== 'arrival' ? `${cat}|${agency}|${type}` : k;
      resolvedKey.set(k, r);
    }
    return r;
  };
  const groups = new Map<string, Group>();
  const byKeyYear = new Map<number, Group>();
  for (let i = 0; i < n; i++) {
    const k = c.keyOf(i);
    const y = years[i]!;
    if (k === undefined || Number.isNaN(c.num.at(i)) || Number.isNaN(y)) continue;
    const slot = c.keyIdOf(i) * 10000 + y;
    let g = byKeyYear.get(slot);
    if (!g) {
      const base = resolve(k);
      const gk = `${base}#${y}`;
      g = groups.get(gk);
      if (!g) groups.set(gk, (g = { base, year: y, items: [] }));
      byKeyYear.set(slot, g);
    }
    g.items.push(i);
  }
  return groups;
}

/**
 * 3b. Each group split into books, per-type series and chains.
 *
 * Order matters: a restart splits a register's entries in time before anything compares numbers
 * (restarted numbers collide with everything); per-type numbering is recognised inside each register
 * (volumes of a per-type book repeat numbers across types, separate books across registers);
 * only then are registers compared with each other (volumes vs separate books).
 */
function protoSeries(c: SeriesCollector, groups: ReadonlyMap<string, Group>): Proto[] {
  const protos: Proto[] = [];
  const auto = c.settings.scheme === 'auto';
  for (const g of groups.values()) {
    const periods = new Map<DayNumber | undefined, number[][]>();
    for (const seg of segments(c, g.items)) {
      for (const part of splitRestarts(c, seg, g.year)) {
        let list = periods.get(part.start);
        if (!list) periods.set(part.start, (list = []));
        list.push(part.items);
      }
    }
    for (const [start, segs] of periods) {
      const counters = new Map<string, number>();
      const admin = auto && g.base.startsWith('admin|') && g.base.endsWith('|');
      for (const { items: book, separate } of books(c, segs, admin)) {
        // Across its volumes too: volume 1 may have been too short to show it.
        if (admin && segs.length > 1) for (const t of separateTypes(c, book)) separate.add(t);
        const subgroups = new Map<string, number[]>();
        for (const i of book) {
          const t = separate.has(c.typeOf(i)) ? c.typeOf(i) : '';
          let list = subgroups.get(t);
          if (!list) subgroups.set(t, (list = []));
          list.push(i);
        }
        for (const [t, items] of subgroups) {
          for (const chain of splitChains(c, items)) {
            const index = counters.get(t) ?? 0;
            counters.set(t, index + 1);
            protos.push({ base: g.base, year: g.year, chain: index, items: chain.items, ...(start !== undefined ? { periodStart: start } : {}), ...(t !== '' ? { splitType: t } : {}) });
          }
        }
      }
    }
  }
  return protos;
}

/** 4. Minor series whose numbers are all holes inside the agency's administrative series: merged into it. */
function mergeMinorSeries(c: SeriesCollector, protos: Proto[], agency: string): Set<Proto> {
  const isTarget = (p: Proto): boolean => p.base.startsWith(`admin|${agency}|`) && p.chain === 0 && p.splitType === undefined;
  const isSource = (p: Proto): boolean => {
    if (p.chain !== 0) return false;
    const cat = p.base.split('|')[0]!;
    if (cat === 'admin') return !p.base.startsWith(`admin|${agency}|`);
    return cat === 'copy' || cat === 'qppl' || cat === 'vbhn' || cat === 'law' || cat === 'secret';
  };
  const merged = new Set<Proto>();
  // A target's numbers, once per target (every source looks at every target).
  const numbersOf = new Map<Proto, Set<number>>();
  const targetNumbers = (t: Proto): Set<number> => {
    let tn = numbersOf.get(t);
    if (tn === undefined) numbersOf.set(t, (tn = distinctNumbers(c, t.items)));
    return tn;
  };
  for (const src of protos) {
    if (!isSource(src)) continue;
    const nums = distinctNumbers(c, src.items);
    if (nums.size === 0) continue;
    const [lo, hi] = bounds(nums);
    const candidates = protos.filter((t) => {
      if (t === src || !isTarget(t) || merged.has(t) || t.year !== src.year || t.periodStart !== src.periodStart) return false;
      const tn = targetNumbers(t);
      if (tn.size < 2) return false;
      const [tlo, thi] = bounds(tn);
      if (lo <= tlo || hi >= thi) return false;
      for (const x of nums) if (tn.has(x)) return false;
      return true;
    });
    if (candidates.length !== 1) continue;
    const target = candidates[0]!;
    target.items = target.items.concat(src.items).sort((a, b) => a - b);
    numbersOf.delete(target);
    merged.add(src);
  }
  return merged;
}

/** 5. Series objects, the main series of each year (and period) marked. */
function seriesObjects(c: SeriesCollector, protos: readonly Proto[], merged: ReadonlySet<Proto>, agency: string): Series[] {
  const series: Series[] = [];
  for (const p of protos) {
    if (merged.has(p)) continue;
    const [cat, issuer, ptype] = p.base.split('|') as [string, string, string];
    const type = p.splitType ?? (ptype || undefined);
    const label = seriesLabel(cat, issuer, type, agency, p.chain, p.periodStart);
    series.push({
      key: `${p.base}|${p.splitType ?? ''}#${p.chain}`,
      // A Party series without a configured term: named by the year of its first dated entry.
      year: cat === 'party' && p.year === 0 ? firstYear(c, p.items) : p.year,
      ...(p.periodStart !== undefined ? { periodStart: p.periodStart } : {}),
      items: p.items,
      labelVi: label.vi,
      labelEn: label.en,
      agency: cat === 'arrival' || (cat === 'admin' && issuer === agency),
      main: false,
      issuer,
      chain: p.chain,
      category: cat,
      ...(type !== undefined ? { type } : {}),
    });
  }
  // The main series of each year (and period): the largest series of the agency itself.
  const best = new Map<string, Series>();
  for (const s of series) {
    if (!s.agency || !s.key.endsWith('#0')) continue;
    const k = `${s.year}@${s.periodStart ?? ''}`;
    const b = best.get(k);
    if (!b || s.items.length > b.items.length) best.set(k, s);
  }
  for (const s of best.values()) s.main = true;
  series.sort((a, b) => a.items[0]! - b.items[0]!);
  return series;
}

/**
 * Registers grouped into books, and the type codes each book numbers on their own.
 *
 * Per-type numbering shows inside a register: its types repeat each other's numbers. Two registers
 * are then compared the way their numbering works: (series, number) pairs for per-type books —
 * volume 2 of a per-type book repeats volume 1's numbers only across types (`02/QĐ` beside
 * `02/UBND-VP`) — and plain numbers otherwise. Most numbers repeated means a separate book. A
 * register large enough to show per-type numbering that does not is another book than one that does.
 */
function books(c: SeriesCollector, segs: readonly number[][], auto: boolean): { items: number[]; separate: Set<string> }[] {
  const out: { items: number[]; separate: Set<string>; evidence: boolean; nums: Set<number> }[] = [];
  const pairsOf = (items: readonly number[], separate: ReadonlySet<string>): Set<string> => {
    const pairs = new Set<string>();
    for (const i of items) if (!c.suffix.has(i)) pairs.add(`${separate.has(c.typeOf(i)) ? c.typeOf(i) : ''}|${c.num.at(i)}`);
    return pairs;
  };
  const share = (a: ReadonlySet<string | number>, b: ReadonlySet<string | number>): number => {
    let common = 0;
    for (const x of a) if (b.has(x as never)) common++;
    return common / Math.max(1, Math.min(a.size, b.size));
  };
  for (const seg of segs) {
    const own = auto ? separateTypes(c, seg) : [];
    const evidence = own.length > 0;
    // One register is one book: its numbers are compared with nothing.
    const nums = segs.length > 1 ? distinctNumbers(c, seg) : new Set<number>();
    let target = out[0];
    if (target && nums.size >= MIN_TYPE_ENTRIES) {
      target = out.find((b) => {
              if (!evidence && !b.evidence) return share(nums, b.nums) <= OVERLAP_SPLIT || continuesApart(c, seg, b.items, b.nums);
        // Both must number the same types apart: a type one register numbers apart must run densely
        // in the other too (volume 2 of a book numbering QĐ apart continues QĐ 08, 09 … far below
        // the other numbers, so its QĐ no longer collide); a separate book numbering in one series
        // scatters them.
        const onlyBook = [...b.separate].filter((t) => !own.includes(t));
        const onlySeg = own.filter((t) => !b.separate.has(t));
        if (runsDensely(c, seg, onlyBook) === false || runsDensely(c, b.items, onlySeg) === false) return false;
        const separate = new Set([...b.separate, ...own]);
        // Volumes of one per-type book share next to no (series, number) pair; separate books share many.
        return share(pairsOf(seg, separate), pairsOf(b.items, separate)) <= SAME_PAIRS;
      });
    }
    if (!target) out.push((target = { items: [], separate: new Set(), evidence: false, nums }));
    else for (const x of nums) target.nums.add(x);
    for (const i of seg) target.items.push(i);
    for (const t of own) target.separate.add(t);
    target.evidence ||= evidence;
  }
  return out;
}

/**
 * A register repeating a book's numbers only through types it numbers apart, which were too few in
 * the book to show it: volume 2 of a book that numbers QĐ apart, whose volume 1 had one QĐ. Its
 * repeated numbers belong to types that run densely, and it repeats next to no (type, number) pair —
 * a separate book numbered in one series repeats about as many pairs as its types coincide.
 */
function continuesApart(c: SeriesCollector, seg: readonly number[], book: readonly number[], bookNums: ReadonlySet<number>): boolean {
  const bookPairs = new Set<string>();
  for (const i of book) if (!c.suffix.has(i)) bookPairs.add(`${c.typeOf(i)}|${c.num.at(i)}`);
  const typesRepeating = new Map<string, number>();
  let repeated = 0;
  let samePairs = 0;
  let pairs = 0;
  for (const i of seg) {
    if (c.suffix.has(i)) continue;
    pairs++;
    if (bookPairs.has(`${c.typeOf(i)}|${c.num.at(i)}`)) samePairs++;
    if (!bookNums.has(c.num.at(i))) continue;
    repeated++;
    typesRepeating.set(c.typeOf(i), (typesRepeating.get(c.typeOf(i)) ?? 0) + 1);
  }
  if (samePairs / Math.max(1, Math.min(pairs, bookPairs.size)) >= 0.05) return false;
  // The types that carry most repeats (at least 80 % of them) must each run as a series of their own.
  const carriers = [...typesRepeating].sort((a, b) => b[1] - a[1]);
  const chosen: string[] = [];
  let carried = 0;
  for (const [t, n] of carriers) {
    if (carried >= 0.8 * repeated) break;
    chosen.push(t);
    carried += n;
  }
  return chosen.length > 0 && runsDensely(c, seg, chosen) === true;
}

/** Whether the entries of the given types run on their own without big holes, as a per-type series would (undefined: too few to tell). */
function runsDensely(c: SeriesCollector, items: readonly number[], types: readonly string[]): boolean | undefined {
  if (types.length === 0) return undefined;
  const wanted = new Set(types);
  const byType = new Map<string, number[]>();
  for (const i of items) {
    const t = c.typeOf(i);
    if (!wanted.has(t) || c.suffix.has(i)) continue;
    let list = byType.get(t);
    if (!list) byType.set(t, (list = []));
    list.push(c.num.at(i));
  }
  let held = 0;
  let span = 0;
  for (const nums of byType.values()) {
    if (nums.length < 2) continue;
    const [lo, hi] = bounds(nums);
    held += new Set(nums).size;
    span += hi - lo + 1;
  }
  return span === 0 ? undefined : held / span >= OVERLAP_SPLIT;
}

/** Registers that mostly repeat numbers already seen are separate books (chains); the others continue. */
function splitChains(c: SeriesCollector, items: readonly number[]): { index: number; items: number[] }[] {
  // Entries of one register are one chain: their numbers are compared with nothing.
  if (items.length === 0) return [];
  if (c.reg.at(items[0]!) === c.reg.at(items[items.length - 1]!)) return [{ index: 0, items: items.slice() }];
  const chains: { index: number; items: number[]; nums: Set<number> }[] = [];
  let k = 0;
  while (k < items.length) {
    const reg = c.reg.at(items[k]!);
    let end = k;
    while (end < items.length && c.reg.at(items[end]!) === reg) end++;
    const seg = items.slice(k, end);
    const segNums = distinctNumbers(c, seg);
    let target = chains[0];
    if (target && segNums.size >= MIN_TYPE_ENTRIES) {
      target = chains.find((ch) => {
        let common = 0;
        for (const x of segNums) if (ch.nums.has(x)) common++;
        // Relative to the smaller side: a long book after a short one still repeats all of it.
        return common / Math.min(segNums.size, ch.nums.size) <= OVERLAP_SPLIT;
      });
    }
    if (!target) chains.push((target = { index: chains.length, items: [], nums: segNums }));
    else for (const x of segNums) target.nums.add(x);
    for (const i of seg) target.items.push(i);
    k = end;
  }
  return chains;
}

/** Splits at a configured restart date when the numbers really start again there (one restart a year). */
function splitRestarts(c: SeriesCollector, items: number[], year: number): { start?: DayNumber; items: number[] }[] {
  for (const r of c.settings.restarts) {
    if (yearOf(r) !== year) continue;
    // The first entry on or after the restart day, in input order.
    const k = items.findIndex((i) => !Number.isNaN(c.day.at(i)) && c.day.at(i) >= r);
    if (k <= 0) continue;
    const before = items.slice(0, k);
    const after = items.slice(k);
    const maxBefore = bounds(before.map((i) => c.num.at(i)))[1];
    const firstAfter = bounds(after.slice(0, 3).map((i) => c.num.at(i)))[0];
    if (firstAfter <= 3 && firstAfter < maxBefore) return [{ items: before }, { start: r, items: after }];
  }
  return [{ items }];
}

/** The numbers are exactly 01 … n. */
function fromOne(nums: ReadonlySet<number>): boolean {
  for (let k = 1; k <= nums.size; k++) if (!nums.has(k)) return false;
  return true;
}

/** The items of one register after another (items are in input order, registers contiguous). */
function segments(c: SeriesCollector, items: readonly number[]): number[][] {
  const out: number[][] = [];
  let reg = -1;
  for (const i of items) {
    if (c.reg.at(i) !== reg) {
      out.push([]);
      reg = c.reg.at(i);
    }
    out[out.length - 1]!.push(i);
  }
  return out;
}

/** scheme auto: type codes whose numbers mostly repeat the other types' numbers in one register run their own series. */
function separateTypes(c: SeriesCollector, items: readonly number[]): string[] {
  const byType = new Map<string, number[]>();
  for (const i of items) {
    const t = c.typeOf(i);
    let list = byType.get(t);
    if (!list) byType.set(t, (list = []));
    list.push(i);
  }
  if (byType.size < 2) return [];
  const numsOf = new Map<string, Set<number>>();
  for (const [t, list] of byType) numsOf.set(t, distinctNumbers(c, list));
  const remaining = new Set(byType.keys());
  // How many remaining types use each number.
  const users = new Map<number, number>();
  for (const t of remaining) for (const x of numsOf.get(t)!) users.set(x, (users.get(x) ?? 0) + 1);
  const overlap = (t: string): number => {
    const nums = numsOf.get(t)!;
    let shared = 0;
    for (const x of nums) if ((users.get(x) ?? 0) > 1) shared++;
    return nums.size === 0 ? 0 : shared / nums.size;
  };
  const remove = (t: string): void => {
    remaining.delete(t);
    for (const x of numsOf.get(t)!) users.set(x, (users.get(x) ?? 1) - 1);
  };
  const split: string[] = [];
  for (;;) {
    let best: string | undefined;
    let bestOverlap = 0;
    for (const t of remaining) {
      // Few entries prove a series of their own only when they run 01, 02 … and all collide.
      const n = byType.get(t)!.length;
      if (n < MIN_TYPE_ENTRIES && !(n >= 2 && fromOne(numsOf.get(t)!) && overlap(t) === 1)) continue;
      const o = overlap(t);
      if (o >= OVERLAP_SPLIT && (o > bestOverlap || (o === bestOverlap && best !== undefined && t < best))) [best, bestOverlap] = [t, o];
    }
    if (best === undefined || remaining.size < 2) break;
    split.push(best);
    remove(best);
  }
  if (split.length === 0) return [];
  // With per-type numbering established for most entries, the other types that still collide run
  // their own series too (a few entries, or a gap in them, kept them under the bar).
  const splitCount = split.reduce((sum, t) => sum + byType.get(t)!.length, 0);
  if (splitCount * 2 >= items.length) {
    for (const t of [...remaining].sort()) if (overlap(t) > 0) split.push(t);
  }
  return split;
}

// ---------------------------------------------------------------------------------------------
// Labels.

const TYPE_LABEL = (type: string, lang: 'vi' | 'en'): string => (type === 'cv' ? (lang === 'vi' ? 'công văn' : 'công văn (official letters)') : type);

export function seriesLabel(cat: string, issuer: string, type: string | undefined, agency: string, chain: number, periodStart?: DayNumber): { vi: string; en: string } {
  let vi: string;
  let en: string;
  switch (cat) {
    case 'arrival':
      vi = 'số đến';
      en = 'arrival numbers';
      break;
    case 'copy':
      vi = 'bản sao (SY/SL/TrS)';
      en = 'copies (SY/SL/TrS)';
      break;
    case 'qppl':
      vi = `văn bản QPPL ${type ?? ''}`.trim();
      en = `legal normative ${type ?? ''}`.trim();
      break;
    case 'vbhn':
      vi = 'văn bản hợp nhất';
      en = 'consolidated texts';
      break;
    case 'law':
      vi = 'luật, nghị quyết';
      en = 'laws and resolutions';
      break;
    case 'secret':
      vi = 'văn bản mật';
      en = 'secret documents';
      break;
    case 'party':
      vi = `văn bản của Đảng loại ${TYPE_LABEL(type ?? '', 'vi')}`;
      en = `Party documents of type ${TYPE_LABEL(type ?? '', 'en')}`;
      break;
    case 'admin':
      vi = type ? `văn bản hành chính loại ${TYPE_LABEL(type, 'vi')}` : 'văn bản hành chính';
      en = type ? `administrative documents of type ${TYPE_LABEL(type, 'en')}` : 'administrative documents';
      break;
    default:
      vi = `"${cat.slice(2)}"`;
      en = `"${cat.slice(2)}"`;
  }
  if (cat !== 'arrival' && !cat.startsWith('x:') && issuer !== '' && issuer !== agency) {
    // `HĐND~HĐND xã A`: the issuer as the register names it.
    const named = issuer.includes('~') ? issuer.slice(issuer.indexOf('~') + 1) : issuer;
    vi += ` của ${named}`;
    en += ` of ${named}`;
  }
  if (cat === 'party') {
    vi += ', nhiệm kỳ bắt đầu';
    en += ' (numbered per term; the term began in the year given)';
  }
  if (chain > 0) {
    vi += ` (sổ thứ ${chain + 1})`;
    en += ` (register ${chain + 1})`;
  }
  if (periodStart !== undefined) {
    vi += ` từ ${formatDate(periodStart)}`;
    en += ` from ${formatDate(periodStart)}`;
  }
  return { vi, en };
}

// ---------------------------------------------------------------------------------------------
// Sharing one collector among the rules of a register group.

/**
 * The collector of the rule group, from the group store the engine gives its rules: every numbering
 * rule of the group gets the same one, so the per-entry work and memory are paid once however many
 * numbering rules are on.
 */
function collectorFor(context: SeriesContext, first: RegisterInfo): SeriesCollector {
  return context.group('numbering/series', () => new SeriesCollector(first.kind, numberingSettings(context.config)));
}

/** What the series helpers need of a rule's context. */
export type SeriesContext = Pick<RuleContext<unknown>, 'config' | 'group'>;

/** The usual handlers of a series rule: feed the shared collector, analyse in `end`. */
export function seriesHandlers(context: SeriesContext, end: (model: SeriesModel, c: SeriesCollector) => void): {
  registerStart(info: RegisterInfo): void;
  row(entry: Entry): void;
  end(): void;
} {
  let c: SeriesCollector | undefined;
  return {
    registerStart(info) {
      c ??= collectorFor(context, info);
    },
    row(entry) {
      c!.add(entry);
    },
    end() {
      if (c) end(c.finish(), c);
    },
  };
}

export { pad2 } from '../../../src/core/dates.js';

/** Day of 1 January of a year. */
export const jan1 = (year: number): DayNumber => dayNumber(year, 1, 1);

/** Data every series finding carries. */
export function seriesData(s: Series): { seriesVi: string; seriesEn: string; year: number } {
  return { seriesVi: s.labelVi, seriesEn: s.labelEn, year: s.year };
}

/** "row 12", with the sheet or file when the other location is elsewhere (series continue across volumes). */
export function placeOf(other: Location, here: Location): { vi: string; en: string } {
  const row = other.row ?? '?';
  if (other.file !== here.file) {
    const file = other.file.split(/[\\/]/).pop() ?? other.file;
    return { vi: `dòng ${row}, tệp ${file}`, en: `row ${row} of file ${file}` };
  }
  if (other.sheet !== here.sheet && other.sheet !== undefined) return { vi: `dòng ${row}, trang tính ${other.sheet}`, en: `row ${row} of sheet ${other.sheet}` };
  return { vi: `dòng ${row}`, en: `row ${row}` };
}

/** Number → first entry holding it (letter-suffixed insertions excluded), for a series. */
export function firstHolders(c: SeriesCollector, s: Series): ReadonlyMap<number, number> {
  const known = c.holders.get(s);
  if (known) return known;
  const first = new Map<number, number>();
  c.holders.set(s, first);
  for (const i of s.items) {
    if (c.suffix.has(i)) continue;
    const x = c.num.at(i);
    if (!first.has(x)) first.set(x, i);
  }
  return first;
}

/** Smallest number of a series (letter-suffixed insertions aside) and the entry holding it. */
export function lowest(c: SeriesCollector, s: Series): { number: number; at: number } | undefined {
  let number = Infinity;
  let at = -1;
  const items = s.items;
  for (let k = 0; k < items.length; k++) {
    const i = items[k]!;
    if (c.suffix.has(i)) continue;
    const x = c.num.at(i);
    if (at < 0 || x < number) {
      number = x;
      at = i;
    }
  }
  return at < 0 ? undefined : { number, at };
}

/**
 * The same series in the year before, when this year's numbers carry on from it instead of
 * starting again at 01 (Điều 15.1: "bắt đầu liên tiếp từ số 01 vào ngày 01 tháng 01").
 */
export function continuation(model: SeriesModel, c: SeriesCollector, s: Series): { prevYear: number; prevLast: number; first: number; at: number } | undefined {
  if (s.periodStart !== undefined) return undefined;
  const low = lowest(c, s);
  if (!low || low.number <= 1) return undefined;
  let prevLast = 0;
  for (const t of model.series) {
    if (t.key !== s.key || t.year !== s.year - 1) continue;
    for (const i of t.items) if (!c.suffix.has(i)) prevLast = Math.max(prevLast, c.num.at(i));
  }
  if (prevLast === 0 || low.number < prevLast / 2) return undefined;
  return { prevYear: s.year - 1, prevLast, first: low.number, at: low.at };
}
