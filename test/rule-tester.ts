// A RuleTester in the ESLint style: tables of valid and invalid cases, asserting rule id, message id
// and location (row and field), never message text (STYLE habit 12).
import { describe, expect, it } from 'vitest';
import { dayNumber, type DayNumber } from '../src/core/dates.js';
import type { FieldName, RegisterKind, Severity } from '../src/core/types.js';
import { checkMemory, exampleRegister, type MemoryRegister } from '../src/engine/memory.js';
import type { AnyRule } from '../src/engine/rule.js';

type Row = Partial<Record<FieldName, string | number>>;

export interface RuleCase {
  readonly name?: string;
  readonly kind?: RegisterKind;
  readonly entries: readonly Row[];
  readonly title?: readonly string[];
  /** The header's columns when not the whole form, and header cells nothing maps to. */
  readonly columns?: readonly FieldName[];
  readonly unknownHeaders?: readonly string[];
  /** Config besides the rule's own options (agency, numbering, calendar …). */
  readonly config?: Record<string, unknown>;
  readonly options?: Record<string, unknown>;
  readonly asOf?: DayNumber;
  /** More registers checked in the same run after this one (volumes). */
  readonly more?: readonly MemoryRegister[];
}

export interface ExpectedError {
  readonly messageId: string;
  /** 0-based index of the entry the finding points at (converted to the physical row). */
  readonly entry?: number;
  readonly field?: FieldName;
  readonly severity?: Severity;
  readonly fixTo?: string;
  /** Message data to check (a subset). */
  readonly data?: Record<string, string | number>;
}

export interface InvalidCase extends RuleCase {
  readonly errors: readonly ExpectedError[];
}

const DEFAULT_AS_OF = dayNumber(2025, 1, 15);

export async function runRuleCase(rule: AnyRule, c: RuleCase) {
  const config = { ...(c.config ?? {}), ...(c.options ? { rules: { [rule.meta.id]: { options: c.options } } } : {}) };
  const registers: MemoryRegister[] = [exampleRegister(c), ...(c.more ?? [])];
  const results = await checkMemory(registers, { rules: [rule], config, asOf: c.asOf ?? DEFAULT_AS_OF });
  const firstRow = (c.title?.length ?? 0) + 2;
  // A case whose register cannot be built or read is a broken test, never a vacuous pass.
  const broken = results.find((r) => r.error !== undefined);
  if (broken) throw new Error(`the case's register was not read: ${JSON.stringify(broken.error)}`);
  const findings = results.flatMap((r) => r.findings).filter((f) => f.ruleId === rule.meta.id || f.ruleId === 'internal-error');
  return { findings, firstRow, results };
}

export function testRule(rule: AnyRule, cases: { valid: readonly RuleCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    cases.valid.forEach((c, i) => {
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        const { findings } = await runRuleCase(rule, c);
        expect(findings.map((f) => `${f.messageId} @${f.location.row} ${JSON.stringify(f.data)}`)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, async () => {
        const { findings, firstRow } = await runRuleCase(rule, c);
        const actual = findings.map((f) => ({
          messageId: f.messageId,
          row: f.location.row,
          field: f.location.field,
          severity: f.severity,
          fixTo: f.fix?.to,
          data: f.data,
        }));
        expect(actual.length, JSON.stringify(actual)).toBe(c.errors.length);
        c.errors.forEach((err, k) => {
          const a = actual[k]!;
          expect(a.messageId).toBe(err.messageId);
          if (err.entry !== undefined) expect(a.row).toBe(firstRow + err.entry);
          if (err.field) expect(a.field).toBe(err.field);
          if (err.severity) expect(a.severity).toBe(err.severity);
          if (err.fixTo !== undefined) expect(a.fixTo).toBe(err.fixTo);
          if (err.data) expect(a.data).toMatchObject(err.data);
        });
      });
    });
  });
}
