// numbering/received-twice: the same document registered twice (Phụ lục VI III.1.h).
import receivedTwice from '../../../rules/nd30/numbering/received-twice.js';
import { testRule } from '../../rule-tester.js';
import { inc } from './helpers.js';

testRule(receivedTwice, {
  valid: [
    { kind: 'incoming', entries: [inc(1, '10/05/2024', '123/SNV-VP', 'Sở Nội vụ', '08/05/2024'), inc(2, '10/05/2024', '124/SNV-VP', 'Sở Nội vụ', '08/05/2024')] },
    { name: 'the same symbol from two senders', kind: 'incoming', entries: [inc(1, '10/05/2024', '05/QĐ-UBND', 'UBND huyện Thanh Bình', '08/05/2024'), inc(2, '10/05/2024', '05/QĐ-UBND', 'UBND huyện Tam Nông', '08/05/2024')] },
    { name: 'the same symbol in two years', kind: 'incoming', entries: [inc(1, '10/05/2023', '05/QĐ-UBND', 'UBND huyện', '08/05/2023'), inc(2, '10/05/2024', '05/QĐ-UBND', 'UBND huyện', '08/05/2024')] },
    { name: 'documents without a number', kind: 'incoming', entries: [inc(1, '10/05/2024', 'Đơn đề nghị', 'Ông Nguyễn Văn A', '08/05/2024'), inc(2, '11/05/2024', 'Đơn đề nghị', 'Ông Nguyễn Văn A', '08/05/2024')] },
  ],
  invalid: [
    {
      name: 'T14: 123/SNV-VP from Sở Nội vụ registered twice',
      kind: 'incoming',
      entries: [inc(14, '10/05/2024', '123/SNV-VP', 'Sở Nội vụ', '08/05/2024'), inc(15, '11/05/2024', '123/SNV-VP', 'Sở Nội vụ', '08/05/2024')],
      errors: [{ messageId: 'twice', entry: 1, field: 'symbol', severity: 'warning', data: { otherRow: 2, otherNumber: '14' } }],
    },
    {
      name: 'spacing and case differences are the same symbol',
      kind: 'incoming',
      entries: [inc(14, '10/05/2024', '123/SNV-VP', 'Sở Nội vụ', '08/05/2024'), inc(20, '15/05/2024', '123 / SNV - VP', 'SỞ NỘI VỤ', '08/05/2024')],
      errors: [{ messageId: 'twice', entry: 1 }],
    },
  ],
});
