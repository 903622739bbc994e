// npm run bench — speed and memory of vanthu-lint against the raw libraries, measured in the same run
// on inputs generated deterministically. Every measurement is a fresh `node` process running compiled
// JS; each figure is the median of several runs (this machine is shared and noisy).
//
// Sections (BENCH_ONLY=a,b,… picks some; all by default):
//   xlsx    — check on 1k/10k/100k-entry registers vs exceljs's stream reader merely iterating them;
//   floor   — check on the 100k register vs the project's own reader alone (bench/reader-floor.ts:
//             sniff + readXlsx, every row of every sheet, Node codecs passed explicitly), alternated:
//             "check ÷ reader floor (100k)", the cost of everything above the reader;
//   bad     — a badly kept 100k book (generate.ts `badlyKept`: 85% of rows carry a defect, 85,000
//             findings) vs the same book kept well, both with --output to a temp file, alternated;
//             the finding count is read from the bad book's JSON once; the target is peak RSS in MB;
//   web     — the clerks' page (dist/web/vanthu-lint.html in headless Chromium, bench/web-page.ts): from
//             choosing the 100k register to the results drawn, vs the CLI's check of the same file,
//             alternated; the tab's (renderer's) peak RSS; the time to the first progress shown for a
//             ~10 MB workbook;
//   formats — the 10k register as LibreOffice's .xls and .ods: check of each vs check of the .xlsx it
//             came from (the same entries and findings), and vs the project's reader for it alone
//             (bench/format-floor.ts), alternated; skipped when soffice is not installed;
//   pdf, batch, startup — as below.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRegister } from './generate.js';

const DIST = dirname(fileURLToPath(import.meta.url)); // dist/bench
const ROOT = join(DIST, '..', '..');
const CACHE = join(ROOT, 'bench', '.cache');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const HAS_TIME = existsSync('/usr/bin/time');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
/** BENCH_ONLY=xlsx,floor,bad,pdf,batch,startup runs only those sections (all by default). */
const ONLY = new Set((process.env['BENCH_ONLY'] ?? 'xlsx,floor,bad,web,formats,pdf,batch,startup').split(','));

interface Sample {
  readonly seconds: number;
  readonly rssMb: number | undefined;
  /** User + system CPU seconds of the process, all its threads. */
  readonly cpuSeconds: number | undefined;
}

function once(args: readonly string[]): Sample {
  const cmd = HAS_TIME ? '/usr/bin/time' : process.execPath;
  const full = HAS_TIME ? ['-f', '%U %S %M', process.execPath, ...args] : [...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, full, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  const [user, sys, kb] = HAS_TIME ? (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number) : [];
  const cpu = (user ?? NaN) + (sys ?? NaN);
  return { seconds, rssMb: kb !== undefined && Number.isFinite(kb) ? kb / 1024 : undefined, cpuSeconds: Number.isFinite(cpu) ? cpu : undefined };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median time and median peak RSS of some runs. */
function summarise(samples: readonly Sample[]): Sample {
  const known = (xs: readonly (number | undefined)[]): number | undefined => {
    const ys = xs.filter((x): x is number => x !== undefined);
    return ys.length ? median(ys) : undefined;
  };
  return { seconds: median(samples.map((s) => s.seconds)), rssMb: known(samples.map((s) => s.rssMb)), cpuSeconds: known(samples.map((s) => s.cpuSeconds)) };
}

function measure(args: readonly string[], runs = RUNS): Sample {
  return summarise(Array.from({ length: runs }, () => once(args)));
}

/** Runs two commands alternately; the medians of each. */
function measurePair(a: readonly string[], b: readonly string[], runs: number): [Sample, Sample] {
  const sa: Sample[] = [];
  const sb: Sample[] = [];
  for (let i = 0; i < runs; i++) {
    sa.push(once(a));
    sb.push(once(b));
  }
  return [summarise(sa), summarise(sb)];
}

const BATCH_RUNS = Number(process.env['BENCH_BATCH_RUNS'] ?? 5);

const rows: string[][] = [];
const notes: string[] = [];
const fmt = (n: number | undefined, d = 2): string => (n === undefined ? '–' : n.toFixed(d));
/** `rssTarget`: most RSS ratio to the reference; `rssMbMax`: most peak RSS of ours, in MB. */
function add(name: string, ours: Sample, ref: Sample, target: number | undefined, rssTarget?: number, rssMbMax?: number): void {
  const ratio = ours.seconds / ref.seconds;
  const rssRatio = ours.rssMb !== undefined && ref.rssMb !== undefined ? ours.rssMb / ref.rssMb : undefined;
  const ok =
    (target === undefined || ratio <= target) &&
    (rssTarget === undefined || rssRatio === undefined || rssRatio <= rssTarget) &&
    (rssMbMax === undefined || ours.rssMb === undefined || ours.rssMb <= rssMbMax);
  const rssGoal = rssTarget ? `≤${rssTarget}×` : rssMbMax ? `≤${rssMbMax} MB` : '';
  rows.push([name, fmt(ours.seconds), fmt(ref.seconds), `${fmt(ratio)}×`, target ? `≤${target}×` : '', fmt(ours.rssMb, 0), fmt(ref.rssMb, 0), rssRatio ? `${fmt(rssRatio)}×` : '–', rssGoal, ok ? 'ok' : 'MISSED']);
}

async function main(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  process.stderr.write('generating inputs (cached in bench/.cache)…\n');
  const sizes = [1_000, 10_000, 100_000];
  const files = new Map<number, string>();
  for (const n of [20, ...sizes, 2_000]) files.set(n, await makeRegister(CACHE, n));
  const raw = join(DIST, 'raw-exceljs.js');
  for (const n of ONLY.has('xlsx') ? sizes : []) {
    const file = files.get(n)!;
    process.stderr.write(`xlsx ${n} entries (${(statSync(file).size / 1e6).toFixed(1)} MB)…\n`);
    const ref = measure([raw, file]);
    const ours = measure([CLI, 'check', '--format', 'json', '--as-of', '2025-01-15', file]);
    add(`xlsx ${n.toLocaleString('en')} entries: check --format json vs exceljs stream iteration`, ours, ref, n === 100_000 ? 1.25 : undefined, n === 100_000 ? 1.2 : undefined);
  }
  if (ONLY.has('floor')) floorSection(files.get(100_000)!);
  if (ONLY.has('bad')) await badBookSection(files.get(100_000)!);
  if (ONLY.has('web')) await webSection(files.get(100_000)!);
  if (ONLY.has('formats')) formatsSection(files.get(10_000)!);
  const pdf = join(CACHE, 'register-2000.pdf');
  if (ONLY.has('pdf')) pdfSection(pdf, files.get(2_000)!);
  if (ONLY.has('batch')) await batchSection();
  if (ONLY.has('startup')) startupSection(files.get(20)!);
  const head = ['measurement', 'ours s', 'ref s', 'time ratio', 'target', 'ours MB', 'ref MB', 'RSS ratio', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  process.stdout.write(`${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|\n${rows.map(line).join('\n')}\n`);
  for (const note of notes) process.stdout.write(`\n${note}`);
  process.stdout.write(`\nmedian of ${RUNS} runs (batch: ${BATCH_RUNS}, alternated; start-up: 5); peak RSS from /usr/bin/time${HAS_TIME ? '' : ' (not available: RSS not measured)'}; node ${process.version}\n`);
}

/** The whole check against the project's reader alone, on the 100k register the xlsx section checks. */
function floorSection(file: string): void {
  process.stderr.write('floor: check vs sniff + readXlsx, 100,000 entries…\n');
  const [check, floor] = measurePair([CLI, 'check', '--format', 'json', '--as-of', '2025-01-15', file], [join(DIST, 'reader-floor.js'), file], RUNS);
  add('check ÷ reader floor (100k): check --format json vs sniff + readXlsx iterating every row', check, floor, 2.0);
}

/** A 100k book with 85% of its rows defective, against the same book kept well: findings' cost. */
async function badBookSection(clean: string): Promise<void> {
  const bad = await makeRegister(CACHE, 100_000, { badlyKept: true });
  process.stderr.write(`bad book: 100,000 entries, 85% defective (${(statSync(bad).size / 1e6).toFixed(1)} MB)…\n`);
  const out = (which: string): string => join(tmpdir(), `vanthu-bench-${which}-${process.pid}.json`);
  const args = (file: string, which: string): string[] => [CLI, 'check', '--format', 'json', '--as-of', '2025-01-15', '--output', out(which), file];
  try {
    const [ours, ref] = measurePair(args(bad, 'bad'), args(clean, 'clean'), RUNS);
    const report = JSON.parse(readFileSync(out('bad'), 'utf8')) as { files: { findings: unknown[] }[] };
    const findings = report.files.reduce((sum, f) => sum + f.findings.length, 0);
    add(`bad book 100,000 entries (${findings.toLocaleString('en')} findings): check --format json --output vs the same book kept well`, ours, ref, undefined, undefined, 300);
  } finally {
    for (const which of ['bad', 'clean']) rmSync(out(which), { force: true });
  }
}

interface WebRun {
  readonly seconds: number;
  readonly firstProgress: number;
  readonly findings: number;
  readonly rendererPeakMb: number;
}

function webOnce(page: string, file: string): WebRun {
  const r = spawnSync(process.execPath, [join(DIST, 'web-page.js'), page, file, '2025-01-15'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 900_000 });
  if (r.status !== 0) throw new Error(`web-page ${file} exited ${r.status}: ${r.stderr.slice(-500)}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as WebRun;
}

/** The page against the CLI on the same 100k register, alternated; then a ~10 MB workbook's first progress. */
async function webSection(file: string): Promise<void> {
  const page = join(ROOT, 'dist', 'web', 'vanthu-lint.html');
  if (!existsSync('/usr/bin/chromium') || !existsSync(page)) {
    process.stderr.write('web: Chromium or the built page missing: web benchmark skipped\n');
    return;
  }
  process.stderr.write('web: the page vs the CLI, 100,000 entries…\n');
  const web: WebRun[] = [];
  const cli: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    web.push(webOnce(page, file));
    cli.push(once([CLI, 'check', '--format', 'json', '--as-of', '2025-01-15', file]));
  }
  const ours: Sample = { seconds: median(web.map((w) => w.seconds)), rssMb: median(web.map((w) => w.rendererPeakMb)), cpuSeconds: undefined };
  add('web page, 100k entries: choose the file → results drawn, vs the CLI check (ours MB: the tab\'s renderer peak RSS)', ours, summarise(cli), 1.5);
  // A ~10 MB workbook: progress must show within a second.
  const big = await makeRegister(CACHE, 200_000);
  const mb = statSync(big).size / 1e6;
  const run = webOnce(page, big);
  notes.push(`web: a ${fmt(mb, 1)} MB workbook (200,000 entries) showed progress after ${fmt(run.firstProgress)} s (target ≤1 s) and was done after ${fmt(run.seconds)} s; tab peak RSS ${fmt(run.rendererPeakMb, 0)} MB`);
}

/** The 10k register saved by LibreOffice as .xls (BIFF8) and .ods, each checked against the .xlsx. */
function formatsSection(xlsx: string): void {
  const check = (file: string): string[] => [CLI, 'check', '--format', 'json', '--as-of', '2025-01-15', file];
  for (const [ext, filter] of [
    ['xls', 'xls:MS Excel 97'],
    ['ods', 'ods'],
  ] as const) {
    const target = xlsx.replace(/\.xlsx$/, `.${ext}`);
    if (!existsSync(target)) {
      const r = spawnSync('soffice', ['--headless', '--convert-to', filter, '--outdir', CACHE, xlsx], { stdio: 'ignore', timeout: 300_000 });
      if (r.status !== 0 || !existsSync(target)) {
        process.stderr.write(`soffice not available: .${ext} benchmark skipped\n`);
        continue;
      }
    }
    process.stderr.write(`formats: .${ext} 10,000 entries (${(statSync(target).size / 1e6).toFixed(1)} MB)…\n`);
    const [ours, ref] = measurePair(check(target), check(xlsx), RUNS);
    add(`.${ext} 10,000 entries: check vs check of the same register as .xlsx`, ours, ref, 1.5, 1.5);
    const [again, floor] = measurePair(check(target), [join(DIST, 'format-floor.js'), target], RUNS);
    add(`.${ext} 10,000 entries: check vs the project's .${ext} reader alone iterating every row`, again, floor, 2.5);
  }
}

function pdfSection(pdf: string, source: string): void {
  if (!existsSync(pdf)) {
    const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', CACHE, source], { stdio: 'ignore', timeout: 300_000 });
    if (r.status !== 0) process.stderr.write('soffice not available: PDF benchmark skipped\n');
  }
  if (!existsSync(pdf)) return;
  process.stderr.write('pdf 2,000 entries…\n');
  add('pdf 2,000 entries: check vs pdfjs text extraction', measure([CLI, 'check', '--format', 'json', '--as-of', '2025-01-15', pdf]), measure([join(DIST, 'raw-pdfjs.js'), pdf]), 1.3);
}

async function batchSection(): Promise<void> {
  process.stderr.write('batch: 200 registers of 100 units…\n');
  const campaign = join(CACHE, 'campaign');
  for (let u = 1; u <= 100; u++) {
    const unitDir = join(campaign, `don-vi-${String(u).padStart(3, '0')}`);
    await makeRegister(unitDir, 400);
    await makeRegister(unitDir, 401);
  }
  // Alternated runs (serial, parallel, serial, …): this machine's speed drifts over a minute, and a
  // drift must not fall on one side only. The raw library read of the same files on 1 and N threads
  // is the reference: the speed-up this machine gives a batch that does no checking at all.
  const cores = availableParallelism();
  const batchArgs = [CLI, 'check', '--by-unit', '--format', 'json', '--as-of', '2025-01-15', campaign];
  const [serial, parallel] = measurePair([...batchArgs, '--jobs', '1'], batchArgs, BATCH_RUNS);
  const rawBatch = join(DIST, 'raw-exceljs-batch.js');
  const [raw1, rawN] = measurePair([rawBatch, '1', campaign], [rawBatch, String(cores), campaign], BATCH_RUNS);
  add(`batch 200 registers: exceljs stream iteration, ${cores} threads vs 1 (the machine's reference speed-up ${fmt(raw1.seconds / rawN.seconds)}×)`, rawN, raw1, undefined);
  add(`batch 200 registers: check, default --jobs (${cores} cores) vs --jobs 1 (speed-up ${fmt(serial.seconds / parallel.seconds)}×, target ≥1.6×)`, parallel, serial, 1 / 1.6);
  // --jobs 1 already keeps more than one core busy (V8 compiles and collects garbage on its own
  // threads, zlib inflates on libuv's): no schedule on N cores can beat N × its wall time / its CPU time.
  if (serial.cpuSeconds !== undefined) {
    notes.push(`batch: --jobs 1 used ${fmt(serial.cpuSeconds)} s of CPU in ${fmt(serial.seconds)} s (${fmt(serial.cpuSeconds / serial.seconds)} cores busy), so no schedule on ${cores} cores can be faster than ${fmt((cores * serial.seconds) / serial.cpuSeconds)}× it`);
  }
  add('batch 200 registers: check --jobs 1 vs exceljs stream iteration, 1 thread', serial, raw1, undefined);
  add(`batch 200 registers: check, default --jobs vs exceljs stream iteration, ${cores} threads`, parallel, rawN, undefined);
}

function startupSection(small: string): void {
  process.stderr.write('start-up…\n');
  const node0 = measure(['-e', '0'], 5);
  add('start-up: --version vs node -e 0', measure([CLI, '--version'], 5), node0, 4);
  add('start-up: 20-entry register vs node -e 0', measure([CLI, 'check', '--format', 'json', '--as-of', '2025-01-15', small], 5), node0, 4);
}

await main();
