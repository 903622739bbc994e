// parseJsonc: JSON with comments and trailing commas (vanthu.config.json), string contents kept
// verbatim, and syntax errors reported with 1-based line and column.
import { describe, expect, it } from 'vitest';
import { parseJsonc } from '../../src/config/jsonc.js';

describe('parseJsonc: accepted input', () => {
  it('parses plain JSON like JSON.parse', () => {
    const text = '{"a": 1, "b": [true, false, null], "c": {"d": "e"}, "n": -1.5e3}';
    expect(parseJsonc(text)).toEqual(JSON.parse(text));
  });

  it('parses scalars at the top level', () => {
    expect(parseJsonc('42')).toBe(42);
    expect(parseJsonc(' "x" ')).toBe('x');
    expect(parseJsonc('null')).toBeNull();
    expect(parseJsonc('[]')).toEqual([]);
  });

  it('skips // and /* */ comments, including between tokens and at the end', () => {
    const text = [
      '// starter config',
      '{',
      '  /* the kind */ "kind": /* inline */ "di", // trailing',
      '  "rules": {',
      '    /* multi',
      '       line */',
      '    "so-ky-hieu": "error"',
      '  }',
      '}',
      '// end',
      '/* end */',
    ].join('\n');
    expect(parseJsonc(text)).toEqual({ kind: 'di', rules: { 'so-ky-hieu': 'error' } });
  });

  it('allows trailing commas in objects and arrays', () => {
    expect(parseJsonc('{"a": [1, 2, ], "b": {"c": 3, }, }')).toEqual({ a: [1, 2], b: { c: 3 } });
    expect(parseJsonc('[1,\n]')).toEqual([1]);
  });

  it('skips a leading BOM', () => {
    expect(parseJsonc('\uFEFF{"a": 1}')).toEqual({ a: 1 });
    expect(parseJsonc('\uFEFF// c\n[1,]')).toEqual([1]);
  });

  it('keeps string contents exactly: ",}", ",]", "//", "/*", escapes and Vietnamese text', () => {
    const value = parseJsonc(`{
      "a": "Số, ký hiệu,}",
      "b": "x,]",
      "c": "http://example.vn/a",
      "d": "/* not a comment */",
      "e": "// nor this",
      "f": "quote \\" ,} inside",
      "g": "\\\\",
      "h": "\\u0110\\u1ed3ng, }",
      "Số, ký hiệu,}": 1,
    }`);
    expect(value).toEqual({
      a: 'Số, ký hiệu,}',
      b: 'x,]',
      c: 'http://example.vn/a',
      d: '/* not a comment */',
      e: '// nor this',
      f: 'quote " ,} inside',
      g: '\\',
      h: 'Đồng, }',
      'Số, ký hiệu,}': 1,
    });
  });

  it('parses nested values', () => {
    const text = `{
      // nested
      "columns": { "so": ["Số", "Số, ký hiệu,}",], "ngay": { "aliases": [["a", {"b": [1, [2, [3,],],]}]] } },
      "empty": { "o": {}, "a": [] },
    }`;
    expect(parseJsonc(text)).toEqual({
      columns: { so: ['Số', 'Số, ký hiệu,}'], ngay: { aliases: [['a', { b: [1, [2, [3]]] }]] } },
      empty: { o: {}, a: [] },
    });
  });

  it('keeps a "__proto__" key as an own property, as JSON.parse does', () => {
    const text = '{"__proto__": {"polluted": true}, "a": 1}';
    const value = parseJsonc(text) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(Object.getOwnPropertyDescriptor(value, '__proto__')?.value).toEqual({ polluted: true });
    expect((value as { polluted?: unknown }).polluted).toBeUndefined();
    expect(JSON.stringify(value)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('keeps the last of duplicate keys, as JSON.parse does', () => {
    expect(parseJsonc('{"a": 1, "a": 2}')).toEqual({ a: 2 });
  });
});

describe('parseJsonc: errors', () => {
  const errorOf = (text: string): string => {
    try {
      parseJsonc(text);
    } catch (err) {
      expect(err).toBeInstanceOf(Error);
      return (err as Error).message;
    }
    throw new Error(`no error for ${JSON.stringify(text)}`);
  };

  it('rejects unquoted and single-quoted keys', () => {
    expect(errorOf('{a:1}')).toBe('line 1, column 2: InvalidSymbol');
    expect(errorOf("{'a': 1}")).toBe('line 1, column 2: InvalidSymbol');
  });

  it('reports the line and column (1-based) of the first error', () => {
    expect(errorOf('{\n  "a": 1,\n  "b" 2\n}')).toBe('line 3, column 7: ColonExpected');
    expect(errorOf('{\n  "a": 1\n  "b": 2\n}')).toBe('line 3, column 3: CommaExpected');
    expect(errorOf('{\n  "a": 1,\n  , "b": 2\n}')).toBe('line 3, column 3: PropertyNameExpected');
  });

  it('counts \\r\\n and \\r as one line break each, and does not count the BOM as a column', () => {
    expect(errorOf('{\r\n  "a": 1,\r\n  "b" 2\r\n}')).toBe('line 3, column 7: ColonExpected');
    expect(errorOf('{\r  "a": 1,\r  "b" 2\r}')).toBe('line 3, column 7: ColonExpected');
    expect(errorOf('\uFEFF{"a" 1}')).toBe('line 1, column 6: ColonExpected');
  });

  it('counts comments and string contents in the position', () => {
    expect(errorOf('// c, }\n/* ,}\n */ {"Số, ký hiệu,}": 1 x}')).toBe('line 3, column 25: InvalidSymbol');
  });

  it('rejects non-JSON values and leftovers', () => {
    expect(errorOf('{"a": NaN}')).toBe('line 1, column 7: InvalidSymbol');
    expect(errorOf('{"a": 01}')).toBe('line 1, column 8: CommaExpected');
    expect(errorOf('{"a": 0x10}')).toBe('line 1, column 8: InvalidSymbol');
    expect(errorOf('{"a": "x\ty"}')).toBe('line 1, column 7: InvalidCharacter');
    expect(errorOf('{} {}')).toBe('line 1, column 4: EndOfFileExpected');
    expect(errorOf('{"a": [1,,2]}')).toBe('line 1, column 10: ValueExpected');
    expect(errorOf('{,}')).toBe('line 1, column 2: ValueExpected');
  });

  it('rejects unterminated strings, objects and comments', () => {
    expect(errorOf('{"a": "b')).toBe('line 1, column 7: UnexpectedEndOfString');
    expect(errorOf('{"a": 1')).toBe('line 1, column 8: CloseBraceExpected');
    expect(errorOf('[1, 2')).toBe('line 1, column 6: CloseBracketExpected');
    expect(errorOf('{"a": 1} /* open')).toBe('line 1, column 10: UnexpectedEndOfComment');
    expect(errorOf('/* open')).toBe('line 1, column 1: UnexpectedEndOfComment');
  });

  it('rejects an empty document (only whitespace, comments or a BOM)', () => {
    for (const text of ['', '   \n\t', '\uFEFF', '// nothing\n/* here */\n', '\uFEFF  // just a comment']) {
      expect(errorOf(text)).toBe('empty document: expected a JSON value');
    }
  });
});
