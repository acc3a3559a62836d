/**
 * jixiao's record in the open workbook (src/core/state.ts): one custom XML part
 * `<jixiao xmlns="urn:jixiao:state:1">{json}</jixiao>` (workbook.customXmlParts, ExcelApi 1.5), the
 * same part the .xlsx reader finds in a saved file (src/xlsx/state-xml.ts writes the part's text for
 * both hosts), so the command line honours what the add-in stored. This module reads and writes the
 * whole record; each field belongs to its own module (ignores: core/ignores.ts, marks: core/marks.ts).
 */
import { STATE_NAMESPACE, WorkbookState, isStateRoot, parseState, stateJson } from "../core/state";
import { statePartXml } from "../xlsx/state-xml";
import { WriteOp, writeOp } from "./batch";

/**
 * The record's JSON (the root's own text and CDATA) when `xml` is jixiao's part, else undefined: what
 * the .xlsx reader's stateOfPart (src/xlsx/state-part.ts) gives, read with the web view's own XML
 * parser so that the task pane ships none.
 */
export function stateOfPartDom(xml: string): string | undefined {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  // A part that is not well-formed XML still gives a document, with a parsererror element in it (as
  // its root in Firefox and jsdom, inside the root in Chromium and Safari): a damaged part counts as
  // no record (src/core/state.ts).
  if (doc.getElementsByTagName("parsererror").length > 0) return undefined;
  const root = doc.documentElement;
  if (!isStateRoot(root.localName, root.namespaceURI)) return undefined;
  let text = "";
  root.childNodes.forEach((node) => {
    if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) text += (node as CharacterData).data;
  });
  return text;
}

/** Queues loading the record's parts (their ids); they can be read after the caller's next sync. */
export function queueRecordParts(context: Excel.RequestContext): Excel.CustomXmlPartScopedCollection {
  const parts = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
  parts.load("items/id");
  return parts;
}

/** The JSON text of a record part found by queueRecordParts (one sync), undefined without a part. */
export async function readRecordText(context: Excel.RequestContext, part: Excel.CustomXmlPart | undefined): Promise<string | undefined> {
  if (!part) return undefined;
  // A ClientResult is filled by the sync itself; there is nothing to load.
  const xml = part.getXml();
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read
  return stateOfPartDom(xml.value);
}

/** jixiao's record written to its part (replacing the part's XML), or to a new part; null deletes it. */
export function recordOp(context: Excel.RequestContext, partId: string | null, json: string | null): WriteOp {
  return writeOp(2, json, () => {
    const parts = context.workbook.customXmlParts;
    if (json === null) {
      if (partId) parts.getItem(partId).delete();
    } else if (partId) parts.getItem(partId).setXml(statePartXml(json));
    else parts.add(statePartXml(json));
  });
}

/**
 * Reads the record, changes it and writes it back, leaving the fields `change` does not touch as
 * they are (one part; a duplicate left by an older copy of the file is removed). Two syncs to read
 * (one when there is no record yet), one to write.
 */
export async function updateWorkbookRecord(
  context: Excel.RequestContext,
  change: (state: WorkbookState) => WorkbookState,
): Promise<WorkbookState> {
  const parts = queueRecordParts(context);
  await context.sync();
  const [first, ...extra] = parts.items;
  const next = change(parseState(await readRecordText(context, first)));
  const xml = statePartXml(stateJson(next));
  if (first) first.setXml(xml);
  else context.workbook.customXmlParts.add(xml);
  for (const part of extra) part.delete();
  await context.sync();
  return next;
}
