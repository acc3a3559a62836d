/**
 * Builds the 综合得分 sheet layout from an analysis, fit to attach to a submission: a title naming
 * the unit or project and the year, the profile line, budget execution (money headed with its unit),
 * each 一级指标 with weight, score and 得分率, the total and grade (or why there is none), the
 * findings with their rules named in the sheet's language, a colour legend and a signature block.
 * It prints on A4 portrait, one page wide, the findings' header repeated on every page.
 */
import Decimal from "decimal.js";
import { groupBy } from "./collections";
import { gte, lte } from "./compare";
import { tableLabel, tableRange } from "./detect";
import { MergeRange, SheetGrid, cellAddress } from "./grid";
import { formNamesApart, headlines } from "./headline";
import { Lang, NO_SCORING, SEVERITY_LABEL } from "./messages";
import { MoneyUnit } from "./money-unit";
import { Profile, describeProfile, rateFormat, scoreFormat } from "./profile";
import { wrappedLines } from "./text-width";
import { cutToCell, writableText } from "./sheet-text";
import { Finding } from "./result";
import { BudgetLineResult } from "./rules/budget";
import { EvaluationTotal } from "./rules/totals";
import { ruleName } from "./rule-names";
import { TableOwners } from "./table-owner";
import { roundHalfUp } from "./score";
import { PreviousSummary, SUMMARY_MARKERS, summarySheetName, uncheckedHiddenSheets } from "./summary-sheet";
import { SUMMARY_STYLES, SummaryCell, SummaryLevel1, SummarySheet, SummaryStyle } from "./summary-types";

/**
 * The columns in characters, the 工作表 column first: 89 without it (one sheet holds every table),
 * about 85 % on A4 portrait in LibreOffice and the whole width in Excel; 100 with it, about 75 %
 * (64 % before review round 52, with 116). E holds the findings' 说明, wrapped, and the rates.
 */
const COLUMN_WIDTHS = [11, 16, 12, 12, 32, 9, 8];
/** The columns' widths added up from the left: cells spanning columns col..col+span-1 are ends[col+span] − ends[col] wide. */
const endsOf = (widths: number[]): number[] => widths.reduce((ends, width) => [...ends, ends[ends.length - 1] + width], [0]);
/** Points per line of text, by font size (Excel's default row is 15 pt for 11 pt text). */
const lineHeight = (size: number): number => Math.ceil(size * 1.36);
/** The chart's rows: its title and value axis take about six, each bar two, twelve at least. */
const chartRows = (bars: number): number => Math.max(12, 6 + 2 * bars);
const DEFAULT_SIZE = 11;
const DEFAULT_ROW_HEIGHT = 15;

const TEXT = {
  zh: {
    title: "绩效自评综合得分",
    /** The title of a workbook with nothing to total (target tables, a project list). */
    checked: "绩效表检查结果",
    projects: (n: number) => `${n}个项目`,
    year: (year: string) => `${year}年度`,
    /** Between the title's parts: none in Chinese. */
    gap: "",
    unit: (unit: MoneyUnit) => `（${unit}）`,
    budget: "一、预算执行",
    budgetHeader: (unit: string) => ["工作表", "项目", `全年预算数${unit}`, `执行数${unit}`, "执行率", "分值", "得分\n（计算）"],
    none: "无。",
    levels: "二、绩效指标",
    // The review's 汇总 words: 总分（计算） / 总分（填报）.
    levelsHeader: ["工作表", "一级指标", "分值", "得分（计算）", "得分率"],
    budgetLine: "预算执行",
    unknown: "（无法计算）",
    total: "综合得分（计算）",
    recorded: "综合得分（填报）",
    differ: (points: string) => `填报与计算相差 ${points} 分。`,
    stale: (cell: string) => `表中总分 ${cell} 的公式读到助手补填的单元格，须在 Excel 或 WPS 中重新计算后才是填报数（打开本副本时 Excel 会自动重算）。`,
    grade: "评价等次",
    ungraded: "未评等次",
    findings: "四、问题清单",
    findingsHeader: ["工作表", "单元格", "问题", "级别", "说明", "规则编号"],
    noFindings: "未发现问题。",
    ignored: "已忽略的问题（单位已说明理由，不计入问题数）",
    ignoredLabel: "已忽略",
    ignoredReason: (reason: string) => `忽略理由：${reason}`,
    noTotals: "没有可汇总得分的绩效指标自评表（例如只有绩效目标表或项目清单）。",
    hiddenSheets: (names: string[]) => `隐藏的工作表或列未检查：${names.join("、")}（取消隐藏后重新运行即可检查）。`,
    chart: "各一级指标得分率",
    legend: "三、标记说明",
    legendRows: [
      ["legend-error", "错误", "数字或填写有误，须改正。"],
      ["legend-warning", "警告", "需要说明原因或再核对。"],
      ["legend-info", "提示", "建议改进的写法。"],
      ["legend-filled", "补填", "原为空白，由绩效自评助手计算填入；批注写明算法。"],
    ] as [SummaryStyle, string, string][],
    legendNote: "有标记的单元格都带批注（鼠标移到单元格上即可看到）。在助手中点“清除标记”（或命令行 jixiao clean）可去掉全部标记、批注和助手补填的数值，您填写的数据不变。",
    sign: ["填报人：", "审核人：", "填报日期：    年  月  日"],
    footer: "第 &P 页 共 &N 页",
  },
  en: {
    title: "Performance self-evaluation summary",
    checked: "Performance tables: check results",
    projects: (n: number) => `${n} projects`,
    year: (year: string) => `${year}`,
    gap: " ",
    unit: (unit: MoneyUnit) => ` (${unit === "元" ? "" : { 亿元: "100M ", 万元: "10k ", 千元: "1k " }[unit]}yuan)`,
    budget: "1. Budget execution",
    budgetHeader: (unit: string) => ["Sheet", "Line", `Planned${unit}`, `Spent${unit}`, "Rate", "Weight", "Score (computed)"],
    none: "None.",
    levels: "2. Indicators",
    levelsHeader: ["Sheet", "Level 1", "Weight", "Score (computed)", "Score rate"],
    budgetLine: "Budget execution",
    unknown: " (cannot be computed)",
    total: "Total (computed)",
    recorded: "Total (recorded)",
    differ: (points: string) => `Recorded and computed differ by ${points} points.`,
    stale: (cell: string) => `The form's total ${cell} is a formula over cells jixiao filled in: it shows the recorded total once Excel or WPS recalculates it (Excel does when it opens this copy).`,
    grade: "Grade",
    ungraded: "not graded",
    findings: "4. Findings",
    findingsHeader: ["Sheet", "Cell", "Finding", "Severity", "Message", "Rule id"],
    noFindings: "No findings.",
    ignored: "Ignored findings (the unit gave its reasons; not counted)",
    ignoredLabel: "ignored",
    ignoredReason: (reason: string) => `Reason for ignoring: ${reason}`,
    noTotals: "No indicator self-evaluation to total (e.g. only target tables or a project list).",
    hiddenSheets: (names: string[]) => `Hidden sheets or columns, not checked: ${names.join(", ")} (unhide them and run again to check them).`,
    chart: "Score rate by level-1 indicator",
    legend: "3. Marks",
    legendRows: [
      ["legend-error", "error", "A number or entry is wrong and must be corrected."],
      ["legend-warning", "warning", "Needs a reason or a second look."],
      ["legend-info", "info", "A suggested wording."],
      ["legend-filled", "filled in", "Was blank; jixiao computed and filled it in (its note says how)."],
    ] as [SummaryStyle, string, string][],
    legendNote: "Every marked cell has a note (hover over it). Remove marks in the add-in (or jixiao clean) removes all marks, notes and the values it filled in; the data you typed stays.",
    sign: ["Prepared by:", "Reviewed by:", "Date:"],
    footer: "Page &P of &N",
  },
};

/**
 * A cell's text as it is written and read back (writableText), cut to fit a cell (a message quoting
 * a huge cell). The summary's digest is taken on it, so a rerun and 清除标记 know the sheet as
 * jixiao's (review round 52a, M2: an ESC in an indicator's name was digested, then dropped).
 */
const fitCell = (value: string): string => cutToCell(writableText(value));

/** Excel keeps 15 significant digits of a number, and shows no more. */
const EXCEL_DIGITS = 15;
const EXCEL_LARGEST = new Decimal("1e15");
const EXCEL_LARGEST_NEGATIVE = EXCEL_LARGEST.negated();

class Layout {
  readonly cells: SummaryCell[] = [];
  readonly merges: MergeRange[] = [];
  readonly heights: (number | undefined)[] = [];
  row = 0;
  /** How many columns the sheet has: COLUMN_WIDTHS less the 工作表 column when it is left out. */
  readonly columns: number;
  readonly widths: number[];
  private readonly ends: number[];

  /**
   * `sheetColumn`: whether the tables' rows name their sheet in a column of their own (A). Without
   * it, their columns move one to the left: `col` maps a table column (1 = B …) to the sheet's.
   */
  constructor(readonly sheetColumn: boolean) {
    this.widths = sheetColumn ? COLUMN_WIDTHS : COLUMN_WIDTHS.slice(1);
    this.columns = this.widths.length;
    this.ends = endsOf(this.widths);
  }

  /** A table column (0 = 工作表, 1 = 项目 or 一级指标 or 单元格 …) as the sheet's column. */
  col(logical: number): number {
    return this.sheetColumn ? logical : logical - 1;
  }

  /** The sheet's name in the 工作表 column, when the sheet has one. */
  sheet(value: string, style: SummaryStyle): void {
    if (this.sheetColumn) this.text(0, value, style);
  }

  text(col: number, value: string, style: SummaryStyle, span = 1): void {
    if (value === "") return;
    const text = fitCell(value);
    this.cells.push({ row: this.row, col, value: text, isNumber: false, style });
    const look = SUMMARY_STYLES[style];
    const size = look.size ?? DEFAULT_SIZE;
    const lines = look.wrap ? wrappedLines(text, (this.ends[col + span] - this.ends[col]) * (DEFAULT_SIZE / size)) : 1;
    const height = lines * lineHeight(size) + (lines > 1 ? 2 : 0);
    if (height > DEFAULT_ROW_HEIGHT) this.heights[this.row] = Math.max(this.heights[this.row] ?? 0, height);
  }

  /** A number; when there is none, nothing, or "—" with `dash` (a score or rate that cannot be computed, as the pane shows it). */
  number(col: number, value: Decimal | null, numFmt: string, style: SummaryStyle = "number", dash = false): void {
    // A figure of 10^15 or more (1e308 typed as a weight) is no number Excel holds to the unit: it is
    // written as text, exactly, in its digits (review round 52a, M2; toString gives 1e+21 from 10^21
    // on). One of more than 15 significant digits (a budget computed by a formula,
    // 0.30000000000000004) as the 15 Excel keeps and shows.
    // (Compared both ways rather than by abs(), and cut only when longer: no Decimal made for most figures.)
    if (value !== null && (gte(value, EXCEL_LARGEST) || lte(value, EXCEL_LARGEST_NEGATIVE))) this.text(col, value.toFixed(), style);
    else if (value !== null) {
      const shown = value.precision() > EXCEL_DIGITS ? value.toSignificantDigits(EXCEL_DIGITS, Decimal.ROUND_HALF_UP) : value;
      this.cells.push({ row: this.row, col, value: shown.toFixed(), isNumber: true, numFmt, style });
    } else if (dash) this.text(col, "—", style);
  }

  /** Text across columns `left`..`right` of the current row, merged. */
  span(left: number, right: number, value: string, style: SummaryStyle): void {
    this.text(left, value, style, right - left + 1);
    if (right > left) this.merges.push({ top: this.row, left, bottom: this.row, right });
  }

  mergedLine(value: string, style: SummaryStyle): void {
    this.span(0, this.columns - 1, value, style);
    this.row++;
  }

  /** A table's header: its labels from the 工作表 column on (that one left out with the column). */
  headerRow(labels: string[]): void {
    labels.forEach((label, col) => (col === 0 ? this.sheet(label, "header") : this.text(this.col(col), label, "header")));
    this.row++;
  }
}

/**
 * One row of a findings table (the columns of findingsHeader): where, which rule, its severity or
 * that it is ignored, and what it says.
 */
function findingRow(layout: Layout, f: Finding, lang: Lang, level: { label: string; style: SummaryStyle }, message: string, project: string | null): void {
  layout.sheet(f.sheet, "text");
  // On a sheet of several forms, the form it is in: 古树名木保护 · H25, as the lines above name theirs.
  layout.text(layout.col(1), project === null ? f.cell : `${project} · ${f.cell}`, "text");
  layout.text(layout.col(2), ruleName(f.rule, lang), "text");
  layout.text(layout.col(3), level.label, level.style);
  layout.text(layout.col(4), message, "text");
  layout.text(layout.col(5), f.rule, "rule");
  layout.row++;
}

/**
 * The sheets whose findings name their form: those holding more than one (two named forms, or two
 * indicator tables); per finding, its form's name (its project, else its range), or null.
 */
function findingProjects(input: SummaryInput): (f: Finding) => string | null {
  const tables = (input.tables ?? []).filter((tb) => tb.range !== undefined);
  const owners = new TableOwners(tables.map((tb) => ({ sheet: tb.sheet, range: tb.range! })));
  const names = formNamesApart(
    tables.map((tb) => ({ sheet: tb.sheet, name: tb.label, range: tb.range!, year: tb.year, kind: tb.kind })),
    input.lang,
  );
  const shared = new Set<string>();
  // Grouped once: a filter per sheet grew with the square of the sheets.
  for (const [sheet, on] of groupBy(tables, (tb) => tb.sheet)) {
    const named = new Set(on.flatMap((tb) => (tb.label ? [tb.label] : [])));
    if (named.size > 1 || on.filter((tb) => tb.kind === "indicators").length > 1) shared.add(sheet);
  }
  return (f) => {
    if (!shared.has(f.sheet)) return null;
    const owner = owners.formOf(f.sheet, f.row, f.col);
    return owner === null ? null : names[owner];
  };
}

/** Characters an amount takes as #,##0.00 shows it, and one to spare: 12,345,678,901.23 takes 18. */
function amountWidth(amount: Decimal | null): number {
  const text = amount?.toFixed(2) ?? "";
  return text.length + Math.floor((text.replace(/\D/g, "").length - 3) / 3) + 1;
}

/** A 一级's score ÷ weight, rounded as computed rates are (the profile's rate decimals). */
const rate = (score: Decimal | null, weight: Decimal | null, profile: Profile): Decimal | null =>
  score !== null && weight !== null && !weight.isZero() ? roundHalfUp(score.div(weight), profile.rateDecimals) : null;

/**
 * What the title names: the one project (its table's label, else its sheet's name); for a workbook
 * of several projects the unit their forms name, else how many projects there are. The first
 * project alone would pass the others off as its own.
 */
function titleName(input: SummaryInput, t: (typeof TEXT)[Lang]): string {
  const first = input.totals[0]?.sheet ?? input.tables?.[0]?.sheet ?? input.budget[0]?.line.sheet;
  const tables = input.tables ?? [];
  const projects = new Set(tables.flatMap((tb) => (tb.project ? [tb.project] : [])));
  if (projects.size > 1) {
    const units = new Set(tables.flatMap((tb) => (tb.unit ? [tb.unit] : [])));
    return units.size === 1 ? [...units][0] : t.projects(projects.size);
  }
  const table = tables.find((tb) => tb.sheet === first && tb.label) ?? tables.find((tb) => tb.label);
  return table?.label ?? first ?? "";
}

/** The title: what titleName gives, the year the forms are for when they are all for one, and what the sheet is. */
function titleOf(input: SummaryInput, t: (typeof TEXT)[Lang]): string {
  const name = titleName(input, t);
  const years = new Set((input.tables ?? []).flatMap((tb) => (tb.kind === "budget" ? [] : (tb.year ?? []))));
  const year = years.size === 1 ? String([...years][0]) : undefined;
  const named = year && !name.includes(year) ? `${name}${t.gap}${t.year(year)}` : name;
  // A workbook with no self-evaluation to total (target tables, a project list, forms without
  // 分值 and 得分 columns) is checked, not scored.
  const what = scoresSome(input) ? t.title : t.checked;
  return named ? `${named}${t.gap}${what}` : what;
}

/**
 * Whether some total of the workbook scores something (is not TotalReport.unscored): the one
 * decision of the title (综合得分, else 检查结果) and of whether the profile and the points are shown.
 */
function scoresSome(input: Pick<SummaryInput, "totals" | "unscored">): boolean {
  return input.totals.some((_, i) => input.unscored?.[i] !== true);
}

/** The budget header's last columns (budgetHeader): 分值 and 得分, left out where no line can carry points. */
const BUDGET_POINT_COLUMNS = 2;

export interface SummaryInput {
  sheets: SheetGrid[];
  otherSheetNames?: string[];
  /**
   * The tables found, with the names their forms give (TableReport.project, .unit; label: the
   * project, else the unit) and the year the form is for (TableReport.year; of a budget table, the
   * one stated above it): the indicator tables' title the sheet.
   */
  tables?: {
    sheet: string;
    label: string | null;
    project?: string | null;
    unit?: string | null;
    year?: number | null;
    /** Its range (A3:G4) and kind (TableReport.range, .kind): the findings in it are named by its label where its sheet holds several forms. */
    range?: string;
    kind?: string;
  }[];
  /**
   * The hidden sheets, and forms in hidden columns ("自评表!J:Q"), not checked (Analysis.hiddenSheets):
   * named under the totals. Absent: the hidden sheets of `sheets`.
   */
  hiddenSheets?: string[];
  /** The summary the previous run wrote, from the workbook's record. */
  previousSummary?: PreviousSummary | null;
  budget: BudgetLineResult[];
  /**
   * Per `budget` line, its table's money unit (src/core/money-unit.ts), name (project or unit, else
   * its range), range and the year its form states, where it does (see formNamesApart).
   */
  budgetTables: { unit: MoneyUnit | null; label: string | null; range?: string; year?: number | null }[];
  totals: EvaluationTotal[];
  /**
   * Per total, whether its form scores nothing by design (TotalReport.unscored): it has no lines
   * of levels or total, only the sentence saying so; a workbook of such forms alone is checked, not
   * scored (its title, no profile line, no 分值 and 得分 columns for its budget).
   */
  unscored?: readonly boolean[];
  findings: Finding[];
  /** Findings the unit set aside with a reason (src/core/ignores.ts): listed apart, not counted. */
  ignored?: (Finding & { reason: string })[];
  profile: Profile;
  lang: Lang;
}

export function buildSummary(input: SummaryInput): SummarySheet {
  const t = TEXT[input.lang];
  const { name, replaces, keptEdited } = summarySheetName(input.sheets, input.otherSheetNames, input.previousSummary ?? null);
  const multipleSheets = new Set(input.totals.map((total) => total.sheet)).size > 1;
  // The 工作表 column only where the sheet's lines come from more than one sheet (review round 51d M8).
  const sheetsShown = new Set([
    ...(input.tables ?? []).map((tb) => tb.sheet),
    ...input.totals.map((total) => total.sheet),
    ...input.budget.map((b) => b.line.sheet),
    ...input.findings.map((f) => f.sheet),
    ...(input.ignored ?? []).map((f) => f.sheet),
  ]);
  const layout = new Layout(sheetsShown.size > 1);
  const c = (logical: number) => layout.col(logical);
  const projectOf = findingProjects(input);
  const unscored = (i: number) => input.unscored?.[i] === true;
  // Forms that all score nothing (a transfer payment's 区域绩效自评表): no points to describe or show.
  const scoresNone = input.totals.length > 0 && !scoresSome(input);

  layout.mergedLine(titleOf(input, t), "title");
  if (!scoresNone) layout.mergedLine(describeProfile(input.profile, input.lang), "subtitle");
  const freezeRows = layout.row;
  layout.row++;

  layout.mergedLine(t.budget, "section");
  // The lines that carry the budget score, and the totals: a project list (unweighted) has its 合计.
  const shown = input.budget.flatMap((line, i) =>
    line.scored || line.line.kind === "funds-total" || line.line.kind === "total" ? [{ ...input.budgetTables[i], b: line }] : [],
  );
  // One unit heads the money columns when every table shown states the same; else each line names
  // its own beside its label (a table in 元 under a heading in 万元 would read 10,000 times too big).
  const units = new Set(shown.map((line) => line.unit));
  const commonUnit = units.size === 1 ? [...units][0] : null;
  // Lines of several tables on one sheet (two projects' 年度资金总额, or one project's for two
  // years) are told apart by their table's name (formNamesApart).
  const names = formNamesApart(
    shown.map(({ b, label, range, year }) => ({ sheet: b.line.sheet, name: label, range: range ?? label ?? "", year })),
    input.lang,
  );
  const tablesOnSheet = new Map<string, Set<string | null>>();
  shown.forEach(({ b }, i) => {
    const labels = tablesOnSheet.get(b.line.sheet) ?? new Set();
    tablesOnSheet.set(b.line.sheet, labels.add(names[i]));
  });
  // The unit on a line of its own: 全年预算数（万元） is wider than its column and would wrap anywhere.
  if (shown.length === 0) layout.mergedLine(t.none, "note");
  else {
    const header = t.budgetHeader(commonUnit ? `\n${t.unit(commonUnit).trim()}` : "");
    // The 分值 and 得分 columns only where some line can carry points.
    layout.headerRow(scoresNone && !shown.some(({ b }) => b.scored) ? header.slice(0, -BUDGET_POINT_COLUMNS) : header);
  }
  // The money columns as wide as the longest amount as #,##0.00 shows it (12,345,678,901.23 元), never ###.
  const moneyWidth = shown.reduce((width, { b }) => Math.max(width, amountWidth(b.planned), amountWidth(b.spent)), 0);
  shown.forEach(({ b, unit, label }, i) => {
    const ownUnit = units.size > 1 && unit ? t.unit(unit) : "";
    layout.sheet(b.line.sheet, "text");
    const named = label !== null && tablesOnSheet.get(b.line.sheet)!.size > 1;
    layout.text(c(1), `${named ? `${names[i]} · ` : ""}${b.line.label}${ownUnit}`, "text");
    layout.number(c(2), b.planned, "#,##0.00");
    layout.number(c(3), b.spent, "#,##0.00");
    layout.number(c(4), b.rate === null ? null : roundHalfUp(b.rate, input.profile.rateDecimals), rateFormat(input.profile), "percent");
    layout.number(c(5), b.weight, scoreFormat(input.profile));
    layout.number(c(6), b.score, scoreFormat(input.profile));
    layout.row++;
  });
  layout.row++;

  layout.mergedLine(t.levels, "section");
  if (input.totals.length === 0) layout.mergedLine(t.noTotals, "note");
  else if (!scoresNone) layout.headerRow(t.levelsHeader);
  const heads = headlines(
    input.totals.map((total, i) => ({
      sheet: total.sheet,
      label: tableLabel(total.sheet, total.block.table),
      table: tableRange(total.block.table),
      score: total.score?.toFixed() ?? null,
      grade: total.grade,
      unscored: unscored(i),
    })),
    input.findings,
    input.lang,
    input.totals.map((total) => ({ sheet: total.sheet, range: tableRange(total.block.table), year: total.block.year ?? undefined })),
  );
  // Lines of several totals on one sheet are named by their table, as the budget lines are.
  const named = (i: number, text: string) => (heads[i].table === null ? text : `${heads[i].table} · ${text}`);
  const levels: SummaryLevel1[] = [];
  const points = scoreFormat(input.profile);
  // The chart's bars are these lines, each form's budget line with its 一级指标 (one range for them all).
  const chartTop = layout.row;
  input.totals.forEach((total, i) => {
    if (unscored(i)) return;
    // A part's weight, score (— when unknown) and rate; the chart's category says why it has no bar.
    const line = (name: string, weight: Decimal | null, score: Decimal | null): Decimal | null => {
      const levelRate = rate(score, weight, input.profile);
      layout.sheet(total.sheet, "text");
      layout.text(c(1), named(i, name) + (levelRate === null ? t.unknown : ""), "text");
      layout.number(c(2), weight, points);
      layout.number(c(3), score, points, "number", true);
      layout.number(c(4), levelRate, rateFormat(input.profile), "percent", true);
      layout.row++;
      return levelRate;
    };
    // The budget's part first, so the parts add up to the total under them.
    if (total.budget) line(t.budgetLine, total.budget.weight, total.budget.score);
    for (const level of total.levels) {
      const levelRate = line(level.name, level.weight, level.score);
      levels.push({
        name: multipleSheets ? `${total.sheet} · ${named(i, level.name)}` : named(i, level.name),
        weight: level.weight?.toFixed() ?? null,
        score: level.score?.toFixed() ?? null,
        rate: levelRate?.toFixed() ?? null,
      });
    }
  });
  const chartBottom = layout.row - 1;
  input.totals.forEach((total, i) => {
    // jixiao's total over the weights' sum, then the form's own, as the review's 汇总 sets them side by side.
    const { score, recordedScore } = total;
    if (unscored(i)) {
      // No total to give and none missing: the sentence saying so, named as the total's line would be.
      layout.sheet(total.sheet, "text");
      layout.span(c(1), layout.columns - 1, named(i, NO_SCORING[input.lang]), "note");
      layout.row++;
      return;
    }
    layout.sheet(total.sheet, "total");
    layout.text(c(1), named(i, t.total), "total");
    layout.number(c(2), total.weights, points, "total");
    layout.number(c(3), score, points, "total", true);
    layout.text(c(4), t.grade, "total");
    layout.span(c(5), c(6), heads[i].grade ?? (heads[i].reason ? t.ungraded : "—"), "grade");
    layout.row++;
    if (recordedScore !== null) {
      layout.sheet(total.sheet, "text");
      layout.text(c(1), named(i, t.recorded), "text");
      layout.number(c(3), recordedScore, points);
      layout.text(c(4), t.grade, "text");
      layout.span(c(5), c(6), total.recordedGrade ?? "—", "text");
      layout.row++;
    }
    if (heads[i].reason) layout.mergedLine(heads[i].reason!, "warning");
    if (total.recordedStale) layout.mergedLine(t.stale(cellAddress(total.block.recordedTotal!.row, total.block.recordedTotal!.col)), "note");
    if (score && recordedScore && total.recordedDiffers) layout.mergedLine(t.differ(score.minus(recordedScore).abs().toFixed()), "warning");
  });
  const hidden = input.hiddenSheets ?? uncheckedHiddenSheets(input.sheets);
  if (hidden.length > 0) layout.mergedLine(t.hiddenSheets(hidden), "note");
  layout.row++;

  // The chart of 得分率 goes right under the rates it plots, over rows left empty for it: high on
  // the first page, where no page break cuts it (at the sheet's end one did). Only for one
  // evaluated table: several tables' bars repeat the same names (产出指标, 效益指标…) and soon get
  // too thin to read, and the rows above already set them side by side.
  let chartAnchor: MergeRange | null = null;
  if (input.totals.length === 1 && levels.length > 0) {
    // The cells it covers, whole (both hosts draw it over exactly these): from column A through the
    // rates' column, A:E with the 工作表 column (83 characters) and A:D without (72), on
    // chartRows rows, then two rows left empty.
    chartAnchor = { top: layout.row, left: 0, bottom: layout.row + chartRows(levels.length) - 1, right: c(4) };
    layout.row = chartAnchor.bottom + 3;
  }

  // The legend and the signature before the findings, so that the sheet ends with findings: the
  // findings' header, repeated on every page, never stands alone over the signature lines on the
  // last page (review round 51d L1). The scores above are what is signed; the list follows them.
  layout.mergedLine(t.legend, "section");
  for (const [style, label, meaning] of t.legendRows) {
    layout.text(0, label, style);
    layout.span(1, layout.columns - 1, meaning, "text");
    layout.row++;
  }
  layout.mergedLine(t.legendNote, "note");
  layout.row++;

  const last = layout.columns - 1;
  layout.span(0, 1, t.sign[0], "sign");
  layout.span(2, last - 3, t.sign[1], "sign");
  layout.span(last - 2, last, t.sign[2], "sign");
  layout.heights[layout.row] = 30;
  layout.row += 2;
  layout.mergedLine(SUMMARY_MARKERS[input.lang], "note");
  layout.row++;

  layout.mergedLine(t.findings, "section");
  const findingsHeader = layout.row;
  layout.headerRow(t.findingsHeader);
  if (input.findings.length === 0) layout.mergedLine(t.noFindings, "note");
  for (const f of input.findings) {
    findingRow(layout, f, input.lang, { label: SEVERITY_LABEL[input.lang][f.severity], style: f.severity }, f.message, projectOf(f));
  }

  if (input.ignored && input.ignored.length > 0) {
    layout.row++;
    layout.mergedLine(t.ignored, "section");
    layout.headerRow(t.findingsHeader);
    for (const f of input.ignored) {
      findingRow(layout, f, input.lang, { label: t.ignoredLabel, style: "text" }, `${f.message}\n${t.ignoredReason(f.reason)}`, projectOf(f));
    }
  }

  const single = heads.length === 1 ? heads[0] : null;
  return {
    name,
    replaces,
    keptEdited,
    rowCount: layout.row,
    colCount: layout.columns,
    cells: layout.cells,
    merges: layout.merges,
    // The findings' messages sit in column E, unmerged (thousands of merges slow every host down).
    columnWidths: layout.widths.map((width, col) => (col === c(2) || col === c(3) ? Math.max(width, moneyWidth) : width)),
    rowHeights: Array.from({ length: layout.row }, (_, r) => layout.heights[r]),
    print: { titleRows: input.findings.length > 0 ? { top: findingsHeader, bottom: findingsHeader } : null, footer: t.footer },
    freezeRows,
    chart:
      chartAnchor !== null
        ? {
            title: t.chart,
            categories: { top: chartTop, left: c(1), bottom: chartBottom, right: c(1) },
            values: { top: chartTop, left: c(4), bottom: chartBottom, right: c(4) },
            anchor: chartAnchor,
            numberFormat: "0%",
            // A rate is at most 100 %: the axis stops there (LibreOffice drew it to 120 %), and each
            // bar carries its rate as the sheet shows it (review round 51d L7).
            valueMin: 0,
            valueMax: 1,
            labelFormat: rateFormat(input.profile),
            topDown: true,
          }
        : null,
    total: single?.score ?? null,
    grade: single?.grade ?? null,
    gradeReason: single?.reason ?? null,
    levels,
  };
}
