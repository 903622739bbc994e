// JUnit XML for CI: one testsuite per file, one testcase per rule that ran on it; a testcase fails
// when its rule reported errors or warnings (infos go to system-out). A file that could not be read
// is a testsuite with one errored testcase. Pure.
import type { AnyRule } from '../engine/rule.js';
import type { Report, ReportFinding } from './report.js';
import { escapeXml } from './xml.js';

const where = (f: ReportFinding): string =>
  [f.location.sheet ? `[${f.location.sheet}]` : '', f.location.page !== undefined ? `p.${f.location.page}` : '', f.location.row !== undefined ? `${f.location.row}` : '', f.location.column ?? '']
    .filter(Boolean)
    .join(':');

export function formatJunit(report: Report, rules: readonly AnyRule[]): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  const suites: string[] = [];
  for (const file of report.files) {
    const name = escapeXml(file.path);
    if (file.error) {
      tests++;
      errors++;
      suites.push(
        `  <testsuite name="${name}" tests="1" failures="0" errors="1" skipped="0">\n    <testcase classname="${name}" name="input">\n      <error type="${escapeXml(file.error.code)}" message="${escapeXml(file.error.message)}"/>\n    </testcase>\n  </testsuite>`,
      );
      continue;
    }
    const kinds = new Set(file.registers.map((r) => r.kind));
    const byRule = new Map<string, ReportFinding[]>();
    for (const f of file.findings) {
      let list = byRule.get(f.ruleId);
      if (!list) byRule.set(f.ruleId, (list = []));
      list.push(f);
    }
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const rule of rules) {
      const found = byRule.get(rule.meta.id) ?? [];
      if (found.length === 0 && !rule.meta.appliesTo.some((k) => kinds.has(k))) continue;
      const bad = found.filter((f) => f.severity !== 'info');
      const infos = found.filter((f) => f.severity === 'info');
      const lines = (list: ReportFinding[]): string => list.map((f) => `${where(f)} ${f.severity}: ${f.message}${f.location.value ? ` ("${f.location.value}")` : ''} — ${f.citation}`).join('\n');
      let body = '';
      if (bad.length > 0) {
        suiteFailures++;
        const type = bad.some((f) => f.severity === 'error') ? 'error' : 'warning';
        body += `\n      <failure type="${type}" message="${escapeXml(`${bad.length} ${rule.meta.id}`)}">${escapeXml(lines(bad))}</failure>`;
      }
      if (infos.length > 0) body += `\n      <system-out>${escapeXml(lines(infos))}</system-out>`;
      cases.push(`    <testcase classname="${name}" name="${escapeXml(rule.meta.id)}">${body}${body ? '\n    ' : ''}</testcase>`);
    }
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${name}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  out.push(`<testsuites name="vanthu-lint" tests="${tests}" failures="${failures}" errors="${errors}">`);
  out.push(...suites);
  out.push('</testsuites>');
  return `${out.join('\n')}\n`;
}
