import { defineRule } from '../../../src/engine/rule.js';
import type { Location } from '../../../src/core/types.js';
import { ND30 } from '../symbol/common.js';
import { seriesKey, seriesLabel, yearTracker } from './series.js';

// Điều 15.1: numbers follow the order of issue within the year, from 01 to the last document; a
// number with no entry is a document missing from the register (or a number skipped: "nhảy số").
export default defineRule({
  meta: {
    id: 'numbering/gap',
    category: 'numbering',
    defaultSeverity: 'error',
    appliesTo: ['outgoing'],
    description: {
      vi: 'Số văn bản đi phải liên tục trong năm; số bị bỏ trống là văn bản chưa được đăng ký.',
      en: 'Outgoing numbers must be consecutive within the year; a skipped number is a document missing from the register.',
    },
    messages: {
      gap: {
        vi: 'Thiếu số {range} trong dãy số {seriesVi} năm {year} (giữa số {before} và số {after}).',
        en: 'Number(s) {range} missing from the {seriesEn} series of {year} (between {before} and {after}).',
      },
    },
    citation: { instrument: ND30, article: 'Điều 15 khoản 1', kind: 'exact' },
    fix: 'none',
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '01/QĐ-UBND', issuedDate: '02/01/2024' }, { symbol: '03/QĐ-UBND', issuedDate: '03/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '01/QĐ-UBND', issuedDate: '02/01/2024' }, { symbol: '02/QĐ-UBND', issuedDate: '03/01/2024' }] },
    },
  },
  check(context) {
    const years = yearTracker();
    // series|year → number → first location holding it. Locations are a few short strings per entry.
    const seen = new Map<string, Map<number, Location>>();
    return {
      row(entry) {
        const slot = years.slot(entry);
        if (!slot) return;
        const key = seriesKey(slot);
        let numbers = seen.get(key);
        if (!numbers) seen.set(key, (numbers = new Map()));
        if (!numbers.has(slot.number)) numbers.set(slot.number, entry.location('symbol'));
      },
      end() {
        for (const [key, numbers] of seen) {
          const [series = '', year = ''] = key.split('|');
          const sorted = [...numbers.keys()].sort((a, b) => a - b);
          for (let i = 1; i < sorted.length; i++) {
            const before = sorted[i - 1]!;
            const after = sorted[i]!;
            if (after - before <= 1) continue;
            const from = before + 1;
            const to = after - 1;
            const range = from === to ? pad(from) : `${pad(from)}–${pad(to)}`;
            context.report({
              location: numbers.get(after)!,
              messageId: 'gap',
              data: { range, before: pad(before), after: pad(after), year, seriesVi: seriesLabel(series, 'vi'), seriesEn: seriesLabel(series, 'en'), missing: to - from + 1 },
            });
          }
        }
      },
    };
  },
});

const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
