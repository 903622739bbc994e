import * as z from 'zod';
import { dayNumber, type DayNumber } from '../../../src/core/dates.js';
import type { FieldName, RegisterKind } from '../../../src/core/types.js';
import { defineRule } from '../../../src/engine/rule.js';
import { formColumns } from '../../../src/register/headers.js';
import { isVoidingNote } from '../numbering/series.js';
import { headerLocation, label, ND30, yearField } from './common.js';

// The register follows its Phụ lục IV form.
//
// Columns (mục I and VI): the outgoing and incoming books have "tối thiểu 10 nội dung"; an agency
// may add columns but not drop any, and a book kept in software must be printed with all of them
// (Điều 16.2.b, 22.3.b). Books of the TT 07/2012 era (before ND 30 took effect on 05/03/2020) used
// the older forms, which lacked "Ngày chuyển" and "Ký nhận" (outgoing, 8 columns) and "Ngày
// chuyển" (incoming, 9 columns) [M]: those are not asked of books that end before that day.
// "Tên loại và trích yếu" split into a type column and a subject column counts as present.
//
// Cells (Điều 16.1, 22.1: registration captures the information "đầy đủ, rõ ràng, chính xác"):
// outgoing — số ký hiệu, ngày, tên loại và trích yếu, người ký, nơi nhận (inspection finding 15);
// incoming — ngày đến, số đến, tác giả, số ký hiệu. Only columns the register has are checked. A
// row kept for a voided number ("hủy số" in Ghi chú) is complete as it is. An incoming document may
// truly have no symbol (a citizen's letter): a warning there.
const ND30_IN_FORCE = dayNumber(2020, 3, 5);
const NOT_IN_OLD_FORM: Readonly<Record<RegisterKind, ReadonlySet<FieldName>>> = {
  outgoing: new Set<FieldName>(['dispatchDate', 'receivedSignature']),
  incoming: new Set<FieldName>(['transferDate']),
};
const REQUIRED: Readonly<Record<RegisterKind, readonly FieldName[]>> = {
  outgoing: ['symbol', 'issuedDate', 'typeAndSubject', 'signer', 'recipients'],
  incoming: ['arrivalDate', 'arrivalNumber', 'author', 'symbol'],
};

/** An empty cell, cheaply (no NFC or whitespace collapsing on 100,000 rows × 5 cells). */
/** No text at all. A first character that is no Unicode space (below U+1680 only a few are) settles it. */
const blank = (v: unknown): boolean => {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  const c = v.charCodeAt(0);
  if (c > 32 && c !== 0x85 && c !== 0xa0 && c < 0x1680) return false;
  return !/\S/.test(v);
};

const Options = z.strictObject({
  /** Report Phụ lục IV columns missing from the register. */
  columns: z.boolean().default(true),
  /** Report required cells left empty. */
  cells: z.boolean().default(true),
});

export default defineRule<z.infer<typeof Options>>({
  meta: {
    id: 'register/form',
    category: 'register',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Sổ đăng ký có đủ các cột tối thiểu của mẫu Phụ lục IV, và mỗi văn bản ghi đủ các ô bắt buộc (số ký hiệu, ngày, trích yếu, người ký, nơi nhận; ngày đến, số đến, tác giả).',
      en: 'The register has the minimum columns of its Phụ lục IV form, and each entry fills the required cells (symbol, date, subject, signer, recipients; arrival date and number, author).',
    },
    messages: {
      missingColumn: {
        vi: 'Sổ thiếu cột ({position}) "{header}" của mẫu sổ đăng ký văn bản {kindVi} (Phụ lục IV).',
        en: 'The register lacks column ({position}) "{header}" of the {kindEn} register form (Phụ lục IV).',
      },
      emptyCell: {
        vi: 'Ô "{fieldVi}" để trống: đăng ký văn bản phải đầy đủ thông tin.',
        en: 'The "{fieldEn}" cell is empty: registration must capture the document\'s information in full.',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục IV, mục I và mục VI; Điều 16 khoản 1, khoản 2; Điều 22 khoản 1, khoản 3', kind: 'exact' },
    fix: 'none',
    options: Options,
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '05/QĐ-UBND', issuedDate: '08/01/2024', typeAndSubject: 'Quyết định khen thưởng', recipients: 'Các ấp' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '05/QĐ-UBND', issuedDate: '08/01/2024', typeAndSubject: 'Quyết định khen thưởng', signer: 'Nguyễn Văn Hùng', recipients: 'Các ấp' }] },
    },
  },
  check(context) {
    const { columns, cells } = context.options;
    let lastDay: DayNumber | undefined;
    return {
      registerStart() {
        lastDay = undefined;
      },
      row(entry) {
        if (columns) {
          const d = entry.day(yearField(entry.register.kind));
          if (d !== undefined && (lastDay === undefined || d > lastDay)) lastDay = d;
        }
        // A published list or danh mục (register.partial) is no Phụ lục IV register: its columns and
        // blank cells are its publisher's choice.
        if (!cells || entry.register.partial !== undefined || (entry.has('notes') && isVoidingNote(entry.text('notes')))) return;
        const kind = entry.register.kind;
        for (const field of REQUIRED[kind]) {
          let at: FieldName = field;
          if (field === 'typeAndSubject') {
            if (!entry.has('typeAndSubject')) {
              if (!entry.has('subject') && !entry.has('type')) continue;
              at = entry.has('subject') ? 'subject' : 'type';
            }
            if (!blank(entry.value('typeAndSubject')) || !blank(entry.value('subject')) || !blank(entry.value('type'))) continue;
          } else if (!entry.has(field) || !blank(entry.value(field))) continue;
          const l = label(field);
          context.report({
            entry,
            field: at,
            messageId: 'emptyCell',
            data: { fieldVi: l.vi, fieldEn: l.en, field },
            severity: kind === 'incoming' && field === 'symbol' ? 'warning' : undefined,
          });
        }
      },
      registerEnd(info) {
        if (!columns || info.partial !== undefined) return;
        const t = info.title;
        const ends = t.toDate ?? (t.year !== undefined ? dayNumber(t.year, 12, 31) : lastDay);
        const oldForm = ends !== undefined && ends < ND30_IN_FORCE;
        formColumns(info.kind).forEach((col, k) => {
          const present = info.columns.has(col.field) || (col.field === 'typeAndSubject' && (info.columns.has('type') || info.columns.has('subject')));
          if (present || (oldForm && NOT_IN_OLD_FORM[info.kind].has(col.field))) return;
          context.report({
            location: headerLocation(info),
            messageId: 'missingColumn',
            data: {
              position: k + 1,
              header: col.header,
              field: col.field,
              kindVi: info.kind === 'incoming' ? 'đến' : 'đi',
              kindEn: info.kind === 'incoming' ? 'incoming' : 'outgoing',
            },
            severity: 'warning',
          });
        });
      },
    };
  },
});
