import { formatDate } from '../../../src/core/dates.js';
import type { FieldName, Location, RegisterKind } from '../../../src/core/types.js';
import { defineRule } from '../../../src/engine/rule.js';
import { label, ND30 } from './common.js';

// Điều 15.1 and 22.2: numbers and dates are given in the order and time of issue or receipt; a
// document cannot be registered before it exists. A date after "today" (`--as-of`, default today)
// is a typo or a number reserved in advance ("để trống số", inspection findings 3 and 14). A long
// run of future dates (a wrong year typed for weeks, or a wrong --as-of) is one finding, not
// thousands.
const FIELDS: Readonly<Record<RegisterKind, readonly FieldName[]>> = {
  outgoing: ['issuedDate'],
  incoming: ['arrivalDate', 'issuedDate'],
};
const LONG_RUN = 5;

export default defineRule({
  meta: {
    id: 'register/future-date',
    category: 'register',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Ngày văn bản, ngày đến không được sau ngày kiểm tra.',
      en: 'Document and arrival dates cannot be later than the day of the check.',
    },
    messages: {
      future: {
        vi: '{fieldVi} {date} ở sau ngày kiểm tra {asOf}: ngày ghi sai hoặc số được lấy trước.',
        en: 'The {fieldEn} {date} is after the day of the check, {asOf}: a wrong date or a number taken in advance.',
      },
      futureRun: {
        vi: '{count} văn bản liên tiếp (đến dòng {lastRow}) có {fieldVi} sau ngày kiểm tra {asOf}, từ {date}: ngày ghi sai năm, hoặc ngày kiểm tra (--as-of) không đúng.',
        en: '{count} consecutive entries (to row {lastRow}) have a {fieldEn} after the day of the check, {asOf}, from {date}: a wrong year, or a wrong day of the check (--as-of).',
      },
    },
    citation: { instrument: ND30, article: 'Điều 15 khoản 1; Điều 22 khoản 2', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '05/QĐ-UBND', issuedDate: '05/03/2026' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '05/QĐ-UBND', issuedDate: '05/03/2024' }] },
    },
  },
  check(context) {
    const asOf = formatDate(context.asOf);
    // The current run of future dates, per field: its first few entries (reported one by one if the run stays short).
    const runs = new Map<FieldName, { held: { location: Location; date: string }[]; count: number; lastRow: number }>();
    const flush = (field: FieldName): void => {
      const run = runs.get(field);
      if (!run || run.count === 0) return;
      const l = label(field);
      if (run.count < LONG_RUN) {
        for (const h of run.held) context.report({ location: h.location, messageId: 'future', data: { fieldVi: l.vi, fieldEn: l.en, date: h.date, asOf } });
      } else {
        const first = run.held[0]!;
        context.report({ location: first.location, messageId: 'futureRun', data: { fieldVi: l.vi, fieldEn: l.en, date: first.date, asOf, count: run.count, lastRow: run.lastRow } });
      }
      runs.delete(field);
    };
    const flushAll = (): void => {
      for (const field of [...runs.keys()]) flush(field);
    };
    return {
      row(entry) {
        for (const field of FIELDS[entry.register.kind]) {
          const d = entry.day(field);
          if (d === undefined || d <= context.asOf) {
            if (d !== undefined) flush(field);
            continue;
          }
          let run = runs.get(field);
          if (!run) runs.set(field, (run = { held: [], count: 0, lastRow: entry.row }));
          run.count++;
          run.lastRow = entry.row;
          if (run.held.length < LONG_RUN) run.held.push({ location: entry.location(field), date: formatDate(d) });
        }
      },
      registerEnd: flushAll,
      end: flushAll,
    };
  },
});
