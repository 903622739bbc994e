// Validates a parsed config against the schema and the rule registry; unknown keys, unknown rule ids
// and bad rule options are errors that name what was expected (ESLint validateRulesConfig).
import * as z from 'zod';
import type { SeveritySetting } from '../core/types.js';
import type { AnyRule } from '../engine/rule.js';
import { ConfigSchema, type AgencyConfig, type Config, type RuleSetting } from './schema.js';

export interface ResolvedRule {
  readonly rule: AnyRule;
  /** Set when the user configured a severity; otherwise each finding uses its own default. */
  readonly severity?: Exclude<SeveritySetting, 'off'>;
  readonly options: unknown;
}

export interface ResolvedConfig {
  readonly config: Config;
  readonly agency: AgencyConfig;
  readonly rules: readonly ResolvedRule[];
}

export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

function describeIssues(error: z.ZodError, prefix: string, allowedAt: (path: readonly PropertyKey[]) => readonly string[] | undefined): string[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedAt(issue.path);
      return `${path || '(root)'}: unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}${allowed ? `; expected one of: ${allowed.join(', ')}` : ''}`;
    }
    return `${path || '(root)'}: ${issue.message}`;
  });
}

function shapeKeys(schema: z.ZodType, path: readonly PropertyKey[]): readonly string[] | undefined {
  let current: z.ZodType | undefined = schema;
  for (const segment of path) {
    if (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[String(segment)];
    else return undefined;
  }
  if (current instanceof z.ZodOptional) current = current.unwrap() as z.ZodType;
  return current instanceof z.ZodObject ? Object.keys(current.shape) : undefined;
}

function splitSetting(setting: RuleSetting): { severity?: SeveritySetting; options?: Record<string, unknown> } {
  if (typeof setting === 'string') return { severity: setting };
  if (Array.isArray(setting)) return { severity: setting[0], options: setting[1] };
  const out: { severity?: SeveritySetting; options?: Record<string, unknown> } = {};
  if (setting.severity) out.severity = setting.severity;
  if (setting.options) out.options = setting.options;
  return out;
}

export function resolveConfig(input: unknown, registry: readonly AnyRule[]): ResolvedConfig {
  const parsed = ConfigSchema.safeParse(input ?? {});
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error, '', (p) => shapeKeys(ConfigSchema, p)));
  const config = parsed.data;
  const problems: string[] = [];
  const byId = new Map(registry.map((r) => [r.meta.id, r]));
  const settings = config.rules ?? {};
  for (const id of Object.keys(settings)) {
    if (!byId.has(id)) problems.push(`rules: unknown rule id "${id}"; expected one of: ${[...byId.keys()].sort().join(', ')}`);
  }
  const rules: ResolvedRule[] = [];
  for (const rule of registry) {
    const setting = settings[rule.meta.id];
    const { severity, options } = setting ? splitSetting(setting) : {};
    if (severity === 'off') continue;
    let resolvedOptions: unknown = {};
    if (rule.meta.options) {
      const result = rule.meta.options.safeParse(options ?? {});
      if (!result.success) {
        problems.push(...describeIssues(result.error, `rules.${rule.meta.id}.options`, (p) => shapeKeys(rule.meta.options!, p)));
        continue;
      }
      resolvedOptions = result.data;
    } else if (options && Object.keys(options).length > 0) {
      problems.push(`rules.${rule.meta.id}: this rule takes no options`);
    }
    rules.push({ rule, ...(severity ? { severity } : {}), options: resolvedOptions });
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return { config, agency: config.agency ?? {}, rules };
}
