// Run-scope checks: the rules whose findings need data from several rule groups — cross-unit
// reconciliation (every unit's books), issued documents against the outgoing register. They are
// engine lifecycle steps, not host wiring: `start` before any register, a collector per group while
// the registers are read (possibly in another thread: its data must be structured-clonable), then
// `finish` over every group's data. The rule packs register them in rules/index.ts (RUN_CHECKS).
import type { Finding, Severity } from '../core/types.js';
import type { IssuedDocument } from '../ingest/pdf-document.js';
import type { EntryCollector, FileResult, RunSettings } from './run.js';
import type { MemoryRegister } from './memory.js';

/** A unit of an inspection batch and the other names its partners give it. */
export interface UnitDef {
  readonly name: string;
  readonly aliases?: readonly string[] | undefined;
}

/** An issued document as read (page 1), or why it could not be. */
export interface ReadDocument {
  readonly path: string;
  readonly doc?: IssuedDocument;
  readonly error?: { readonly code: string; readonly data: Readonly<Record<string, string | number>> };
}

export interface RunCheckContext {
  readonly settings: RunSettings;
  /** Inspector mode: the units of the batch (empty otherwise). */
  readonly units: readonly UnitDef[];
  /** The issued documents given with the run, read (empty when none). */
  readonly documents: readonly ReadDocument[];
  /** The severity a finding of this rule gets (configured, else `fallback`), or undefined when it is off. */
  severity(ruleId: string, fallback: Severity): Severity | undefined;
  /** Runs the given rules of the run's settings on an in-memory register (one "file"). */
  checkRegister(register: MemoryRegister, rules: (ruleId: string, category: string) => boolean): Promise<FileResult>;
}

export interface GroupCollector {
  readonly collectors: readonly EntryCollector[];
  /** What the group gathered, handed to `finish` (structured-clonable). */
  data(): unknown;
}

export interface RunCheckState {
  /** Collectors for one rule group's registers (the unit's, or the whole run's). */
  group(unit: string | undefined): GroupCollector;
  /** Its state lives in this thread only (documents): every group then runs here. */
  readonly local: boolean;
  /** Findings from every group's data, and extra file results (the documents themselves). */
  finish(groups: readonly unknown[]): { readonly findings: readonly Finding[]; readonly files?: readonly FileResult[] };
}

export interface RunCheck {
  readonly id: string;
  /** `units`: inspector mode; `documents`: when issued documents are given. */
  readonly when: 'units' | 'documents';
  start(context: RunCheckContext): Promise<RunCheckState>;
}
