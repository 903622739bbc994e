// The messages between the page (src/web/app.ts) and its Web Worker (src/web/worker.ts). Plain,
// structured-clonable data only: the worker runs the engine, the page shows what it sends back.
import type { Lang } from '../core/types.js';
import type { Report } from '../report/report.js';

/** What the page needs of a rule: its metadata as text (no functions, no schemas). */
export interface RuleInfo {
  readonly id: string;
  readonly category: string;
  readonly defaultSeverity: string;
  readonly description: { readonly vi: string; readonly en: string };
  readonly citation: string;
  readonly fix: string;
  readonly examples?: {
    readonly failing: { readonly kind: string; readonly entries: readonly Readonly<Record<string, string>>[] };
    readonly passing: { readonly kind: string; readonly entries: readonly Readonly<Record<string, string>>[] };
  };
}

export interface CheckRequest {
  readonly type: 'check';
  readonly id: number;
  readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[];
  /** The vanthu.config.json object (from the settings form or a loaded file). */
  readonly config: unknown;
  readonly asOf: string;
  readonly lang: Lang;
  /** Inspector mode: the unit of each file (first-level folder), by name. */
  readonly units?: Readonly<Record<string, string>>;
}

export interface AnnotateRequest {
  readonly type: 'annotate';
  readonly id: number;
  readonly report: Report;
  /** xlsx inputs: their own bytes (the annotated copy); others: none (a results workbook). */
  readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[];
}

export interface FormatRequest {
  readonly type: 'format';
  readonly id: number;
  readonly report: Report;
  readonly format: 'json' | 'html';
}

/** The whole row of a finding, read again from the last check's file. */
export interface RowRequest {
  readonly type: 'row';
  readonly id: number;
  readonly file: string;
  readonly sheet?: string;
  readonly row: number;
}

/** The first message: the texts of the libraries loaded on demand (pdfjs, exceljs). */
export interface LibrariesRequest {
  readonly type: 'libraries';
  readonly id: number;
  readonly texts: Readonly<Record<string, string>>;
}

export type WorkerRequest = LibrariesRequest | CheckRequest | AnnotateRequest | FormatRequest | RowRequest | { readonly type: 'rules'; readonly id: number };

export type WorkerReply =
  | { readonly type: 'progress'; readonly id: number; readonly files: number; readonly entries: number; readonly findings: number }
  | { readonly type: 'checked'; readonly id: number; readonly report: Report }
  | { readonly type: 'formatted'; readonly id: number; readonly blob: Blob }
  | { readonly type: 'annotated'; readonly id: number; readonly name: string; readonly bytes: Uint8Array }
  | { readonly type: 'rules'; readonly id: number; readonly rules: readonly RuleInfo[]; readonly fields: Readonly<Record<string, { readonly vi: string; readonly en: string }>>; readonly version: string }
  | { readonly type: 'row'; readonly id: number; readonly cells: readonly { readonly column: string; readonly value: string }[] }
  | { readonly type: 'failed'; readonly id: number; readonly kind: 'config' | 'internal'; readonly problems: readonly string[] };
