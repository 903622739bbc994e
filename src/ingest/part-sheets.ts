// Sheets and rows out of one zip part parsed once (an .ods content.xml, a .docx document.xml hold
// every sheet or table in one part). The part is inflated and tokenized chunk by chunk only as the
// consumer asks for rows; the parser turns each chunk into events (a sheet starts, rows, it ends).
// Rows of a sheet the consumer does not read are passed over; at most one chunk's events wait here.

import type { RawRow, RawSheet, RawValue } from './types.js';

export const SHEET = 0;
export const ROWS = 1;
export const END = 2;

export type SheetEvent =
  | { readonly kind: typeof SHEET; readonly index: number; readonly name: string; readonly date1904: boolean }
  /** `count` consecutive rows from `row`, all holding `values`. */
  | { readonly kind: typeof ROWS; readonly row: number; readonly count: number; readonly values: readonly RawValue[] }
  | { readonly kind: typeof END };

/** What turns the part's text into events: written chunk by chunk, then ended once. */
export interface SheetEventParser {
  write(chunk: string): void;
  end(): void;
  /** The events since the last take. */
  take(): SheetEvent[];
}

/**
 * The sheets of a part. `chunks` opens the part's text (called at the first event asked for);
 * `fail` turns any error of reading or parsing into the reader's InputError; rows come in batches
 * of at most `batchSize`, and a batch is handed out whenever the parsed events run out.
 */
export async function* sheetsOfPart(
  chunks: () => AsyncGenerator<string>,
  parser: SheetEventParser,
  fail: (error: unknown) => Error,
  batchSize: number,
): AsyncGenerator<RawSheet> {
  let text: AsyncGenerator<string> | undefined;
  let queue: SheetEvent[] = [];
  let at = 0;
  let finished = false;
  /** The sheet whose rows may be read now (-1: none). */
  let active = -1;

  const available = (): boolean => at < queue.length;
  /** The next event, reading on as needed; undefined at the end of the part. */
  const next = async (): Promise<SheetEvent | undefined> => {
    while (at >= queue.length) {
      if (finished) return undefined;
      try {
        text ??= chunks();
        const step = await text.next();
        if (step.done) {
          finished = true;
          parser.end();
        } else {
          parser.write(step.value);
        }
      } catch (error) {
        finished = true;
        throw fail(error);
      }
      queue = parser.take();
      at = 0;
    }
    return queue[at++];
  };

  async function* rowsOf(index: number): AsyncGenerator<readonly RawRow[]> {
    let batch: RawRow[] = [];
    while (active === index) {
      if (!available() && batch.length > 0) {
        yield batch;
        batch = [];
        if (active !== index) return;
      }
      const event = await next();
      if (event === undefined || event.kind === END) {
        active = -1;
        break;
      }
      if (event.kind !== ROWS) continue; // (a SHEET never follows without an END)
      const { values, row, count } = event;
      for (let k = 0; k < count; k++) {
        batch.push({ row: row + k, values });
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
          if (active !== index) return;
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  try {
    for (;;) {
      const event = await next();
      if (event === undefined) break;
      if (event.kind !== SHEET) continue; // rows of a sheet the consumer did not read
      active = event.index;
      yield { name: event.name, index: event.index, date1904: event.date1904, rows: rowsOf(event.index) };
      active = -1;
    }
  } finally {
    active = -1;
    if (text) await text.return(undefined);
  }
}
