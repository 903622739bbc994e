// OLE2 compound files ([MS-CFB]): the container of Excel 97–2003 workbooks (and of Word .doc files
// and password-protected OOXML). A small FAT file system inside one file: a header, a FAT (sector
// chains) whose own sectors are listed by the DIFAT, a directory of 128-byte entries (a red-black tree
// of names per storage), and streams stored either in 512/4096-byte sectors or, below 4096 bytes, in
// 64-byte mini sectors inside the root entry's "mini stream".
//
// Only the root storage's own entries are exposed (Workbook, Book, WordDocument, EncryptedPackage…).
// Every number read from the file is checked: a chain that loops, a sector beyond the FAT, a stream
// longer than the file → InputError ('corrupt', or 'truncated' when the file was plainly cut short).

import { InputError } from './types.js';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const HEADER_BYTES = 512;
const HEADER_DIFAT_ENTRIES = 109;
/** Largest regular sector number; above are FREESECT, ENDOFCHAIN, FATSECT, DIFSECT and reserved. */
const MAXREGSECT = 0xfffffffa;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;
const DIR_ENTRY_BYTES = 128;
const MINI_SECTOR_BYTES = 64;
/** Streams shorter than this live in the mini stream ([MS-CFB] fixes it at 4096). */
const MINI_STREAM_CUTOFF = 4096;

const TYPE_STORAGE = 1;
const TYPE_STREAM = 2;
const TYPE_ROOT = 5;

/** A root-level entry of a compound file. */
export interface CfbEntry {
  /** The name as stored (compare case-insensitively: `has`/`stream` do). */
  readonly name: string;
  readonly type: 'stream' | 'storage';
  /** Declared size in bytes (streams; 0 for storages). */
  readonly size: number;
}

export interface CfbFile {
  /** 3 (512-byte sectors) or 4 (4096-byte sectors), as the header's sector size says. */
  readonly version: 3 | 4;
  /** The root storage's entries, in directory-tree order. */
  readonly entries: readonly CfbEntry[];
  /** Whether the root storage holds a stream of this name (case-insensitive). */
  has(name: string): boolean;
  /**
   * The bytes of a root-level stream (case-insensitive name), or undefined when there is none.
   * Read on each call (a view into the file when its sectors are contiguous, else a copy).
   * Throws InputError on a broken chain.
   */
  stream(name: string): Uint8Array | undefined;
}

export const corruptCfb = (detail: string): InputError => new InputError('corrupt', detail, { detail });
const truncated = (detail: string, size: number): InputError => new InputError('truncated', detail, { size, detail });

interface DirEntry {
  readonly name: string;
  readonly type: number;
  readonly left: number;
  readonly right: number;
  readonly child: number;
  readonly start: number;
  readonly size: number;
}

/** Opens a compound file: header, FAT, directory. Streams are read on demand. */
export function readCfb(bytes: Uint8Array): CfbFile {
  const length = bytes.length;
  for (let i = 0; i < SIGNATURE.length; i++) {
    if (i >= length) throw truncated('the compound file is cut short inside its signature', length);
    if (bytes[i] !== SIGNATURE[i]) throw corruptCfb('not an OLE compound file (bad signature)');
  }
  if (length < HEADER_BYTES) throw truncated(`the compound file is cut short inside its header (${length} bytes)`, length);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);

  if (u16(28) !== 0xfffe) throw corruptCfb('the compound file header has a wrong byte-order mark');
  const shift = u16(30);
  if (shift !== 9 && shift !== 12) throw corruptCfb(`the compound file declares a sector size of 2^${shift} bytes (expected 512 or 4096)`);
  if (u16(32) !== 6) throw corruptCfb(`the compound file declares a mini sector size of 2^${u16(32)} bytes (expected 64)`);
  const sectorSize = 1 << shift;
  if (length < sectorSize) throw truncated('the compound file is cut short inside its first sector', length);
  /** Sectors that start inside the file (the last one may be partial). */
  const sectorsInFile = Math.ceil((length - sectorSize) / sectorSize);
  const entriesPerSector = sectorSize / 4;
  const sectorOffset = (sector: number): number => (sector + 1) * sectorSize;

  // --- FAT sectors, from the header's 109 DIFAT slots and then the DIFAT chain.
  const fatSectorCount = u32(44);
  if (fatSectorCount === 0) throw corruptCfb('the compound file declares no FAT sector');
  if (fatSectorCount > sectorsInFile) {
    throw truncated(`the compound file declares ${fatSectorCount} FAT sectors but holds only ${sectorsInFile} sectors`, length);
  }
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectors.length < fatSectorCount; i++) fatSectors.push(u32(76 + i * 4));
  let difat = u32(68);
  const difatSeen = new Uint8Array(sectorsInFile);
  while (fatSectors.length < fatSectorCount) {
    if (difat === ENDOFCHAIN || difat === FREESECT) {
      throw corruptCfb(`the DIFAT lists ${fatSectors.length} of the ${fatSectorCount} FAT sectors the header declares`);
    }
    if (difat > MAXREGSECT) throw corruptCfb('the DIFAT chain holds a special sector number');
    if (difat >= sectorsInFile) throw truncated('a DIFAT sector lies past the end of the compound file', length);
    if (difatSeen[difat] === 1) throw corruptCfb('the DIFAT chain loops');
    difatSeen[difat] = 1;
    const at = sectorOffset(difat);
    if (at + sectorSize > length) throw truncated('a DIFAT sector is cut short', length);
    for (let i = 0; i < entriesPerSector - 1 && fatSectors.length < fatSectorCount; i++) fatSectors.push(u32(at + i * 4));
    difat = u32(at + sectorSize - 4);
  }

  const fat = new Uint32Array(fatSectorCount * entriesPerSector);
  for (let k = 0; k < fatSectors.length; k++) {
    const sector = fatSectors[k]!;
    if (sector > MAXREGSECT) throw corruptCfb(`FAT sector ${k} has a special sector number`);
    if (sector >= sectorsInFile) throw truncated(`FAT sector ${k} lies past the end of the compound file`, length);
    const at = sectorOffset(sector);
    if (at + sectorSize > length) throw truncated(`FAT sector ${k} is cut short`, length);
    const base = k * entriesPerSector;
    for (let i = 0; i < entriesPerSector; i++) fat[base + i] = u32(at + i * 4);
  }

  /**
   * The sectors of a chain, in order: at most `want` of them (a stream's size), else up to
   * ENDOFCHAIN. Each sector once: a chain coming back on itself is corrupt, never a hang.
   */
  const chain = (start: number, want: number, what: string): number[] => {
    const sectors: number[] = [];
    const seen = new Uint8Array(Math.min(fat.length, sectorsInFile));
    let sector = start;
    while (sectors.length < want && sector !== ENDOFCHAIN) {
      if (sector > MAXREGSECT) throw corruptCfb(`${what}: its sector chain holds a free or special sector`);
      if (sector >= sectorsInFile) {
        // A sector the FAT knows of, but the file ends before it: cut short. Beyond the FAT: garbage.
        if (sector < fat.length) throw truncated(`${what} lies past the end of the compound file`, length);
        throw corruptCfb(`${what}: its sector chain points past the FAT`);
      }
      if (sector >= seen.length) throw corruptCfb(`${what}: its sector chain points past the FAT`);
      if (seen[sector] === 1) throw corruptCfb(`${what}: its sector chain loops`);
      seen[sector] = 1;
      sectors.push(sector);
      sector = fat[sector]!;
    }
    return sectors;
  };

  /** `size` bytes from a chain of `unit`-byte pieces of `source` (a view when contiguous). */
  const gather = (source: Uint8Array, pieces: readonly number[], offsetOf: (n: number) => number, unit: number, size: number, what: string, cut: () => InputError): Uint8Array => {
    const needed = Math.ceil(size / unit);
    if (pieces.length < needed) throw corruptCfb(`${what}: its sector chain ends before its declared size (${size} bytes)`);
    let contiguous = true;
    for (let i = 1; i < needed && contiguous; i++) contiguous = pieces[i] === pieces[i - 1]! + 1;
    if (contiguous) {
      const at = offsetOf(pieces[0]!);
      if (at + size > source.length) throw cut();
      return source.subarray(at, at + size);
    }
    // One copy per run of consecutive sectors (writers mostly lay streams out in a few runs).
    const out = new Uint8Array(size);
    for (let i = 0; i < needed; ) {
      let j = i + 1;
      while (j < needed && pieces[j] === pieces[j - 1]! + 1) j++;
      const at = offsetOf(pieces[i]!);
      const n = Math.min(unit * (j - i), size - i * unit);
      if (at + n > source.length) throw cut();
      out.set(source.subarray(at, at + n), i * unit);
      i = j;
    }
    return out;
  };

  const readChain = (start: number, size: number, what: string): Uint8Array =>
    gather(bytes, chain(start, Math.ceil(size / sectorSize), what), sectorOffset, sectorSize, size, what, () => truncated(`${what} is cut short`, length));

  // --- Directory: its chain has no declared size; every sector of it holds 4 (or 32) entries.
  const dirSectors = chain(u32(48), Number.POSITIVE_INFINITY, 'the directory');
  if (dirSectors.length === 0) throw corruptCfb('the compound file has an empty directory');
  const directory = gather(bytes, dirSectors, sectorOffset, sectorSize, dirSectors.length * sectorSize, 'the directory', () =>
    truncated('the directory is cut short', length),
  );
  const dirView = new DataView(directory.buffer, directory.byteOffset, directory.byteLength);
  const entryCount = directory.length / DIR_ENTRY_BYTES;
  const version: 3 | 4 = shift === 9 ? 3 : 4;

  const entryAt = (id: number): DirEntry => {
    const at = id * DIR_ENTRY_BYTES;
    const nameBytes = dirView.getUint16(at + 64, true);
    const chars = Math.max(0, Math.min(32, nameBytes >> 1) - 1);
    let name = '';
    for (let i = 0; i < chars; i++) {
      const c = dirView.getUint16(at + i * 2, true);
      if (c === 0) break;
      name += String.fromCharCode(c);
    }
    const low = dirView.getUint32(at + 120, true);
    const high = dirView.getUint32(at + 124, true);
    // Version 3 files may leave garbage in the high half of the size ([MS-CFB] 2.6.3).
    if (version === 4 && high !== 0) throw truncated(`the stream "${name}" declares more than 4 GB`, length);
    return {
      name,
      type: dirView.getUint8(at + 66),
      left: dirView.getUint32(at + 68, true),
      right: dirView.getUint32(at + 72, true),
      child: dirView.getUint32(at + 76, true),
      start: dirView.getUint32(at + 116, true),
      size: low,
    };
  };

  const root = entryAt(0);
  if (root.type !== TYPE_ROOT) throw corruptCfb('the compound file directory does not start with its root entry');

  // The root's children: a binary tree through left/right siblings, walked with a stack; each entry
  // once (a tree that loops is only walked once round).
  const children: DirEntry[] = [];
  const visited = new Uint8Array(entryCount);
  const stack: number[] = [root.child];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === NOSTREAM || id >= entryCount || id === 0 || visited[id] === 1) continue;
    visited[id] = 1;
    const entry = entryAt(id);
    if (entry.type === TYPE_STREAM || entry.type === TYPE_STORAGE) children.push(entry);
    stack.push(entry.right, entry.left);
  }
  // The walk above is pre-order; sort by the tree's own key (length, then upper-case name).
  const key = (e: DirEntry): string => e.name.toUpperCase();
  children.sort((a, b) => a.name.length - b.name.length || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const byName = new Map<string, DirEntry>();
  for (const entry of children) if (!byName.has(key(entry))) byName.set(key(entry), entry);

  // --- Mini stream and mini FAT, read when a small stream is first asked for.
  let mini: { readonly data: Uint8Array; readonly fat: Uint32Array } | undefined;
  const miniParts = (): { readonly data: Uint8Array; readonly fat: Uint32Array } => {
    if (mini) return mini;
    if (root.size > length) throw truncated(`the mini stream declares ${root.size} bytes, more than the file holds`, length);
    const data = root.size === 0 ? new Uint8Array(0) : readChain(root.start, root.size, 'the mini stream');
    // The header's mini FAT sector count is not trusted (the chain's own end is): bounded all the same.
    const miniFatStart = u32(60);
    const miniFatSectors = miniFatStart === FREESECT ? [] : chain(miniFatStart, Number.POSITIVE_INFINITY, 'the mini FAT');
    const miniFatBytes = gather(bytes, miniFatSectors, sectorOffset, sectorSize, miniFatSectors.length * sectorSize, 'the mini FAT', () =>
      truncated('the mini FAT is cut short', length),
    );
    const miniFatView = new DataView(miniFatBytes.buffer, miniFatBytes.byteOffset, miniFatBytes.byteLength);
    const miniFat = new Uint32Array(miniFatBytes.length / 4);
    for (let i = 0; i < miniFat.length; i++) miniFat[i] = miniFatView.getUint32(i * 4, true);
    mini = { data, fat: miniFat };
    return mini;
  };

  const readMiniStream = (entry: DirEntry): Uint8Array => {
    const { data, fat: miniFat } = miniParts();
    const want = Math.ceil(entry.size / MINI_SECTOR_BYTES);
    const what = `the stream "${entry.name}"`;
    const sectors: number[] = [];
    const seen = new Uint8Array(miniFat.length);
    let sector = entry.start;
    while (sectors.length < want && sector !== ENDOFCHAIN) {
      if (sector >= miniFat.length) throw corruptCfb(`${what}: its mini sector chain points past the mini FAT`);
      if (seen[sector] === 1) throw corruptCfb(`${what}: its mini sector chain loops`);
      seen[sector] = 1;
      sectors.push(sector);
      sector = miniFat[sector]!;
    }
    return gather(data, sectors, (n) => n * MINI_SECTOR_BYTES, MINI_SECTOR_BYTES, entry.size, what, () =>
      corruptCfb(`${what}: its mini sectors lie past the end of the mini stream`),
    );
  };

  return {
    version,
    entries: children.map((e) => ({ name: e.name, type: e.type === TYPE_STREAM ? 'stream' : 'storage', size: e.type === TYPE_STREAM ? e.size : 0 })),
    has: (name) => byName.get(name.toUpperCase())?.type === TYPE_STREAM,
    stream: (name) => {
      const entry = byName.get(name.toUpperCase());
      if (!entry || entry.type !== TYPE_STREAM) return undefined;
      if (entry.size === 0) return new Uint8Array(0);
      if (entry.size < MINI_STREAM_CUTOFF) return readMiniStream(entry);
      if (entry.size > length) throw truncated(`the stream "${entry.name}" declares ${entry.size} bytes, more than the file holds`, length);
      return readChain(entry.start, entry.size, `the stream "${entry.name}"`);
    },
  };
}

/** One root-level stream of a compound file, or undefined (see `readCfb`). */
export function cfbStream(bytes: Uint8Array, name: string): Uint8Array | undefined {
  return readCfb(bytes).stream(name);
}
