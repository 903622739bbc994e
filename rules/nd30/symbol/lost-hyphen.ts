import { defineRule } from '../../../src/engine/rule.js';
import { isIssuerLike } from '../../data/doc-types.js';
import { adviceEn, adviceVi, fixKind, ND30, severityFor, symbolOf } from './common.js';

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
      lostConfig: {
        vi: 'Số, ký hiệu "{value}" có vẻ thiếu dấu "-" giữa "{type}" và mã cơ quan "{issuer}" của đơn vị; nên là "{fixed}". Nếu "{written}" là mã của một cơ quan ban hành khác, thêm vào agency.issuers trong tệp cấu hình.',
        en: 'Symbol "{value}" seems to lack the "-" between "{type}" and the agency\'s issuer code "{issuer}"; it should read "{fixed}". If "{written}" is the code of another issuer, add it to agency.issuers in the config file.',
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
        if (!isIssuerLike(issuer)) {
          // Split on the strength of the config alone (the table does not know the issuer): a
          // suggestion and a warning, with the way out if the joined code is an issuer of its own.
          context.report({
            entry,
            field: 'symbol',
            messageId: 'lostConfig',
            data: { value: parsed.raw, type, issuer, written: lost.from, fixed: parsed.normalized },
            fix: { from: parsed.raw, to: parsed.normalized, kind: 'suggestion' },
            severity: 'warning',
          });
          return;
        }
        context.report({
          entry,
          field: 'symbol',
          messageId: 'lost',
          data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: parsed.raw, type, issuer, fixed: parsed.normalized },
          fix: { from: parsed.raw, to: parsed.normalized, kind: fixKind(entry, parsed, ['lost-hyphen']) },
          severity: severityFor(entry),
        });
      },
    };
  },
});
