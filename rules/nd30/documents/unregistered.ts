import { DOCUMENTS_UNREGISTERED } from './match.js';
import { defineRule } from '../../../src/engine/rule.js';

// An issued document whose number and symbol are not in the outgoing register was never registered:
// registration comes right after numbering, before copying and dispatch (Điều 14, 16.1). The check
// runs over the documents given with `--documents` (./check.ts, ./match.ts),
// not over register rows, so the rule has no row handlers and no register-only examples.
export default defineRule({
  meta: {
    id: DOCUMENTS_UNREGISTERED,
    category: 'register',
    defaultSeverity: 'error',
    appliesTo: ['outgoing'],
    description: {
      vi: 'Văn bản đã ban hành (tệp PDF đưa vào bằng --documents) phải có trong sổ đăng ký văn bản đi, đúng số, ký hiệu.',
      en: 'Every issued document (PDF given with --documents) must be in the outgoing register under its number and symbol.',
    },
    messages: {
      unregistered: {
        vi: 'Văn bản số {symbol} (tệp {document}) đã ban hành nhưng không có trong sổ đăng ký văn bản đi: thiếu một dòng đăng ký.',
        en: 'Document {symbol} (file {document}) was issued but is not in the outgoing register: a register entry is missing.',
      },
      noSymbol: {
        vi: 'Không tìm thấy dòng "Số: …" ở trang 1 của văn bản {document}; chưa đối chiếu được với sổ.',
        en: 'No "Số: …" line on page 1 of {document}; it could not be reconciled with the register.',
      },
      noRegister: {
        vi: 'Không đọc được sổ văn bản đi nào trong lần kiểm tra này; {documents} văn bản chưa được đối chiếu.',
        en: 'No outgoing register was read in this run; {documents} document(s) were not reconciled.',
      },
    },
    citation: { instrument: 'NĐ 30/2020/NĐ-CP', article: 'Điều 14; Điều 16 khoản 1', kind: 'derived' },
    fix: 'none',
    scope: 'run',
  },
  check: () => ({}),
});
