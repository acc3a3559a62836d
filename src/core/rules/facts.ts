/**
 * One fact, one finding (domain.md §4): a funds total (年度资金总额) and its only 其中 line that
 * carries money hold the same money, so an overspend, a missing budget or a wrong 执行率 seen on both
 * is one fact. It is reported once, on the line where the figures are entered: the 其中 line when
 * the total's cell is left blank or 0 (a derived total) or holds a formula, else the total line.
 */
import { eq } from "../compare";
import { BudgetLine, NumberCell } from "../model";
import { RuleId } from "../result";
import type { Breakdown } from "./budget";
import { FindingList } from "./findings";

/** The rules that state a fact about the money, and the cell each names. */
const MONEY_FACTS: [RuleId, "planned" | "spent" | "rate"][] = [
  ["zero-budget", "planned"],
  ["overspent", "spent"],
  ["rate-mismatch", "rate"],
];

const carriesMoney = (line: BudgetLine): boolean =>
  [line.planned, line.spent].some((cell) => cell?.value != null && !cell.value.isZero());

/** A total's cell that does not hold a figure of its own: blank, 0, or a formula over other cells. */
const notEnteredHere = (cell: NumberCell): boolean => cell.empty || cell.formula || cell.value?.isZero() === true;

/** The total's amount is the part's: equal, or left for the part to supply. */
function sameAmount(total: NumberCell | null, part: NumberCell | null): boolean {
  if (!total || total.empty || total.value?.isZero()) return true;
  return total.value !== null && part?.value != null && eq(total.value, part.value);
}

/** The one 其中 line under a funds total that carries money, if exactly one does. */
function onlyPartOf({ below }: Breakdown): BudgetLine | undefined {
  const parts = below.filter(carriesMoney);
  return parts.length === 1 ? parts[0] : undefined;
}

/** `totals`: each funds total of a budget table with its 其中 lines. */
export function reportMoneyFactsOnce(findings: FindingList, totals: Map<BudgetLine, Breakdown>): void {
  totals.forEach((breakdown, total) => {
    const part = onlyPartOf(breakdown);
    if (!part || !sameAmount(total.planned, part.planned) || !sameAmount(total.spent, part.spent)) return;
    for (const [rule, field] of MONEY_FACTS) {
      const [totalCell, partCell] = [total[field], part[field]];
      const onTotal = totalCell && findings.at(rule, totalCell);
      const onPart = partCell && findings.at(rule, partCell);
      if (!onTotal || !onPart) continue;
      // Two recorded rates that differ are two mistakes, not one.
      if (rule === "rate-mismatch" && onTotal.params.recorded !== onPart.params.recorded) continue;
      findings.withdraw(notEnteredHere(totalCell) ? onTotal : onPart);
    }
  });
}
