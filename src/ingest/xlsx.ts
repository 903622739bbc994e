// xlsx → RawWorkbook, streaming, without exceljs (tech-notes §3: its cell objects cost about half
// its time, and importing it costs ~0.25 s of start-up).
//
// The zip directory (zip.ts) gives the parts: xl/workbook.xml and its rels name the sheets in tab
// order, whatever their part names and wherever they sit in the zip; the shared strings are read
// whole (an array of strings) before the first row; each worksheet is inflated as a stream
// (xlsx-inflate.ts) and tokenized chunk by chunk (xml-sax.ts), and its rows are handed out as each
// chunk completes them (xlsx-sheet.ts). Memory stays flat in the number of rows: one inflated
// chunk, the rows it completed, and the shared strings.

import { DEFAULT_MAX_UNCOMPRESSED_BYTES, decodeXmlEntities, xmlAttributes } from './sniff.js';
import type { InflateRaw, SniffedZip } from './sniff.js';
import { InputError } from './types.js';
import type { RawRow, RawSheet, RawWorkbook } from './types.js';
import { XmlTokenizer } from './xml-sax.js';
import type { SaxHandler } from './xml-sax.js';
import { corrupt, entryRange, entryText, entryTextSync, openZipDirectory, partCodecs, partError } from './xlsx-inflate.js';
import type { Crc32, InflateRawStream, PartCodecs } from './xlsx-inflate.js';
import { SharedStringsHandler, SheetHandler } from './xlsx-sheet.js';
import { findEntry } from './zip.js';
import type { ZipEntry } from './zip.js';

export type { Crc32, InflateRawStream } from './xlsx-inflate.js';

export interface XlsxReadOptions {
  /**
   * From sniff: `workbookPr@date1904` is "1" or "true". Passed on as `RawSheet.date1904`; the
   * reader itself only uses it to turn `t="d"` cells into serials of the same system.
   */
  readonly date1904: boolean;
  /** Added as `file` to the data of every InputError, like sniff does. */
  readonly fileName?: string;
  /** The host's whole-part raw inflate, for xl/workbook.xml and its rels. */
  readonly inflateRaw?: InflateRaw;
  /** The host's streaming raw inflate, for shared strings and worksheets. */
  readonly inflateRawStream?: InflateRawStream;
  /** The host's CRC-32, each part is checked with. */
  readonly crc32?: Crc32;
  /** What sniff already read (the zip directory): not parsed again. */
  readonly zip?: SniffedZip;
  /** Most bytes any one part may inflate to, whatever it declares (default 400 MB, as sniff). */
  readonly maxPartBytes?: number;
}

interface SheetPart {
  readonly name: string;
  readonly entry: ZipEntry;
}

interface WorkbookPlan {
  readonly sheets: readonly SheetPart[];
  readonly sharedStrings: ZipEntry | undefined;
  readonly styles: ZipEntry | undefined;
}

const REL_TYPE_WORKSHEET = '/worksheet';
const REL_TYPE_SHARED_STRINGS = '/sharedStrings';
const REL_TYPE_STYLES = '/styles';
/** workbook.xml and its rels are small; anything bigger is not a workbook we can read. */
const MAX_SMALL_PART = 64 * 1024 * 1024;

export function readXlsx(bytes: Uint8Array, opts: XlsxReadOptions): RawWorkbook {
  const file = opts.fileName;
  // Everything that can be judged from the zip directory fails here, before any row is read.
  // No inflater at all is the caller's mistake, not the file's: a plain Error.
  const codecs = partCodecs(opts);
  let plan: WorkbookPlan;
  try {
    plan = planWorkbook(bytes, codecs, opts.zip);
    if (plan.sharedStrings) entryRange(bytes, plan.sharedStrings);
    for (const sheet of plan.sheets) entryRange(bytes, sheet.entry);
  } catch (error) {
    throw partError(error, file);
  }
  const context: ReadContext = {
    bytes,
    codecs,
    maxBytes: opts.maxPartBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES,
    date1904: opts.date1904,
    file,
  };
  return { format: 'xlsx', sheets: readSheets(plan, context), fontNames: () => fontNames(plan.styles, context) };
}

/**
 * The font names of the workbook's styles (`<font><name val=".VnTime"/>`), for the legacy-encoding
 * look (a .Vn* or VNI-* font says how its text was typed). Small and read only when asked; a
 * damaged styles part gives none (the cells are still read).
 */
function fontNames(entry: ZipEntry | undefined, context: ReadContext): readonly string[] {
  if (!entry) return [];
  let xml: string;
  try {
    xml = readSmallPart(context.bytes, entry, context.codecs);
  } catch {
    return [];
  }
  const names = new Set<string>();
  const tag = /<(?:[A-Za-z_][\w.-]*:)?(?:name|rFont)\b([^>]*?)\/?>/g;
  for (let m = tag.exec(xml); m && names.size < 1000; m = tag.exec(xml)) {
    const val = xmlAttributes(m[1] ?? '').get('val');
    if (val !== undefined) names.add(decodeXmlEntities(val));
  }
  return [...names];
}

interface ReadContext {
  readonly bytes: Uint8Array;
  readonly codecs: PartCodecs;
  readonly maxBytes: number;
  readonly date1904: boolean;
  readonly file: string | undefined;
}

async function* readSheets(plan: WorkbookPlan, context: ReadContext): AsyncGenerator<RawSheet> {
  // Read once, on the first sheet whose rows are asked for: skipping every sheet costs nothing.
  let sharedStrings: Promise<readonly string[]> | undefined;
  const strings = (): Promise<readonly string[]> => (sharedStrings ??= readSharedStrings(plan.sharedStrings, context));
  for (let index = 0; index < plan.sheets.length; index++) {
    const part = plan.sheets[index];
    if (!part) break;
    yield { name: part.name, index, date1904: context.date1904, rows: readRows(part.entry, strings, context) };
  }
}

async function readSharedStrings(entry: ZipEntry | undefined, context: ReadContext): Promise<readonly string[]> {
  if (!entry) return [];
  const handler = new SharedStringsHandler();
  try {
    await parsePart(entry, handler, context);
  } catch (error) {
    throw partError(error, context.file, entry);
  }
  return handler.strings;
}

async function* readRows(
  entry: ZipEntry,
  sharedStrings: () => Promise<readonly string[]>,
  context: ReadContext,
): AsyncGenerator<readonly RawRow[]> {
  const strings = await sharedStrings();
  const handler = new SheetHandler(strings, context.date1904);
  const tokenizer = new XmlTokenizer(handler);
  // A batch per inflated chunk: at most one chunk's rows wait here for the consumer.
  const chunks = entryText(context.bytes, entry, { codecs: context.codecs, maxBytes: context.maxBytes });
  try {
    for (;;) {
      let step: IteratorResult<string>;
      try {
        step = await chunks.next();
        if (step.done) tokenizer.end();
        else tokenizer.write(step.value);
      } catch (error) {
        throw partError(error, context.file, entry);
      }
      const rows = handler.takeRows();
      if (rows.length > 0) yield rows;
      if (step.done) break;
    }
  } finally {
    await chunks.return(undefined);
  }
}

/** Feeds a whole part through a handler (used for the shared strings). */
async function parsePart(entry: ZipEntry, handler: SaxHandler, context: ReadContext): Promise<void> {
  const tokenizer = new XmlTokenizer(handler);
  for await (const text of entryText(context.bytes, entry, { codecs: context.codecs, maxBytes: context.maxBytes })) {
    tokenizer.write(text);
  }
  tokenizer.end();
}

// ---------------------------------------------------------------------------------------------
// The workbook's own directory: sheet names and parts in tab order, the shared strings part.

function planWorkbook(bytes: Uint8Array, codecs: PartCodecs, sniffed: SniffedZip | undefined): WorkbookPlan {
  const dir = openZipDirectory(bytes, sniffed?.directory);
  const workbook = findEntry(dir, 'xl/workbook.xml');
  if (!workbook) throw new InputError('not-xlsx', 'no xl/workbook.xml in the zip');
  const workbookXml = readSmallPart(bytes, workbook, codecs);
  const relsEntry = findEntry(dir, 'xl/_rels/workbook.xml.rels');
  const rels = relsEntry ? parseRelationships(readSmallPart(bytes, relsEntry, codecs)) : new Map<string, Relationship>();

  const sheets: SheetPart[] = [];
  const sheetTag = /<(?:[A-Za-z_][\w.-]*:)?sheet\b([^>]*?)\/?>/g;
  for (let m = sheetTag.exec(workbookXml); m; m = sheetTag.exec(workbookXml)) {
    const attrs = xmlAttributes(m[1] ?? '');
    const name = attrs.get('name') ?? '';
    let rid: string | undefined;
    for (const [key, value] of attrs) if (key.endsWith(':id')) rid = value;
    const rel = rid === undefined ? undefined : rels.get(rid);
    let entry: ZipEntry | undefined;
    if (rel) {
      // Chart sheets and dialog sheets hold no cells.
      if (!rel.type.endsWith(REL_TYPE_WORKSHEET)) continue;
      entry = findEntry(dir, resolveTarget(rel.target));
    } else {
      entry = findEntry(dir, `xl/worksheets/sheet${attrs.get('sheetId') ?? sheets.length + 1}.xml`);
    }
    if (!entry) throw corrupt(`the part of sheet "${name}" is missing`, { sheet: name });
    sheets.push({ name, entry });
  }

  let sharedStringsPath = 'xl/sharedStrings.xml';
  let stylesPath = 'xl/styles.xml';
  for (const rel of rels.values()) {
    if (rel.type.endsWith(REL_TYPE_SHARED_STRINGS)) sharedStringsPath = resolveTarget(rel.target);
    if (rel.type.endsWith(REL_TYPE_STYLES)) stylesPath = resolveTarget(rel.target);
  }
  return { sheets, sharedStrings: findEntry(dir, sharedStringsPath), styles: findEntry(dir, stylesPath) };
}

interface Relationship {
  readonly target: string;
  readonly type: string;
}

function parseRelationships(xml: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const tag = /<(?:[A-Za-z_][\w.-]*:)?Relationship\b([^>]*?)\/?>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const attrs = xmlAttributes(m[1] ?? '');
    const id = attrs.get('Id');
    if (id !== undefined) rels.set(id, { target: attrs.get('Target') ?? '', type: attrs.get('Type') ?? '' });
  }
  return rels;
}

/** A workbook relationship target (relative to `xl/`, or absolute from the package root). */
function resolveTarget(target: string): string {
  const raw = decodeXmlEntities(target);
  const parts = raw.startsWith('/') ? [] : ['xl'];
  for (const segment of raw.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}

function readSmallPart(bytes: Uint8Array, entry: ZipEntry, codecs: PartCodecs): string {
  try {
    return entryTextSync(bytes, entry, codecs, MAX_SMALL_PART);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw corrupt(`cannot read ${entry.name}: ${(error as Error).message}`, { entry: entry.name });
  }
}

// ---------------------------------------------------------------------------------------------

