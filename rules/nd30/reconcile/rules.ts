// Cross-unit reconciliation (inspector mode): what unit A sent to unit B should be registered in B's
// incoming book (Điều 4.2.b: every incoming document passes through the Văn thư for registration;
// Điều 22.1: a document not registered creates no duty to handle it). The batch layer reports these
// from the registers of several units at once; the rules carry the metadata and the message texts.
import { defineRule } from '../../../src/engine/rule.js';

const ND30 = 'NĐ 30/2020/NĐ-CP';

export const notReceived = defineRule({
  meta: {
    id: 'reconcile/not-received',
    category: 'numbering',
    defaultSeverity: 'error',
    appliesTo: ['outgoing'],
    description: {
      vi: 'Văn bản đơn vị gửi cho một đơn vị khác trong đợt kiểm tra phải có trong sổ văn bản đến của đơn vị nhận.',
      en: 'A document one unit sent to another unit of the inspection must be in the receiving unit’s incoming register.',
    },
    messages: {
      missing: {
        vi: 'Văn bản "{symbol}" ngày {date} gửi {receiver} nhưng sổ văn bản đến của {receiver} ({receiverFile}) không có văn bản này.',
        en: 'Document "{symbol}" of {date} was sent to {receiver}, but {receiver}’s incoming register ({receiverFile}) does not hold it.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 4 khoản 2 điểm b; Điều 22 khoản 1', kind: 'derived' },
    fix: 'none',
    scope: 'run',
  },
  check: () => ({}),
});

export const receivedMismatch = defineRule({
  meta: {
    id: 'reconcile/mismatch',
    category: 'numbering',
    defaultSeverity: 'warning',
    appliesTo: ['incoming'],
    description: {
      vi: 'Số, ký hiệu và ngày văn bản ghi trong sổ đến phải khớp với sổ văn bản đi của đơn vị gửi.',
      en: 'The symbol and date recorded in the incoming register must match the sender’s outgoing register.',
    },
    messages: {
      date: {
        vi: 'Văn bản "{symbol}" của {sender} ghi ngày {date} trong sổ đến, nhưng sổ văn bản đi của {sender} ghi ngày {senderDate} ({senderFile}, dòng {senderRow}).',
        en: 'Document "{symbol}" from {sender} is dated {date} in the incoming register, but {sender}’s outgoing register says {senderDate} ({senderFile}, row {senderRow}).',
      },
      symbol: {
        vi: 'Sổ đến ghi "{symbol}" nhưng văn bản số {number} ngày {date} của {sender} có ký hiệu "{senderSymbol}" ({senderFile}, dòng {senderRow}).',
        en: 'The incoming register has "{symbol}" but {sender}’s document number {number} of {date} is "{senderSymbol}" ({senderFile}, row {senderRow}).',
      },
    },
    citation: { instrument: ND30, article: 'Điều 22 khoản 1; Phụ lục IV mục VI', kind: 'derived' },
    fix: 'suggestion',
    scope: 'run',
  },
  check: () => ({}),
});

export const unknownNumber = defineRule({
  meta: {
    id: 'reconcile/unknown-number',
    category: 'numbering',
    defaultSeverity: 'warning',
    appliesTo: ['incoming'],
    description: {
      vi: 'Văn bản đến ghi số của một đơn vị trong đợt kiểm tra mà sổ văn bản đi của đơn vị đó không có.',
      en: 'An incoming entry claims a number of a unit of the inspection that the unit’s outgoing register does not hold.',
    },
    messages: {
      unknown: {
        vi: 'Sổ đến ghi văn bản "{symbol}" của {sender}, nhưng sổ văn bản đi năm {year} của {sender} ({senderFile}) không có số {number} trong dãy số này.',
        en: 'The incoming register records "{symbol}" from {sender}, but {sender}’s {year} outgoing register ({senderFile}) has no number {number} in that series.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 15 khoản 1; Điều 16 khoản 1', kind: 'derived' },
    fix: 'none',
    scope: 'run',
  },
  check: () => ({}),
});

export const RECONCILE_RULES = [notReceived, receivedMismatch, unknownNumber];
