/**
 * XML through a real tokenizer (saxes): where each element starts and ends in a part's text, with
 * its attributes decoded, so the writer can replace exactly one element or one start tag and keep
 * every other byte. CDATA, comments, processing instructions and either quote style are the
 * tokenizer's business; a part that is not well-formed XML throws `XmlError`.
 *
 * Names are compared by their local part: `x:row` (OpenXML SDK) and Strict Open XML's namespace
 * read like `row`. Inside SpreadsheetML parts no other vocabulary uses these names where they are
 * looked for.
 */
import { SaxesOptions, SaxesParser, SaxesTagPlain } from "saxes";
import { escapeAttribute } from "./xml-escape";

// Escaping lives apart, without the tokenizer: the task pane escapes its record part's text and
// ships no XML reader (src/xlsx/state-xml.ts).
export { escapeAttribute, escapeXml, escapeXstring, unescapeXstring } from "./xml-escape";

/**
 * A part that is not well-formed XML: the tokenizer's words (English) in `message`; `doctype` when
 * it failed on an entity a DOCTYPE defines, which no .xlsx part may have (Excel reads none).
 */
export class XmlError extends Error {
  constructor(
    message: string,
    readonly doctype = false,
  ) {
    super(message);
  }
}

/** Makes a tokenizer's errors XmlError, telling those of a DOCTYPE's entities from other damage (review round 56b, L1). */
export function throwXmlErrors<O extends SaxesOptions>(parser: SaxesParser<O>): void {
  let doctype = false;
  parser.on("doctype", () => (doctype = true));
  parser.on("error", (error) => {
    throw new XmlError(error.message, doctype && /entity/i.test(error.message));
  });
}

export interface XmlElement {
  /** The name as written, "x:row". */
  name: string;
  /** The name without its prefix, "row". */
  local: string;
  /** The prefix with its colon, "x:", or "". */
  prefix: string;
  /** The attributes by their written names, values decoded. */
  attributes: Record<string, string>;
  /** Index of the "<" of its start tag. */
  start: number;
  /** Index just after the start tag's ">". */
  openEnd: number;
  /** Index of its end tag (openEnd when self-closing): the content is [openEnd, contentEnd). */
  contentEnd: number;
  /** Index just after the whole element. */
  end: number;
  selfClosing: boolean;
  /** 0 for the root element. */
  depth: number;
}

export interface XmlVisitor {
  /**
   * Whether to follow an element (by local name, at its start tag); the others cost no object.
   * All are followed when absent.
   */
  select?(local: string): boolean;
  /** At the start tag; contentEnd and end are not known yet. */
  open?(element: XmlElement): void;
  /** At the end tag (or right after a self-closing start tag). */
  close?(element: XmlElement): void;
  /** Character data, CDATA sections included, decoded. */
  text?(text: string): void;
}

/** "x:row" → "row". */
export function localOf(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

/** "x:row" → "x:", "row" → "". */
export function prefixOf(name: string): string {
  return name.slice(0, name.indexOf(":") + 1);
}

/**
 * One pass of the tokenizer over a part. Positions come from the tokenizer's own: it reports a
 * start tag after its ">", and the "<" that opened it is the last one before (XML allows no
 * unescaped "<" inside a tag); the same holds for end tags.
 */
/** Parsers done with, for the next scan: making one costs twenty times a small part's scan. */
const idleParsers: SaxesParser<{ xmlns: false; position: true }>[] = [];

export function scanXml(xml: string, visitor: XmlVisitor): void {
  // Scans nest (a visitor may scan a part of its own), so each takes a parser of its own.
  const parser = idleParsers.pop() ?? new SaxesParser({ xmlns: false, position: true } as const);
  const stack: (XmlElement | null)[] = [];
  parser.on("opentag", (node: SaxesTagPlain) => {
    const colon = node.name.indexOf(":");
    const local = colon === -1 ? node.name : node.name.slice(colon + 1);
    if (visitor.select && !visitor.select(local)) {
      stack.push(null);
      return;
    }
    const openEnd = parser.position;
    const element: XmlElement = {
      name: node.name,
      local,
      prefix: colon === -1 ? "" : node.name.slice(0, colon + 1),
      attributes: node.attributes,
      start: xml.lastIndexOf("<", openEnd - 1),
      openEnd,
      contentEnd: openEnd,
      end: openEnd,
      selfClosing: node.isSelfClosing,
      depth: stack.length,
    };
    stack.push(element);
    visitor.open?.(element);
  });
  parser.on("closetag", () => {
    const element = stack.pop();
    if (!element) return;
    if (!element.selfClosing) {
      element.end = parser.position;
      element.contentEnd = xml.lastIndexOf("<", element.end - 1);
    }
    visitor.close?.(element);
  });
  if (visitor.text) {
    parser.on("text", visitor.text);
    parser.on("cdata", visitor.text);
  } else {
    parser.off("text");
    parser.off("cdata");
  }
  throwXmlErrors(parser);
  parser.write(xml).close();
  // Only a parser that finished cleanly is reset and fit to take again (a failed one is dropped).
  idleParsers.push(parser);
}

/** A part's XML declaration: its fields, and where it ends in the text. */
export interface XmlDeclaration {
  version?: string;
  encoding?: string;
  standalone?: string;
  end: number;
}

/**
 * The XML declaration at the start of `head` (a part's first characters, enough to hold one),
 * read by the tokenizer; undefined when there is none. What follows it may be cut anywhere.
 */
export function xmlDeclaration(head: string): XmlDeclaration | undefined {
  // A declaration can only open the text; most parts have one, and the others need no parser made.
  if (!head.startsWith("<?xml")) return undefined;
  const parser = new SaxesParser({ position: true });
  let declaration: XmlDeclaration | undefined;
  parser.on("xmldecl", (fields) => {
    declaration = { ...fields, end: parser.position };
  });
  parser.on("error", () => {
    // Whatever is wrong after the declaration is the whole part's scan to report.
  });
  parser.write(head);
  return declaration;
}

/** The elements of one local name, in document order (by start). */
export function elements(xml: string, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  scanXml(xml, { open: (element) => element.local === local && found.push(element) });
  return found;
}

export function firstElement(xml: string, local: string): XmlElement | undefined {
  return elements(xml, local)[0];
}

/** The root element (its prefix is the one new elements of the part are written with). */
export function rootElement(xml: string): XmlElement {
  let root: XmlElement | undefined;
  scanXml(xml, { open: (element) => (root ??= element) });
  if (!root) throw new XmlError("no root element");
  return root;
}

/** Whether an attribute of type xsd:boolean is true: "1" or "true" (absent is false). */
export function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/** An attribute by its local name, whatever its prefix ("r:id", "id"): the first one found. */
export function attributeByLocal(element: XmlElement, local: string): string | undefined {
  for (const name in element.attributes) if (localOf(name) === local) return element.attributes[name];
  return undefined;
}

/**
 * The element's start tag written anew from its name and attributes, with some attributes set
 * (replaced in place, or added at the end) or removed (undefined). `selfClosing` says how to end it.
 */
export function startTag(element: Pick<XmlElement, "name" | "attributes">, changes: Record<string, string | undefined> = {}, selfClosing = false): string {
  const attributes: Record<string, string | undefined> = { ...element.attributes, ...changes };
  let tag = `<${element.name}`;
  for (const name in attributes) {
    const value = attributes[name];
    if (value !== undefined) tag += ` ${name}="${escapeAttribute(value)}"`;
  }
  return tag + (selfClosing ? "/>" : ">");
}
