// Text helpers shared by every layer. One accent fold for the whole project.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower case without tone marks or the đ stroke: "Ngày" → "ngay", "THÁNG" → "thang", "Đ" → "d". Punctuation kept. */
export function foldAccents(s: string): string {
  return s.normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
