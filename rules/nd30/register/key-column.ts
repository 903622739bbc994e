import type { FieldName, RegisterKind } from '../../../src/core/types.js';
import { foldAccents as fold } from '../../../src/core/text.js';
import { defineRule } from '../../../src/engine/rule.js';
import type { RegisterInfo } from '../../../src/register/model.js';
import { headerLocation, label, ND30 } from './common.js';

// A register whose key columns cannot be placed is never a pass. Without the symbol column no
// symbol or numbering rule runs; without the date column no date, period or lateness rule does;
// without the arrival number no incoming series is checked. The form rule's "missing column"
// warning says the book lacks a Phụ lục IV column; this error says the check itself could not be
// made, names the header cells the detector saw but could not place, and gives the config line
// that places the column (`"columns": { "issuedDate": "Ngày, tháng VB" }`).
//
// Outgoing: Số, ký hiệu (2) and Ngày tháng (3); incoming: Ngày đến (1), Số đến (2), Số, ký hiệu (4)
// of the Phụ lục IV forms (mục I, VI). A split layout (`Số` | `Ký hiệu`) places the symbol too.

const KEY: Readonly<Record<RegisterKind, readonly FieldName[]>> = {
  outgoing: ['symbol', 'issuedDate'],
  incoming: ['arrivalDate', 'arrivalNumber', 'symbol'],
};

/** Words an unplaced header of each key field is likely to hold (folded: no case, no diacritics). */
const HINTS: Readonly<Partial<Record<FieldName, RegExp>>> = {
  symbol: /\b(?:ky hieu|kh|so hieu|so)\b/,
  issuedDate: /\b(?:ngay|thang|ban hanh)\b/,
  arrivalDate: /\bngay\b/,
  arrivalNumber: /\bso\b/,
};

/** The unplaced header most likely meant for a field: the first whose words fit, not yet taken by another field's suggestion. */
function likelyHeader(info: RegisterInfo, field: FieldName, taken: Set<string>): string | undefined {
  const hint = HINTS[field];
  if (!hint) return undefined;
  for (const h of info.unmappedHeaders) {
    if (taken.has(h.letter)) continue;
    if (hint.test(fold(h.header).replace(/[^a-z0-9]+/g, ' '))) {
      taken.add(h.letter);
      return h.header;
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'register/key-column',
    category: 'register',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Sổ phải có các cột chính mà việc kiểm tra dựa vào (sổ đi: Số, ký hiệu và Ngày tháng văn bản; sổ đến: Ngày đến, Số đến và Số, ký hiệu). Không nhận ra được cột nào thì mọi kiểm tra dựa vào cột đó không chạy, và sổ không được coi là đạt.',
      en: 'The register has the key columns the checks rely on (outgoing: number and symbol, document date; incoming: arrival date, arrival number, number and symbol). When one cannot be placed, every check that needs it is off, and the register is not a pass.',
    },
    messages: {
      keyColumn: {
        vi: 'Không xác định được cột "{fieldVi}" của sổ đăng ký văn bản {kindVi}: mọi kiểm tra dựa vào cột này không chạy. Tiêu đề cột chưa nhận ra: {unplaced}. Hãy khai báo cột trong tệp cấu hình vanthu.config.json: {config}',
        en: 'The {fieldEn} column of this {kindEn} register could not be placed: every check that needs it is off. Header cells not recognised: {unplaced}. Name the column in vanthu.config.json: {config}',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục IV, mục I và mục VI; Điều 16 khoản 1; Điều 22 khoản 1', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: {
        kind: 'outgoing',
        columns: ['symbol', 'typeAndSubject', 'signer', 'recipients'],
        unknownHeaders: ['Thời gian ban hành'],
        entries: [{ symbol: '05/QĐ-UBND', typeAndSubject: 'Quyết định khen thưởng', signer: 'Nguyễn Văn Hùng', recipients: 'Các ấp' }],
      },
      passing: { kind: 'outgoing', entries: [{ symbol: '05/QĐ-UBND', issuedDate: '08/01/2024', typeAndSubject: 'Quyết định khen thưởng', signer: 'Nguyễn Văn Hùng', recipients: 'Các ấp' }] },
    },
  },
  check(context) {
    return {
      registerStart(info) {
        const taken = new Set<string>();
        const unplaced = info.unmappedHeaders.length > 0 ? info.unmappedHeaders.map((h) => `${h.letter} "${h.header}"`).join(', ') : '—';
        for (const field of KEY[info.kind]) {
          if (info.columns.has(field)) continue;
          const l = label(field);
          const header = likelyHeader(info, field, taken) ?? l.vi;
          context.report({
            location: headerLocation(info),
            messageId: 'keyColumn',
            data: {
              field,
              fieldVi: l.vi,
              fieldEn: l.en,
              kindVi: info.kind === 'incoming' ? 'đến' : 'đi',
              kindEn: info.kind === 'incoming' ? 'incoming' : 'outgoing',
              unplaced,
              config: `"columns": { "${field}": ${JSON.stringify(header)} }`,
            },
          });
        }
      },
    };
  },
});
