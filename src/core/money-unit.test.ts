import { workbook } from "../../test/support/grid";
import { analyze } from "./analyze";
import { inWanYuan } from "./money-unit";
import { DEFAULT_PROFILE } from "./profile";

describe("inWanYuan", () => {
  it.each([
    ["13200000", "元", "1320"],
    ["1234.5", "元", "0.12345"],
    ["-0.5", "元", "-0.00005"],
    // More digits than decimal.js keeps by default (20): none is lost.
    ["123456789012345678901234.5", "元", "12345678901234567890.12345"],
    ["2246.07", "万元", "2246.07"],
  ] as const)("%s %s is %s 万元", (amount, unit, wan) => {
    expect(inWanYuan(amount, unit)).toBe(wan);
  });
});

describe("the money unit of each budget line (Analysis.budgetUnits)", () => {
  const budget = (above: string[], plannedHeader: string) => [
    above,
    ["项目资金", "", "年初预算数", plannedHeader, "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", 300, 320, 288, 10, 0.9, 9],
    ["", "其中：财政拨款", 300, 300, 270],
    ["", "其他资金", 0, 20, 18],
  ];

  it("is that of the table's header or 单位 line, for its 其中 lines too", () => {
    const stated = (above: string[], header: string) => analyze(workbook({ name: "预算", rows: budget(above, header), merges: ["A2:A5"] }), DEFAULT_PROFILE).budgetUnits;
    expect(stated(["单位：元"], "全年预算数")).toEqual(["元", "元", "元"]);
    expect(stated(["预算执行情况"], "全年预算数（万元）")).toEqual(["万元", "万元", "万元"]);
    expect(stated(["预算执行情况"], "全年预算数")).toEqual([null, null, null]);
  });
});
