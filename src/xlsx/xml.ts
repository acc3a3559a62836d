/**
 * Just enough XML to edit the parts of an .xlsx package in place: find elements by name, read and
 * set attributes, escape text. The parts are machine-written SpreadsheetML, so elements of one name
 * never nest inside each other (a <row> holds no <row>), and "<" never appears unescaped in text.
 */

export interface XmlElement {
  /** Index of "<" of the start tag. */
  start: number;
  /** Index just after the start tag's ">". */
  openEnd: number;
  /** Index of its end tag (openEnd when self-closing): the content is [openEnd, contentEnd). */
  contentEnd: number;
  /** Index just after the whole element (its end tag, or the start tag when self-closing). */
  end: number;
  /** The start tag, "<row r=\"3\">". */
  tag: string;
  selfClosing: boolean;
}

/** "x:" when a part writes its elements with a namespace prefix (OpenXML SDK output), else "". */
export function prefixOf(xml: string, rootName: string): string {
  const match = new RegExp(`<([A-Za-z_][\\w.-]*:)?${rootName}[\\s>]`).exec(xml);
  return match?.[1] ?? "";
}

/** The index of the ">" that ends the tag, skipping quoted attribute values (`formatCode="[>=100]0"`). */
function endOfTag(xml: string, from: number): number {
  for (let i = from; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 0x3e) return i;
    if (c === 0x22 || c === 0x27) {
      i = xml.indexOf(c === 0x22 ? '"' : "'", i + 1);
      if (i === -1) return -1;
    }
  }
  return -1;
}

/**
 * The elements named `name` between `from` and `to`, in document order. `name` includes the
 * prefix; "c" does not match "col" or "cfRule".
 */
export function* elements(xml: string, name: string, from = 0, to = xml.length): Generator<XmlElement> {
  const open = `<${name}`;
  const close = `</${name}>`;
  let at = xml.indexOf(open, from);
  while (at !== -1 && at < to) {
    const next = xml.charCodeAt(at + open.length);
    // Followed by whitespace, ">" or "/": the name itself, not a longer one.
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x0a || next === 0x0d || next === 0x09) {
      const tagEnd = endOfTag(xml, at + open.length);
      if (tagEnd === -1) return;
      const selfClosing = xml.charCodeAt(tagEnd - 1) === 0x2f;
      const closeAt = selfClosing ? -1 : xml.indexOf(close, tagEnd);
      const contentEnd = selfClosing ? tagEnd + 1 : closeAt === -1 ? xml.length : closeAt;
      const end = selfClosing || closeAt === -1 ? contentEnd : closeAt + close.length;
      yield { start: at, openEnd: tagEnd + 1, contentEnd, end, tag: xml.slice(at, tagEnd + 1), selfClosing };
      at = xml.indexOf(open, end);
    } else {
      at = xml.indexOf(open, at + open.length);
    }
  }
}

export function firstElement(xml: string, name: string): XmlElement | undefined {
  return elements(xml, name).next().value ?? undefined;
}

/** A start tag as the opening of an element with content: `<row r="3"/>` → `<row r="3">`. */
export function openingTag(tag: string): string {
  return tag.replace(/\s*\/>$/, ">");
}

/** One pattern per attribute name: a sheet asks for r and s on every cell. */
const attributePatterns = new Map<string, RegExp>();

function attributePattern(name: string): RegExp {
  let pattern = attributePatterns.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\s${name.replace(/[.:]/g, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, pattern);
  }
  return pattern;
}

/** An attribute's value, unescaped; undefined when the tag does not have it. */
export function attribute(tag: string, name: string): string | undefined {
  const match = attributePattern(name).exec(tag);
  if (!match) return undefined;
  return unescapeXml(match[1] ?? match[2]);
}

/** The tag with the attribute set (replaced, or added at the end). */
export function withAttribute(tag: string, name: string, value: string): string {
  const text = ` ${name}="${escapeXml(value)}"`;
  const pattern = attributePattern(name);
  if (pattern.test(tag)) return tag.replace(pattern, text);
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)}${text}${tag.slice(close)}`;
}

export function withoutAttribute(tag: string, name: string): string {
  return tag.replace(attributePattern(name), "");
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text or an attribute value as XML; characters XML 1.0 cannot hold (most control characters) are dropped. */
export function escapeXml(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "").replace(/[&<>"]/g, (c) => ENTITIES[c]);
}

export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity[0] === "#") return String.fromCodePoint(entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[entity as "amp"];
  });
}
