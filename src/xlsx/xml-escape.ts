/**
 * Text escaped for XML, apart from the tokenizer (xml.ts, which re-exports it): the task pane
 * writes its record part's text with it (src/xlsx/state-xml.ts) and ships no XML reader.
 */
import { NOT_XML, withoutNonXml } from "../core/sheet-text";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

/** What character data may not hold as it is (quotes it may); an attribute value, not quotes or blanks either. */
const TEXT_NEEDS_ESCAPE = new RegExp(`[&<>${NOT_XML}]`);
const NEEDS_ESCAPE = new RegExp(`[&<>"\\t\\n\\r${NOT_XML}]`);

/**
 * Text as XML character data. Quotes stay as they are: only attribute values need them escaped,
 * and jixiao's record, JSON text of megabytes, is mostly quotes.
 */
export function escapeXml(text: string): string {
  // Most texts (a cell's label, a note's lines, the record) need nothing: one test instead of two replaces.
  if (!TEXT_NEEDS_ESCAPE.test(text)) return text;
  return withoutNonXml(text).replace(/[&<>]/g, (c) => ENTITIES[c]);
}

/** An attribute value: tabs and line breaks as character references, so reading it back keeps them. */
export function escapeAttribute(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return withoutNonXml(text).replace(/[&<>"\t\n\r]/g, (c) => ENTITIES[c]);
}
