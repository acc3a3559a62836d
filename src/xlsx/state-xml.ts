/**
 * The text of jixiao's custom XML part, `<jixiao xmlns="urn:jixiao:state:1">{json}</jixiao>`, for
 * both hosts: the .xlsx copy (state-part.ts) and the add-in (workbook.customXmlParts, which hands
 * over the part's XML as text). No package code here, so the task pane can use it.
 */
import { SaxesParser } from "saxes";
import { STATE_NAMESPACE, STATE_ROOT } from "../core/state";
import { escapeXml } from "./xml";

/** The record's JSON when `xml` is jixiao's part, else undefined. */
export function stateOfPart(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  let ours = false;
  let text = "";
  parser.on("opentag", (tag) => {
    if (depth === 0) ours = tag.local === STATE_ROOT && tag.uri === STATE_NAMESPACE;
    if (!tag.isSelfClosing) depth++;
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) depth--;
  });
  const onText = (t: string) => {
    if (ours && depth === 1) text += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  try {
    parser.write(xml).close();
  } catch {
    return undefined; // a damaged part counts as no record (src/core/state.ts)
  }
  return ours ? text : undefined;
}

/** The part's text. Quotes need no escaping in element text: JSON keeps its size (a record of many
 * marks runs to megabytes, and Excel on the web takes at most 5 MB per request). */
export function statePartXml(json: string): string {
  const text = escapeXml(json).replace(/&quot;/g, '"');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${STATE_ROOT} xmlns="${STATE_NAMESPACE}">${text}</${STATE_ROOT}>`;
}

