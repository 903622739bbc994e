// The command line entry. Only light modules are imported here: the check pipeline (exceljs, pdfjs,
// zod, the rules) and the small commands are loaded on demand, so --version and --help start fast.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { today } from '../core/dates.js';
import type { Lang } from '../core/types.js';
import { EXIT, UsageError, type MainIo } from './shared.js';

export { EXIT, type MainIo } from './shared.js';

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
  vanthu-lint web [--output <tệp>]  ghi trang kiểm tra dùng trên trình duyệt (một tệp HTML, chạy
                                    không cần mạng) để gửi cho văn thư

Tùy chọn:
  --format <tên>[:<tệp>]  stylish (mặc định), json, html, sarif, junit, xlsx (bản sao có đánh dấu
                          <tên>.kiem-tra.xlsx); lặp lại để xuất nhiều định dạng
  --output <tệp>          ghi kết quả vào tệp thay vì màn hình
  --output-dir <thư mục>  nơi ghi bản sao có đánh dấu (mặc định: cạnh tệp gốc)
  --lang vi|en            ngôn ngữ thông báo (mặc định vi)
  --config <tệp>          tệp cấu hình (mặc định ./vanthu.config.json nếu có)
  --kind di|den           coi mọi sổ là sổ văn bản đi (outgoing) hoặc đến (incoming)
  --partial               tệp là danh mục, danh sách trích (công báo…), không phải cả sổ: chỗ hở số
                          và số đầu năm chỉ được tóm tắt (tự nhận ra khi tiêu đề là DANH MỤC, CÔNG BÁO)
  --as-of <yyyy-mm-dd>    ngày dùng làm "hôm nay" (mặc định: hôm nay)
  --max-warnings <N>      trả mã 1 nếu số cảnh báo vượt N
  --documents <thư mục|mẫu glob>
                          đối chiếu văn bản đã ban hành (PDF, trang 1) với sổ văn bản đi
  --quiet                 chỉ báo lỗi, ẩn cảnh báo và thông tin
  --by-unit               chế độ thanh tra: mỗi thư mục con cấp 1 là một đơn vị (tổng hợp theo đơn vị,
                          đối chiếu văn bản đi/đến giữa các đơn vị)
  --unit-from <regex>     lấy tên đơn vị từ đường dẫn tệp (nhóm bắt đầu tiên của biểu thức)
  --jobs <N>              số luồng xử lý song song (mặc định: số nhân CPU ở chế độ thanh tra)
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
  vanthu-lint web [--output <file>] write the offline page for clerks (one HTML file that checks
                                    registers in the browser, with no network)

Options:
  --format <name>[:<file>]  stylish (default), json, html, sarif, junit, xlsx (annotated copies
                            <name>.kiem-tra.xlsx); repeat for several formats
  --output <file>           write the output to a file instead of the terminal
  --output-dir <dir>        where annotated copies go (default: beside each input)
  --lang vi|en              message language (default vi)
  --config <file>           config file (default ./vanthu.config.json when present)
  --kind outgoing|incoming  treat every register as outgoing or incoming
  --partial               the files are lists of selected documents (a gazette, a danh mục), not whole
                          registers: gaps and first numbers are only summarised (detected from titles
                          such as DANH MỤC, CÔNG BÁO)
  --as-of <yyyy-mm-dd>      the date used as "today" (default: today)
  --max-warnings <N>        exit 1 when there are more than N warnings
  --documents <dir|glob>    check issued documents (PDF, page 1) against the outgoing register
  --quiet                   report errors only
  --by-unit                 inspector mode: each first-level folder is a unit (summary per unit,
                            cross-unit reconciliation of outgoing and incoming registers)
  --unit-from <regex>       take the unit from the file path (first capture group)
  --jobs <N>                parallel worker threads (default: one per core in inspector mode)
  --version, --help

Exit codes: 0 no errors; 1 errors (or warnings over --max-warnings); 2 usage, config, unreadable input
or internal error.
`,
};

/**
 * The process's own streams. When the reader of stdout goes away (`vanthu-lint … | head`), the rest of
 * the output is dropped instead of crashing on EPIPE: the check still ends and sets its exit code.
 */
const defaultIo = (): MainIo => {
  let closed = false;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  });
  return {
    cwd: process.cwd(),
    stdout: (s) => {
      if (!closed) process.stdout.write(s);
    },
    stderr: (s) => process.stderr.write(s),
    isTty: Boolean(process.stdout.isTTY),
    env: process.env,
  };
};

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
        partial: { type: 'boolean' },
        'as-of': { type: 'string' },
        'max-warnings': { type: 'string' },
        documents: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        jobs: { type: 'string', short: 'j' },
        'by-unit': { type: 'boolean' },
        'unit-from': { type: 'string' },
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
    const command = ['check', 'rules', 'explain', 'init', 'web'].includes(positionals[0] ?? '') ? positionals[0]! : 'check';
    const args = command === 'check' && positionals[0] !== 'check' ? positionals : positionals.slice(1);
    if (command === 'rules' || command === 'explain') {
      const [{ RULES }, commands] = await Promise.all([import('../../rules/index.js'), import('./commands.js')]);
      if (command === 'rules') {
        io.stdout(commands.rulesTable(RULES, lang));
        return EXIT.OK;
      }
      const rule = RULES.find((r) => r.meta.id === args[0]);
      if (!rule) throw new UsageError(`explain: unknown rule id "${args[0] ?? ''}"; expected one of: ${RULES.map((r) => r.meta.id).join(', ')}`);
      io.stdout(await commands.explainRule(rule, RULES, lang));
      return EXIT.OK;
    }
    if (command === 'web') {
      const { writeWebPage } = await import('./web.js');
      const file = await writeWebPage(io.cwd, values.output, lang);
      io.stdout(`${lang === 'vi' ? 'Đã ghi trang kiểm tra' : 'Wrote the page'}: ${file}\n`);
      return EXIT.OK;
    }
    if (command === 'init') {
      const { writeStarterConfig } = await import('./commands.js');
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
    return await (await import('./check.js')).runCheck(values, args, io, lang, today(), packageVersion());
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    if (name === 'ConfigError') {
      const problems = (err as Error & { problems: readonly string[] }).problems;
      io.stderr(`${lang === 'vi' ? 'Cấu hình không hợp lệ' : 'Invalid configuration'}:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
      return EXIT.FAILURE;
    }
    if (err instanceof UsageError || (err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`vanthu-lint: ${(err as Error).message}\n${lang === 'vi' ? 'Xem: vanthu-lint --help' : 'See: vanthu-lint --help'}\n`);
      return EXIT.FAILURE;
    }
    if (name === 'OutputError' || name === 'InputError') {
      io.stderr(`vanthu-lint: ${(err as Error).message}\n`);
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
