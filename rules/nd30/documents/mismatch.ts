import { DOCUMENTS_MISMATCH } from './match.js';
import { defineRule } from '../../../src/engine/rule.js';

// The register must record the document's information fully and accurately (Điều 16.1): an entry
// whose date or type differs from the issued document itself is a registration error (or the
// document was re-dated after registration). Checked against the documents given with --documents.
export default defineRule({
  meta: {
    id: DOCUMENTS_MISMATCH,
    category: 'register',
    defaultSeverity: 'warning',
    appliesTo: ['outgoing'],
    description: {
      vi: 'Ngày tháng và tên loại văn bản ghi trong sổ phải khớp với văn bản đã ban hành (tệp PDF đưa vào bằng --documents).',
      en: 'The date and type recorded in the register must match the issued document (PDF given with --documents).',
    },
    messages: {
      date: {
        vi: 'Sổ ghi văn bản {symbol} ngày {registerDate}, nhưng văn bản (tệp {document}) đề ngày {documentDate}.',
        en: 'The register dates {symbol} {registerDate}, but the document (file {document}) is dated {documentDate}.',
      },
      type: {
        vi: 'Sổ ghi văn bản {symbol} là {registerType}, nhưng văn bản (tệp {document}) là {documentType}.',
        en: 'The register records {symbol} as {registerType}, but the document (file {document}) is a {documentType}.',
      },
    },
    citation: { instrument: 'NĐ 30/2020/NĐ-CP', article: 'Điều 16 khoản 1', kind: 'derived' },
    fix: 'none',
    scope: 'run',
  },
  check: () => ({}),
});
