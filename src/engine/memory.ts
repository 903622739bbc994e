// Registers built in memory: rule tests, `explain` examples and the web page's "try it" box run the
// real pipeline (detection included) on rows given as field → text, without any file.
import type { DayNumber } from '../core/dates.js';
import type { FieldName, RegisterKind } from '../core/types.js';
import { resolveConfig } from '../config/resolve.js';
import type { RawRow, RawWorkbook } from '../ingest/types.js';
import { formColumns } from '../register/headers.js';
import type { AnyRule } from './rule.js';
import { runAll, type FileResult } from './run.js';

/** Header text for fields outside the Phụ lục IV minimum (each matches the synonym table). */
const EXTRA_HEADERS: Partial<Record<FieldName, string>> = {
  index: 'STT',
  number: 'Số vào sổ',
  type: 'Loại văn bản',
  subject: 'Trích yếu',
  // In an outgoing-like sheet (a published list) the author column names each document's issuer.
  author: 'Cơ quan ban hành',
  urgency: 'Độ khẩn',
  secrecy: 'Độ mật',
  dueDate: 'Hạn xử lý',
  resolvedDate: 'Ngày giải quyết',
  status: 'Trạng thái',
};

export interface MemoryRegister {
  readonly kind: RegisterKind;
  /** Entries in register order; each needs at least two filled fields to count as an entry. */
  readonly entries: readonly Partial<Record<FieldName, string | number>>[];
  /** Cover lines above the header (`Năm: 2024`, `Từ số 01 đến số 120` …). */
  readonly title?: readonly string[];
  /**
   * The header's columns, when not the whole form: only these fields (a register that lacks some),
   * then `unknownHeaders` as header cells nothing maps to (a header the detector cannot place).
   */
  readonly columns?: readonly FieldName[];
  readonly unknownHeaders?: readonly string[];
  readonly file?: string;
  readonly sheet?: string;
}

/**
 * The register as a one-sheet workbook: cover lines, one header row with the Phụ lục IV columns of
 * its kind plus any extra field used, then the entries. Entry i (0-based) sits on row
 * `title.length + 2 + i` (row 1 when there is no title is the header).
 */
export function memoryWorkbook(register: MemoryRegister): RawWorkbook {
  const wanted = register.columns ? new Set(register.columns) : undefined;
  const columns: { field: FieldName; header: string }[] = formColumns(register.kind)
    .filter((c) => !wanted || wanted.has(c.field))
    .map((c) => ({ ...c }));
  for (const field of register.columns ?? []) {
    if (columns.some((c) => c.field === field)) continue;
    const header = EXTRA_HEADERS[field];
    if (!header) throw new Error(`memoryWorkbook: no header for field ${field} in a ${register.kind} register`);
    columns.push({ field, header });
  }
  for (const entry of register.entries) {
    for (const field of Object.keys(entry) as FieldName[]) {
      if (columns.some((c) => c.field === field)) continue;
      const header = EXTRA_HEADERS[field] ?? (field === 'dispatchDate' || field === 'transferDate' ? 'Ngày chuyển' : undefined);
      if (!header) throw new Error(`memoryWorkbook: no header for field ${field} in a ${register.kind} register`);
      columns.push({ field, header });
    }
  }
  const rows: RawRow[] = [];
  let row = 1;
  for (const line of register.title ?? []) rows.push({ row: row++, values: [line] });
  const unknown = register.unknownHeaders ?? [];
  rows.push({ row: row++, values: [...columns.map((c) => c.header), ...unknown] });
  for (const entry of register.entries) {
    const values: (string | number | null)[] = columns.map((c) => entry[c.field === 'transferDate' || c.field === 'dispatchDate' ? (register.kind === 'incoming' ? 'transferDate' : 'dispatchDate') : c.field] ?? null);
    rows.push({ row: row++, values });
  }
  async function* iterate(): AsyncGenerator<readonly RawRow[]> {
    yield rows;
  }
  return {
    format: 'xlsx',
    sheets: (async function* () {
      yield { name: register.sheet ?? 'Sổ', index: 0, date1904: false, rows: iterate() };
    })(),
  };
}

/** A rule's example (or test case) as an in-memory register. */
export function exampleRegister(ex: { readonly kind?: RegisterKind; readonly entries: MemoryRegister['entries']; readonly title?: readonly string[]; readonly columns?: readonly FieldName[]; readonly unknownHeaders?: readonly string[] }): MemoryRegister {
  return {
    kind: ex.kind ?? 'outgoing',
    entries: ex.entries,
    ...(ex.title ? { title: ex.title } : {}),
    ...(ex.columns ? { columns: ex.columns } : {}),
    ...(ex.unknownHeaders ? { unknownHeaders: ex.unknownHeaders } : {}),
  };
}

export interface MemoryCheckOptions {
  /** The rules to run (default: the whole registry). */
  readonly rules: readonly AnyRule[];
  /** A config object as in vanthu.config.json (validated against `rules`). */
  readonly config?: unknown;
  readonly asOf: DayNumber;
}

/** Runs the pipeline on in-memory registers, one "file" each, in order (series continue across them). */
export async function checkMemory(registers: readonly MemoryRegister[], options: MemoryCheckOptions): Promise<FileResult[]> {
  const resolved = resolveConfig(options.config ?? {}, options.rules);
  return runAll(
    registers.map((r, i) => ({ path: r.file ?? `memory-${i + 1}.xlsx`, open: () => memoryWorkbook(r) })),
    { rules: resolved.rules, config: resolved.config, agency: resolved.agency, asOf: options.asOf, detect: { ...(resolved.config.kind ? { kind: resolved.config.kind } : {}), ...(resolved.config.partial ? { partial: true } : {}) } },
  );
}
