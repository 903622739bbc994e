import { chunked, jsonPieces } from './json-stream.js';
import type { Report } from './report.js';

/** The JSON contract, pretty-printed, with a final newline. Deterministic for a given report. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** formatJson in chunks of about a megabyte, never the whole text at once (the same bytes). */
export function* formatJsonChunks(report: Report): Generator<string> {
  yield* chunked((function* () {
    yield* jsonPieces(report);
    yield '\n';
  })());
}
