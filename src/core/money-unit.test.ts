import { sheet, workbook } from "../../test/support/grid";
import { analyze } from "./analyze";
import { Table } from "./detect";
import { viewOf } from "./grid";
import { inWanYuan, statedMoneyUnit, tableMoneyUnit } from "./money-unit";
import { DEFAULT_PROFILE } from "./profile";

describe("inWanYuan", () => {
  it.each([
    ["13200000", "元", "1320"],
    ["1234.5", "元", "0.12345"],
    ["-0.5", "元", "-0.00005"],
    // More digits than decimal.js keeps by default (20): none is lost.
    ["123456789012345678901234.5", "元", "12345678901234567890.12345"],
    ["2246.07", "万元", "2246.07"],
    ["1.25", "亿元", "12500"],
    ["0.123456789", "亿元", "1234.56789"],
    ["2000", "千元", "200"],
    ["1234.5", "千元", "123.45"],
  ] as const)("%s %s is %s 万元", (amount, unit, wan) => {
    expect(inWanYuan(amount, unit)).toBe(wan);
  });
});

describe("statedMoneyUnit", () => {
  it.each([
    ["单位：万元", "万元"],
    ["单位:元", "元"],
    ["（单位：万元）", "万元"],
    ["金额单位：人民币元", "元"],
    ["单位：人民币万元", "万元"],
    ["单位：万元人民币", "万元"],
    ["单位：万元、%", "万元"],
    ["金额单位：亿元", "亿元"],
    ["全年预算数（亿元）", "亿元"],
    ["全年预算数（千元）", "千元"],
    ["项目资金(元)", "元"],
    ["（人民币万元）", "万元"],
  ] as const)("reads %s as %s", (text, unit) => {
    expect(statedMoneyUnit(text)).toBe(unit);
  });

  it.each(["≥50万元", "56万元", "≤350元", "单位：元/人", "实施单位：县林业局", "全年预算数", "户均补贴（元/户）"])("finds no money unit in %s", (text) => {
    expect(statedMoneyUnit(text)).toBeNull();
  });
});

describe("the money unit of each budget line (Analysis.budgetLines)", () => {
  const budget = (above: string[], plannedHeader: string) => [
    above,
    ["项目资金", "", "年初预算数", plannedHeader, "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", 300, 320, 288, 10, 0.9, 9],
    ["", "其中：财政拨款", 300, 300, 270],
    ["", "其他资金", 0, 20, 18],
  ];
  const unitsOf = (...sheets: Parameters<typeof workbook>) => analyze(workbook(...sheets), DEFAULT_PROFILE).budgetLines.map((line) => line.unit);

  it("is that of the table's header or 单位 line, for its 其中 lines too", () => {
    const stated = (above: string[], header: string) => unitsOf({ name: "预算", rows: budget(above, header), merges: ["A2:A5"] });
    expect(stated(["单位：元"], "全年预算数")).toEqual(["元", "元", "元"]);
    expect(stated(["预算执行情况"], "全年预算数（万元）")).toEqual(["万元", "万元", "万元"]);
    expect(stated(["金额单位：人民币元"], "全年预算数")).toEqual(["元", "元", "元"]);
    expect(stated(["预算执行情况"], "全年预算数（亿元）")).toEqual(["亿元", "亿元", "亿元"]);
    expect(stated(["预算执行情况"], "全年预算数")).toEqual([null, null, null]);
  });

  /**
   * Two project forms one under the other, as a unit fills in two projects on one sheet: each a
   * 项目名称 block, a budget block whose merged label states the unit (项目资金（万元）), and its
   * indicators, the first project's with an amount in 万元 (≥50万元) a few rows above the second
   * project's header.
   */
  const project = (name: string, money: string, planned: number, benefit: (string | number)[]) => [
    ["项目名称", name],
    ["主管部门", "县林业局", "", "", "", "实施单位", "县林业局"],
    [`项目资金（${money}）`, "", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "", planned, planned, planned * 0.8, 10, 0.8, 8],
    ["", "其中：财政拨款", "", planned, planned, planned * 0.8],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["", "产出指标", "数量指标", "培训人次", "≥1200人次", "1350人次", 50, 50],
    ["", "效益指标", ...benefit],
    ["", "满意度指标", "服务对象满意度指标", "企业满意度", "≥90%", "93%", 10, 10],
    ["总分", "", "", "", "", "", 100, 98],
    [],
  ];
  const merges = (top: number) => [`A${top + 2}:C${top + 2}`, `A${top + 5}:A${top + 8}`];

  it("never comes from the project above, nor from an amount such as ≥50万元 among its indicators", () => {
    const rows = [
      ...project("林下经济示范", "万元", 1000, ["经济效益指标", "带动农户增收", "≥50万元", "56万元", 30, 30]),
      ...project("森林防火", "元", 500000, ["社会效益指标", "群众办事便利度", "明显提升", "明显提升", 30, 30]),
    ];
    expect(unitsOf({ name: "Sheet", rows, merges: [...merges(1), ...merges(12)] })).toEqual(["万元", "万元", "元", "元"]);
  });

  it("is not taken over from the table above when a table states none of its own", () => {
    const rows = [
      ...project("林下经济示范", "万元", 1000, ["经济效益指标", "带动农户增收", "≥50万元", "56万元", 30, 30]),
      ...project("森林防火", "", 500000, ["社会效益指标", "群众办事便利度", "明显提升", "明显提升", 30, 30]),
    ];
    expect(unitsOf({ name: "Sheet", rows })).toEqual(["万元", "万元", null, null]);
  });

  it("is each form's own for two forms side by side: a 单位 line over the one beside says nothing of this one", () => {
    const form = (planned: number) => [
      ["部门（单位）名称", "县某局"],
      ["资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率"],
      ["财政拨款", planned, planned, planned * 0.9, 0.9],
    ];
    // The form on the right (from H) starts a row lower, under its own 单位 line.
    const left = [...form(2000000), []];
    const right = [["", "", "", "", "单位：万元"], ...form(200)];
    const rows = left.map((row, r) => [...row, ...Array(7 - row.length).fill(""), ...right[r]]);
    const view = viewOf(sheet({ name: "Sheet", rows }));
    // The two tables as detection gives forms side by side.
    const table = (left: number, headerTop: number): Table => ({
      kind: "budget",
      span: left === 0 ? { left: 0, right: 6 } : { left: 7, right: 16383 },
      top: headerTop,
      headerTop,
      headerBottom: headerTop,
      left,
      right: left + 4,
      rows: [headerTop + 1],
      lastRow: headerTop + 1,
      above: null,
      project: null,
      unit: "县某局",
      label: "县某局",
      wholeDepartment: false,
      year: null,
      columns: { label: left, initial: left + 1, planned: left + 2, spent: left + 3, rate: left + 4 },
    });
    const tables = [table(0, 1), table(7, 2)];
    expect(tables.map((t) => tableMoneyUnit(view, t, t.left + 2))).toEqual([null, "万元"]);
  });

  it("is stated for each of forms side by side by a unit line merged across both", () => {
    const form = (project: string, planned: number) => [
      ["项目名称", project, "", ""],
      ["项目资金", "全年预算数", "全年执行数", "执行率"],
      ["年度资金总额", planned, planned * 0.9, 0.9],
    ];
    const [left, right] = [form("职业技能培训", 1000), form("农村公路桥梁", 200)];
    const rows = [["金额单位：万元"], ...left.map((row, r) => [...row, "", ...right[r]])];
    expect(unitsOf({ name: "Sheet", rows, merges: ["A1:I1"] })).toEqual(["万元", "万元"]);
    // Merged over the left form only, it says nothing of the right one.
    expect(unitsOf({ name: "Sheet", rows, merges: ["A1:D1"] })).toEqual(["万元", null]);
  });

  it("is read from a units row under the header that holds the unit alone (万元 under 全年预算数)", () => {
    const rows = [
      ["项目资金", "全年预算数", "全年执行数", "执行率"],
      ["", "万元", "万元", "%"],
      ["年度资金总额", 1000, 900, 0.9],
    ];
    expect(unitsOf({ name: "Sheet", rows })).toEqual(["万元"]);
  });
});
