// Register detection: find the header among the first rows of a sheet (title rows, two-row merged
// headers and the (1)…(10) index row are normal), map columns to fields, read the cover lines, decide
// the kind. Works on a stream: only the head of the sheet is buffered.
import { parseDateValue } from '../core/date-parse.js';
import type { DayNumber } from '../core/dates.js';
import type { FieldName, RegisterKind } from '../core/types.js';
import type { RawRow, RawSheet, RawValue, SourceFormat } from '../ingest/types.js';
import { fieldForKind, fold, matchHeader, type HeaderOverrides } from './headers.js';
import { cleanText, columnLetter, Entry, type ColumnInfo, type RegisterInfo, type TitleInfo } from './model.js';

/** How far down the header may sit (real files: any of the first ~15 rows). */
const HEAD_ROWS = 20;
/** A header names at least this many distinct fields. */
const MIN_HEADER_FIELDS = 3;

export interface DetectOptions {
  readonly file: string;
  readonly format: SourceFormat;
  readonly kind?: RegisterKind;
  /** `--partial` / config `partial: true`: every sheet is a partial list. */
  readonly partial?: boolean;
  readonly overrides?: { readonly byKey: HeaderOverrides; readonly byLetter: ReadonlyMap<string, FieldName> };
}

export type SheetResult =
  | { readonly type: 'register'; readonly info: RegisterInfo; readonly entries: AsyncIterable<Iterable<Entry>> }
  | { readonly type: 'skipped'; readonly sheet: string; readonly sheetIndex: number; readonly reason: 'no-header' | 'empty' };

const cellText = (v: RawValue | undefined): string => (typeof v === 'string' ? cleanText(v) : v === null || v === undefined ? '' : String(v));

interface HeaderCandidate {
  readonly band: readonly RawRow[];
  readonly fields: Map<FieldName, { index: number; header: string }>;
  readonly unmapped: { letter: string; header: string }[];
  /** Fields named by their header text (not by a `col:` letter override). */
  readonly named: number;
}

function mapHeaderBand(band: readonly RawRow[], options: DetectOptions): HeaderCandidate {
  const fields = new Map<FieldName, { index: number; header: string }>();
  const unmapped: { letter: string; header: string }[] = [];
  const width = Math.max(...band.map((r) => r.values.length));
  const top = band[0]!;
  const sub = band[1];
  let group = '';
  let named = 0;
  for (let c = 0; c < width; c++) {
    const topText = cellText(top.values[c]);
    const subText = sub ? cellText(sub.values[c]) : '';
    // A horizontally merged group label ("Văn bản" over "Số" | "Ngày") leaves the slave cells empty.
    if (topText) group = subText ? topText : '';
    const letter = columnLetter(c);
    const candidates: string[] = [];
    if (subText) candidates.push(subText, `${topText || group} ${subText}`);
    if (topText) candidates.push(topText);
    const forced = options.overrides?.byLetter.get(letter);
    let field: FieldName | undefined = forced;
    let header = subText ? (topText || group ? `${topText || group} / ${subText}` : subText) : topText;
    if (!field) {
      for (const cand of candidates) {
        field = matchHeader(cand, options.overrides?.byKey);
        if (field) break;
      }
    }
    if (!header) continue;
    if (field && !fields.has(field)) {
      fields.set(field, { index: c, header });
      if (field !== forced) named++;
    }
    else unmapped.push({ letter, header });
    header = '';
  }
  return { band, fields, unmapped, named };
}

function score(c: HeaderCandidate): number {
  let s = c.fields.size;
  // The key columns make a header far more likely than any title line.
  if (c.fields.has('symbol') || c.fields.has('arrivalNumber')) s += 2;
  return s;
}

function isIndexRow(row: RawRow): boolean {
  let n = 0;
  for (const v of row.values) {
    if (v === null || v === undefined) continue;
    const t = typeof v === 'number' ? String(v) : cellText(v);
    if (t === '') continue;
    if (!/^\(?\d{1,2}[a-z]?\)?$/.test(t)) return false;
    n++;
  }
  return n >= 3;
}

function findHeader(head: readonly RawRow[], options: DetectOptions): { candidate: HeaderCandidate; at: number } | undefined {
  let best: { candidate: HeaderCandidate; at: number } | undefined;
  let bestScore = 0;
  for (let i = 0; i < head.length; i++) {
    const row = head[i]!;
    const single = mapHeaderBand([row], options);
    const next = head[i + 1];
    const candidates = [single];
    // A two-row header has labels across its top row; a cover line directly above the header
    // ("Năm: 2024" in a merged cell) is one cell and must not become the top of a band.
    const topCells = row.values.reduce<number>((n, v) => n + (cellText(v) ? 1 : 0), 0);
    if (next && next.row === row.row + 1 && !isIndexRow(next) && topCells >= 2) {
      // The band must beat the row below on its own: a short cover line ("Năm: 2024 | Quyển số: 02")
      // over a one-row header adds nothing and must stay a title line.
      const band = mapHeaderBand([row, next], options);
      if (score(band) > score(mapHeaderBand([next], options))) candidates.push(band);
    }
    for (const cand of candidates) {
      const s = score(cand);
      // `col:` letter overrides place columns of a register header; they never make one (a
      // statistics sheet with two headed columns is not a register because a letter was forced).
      if (cand.named >= MIN_HEADER_FIELDS && s > bestScore) {
        best = { candidate: cand, at: i };
        bestScore = s;
      }
    }
  }
  return best;
}

function decideKind(
  fields: ReadonlyMap<FieldName, { readonly header: string }>,
  title: TitleInfo,
  forced?: RegisterKind,
): { kind: RegisterKind; source: RegisterInfo['kindSource']; conflict?: RegisterInfo['kindConflict'] } {
  const own = ownKind(fields, title);
  if (forced) return { kind: forced, source: 'option', ...(own && own.kind !== forced ? { conflict: own } : {}) };
  if (title.kind) return { kind: title.kind, source: 'title' };
  // A published list names each document's issuer ("Cơ quan ban hành"): the documents it lists were
  // issued, not received — it is read like an outgoing book, with the issuer per row.
  if (title.list) return { kind: 'outgoing', source: 'title' };
  return { kind: incomingEvidence(fields) ? 'incoming' : 'outgoing', source: 'headers' };
}

/**
 * Columns only an incoming register has. An author column headed with the issuer's wording ("Cơ
 * quan ban hành", "Nơi ban hành") is in document lists too, which are no incoming books: alone, it
 * does not make one.
 */
function incomingEvidence(fields: ReadonlyMap<FieldName, { readonly header: string }>): boolean {
  for (const f of INCOMING_FIELDS) {
    const c = fields.get(f);
    if (c === undefined) continue;
    if (f === 'author' && ISSUER_WORDING.test(fold(c.header))) continue;
    return true;
  }
  return false;
}

const ISSUER_WORDING = /\b(?:ban hanh|bh)\b/;

/**
 * A sheet read as outgoing from its columns that names each document's issuer ("Cơ quan ban hành"):
 * an agency's own book needs no such column — it is a list of documents of several issuers.
 */
function issuerListed(fields: ReadonlyMap<FieldName, { readonly header: string }>, kind: RegisterKind, source: RegisterInfo['kindSource']): boolean {
  const author = fields.get('author');
  return kind === 'outgoing' && source === 'headers' && author !== undefined && ISSUER_WORDING.test(fold(author.header));
}

/** Columns only an incoming register has, and columns only an outgoing one has (Phụ lục IV, I and VI). */
const INCOMING_FIELDS: readonly FieldName[] = ['arrivalNumber', 'arrivalDate', 'author', 'handler'];
const OUTGOING_FIELDS: readonly FieldName[] = ['signer', 'retainedBy', 'copies', 'dispatchDate'];
const hasAny = (fields: ReadonlyMap<FieldName, unknown>, names: readonly FieldName[]): boolean => names.some((f) => fields.has(f));

/**
 * What the register says of itself: its title line ("Sổ đăng ký văn bản đến"), else columns that
 * only one kind has. Undefined when it says nothing clear (a bare list with number, date, subject).
 */
function ownKind(fields: ReadonlyMap<FieldName, { readonly header: string }>, title: TitleInfo): RegisterInfo['kindConflict'] {
  if (title.kind) return { kind: title.kind, source: 'title' };
  const incoming = incomingEvidence(fields);
  if (incoming === hasAny(fields, OUTGOING_FIELDS)) return undefined;
  return { kind: incoming ? 'incoming' : 'outgoing', source: 'headers' };
}

/** A list of documents, not a register: "DANH MỤC VĂN BẢN …", "CÔNG BÁO …", "văn bản đăng công báo". */
const LIST_TITLE = /^danh muc\b.*\bvan ban\b|\bcong bao\b|^danh muc (?:vbqppl|qppl)\b/;

/** Reads the Phụ lục IV cover lines above the header: kind, Năm, Từ ngày … đến ngày, Từ số … đến số, Quyển số, agency. */
export function readTitle(rows: readonly RawRow[], date1904: boolean): TitleInfo {
  const out: {
    agency?: string; parentAgency?: string; kind?: RegisterKind; year?: number; fromDate?: DayNumber; toDate?: DayNumber;
    fromNumber?: number; toNumber?: number; volume?: string; list?: boolean;
    rows: Partial<Record<'kind' | 'year' | 'dates' | 'numbers' | 'volume' | 'list', number>>;
  } = { rows: {} };
  const agencyLines: string[] = [];
  for (const row of rows) {
    const text = row.values.map(cellText).filter(Boolean).join(' ');
    if (!text) continue;
    const f = fold(text);
    let used = false;
    const kindMatch = /van ban (di|den)\b/.exec(f);
    if (kindMatch && /\bso\b|dang ky|danh sach|danh muc/.test(f)) {
      out.kind = kindMatch[1] === 'di' ? 'outgoing' : 'incoming';
      out.rows.kind = row.row;
      used = true;
    }
    if (LIST_TITLE.test(f)) {
      out.list = true;
      out.rows.list ??= row.row;
      used = true;
    }
    const dates = /tu ngay\s*(.+?)\s*den ngay\s*(.+)$/.exec(f);
    if (dates) {
      const a = parseDateValue(dates[1]!.replace(/[.…]+$/, '').trim(), date1904);
      const b = parseDateValue(dates[2]!.replace(/[.…]+$/, '').trim(), date1904);
      if (a.ok) out.fromDate = a.day;
      if (b.ok) out.toDate = b.day;
      if (a.ok || b.ok) out.rows.dates = row.row;
      used = true;
    }
    const numbers = /tu so\s*:?\s*(\d+)\s*den so\s*:?\s*(\d+)/.exec(f);
    if (numbers) {
      out.fromNumber = Number(numbers[1]);
      out.toNumber = Number(numbers[2]);
      out.rows.numbers = row.row;
      used = true;
    } else if (/tu so/.test(f)) used = true;
    const year = !dates ? /\bnam\s*:?\s*((?:19|20)\d\d)\b/.exec(f) : null;
    if (year) {
      out.year = Number(year[1]);
      out.rows.year = row.row;
      used = true;
    }
    const volume = /quyen so\s*:?\s*([0-9a-z]+)/.exec(f);
    if (volume) {
      out.volume = volume[1]!;
      out.rows.volume = row.row;
      used = true;
    }
    if (!used && !out.kind && agencyLines.length < 2 && !/ngay xuat|danh sach/.test(f)) agencyLines.push(text);
  }
  if (agencyLines.length === 2) {
    out.parentAgency = agencyLines[0]!;
    out.agency = agencyLines[1]!;
  } else if (agencyLines.length === 1) out.agency = agencyLines[0]!;
  return out;
}

/** Printed exports repeat the header on every page: a row whose first mapped cells equal their headers. */
function repeatedHeaderCheck(columns: ReadonlyMap<FieldName, ColumnInfo>, band: readonly RawRow[]): (row: RawRow) => boolean {
  const last = band[band.length - 1]!;
  const probes = [...columns.values()]
    .map((c) => ({ index: c.index, text: cellText(last.values[c.index]) }))
    .filter((p) => p.text !== '')
    .slice(0, 2);
  return (row) =>
    probes.length > 0 &&
    probes.every((p) => {
      const v = row.values[p.index];
      return typeof v === 'string' && v.length < 120 && cleanText(v) === p.text;
    });
}

/** A symbol-like value: a number then "/" or "-" (`05/QĐ-UBND`, `12-NQ/TU`), not a footer sentence. */
const SYMBOL_LIKE = /^\s*\d{1,6}[a-zA-Z]?\s*[/-]/;

/**
 * Enough filled cells to be an entry rather than a footer line ("Người lập sổ", "Tổng số: 120"):
 * two filled cells, or a number reserved alone on its row (only the symbol, or số đến, written).
 */
function looksLikeEntry(row: RawRow, dataColumns: readonly number[], keyColumns: readonly number[]): boolean {
  let filled = 0;
  let only = -1;
  for (const i of dataColumns) {
    const v = row.values[i];
    if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) {
      if (++filled >= 2) return true;
      only = i;
    }
  }
  if (filled !== 1 || !keyColumns.includes(only)) return false;
  const v = row.values[only];
  return typeof v === 'number' || (typeof v === 'string' && SYMBOL_LIKE.test(v));
}

/**
 * A total line (`Tổng cộng`, `Cộng:`, `Tổng số: 120 văn bản`): a cell that is only such a label, with
 * or without its count. Cells are folded (no case, no diacritics) before the test.
 */
const TOTAL_LABEL = /^(?:tong cong|tong so|tong|cong)(?:\s*(?:so)?\s*[:.]?\s*\d*\s*(?:van ban|vb|ban|so)?)?\s*[:.]?$/;
/** A signature block's lines: the roles signing the book and the "(Ký, ghi rõ họ tên)" under them. */
const SIGNATURE_LINE = /^\(?\s*(?:ky,? ghi ro ho ten|ky ten|ky,? dong dau|nguoi lap(?: so| bieu)?|nguoi ghi so|thu truong(?: co quan| don vi)?|lanh dao(?: co quan| don vi)?|(?:can bo )?van thu(?: co quan)?|xac nhan cua .*|chanh van phong|truong phong.*)\s*\)?[.:]?$/;
const MAX_LABEL = 60;

/** Rows that close a register rather than record a document: a total line, a signature block. */
function isClosingRow(row: RawRow, symbolColumn: number | undefined): boolean {
  if (symbolColumn !== undefined) {
    const v = row.values[symbolColumn];
    if (typeof v === 'string' && SYMBOL_LIKE.test(v)) return false;
  }
  let filled = 0;
  let signature = 0;
  for (const v of row.values) {
    if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
    filled++;
    if (typeof v !== 'string' || v.length > MAX_LABEL) continue;
    const f = fold(v).replace(/\s+/g, ' ').trim();
    if (TOTAL_LABEL.test(f)) return true;
    if (SIGNATURE_LINE.test(f)) signature++;
  }
  return filled > 0 && signature === filled;
}

export async function detectSheet(sheet: RawSheet, options: DetectOptions): Promise<SheetResult> {
  const iterator = sheet.rows[Symbol.asyncIterator]();
  const head: RawRow[] = [];
  // Rows read past the head with its last batch: they are entries to come, not header candidates.
  let overflow: readonly RawRow[] = [];
  let exhausted = false;
  while (head.length < HEAD_ROWS) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    const take = HEAD_ROWS - head.length;
    if (next.value.length <= take) head.push(...next.value);
    else {
      head.push(...next.value.slice(0, take));
      overflow = next.value.slice(take);
    }
  }
  const drain = async (): Promise<void> => {
    if (exhausted) return;
    for (let n = await iterator.next(); !n.done; n = await iterator.next()) {
      /* the reader must consume the sheet before the next one starts */
    }
  };
  if (head.length === 0) {
    await drain();
    return { type: 'skipped', sheet: sheet.name, sheetIndex: sheet.index, reason: 'empty' };
  }
  const found = findHeader(head, options);
  if (!found) {
    await drain();
    return { type: 'skipped', sheet: sheet.name, sheetIndex: sheet.index, reason: 'no-header' };
  }
  const { candidate, at } = found;
  const title = readTitle(head.slice(0, at), sheet.date1904);
  const { kind, source, conflict } = decideKind(candidate.fields, title, options.kind);
  const columns = new Map<FieldName, ColumnInfo>();
  for (const [rawField, { index, header }] of candidate.fields) {
    const field = fieldForKind(rawField, kind);
    if (!columns.has(field)) columns.set(field, { field, index, letter: columnLetter(index), header });
  }
  const headerRows = candidate.band.map((r) => r.row);
  const info: RegisterInfo = {
    file: options.file,
    sheet: sheet.name,
    sheetIndex: sheet.index,
    format: options.format,
    kind,
    kindSource: source,
    ...(conflict ? { kindConflict: conflict } : {}),
    headerRow: headerRows[headerRows.length - 1]!,
    headerRows,
    columns,
    unmappedHeaders: candidate.unmapped,
    title,
    date1904: sheet.date1904,
    ...(options.partial ? { partial: 'option' as const } : title.list ? { partial: 'title' as const } : issuerListed(candidate.fields, kind, source) ? { partial: 'columns' as const } : {}),
  };
  const dataColumns = [...columns.values()].filter((c) => c.field !== 'index').map((c) => c.index);
  const keyColumns = (['symbol', 'number', 'arrivalNumber'] as const).flatMap((f) => (columns.has(f) ? [columns.get(f)!.index] : []));
  const firstData = at + candidate.band.length;
  let buffered: readonly RawRow[] = [...head.slice(firstData), ...overflow];

  // Entries batch by batch, as the rows come. Each entry is made as the consumer reaches it, so it
  // dies young with its row: a batch never holds its entries all at once.
  async function* entries(): AsyncGenerator<Iterable<Entry>> {
    const isRepeatedHeader = repeatedHeaderCheck(columns, candidate.band);
    const symbolColumn = columns.get('symbol')?.index;
    const accept = (row: RawRow): boolean => looksLikeEntry(row, dataColumns, keyColumns) && !isIndexRow(row) && !isRepeatedHeader(row) && !isClosingRow(row, symbolColumn);
    const toEntries = (rows: readonly RawRow[]): Iterable<Entry> => ({
      *[Symbol.iterator]() {
        for (const row of rows) if (accept(row)) yield new Entry(info, row);
      },
    });
    // The head's rows go out once; dropping the reference lets them go with their batch.
    const first = buffered;
    buffered = [];
    if (first.length > 0) yield toEntries(first);
    if (exhausted) return;
    for (let n = await iterator.next(); !n.done; n = await iterator.next()) yield toEntries(n.value);
  }
  return { type: 'register', info, entries: entries() };
}
