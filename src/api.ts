// The public API, bound to a host by each entry: src/index.ts (Node) and src/browser.ts (browsers).
// Both export exactly this; only the host differs.
import { RULES, RUN_CHECKS } from '../rules/index.js';
import { checkFiles as check, createChecker as create, type CheckFilesOptions, type CheckSetup, type Checker } from './engine/check.js';
import type { Host } from './host/host.js';
import type { Report } from './report/report.js';
import type { summaryWorkbook, unitsWorkbook } from './report/workbook.js';

export type { CheckFilesOptions, CheckInput, CheckProgress, CheckSetup, Checker, GroupResult } from './engine/check.js';
export type { Report, ReportFile, ReportFinding } from './report/report.js';
export type { UnitSummary } from './report/units.js';
export type { AnyRule, RuleMeta } from './engine/rule.js';
export type { Host } from './host/host.js';
export { formatReport, TEXT_FORMATS, type FormatOptions, type TextFormat } from './report/format.js';
export { ConfigError } from './config/resolve.js';
export { InputError } from './ingest/types.js';
export { REPORT_VERSION } from './report/report.js';

export interface Api {
  /** Checks registers given as bytes: the JSON contract v1 report. Bad input becomes a file's `error`; an invalid config throws ConfigError. */
  checkFiles(options: CheckFilesOptions & { readonly toolVersion?: string }): Promise<Report>;
  /** The steps of checkFiles, for hosts that spread units over threads. */
  createChecker(setup: CheckSetup): Checker;
  /** The annotated copy of an xlsx input (flagged cells, notes, a results sheet). */
  annotateWorkbook(bytes: Uint8Array, report: Report, fileName: string): Promise<Uint8Array>;
  /** A workbook with the results sheet of the given files (CSV and PDF inputs; several files). */
  summaryWorkbook: typeof summaryWorkbook;
  /** Inspector mode: a row per unit, then a sheet per unit. */
  unitsWorkbook: typeof unitsWorkbook;
}

export function bindApi(host: Host): Api {
  const parts = { host, rules: RULES, runChecks: RUN_CHECKS };
  return {
    checkFiles: (options) => check(options, parts),
    createChecker: (setup) => create(setup, parts),
    // exceljs (about 0.25 s to import) loads only when a workbook is written.
    annotateWorkbook: async (bytes, report, fileName) => (await import('./report/workbook.js')).annotateWorkbook(bytes, report, fileName, host),
    summaryWorkbook: async (...args) => (await import('./report/workbook.js')).summaryWorkbook(...args),
    unitsWorkbook: async (...args) => (await import('./report/workbook.js')).unitsWorkbook(...args),
  };
}

/** Every rule with its metadata (id, severity, category, citation, messages, examples). */
export const rules = RULES;
