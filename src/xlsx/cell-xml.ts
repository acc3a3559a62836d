/**
 * One cell's XML, as the sheet patcher (sheet-part.ts) and a new workbook (new-workbook.ts) write
 * it. Apart from the sheet patcher, which reads sheets with the XML tokenizer: the page's own
 * script writes its 汇总.xlsx with these and ships no XML reader (saxes stays in its worker).
 */
import { escapeXstring } from "./xml-escape";

/** A cell holding a number (its exact decimal text); `prefix` is the one the sheet writes its elements with. */
export function numberCell(prefix: string, ref: string, format: number, value: string): string {
  return `<${prefix}c r="${ref}" s="${format}"><${prefix}v>${value}</${prefix}v></${prefix}c>`;
}

/** A cell holding text, inline (a literal `_xHHHH_` in it escaped as Excel does); `prefix` as for numberCell. */
export function textCell(prefix: string, ref: string, format: number, text: string): string {
  // Inline text is never read as a formula; spaces at either end are kept.
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<${prefix}c r="${ref}" s="${format}" t="inlineStr"><${prefix}is><${prefix}t${space}>${escapeXstring(text)}</${prefix}t></${prefix}is></${prefix}c>`;
}

/** A cell without a value, or with the text given back in its place; `prefix` as for numberCell. */
export function blankCell(prefix: string, ref: string, format: number, text?: string): string {
  return text === undefined ? `<${prefix}c r="${ref}" s="${format}"/>` : textCell(prefix, ref, format, text);
}
