import { describe, expect, it } from 'vitest';
import { XmlError, XmlTokenizer, decodeEntities } from '../../src/ingest/xml-sax.js';
import type { SaxHandler, XmlAttributes } from '../../src/ingest/xml-sax.js';

/** Records every event; text is wanted everywhere and merged per run, as a handler would. */
class Recorder implements SaxHandler {
  wantText = true;
  readonly events: string[] = [];
  private pending = '';

  openTag(name: string, attrs: XmlAttributes): void {
    this.flush();
    const list: string[] = [];
    for (let i = 0; i < attrs.length; i++) list.push(`${attrs.name(i)}=${attrs.value(i)}`);
    this.events.push(`<${name}${list.map((a) => ` ${a}`).join('')}>`);
  }

  closeTag(name: string): void {
    this.flush();
    this.events.push(`</${name}>`);
  }

  text(text: string): void {
    this.pending += text;
  }

  flush(): void {
    if (this.pending !== '') this.events.push(JSON.stringify(this.pending));
    this.pending = '';
  }
}

function tokenize(chunks: readonly string[], handler = new Recorder()): string[] {
  const tokenizer = new XmlTokenizer(handler);
  for (const chunk of chunks) tokenizer.write(chunk);
  tokenizer.end();
  handler.flush();
  return handler.events;
}

function parseError(chunks: readonly string[]): XmlError {
  try {
    tokenize(chunks);
  } catch (error) {
    if (error instanceof XmlError) return error;
    throw error;
  }
  throw new Error('expected an XmlError');
}

const DOC =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
  '<worksheet xmlns="urn:x" xmlns:r=\'urn:r\'><!-- a comment with <tags> & -->' +
  '<sheetData><row r="1" spans="1:3"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> Công văn &amp; tờ trình </t></is></c>' +
  '<c r="B1" t="str"><f>A1&amp;"x"</f><v>a &lt;b&gt; &quot;c&quot; &apos;d&apos; &#272;&#x1EA1;&#x1F600;</v></c>' +
  '<c r="C1"><v><![CDATA[<not a tag> & raw]]></v></c>' +
  '<x:c r="D1" a = "1&amp;2" b=\'q"q\'/></row></sheetData>' +
  '<?pi inside?><empty></empty></worksheet>\n';

const EXPECTED = [
  '<worksheet xmlns=urn:x xmlns:r=urn:r>',
  '<sheetData>',
  '<row r=1 spans=1:3>',
  '<c r=A1 t=inlineStr>',
  '<is>',
  '<t xml:space=preserve>',
  '" Công văn & tờ trình "',
  '</t>',
  '</is>',
  '</c>',
  '<c r=B1 t=str>',
  '<f>',
  '"A1&\\"x\\""',
  '</f>',
  '<v>',
  '"a <b> \\"c\\" \'d\' Đạ😀"',
  '</v>',
  '</c>',
  '<c r=C1>',
  '<v>',
  '"<not a tag> & raw"',
  '</v>',
  '</c>',
  '<x:c r=D1 a=1&2 b=q"q>',
  '</x:c>',
  '</row>',
  '</sheetData>',
  '<empty>',
  '</empty>',
  '</worksheet>',
];

describe('XmlTokenizer', () => {
  it('reports tags, attributes, decoded text, CDATA; skips comments and processing instructions', () => {
    expect(tokenize([DOC])).toEqual(EXPECTED);
  });

  it('gives the same events however the document is cut into chunks', () => {
    for (let cut = 1; cut < DOC.length; cut++) {
      expect(tokenize([DOC.slice(0, cut), DOC.slice(cut)]), `cut at ${cut}`).toEqual(EXPECTED);
    }
    expect(tokenize([...DOC])).toEqual(EXPECTED); // one character at a time
  });

  it('turns literal CR and CRLF into LF, even split across chunks, but keeps &#13;', () => {
    const doc = '<a>x\r\ny\rz&#13;\n<![CDATA[c\r\nd]]></a>';
    for (let cut = 1; cut < doc.length; cut++) {
      expect(tokenize([doc.slice(0, cut), doc.slice(cut)])).toEqual(['<a>', JSON.stringify('x\ny\nz\r\nc\nd'), '</a>']);
    }
  });

  it('skips text when the handler does not want it', () => {
    const handler = new Recorder();
    handler.wantText = false;
    expect(tokenize(['<a>skipped &bogus; text<b/></a>'], handler)).toEqual(['<a>', '<b>', '</b>', '</a>']);
  });

  it('rejects what is not well-formed, with an offset', () => {
    const cases: [string, RegExp][] = [
      ['<a><b></a>', /<\/a> closes <b>/],
      ['<a></a></a>', /closes nothing/],
      ['<a>', /ends inside <a>/],
      ['<a><b', /ends inside a tag/],
      ['', /no root element/],
      ['<a/><b/>', /second root/],
      ['<a>&nbsp;</a>', /undefined entity &nbsp;/],
      ['<a>fish & chips</a>', /bare "&"/],
      ['<a>&#0;</a>', /undefined entity/],
      ['<a x="1&y;"/>', /undefined entity/],
      ['<a x=1/>', /not quoted/],
      ['<a x/>', /has no value/],
      ['<a/ >', /stray/],
      ['<!DOCTYPE a [<!ENTITY b "bomb">]><a>&b;</a>', /DOCTYPE/],
      ['<a><!-- open', /unterminated comment/],
      ['<a><![CDATA[ open', /unterminated CDATA/],
      ['<>', /without a name/],
      ['<a><!x></a>', /malformed <!/],
    ];
    for (const [doc, message] of cases) {
      const error = parseError([doc]);
      expect(error.message, doc).toMatch(message);
      expect(error.offset).toBeGreaterThanOrEqual(0);
    }
    expect(parseError(['<a>ok</a><b>']).offset).toBe(9);
  });

  it('bounds nesting depth and the length of one tag', () => {
    const deep = `${'<r>'.repeat(2000)}${'</r>'.repeat(2000)}`;
    expect(() => tokenize([deep])).toThrow(/nested deeper than 1000/);
    const handler = new Recorder();
    const tokenizer = new XmlTokenizer(handler, { maxTagLength: 1000 });
    tokenizer.write('<a><b x="');
    expect(() => tokenizer.write('y'.repeat(2000))).toThrow(/longer than 1000/);
  });

  it('lets long text, comments and CDATA through chunk by chunk without holding them', () => {
    const handler = new Recorder();
    const tokenizer = new XmlTokenizer(handler, { maxTagLength: 100 });
    tokenizer.write('<a><!--');
    for (let i = 0; i < 50; i++) tokenizer.write('- > '.repeat(25));
    tokenizer.write('--><![CDATA[');
    for (let i = 0; i < 50; i++) tokenizer.write(']'.repeat(100));
    tokenizer.write(']]>');
    for (let i = 0; i < 50; i++) tokenizer.write('x'.repeat(100));
    tokenizer.write('</a>');
    tokenizer.end();
    handler.flush();
    expect(handler.events).toEqual(['<a>', JSON.stringify(']'.repeat(5000) + 'x'.repeat(5000)), '</a>']);
  });

  it('reads attributes lazily by exact name', () => {
    const seen: (string | undefined)[] = [];
    const handler: SaxHandler = {
      wantText: false,
      openTag: (_name, attrs) => seen.push(attrs.get('r'), attrs.get('t'), attrs.get('x:r'), attrs.get('missing')),
      closeTag: () => undefined,
      text: () => undefined,
    };
    const tokenizer = new XmlTokenizer(handler);
    tokenizer.write('<c r="B2" rr="no" t="s&amp;" x:r="p"/>');
    tokenizer.end();
    expect(seen).toEqual(['B2', 's&', 'p', undefined]);
  });
});

describe('decodeEntities', () => {
  it('decodes the predefined entities and character references', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;')).toBe('<>&"\'AB😀');
    expect(decodeEntities('no entities')).toBe('no entities');
  });

  it('allows leading zeros, refuses surrogates and out-of-range references', () => {
    expect(decodeEntities('&#0000065;&#x0000042;')).toBe('AB');
    expect(() => decodeEntities('&#xD800;')).toThrow(XmlError);
    expect(() => decodeEntities('&#x110000;')).toThrow(XmlError);
  });
});
