/**
 * The review puts every unit's money in one unit, 万元: a form in 元 is converted exactly, a form
 * in 万元 is as written, and a form that states no unit keeps its figures as written and says so.
 * Run as a person runs it (the compiled command), the 汇总 sheet read back by openpyxl and the JSON
 * as written.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { ProcessResult, buildCli, runCli } from "../support/cli";
import { describeWithOpenpyxl, pythonJson } from "../support/openpyxl";
import { tempDir } from "../support/xlsx";
import { ReadBackSheet, cleanProjectWorkbook, readBack, twoProjectsWorkbook, unitlessProjectWorkbook, yuanDepartmentWorkbook } from "./support";

const dir = tempDir("jixiao-money-");
const out = path.join(dir, "汇总.xlsx");
const json = path.join(dir, "review.json");
let result: ProcessResult;
let rows: { file: string; planned: string | null; spent: string | null; rate: string | null; moneyUnit: string | null }[];

beforeAll(async () => {
  await cleanProjectWorkbook(path.join(dir, "a-万元.xlsx"), "农村饮水工程", "乙县供水站");
  // 13,200,000.00 元 is 1320 万元; 12,801,234.50 元 is 1280.12345 万元, every digit kept.
  await yuanDepartmentWorkbook(path.join(dir, "b-元.xlsx"), "某市生态环境局", 13200000, 12801234.5);
  await unitlessProjectWorkbook(path.join(dir, "c-未注明.xlsx"), "全民阅读推广", 50, 45);
  await twoProjectsWorkbook(path.join(dir, "d-两个项目.xlsx"));
  // Units other than 万元 and 元, stated in the 预算数 header or in the header block.
  const stated = (unitLine: string, headerUnit: string, planned: number, spent: number) => ({ unitLine, label: "项目资金", headerUnit, planned, spent });
  await cleanProjectWorkbook(path.join(dir, "e-亿元.xlsx"), "国省干线公路改造", "县交通运输局", stated("", "（亿元）", 1.25, 1.125));
  await cleanProjectWorkbook(path.join(dir, "f-千元.xlsx"), "乡村道路养护", "县公路段", stated("金额单位：千元", "", 3200, 2880));
  await cleanProjectWorkbook(path.join(dir, "g-人民币元.xlsx"), "农村客运补贴", "县运管所", stated("金额单位：人民币元", "", 3200000, 2880000));
  result = await runCli(buildCli(), ["review", dir, "--out", out, "--json", json]);
  rows = JSON.parse(readFileSync(json, "utf8")).rows;
}, 120_000);

const byFile = (name: string) => rows.filter((r) => r.file === name);

describe("the review's JSON", () => {
  it("has each form's budget line, its amounts in 万元 where the form states its unit", () => {
    expect(result.code).not.toBe(2);
    expect(byFile("a-万元.xlsx")).toEqual([expect.objectContaining({ planned: "320", spent: "288", rate: "0.9", moneyUnit: "万元" })]);
    // Only the amounts are converted: the execution rate is the form's own.
    expect(byFile("b-元.xlsx")).toEqual([expect.objectContaining({ planned: "1320", spent: "1280.12345", rate: "0.9698", moneyUnit: "万元" })]);
  });

  it("takes each project's unit from its own table: a project in 元 under one in 万元 is converted", () => {
    expect(byFile("d-两个项目.xlsx").map((r) => [r.planned, r.spent, r.moneyUnit])).toEqual([
      ["1000", "800", "万元"],
      ["50", "40", "万元"],
    ]);
  });

  it("converts 亿元, 千元 and 人民币元 exactly", () => {
    expect(byFile("e-亿元.xlsx")).toEqual([expect.objectContaining({ planned: "12500", spent: "11250", moneyUnit: "万元" })]);
    expect(byFile("f-千元.xlsx")).toEqual([expect.objectContaining({ planned: "320", spent: "288", moneyUnit: "万元" })]);
    expect(byFile("g-人民币元.xlsx")).toEqual([expect.objectContaining({ planned: "320", spent: "288", moneyUnit: "万元" })]);
  });

  it("keeps the figures of a form that states no unit as written, its unit null", () => {
    expect(byFile("c-未注明.xlsx")).toEqual([expect.objectContaining({ planned: "50", spent: "45", rate: "0.9", moneyUnit: null })]);
  });
});

describeWithOpenpyxl("汇总 read back by openpyxl", () => {
  let sheet: ReadBackSheet;
  beforeAll(() => {
    sheet = readBack(out).sheets.find((s) => s.name === "汇总")!;
  });
  const row = (file: string) => sheet.rows.find((r) => r[16] === file)!;

  it("heads the money columns with 万元 and names each row's money unit", () => {
    expect(sheet.rows[0].slice(4, 8)).toEqual(["预算数（万元）", "执行数（万元）", "金额单位", "执行率"]);
  });

  it("shows the 元 form's figures converted, the 万元 form's as written", () => {
    expect(row("b-元.xlsx").slice(4, 8)).toEqual([1320, 1280.12345, "万元", 0.9698]);
    expect(row("a-万元.xlsx").slice(4, 8)).toEqual([320, 288, "万元", 0.9]);
  });

  it("shows converted amounts down to the fen: two decimals, more where the amount has them", () => {
    const formats = pythonJson(["-c", "import sys, json, openpyxl; ws = openpyxl.load_workbook(sys.argv[1])['汇总']; print(json.dumps([[c.number_format for c in r] for r in ws['E2:F4']]))"], out);
    expect(formats).toEqual(Array(3).fill(["#,##0.00####", "#,##0.00####"]));
  });

  it("shows the project in 元 below one in 万元, and the 亿元 form, in 万元", () => {
    const projects = sheet.rows.filter((r) => r[16] === "d-两个项目.xlsx");
    expect(projects.map((r) => [r[1], ...r.slice(4, 7)])).toEqual([
      ["林下经济示范", 1000, 800, "万元"],
      ["森林防火", 50, 40, "万元"],
    ]);
    expect(row("e-亿元.xlsx").slice(4, 7)).toEqual([12500, 11250, "万元"]);
  });

  it("says that the figures of a form without a unit are as written", () => {
    expect(row("c-未注明.xlsx").slice(4, 8)).toEqual([50, 45, "未注明（按原表数）", 0.9]);
  });
});
