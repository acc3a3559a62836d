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
  /** The rules already raised, by sheet and cell. */
  private readonly raised = new Map<string, Map<number, RuleId[]>>();

  private rulesAt(ref: CellRef): RuleId[] | undefined {
    return this.raised.get(ref.sheet)?.get(cellKey(ref.row, ref.col));
  }

  add(rule: RuleId, ref: CellRef, params: MessageParams): void {
    const rules = this.rulesAt(ref);
    if (rules?.includes(rule)) return;
    if (rules) rules.push(rule);
    else {
      let sheet = this.raised.get(ref.sheet);
      if (!sheet) this.raised.set(ref.sheet, (sheet = new Map()));
      sheet.set(cellKey(ref.row, ref.col), [rule]);
    }
    this.items.push({ rule, ref, params });
  }

  /** The finding a rule raised at a cell, if any. */
  at(rule: RuleId, ref: CellRef): RawFinding | undefined {
    if (!this.rulesAt(ref)?.includes(rule)) return undefined;
    return this.items.find((f) => f.rule === rule && f.ref.sheet === ref.sheet && f.ref.row === ref.row && f.ref.col === ref.col);
  }

  /** Takes a finding back: the same fact is reported at another cell (one fact, one finding). */
  withdraw(finding: RawFinding): void {
    const index = this.items.indexOf(finding);
    if (index < 0) return;
    this.items.splice(index, 1);
    const rules = this.rulesAt(finding.ref) as RuleId[];
    rules.splice(rules.indexOf(finding.rule), 1);
    if (rules.length === 0) this.raised.get(finding.ref.sheet)?.delete(cellKey(finding.ref.row, finding.ref.col));
  }

  /** Whether any finding already names this cell (so a more specific rule is not repeated by a general one). */
  hasCell(ref: CellRef): boolean {
    return this.rulesAt(ref) !== undefined;
  }
}
