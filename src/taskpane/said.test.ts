/**
 * What a screen reader hears of a run of one form without 分值 and 得分 columns: that the form scores
 * nothing, not that its total cannot be computed, which stays for a form whose scores are missing
 * (review round 57c, F3).
 */
import type { TotalReport } from "../core/result";
import { outcomeSaid } from "./said";
import { zh } from "./strings";
import { en } from "./strings-en";

const total = (unscored: boolean): TotalReport => ({
  sheet: "自评表",
  label: "农村危房改造补助资金",
  table: "A8:F11",
  weights: null,
  score: null,
  recordedScore: null,
  grade: null,
  recordedGrade: null,
  recordedDiffers: false,
  ...(unscored && { unscored: true as const }),
});
const run = (unscored: boolean) => ({ total: null, grade: null, totals: [total(unscored)], headlines: [], findings: [] });

test("one form scoring nothing is heard as such, in either language; one whose total is missing as before", () => {
  expect(outcomeSaid(run(true), zh)).toBe("本表未设分值和得分，不计总分和等次；没有发现问题");
  expect(outcomeSaid(run(true), en)).toBe("The form has no weight or score columns: no total or grade; no findings");
  expect(outcomeSaid(run(false), zh)).toBe("综合得分无法计算；没有发现问题");
});
