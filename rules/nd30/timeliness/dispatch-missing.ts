import { defineRule } from '../../../src/engine/rule.js';
import { formatDate } from '../../../src/core/dates.js';
import { dated, ND30, voided, timedRows } from './common.js';

// Điều 18.1 gives the dispatch deadline and Điều 4.2.d requires the sending status to be tracked; the
// register's "Ngày chuyển" column (Phụ lục IV) is the record of it. Once the deadline has passed
// (as of --as-of), an empty cell means the register cannot show the document was sent on time — or
// at all. A warning: the document may have been sent and the date never written down. Entries whose
// notes say the number was voided or the document withdrawn are skipped.
export default defineRule({
  meta: {
    id: 'timeliness/dispatch-missing',
    category: 'timeliness',
    defaultSeverity: 'warning',
    appliesTo: ['outgoing'],
    description: {
      vi: 'Văn bản đi đã quá hạn chuyển mà sổ chưa ghi ngày chuyển: không chứng minh được văn bản đã được gửi.',
      en: 'An outgoing document past its dispatch deadline has no dispatch date: the register cannot show it was sent.',
    },
    messages: {
      missing: {
        vi: 'Chưa ghi ngày chuyển: văn bản ngày {date} ({dateDayVi}) phải được chuyển đi chậm nhất ngày {deadline} ({deadlineDayVi}); đến ngày {asOf} sổ vẫn chưa ghi ngày chuyển nên không chứng minh được văn bản đã được gửi.',
        en: 'No dispatch date: the document dated {date} ({dateDayEn}) had to be dispatched by {deadline} ({deadlineDayEn}); as of {asOf} the register still shows no dispatch date, so it cannot show the document was sent.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 18 khoản 1; Điều 4 khoản 2 điểm d', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '33/TB-UBND', issuedDate: '30/08/2024', typeAndSubject: 'Thông báo lịch trực Quốc khánh' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '33/TB-UBND', issuedDate: '30/08/2024', typeAndSubject: 'Thông báo lịch trực Quốc khánh', dispatchDate: '30/08/2024' }] },
    },
  },
  check(context) {
    return timedRows(context, (entry, t) => {
      if (!entry.has('dispatchDate')) return;
      const v = entry.value('dispatchDate');
      if (v !== null && (typeof v !== 'string' || v.trim() !== '')) return;
      const issued = entry.day('issuedDate');
      if (issued === undefined) return;
      const deadline = t.next(issued, entry.register);
      if (context.asOf <= deadline || voided(entry)) return;
      const data: Record<string, string | number> = { asOf: formatDate(context.asOf) };
      dated(data, 'date', issued);
      dated(data, 'deadline', deadline);
      context.report({ entry, field: 'dispatchDate', messageId: 'missing', data });
    });
  },
});
