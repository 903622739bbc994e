// JSON.stringify(value, null, 2) in pieces: a report with a hundred thousand findings is written as it
// is serialised, never held whole as one string (two bytes a character in V8 for Vietnamese text,
// then again as UTF-8). The outer levels (objects, big arrays) are walked here; each element below
// `depth` is one JSON.stringify call, re-indented. Byte-identical to JSON.stringify (tested).

const skipped = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

const isWalkable = (v: unknown): v is object => typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/** The pieces of `JSON.stringify(value, null, 2)`; levels deeper than `depth` are whole pieces. */
export function* jsonPieces(value: unknown, depth = 4, indent = ''): Generator<string> {
  if (depth <= 0 || !isWalkable(value)) {
    const text = JSON.stringify(value, null, 2);
    yield indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '\n' : ',\n'}${inner}`;
      const v: unknown = value[i];
      yield* jsonPieces(skipped(v) ? null : v, depth - 1, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (skipped(v)) continue;
    yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonPieces(v, depth - 1, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/**
 * Pieces gathered into chunks of about `size` characters (fewer, larger writes). Small enough that a
 * chunk's pieces die young: with 1 MiB chunks a collection in mid-chunk promoted the pieces, and a
 * report of 85,000 findings grew the heap by ~100 MB while it was written.
 */
export function* chunked(pieces: Iterable<string>, size = 1 << 16): Generator<string> {
  let buffer = '';
  for (const p of pieces) {
    buffer += p;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer !== '') yield buffer;
}
