// The floor under `check` on a register in any format: the project's own reader for it alone —
// openWorkbook (sniff, then the .xls / .ods / HTML / CSV / xlsx reader, the legacy-font look at the
// head) iterating every row of every sheet — so `check ÷ floor` is the cost of everything above the
// reader. `npm run bench` (section `formats`) runs it as a fresh process:
//
//   node dist/bench/format-floor.js <file>
//
// Prints `format=<f> rows=<n> cells=<n>` on stderr (stdout stays free).
import { readFile } from 'node:fs/promises';
import { nodeHost } from '../src/host/node.js';
import { openWorkbook } from '../src/ingest/index.js';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: format-floor <file>\n');
  process.exit(2);
}
const bytes = new Uint8Array(await readFile(file));
const workbook = openWorkbook(bytes, file, nodeHost);
let rows = 0;
let cells = 0;
for await (const sheet of workbook.sheets) {
  for await (const batch of sheet.rows) {
    for (const row of batch) {
      rows++;
      for (const value of row.values) if (value !== null) cells++;
    }
  }
}
process.stderr.write(`format=${workbook.format} rows=${rows} cells=${cells}\n`);
