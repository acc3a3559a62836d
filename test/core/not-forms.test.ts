/**
 * Tables that hold a form's words and figures but are no table of the unit's (review round 15):
 * a filled 填写示例 under its heading on a 填表说明 sheet (A6), and a 部门整体 form's 年度主要任务
 * list with each task's 预算数 and 执行数 (D). Neither is read; the forms around them are.
 */
import { Analysis, analyze, noTablesMessage } from "../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { reviewFile } from "../../src/core/review";
import { BUDGET_HEADER, DEPARTMENT_HEAD, DEPARTMENT_INDICATORS, INDICATOR_HEADER, SheetSpec, workbook } from "../support/grid";
import { found } from "../support/findings";

type Row = CellValue[];

const run = (wb: WorkbookGrid): Analysis => analyze(wb, DEFAULT_PROFILE);
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

  it("is no table either with its header in two languages (年度主要任务 over Major Tasks: review round 53a, M1)", () => {
    const wb = form(TASK_HEADER.map((heading) => (heading === "" ? "" : `${heading}\nIn English`)), TASKS);
    wb.sheets[0].values[6][0] = "年度主要任务\nMajor Tasks";
    const a = run(wb);
    expect(tables(a)).toEqual(["budget@部门整体!B3:H6", "indicators@部门整体!B11:I20"]);
    expect(found(a)).toEqual([]);
  });

  it("ends the budget block right above it with its last funds line, under a label merged down to that line (review round 56e, H1)", () => {
    // 预算资金（万元） merged down beside the funds lines (A3:A6), the list's amounts under 全年预算数 and
    // 全年执行数: the label was read as a heading of the list's header, the 项目支出 line its top row.
    const wb = form(["任务名称", "主要内容", "预算数（万元）", "执行数（万元）", "完成情况"], TASKS.map((t) => [t[0], t[1], t[3], t[4], t[5]]));
    wb.sheets[0].values[2][0] = "预算资金（万元）";
    wb.sheets[0].values[2][1] = "";
    const a = run(wb);
    expect(tables(a)).toEqual(["budget@部门整体!B3:H6", "indicators@部门整体!B11:I20"]);
    expect(a.budget.map((b) => b.label)).toEqual(["年度资金总额", "其中：基本支出", "项目支出"]);
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => [t.score, t.grade])).toEqual([["99.77", "优"]]);
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

// Review round 29 (4): the budget block under the list, wider to the left, was taken for a form
// beside it: the list read in its amounts' columns alone (lines without names), and no table found
// the unit's name above it.
describe("a 年度主要任务 list whose execution is rated, above the budget block, its amounts right of blank columns", () => {
  const form = (taskLabel = "任务名称"): WorkbookGrid =>
    workbook({
      name: "部门整体",
      rows: [
        ["部门整体支出绩效自评表"],
        ["部门（单位）名称", "", "县市场监督管理局"],
        ["年度主要任务", taskLabel, "", "主要内容", "", "", "预算数", "执行数", "执行率"],
        ["", "市场主体登记服务", "", "登记、年报、信用监管", "", "", 120, 118.6, null],
        ["", "食品安全抽检", "", "抽检1500批次", "", "", 260, 255.2, null],
        ["", "合计", "", "", "", "", 380, 373.8, null],
        ["部门预算执行情况", "项目", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", 2000, 2200, 2150, 10, 2150 / 2200, 9.77],
        ...DEPARTMENT_INDICATORS,
        ["总分", "", "", "", "", "", 100, 99.77],
        ["评价等次", "", "", "", "", "", "", "优"],
      ],
      merges: ["A1:I1", "A3:A6"],
      numFmts: { H8: "0.00%" },
    });

  it("is read whole, its lines named by their 任务名称, every table named by the unit above it", () => {
    const a = run(form());
    expect(tables(a)).toEqual(["budget@部门整体!B3:I6", "budget@部门整体!B7:H8", "indicators@部门整体!B9:I18"]);
    expect(a.tables.map((t) => t.unit)).toEqual(["县市场监督管理局", "县市场监督管理局", "县市场监督管理局"]);
    expect(a.budget.map((b) => [b.label, b.rate])).toEqual([
      ["市场主体登记服务", "0.9883"],
      ["食品安全抽检", "0.9815"],
      ["合计", "0.9837"],
      ["年度资金总额", "0.9773"],
    ]);
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => [t.score, t.grade])).toEqual([["99.77", "优"]]);
  });

  it("headed in words that name no column (重点工作), read in its amounts' columns, still has no form beside it: the unit names every table", () => {
    const a = run(form("重点工作"));
    expect(tables(a)).toEqual(["budget@部门整体!G3:I6", "budget@部门整体!B7:H8", "indicators@部门整体!B9:I18"]);
    expect(a.tables.map((t) => t.unit)).toEqual(["县市场监督管理局", "县市场监督管理局", "县市场监督管理局"]);
    expect(a.budget.map((b) => b.label)).toEqual(["登记、年报、信用监管", "抽检1500批次", "合计", "年度资金总额"]);
    expect(found(a)).toEqual([]);
  });
});

describe("a filled 填写示例 on the 填表说明 sheet", () => {
  /** 填表说明: its rules in words, a reference 一级指标 | 分值 table, then `example` (rows from row 13). */
  const instructions = (example: Row[]): SheetSpec => ({
    name: "填表说明",
    rows: [
      ["填表说明"],
      ["1. 本表按财预〔2020〕10号填报，预算执行率10分，产出指标50分，效益指标30分，满意度指标10分，合计100分。"],
      ["2. 定量指标：完成指标值的得满分，未完成的按比例得分。"],
      ["一级指标", "分值", "说明"],
      ["预算执行率", 10, "执行数/全年预算数"],
      ["产出指标", 50],
      ["效益指标", 30],
      ["满意度指标", 10],
      [],
      ...example,
    ],
  });
  const EXAMPLE_ROWS: Row[] = [
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "培训人数", "≥300人", "280人", 10, 9.33, "部分学员因故未参训"],
    ["效益指标", "社会效益指标", "带动就业", "≥50人", "60人", 10, 10, ""],
  ];
  /** The project's form on a sheet of its own: 10 budget points (9.5) and 90 of indicators, 总分 99.5, 优. */
  const PROJECT_ROWS: Row[] = [
    ["2023年度项目支出绩效自评表"],
    ["项目名称", "农村道路维护"],
    ["项目资金（万元）", ...BUDGET_HEADER.slice(1)],
    ["年度资金总额", 200, 200, 190, 10, 0.95, 9.5],
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "维护道路里程", "≥50公里", "52公里", 50, 50, ""],
    ["效益指标", "社会效益指标", "群众出行条件", "明显改善", "明显改善", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "95%", 10, 10, ""],
    ["总分", "", "", "", "", 100, 99.5],
    ["评价等次", "", "", "", "", "", "优"],
  ];
  const project: SheetSpec = { name: "项目1", rows: PROJECT_ROWS };

  it.each([["填写示例："], ["示例"], ["例："], ["填报示例（仅供参考）："]])("reads nothing under a line %s", (heading) => {
    const a = run(workbook(instructions([[heading], ...EXAMPLE_ROWS]), project));
    expect(a.tables.map((t) => t.sheet)).toEqual(["项目1", "项目1"]);
    expect(found(a)).toEqual([]);
    expect(a.totals.map((t) => [t.sheet, t.score, t.grade])).toEqual([["项目1", "99.5", "优"]]);
  });

  it("reads nothing of a whole example form (budget block and indicators) under the line", () => {
    const a = run(workbook(instructions([["填写示例："], ...PROJECT_ROWS]), project));
    expect(a.tables.map((t) => t.sheet)).toEqual(["项目1", "项目1"]);
  });

  it("reads a real form set under the example, with its own title", () => {
    const a = run(workbook(instructions([["填写示例："], ...EXAMPLE_ROWS, [], ...PROJECT_ROWS])));
    expect(tables(a)).toEqual(["budget@填表说明!A17:G18", "indicators@填表说明!A19:H24"]);
    expect(a.totals.map((t) => [t.score, t.grade])).toEqual([["99.5", "优"]]);
  });

  it("reads a form the unit filled in on the 填表说明 sheet itself, with no example line", () => {
    const a = run(workbook(instructions(PROJECT_ROWS)));
    expect(a.totals.map((t) => [t.sheet, t.score, t.grade])).toEqual([["填表说明", "99.5", "优"]]);
  });

  it("reads a form filled in over the template's example, heading and all, when the workbook holds no other (review round 17)", () => {
    const a = run(workbook({ name: "自评表", rows: [["填写示例："], ...PROJECT_ROWS] }));
    expect(a.totals.map((t) => [t.sheet, t.score, t.grade])).toEqual([["自评表", "99.5", "优"]]);
  });

  it("reads a table under a sentence that gives an example in words (例如：…)", () => {
    const a = run(workbook(instructions([["例如：培训人数写作“≥300人”。"], ...PROJECT_ROWS.slice(2)])));
    expect(a.totals.map((t) => [t.sheet, t.score, t.grade])).toEqual([["填表说明", "99.5", "优"]]);
  });
});

describe("a header with nothing under it, as a spare template sheet holds it (code review of round 55)", () => {
  const TITLE: Row = ["2023年度项目支出绩效自评表"];
  const FILLED: Row[] = [
    TITLE,
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50, ""],
    ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 50, 50, ""],
  ];
  const project: SheetSpec = { name: "项目A", rows: FILLED };
  const template = (...rows: Row[]): SheetSpec => ({ name: "模板", rows: [["项目支出绩效自评表"], ...rows] });

  it("is no indicator table: not in tables, named in emptyTables, the filled form alone counted and scored", () => {
    const a = run(workbook(project, template(INDICATOR_HEADER)));
    expect(tables(a)).toEqual(["indicators@项目A!A2:H4"]);
    expect(a.emptyTables).toEqual(["模板!A2:H2"]);
    expect(a.totals.map((t) => [t.sheet, t.score, t.grade])).toEqual([["项目A", "100", "优"]]);
    const { rows } = reviewFile("县教育局.xlsx", a, DEFAULT_PROFILE);
    expect(rows.map((r) => [r.kind, r.sheet])).toEqual([["evaluation", "项目A"]]);
  });

  it("is no budget table either: the review gets no empty 预算表 row", () => {
    const a = run(workbook(project, template(BUDGET_HEADER)));
    expect(tables(a)).toEqual(["indicators@项目A!A2:H4"]);
    expect(a.emptyTables).toEqual(["模板!B2:G2"]);
    const { rows } = reviewFile("县教育局.xlsx", a, DEFAULT_PROFILE);
    expect(rows.map((r) => r.kind)).toEqual(["evaluation"]);
  });

  it("is none with rows left blank but for a 合计 or 年度资金总额 label, nor with — in its figures", () => {
    const a = run(workbook(project, template(BUDGET_HEADER, ["年度资金总额", "—", "—", "—", "", "—", ""], [], INDICATOR_HEADER, [], [], ["合计"])));
    expect(tables(a)).toEqual(["indicators@项目A!A2:H4"]);
    expect(a.emptyTables).toEqual(["模板!B2:G2", "模板!A5:H8"]);
  });

  it("stays a table when a row under it holds a figure (a 合计 of 100 | 95 with no indicators), as before", () => {
    const a = run(workbook(project, template(INDICATOR_HEADER, ["合计", "", "", "", "", 100, 95])));
    expect(tables(a)).toEqual(["indicators@项目A!A2:H4", "indicators@模板!A2:H3"]);
    expect(a.emptyTables).toEqual([]);
  });

  it("scores nothing: an empty budget header on a template sheet is no second budget sheet that leaves the form's budget unknown", () => {
    const ninety: Row[] = [TITLE, INDICATOR_HEADER, ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50, ""], ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 40, 40, ""]];
    const budget: SheetSpec = { name: "预算", rows: [BUDGET_HEADER, ["年度资金总额", 100, 100, 90, 10, 0.9, 9]] };
    const a = run(workbook({ name: "项目A", rows: ninety }, budget, template(BUDGET_HEADER)));
    expect(a.emptyTables).toEqual(["模板!B2:G2"]);
    expect(a.totals.map((t) => [t.score, t.grade])).toEqual([["99", "优"]]);
  });

  // The unit's own form, its budget block's funds lines labelled but their figures left blank, over
  // its filled indicators: a form missing figures, checked as before, not a template (review 56 M3).
  it.each([
    ["blank", ""],
    ["—", "—"],
  ])("is the form's own budget block, funds lines labelled and their figures %s, over filled indicators: counted and checked", (_what, blank) => {
    const a = run(
      workbook({
        name: "自评表",
        rows: [
          TITLE,
          BUDGET_HEADER,
          ["年度资金总额", blank, blank, blank, blank, blank, blank],
          ["其中：财政拨款", blank, blank, blank, "—", "—", "—"],
          ["其他资金", blank, blank, blank, "—", "—", "—"],
          INDICATOR_HEADER,
          ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 30, 30, ""],
          ["效益指标", "社会效益指标", "就业率", "≥60%", "75%", 30, 30, ""],
          ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 30, 30, ""],
          ["总分", "", "", "", "", 100, 90, ""],
        ],
      }),
    );
    expect(a.emptyTables).toEqual([]);
    expect(tables(a)).toEqual(["budget@自评表!B2:G2", "indicators@自评表!A6:H10"]);
    expect(found(a)).toEqual(["total-incomplete@自评表!G10"]);
  });

  it("leaves a workbook holding nothing else with no table, and says why", () => {
    const a = run(workbook(template(INDICATOR_HEADER)));
    expect(a.tables).toEqual([]);
    expect(noTablesMessage("zh", a.hiddenSheets, a.emptyTables)).toBe(
      "只找到只有表头的空表：模板!A2:H2。请填写后重新运行。",
    );
  });
});
