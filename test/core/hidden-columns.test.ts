/**
 * Hidden columns (review round 55a, H1): a unit reusing last year's workbook hides last year's
 * 实际完成值, a mid-year 全年执行数, old 得分, or last year's whole form beside this year's. A field
 * headed in a visible and a hidden column is read in the visible one, wherever the hidden one
 * stands; a hidden column alone naming its field is read; a form whose columns are all hidden is
 * not checked, and named as hidden sheets are.
 */
import { analyze } from "../../src/core/analyze";
import { CellValue, ColumnRun, SheetGrid, WorkbookGrid, hiddenColumnRuns, parseCellAddress, viewOf } from "../../src/core/grid";
import { sheet } from "../support/grid";

/**
 * A form with last year's 全年执行数 (half) and 实际完成值 (90%) in column E, before this year's in
 * F: 99.5 of 100 from this year's, 9.5 of them the budget's.
 */
const FORM: CellValue[][] = [
  ["项目支出绩效自评表"],
  ["项目资金（万元）", "年初预算数", "全年预算数", "分值", "全年执行数", "全年执行数", "执行率", "得分"],
  ["年度资金总额", 200, 200, 10, 95, 190, 0.95, 9.5],
  [],
  ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ["产出指标", "数量指标", "培训人次", "≥2000人次", "1800人次", "2150人次", 30, 30, ""],
  [null, "质量指标", "培训合格率", "≥90%", "81%", "93.5%", 20, 20, ""],
  ["效益指标", "社会效益指标", "新增就业人数", "≥600人", "486人", "640人", 20, 20, ""],
  ["满意度指标", "服务对象满意度指标", "参训学员满意度", "≥90%", "85.5%", "95%", 20, 20, ""],
  ["总分", null, null, null, null, null, 100, 99.5],
];

/** Columns E and F swapped: the hidden ones right of the visible ones. */
const SWAPPED: CellValue[][] = FORM.map((row) => (row.length > 5 ? [...row.slice(0, 4), row[5], row[4], ...row.slice(6)] : row));

/** Old scores (one point lower) in a hidden column E headed 得分, left of the visible 得分 in H. */
const OLD_SCORES: CellValue[][] = [
  ["一级指标", "二级指标", "三级指标", "年度指标值", "得分", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
  ["产出指标", "数量指标", "培训人次", "≥2000人次", 39, "2150人次", 40, 40, ""],
  [null, "质量指标", "培训合格率", "≥90%", 29, "93.5%", 30, 30, ""],
  ["满意度指标", "服务对象满意度指标", "参训学员满意度", "≥90%", 19, "95%", 30, 30, ""],
  ["总分", null, null, null, null, null, 100, 100],
];

function grid(rows: CellValue[][], hidden: ColumnRun[], name = "自评表"): WorkbookGrid {
  const s: SheetGrid = { ...sheet({ name, rows }), hiddenColumns: hidden };
  return { sheets: [s] };
}

/** Columns by letters, "E" or "I:Q". */
const cols = (...letters: string[]): ColumnRun[] =>
  letters.map((l) => {
    const [a, b = a] = l.split(":");
    return { first: parseCellAddress(`${a}1`)!.col, last: parseCellAddress(`${b}1`)!.col };
  });

const inColumns = (cell: string, first: string, last: string) => {
  const col = parseCellAddress(cell)!.col;
  return col >= parseCellAddress(`${first}1`)!.col && col <= parseCellAddress(`${last}1`)!.col;
};

describe("a field headed in a visible and a hidden column", () => {
  it("is read in the visible one when the hidden one stands left of it (last year's 实际完成值, a mid-year 全年执行数)", () => {
    const analysis = analyze(grid(FORM, cols("E")));
    expect(analysis.totals.map((t) => [t.score, t.grade])).toEqual([["99.5", "优"]]);
    expect(analysis.budget.map((b) => [b.spent, b.rate])).toEqual([["190", "0.95"]]);
    expect(analysis.findings).toEqual([]);
  });

  it("is read in the first one when neither is hidden, as before", () => {
    const analysis = analyze(grid(FORM, []));
    expect(analysis.budget.map((b) => b.spent)).toEqual(["95"]);
    expect(analysis.findings.length).toBeGreaterThan(0);
  });

  it("is read in the visible one when the hidden one stands right of it", () => {
    const analysis = analyze(grid(SWAPPED, cols("F")));
    expect(analysis.totals.map((t) => t.score)).toEqual(["99.5"]);
    expect(analysis.budget.map((b) => b.spent)).toEqual(["190"]);
    expect(analysis.findings).toEqual([]);
  });

  it("a hidden undated 实际完成值 beside a visible 2023年实际完成值: the visible one is read (review 55 M1)", () => {
    const rows = FORM.map((row, r) => (r === 4 ? [...row.slice(0, 5), "2023年实际完成值", ...row.slice(6)] : row));
    const analysis = analyze(grid(rows, cols("E")));
    expect(analysis.indicators.map((i) => i.actual?.text)).toEqual(["2150人次", "93.5%", "640人", "95%"]);
    expect(analysis.totals.map((t) => [t.score, t.grade])).toEqual([["99.5", "优"]]);
    expect(analysis.findings).toEqual([]);
  });

  it("old 得分 hidden left of the visible 得分: no finding lands in the hidden column", () => {
    const analysis = analyze(grid(OLD_SCORES, cols("E")));
    expect(analysis.findings.filter((f) => inColumns(f.cell, "E", "E"))).toEqual([]);
    expect(analysis.indicators.map((i) => i.recordedScore)).toEqual(["40", "30", "30"]);
    expect(analysis.totals.map((t) => t.score)).toEqual(["100"]);
  });
});

describe("a hidden column alone naming its field", () => {
  it("is read: a hidden 偏差原因 still explains a score below its weight", () => {
    const rows = FORM.map((row, r) =>
      r === 8 ? [...row.slice(0, 6), 20, 18, "样本学员流动大，下年度改进回访。"] : r === 9 ? [...row.slice(0, 6), 100, 97.5] : row,
    );
    const analysis = analyze(grid(rows, cols("E", "I")));
    expect(analysis.indicators.map((i) => i.recordedScore)).toEqual(["30", "20", "20", "18"]);
    expect(analysis.findings.filter((f) => f.rule === "missing-reason")).toEqual([]);
  });
});

describe("a form whose columns are all hidden (last year's form beside this year's)", () => {
  // This year's form in A:I (its column E without last year's figures), last year's in K:S, hidden
  // with the blank column J between them.
  const nine = (row: CellValue[]) => Array.from({ length: 9 }, (_, c) => row[c] ?? null);
  const ownForm = FORM.map((row) => nine(row.length > 5 ? [...row.slice(0, 4), ...row.slice(5)] : row));
  const lastYear = FORM.map((row) => nine(row.length > 5 ? [...row.slice(0, 5), ...row.slice(6)] : row));
  const rows = ownForm.map((row, r) => [...row, null, ...lastYear[r]]);

  // Review 55 M2: with its 偏差原因 column left shown (J:Q hidden), it is not checked either, its budget and indicators alike.
  it.each(["J:S", "J:Q"])("hidden as %s, is not checked, scored, marked or written into, and is named as hidden sheets are", (hidden) => {
    const analysis = analyze(grid(rows, cols(hidden)));
    expect(analysis.tables.map((t) => t.range)).toEqual(["A2:G3", "A5:H10"]);
    expect(analysis.totals.map((t) => t.score)).toEqual(["99.5"]);
    expect(analysis.hiddenSheets).toEqual([`自评表!${hidden}`]);
    expect(analysis.findings.filter((f) => inColumns(f.cell, "J", "S"))).toEqual([]);
    expect(analysis.writes.filter((w) => inColumns(w.cell, "J", "S"))).toEqual([]);
    expect(analysis.summary.cells.some((c) => typeof c.value === "string" && c.value.includes(`自评表!${hidden}`))).toBe(true);
  });

  it("with a number column of its indicators shown, it is checked whole, its budget block too (review 55 M2)", () => {
    // Last year's indicators with 偏差原因 before 分值 | 得分: their 得分 in R, right of the budget block's K:Q.
    const moved = rows.map((row, r) => (r >= 4 ? [...row.slice(0, 15), row[17], row[15], row[16], null] : row));
    const analysis = analyze(grid(moved, cols("J:Q")));
    expect(analysis.tables.map((t) => `${t.kind} ${t.range}`)).toEqual(["budget A2:G3", "budget K2:Q3", "indicators A5:H10", "indicators K5:R10"]);
    expect(analysis.totals).toHaveLength(2);
    expect(analysis.hiddenSheets).toEqual([]);
  });

  it("is checked when its columns are shown", () => {
    const analysis = analyze(grid(rows, []));
    expect(analysis.totals.length).toBe(2);
    expect(analysis.hiddenSheets).toEqual([]);
  });

  it("beside hidden sheets, both are named", () => {
    const workbook = grid(rows, cols("J:S"));
    workbook.sheets.unshift({ ...sheet({ name: "2022年", rows: FORM }), hidden: true });
    expect(analyze(workbook).hiddenSheets).toEqual(["2022年", "自评表!J:S"]);
  });

  it("alone in the workbook: no table is found, and the hidden columns are named", () => {
    const analysis = analyze(grid(FORM.map((row) => [null, null, ...row]), cols("C:K")));
    expect(analysis.tables).toEqual([]);
    expect(analysis.hiddenSheets).toEqual(["自评表!C:K"]);
  });
});

describe("hiddenColumnRuns", () => {
  it("orders runs and joins those that overlap or touch", () => {
    expect(hiddenColumnRuns([{ first: 9, last: 9 }, { first: 4, last: 5 }, { first: 6, last: 6 }, { first: 8, last: 10 }])).toEqual([
      { first: 4, last: 6 },
      { first: 8, last: 10 },
    ]);
  });

  it("a view answers whether a column is hidden", () => {
    const view = viewOf({ ...sheet({ rows: [["a"]] }), hiddenColumns: cols("B:C", "F") });
    expect([0, 1, 2, 3, 5].map((c) => view.columnHidden(c))).toEqual([false, true, true, false, true]);
  });
});

