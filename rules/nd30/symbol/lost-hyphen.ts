import { defineRule } from '../../../src/engine/rule.js';
import { advice, fixKind, ND30, severityFor, symbolOf } from './common.js';

// SKH-6: the type code and the issuer are joined by "-". `1234/QĐUBND`, `55/2018/NĐCP` are what a
// PDF text layer or a careless copy leaves behind: the parser splits them only when the rest is a
// known issuer, so the repaired value is certain; the finding says the value looks damaged. In the
// agency's own outgoing book its configured issuers count as known (`12/QĐSNV` when it is `SNV`).
export default defineRule({
  meta: {
    id: 'symbol/lost-hyphen',
    category: 'symbol',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Chữ viết tắt tên loại và tên cơ quan ban hành phải nối bằng dấu "-" (không viết dính QĐUBND).',
      en: 'The type code and the issuer are joined by "-" (not run together as QĐUBND).',
    },
    messages: {
      lost: {
        vi: 'Số, ký hiệu "{value}" thiếu dấu "-" giữa "{type}" và "{issuer}" (giá trị có vẻ bị hỏng khi sao chép/nhập liệu); phải là "{fixed}".{adviceVi}',
        en: 'Symbol "{value}" lacks the "-" between "{type}" and "{issuer}" (the value looks damaged by copying or data entry); it must read "{fixed}".{adviceEn}',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3.c', kind: 'exact' },
    fix: 'safe',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '1234/QĐUBND', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '1234/QĐ-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        const lost = parsed?.repairs.find((r) => r.kind === 'lost-hyphen');
        if (!parsed || !lost) return;
        const [type = '', issuer = ''] = lost.to.split('-');
        context.report({
          entry,
          field: 'symbol',
          messageId: 'lost',
          data: { ...advice(entry), value: parsed.raw, type, issuer, fixed: parsed.normalized },
          fix: { from: parsed.raw, to: parsed.normalized, kind: fixKind(entry, parsed, ['lost-hyphen']) },
          severity: severityFor(entry),
        });
      },
    };
  },
});
