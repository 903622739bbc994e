// The engine guards the rules: a rule that throws becomes one internal-error finding and the run goes on.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/dates.js';
import { internalError } from '../../src/engine/builtin-rules.js';
import { checkMemory } from '../../src/engine/memory.js';
import { defineRule } from '../../src/engine/rule.js';
import leadingZero from '../../rules/nd30/symbol/leading-zero.js';

const broken = defineRule({
  meta: { ...leadingZero.meta, id: 'test/broken' },
  check: () => ({
    row(entry) {
      if (entry.row === 3) throw new Error('boom');
    },
  }),
});

describe('engine guard', () => {
  it('turns a throwing rule into one internal-error finding; other rules still report', async () => {
    const [file] = await checkMemory(
      [{ kind: 'outgoing', entries: [{ symbol: '01/QĐ-UBND', issuedDate: '02/01/2024' }, { symbol: '2/QĐ-UBND', issuedDate: '03/01/2024' }, { symbol: '3/QĐ-UBND', issuedDate: '03/01/2024' }] }],
      { rules: [internalError, broken, leadingZero], asOf: dayNumber(2025, 1, 1) },
    );
    const ids = file!.findings.map((f) => `${f.ruleId}:${f.location.row ?? '-'}`);
    expect(ids.filter((x) => x.startsWith('internal-error'))).toHaveLength(1);
    expect(file!.findings.find((f) => f.ruleId === 'internal-error')!.data).toMatchObject({ rule: 'test/broken', error: 'boom' });
    expect(ids.filter((x) => x.startsWith('symbol/leading-zero'))).toEqual(['symbol/leading-zero:3', 'symbol/leading-zero:4']);
  });
});
