/**
 * The money unit a budget table states (万元 or 元), and amounts brought to 万元: the 综合得分
 * sheet heads its money with the unit, and the finance bureau's review puts every unit's figures
 * in 万元 side by side.
 */
import Decimal from "decimal.js";
import { SheetView } from "./grid";
import { BudgetLine } from "./model";

export type MoneyUnit = "万元" | "元";

/**
 * The unit a budget line's amounts are stated in: in its 预算数 column's header (全年预算数（万元）)
 * or a 单位：万元 line above, null when neither says.
 */
function statedMoneyUnit(view: SheetView, line: BudgetLine): MoneyUnit | null {
  const cell = line.planned;
  if (!cell) return null;
  const above: string[] = [];
  for (let r = cell.row - 1; r >= Math.max(0, cell.row - 4); r--) above.push(view.text(r, cell.col));
  for (let r = Math.max(0, cell.row - 8); r < cell.row; r++) for (let c = 0; c < view.rowLength(r); c++) above.push(view.text(r, c));
  for (const text of above) {
    if (text.includes("万元")) return "万元";
    if (/[（(]\s*元\s*[)）]|单位[:：]\s*元/.test(text)) return "元";
  }
  return null;
}

/** The unit of a table of budget lines on a sheet: the first of its lines that states one (its lower lines may be far below the header). */
export function tableMoneyUnit(view: SheetView, lines: readonly BudgetLine[]): MoneyUnit | null {
  for (const line of lines) {
    const unit = statedMoneyUnit(view, line);
    if (unit) return unit;
  }
  return null;
}

/** Precise enough that 元 divided by 10,000 keeps every digit (decimal.js rounds to 20 by default). */
const Exact = Decimal.clone({ precision: 1e9 });
const YUAN_PER_WAN = new Exact(10000);

/** An exact amount (decimal text) in 万元: 13200000 元 is 1320, 1234.5 元 is 0.12345. */
export function inWanYuan(amount: string, unit: MoneyUnit): string {
  return unit === "万元" ? amount : new Exact(amount).div(YUAN_PER_WAN).toFixed();
}
