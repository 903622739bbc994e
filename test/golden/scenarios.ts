// Outputs recorded before the engine moved out of the CLI (issue #13): every format on every fixture
// and sample. `npm run golden` records them (scripts/record-golden.ts); test/golden.test.ts runs the
// same scenarios and compares byte for byte (annotated workbooks: the XML of their parts).
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fg from 'fast-glob';
import { unzipSync } from 'fflate';
import { ROOT, runCli } from '../helpers.js';

export interface Scenario {
  readonly name: string;
  readonly args: readonly string[];
}

interface Sidecar {
  readonly args: string[];
  readonly inputs?: string[];
}

/** One scenario per fixture sidecar, plus the campaign, the documents, the samples and the language/quiet variants. */
export function scenarios(): Scenario[] {
  const list: Scenario[] = [];
  for (const sidecar of fg.sync('fixtures/**/*.expected.json', { cwd: ROOT, ignore: ['fixtures/campaign/**'] }).sort()) {
    const base = sidecar.replace(/\.expected\.json$/, '');
    const expected = JSON.parse(readFileSync(join(ROOT, sidecar), 'utf8')) as Sidecar;
    const inputs = expected.inputs ?? fg.sync(`${base}.{xlsx,csv,pdf}`, { cwd: ROOT });
    list.push({ name: base.replace(/^fixtures\//, '').replace(/\//g, '__'), args: [...expected.args, ...inputs] });
  }
  list.push({ name: 'campaign', args: ['--by-unit', '--jobs', '1', '--config', 'fixtures/campaign/vanthu.config.json', '--as-of', '2025-01-15', 'fixtures/campaign'] });
  list.push({ name: 'documents', args: ['--config', 'fixtures/vanthu.config.json', '--as-of', '2025-01-15', 'fixtures/so-di-2024-chuan.xlsx', '--documents', 'fixtures/pdf/documents'] });
  list.push({ name: 'samples', args: ['--config', 'samples/vanthu.config.json', '--as-of', '2025-01-15', 'samples'] });
  list.push({ name: 'loi-en', args: ['--lang', 'en', '--config', 'fixtures/vanthu.config.json', '--as-of', '2025-01-15', 'fixtures/so-di-2024-loi.xlsx', 'fixtures/so-den-2024.xlsx'] });
  list.push({ name: 'den-quiet', args: ['--quiet', '--config', 'fixtures/vanthu.config.json', '--as-of', '2025-01-15', 'fixtures/so-den-2024.xlsx', 'fixtures/so-den-2024-xuat.csv'] });
  return list;
}

const TEXT_FORMATS = ['json', 'html', 'sarif', 'junit'] as const;

/** Runs one scenario with every format; returns output name → content (workbooks as their XML parts). */
export async function capture(s: Scenario): Promise<Map<string, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'vl-golden-'));
  try {
    const out = new Map<string, string>();
    const stylish = await runCli(['check', ...s.args, '--format', 'stylish']);
    out.set('stylish.txt', `exit ${stylish.code}\n${stylish.stdout}${stylish.stderr ? `\n--- stderr\n${stylish.stderr}` : ''}`);
    const formats = TEXT_FORMATS.map((f) => `${f}:${join(dir, `report.${f}`)}`);
    const run = await runCli(['check', ...s.args, ...formats.flatMap((f) => ['--format', f]), '--format', 'xlsx', '--output-dir', join(dir, 'xlsx')]);
    out.set('exit.txt', `exit ${run.code}\n${run.stderr}`);
    for (const f of TEXT_FORMATS) out.set(`report.${f}`, readFileSync(join(dir, `report.${f}`), 'utf8'));
    for (const file of walk(join(dir, 'xlsx')).sort()) {
      const parts = unzipSync(readFileSync(file));
      // '.parts': a folder named like the copy itself would be ignored by git (*.kiem-tra.xlsx).
      const rel = `${relative(join(dir, 'xlsx'), file).replace(/\//g, '__')}.parts`;
      for (const part of Object.keys(parts).sort()) {
        if (!part.endsWith('.xml') && !part.endsWith('.rels') && !part.endsWith('.vml')) continue;
        if (part.startsWith('docProps/') || part.startsWith('xl/theme/')) continue; // creation times; the constant theme
        out.set(`xlsx/${rel}/${part.replace(/\//g, '__')}`, new TextDecoder().decode(parts[part]));
      }
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
