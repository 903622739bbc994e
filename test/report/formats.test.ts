// SARIF against the OASIS 2.1.0 schema, JUnit as well-formed XML with the right counts, HTML escaping,
// and the annotated workbook (fills, notes, summary sheet, untouched input).
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04Module from 'ajv-draft-04';
import ExcelJS from 'exceljs';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { dayNumber } from '../../src/core/dates.js';
import { resolveConfig } from '../../src/config/resolve.js';
import { checkMemory } from '../../src/engine/memory.js';
import { echoRule } from './echo-rule.js';
import { buildReport, type Report } from '../../src/report/report.js';
import { formatHtml } from '../../src/report/html.js';
import { formatJunit } from '../../src/report/junit.js';
import { formatSarif, pathToUri } from '../../src/report/sarif.js';
import { starterConfig } from '../../src/cli/commands.js';
import { parseJsonc } from '../../src/config/jsonc.js';
import { ROOT, runCli } from '../helpers.js';

const BASE = ['--config', 'fixtures/vanthu.config.json', '--as-of', '2025-01-15'];
const jsonReport = async (args: string[]): Promise<Report> => JSON.parse((await runCli([...BASE, '--format', 'json', ...args])).stdout) as Report;

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema, with ruleId, rules metadata and regions', async () => {
    const report = await jsonReport(['fixtures/so-di-2024-loi.xlsx', 'fixtures/so-den-2024.xlsx', 'fixtures/bad/encrypted.xlsx']);
    const sarif = JSON.parse(formatSarif(report, RULES)) as { runs: { results: { ruleId: string; ruleIndex: number; locations: { physicalLocation: { region?: { startLine: number; startColumn: number }; artifactLocation: { uri: string } } }[] }[]; tool: { driver: { rules: { id: string }[] } }; invocations: { executionSuccessful: boolean }[] }[] };
    const schema = JSON.parse(readFileSync(join(ROOT, 'test/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    // ajv-draft-04 is CommonJS: its class is the module's default export.
    const AjvDraft04 = ((AjvDraft04Module as unknown as { default?: unknown }).default ?? AjvDraft04Module) as new (o: object) => { compile(s: object): ((d: unknown) => boolean) & { errors?: unknown[] } };
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const run = sarif.runs[0]!;
    expect(run.results.length).toBe(report.files.reduce((n, f) => n + f.findings.length, 0));
    for (const r of run.results) {
      expect(r.ruleId).toBeTruthy();
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
      const pl = r.locations[0]!.physicalLocation;
      expect(pl.artifactLocation.uri).not.toMatch(/^\//);
      if (pl.region) expect(pl.region.startColumn).toBeGreaterThanOrEqual(1);
    }
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
  });

  it('percent-encodes Vietnamese paths as relative URIs', () => {
    expect(pathToUri('sổ đi/2024.xlsx')).toBe('s%E1%BB%95%20%C4%91i/2024.xlsx');
    expect(pathToUri('/abs/x.xlsx')).toBe('file:///abs/x.xlsx');
  });
});

function parseXml(xml: string): { elements: Map<string, Record<string, string>[]> } {
  const elements = new Map<string, Record<string, string>[]>();
  const parser = new SaxesParser();
  parser.on('opentag', (node) => {
    const list = elements.get(node.name) ?? [];
    list.push(node.attributes as Record<string, string>);
    elements.set(node.name, list);
  });
  parser.write(xml).close();
  return { elements };
}

describe('junit', () => {
  it('is well-formed XML: one testsuite per file, one testcase per rule, failures holding findings', async () => {
    const report = await jsonReport(['fixtures/so-di-2024-loi.xlsx', 'fixtures/bad/empty.xlsx']);
    const { elements } = parseXml(formatJunit(report, RULES));
    const suites = elements.get('testsuite')!;
    expect(suites.map((s) => s['name'])).toEqual(['fixtures/so-di-2024-loi.xlsx', 'fixtures/bad/empty.xlsx']);
    const rulesWithProblems = new Set(report.files[0]!.findings.filter((f) => f.severity !== 'info').map((f) => f.ruleId));
    expect(Number(suites[0]!['failures'])).toBe(rulesWithProblems.size);
    expect(elements.get('failure')!.length).toBe(rulesWithProblems.size);
    expect(elements.get('error')!.length).toBe(1);
    const top = elements.get('testsuites')![0]!;
    expect(Number(top['tests'])).toBe(elements.get('testcase')!.length);
  });
});

describe('html', () => {
  it('escapes register text and carries no script', async () => {
    const [file] = await checkMemory(
      [{ kind: 'outgoing', entries: [{ symbol: '01/QĐ-UBND', issuedDate: '02/01/2024', typeAndSubject: '<script>alert(1)</script>', notes: '=HYPERLINK("http://x","y")' }, { symbol: '02/QĐ-UBND', issuedDate: '03/01/2024', signer: '"><img src=x onerror=alert(1)>' }] }],
      { rules: [echoRule], asOf: dayNumber(2025, 1, 15) },
    );
    const report = buildReport([file!], [...RULES, echoRule], 'vi', '0.0.0');
    const html = formatHtml(report, [...RULES, echoRule]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(html).toContain("script-src 'none'");
  });
});

describe('init', () => {
  it('writes a commented starter config that loads through the validator', () => {
    const text = starterConfig({ agencyName: 'UBND xã Bình Tấn', issuer: 'UBND', units: ['VP', 'KT'] });
    expect(text).toContain('//');
    const resolved = resolveConfig(parseJsonc(text), RULES);
    expect(resolved.agency).toEqual({ name: 'UBND xã Bình Tấn', issuer: 'UBND', units: ['VP', 'KT'] });
  });

  it('refuses to overwrite an existing config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-init-'));
    expect((await runCli(['init', '--agency-name', 'UBND xã A', '--issuer', 'UBND', '--units', 'VP,KT'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['check', '--config', join(dir, 'vanthu.config.json'), join(ROOT, 'fixtures/so-di-2024-chuan.xlsx'), '--as-of', '2025-01-15'])).code).toBe(0);
    expect((await runCli(['init'], { cwd: dir })).code).toBe(2);
  });
});

describe('commands', () => {
  it('rules lists every rule; explain runs a rule on its examples', async () => {
    const rules = await runCli(['rules']);
    for (const r of RULES) expect(rules.stdout).toContain(r.meta.id);
    const explain = await runCli(['explain', 'symbol/leading-zero', '--lang', 'en']);
    expect(explain.stdout).toContain('Phụ lục I');
    expect(explain.stdout).toMatch(/row 2: Document number "5"/);
    expect((await runCli(['explain', 'no/such-rule'])).code).toBe(2);
  });
});

describe('annotated workbook', () => {
  it('fills and notes every flagged cell, keeps other cells, adds the summary sheet first, leaves the input alone', async () => {
    const input = join(ROOT, 'fixtures/so-di-2024-loi.xlsx');
    const before = createHash('sha256').update(readFileSync(input)).digest('hex');
    const dir = mkdtempSync(join(tmpdir(), 'vl-xlsx-'));
    const run = await runCli([...BASE, '--format', 'xlsx', '--format', `json:${join(dir, 'r.json')}`, '--output-dir', dir, input]);
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as Report;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'fixtures', 'so-di-2024-loi.kiem-tra.xlsx'));
    expect(wb.worksheets[0]!.name).toBe('Kết quả kiểm tra');
    const ws = wb.getWorksheet('Sổ đi')!;
    const flagged = report.files[0]!.findings.filter((f) => f.location.column && f.location.row);
    expect(flagged.length).toBeGreaterThan(3);
    for (const f of flagged) {
      const cell = ws.getCell(`${f.location.column}${f.location.row}`);
      expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb, cell.address).toBe(f.severity === 'error' ? 'FFFFC7CE' : f.severity === 'warning' ? 'FFFFEB9C' : 'FFDDEBF7');
      const note = typeof cell.note === 'string' ? cell.note : cell.note!.texts!.map((t) => t.text).join('');
      expect(note).toContain(f.ruleId);
    }
    // An unflagged cell in the same column keeps its (empty) fill; the header keeps its bold font.
    const clean = ws.getCell('A14');
    expect(flagged.some((f) => f.location.row === 14)).toBe(false);
    expect((clean.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe('FFFFC7CE');
    expect(ws.getCell('A9').font?.bold).toBe(true);
    expect(createHash('sha256').update(readFileSync(input)).digest('hex')).toBe(before);
  });

  it('never overwrites an input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vl-out-'));
    const run = await runCli([...BASE, '--format', `json:${join(ROOT, 'fixtures/so-di-2024-loi.xlsx')}`, 'fixtures/so-di-2024-loi.xlsx']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/overwrite an input/);
    void dir;
  });
});
