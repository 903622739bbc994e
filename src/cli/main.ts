// The command line: files, config, output and exit codes. All Node I/O lives here and in ./files.ts.
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inflateRawSync } from 'node:zlib';
import { dayNumber, parseIso, type DayNumber } from '../core/dates.js';
import { localize, UI } from '../core/messages.js';
import type { Lang, RegisterKind } from '../core/types.js';
import { ConfigError, resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import { runAll, type FileResult, type InputSource, type RunSettings } from '../engine/run.js';
import { openWorkbook } from '../ingest/index.js';
import { InputError } from '../ingest/types.js';
import { buildHeaderOverrides } from '../register/headers.js';
import { buildReport, type Report } from '../report/report.js';
import { RULES } from '../../rules/index.js';
import { parseJsonc } from '../config/jsonc.js';
import { explainRule, rulesTable, writeStarterConfig } from './commands.js';
import { expandInputs } from './files.js';
import { FORMATS, OutputError, writeOutputs, type FormatName, type OutputSpec } from './outputs.js';

/** Named exit codes (STYLE habit 14). */
export const EXIT = { OK: 0, FINDINGS: 1, FAILURE: 2 } as const;


function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'vanthu-lint') return pkg.version ?? '0.0.0';
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

const HELP: Record<Lang, string> = {
  vi: `vanthu-lint — kiểm tra sổ đăng ký văn bản đi/đến theo Nghị định 30/2020/NĐ-CP

Cách dùng:
  vanthu-lint [check] <tệp|thư mục|mẫu glob…> [tùy chọn]
  vanthu-lint rules                 danh sách quy tắc
  vanthu-lint explain <mã-quy-tắc>  giải thích một quy tắc, kèm ví dụ
  vanthu-lint init --agency-name "UBND xã …" --issuer UBND --units VP,KT
                                    tạo tệp cấu hình vanthu.config.json

Tùy chọn:
  --format <tên>[:<tệp>]  stylish (mặc định), json, html, sarif, junit, xlsx (bản sao có đánh dấu
                          <tên>.kiem-tra.xlsx); lặp lại để xuất nhiều định dạng
  --output <tệp>          ghi kết quả vào tệp thay vì màn hình
  --output-dir <thư mục>  nơi ghi bản sao có đánh dấu (mặc định: cạnh tệp gốc)
  --lang vi|en            ngôn ngữ thông báo (mặc định vi)
  --config <tệp>          tệp cấu hình (mặc định ./vanthu.config.json nếu có)
  --kind di|den           coi mọi sổ là sổ văn bản đi (outgoing) hoặc đến (incoming)
  --as-of <yyyy-mm-dd>    ngày dùng làm "hôm nay" (mặc định: hôm nay)
  --max-warnings <N>      trả mã 1 nếu số cảnh báo vượt N
  --quiet                 chỉ báo lỗi, ẩn cảnh báo và thông tin
  --version, --help

Mã thoát: 0 không có lỗi; 1 có lỗi (hoặc cảnh báo vượt --max-warnings); 2 sai cách dùng, cấu hình sai,
tệp không đọc được hoặc lỗi nội bộ.
`,
  en: `vanthu-lint — checks Vietnamese document registers (outgoing/incoming) against Decree 30/2020/NĐ-CP

Usage:
  vanthu-lint [check] <files|dirs|globs…> [options]
  vanthu-lint rules                 list the rules
  vanthu-lint explain <rule-id>     explain a rule, with examples
  vanthu-lint init --agency-name "UBND xã …" --issuer UBND --units VP,KT
                                    write a starter vanthu.config.json

Options:
  --format <name>[:<file>]  stylish (default), json, html, sarif, junit, xlsx (annotated copies
                            <name>.kiem-tra.xlsx); repeat for several formats
  --output <file>           write the output to a file instead of the terminal
  --output-dir <dir>        where annotated copies go (default: beside each input)
  --lang vi|en              message language (default vi)
  --config <file>           config file (default ./vanthu.config.json when present)
  --kind outgoing|incoming  treat every register as outgoing or incoming
  --as-of <yyyy-mm-dd>      the date used as "today" (default: today)
  --max-warnings <N>        exit 1 when there are more than N warnings
  --quiet                   report errors only
  --version, --help

Exit codes: 0 no errors; 1 errors (or warnings over --max-warnings); 2 usage, config, unreadable input
or internal error.
`,
};

class UsageError extends Error {}


function parseKind(value: string | undefined): RegisterKind | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v === 'outgoing' || v === 'di' || v === 'đi') return 'outgoing';
  if (v === 'incoming' || v === 'den' || v === 'đến') return 'incoming';
  throw new UsageError(`--kind: expected outgoing|incoming (di|den), got "${value}"`);
}

function parseOutputs(formats: readonly string[], output: string | undefined): OutputSpec[] {
  const list = formats.length > 0 ? formats : ['stylish'];
  return list.map((spec, i) => {
    const at = spec.indexOf(':');
    const name = at < 0 ? spec : spec.slice(0, at);
    const file = at < 0 ? (i === 0 ? output : undefined) : spec.slice(at + 1);
    if (!(FORMATS as readonly string[]).includes(name)) throw new UsageError(`--format: unknown format "${name}"; expected one of: ${FORMATS.join(', ')}`);
    return { format: name as FormatName, ...(file ? { file } : {}) };
  });
}

function todayLocal(): DayNumber {
  const now = new Date();
  return dayNumber(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

async function loadConfig(path: string | undefined, cwd: string): Promise<ResolvedConfig> {
  const file = path ? resolve(cwd, path) : join(cwd, 'vanthu.config.json');
  if (!path && !existsSync(file)) return resolveConfig({}, RULES);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ConfigError([`cannot read config file ${file}`]);
  }
  let json: unknown;
  try {
    json = parseJsonc(text);
  } catch (err) {
    throw new ConfigError([`${file}: invalid JSON (${err instanceof Error ? err.message : String(err)})`]);
  }
  try {
    return resolveConfig(json, RULES);
  } catch (err) {
    if (err instanceof ConfigError) throw new ConfigError(err.problems.map((p) => `${file}: ${p}`));
    throw err;
  }
}

function sourceFor(path: string, absolute: string): InputSource {
  return {
    path,
    open: async () => {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(absolute);
      } catch {
        throw new InputError('not-found', absolute);
      }
      return openWorkbook(bytes, path, { inflateRaw: (b) => inflateRawSync(b) });
    },
  };
}

export interface MainIo {
  readonly cwd: string;
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly isTty: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

const defaultIo = (): MainIo => ({
  cwd: process.cwd(),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTty: Boolean(process.stdout.isTTY),
  env: process.env,
});

export async function main(argv: readonly string[], io: MainIo = defaultIo()): Promise<number> {
  let lang: Lang = 'vi';
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', multiple: true, short: 'f' },
        output: { type: 'string', short: 'o' },
        'output-dir': { type: 'string' },
        'agency-name': { type: 'string' },
        issuer: { type: 'string' },
        units: { type: 'string' },
        lang: { type: 'string' },
        config: { type: 'string', short: 'c' },
        kind: { type: 'string' },
        'as-of': { type: 'string' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.lang !== undefined) {
      if (values.lang !== 'vi' && values.lang !== 'en') throw new UsageError(`--lang: expected vi|en, got "${values.lang}"`);
      lang = values.lang;
    }
    if (values.help) {
      io.stdout(HELP[lang]);
      return EXIT.OK;
    }
    if (values.version) {
      io.stdout(`${packageVersion()}\n`);
      return EXIT.OK;
    }
    const command = ['check', 'rules', 'explain', 'init'].includes(positionals[0] ?? '') ? positionals[0]! : 'check';
    const args = command === 'check' && positionals[0] !== 'check' ? positionals : positionals.slice(1);
    if (command === 'rules') {
      io.stdout(rulesTable(RULES, lang));
      return EXIT.OK;
    }
    if (command === 'explain') {
      const id = args[0];
      const rule = RULES.find((r) => r.meta.id === id);
      if (!rule) throw new UsageError(`explain: unknown rule id "${id ?? ''}"; expected one of: ${RULES.map((r) => r.meta.id).join(', ')}`);
      io.stdout(await explainRule(rule, RULES, lang));
      return EXIT.OK;
    }
    if (command === 'init') {
      try {
        const file = await writeStarterConfig(io.cwd, {
          ...(values['agency-name'] ? { agencyName: values['agency-name'] } : {}),
          ...(values.issuer ? { issuer: values.issuer } : {}),
          ...(values.units ? { units: values.units.split(',').map((u) => u.trim()).filter(Boolean) } : {}),
        });
        io.stdout(`${lang === 'vi' ? 'Đã tạo' : 'Wrote'} ${file}\n`);
        return EXIT.OK;
      } catch (err) {
        io.stderr(`vanthu-lint: ${lang === 'vi' ? 'đã có tệp cấu hình, không ghi đè' : 'a config file exists already; not overwriting'}: ${err instanceof Error ? err.message : String(err)}\n`);
        return EXIT.FAILURE;
      }
    }
    if (args.length === 0) throw new UsageError(lang === 'vi' ? 'thiếu tệp cần kiểm tra' : 'no files to check');
    const outputs = parseOutputs(values.format ?? [], values.output);
    const kind = parseKind(values.kind);
    let asOf = todayLocal();
    if (values['as-of'] !== undefined) {
      const d = parseIso(values['as-of']);
      if (d === undefined) throw new UsageError(`--as-of: expected yyyy-mm-dd, got "${values['as-of']}"`);
      asOf = d;
    }
    let maxWarnings: number | undefined;
    if (values['max-warnings'] !== undefined) {
      maxWarnings = Number(values['max-warnings']);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings: expected a whole number, got "${values['max-warnings']}"`);
    }
    const resolved = await loadConfig(values.config, io.cwd);
    const forcedKind = kind ?? resolved.config.kind;
    const settings: RunSettings = {
      rules: resolved.rules,
      config: resolved.config,
      agency: resolved.agency,
      asOf,
      detect: {
        ...(forcedKind ? { kind: forcedKind } : {}),
        ...(resolved.config.columns ? { overrides: buildHeaderOverrides(resolved.config.columns) } : {}),
      },
    };
    const inputs = await expandInputs(args, io.cwd);
    const results: FileResult[] = await runAll(inputs.map((i) => sourceFor(i.path, i.absolute)), settings);
    let report: Report = buildReport(results, RULES, lang, packageVersion());
    if (values.quiet) report = { ...report, files: report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })) };
    const color = io.isTty && !io.env['NO_COLOR'] && !io.env['CI'];
    const absolute = new Map(inputs.map((i) => [i.path, i.absolute]));
    await writeOutputs(
      report,
      outputs,
      {
        cwd: io.cwd,
        rules: RULES,
        color,
        quiet: Boolean(values.quiet),
        ...(values['output-dir'] ? { outputDir: resolve(io.cwd, values['output-dir']) } : {}),
        inputs: inputs.map((i) => i.absolute),
        stdout: io.stdout,
      },
      (p) => absolute.get(p) ?? resolve(io.cwd, p),
    );
    const s = report.summary;
    if (s.fileErrors > 0) return EXIT.FAILURE;
    if (report.files.some((f) => f.findings.some((x) => x.ruleId === 'internal-error'))) return EXIT.FAILURE;
    if (s.errors > 0) return EXIT.FINDINGS;
    if (maxWarnings !== undefined && s.warnings > maxWarnings) {
      io.stderr(`${localize(UI['tooManyWarnings']!, lang, { warnings: s.warnings, max: maxWarnings })}\n`);
      return EXIT.FINDINGS;
    }
    return EXIT.OK;
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`${lang === 'vi' ? 'Cấu hình không hợp lệ' : 'Invalid configuration'}:\n${err.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return EXIT.FAILURE;
    }
    if (err instanceof UsageError || (err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`vanthu-lint: ${err.message}\n${lang === 'vi' ? 'Xem: vanthu-lint --help' : 'See: vanthu-lint --help'}\n`);
      return EXIT.FAILURE;
    }
    if (err instanceof OutputError) {
      io.stderr(`vanthu-lint: ${err.message}\n`);
      return EXIT.FAILURE;
    }
    if (err instanceof InputError) {
      io.stderr(`vanthu-lint: ${err.message}\n`);
      return EXIT.FAILURE;
    }
    io.stderr(`vanthu-lint: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT.FAILURE;
  }
}

// Run when executed directly (tsx src/cli/main.ts …); the bin script imports main() instead.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
