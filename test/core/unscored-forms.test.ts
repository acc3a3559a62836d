/**
 * A form with no 分值 and no 得分 column at all (a transfer payment's 区域绩效自评表, a 绩效目标完成情况表)
 * scores nothing by design: its total is marked so once (TotalReport.unscored), and the console's
 * headline and 综合得分 say that the form scores nothing, not that its total "cannot be computed",
 * which stays for a form whose 分值 and 得分 columns are there and blank (review round 57c, F3).
 */
import { analyze } from "../../src/core/analyze";
import { headlines } from "../../src/core/headline";
import { SummarySheet } from "../../src/core/summary-types";
import { CellValue } from "../../src/core/grid";
import { found } from "../support/findings";
import { workbook } from "../support/grid";
import { transferPaymentSheet } from "../support/review-forms";

const NAME = "农村危房改造补助资金";
const unscored = () => analyze(workbook(transferPaymentSheet(NAME, 1050, 1050)));
const blankScores = () => analyze(workbook(transferPaymentSheet(NAME, 1050, 1050, true)));

const texts = (summary: SummarySheet): string[] => summary.cells.filter((c) => !c.isNumber).map((c) => c.value);

describe("a form without 分值 and 得分 columns (review round 57c, F3)", () => {
  test("its total is marked as scoring nothing, with no score, weights or grade", () => {
    const { totals, findings } = unscored();
    expect(totals).toEqual([expect.objectContaining({ score: null, weights: null, grade: null, unscored: true })]);
    expect(findings).toEqual([]);
  });

  test("a form whose 分值 and 得分 columns are there and blank is not: its total cannot be computed", () => {
    const { totals } = blankScores();
    expect(totals).toHaveLength(1);
    expect(totals[0].unscored).toBeUndefined();
    expect(JSON.parse(JSON.stringify(totals[0]))).not.toHaveProperty("unscored");
  });

  test("the headline says the form scores nothing, in either language; a blank-scored form's says no total could be computed", () => {
    const analysis = unscored();
    expect(headlines(analysis.totals, analysis.findings, "zh", analysis.tables)[0].reason).toBe("本表未设分值和得分，不计总分和等次");
    expect(headlines(analysis.totals, analysis.findings, "en", analysis.tables)[0].reason).toBe("the form has no weight or score columns: no total or grade");
    const blank = blankScores();
    expect(headlines(blank.totals, blank.findings, "zh", blank.tables)[0].reason).toBe("无法计算总分，未评等次");
  });

  test("综合得分 is titled 绩效表检查结果, with no profile line, no 分值 and 得分 columns for the budget, and no level marked （无法计算）", () => {
    const { summary } = unscored();
    const all = texts(summary);
    expect(all[0]).toBe(`${NAME}2024年度绩效表检查结果`);
    expect(all.some((text) => text.includes("预算执行率") || text.includes("等次 优"))).toBe(false);
    expect(all.some((text) => text.includes("无法计算"))).toBe(false);
    expect(all).not.toContain("综合得分（计算）");
    expect(all).not.toContain("未评等次");
    expect(all).toContain("本表未设分值和得分，不计总分和等次");
    const header = summary.cells.filter((c) => c.style === "header" && c.row === summary.cells.find((d) => d.value === "执行率")!.row).map((c) => c.value);
    expect(header).toEqual(["项目", "全年预算数\n（万元）", "执行数\n（万元）", "执行率"]);
    expect(summary.chart).toBeNull();
    expect(summary.levels).toEqual([]);
    expect(summary.gradeReason).toBe("本表未设分值和得分，不计总分和等次");
  });

  test("a blank-scored form's 综合得分 is as before: scored title, its levels （无法计算）, 未评等次", () => {
    const all = texts(blankScores().summary);
    expect(all[0]).toBe(`${NAME}2024年度绩效自评综合得分`);
    expect(all).toContain("产出指标（无法计算）");
    expect(all).toContain("未评等次");
  });

  test("beside a scored form, the scoreless one's line says so, named by its sheet, and the scored one keeps its lines", () => {
    const scored = transferPaymentSheet("城镇老旧小区改造", 800, 800);
    const analysis = analyze(
      workbook(transferPaymentSheet(NAME, 1050, 1050), {
        name: "老旧小区",
        rows: [
          ...scored.rows.slice(0, 2),
          ["资金情况（万元）", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          ["年度资金总额", 800, 800, 10, 1, 10],
          [],
          ["一级指标", "二级指标", "三级指标", "全年指标值", "全年实际完成值", "分值", "得分", "未完成原因和改进措施"],
          ["产出指标", "数量指标", "改造小区数", "≥12个", "12个", 50, 50, ""],
          ["效益指标", "社会效益指标", "居民居住条件", "有效改善", "有效改善", 30, 30, ""],
          ["满意度指标", "服务对象满意度指标", "居民满意度", "≥90%", "95%", 10, 10, ""],
        ],
      }),
    );
    expect(analysis.totals.map((t) => [t.sheet, t.score, t.unscored])).toEqual([
      ["自评表", null, true],
      ["老旧小区", "100", undefined],
    ]);
    const all = texts(analysis.summary);
    expect(all[0]).toMatch(/绩效自评综合得分$/);
    expect(all).toContain("本表未设分值和得分，不计总分和等次");
    expect(all.some((text) => text.includes("无法计算"))).toBe(false);
    expect(all).toContain("综合得分（计算）");
  });
});

/** Review 57b, M2: one decision of "scores nothing" for missing-reason and the total alike. */
describe("which forms score nothing: one decision for missing-reason and the total (review 57b, M2)", () => {
  type Row = CellValue[];
  const TOP: Row[] = [
    ["2024年度省对下转移支付绩效自评表"],
    ["项目名称", NAME, "", "", "实施单位", "县住房和城乡建设局"],
    ["资金情况（万元）", "全年预算数", "全年执行数", "执行率"],
    ["年度资金总额", 1050, 1050, 1],
    [],
  ];
  const HEADER: Row = ["一级指标", "二级指标", "三级指标", "全年指标值", "全年实际完成值", "未完成原因和改进措施"];
  const form = (level1: [string, string, string], extra: Row[] = []) =>
    analyze(
      workbook({
        name: "自评表",
        rows: [
          ...TOP,
          HEADER,
          [level1[0], "数量指标", "农村危房改造户数", "≥210户", "196户", ""],
          [level1[1], "社会效益指标", "农村低收入群体住房安全", "有效保障", "有效保障", ""],
          [level1[2], "服务对象满意度指标", "改造户满意度", "≥95%", "98%", ""],
          ...extra,
        ],
      }),
    );
  const missingReason = (a: ReturnType<typeof analyze>) => found(a).filter((f) => f.startsWith("missing-reason"));

  test("a form whose 一级 labels state weights is a scored one for both: no missing-reason for the missed target, its total not unscored", () => {
    const a = form(["产出指标（50分）", "效益指标（30分）", "满意度指标（20分）"]);
    expect(a.totals[0].unscored).toBeUndefined();
    expect(missingReason(a)).toEqual([]);
  });

  test("weights stated in 二级 labels alone score nothing, as the total reads none from them (review 57b, L8)", () => {
    const a = analyze(
      workbook({ name: "自评表", rows: [...TOP, HEADER, ["产出指标", "数量指标（50分）", "农村危房改造户数", "≥210户", "196户", ""], ["效益指标", "社会效益指标（50分）", "住房安全", "有效保障", "有效保障", ""]] }),
    );
    expect(a.totals[0].unscored).toBe(true);
    expect(missingReason(a)).toEqual(["missing-reason@自评表!F7"]);
  });

  test("a 自评得分 in the header block marked blank (—) records no total: the form still scores nothing; one giving 95 does not (review 57b, L8)", () => {
    const withStated = (stated: CellValue) =>
      analyze(workbook({ name: "自评表", rows: [["项目名称", NAME], ["自评得分", stated], [], HEADER, ["产出指标", "数量指标", "农村危房改造户数", "≥210户", "215户", ""]] }));
    expect(withStated("—").totals[0].unscored).toBe(true);
    expect(withStated(95).totals[0].unscored).toBeUndefined();
  });

  test("the same form without label weights scores nothing for both: missing-reason at the reason cell, its total unscored", () => {
    const a = form(["产出指标", "效益指标", "满意度指标"]);
    expect(a.totals[0].unscored).toBe(true);
    expect(missingReason(a)).toEqual(["missing-reason@自评表!F7"]);
  });
});
