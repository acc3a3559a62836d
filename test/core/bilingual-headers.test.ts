/**
 * Headers written in two languages (review round 53a, M1): Chinese and English on foreign-loan
 * projects' forms, Chinese and Uyghur, Tibetan or Mongolian script in autonomous regions' — a line
 * each (一级指标\nLevel-1 Indicator, the other language first too), or set apart by a slash or
 * spaces. The Chinese words are read as the header; before, white space was dropped and
 * 一级指标Level-1Indicator matched no wording, so no table was found. Only header cells are read
 * so: an indicator's name or a note in two languages stays what it is.
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../src/core/grid";
import { headingWords, matchBudgetField, matchIndicatorField } from "../../src/core/headers";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { ROAD_INDICATORS, workbook } from "../support/grid";
import { found } from "../support/findings";

type Row = CellValue[];

const run = (wb: WorkbookGrid): Analysis => analyze(wb, DEFAULT_PROFILE);

/** The English of the form's headings. */
const ENGLISH: Record<string, string> = {
  项目资金: "Project Funds (10k yuan)",
  年初预算数: "Initial Budget",
  全年预算数: "Annual Budget",
  全年执行数: "Actual Expenditure",
  分值: "Weight",
  执行率: "Execution Rate",
  得分: "Score",
  一级指标: "Level-1 Indicator",
  二级指标: "Level-2 Indicator",
  三级指标: "Level-3 Indicator",
  年度指标值: "Annual Target",
  实际完成值: "Actual Value",
  偏差原因分析及改进措施: "Reasons for Deviation and Measures",
};

/** Uyghur (Arabic script), Tibetan and Mongolian lines: one phrase for every heading will do. */
const UYGHUR = "يىللىق خامچوت ئىجرا قىلىنىشى";
const TIBETAN = "ལོ་འཁོར་གྱི་འཆར་གཞི།";
const MONGOLIAN = "ᠵᠢᠯ ᠤᠨ ᠲᠥᠰᠥᠪ";

type Style = (zh: string) => string;
const STYLES: [string, Style][] = [
  ["a line each", (zh) => `${zh}\n${ENGLISH[zh]}`],
  ["the English line first", (zh) => `${ENGLISH[zh]}\n${zh}`],
  ["a slash between", (zh) => `${zh} / ${ENGLISH[zh]}`],
  ["a full-width slash, no spaces", (zh) => `${zh}／${ENGLISH[zh]}`],
  ["spaces between", (zh) => `${zh}  ${ENGLISH[zh]}`],
  ["a Uyghur line", (zh) => `${zh}\n${UYGHUR}`],
  ["a Tibetan line first", (zh) => `${TIBETAN}\n${zh}`],
  ["a Mongolian line", (zh) => `${zh}\n${MONGOLIAN}`],
];

/**
 * The national 项目支出绩效自评表, its budget and indicator headers worded by `style`: 480 of 500
 * spent (9.6 of 10), the road indicators (88.5 of 90, ROAD_INDICATORS), 总分 98.1 优. `name` words
 * each indicator's name (as written by default).
 */
function form(style: Style, name: (zh: string) => string = (zh) => zh): WorkbookGrid {
  const h = (zh: string) => style(zh);
  const [indicatorHeader, ...indicators] = ROAD_INDICATORS;
  return workbook({
    name: "自评表",
    rows: [
      ["项目支出绩效自评表"],
      ["项目名称", "农村公路提质改造项目"],
      ["主管部门", "县交通运输局", null, null, "实施单位", "县交通运输局"],
      [h("项目资金"), null, h("年初预算数"), h("全年预算数"), h("全年执行数"), h("分值"), h("执行率"), h("得分")],
      [null, "年度资金总额", 520, 500, 480, 10, 0.96, 9.6],
      [null, "其中：财政拨款", 520, 500, 480, "—", 0.96, "—"],
      ["年度总体目标", "预期目标", null, null, "实际完成情况"],
      [null, "完成农村道路硬化20公里", null, null, "完成农村道路硬化18公里"],
      indicatorHeader.map((zh) => h(zh as string)),
      ...indicators.map((row): Row => [row[0], row[1], name(row[2] as string), ...row.slice(3)]),
      ["总分", null, null, null, null, 100, 98.1, ""],
      ["评价等次", null, null, null, null, null, "优", ""],
    ],
    merges: ["A1:H1", "B2:H2", "A4:A6", "A7:A8", "B7:D7", "B8:D8", "E7:H7", "E8:H8", "A18:E18", "A19:E19"],
    numFmts: { G5: "0.00%", G6: "0.00%" },
  });
}

const tables = (a: Analysis) => a.tables.map((t) => `${t.kind}@${t.range}`);
const totals = (a: Analysis) => a.totals.map((t) => [t.score, t.recordedScore, t.grade, t.recordedGrade]);

describe("a form whose headers are written in two languages (review round 53a, M1)", () => {
  it.each(STYLES)("reads its budget and indicator headers with %s: 98.1 优, nothing found", (_style, style) => {
    const a = run(form(style));
    expect(tables(a)).toEqual(["budget@B4:H6", "indicators@A9:H19"]);
    expect(a.budget.map((b) => [b.label, b.planned, b.spent, b.score])).toEqual([
      ["年度资金总额", "500", "480", "9.6"],
      ["其中：财政拨款", "500", "480", null],
    ]);
    expect(a.indicators).toHaveLength(8);
    expect(totals(a)).toEqual([["98.1", "98.1", "优", "优"]]);
    expect(found(a)).toEqual([]);
  });

  it("still finds a wrong score under a header in two languages", () => {
    const wrong = form(STYLES[0][1]);
    wrong.sheets[0].values[10][4] = "2座";
    expect(found(run(wrong))).toContain("score-mismatch@自评表!G11");
  });

  it("keeps an indicator's name in two languages as written, an indicator", () => {
    const a = run(form(STYLES[0][1], (zh) => `${zh}\nRoad indicator`));
    expect(a.indicators.map((i) => i.name)).toContain("农村道路硬化里程\nRoad indicator");
    expect(totals(a)).toEqual([["98.1", "98.1", "优", "优"]]);
    expect(found(a)).toEqual([]);
  });

  it("reads a form in two languages throughout: its budget lines, goals, 一级 and 二级 labels, 总分 and 等次 rows stay what they are", () => {
    const wb = form(STYLES[0][1], (zh) => `${zh}\nIndicator name in English`);
    const cells = ["B5", "B6", "A7", "B7", "E7", "A10", "B10", "B12", "B13", "B14", "A15", "B15", "B16", "A17", "B17", "A18", "A19"];
    for (const cell of cells) {
      const [col, row] = [cell.charCodeAt(0) - 65, Number(cell.slice(1)) - 1];
      wb.sheets[0].values[row][col] = `${wb.sheets[0].values[row][col]}\nIn English`;
    }
    const a = run(wb);
    expect(tables(a)).toEqual(["budget@B4:H6", "indicators@A9:H19"]);
    expect(a.budget.map((b) => [b.label, b.planned, b.score])).toEqual([
      ["年度资金总额\nIn English", "500", "9.6"],
      ["其中：财政拨款\nIn English", "500", null],
    ]);
    expect(a.indicators).toHaveLength(8);
    expect(a.indicators[0].name).toBe("农村道路硬化里程\nIndicator name in English");
    expect(totals(a)).toEqual([["98.1", "98.1", "优", "优"]]);
    expect(found(a)).toEqual([]);
  });

  it("reads a column headed with its year in two languages (2023年实际完成值\\n2023 Actual, the English first too)", () => {
    for (const actual of ["2023年实际完成值\n2023 Actual", "Actual 2023\n2023年实际完成值", "2023年实际完成值 / Actual Value 2023"]) {
      const wb = form(STYLES[0][1]);
      wb.sheets[0].values[8][4] = actual;
      const a = run(wb);
      expect(a.indicators.map((i) => i.actual?.text)).toContain("18公里");
      expect(totals(a)).toEqual([["98.1", "98.1", "优", "优"]]);
    }
  });
});

describe("总分 and 等次 rows labelled in two languages (review round 53a, left)", () => {
  it.each([
    ["自评结果\nResult", "自评结论\nConclusion"],
    ["Result\n自评结果", "Conclusion\n自评结论"],
    ["自评结果 / Self-evaluation Result", "评价等次\nGrade"],
    ["总分\nTotal Score", "自评结果\nResult"],
  ])("reads %j | 98.1 as the 总分 and %j | 优 as the 等次, by their Chinese words", (totalLabel, gradeLabel) => {
    const wb = form(STYLES[0][1]);
    wb.sheets[0].values[17][0] = totalLabel;
    wb.sheets[0].values[18][0] = gradeLabel;
    expect(totals(run(wb))).toEqual([["98.1", "98.1", "优", "优"]]);
    wb.sheets[0].values[18][6] = "良";
    expect(found(run(wb))).toEqual(["grade-mismatch@自评表!G19"]);
  });
});

describe("the header block's labels in two languages (项目名称\\nProject Name | 农村公路提质改造项目)", () => {
  it("names the form's project and unit by them", () => {
    const wb = form(STYLES[0][1]);
    wb.sheets[0].values[1][0] = "项目名称\nProject Name";
    wb.sheets[0].values[2][0] = "Competent Department / 主管部门";
    wb.sheets[0].values[2][4] = "实施单位 Implementing Unit";
    wb.sheets[0].values[2][5] = "县公路事务中心";
    const a = run(wb);
    expect(a.tables.map((t) => [t.project, t.unit])).toEqual([
      ["农村公路提质改造项目", "县公路事务中心"],
      ["农村公路提质改造项目", "县公路事务中心"],
    ]);
  });
});

describe("a form's title in two languages", () => {
  const titled = (title: string): WorkbookGrid => {
    const wb = form(STYLES[0][1]);
    wb.sheets[0].values[0][0] = title;
    wb.sheets[0].values[2] = [];
    return wb;
  };

  it("names the unit its Chinese words name (县交通运输局2023年度项目支出绩效自评表, its English under it)", () => {
    const a = run(titled("县交通运输局2023年度项目支出绩效自评表\nCounty Transport Bureau: Project Expenditure Performance Self-evaluation Form, 2023"));
    expect(a.titleUnit).toBe("县交通运输局");
    expect(totals(a)).toEqual([["98.1", "98.1", "优", "优"]]);
  });

  it("reads a 部门整体 form's title with its English line first as a 部门整体 form's", () => {
    const a = run(titled("Overall Expenditure Performance Self-evaluation Form of the Department\n县交通运输局部门整体支出绩效自评表"));
    expect(a.tables.map((t) => t.wholeDepartment)).toEqual([true, true]);
  });
});

describe("a budget block headed 预算执行得分 in two languages, with no 分值 column", () => {
  it("scores budget execution out of the profile's 10 points: 9.6 of 10, 98.1 优", () => {
    const wb = form(STYLES[0][1]);
    const [header, total, line] = [3, 4, 5].map((row) => wb.sheets[0].values[row]);
    header[5] = null;
    header[7] = "预算执行得分\nBudget Execution Score";
    total[5] = null;
    line[5] = null;
    const a = run(wb);
    expect(a.budget.map((b) => [b.label, b.weight, b.score])).toEqual([
      ["年度资金总额", "10", "9.6"],
      ["其中：财政拨款", null, null],
    ]);
    expect(totals(a)).toEqual([["98.1", "98.1", "优", "优"]]);
    expect(found(a)).toEqual([]);
  });
});

describe("the adjusted budget, its heading's English first (Adjusted Budget\\n调整后预算数)", () => {
  it("divides by the adjusted budget, not the bare 预算数 beside it", () => {
    const a = run(
      workbook({
        rows: [
          ["Item\n项目", "Budget\n预算数", "Adjusted Budget\n调整后预算数", "Expenditure\n全年执行数", "Execution Rate\n执行率"],
          ["年度资金总额", 100, 150, 150, null],
        ],
      }),
    );
    expect(a.budget[0]).toMatchObject({ planned: "150", rate: "1" });
    expect(a.findings.map((f) => f.rule)).not.toContain("overspent");
  });
});

describe("headingWords: the Chinese words of a heading in two languages", () => {
  it.each([
    ["一级指标\nLevel-1 Indicator", "一级指标"],
    ["一级指标 / Level-1 Indicator", "一级指标"],
    ["一级指标/Level-1 Indicator", "一级指标"],
    ["一级指标 Level-1 Indicator", "一级指标"],
    ["Level-1 Indicator\n一级指标", "一级指标"],
    ["Level-1 Indicator / 一级指标", "一级指标"],
    ["全年 预算数\nAnnual Budget", "全年 预算数"],
    ["全年预算数（A）\nAnnual Budget (A)", "全年预算数（A）"],
    ["执行率(B/A)\nExecution Rate (B/A)", "执行率(B/A)"],
    ["执行率（B/A） / Execution Rate", "执行率（B/A）"],
    [`得分\n${UYGHUR}`, "得分"],
    [`${TIBETAN}\n得分`, "得分"],
    [`得分 ${MONGOLIAN}`, "得分"],
  ])("reads %j as %j", (text, words) => {
    expect(headingWords(text)).toBe(words);
  });

  it.each([
    // Chinese alone, or with a letter or a code that is no word of another language.
    "全年预算数",
    "全年预算数(A)",
    "执行率（B/A）",
    "项目 A",
    "项目/任务",
    "PM2.5浓度",
    // Chinese on both sides of the other words: one phrase, not two languages.
    "年度 GDP 指标值",
    "指标 KPI 完成值",
    "注：得分 Score 按评分标准填列",
    // No Chinese at all.
    "Level-1 Indicator",
  ])("leaves %j as it is", (text) => {
    expect(headingWords(text)).toBe(text);
  });
});

describe("cells that stay no header", () => {
  it.each(["项目 A", "年度 GDP 指标值", "指标 KPI 完成值", "得分率 Score rate", "Wi-Fi 覆盖率\nWi-Fi coverage"])("%j names no field", (text) => {
    expect(matchBudgetField(text)).toBeUndefined();
    expect(matchIndicatorField(text)).toBeUndefined();
  });

  it.each(["Level-1 Indicator", "Annual Budget", "Score", "Weight", "Actual Value"])("English alone, %j, names no field (not read, as before)", (text) => {
    expect(matchBudgetField(text)).toBeUndefined();
    expect(matchIndicatorField(text)).toBeUndefined();
  });

  it("reads no table under headers in English alone", () => {
    const a = run(form((zh) => ENGLISH[zh]));
    expect(a.tables).toEqual([]);
  });
});
