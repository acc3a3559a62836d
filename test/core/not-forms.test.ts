/**
 * Tables that hold a form's words and figures but are no table of the unit's (review round 15):
 * a 部门整体 form's 年度主要任务 list with each task's 预算数 and 执行数 (D). It is not read; the form
 * around it is.
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { reviewFile } from "../../src/core/review";
import { DEPARTMENT_HEAD, DEPARTMENT_INDICATORS, workbook } from "../support/grid";

type Row = CellValue[];

const run = (wb: WorkbookGrid): Analysis => analyze(wb, DEFAULT_PROFILE);
const found = (a: Analysis): string[] => a.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`);
const tables = (a: Analysis): string[] => a.tables.map((t) => `${t.kind}@${t.sheet}!${t.range}`);

describe("a 部门整体 form's 年度主要任务 list (任务名称 | 主要内容 | 预算数 | 执行数 | 完成情况)", () => {
  /**
   * 部门预算执行情况 (年度资金总额 10 points, 2150 of 2200: 9.77) over the list of `tasks` headed
   * `taskHeader`, over the indicators (90 of 90, DEPARTMENT_INDICATORS); 总分 99.77, 优.
   */
  const form = (taskHeader: Row, tasks: Row[]): WorkbookGrid =>
    workbook({
      name: "部门整体",
      rows: [
        ...DEPARTMENT_HEAD,
        ["", "年度资金总额", 2000, 2200, 2150, 10, 2150 / 2200, 9.77],
        ["", "其中：基本支出", 800, 820, 815, "—", "—", "—"],
        ["", "项目支出", 1200, 1380, 1335, "—", "—", "—"],
        ["年度主要任务", ...taskHeader],
        ...tasks.map((task): Row => ["", ...task]),
        ...DEPARTMENT_INDICATORS,
        ["总分", "", "", "", "", "", 100, 99.77],
        ["评价等次", "", "", "", "", "", "", "优"],
      ],
      merges: ["A1:I1", "B2:G2", "A3:A6", `A7:A${7 + tasks.length}`],
      numFmts: { G4: "0.00%" },
    });
  const TASK_HEADER: Row = ["任务名称", "主要内容", "", "预算数（万元）", "执行数（万元）", "完成情况"];
  const TASKS: Row[] = [
    ["城乡低保", "按月发放低保金", "", 900, 880, "已完成"],
    ["特困供养", "集中和分散供养", "", 300, 295, "已完成"],
    ["养老服务", "敬老院运营", "", 180, 160, "已完成"],
  ];

  it("is no budget table: the form has its budget block and its indicators, 99.77 优, nothing found", () => {
    const a = run(form(TASK_HEADER, TASKS));
    expect(tables(a)).toEqual(["budget@部门整体!B3:H6", "indicators@部门整体!B11:I20"]);
    expect(a.budget.map((b) => b.label)).toEqual(["年度资金总额", "其中：基本支出", "项目支出"]);
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => [t.score, t.grade])).toEqual([["99.77", "优"]]);
  });

  it("adds no empty 预算表 row to the review", () => {
    const { rows } = reviewFile("县民政局.xlsx", run(form(TASK_HEADER, TASKS)), DEFAULT_PROFILE);
    expect(rows.map((r) => [r.kind, r.planned, r.spent])).toEqual([["evaluation", "2200", "2150"]]);
  });

  it("is no table either headed 重点工作任务 with amounts alone", () => {
    const a = run(form(["重点工作任务", "", "", "预算数", "执行数"], TASKS.map((t) => [t[0], "", "", t[3], t[4]])));
    expect(tables(a)).toEqual(["budget@部门整体!B3:H6", "indicators@部门整体!B11:I20"]);
  });

  it("stays a budget table, checked, where the tasks' execution is rated (执行率)", () => {
    const rated = form(["任务名称", "", "全年预算数", "全年执行数", "", "执行率"], [
      ["城乡低保", "", 900, 880, "", 0.99],
      ["特困供养", "", 300, 295, "", 295 / 300],
    ]);
    const a = run(rated);
    expect(a.tables.map((t) => t.kind)).toEqual(["budget", "budget", "indicators"]);
    expect(found(a)).toEqual(["rate-mismatch@部门整体!G8"]);
  });
});
