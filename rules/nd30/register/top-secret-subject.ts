import { dayNumber, type DayNumber } from '../../../src/core/dates.js';
import type { FieldName, Location } from '../../../src/core/types.js';
import { foldAccents } from '../../../src/core/text.js';
import { defineRule } from '../../../src/engine/rule.js';
import type { Entry } from '../../../src/register/model.js';
import { namesTypeOnly } from '../../data/doc-types.js';
import { label } from './common.js';

// Luật Bảo vệ bí mật nhà nước 117/2025/QH15 (in force 01/03/2026) and NĐ 63/2026/NĐ-CP (28/02/2026,
// register forms in Phụ lục III) replaced Luật 2018, NĐ 26/2020 and TT 24/2020/TT-BCA: a Tuyệt mật
// document is entered in the register without its trích yếu (domain notes §11 [S]; the form's note
// itself not seen, hence a warning). Entries registered before 01/03/2026 fall under the old texts
// and are left alone, and so are entries whose registration day cannot be told.
//
// "TM" is not read as Tuyệt mật: Tối mật abbreviates the same way. The finding points at the subject
// cell without quoting it, so that reports do not copy the secret's subject.
const IN_FORCE: DayNumber = dayNumber(2026, 3, 1);
const TOP_SECRET = /^(?:do |muc do |muc )?tuyet mat(?: |$)/u;
// What clerks write instead of a subject: nothing legible, or the secrecy itself.
const PLACEHOLDER = /^(?:(?:van ban |tai lieu )?(?:do |muc do )?tuyet mat|khong ghi(?: trich yeu)?)?$/u;
const SUBJECT_FIELDS: readonly FieldName[] = ['subject', 'typeAndSubject'];

/** Folded to lower-case letters and digits one space apart: `(TUYỆT MẬT)` → `tuyet mat`. */
function words(text: string): string {
  return foldAccents(text.slice(0, 200)).replace(/[^a-z0-9]+/gu, ' ').trim();
}

/** The cell holds a trích yếu: more than a placeholder or the bare name of the document type. */
function hasSubject(text: string): boolean {
  return text !== '' && !PLACEHOLDER.test(words(text)) && !namesTypeOnly(text);
}

/**
 * The entry was registered on or after 01/03/2026: its issue day (outgoing) or arrival day (incoming);
 * an incoming document dated from that day arrived after it, whatever its arrival cell says.
 */
function registeredUnderNewLaw(entry: Entry): boolean {
  const issued = entry.day('issuedDate');
  if (entry.register.kind === 'incoming') {
    const arrival = entry.day('arrivalDate');
    if (arrival !== undefined) return arrival >= IN_FORCE;
  }
  return issued !== undefined && issued >= IN_FORCE;
}

export default defineRule({
  meta: {
    id: 'register/top-secret-subject',
    category: 'register',
    defaultSeverity: 'warning',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Văn bản Tuyệt mật vào sổ (từ 01/3/2026) không ghi trích yếu nội dung.',
      en: 'A Tuyệt mật (top secret) document is registered (from 1 March 2026) without its subject.',
    },
    messages: {
      subjectShown: {
        vi: 'Văn bản độ Tuyệt mật vào sổ không ghi trích yếu nội dung (từ 01/3/2026: Luật Bảo vệ bí mật nhà nước 117/2025/QH15, NĐ 63/2026/NĐ-CP Phụ lục III), nhưng ô "{fieldVi}" đang có nội dung: để trống, hoặc chỉ ghi tên loại văn bản.',
        en: 'A Tuyệt mật (top secret) document is registered without its subject (from 1 March 2026: Law 117/2025/QH15 on protecting State secrets, Decree 63/2026/NĐ-CP Appendix III), but the "{fieldEn}" cell has text: leave it empty, or give only the document type.',
      },
    },
    citation: { instrument: 'NĐ 63/2026/NĐ-CP; Luật Bảo vệ bí mật nhà nước 117/2025/QH15', article: 'Phụ lục III (mẫu sổ đăng ký văn bản mật), từ 01/3/2026', kind: 'derived' },
    fix: 'none',
    examples: {
      failing: {
        kind: 'outgoing',
        entries: [{ symbol: '03/QĐ-UBND', issuedDate: '10/03/2026', typeAndSubject: 'Quyết định về phương án bảo vệ mục tiêu', secrecy: 'Tuyệt mật', signer: 'Nguyễn Văn An', recipients: 'Công an tỉnh' }],
      },
      passing: {
        kind: 'outgoing',
        entries: [{ symbol: '03/QĐ-UBND', issuedDate: '10/03/2026', typeAndSubject: 'Quyết định', secrecy: 'Tuyệt mật', signer: 'Nguyễn Văn An', recipients: 'Công an tỉnh' }],
      },
    },
  },
  check(context) {
    return {
      row(entry) {
        if (!entry.has('secrecy') || !TOP_SECRET.test(words(entry.text('secrecy')))) return;
        const field = SUBJECT_FIELDS.find((f) => entry.has(f) && hasSubject(entry.text(f)));
        if (field === undefined || !registeredUnderNewLaw(entry)) return;
        // The cell, without its text as evidence (the subject of a Tuyệt mật document).
        const { value: _subject, ...where } = entry.location(field);
        const location: Location = where;
        const l = label(field);
        context.report({ location, messageId: 'subjectShown', data: { fieldVi: l.vi, fieldEn: l.en } });
      },
    };
  },
});
