// defineRule and the types a rule sees. Rules see only the register model (STYLE habit 3).
import type * as z from 'zod';
import type {
  Citation,
  FieldName,
  Fix,
  Localized,
  Location,
  MessageData,
  RegisterKind,
  RuleCategory,
  Severity,
} from '../core/types.js';
import type { Entry, RegisterInfo } from '../register/model.js';
import type { AgencyConfig, Config } from '../config/schema.js';
import type { DayNumber } from '../core/dates.js';

export interface RuleExample {
  /** The register kind the example runs in. */
  readonly kind: RegisterKind;
  /** Field values of one or more entries, in register order. */
  readonly entries: readonly Partial<Record<FieldName, string>>[];
  /** Config the example needs (e.g. the agency's abbreviations), as in vanthu.config.json. */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Cover lines above the header, when the example is about them. */
  readonly title?: readonly string[];
  /** The header's columns when not the whole form, and header cells nothing maps to (examples about the header). */
  readonly columns?: readonly FieldName[];
  readonly unknownHeaders?: readonly string[];
}

export interface RuleMeta<O = unknown> {
  /** Stable kebab-case id, `topic/name`. Inspectors quote it: never rename. */
  readonly id: string;
  readonly category: RuleCategory;
  readonly defaultSeverity: Severity;
  /** Register kinds the rule runs on. */
  readonly appliesTo: readonly RegisterKind[];
  readonly description: Localized;
  /** Message templates by message id; `{name}` placeholders filled from the finding's data. */
  readonly messages: Readonly<Record<string, Localized>>;
  readonly citation: Citation;
  readonly fix: 'none' | 'safe' | 'suggestion';
  /** zod schema of the rule's options, with defaults; absent when the rule takes none. */
  readonly options?: z.ZodType<O>;
  /**
   * register (default): the rule's own lifecycle reports over registers. run: findings come from a
   * run-level check (cross-unit reconciliation, issued documents); the rule carries metadata only.
   */
  readonly scope?: 'register' | 'run';
  /** For `explain` and its test: a failing and a passing example. */
  readonly examples?: { readonly failing: RuleExample; readonly passing: RuleExample };
}

export interface ReportDescriptor {
  readonly messageId: string;
  readonly data?: MessageData | undefined;
  /** The entry and field the finding is about (the usual case) … */
  readonly entry?: Entry;
  readonly field?: FieldName;
  /** … or an explicit location (register-level findings). */
  readonly location?: Location;
  readonly related?: readonly Location[] | undefined;
  readonly fix?: (Omit<Fix, 'field'> & { readonly field?: FieldName }) | undefined;
  /** The severity this occurrence deserves when the user has not configured one (e.g. warning in incoming books). */
  readonly severity?: Severity | undefined;
}

export interface RuleContext<O> {
  readonly options: O;
  readonly register: RegisterInfo;
  readonly agency: AgencyConfig;
  /** The whole validated config (calendar, numbering scheme, units …). */
  readonly config: Config;
  /** "Today" for rules about the future or overdue items (`--as-of`). */
  readonly asOf: DayNumber;
  report(descriptor: ReportDescriptor): void;
  /**
   * State shared by the rules of one run under a key (e.g. the working-day calendar built from the
   * config, computed once): created on first use, dropped with the run. No module-level state.
   */
  shared<T>(key: string, create: () => T): T;
  /**
   * State shared by the rules of this rule group only (the registers of one kind and unit, e.g. the
   * numbering series every numbering rule reads): created on first use, dropped with the group.
   */
  group<T>(key: string, create: () => T): T;
}

/**
 * The lifecycle of one rule (frictionless validate_start/row/end). One lifecycle covers every
 * register of the same kind (and unit) in a run, in input order, so series continue across
 * volumes: `start` before the first register, `registerStart/registerEnd` around each register,
 * `row` per entry, `end` after the last register. Findings may point into any of them.
 */
export interface RuleHandlers {
  start?(): void;
  registerStart?(register: RegisterInfo): void;
  row?(entry: Entry): void;
  registerEnd?(register: RegisterInfo): void;
  end?(): void;
}

export interface Rule<O = unknown> {
  readonly meta: RuleMeta<O>;
  readonly check: (context: RuleContext<O>) => RuleHandlers;
}

export function defineRule<O = Record<string, never>>(rule: Rule<O>): Rule<O> {
  return rule;
}

// A registry holds rules of different option types; the engine only passes each rule its own options.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;
