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

/** A literal `_xHHHH_` (hex digits of either case, as Excel reads them): its underscore is escaped. */
const LITERAL_ESCAPE = /_(?=x[0-9A-Fa-f]{4}_)/g;
/** An escape Excel writes in such text: `_x000D_` is a carriage return, `_x005F_` an underscore. */
const EXCEL_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Text of the kind Excel writes with its own escapes (ECMA-376's ST_Xstring: a cell's string, a
 * note's text, a chart's cached labels, a page header) as XML character data: escaped as
 * escapeXml does, and a literal `_xHHHH_` kept by writing its underscore as `_x005F_`, as Excel
 * does, so that every reader (unescapeXstring, Excel, ExcelJS) reads back the text given. The
 * characters XML cannot hold are dropped first, so none dropped can make an escape of its neighbours.
 */
export function escapeXstring(text: string): string {
  const xml = escapeXml(text);
  return xml.includes("_x") ? xml.replace(LITERAL_ESCAPE, "_x005F_") : xml;
}

/**
 * Such text as read: Excel's escapes decoded, left to right, one after another (`_x005F_x0041_` is
 * the literal `_x0041_`: the second escape's opening underscore is the first one's closing).
 */
export function unescapeXstring(text: string): string {
  return text.includes("_x") ? text.replace(EXCEL_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
