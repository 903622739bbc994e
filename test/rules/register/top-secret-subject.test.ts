// register/top-secret-subject (issue #16): a Tuyệt mật document is registered without its trích
// yếu from 01/03/2026 (Luật 117/2025/QH15, NĐ 63/2026/NĐ-CP Phụ lục III).
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/core/dates.js';
import { namesTypeOnly } from '../../../rules/data/doc-types.js';
import topSecretSubject from '../../../rules/nd30/register/top-secret-subject.js';
import { runRuleCase, testRule } from '../../rule-tester.js';
import { inc, out } from '../numbering/helpers.js';

const AS_OF = dayNumber(2026, 12, 1);
const SUBJECT = 'Quyết định về phương án bảo vệ mục tiêu';
const secret = (secrecy: string, issuedDate: string, typeAndSubject = SUBJECT) => out('03/QĐ-UBND', issuedDate, { secrecy, typeAndSubject });

testRule(topSecretSubject, {
  valid: [
    { name: 'the type named, no subject', entries: [secret('Tuyệt mật', '10/03/2026', 'Quyết định')], asOf: AS_OF },
    { name: 'an abbreviation for the type', entries: [secret('Tuyệt mật', '10/03/2026', 'QĐ.')], asOf: AS_OF },
    { name: 'the cell left empty', entries: [secret('Tuyệt mật', '10/03/2026', '')], asOf: AS_OF },
    { name: 'placeholders', entries: [secret('Tuyệt mật', '10/03/2026', '***'), secret('Tuyệt mật', '11/03/2026', '(Tuyệt mật)'), secret('Tuyệt mật', '12/03/2026', 'Không ghi trích yếu')], asOf: AS_OF },
    { name: 'registered before 01/03/2026 (Luật 2018, TT 24/2020/TT-BCA)', entries: [secret('Tuyệt mật', '27/02/2026')], asOf: AS_OF },
    { name: 'Tối mật and Mật keep their subject', entries: [secret('Tối mật', '10/03/2026'), secret('Mật', '11/03/2026'), secret('Thường', '12/03/2026')], asOf: AS_OF },
    { name: '"TM" is Tối mật as much as Tuyệt mật', entries: [secret('TM', '10/03/2026')], asOf: AS_OF },
    { name: 'not Tuyệt mật', entries: [secret('Không tuyệt mật', '10/03/2026')], asOf: AS_OF },
    { name: 'the registration day cannot be told', entries: [secret('Tuyệt mật', ''), secret('Tuyệt mật', 'ngày 5')], asOf: AS_OF },
    { name: 'no secrecy column', entries: [out('03/QĐ-UBND', '10/03/2026', { typeAndSubject: SUBJECT })], asOf: AS_OF },
    {
      name: 'incoming: arrived before 01/03/2026',
      kind: 'incoming',
      entries: [inc(5, '27/02/2026', '15/QĐ-BCA', 'Bộ Công an', '20/02/2026', { secrecy: 'Tuyệt mật', typeAndSubject: SUBJECT })],
      asOf: AS_OF,
    },
    {
      name: 'type and subject in two columns: only the type',
      columns: ['symbol', 'issuedDate', 'type', 'subject', 'signer', 'recipients', 'secrecy'],
      entries: [{ symbol: '03/QĐ-UBND', issuedDate: '10/03/2026', type: 'Quyết định', subject: '', signer: 'A', recipients: 'B', secrecy: 'Tuyệt mật' }],
      asOf: AS_OF,
    },
  ],
  invalid: [
    { entries: [secret('Tuyệt mật', '10/03/2026')], asOf: AS_OF, errors: [{ messageId: 'subjectShown', entry: 0, field: 'typeAndSubject', severity: 'warning' }] },
    { name: 'from the day the law is in force', entries: [secret('Tuyệt mật', '01/03/2026')], asOf: AS_OF, errors: [{ messageId: 'subjectShown', entry: 0 }] },
    {
      name: 'any case, without diacritics, decomposed, with a prefix',
      entries: [secret('TUYỆT MẬT', '10/03/2026'), secret('tuyet mat', '11/03/2026'), secret('Tuyệt mật'.normalize('NFD'), '12/03/2026'), secret('Độ Tuyệt mật', '13/03/2026'), secret('Thường', '14/03/2026')],
      asOf: AS_OF,
      errors: [
        { messageId: 'subjectShown', entry: 0 },
        { messageId: 'subjectShown', entry: 1 },
        { messageId: 'subjectShown', entry: 2 },
        { messageId: 'subjectShown', entry: 3 },
      ],
    },
    {
      name: 'incoming: dated before, arrived after 01/03/2026',
      kind: 'incoming',
      entries: [inc(5, '03/03/2026', '15/QĐ-BCA', 'Bộ Công an', '26/02/2026', { secrecy: 'Tuyệt mật', typeAndSubject: SUBJECT })],
      asOf: AS_OF,
      errors: [{ messageId: 'subjectShown', entry: 0, field: 'typeAndSubject' }],
    },
    {
      name: 'incoming without arrival date, dated after 01/03/2026',
      kind: 'incoming',
      entries: [inc(5, '', '15/QĐ-BCA', 'Bộ Công an', '02/03/2026', { secrecy: 'Tuyệt mật', typeAndSubject: SUBJECT })],
      asOf: AS_OF,
      errors: [{ messageId: 'subjectShown', entry: 0 }],
    },
    {
      name: 'type and subject in two columns: the subject cell',
      columns: ['symbol', 'issuedDate', 'type', 'subject', 'signer', 'recipients', 'secrecy'],
      entries: [{ symbol: '03/QĐ-UBND', issuedDate: '10/03/2026', type: 'Quyết định', subject: 'Phương án bảo vệ mục tiêu', signer: 'A', recipients: 'B', secrecy: 'Tuyệt mật' }],
      asOf: AS_OF,
      errors: [{ messageId: 'subjectShown', entry: 0, field: 'subject', data: { fieldVi: 'Trích yếu nội dung', fieldEn: 'subject' } }],
    },
  ],
});

describe('register/top-secret-subject: the finding', () => {
  it('points at the subject cell without quoting the secret subject', async () => {
    const { findings } = await runRuleCase(topSecretSubject, { entries: [secret('Tuyệt mật', '10/03/2026')], asOf: AS_OF });
    expect(findings).toHaveLength(1);
    const where = findings[0]!.location;
    expect(where).toMatchObject({ row: 2, field: 'typeAndSubject', header: 'Tên loại và trích yếu nội dung văn bản' });
    expect(where.column).toMatch(/^[A-Z]+$/);
    expect(where.value).toBeUndefined();
    expect(JSON.stringify(findings)).not.toContain('phương án');
  });

  it('namesTypeOnly: a type and nothing else', () => {
    for (const t of ['Quyết định', 'quyết định', 'QĐ', 'Công văn.', 'CV', '"Tờ trình"', 'TTr', 'Thông tư liên tịch', 'Nghị quyết', 'Phương án']) expect(namesTypeOnly(t), t).toBe(true);
    for (const t of ['', '***', 'Quyết định về việc khen thưởng', 'V/v khen thưởng', 'Qđ', 'Quyết', 'XYZ', 'Báo cáo tháng 3']) expect(namesTypeOnly(t), t).toBe(false);
  });
});
