// Hand-made zips for ingest tests: bombs, lying headers, ods/docx look-alikes, patched xlsx parts.

import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { extractEntry, readZipDirectory } from '../../src/ingest/zip.js';

export interface BuildEntry {
  readonly name: string;
  readonly data: Uint8Array | string;
  /** 0 = stored, 8 = deflate (default). */
  readonly method?: 0 | 8;
  /** Pretend the entry inflates to this many bytes (central directory and local header). */
  readonly declaredSize?: number;
  /** Use data-descriptor form: zero sizes in the local header, real ones after the data. */
  readonly dataDescriptor?: boolean;
}

export interface BuildOptions {
  /** Write ZIP64 end records (classic EOCD fields set to their maximum). */
  readonly zip64?: boolean;
}

export function buildZip(entries: readonly BuildEntry[], options: BuildOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const method = entry.method ?? 8;
    const data = method === 8 ? deflateRawSync(raw) : raw;
    const name = Buffer.from(entry.name, 'utf8');
    const crc = crc32(raw);
    const size = entry.declaredSize ?? raw.length;
    const flags = 0x800 | (entry.dataDescriptor ? 0x08 : 0);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(entry.dataDescriptor ? 0 : crc, 14);
    local.writeUInt32LE(entry.dataDescriptor ? 0 : data.length, 18);
    local.writeUInt32LE(entry.dataDescriptor ? 0 : size, 22);
    local.writeUInt16LE(name.length, 26);
    const parts = [local, name, data];
    if (entry.dataDescriptor) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(data.length, 8);
      descriptor.writeUInt32LE(size, 12);
      parts.push(descriptor);
    }
    locals.push(...parts);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += parts.reduce((n, p) => n + p.length, 0);
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  if (options.zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(cd.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 8);
  eocd.writeUInt16LE(options.zip64 ? 0xffff : entries.length, 10);
  eocd.writeUInt32LE(options.zip64 ? 0xffffffff : cd.length, 12);
  eocd.writeUInt32LE(options.zip64 ? 0xffffffff : offset, 16);
  return Buffer.concat([...locals, cd, ...tail, eocd]);
}

/** All entries of a zip as {name, data}, for patching one part and rebuilding. */
export function unzipAll(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  const dir = readZipDirectory(bytes);
  return dir.entries.map((e) => ({ name: e.name, data: extractEntry(bytes, e, (b) => inflateRawSync(b)) }));
}

/** Rebuilds a zip with some parts replaced (by name) and the entries in an optional order. */
export function patchZip(
  bytes: Uint8Array,
  replace: Readonly<Record<string, (text: string) => string>>,
  order?: (names: string[]) => string[],
): Buffer {
  const entries = unzipAll(bytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const names = order ? order(entries.map((e) => e.name)) : entries.map((e) => e.name);
  return buildZip(
    names.map((name) => {
      const entry = byName.get(name);
      if (!entry) throw new Error(`no ${name}`);
      const patch = replace[name];
      return { name, data: patch ? patch(Buffer.from(entry.data).toString('utf8')) : entry.data };
    }),
  );
}
