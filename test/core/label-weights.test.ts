/**
 * Review round 14 (A5, B2): a form that weighs its 一级 levels in their labels alone (产出指标（50分）,
 * 效益指标（30分）, 满意度指标（10分）) and leaves every row's 分值 blank is scored on those weights:
 * its total is the budget's score plus the rows' scores, checked against the recorded 总分, and each
 * level's scores against the weight it states. Where the weights cannot be known, total-incomplete
 * says why. The grids are laid out as the form is: a title, the 项目名称 line, a budget block scoring
 * 9.5 of 10, 一级 labels merged down their rows.
 */
import { Analysis, analyze } from "../../src/core/analyze";
import { CellValue } from "../../src/core/grid";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { INDICATOR_HEADER, workbook } from "../support/grid";
import { found } from "../support/findings";

type Row = CellValue[];

const message = (a: Analysis, rule: string): string => {
  const f = a.findings.find((x) => x.rule === rule);
  if (!f) throw new Error(`no ${rule}; found ${found(a).join(", ") || "nothing"}`);
  return f.message;
};

/** 产出 rows 7–9, 效益 rows 10–11, 满意度 row 12; the 总分 row 13. Weights only in the labels given. */
function labelWeighedForm({
  labels = ["产出指标（50分）", "效益指标（30分）", "满意度指标（10分）"],
  scores = [20, 20, 10, 15, 15, 10] as (number | null)[],
  total = 99.5 as number | null,
  lang = "zh" as "zh" | "en",
} = {}): Analysis {
  const [output, effect, satisfaction] = labels;
  const rows: Row[] = [
    ["项目支出绩效自评表"],
    ["项目名称", "", "群众文化活动经费"],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", 100, 100, 95, 10, 0.95, 9.5],
    ["年度总体目标", "", "完成全年文化活动"],
    INDICATOR_HEADER,
    [output, "数量指标", "举办文化活动场次", "≥50场", "52场", "", scores[0], ""],
    ["", "质量指标", "活动验收合格率", "100%", "100%", "", scores[1], ""],
    ["", "时效指标", "活动完成时间", "2024年12月底前", "2024年11月", "", scores[2], ""],
    [effect, "社会效益指标", "群众文化生活丰富程度", "有效丰富", "有效丰富", "", scores[3], ""],
    ["", "", "参与群众人数", "≥5万人次", "5.2万人次", "", scores[4], ""],
    [satisfaction, "服务对象满意度指标", "群众满意度", "≥90%", "95%", "", scores[5], ""],
    ["总分", "", "", "", "", 100, total, "优"],
  ];
  const wb = workbook({ name: "自评表", rows, merges: ["A1:H1", "A3:A4", "A7:A9", "A10:A11", "B10:B11", "A13:E13"], numFmts: { G4: "0%" } });
  return analyze(wb, DEFAULT_PROFILE, { lang });
}

/** The form in `lang`, its first 产出 row scored `first`. */
const labelWeighedFormIn = (lang: "zh" | "en", labels: string[], first: number): Analysis =>
  labelWeighedForm({ labels, scores: [first, 20, 10, 15, 15, 10], lang });

describe("weights stated only in the 一级 labels, every row's 分值 blank", () => {
  it("scores the form on the stated weights: 9.5 + the rows' scores, graded", () => {
    const a = labelWeighedForm();
    expect(a.totals[0]).toMatchObject({ weights: "100", score: "99.5", recordedScore: "99.5", grade: "优" });
    expect(found(a)).toEqual([]);
  });

  it("finds a wrong 总分", () => {
    const a = labelWeighedForm({ total: 95 });
    expect(found(a)).toEqual(["total-mismatch@自评表!G13"]);
    expect(message(a, "total-mismatch")).toContain("各项得分相加为 99.5");
  });

  it("finds a level scored above the weight its label states, at the label; no total above full marks", () => {
    const a = labelWeighedForm({ scores: [25, 20, 10, 15, 15, 10], total: 104.5 });
    expect(found(a)).toEqual(["score-exceeds-weight@自评表!A7", "total-incomplete@自评表!G13", "score-above-attainable@自评表!G13"]);
    expect(message(a, "total-incomplete")).toBe("无法得出总分：“产出指标”的得分超过分值。补齐或改正后才能计算总分和等次。");
    expect(a.totals[0]).toMatchObject({ score: null, grade: null });
    expect(message(a, "score-exceeds-weight")).toBe("“产出指标”标明 50 分，其下各指标得分合计 55 分，超过了标明的分值。请核对各指标得分。");
  });

  it("checks the stated weights with the budget's: 10 + 50 + 30 + 20 is no 100", () => {
    const a = labelWeighedForm({ labels: ["产出指标（50分）", "效益指标（30分）", "满意度指标（20分）"] });
    expect(found(a)).toEqual(["weights-total@自评表!F6"]);
    expect(a.totals[0]).toMatchObject({ weights: "110", score: "99.5", grade: null });
  });

  it("leaves a row without a score out of a total it cannot make, and says so", () => {
    const a = labelWeighedForm({ scores: [20, 20, 10, 15, null, 10] });
    expect(a.totals[0]).toMatchObject({ weights: "100", score: null });
    expect(message(a, "total-incomplete")).toContain("1 项得分未填且无法计算");
  });
});

describe("a scored table whose weights cannot be known says why", () => {
  it("a level that states no weight: total-incomplete names it and the blank 分值 column", () => {
    const a = labelWeighedForm({ labels: ["产出指标（50分）", "效益指标（30分）", "满意度指标"] });
    expect(found(a)).toEqual(["total-incomplete@自评表!F6"]);
    expect(message(a, "total-incomplete")).toBe(
      "无法得出总分：各指标的分值均未填（第 6 行表头下的分值列为空），满意度指标的名称中也没有标明分值（可写作 产出指标（50分））。补齐或改正后才能计算总分和等次。",
    );
    expect(a.totals[0]).toMatchObject({ score: null, recordedScore: "99.5" });
  });

  it("no weight anywhere, the rows scored: total-incomplete", () => {
    const a = labelWeighedForm({ labels: ["产出指标", "效益指标", "满意度指标"] });
    expect(found(a)).toEqual(["total-incomplete@自评表!F6"]);
    expect(message(a, "total-incomplete")).toContain("产出指标、效益指标、满意度指标的名称中也没有标明分值");
  });

  it("no weight and no score anywhere (a list of targets): nothing to say", () => {
    const a = labelWeighedForm({ labels: ["产出指标", "效益指标", "满意度指标"], scores: [null, null, null, null, null, null], total: null });
    expect(found(a)).toEqual([]);
  });
});

describe("in English", () => {
  it("names the level above its stated weight and the blank weights", () => {
    const messages = (labels: string[], first: number) => {
      const a = labelWeighedFormIn("en", labels, first);
      return a.findings.filter((f) => f.rule === "score-exceeds-weight" || f.rule === "total-incomplete").map((f) => f.message);
    };
    expect(messages(["产出指标（50分）", "效益指标（30分）", "满意度指标（10分）"], 25)).toEqual([
      '"产出指标" states 50 points but the scores of its rows add up to 55: check the scores.',
      'No total can be computed: the score of "产出指标" is above its weight. Fill them in or correct them to get a total and a grade.',
    ]);
    expect(messages(["产出指标（50分）", "效益指标（30分）", "满意度指标"], 20)).toEqual([
      "No total can be computed: no indicator has a weight (the weight column under the header in row 6 is blank) and 满意度指标 states none in its label (written 产出指标（50分）). Fill them in or correct them to get a total and a grade.",
    ]);
  });
});
