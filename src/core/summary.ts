/**
 * Builds the 综合得分 sheet layout from an analysis: title, profile line, budget execution, each
 * 一级指标 with weight, score and 得分率, the total and grade, and the findings table.
 */
import Decimal from "decimal.js";
import { MergeRange, SheetGrid, cellText } from "./grid";
import { Lang, SEVERITY_LABEL } from "./messages";
import { Profile, describeProfile } from "./profile";
import { Finding } from "./result";
import { BudgetLineResult } from "./rules/budget";
import { EvaluationTotal } from "./rules/totals";
import { roundHalfUp } from "./score";
import { SummaryCell, SummaryLevel1, SummarySheet, SummaryStyle } from "./summary-types";

export const SUMMARY_SHEET_NAME = "综合得分";
/** Written at the foot of every summary sheet, in its language; how a later run knows the sheet is its own. */
export const SUMMARY_MARKERS: Record<Lang, string> = {
  zh: "本表由绩效自评助手（jixiao）生成，重新计算时会被替换。",
  en: "This sheet was made by the self-evaluation assistant (jixiao); the next recalculation replaces it.",
};
const MARKER_TEXTS = new Set(Object.values(SUMMARY_MARKERS));

const COLUMNS = 7;

export function isJixiaoSummary(sheet: SheetGrid): boolean {
  for (let r = sheet.values.length - 1; r >= 0; r--) {
    if (MARKER_TEXTS.has(cellText(sheet.values[r]?.[0]))) return true;
  }
  return false;
}

/** 综合得分, 综合得分(2), (3)…: the n-th name a summary sheet may take. */
function summaryName(n: number): string {
  return n === 1 ? SUMMARY_SHEET_NAME : `${SUMMARY_SHEET_NAME}(${n})`;
}

/**
 * 综合得分, or 综合得分(2), (3)… when a sheet of that name exists that jixiao did not make (a chart
 * sheet among `otherNames` never is jixiao's).
 */
export function summarySheetName(sheets: SheetGrid[], otherNames: string[] = []): { name: string; replaces: boolean } {
  for (let n = 1; ; n++) {
    const name = summaryName(n);
    if (otherNames.includes(name)) continue;
    const existing = sheets.find((s) => s.name === name);
    if (!existing) return { name, replaces: false };
    if (isJixiaoSummary(existing)) return { name, replaces: true };
  }
}

const TEXT = {
  zh: {
    title: "绩效自评综合得分",
    budget: "一、预算执行",
    budgetHeader: ["工作表", "项目", "全年预算数", "执行数", "执行率", "分值", "得分"],
    levels: "二、绩效指标",
    levelsHeader: ["工作表", "一级指标", "分值", "得分", "得分率"],
    total: "综合得分",
    grade: "评价等次",
    findings: "三、问题清单",
    findingsHeader: ["工作表", "单元格", "规则", "级别", "说明"],
    noFindings: "未发现问题。",
    noTotals: "没有可汇总得分的绩效指标自评表（例如只有绩效目标表或项目清单）。",
    chart: "各一级指标得分率",
  },
  en: {
    title: "Performance self-evaluation summary",
    budget: "1. Budget execution",
    budgetHeader: ["Sheet", "Line", "Planned", "Spent", "Rate", "Weight", "Score"],
    levels: "2. Indicators",
    levelsHeader: ["Sheet", "Level 1", "Weight", "Score", "Score rate"],
    total: "Total",
    grade: "Grade",
    findings: "3. Findings",
    findingsHeader: ["Sheet", "Cell", "Rule", "Severity", "Message"],
    noFindings: "No findings.",
    noTotals: "No indicator self-evaluation to total (e.g. only target tables or a project list).",
    chart: "Score rate by level-1 indicator",
  },
};

/** Excel holds at most 32,767 characters in a cell; a message quoting a huge cell is cut to fit. */
const CELL_LIMIT = 32767;
const fitCell = (text: string): string => (text.length <= CELL_LIMIT ? text : `${text.slice(0, CELL_LIMIT - 1)}…`);

class Layout {
  readonly cells: SummaryCell[] = [];
  readonly merges: MergeRange[] = [];
  row = 0;

  text(col: number, value: string, style: SummaryStyle): void {
    if (value !== "") this.cells.push({ row: this.row, col, value: fitCell(value), isNumber: false, style });
  }

  number(col: number, value: Decimal | null, numFmt: string, style: SummaryStyle = "number"): void {
    if (value !== null) this.cells.push({ row: this.row, col, value: value.toFixed(), isNumber: true, numFmt, style });
  }

  mergedLine(value: string, style: SummaryStyle): void {
    this.text(0, value, style);
    this.merges.push({ top: this.row, left: 0, bottom: this.row, right: COLUMNS - 1 });
    this.row++;
  }

  headerRow(labels: string[]): void {
    labels.forEach((label, col) => this.text(col, label, "header"));
    this.row++;
  }
}

const rate = (score: Decimal | null, weight: Decimal | null): Decimal | null =>
  score !== null && weight !== null && !weight.isZero() ? roundHalfUp(score.div(weight), 4) : null;

export interface SummaryInput {
  sheets: SheetGrid[];
  otherSheetNames?: string[];
  budget: BudgetLineResult[];
  totals: EvaluationTotal[];
  findings: Finding[];
  profile: Profile;
  lang: Lang;
}

export function buildSummary(input: SummaryInput): SummarySheet {
  const t = TEXT[input.lang];
  const { name, replaces } = summarySheetName(input.sheets, input.otherSheetNames);
  const layout = new Layout();
  const multipleSheets = new Set(input.totals.map((total) => total.sheet)).size > 1;

  layout.mergedLine(t.title, "title");
  layout.mergedLine(describeProfile(input.profile, input.lang), "subtitle");
  const freezeRows = layout.row;
  layout.row++;

  layout.mergedLine(t.budget, "section");
  layout.headerRow(t.budgetHeader);
  for (const b of input.budget.filter((line) => line.scored || line.line.kind === "funds-total")) {
    layout.text(0, b.line.sheet, "text");
    layout.text(1, b.line.label, "text");
    layout.number(2, b.line.planned?.value ?? null, "#,##0.00");
    layout.number(3, b.line.spent?.value ?? null, "#,##0.00");
    layout.number(4, b.rate === null ? null : roundHalfUp(b.rate, input.profile.rateDecimals), "0.00%", "percent");
    layout.number(5, b.weight, "0.00");
    layout.number(6, b.score, "0.00");
    layout.row++;
  }
  layout.row++;

  layout.mergedLine(t.levels, "section");
  layout.headerRow(t.levelsHeader);
  const levels: SummaryLevel1[] = [];
  const chartTop = layout.row;
  for (const total of input.totals) {
    for (const level of total.levels) {
      const levelRate = rate(level.score, level.weight);
      layout.text(0, total.sheet, "text");
      layout.text(1, level.name, "text");
      layout.number(2, level.weight, "0.00");
      layout.number(3, level.score, "0.00");
      layout.number(4, levelRate, "0.00%", "percent");
      layout.row++;
      levels.push({
        name: multipleSheets ? `${total.sheet} · ${level.name}` : level.name,
        weight: level.weight?.toFixed() ?? null,
        score: level.score?.toFixed() ?? null,
        rate: levelRate?.toFixed() ?? null,
      });
    }
  }
  const chartBottom = layout.row - 1;
  if (input.totals.length === 0) layout.mergedLine(t.noTotals, "note");
  for (const total of input.totals) {
    layout.text(0, total.sheet, "total");
    layout.text(1, t.total, "total");
    layout.number(3, total.score, "0.00", "total");
    layout.text(4, t.grade, "total");
    layout.text(5, total.grade ?? "", "grade");
    layout.row++;
  }
  layout.row++;

  layout.mergedLine(t.findings, "section");
  layout.headerRow(t.findingsHeader);
  if (input.findings.length === 0) layout.mergedLine(t.noFindings, "note");
  for (const f of input.findings) {
    layout.text(0, f.sheet, "text");
    layout.text(1, f.cell, "text");
    layout.text(2, f.rule, "text");
    layout.text(3, SEVERITY_LABEL[input.lang][f.severity], f.severity);
    layout.text(4, f.message, "text");
    layout.row++;
  }
  layout.row++;
  layout.text(0, SUMMARY_MARKERS[input.lang], "note");
  layout.row++;

  const single = input.totals.length === 1 ? input.totals[0] : null;
  return {
    name,
    replaces,
    rowCount: layout.row,
    colCount: COLUMNS,
    cells: layout.cells,
    merges: layout.merges,
    // The findings' messages sit in column E, unmerged (thousands of merges slow every host down).
    columnWidths: [22, 26, 14, 14, 60, 12, 12],
    freezeRows,
    chart:
      levels.length > 0
        ? {
            title: t.chart,
            categories: { top: chartTop, left: 1, bottom: chartBottom, right: 1 },
            values: { top: chartTop, left: 4, bottom: chartBottom, right: 4 },
          }
        : null,
    total: single?.score?.toFixed() ?? null,
    grade: single?.grade ?? null,
    levels,
  };
}
