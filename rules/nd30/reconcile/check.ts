// Cross-unit reconciliation as a run-scope check (src/engine/run-scope.ts): in inspector mode each
// unit's group collects the entries that concern another unit of the batch; at the end, the senders'
// outgoing books are matched with the receivers' incoming books (./match.ts).
import type { RunCheck } from '../../../src/engine/run-scope.js';
import { reconcile, ReconcileCollector, type ReconcileData } from './match.js';

export const reconcileCheck: RunCheck = {
  id: 'reconcile',
  when: 'units',
  start: async (context) => ({
    local: false,
    group: () => {
      const collector = new ReconcileCollector(context.units);
      return { collectors: collector.collectors, data: () => collector.data() };
    },
    finish: (groups) => {
      const all = new ReconcileCollector(context.units);
      for (const data of groups) if (data) all.absorb(data as ReconcileData);
      return { findings: reconcile(all.data(), (id, fallback) => context.severity(id, fallback) ?? 'off') };
    },
  }),
};
