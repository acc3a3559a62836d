/**
 * Collects findings as rules raise them: one per rule and cell, each with the severity domain.md §4
 * gives its rule.
 */
import { cellKey } from "../grid";
import { CellRef } from "../model";
import { MessageParams } from "../messages";
import { RuleId, Severity } from "../result";

export const SEVERITY: Record<RuleId, Severity> = {
  "rate-mismatch": "error",
  "budget-score-mismatch": "error",
  "sum-mismatch": "error",
  "zero-budget": "error",
  overspent: "warning",
  "weights-total": "error",
  "weight-header-mismatch": "error",
  "score-exceeds-weight": "error",
  "score-mismatch": "error",
  "qualitative-score-band": "error",
  "total-mismatch": "error",
  "grade-mismatch": "error",
  "score-above-attainable": "error",
  "count-as-percent": "error",
  "unit-mismatch": "error",
  "percent-over-100": "error",
  "ge-100-percent": "warning",
  "cost-not-ceiling": "warning",
  "contradictory-comparator": "error",
  "not-numeric": "error",
  "missing-actual": "error",
  "missing-reason": "warning",
  "over-achievement": "warning",
  "duplicate-indicator": "warning",
  "vague-target": "warning",
  "missing-dimension": "warning",
  "score-without-values": "warning",
  "total-incomplete": "warning",
  "formula-error": "error",
  "negative-value": "error",
  "count-ceiling": "warning",
  "values-look-like-points": "warning",
};

export interface RawFinding {
  rule: RuleId;
  ref: CellRef;
  params: MessageParams;
}

export class FindingList {
  readonly items: RawFinding[] = [];
  /** The findings already raised, by sheet and cell (at most one a rule a cell). */
  private readonly raised = new Map<string, Map<number, RawFinding[]>>();

  private findingsAt(ref: CellRef): RawFinding[] | undefined {
    return this.raised.get(ref.sheet)?.get(cellKey(ref.row, ref.col));
  }

  add(rule: RuleId, ref: CellRef, params: MessageParams): void {
    const here = this.findingsAt(ref);
    if (here?.some((f) => f.rule === rule)) return;
    const finding = { rule, ref, params };
    if (here) here.push(finding);
    else {
      let sheet = this.raised.get(ref.sheet);
      if (!sheet) this.raised.set(ref.sheet, (sheet = new Map()));
      sheet.set(cellKey(ref.row, ref.col), [finding]);
    }
    this.items.push(finding);
  }

  /**
   * The finding a rule raised at a cell, if any: looked up by its cell, not searched for in the
   * list (asked of every scored row, a search made the analysis of a workbook grow with the square
   * of its findings).
   */
  at(rule: RuleId, ref: CellRef): RawFinding | undefined {
    return this.findingsAt(ref)?.find((f) => f.rule === rule);
  }

  /** Takes a finding back: the same fact is reported at another cell (one fact, one finding). */
  withdraw(finding: RawFinding): void {
    const index = this.items.indexOf(finding);
    if (index < 0) return;
    this.items.splice(index, 1);
    const here = this.findingsAt(finding.ref) as RawFinding[];
    here.splice(here.indexOf(finding), 1);
    if (here.length === 0) this.raised.get(finding.ref.sheet)?.delete(cellKey(finding.ref.row, finding.ref.col));
  }

  /** Whether any finding already names this cell (so a more specific rule is not repeated by a general one). */
  hasCell(ref: CellRef): boolean {
    return this.findingsAt(ref) !== undefined;
  }
}
