import { dayNumber, formatDate, type DayNumber } from '../../../src/core/dates.js';
import { foldAccents } from '../../../src/core/text.js';
import { defineRule } from '../../../src/engine/rule.js';
import type { Entry } from '../../../src/register/model.js';
import { symbolOf } from '../symbol/common.js';

// Which local councils and committees may issue legal normative documents (QPPL) changed twice in
// 2025 (domain notes §5, §11 — [S, weak], hence info only):
// - Luật 80/2015/QH13 (until 31/03/2025): province, district and commune level;
// - Luật 64/2025/QH15 (from 01/04/2025): province and district level only;
// - Luật 87/2025/QH15 and NĐ 187/2025/NĐ-CP (from 01/07/2025): province and commune level; the
//   district level ceased that day, its QPPL only applying transitionally.
// So a commune QPPL dated 01/04–30/06/2025 and a district QPPL dated from 01/07/2025 are worth a
// second look (a wrong date, a wrong year segment, or a cá biệt decision numbered as a QPPL).
// The level is read from the issuer's name — the author cell of an incoming book, the agency on
// an outgoing book's cover (or in the config) — only when it names the council or committee whose
// code the symbol carries (`UBND xã …` for `…/QĐ-UBND`). `Thành phố` is left out: it is either a
// province or a district.
const COMMUNE_FROM_2015_UNTIL: DayNumber = dayNumber(2025, 4, 1);
const TWO_LEVELS_FROM: DayNumber = dayNumber(2025, 7, 1);
const BODY = /^(?:(uy ban nhan dan|ubnd)|(hoi dong nhan dan|hdnd)) (thi xa|thi tran|xa|phuong|dac khu|huyen|quan)(?: |$)/u;
const DISTRICT = new Set(['huyen', 'quan', 'thi xa']);

type Level = 'commune' | 'district';

/** `UBND xã Bình Tấn` → UBND at commune level; undefined when the name is not a local council or committee. */
function levelOf(name: string): { readonly issuer: 'UBND' | 'HĐND'; readonly level: Level } | undefined {
  const m = BODY.exec(foldAccents(name.slice(0, 120)).replace(/[^a-z0-9]+/gu, ' ').trim());
  if (!m) return undefined;
  return { issuer: m[1] !== undefined ? 'UBND' : 'HĐND', level: DISTRICT.has(m[3]!) ? 'district' : 'commune' };
}

export default defineRule({
  meta: {
    id: 'register/qppl-level',
    category: 'register',
    defaultSeverity: 'info',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Văn bản quy phạm pháp luật của cấp xã ngày 01/4–30/6/2025, của cấp huyện từ 01/7/2025: cấp đó không ban hành văn bản quy phạm pháp luật vào ngày ấy.',
      en: 'Legal normative documents of a commune dated 1 April–30 June 2025, or of a district dated from 1 July 2025: that level issued none on that day.',
    },
    messages: {
      commune: {
        vi: 'Số, ký hiệu "{value}" là văn bản quy phạm pháp luật của cấp xã, ngày {date}: từ 01/4/2025 đến 30/6/2025 (Luật 64/2025/QH15) cấp xã không ban hành văn bản quy phạm pháp luật; kiểm tra lại ngày, phần năm hoặc cơ quan ban hành.',
        en: 'Symbol "{value}" is a legal normative document of a commune, dated {date}: from 1 April to 30 June 2025 (Law 64/2025/QH15) communes issued no legal normative documents; check the date, the year segment or the issuer.',
      },
      district: {
        vi: 'Số, ký hiệu "{value}" là văn bản quy phạm pháp luật của cấp huyện, ngày {date}: cấp huyện kết thúc hoạt động từ 01/7/2025 (Luật 87/2025/QH15, NĐ 187/2025/NĐ-CP; văn bản của cấp huyện chỉ còn áp dụng chuyển tiếp); kiểm tra lại ngày hoặc cơ quan ban hành.',
        en: 'Symbol "{value}" is a legal normative document of a district, dated {date}: the district level ceased on 1 July 2025 (Law 87/2025/QH15, Decree 187/2025/NĐ-CP; district texts only apply transitionally); check the date or the issuer.',
      },
    },
    citation: {
      instrument: 'Luật Ban hành VBQPPL 64/2025/QH15, sửa đổi bởi Luật 87/2025/QH15; NĐ 187/2025/NĐ-CP',
      article: 'văn bản quy phạm pháp luật của chính quyền địa phương theo cấp (từ 01/4/2025 và từ 01/7/2025; điều chưa đối chiếu)',
      kind: 'derived',
    },
    fix: 'none',
    examples: {
      failing: { kind: 'incoming', entries: [{ arrivalNumber: '12', arrivalDate: '10/09/2025', author: 'UBND huyện Bình Tân', symbol: '05/2025/QĐ-UBND', issuedDate: '05/09/2025' }] },
      passing: { kind: 'incoming', entries: [{ arrivalNumber: '12', arrivalDate: '10/09/2025', author: 'UBND xã Bình Tân', symbol: '05/2025/QĐ-UBND', issuedDate: '05/09/2025' }] },
    },
  },
  check(context) {
    // An outgoing book is the agency's own: its name on the cover, else in the config.
    const ownName = (): string => context.register.title.agency ?? context.agency.name ?? '';
    const issuerName = (entry: Entry): string => (entry.register.kind === 'incoming' ? entry.text('author') : ownName());
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        if (!parsed || parsed.form !== 'qppl' || parsed.issuer === undefined) return;
        const day = entry.day('issuedDate');
        if (day === undefined || day < COMMUNE_FROM_2015_UNTIL) return;
        const body = levelOf(issuerName(entry));
        if (!body || body.issuer !== parsed.issuer.toUpperCase()) return;
        const late = body.level === 'district' && day >= TWO_LEVELS_FROM;
        const early = body.level === 'commune' && day < TWO_LEVELS_FROM;
        if (!late && !early) return;
        const related = entry.register.kind === 'incoming' ? [entry.location('author')] : undefined;
        context.report({ entry, field: 'symbol', messageId: body.level, data: { value: parsed.raw, date: formatDate(day) }, related });
      },
    };
  },
});
