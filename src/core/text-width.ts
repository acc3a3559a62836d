/**
 * How many lines a wrapped text takes in a cell, for the sheets jixiao writes (综合得分, 汇总.xlsx).
 * A leaf module: the page's own script (汇总.xlsx's writer) takes it without the engine.
 */

/** Columns a text takes in a cell: a Chinese character is two, a Latin one one. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 0x2e7f) width += 1;
    else {
      width += 2;
      if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) i++; // a pair is one character
    }
  }
  return width;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Lines a wrapped text takes in a cell `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  // Most cells (a sheet's name, an address, a rule) fit one line however wide their characters are.
  const oneLine = !text.includes("\n");
  if (oneLine && text.length * 2 <= usable) return 1;
  if (oneLine) return Math.max(1, Math.ceil(displayWidth(text) / usable));
  return text.split("\n").reduce((lines, line) => lines + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}
