/**
 * Review round 51d: which figures on 综合得分 are jixiao's and which the form's (H1), the parts
 * adding up to the total (M11), unknown scores shown "—" (M9), money columns wide enough for
 * their amounts (M1), a workbook of target tables (M10), the title (L6) and English units (L2).
 */
import { analyze } from "../../src/core/analyze";
import { SummarySheet } from "../../src/core/summary-types";
import { BUDGET_HEADER, INDICATOR_HEADER, threeIndicatorForm, workbook } from "../support/grid";

const rowText = (summary: SummarySheet, row: number): string[] =>
  summary.cells.filter((c) => c.row === row).map((c) => c.value);
const rowStarting = (summary: SummarySheet, label: string): string[] => {
  // One sheet holds the form: no 工作表 column (review round 52), the labels in A.
  const cell = summary.cells.find((c) => c.col === 0 && c.value === label);
  return cell ? rowText(summary, cell.row) : [];
};

/** A form of 100 points scoring 95.37 by jixiao's count, whose 总分 says 94 and 等次 优. */
const recordedForm = (total: number, [served, servedScore]: [string, number] = ["100人", 30]) =>
  workbook({
    name: "自评表",
    rows: [
      ["某项目2023年度项目支出绩效自评表"],
      BUDGET_HEADER,
      ["年度资金总额", 320, 320, 288, 10, 0.9, 9],
      [],
      INDICATOR_HEADER,
      ["产出指标", "数量指标", "培训场次", "≥10场", "9场", 50, 45, "停办一场"],
      ["效益指标", "社会效益", "受益人数", "≥100人", served, 30, servedScore, ""],
      ["满意度指标", "服务对象满意度", "满意度", "≥90%", "95%", 10, 10, ""],
      ["总分", "", "", "", "", 100, total],
      ["评价等次", "", "", "", "", "", "优"],
    ],
  });

describe("综合得分: jixiao's figures and the form's (review round 51d)", () => {
  test("H1: the computed total is labelled as computed, the form's recorded total and grade stand beside it, and their difference is stated", () => {
    const summary = analyze(recordedForm(93)).summary;
    expect(rowStarting(summary, "一级指标")).toEqual(["一级指标", "分值", "得分（计算）", "得分率"]);
    expect(rowStarting(summary, "综合得分（计算）")).toEqual(["综合得分（计算）", "100", "94", "评价等次", "优"]);
    const recorded = summary.cells.find((c) => c.value === "综合得分（填报）")!.row;
    expect(rowText(summary, recorded)).toEqual(["综合得分（填报）", "93", "评价等次", "优"]);
    expect(rowText(summary, recorded + 1)).toEqual(["填报与计算相差 1 分。"]);
    // No difference, no line about one.
    const same = analyze(recordedForm(94)).summary;
    expect(same.cells.some((c) => c.value.startsWith("填报与计算相差"))).toBe(false);
  });

  // Review round 52c: 汇总 shaded, and 综合得分 stated, a total the form had only rounded; the code
  // review of round 52: that is decided once, as total-mismatch reads the recorded 总分.
  test("a recorded total that is the computed one as its cell shows it is no difference; one total-mismatch finds wrong is", () => {
    // 受益人数 30 × 97.5 ÷ 100 = 29.25: the total is 93.25.
    const form = (recorded: number) => analyze(recordedForm(recorded, ["97.5人", 29.25]));
    const stated = (recorded: number) => form(recorded).summary.cells.find((c) => c.value.startsWith("填报与计算相差"))?.value;
    const mismatch = (recorded: number) => form(recorded).findings.some((f) => f.rule === "total-mismatch");
    for (const recorded of [93.25, 93.3, 93.2]) {
      expect([recorded, stated(recorded), mismatch(recorded), form(recorded).totals[0].recordedDiffers]).toEqual([recorded, undefined, false, false]);
    }
    for (const [recorded, difference] of [[92.9, "0.35"], [95, "1.75"]] as const) {
      expect([stated(recorded), mismatch(recorded), form(recorded).totals[0].recordedDiffers]).toEqual([`填报与计算相差 ${difference} 分。`, true, true]);
    }
  });

  test("M11: the budget's part stands in section 二 and the parts add up to the total, whose 分值 is the weights' sum", () => {
    const summary = analyze(recordedForm(94)).summary;
    const first = summary.cells.find((c) => c.value === "得分（计算）" && c.col === 2)!.row + 1;
    const total = summary.cells.find((c) => c.value === "综合得分（计算）")!.row;
    const parts = Array.from({ length: total - first }, (_, i) => rowText(summary, first + i));
    expect(parts.map((p) => p[0])).toEqual(["预算执行", "产出指标", "效益指标", "满意度指标"]);
    expect(parts[0]).toEqual(["预算执行", "10", "9", "0.9"]);
    const sum = (col: number) => parts.reduce((n, p) => n + Number(p[col]), 0);
    expect([sum(1), sum(2)]).toEqual([100, 94]);
    expect(rowText(summary, total).slice(1, 3)).toEqual(["100", "94"]);
    // The pane's levels are the 一级指标 alone; the chart's bars are the lines, the budget's too (one
    // range holds every form's lines, so each form's budget line is a bar alike).
    expect(summary.levels.map((l) => l.name)).toEqual(["产出指标", "效益指标", "满意度指标"]);
    expect([summary.chart!.categories.top, summary.chart!.categories.bottom]).toEqual([first, total - 1]);
  });

  test("M9: a level whose score is unknown shows — in 得分 and 得分率, and its chart category says why it has no bar", () => {
    const summary = analyze(
      workbook({
        name: "自评表",
        rows: threeIndicatorForm({ effect: ["效益指标", "社会效益", "受益人数", "≥100人", "", 30, null, ""] }),
      }),
    ).summary;
    expect(rowStarting(summary, "效益指标（无法计算）")).toEqual(["效益指标（无法计算）", "30", "—", "—"]);
    const { categories } = summary.chart!;
    expect(summary.cells.filter((c) => c.col === 0 && c.row >= categories.top && c.row <= categories.bottom).map((c) => c.value)).toEqual([
      "产出指标",
      "效益指标（无法计算）",
      "满意度指标",
    ]);
    expect(rowStarting(summary, "综合得分（计算）")[2]).toBe("—");
    // The pane shows the level by its name, its score unknown.
    expect(summary.levels[1]).toEqual({ name: "效益指标", weight: "30", score: null, rate: null });
  });

  test("M1: the money columns are as wide as the longest amount (12,345,678,901.23 元 takes 17 characters)", () => {
    const money = (planned: number, spent: number) =>
      analyze(
        workbook({
          name: "自评表",
          rows: [["单位：元"], BUDGET_HEADER, ["年度资金总额", planned, planned, spent, 10, null, null], [], ...threeIndicatorForm()],
        }),
      ).summary.columnWidths;
    // Without the 工作表 column (one sheet, review round 52) the money columns are B and C.
    expect(money(12345678901.23, 11987654321.99).slice(1, 3)).toEqual([18, 18]);
    expect(money(-1234567890123.5, 1).slice(1, 3)).toEqual([22, 22]); // -1,234,567,890,123.50
    // Amounts that fit keep the columns as they were: 89 characters, A4 portrait at about 85 % (116 before round 52).
    expect(money(987654.5, 1000)).toEqual([16, 12, 12, 32, 9, 8]);
  });

  test("M10: a workbook of target tables is titled as checked, not scored, and has no empty budget table", () => {
    const summary = analyze(
      workbook({
        name: "目标表",
        rows: [["项目名称", "某项目"], ["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "培训场次", "≥10场"]],
      }),
    ).summary;
    expect(rowText(summary, 0)[0]).toMatch(/绩效表检查结果$/);
    expect(rowText(summary, 0)[0]).not.toMatch(/自评|\s/);
    const budget = summary.cells.find((c) => c.value === "一、预算执行")!.row;
    expect(rowText(summary, budget + 1)).toEqual(["无。"]);
    expect(summary.cells.some((c) => c.value === "全年预算数" || c.value === "一级指标")).toBe(false);
  });

  test("L2, L6: English headings give the unit in English; the Chinese title has no spaces between its parts", () => {
    const grid = workbook({
      name: "自评表",
      rows: [["某项目2023年度项目支出绩效自评表"], ["单位：万元"], BUDGET_HEADER, ["年度资金总额", 320, 320, 288, 10, null, null], [], ...threeIndicatorForm()],
    });
    const en = analyze(grid, undefined, { lang: "en" }).summary;
    expect(rowStarting(en, "Line").slice(1, 3)).toEqual(["Planned\n(10k yuan)", "Spent\n(10k yuan)"]);
    expect(rowStarting(en, "Total (computed)")[0]).toBe("Total (computed)");
    expect(rowText(analyze(grid).summary, 0)[0]).toBe("自评表2023年度绩效自评综合得分");
  });
});
