/**
 * The console on a form with no 分值 and 得分 columns (a transfer payment's 区域绩效自评表): it says
 * the form scores nothing, alone, with no 综合得分 — or 等次 — for what the form has not (review
 * round 57c F3; review 57b, L3).
 */
import { scorePackage } from "../support/cli";
import { buildPackage } from "../support/package";

const form = () =>
  buildPackage({
    sheets: [
      {
        name: "自评表",
        rows: [
          ["项目名称", "农村危房改造补助资金"],
          ["资金情况（万元）", "全年预算数", "全年执行数", "执行率"],
          ["年度资金总额", 1050, 1050, 1],
          [],
          ["一级指标", "二级指标", "三级指标", "全年指标值", "全年实际完成值", "未完成原因和改进措施"],
          ["产出指标", "数量指标", "农村危房改造户数", "≥210户", "215户", null],
          ["效益指标", "社会效益指标", "农村低收入群体住房安全", "有效保障", "有效保障", null],
          ["满意度指标", "服务对象满意度指标", "改造户满意度", "≥95%", "98%", null],
        ],
      },
    ],
  });

test("the console says 本表未设分值和得分，不计总分和等次 alone for a form that scores nothing", async () => {
  const r = await scorePackage(form());
  expect(r.report!.totals[0].unscored).toBe(true);
  expect(r.out).toContain("  自评表：本表未设分值和得分，不计总分和等次\n");
  expect(r.out).not.toContain("综合得分 —");
});

test("in English too", async () => {
  const r = await scorePackage(form(), "--lang", "en");
  expect(r.out).toContain("  自评表: the form has no weight or score columns: no total or grade\n");
  expect(r.out).not.toContain("total -");
});
