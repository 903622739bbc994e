// The batch reference: exceljs's streaming reader merely iterating the rows of every workbook under a
// folder, on N threads (this one plus N-1 workers, files dealt out in turn), as `check --jobs N` does.
// Its speed-up from 1 to 2 threads is what this machine gives the raw library read of the same files:
// the ceiling to judge the batch speed-up against.
import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

async function iterate(files: readonly string[]): Promise<number> {
  let rows = 0;
  for (const file of files) {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
    for await (const sheet of reader) for await (const row of sheet) if (row) rows++;
  }
  return rows;
}

function listXlsx(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listXlsx(path));
    else if (entry.name.endsWith('.xlsx')) out.push(path);
  }
  return out;
}

if (!isMainThread) {
  parentPort!.postMessage(await iterate(workerData as string[]));
} else {
  const threads = Number(process.argv[2]);
  const dir = process.argv[3];
  if (!Number.isInteger(threads) || threads < 1 || dir === undefined) {
    process.stderr.write('usage: raw-exceljs-batch <threads ≥ 1> <folder>\n');
    process.exit(2);
  }
  const files = listXlsx(dir);
  const share = (t: number): string[] => files.filter((_, i) => i % threads === t);
  const workers = Array.from({ length: threads - 1 }, (_, k) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: share(k + 1) });
    return new Promise<number>((resolve, reject) => {
      worker.once('message', (n: number) => void worker.terminate().then(() => resolve(n)));
      worker.once('error', reject);
    });
  });
  const counts = await Promise.all([iterate(share(0)), ...workers]);
  process.stderr.write(`files=${files.length} rows=${counts.reduce((a, b) => a + b, 0)}\n`);
}
