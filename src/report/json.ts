import type { Report } from './report.js';

/** The JSON contract, pretty-printed, with a final newline. Deterministic for a given report. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
