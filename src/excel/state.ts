/* global DOMParser */
/**
 * jixiao's record in the open workbook (src/core/state.ts): one custom XML part
 * `<jixiao xmlns="urn:jixiao:state:1">{json}</jixiao>` (workbook.customXmlParts, ExcelApi 1.5), the
 * same part the .xlsx reader finds in a saved file, so the command line honours what the add-in
 * stored. This module reads and writes the whole record; each field belongs to its own module
 * (ignores: core/ignores.ts). Two syncs to read, two to write.
 */
import { STATE_NAMESPACE, STATE_ROOT, WorkbookState, parseState, stateJson } from "../core/state";
import { escapeXml } from "../xlsx/xml";

/** The part's XML for a record. */
export function stateXml(state: WorkbookState): string {
  return `<${STATE_ROOT} xmlns="${STATE_NAMESPACE}">${escapeXml(stateJson(state))}</${STATE_ROOT}>`;
}

/** The JSON text a part holds, or undefined when the XML is not a jixiao record. */
export function stateTextOf(xml: string): string | undefined {
  const root = new DOMParser().parseFromString(xml, "application/xml").documentElement;
  if (!root || root.localName !== STATE_ROOT || root.namespaceURI !== STATE_NAMESPACE) return undefined;
  return root.textContent ?? undefined;
}

async function stateParts(context: Excel.RequestContext): Promise<Excel.CustomXmlPart[]> {
  const parts = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
  parts.load("items/id");
  await context.sync();
  // Loaded just above through "items/id"; the lint rule does not follow a path load on a method's result.
  // eslint-disable-next-line office-addins/load-object-before-read
  return parts.items;
}

/** The record's JSON text, or undefined when the workbook has none. */
export async function readStateText(context: Excel.RequestContext): Promise<string | undefined> {
  const [part] = await stateParts(context);
  if (!part) return undefined;
  // A ClientResult is filled by the sync itself; there is nothing to load.
  const xml = part.getXml();
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read
  return stateTextOf(xml.value);
}

export async function readWorkbookRecord(context: Excel.RequestContext): Promise<WorkbookState> {
  return parseState(await readStateText(context));
}

/** Replaces the record (one part; any duplicate left by an older copy of the file is removed). */
export async function writeWorkbookRecord(context: Excel.RequestContext, state: WorkbookState): Promise<void> {
  const [first, ...extra] = await stateParts(context);
  const xml = stateXml(state);
  if (first) first.setXml(xml);
  else context.workbook.customXmlParts.add(xml);
  for (const part of extra) part.delete();
  await context.sync();
}

/** Reads the record, changes it and writes it back. */
export async function updateWorkbookRecord(
  context: Excel.RequestContext,
  change: (state: WorkbookState) => WorkbookState,
): Promise<WorkbookState> {
  const next = change(await readWorkbookRecord(context));
  await writeWorkbookRecord(context, next);
  return next;
}
