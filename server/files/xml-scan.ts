// A small XML scanner for the two parts of an XLSX package read cell by cell (a sheet, the shared strings): a
// 50,000-row sheet is 8 MB of XML, and a general SAX parser (exceljs's saxes, an event object per tag and per text)
// spent more than half the read in it. This one walks the text with indexOf and hands each tag's name and text to
// the caller as it meets them, attributes read only when asked. It takes what OOXML parts are — elements,
// attributes, text, the predefined entities and character references, comments, processing instructions, CDATA —
// and throws on what they never hold (a DOCTYPE, an undefined entity) and on a close tag that does not match its
// open tag, as saxes did: a damaged part is refused, never half read.

export type XmlHandler = {
  /** An element opens; `attributes` is valid only during the call. A self-closing tag calls open then close. */
  open(name: string, attributes: Attributes): void;
  /** Text inside the root element, entities decoded and line ends normalised (CR LF and CR → LF). */
  text(value: string): void;
  close(name: string): void;
};

const LT = 60;
const GT = 62;
const SLASH = 47;
const QUESTION = 63;
const BANG = 33;
const EQUALS = 61;
const DQUOTE = 34;
const SQUOTE = 39;

const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

function fail(what: string, at: number): never {
  throw new Error(`XML: ${what} at ${at}`);
}

/** The attributes of the tag being opened: the text between its name and its end, read on demand. */
export class Attributes {
  xml = '';
  from = 0;
  to = 0;

  /** The attribute's value (entities decoded), or undefined. */
  get(name: string): string | undefined {
    const { xml, to } = this;
    let i = this.from;
    while (i < to) {
      while (i < to && isSpace(xml.charCodeAt(i))) i++;
      if (i >= to) break;
      const nameStart = i;
      while (i < to && xml.charCodeAt(i) !== EQUALS && !isSpace(xml.charCodeAt(i))) i++;
      const nameEnd = i;
      while (i < to && xml.charCodeAt(i) !== EQUALS) i++;
      i++;
      while (i < to && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== DQUOTE && quote !== SQUOTE) fail('attribute value without quotes', i);
      const valueEnd = xml.indexOf(quote === SQUOTE ? "'" : '"', i + 1);
      if (valueEnd === -1 || valueEnd >= to) fail('unterminated attribute value', i);
      if (nameEnd - nameStart === name.length && xml.startsWith(name, nameStart)) return decode(xml.slice(i + 1, valueEnd), i + 1);
      i = valueEnd + 1;
    }
    return undefined;
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Entities and character references decoded, line ends normalised: what an XML parser hands over as text. */
function decode(text: string, at: number): string {
  let out = text.indexOf('\r') === -1 ? text : text.replace(/\r\n?/g, '\n');
  if (out.indexOf('&') === -1) return out;
  out = out.replace(/&([^;&]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) fail('unterminated entity', at);
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (!Number.isInteger(code) || code < 0 || code > 0x10ffff || !/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(name)) fail('bad character reference', at);
      // A reference to a NUL or a lone surrogate (&#xD800;) is not XML, but refusing it here would refuse the whole
      // file: it is decoded as it is, and the cell check (shared/files/normalise.ts) refuses its row by name.
      return String.fromCodePoint(code);
    }
    const known = ENTITIES[name];
    if (known === undefined) fail(`undefined entity &${name};`, at);
    return known;
  });
  return out;
}

/** Walks a whole XML document, calling `handler` for every element and text. Throws on a malformed document. */
export function scanXml(xml: string, handler: XmlHandler): void {
  const stack: string[] = [];
  const attributes = new Attributes();
  attributes.xml = xml;
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const end = lt === -1 ? n : lt;
    if (end > i && stack.length) handler.text(decode(xml.slice(i, end), i));
    if (lt === -1) break;
    const next = xml.charCodeAt(lt + 1);
    if (next === SLASH) {
      const gt = xml.indexOf('>', lt);
      if (gt === -1) fail('unterminated close tag', lt);
      const name = xml.slice(lt + 2, gt).trimEnd();
      if (stack.pop() !== name) fail(`unexpected close tag </${name}>`, lt);
      handler.close(name);
      i = gt + 1;
    } else if (next === QUESTION) {
      const close = xml.indexOf('?>', lt + 2);
      if (close === -1) fail('unterminated processing instruction', lt);
      i = close + 2;
    } else if (next === BANG) {
      if (xml.startsWith('<!--', lt)) {
        const close = xml.indexOf('-->', lt + 4);
        if (close === -1) fail('unterminated comment', lt);
        i = close + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const close = xml.indexOf(']]>', lt + 9);
        if (close === -1) fail('unterminated CDATA section', lt);
        if (stack.length) handler.text(xml.slice(lt + 9, close));
        i = close + 3;
      } else fail('unexpected declaration (a DOCTYPE has no place in a spreadsheet part)', lt);
    } else {
      let j = lt + 1;
      for (let c = xml.charCodeAt(j); j < n && !isSpace(c) && c !== SLASH && c !== GT; c = xml.charCodeAt(++j));
      const name = xml.slice(lt + 1, j);
      if (!name) fail('tag without a name', lt);
      const from = j;
      // The tag's end: the first '>' outside a quoted attribute value.
      for (;;) {
        if (j >= n) fail('unterminated tag', lt);
        const c = xml.charCodeAt(j);
        if (c === GT) break;
        if (c === DQUOTE || c === SQUOTE) {
          const close = xml.indexOf(c === DQUOTE ? '"' : "'", j + 1);
          if (close === -1) fail('unterminated attribute value', j);
          j = close + 1;
        } else if (c === LT) fail('"<" inside a tag', j);
        else j++;
      }
      const selfClosing = xml.charCodeAt(j - 1) === SLASH;
      attributes.from = from;
      attributes.to = selfClosing ? j - 1 : j;
      handler.open(name, attributes);
      if (selfClosing) handler.close(name);
      else stack.push(name);
      i = j + 1;
    }
  }
  // A part cut short (a stored part has no checksum to catch it) ends inside an element: refused, not half read.
  if (stack.length) fail(`unclosed <${stack[stack.length - 1]}> at the end`, n);
}
