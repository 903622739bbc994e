import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ZipError, extractEntry, extractText, findEntry, findEocd, readZipDirectory } from '../../src/ingest/zip.js';
import { buildZip } from './zip-builder.js';

const inflate = (b: Uint8Array): Uint8Array => inflateRawSync(b);

function zipError(run: () => unknown): ZipError {
  try {
    run();
  } catch (error) {
    if (error instanceof ZipError) return error;
    throw error;
  }
  throw new Error('expected a ZipError');
}

describe('readZipDirectory', () => {
  const sample = buildZip([
    { name: 'mimetype', data: 'application/x-test', method: 0 },
    { name: 'xl/workbook.xml', data: '<workbook>' + ' '.repeat(1000) + '</workbook>' },
    { name: 'Tệp tiếng Việt.txt', data: 'Xin chào' },
  ]);

  it('lists entries with method, sizes and local header offsets', () => {
    const dir = readZipDirectory(sample);
    expect(dir.zip64).toBe(false);
    expect(dir.entries.map((e) => [e.name, e.method, e.uncompressedSize])).toEqual([
      ['mimetype', 0, 18],
      ['xl/workbook.xml', 8, 1021],
      ['Tệp tiếng Việt.txt', 8, 9],
    ]);
    const [first, second] = dir.entries;
    expect(first?.localHeaderOffset).toBe(0);
    expect(first?.compressedSize).toBe(18);
    expect(second?.compressedSize).toBeLessThan(100);
    expect(second?.localHeaderOffset).toBe(30 + 'mimetype'.length + 18);
  });

  it('extracts stored and deflated entries', () => {
    const dir = readZipDirectory(sample);
    const get = (name: string) => {
      const entry = findEntry(dir, name);
      if (!entry) throw new Error(name);
      return extractText(sample, entry, inflate);
    };
    expect(get('mimetype')).toBe('application/x-test');
    expect(get('xl/workbook.xml')).toMatch(/^<workbook> {1000}<\/workbook>$/);
    expect(get('Tệp tiếng Việt.txt')).toBe('Xin chào');
    expect(get('XL/Workbook.xml')).toMatch(/^<workbook>/); // case-insensitive fallback
  });

  it('finds the end record behind a zip comment and ignores trailing junk', () => {
    const comment = Buffer.from('a comment with PK\u0005\u0006 inside');
    const withComment = Buffer.from(Buffer.concat([sample, comment]));
    withComment.writeUInt16LE(comment.length, sample.length - 2);
    expect(readZipDirectory(withComment).entries).toHaveLength(3);
    expect(findEocd(withComment)).toBe(sample.length - 22);
  });

  it('reads ZIP64 end records', () => {
    const zip64 = buildZip([{ name: 'a.txt', data: 'hello' }], { zip64: true });
    const dir = readZipDirectory(zip64);
    expect(dir.zip64).toBe(true);
    expect(dir.entries.map((e) => e.name)).toEqual(['a.txt']);
  });

  it('reads entries whose sizes sit in data descriptors', () => {
    const zip = buildZip([{ name: 'a.txt', data: 'x'.repeat(500), dataDescriptor: true }]);
    const dir = readZipDirectory(zip);
    const entry = dir.entries[0];
    if (!entry) throw new Error('no entry');
    expect(entry.flags & 0x08).toBe(0x08);
    expect(extractText(zip, entry, inflate)).toBe('x'.repeat(500));
  });

  it('no end record → no-eocd; directory outside the file → bad-directory', () => {
    expect(zipError(() => readZipDirectory(sample.subarray(0, sample.length - 5))).kind).toBe('no-eocd');
    expect(zipError(() => readZipDirectory(new Uint8Array(0))).kind).toBe('no-eocd');
    const bad = Buffer.from(sample);
    bad.writeUInt32LE(sample.length, sample.length - 6);
    expect(zipError(() => readZipDirectory(bad)).kind).toBe('bad-directory');
  });

  it('refuses entries over the size limit, before and after inflating', () => {
    const zip = buildZip([
      { name: 'big.xml', data: 'y'.repeat(10_000) },
      { name: 'liar.xml', data: 'z'.repeat(10_000), declaredSize: 10 },
    ]);
    const [big, liar] = readZipDirectory(zip).entries;
    if (!big || !liar) throw new Error('entries');
    expect(zipError(() => extractEntry(zip, big, inflate, { maxBytes: 1000 })).kind).toBe('too-big');
    expect(zipError(() => extractEntry(zip, liar, inflate, { maxBytes: 1000 })).kind).toBe('too-big');
  });

  it('refuses unknown compression methods and encrypted entries', () => {
    const zip = Buffer.from(buildZip([{ name: 'a', data: 'abc', method: 0 }]));
    const cd = readZipDirectory(zip);
    const entry = cd.entries[0];
    if (!entry) throw new Error('entry');
    expect(zipError(() => extractEntry(zip, { ...entry, method: 12 }, inflate)).kind).toBe('unsupported-method');
    expect(zipError(() => extractEntry(zip, { ...entry, flags: 1 }, inflate)).kind).toBe('unsupported-method');
  });

  it('detects a missing local header', () => {
    const dir = readZipDirectory(sample);
    const entry = dir.entries[1];
    if (!entry) throw new Error('entry');
    expect(zipError(() => extractEntry(sample, { ...entry, localHeaderOffset: 5 }, inflate)).kind).toBe('bad-entry');
  });
});
