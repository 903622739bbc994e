// Timing of the xlsx reader alone against exceljs's streaming reader (not a test, not `npm run bench`).
//
//   npm run build && node dist/bench/xlsx-reader.js [--rows 100000] [--runs 3]
//
// Generates a deterministic register (rows × 10 columns, shared strings, dated cells) with exceljs's
// streaming WorkbookWriter into os.tmpdir() (kept between runs), then times, each in a fresh child
// process running this compiled file:
//   exceljs  — `stream.xlsx.WorkbookReader` with default options, iterating every row;
//   readXlsx — sniff + `readXlsx` (src/ingest/xlsx.ts), iterating every row;
//   import   — importing exceljs, and importing our reader, nothing else.
// Each child reports its own time (from just before the import to the last row), its whole CPU
// time (steadier than wall time on a shared machine) and peak RSS (`process.resourceUsage().maxRSS`).
// Runs are interleaved; the table gives medians.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { rng } from '../scripts/fixtures/data.js';
import { nodeHost } from '../src/host/node.js';

interface ChildResult {
  readonly mode: string;
  readonly ms: number;
  /** User + system CPU of the whole child (start-up included): steadier than wall time on a shared machine. */
  readonly cpuMs: number;
  readonly rows: number;
  readonly cells: number;
  readonly maxRssMb: number;
}

const COLUMNS = 10;
const SIGNERS = ['Nguyễn Văn An', 'Trần Thị Bích Ngọc', 'Lê Hoàng Phúc', 'Phạm Minh Đức', 'Hoàng Thị Thu Hương'];
const TYPES = ['QĐ', 'CV', 'TB', 'KH', 'BC', 'GM', 'TTr'];
const WORDS = (
  'về việc triển khai kế hoạch công tác năm tổ chức thực hiện báo cáo kết quả hướng dẫn phối hợp ' +
  'kiểm tra giám sát đôn đốc tăng cường quản lý nhà nước lĩnh vực văn thư lưu trữ cải cách hành chính'
).split(' ');
const RECIPIENTS = ['Như trên', 'UBND các xã, phường', 'Sở Nội vụ', 'Các phòng, ban chuyên môn', 'Lưu: VT, VP'];


const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

async function generate(rows: number, file: string): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const partial = `${file}.part`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true, useStyles: true });
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('Sổ VB đi');
  ws.addRow(['SỔ ĐĂNG KÝ VĂN BẢN ĐI']).commit();
  ws.addRow([
    'Số, ký hiệu văn bản',
    'Ngày tháng văn bản',
    'Tên loại và trích yếu nội dung văn bản',
    'Người ký',
    'Nơi nhận văn bản',
    'Đơn vị, người nhận bản lưu',
    'Số lượng bản',
    'Ngày chuyển',
    'Ký nhận',
    'Ghi chú',
  ]).commit();
  const r = rng(20251127);
  const base = Date.UTC(2024, 0, 2);
  for (let n = 1; n <= rows; n++) {
    const type = pick(r, TYPES);
    const day = new Date(base + Math.floor((n / rows) * 360) * 86_400_000);
    const words = Array.from({ length: 6 + Math.floor(r() * 10) }, () => pick(r, WORDS)).join(' ');
    const row = ws.addRow([
      `${n}/${type}-UBND`,
      day,
      `${type === 'CV' ? 'Công văn' : 'Quyết định'} ${words}`,
      pick(r, SIGNERS),
      pick(r, RECIPIENTS),
      'Văn phòng',
      1 + Math.floor(r() * 5),
      day,
      r() < 0.5 ? 'đã nhận' : '',
      n % 97 === 0 ? 'Bản sao' : '',
    ]);
    row.getCell(2).numFmt = 'dd/mm/yyyy';
    row.getCell(8).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  ws.commit();
  await wb.commit();
  renameSync(partial, file);
}

// --- children ------------------------------------------------------------------------------------

async function child(mode: string, file: string): Promise<ChildResult> {
  const started = performance.now();
  let rows = 0;
  let cells = 0;
  if (mode === 'exceljs') {
    const { default: ExcelJS } = await import('exceljs');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        rows++;
        cells += (row as { cellCount: number }).cellCount;
      }
    }
  } else if (mode === 'readXlsx') {
    const [{ readXlsx }, { sniff }, { readFile }] = await Promise.all([
      import('../src/ingest/xlsx.js'),
      import('../src/ingest/sniff.js'),
      import('node:fs/promises'),
    ]);
    const bytes = await readFile(file);
    const kind = sniff(bytes, file, nodeHost);
    if (kind.format !== 'xlsx') throw new Error(`${file} sniffed as ${kind.format}`);
    for await (const sheet of readXlsx(bytes, { ...nodeHost, date1904: kind.date1904, fileName: file }).sheets) {
      for await (const batch of sheet.rows) {
        for (const row of batch) {
          rows++;
          for (const value of row.values) if (value !== null) cells++;
        }
      }
    }
  } else if (mode === 'import-exceljs') {
    await import('exceljs');
  } else if (mode === 'import-readXlsx') {
    await import('../src/ingest/xlsx.js');
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  const ms = performance.now() - started;
  const usage = process.resourceUsage();
  return { mode, ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, rows, cells, maxRssMb: usage.maxRSS / 1024 };
}

function runChild(mode: string, file: string): ChildResult & { wallMs: number } {
  const started = performance.now();
  const result = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', mode, file], { encoding: 'utf8' });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`child ${mode} failed (${result.status}): ${result.stderr}`);
  const line = result.stdout.trim().split('\n').pop() ?? '';
  return { ...(JSON.parse(line) as ChildResult), wallMs };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function main(argv: readonly string[]): Promise<void> {
  const at = argv.indexOf('--child');
  if (at >= 0) {
    const result = await child(argv[at + 1] ?? '', argv[at + 2] ?? '');
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const option = (name: string, fallback: number): number => {
    const i = argv.indexOf(name);
    const value = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: expected a positive whole number`);
    return value;
  };
  const rows = option('--rows', 100_000);
  const runs = option('--runs', 3);
  const file = join(tmpdir(), `vanthu-bench-register-${rows}x${COLUMNS}-v1.xlsx`);
  if (!existsSync(file)) {
    const t = performance.now();
    await generate(rows, file);
    process.stdout.write(`generated ${file} in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
  }
  const bytes = readFileSync(file);
  process.stdout.write(`input: ${file} (${(statSync(file).size / 1e6).toFixed(2)} MB, ${rows} rows × ${COLUMNS} columns)\n`);
  if (bytes.length === 0) throw new Error('empty input');

  const modes = ['exceljs', 'readXlsx', 'import-exceljs', 'import-readXlsx'] as const;
  const results = new Map<string, (ChildResult & { wallMs: number })[]>(modes.map((m) => [m, []]));
  // Interleaved, so that drift on a shared machine hits every mode alike.
  for (let run = 0; run < runs; run++) for (const mode of modes) results.get(mode)?.push(runChild(mode, file));

  const rowsOut: string[][] = [['mode', 'rows', 'cells', 'time ms (median)', 'min–max ms', 'process wall ms', 'process CPU ms', 'max RSS MB (median)']];
  for (const mode of modes) {
    const list = results.get(mode) ?? [];
    const ms = list.map((r) => r.ms);
    rowsOut.push([
      mode,
      String(list[0]?.rows ?? 0),
      String(list[0]?.cells ?? 0),
      median(ms).toFixed(0),
      `${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}`,
      median(list.map((r) => r.wallMs)).toFixed(0),
      median(list.map((r) => r.cpuMs)).toFixed(0),
      median(list.map((r) => r.maxRssMb)).toFixed(0),
    ]);
  }
  const widths = rowsOut[0]?.map((_, c) => Math.max(...rowsOut.map((r) => (r[c] ?? '').length))) ?? [];
  for (const r of rowsOut) process.stdout.write(`${r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ')}\n`);
  const ratio = (a: string, b: string, pick: (r: ChildResult & { wallMs: number }) => number): string =>
    (median((results.get(a) ?? []).map(pick)) / median((results.get(b) ?? []).map(pick))).toFixed(2);
  process.stdout.write(
    `readXlsx / exceljs: time ${ratio('readXlsx', 'exceljs', (r) => r.ms)}×, ` +
      `CPU ${ratio('readXlsx', 'exceljs', (r) => r.cpuMs)}×, ` +
      `max RSS ${ratio('readXlsx', 'exceljs', (r) => r.maxRssMb)}×, ` +
      `import ${ratio('import-readXlsx', 'import-exceljs', (r) => r.ms)}×\n`,
  );
}

await main(process.argv.slice(2));
