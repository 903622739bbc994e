import { dayNumber, formatDate, isValidYmd } from '../../../src/core/dates.js';
import { DATE_FIELDS, type FieldName } from '../../../src/core/types.js';
import { defineRule } from '../../../src/engine/rule.js';
import { label, ND30 } from './common.js';

// Điều 16.1 and 22.1: registration must be "chính xác"; a date nobody can read proves nothing
// (the timeliness and numbering rules skip it). Vietnam writes dates day first; a cell such as
// `12/13/2024` was typed month first (a US-locale habit): say so when that reading is a real date.
const MONTH_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;

export default defineRule({
  meta: {
    id: 'register/unreadable-date',
    category: 'register',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Các ô ngày trong sổ phải ghi ngày hợp lệ (ngày/tháng/năm).',
      en: 'Date cells must hold a valid date (day/month/year).',
    },
    messages: {
      unreadable: {
        vi: 'Ô "{fieldVi}" ghi "{value}", không đọc được thành ngày (ngày/tháng/năm).',
        en: 'The "{fieldEn}" cell reads "{value}", which is not a valid date (day/month/year).',
      },
      monthFirst: {
        vi: 'Ô "{fieldVi}" ghi "{value}" theo kiểu tháng/ngày (Mỹ); theo kiểu Việt Nam là {suggested}.',
        en: 'The "{fieldEn}" cell reads "{value}" month first (US style); day first it is {suggested}.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 16 khoản 1; Điều 22 khoản 1', kind: 'derived' },
    fix: 'suggestion',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '14/QĐ-UBND', issuedDate: '12/13/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '14/QĐ-UBND', issuedDate: '13/12/2024' }] },
    },
  },
  check(context) {
    let fields: FieldName[] = [];
    return {
      registerStart(info) {
        fields = [...info.columns.keys()].filter((f) => DATE_FIELDS.has(f));
      },
      row(entry) {
        for (const field of fields) {
          const d = entry.date(field);
          if (d.ok || d.reason === 'empty') continue;
          const value = entry.text(field);
          const l = label(field);
          const m = MONTH_FIRST.exec(value);
          if (m) {
            const month = Number(m[1]);
            const day = Number(m[3]);
            const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
            if (month <= 12 && day > 12 && isValidYmd(year, month, day)) {
              const suggested = formatDate(dayNumber(year, month, day));
              context.report({
                entry,
                field,
                messageId: 'monthFirst',
                data: { fieldVi: l.vi, fieldEn: l.en, value, suggested },
                fix: { from: entry.original(field), to: suggested, kind: 'suggestion' },
              });
              continue;
            }
          }
          context.report({ entry, field, messageId: 'unreadable', data: { fieldVi: l.vi, fieldEn: l.en, value } });
        }
      },
    };
  },
});
