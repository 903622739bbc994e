// The timeliness rules (Điều 4.2.c, 14, 18.1, 20, 23.1, 24), sorted by id.
import type { AnyRule } from '../../../src/engine/rule.js';
import calendarUnconfirmed from './calendar-unconfirmed.js';
import dateSwapped from './date-swapped.js';
import dispatchBeforeDate from './dispatch-before-date.js';
import dispatchLate from './dispatch-late.js';
import dispatchMissing from './dispatch-missing.js';
import dispatchUrgent from './dispatch-urgent.js';
import handlingDeadline from './handling-deadline.js';
import handoverBeforeArrival from './handover-before-arrival.js';
import handoverLate from './handover-late.js';
import handoverUrgent from './handover-urgent.js';

export const TIMELINESS_RULES: readonly AnyRule[] = [
  calendarUnconfirmed,
  dateSwapped,
  dispatchBeforeDate,
  dispatchLate,
  dispatchMissing,
  dispatchUrgent,
  handlingDeadline,
  handoverBeforeArrival,
  handoverLate,
  handoverUrgent,
];
