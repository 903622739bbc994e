// Helpers shared by the register-form rules.
import type { FieldName, Location, RegisterKind } from '../../../src/core/types.js';
import type { RegisterInfo } from '../../../src/register/model.js';

/** The header row of a register: where findings about the register as a whole point. */
export function headerLocation(info: RegisterInfo): Location {
  return { file: info.file, ...(info.format === 'pdf' ? {} : { sheet: info.sheet }), row: info.headerRow };
}

/** The date that places an entry in its year: issue date (outgoing), arrival date (incoming). */
export const yearField = (kind: RegisterKind): FieldName => (kind === 'incoming' ? 'arrivalDate' : 'issuedDate');

/** Field names as the Phụ lục IV forms write them, for messages. */
export const FIELD_LABEL: Readonly<Partial<Record<FieldName, { readonly vi: string; readonly en: string }>>> = {
  symbol: { vi: 'Số, ký hiệu văn bản', en: 'number and symbol' },
  issuedDate: { vi: 'Ngày tháng văn bản', en: 'document date' },
  typeAndSubject: { vi: 'Tên loại và trích yếu nội dung văn bản', en: 'type and subject' },
  type: { vi: 'Tên loại văn bản', en: 'document type' },
  subject: { vi: 'Trích yếu nội dung', en: 'subject' },
  signer: { vi: 'Người ký', en: 'signer' },
  recipients: { vi: 'Nơi nhận văn bản', en: 'recipients' },
  arrivalDate: { vi: 'Ngày đến', en: 'arrival date' },
  arrivalNumber: { vi: 'Số đến', en: 'arrival number' },
  author: { vi: 'Tác giả', en: 'author (sender)' },
  dispatchDate: { vi: 'Ngày chuyển', en: 'dispatch date' },
  transferDate: { vi: 'Ngày chuyển', en: 'hand-over date' },
  dueDate: { vi: 'Thời hạn giải quyết', en: 'due date' },
  resolvedDate: { vi: 'Ngày giải quyết', en: 'resolution date' },
  index: { vi: 'STT', en: 'row number' },
  number: { vi: 'Số', en: 'number' },
  retainedBy: { vi: 'Đơn vị, người nhận bản lưu', en: 'file copy kept by' },
  copies: { vi: 'Số lượng bản', en: 'copies' },
  handler: { vi: 'Đơn vị hoặc người nhận', en: 'handled by' },
  receivedSignature: { vi: 'Ký nhận', en: 'signature of receipt' },
  notes: { vi: 'Ghi chú', en: 'notes' },
  urgency: { vi: 'Độ khẩn', en: 'urgency' },
  secrecy: { vi: 'Độ mật', en: 'secrecy' },
  status: { vi: 'Trạng thái', en: 'status' },
};

export const label = (field: FieldName): { vi: string; en: string } => FIELD_LABEL[field] ?? { vi: field, en: field };

export const ND30 = 'NĐ 30/2020/NĐ-CP';
