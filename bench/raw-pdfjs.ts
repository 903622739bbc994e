// The reference for PDF registers: pdfjs text extraction alone (every text item of every page).
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(readFileSync(process.argv[2]!));
const doc = await getDocument({ data, verbosity: 0 }).promise;
let items = 0;
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  items += (await page.getTextContent()).items.length;
  page.cleanup();
}
await doc.destroy();
process.stderr.write(`items=${items}\n`);
