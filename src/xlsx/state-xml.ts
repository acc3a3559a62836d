/**
 * The text of jixiao's custom XML part, `<jixiao xmlns="urn:jixiao:state:1">{json}</jixiao>`: read
 * here for the .xlsx copy (state-part.ts), written for both hosts (the add-in hands the text to
 * workbook.customXmlParts). No package code here, so the task pane can use statePartXml; it reads
 * the part with the browser's own parser instead (src/excel/state.ts), and the bundler leaves this
 * file's saxes reader (stateOfPart) out of the pane, which never calls it.
 */
import { SaxesParser } from "saxes";
import { STATE_NAMESPACE, STATE_ROOT, isStateRoot } from "../core/state";
import { escapeXml } from "./xml";

/** The record's JSON (the root's own text and CDATA) when `xml` is jixiao's part, else undefined. */
export function stateOfPart(xml: string): string | undefined {
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  let ours = false;
  let text = "";
  parser.on("opentag", (tag) => {
    if (depth === 0) ours = isStateRoot(tag.local, tag.uri);
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

/** The part's text: the JSON as character data, quotes as they are (a record of many marks runs to
 * megabytes, and Excel on the web takes at most 5 MB per request). */
export function statePartXml(json: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${STATE_ROOT} xmlns="${STATE_NAMESPACE}">${escapeXml(json)}</${STATE_ROOT}>`;
}

