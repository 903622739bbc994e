// Findings the engine itself reports. They are rules with metadata like any other, so they can be
// configured, listed, explained and carried into SARIF; their check does nothing.
import { defineRule } from './rule.js';
import { DUPLICATE_REGISTER, INTERNAL_ERROR, KIND_MISMATCH, LEGACY_ENCODING, RENAMED_FILE, SHEET_SKIPPED } from './run.js';

export const internalError = defineRule({
  meta: {
    id: INTERNAL_ERROR,
    category: 'input',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Một quy tắc kiểm tra gặp lỗi nội bộ; các quy tắc khác vẫn chạy. Hãy báo lỗi này cho nhóm phát triển.',
      en: 'A rule failed internally; the other rules still ran. Please report this to the developers.',
    },
    messages: {
      ruleThrew: {
        vi: 'Quy tắc {rule} gặp lỗi nội bộ ở bước {phase}: {error}. Kết quả của quy tắc này cho sổ này không đầy đủ.',
        en: 'Rule {rule} failed internally during {phase}: {error}. Its results for this register are incomplete.',
      },
    },
    citation: { instrument: 'vanthu-lint', article: 'engine', kind: 'derived' },
    fix: 'none',
  },
  check: () => ({}),
});

export const sheetSkipped = defineRule({
  meta: {
    id: SHEET_SKIPPED,
    category: 'register',
    defaultSeverity: 'info',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Trang tính không có dòng tiêu đề cột của sổ đăng ký văn bản nên được bỏ qua.',
      en: 'A sheet without a register header row is skipped.',
    },
    messages: {
      noHeader: {
        vi: 'Bỏ qua trang tính "{sheet}": không tìm thấy dòng tiêu đề cột của sổ đăng ký văn bản (Phụ lục IV) trong 20 dòng đầu.',
        en: 'Skipped sheet "{sheet}": no register header row (Phụ lục IV) in its first 20 rows.',
      },
      noHeaderText: {
        vi: 'Không tìm thấy dòng tiêu đề cột của sổ đăng ký văn bản (Phụ lục IV) trong 20 dòng đầu của tệp.',
        en: 'No register header row (Phụ lục IV) in the first 20 rows of the file.',
      },
      emptySheet: {
        vi: 'Bỏ qua trang tính "{sheet}": trang tính trống.',
        en: 'Skipped sheet "{sheet}": the sheet is empty.',
      },
    },
    citation: { instrument: 'NĐ 30/2020/NĐ-CP', article: 'Phụ lục IV, mục I và mục VI', kind: 'derived' },
    fix: 'none',
  },
  check: () => ({}),
});

export const kindMismatch = defineRule({
  meta: {
    id: KIND_MISMATCH,
    category: 'register',
    defaultSeverity: 'warning',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Loại sổ được chỉ định (--kind hoặc "kind" trong cấu hình) trái với chính sổ: dòng tên sổ hoặc các cột chỉ sổ kia mới có. Sổ vẫn được kiểm tra theo loại được chỉ định, nên kết quả có thể sai.',
      en: 'The register kind given (--kind or config "kind") contradicts the register itself: its title line, or columns only the other kind has. It is still checked as the kind given, so the results may be wrong.',
    },
    messages: {
      titleSaysOutgoing: {
        vi: 'Sổ được kiểm tra như sổ văn bản đến (theo --kind hoặc cấu hình), nhưng dòng tên sổ ghi đây là sổ văn bản đi. Bỏ --kind để công cụ tự nhận, hoặc kiểm tra lại tệp.',
        en: 'Checked as an incoming register (--kind or config), but its title line says it is an outgoing register. Drop --kind to let the tool tell, or check the file.',
      },
      titleSaysIncoming: {
        vi: 'Sổ được kiểm tra như sổ văn bản đi (theo --kind hoặc cấu hình), nhưng dòng tên sổ ghi đây là sổ văn bản đến. Bỏ --kind để công cụ tự nhận, hoặc kiểm tra lại tệp.',
        en: 'Checked as an outgoing register (--kind or config), but its title line says it is an incoming register. Drop --kind to let the tool tell, or check the file.',
      },
      columnsSayOutgoing: {
        vi: 'Sổ được kiểm tra như sổ văn bản đến (theo --kind hoặc cấu hình), nhưng các cột của sổ (người ký, nơi nhận, đơn vị lưu…) là của sổ văn bản đi và sổ không có cột Ngày đến, Số đến. Bỏ --kind để công cụ tự nhận, hoặc kiểm tra lại tệp.',
        en: 'Checked as an incoming register (--kind or config), but its columns (signer, recipients, kept by…) are an outgoing register\'s and it has no arrival date or number. Drop --kind to let the tool tell, or check the file.',
      },
      columnsSayIncoming: {
        vi: 'Sổ được kiểm tra như sổ văn bản đi (theo --kind hoặc cấu hình), nhưng sổ có các cột Ngày đến, Số đến, Tác giả của sổ văn bản đến. Bỏ --kind để công cụ tự nhận, hoặc kiểm tra lại tệp.',
        en: 'Checked as an outgoing register (--kind or config), but it has the arrival date, arrival number and author columns of an incoming register. Drop --kind to let the tool tell, or check the file.',
      },
    },
    citation: { instrument: 'NĐ 30/2020/NĐ-CP', article: 'Phụ lục IV, mục I và mục VI', kind: 'derived' },
    fix: 'none',
  },
  check: () => ({}),
});

export const legacyEncoding = defineRule({
  meta: {
    id: LEGACY_ENCODING,
    category: 'input',
    defaultSeverity: 'info',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Chữ trong tệp gõ bằng bảng mã cũ (TCVN3/ABC, VNI) chứ không phải Unicode. Công cụ chuyển sang Unicode để kiểm tra (các phát hiện trích chữ đã chuyển) và không sửa tệp; nên chuyển hẳn tệp sang Unicode để phần mềm khác đọc và tìm kiếm được.',
      en: 'The text of the file is in a legacy Vietnamese font encoding (TCVN3/ABC, VNI), not Unicode. The tool converts it for checking (findings quote the converted text) and leaves the file alone; convert the file to Unicode for good so other software can read and search it.',
    },
    messages: {
      converted: {
        vi: 'Trang tính "{sheet}" gõ bằng bảng mã {encoding} (ví dụ "{sample}" là "{converted}"); đã chuyển sang Unicode để kiểm tra, tệp không bị sửa. Để chuyển hẳn: mở tệp, chép vùng dữ liệu, dùng Unikey › Công cụ (Ctrl+Shift+F6) › chuyển mã từ {encoding} sang Unicode, rồi dán lại và đổi phông chữ sang Times New Roman.',
        en: 'Sheet "{sheet}" is typed in the {encoding} encoding (e.g. "{sample}" reads "{converted}"); converted to Unicode for checking, the file is not changed. To convert it for good: copy the data, use Unikey › Tools (Ctrl+Shift+F6) › convert from {encoding} to Unicode, paste it back and set the font to Times New Roman.',
      },
    },
    citation: { instrument: 'NĐ 30/2020/NĐ-CP', article: 'Phụ lục I, Phần I, mục I.1 (phông chữ tiếng Việt Unicode, TCVN 6909:2001)', kind: 'derived' },
    fix: 'none',
  },
  check: () => ({}),
});

export const renamedFile = defineRule({
  meta: {
    id: RENAMED_FILE,
    category: 'input',
    defaultSeverity: 'info',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Đuôi tên tệp không khớp với nội dung (nhiều nút "Xuất Excel" ghi trang HTML hoặc XML nhưng đặt đuôi .xls). Công cụ đọc theo nội dung; mở tệp bằng Excel và lưu lại dưới dạng .xlsx để các phần mềm khác đọc đúng.',
      en: 'The file name\'s extension does not match its content (many "Export to Excel" buttons write HTML or XML and name it .xls). The tool reads it by its content; open it in Excel and save it as .xlsx so other software reads it right.',
    },
    messages: {
      renamed: {
        vi: 'Tệp có đuôi .{extension} nhưng nội dung là {actual}; đã đọc theo nội dung. Nên mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).',
        en: 'The file is named .{extension} but holds {actual}; read as what it holds. Open it in Excel and save it as an Excel Workbook (.xlsx).',
      },
    },
    citation: { instrument: 'vanthu-lint', article: 'ingest', kind: 'derived' },
    fix: 'none',
  },
  check: () => ({}),
});

export const duplicateRegister = defineRule({
  meta: {
    id: DUPLICATE_REGISTER,
    category: 'input',
    defaultSeverity: 'info',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Hai tệp (hoặc trang tính) chứa cùng một sổ — một bản sao, hay cùng sổ xuất ra cả .xlsx và .csv. Sổ chỉ được kiểm tra một lần, để các văn bản của nó không bị tính là trùng số với chính nó.',
      en: 'Two files (or sheets) hold the same register — a copy, or one register exported as both .xlsx and .csv. It is checked once, so its documents are not counted as duplicates of themselves.',
    },
    messages: {
      copyOf: {
        vi: 'Trang tính "{sheet}" là cùng một sổ với "{otherSheet}" trong tệp {otherFile} ({entries} văn bản giống hệt); sổ đã được kiểm tra ở đó, không kiểm tra lại ở đây.',
        en: 'Sheet "{sheet}" is the same register as "{otherSheet}" in {otherFile} ({entries} identical entries); it was checked there and is not checked again here.',
      },
    },
    citation: { instrument: 'vanthu-lint', article: 'engine', kind: 'derived' },
    fix: 'none',
  },
  check: () => ({}),
});
