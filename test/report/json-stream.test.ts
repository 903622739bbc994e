// The streamed JSON is JSON.stringify(value, null, 2), byte for byte, whatever the value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunked, jsonPieces } from '../../src/report/json-stream.js';

describe('jsonPieces', () => {
  it('equals JSON.stringify(value, null, 2) on any JSON-like value, at any depth', () => {
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant('dòng\nmới "Đ"')),
      node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 6 }), tie('node'), { maxKeys: 5 })),
    })).node;
    fc.assert(
      fc.property(value.filter((v) => v !== undefined), fc.integer({ min: 0, max: 6 }), (v, depth) => {
        expect([...jsonPieces(v, depth)].join('')).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 400 },
    );
  });

  it('walks toJSON values whole, and chunks without changing the text', () => {
    const v = { when: new Date(0), list: [1, { a: [] }, {}], s: 'x' };
    expect([...jsonPieces(v)].join('')).toBe(JSON.stringify(v, null, 2));
    const pieces = ['ab', 'c', 'defg', 'h'];
    expect([...chunked(pieces, 3)]).toEqual(['abc', 'defg', 'h']);
  });
});
