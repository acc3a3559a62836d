/**
 * The formulas real forms write for a 总分 or 合计 over cells jixiao fills, evaluated the way Excel
 * would once the blanks are filled: SUM of cells and ranges, and + and − of references and numbers
 * (SUM(H5:H20), H5+H6-H7, SUM(H5:H10,H12:H20)+H4). Anything else — another function, another sheet,
 * a text where a number is added — is left to Excel: the answer is undefined.
 */
import Decimal from "decimal.js";
import { CellValue, isCellError, parseCellAddress } from "./grid";
import { parseNumber, withoutBinaryNoise } from "./values";

/** The value a cell holds once jixiao's writes are in. */
export type CellReader = (row: number, col: number) => CellValue;

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
    } else if ("+-(),:".includes(c)) {
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

/** Thrown inside the evaluation for anything it does not evaluate; caught at the top. */
class NotEvaluable extends Error {}

class Evaluator {
  private at = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly read: CellReader,
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

  /** [+|−] term ((+|−) term)* */
  private expression(): Decimal {
    let sign = 1;
    if (this.peek("+") || this.peek("-")) sign = this.tokens[this.at++].text === "-" ? -1 : 1;
    let value = this.term().times(sign);
    while (this.peek("+") || this.peek("-")) {
      const minus = this.tokens[this.at++].text === "-";
      const term = this.term();
      value = minus ? value.minus(term) : value.plus(term);
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
      return this.addend(this.cell(token.text));
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
    if (token?.kind === "ref" && (next?.text === ":" || alone)) {
      this.at++;
      let to = token.text;
      if (this.peek(":")) {
        this.at++;
        const end = this.tokens[this.at++];
        if (end?.kind !== "ref") throw new NotEvaluable();
        to = end.text;
      }
      return this.rangeSum(token.text, to);
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
        const value = this.read(row, col);
        if (isCellError(value)) throw new NotEvaluable();
        if (typeof value === "number" && Number.isFinite(value)) total = total.plus(new Decimal(String(value)));
      }
    }
    return total;
  }

  private cell(ref: string): CellValue {
    const at = parseCellAddress(ref);
    if (!at) throw new NotEvaluable();
    return this.read(at.row, at.col);
  }

  /** A cell added with + or −: blank is 0, a number its number; text is left to Excel. */
  private addend(value: CellValue): Decimal {
    if (value === null || value === "") return new Decimal(0);
    if (typeof value === "number" && Number.isFinite(value)) return new Decimal(String(value));
    throw new NotEvaluable();
  }
}

/**
 * The formula's value once the cells it reads hold what `read` gives, or undefined: as Excel shows
 * it, to 15 significant digits (cached 9.575 + 85.49999999999999 is the 95.075 Excel shows, not
 * 95.074999999999999).
 */
export function evaluateSumFormula(formula: string, read: CellReader): Decimal | undefined {
  const tokens = tokenize(formula);
  if (!tokens || tokens.length === 0) return undefined;
  try {
    return withoutBinaryNoise(new Evaluator(tokens, read).run());
  } catch (error) {
    if (error instanceof NotEvaluable) return undefined;
    throw error;
  }
}
