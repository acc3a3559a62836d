/**
 * A value whose number format shows fewer digits than its cell holds (0.949 shown as 95%): the
 * score is worked out from what the cell holds, and the message says both (review round 58d), as
 * the unit reading 95% against ≥95% would otherwise take 9.99 for a slip of jixiao's.
 */
import { analyze } from "../../src/core/analyze";
import { CellValue } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { found, message } from "../support/findings";
import { workbook } from "../support/grid";

function form(actual: CellValue, score: number, lang: "zh" | "en" = "zh") {
  const grid = workbook({
    name: "自评表",
    rows: [
      ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
      ["产出指标", "数量指标", "培训人次", "≥100人次", "100人次", 45, 45, ""],
      ["", "质量指标", "工程验收合格率", "≥95%", actual, 10, score, ""],
      ["效益指标", "社会效益指标", "受益群众人数", "≥5000人", "5200人", 35, 35, ""],
      ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", 10, 10, ""],
    ],
    numFmts: { E3: "0%", G3: "0.00" },
  });
  return analyze(grid, DEFAULT_PROFILE, { lang });
}

describe("a value shown with fewer digits than its cell holds", () => {
  it("is scored as the cell holds it, and the score-mismatch says what it shows and holds", () => {
    const a = form(0.949, 10);
    expect(found(a)).toContain("score-mismatch@自评表!G3");
    expect(message(a, "score-mismatch", "G3")).toBe(
      "“工程验收合格率”填报得分 10；按正向指标公式（分值×实际值÷指标值）应为 9.99（实际完成值显示 95%，单元格中是 94.9%）。",
    );
    expect(message(form(0.949, 10, "en"), "score-mismatch", "G3")).toBe(
      '"工程验收合格率" scored 10; the positive-indicator formula (weight × actual ÷ target) gives 9.99 (the actual shows 95% but holds 94.9%).',
    );
  });

  it("reads what the cell holds without a double's binary noise (0.9490000000000001 holds 94.9%)", () => {
    expect(message(form(0.9490000000000001, 10), "score-mismatch", "G3")).toContain("（实际完成值显示 95%，单元格中是 94.9%）");
  });

  it("says nothing of it where the cell shows what it holds", () => {
    expect(message(form(0.94, 10), "score-mismatch", "G3")).toBe("“工程验收合格率”填报得分 10；按正向指标公式（分值×实际值÷指标值）应为 9.89。");
    expect(found(form(0.95, 10))).toEqual([]);
  });
});
