// One info finding per run naming the years computed without a confirmed calendar (issue #5).
import calendarUnconfirmed from '../../../rules/nd30/timeliness/calendar-unconfirmed.js';
import { TIMELINESS_RULES } from '../../../rules/nd30/timeliness/index.js';
import { dayNumber } from '../../../src/core/dates.js';
import { internalError } from '../../../src/engine/builtin-rules.js';
import { checkMemory } from '../../../src/engine/memory.js';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../../src/report/report.js';
import { ROOT, runCli } from '../../helpers.js';
import { testRule } from '../../rule-tester.js';

const out = (issuedDate: string, dispatchDate?: string) => ({ symbol: '05/QĐ-UBND', issuedDate, ...(dispatchDate ? { dispatchDate } : {}) });
const inc = (arrivalDate: string, transferDate: string) => ({ arrivalDate, arrivalNumber: '3', symbol: '12/SNV-VP', transferDate });

testRule(calendarUnconfirmed, {
  valid: [
    { name: 'confirmed years only', entries: [out('26/04/2024', '02/05/2024'), out('29/08/2025', '03/09/2025'), out('01/02/2019', '11/02/2019')] },
    { name: 'same-day dispatch needs no calendar', entries: [out('15/06/2026', '15/06/2026')] },
    { name: 'a deadline computed inside 2025 for a document of 2025', entries: [out('30/12/2025', '31/12/2025')] },
  ],
  invalid: [
    { name: 'a 2026 document dispatched the next day', entries: [out('28/08/2026', '31/08/2026')], errors: [{ messageId: 'unconfirmed', severity: 'info', data: { years: '2026' } }] },
    {
      name: 'one finding for the run, across registers of both kinds',
      entries: [out('28/08/2026', '31/08/2026'), out('02/03/2026', '03/03/2026')],
      more: [{ kind: 'incoming', entries: [inc('05/03/2018', '06/03/2018'), inc('03/09/2027', '06/09/2027')] }],
      errors: [{ messageId: 'unconfirmed', data: { years: '2018, 2026, 2027' } }],
    },
    { name: 'a 2025 deadline that falls in 2026 (31/12/2025 → Mon 05/01/2026)', entries: [out('31/12/2025', '05/01/2026')], errors: [{ messageId: 'unconfirmed', data: { years: '2026' } }] },
    { name: 'a missing dispatch date checked against a 2026 deadline', asOf: dayNumber(2026, 3, 1), entries: [out('02/02/2026')], errors: [{ messageId: 'unconfirmed', data: { years: '2026' } }] },
  ],
});

describe('timeliness/calendar-unconfirmed with every timeliness rule', () => {
  it('reports once per run, at the register that first used the year, with no row', async () => {
    const registers = [
      { kind: 'outgoing' as const, entries: [out('28/08/2026', '01/09/2026'), out('26/04/2024', '02/05/2024')] },
      { kind: 'incoming' as const, entries: [inc('28/08/2026', '01/09/2026')], file: 'den.xlsx' },
    ];
    const run = async () => (await checkMemory(registers, { rules: TIMELINESS_RULES, asOf: dayNumber(2026, 9, 15) })).flatMap((r) => r.findings);
    for (let i = 0; i < 2; i++) {
      const infos = (await run()).filter((f) => f.ruleId === 'timeliness/calendar-unconfirmed');
      expect(infos).toHaveLength(1);
      expect(infos[0]!.severity).toBe('info');
      expect(infos[0]!.location).toEqual({ file: 'memory-1.xlsx', sheet: 'Sổ' });
      expect(infos[0]!.data['years']).toBe('2026');
    }
  });

  it('says which years are partly confirmed and which have statutory holidays only', async () => {
    const results = await checkMemory([{ kind: 'outgoing', entries: [out('28/12/2018', '02/01/2019'), out('28/08/2026', '01/09/2026')] }], { rules: [calendarUnconfirmed], asOf: dayNumber(2026, 9, 15) });
    const [info] = results.flatMap((r) => r.findings);
    expect(info?.data).toMatchObject({ years: '2018, 2026' });
    expect(String(info?.data['detailsEn'])).toMatch(/2018: statutory holidays and weekends only; 2026: calendar only partly confirmed/);
  });
});

describe('an invalid calendar in the config', () => {
  it('is refused when the config is loaded, naming the bad date', async () => {
    await expect(
      checkMemory([{ kind: 'outgoing', entries: [out('26/04/2024', '10/05/2024')] }], {
        rules: [internalError, ...TIMELINESS_RULES],
        config: { calendar: { extraDaysOff: ['2024-02-30'] } },
        asOf: dayNumber(2025, 1, 15),
      }),
    ).rejects.toThrow(/calendar\.extraDaysOff.*not a real calendar date/);
  });
});

describe('timeliness/calendar-unconfirmed in inspector mode', () => {
  it('is said once per unit (each unit is a run of its own), the same for any --jobs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanthu-cu-'));
    for (const unit of ['xa-a', 'xa-b', 'xa-c']) {
      mkdirSync(join(dir, unit));
      copyFileSync(join(ROOT, 'fixtures/timeliness/so-di-2026-lich-chua-xac-nhan.xlsx'), join(dir, unit, 'so-di-2026.xlsx'));
    }
    const perUnit = async (jobs: string): Promise<number[]> => {
      const run = await runCli(['check', '--by-unit', '--jobs', jobs, '--as-of', '2026-12-31', '--format', 'json', dir]);
      const report = JSON.parse(run.stdout) as Report;
      return report.files.map((f) => f.findings.filter((x) => x.ruleId === 'timeliness/calendar-unconfirmed').length);
    };
    expect(await perUnit('1')).toEqual([1, 1, 1]);
    expect(await perUnit('2')).toEqual([1, 1, 1]);
  });
});
