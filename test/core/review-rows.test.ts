/**
 * The finance bureau's review row of each table as a unit hands its workbook in: a project list
 * stands in one row by its 合计, the unit is the one the forms name on any sheet, a scored copy is
 * named as the workbook it was made from, and the row's worst findings say which sheet they are on.
 */
import { analyze } from "../../src/core/analyze";
import { WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { reviewFile } from "../../src/core/review";
import { BUDGET_HEADER, INDICATOR_HEADER, SheetSpec, workbook } from "../support/grid";

const review = (file: string, grid: WorkbookGrid) => reviewFile(file, analyze(grid), DEFAULT_PROFILE);

/** A project's own sheet: budget block with its 分值, indicators adding up to 90, 总分. */
const projectSheet = (name: string, planned: number, spent: number): SheetSpec => ({
  name,
  rows: [
    ["项目支出绩效自评表"],
    ["项目名称", name, "", "", "实施单位", "县农业农村局"],
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", planned, planned, spent, 10, spent / planned, (10 * spent) / planned],
    [],
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "建成高标准农田", "≥1万亩", "1.2万亩", 50, 50, ""],
    ["效益指标", "经济效益指标", "亩均增产", "≥50公斤", "60公斤", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "农户满意度", "≥90%", "95%", 10, 10, ""],
    ["总分", "", "", "", "", 100, 90 + (10 * spent) / planned, ""],
  ],
});

/** A unit's list of its projects with their budgets and a 合计 line, in 万元, no 分值 column. */
const projectList: SheetSpec = {
  name: "项目汇总",
  rows: [
    ["2023年度项目支出绩效自评汇总表"],
    ["单位名称", "县农业农村局", "", "", "单位：万元"],
    ["序号", "项目名称", "全年预算数", "全年执行数", "执行率"],
    [1, "高标准农田建设", 2500, 2500, 1],
    [2, "农村人居环境整治", 800, 720, 0.9],
    [3, "动物防疫补助", 120, 96, 0.8],
    ["合计", "", 3420, 3316, 0.9696],
  ],
  merges: ["A1:E1"],
  numFmts: { E4: "0.00%", E5: "0.00%", E6: "0.00%", E7: "0.00%" },
};

describe("the review row of a budget table no total counts", () => {
  test("a project list is given by its 合计, named by what it adds up", () => {
    const { rows } = review("农业农村局.xlsx", workbook(projectList, projectSheet("高标准农田建设", 2500, 2500)));
    expect(rows.find((r) => r.kind === "budget")).toMatchObject({
      sheet: "项目汇总",
      unit: "县农业农村局",
      project: "合计（3个项目）",
      planned: "3420",
      spent: "3316",
      rate: "0.9696",
      moneyUnit: "万元",
    });
  });

  test("a weighted table is given by the line that carries its score, wherever it is", () => {
    const budgetOnly = workbook({
      name: "预算执行",
      rows: [
        ["部门（单位）名称", "县某局", "", "", "", "单位：万元"],
        BUDGET_HEADER,
        ["其中：财政拨款", 500, 500, 450],
        ["其他资金", 300, 300, 270],
        ["合计", 800, 800, 720, 10, 0.9, 9],
      ],
    });
    const { rows } = review("某局.xlsx", budgetOnly);
    expect(rows).toEqual([expect.objectContaining({ kind: "budget", planned: "800", spent: "720", rate: "0.9" })]);
  });

  test("a list without a 合计 shows no figures rather than its first project's", () => {
    const withoutTotal = { ...projectList, rows: projectList.rows.slice(0, -1) };
    const { rows } = review("农业农村局.xlsx", workbook(withoutTotal));
    expect(rows).toEqual([expect.objectContaining({ kind: "budget", project: "", planned: null, spent: null, rate: null, moneyUnit: null })]);
  });
});

/** A 部门整体 form on two sheets, as rev5 had it: the unit named over the budget, the indicators on their own sheet, a wrong 执行率 (F4). */
const departmentOnTwoSheets = workbook(
  {
    name: "预算执行",
    rows: [
      ["部门整体支出绩效自评表（预算执行情况）"],
      ["部门（单位）名称", "县民族宗教事务局"],
      ["年度预算申请（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
      ["年度资金总额", 800, 820, 779, 10, 0.9, 9],
    ],
    numFmts: { F4: "0.0%" },
  },
  {
    name: "绩效指标",
    rows: [
      ["部门整体支出绩效自评表（绩效指标）"],
      INDICATOR_HEADER,
      ["产出指标（50分）", "数量指标", "发放补贴户数", "≥3,000户", "3,120户", 50, 50, ""],
      ["效益指标（30分）", "社会效益指标", "困难群众生活改善", "有效改善", "有效改善", 30, 30, ""],
      ["满意度指标（10分）", "服务对象满意度指标", "受益群众满意度", "≥95%", "96%", 10, 10, ""],
      ["总分", "", "", "", "", 100, 99, ""],
    ],
  },
);

describe("the review row's names", () => {
  test("the unit is the one the form names on another sheet, not the file's name", () => {
    const { rows } = review("民宗局.xlsx", departmentOnTwoSheets);
    expect(rows.map((r) => [r.kind, r.sheet, r.unit])).toEqual([["evaluation", "绩效指标", "县民族宗教事务局"]]);
  });

  test("a finding on another sheet than the row's is named with its sheet among the worst", () => {
    const { rows, findings } = review("民宗局.xlsx", departmentOnTwoSheets);
    const rate = findings.find((f) => f.rule === "rate-mismatch")!;
    expect(rate).toMatchObject({ sheet: "预算执行", cell: "F4" });
    expect(rows[0].worst[0]).toBe(`预算执行!F4 执行率算错：${rate.message}`);
  });

  test("a scored copy handed in alone is named as the workbook it was made from", () => {
    const unnamed = workbook(projectSheet("档案数字化", 100, 95));
    unnamed.sheets[0].values[1] = ["项目名称", "档案数字化"];
    for (const file of ["县档案馆.jixiao.xlsx", "乡镇/县档案馆.JIXIAO.xlsx", "县档案馆.xlsx.jixiao.xlsx", "县档案馆.jixiao.jixiao.xlsx"]) {
      expect(review(file, unnamed).rows.map((r) => r.unit)).toEqual(["县档案馆"]);
    }
  });
});
