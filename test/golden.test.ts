// Every output (stylish, json, html, sarif, junit, annotated and summary workbooks) of every golden
// scenario is byte-identical to what was recorded before the engine moved out of the CLI
// (issue #13). Workbooks are compared part by part (their XML), docProps and the theme aside.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
import { capture, scenarios } from './golden/scenarios.js';

const OUT = join(ROOT, 'test/golden/out');

function recorded(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? recorded(dir, `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

describe('outputs are unchanged (golden)', () => {
  for (const s of scenarios()) {
    it(s.name, async () => {
      const actual = await capture(s);
      const names = recorded(join(OUT, s.name)).sort();
      expect([...actual.keys()].sort()).toEqual(names);
      for (const name of names) expect(actual.get(name), `${s.name}/${name}`).toBe(readFileSync(join(OUT, s.name, name), 'utf8'));
    });
  }
});
