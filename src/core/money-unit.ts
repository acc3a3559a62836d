/**
 * The money unit a budget table states (亿元, 万元, 千元 or 元), and amounts brought to 万元: the
 * 综合得分 sheet shows each table's money with its unit, and the finance bureau's review puts every
 * unit's figures in 万元 side by side.
 */
import Decimal from "decimal.js";
import { Table } from "./detect";
import { SheetView } from "./grid";
import { memoisedText } from "./memo";
import { parseNumber } from "./values";

export type MoneyUnit = "亿元" | "万元" | "千元" | "元";

/** A unit line of a header block: 单位：万元, 金额单位：人民币元, 单位：万元人民币, （单位：万元）; never 单位：元/人 (a rate). */
const UNIT_LINE = /单位\s*[:：]\s*(?:人民币)?\s*(亿元|千元|万元|元)(?:人民币)?(?![/／每\p{Script=Han}])/u;
/** A unit in brackets, as a header states it: 全年预算数（万元）, 项目资金(元), （人民币千元）. */
const BRACKETED_UNIT = /[（(]\s*(?:人民币)?\s*(亿元|千元|万元|元)\s*[)）]/;

/** A cell holding a money unit and nothing else (万元 in a units row under a header). */
function bareMoneyUnit(text: string): MoneyUnit | null {
  const match = /^(亿元|千元|万元|元)$/.exec(text.trim());
  return match ? (match[1] as MoneyUnit) : null;
}

/**
 * The money unit a header cell or a header-block line states; null for any other text (≥50万元 is a
 * value, not a unit). Memoised: every budget table reads the lines of its header block, and the
 * forms of a workbook repeat them.
 */
export const statedMoneyUnit = memoisedText((text: string): MoneyUnit | null => {
  const match = UNIT_LINE.exec(text) ?? BRACKETED_UNIT.exec(text);
  return match ? (match[1] as MoneyUnit) : null;
});

/**
 * The unit a budget table's amounts are stated in, from the table's own cells only: first its
 * header cells (the 预算数 column's, then the others, a units row under the header included), then
 * its header block, nearest line first (a 单位：万元 line above the header, up to the table above it
 * on its side; a line merged across forms side by side states it for each). Null when neither
 * says: a unit stated for another table, or an amount such as ≥50万元 among the indicators above,
 * says nothing about this one.
 */
export function tableMoneyUnit(view: SheetView, table: Table, plannedCol: number | undefined): MoneyUnit | null {
  // Read in the table's columns (forms side by side each state their own unit), up to the table above on its side.
  const stop = table.above?.lastRow ?? -1;
  const stated = (row: number, col: number) => (view.isOrigin(row, col) ? statedMoneyUnit(view.text(row, col)) : null);
  const onRow = (row: number): MoneyUnit | null => {
    const { left, right } = table.span;
    // A line merged across forms side by side (金额单位：万元 over both) reaches into this one's columns from the left.
    const reachingIn = view.originRow(row, left) === row && view.originCol(row, left) < left;
    const merged = reachingIn ? statedMoneyUnit(view.text(row, left)) : null;
    if (merged) return merged;
    const end = Math.min(view.rowLength(row), right + 1);
    for (let c = left; c < end; c++) {
      const unit = stated(row, c);
      if (unit) return unit;
    }
    return null;
  };
  // The header's rows first (a units row （万元） under it included; its label cell 项目资金（元）
  // may sit left of the columns read), then the header block above, nearest line first.
  const headerEnd = table.rows.length > 0 ? table.rows[0] : table.headerBottom + 1;
  const headerRows = Array.from({ length: headerEnd - table.headerTop }, (_, i) => table.headerTop + i);
  const blockRows = Array.from({ length: table.headerTop - 1 - stop }, (_, i) => table.headerTop - 1 - i);
  if (plannedCol !== undefined) {
    for (const r of headerRows) {
      // In a units row under the header the unit may stand alone: 万元 under 全年预算数.
      const unit = stated(r, plannedCol) ?? (view.isOrigin(r, plannedCol) ? bareMoneyUnit(view.text(r, plannedCol)) : null);
      if (unit) return unit;
    }
  }
  for (const r of [...headerRows, ...blockRows]) {
    const unit = onRow(r);
    if (unit) return unit;
  }
  return null;
}

/** Precise enough that 元 divided by 10,000 keeps every digit (decimal.js rounds to 20 by default). */
const Exact = Decimal.clone({ precision: 1e9 });
/** How many 万元 one of each unit is: exact, so that a conversion loses no digit. */
const WAN_PER_UNIT: Record<MoneyUnit, Decimal> = {
  亿元: new Exact(10000),
  万元: new Exact(1),
  千元: new Exact("0.1"),
  元: new Exact("0.0001"),
};

/** An amount with its money: a currency sign or 人民币 before it, a unit after it, or both. */
const TYPED_AMOUNT = /^(人民币)?\s*([¥￥])?\s*([^分]+?)\s*(亿元|千元|万元|元|亿|万)?(人民币)?$/;

/**
 * An amount typed with its money in the cell (126.8万元, 1,268,000元, 人民币120万元, 120万,
 * １２０万元, ¥1,268,000.00元, ￥126.80): its number and unit, the unit null where only a currency
 * sign or 人民币 is written (the amount is then in the table's unit, as a ¥ number format shows
 * one); null for anything else (a plain number, ≥50万元, 约120万元, 5万元/人).
 */
export function typedAmount(text: string): { value: Decimal; unit: MoneyUnit | null } | null {
  const match = TYPED_AMOUNT.exec(text.trim());
  if (!match || !(match[1] || match[2] || match[4] || match[5])) return null;
  const value = parseNumber(match[3]);
  if (value === null) return null;
  const unit = match[4];
  return { value, unit: unit ? ((unit.endsWith("元") ? unit : `${unit}元`) as MoneyUnit) : null };
}

/** An exact amount in one money unit brought to another: 126.8 万元 is 1268000 元. */
export function convertAmount(amount: Decimal, from: MoneyUnit, to: MoneyUnit): Decimal {
  return from === to ? amount : new Decimal(new Exact(amount).times(WAN_PER_UNIT[from]).div(WAN_PER_UNIT[to]));
}

/** An exact amount (decimal text) in 万元: 13200000 元 is 1320, 1234.5 元 is 0.12345, 1.25 亿元 is 12500. */
export function inWanYuan(amount: string, unit: MoneyUnit): string {
  return unit === "万元" ? amount : new Exact(amount).times(WAN_PER_UNIT[unit]).toFixed();
}
