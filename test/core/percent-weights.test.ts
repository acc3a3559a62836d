/**
 * A provincial form whose 权重 are percentages of the 100 points (0.1 shown 10%): the budget line's
 * 权重 is read as the indicators' are, 10 points, and a score written as a percentage beside it is
 * on that scale too. A form in points reads as before.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { Report } from "../../src/core/report";
import { runMain } from "../support/cli";
import { SheetSpec, sheet, withFormulas, workbook } from "../support/grid";
import { tempDir, writeGridXlsx } from "../support/xlsx";

const found = (a: Analysis): string[] => a.findings.map((f) => `${f.rule}@${f.cell}`);

interface Scale {
  /** The 权重 column: the points themselves, or their share of the 100 shown as a percentage. */
  weights: "points" | "percent";
  /** The 得分 column, likewise. */
  scores: "points" | "percent";
}

/**
 * 项目资金 over the indicators, headed 权重/得分 as provincial forms are: 304 of 320 spent (95%, 9.5
 * of 10 points), 产出 48 of 50, 效益 and 满意度 in full; 97.5 in all, 优. Weights and scores are
 * written in points or as fractions in percentage formats (0.1 shown 10%, 0.095 shown 9.50%).
 */
function percentForm(scale: Scale): SheetSpec {
  const weight = (points: number): number => (scale.weights === "percent" ? points / 100 : points);
  const score = (points: number): number => (scale.scores === "percent" ? points / 100 : points);
  const rows: CellValue[][] = [
    ["项目资金（万元）", "年初预算数", "全年预算数", "全年执行数", "权重", "执行率", "得分"],
    ["年度资金总额", 300, 320, 304, weight(10), 0.95, score(9.5)],
    [],
    ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分", "偏差原因分析"],
    ["产出指标", "数量指标", "培训人次", "≥1000人次", "960人次", weight(50), score(48), "两期培训合并"],
    ["效益指标", "社会效益指标", "就业率", "≥60%", "62%", weight(30), score(30), ""],
    ["满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", "95%", weight(10), score(10), ""],
    ["总分", "", "", "", "", weight(100), score(97.5)],
  ];
  const numFmts: Record<string, string> = { F2: "0%" };
  if (scale.weights === "percent") for (const cell of ["E2", "F5", "F6", "F7", "F8"]) numFmts[cell] = "0%";
  if (scale.scores === "percent") for (const cell of ["G2", "G5", "G6", "G7", "G8"]) numFmts[cell] = "0.00%";
  return { name: "自评表", rows, numFmts };
}

const run = (scale: Scale): Analysis => analyze(workbook(percentForm(scale)), DEFAULT_PROFILE);

describe("权重 written as percentages (0.1 shown 10%)", () => {
  it("reads the budget line's 权重 as the indicators': 10 points, with its score in points beside it", () => {
    const a = run({ weights: "percent", scores: "points" });
    expect(a.budget.map((b) => [b.weight, b.score, b.recordedScore])).toEqual([["10", "9.5", "9.5"]]);
    expect(a.indicators.map((i) => i.weight)).toEqual(["50", "30", "10"]);
    expect(a.totals[0]).toMatchObject({ weights: "100", score: "97.5", recordedScore: "97.5", grade: "优" });
    expect(found(a)).toEqual([]);
  });

  it("reads scores written as percentages beside them on the same scale: 9.50% is 9.5 points", () => {
    const a = run({ weights: "percent", scores: "percent" });
    expect(a.budget.map((b) => [b.weight, b.score, b.recordedScore])).toEqual([["10", "9.5", "9.5"]]);
    expect(a.indicators.map((i) => [i.weight, i.recordedScore])).toEqual([
      ["50", "48"],
      ["30", "30"],
      ["10", "10"],
    ]);
    expect(a.totals[0]).toMatchObject({ weights: "100", score: "97.5", recordedScore: "97.5", grade: "优" });
    expect(found(a)).toEqual([]);
  });

  it("reads a 总分 formula's result of 97.50% as 97.5 points, and leaves the formula's result alone", () => {
    const form = sheet(percentForm({ weights: "percent", scores: "percent" }));
    const a = analyze({ sheets: [withFormulas(form, { G8: "G2+SUM(G5:G7)" })] }, DEFAULT_PROFILE);
    expect(a.totals[0]).toMatchObject({ score: "97.5", recordedScore: "97.5", grade: "优" });
    expect(a.writes).toEqual([]);
    expect(found(a)).toEqual([]);
  });

  it("reads a 总分 shown as a percentage (0.975 shown 97.5%) as 97.5 points beside weights in percent or in points (review round 18, A7)", () => {
    for (const weights of ["percent", "points"] as const) {
      const spec = percentForm({ weights, scores: "points" });
      spec.rows[7][6] = 0.975;
      spec.numFmts!.G8 = "0.0%";
      const a = analyze(workbook(spec), DEFAULT_PROFILE);
      expect(a.totals[0]).toMatchObject({ score: "97.5", recordedScore: "97.5", grade: "优" });
      expect(found(a)).toEqual([]);
    }
  });

  it("still flags a wrong budget score written as a percentage, in points", () => {
    const spec = percentForm({ weights: "percent", scores: "percent" });
    spec.rows[1][6] = 0.1; // 10.00%: full marks at 95% spent
    const a = analyze(workbook(spec), DEFAULT_PROFILE);
    expect(found(a)).toContain("budget-score-mismatch@G2");
    expect(a.findings.find((f) => f.rule === "budget-score-mismatch")!.message).toBe("预算执行得分填的是 10，按 分值×执行率（最高 100%）应为 9.5。");
  });

  it("leaves a form in points as it was, a % format on a score in points included", () => {
    const a = run({ weights: "points", scores: "points" });
    expect(a.budget.map((b) => [b.weight, b.score, b.recordedScore])).toEqual([["10", "9.5", "9.5"]]);
    expect(a.totals[0]).toMatchObject({ weights: "100", score: "97.5", recordedScore: "97.5", grade: "优" });
    expect(found(a)).toEqual([]);
    // A % format beside a weight in points says nothing of the scale: 0.095 is 0.095 points.
    const formatted = percentForm({ weights: "points", scores: "percent" });
    expect(analyze(workbook(formatted), DEFAULT_PROFILE).budget[0].recordedScore).toBe("0.095");
  });

  it("reads points shown with a quoted % (0\"%\": 10 shows 10%, the % is text) as those points, not a hundred times them", () => {
    const quoted = percentForm({ weights: "points", scores: "points" });
    for (const cell of ["E2", "F5", "F6", "F7", "F8"]) quoted.numFmts![cell] = '0"%"';
    const a = analyze(workbook(quoted), DEFAULT_PROFILE);
    expect(a.budget.map((b) => [b.weight, b.score])).toEqual([["10", "9.5"]]);
    expect(a.indicators.map((i) => i.weight)).toEqual(["50", "30", "10"]);
    expect(found(a)).toEqual([]);
  });

  it("scores the .xlsx on the command line without a false budget or weights finding", async () => {
    const dir = tempDir();
    const input = path.join(dir, "wp.xlsx");
    await writeGridXlsx(workbook(percentForm({ weights: "percent", scores: "points" })), input);
    const json = path.join(dir, "report.json");
    const r = await runMain("score", input, "--out", path.join(dir, "out.xlsx"), "--json", json);
    expect(r.code).toBe(0);
    expect(r.out).toContain("自评表：综合得分 97.5（表中填 97.5），等次 优");
    const report = JSON.parse(readFileSync(json, "utf8")) as Report;
    expect(report.budget.map((b) => b.weight)).toEqual(["10"]);
    expect(report.findings).toEqual([]);
  });
});
