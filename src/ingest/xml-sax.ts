// A minimal streaming XML tokenizer for the parts of an xlsx: text arrives chunk by chunk, events
// go to a handler as soon as they are complete, and nothing but an unfinished tag (or entity) is
// carried from one chunk to the next. No dependencies and no Node APIs (browser-safe).
//
// It checks what a reader of spreadsheet XML needs and no more: tags nest and close by name, one
// root, the five predefined entities and character references (anything else is an error, as
// in saxes, which exceljs used), CDATA, comments and processing instructions. A DOCTYPE is
// refused (OPC forbids DTDs in package parts, and refusing it rules out entity expansion bombs).
// Namespaces are not resolved: names come as written (`x:row`), callers strip prefixes.
// Literal CR and CRLF in text become LF as XML requires; `&#13;` stays a CR.

/** Malformed XML; `offset` counts UTF-16 units from the start of the document. */
export class XmlError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} (at character ${offset})`);
    this.name = 'XmlError';
    this.offset = offset;
  }
}

export interface SaxHandler {
  /**
   * Whether text is wanted now. Read at each run of text: while false, text is skipped without
   * being decoded (or checked). Handlers set it on the tags whose content they collect.
   */
  readonly wantText: boolean;
  /**
   * A start tag. `attrs` is only valid during the call (it is reused, and reads the tag's text
   * lazily). A self-closing tag is followed at once by `closeTag`.
   */
  openTag(name: string, attrs: XmlAttributes): void;
  closeTag(name: string): void;
  /** Decoded text (or CDATA content). One run of text may arrive in several pieces. */
  text(text: string): void;
}

/**
 * The attributes of the start tag being reported, read lazily: nothing is cut out of the text or
 * decoded until asked for (a cell's style index `s`, say, never is).
 */
export class XmlAttributes {
  private buf = '';
  private base = 0;
  /** name start, name end, value start, value end: four per attribute. */
  private readonly at: number[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  name(i: number): string {
    return this.buf.slice(this.at[4 * i] ?? 0, this.at[4 * i + 1] ?? 0);
  }

  value(i: number): string {
    const start = this.at[4 * i + 2] ?? 0;
    const raw = this.buf.slice(start, this.at[4 * i + 3] ?? 0);
    return raw.indexOf('&') < 0 ? raw : decodeEntities(raw, this.base + start);
  }

  /** The value of the attribute named exactly so (prefix included), or undefined. */
  get(name: string): string | undefined {
    const at = this.at;
    for (let i = 0, k = 0; i < this.count; i++, k += 4) {
      const start = at[k] ?? 0;
      if ((at[k + 1] ?? 0) - start === name.length && this.buf.startsWith(name, start)) return this.value(i);
    }
    return undefined;
  }

  /** @internal */
  reset(buf: string, base: number): void {
    this.buf = buf;
    this.base = base;
    this.count = 0;
  }

  /** @internal */
  add(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): void {
    const k = 4 * this.count++;
    const at = this.at;
    at[k] = nameStart;
    at[k + 1] = nameEnd;
    at[k + 2] = valueStart;
    at[k + 3] = valueEnd;
  }

  /** @internal Lets go of the text once the tag has been reported. */
  release(): void {
    this.buf = '';
  }
}

export interface XmlTokenizerLimits {
  /** Longest start tag (default 1 MB): a longer one is an error, not something to wait for. */
  readonly maxTagLength?: number;
  /** Deepest element nesting (default 1,000). */
  readonly maxDepth?: number;
}

// Where the tokenizer is between chunks.
const CONTENT = 0;
const COMMENT = 1;
const CDATA = 2;
const PI = 3;
type State = typeof CONTENT | typeof COMMENT | typeof CDATA | typeof PI;

const GT = 62; // >
const SLASH = 47; // /
const BANG = 33; // !
const QUESTION = 63; // ?
const EQUALS = 61; // =
const DQUOTE = 34; // "
const SQUOTE = 39; // '
/** Longest entity reference read (`&#x10FFFF;` is 10; leading zeros are allowed). */
const MAX_ENTITY = 32;

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13;

export class XmlTokenizer {
  private buf = '';
  private pos = 0;
  /** Characters dropped from the front of `buf` so far (for error offsets). */
  private base = 0;
  private state: State = CONTENT;
  private readonly stack: string[] = [];
  private readonly attrs = new XmlAttributes();
  /** Recent names by length and first letter: `c`, `v`, `row`… are not cut out again each time. */
  private readonly names: (string | undefined)[] = new Array<string | undefined>(13 * 128).fill(undefined);
  private rootSeen = false;
  private readonly maxTag: number;
  private readonly maxDepth: number;

  constructor(
    private readonly handler: SaxHandler,
    limits: XmlTokenizerLimits = {},
  ) {
    this.maxTag = limits.maxTagLength ?? 1024 * 1024;
    this.maxDepth = limits.maxDepth ?? 1000;
  }

  /** Feeds the next piece of the document. Events for everything complete in it fire now. */
  write(chunk: string): void {
    if (this.pos < this.buf.length) {
      // join, not +: a flat string rather than a rope, which every charCodeAt would walk through
      // (measured: about 15% of the tokenizer's time).
      this.buf = [this.buf.slice(this.pos), chunk].join('');
    } else {
      this.buf = chunk;
    }
    this.base += this.pos;
    this.pos = 0;
    this.parse();
    const left = this.buf.length - this.pos;
    if (left > this.maxTag) this.fail(`a tag longer than ${this.maxTag} characters`);
  }

  /** The document is complete: anything left open is an error. */
  end(): void {
    if (this.state === COMMENT) this.fail('unterminated comment');
    if (this.state === CDATA) this.fail('unterminated CDATA section');
    if (this.state === PI) this.fail('unterminated processing instruction');
    const rest = this.buf.slice(this.pos);
    if (rest.includes('<')) this.fail('the document ends inside a tag');
    this.base += this.buf.length;
    this.buf = '';
    this.pos = 0;
    const open = this.stack[this.stack.length - 1];
    if (open !== undefined) this.fail(`the document ends inside <${open}>`);
    if (!this.rootSeen) this.fail('no root element');
  }

  private fail(message: string, at = this.pos): never {
    throw new XmlError(message, this.base + at);
  }

  private parse(): void {
    const buf = this.buf;
    const len = buf.length;
    const handler = this.handler;
    let pos = this.pos;
    while (pos < len) {
      if (this.state !== CONTENT) {
        pos = this.special(pos);
        if ((this.state as State) !== CONTENT) break;
        continue;
      }
      const lt = buf.indexOf('<', pos);
      if (lt !== pos) {
        if (this.stack.length === 0) {
          // Outside the root: only white space may stand here.
          const end = lt < 0 ? len : lt;
          if (/\S/.test(buf.slice(pos, end))) this.fail('text outside the root element');
          pos = end;
          if (lt < 0) break;
        } else if (handler.wantText) {
          const end = lt < 0 ? safeTextEnd(buf, pos, len) : lt;
          if (end > pos) handler.text(decodeText(buf.slice(pos, end), this.base + pos));
          pos = end;
          if (lt < 0) break;
        } else if (lt < 0) {
          pos = len;
          break;
        }
        pos = lt;
      }
      if (pos + 1 >= len) break;
      const c = buf.charCodeAt(pos + 1);
      if (c === SLASH) {
        const gt = buf.indexOf('>', pos + 2);
        if (gt < 0) break;
        let nameEnd = gt;
        while (nameEnd > pos + 2 && isSpace(buf.charCodeAt(nameEnd - 1))) nameEnd--;
        const open = this.stack.pop();
        if (open === undefined || nameEnd - pos - 2 !== open.length || !buf.startsWith(open, pos + 2)) {
          this.pos = pos;
          const name = buf.slice(pos + 2, nameEnd);
          this.fail(open === undefined ? `</${name}> closes nothing` : `</${name}> closes <${open}>`);
        }
        handler.closeTag(open);
        pos = gt + 1;
      } else if (c === BANG) {
        if (buf.startsWith('<!--', pos)) {
          this.state = COMMENT;
          pos += 4;
        } else if (buf.startsWith('<![CDATA[', pos)) {
          if (this.stack.length === 0) {
            this.pos = pos;
            this.fail('CDATA outside the root element');
          }
          this.state = CDATA;
          pos += 9;
        } else if (len - pos < 9 && ['<![CDATA[', '<!--', '<!DOCTYPE'].some((s) => s.startsWith(buf.slice(pos)))) {
          break; // wait for the rest of the opening
        } else {
          this.pos = pos;
          this.fail(buf.startsWith('<!DOCTYPE', pos) ? 'a DOCTYPE (DTDs are not allowed in xlsx parts)' : 'a malformed <! construct');
        }
      } else if (c === QUESTION) {
        this.state = PI;
        pos += 2;
      } else {
        const next = this.startTag(buf, pos, len);
        if (next < 0) break;
        pos = next;
      }
    }
    this.pos = pos;
  }

  /** Inside a comment, CDATA section or processing instruction: consume as much as possible. */
  private special(pos: number): number {
    const buf = this.buf;
    const len = buf.length;
    if (this.state === CDATA) {
      const end = buf.indexOf(']]>', pos);
      let stop = end < 0 ? Math.max(pos, len - 2) : end;
      if (end < 0 && stop > pos && buf.charCodeAt(stop - 1) === 13) stop--; // CR of a split CRLF
      if (stop > pos && this.handler.wantText) this.handler.text(normalizeNewlines(buf.slice(pos, stop)));
      if (end < 0) return stop;
      this.state = CONTENT;
      return end + 3;
    }
    const close = this.state === COMMENT ? '-->' : '?>';
    const end = buf.indexOf(close, pos);
    if (end < 0) return Math.max(pos, len - close.length + 1);
    this.state = CONTENT;
    return end + close.length;
  }

  /** Parses `<name attr="v" …>` at `pos`; returns the position after it, or -1 if incomplete. */
  private startTag(buf: string, pos: number, len: number): number {
    let p = pos + 1;
    while (p < len) {
      const c = buf.charCodeAt(p);
      if (c === GT || c === SLASH || isSpace(c)) break;
      p++;
    }
    if (p >= len) return -1;
    if (p === pos + 1) {
      this.pos = pos;
      this.fail('a tag without a name');
    }
    const nameEnd = p;
    const attrs = this.attrs;
    attrs.reset(buf, this.base);
    let selfClosing = false;
    for (;;) {
      while (p < len && isSpace(buf.charCodeAt(p))) p++;
      if (p >= len) return -1;
      let c = buf.charCodeAt(p);
      if (c === GT) {
        p++;
        break;
      }
      if (c === SLASH) {
        if (p + 1 >= len) return -1;
        if (buf.charCodeAt(p + 1) !== GT) this.fail(`a stray "/" in <${buf.slice(pos + 1, nameEnd)}>`, p);
        selfClosing = true;
        p += 2;
        break;
      }
      const attrStart = p;
      while (p < len) {
        c = buf.charCodeAt(p);
        if (c === EQUALS || c === GT || c === SLASH || isSpace(c)) break;
        p++;
      }
      const attrEnd = p;
      while (p < len && isSpace(buf.charCodeAt(p))) p++;
      if (p >= len) return -1;
      if (buf.charCodeAt(p) !== EQUALS) this.fail(`attribute "${buf.slice(attrStart, attrEnd)}" has no value`, p);
      p++;
      while (p < len && isSpace(buf.charCodeAt(p))) p++;
      if (p >= len) return -1;
      const quote = buf.charCodeAt(p);
      if (quote !== DQUOTE && quote !== SQUOTE) this.fail(`attribute "${buf.slice(attrStart, attrEnd)}" is not quoted`, p);
      const valueEnd = buf.indexOf(quote === DQUOTE ? '"' : "'", p + 1);
      if (valueEnd < 0) return -1;
      attrs.add(attrStart, attrEnd, p + 1, valueEnd);
      p = valueEnd + 1;
    }
    const name = this.nameOf(buf, pos + 1, nameEnd);
    const stack = this.stack;
    if (stack.length === 0) {
      if (this.rootSeen) this.fail(`a second root element <${name}>`, pos);
      this.rootSeen = true;
    }
    if (!selfClosing) {
      if (stack.length >= this.maxDepth) this.fail(`elements nested deeper than ${this.maxDepth}`, pos);
      stack.push(name);
    }
    this.handler.openTag(name, attrs);
    attrs.release();
    if (selfClosing) this.handler.closeTag(name);
    return p;
  }

  private nameOf(buf: string, start: number, end: number): string {
    const length = end - start;
    if (length > 12) return buf.slice(start, end); // (12: V8 copies cuts this short, see xlsx-sheet.ts)
    const slot = length * 128 + (buf.charCodeAt(start) & 127);
    const cached = this.names[slot];
    if (cached !== undefined && buf.startsWith(cached, start)) return cached;
    const name = buf.slice(start, end);
    this.names[slot] = name;
    return name;
  }
}

/**
 * Where a run of text that reaches the end of the buffer may be cut: before a trailing entity
 * reference that may be incomplete, and before a trailing CR (it may be the first half of CRLF).
 */
function safeTextEnd(buf: string, start: number, len: number): number {
  let end = len;
  const amp = buf.lastIndexOf('&', len - 1);
  if (amp >= start && amp > len - MAX_ENTITY && buf.indexOf(';', amp) < 0) end = amp;
  if (end > start && buf.charCodeAt(end - 1) === 13) end--;
  return end;
}

function normalizeNewlines(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

/** Raw character data → text: newlines normalised, then references decoded. */
export function decodeText(raw: string, offset = 0): string {
  const text = normalizeNewlines(raw);
  return text.indexOf('&') < 0 ? text : decodeEntities(text, offset);
}

/** The five predefined entities and character references; anything else throws XmlError. */
export function decodeEntities(text: string, offset = 0): string {
  let out = '';
  let last = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', last)) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0 || semi - amp > MAX_ENTITY) throw new XmlError('a bare "&" (not an entity reference)', offset + amp);
    const name = text.slice(amp + 1, semi);
    let char: string;
    switch (name) {
      case 'amp':
        char = '&';
        break;
      case 'lt':
        char = '<';
        break;
      case 'gt':
        char = '>';
        break;
      case 'quot':
        char = '"';
        break;
      case 'apos':
        char = "'";
        break;
      default: {
        const code = characterReference(name);
        if (code === undefined) throw new XmlError(`undefined entity &${name};`, offset + amp);
        char = String.fromCodePoint(code);
      }
    }
    out += text.slice(last, amp) + char;
    last = semi + 1;
  }
  return out + text.slice(last);
}

function characterReference(name: string): number | undefined {
  let code: number;
  if (/^#x[0-9A-Fa-f]+$/.test(name)) code = parseInt(name.slice(2), 16);
  else if (/^#[0-9]+$/.test(name)) code = parseInt(name.slice(1), 10);
  else return undefined;
  // XML allows no NUL and no surrogates; everything else Excel may write (it uses _xHHHH_ for
  // control characters, but other writers use references) is let through.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return code;
}
