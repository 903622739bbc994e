// A test-only rule that reports every subject, note and signer cell, so that hostile cell text
// reaches the reports under test.
import { RULES } from '../../rules/index.js';
import { defineRule } from '../../src/engine/rule.js';

export const echoRule = defineRule({
  meta: { ...RULES[0]!.meta, id: 'test/echo', messages: { echo: { vi: 'Ô chứa: {text}', en: 'Cell holds: {text}' } } },
  check: (ctx) => ({
    row(entry) {
      for (const field of ['typeAndSubject', 'notes', 'signer'] as const) {
        if (!entry.isEmpty(field)) ctx.report({ entry, field, messageId: 'echo', data: { text: entry.original(field) } });
      }
    },
  }),
});
