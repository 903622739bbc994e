// SARIF 2.1.0 (validated against the OASIS schema in test/schemas): ruleId always set, rule metadata
// with help text and citation in tool.driver.rules, artifact URIs relative to the working directory,
// a region per finding (row → startLine, column → startColumn, both 1-based). Pure.
import { chunked, jsonPieces } from './json-stream.js';
import type { Location } from '../core/types.js';
import type { AnyRule } from '../engine/rule.js';
import { columnNumber } from '../register/model.js';
import { formatCitation, type Report } from './report.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** A relative path as a URI reference (each segment percent-encoded); absolute paths as file:// URIs. */
export function pathToUri(path: string): string {
  const posix = path.split('\\').join('/');
  const encoded = posix
    .split('/')
    .map((seg, i) => (i === 0 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join('/');
  if (posix.startsWith('/')) return `file://${encoded}`;
  if (/^[A-Za-z]:\//.test(posix)) return `file:///${encoded}`;
  return encoded;
}

function physical(loc: Location): Record<string, unknown> {
  const region: Record<string, number> = {};
  if (loc.row !== undefined) region['startLine'] = loc.row;
  if (loc.row !== undefined && loc.column) region['startColumn'] = columnNumber(loc.column);
  return {
    physicalLocation: {
      artifactLocation: { uri: pathToUri(loc.file) },
      ...(Object.keys(region).length > 0 ? { region } : {}),
    },
    ...(loc.sheet !== undefined || loc.page !== undefined
      ? { logicalLocations: [{ name: loc.sheet !== undefined ? loc.sheet || '(csv)' : `page ${loc.page}`, kind: 'module' }] }
      : {}),
  };
}

export function formatSarif(report: Report, rules: readonly AnyRule[]): string {
  return [...formatSarifChunks(report, rules)].join('');
}

/** SARIF in chunks of about a megabyte, never the whole text at once (the same bytes). */
export function* formatSarifChunks(report: Report, rules: readonly AnyRule[]): Generator<string> {
  const lang = report.lang;
  const index = new Map(rules.map((r, i) => [r.meta.id, i]));
  const driverRules = rules.map((r) => {
    const m = r.meta;
    const citation = formatCitation(m.citation);
    return {
      id: m.id,
      name: m.id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
      shortDescription: { text: m.description[lang] },
      fullDescription: { text: `${m.description[lang]} (${citation})` },
      help: { text: `${m.description[lang]}\n${citation}`, markdown: `${m.description[lang]}\n\n**${lang === 'vi' ? 'Căn cứ' : 'Citation'}:** ${citation}` },
      defaultConfiguration: { level: LEVEL[m.defaultSeverity] },
      properties: { category: m.category, citation, citationKind: m.citation.kind, fix: m.fix, tags: [m.category] },
    };
  });
  const artifacts = report.files.map((f) => ({ location: { uri: pathToUri(f.path) } }));
  const artifactIndex = new Map(report.files.map((f, i) => [f.path, i]));
  const results = report.files.flatMap((file) =>
    file.findings.map((f) => {
      const loc = physical(f.location);
      const art = artifactIndex.get(f.location.file);
      if (art !== undefined) ((loc['physicalLocation'] as Record<string, Record<string, unknown>>)['artifactLocation'])!['index'] = art;
      return {
        ruleId: f.ruleId,
        ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId)! } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [loc],
        ...(f.related ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...physical(r), message: { text: r.value ?? '' } })) } : {}),
        ...(f.fix && f.location.row !== undefined && f.location.column
          ? {
              fixes: [
                {
                  description: { text: `${f.fix.from} → ${f.fix.to}` },
                  artifactChanges: [
                    {
                      artifactLocation: { uri: pathToUri(f.location.file) },
                      replacements: [{ deletedRegion: { startLine: f.location.row, startColumn: columnNumber(f.location.column) }, insertedContent: { text: f.fix.to } }],
                    },
                  ],
                },
              ],
            }
          : {}),
        properties: { messageId: f.messageId, citation: f.citation, ...(f.location.value !== undefined ? { value: f.location.value } : {}), ...(f.location.page !== undefined ? { page: f.location.page } : {}) },
      };
    }),
  );
  const notifications = report.files
    .filter((f) => f.error)
    .map((f) => ({
      level: 'error',
      message: { text: f.error!.message },
      descriptor: { id: f.error!.code },
      locations: [{ physicalLocation: { artifactLocation: { uri: pathToUri(f.path) } } }],
    }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'vanthu-lint', version: report.tool.version, semanticVersion: report.tool.version, language: lang, rules: driverRules } },
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
        artifacts,
        results,
        language: lang,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  yield* chunked((function* () {
    yield* jsonPieces(sarif, 5);
    yield '\n';
  })());
}
