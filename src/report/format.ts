// Every text format of a report, by name: the one function hosts render with (the CLI writes the
// text to a file or the terminal; the web page offers it as a download).
import type { AnyRule } from '../engine/rule.js';
import { formatHtml } from './html.js';
import { formatJson, formatJsonChunks } from './json.js';
import { formatJunit } from './junit.js';
import type { Report } from './report.js';
import { formatSarif, formatSarifChunks } from './sarif.js';
import { formatStylish } from './stylish.js';
import type { UnitSummary } from './units.js';

export const TEXT_FORMATS = ['stylish', 'json', 'html', 'sarif', 'junit'] as const;
export type TextFormat = (typeof TEXT_FORMATS)[number];

export interface FormatOptions {
  /** The rules of the run (SARIF's rule table, HTML's citations, JUnit's test cases). */
  readonly rules: readonly AnyRule[];
  /** Terminal colours (stylish). */
  readonly color?: boolean;
  /** Errors only (stylish). */
  readonly quiet?: boolean;
  /** Inspector mode: the per-unit summary (default: the report's own). */
  readonly units?: readonly UnitSummary[];
  /** Ids of the rules that ran (the config may turn some off): JUnit lists only those as test cases. */
  readonly active?: ReadonlySet<string>;
}

export function formatReport(report: Report, format: TextFormat, options: FormatOptions): string {
  const units = options.units ?? report.units;
  switch (format) {
    case 'json':
      return formatJson(report);
    case 'html':
      return formatHtml(report, options.rules, units);
    case 'sarif':
      return formatSarif(report, options.rules);
    case 'junit':
      return formatJunit(report, options.active ? options.rules.filter((r) => options.active!.has(r.meta.id)) : options.rules);
    case 'stylish':
      return formatStylish(report, { color: options.color ?? false, quiet: options.quiet ?? false, ...(units ? { units } : {}) });
  }
}

/**
 * formatReport in chunks (the same text): the big formats (json, sarif) are serialised as they are
 * written, so a report with a hundred thousand findings is never one string in memory.
 */
export function* formatReportChunks(report: Report, format: TextFormat, options: FormatOptions): Generator<string> {
  if (format === 'json') yield* formatJsonChunks(report);
  else if (format === 'sarif') yield* formatSarifChunks(report, options.rules);
  else yield formatReport(report, format, options);
}
