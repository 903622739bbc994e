import { defineRule } from '../../../src/engine/rule.js';
import { ND30, symbolOf } from './common.js';

// Phụ lục IV: the register's column is "Số, ký hiệu văn bản"; the type name has its own place
// ("Tên loại và trích yếu nội dung"). A cell that starts with the type name (`Thông tư
// 217-KHKT/TT`, `Quyết định số 15/QĐ-UBND`) is read for its symbol, but no rule offers a fix on it:
// joining the words into the symbol (`Thôngtư217-KHKT/TT`) would be wrong, and whether to move or
// drop them is for the clerk to decide.
export default defineRule({
  meta: {
    id: 'symbol/type-name',
    category: 'symbol',
    defaultSeverity: 'warning',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Ô số, ký hiệu chỉ ghi số và ký hiệu; tên loại văn bản ghi ở cột tên loại và trích yếu.',
      en: 'The symbol cell holds the number and symbol only; the type name belongs in the type-and-subject column.',
    },
    messages: {
      typeName: {
        vi: 'Ô số, ký hiệu "{value}" ghi cả tên loại "{name}" trước số, ký hiệu "{symbol}"; cột này chỉ ghi số, ký hiệu, tên loại ghi ở cột "Tên loại và trích yếu nội dung". Không có đề xuất sửa tự động: người ghi sổ quyết định chuyển hay bỏ phần chữ này.',
        en: 'The symbol cell "{value}" holds the type name "{name}" before the symbol "{symbol}"; the column holds the number and symbol only, the type name belongs in "Tên loại và trích yếu nội dung". No automatic fix: whether to move or drop the words is the clerk\'s decision.',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục IV, mục I và mục VI', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: 'Quyết định 15/QĐ-UBND', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '15/QĐ-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        const parsed = symbolOf(entry, context.agency);
        const r = parsed?.repairs.find((x) => x.kind === 'type-name');
        if (!parsed || !r) return;
        context.report({ entry, field: 'symbol', messageId: 'typeName', data: { value: parsed.raw, name: r.from.replace(/\s*(?:s[oố])?\s*[:.]?\s*$/iu, '').trim(), symbol: parsed.normalized } });
      },
    };
  },
});
