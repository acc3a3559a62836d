/**
 * What jixiao keeps in a workbook between runs, shared by the add-in and the command line: the
 * findings the unit chose to ignore (with their reasons) and the cells jixiao marked (with what they
 * looked like before). Both hosts store it as the JSON text of one custom XML part,
 * `<jixiao xmlns="urn:jixiao:state:1">{json}</jixiao>`, so a record the add-in writes is honoured by
 * `jixiao score` on the saved file and the other way round. Each field belongs to the module that
 * defines its type; this module only reads and writes the envelope.
 */

export const STATE_NAMESPACE = "urn:jixiao:state:1";
export const STATE_ROOT = "jixiao";

/**
 * Whether an XML part's root element, by its local name and namespace (whatever its prefix), is the
 * record's. Both readers of the part ask this: src/xlsx/state-part.ts (saxes, the command line, the
 * page and the playground) and src/excel/state.ts (the browser's DOMParser, the task pane).
 */
export function isStateRoot(localName: string, namespace: string | null | undefined): boolean {
  return localName === STATE_ROOT && namespace === STATE_NAMESPACE;
}

export interface WorkbookState {
  /** Format version of the record. */
  v: 1;
  [field: string]: unknown;
}

export const EMPTY_STATE: WorkbookState = { v: 1 };

/** The record from the part's text content; an unreadable or foreign record counts as none. */
export function parseState(json: string | undefined): WorkbookState {
  if (!json) return { ...EMPTY_STATE };
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) && (parsed as WorkbookState).v === 1) {
      return parsed as WorkbookState;
    }
  } catch {
    // A damaged record is dropped rather than stopping the run: it holds no user data.
  }
  return { ...EMPTY_STATE };
}

/** Whether the record holds nothing but its version: a workbook needs no part for it. */
export function isEmptyState(state: WorkbookState): boolean {
  return Object.keys(state).every((field) => field === "v");
}

export function stateJson(state: WorkbookState): string {
  return JSON.stringify(state);
}
