// Building the run settings from the command line and the config file — shared by the check command
// and its worker threads, so that every thread checks with exactly the same rules and options.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import type { DayNumber } from '../core/dates.js';
import type { RegisterKind } from '../core/types.js';
import { parseJsonc } from '../config/jsonc.js';
import { ConfigError, resolveConfig, type ResolvedConfig } from '../config/resolve.js';
import type { InputSource, RunSettings } from '../engine/run.js';
import { openWorkbook } from '../ingest/index.js';
import { InputError } from '../ingest/types.js';
import { buildHeaderOverrides } from '../register/headers.js';
import { RULES } from '../../rules/index.js';

/** What a worker needs to rebuild the settings: plain data only. */
export interface SettingsSpec {
  readonly cwd: string;
  readonly configPath?: string | undefined;
  readonly asOf: DayNumber;
  readonly kind?: RegisterKind | undefined;
  /** Inspector mode: the units of the batch, matched in "Nơi nhận" and "Tác giả" for reconciliation. */
  readonly units?: readonly { readonly name: string; readonly aliases?: readonly string[] | undefined }[] | undefined;
}

export async function loadConfig(path: string | undefined, cwd: string): Promise<ResolvedConfig> {
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

export async function buildSettings(spec: SettingsSpec): Promise<{ settings: RunSettings; resolved: ResolvedConfig }> {
  const resolved = await loadConfig(spec.configPath, spec.cwd);
  const kind = spec.kind ?? resolved.config.kind;
  const settings: RunSettings = {
    rules: resolved.rules,
    config: resolved.config,
    agency: resolved.agency,
    asOf: spec.asOf,
    detect: {
      ...(kind ? { kind } : {}),
      ...(resolved.config.columns ? { overrides: buildHeaderOverrides(resolved.config.columns) } : {}),
    },
  };
  return { settings, resolved };
}

export function sourceFor(path: string, absolute: string, unit?: string): InputSource {
  return {
    path,
    ...(unit !== undefined ? { unit } : {}),
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
