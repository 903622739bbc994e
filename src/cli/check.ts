// `vanthu-lint check`: the heavy path, loaded on demand so that --version, --help and the small
// commands start fast (exceljs, pdfjs, zod and the rules are only imported here and below).
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { parseIso } from '../core/dates.js';
import { localize, UI } from '../core/messages.js';
import type { Lang, RegisterKind } from '../core/types.js';
import { ConfigError, resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import { parseJsonc } from '../config/jsonc.js';
import { runAll, type FileResult, type InputSource, type RunSettings } from '../engine/run.js';
import { openWorkbook } from '../ingest/index.js';
import { InputError } from '../ingest/types.js';
import { buildHeaderOverrides } from '../register/headers.js';
import { buildReport, type Report } from '../report/report.js';
import { RULES } from '../../rules/index.js';
import { expandInputs } from './files.js';
import { FORMATS, writeOutputs, type FormatName, type OutputSpec } from './outputs.js';
import { EXIT, UsageError, type MainIo, type CheckValues } from './shared.js';

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

export async function runCheck(values: CheckValues, args: readonly string[], io: MainIo, lang: Lang, today: number, toolVersion: string): Promise<number> {
    const outputs = parseOutputs(values.format ?? [], values.output);
    const kind = parseKind(values.kind);
    let asOf = today;
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
    let report: Report = buildReport(results, RULES, lang, toolVersion);
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
}
