/**
 * What `analyze` returns, and what both hosts write back. Decimals are strings (exact), rates are
 * fractions ("0.4316"), rows are 1-based sheet rows, cells are A1 addresses: the shape of the
 * `jixiao-report/1` JSON contract.
 */

export type Severity = "error" | "warning" | "info";

/** The severities, most severe first: the order findings are listed, sorted and counted in. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** A severity's place in SEVERITIES: the lower, the more severe. */
export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);

export type RuleId =
  | "rate-mismatch"
  | "budget-score-mismatch"
  | "sum-mismatch"
  | "zero-budget"
  | "overspent"
  | "weights-total"
  | "weight-header-mismatch"
  | "score-exceeds-weight"
  | "score-mismatch"
  | "qualitative-score-band"
  | "total-mismatch"
  | "grade-mismatch"
  | "score-above-attainable"
  | "count-as-percent"
  | "unit-mismatch"
  | "percent-over-100"
  | "ge-100-percent"
  | "cost-not-ceiling"
  | "contradictory-comparator"
  | "not-numeric"
  | "missing-actual"
  | "missing-reason"
  | "over-achievement"
  | "duplicate-indicator"
  | "vague-target"
  | "missing-dimension"
  | "score-without-values"
  | "total-incomplete"
  | "formula-error"
  | "negative-value"
  | "count-ceiling"
  | "values-look-like-points";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  cell: string;
  /** The cell's row and column, 0-based (as CellWrite's): `cell` as numbers, not in the JSON report. */
  row: number;
  col: number;
  message: string;
}

export interface TableReport {
  sheet: string;
  kind: "budget" | "indicators";
  range: string;
  /**
   * What the table is called: the 项目名称 (else 单位名称 / 部门名称) of the form's header block above
   * it, or, without one, its sheet and range ("自评表!A3:H12"). Tells two tables on a sheet apart.
   */
  label: string;
  /** The 项目名称 of the form's header block, when it gives one. */
  project?: string;
  /** The unit the header block names (实施单位, 单位名称, 填报单位 …, 主管部门 last), when it gives one. */
  unit?: string;
  /**
   * A project form's 主管部门 beside its blank 实施单位: the project's supervisor, no unit (review round
   * 57d, F2), which the review names the form by where the file's path names no unit.
   */
  supervisor?: string;
  /** Set when the form's title names a whole department's evaluation (部门（单位）整体支出绩效自评表). */
  wholeDepartment?: true;
  /** Of an indicator table, the year its form is for, when the form states it (a 目标表's （2024年度） too). */
  year?: number;
}

export interface BudgetReport {
  sheet: string;
  row: number;
  label: string;
  planned: string | null;
  spent: string | null;
  rate: string | null;
  recordedRate: string | null;
  weight: string | null;
  score: string | null;
  recordedScore: string | null;
  recordedGrade: string | null;
}

export interface ValueReport {
  text: string;
  op: string | null;
  value: string | null;
  unit: string | null;
}

export interface IndicatorReport {
  sheet: string;
  row: number;
  level1: string;
  level2: string;
  name: string;
  target: ValueReport;
  actual: ValueReport | null;
  weight: string | null;
  score: string | null;
  recordedScore: string | null;
}

export interface TotalReport {
  sheet: string;
  /** The label of the indicator table this total belongs to (see TableReport.label). */
  label: string;
  /** That table's range (TableReport.range): with the sheet, which table it is, even when two share a label. */
  table: string;
  weights: string | null;
  score: string | null;
  recordedScore: string | null;
  grade: string | null;
  recordedGrade: string | null;
  /** Whether `recordedScore` is another figure than `score` as its cell shows it (EvaluationTotal.recordedDiffers). */
  recordedDiffers: boolean;
  /**
   * Set when the form scores nothing by design (model's formScoresNothing, the decision
   * missing-reason takes too): its indicator table and the budget block heading it have no 分值 and
   * no 得分 column, no 一级 label states a weight, no 总分 or 等次 is recorded, and no budget score
   * is counted (a transfer payment's 区域绩效自评表, a 绩效目标完成情况表). Its score, weights and grade are null because there are none, not because
   * they cannot be computed (review round 57c, F3).
   */
  unscored?: true;
}

/** How a written value was computed: 执行率, the budget score, an indicator's score (a negative
 * indicator's the other way round). */
export type WriteBasis = "rate" | "budget-score" | "score" | "score-negative";

/**
 * The figures a filled-in value was computed from, as the note on its cell gives them (marks.ts
 * workedText), all as texts the core made from its own exact numbers:
 * - by a formula: its figures in its order (执行数, 全年预算数 for a rate; 分值 first for a score,
 *   then 实际完成值, 年度指标值, or the other way round for a negative indicator; `linear`: the
 *   profile's linear negative formula, 分值×(2×指标值−实际值)÷指标值), its result as the filled cell
 *   shows it, and, where the value written is not that result, why (`held`: above the weight, a
 *   执行率 above 100%, below 0) and the value;
 * - by the comparison alone (a target of 0, a negative actual): the actual, the target, whether it met it.
 */
export type Worked =
  | { figures: string[]; result: string; held?: "weight" | "rate" | "zero"; value: string; linear?: true }
  | { actual: string; target: string; met: boolean; value: string };

/** A value the core decided to write into a blank input cell. */
export interface CellWrite {
  sheet: string;
  cell: string;
  /** 0-based, for hosts. */
  row: number;
  col: number;
  /** The number to write (as an exact decimal string) and the format to show it with. */
  value: string;
  numFmt: string;
  /** How the value was computed (the note on the filled cell says so). */
  basis?: WriteBasis;
  /** Its figures (the note gives them too). */
  worked?: Worked;
  /**
   * The cell holds a formula (a 总分 =SUM(...) over cells jixiao fills): only its cached result is
   * updated, so readers that do not recalculate show the right total; the formula stays. Hosts that
   * recalculate (Excel) skip such writes.
   */
  cachedResult?: true;
}

/** A cell to mark with a fill colour because a finding names it. */
export interface CellMark {
  sheet: string;
  cell: string;
  row: number;
  col: number;
  severity: Severity;
  /** "#RRGGBB" */
  color: string;
}

export interface AnalysisResult {
  tables: TableReport[];
  budget: BudgetReport[];
  /** Built when first read (see analyze). */
  readonly indicators: IndicatorReport[];
  totals: TotalReport[];
  findings: Finding[];
  writes: CellWrite[];
  marks: CellMark[];
  /** Sheets that were skipped because jixiao wrote them (an earlier 综合得分). */
  skippedSheets: string[];
  /**
   * Hidden sheets, not checked (see SheetGrid.hidden), and forms whose columns are all hidden, by
   * those columns ("自评表!J:Q", SheetGrid.hiddenColumns): named so that nothing is left out unseen.
   */
  hiddenSheets: string[];
  /**
   * Tables that are a header with nothing under it (a spare template sheet: see detect's
   * isEmptyTable), by sheet and range ("模板!A2:H2"): no form, so not in `tables`, not checked or
   * scored; named so that a count of forms can say why it is one less.
   */
  emptyTables: string[];
}

/**
 * Each total's name in a list of several forms: its label, after its sheet where a form on another
 * sheet has the same label (a quarterly and a yearly form of one project: review round 33).
 */
export function formLabels(totals: Pick<TotalReport, "sheet" | "label">[]): string[] {
  return totals.map((t) => (totals.some((o) => o.label === t.label && o.sheet !== t.sheet) ? `${t.sheet} · ${t.label}` : t.label));
}

/** How many findings of each severity. */
export function severityCounts(findings: Pick<Finding, "severity">[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** The index of an indicator table's total in `totals` (its sheet and range), -1 for a table without one (it holds targets). */
export function totalIndexOf(table: Pick<TableReport, "sheet" | "range">, totals: Pick<TotalReport, "sheet" | "table">[]): number {
  return totals.findIndex((t) => t.sheet === table.sheet && t.table === table.range);
}
