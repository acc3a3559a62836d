/**
 * In the finance bureau's review, a form without 分值 and 得分 columns (a transfer payment's
 * 区域绩效自评表) is one 自评表 row with its budget's 预算数, 执行数 and 执行率, as a scored form is,
 * not a 自评表 row without them beside a 预算表 row (review round 57c, F4); and 汇总 says it scores
 * nothing (不计分（表中无分值）), not —（无法计算）, which stays for a form whose scores are missing (F3).
 */
import { analyze } from "../../src/core/analyze";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { ReviewTally, reviewFile } from "../../src/core/review";
import { REVIEW_SHEETS } from "../../src/core/review-layout";
import { NewCell } from "../../src/xlsx/new-workbook";
import { reviewSheets } from "../../src/xlsx/review-workbook";
import { workbook } from "../support/grid";
import { projectSheet, transferPaymentSheet } from "../support/review-forms";

const NAME = "农村危房改造补助资金";
const rowsOf = (file: string, ...sheets: Parameters<typeof workbook>) => reviewFile(file, analyze(workbook(...sheets)), DEFAULT_PROFILE).rows;
const plain = (cell: NewCell) => (cell !== null && typeof cell === "object" ? cell.marked : cell);

describe("the review of a form without 分值 and 得分 columns (review round 57c)", () => {
  test("its budget and indicators are one 自评表 row with the budget's figures, its findings counted there", () => {
    const form = transferPaymentSheet(NAME, 1050, 1000);
    // 执行率 typed 90% on the total: a finding in the budget block, counted in the form's row.
    const rows = rowsOf("县住建局.xlsx", { ...form, rows: form.rows.map((row, i) => (i === 3 ? [row[0], row[1], row[2], 0.9] : row)) });
    expect(rows).toEqual([
      expect.objectContaining({ kind: "evaluation", project: NAME, planned: "1050", spent: "1000", rate: "0.9524", moneyUnit: "万元", score: null, grade: null, unscored: true, errors: 1 }),
    ]);
    expect(rows[0].worst).toEqual([expect.stringMatching(/^D4 /)]);
  });

  test("a form whose 分值 and 得分 columns are left blank is one row too, and not marked as scoring nothing", () => {
    const rows = rowsOf("县住建局.xlsx", transferPaymentSheet(NAME, 1050, 1000, true));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "evaluation", planned: "1050", rate: "0.9524", score: null });
    expect(rows[0].unscored).toBeUndefined();
  });

  test("汇总 says 不计分（表中无分值） where the form scores nothing and —（无法计算） where its scores are missing, and its legend says both", () => {
    const tally = new ReviewTally();
    tally.add(reviewFile("甲.xlsx", analyze(workbook(transferPaymentSheet(NAME, 1050, 1000))), DEFAULT_PROFILE));
    tally.add(reviewFile("乙.xlsx", analyze(workbook(transferPaymentSheet("城镇老旧小区改造", 800, 800, true))), DEFAULT_PROFILE));
    tally.add(reviewFile("丙.xlsx", analyze(workbook(projectSheet("高标准农田建设", 2500, 2500))), DEFAULT_PROFILE));
    const review = tally.review();
    expect(review.rows.map((r) => r.kind)).toEqual(["evaluation", "evaluation", "evaluation"]);
    const sheet = reviewSheets(review, "zh").find((s) => s.name === REVIEW_SHEETS.zh.rows)!;
    const body = [...sheet.rows].map((row) => row.map(plain));
    expect(body.slice(0, 3).map((row) => [row[3], row[7], row[8], row[10]])).toEqual([
      ["自评表", "0.9524", "不计分（表中无分值）", "—"],
      ["自评表", "1", "—（无法计算）", "—"],
      ["自评表", "1", "100", "优"],
    ]);
    expect(sheet.below!.flatMap((table) => [...table.rows].map((row) => plain(row[0])))).toContainEqual(
      expect.stringContaining("不计分（表中无分值）：本表未设分值和得分，不计总分和等次"),
    );
    const en = reviewSheets(review, "en").find((s) => s.name === REVIEW_SHEETS.en.rows)!;
    expect(plain([...en.rows][0][8])).toBe("not scored (no weights in the form)");
  });
});

/** Review 57b, M3 and M5: the block heading a form is one decision, for the row's figures and for "scores nothing". */
describe("the budget block heading a form (review 57b, M3 and M5)", () => {
  const HEADER = ["一级指标", "二级指标", "三级指标", "全年指标值", "全年实际完成值", "未完成原因和改进措施"];
  const INDICATORS = [
    ["产出指标", "数量指标", "农村危房改造户数", "≥210户", "215户", ""],
    ["效益指标", "社会效益指标", "农村低收入群体住房安全", "有效保障", "有效保障", ""],
    ["满意度指标", "服务对象满意度指标", "改造户满意度", "≥95%", "98%", ""],
  ];
  const shown = (rows: ReturnType<typeof rowsOf>) => rows.map((r) => [r.kind, r.project, r.planned, r.spent, r.unscored ?? false]);

  test("a 部门整体 form whose budget lists its spending and projects is one 自评表 row with the 合计's figures", () => {
    const rows = rowsOf("县住建局.xlsx", {
      name: "自评表",
      rows: [
        ["部门整体支出绩效自评表"],
        ["部门（单位）名称", "县住房和城乡建设局"],
        ["项目", "全年预算数", "全年执行数", "执行率"],
        ["合计", 1500, 1400, 1400 / 1500],
        ["基本支出", 500, 500, 1],
        ["项目支出", 1000, 900, 0.9],
        ["其中：农村危房改造", 600, 550, 550 / 600],
        ["老旧小区改造", 400, 350, 350 / 400],
        [],
        HEADER,
        ...INDICATORS,
      ],
    });
    expect(shown(rows)).toEqual([["evaluation", "部门整体", "1500", "1400", true]]);
  });

  test("a list with 分值 columns heading a form with none makes the form a scored one, on one row", () => {
    const a = analyze(
      workbook({
        name: "自评表",
        rows: [
          ["部门整体支出绩效自评表"],
          ["部门（单位）名称", "县住房和城乡建设局"],
          ["项目", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
          ["农村危房改造", 600, 550, 100, 550 / 600, 91.67],
          ["老旧小区改造", 400, 350, 100, 350 / 400, 87.5],
          ["合计", 1000, 900, "", 0.9, ""],
          [],
          HEADER,
          ...INDICATORS,
        ],
      }),
    );
    expect(a.totals[0].unscored).toBeUndefined();
    expect(shown(reviewFile("县住建局.xlsx", a, DEFAULT_PROFILE).rows)).toEqual([["evaluation", "部门整体", "1000", "900", false]]);
  });
});
