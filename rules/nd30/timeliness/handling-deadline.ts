import * as z from 'zod';
import { defineRule } from '../../../src/engine/rule.js';
import { formatDate, type DayNumber } from '../../../src/core/dates.js';
import { fold } from '../../../src/register/headers.js';
import type { Entry } from '../../../src/register/model.js';
import { dated, ND30, runTiming, type RunTiming } from './common.js';

// Điều 24.2: incoming documents are handled "theo thời hạn quy định tại quy chế làm việc của cơ quan,
// tổ chức" — the decree sets no number of days, so the deadline comes from the register itself
// ("Hạn xử lý", "Thời hạn giải quyết", the e-office DueDate) or, when the book has no such column, from
// the agency's default (`defaultWorkingDays`, off unless configured). Whether and when the document
// was dealt with comes from "Ngày giải quyết" or a status column ("Đã giải quyết", "Đang xử lý" …).
// Nothing is reported when the register cannot tell.

const Options = z.strictObject({
  /** Working days after arrival allowed for handling when the register has no deadline column (agency's quy chế làm việc). */
  defaultWorkingDays: z.number().int().min(1).max(365).optional(),
});
type Options = z.infer<typeof Options>;

/** What a status cell says: open (still being handled), done, or unknown. Open is tested first: "chưa hoàn thành". */
const OPEN = /\b(chua|dang (xu ly|giai quyet|thuc hien)|cho (xu ly|giai quyet|y kien)|qua han|tre han|open|pending|in progress|overdue)\b/;
const DONE = /\b(da giai quyet|da xu ly|hoan thanh|xong|da tra loi|da ban hanh|ket thuc|da luu|luu ho so|done|closed|completed|resolved)\b/;

export function statusOf(text: string): 'open' | 'done' | 'unknown' {
  const s = fold(text).trim();
  if (s === '') return 'unknown';
  if (OPEN.test(s)) return 'open';
  if (DONE.test(s)) return 'done';
  return 'unknown';
}

export default defineRule<Options>({
  meta: {
    id: 'timeliness/handling-deadline',
    category: 'timeliness',
    defaultSeverity: 'warning',
    appliesTo: ['incoming'],
    description: {
      vi: 'Văn bản đến phải được giải quyết trong thời hạn ghi trong sổ (hoặc thời hạn mặc định theo quy chế làm việc của cơ quan, nếu được cấu hình).',
      en: 'Incoming documents must be dealt with by the deadline in the register (or the agency default from its working rules, when configured).',
    },
    messages: {
      overdue: {
        vi: 'Quá hạn giải quyết: hạn {deadline} ({deadlineDayVi}, {deadlineSourceVi}); đến ngày {asOf} chưa có kết quả giải quyết — quá hạn {lateDays} ngày làm việc.',
        en: 'Overdue: deadline {deadline} ({deadlineDayEn}, {deadlineSourceEn}); as of {asOf} it has not been dealt with — {lateDays} working day(s) overdue.',
      },
      resolvedLate: {
        vi: 'Giải quyết sau thời hạn: hạn {deadline} ({deadlineDayVi}, {deadlineSourceVi}); ngày giải quyết: {actual} ({actualDayVi}) — muộn {lateDays} ngày làm việc.',
        en: 'Dealt with after the deadline: deadline {deadline} ({deadlineDayEn}, {deadlineSourceEn}); dealt with on {actual} ({actualDayEn}) — {lateDays} working day(s) late.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 24 khoản 2', kind: 'derived' },
    fix: 'none',
    options: Options,
    examples: {
      failing: {
        kind: 'incoming',
        entries: [{ arrivalDate: '26/08/2024', arrivalNumber: '402', symbol: '77/SNV-VP', transferDate: '26/08/2024', dueDate: '06/09/2024', resolvedDate: '10/09/2024' }],
      },
      passing: {
        kind: 'incoming',
        entries: [{ arrivalDate: '26/08/2024', arrivalNumber: '402', symbol: '77/SNV-VP', transferDate: '26/08/2024', dueDate: '06/09/2024', resolvedDate: '06/09/2024' }],
      },
    },
  },
  check(context) {
    let t: RunTiming;
    const defaultDays = context.options.defaultWorkingDays;

    /** The deadline and where it came from, or undefined when the entry has none. */
    const deadlineOf = (entry: Entry): DayNumber | undefined => {
      if (entry.has('dueDate')) return entry.day('dueDate');
      if (defaultDays === undefined) return undefined;
      const arrived = entry.day('arrivalDate');
      return arrived === undefined ? undefined : t.add(arrived, defaultDays, entry.register);
    };

    const sourceData = (entry: Entry, data: Record<string, string | number>): void => {
      if (entry.has('dueDate')) {
        data['deadlineSourceVi'] = 'theo sổ';
        data['deadlineSourceEn'] = 'from the register';
      } else {
        data['deadlineSourceVi'] = `mặc định ${defaultDays} ngày làm việc kể từ ngày đến`;
        data['deadlineSourceEn'] = `default of ${defaultDays} working day(s) after arrival`;
      }
    };

    return {
      start() {
        t = runTiming(context);
      },
      row(entry) {
        if (t.disabled) return;
        const hasResolved = entry.has('resolvedDate');
        const hasStatus = entry.has('status');
        if (!hasResolved && !hasStatus) return;
        const deadline = deadlineOf(entry);
        if (deadline === undefined) return;
        const resolved = hasResolved ? entry.day('resolvedDate') : undefined;
        if (resolved !== undefined) {
          if (resolved <= deadline) return;
          const data: Record<string, string | number> = { lateDays: t.lateBy(deadline, resolved, entry.register) };
          dated(data, 'deadline', deadline);
          dated(data, 'actual', resolved);
          sourceData(entry, data);
          context.report({ entry, field: 'resolvedDate', messageId: 'resolvedLate', data });
          return;
        }
        // No usable resolution date: an unreadable one, or a status that does not say "open", proves nothing.
        if (hasResolved && !entry.isEmpty('resolvedDate')) return;
        // Unresolved when the status says so, or when it is silent and the resolution date is empty.
        const statusText = hasStatus ? entry.text('status') : '';
        const status = statusOf(statusText);
        if (status === 'done') return;
        if (status === 'unknown' && (statusText !== '' || !hasResolved)) return;
        if (context.asOf <= deadline) return;
        const data: Record<string, string | number> = { asOf: formatDate(context.asOf), lateDays: t.lateBy(deadline, context.asOf, entry.register) };
        dated(data, 'deadline', deadline);
        sourceData(entry, data);
        context.report({ entry, field: entry.has('dueDate') ? 'dueDate' : 'arrivalDate', messageId: 'overdue', data });
      },
    };
  },
});
