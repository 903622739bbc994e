// The config file of a check: found, read and parsed (JSONC) here; validated once, by the engine
// (createChecker), whose problems are prefixed with the file's path.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseJsonc } from '../config/jsonc.js';
import { ConfigError } from '../config/resolve.js';

export interface LoadedConfig {
  /** The parsed object (`{}` when there is no config file). */
  readonly json: unknown;
  /** The file it came from, if any. */
  readonly file?: string;
}

export async function loadConfigFile(path: string | undefined, cwd: string): Promise<LoadedConfig> {
  const file = path ? resolve(cwd, path) : join(cwd, 'vanthu.config.json');
  if (!path && !existsSync(file)) return { json: {} };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ConfigError([`cannot read config file ${file}`]);
  }
  try {
    return { json: parseJsonc(text), file };
  } catch (err) {
    throw new ConfigError([`${file}: invalid JSON (${err instanceof Error ? err.message : String(err)})`]);
  }
}

/** Runs `make` (which validates the config); its config problems name the file. */
export function withConfigFile<T>(loaded: LoadedConfig, make: () => T): T {
  try {
    return make();
  } catch (err) {
    if (err instanceof ConfigError && loaded.file) throw new ConfigError(err.problems.map((p) => `${loaded.file}: ${p}`));
    throw err;
  }
}
