// Urgency marks (Điều 4.2.c: Hỏa tốc, Thượng khẩn, Khẩn) and the ordinary words that look like them.
import { describe, expect, it } from 'vitest';
import { urgencyFromColumn, urgencyFromNotes, urgencyFromSubject } from '../../../rules/nd30/timeliness/urgency.js';

describe('urgencyFromSubject', () => {
  it.each([
    ['Công điện hỏa tốc về ứng phó mưa lũ', 'hoa-toc'],
    ['HỎA TỐC - Công văn V/v báo cáo thiệt hại', 'hoa-toc'],
    ['Công văn V/v sơ tán dân (Hoả tốc)', 'hoa-toc'],
    ['Thượng khẩn: V/v triển khai phòng chống bão', 'thuong-khan'],
    ['Công văn thượng khẩn về việc cấp bù thủy lợi phí', 'thuong-khan'],
    ['(Khẩn) V/v chuẩn bị nội dung họp', 'khan'],
    ['[KHẨN] V/v chuẩn bị nội dung họp', 'khan'],
    ['Khẩn - V/v rà soát hộ nghèo', 'khan'],
    ['Công điện khẩn về việc phòng chống cháy rừng', 'khan'],
    ['Giấy mời họp khẩn', 'khan'],
    ['Công văn KHẨN về việc báo cáo số liệu', 'khan'],
    ['V/v báo cáo số liệu, khẩn.', 'khan'],
  ])('%s → %s', (text, level) => {
    expect(urgencyFromSubject(text)).toBe(level);
  });

  it.each([
    'V/v khẩn trương triển khai thu hoạch lúa',
    'Khẩn trương triển khai các biện pháp phòng chống dịch',
    'KHẨN TRƯƠNG TRIỂN KHAI CÁC BIỆN PHÁP PHÒNG CHỐNG DỊCH',
    'V/V BÁO CÁO KHẨN TRƯƠNG',
    'Tờ trình V/v công bố tình trạng khẩn cấp về thiên tai',
    'Khẩn cấp ứng phó sự cố tràn dầu',
    'V/v tình trạng khan hiếm nước sinh hoạt',
    'Khan hiếm vật tư nông nghiệp',
    'V/v quy định dịch vụ chuyển phát hỏa tốc',
    'Thông báo kết luận về xử lý khẩn các vụ việc tồn đọng',
    'Quyết định về việc khen thưởng',
    '',
  ])('%s → not urgent', (text) => {
    expect(urgencyFromSubject(text)).toBeUndefined();
  });
});

describe('urgencyFromNotes', () => {
  it.each([
    ['Khẩn', 'khan'],
    ['KHẨN', 'khan'],
    ['Mật, Khẩn', 'khan'],
    ['Văn bản khẩn', 'khan'],
    ['Độ khẩn: Khẩn', 'khan'],
    ['Hỏa tốc', 'hoa-toc'],
    ['Hoả tốc - gửi bưu điện', 'hoa-toc'],
    ['Khẩn; Hỏa tốc', 'hoa-toc'],
    ['Thượng khẩn', 'thuong-khan'],
  ])('%s → %s', (text, level) => {
    expect(urgencyFromNotes(text)).toBe(level);
  });

  it.each(['Độ khẩn: thường', 'Không khẩn', 'Chưa khẩn', 'Đề nghị khẩn trương xử lý', 'Khẩn thiết đề nghị', 'Mật', 'Văn bản điện tử', ''])('%s → not urgent', (text) => {
    expect(urgencyFromNotes(text)).toBeUndefined();
  });
});

describe('urgencyFromColumn', () => {
  it.each([
    ['Khẩn', 'khan'],
    ['KHẨN', 'khan'],
    ['Khan', 'khan'],
    ['x', 'khan'],
    ['X', 'khan'],
    ['✓', 'khan'],
    ['Thượng khẩn', 'thuong-khan'],
    ['Hỏa tốc', 'hoa-toc'],
    ['Hoả tốc', 'hoa-toc'],
    ['hoa toc', 'hoa-toc'],
    ['Urgent', 'khan'],
  ])('%s → %s', (text, level) => {
    expect(urgencyFromColumn(text)).toBe(level);
  });

  it.each(['Thường', 'Bình thường', 'Không', 'Không khẩn', '-', 'Normal'])('%s → explicitly not urgent', (text) => {
    expect(urgencyFromColumn(text)).toBeNull();
  });

  it('an empty cell says nothing', () => {
    expect(urgencyFromColumn('  ')).toBeUndefined();
  });
});
