// Every rule carries full metadata: a citation, both languages, examples that really fail and pass,
// a test that names it, and a README entry generated from its metadata (STYLE habit 12).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.js';
import { readmeRulesBlock, README_MARKERS } from '../src/report/rules-doc.js';
import { ROOT } from './helpers.js';
import { runRuleCase } from './rule-tester.js';

// Findings the engine itself gives (sheets skipped, inputs converted, renamed or copied, a kind that
// contradicts the book): no check function to run on an example; their tests are the engine's and the readers'.
const ENGINE_RULES = new Set(['internal-error', 'register/sheet-skipped', 'register/kind-mismatch', 'input/legacy-encoding', 'input/renamed-file', 'input/duplicate-register']);
const testSources = fg.sync('test/**/*.test.ts', { cwd: ROOT }).map((f) => readFileSync(join(ROOT, f), 'utf8'));
// Language-specific data is allowed as a pair `xVi` / `xEn` (e.g. a series name rendered per language).
const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/(Vi|En)$/, '')).sort();

describe('rule metadata', () => {
  it('ids are unique, kebab-case topic/name, and the registry is sorted', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(\/[a-z0-9]+(-[a-z0-9]+)*)?$/);
    expect([...ids].sort()).toEqual(ids);
  });

  for (const rule of RULES) {
    const m = rule.meta;
    describe(m.id, () => {
      it('has a citation, descriptions and messages in both languages with the same placeholders', () => {
        expect(m.citation.instrument.length).toBeGreaterThan(3);
        expect(m.citation.article.length).toBeGreaterThan(2);
        expect(m.description.vi.length).toBeGreaterThan(10);
        expect(m.description.en.length).toBeGreaterThan(10);
        expect(m.description.vi).toBe(m.description.vi.normalize('NFC'));
        expect(Object.keys(m.messages).length).toBeGreaterThan(0);
        for (const [id, text] of Object.entries(m.messages)) {
          expect(text.vi, id).toBe(text.vi.normalize('NFC'));
          expect(placeholders(text.vi), id).toEqual(placeholders(text.en));
        }
      });

      it('is named by a test', () => {
        if (ENGINE_RULES.has(m.id)) return;
        const file = m.id.split('/')[1]!;
        expect(testSources.some((src) => src.includes(`'${m.id}'`) || src.includes(`/${file}.js'`))).toBe(true);
      });

      if (!ENGINE_RULES.has(m.id) && m.scope !== 'run') {
        it('has examples: the failing one fails, the passing one passes', async () => {
          expect(m.examples).toBeDefined();
          const fail = await runRuleCase(rule, m.examples!.failing);
          expect(fail.findings.filter((f) => f.ruleId === m.id).length).toBeGreaterThan(0);
          const pass = await runRuleCase(rule, m.examples!.passing);
          expect(pass.findings.filter((f) => f.ruleId === m.id || f.ruleId === 'internal-error')).toEqual([]);
        });
      }
    });
  }

  it('the README rules table is generated from the current metadata (npm run docs)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf(README_MARKERS.start) + README_MARKERS.start.length + 1, readme.indexOf(README_MARKERS.end));
    expect(block).toBe(readmeRulesBlock(RULES));
  });
});
