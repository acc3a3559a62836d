/**
 * The finance bureau's review (汇总复核) of many units' workbooks: a row per table (unit, project,
 * file, budget execution, total and grade as computed and as recorded, the worst findings), every
 * finding with where it is, counts per rule and per unit, and the grade distribution computed vs
 * recorded.
 *
 * Built in two steps so that a region's thousands of workbooks are never in memory together:
 * `reviewFile` turns one analysed workbook into its rows (in a worker, beside the analysis), and a
 * `ReviewTally` gathers only those rows, file after file.
 */
import { Analysis } from "./analyze";
import { MergeRange, SheetGrid, SheetView, WorkbookGrid, parseCellAddress, parseRangeAddress } from "./grid";
import { Profile } from "./profile";
import { ruleName } from "./rule-names";
import { BudgetReport, RuleId, Severity, TableReport } from "./result";

export const REVIEW_SCHEMA = "jixiao-review/1";

/**
 * - `evaluation`: an indicator table with its total (and the budget line that total counts);
 * - `targets`: a target-setting table (no actuals, no total);
 * - `budget`: a budget table no total counts.
 */
export type ReviewRowKind = "evaluation" | "targets" | "budget";

export interface ReviewRow {
  unit: string;
  project: string;
  file: string;
  sheet: string;
  /** The table's range on its sheet (the indicator table for an evaluation). */
  table: string;
  kind: ReviewRowKind;
  /** 预算数, 执行数 and 执行率 of the budget line the row counts: exact decimals, the rate a fraction. */
  planned: string | null;
  spent: string | null;
  rate: string | null;
  score: string | null;
  recordedScore: string | null;
  grade: string | null;
  recordedGrade: string | null;
  errors: number;
  warnings: number;
  infos: number;
  /** The three most serious findings, worst first, by their Chinese rule name: "H24 得分算错：…". */
  worst: string[];
}

export interface ReviewFinding {
  unit: string;
  project: string;
  file: string;
  sheet: string;
  cell: string;
  rule: RuleId;
  severity: Severity;
  message: string;
}

/** One workbook's part of the review: small and plain, so a worker can send it back. */
export interface FileReview {
  file: string;
  rows: ReviewRow[];
  findings: ReviewFinding[];
  /** The grade labels of the profile the file was scored with, best first. */
  gradeScale: string[];
}

export interface ReviewFailure {
  file: string;
  message: string;
}

export interface RuleCount {
  rule: RuleId;
  severity: Severity;
  findings: number;
  files: number;
  units: number;
}

export interface UnitCount {
  unit: string;
  files: number;
  tables: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface GradeCount {
  /** A grade label, or NO_GRADE for a table whose total has none. */
  grade: string;
  computed: number;
  recorded: number;
}

export interface Review {
  schema: typeof REVIEW_SCHEMA;
  /** Workbooks reviewed, failures included. */
  files: number;
  rows: ReviewRow[];
  findings: ReviewFinding[];
  rules: RuleCount[];
  units: UnitCount[];
  grades: GradeCount[];
  failures: ReviewFailure[];
}

/** The grade distribution's category for an evaluation without a grade (incomplete, or none recorded). */
export const NO_GRADE = "（无）";

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const WORST_SHOWN = 3;

// Labels of the form's header block (部门（单位）名称 | 岳阳市云溪区机关事务服务中心), compared without
// spaces, colons or the difference between full-width and ASCII brackets. The unit is the one that
// did the work: 实施单位 before 主管部门.
const UNIT_LABELS = ["实施单位", "单位名称", "部门（单位）名称", "预算单位", "部门名称", "主管部门"];
const PROJECT_LABELS = ["项目名称"];

function labelKey(text: string): string {
  return text.replace(/\s+/g, "").replace(/\(/g, "（").replace(/\)/g, "）").replace(/[：:]+$/, "");
}

/**
 * The value next to a label in rows [from, to) of a sheet: "项目名称：X" in one cell, or the
 * label in one cell and the name in the next filled cell of the row. Labels are tried in the
 * order given; for each, the closest one above wins.
 */
function headerValue(view: SheetView, from: number, to: number, labels: string[]): string | null {
  for (const label of labels) {
    for (let row = to - 1; row >= from; row--) {
      const length = view.rowLength(row);
      for (let col = 0; col < length; col++) {
        const value = labelledValue(view, row, col, length, label);
        if (value !== null) return value;
      }
    }
  }
  return null;
}

function labelledValue(view: SheetView, row: number, col: number, length: number, label: string): string | null {
  if (!view.isOrigin(row, col)) return null;
  const text = view.text(row, col);
  const colon = text.search(/[：:]/);
  if (colon > 0 && labelKey(text.slice(0, colon)) === label) {
    const inline = text.slice(colon + 1).trim();
    if (inline !== "") return inline;
  }
  if (labelKey(text) !== label) return null;
  for (let next = col + 1; next < length; next++) {
    const value = view.isOrigin(row, next) ? view.text(row, next) : "";
    if (value !== "") return value;
  }
  return null;
}

interface Area {
  sheet: string;
  range: MergeRange;
}

interface RowDraft {
  row: ReviewRow;
  areas: Area[];
}

const contains = (range: MergeRange, row: number, col: number) =>
  range.top <= row && row <= range.bottom && range.left <= col && col <= range.right;

const fileStem = (file: string) => {
  const base = file.slice(Math.max(file.lastIndexOf("/"), file.lastIndexOf("\\")) + 1);
  return base.includes(".") ? base.slice(0, base.lastIndexOf(".")) : base;
};

function emptyRow(file: string, table: TableReport, kind: ReviewRowKind): ReviewRow {
  return {
    unit: "",
    project: "",
    file,
    sheet: table.sheet,
    table: table.range,
    kind,
    planned: null,
    spent: null,
    rate: null,
    score: null,
    recordedScore: null,
    grade: null,
    recordedGrade: null,
    errors: 0,
    warnings: 0,
    infos: 0,
    worst: [],
  };
}

function withBudget(row: ReviewRow, line: BudgetReport | undefined): void {
  if (!line) return;
  row.planned = line.planned;
  row.spent = line.spent;
  row.rate = line.rate;
}

/** The drafts of a workbook's rows: one per indicator table, one per budget table no total counts. */
function draftRows(file: string, analysis: Analysis): RowDraft[] {
  const area = (table: TableReport): Area => ({ sheet: table.sheet, range: parseRangeAddress(table.range)! });
  const budgetTables = analysis.tables.filter((t) => t.kind === "budget");
  const claimed = new Set<TableReport>();
  const drafts: RowDraft[] = [];
  for (const table of analysis.tables) {
    if (table.kind !== "indicators") continue;
    const index = analysis.totalSources.findIndex((s, i) => s.table === table.range && analysis.totals[i].sheet === table.sheet);
    if (index < 0) {
      drafts.push({ row: emptyRow(file, table, "targets"), areas: [area(table)] });
      continue;
    }
    const total = analysis.totals[index];
    const row = emptyRow(file, table, "evaluation");
    Object.assign(row, { score: total.score, recordedScore: total.recordedScore, grade: total.grade, recordedGrade: total.recordedGrade });
    const areas = [area(table)];
    const counted = analysis.totalSources[index].budget;
    if (counted) {
      withBudget(row, analysis.budget.find((b) => b.sheet === counted.sheet && b.row === counted.row));
      const budgetTable = budgetTables.find((t) => t.sheet === counted.sheet && contains(area(t).range, counted.row - 1, area(t).range.left));
      if (budgetTable) {
        claimed.add(budgetTable);
        areas.push(area(budgetTable));
      }
    }
    drafts.push({ row, areas });
  }
  for (const table of budgetTables) {
    if (claimed.has(table)) continue;
    const row = emptyRow(file, table, "budget");
    const range = area(table).range;
    withBudget(row, analysis.budget.find((b) => b.sheet === table.sheet && range.top <= b.row - 1 && b.row - 1 <= range.bottom));
    drafts.push({ row, areas: [area(table)] });
  }
  return drafts;
}

/**
 * The row a finding belongs to: the one whose table holds its cell; else the table starting
 * closest above it on its sheet (a 总分 line under the table, a note below); else the sheet's
 * first table; else the workbook's first row (none only for a workbook without tables).
 */
function ownerOf(drafts: RowDraft[], sheet: string, cell: string): RowDraft | undefined {
  const at = parseCellAddress(cell);
  const onSheet = drafts.filter((d) => d.areas.some((a) => a.sheet === sheet));
  if (at) {
    const holding = onSheet.find((d) => d.areas.some((a) => a.sheet === sheet && contains(a.range, at.row, at.col)));
    if (holding) return holding;
    let above: { draft: RowDraft; top: number } | undefined;
    for (const draft of onSheet) {
      for (const a of draft.areas) {
        if (a.sheet === sheet && a.range.top <= at.row && (!above || a.range.top > above.top)) above = { draft, top: a.range.top };
      }
    }
    if (above) return above.draft;
  }
  return onSheet[0] ?? drafts[0];
}

/** Names the form's header block gives each row; the unit falls back to the file's name. */
function nameRows(drafts: RowDraft[], grid: WorkbookGrid, file: string): void {
  const views = new Map<string, SheetView>();
  const viewOf = (sheet: SheetGrid) => {
    let view = views.get(sheet.name);
    if (!view) views.set(sheet.name, (view = new SheetView(sheet)));
    return view;
  };
  const sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  for (const { row, areas } of drafts) {
    const sheet = sheets.get(row.sheet);
    if (!sheet) continue;
    const view = viewOf(sheet);
    const top = areas[0].range.top;
    // The project's block lies between the previous table on the sheet and this one.
    const previousEnd = drafts
      .flatMap((d) => d.areas)
      .filter((a) => a.sheet === row.sheet && a.range.bottom < top)
      .reduce((end, a) => Math.max(end, a.range.bottom + 1), 0);
    row.project = headerValue(view, previousEnd, top, PROJECT_LABELS) ?? "";
    row.unit = headerValue(view, 0, top, UNIT_LABELS) ?? "";
  }
  // A workbook is one unit's: a name found on one sheet names the sheets that do not repeat it.
  const named = drafts.find((d) => d.row.unit !== "")?.row.unit ?? fileStem(file);
  for (const { row } of drafts) if (row.unit === "") row.unit = named;
}

/** One analysed workbook's rows and findings for the review. */
export function reviewFile(file: string, grid: WorkbookGrid, analysis: Analysis, profile: Profile): FileReview {
  const drafts = draftRows(file, analysis);
  nameRows(drafts, grid, file);
  const findings: ReviewFinding[] = [];
  const worstOf = new Map<RowDraft, { severity: Severity; text: string }[]>();
  for (const f of analysis.findings) {
    const draft = ownerOf(drafts, f.sheet, f.cell);
    if (!draft) continue;
    const { row } = draft;
    if (f.severity === "error") row.errors++;
    else if (f.severity === "warning") row.warnings++;
    else row.infos++;
    let worst = worstOf.get(draft);
    if (!worst) worstOf.set(draft, (worst = []));
    worst.push({ severity: f.severity, text: `${f.cell} ${ruleName(f.rule, "zh")}：${f.message}` });
    findings.push({ unit: row.unit, project: row.project, file, sheet: f.sheet, cell: f.cell, rule: f.rule, severity: f.severity, message: f.message });
  }
  for (const [draft, worst] of worstOf) {
    // A stable sort keeps the sheet's own order among findings of the same severity.
    draft.row.worst = worst
      .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])
      .slice(0, WORST_SHOWN)
      .map((w) => w.text);
  }
  const gradeScale = [...profile.grades].sort((a, b) => b.min - a.min).map((g) => g.label);
  return { file, rows: drafts.map((d) => d.row), findings, gradeScale };
}

/** Gathers the files' reviews as they come in; `review()` gives the whole. */
export class ReviewTally {
  private readonly rows: ReviewRow[] = [];
  private readonly findings: ReviewFinding[] = [];
  private readonly failures: ReviewFailure[] = [];
  private readonly rules = new Map<RuleId, RuleCount & { lastFile: string; unitSet: Set<string> }>();
  private readonly units = new Map<string, UnitCount & { lastFile: string }>();
  /** Grade labels in the order of the profiles' scales, then recorded labels no scale has. */
  private readonly gradeOrder: string[] = [];
  private readonly grades = new Map<string, GradeCount>();
  private fileCount = 0;

  add(file: FileReview): void {
    this.fileCount++;
    for (const label of file.gradeScale) this.grade(label);
    for (const row of file.rows) {
      this.rows.push(row);
      const unit = this.unit(row.unit, file.file);
      unit.tables++;
      unit.errors += row.errors;
      unit.warnings += row.warnings;
      unit.infos += row.infos;
      if (row.kind === "evaluation") {
        this.grade(row.grade ?? NO_GRADE).computed++;
        this.grade(row.recordedGrade ?? NO_GRADE).recorded++;
      }
    }
    for (const f of file.findings) {
      this.findings.push(f);
      let count = this.rules.get(f.rule);
      if (!count) {
        count = { rule: f.rule, severity: f.severity, findings: 0, files: 0, units: 0, lastFile: "", unitSet: new Set() };
        this.rules.set(f.rule, count);
      }
      count.findings++;
      if (count.lastFile !== file.file) {
        count.files++;
        count.lastFile = file.file;
      }
      count.unitSet.add(f.unit);
    }
  }

  fail(file: string, message: string): void {
    this.fileCount++;
    this.failures.push({ file, message });
  }

  private unit(name: string, file: string): UnitCount & { lastFile: string } {
    let unit = this.units.get(name);
    if (!unit) this.units.set(name, (unit = { unit: name, files: 0, tables: 0, errors: 0, warnings: 0, infos: 0, lastFile: "" }));
    if (unit.lastFile !== file) {
      unit.files++;
      unit.lastFile = file;
    }
    return unit;
  }

  private grade(label: string): GradeCount {
    let count = this.grades.get(label);
    if (!count) {
      this.grades.set(label, (count = { grade: label, computed: 0, recorded: 0 }));
      this.gradeOrder.push(label);
    }
    return count;
  }

  review(): Review {
    const order = [...this.gradeOrder.filter((g) => g !== NO_GRADE), ...(this.grades.has(NO_GRADE) ? [NO_GRADE] : [])];
    return {
      schema: REVIEW_SCHEMA,
      files: this.fileCount,
      rows: this.rows,
      findings: this.findings,
      rules: [...this.rules.values()]
        .map(({ rule, severity, findings, files, unitSet }) => ({ rule, severity, findings, files, units: unitSet.size }))
        .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || b.findings - a.findings || a.rule.localeCompare(b.rule)),
      units: [...this.units.values()].map(({ unit, files, tables, errors, warnings, infos }) => ({ unit, files, tables, errors, warnings, infos })),
      grades: order.map((g) => this.grades.get(g)!),
      failures: this.failures,
    };
  }
}
