// Every timeliness rule's `examples` (shown by `explain`): the failing one fails, the passing one passes.
import { describe, expect, it } from 'vitest';
import { TIMELINESS_RULES } from '../../../rules/nd30/timeliness/index.js';
import { dayNumber } from '../../../src/core/dates.js';
import { checkMemory } from '../../../src/engine/memory.js';

const AS_OF = dayNumber(2025, 1, 15);

describe('timeliness rule examples', () => {
  for (const rule of TIMELINESS_RULES) {
    const examples = rule.meta.examples;
    it(`${rule.meta.id} has examples`, () => {
      expect(examples).toBeDefined();
    });
    if (!examples) continue;
    it(`${rule.meta.id}: the failing example fails`, async () => {
      const results = await checkMemory([examples.failing], { rules: [rule], asOf: AS_OF });
      const findings = results.flatMap((r) => r.findings);
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((f) => f.ruleId === rule.meta.id)).toBe(true);
    });
    it(`${rule.meta.id}: the passing example passes`, async () => {
      const results = await checkMemory([examples.passing], { rules: [rule], asOf: AS_OF });
      expect(results.flatMap((r) => r.findings)).toEqual([]);
    });
  }
});
