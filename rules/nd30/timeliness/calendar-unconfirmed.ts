import { defineRule } from '../../../src/engine/rule.js';
import { assess, DIRECTIONS, runTiming, type RunTiming } from './common.js';

// The working-day calendar (rules/data/vn-days-off.json) is confirmed year by year from the
// announcements of the Prime Minister's swaps and Tết days (BLLĐ 2019 Điều 112 khoản 3). For a year
// that is only partly confirmed (2026, 2027) or not in the table at all (statutory holidays and
// weekends only), a computed deadline may be off by the unannounced days. The report says so once
// per run, naming the years the deadline computations of this run actually used. In inspector mode
// each unit is checked as a run of its own, so each unit's findings carry the note once.
export default defineRule({
  meta: {
    id: 'timeliness/calendar-unconfirmed',
    category: 'timeliness',
    defaultSeverity: 'info',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Báo một lần cho mỗi lần kiểm tra (ở chế độ thanh tra: một lần cho mỗi đơn vị): các năm mà hạn chuyển văn bản được tính theo lịch nghỉ chưa được xác nhận.',
      en: 'Says once per run (in inspector mode, once per unit) which years had their deadlines computed with a calendar of days off that is not confirmed.',
    },
    messages: {
      unconfirmed: {
        vi: 'Hạn chuyển văn bản của năm {years} được tính theo lịch nghỉ chưa được xác nhận ({detailsVi}); ngày nghỉ hoán đổi, nghỉ bù hoặc ngày làm bù chưa công bố có thể làm hạn thực tế khác đi. Có thể bổ sung ngày nghỉ, ngày làm việc trong mục "calendar" của tệp cấu hình.',
        en: 'Deadlines in {years} were computed with a calendar of days off that is not confirmed ({detailsEn}); unannounced swapped, compensatory or make-up days may move the real deadlines. Days off and working days can be added under "calendar" in the config file.',
      },
    },
    citation: { instrument: 'Bộ luật Lao động 2019 (45/2019/QH14)', article: 'Điều 111 khoản 3; Điều 112', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '05/QĐ-UBND', issuedDate: '28/08/2026', dispatchDate: '31/08/2026' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '05/QĐ-UBND', issuedDate: '30/08/2024', dispatchDate: '04/09/2024' }] },
    },
  },
  check(context) {
    let t: RunTiming;
    return {
      start() {
        t = runTiming(context);
      },
      row(entry) {
        if (t.disabled) return;
        // The same computations as the other timeliness rules (shared and memoised, so nearly free):
        // they note the years they use, and this rule works even when run alone.
        const a = assess(entry, t);
        if (a.verdict === 'late' || a.verdict === 'urgentLate') t.lateBy(a.verdict === 'late' ? a.deadline : a.ref, a.event, entry.register);
        if (a.verdict === 'none' && entry.register.kind === 'outgoing' && entry.has(DIRECTIONS.outgoing.event) && entry.isEmpty(DIRECTIONS.outgoing.event)) {
          const issued = entry.day('issuedDate');
          if (issued !== undefined) t.next(issued, entry.register);
        }
      },
      end() {
        // Every `end` of a run follows its last row: the first one reports for the whole run.
        if (t.disabled || t.reported || t.unconfirmed.size === 0) return;
        t.reported = true;
        const uses = [...t.unconfirmed.values()].sort((a, b) => a.year - b.year);
        const first = [...t.unconfirmed.values()][0]!.register;
        const detail = (lang: 'vi' | 'en'): string =>
          uses
            .map((u) =>
              u.status === 'unconfirmed'
                ? lang === 'vi' ? `${u.year}: lịch nghỉ mới được xác nhận một phần` : `${u.year}: calendar only partly confirmed`
                : lang === 'vi' ? `${u.year}: chỉ có ngày lễ theo Bộ luật Lao động và ngày nghỉ hằng tuần` : `${u.year}: statutory holidays and weekends only`,
            )
            .join('; ');
        context.report({
          messageId: 'unconfirmed',
          location: { file: first.file, ...(first.format === 'pdf' ? {} : { sheet: first.sheet }) },
          data: { years: uses.map((u) => u.year).join(', '), detailsVi: detail('vi'), detailsEn: detail('en') },
        });
      },
    };
  },
});
