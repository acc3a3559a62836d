/**
 * The finance bureau's review workbook (汇总.xlsx) from a review (src/core/review.ts):
 * - 汇总: a row per table, sortable and filterable, header frozen, printed A4 landscape;
 * - 问题明细: every finding with its unit, project, file and cell (AutoFilter);
 * - 规则统计: findings per rule, the grade distribution computed vs recorded with its bar chart,
 *   and findings per unit;
 * - 无法读取: the files that could not be read, and why.
 */
import { WorkbookGrid } from "../core/grid";
import { SEVERITY_LABEL } from "../core/messages";
import { Review, ReviewRow, ReviewRowKind } from "../core/review";
import { ruleName } from "../core/rule-names";
import { BarChart, BarChartStyle } from "./bar-chart";
import { NewCellValue, NewColumn, NewSheet, newWorkbookBytes } from "./new-workbook";

export const REVIEW_SHEETS = { rows: "汇总", findings: "问题明细", counts: "规则统计", failures: "无法读取" } as const;

/** A review workbook jixiao wrote (its four sheets, in order): a rerun over the folder skips it. */
export function isReviewWorkbook(grid: WorkbookGrid): boolean {
  const names = Object.values(REVIEW_SHEETS);
  return grid.sheets.length === names.length && grid.sheets.every((s, i) => s.name === names[i]);
}

const KIND_LABEL: Record<ReviewRowKind, string> = { evaluation: "自评表", targets: "目标表", budget: "预算表" };
const SEVERITY = SEVERITY_LABEL.zh;
/** Said beside amounts whose form states no unit: they are as written, and may not be 万元. */
const UNKNOWN_MONEY_UNIT = "未注明（按原表数）";

const col = (title: string, width: number, kind: NewColumn["kind"] = "text"): NewColumn => ({ title, width, kind });

const ROW_COLUMNS = [
  col("单位", 28, "wrap"),
  col("项目", 28, "wrap"),
  col("文件", 24, "wrap"),
  col("工作表", 18, "wrap"),
  col("表格区域", 10),
  col("类型", 8),
  col("预算数（万元）", 14, "money"),
  col("执行数（万元）", 14, "money"),
  col("金额单位", 12, "wrap"),
  col("执行率", 9, "percent"),
  col("总分（计算）", 11, "decimal"),
  col("总分（填报）", 11, "decimal"),
  col("等次（计算）", 10),
  col("等次（填报）", 10),
  col("错误", 6, "integer"),
  col("警告", 6, "integer"),
  col("提示", 6, "integer"),
  col("主要问题（最严重的三条）", 60, "wrap"),
];

function* rowCells(rows: ReviewRow[]): Iterable<NewCellValue[]> {
  for (const r of rows) {
    yield [
      r.unit,
      r.project,
      r.file,
      r.sheet,
      r.table,
      KIND_LABEL[r.kind],
      r.planned,
      r.spent,
      r.planned === null && r.spent === null ? "" : (r.moneyUnit ?? UNKNOWN_MONEY_UNIT),
      r.rate,
      r.score,
      r.recordedScore,
      r.grade,
      r.recordedGrade,
      r.errors,
      r.warnings,
      r.infos,
      r.worst.join("\n"),
    ];
  }
}

function findingsSheet(review: Review): NewSheet {
  return {
    name: REVIEW_SHEETS.findings,
    printTitle: "问题明细",
    autoFilter: true,
    columns: [col("单位", 28, "wrap"), col("项目", 28, "wrap"), col("文件", 24, "wrap"), col("工作表", 18, "wrap"), col("单元格", 8), col("严重程度", 8), col("规则", 24), col("规则名称", 20, "wrap"), col("说明", 70, "wrap")],
    rows: (function* () {
      for (const f of review.findings) yield [f.unit, f.project, f.file, f.sheet, f.cell, SEVERITY[f.severity], f.rule, ruleName(f.rule, "zh"), f.message];
    })(),
  };
}

/** The grade distribution: upright columns of table counts, each labelled, computed and recorded named in a legend. */
export const GRADE_CHART_STYLE: BarChartStyle = { direction: "col", categoryOrder: "minMax", valueMin: null, numberFormat: "0", legend: true, dataLabels: true };

/** 规则统计: per rule (the filterable first table), the grade distribution and its chart, per unit. */
function countsSheet(review: Review): NewSheet {
  const ruleColumns = [col("规则", 24), col("严重程度", 10), col("问题数", 10, "integer"), col("涉及文件", 10, "integer"), col("涉及单位", 10, "integer")];
  const gradeColumns = [col("等次", 24), col("计算等次（表数）", 16, "integer"), col("填报等次（表数）", 16, "integer")];
  const unitColumns = [col("单位", 24, "wrap"), col("文件数", 10, "integer"), col("表数", 10, "integer"), col("错误", 10, "integer"), col("警告", 10, "integer"), col("提示", 10, "integer")];
  // Row 0 is the rules' header; the grade table's header comes after the rules and a blank row.
  const gradeHeader = review.rules.length + 2;
  const grades = review.grades;
  const chart: BarChart | undefined =
    grades.length === 0
      ? undefined
      : {
          ...GRADE_CHART_STYLE,
          title: "等次分布：计算与填报",
          categoryCol: 0,
          firstRow: gradeHeader + 1,
          lastRow: gradeHeader + grades.length,
          categories: grades.map((g) => g.grade),
          series: [
            { name: { text: gradeColumns[1].title, cell: { row: gradeHeader, col: 1 } }, col: 1, values: grades.map((g) => g.computed) },
            { name: { text: gradeColumns[2].title, cell: { row: gradeHeader, col: 2 } }, col: 2, values: grades.map((g) => g.recorded) },
          ],
          from: { row: 0, col: unitColumns.length + 1 },
          to: { row: 18, col: unitColumns.length + 9 },
        };
  return {
    name: REVIEW_SHEETS.counts,
    printTitle: "规则统计",
    autoFilter: true,
    columns: ruleColumns,
    rows: review.rules.map((r) => [r.rule, SEVERITY[r.severity], r.findings, r.files, r.units]),
    below: [
      { columns: gradeColumns, rows: grades.map((g) => [g.grade, g.computed, g.recorded]) },
      { columns: unitColumns, rows: review.units.map((u) => [u.unit, u.files, u.tables, u.errors, u.warnings, u.infos]) },
    ],
    chart,
  };
}

export function reviewSheets(review: Review): NewSheet[] {
  return [
    { name: REVIEW_SHEETS.rows, printTitle: "汇总复核", autoFilter: true, columns: ROW_COLUMNS, rows: rowCells(review.rows) },
    findingsSheet(review),
    countsSheet(review),
    {
      name: REVIEW_SHEETS.failures,
      printTitle: "无法读取的文件",
      autoFilter: true,
      columns: [col("文件", 50, "wrap"), col("原因", 90, "wrap")],
      rows: review.failures.map((f) => [f.file, f.message]),
    },
  ];
}

/** The review workbook as bytes (the command line's output and the page's download). */
export const reviewWorkbookBytes = (review: Review): Uint8Array => newWorkbookBytes(reviewSheets(review));
