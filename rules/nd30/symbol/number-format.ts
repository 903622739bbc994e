import { defineRule } from '../../../src/engine/rule.js';
import { adviceEn, adviceVi, hasSplitNumber, ND30, severityFor, splitRestWithoutNumber, symbolOf, truncatedYear } from './common.js';

// SKH-1: the number is the running number registered at the Văn thư, in Arabic digits, from 01.
// Checked here: no number at all (`/TB-UBND`), Roman numerals (`V/…`), letters mixed into the
// digits (`1O/…` with a letter O, `12ab/…`), a thousands dot (`1.234/…`), the number 0, and a year
// segment cut short (`22/202 /QĐ-UBND`: the value was truncated). A single letter after the digits
// (`236a`) is symbol/number-suffix's; padding is symbol/leading-zero's and symbol/over-padding's.
const ROMAN = /^[IVXLCDM]+$/iu;

export default defineRule({
  meta: {
    id: 'symbol/number-format',
    category: 'symbol',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Số văn bản phải có và viết bằng chữ số Ả-rập (từ 01); số, ký hiệu không được thiếu hay bị cắt cụt.',
      en: 'The document number must be present and written in Arabic digits (from 01); the symbol must not be blank or cut short.',
    },
    messages: {
      missing: {
        vi: 'Số, ký hiệu "{value}" thiếu số văn bản trước dấu "/".{adviceVi}',
        en: 'Symbol "{value}" has no document number before the "/".{adviceEn}',
      },
      missingCell: {
        vi: 'Văn bản có ký hiệu "{value}" chưa có số: ô "{header}" để trống.{adviceVi}',
        en: 'The document "{value}" has no number: its "{header}" cell is empty.{adviceEn}',
      },
      nonArabic: {
        vi: 'Số văn bản "{number}" trong "{value}" viết bằng chữ số La Mã; số văn bản phải viết bằng chữ số Ả-rập.{adviceVi}',
        en: 'Document number "{number}" in "{value}" is in Roman numerals; it must be in Arabic digits.{adviceEn}',
      },
      malformed: {
        vi: 'Số văn bản "{number}" trong "{value}" không phải là số viết bằng chữ số Ả-rập (có chữ cái hoặc dấu lẫn vào).{adviceVi}',
        en: 'Document number "{number}" in "{value}" is not written in Arabic digits (letters or marks are mixed in).{adviceEn}',
      },
      zero: {
        vi: 'Số văn bản trong "{value}" là 0; số văn bản bắt đầu từ 01.{adviceVi}',
        en: 'The document number in "{value}" is 0; numbers start at 01.{adviceEn}',
      },
      truncated: {
        vi: 'Số, ký hiệu "{value}" bị cắt cụt: phần năm "{year}" không đủ 4 chữ số.{adviceVi}',
        en: 'Symbol "{value}" is cut short: the year part "{year}" does not have 4 digits.{adviceEn}',
      },
    },
    citation: { instrument: ND30, article: 'Phụ lục I, Phần I, mục II.3.a', kind: 'exact' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '/TB-UBND', issuedDate: '08/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '01/TB-UBND', issuedDate: '08/01/2024' }] },
    },
  },
  check(context) {
    return {
      row(entry) {
        // Split layouts: the number belongs in its own column, and that cell is empty.
        if (splitRestWithoutNumber(entry, context.agency)) {
          const header = entry.register.columns.get('number')?.header ?? 'Số';
          // In an incoming book the sender's number is copied, not issued: a note to check, as unrecognised gives.
          const severity = entry.register.kind === 'incoming' ? 'info' : severityFor(entry);
          context.report({ entry, field: 'number', messageId: 'missingCell', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value: entry.original('symbol').trim(), header }, severity });
          return;
        }
        const parsed = symbolOf(entry, context.agency);
        if (!parsed || parsed.form === 'unparseable' || parsed.form === 'empty') return;
        const severity = severityFor(entry);
        const value = parsed.raw;
        const num = parsed.number;
        if (num === undefined) {
          // Registers that keep the number in its own column ("Số vào sổ") write only the symbol here.
          if (hasSplitNumber(entry)) return;
          context.report({ entry, field: 'symbol', messageId: 'missing', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value }, severity });
          return;
        }
        if (num.malformed !== undefined) {
          const messageId = ROMAN.test(num.malformed) ? 'nonArabic' : 'malformed';
          context.report({ entry, field: 'symbol', messageId, data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value, number: num.malformed }, severity });
          return;
        }
        if (num.value === 0) {
          context.report({ entry, field: 'symbol', messageId: 'zero', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value }, severity });
          return;
        }
        if (truncatedYear(parsed)) {
          context.report({ entry, field: 'symbol', messageId: 'truncated', data: { adviceVi: adviceVi(entry), adviceEn: adviceEn(entry), value, year: parsed.year ?? '' }, severity });
        }
      },
    };
  },
});
