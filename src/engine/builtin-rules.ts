// Findings the engine itself reports. They are rules with metadata like any other, so they can be
// configured, listed, explained and carried into SARIF; their check does nothing.
import { defineRule } from './rule.js';
import { INTERNAL_ERROR, SHEET_SKIPPED } from './run.js';

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
