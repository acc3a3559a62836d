/**
 * The formulas real forms write for a 总分 or 合计 over cells jixiao fills, evaluated the way Excel
 * would once the blanks are filled: SUM of cells and ranges, and + − × ÷ of references and numbers
 * (SUM(H5:H20), H5+H6-H7, SUM(H5:H10,H12:H20)+H4, I7 = G7*H7). Anything else — another function,
 * another sheet, a text where a number is added — is left to Excel: the answer is undefined.
 *
 * A formula whose result the file does not hold (written by openpyxl or Apache POI) is worked out
 * from its own cells when it is read, strictly: a blank it names alone (not in a range) that
 * jixiao does not fill, or a cell it cannot work out, leaves it unknown — never a value made of
 * blanks. A SUM over a range still skips the range's blank rows, as Excel does.
 */
import Decimal from "decimal.js";
import { CellValue, SHEET_COLUMNS, SHEET_ROWS, cellKey, columnLetters, isCellError, parseCellAddress } from "./grid";
import { parseNumber, withoutBinaryNoise } from "./values";

/** The cells a formula reads, once jixiao's writes are in. */
export interface FormulaCells {
  /** The cell's value; undefined for a formula whose result the file does not hold. */
  value(row: number, col: number): CellValue | undefined;
  /** A formula's text, to work out one whose result is not held. */
  formulaText(row: number, col: number): string | undefined;
}

type Token = { kind: "number" | "ref" | "name"; text: string } | { kind: "punct"; text: string };

const CELL_REF = /^\$?[A-Z]{1,3}\$?\d+$/;

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
    } else if (/[A-Z$]/.test(c)) {
      let end = i;
      while (end < text.length && /[A-Z0-9$]/.test(text[end])) end++;
      const word = text.slice(i, end);
      tokens.push({ kind: CELL_REF.test(word) ? "ref" : "name", text: word });
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
}

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
    if (token.kind === "name" && token.text === "SUM") return this.sum();
    if (token.text === "(") {
      const value = this.expression();
      this.expect(")");
      return value;
    }
    throw new NotEvaluable();
  }

  /** SUM(arg, …): ranges and references count their numbers and skip text and blanks. */
  private sum(): Decimal {
    this.expect("(");
    let total = new Decimal(0);
    for (;;) {
      total = total.plus(this.sumArgument());
      if (this.peek(")")) break;
      this.expect(",");
    }
    this.expect(")");
    return total;
  }

  private sumArgument(): Decimal {
    const token = this.tokens[this.at];
    const next = this.tokens[this.at + 1];
    const alone = next === undefined || next.text === "," || next.text === ")";
    if (token?.kind === "ref" && alone) {
      this.at++;
      // A cell SUM names alone is one the formula needs: blank, it is unknown when worked out strictly.
      const value = this.operand(token.text);
      if (value === null && this.strict) throw new NotEvaluable();
      return value instanceof Decimal ? value : new Decimal(0);
    }
    if (token?.kind === "ref" && next?.text === ":") {
      this.at += 2;
      const end = this.tokens[this.at++];
      if (end?.kind !== "ref") throw new NotEvaluable();
      return this.rangeSum(token.text, end.text);
    }
    return this.expression();
  }

  private rangeSum(from: string, to: string): Decimal {
    const a = parseCellAddress(from);
    const b = parseCellAddress(to);
    if (!a || !b) throw new NotEvaluable();
    let total = new Decimal(0);
    for (let row = Math.min(a.row, b.row); row <= Math.max(a.row, b.row); row++) {
      for (let col = Math.min(a.col, b.col); col <= Math.max(a.col, b.col); col++) {
        const value = this.operandAt(row, col);
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
