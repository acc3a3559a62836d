/**
 * The formulas real forms write for a 总分 or 合计 over cells jixiao fills, evaluated the way Excel
 * would once the blanks are filled: SUM of cells and ranges, and + − × ÷ of references and numbers
 * (SUM(H5:H20), H5+H6-H7, SUM(H5:H10,H12:H20)+H4, I7 = G7*H7); ROUND, ROUNDUP and ROUNDDOWN of
 * them (ROUND(SUM(H12:H35),2), half away from zero as Excel rounds); SUBTOTAL(9 or 109, ranges), a
 * table's totals row, which skips the SUBTOTALs in its ranges; and a table's column
 * (SUM(指标表[得分]), its data rows) where the host knows the table. Anything else — another
 * function, another sheet, a text where a number is added — is left to Excel: the answer is
 * undefined, and `mayRead` tells whether the formula may read a given cell.
 *
 * A formula whose result the file does not hold (written by openpyxl or Apache POI) is worked out
 * from its own cells when it is read, strictly: a blank it names alone (not in a range) that
 * jixiao does not fill, or a cell it cannot work out, leaves it unknown — never a value made of
 * blanks. A SUM over a range still skips the range's blank rows, as Excel does.
 */
import Decimal from "decimal.js";
import { CellValue, MergeRange, SHEET_COLUMNS, SHEET_ROWS, cellKey, columnLetters, isCellError, parseCellAddress, parseRangeAddress, SheetTable } from "./grid";
import { parseNumber, withoutBinaryNoise } from "./values";

/** The cells a formula reads, once jixiao's writes are in. */
export interface FormulaCells {
  /** The cell's value; undefined for a formula whose result the file does not hold. */
  value(row: number, col: number): CellValue | undefined;
  /** A formula's text, to work out one whose result is not held (and tell a SUBTOTAL in a SUBTOTAL's range). */
  formulaText(row: number, col: number): string | undefined;
  /** The sheet's table (ListObject) of this name, upper-cased, when the host knows it. */
  table?(name: string): FormulaTable | undefined;
}

/** A table (ListObject) as a structured reference reads it. */
export type FormulaTable = Omit<SheetTable, "name">;

/** "table": a structured reference, 指标表[得分] (its text upper-cased, as every token's). */
type Token = { kind: "number" | "ref" | "name" | "table"; text: string } | { kind: "punct"; text: string };

const CELL_REF = /^\$?[A-Z]{1,3}\$?\d+$/;
/** A name's characters: a function's, or a table's (Chinese, _, \, . and digits after the first). */
const NAME_START = /[\p{L}_\\$]/u;
const NAME_PART = /[\p{L}\p{N}_.\\$]/u;

/** The end of a structured reference's brackets that open at `at`; -1 when they do not close. */
function bracketsEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === "'") i++; // escapes the next character: [, ], # or '
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return i + 1;
  }
  return -1;
}

function tokenize(formula: string): Token[] | undefined {
  const tokens: Token[] = [];
  const text = formula.trim().replace(/^=/, "").toUpperCase();
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === " ") {
      i++;
    } else if ("+-*/(),:".includes(c)) {
      tokens.push({ kind: "punct", text: c });
      i++;
    } else if (/[0-9.]/.test(c)) {
      let end = i;
      while (end < text.length && /[0-9.]/.test(text[end])) end++;
      tokens.push({ kind: "number", text: text.slice(i, end) });
      i = end;
    } else if (NAME_START.test(c)) {
      let end = i;
      while (end < text.length && NAME_PART.test(text[end])) end++;
      if (text[end] === "[") {
        end = bracketsEnd(text, end);
        if (end === -1) return undefined;
        tokens.push({ kind: "table", text: text.slice(i, end) });
      } else {
        const word = text.slice(i, end);
        tokens.push({ kind: CELL_REF.test(word) ? "ref" : "name", text: word });
      }
      i = end;
    } else {
      return undefined; // another sheet (!), a string, a comparison, an array…
    }
  }
  return tokens;
}

/**
 * A shared formula's text as the cell `rows` down and `cols` right of its master reads it (Excel
 * writes the text on the master alone: a 总分 filled right from its 分值's): its relative references
 * moved, its $ ones kept. Undefined for a formula this module does not read, or a reference moved
 * off the sheet.
 */
export function shiftedFormula(formula: string, rows: number, cols: number): string | undefined {
  const tokens = tokenize(formula);
  if (!tokens) return undefined;
  let text = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // A whole column or row (F:F, 2:2) is not moved here.
    if (token.text === ":" && (tokens[i - 1]?.kind !== "ref" || tokens[i + 1]?.kind !== "ref")) return undefined;
    // LOG10( reads as a reference: a function's name, which stays.
    if (token.kind !== "ref" || tokens[i + 1]?.text === "(") {
      text += token.text;
      continue;
    }
    const [, colFixed, letters, rowFixed] = /^(\$?)([A-Z]+)(\$?)/.exec(token.text)!;
    const at = parseCellAddress(token.text)!;
    const row = rowFixed ? at.row : at.row + rows;
    const col = colFixed ? at.col : at.col + cols;
    if (row < 0 || row >= SHEET_ROWS || col < 0 || col >= SHEET_COLUMNS) return undefined;
    text += `${colFixed}${colFixed ? letters : columnLetters(col)}${rowFixed}${row + 1}`;
  }
  return text;
}

/** Thrown inside the evaluation for anything it does not evaluate; caught at the top. */
class NotEvaluable extends Error {}

/**
 * How many formulas deep a result is worked out through others: forms go three or four deep (总分 ←
 * 得分 ← 执行率 ← 执行数); a running sum down 100,000 rows is left unknown rather than overflow the stack.
 */
const DEPTH_WORKED_OUT = 200;

/**
 * The cells of one evaluation, with the results not held that it works out on the way: each once,
 * and one that comes round to itself again (a circular reference) unknown.
 */
class CellsRead {
  private readonly workedOut = new Map<number, Decimal | undefined>();
  private readonly working = new Set<number>();

  constructor(private readonly cells: FormulaCells) {}

  /** The cell's value, or the result of its formula worked out when the file holds none. */
  read(row: number, col: number): CellValue | Decimal {
    const value = this.cells.value(row, col);
    if (value !== undefined) return value;
    const key = cellKey(row, col);
    if (!this.workedOut.has(key)) {
      const formula = this.cells.formulaText(row, col);
      if (formula === undefined || this.working.has(key) || this.working.size >= DEPTH_WORKED_OUT) throw new NotEvaluable();
      this.working.add(key);
      this.workedOut.set(key, evaluate(formula, this, true));
      this.working.delete(key);
    }
    const result = this.workedOut.get(key);
    if (result === undefined) throw new NotEvaluable();
    return result;
  }

  /** Whether the cell is a SUBTOTAL (or AGGREGATE), which a SUBTOTAL's range leaves out. */
  isSubtotal(row: number, col: number): boolean {
    return /\b(SUBTOTAL|AGGREGATE)\s*\(/i.test(this.cells.formulaText(row, col) ?? "");
  }

  table(name: string): FormulaTable | undefined {
    return this.cells.table?.(name);
  }
}

/**
 * The cells a structured reference names: a column's data rows (指标表[得分], 指标表[[#Data],[得分]]),
 * several columns' ([[分值]:[得分]]) or all ([] or [#Data]); undefined for what is not read here
 * (#All, #Headers, #Totals, #This Row) and for a column the table does not have.
 */
function structuredRange(text: string, table: FormulaTable): MergeRange | undefined {
  const inner = text.slice(text.indexOf("[") + 1, -1);
  const items: string[] = [];
  let joined = false;
  if (!inner.trimStart().startsWith("[")) items.push(inner);
  else {
    for (let i = 0; i < inner.length; ) {
      while (inner[i] === " ") i++;
      const end = bracketsEnd(inner, i);
      if (inner[i] !== "[" || end === -1) return undefined;
      items.push(inner.slice(i + 1, end - 1));
      for (i = end; inner[i] === " "; ) i++;
      if (inner[i] === ":") joined = true;
      else if (i < inner.length && inner[i] !== ",") return undefined;
      i++;
    }
  }
  const names = items.filter((item) => !item.startsWith("#")).map((item) => item.replace(/'(.)/g, "$1"));
  if (items.some((item) => item.startsWith("#") && item !== "#DATA") || names.length > 2 || (names.length === 2 && !joined)) return undefined;
  const ends = names.map((name) => table.columns.findIndex((column) => column.toUpperCase() === name));
  if (ends.includes(-1)) return undefined;
  const { ref } = table;
  const [from = 0, to = from + (names.length === 0 ? ref.right - ref.left : 0)] = ends;
  return { top: ref.top + table.headerRows, bottom: ref.bottom - table.totalsRows, left: ref.left + Math.min(from, to), right: ref.left + Math.max(from, to) };
}

/** Excel's roundings: ROUND halves away from zero, ROUNDUP away from zero, ROUNDDOWN toward it. */
const ROUNDINGS: Record<string, Decimal.Rounding> = { ROUND: Decimal.ROUND_HALF_UP, ROUNDUP: Decimal.ROUND_UP, ROUNDDOWN: Decimal.ROUND_DOWN };

/** What a cell gives a formula: a number, blank (null), or "other" (text or TRUE/FALSE). */
type Operand = Decimal | null | "other";

class Evaluator {
  private at = 0;

  /** `strict`: working out a result the file does not hold, where a blank named alone leaves it unknown. */
  constructor(
    private readonly tokens: Token[],
    private readonly cells: CellsRead,
    private readonly strict: boolean,
  ) {}

  run(): Decimal {
    const value = this.expression();
    if (this.at !== this.tokens.length) throw new NotEvaluable();
    return value;
  }

  private peek(text: string): boolean {
    return this.tokens[this.at]?.text === text && this.tokens[this.at].kind === "punct";
  }

  private expect(text: string): void {
    if (!this.peek(text)) throw new NotEvaluable();
    this.at++;
  }

  /** [+|−] product ((+|−) product)* */
  private expression(): Decimal {
    let sign = 1;
    if (this.peek("+") || this.peek("-")) sign = this.tokens[this.at++].text === "-" ? -1 : 1;
    let value = this.product().times(sign);
    while (this.peek("+") || this.peek("-")) {
      const minus = this.tokens[this.at++].text === "-";
      const term = this.product();
      value = minus ? value.minus(term) : value.plus(term);
    }
    return value;
  }

  /** term ((×|÷) term)*; a division by zero is Excel's #DIV/0!, left to Excel. */
  private product(): Decimal {
    let value = this.term();
    while (this.peek("*") || this.peek("/")) {
      const divide = this.tokens[this.at++].text === "/";
      const term = this.term();
      if (divide && term.isZero()) throw new NotEvaluable();
      value = divide ? value.dividedBy(term) : value.times(term);
    }
    return value;
  }

  private term(): Decimal {
    const token = this.tokens[this.at++];
    if (!token) throw new NotEvaluable();
    if (token.kind === "number") {
      const value = parseNumber(token.text);
      if (value === null) throw new NotEvaluable();
      return value;
    }
    if (token.kind === "ref") {
      if (this.peek(":")) throw new NotEvaluable(); // a range outside SUM
      return this.single(this.operand(token.text));
    }
    if (token.kind === "name" && this.peek("(")) {
      this.at++;
      const rounding = ROUNDINGS[token.text];
      if (token.text === "SUM") return this.sum(false);
      if (token.text === "SUBTOTAL") return this.subtotal();
      if (rounding !== undefined) return this.round(rounding);
    }
    if (token.text === "(") {
      const value = this.expression();
      this.expect(")");
      return value;
    }
    throw new NotEvaluable();
  }

  /** SUM(arg, …), after its "(": ranges and references count their numbers and skip text and blanks. */
  private sum(subtotal: boolean): Decimal {
    let total = new Decimal(0);
    for (;;) {
      const range = this.reference();
      if (range) total = total.plus(this.rangeSum(range, subtotal));
      else if (subtotal) throw new NotEvaluable(); // SUBTOTAL takes references alone
      else total = total.plus(this.expression());
      if (this.peek(")")) break;
      this.expect(",");
    }
    this.expect(")");
    return total;
  }

  /**
   * SUBTOTAL(9 or 109, references…): their sum, less the SUBTOTALs in them (a table's totals row
   * is one). 109 leaves hidden rows out, which the grid does not tell: they are counted.
   */
  private subtotal(): Decimal {
    const kind = this.tokens[this.at++];
    if (kind?.kind !== "number" || (kind.text !== "9" && kind.text !== "109")) throw new NotEvaluable();
    this.expect(",");
    return this.sum(true);
  }

  /** ROUND, ROUNDUP, ROUNDDOWN(x, digits): x as Excel shows it (15 digits), rounded; digits truncated, as Excel takes them. */
  private round(mode: Decimal.Rounding): Decimal {
    const value = withoutBinaryNoise(this.expression());
    this.expect(",");
    const digits = this.expression().trunc().toNumber();
    this.expect(")");
    if (Math.abs(digits) > 30) throw new NotEvaluable();
    const scale = new Decimal(10).pow(-digits);
    return value.dividedBy(scale).toDecimalPlaces(0, mode).times(scale);
  }

  /**
   * A reference argument here, taken: a cell named alone (its range flagged `alone`), a range or a
   * table's column; undefined for an expression.
   */
  private reference(): (MergeRange & { alone?: true }) | undefined {
    const token = this.tokens[this.at];
    const next = this.tokens[this.at + 1]?.text;
    const ends = next === undefined || next === "," || next === ")";
    let range: MergeRange | undefined;
    if (token?.kind === "ref" && ends) {
      this.at++;
      return { ...this.range(parseRangeAddress(token.text)), alone: true };
    }
    if (token?.kind === "ref" && next === ":") {
      const end = this.tokens[this.at + 2];
      if (end?.kind !== "ref") throw new NotEvaluable();
      this.at += 3;
      range = parseRangeAddress(`${token.text}:${end.text}`);
    } else if (token?.kind === "table" && ends) {
      this.at++;
      const table = this.cells.table(token.text.slice(0, token.text.indexOf("[")));
      range = table && structuredRange(token.text, table);
    } else return undefined;
    return this.range(range);
  }

  private range(range: MergeRange | undefined): MergeRange {
    if (!range) throw new NotEvaluable();
    return range;
  }

  /** The numbers of a range, skipping text and blanks, and SUBTOTALs for a SUBTOTAL. */
  private rangeSum(range: MergeRange & { alone?: true }, subtotal: boolean): Decimal {
    let total = new Decimal(0);
    for (let row = range.top; row <= range.bottom; row++) {
      for (let col = range.left; col <= range.right; col++) {
        if (subtotal && this.cells.isSubtotal(row, col)) continue;
        const value = this.operandAt(row, col);
        // A cell SUM names alone is one the formula needs: blank, it is unknown when worked out strictly.
        if (value === null && range.alone && this.strict) throw new NotEvaluable();
        if (value instanceof Decimal) total = total.plus(value);
      }
    }
    return total;
  }

  private operand(ref: string): Operand {
    const at = parseCellAddress(ref);
    if (!at) throw new NotEvaluable();
    return this.operandAt(at.row, at.col);
  }

  /** An error value is left to Excel. */
  private operandAt(row: number, col: number): Operand {
    const value = this.cells.read(row, col);
    if (value instanceof Decimal) return value;
    if (isCellError(value)) throw new NotEvaluable();
    if (value === null || value === "") return null;
    if (typeof value === "number") {
      if (!Number.isFinite(value)) throw new NotEvaluable();
      return new Decimal(String(value));
    }
    return "other";
  }

  /**
   * A cell named alone in + − × ÷: a number is itself; blank is 0, as Excel counts it, unless the
   * result is worked out strictly; text is left to Excel.
   */
  private single(value: Operand): Decimal {
    if (value instanceof Decimal) return value;
    if (value === null && !this.strict) return new Decimal(0);
    throw new NotEvaluable();
  }
}

function evaluate(formula: string, cells: CellsRead, strict: boolean): Decimal | undefined {
  const tokens = tokenize(formula);
  if (!tokens || tokens.length === 0) return undefined;
  try {
    return new Evaluator(tokens, cells, strict).run();
  } catch (error) {
    if (error instanceof NotEvaluable) return undefined;
    throw error;
  }
}

/**
 * The formula's value once the cells it reads hold what `cells` gives, or undefined: as Excel shows
 * it, to 15 significant digits (cached 9.575 + 85.49999999999999 is the 95.075 Excel shows, not
 * 95.074999999999999). `resultUnknown`: the file holds no result for this formula itself, so it is
 * worked out strictly (see the top of this file); with a result held, the blanks it reads count 0.
 */
export function evaluateFormula(formula: string, cells: FormulaCells, resultUnknown: boolean): Decimal | undefined {
  const value = evaluate(formula, new CellsRead(cells), resultUnknown);
  return value === undefined ? undefined : withoutBinaryNoise(value);
}

/**
 * Whether a formula jixiao cannot work out may read one of the cells (by cellKey, on its own
 * sheet): a reference or range of its text, a whole column (H:H) or a table of the sheet covering
 * one. Its strings and other sheets' references read none; a defined name is not followed.
 */
export function mayRead(formula: string, cells: Iterable<number>, table?: FormulaCells["table"]): boolean {
  const text = formula
    .toUpperCase()
    .replace(/"(?:[^"]|"")*"/g, "")
    .replace(/(?:'(?:[^']|'')*'|[\p{L}\p{N}_.\\[\]]+)!\$?[A-Z]*\$?\d*(?::\$?[A-Z]*\$?\d*)?/gu, "");
  const ranges: MergeRange[] = [];
  for (const [, name] of text.matchAll(/([\p{L}_\\][\p{L}\p{N}_.\\]*)\[/gu)) {
    const found = table?.(name);
    if (found) ranges.push(found.ref);
  }
  const edge = (range: string) => new RegExp(`(?<![\\p{L}\\p{N}_.$\\[])${range}(?![\\p{L}\\p{N}_(\\]])`, "gu");
  for (const [address] of text.matchAll(edge("\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?"))) {
    const range = parseRangeAddress(address);
    if (range) ranges.push(range);
  }
  for (const [, from, to] of text.matchAll(edge("\\$?([A-Z]{1,3}):\\$?([A-Z]{1,3})"))) {
    const range = parseRangeAddress(`${from}1:${to}${SHEET_ROWS}`);
    if (range) ranges.push(range);
  }
  for (const key of cells) {
    const row = Math.floor(key / SHEET_COLUMNS);
    const col = key % SHEET_COLUMNS;
    if (ranges.some((r) => r.top <= row && row <= r.bottom && r.left <= col && col <= r.right)) return true;
  }
  return false;
}
