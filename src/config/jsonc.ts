// vanthu.config.json may carry comments (`init` writes a commented starter): parse it as JSONC —
// // and /* */ comments and trailing commas allowed, a leading BOM skipped — with jsonc-parser,
// which tokenizes properly, so string contents (",}", "//", "/*") are never touched. Browser-safe.
//
// jsonc-parser recovers from errors and always returns a value; here every reported error is
// fatal, so `{a:1}` or `{'a':1}` is rejected like JSON.parse would, with line and column.
import { parseTree, printParseErrorCode, stripComments, type Node, type ParseError } from 'jsonc-parser';

const OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false } as const;

/** 1-based line and column (in UTF-16 code units) of `offset`; \n, \r\n and \r each end a line. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a || (ch === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * True when the first error only says that no value was found and the text holds nothing but
 * whitespace and comments. (jsonc-parser's enums are ambient `const enum`s, which
 * `isolatedModules` forbids reading, so the error kind is compared by its printed name.)
 */
function isEmptyDocument(source: string, first: ParseError): boolean {
  return printParseErrorCode(first.error) === 'ValueExpected' && stripComments(source).trim() === '';
}

/**
 * The value of a parse-tree node, built with own data properties — unlike jsonc-parser's `parse`,
 * which assigns `obj[key] = value` and so turns a `"__proto__"` key into the object's prototype
 * instead of a property (JSON.parse keeps it as an own property; so does this).
 */
function valueOf(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const obj: Record<string, unknown> = {};
      for (const prop of node.children ?? []) {
        const [key, value] = prop.children ?? [];
        if (!key || !value) continue; // cannot happen without a parse error
        Object.defineProperty(obj, key.value as string, { value: valueOf(value), enumerable: true, writable: true, configurable: true });
      }
      return obj;
    }
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value as unknown;
  }
}

/**
 * Parses JSON with comments and trailing commas. Throws an Error whose message is
 * `line L, column C: <ErrorKind>` on the first syntax error, or a message saying the document is
 * empty when it holds no value at all.
 */
export function parseJsonc(text: string): unknown {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, OPTIONS);
  const first = errors[0];
  if (first) {
    if (isEmptyDocument(source, first)) throw new Error('empty document: expected a JSON value');
    const { line, column } = position(source, first.offset);
    throw new Error(`line ${line}, column ${column}: ${printParseErrorCode(first.error)}`);
  }
  if (!tree) throw new Error('empty document: expected a JSON value'); // not reached: an empty text is an error above
  return valueOf(tree);
}
