import { formatDate } from '../../../src/core/dates.js';
import { defineRule } from '../../../src/engine/rule.js';
import { ND30 } from './common.js';

// Điều 22.2: số đến follow the time of receipt; a document cannot arrive before it was issued.
// "Ngày tháng văn bản" after "Ngày đến" is a typo in one of them (inspection finding 14).
export default defineRule({
  meta: {
    id: 'register/issued-after-arrival',
    category: 'register',
    defaultSeverity: 'error',
    appliesTo: ['incoming'],
    description: {
      vi: 'Ngày tháng văn bản đến không được sau ngày đến.',
      en: 'An incoming document cannot be dated after its arrival.',
    },
    messages: {
      afterArrival: {
        vi: 'Ngày văn bản {issued} ở sau ngày đến {arrival}: một trong hai ngày ghi sai.',
        en: 'The document date {issued} is after the arrival date {arrival}: one of them is wrong.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 22 khoản 1, khoản 2; Phụ lục IV mục VI', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: { kind: 'incoming', entries: [{ arrivalNumber: '12', arrivalDate: '10/05/2024', issuedDate: '13/05/2024', symbol: '45/SNV-VP' }] },
      passing: { kind: 'incoming', entries: [{ arrivalNumber: '12', arrivalDate: '10/05/2024', issuedDate: '08/05/2024', symbol: '45/SNV-VP' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const issued = entry.day('issuedDate');
        const arrival = entry.day('arrivalDate');
        if (issued === undefined || arrival === undefined || issued <= arrival) return;
        context.report({ entry, field: 'issuedDate', messageId: 'afterArrival', data: { issued: formatDate(issued), arrival: formatDate(arrival) } });
      },
    };
  },
});
