// Header cells as clerks and register software write them (issue #15): abbreviations (VB văn bản,
// KH ký hiệu, CQ cơ quan, ĐV đơn vị, SL số lượng, BH ban hành), punctuation and spacing, case and
// accents. One case per variant; and words that merely contain an abbreviation's letters stay words.
import { describe, expect, it } from 'vitest';
import { matchHeader } from '../../src/register/headers.js';

describe('header variants', () => {
  it.each([
    ['Số/KH', 'symbol'],
    ['Số, KH văn bản', 'symbol'],
    ['Số, ký hiệu VB', 'symbol'],
    ['Số hiệu VB', 'symbol'],
    ['SỐ/KH VB', 'symbol'],
    ['Ngày, tháng VB', 'issuedDate'],
    ['Ngày tháng năm', 'issuedDate'],
    ['Ngày tháng năm văn bản', 'issuedDate'],
    ['Ngày ban hành VB', 'issuedDate'],
    ['ngày  ban hành  văn bản', 'issuedDate'],
    ['Loại VB', 'type'],
    ['Cơ quan BH', 'author'],
    ['CQ ban hành', 'author'],
    ['Đơn vị hoặc người nhận văn bản', 'handler'],
    ['ĐV, người nhận bản lưu', 'retainedBy'],
    ['SL bản', 'copies'],
  ])('%j → %s', (header, field) => {
    expect(matchHeader(header)).toBe(field);
  });

  it('leaves other words alone', () => {
    expect(matchHeader('Khách')).toBeUndefined();
    expect(matchHeader('VB')).toBeUndefined();
    // `KH` alone is `Ký hiệu`, a symbol column.
    expect(matchHeader('KH')).toBe('symbol');
  });
});
