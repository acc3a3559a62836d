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

/**
 * Queues the look-up of the record's parts; the caller's next sync carries it. The returned
 * function reads the record once that sync is done (one more sync only when there is a record), so
 * a recalculation finds its record in the syncs that read the sheets.
 */
export function queueStateText(context: Excel.RequestContext): () => Promise<string | undefined> {
  const parts = queueStateParts(context);
  return async () => {
    const [part] = parts();
    if (!part) return undefined;
    // A ClientResult is filled by the sync itself; there is nothing to load.
    const xml = part.getXml();
    await context.sync();
    // eslint-disable-next-line office-addins/load-object-before-read
    return stateTextOf(xml.value);
  };
}

/** Queues loading the record's parts; the returned function gives them after the next sync. */
function queueStateParts(context: Excel.RequestContext): () => Excel.CustomXmlPart[] {
  const parts = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE);
  parts.load("items/id");
  // Read only after the caller's sync; the lint rules cannot see that across the returned function.
  // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
  return () => parts.items;
}

/** The record's JSON text, or undefined when the workbook has none. */
export async function readStateText(context: Excel.RequestContext): Promise<string | undefined> {
  const read = queueStateText(context);
  await context.sync();
  return read();
}

export async function readWorkbookRecord(context: Excel.RequestContext): Promise<WorkbookState> {
  return parseState(await readStateText(context));
}

/** Replaces the record (one part; any duplicate left by an older copy of the file is removed). */
export async function writeWorkbookRecord(context: Excel.RequestContext, state: WorkbookState): Promise<void> {
  const parts = queueStateParts(context);
  await context.sync();
  const [first, ...extra] = parts();
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
