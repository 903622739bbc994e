// Shared by the timeliness rules (Điều 4.2.c, 18.1, 23.1, 24): the working-day calendar of the run,
// the verdict on one entry's "same day, at the latest the next working day" test, the
// day/month-swap check, and the message data. Row handlers stay cheap: the calendar is built once
// per run, next-working-day answers are memoised per day, and the verdict of an entry is computed
// once and shared by every rule through a one-slot cache (rules see one entry at a time).
import { createCalendar, type Calendar, type YearStatus } from '../../calendar/calendar.js';
import { dayNumber, formatDate, parseIso, toYmd, weekdayName, yearOf, type DayNumber } from '../../../src/core/dates.js';
import type { FieldName, MessageData, RegisterKind } from '../../../src/core/types.js';
import type { Config, RuleSetting } from '../../../src/config/schema.js';
import type { RuleContext, RuleHandlers } from '../../../src/engine/rule.js';
import type { Entry, RegisterInfo } from '../../../src/register/model.js';
import { urgencyOf, type Urgency } from './urgency.js';

export { ND30 } from '../symbol/common.js';

// ---------------------------------------------------------------------------------------------
// The run: one calendar, one memo, the years computed without a confirmed calendar

/** Where a year without a confirmed calendar was first used: the register, for the run's one info finding. */
export interface YearUse {
  readonly year: number;
  readonly status: Exclude<YearStatus, 'confirmed'>;
  readonly register: RegisterInfo;
}

export interface RunTiming {
  /** The config's calendar is invalid: the first rule reported it (as an internal error), the others do nothing. */
  readonly disabled: boolean;
  readonly calendar: Calendar;
  /** The first working day strictly after `d` (memoised); notes the years the answer depended on. */
  next(d: DayNumber, where: RegisterInfo): DayNumber;
  /** Working days in (from, to], at least 1 when to > from: a deadline missed by a rest day is still missed. */
  lateBy(from: DayNumber, to: DayNumber, where: RegisterInfo): number;
  /** The n-th working day after `d`, noting the years used. */
  add(d: DayNumber, n: number, where: RegisterInfo): DayNumber;
  /** Years with yearStatus ≠ confirmed that a computation used, first use first. */
  readonly unconfirmed: ReadonlyMap<number, YearUse>;
  /** Rule ids the configuration turns off (a rule hands its cases to another when that one is off). */
  isOff(ruleId: string): boolean;
  /** The run's calendar info finding has been reported. */
  reported: boolean;
}

/**
 * The timing state of the current run, shared by the timeliness rules through the engine's per-run
 * store; call it in `start`. A calendar date in the config that does not exist (2024-02-30) throws
 * once, which the engine reports as one internal error; the other timeliness rules of the run then
 * get a disabled state.
 */
export function runTiming(context: RuleContext<unknown>): RunTiming {
  let failure: unknown;
  const state = context.shared('timeliness/run-timing', () => {
    try {
      return createRunTiming(context.config);
    } catch (err) {
      failure = err;
      return { ...createRunTiming({}), disabled: true };
    }
  });
  if (failure !== undefined) throw failure;
  return state;
}

function isoList(list: readonly string[] | undefined, key: string): DayNumber[] {
  return (list ?? []).map((s) => {
    const d = parseIso(s);
    if (d === undefined) throw new Error(`calendar.${key}: "${s}" is not a calendar date; the timeliness rules were not run`);
    return d;
  });
}

function settingIsOff(s: RuleSetting | undefined): boolean {
  if (s === undefined) return false;
  if (typeof s === 'string') return s === 'off';
  if (Array.isArray(s)) return s[0] === 'off';
  return (s as { severity?: string }).severity === 'off';
}

function createRunTiming(config: Config): RunTiming {
  const cal = config.calendar;
  const calendar = createCalendar({
    extraDaysOff: isoList(cal?.extraDaysOff, 'extraDaysOff'),
    extraWorkingDays: isoList(cal?.extraWorkingDays, 'extraWorkingDays'),
    ...(cal?.weekend ? { weekend: cal.weekend } : {}),
  });
  const memo = new Map<DayNumber, DayNumber>();
  const unconfirmed = new Map<number, YearUse>();
  const statusCache = new Map<number, YearStatus>();

  /** Notes every year of (from, to] whose calendar is not confirmed. Only on memo misses and findings. */
  const noteYears = (from: DayNumber, to: DayNumber, where: RegisterInfo): void => {
    if (to <= from) return;
    const last = yearOf(to);
    for (let y = yearOf(from + 1); y <= last; y++) {
      let status = statusCache.get(y);
      if (status === undefined) statusCache.set(y, (status = calendar.yearStatus(y)));
      if (status !== 'confirmed' && !unconfirmed.has(y)) unconfirmed.set(y, { year: y, status, register: where });
    }
  };

  const rules = config.rules ?? {};
  return {
    disabled: false,
    calendar,
    next(d, where) {
      let n = memo.get(d);
      if (n === undefined) {
        n = calendar.nextWorkingDay(d);
        memo.set(d, n);
        noteYears(d, n, where);
      }
      return n;
    },
    lateBy(from, to, where) {
      noteYears(from, to, where);
      return Math.max(1, calendar.workingDaysBetween(from, to));
    },
    add(d, n, where) {
      const r = calendar.addWorkingDays(d, n);
      noteYears(d, r, where);
      return r;
    },
    unconfirmed,
    isOff: (id) => settingIsOff(rules[id]),
    reported: false,
  };
}

// ---------------------------------------------------------------------------------------------
// The fields of each direction

export interface Direction {
  /** The day the clock starts: the document date (outgoing) or the arrival date (incoming). */
  readonly ref: FieldName;
  /** The day it was sent on: dispatch (outgoing) or hand-over (incoming) — both headed "Ngày chuyển". */
  readonly event: FieldName;
  readonly lateRule: string;
  readonly urgentRule: string;
}

export const DIRECTIONS: Readonly<Record<RegisterKind, Direction>> = {
  outgoing: { ref: 'issuedDate', event: 'dispatchDate', lateRule: 'timeliness/dispatch-late', urgentRule: 'timeliness/dispatch-urgent' },
  incoming: { ref: 'arrivalDate', event: 'transferDate', lateRule: 'timeliness/handover-late', urgentRule: 'timeliness/handover-urgent' },
};

export const SWAP_RULE = 'timeliness/date-swapped';

// ---------------------------------------------------------------------------------------------
// The verdict on one entry

/**
 * none: a date is missing or unreadable (other rules say so); ok: on time; before: sent before the
 * clock started; urgentLate: an urgent document not sent the same day; late: sent after the next
 * working day.
 */
export type Verdict = 'none' | 'ok' | 'before' | 'urgentLate' | 'late';
/** Which reading, day and month swapped, would make the entry on time. */
export type SwapKind = 'event' | 'ref' | 'both';

export interface Assessment {
  entry: Entry | undefined;
  verdict: Verdict;
  ref: DayNumber;
  event: DayNumber;
  /** nextWorkingDay(ref), the deadline of a non-urgent document; set unless the verdict is none or the dates are equal. */
  deadline: DayNumber;
  urgency: Urgency | undefined;
  urgencyKnown: boolean;
  swap: SwapKind | undefined;
  swapRef: DayNumber;
  swapEvent: DayNumber;
}

// One mutable slot, reused for every entry: no allocation per row.
const slot: Assessment = {
  entry: undefined,
  verdict: 'none',
  ref: 0,
  event: 0,
  deadline: 0,
  urgency: undefined,
  urgencyKnown: false,
  swap: undefined,
  swapRef: 0,
  swapEvent: 0,
};

function urgencyOfSlot(entry: Entry): Urgency | undefined {
  if (!slot.urgencyKnown) {
    slot.urgency = urgencyOf(entry);
    slot.urgencyKnown = true;
  }
  return slot.urgency;
}

function onTime(ref: DayNumber, event: DayNumber, entry: Entry, t: RunTiming): boolean {
  if (event === ref) return true;
  if (event < ref) return false;
  if (urgencyOfSlot(entry) !== undefined) return false;
  return event <= t.next(ref, entry.register);
}

/**
 * The other reading of a date when day and month could be swapped (both ≤ 12 and different): from
 * the parser for text, computed here for date cells and serials — a US-locale Excel turns the typed
 * "05/03/2024" into a real date 3 May.
 */
export function swappedDay(entry: Entry, field: FieldName): DayNumber | undefined {
  const p = entry.date(field);
  if (!p.ok) return undefined;
  if (p.source === 'text') return p.swapped;
  const { year, month, day } = toYmd(p.day);
  return day <= 12 && day !== month ? dayNumber(year, day, month) : undefined;
}

/** The verdict on the entry's dispatch (outgoing) or hand-over (incoming), computed once per entry. */
export function assess(entry: Entry, t: RunTiming): Readonly<Assessment> {
  if (slot.entry === entry) return slot;
  slot.entry = entry;
  slot.verdict = 'none';
  slot.urgency = undefined;
  slot.urgencyKnown = false;
  slot.swap = undefined;
  const dir = DIRECTIONS[entry.register.kind];
  const ref = entry.day(dir.ref);
  if (ref === undefined) return slot;
  const event = entry.day(dir.event);
  if (event === undefined) return slot;
  slot.ref = ref;
  slot.event = event;
  if (event === ref) {
    slot.verdict = 'ok';
    return slot;
  }
  slot.deadline = t.next(ref, entry.register);
  if (event < ref) slot.verdict = 'before';
  else if (urgencyOfSlot(entry) !== undefined) slot.verdict = 'urgentLate';
  else slot.verdict = event > slot.deadline ? 'late' : 'ok';
  if (slot.verdict !== 'ok') findSwap(entry, dir, t);
  return slot;
}

function findSwap(entry: Entry, dir: Direction, t: RunTiming): void {
  const se = swappedDay(entry, dir.event);
  const sr = swappedDay(entry, dir.ref);
  if (se !== undefined && onTime(slot.ref, se, entry, t)) {
    slot.swap = 'event';
  } else if (sr !== undefined && onTime(sr, slot.event, entry, t)) {
    slot.swap = 'ref';
  } else if (se !== undefined && sr !== undefined && onTime(sr, se, entry, t)) {
    slot.swap = 'both';
  } else {
    return;
  }
  slot.swapEvent = slot.swap === 'ref' ? slot.event : (se ?? slot.event);
  slot.swapRef = slot.swap === 'event' ? slot.ref : (sr ?? slot.ref);
}

/** True when a swapped reading explains the entry and the swap rule will report it instead. */
export function explainedBySwap(a: Readonly<Assessment>, t: RunTiming): boolean {
  return a.swap !== undefined && !t.isOff(SWAP_RULE);
}

// ---------------------------------------------------------------------------------------------
// Message data

/** `{name}`, `{name}DayVi`, `{name}DayEn`: the date and its weekday in both languages. */
export function dated(data: Record<string, string | number>, name: string, d: DayNumber): void {
  data[name] = formatDate(d);
  data[`${name}DayVi`] = weekdayName(d, 'vi');
  data[`${name}DayEn`] = weekdayName(d, 'en');
}

/** Data of a late / urgent-late finding: the start date, the deadline, the actual date and the delay. */
export function lateData(
  a: Readonly<Assessment>,
  deadline: DayNumber,
  urgency: Urgency | undefined,
  t: RunTiming,
  where: RegisterInfo,
): MessageData {
  const data: Record<string, string | number> = {};
  dated(data, 'date', a.ref);
  dated(data, 'deadline', deadline);
  dated(data, 'actual', a.event);
  data['lateDays'] = t.lateBy(deadline, a.event, where);
  if (urgency) {
    data['urgency'] = urgency.label;
    data['urgencySourceVi'] = urgency.sourceVi;
    data['urgencySourceEn'] = urgency.sourceEn;
  }
  return data;
}

/** Free-text notes that say the number was voided or the document withdrawn: nothing to dispatch. */
const VOIDED = /(?<![\p{L}\p{N}])(huỷ|hủy|thu hồi|không phát hành|không ban hành|không gửi|chưa phát hành|số trống|bỏ số|để trống)(?![\p{L}\p{N}])/u;

export function voided(entry: Entry): boolean {
  const notes = entry.text('notes');
  return notes !== '' && VOIDED.test(notes.toLowerCase());
}

/**
 * The checks of the rule pairs that differ only by direction (dispatch of outgoing documents,
 * hand-over of incoming ones): each rule file keeps its own metadata and article, and takes its
 * check from here.
 */
/**
 * The handlers of a timeliness rule that only needs a row check: the run's timing state is fetched
 * at start, and rows are skipped when the config's calendar was invalid.
 */
export function timedRows(context: RuleContext<unknown>, row: (entry: Entry, t: RunTiming) => void): RuleHandlers {
  let t: RunTiming;
  return {
    start() {
      t = runTiming(context);
    },
    row(entry) {
      if (!t.disabled) row(entry, t);
    },
  };
}

function directionCheck(kind: RegisterKind, report: (context: RuleContext<unknown>, entry: Entry, a: Readonly<Assessment>, t: RunTiming, dir: Direction) => void) {
  const dir = DIRECTIONS[kind];
  return (context: RuleContext<unknown>): RuleHandlers => timedRows(context, (entry, t) => report(context, entry, assess(entry, t), t, dir));
}

/** Later than the next working day (a late urgent document is the urgent rule's case, unless it is off). */
export const lateCheck = (kind: RegisterKind) =>
  directionCheck(kind, (context, entry, a, t, dir) => {
    const late = a.verdict === 'late' || (a.verdict === 'urgentLate' && a.event > a.deadline && t.isOff(dir.urgentRule));
    if (!late || explainedBySwap(a, t)) return;
    context.report({ entry, field: dir.event, messageId: 'late', data: lateData(a, a.deadline, undefined, t, entry.register) });
  });

/** An urgent document not sent or handed on the same day. */
export const urgentCheck = (kind: RegisterKind) =>
  directionCheck(kind, (context, entry, a, t, dir) => {
    if (a.verdict !== 'urgentLate' || explainedBySwap(a, t)) return;
    context.report({ entry, field: dir.event, messageId: 'notSameDay', data: lateData(a, a.ref, a.urgency, t, entry.register) });
  });

/** Sent or handed on before the document's date or arrival. */
export const beforeCheck = (kind: RegisterKind) =>
  directionCheck(kind, (context, entry, a, t, dir) => {
    if (a.verdict !== 'before' || explainedBySwap(a, t)) return;
    const data: Record<string, string | number> = { days: a.ref - a.event };
    dated(data, 'date', a.ref);
    dated(data, 'actual', a.event);
    context.report({ entry, field: dir.event, messageId: 'before', data });
  });
