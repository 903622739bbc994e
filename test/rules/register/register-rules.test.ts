// The register-form rules: form (columns, required cells), period (year, volume ranges),
// unreadable and future dates, issue date after arrival.
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config/resolve.js';
import { dayNumber } from '../../../src/core/dates.js';
import type { RawRow, RawWorkbook } from '../../../src/ingest/types.js';
import { runAll } from '../../../src/engine/run.js';
import form from '../../../rules/nd30/register/form.js';
import futureDate from '../../../rules/nd30/register/future-date.js';
import issuedAfterArrival from '../../../rules/nd30/register/issued-after-arrival.js';
import keyColumn from '../../../rules/nd30/register/key-column.js';
import period from '../../../rules/nd30/register/period.js';
import unreadableDate from '../../../rules/nd30/register/unreadable-date.js';
import { testRule } from '../../rule-tester.js';
import { inc, out, run } from '../numbering/helpers.js';

testRule(form, {
  valid: [
    { entries: [out('05/QĐ-UBND', '08/01/2024')] },
    { name: 'a row kept for a voided number', entries: [out('04/QĐ-UBND', '08/01/2024'), { symbol: '05/QĐ-UBND', notes: 'Hủy số' }, out('06/QĐ-UBND', '09/01/2024')] },
    { name: 'type and subject split into two columns', entries: [{ symbol: '05/QĐ-UBND', issuedDate: '08/01/2024', type: 'Quyết định', subject: 'Khen thưởng', signer: 'A', recipients: 'B' }] },
    { kind: 'incoming', entries: [inc(1, '10/05/2024', '45/SNV-VP', 'Sở Nội vụ', '08/05/2024')] },
    { name: 'cells check off', entries: [out('05/QĐ-UBND', '08/01/2024', { signer: '' })], options: { cells: false } },
  ],
  invalid: [
    { entries: [out('05/QĐ-UBND', '08/01/2024', { signer: '' })], errors: [{ messageId: 'emptyCell', entry: 0, field: 'signer', severity: 'error', data: { field: 'signer' } }] },
    {
      name: 'each required cell of an outgoing entry',
      entries: [{ copies: 2, notes: 'x', retainedBy: 'VT' }],
      errors: [
        { messageId: 'emptyCell', field: 'symbol' },
        { messageId: 'emptyCell', field: 'issuedDate' },
        { messageId: 'emptyCell', field: 'typeAndSubject' },
        { messageId: 'emptyCell', field: 'signer' },
        { messageId: 'emptyCell', field: 'recipients' },
      ],
    },
    {
      name: 'incoming: no author, no symbol (a warning: some documents have none)',
      kind: 'incoming',
      entries: [inc(1, '10/05/2024', '', '', '08/05/2024')],
      errors: [
        { messageId: 'emptyCell', field: 'author', severity: 'error' },
        { messageId: 'emptyCell', field: 'symbol', severity: 'warning' },
      ],
    },
  ],
});

testRule(keyColumn, {
  valid: [
    { entries: [out('05/QĐ-UBND', '08/01/2024')] },
    { kind: 'incoming', entries: [inc(1, '10/05/2024', '45/SNV-VP', 'Sở Nội vụ', '08/05/2024')] },
    { name: 'only the key columns (and a subject, to make a register)', columns: ['symbol', 'issuedDate', 'typeAndSubject'], entries: [{ symbol: '05/QĐ-UBND', issuedDate: '08/01/2024', typeAndSubject: 'Quyết định' }] },
  ],
  invalid: [
    {
      name: 'outgoing without a date column: the unplaced header is named, and the config that places it',
      columns: ['symbol', 'typeAndSubject', 'signer'],
      unknownHeaders: ['Ngày ký ban hành VB gốc'],
      entries: [{ symbol: '05/QĐ-UBND', typeAndSubject: 'Quyết định', signer: 'A' }],
      errors: [{ messageId: 'keyColumn', severity: 'error', data: { field: 'issuedDate', unplaced: 'D "Ngày ký ban hành VB gốc"', config: '"columns": { "issuedDate": "Ngày ký ban hành VB gốc" }' } }],
    },
    {
      name: 'outgoing without a symbol column and no header to suggest: the form label',
      columns: ['issuedDate', 'typeAndSubject', 'signer'],
      entries: [{ issuedDate: '08/01/2024', typeAndSubject: 'Quyết định', signer: 'A' }],
      errors: [{ messageId: 'keyColumn', data: { field: 'symbol', unplaced: '—', config: '"columns": { "symbol": "Số, ký hiệu văn bản" }' } }],
    },
    {
      name: 'incoming without arrival number or symbol: one finding each, each header suggested once',
      kind: 'incoming',
      columns: ['arrivalDate', 'author', 'typeAndSubject'],
      unknownHeaders: ['Số ĐK', 'Người nhập máy'],
      entries: [{ arrivalDate: '10/05/2024', author: 'Sở Nội vụ', typeAndSubject: 'Công văn' }],
      errors: [
        { messageId: 'keyColumn', data: { field: 'arrivalNumber', config: '"columns": { "arrivalNumber": "Số ĐK" }' } },
        { messageId: 'keyColumn', data: { field: 'symbol', config: '"columns": { "symbol": "Số, ký hiệu văn bản" }' } },
      ],
    },
  ],
});

// Registers with fewer columns than the form: built by hand (in-memory registers always have the form's).
function workbook(header: string[], rows: (string | number | null)[][]): RawWorkbook {
  const raw: RawRow[] = [{ row: 1, values: header }, ...rows.map((values, k) => ({ row: k + 2, values }))];
  return {
    format: 'xlsx',
    sheets: (async function* () {
      yield {
        name: 'Sổ',
        index: 0,
        date1904: false,
        rows: (async function* () {
          yield raw;
        })(),
      };
    })(),
  };
}

async function columnFindings(header: string[], rows: (string | number | null)[][]) {
  const resolved = resolveConfig({}, [form]);
  const results = await runAll([{ path: 'so.xlsx', open: () => workbook(header, rows) }], { rules: resolved.rules, config: resolved.config, agency: {}, asOf: dayNumber(2025, 1, 15), detect: {} });
  return results[0]!.findings.filter((f) => f.messageId === 'missingColumn').map((f) => ({ row: f.location.row, header: f.data['header'], severity: f.severity }));
}

const OLD_OUTGOING = ['Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Người ký', 'Nơi nhận văn bản', 'Đơn vị, người nhận bản lưu', 'Số lượng bản', 'Ghi chú'];

describe('register/form columns', () => {
  it('T18: an 8-column book of 2019 is the TT 07/2012 form', async () => {
    expect(await columnFindings(OLD_OUTGOING, [['05/QĐ-UBND', '08/01/2019', 'Quyết định', 'A', 'B', 'VT', 2, '']])).toEqual([]);
  });
  it('T18: the same book in 2021 lacks "Ngày chuyển" and "Ký nhận"', async () => {
    expect(await columnFindings(OLD_OUTGOING, [['05/QĐ-UBND', '08/01/2021', 'Quyết định', 'A', 'B', 'VT', 2, '']])).toEqual([
      { row: 1, header: 'Ngày chuyển', severity: 'warning' },
      { row: 1, header: 'Ký nhận', severity: 'warning' },
    ]);
  });
  it('an export without "Ký nhận" and "Đơn vị, người nhận bản lưu"', async () => {
    const header = ['Số ký hiệu', 'Ngày ban hành', 'Loại văn bản', 'Trích yếu', 'Người ký', 'Nơi nhận', 'Số bản', 'Ngày phát hành', 'Ghi chú'];
    expect((await columnFindings(header, [['05/QĐ-UBND', '08/01/2024', 'Quyết định', 'Khen thưởng', 'A', 'B', 2, '08/01/2024', '']])).map((f) => f.header)).toEqual([
      'Đơn vị, người nhận bản lưu',
      'Ký nhận',
    ]);
  });
  it('an incoming book of 2019 without "Ngày chuyển" is complete', async () => {
    const header = ['Ngày đến', 'Số đến', 'Tác giả', 'Số, ký hiệu văn bản', 'Ngày tháng văn bản', 'Tên loại và trích yếu nội dung văn bản', 'Đơn vị hoặc người nhận', 'Ký nhận', 'Ghi chú'];
    expect(await columnFindings(header, [['10/05/2019', 1, 'Sở Nội vụ', '45/SNV-VP', '08/05/2019', 'V/v', 'VP', 'A', '']])).toEqual([]);
  });
});

testRule(period, {
  valid: [
    { entries: run(1, 5, '#/UBND-VP', 2024, 3, 1) },
    { name: 'a declared year', title: ['Năm: 2024', ''], entries: run(1, 5, '#/UBND-VP', 2024, 3, 1) },
    { name: 'a rollover into January without a declared year', entries: [...run(228, 230, '#/UBND-VP', 2024, 12, 27), ...run(1, 3, '#/UBND-VP', 2025, 1, 2)] },
    { name: 'December entries opening the next year’s export', entries: [...run(229, 230, '#/UBND-VP', 2023, 12, 28), ...run(1, 5, '#/UBND-VP', 2024, 1, 2)] },
    { name: 'a closed volume matching its cover', title: ['Năm: 2024', 'Từ ngày 01/03/2024 đến ngày 05/03/2024', 'Từ số 01 đến số 05', ''], entries: run(1, 5, '#/UBND-VP', 2024, 3, 1) },
    { name: 'a cover with dates only states the period', title: ['Từ ngày 01/01/2024 đến ngày 31/12/2024', ''], entries: run(1, 5, '#/UBND-VP', 2024, 3, 1) },
  ],
  invalid: [
    {
      name: 'an entry dated in the wrong year among its neighbours',
      entries: [out('56/QĐ-UBND', '04/03/2024'), out('57/QĐ-UBND', '05/03/2023'), out('58/QĐ-UBND', '06/03/2024')],
      errors: [{ messageId: 'outsideYear', entry: 1, field: 'issuedDate', severity: 'error', data: { dateYear: 2023, year: 2024, date: '05/03/2023' } }],
    },
    {
      name: 'a wrong year in the last entry',
      entries: [out('56/QĐ-UBND', '04/03/2024'), out('57/QĐ-UBND', '05/03/2024'), out('58/QĐ-UBND', '06/03/2014')],
      errors: [{ messageId: 'outsideYear', entry: 2 }],
    },
    {
      name: 'a declared year',
      title: ['Năm: 2024', ''],
      entries: [out('01/QĐ-UBND', '04/01/2024'), out('02/QĐ-UBND', '05/01/2023')],
      errors: [{ messageId: 'outsideDeclaredYear', entry: 1, data: { year: 2024 } }],
    },
    {
      name: 'a book of 2024 running into 2025',
      title: ['Năm: 2024', ''],
      entries: [...run(228, 230, '#/UBND-VP', 2024, 12, 27), ...run(1, 6, '#/UBND-VP', 2025, 1, 2)],
      errors: [{ messageId: 'yearRun', entry: 3, data: { count: 6, dateYear: 2025 } }],
    },
    {
      name: 'incoming: arrival dated in another year',
      kind: 'incoming',
      entries: [inc(1, '10/05/2024', '45/SNV-VP', 'Sở Nội vụ', '08/05/2024'), inc(2, '11/05/2021', '46/SNV-VP', 'Sở Nội vụ', '08/05/2024'), inc(3, '12/05/2024', '47/SNV-VP', 'Sở Nội vụ', '08/05/2024')],
      errors: [{ messageId: 'outsideYear', entry: 1, field: 'arrivalDate' }],
    },
    {
      name: 'dates outside the declared range',
      title: ['Từ ngày 01/01/2024 đến ngày 30/06/2024', ''],
      entries: [out('01/UBND-VP', '02/01/2024'), out('02/UBND-VP', '01/07/2024')],
      errors: [{ messageId: 'dateOutside', entry: 1, field: 'issuedDate', data: { from: '01/01/2024', to: '30/06/2024' } }],
    },
    {
      name: 'a volume missing its last numbers, and a number outside it',
      title: ['Năm: 2024', 'Từ số 01 đến số 10', ''],
      entries: [...run(1, 8, '#/UBND-VP', 2024, 3, 1), out('11/UBND-VP', '12/03/2024')],
      errors: [
        { messageId: 'lastNumber', entry: 7, data: { number: '08', to: '10' } },
        { messageId: 'numberOutside', entry: 8, data: { number: '11' } },
      ],
    },
    {
      name: 'a volume missing its first numbers',
      title: ['Năm: 2024', 'Từ số 151 đến số 155', ''],
      entries: run(153, 155, '#/UBND-VP', 2024, 7, 1),
      errors: [{ messageId: 'firstNumber', entry: 0, data: { from: '151', number: '153' } }],
    },
    {
      name: 'a closed volume whose first and last dates differ from the cover',
      title: ['Từ ngày 01/03/2024 đến ngày 10/03/2024', 'Từ số 01 đến số 05', ''],
      entries: run(1, 5, '#/UBND-VP', 2024, 3, 2),
      errors: [
        { messageId: 'firstDate', entry: 0, field: 'issuedDate', severity: 'warning' },
        { messageId: 'lastDate', entry: 4, severity: 'warning', data: { date: '06/03/2024' } },
      ],
    },
    {
      name: 'số đến of an incoming volume',
      kind: 'incoming',
      title: ['Năm: 2024', 'Từ số 101 đến số 103', ''],
      entries: [inc(101, '10/05/2024', '45/SNV-VP', 'Sở Nội vụ', '08/05/2024'), inc(102, '11/05/2024', '46/SNV-VP', 'Sở Nội vụ', '08/05/2024')],
      errors: [{ messageId: 'lastNumber', entry: 1, field: 'arrivalNumber' }],
    },
  ],
});

testRule(unreadableDate, {
  valid: [{ entries: [out('01/UBND-VP', '05/03/2024'), out('02/UBND-VP', '5/3/24'), out('03/UBND-VP', 'ngày 6 tháng 3 năm 2024'), out('04/UBND-VP', '')] }],
  invalid: [
    { entries: [out('14/QĐ-UBND', '12/13/2024')], errors: [{ messageId: 'monthFirst', entry: 0, field: 'issuedDate', severity: 'error', fixTo: '13/12/2024', data: { suggested: '13/12/2024' } }] },
    { entries: [out('14/QĐ-UBND', '31/02/2024')], errors: [{ messageId: 'unreadable', entry: 0, data: { value: '31/02/2024' } }] },
    { entries: [out('14/QĐ-UBND', '05/03/2024', { dispatchDate: 'hôm qua' })], errors: [{ messageId: 'unreadable', entry: 0, field: 'dispatchDate' }] },
    { kind: 'incoming', entries: [inc(1, '13/25/2024', '45/SNV-VP', 'Sở Nội vụ', '08/05/2024')], errors: [{ messageId: 'unreadable', entry: 0, field: 'arrivalDate' }] },
  ],
});

testRule(futureDate, {
  valid: [{ entries: [out('01/UBND-VP', '15/01/2025')] }],
  invalid: [
    { entries: [out('01/UBND-VP', '16/01/2025')], errors: [{ messageId: 'future', entry: 0, field: 'issuedDate', severity: 'error', data: { asOf: '15/01/2025' } }] },
    { kind: 'incoming', entries: [inc(1, '20/01/2025', '45/SNV-VP', 'Sở Nội vụ', '08/01/2025')], errors: [{ messageId: 'future', entry: 0, field: 'arrivalDate' }] },
  ],
});

testRule(issuedAfterArrival, {
  valid: [{ kind: 'incoming', entries: [inc(1, '10/05/2024', '45/SNV-VP', 'Sở Nội vụ', '10/05/2024')] }],
  invalid: [{ kind: 'incoming', entries: [inc(1, '10/05/2024', '45/SNV-VP', 'Sở Nội vụ', '13/05/2024')], errors: [{ messageId: 'afterArrival', entry: 0, field: 'issuedDate', severity: 'error' }] }],
});

testRule(futureDate, {
  valid: [{ name: 'the day of the check itself', entries: [out('01/UBND-VP', '15/01/2025')] }],
  invalid: [
    {
      name: 'a long run of future dates is one finding',
      entries: run(1, 8, '#/UBND-VP', 2026, 3, 2),
      errors: [{ messageId: 'futureRun', entry: 0, data: { count: 8, lastRow: 9 } }],
    },
    {
      name: 'short runs are reported entry by entry',
      entries: [out('01/UBND-VP', '10/01/2025'), out('02/UBND-VP', '11/01/2026'), out('03/UBND-VP', '12/01/2026'), out('04/UBND-VP', '13/01/2025')],
      errors: [{ messageId: 'future', entry: 1 }, { messageId: 'future', entry: 2 }],
    },
  ],
});
