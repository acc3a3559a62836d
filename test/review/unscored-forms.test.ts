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
      expect.stringContaining("不计分（表中无分值）：表中未设分值和得分，不计总分和等次"),
    );
    const en = reviewSheets(review, "en").find((s) => s.name === REVIEW_SHEETS.en.rows)!;
    expect(plain([...en.rows][0][8])).toBe("not scored (no weights in the form)");
  });
});
