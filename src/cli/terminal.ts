/**
 * What reaches a terminal: text from a workbook or a file name (an indicator named
 * `_x001B_[2J…`, a file name holding ESC) must not clear the screen, move the cursor or fake a
 * line. The JSON report keeps the text exact; only what is printed is cleaned.
 */

/** An escape sequence: CSI (`ESC [ … final`), OSC (`ESC ] … BEL` or `ESC \`), or ESC and one character. */
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[\s\S])?/g;
/** Line breaks and tabs would start a fake line or shift columns: they become a space. */
const SPACING = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
/** The rest of C0 and C1, DEL, and the bidirectional overrides that show a name reversed. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One line as it may be printed: escape sequences dropped, other control characters too. */
export function terminalText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(SPACING, " ").replace(CONTROL, "");
}

/** Where the command prints: one line per call. */
export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** The same output with every line cleaned for a terminal. */
export function terminalOutput(out: Output): Output {
  return { log: (line) => out.log(terminalText(line)), error: (line) => out.error(terminalText(line)) };
}
