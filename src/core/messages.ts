// Message catalogs of the engine (input errors, report chrome) and the template renderer.
// Rule messages live with each rule's metadata.
import type { Lang, Localized, MessageData } from './types.js';

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing datum is noticed. */
export function renderTemplate(template: string, data: MessageData): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = data[name];
    return v === undefined ? whole : String(v);
  });
}

export function localize(text: Localized, lang: Lang, data: MessageData = {}): string {
  return renderTemplate(text[lang], data).normalize('NFC');
}

export const INPUT_ERROR_MESSAGES: Readonly<Record<string, Localized>> = {
  'not-found': { vi: 'Không tìm thấy tệp.', en: 'File not found.' },
  empty: { vi: 'Tệp rỗng (0 byte): không có dữ liệu để kiểm tra.', en: 'The file is empty (0 bytes): there is nothing to check.' },
  encrypted: {
    vi: 'Tệp được đặt mật khẩu (mã hóa); hãy mở bằng Excel (hoặc LibreOffice, Word), bỏ mật khẩu rồi lưu lại trước khi kiểm tra.',
    en: 'The file is password-protected (encrypted); open it in Excel (or LibreOffice, Word), remove the password and save it before checking.',
  },
  'not-xlsx': {
    vi: 'Tệp là gói ZIP nhưng không phải bảng tính (.xlsx, .ods) hay văn bản Word (.docx) ({detected}); có thể là tệp khác bị đổi đuôi.',
    en: 'The file is a ZIP package but not a workbook (.xlsx, .ods) or a Word document (.docx) ({detected}); perhaps another file renamed.',
  },
  truncated: {
    vi: 'Tệp bị cắt cụt (thiếu phần cuối, thường do tải về hoặc chép dở); hãy lấy lại bản đầy đủ.',
    en: 'The file is truncated (its end is missing, usually from an unfinished download or copy); get a complete copy.',
  },
  'zip-bomb': {
    vi: 'Tệp bị từ chối: nội dung giải nén quá lớn ({uncompressed} byte, tỷ lệ nén {ratio}×) — có thể là "bom ZIP".',
    en: 'File rejected: its uncompressed content is too large ({uncompressed} bytes, compression ratio {ratio}×) — possibly a zip bomb.',
  },
  'too-big': { vi: 'Tệp quá lớn ({size} byte).', en: 'The file is too large ({size} bytes).' },
  corrupt: { vi: 'Không đọc được tệp: tệp bị hỏng ({detail}).', en: 'Could not read the file: it is damaged ({detail}).' },
  'unsupported-type': {
    vi: 'Không phải tệp sổ được hỗ trợ (.xlsx, .xls, .ods, .csv, .docx, .pdf, hoặc trang HTML/XML "Xuất Excel").',
    en: 'Not a supported register file (.xlsx, .xls, .ods, .csv, .docx, .pdf, or an HTML/XML "Export to Excel" page).',
  },
  'not-a-register': {
    vi: 'Không tìm thấy sổ đăng ký văn bản trong tệp: không trang tính nào có dòng tiêu đề cột của sổ (Số, ký hiệu văn bản; Ngày tháng văn bản; …).',
    en: 'No document register found in the file: no sheet has a register header row (Số, ký hiệu văn bản; Ngày tháng văn bản; …).',
  },
  'pdf-encrypted': {
    vi: 'Tệp PDF được đặt mật khẩu mở; không đọc được nội dung.',
    en: 'The PDF is protected by an open password; its content cannot be read.',
  },
  'pdf-corrupt': { vi: 'Tệp PDF bị hỏng hoặc cắt cụt ({detail}).', en: 'The PDF is damaged or truncated ({detail}).' },
  'pdf-scanned': {
    vi: 'Tệp PDF là bản quét (ảnh, không có lớp chữ); cần nhận dạng chữ (OCR) trước khi kiểm tra.',
    en: 'The PDF is a scan (images, no text layer); it needs OCR before it can be checked.',
  },
  'pdf-scrambled': {
    vi: 'Lớp chữ của tệp PDF bị hỏng (dấu tiếng Việt tách rời do thiếu phông chữ khi in); không thể kiểm tra tin cậy.',
    en: 'The PDF text layer is damaged (Vietnamese tone marks detached by font fallback when printed); it cannot be checked reliably.',
  },
  'legacy-encoding': {
    vi: 'Văn bản dùng bảng mã cũ (có vẻ TCVN3 hoặc VNI) nhưng không nhận ra chắc chắn là bảng mã nào; hãy chuyển sang Unicode trước khi kiểm tra (Unikey › Công cụ (Ctrl+Shift+F6) › chuyển mã sang Unicode).',
    en: 'The text is in a legacy encoding (apparently TCVN3 or VNI) but which one could not be told for sure; convert it to Unicode first (Unikey › Tools (Ctrl+Shift+F6) › convert to Unicode).',
  },
  'xls-encrypted': {
    vi: 'Tệp Excel 97–2003 (.xls) được đặt mật khẩu; hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại trước khi kiểm tra.',
    en: 'The Excel 97–2003 (.xls) file is password-protected; open it in Excel, remove the password (File › Info › Protect Workbook) and save it before checking.',
  },
  'xls-old': {
    vi: 'Tệp Excel quá cũ ({version}, trước Excel 97); hãy mở bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx.',
    en: 'The Excel file is too old ({version}, before Excel 97); open it in Excel or LibreOffice and save it as .xlsx.',
  },
  xlsb: {
    vi: 'Tệp Excel nhị phân (.xlsb) không được hỗ trợ; hãy mở bằng Excel và lưu lại dưới dạng .xlsx (Lưu thành › Sổ làm việc Excel).',
    en: 'Binary Excel workbooks (.xlsb) are not supported; open it in Excel and save it as .xlsx (Save As › Excel Workbook).',
  },
  doc: {
    vi: 'Tệp Word 97–2003 (.doc) không được hỗ trợ; hãy mở bằng Word và lưu lại dưới dạng .docx (hoặc chép bảng sổ sang Excel).',
    en: 'Word 97–2003 (.doc) files are not supported; open it in Word and save it as .docx (or copy the register table into Excel).',
  },
  'docx-no-table': {
    vi: 'Tệp Word (.docx) không có bảng nào; sổ đăng ký phải là một bảng (các cột Số, ký hiệu; Ngày tháng; …).',
    en: 'The Word file (.docx) holds no table; a register must be a table (columns Số, ký hiệu; Ngày tháng; …).',
  },
  'empty-folder': {
    vi: 'Thư mục không có tệp nào để kiểm tra (.xlsx, .xls, .ods, .csv, .docx, .pdf…).',
    en: 'The folder holds no file to check (.xlsx, .xls, .ods, .csv, .docx, .pdf…).',
  },
  internal: {
    vi: 'Lỗi nội bộ khi đọc tệp: {error}',
    en: 'Internal error while reading the file: {error}',
  },
};

export const UI: Readonly<Record<string, Localized>> = {
  fileError: { vi: 'lỗi tệp', en: 'file error' },
  error: { vi: 'lỗi', en: 'error' },
  warning: { vi: 'cảnh báo', en: 'warning' },
  info: { vi: 'thông tin', en: 'info' },
  row: { vi: 'dòng', en: 'row' },
  page: { vi: 'trang', en: 'page' },
  sheet: { vi: 'trang tính', en: 'sheet' },
  fix: { vi: 'sửa thành', en: 'fix' },
  related: { vi: 'liên quan', en: 'related' },
  columnsLine: { vi: 'Cột', en: 'Columns' },
  registerLine: {
    vi: 'Sổ {kind}, năm {year}, {entries} văn bản, dòng tiêu đề {headerRow}',
    en: '{kind} register, year {year}, {entries} entries, header row {headerRow}',
  },
  outgoing: { vi: 'văn bản đi', en: 'outgoing' },
  incoming: { vi: 'văn bản đến', en: 'incoming' },
  summary: {
    vi: '{files} tệp: {errors} lỗi, {warnings} cảnh báo, {infos} thông tin',
    en: '{files} file(s): {errors} error(s), {warnings} warning(s), {infos} info',
  },
  fileErrors: { vi: '{n} tệp không đọc được', en: '{n} file(s) could not be read' },
  noFindings: { vi: 'Không phát hiện vấn đề.', en: 'No problems found.' },
  tooManyWarnings: {
    vi: 'Số cảnh báo ({warnings}) vượt giới hạn --max-warnings {max}.',
    en: 'Warnings ({warnings}) exceed --max-warnings {max}.',
  },
  unknownYear: { vi: 'không rõ', en: 'unknown' },
};
