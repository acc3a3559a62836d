/** Totals without a budget table, and grade wordings that say the same level. */
import { analyze } from "../../src/core/analyze";
import { CellValue } from "../../src/core/grid";
import { sameGrade } from "../../src/core/profile";
import { INDICATOR_HEADER, workbook } from "../support/grid";

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
});

describe("grade wordings", () => {
  it("treats 优秀 as 优 and 良好 as 良, but not 良 as 优", () => {
    expect(sameGrade("优秀", "优")).toBe(true);
    expect(sameGrade(" 良好 ", "良")).toBe(true);
    expect(sameGrade("一般", "中")).toBe(true);
    expect(sameGrade("良", "优")).toBe(false);
  });

  it("raises grade-mismatch only when the level differs", () => {
    expect(rules(indicators([50, 40, 10], "优秀"))).not.toContainEqual(expect.stringMatching(/^grade-mismatch/));
    expect(rules(indicators([50, 40, 10], "良"))).toContain("grade-mismatch@G6");
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
