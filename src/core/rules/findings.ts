/**
 * Collects findings as rules raise them: one per rule and cell, each with the severity domain.md §4
 * gives its rule.
 */
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
};

export interface RawFinding {
  rule: RuleId;
  ref: CellRef;
  params: MessageParams;
}

export class FindingList {
  readonly items: RawFinding[] = [];
  private readonly seen = new Set<string>();

  private key(ref: CellRef): string {
    return `${ref.sheet}\u0000${ref.row}\u0000${ref.col}`;
  }

  add(rule: RuleId, ref: CellRef, params: MessageParams): void {
    const key = `${rule}\u0000${this.key(ref)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.seen.add(`cell\u0000${this.key(ref)}`);
    this.items.push({ rule, ref, params });
  }

  /** Whether any finding already names this cell (so a more specific rule is not repeated by a general one). */
  hasCell(ref: CellRef): boolean {
    return this.seen.has(`cell\u0000${this.key(ref)}`);
  }
}
