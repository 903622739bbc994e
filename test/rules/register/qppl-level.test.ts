// register/qppl-level (issue #16): local QPPL by level and date — commune QPPL between 01/04 and
// 30/06/2025 (Luật 64/2025/QH15), district QPPL from 01/07/2025 (Luật 87/2025/QH15, NĐ 187/2025).
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../src/core/dates.js';
import qpplLevel from '../../../rules/nd30/register/qppl-level.js';
import { runRuleCase, testRule } from '../../rule-tester.js';
import { inc, out } from '../numbering/helpers.js';

const AS_OF = dayNumber(2026, 12, 1);

const commune = (symbol: string, issuedDate: string, author = 'UBND xã Bình Tấn') => inc(7, issuedDate, symbol, author, issuedDate);

testRule(qpplLevel, {
  valid: [
    { name: 'commune QPPL under Luật 80/2015', kind: 'incoming', entries: [commune('05/2024/QĐ-UBND', '15/05/2024')] },
    { name: 'commune QPPL from 01/07/2025', kind: 'incoming', entries: [commune('05/2025/QĐ-UBND', '01/07/2025'), commune('01/2026/NQ-HĐND', '15/01/2026', 'Hội đồng nhân dân phường An Khánh')], asOf: AS_OF },
    { name: 'district QPPL until 30/06/2025', kind: 'incoming', entries: [commune('12/2025/QĐ-UBND', '30/06/2025', 'UBND huyện Châu Thành')], asOf: AS_OF },
    { name: 'not a QPPL', kind: 'incoming', entries: [commune('12/QĐ-UBND', '15/09/2025', 'UBND huyện Châu Thành'), commune('45/UBND-VP', '15/05/2025')], asOf: AS_OF },
    { name: 'the author is another body than the symbol', kind: 'incoming', entries: [commune('05/2025/NQ-HĐND', '15/05/2025', 'UBND xã Bình Tấn')], asOf: AS_OF },
    { name: 'thành phố: a province or a district', kind: 'incoming', entries: [commune('05/2025/QĐ-UBND', '15/09/2025', 'UBND thành phố Thủ Dầu Một')], asOf: AS_OF },
    { name: 'no issue date', kind: 'incoming', entries: [inc(7, '20/09/2025', '05/2025/QĐ-UBND', 'UBND huyện Châu Thành', '')], asOf: AS_OF },
    { name: 'outgoing book of a province', title: ['UBND TỈNH ĐỒNG THÁP', 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', 'Năm 2025'], entries: [out('05/2025/QĐ-UBND', '15/09/2025')], asOf: AS_OF },
  ],
  invalid: [
    {
      name: 'district QPPL after 30/06/2025',
      kind: 'incoming',
      entries: [commune('12/2025/QĐ-UBND', '01/07/2025', 'UBND huyện Châu Thành'), commune('03/2026/NQ-HĐND', '10/01/2026', 'HĐND quận 3')],
      asOf: AS_OF,
      errors: [
        { messageId: 'district', entry: 0, field: 'symbol', severity: 'info', data: { value: '12/2025/QĐ-UBND', date: '01/07/2025' } },
        { messageId: 'district', entry: 1, field: 'symbol', severity: 'info' },
      ],
    },
    {
      name: 'commune QPPL between 01/04 and 30/06/2025',
      kind: 'incoming',
      entries: [commune('05/2025/QĐ-UBND', '01/04/2025'), commune('06/2025/NQ-HĐND', '30/06/2025', 'Hội đồng nhân dân xã Bình Tấn'), commune('07/2025/QĐ-UBND', '31/03/2025')],
      asOf: AS_OF,
      errors: [
        { messageId: 'commune', entry: 0, severity: 'info' },
        { messageId: 'commune', entry: 1, severity: 'info' },
      ],
    },
    {
      name: 'a thị xã is a district, a thị trấn a commune',
      kind: 'incoming',
      entries: [commune('05/2025/QĐ-UBND', '15/09/2025', 'UBND thị xã Bến Cát'), commune('06/2025/QĐ-UBND', '15/05/2025', 'UBND thị trấn Phú Hòa'), commune('07/2025/QĐ-UBND', '15/09/2025', 'UBND thị trấn Phú Hòa')],
      asOf: AS_OF,
      errors: [
        { messageId: 'district', entry: 0 },
        { messageId: 'commune', entry: 1 },
      ],
    },
    {
      name: 'the issuer spelt out, the code in lower case',
      kind: 'incoming',
      entries: [commune('12/2025/qđ-ubnd', '15/09/2025', 'ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH')],
      asOf: AS_OF,
      errors: [{ messageId: 'district', entry: 0 }],
    },
    {
      name: 'outgoing: the agency on the cover',
      title: ['UBND HUYỆN CHÂU THÀNH', 'SỔ ĐĂNG KÝ VĂN BẢN ĐI', 'Năm 2025'],
      entries: [out('05/2025/QĐ-UBND', '15/09/2025')],
      asOf: AS_OF,
      errors: [{ messageId: 'district', field: 'symbol' }],
    },
    {
      name: 'outgoing: the agency in the config',
      entries: [out('05/2025/QĐ-UBND', '15/05/2025')],
      config: { agency: { name: 'UBND xã Bình Tấn', issuer: 'UBND' } },
      asOf: AS_OF,
      errors: [{ messageId: 'commune', entry: 0 }],
    },
  ],
});

describe('register/qppl-level: the finding', () => {
  it('names the author cell as related in an incoming book', async () => {
    const { findings } = await runRuleCase(qpplLevel, { kind: 'incoming', entries: [commune('12/2025/QĐ-UBND', '15/09/2025', 'UBND huyện Châu Thành')], asOf: AS_OF });
    expect(findings).toHaveLength(1);
    expect(findings[0]!.related).toEqual([expect.objectContaining({ field: 'author', value: 'UBND huyện Châu Thành', row: 2 })]);
  });
});
