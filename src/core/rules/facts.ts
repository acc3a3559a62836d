/**
 * One fact, one finding (domain.md §4): a funds total (年度资金总额) and its only 其中 line that
 * carries money hold the same money, so an overspend, a missing budget or a wrong 执行率 seen on both
 * is one fact. It is reported once, on the line where the figures are entered: the 其中 line when
 * the total's cell is left blank or 0 (a derived total) or holds a formula, else the total line.
 * Over several 其中 lines, a 全年预算数 left 0 on all of them, or an overspend on the total that is
 * its lines' overspends added up (none of them under budget), is one fact too: reported once, on the
 * total line (review round 53a, L1), unless the total's 全年执行数 is left blank or a formula, when
 * the lines, where the figures are entered, keep theirs. A line overspent while the total is not,
 * or by more than the total (another line under budget), is a fact of its own.
 */
import { eq, lt } from "../compare";
import { BudgetLine, NumberCell } from "../model";
import { ZERO, sumOf } from "../score";
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

const amountOf = (cell: NumberCell | null) => cell?.value ?? ZERO;
/** The lines add up to the total's amount, or make it: a total left blank or 0 is judged as their sum (see budget's derivedAmounts). */
const sumsTo = (parts: BudgetLine[], field: "planned" | "spent", total: BudgetLine) =>
  amountOf(total[field]).isZero() || eq(sumOf(parts.map((p) => amountOf(p[field]))), amountOf(total[field]));

/**
 * Whether the total's finding `rule` states what its 其中 lines' state together: a budget left 0 on
 * every line, or an overspend that is theirs added up (the lines add up to the total, none of them
 * under budget).
 */
function oneFactOverLines(rule: RuleId, total: BudgetLine, parts: BudgetLine[]): boolean {
  if (rule === "zero-budget") return parts.every((p) => !p.planned?.value || p.planned.value.isZero());
  return sumsTo(parts, "planned", total) && sumsTo(parts, "spent", total) && !parts.some((p) => lt(amountOf(p.spent), amountOf(p.planned)));
}

/** The zero budget or the overspend a total's several 其中 lines share with it, reported once, on the total. */
function reportOnTotal(findings: FindingList, total: BudgetLine, { sources, uses }: Breakdown): void {
  for (const [rule, field] of MONEY_FACTS) {
    if (rule === "rate-mismatch") continue; // each line's 执行率 is written on its own
    const totalCell = total[field];
    const onTotal = totalCell && findings.at(rule, totalCell);
    if (!onTotal) continue;
    for (const parts of [sources, uses]) {
      if (parts.length < 2 || !oneFactOverLines(rule, total, parts)) continue;
      if (totalCell.empty || totalCell.formula) {
        findings.withdraw(onTotal);
        break;
      }
      for (const part of parts) {
        const onPart = part[field] && findings.at(rule, part[field]!);
        if (onPart) findings.withdraw(onPart);
      }
    }
  }
}

/** `totals`: each funds total of a budget table with its 其中 lines. */
export function reportMoneyFactsOnce(findings: FindingList, totals: Map<BudgetLine, Breakdown>): void {
  totals.forEach((breakdown, total) => {
    const part = onlyPartOf(breakdown);
    if (!part && breakdown.below.filter(carriesMoney).length > 1) reportOnTotal(findings, total, breakdown);
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
