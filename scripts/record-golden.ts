// Records every output of every golden scenario into test/golden/out/ (see test/golden/scenarios.ts).
// Run only when an output is meant to change, and say why in the commit.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from '../test/helpers.js';
import { capture, scenarios } from '../test/golden/scenarios.js';

const outDir = join(ROOT, 'test/golden/out');
rmSync(outDir, { recursive: true, force: true });
for (const s of scenarios()) {
  for (const [name, content] of await capture(s)) {
    const file = join(outDir, s.name, name);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  console.log(s.name);
}
