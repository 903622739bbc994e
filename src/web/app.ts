// The page (dist/web/vanthu-lint.html): choose or drop registers, see the findings, take away the
// annotated workbook and the reports. Everything runs in this tab; the engine in a Web Worker made
// from the page's own text (a blob: URL), so nothing is fetched and no file leaves the machine.
// Test contract (kept stable): [data-testid=file-input], [data-testid=results][data-state],
// [data-testid=finding], [data-testid=download-json], [data-testid=download-xlsx], [data-testid=config-input].
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { Lang } from '../core/types.js';
import type { Report, ReportFile, ReportFinding } from '../report/report.js';
import { findingsCsv } from '../report/csv.js';
import { t, type TextKey } from './i18n.js';
import type { RuleInfo, WorkerReply, WorkerRequest } from './protocol.js';

declare const VANTHU_WORKER_SOURCE_ID: string;

// ---------------------------------------------------------------------------------------------
// State, kept in one place; the clerk's settings (and nothing else) in localStorage.

interface Settings {
  lang: Lang;
  agencyName: string;
  issuer: string;
  units: string;
  /** A loaded vanthu.config.json: its name and text. */
  configName?: string;
  configText?: string;
}

const STORE = 'vanthu-lint.settings';
const FULL_LIST = 2000;
const ITEM_HEIGHT = 30;

function loadSettings(): Settings {
  const base: Settings = { lang: 'vi', agencyName: '', issuer: '', units: '' };
  try {
    const saved = JSON.parse(localStorage.getItem(STORE) ?? '{}') as Partial<Settings>;
    return { ...base, ...saved, lang: saved.lang === 'en' ? 'en' : 'vi' };
  } catch {
    return base;
  }
}

function saveSettings(): void {
  try {
    localStorage.setItem(STORE, JSON.stringify(settings));
  } catch {
    // Storage refused (private mode, file:// policy): settings last for this visit only.
  }
}

const settings = loadSettings();
let lang: Lang = settings.lang;
let rules = new Map<string, RuleInfo>();
let fieldLabels: Readonly<Record<string, { readonly vi: string; readonly en: string }>> = {};
let toolVersion = '';
let files: { name: string; bytes: Uint8Array }[] = [];
let report: Report | undefined;
let jsonUrl: string | undefined;
/** The latest run (an older run's answer is dropped) and the message id its progress comes with. */
let runId = 0;
let progressId = 0;
let finishedRuns = 0;
const view = { groupBy: 'row' as 'row' | 'rule', severities: new Set(['error', 'warning', 'info']), rule: '', search: '' };

// ---------------------------------------------------------------------------------------------
// The worker.

let worker: Worker | undefined;
const pending = new Map<number, (reply: WorkerReply) => void>();
let nextId = 1;

function startWorker(): Worker {
  const source = document.getElementById(VANTHU_WORKER_SOURCE_ID)?.textContent ?? '';
  const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  const w = new Worker(url);
  URL.revokeObjectURL(url);
  // The libraries' texts come after this script in the page (the worker starts while they are parsed).
  const sendLibraries = (): void => {
    const text = (id: string): string => document.getElementById(id)?.textContent ?? '';
    w.postMessage({ type: 'libraries', id: 0, texts: { pdfjs: text('vanthu-lib-pdfjs'), exceljs: text('vanthu-lib-exceljs') } } satisfies WorkerRequest);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', sendLibraries, { once: true });
  else sendLibraries();
  w.onmessage = (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    if (reply.type === 'progress') {
      if (reply.id === progressId) showProgress(reply.files, reply.entries, reply.findings);
      return;
    }
    const done = pending.get(reply.id);
    pending.delete(reply.id);
    done?.(reply);
  };
  // A worker that cannot start or has died is dropped: the next request starts a fresh one.
  const dead = (message: string): void => {
    w.terminate();
    if (worker === w) worker = undefined;
    for (const [id, done] of pending) done({ type: 'failed', id, kind: 'internal', problems: [message] });
    pending.clear();
  };
  w.onerror = (event) => {
    event.preventDefault();
    dead(event.message || 'worker error');
  };
  w.onmessageerror = () => dead('worker message error');
  return w;
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

function ask(request: Request, transfer: Transferable[] = []): Promise<WorkerReply> {
  worker ??= startWorker();
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker!.postMessage({ ...request, id }, transfer);
  });
}

/** The worker dropped whole (the engine has nothing to save); a fresh one answers next. */
function dropWorker(reason: string): void {
  worker?.terminate();
  worker = undefined;
  for (const [id, done] of pending) done({ type: 'failed', id, kind: 'internal', problems: [reason] });
  pending.clear();
}

/** Stop: the run ends, and the files are let go (a settings change does not start it again). */
function stopWorker(): void {
  files = [];
  dropWorker('stopped');
}

// ---------------------------------------------------------------------------------------------
// DOM helpers.

type Attrs = Record<string, string | number | boolean | undefined>;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: (Node | string | undefined)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== undefined) node.append(c);
  return node;
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const tr = (key: TextKey, data?: Readonly<Record<string, string | number>>): string => t(lang, key, data);

function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// ---------------------------------------------------------------------------------------------
// Static text (re-applied when the language changes).

function applyText(): void {
  document.documentElement.lang = lang;
  document.title = `${tr('title')} — vanthu-lint`;
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) node.textContent = tr(node.dataset['text'] as TextKey);
  for (const node of document.querySelectorAll<HTMLInputElement>('[data-placeholder]')) node.placeholder = tr(node.dataset['placeholder'] as TextKey);
  const langButton = $('lang');
  langButton.textContent = tr('language');
  langButton.setAttribute('aria-label', tr('languageLabel'));
  showConfigState();
}

// ---------------------------------------------------------------------------------------------
// Settings and config.

function configObject(): unknown {
  let base: Record<string, unknown> = {};
  if (settings.configText !== undefined) base = parseConfig(settings.configText);
  const agency: Record<string, unknown> = { ...((base['agency'] as Record<string, unknown> | undefined) ?? {}) };
  const units = settings.units.split(/[,;\s]+/u).map((u) => u.trim()).filter(Boolean);
  const set = (key: string, value: unknown, present: boolean): void => {
    if (present) agency[key] = value;
    else delete agency[key];
  };
  set('name', settings.agencyName.trim(), settings.agencyName.trim() !== '');
  set('issuer', settings.issuer.trim(), settings.issuer.trim() !== '');
  set('units', units, units.length > 0);
  const config = { ...base };
  if (Object.keys(agency).length > 0) config['agency'] = agency;
  else delete config['agency'];
  return config;
}

function parseConfig(text: string): Record<string, unknown> {
  const errors: ParseError[] = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: true }) as unknown;
  if (errors.length > 0) {
    const e = errors[0]!;
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    const column = e.offset - before.lastIndexOf('\n');
    throw new Error(`${printParseErrorCode(e.error)} (${lang === 'vi' ? 'dòng' : 'line'} ${line}, ${lang === 'vi' ? 'cột' : 'column'} ${column})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(lang === 'vi' ? 'không phải một đối tượng JSON' : 'not a JSON object');
  return value as Record<string, unknown>;
}

function fillForm(): void {
  $<HTMLInputElement>('agency-name').value = settings.agencyName;
  $<HTMLInputElement>('issuer').value = settings.issuer;
  $<HTMLInputElement>('units').value = settings.units;
}

function showConfigState(message?: string): void {
  const node = $('config-state');
  node.textContent = message ?? (settings.configName !== undefined ? tr('configLoaded', { name: settings.configName }) : tr('configNone'));
  $<HTMLButtonElement>('clear-config').hidden = settings.configName === undefined;
}

async function loadConfigFile(file: File): Promise<void> {
  const text = await file.text();
  try {
    const config = parseConfig(text);
    const agency = (config['agency'] ?? {}) as { name?: unknown; issuer?: unknown; units?: unknown };
    settings.configName = file.name;
    settings.configText = text;
    settings.agencyName = typeof agency.name === 'string' ? agency.name : '';
    settings.issuer = typeof agency.issuer === 'string' ? agency.issuer : '';
    settings.units = Array.isArray(agency.units) ? agency.units.filter((u): u is string => typeof u === 'string').join(', ') : '';
    saveSettings();
    fillForm();
    showConfigState();
    if (files.length > 0) void runCheck();
  } catch (err) {
    showConfigState(tr('configBad', { error: err instanceof Error ? err.message : String(err) }));
  }
}

// ---------------------------------------------------------------------------------------------
// Running a check.

/** What a folder scan takes, as the CLI's (src/cli/files.ts): registers, not the tool's own outputs. */
const REGISTER_FILE = /\.(xlsx|xlsm|xltx|xls|xlt|xlsb|ods|csv|tsv|txt|pdf|htm|html|xml|docx|doc)$/i;
const OWN_OUTPUT = /(\.kiem-tra\.xlsx|\.da-sua\.xlsx|(^|\/)kiem-tra-tong-hop\.xlsx)$/i;

async function chooseFiles(list: readonly File[], fromFolder = false): Promise<void> {
  const path = (f: File): string => (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
  let chosen = list.filter((f) => !f.name.startsWith('.') && !f.name.startsWith('~$'));
  // A folder: its registers in path order (the CLI sorts what it finds the same way).
  const token = ++selection;
  setState('running');
  if (fromFolder) chosen = chosen.filter((f) => REGISTER_FILE.test(f.name) && !OWN_OUTPUT.test(path(f)) && !path(f).includes('/node_modules/')).sort((a, b) => (path(a) < path(b) ? -1 : path(a) > path(b) ? 1 : 0));
  let read: { name: string; bytes: Uint8Array }[];
  try {
    read = await Promise.all(chosen.map(async (f) => ({ name: path(f), bytes: new Uint8Array(await f.arrayBuffer()) })));
  } catch (err) {
    if (token === selection) failed([err instanceof Error ? err.message : String(err)]);
    return;
  }
  // A later choice wins over a slower earlier one.
  if (token !== selection) return;
  files = read;
  if (files.length > 0) await runCheck();
  else setState(report ? 'done' : 'idle');
}

/** The latest choice of files (an earlier one still being read is dropped). */
let selection = 0;

/**
 * Inspector use (`--by-unit`): the files of a chosen folder carry their first-level folder as their
 * unit, named as the config's `units` name that folder (as the CLI does).
 */
function unitsOf(config: unknown): Record<string, string> | undefined {
  const configured = (config as { units?: unknown } | undefined)?.units;
  const folderToUnit = new Map<string, string>();
  if (Array.isArray(configured)) {
    for (const u of configured as { folder?: unknown; name?: unknown }[]) if (typeof u?.folder === 'string' && typeof u.name === 'string') folderToUnit.set(u.folder, u.name);
  }
  const units: Record<string, string> = {};
  let any = false;
  for (const f of files) {
    const parts = f.name.split('/');
    if (parts.length < 2) continue;
    // <root>/<unit>/…/<file>; a file directly in the chosen folder belongs to no unit ('').
    const folder = parts.length > 2 ? parts[1]! : '';
    units[f.name] = folderToUnit.get(folder) ?? folder;
    any = true;
  }
  return any ? units : undefined;
}

function setState(state: 'idle' | 'running' | 'done' | 'error'): void {
  // Every run that ends counts (a test or a script waits for the run it started, not an older one).
  if (state !== 'running' && $('results').dataset['state'] === 'running') $('results').dataset['run'] = String(++finishedRuns);
  $('results').dataset['state'] = state;
  $('results').setAttribute('aria-busy', String(state === 'running'));
  $<HTMLButtonElement>('stop').hidden = state !== 'running';
  $('progress-box').hidden = state !== 'running';
}

function showProgress(done: number, entries: number, findings: number): void {
  const bar = $<HTMLProgressElement>('progress');
  if (files.length > 1) {
    bar.max = files.length;
    bar.value = done;
  } else bar.removeAttribute('value');
  $('progress-text').textContent = `${tr('reading')} ${files.length === 1 ? files[0]!.name : ''} — ${tr('readingDetail', { files: done, entries: entries.toLocaleString(lang), findings: findings.toLocaleString(lang) })}`;
}

async function runCheck(): Promise<void> {
  // A run still in flight is replaced, not run beside the new one.
  if (checking) dropWorker('replaced');
  const id = ++runId;
  checking = true;
  try {
    await runChecked(id);
  } finally {
    if (id === runId) checking = false;
  }
}

/** A check (with its JSON report) is in flight. */
let checking = false;

async function runChecked(id: number): Promise<void> {
  report = undefined;
  if (jsonUrl) URL.revokeObjectURL(jsonUrl);
  jsonUrl = undefined;
  $('download-json').removeAttribute('href');
  $('download-status').textContent = '';
  announce(tr('reading'));
  setState('running');
  showProgress(0, 0, 0);
  $('findings').replaceChildren();
  $('overview').replaceChildren();
  $('downloads').hidden = true;
  $('view').hidden = true;
  let config: unknown;
  try {
    config = configObject();
  } catch (err) {
    return failed([tr('configBad', { error: err instanceof Error ? err.message : String(err) })]);
  }
  const asOf = $<HTMLInputElement>('as-of').value || todayIso();
  const units = unitsOf(config);
  // Copies go to the worker: the page keeps its own for the annotated workbook.
  const reply = await askRun({ type: 'check', files: files.map((f) => ({ name: f.name, bytes: f.bytes.slice() })), config, asOf, lang, ...(units ? { units } : {}) });
  if (id !== runId) return;
  if (reply.type !== 'checked') return failed(reply.type === 'failed' ? reply.problems : ['?'], reply.type === 'failed' && reply.kind === 'config');
  const json = await ask({ type: 'format', report: reply.report, format: 'json' });
  if (id !== runId) return;
  if (json.type !== 'formatted') return failed(json.type === 'failed' ? json.problems : ['?']);
  report = reply.report;
  jsonUrl = URL.createObjectURL(json.blob);
  render();
  setState('done');
  const s = report.summary;
  announce(tr('summary', { files: s.files, entries: s.entries.toLocaleString(lang), errors: s.errors, warnings: s.warnings, infos: s.infos }));
}

/** One line for screen readers when a run starts and ends (the progress text itself is not announced). */
function announce(text: string): void {
  $('announce').textContent = text;
}

/** The check request, with the run's id (progress messages carry it). */
function askRun(request: Request): Promise<WorkerReply> {
  worker ??= startWorker();
  const id = nextId++;
  progressId = id;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker!.postMessage({ ...request, id });
  });
}

function failed(problems: readonly string[], config = false): void {
  if (problems[0] === 'replaced') return;
  if (problems[0] === 'stopped') {
    announce(tr('stopped'));
    setState('idle');
    $('overview').replaceChildren(el('p', { class: 'note', text: tr('stopped') }));
    return;
  }
  setState('error');
  $('overview').replaceChildren(el('div', { class: 'problem', role: 'alert' }, el('strong', { text: config ? tr('configBad', { error: '' }) : tr('failed') }), el('ul', {}, ...problems.map((p) => el('li', { text: p })))));
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// Results.

const severityLabel = (s: string): string => tr(s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'info');

function render(): void {
  if (!report) return;
  renderOverview(report);
  const rulesInRun = new Map<string, number>();
  for (const f of report.files) for (const x of f.findings) rulesInRun.set(x.ruleId, (rulesInRun.get(x.ruleId) ?? 0) + 1);
  const select = $<HTMLSelectElement>('rule-filter');
  select.replaceChildren(el('option', { value: '', text: tr('allRules') }), ...[...rulesInRun].sort((a, b) => a[0].localeCompare(b[0])).map(([id, n]) => el('option', { value: id, text: `${id} (${n})` })));
  if (!rulesInRun.has(view.rule)) view.rule = '';
  select.value = view.rule;
  $('downloads').hidden = false;
  $('view').hidden = false;
  const a = $<HTMLAnchorElement>('download-json');
  if (jsonUrl) a.href = jsonUrl;
  a.download = `${baseName()}.kiem-tra.json`;
  renderFindings();
}

function baseName(): string {
  if (files.length !== 1) return 'ket-qua';
  return (files[0]!.name.split('/').pop() ?? 'so').replace(/\.[^.]+$/u, '');
}

function renderOverview(r: Report): void {
  const s = r.summary;
  const head = el('p', { class: 'summary', text: tr('summary', { files: s.files, entries: s.entries.toLocaleString(lang), errors: s.errors, warnings: s.warnings, infos: s.infos }) });
  const rows: HTMLElement[] = [];
  for (const f of r.files) {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const x of f.findings) counts[x.severity]++;
    if (f.error) {
      rows.push(el('tr', { class: 'file-error' }, el('td', { text: f.path }), el('td', { colspan: 7 }, el('strong', { text: `${tr('fileError')}: ` }), f.error.message)));
      continue;
    }
    if (f.registers.length === 0) rows.push(el('tr', {}, el('td', { text: f.path }), el('td', { colspan: 4, text: tr('noRegister') }), el('td', { text: counts.error }), el('td', { text: counts.warning }), el('td', { text: counts.info })));
    for (const reg of f.registers) {
      const placed = Object.entries(reg.columns).map(([field, letter]) => `${letter}: ${fieldLabels[field]?.[lang] ?? field}`);
      const unplaced = (reg.unplaced ?? []).map((u) => `${u.column}: ? "${u.header}"`);
      const cols = [...placed, ...unplaced].join(' · ');
      rows.push(
        el(
          'tr',
          {},
          el('td', { text: f.path }),
          el('td', { text: reg.sheet ?? '' }),
          // A published list (a gazette, a danh mục) is read as a partial list: say so beside the kind.
          el('td', { text: reg.partial !== undefined ? `${tr(reg.kind === 'outgoing' ? 'outgoing' : 'incoming')} · ${tr('partialList')}` : tr(reg.kind === 'outgoing' ? 'outgoing' : 'incoming') }),
          el('td', { text: reg.year ?? '' }),
          el('td', { class: 'num', text: reg.entries.toLocaleString(lang) }),
          el('td', { class: 'num sev-error', text: counts.error }),
          el('td', { class: 'num sev-warning', text: counts.warning }),
          el('td', { class: 'num sev-info', text: counts.info }),
          el('td', { class: 'columns', text: cols }),
        ),
      );
    }
  }
  const table = el(
    'table',
    { class: 'overview' },
    el('thead', {}, el('tr', {}, ...(['file', 'sheet', 'kind', 'year', 'entries', 'errors', 'warnings', 'infos', 'columns'] as const).map((k) => el('th', { scope: 'col', text: tr(k) })))),
    el('tbody', {}, ...rows),
  );
  const parts: HTMLElement[] = [head, el('div', { class: 'scroll' }, table)];
  if (r.units && r.units.length > 0) {
    const head = (['unit', 'outgoingCount', 'incomingCount', 'errors', 'warnings', 'missing', 'per100'] as const).map((k) => el('th', { scope: 'col', text: tr(k) }));
    const body = r.units.map((u) =>
      el(
        'tr',
        {},
        el('td', { text: u.unit === '' ? '—' : u.unit }),
        el('td', { class: 'num', text: u.entries.outgoing.toLocaleString(lang) }),
        el('td', { class: 'num', text: u.entries.incoming.toLocaleString(lang) }),
        el('td', { class: 'num sev-error', text: u.bySeverity.error }),
        el('td', { class: 'num sev-warning', text: u.bySeverity.warning }),
        el('td', { class: 'num', text: u.missingNumbers }),
        el('td', { class: 'num', text: u.errorsPer100.toLocaleString(lang, { maximumFractionDigits: 1 }) }),
      ),
    );
    parts.push(el('h3', { text: tr('units2') }), el('div', { class: 'scroll' }, el('table', { class: 'overview' }, el('thead', {}, el('tr', {}, ...head)), el('tbody', {}, ...body))));
  }
  $('overview').replaceChildren(...parts);
}

interface Item {
  readonly file: ReportFile;
  readonly finding: ReportFinding;
}

function matches(x: ReportFinding): boolean {
  if (!view.severities.has(x.severity)) return false;
  if (view.rule !== '' && x.ruleId !== view.rule) return false;
  if (view.search === '') return true;
  const q = view.search.toLocaleLowerCase(lang);
  return x.message.toLocaleLowerCase(lang).includes(q) || (x.location.value ?? '').toLocaleLowerCase(lang).includes(q) || x.ruleId.includes(q);
}

/** Groups of findings in the chosen order: by register row (file, sheet, row), or by rule. */
function groups(): { key: string; title: string; items: Item[] }[] {
  if (!report) return [];
  const out = new Map<string, { key: string; title: string; items: Item[]; order: (string | number)[] }>();
  report.files.forEach((file, fi) => {
    for (const finding of file.findings) {
      if (!matches(finding)) continue;
      const loc = finding.location;
      const key = view.groupBy === 'rule' ? finding.ruleId : `${fi}\u0000${loc.sheet ?? ''}\u0000${loc.row ?? -1}\u0000${loc.page ?? ''}`;
      let g = out.get(key);
      if (!g) {
        const where = loc.row === undefined ? tr('register') : loc.page !== undefined && loc.line !== undefined ? tr('rowPdf', { page: loc.page, line: loc.line }) : tr('row', { row: loc.row });
        const title = view.groupBy === 'rule' ? `${finding.ruleId} — ${rules.get(finding.ruleId)?.description[lang] ?? ''}` : [file.path.split('/').pop(), loc.sheet, where].filter(Boolean).join(' · ');
        g = { key, title, items: [], order: view.groupBy === 'rule' ? [finding.ruleId] : [fi, loc.sheet ?? '', loc.row ?? -1] };
        out.set(key, g);
      }
      g.items.push({ file, finding });
    }
  });
  const list = [...out.values()];
  list.sort((a, b) => {
    for (let i = 0; i < a.order.length; i++) {
      const x = a.order[i]!;
      const y = b.order[i]!;
      if (x === y) continue;
      return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    }
    return 0;
  });
  return list;
}

function cellOf(x: ReportFinding): string {
  const l = x.location;
  if (l.column !== undefined && l.row !== undefined) return `${l.sheet !== undefined ? `${l.sheet}!` : ''}${l.column}${l.row}`;
  if (l.row !== undefined) return `${l.sheet !== undefined ? `${l.sheet}, ` : ''}${tr('row', { row: l.row })}`;
  return l.sheet ?? tr('register');
}

function findingNode(item: Item): HTMLElement {
  const x = item.finding;
  const node = el(
    'article',
    { class: `finding sev-${x.severity}`, 'data-testid': 'finding', 'data-rule': x.ruleId, 'data-severity': x.severity },
    el(
      'div',
      { class: 'where' },
      el('span', { class: 'sev', text: severityLabel(x.severity) }),
      ' ',
      el('code', { class: 'cell', title: tr('cell'), text: cellOf(x) }),
      x.location.header !== undefined ? el('span', { class: 'header', text: x.location.header }) : undefined,
      x.location.value !== undefined && x.location.value !== '' ? el('span', { class: 'value', title: tr('value'), text: `“${x.location.value}”` }) : undefined,
    ),
    el('p', { class: 'msg', text: x.message }),
  );
  if (x.fix && x.fix.to !== x.fix.from) node.append(el('p', { class: 'fix' }, `${tr(x.fix.kind === 'safe' ? 'fix' : 'fixSuggested')}: `, el('code', { text: x.fix.to })));
  const rule = el('button', { type: 'button', class: 'link rule-link', 'data-rule': x.ruleId, title: tr('explain'), text: x.ruleId });
  const actions = el('p', { class: 'cite' }, rule, ` · ${tr('article')}: ${x.citation}`);
  if (x.location.row !== undefined && x.location.page === undefined) {
    const btn = el('button', { type: 'button', class: 'link row-link', text: tr('wholeRow') });
    btn.addEventListener('click', () => void showRow(item, node));
    actions.append(' · ', btn);
  }
  node.append(actions);
  return node;
}

async function showRow(item: Item, node: HTMLElement): Promise<void> {
  const existing = node.querySelector('.row-cells');
  if (existing) {
    existing.remove();
    return;
  }
  const l = item.finding.location;
  const reply = await ask({ type: 'row', file: item.file.path, ...(l.sheet !== undefined ? { sheet: l.sheet } : {}), row: l.row! });
  if (reply.type !== 'row') return;
  const reg = item.file.registers.find((r) => r.sheet === l.sheet) ?? item.file.registers[0];
  const fieldOf = new Map(Object.entries(reg?.columns ?? {}).map(([field, letter]) => [letter, field]));
  node.append(
    el(
      'table',
      { class: 'row-cells' },
      el('caption', { text: tr('rowCells', { row: l.row! }) }),
      el('tbody', {}, ...reply.cells.map((c) => el('tr', { class: c.column === l.column ? 'here' : undefined }, el('th', { scope: 'row', text: c.column }), el('td', { class: 'field', text: ((f) => (f === undefined ? '' : (fieldLabels[f]?.[lang] ?? f)))(fieldOf.get(c.column)) }), el('td', { text: c.value })))),
    ),
  );
}

function renderFindings(): void {
  const box = $('findings');
  const list = groups();
  const total = report ? report.files.reduce((n, f) => n + f.findings.length, 0) : 0;
  const shown = list.reduce((n, g) => n + g.items.length, 0);
  $('shown').textContent = tr('shown', { shown, total });
  if (shown === 0) {
    box.replaceChildren(el('p', { class: 'note', text: total === 0 ? tr('none') : tr('noneFiltered') }));
    return;
  }
  if (shown <= FULL_LIST) {
    box.replaceChildren(...list.map((g) => el('section', { class: 'group' }, el('h3', { text: `${g.title} (${g.items.length})` }), ...g.items.map(findingNode))));
    return;
  }
  renderVirtual(box, list);
}

/**
 * More than FULL_LIST findings: one line per group title or finding, drawn only where the list is
 * scrolled to (a badly kept 100,000-row book has tens of thousands). A click opens the finding whole.
 */
function renderVirtual(box: HTMLElement, list: { title: string; items: Item[] }[]): void {
  const rows: ({ title: string } | Item)[] = [];
  for (const g of list) {
    rows.push({ title: `${g.title} (${g.items.length})` });
    for (const item of g.items) rows.push(item);
  }
  const viewport = el('div', { class: 'virtual', tabindex: 0, role: 'list', 'aria-label': tr('moreRows') });
  const spacer = el('div', { class: 'spacer' });
  spacer.style.height = `${rows.length * ITEM_HEIGHT}px`;
  const detail = el('div', { class: 'detail', 'aria-live': 'polite' });
  viewport.append(spacer);
  const draw = (): void => {
    const first = Math.max(0, Math.floor(viewport.scrollTop / ITEM_HEIGHT) - 10);
    const last = Math.min(rows.length, first + Math.ceil(viewport.clientHeight / ITEM_HEIGHT) + 20);
    const nodes: HTMLElement[] = [];
    for (let i = first; i < last; i++) {
      const r = rows[i]!;
      let node: HTMLElement;
      if ('title' in r) node = el('div', { class: 'vrow vgroup', role: 'listitem', text: r.title });
      else {
        const x = r.finding;
        node = el('div', { class: `vrow finding sev-${x.severity}`, 'data-testid': 'finding', role: 'listitem', tabindex: 0 }, el('span', { class: 'sev', text: severityLabel(x.severity) }), ' ', el('code', { text: cellOf(x) }), ' ', x.message);
        node.addEventListener('click', () => detail.replaceChildren(findingNode(r)));
        node.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') detail.replaceChildren(findingNode(r));
        });
      }
      node.style.top = `${i * ITEM_HEIGHT}px`;
      nodes.push(node);
    }
    spacer.replaceChildren(...nodes);
  };
  viewport.addEventListener('scroll', () => requestAnimationFrame(draw));
  box.replaceChildren(el('p', { class: 'note', text: tr('moreRows') }), viewport, detail);
  draw();
}

// ---------------------------------------------------------------------------------------------
// Rule explanations.

function explain(id: string): void {
  const rule = rules.get(id);
  if (!rule) return;
  const dialog = $<HTMLDialogElement>('rule-dialog');
  const example = (label: string, ex: NonNullable<RuleInfo['examples']>['failing']): HTMLElement => {
    const fields = [...new Set(ex.entries.flatMap((e) => Object.keys(e)))];
    return el(
      'figure',
      {},
      el('figcaption', { text: `${label} (${tr(ex.kind === 'outgoing' ? 'outgoing' : 'incoming')})` }),
      el('table', { class: 'example' }, el('thead', {}, el('tr', {}, ...fields.map((f) => el('th', { scope: 'col', text: f })))), el('tbody', {}, ...ex.entries.map((e) => el('tr', {}, ...fields.map((f) => el('td', { text: e[f] ?? '' })))))),
    );
  };
  $('rule-body').replaceChildren(
    el('h2', { id: 'rule-title', text: rule.id }),
    el('p', { text: rule.description[lang] }),
    el('p', {}, el('strong', { text: `${tr('article')}: ` }), rule.citation),
    ...(rule.examples ? [example(tr('failing'), rule.examples.failing), example(tr('passing'), rule.examples.passing)] : []),
  );
  dialog.showModal();
}

// ---------------------------------------------------------------------------------------------
// Wiring.

function wire(): void {
  const input = $<HTMLInputElement>('file-input');
  input.addEventListener('change', () => {
    void chooseFiles([...(input.files ?? [])]);
    input.value = '';
  });
  const folder = $<HTMLInputElement>('folder-input');
  folder.addEventListener('change', () => {
    void chooseFiles([...(folder.files ?? [])], true);
    folder.value = '';
  });
  const zone = $('drop');
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    void chooseFiles([...(e.dataTransfer?.files ?? [])]);
  });
  $('stop').addEventListener('click', () => stopWorker());
  $('lang').addEventListener('click', () => {
    lang = lang === 'vi' ? 'en' : 'vi';
    settings.lang = lang;
    saveSettings();
    applyText();
    if (files.length > 0) void runCheck();
  });
  for (const [id, key] of [['agency-name', 'agencyName'], ['issuer', 'issuer'], ['units', 'units']] as const) {
    $<HTMLInputElement>(id).addEventListener('change', (e) => {
      settings[key] = (e.target as HTMLInputElement).value;
      saveSettings();
      if (files.length > 0) void runCheck();
    });
  }
  $<HTMLInputElement>('as-of').addEventListener('change', () => {
    if (files.length > 0) void runCheck();
  });
  const configInput = $<HTMLInputElement>('config-input');
  configInput.addEventListener('change', () => {
    const f = configInput.files?.[0];
    if (f) void loadConfigFile(f);
    configInput.value = '';
  });
  $('save-config').addEventListener('click', () => {
    try {
      download('vanthu.config.json', `${JSON.stringify(configObject(), null, 2)}\n`, 'application/json');
    } catch (err) {
      showConfigState(tr('configBad', { error: err instanceof Error ? err.message : String(err) }));
    }
  });
  $('clear-config').addEventListener('click', () => {
    delete settings.configName;
    delete settings.configText;
    saveSettings();
    showConfigState();
    if (files.length > 0) void runCheck();
  });
  $('rerun').addEventListener('click', () => {
    if (files.length > 0) void runCheck();
  });
  $('download-xlsx').addEventListener('click', () => void downloadWorkbook());
  $('download-html').addEventListener('click', () => void downloadHtml());
  $('download-csv').addEventListener('click', () => {
    if (report) download(`${baseName()}.kiem-tra.csv`, `\uFEFF${findingsCsv(report, lang)}`, 'text/csv');
  });
  $('print').addEventListener('click', () => window.print());
  for (const node of document.querySelectorAll<HTMLInputElement>('input[name=severity]')) {
    node.addEventListener('change', () => {
      if (node.checked) view.severities.add(node.value);
      else view.severities.delete(node.value);
      renderFindings();
    });
  }
  for (const node of document.querySelectorAll<HTMLInputElement>('input[name=group]')) {
    node.addEventListener('change', () => {
      view.groupBy = node.value === 'rule' ? 'rule' : 'row';
      renderFindings();
    });
  }
  $<HTMLSelectElement>('rule-filter').addEventListener('change', (e) => {
    view.rule = (e.target as HTMLSelectElement).value;
    renderFindings();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  $<HTMLInputElement>('search').addEventListener('input', (e) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      view.search = (e.target as HTMLInputElement).value.trim();
      renderFindings();
    }, 200);
  });
  $('findings').addEventListener('click', (e) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>('.rule-link');
    if (target?.dataset['rule']) explain(target.dataset['rule']);
  });
  $('rule-close').addEventListener('click', () => $<HTMLDialogElement>('rule-dialog').close());
}

/** A download being prepared: its button disabled meanwhile; a failure said beside the downloads. */
async function withBusy(button: HTMLButtonElement, work: () => Promise<WorkerReply>): Promise<void> {
  if (button.disabled) return;
  const label = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = tr('preparing');
  $('download-status').textContent = '';
  try {
    const reply = await work();
    if (reply.type === 'failed' && reply.problems[0] !== 'replaced' && reply.problems[0] !== 'stopped') $('download-status').textContent = `${tr('failed')}: ${reply.problems.join('; ')}`;
  } finally {
    button.textContent = label;
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

async function downloadWorkbook(): Promise<void> {
  const r = report;
  if (!r) return;
  await withBusy($<HTMLButtonElement>('download-xlsx'), async () => {
    const reply = await ask({ type: 'annotate', report: r, files: files.map((f) => ({ name: f.name, bytes: f.bytes.slice() })) });
    if (reply.type === 'annotated') download(reply.name.split('/').pop() ?? reply.name, reply.bytes as Uint8Array<ArrayBuffer>, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return reply;
  });
}

async function downloadHtml(): Promise<void> {
  const r = report;
  if (!r) return;
  await withBusy($<HTMLButtonElement>('download-html'), async () => {
    const reply = await ask({ type: 'format', report: r, format: 'html' });
    if (reply.type === 'formatted') download(`${baseName()}.kiem-tra.html`, reply.blob, 'text/html');
    return reply;
  });
}

async function init(): Promise<void> {
  fillForm();
  $<HTMLInputElement>('as-of').value = todayIso();
  applyText();
  wire();
  setState('idle');
  $('overview').replaceChildren(el('p', { class: 'note', text: tr('idle') }));
  // (A run replaced before the worker answered takes this request with it: asked again.)
  let reply = await ask({ type: 'rules' });
  for (let i = 0; i < 3 && reply.type === 'failed'; i++) reply = await ask({ type: 'rules' });
  if (reply.type === 'rules') {
    rules = new Map(reply.rules.map((r) => [r.id, r]));
    toolVersion = reply.version;
    fieldLabels = reply.fields;
    $('version').textContent = `vanthu-lint ${toolVersion}`;
  }
  // The engine has started (tests and the benchmark may wait for it; a clerk never needs to).
  document.documentElement.dataset['ready'] = 'true';
}

void init();
