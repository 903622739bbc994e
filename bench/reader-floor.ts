// The floor under `check` on an xlsx: the project's own reader alone — sniff + readXlsx reading every
// row of every sheet, touching each row — with Node's codecs passed explicitly (not the defaults), so
// the figure is the reader's and nothing else's. `npm run bench` (section `floor`) runs it as a fresh
// process, like the other references:
//
//   node dist/bench/reader-floor.js <file.xlsx>
//
// Prints `rows=<n> cells=<n>` on stderr (stdout stays free).
import { readFile } from 'node:fs/promises';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { sniff } from '../src/ingest/sniff.js';
import { readXlsx } from '../src/ingest/xlsx.js';

const file = process.argv[2];
if (file === undefined) {
  process.stderr.write('usage: reader-floor <file.xlsx>\n');
  process.exit(2);
}

const inflateRaw = (data: Uint8Array): Uint8Array => inflateRawSync(data);
const inflateRawStream = (compressed: Uint8Array): AsyncIterable<Uint8Array> => {
  const inflater = createInflateRaw({ chunkSize: 65536 });
  inflater.end(compressed);
  return inflater;
};
const crc = (data: Uint8Array, value: number): number => crc32(data, value);

const bytes = await readFile(file);
const kind = sniff(bytes, file, { inflateRaw });
if (kind.format !== 'xlsx') throw new Error(`${file} sniffed as ${kind.format}, not xlsx`);
let rows = 0;
let cells = 0;
const workbook = readXlsx(bytes, { date1904: kind.date1904, fileName: file, inflateRaw, inflateRawStream, crc32: crc });
for await (const sheet of workbook.sheets) {
  for await (const batch of sheet.rows) {
    for (const row of batch) {
      rows++;
      for (const value of row.values) if (value !== null) cells++;
    }
  }
}
process.stderr.write(`rows=${rows} cells=${cells}\n`);
