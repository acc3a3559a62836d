/**
 * Forms saved without their formulas' results (openpyxl, Apache POI): a 总分 formula is worked out
 * through the formulas it reads when every cell it needs is known, and records no total otherwise,
 * never one made of blanks. Saved with results (Excel, LibreOffice), the same forms are read as before.
 */
import { analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { reviewFile } from "../../src/core/review";
import { INDICATOR_HEADER, withFormulas, withUnknownResults, workbook } from "../support/grid";

/**
 * The national form, filled in correctly: budget 10 points at 304 of 320 (95%, 9.5), indicators
 * 90 points in full, row 7 the template's 成本指标 row left empty inside the 总分's SUM, 99.5 and
 * 优. `scores` replaces the indicators' 得分 (G5, G6, G8, G9), `budgetScore` the budget's (G2).
 */
function nationalForm(scores: CellValue[] = [30, 20, 30, 10], budgetScore: CellValue = 9.5): CellValue[][] {
  return [
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", 300, 320, 304, 10, 0.95, budgetScore],
    [],
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "改造饮水工程", "12处", "12处", 30, scores[0], ""],
    ["", "质量指标", "水质达标率", "≥95%", "97%", 20, scores[1], ""],
    ["", "成本指标", "", "", "", null, null, ""],
    ["效益指标", "社会效益指标", "群众饮水条件", "有效改善", "有效改善", 30, scores[2], ""],
    ["满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%", "95%", 10, scores[3], ""],
    ["总分", null, null, null, null, 100, 99.5, null],
    ["评价等次", null, null, null, null, null, "优", null],
  ];
}

/** 执行率 and the budget score as formulas, and the 总分 over the budget score and G5:G9. */
const NATIONAL_FORMULAS = { F2: "D2/C2", G2: "E2*F2", G10: "G2+SUM(G5:G9)" };

/** The form with `formulas`, saved with their results (as `rows` hold them) or without. */
function form(rows: CellValue[][], formulas: Record<string, string>, resultsHeld: boolean, merges = ["A5:A7"]): WorkbookGrid {
  const grid = workbook({ rows, merges, numFmts: { F2: "0.00%" } });
  grid.sheets[0] = resultsHeld ? withFormulas(grid.sheets[0], formulas) : withUnknownResults(grid.sheets[0], formulas);
  return grid;
}

const rulesOf = (grid: WorkbookGrid) => analyze(grid).findings.map((f) => `${f.rule}@${f.cell}`);

describe("a 总分 formula whose result the file does not hold", () => {
  it("is worked out through the budget score's formula and 执行率's (the chain G10 ← G2 ← F2), skipping the empty row", () => {
    const a = analyze(form(nationalForm(), NATIONAL_FORMULAS, false));
    expect(a.findings.map((f) => f.rule)).toEqual([]);
    expect(a.totals[0].recordedScore).toBe("99.5");
    expect(a.totals[0].score).toBe("99.5");
    // The copy's result is the formula's own, as Excel will show it: the only write.
    expect(a.writes.map((w) => [w.cell, w.value, w.cachedResult])).toEqual([["G10", "99.5", true]]);
  });

  it("gives the findings and totals the same form saved with its results gets", () => {
    const held = analyze(form(nationalForm(), NATIONAL_FORMULAS, true));
    const unknown = analyze(form(nationalForm(), NATIONAL_FORMULAS, false));
    expect(unknown.findings).toEqual(held.findings);
    expect(unknown.totals.map((t) => [t.score, t.recordedScore, t.grade])).toEqual(held.totals.map((t) => [t.score, t.recordedScore, t.grade]));
  });

  it("gives a recorded total that differs from jixiao's its total-mismatch: a budget formula not capped at 100%", () => {
    // 336 of 320 spent: the form's G2 = E2*F2 is 10.5 where the budget score is at most 10.
    const rows = nationalForm();
    rows[1] = ["年度资金总额", 300, 320, 336, 10, 1.05, 10.5];
    const a = analyze(form(rows, NATIONAL_FORMULAS, false));
    expect(a.findings.find((f) => f.rule === "total-mismatch")?.message).toBe("综合得分填的是 100.5，各项得分相加为 100。请改为 100，或核对各项得分。");
  });

  it("takes a funds total whose SUM holds no result for unknown, not for a blank the 其中 rows mismatch", () => {
    const rows = nationalForm();
    rows[1] = ["年度资金总额", 300, 320, null, 10, null, null];
    rows.splice(2, 0, ["其中：当年财政拨款", 250, 260, 250, null, null, null], ["上年结转资金", 50, 60, 54, null, null, null]);
    const formulas = { D2: "SUM(D3:D4)", F2: "D2/C2", G2: "E2*F2", G12: "G2+SUM(G7:G11)" };
    const a = analyze(form(rows, formulas, false, ["A7:A9"]));
    expect(a.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
    // Its budget score is worked out through it too: D2 = 304, F2 = 95%, G2 = 9.5.
    expect(a.totals[0].recordedScore).toBe("99.5");
  });

  it("records no total when a formula it reads cannot be worked out (the unit's own ROUND/IF scores)", () => {
    const formulas = { ...NATIONAL_FORMULAS, G2: "ROUND(E2*MIN(F2,1),2)", G5: "ROUND(IF(E5>=D5,F5,F5*E5/D5),2)", G11: 'IF(G10>=90,"优","良")' };
    const grid = form(nationalForm([null, 20, 30, 10], null), formulas, false);
    const a = analyze(grid);
    expect(rulesOf(grid)).toEqual([]);
    expect(a.totals[0].recordedScore).toBeNull();
    expect(a.totals[0].score).toBe("99.5"); // jixiao's own, from the values
    expect(a.writes.filter((w) => w.cachedResult)).toEqual([]);
  });

  it("judges no grade against a total it cannot know (scores read from another sheet)", () => {
    const formulas = { F2: "D2/C2", G10: "G2+SUM(G5:G9)", G5: "评分依据!C2", G6: "评分依据!C3", G8: "评分依据!C4", G9: "评分依据!C5" };
    const grid = form(nationalForm([null, null, null, null]), formulas, false);
    const a = analyze(grid);
    // 群众饮水条件 is qualitative: its score is the sheet's, which jixiao cannot read.
    expect(rulesOf(grid)).toEqual(["total-incomplete@G10"]);
    expect(a.totals[0].recordedScore).toBeNull();
    expect(a.writes.filter((w) => w.cachedResult)).toEqual([]);
    // The score is a formula saved without its result, not left blank: the warning says what to do.
    expect(a.findings[0].message).toBe("无法得出总分：1 项得分是没有保存计算结果的公式（在 Excel 或 WPS 中打开并保存一次即可）。补齐或改正后才能计算总分和等次。");
    expect(analyze(grid, undefined, { lang: "en" }).findings[0].message).toContain(
      "1 item has a score formula saved without its result (open and save the workbook once in Excel or WPS)",
    );
  });

  it("gives the finance bureau's review the recorded 总分 the form shows, or none it cannot know", () => {
    const recorded = (grid: WorkbookGrid) => reviewFile("供水.xlsx", analyze(grid), DEFAULT_PROFILE).rows.map((r) => [r.recordedScore, r.recordedGrade]);
    expect(recorded(form(nationalForm(), NATIONAL_FORMULAS, false))).toEqual([["99.5", "优"]]);
    const fromSheet = { G10: "G2+SUM(G5:G9)", G5: "评分依据!C2", G6: "评分依据!C3", G8: "评分依据!C4", G9: "评分依据!C5" };
    expect(recorded(form(nationalForm([null, null, null, null]), fromSheet, false))).toEqual([[null, "优"]]);
  });

  it("records no total when a cell it names alone is blank and jixiao cannot fill it; one jixiao fills counts; saved with its result, the blank counted 0 as Excel did", () => {
    // No 全年执行数: no budget score to fill into G2, which the 总分 adds alone.
    const rows = nationalForm(undefined, null);
    rows[1] = ["年度资金总额", 300, 320, null, 10, null, null];
    rows[10][6] = "良";
    const unknown = form(rows, { G10: "G2+SUM(G5:G9)" }, false);
    expect(analyze(unknown).totals[0].recordedScore).toBeNull();
    expect(rulesOf(unknown)).not.toContainEqual(expect.stringMatching(/^(total-mismatch|grade-mismatch)/));
    expect(analyze(unknown).writes.filter((w) => w.cachedResult)).toEqual([]);
    // With 全年执行数, jixiao fills the budget score in, and the 总分 is worked out with it.
    const filled = analyze(form(nationalForm(undefined, null), { G10: "G2+SUM(G5:G9)" }, false));
    expect(filled.writes.map((w) => [w.cell, w.value, w.cachedResult ?? false])).toEqual([
      ["G2", "9.5", false],
      ["G10", "99.5", true],
    ]);
    expect(filled.totals[0].recordedScore).toBe("99.5");
    rows[9][6] = 90;
    const held = form(rows, { G10: "G2+SUM(G5:G9)" }, true);
    expect(analyze(held).totals[0].recordedScore).toBe("90");
    expect(rulesOf(held)).toContain("grade-mismatch@G11");
  });
});
