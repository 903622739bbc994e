// numbering/gap: per series and year, across volumes and files; explained gaps are info.
import gap from '../../../rules/nd30/numbering/gap.js';
import { testRule } from '../../rule-tester.js';
import { inc, interleave, out, redate, run } from './helpers.js';

// A commune that numbers each type on its own: QĐ 01–05, TB 01–04, công văn 01–06, interleaved.
const perType = redate(interleave(run(1, 5, '#/QĐ-UBND', 2024, 1, 2), run(1, 4, '#/TB-UBND', 2024, 1, 2), run(1, 6, '#/UBND-VP', 2024, 1, 2)), 2024, 1, 2);

testRule(gap, {
  valid: [
    { entries: [out('01/QĐ-UBND', '02/01/2024'), out('02/UBND-VP', '03/01/2024'), out('03/TB-UBND', '04/01/2024')] },
    {
      name: 'QPPL and copies interleaved with the main series run in their own series',
      entries: [out('01/QĐ-UBND', '02/01/2024'), out('01/2024/QĐ-UBND', '03/01/2024'), out('02/UBND-VP', '04/01/2024'), out('01/SY-UBND', '05/01/2024'), out('03/KH-UBND', '08/01/2024'), out('02/SY-UBND', '09/01/2024'), out('04/TB-UBND', '10/01/2024')],
    },
    { name: 'per-type numbering is detected (scheme auto)', entries: perType },
    { name: 'per-type numbering configured', entries: perType, config: { numbering: { scheme: 'per-type' } } },
    {
      name: 'HĐND documents in a UBND book keep their own series',
      entries: redate(interleave(run(1, 8, '#/QĐ-UBND', 2024, 1, 2), run(1, 3, '#/NQ-HĐND', 2024, 1, 2)), 2024, 1, 2),
    },
    {
      name: 'an advisory council signing under its own name has its own series',
      entries: redate(interleave(run(1, 6, '#/UBND-VP', 2024, 1, 2), run(1, 2, '#/QĐ-HĐTĐKT', 2024, 1, 2)), 2024, 1, 2),
    },
    {
      name: 'secret documents (Độ mật) have their own series',
      entries: [
        out('01/QĐ-UBND', '02/01/2024', { secrecy: '' }),
        out('01/QĐ-UBND', '03/01/2024', { secrecy: 'Mật' }),
        out('02/UBND-VP', '04/01/2024', { secrecy: '' }),
        out('02/UBND-VP', '05/01/2024', { secrecy: 'Tối mật' }),
        out('03/TB-UBND', '08/01/2024', { secrecy: 'Thường' }),
      ],
    },
    {
      name: 'an explicit series from config (an advisory council using the agency issuer)',
      entries: [out('01/QĐ-UBND', '02/01/2024'), out('01/QĐ-UBND-HĐTĐKT', '03/01/2024'), out('02/UBND-VP', '04/01/2024'), out('02/QĐ-UBND-HĐTĐKT', '05/01/2024')],
      config: { numbering: { series: [{ name: 'Hội đồng TĐKT', pattern: 'HĐTĐKT$' }] } },
    },
    { name: 'a year split into two volumes in two files continues', entries: run(1, 5, '#/UBND-VP', 2024, 1, 2), more: [{ kind: 'outgoing', entries: run(6, 9, '#/UBND-VP', 2024, 7, 1) }] },
    {
      name: 'a register of a unit created on 1 July 2025 starts at 01',
      title: ['Năm: 2025', 'Từ ngày 01/07/2025 đến ngày 31/12/2025', ''],
      entries: run(1, 6, '#/UBND-VP', 2025, 7, 1),
      asOf: 20500,
    },
    {
      name: 'numbering restarted on 1 July 2025 inside one book',
      entries: [...run(1, 5, '#/UBND-VP', 2025, 6, 23), ...run(1, 4, '#/UBND-VP', 2025, 7, 1)],
      asOf: 20500,
    },
    { name: 'December → January rollover restarts at 01', entries: [...run(228, 230, '#/UBND-VP', 2024, 12, 27), ...run(1, 3, '#/UBND-VP', 2025, 1, 2)] },
    { name: 'an entry dated in the wrong year stays in its neighbours’ series', entries: [out('56/QĐ-UBND', '04/03/2024'), out('57/QĐ-UBND', '05/03/2023'), out('58/QĐ-UBND', '06/03/2024')] },
    { name: 'an unreadable date stays in the year of its neighbours', entries: [out('01/QĐ-UBND', '08/01/2024'), out('02/QĐ-UBND', '12/13/2024'), out('03/QĐ-UBND', '09/01/2024')] },
    {
      name: 'copies numbered into the main series do not open gaps in it',
      entries: [out('01/QĐ-UBND', '02/01/2024'), out('02/UBND-VP', '03/01/2024'), out('03/SY-UBND', '04/01/2024'), out('04/TB-UBND', '05/01/2024')],
    },
    {
      name: 'split layout: number in "Số vào sổ", symbol without it',
      entries: [out('QĐ-UBND', '02/01/2024', { number: 1 }), out('UBND-VP', '03/01/2024', { number: 2 }), out('TB-UBND', '04/01/2024', { number: 3 })],
    },
    { name: 'số đến consecutive', kind: 'incoming', entries: [inc(1, '02/01/2024', '12/UBND-VP', 'UBND huyện', '01/01/2024'), inc(2, '03/01/2024', '45/SNV-VP', 'Sở Nội vụ', '02/01/2024')] },
    {
      name: 'two separate books of the same kind (one per type) are not one series',
      entries: run(1, 6, '#/QĐ-UBND', 2024, 1, 2),
      more: [{ kind: 'outgoing', entries: run(1, 5, '#/UBND-VP', 2024, 1, 2) }],
    },
  ],
  invalid: [
    { entries: [out('01/QĐ-UBND', '08/01/2024'), out('02/QĐ-UBND', '09/01/2024'), out('04/QĐ-UBND', '10/01/2024')], errors: [{ messageId: 'gap', entry: 2, field: 'symbol', severity: 'error', data: { range: '03', missing: 1 } }] },
    { entries: [out('12/QĐ-UBND', '08/01/2024'), out('18/QĐ-UBND', '09/01/2024')], errors: [{ messageId: 'gap', entry: 1, data: { range: '13–17', missing: 5, before: '12', after: '18' } }] },
    {
      name: 'a real gap inside a detected per-type series',
      entries: redate(interleave(run(1, 2, '#/QĐ-UBND', 2024, 1, 2), run(1, 4, '#/TB-UBND', 2024, 1, 2), run(1, 6, '#/UBND-VP', 2024, 1, 2), [out('04/QĐ-UBND', '01/01/2024'), out('05/QĐ-UBND', '01/01/2024')]), 2024, 1, 2),
      errors: [{ messageId: 'gap', entry: 3, data: { range: '03', seriesEn: 'administrative documents of type QĐ' } }],
    },
    {
      name: 'a gap between two volumes in two files',
      entries: run(1, 5, '#/UBND-VP', 2024, 1, 2),
      more: [{ kind: 'outgoing', entries: run(8, 10, '#/UBND-VP', 2024, 7, 1) }],
      errors: [{ messageId: 'gap', entry: 0, data: { range: '06–07', year: 2024 } }],
    },
    {
      name: 'explained by a note on the entry after the gap',
      entries: [out('01/QĐ-UBND', '08/01/2024'), out('02/QĐ-UBND', '09/01/2024'), out('04/QĐ-UBND', '10/01/2024', { notes: 'Hủy số 03' })],
      errors: [{ messageId: 'explained', entry: 2, severity: 'info', data: { range: '03' } }],
    },
    {
      name: 'explained by the voided list in config',
      entries: [out('01/QĐ-UBND', '08/01/2024'), out('04/QĐ-UBND', '10/01/2024')],
      config: { numbering: { voided: ['2024:2-3'] } },
      errors: [{ messageId: 'explained', entry: 1, severity: 'info' }],
    },
    {
      name: 'explained by a voided symbol in config',
      entries: [out('01/QĐ-UBND', '08/01/2024'), out('03/QĐ-UBND', '10/01/2024')],
      config: { numbering: { voided: ['02/QĐ-UBND@2024'] } },
      errors: [{ messageId: 'explained', entry: 1, severity: 'info' }],
    },
    {
      name: 'explained by a note elsewhere naming the number',
      entries: [out('01/QĐ-UBND', '08/01/2024'), out('03/QĐ-UBND', '10/01/2024'), out('04/QĐ-UBND', '11/01/2024'), out('05/QĐ-UBND', '12/01/2024', { notes: 'Thu hồi số 02/QĐ-UBND ngày 09/01/2024' })],
      errors: [{ messageId: 'explained', entry: 1, severity: 'info', data: { reasonEn: 'note on row 5' } }],
    },
    {
      name: 'explained by "thu hồi số" on the entry before the gap',
      entries: [out('01/QĐ-UBND', '08/01/2024'), out('02/QĐ-UBND', '09/01/2024', { notes: 'Số tiếp theo đã thu hồi' }), out('04/QĐ-UBND', '10/01/2024')],
      errors: [{ messageId: 'explained', entry: 2, severity: 'info', data: { reasonEn: 'note on row 3' } }],
    },
    {
      name: 'a recall note that names no number explains nothing',
      entries: [out('01/QĐ-UBND', '08/01/2024'), out('03/QĐ-UBND', '10/01/2024', { notes: 'Đã thu hồi bản cũ' })],
      errors: [{ messageId: 'gap', entry: 1, severity: 'error' }],
    },
    {
      name: 'a symbol column holding bare numbers',
      entries: [out('1', '08/01/2024'), out('2', '09/01/2024'), out('5', '10/01/2024')],
      errors: [{ messageId: 'gap', entry: 2, data: { range: '03–04' } }],
    },
    {
      name: 'a number far beyond the series is a likely typo',
      entries: [...run(1, 10, '#/UBND-VP', 2024, 1, 2), out('2000/UBND-VP', '15/01/2024')],
      errors: [{ messageId: 'outlier', entry: 10, severity: 'warning', data: { after: '2000', before: '10' } }],
    },
    {
      name: 'a single seeded duplicate across types does not make the types separate series',
      entries: [...run(1, 4, '#/QĐ-UBND', 2024, 1, 2), out('04/TB-UBND', '08/01/2024'), ...run(6, 8, '#/TB-UBND', 2024, 1, 9)],
      errors: [{ messageId: 'gap', entry: 5, data: { range: '05' } }],
    },
    {
      name: 'số đến gap',
      kind: 'incoming',
      entries: [inc(1, '02/01/2024', '12/UBND-VP', 'UBND huyện', '01/01/2024'), inc(2, '03/01/2024', '45/SNV-VP', 'Sở Nội vụ', '02/01/2024'), inc(5, '04/01/2024', '46/SNV-VP', 'Sở Nội vụ', '02/01/2024')],
      errors: [{ messageId: 'gap', entry: 2, field: 'arrivalNumber', data: { range: '03–04', seriesEn: 'arrival numbers' } }],
    },
    {
      name: 'explained gap in số đến (config "đến:")',
      kind: 'incoming',
      entries: [inc(1, '02/01/2024', '12/UBND-VP', 'UBND huyện', '01/01/2024'), inc(3, '04/01/2024', '46/SNV-VP', 'Sở Nội vụ', '02/01/2024')],
      config: { numbering: { voided: ['đến:2024:2'] } },
      errors: [{ messageId: 'explained', entry: 1, severity: 'info' }],
    },
  ],
});
