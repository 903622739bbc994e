import * as z from 'zod';
import { defineRule } from '../../../src/engine/rule.js';
import { ND30 } from '../symbol/common.js';
import { continuation, jan1, lowest, pad2, seriesData, seriesHandlers } from './series.js';

// Điều 15.1: numbers start at 01 on 1 January (Điều 22.2 for số đến, "trong năm"). When the register
// holding a series' first entries starts on or near 1 January, its lowest number must be 01; else
// the documents before it are missing from the book. Not judged when the cover declares "Từ số …"
// (a later volume: numbering/volume-range compares the declared number), when the book starts later
// in the year (a volume, or a unit created on 1 July 2025 that restarted at 01 [M]), for restart
// periods, when the series carries on from last year (numbering/no-restart), nor for small series
// of other issuers (a handful of a council's documents registered in the agency's book).
const Options = z.strictObject({
  /** A cover "Từ ngày" up to this many days after 1 January counts as starting the year. */
  coverDays: z.number().int().min(0).max(60).default(15),
  /** Without a cover date: the register's first entry of the year dated within this many days of 1 January. */
  firstEntryDays: z.number().int().min(0).max(120).default(31),
});

export default defineRule<z.infer<typeof Options>>({
  meta: {
    id: 'numbering/first-number',
    category: 'numbering',
    defaultSeverity: 'error',
    appliesTo: ['outgoing', 'incoming'],
    description: {
      vi: 'Sổ mở từ đầu năm thì dãy số phải bắt đầu từ số 01.',
      en: 'A register opened at the start of the year must begin its series at 01.',
    },
    messages: {
      notOne: {
        vi: 'Dãy số {seriesVi} năm {year} bắt đầu từ số {first}, không phải 01, dù sổ mở từ đầu năm: thiếu số {range}.',
        en: 'The {seriesEn} series of {year} begins at {first}, not 01, although the register starts at the beginning of the year: numbers {range} are missing.',
      },
    },
    citation: { instrument: ND30, article: 'Điều 15 khoản 1; Điều 22 khoản 2', kind: 'exact' },
    fix: 'none',
    options: Options,
    examples: {
      failing: { kind: 'outgoing', entries: [{ symbol: '03/QĐ-UBND', issuedDate: '03/01/2024' }, { symbol: '04/QĐ-UBND', issuedDate: '04/01/2024' }] },
      passing: { kind: 'outgoing', entries: [{ symbol: '01/QĐ-UBND', issuedDate: '03/01/2024' }, { symbol: '02/QĐ-UBND', issuedDate: '04/01/2024' }] },
    },
  },
  check(context) {
    const { coverDays, firstEntryDays } = context.options;
    return seriesHandlers(context, (model, c) => {
      for (const s of model.series) {
        if (s.periodStart !== undefined || (!s.agency && s.items.length < 3)) continue;
        // A partial list (a gazette, a danh mục) starts wherever its selection does: numbering/gap summarises.
        if (c.register(s.items[0]!).partial !== undefined) continue;
        // Party numbers run over the committee's term (party.termStart), not from 01 each 1 January.
        if (s.category === 'party') continue;
        const low = lowest(c, s);
        if (!low || low.number <= 1 || continuation(model, c, s)) continue;
        // The register that opens the series' book: for the run's main book, any register of the
        // year up to the series' first one (a type first used in volume 2 still had to start at 01).
        const first = c.reg.at(s.items[0]!);
        if (c.registers[first]!.title.fromNumber !== undefined) continue;
        const start = jan1(s.year);
        let opensYear = false;
        for (let r = s.chain === 0 ? 0 : first; r <= first && !opensYear; r++) {
          const info = c.registers[r]!;
          const from = info.title.fromDate;
          const firstDay = c.firstDayOfYear[r]!.get(s.year);
          opensYear = from !== undefined ? from >= start && from - start <= coverDays : firstDay !== undefined && firstDay - start <= firstEntryDays;
        }
        if (!opensYear) continue;
        const range = low.number === 2 ? '01' : `01–${pad2(low.number - 1)}`;
        context.report({ location: c.location(low.at), messageId: 'notOne', data: { ...seriesData(s), first: pad2(low.number), range } });
      }
    });
  },
});
