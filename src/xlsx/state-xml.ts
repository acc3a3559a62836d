/**
 * The text of jixiao's custom XML part, `<jixiao xmlns="urn:jixiao:state:1">{json}</jixiao>`, as
 * both hosts write it (the add-in hands the text to workbook.customXmlParts). No package code and
 * no XML reader here, so the task pane can use it: the pane reads the part with the browser's own
 * parser (src/excel/state.ts), the .xlsx reader with saxes (state-part.ts stateOfPart). A module
 * apart, not an export left unused: the pane shares its webpack runtime with the playground, which
 * reads .xlsx files, and an export either of them uses is kept in the module both load.
 */
import { STATE_NAMESPACE, STATE_ROOT } from "../core/state";
import { escapeXml } from "./xml-escape";

/** The part's text: the JSON as character data, quotes as they are (a record of many marks runs to
 * megabytes, and Excel on the web takes at most 5 MB per request). */
export function statePartXml(json: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${STATE_ROOT} xmlns="${STATE_NAMESPACE}">${escapeXml(json)}</${STATE_ROOT}>`;
}

