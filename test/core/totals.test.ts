/** Totals without a budget table, and grade wordings that say the same level. */
import Decimal from "decimal.js";
import { Analysis, analyze } from "../../src/core/analyze";
import type { Lang } from "../../src/core/messages";
import { IndicatorTable, detectTables } from "../../src/core/detect";
import { CellValue, WorkbookGrid, viewOf } from "../../src/core/grid";
import { readIndicatorBlock } from "../../src/core/model";
import { FindingList } from "../../src/core/rules/findings";
import { evaluateTotals } from "../../src/core/rules/totals";
import { DEFAULT_PROFILE, gradeMismatch } from "../../src/core/profile";
import { BLANK_BUDGET_SCORE_FORM, BUDGET_HEADER, INDICATOR_HEADER, withFormulas, workbook } from "../support/grid";

function indicators(weights: number[], grade?: string): CellValue[][] {
  const rows: CellValue[][] = [INDICATOR_HEADER];
  const levels = ["产出指标", "效益指标", "满意度指标"];
  weights.forEach((w, i) => rows.push([levels[i % 3], "数量指标", `指标${i}`, "≥10次", "10次", w, w, ""]));
  const total = weights.reduce((a, b) => a + b, 0);
  rows.push(["总分", null, null, null, null, null, total, null]);
  if (grade) rows.push(["评价等次", null, null, null, null, null, grade, null]);
  return rows;
}

const rules = (rows: CellValue[][]) => analyze(workbook({ rows })).findings.map((f) => `${f.rule}@${f.cell}`);

describe("weights-total with no budget table in the workbook", () => {
  it("accepts indicators that carry all 100 points", () => {
    expect(rules(indicators([50, 40, 10]))).not.toContainEqual(expect.stringMatching(/^weights-total/));
  });

  it("accepts indicators that leave 10 points to a budget table kept elsewhere", () => {
    expect(rules(indicators([50, 30, 10]))).not.toContainEqual(expect.stringMatching(/^weights-total/));
  });

  it("flags any other sum, on the 分值 header", () => {
    expect(rules(indicators([50, 35, 10]))).toContain("weights-total@F1");
  });

  // Review round 52b L2: 105 also drew "no budget score found", as if 10 more points were missing.
  it("flags indicators of more than 100 points as weights-total alone: they leave no points to a budget table", () => {
    const analysis = analyze(workbook({ rows: indicators([50, 45, 10]) }));
    expect(analysis.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(["weights-total@F1"]);
    expect(analysis.totals[0]).toMatchObject({ weights: "105", score: "105", grade: null });
  });

  it("checks the points a 总分 row states: 110 over weights of 100 is a sum-mismatch of its own, 100 is right (review round 43, I10)", () => {
    const stating = (points: number) => {
      const rows = indicators([50, 40, 10]);
      rows[rows.length - 1][5] = points;
      return analyze(workbook({ rows })).findings;
    };
    expect(stating(100)).toEqual([]);
    const wrong = stating(110);
    expect(wrong.map((f) => `${f.rule}@${f.cell}`)).toEqual(["sum-mismatch@F5"]);
    expect(wrong[0].message).toBe("总分的分值填的是 110，但预算执行率与各指标的分值相加为 100。请改为 100，或核对各行数字。");
    // 98.5 under 分值 with 得分 left blank may be the score typed a column early: no 分值 to mend (review round 44, J8).
    const early = indicators([50, 40, 10]);
    early[early.length - 1] = ["总分", null, null, null, null, 98.5, null, null];
    expect(analyze(workbook({ rows: early })).findings.map((f) => f.rule)).not.toContain("sum-mismatch");
  });

  it("adds weights typed as =50/3 (each cached 16.666666666666668) up to the 100 Excel shows, and grades the form", () => {
    const thirds = indicators([50 / 3, 50 / 3, 50 / 3, 30, 20], "优");
    const analysis = analyze(workbook({ rows: thirds }));
    expect(analysis.findings.map((f) => `${f.rule}@${f.cell}`)).not.toContainEqual(expect.stringMatching(/^weights-total/));
    expect(analysis.totals[0]).toMatchObject({ weights: "100", grade: "优" });
  });
});

/**
 * A budget line of `budgetWeight` (10: 9.8 at 98%) over indicators of 50, `weight` and 10 scored in
 * full, under a 总分 row stating `points` and recording 99.8.
 */
const withBudget = (weight: CellValue, points = 100, budgetWeight: CellValue = 10) =>
  analyze(
    workbook({
      rows: [
        BUDGET_HEADER,
        ["年度资金总额", 100, 100, 98, budgetWeight, 0.98, 9.8],
        [],
        INDICATOR_HEADER,
        ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 50, 50, ""],
        ["效益指标", "社会效益", "受益人数", "≥100人", "100人", weight, typeof weight === "number" ? weight : 30, ""],
        ["满意度指标", "服务对象满意度", "满意度", "≥90%", "95%", 10, 10, ""],
        ["总分", null, null, null, null, points, 99.8, null],
      ],
    }),
  );

// Review round 49 (cause 5): the indicators' 90 was taken for their points alone over a total of all 100.
it("checks the points a 总分 row states beside a budget line: its indicators' 90 over a total counting the budget's score is a sum-mismatch", () => {
  expect(withBudget(30).findings).toEqual([]);
  const wrong = withBudget(30, 90);
  expect(wrong.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(["sum-mismatch@F8"]);
  expect(wrong.totals[0]).toMatchObject({ weights: "100", score: "99.8", grade: "优" });
});

// Review round 49 (cause 2): a 分值 that cannot be read was 30 points less, a weights-total of 90.
describe("a 分值 that is no number", () => {
  it("leaves the weights unknown, not that many points less: no weights-total, no total, no grade", () => {
    expect(withBudget(30).totals[0]).toMatchObject({ weights: "100", score: "99.8", grade: "优" });
    const words = withBudget("三十");
    expect(words.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(["not-numeric@F6", "total-incomplete@G8"]);
    expect(words.totals[0]).toMatchObject({ weights: null, score: null, grade: null });
  });

  // Review round 56b H1: the budget line's 待定 dropped out of the weights, and the form was graded
  // (indicators of 100: the budget's points were taken as left blank; of 90: as the profile's 10).
  // Over indicators of 100 the scores add up to 109.8, not the 99.8 recorded (total-mismatch).
  it.each<[string, number, CellValue, string[]]>([
    ["of 90", 30, "待定", ["not-numeric@E2", "total-incomplete@G8"]],
    ["of 100", 40, "待定", ["not-numeric@E2", "total-incomplete@G8", "total-mismatch@G8"]],
    ["of 100", 40, { error: "#REF!" }, ["formula-error@E2", "total-incomplete@G8", "total-mismatch@G8"]],
  ])("on the budget line (indicators %s) leaves the weights unknown as an indicator's does", (_, weight, budgetWeight, found) => {
    const a = withBudget(weight, 100, budgetWeight);
    expect(a.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(found);
    expect(a.findings.find((f) => f.rule === "total-incomplete")?.message).toBe("无法得出总分：1 项分值无法识别为数值。补齐或改正后才能计算总分和等次。");
    expect(a.totals[0]).toMatchObject({ weights: null, score: null, grade: null });
    expect(a.budget[0]).toMatchObject({ weight: null, score: null, recordedScore: "9.8" });
  });

  // Review round 56 L3: the budget's 分值 that is no number hid that another budget line's score is unknown too.
  it("on one budget line, with another budget line lacking its figures: both are told", () => {
    const a = analyze(
      workbook({
        rows: [
          BUDGET_HEADER,
          ["项目A", 50, 50, 49, "待定", null, null],
          ["项目B", 50, null, 49, 5, null, null],
          [],
          INDICATOR_HEADER,
          ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 50, 50, ""],
          ["效益指标", "社会效益", "受益人数", "≥100人", "100人", 30, 30, ""],
          ["满意度指标", "服务对象满意度", "满意度", "≥90%", "95%", 10, 10, ""],
          ["总分", null, null, null, null, 100, 99.8, null],
        ],
      }),
    );
    expect(a.findings.find((f) => f.rule === "total-incomplete")?.message).toBe(
      "无法得出总分：1 项分值无法识别为数值，预算执行得分无法计算（全年预算数、执行数或分值缺失或有误）。补齐或改正后才能计算总分和等次。",
    );
  });
});

describe("a budget line with nothing planned and nothing spent (review round 58d, note 1)", () => {
  const zeroZero = (planned: CellValue, spent: CellValue, lang: Lang = "zh", weight: CellValue = 10) =>
    analyze(
      workbook({
        rows: [
          BUDGET_HEADER,
          ["年度资金总额", 0, planned, spent, weight, null, null],
          [],
          INDICATOR_HEADER,
          ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 50, 50, ""],
          ["效益指标", "社会效益", "受益人数", "≥100人", "100人", 30, 30, ""],
          ["满意度指标", "服务对象满意度", "满意度", "≥90%", "95%", 10, 10, ""],
          ["总分", null, null, null, null, 100, null, null],
        ],
      }),
      DEFAULT_PROFILE,
      { lang },
    );
  const incomplete = (a: Analysis) => a.findings.find((f) => f.rule === "total-incomplete")?.message;

  it("leaves the total unknown, saying both figures are 0, not that they are missing or wrong", () => {
    const a = zeroZero(0, 0);
    expect(a.totals[0].score).toBeNull();
    expect(incomplete(a)).toBe("无法得出总分：预算执行得分无法计算（全年预算数和执行数均为 0，无法计算执行率）。补齐或改正后才能计算总分和等次。");
    expect(incomplete(zeroZero(0, 0, "en"))).toContain("the planned budget and the spending are both 0: no execution rate can be worked out");
  });

  it("a 执行数 left blank is still told as missing", () => {
    expect(incomplete(zeroZero(0, null))).toContain("预算执行得分无法计算（全年预算数、执行数或分值缺失或有误）");
  });

  it("a 分值 left blank beside them is still told as missing (code review 58c, L3)", () => {
    expect(incomplete(zeroZero(0, 0, "zh", null))).toContain("预算执行得分无法计算（全年预算数、执行数或分值缺失或有误）");
  });
});

describe("a total whose budget execution is nowhere in the workbook", () => {
  // 项目绩效指标完成情况表 alone: indicators worth 90 scoring 79.95, no budget figures anywhere; a
  // last row 合计 (the indicators' subtotal: its 分值 is their 90) or 总分 holding `total`.
  const withTotal = (total: number, label = "合计") => workbook({
    name: "绩效指标完成情况",
    rows: [
      ["项目绩效指标完成情况表"],
      ["项目名称", "农村饮水安全巩固提升"],
      INDICATOR_HEADER,
      ["产出指标", "数量指标", "新建供水工程", "≥10处", "8处", 20, 16, "2处因用地手续未完成"],
      [null, "质量指标", "工程验收合格率", "100%", "100%", 10, 10, ""],
      [null, "时效指标", "完工及时率", "≥95%", "80%", 10, 8.42, "雨季影响工期"],
      [null, "成本指标", "单处工程造价", "≤50万元", "55万元", 10, 9.09, "材料涨价"],
      ["效益指标", "社会效益指标", "受益人口", "≥2万人", "1.6万人", 15, 12, "部分工程未完工"],
      [null, "可持续影响指标", "工程运行年限", "≥20年", "20年", 15, 15, ""],
      ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "85%", 10, 9.44, "供水时段有待优化"],
      [label, null, null, null, null, 90, total, ""],
    ],
    merges: ["A1:H1", "A4:A7", "A8:A9", "A11:E11"],
  });
  const form = withTotal(79.95);
  const a = analyze(form);

  it("has no total and no grade: the budget's 10 points are missing, and the warning says so", () => {
    expect(a.totals).toEqual([
      { sheet: "绩效指标完成情况", label: "农村饮水安全巩固提升", table: "A3:H11", weights: "100", score: null, recordedScore: null, grade: null, recordedGrade: null, recordedDiffers: false },
    ]);
    // No recorded total (the 合计 is the indicators'): the warning is on the 得分 header.
    expect(a.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(["total-incomplete@G3"]);
    expect(a.findings[0].message).toBe("无法得出总分：没有找到计入本表总分的预算执行率得分（预算表及其分值）。补齐或改正后才能计算总分和等次。");
    expect(analyze(form, undefined, { lang: "en" }).findings[0].message).toBe(
      "No total can be computed: no budget execution score (a budget table with its weight) was found to count in this total. Fill them in or correct them to get a total and a grade.",
    );
  });

  it("checks the indicators' 合计 against their scores (sum-mismatch), and names an error value in it", () => {
    const rules = (form: WorkbookGrid) => analyze(form).findings.map((f) => `${f.rule}@${f.cell}`);
    const wrong = analyze(withTotal(85));
    expect(rules(withTotal(85))).toEqual(["total-incomplete@G3", "sum-mismatch@G11"]);
    expect(wrong.findings[1].message).toBe("指标得分合计填的是 85，但各指标得分相加为 79.95。请改为 79.95，或核对各行数字。");
    const broken = withTotal(0);
    broken.sheets[0].values[10][6] = { error: "#VALUE!" };
    expect(rules(broken)).toEqual(["total-incomplete@G3", "formula-error@G11"]);
  });

  it("takes a 合计 that agrees with jixiao's own scores where a score differs, and asks for that sum otherwise", () => {
    // 新建供水工程: 8 of ≥10处 is worth 16 of 20, typed 18: jixiao's scores add up to 79.95.
    const typed = (total: number) => {
      const form = withTotal(total);
      form.sheets[0].values[3][6] = 18;
      return analyze(form);
    };
    // jixiao's sum, or the typed scores' (81.95), as a 总分 may be: the score has its own finding.
    for (const total of [79.95, 81.95]) expect(typed(total).findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(["total-incomplete@G3", "score-mismatch@G4"]);
    // Neither: jixiao's sum is asked for, not the typed scores' that would be wrong once 18 is corrected.
    expect(typed(85).findings.find((f) => f.rule === "sum-mismatch")?.message).toBe("指标得分合计填的是 85，但按核算的各指标得分相加为 79.95。请改为 79.95，或核对各行数字。");
  });

  it("takes a recorded 总分 that may hold the missing budget score (79.95 to 89.95), and no other", () => {
    const rules = (total: number) => analyze(withTotal(total, "总分")).findings.map((f) => `${f.rule}@${f.cell}`);
    expect(rules(89.95)).toEqual(["total-incomplete@G11"]);
    expect(rules(85)).toEqual(["total-incomplete@G11"]);
    expect(rules(78.95)).toEqual(["total-incomplete@G11", "total-mismatch@G11"]);
    expect(rules(90.95)).toEqual(["total-incomplete@G11", "total-mismatch@G11"]);
  });

  it("shows no total on 综合得分 either", () => {
    expect([a.summary.total, a.summary.grade, a.summary.gradeReason]).toEqual([null, null, "无法计算总分，未评等次"]);
    // Only the weights' sum in its 分值; the total itself "—" (review round 51d M9, M11).
    expect(a.summary.cells.filter((c) => c.style === "total" && c.col === 2).map((c) => [c.value, c.isNumber])).toEqual([["—", false]]);
  });

  it("totals indicators that carry all 100 points themselves", () => {
    const all = analyze(workbook({ rows: indicators([50, 40, 10]) }));
    expect(all.totals[0]).toMatchObject({ weights: "100", score: "100", grade: "优" });
    expect(all.findings).toEqual([]);
  });
});

describe("grade wordings", () => {
  it("treats 优秀 as 优 and 良好 as 良, but not 良 as 优", () => {
    const mismatch = (recorded: string, total: number) => gradeMismatch(recorded, new Decimal(total), DEFAULT_PROFILE);
    expect(mismatch("优秀", 95)).toBeNull();
    expect(mismatch(" 良好 ", 85)).toBeNull();
    expect(mismatch("一般", 70)).toBeNull();
    expect(mismatch("良", 95)).toEqual({ total: "95", expected: "优", recorded: "良" });
  });

  it("raises grade-mismatch only when the level differs", () => {
    expect(rules(indicators([50, 40, 10], "优秀"))).not.toContainEqual(expect.stringMatching(/^grade-mismatch/));
    expect(rules(indicators([50, 40, 10], "良"))).toContain("grade-mismatch@G6");
  });

  it("reads an 等次 written in its label's cell (评价等次：良), and fills in no grade beside it", () => {
    const inLabel = (written: string) => {
      const rows = indicators([50, 40, 10]);
      rows.push([written]);
      return analyze(workbook({ rows }));
    };
    const wrong = inLabel("评价等次：良");
    expect(wrong.findings.map((f) => [f.rule, f.cell, f.message])).toEqual([["grade-mismatch", "A6", "总分 100 对应的等次是“优”，填的是“良”。"]]);
    const right = inLabel("评价等次：优秀");
    expect([right.findings, right.totals[0].recordedGrade, right.writes]).toEqual([[], "优秀", []]);
    // A grade with a note in brackets is that grade, whatever the note names (review round 28).
    expect(inLabel("评价等次：良（经评价中心复核，优秀率不足）").findings.map((f) => f.rule)).toEqual(["grade-mismatch"]);
    // Not the scale printed there, nor the label left to be filled in (review round 27).
    for (const blank of ["评价等次：90分以上为优，80-89分为良，60-79分为中，60分以下为差", "评价等次："]) {
      expect(inLabel(blank).findings).toEqual([]);
      expect(inLabel(blank).totals[0].recordedGrade).toBeNull();
    }
  });

  it("reads an 等次 cell merged over its label and the 得分 column (评价等次：优☑ 良□) without its label; a signature beside a blank one is none", () => {
    const merged = (text: string) => {
      const rows = indicators([50, 40, 10]);
      rows.push([text]);
      return analyze(workbook({ rows, merges: ["A6:H6"] }));
    };
    expect(merged("评价等次：优☑ 良□ 中□ 差□").findings).toEqual([]);
    expect(merged("评价等次：优☑ 良□ 中□ 差□").totals[0].recordedGrade).toBe("优☑ 良□ 中□ 差□");
    expect(merged("评价等次：优□ 良☑ 中□ 差□").findings.map((f) => f.message)).toEqual(["总分 100 对应的等次是“优”，填的是“优□ 良☑ 中□ 差□”。"]);
    const rows = indicators([50, 40, 10]);
    rows.push(["评价等次", null, null, null, null, null, null, "填表人：张三"]);
    const signed = analyze(workbook({ rows }));
    expect(signed.findings).toEqual([]);
    expect(signed.totals[0].recordedGrade).toBeNull();
  });
});

describe("a group of indicators whose shared 分值 and 得分 are both blank", () => {
  /** 培训场次 and 培训人次 share F2:F3 and G2:G3, both left blank; the other rows carry 40 and 10. */
  const rows: CellValue[][] = [
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "培训场次", "≥10次", "10次", null, null, ""],
    ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", null, null, ""],
    ["效益指标", "社会效益", "受益人数", "≥100人", "120人", 40, 40, ""],
    ["满意度指标", "服务对象满意度", "学员满意度", "≥90%", "95%", 10, 10, ""],
    ["总分", null, null, null, null, null, 100, null],
  ];

  it("leaves the total unknown, not a sum of the other scores that the recorded total mismatches", () => {
    const a = analyze(workbook({ rows, merges: ["A2:A3", "B2:B3", "F2:F3", "G2:G3"] }));
    const found = a.findings.map((f) => `${f.rule}@${f.cell}`);
    expect(found).toContain("total-incomplete@G6");
    expect(found).not.toContainEqual(expect.stringMatching(/^total-mismatch/));
    expect(a.totals[0].score).toBeNull();
  });
});

describe("a 总分 formula whose result jixiao writes, as the copy will show it", () => {
  /** The budget score (6.67) blank, the 总分 at G9 the formula `formula` with no cached result (as openpyxl saves it). */
  const formulaTotal = (formula: string) => {
    const grid = workbook({ rows: BLANK_BUDGET_SCORE_FORM });
    grid.sheets[0] = withFormulas(grid.sheets[0], { G9: formula });
    return analyze(grid);
  };

  it("the headline's recorded total is the result written (83.12 in a General cell), not its rounding to no decimals", () => {
    const a = formulaTotal("SUM(G2,G5:G8)");
    expect(a.writes.filter((w) => w.cachedResult).map((w) => [w.cell, w.value, w.numFmt])).toEqual([["G9", "83.12", "General"]]);
    expect(a.totalSources[0].recordedShown).toBe("83.12");
  });

  it("a formula leaving a row out: the headline quotes it as its finding does", () => {
    const a = formulaTotal("SUM(G2,G5:G7)");
    expect(a.findings.find((f) => f.rule === "total-mismatch")?.message).toBe("综合得分填的是 73.12，各项得分相加为 83.12。请改为 83.12，或核对各项得分。");
    expect(a.totalSources[0].recordedShown).toBe("73.12");
  });
});

describe("a 总分 that is a formula kept as text", () => {
  // Excel shows the formula and never computes it: typed into a cell formatted as text, after an
  // apostrophe, or with a full-width ＝.
  const withTotalCell = (cell: CellValue, numFmt?: string) => {
    const rows = indicators([50, 40, 10]);
    rows[rows.length - 1][6] = cell;
    return analyze(workbook({ rows, ...(numFmt && { numFmts: { G5: numFmt } }) }));
  };
  const why = (a: Analysis) => /（(.+)），请填写数字。$/.exec(a.findings[0].message)![1];

  it("is not-numeric saying why and how to mend it; the total is still computed", () => {
    const textFormat = withTotalCell("=SUM(G2:G4)", "@");
    expect(textFormat.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(["not-numeric@G5"]);
    expect(textFormat.findings[0].message).toBe(
      "总分“=SUM(G2:G4)”无法识别为数值（这是文本格式单元格里的公式，Excel 只显示不计算：请把单元格格式改为“常规”后重新输入公式），请填写数字。",
    );
    expect(textFormat.totals[0]).toMatchObject({ score: "100", recordedScore: null });
    expect(why(withTotalCell("=SUM(G2:G4)"))).toBe("公式以文本保存（前面有撇号，或粘贴为文本），Excel 只显示不计算：请重新输入公式");
    expect(why(withTotalCell(" ＝SUM(G2:G4)", "@"))).toBe("公式以全角“＝”开头，Excel 不当作公式：请改为半角“=”");
  });

  it("leaves other text beside 总分 alone: it may be a note", () => {
    expect(withTotalCell("见附表").findings).toEqual([]);
  });
});

describe("a 总分 formula over scores stored as text", () => {
  // The scores of rows 2 and 3 typed as text ('50 ', '４０'): Excel's =SUM(G2:G4) leaves them out and shows 10.
  const form = (formula: boolean, textScores: CellValue[] = ["50 ", "４０"], lang: Lang = "zh") => {
    const rows = indicators([50, 40, 10]);
    rows[1][6] = textScores[0];
    rows[2][6] = textScores[1];
    rows[4][6] = 10;
    const grid = workbook({ rows });
    if (formula) grid.sheets[0] = withFormulas(grid.sheets[0], { G5: "SUM(G2:G4)" });
    return analyze(grid, undefined, { lang });
  };

  it("names the text cells as the cause, instead of asking for the sum over the formula", () => {
    const a = form(true);
    expect(a.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(["total-mismatch@G5"]);
    expect(a.findings[0].message).toBe("综合得分填的是 10，各项得分相加为 100：G2、G3 的得分是以文本保存的数字，公式求和时不计入。请把这些得分改为数字。");
    expect(form(true, undefined, "en").findings[0].message).toBe(
      "Recorded total is 10; the scores add up to 100: the scores in G2, G3 are numbers stored as text, which the formula's sum leaves out. Make them numbers.",
    );
  });

  it("asks for the sum as before when the 总分 is typed; with numbers, the formula's stale result is updated instead", () => {
    expect(form(false).findings[0].message).toBe("综合得分填的是 10，各项得分相加为 100。请改为 100，或核对各项得分。");
    const numbers = form(true, [50, 40]);
    expect(numbers.findings).toEqual([]);
    expect(numbers.writes.filter((w) => w.cachedResult).map((w) => [w.cell, w.value])).toEqual([["G5", "100"]]);
  });
});

/**
 * A national form filled in right (budget 9.5 of 10 at 95%, indicators 90 in full, 99.5 and 优);
 * `edit` changes its rows (row 5 is the first indicator, row 9 the 总分) before it is read.
 */
function filledForm(edit: (rows: CellValue[][]) => void = () => {}): Analysis {
  const rows: CellValue[][] = [
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", 300, 320, 304, 10, 0.95, 9.5],
    [],
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "改造饮水工程", "12处", "12处", 30, 30, ""],
    ["", "质量指标", "水质达标率", "≥95%", "97%", 20, 20, ""],
    ["效益指标", "社会效益指标", "群众饮水条件", "有效改善", "有效改善", 30, 30, ""],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", 10, 10, ""],
    ["总分", null, null, null, null, 100, 99.5, null],
    ["评价等次", null, null, null, null, null, "优", null],
  ];
  edit(rows);
  return analyze(workbook({ rows, merges: ["A5:A6"], numFmts: { F2: "0.00%" } }));
}

const foundIn = (a: Analysis) => a.findings.map((f) => `${f.rule}@${f.cell}`);

describe("a recorded score above its weight (review round 49, cause 1)", () => {
  it("on a qualitative row, where it would count: no total and no grade, never 101.5 graded 优", () => {
    const a = filledForm((rows) => {
      rows[6][6] = 32;
      rows[8][6] = 101.5;
    });
    // One fact, one finding: above the weight, not also off the band (review round 52b L1).
    expect(foundIn(a)).toEqual(["score-exceeds-weight@G7", "total-incomplete@G9", "score-above-attainable@G9"]);
    expect(a.findings[1].message).toBe("无法得出总分：“群众饮水条件”的得分超过分值。补齐或改正后才能计算总分和等次。");
    expect(a.totals[0]).toMatchObject({ score: null, grade: null, recordedScore: "101.5" });
    expect(a.indicators[2]).toMatchObject({ score: null, recordedScore: "32" });
  });

  it("a full score on a weight of thirds (=100/3, or 33.333 typed) is no score above it: the total stands (code review of round 49)", () => {
    const third = 100 / 3;
    const rows = [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
      ["产出指标", "质量指标", "工程质量", "优良", "优良", third, third, ""],
      ["效益指标", "社会效益指标", "群众生活", "有效改善", "有效改善", third, third, ""],
      ["满意度指标", "服务对象满意度指标", "群众满意", "满意", "满意", third, third, ""],
      ["总分", null, null, null, null, 100, 100, null],
    ];
    const a = analyze(workbook({ rows }));
    expect(foundIn(a)).not.toContain("total-incomplete@G5");
    expect(a.totals[0]).toMatchObject({ score: "100", grade: "优" });
  });

  it("a qualitative score outside its result's band leaves the total and its level unknown, as one above its weight (review round 51d H2)", () => {
    const a = filledForm((rows) => {
      rows[6][6] = 20;
      rows[6][7] = "部分工程延期";
      rows[8][6] = 89.5;
      rows[9][6] = "良";
    });
    expect(foundIn(a)).toEqual(["qualitative-score-band@G7", "total-incomplete@G9"]);
    expect(a.findings[1].message).toBe("无法得出总分：“群众饮水条件”的得分超出完成情况对应的得分区间。补齐或改正后才能计算总分和等次。");
    expect(a.totals[0]).toMatchObject({ score: null, grade: null, recordedScore: "89.5" });
    expect(a.summary.levels.map((l) => l.score)).toEqual(["50", null, "10"]);
    expect(a.indicators[2]).toMatchObject({ score: null, recordedScore: "20" });
  });

  it("on a quantitative row its computed score counts, and the total stands", () => {
    const a = filledForm((rows) => {
      rows[5][6] = 22;
      rows[8][6] = 101.5;
    });
    expect(foundIn(a)).toEqual(["score-exceeds-weight@G6", "score-mismatch@G6", "score-above-attainable@G9"]);
    expect(a.totals[0]).toMatchObject({ score: "99.5", grade: "优" });
  });
});

describe("an actual that says where or when its figure is (review round 49, cause 3)", () => {
  const withActual = (row: number, actual: string) => filledForm((rows) => (rows[row][4] = actual));

  it.each(["见附件3", "详见附表", "另附", "待统计", "待定", "暂无数据", "尚未统计"])("%s is no actual: missing-actual, no total, as a blank one", (actual) => {
    const a = withActual(5, actual);
    expect(foundIn(a)).toEqual(["missing-actual@E6", "total-incomplete@G9"]);
    expect(a.findings[0].message).toBe(`“水质达标率”有指标值“≥95%”，但实际完成值“${actual}”没有给出完成情况，请在表中填写。`);
    expect(a.findings[1].message).toBe("无法得出总分：1 项缺实际完成值。补齐或改正后才能计算总分和等次。");
    expect(a.totals[0]).toMatchObject({ score: null, grade: null });
  });

  it("under a target in words, and on a 可持续影响 row of years (read in words as a horizon otherwise)", () => {
    expect(foundIn(withActual(6, "详见附件2"))).toEqual(["missing-actual@E7", "total-incomplete@G9"]);
    const horizon = filledForm((rows) => (rows[6] = ["效益指标", "可持续影响指标", "工程设计使用年限", "≥20年", "详见附表", 30, 30, ""]));
    expect(foundIn(horizon)).toEqual(["missing-actual@E7", "total-incomplete@G9"]);
  });

  it("leaves an answer that opens with such words as an answer: 无数据泄露, 未统计到安全事故 (code review of round 49)", () => {
    for (const actual of ["无数据泄露", "未统计到安全事故"]) {
      const a = filledForm((rows) => (rows[6] = ["效益指标", "社会效益指标", "数据安全", "无数据泄露", actual, 30, 30, ""]));
      expect(foundIn(a)).not.toContain("missing-actual@E7");
      expect(a.totals[0].score).not.toBeNull();
    }
  });

  it("without a target, leaves the recorded score standing, as before (code review of round 49)", () => {
    for (const target of [null, "/"]) {
      const a = filledForm((rows) => {
        rows[5][3] = target;
        rows[5][4] = "待统计";
      });
      expect(foundIn(a)).not.toContain("total-incomplete@G9");
      expect(a.totals[0]).toMatchObject({ score: "99.5", grade: "优" });
    }
  });

  it("leaves words that answer, or give a figure after the reference, as they were read: not-numeric, the recorded score stands", () => {
    for (const actual of ["有效改善", "见附件3，达标率97%"]) {
      const a = withActual(5, actual);
      expect(foundIn(a)).toEqual(["not-numeric@E6"]);
      expect(a.totals[0]).toMatchObject({ score: "99.5", grade: "优" });
    }
  });
});

describe("a blank score that cannot be computed, named by its row (review round 51d M2)", () => {
  it("names the row and the indicator", () => {
    const a = filledForm((rows) => (rows[6][6] = null));
    expect(foundIn(a)).toEqual(["total-incomplete@G9"]);
    expect(a.findings[0].message).toBe("无法得出总分：1 项得分未填且无法计算（第 7 行“群众饮水条件”）。补齐或改正后才能计算总分和等次。");
  });

  it("names the first three rows, then 等", () => {
    const names = ["档案整理", "制度建设", "服务水平", "群众生活"];
    const rows: CellValue[][] = [INDICATOR_HEADER, ...names.map((name) => ["效益指标", "社会效益指标", name, "有效改善", "有效改善", 25, null, ""]), ["总分", null, null, null, null, 100, null, null]];
    const message = (lang: Lang) => analyze(workbook({ rows }), undefined, { lang }).findings.find((f) => f.rule === "total-incomplete")!.message;
    expect(message("zh")).toBe("无法得出总分：4 项得分未填且无法计算（第 2 行“档案整理”、第 3 行“制度建设”、第 4 行“服务水平”等）。补齐或改正后才能计算总分和等次。");
    expect(message("en")).toBe(
      'No total can be computed: 4 items have no score and none can be computed (row 2 "档案整理", row 3 "制度建设", row 4 "服务水平", …). Fill them in or correct them to get a total and a grade.',
    );
  });
});

describe("a 一级 level on 综合得分 with a row whose score is unknown (review round 49, cause 4)", () => {
  /** The 综合得分 line of a level: its 分值, 得分 and 得分率 cells (the chart plots the 得分率 column). */
  const levelLine = (a: Analysis, name: string) => {
    // An unknown level is named so, its 得分 and 得分率 "—" (review round 51d M9).
    // One sheet: no 工作表 column (review round 52), the level's name in A.
    const row = a.summary.cells.find((c) => c.col === 0 && (c.value === name || c.value === `${name}（无法计算）`))!.row;
    return [1, 2, 3].map((col) => a.summary.cells.find((c) => c.row === row && c.col === col)?.value ?? null);
  };

  // 产出指标's second row (of 20 points) in words, its score as given: the level's other row scores 30.
  it.each([
    ["a blank qualitative 得分", null],
    ["a 得分 typed in words", "满分"],
    ["a score above its weight", 22],
    ["a qualitative score outside its result's band (review round 51d H2)", 12],
  ])("%s leaves the level's 得分 and 得分率 blank, as the total; the other levels are shown", (_, score) => {
    const a = filledForm((rows) => (rows[5] = ["", "质量指标", "工程质量", "合格", "合格", 20, score, ""]));
    expect(a.totals[0].score).toBeNull();
    expect(levelLine(a, "产出指标")).toEqual(["50", "—", "—"]);
    expect(levelLine(a, "效益指标")).toEqual(["30", "30", "1"]);
    expect(a.summary.levels.find((l) => l.name === "产出指标")).toEqual({ name: "产出指标", weight: "50", score: null, rate: null });
  });

  it("a row without its actual leaves its level unknown too", () => {
    const a = filledForm((rows) => (rows[5][4] = null));
    expect(levelLine(a, "产出指标")).toEqual(["50", "—", "—"]);
    expect(levelLine(a, "效益指标")).toEqual(["30", "30", "1"]);
  });
});

describe("a table with no indicators, every row a template placeholder (review round 53a, H2)", () => {
  // The transfer-payment template: no 分值 column, so weights-total had no header to name and took
  // the first indicator's name, which there was none of.
  const rows: CellValue[][] = [
    ["一级指标", "二级指标", "三级指标", "全年指标值", "全年实际完成值", "未完成原因和改进措施"],
    ["产出指标", "数量指标", "指标1：", null, null, null],
    ["效益指标", "社会效益指标", "指标1：", null, null, null],
    ["满意度指标", "服务对象满意度指标", "指标1：", null, null, null],
  ];

  it("has no total to check: evaluateTotals raises nothing over it, even asked to", () => {
    const view = viewOf(workbook({ rows }).sheets[0]);
    const table = detectTables(view).find((t): t is IndicatorTable => t.kind === "indicators")!;
    const block = readIndicatorBlock(view, table);
    expect(block.indicators).toEqual([]);
    const findings = new FindingList();
    const total = evaluateTotals(findings, block, [], null, DEFAULT_PROFILE, view, () => new Map());
    expect(findings.items).toEqual([]);
    expect(total).toMatchObject({ weights: null, score: null, grade: null, levels: [] });
  });
});
