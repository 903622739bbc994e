// The table CRC-32 of browser hosts (slicing-by-8) against zlib's, on every length up to 64 and on
// random data in random pieces (a stream checks its CRC chunk by chunk).
import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/ingest/crc32.js';

describe('crc32', () => {
  it('agrees with zlib on every length up to 64 and on known values', () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff);
    for (let n = 0; n <= 64; n++) expect(crc32(bytes.subarray(0, n))).toBe(zlibCrc32(bytes.subarray(0, n)));
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('agrees with zlib on random data, whole or in pieces', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.array(fc.nat(3000), { maxLength: 6 }), (data, cuts) => {
        const whole = zlibCrc32(data);
        expect(crc32(data)).toBe(whole);
        const points = [...new Set(cuts.map((c) => c % (data.length + 1)))].sort((a, b) => a - b);
        let value = 0;
        let from = 0;
        for (const p of [...points, data.length]) {
          value = crc32(data.subarray(from, p), value);
          from = p;
        }
        expect(value).toBe(whole);
      }),
      { numRuns: 500, seed: 20261203 },
    );
  });
});
