/**
 * The 汇总 rows of workbooks as units hand them in, written as 汇总.xlsx and read back by openpyxl:
 * a unit's project list stands in one row by its 合计, a 部门整体 form on two sheets is named by the
 * unit its budget sheet names and its worst finding by its sheet, and a unit that handed in only
 * its scored copy is named without .jixiao.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { ReviewTally, reviewFile } from "../../src/core/review";
import { readXlsx } from "../../src/xlsx/read";
import { reviewWorkbookBytes } from "../../src/xlsx/review-workbook";
import { workbook } from "../support/grid";
import { describeWithOpenpyxl } from "../support/openpyxl";
import { departmentOnTwoSheets, projectList, projectSheet } from "../support/review-forms";
import { tempDir, writeGridXlsx } from "../support/xlsx";
import { ReadBackSheet, readBack } from "./support";

const dir = tempDir("jixiao-review-rows-");

describeWithOpenpyxl("汇总 rows read back by openpyxl", () => {
  let rows: unknown[][];
  const rowsOf = (file: string) => rows.filter((r) => r[16] === file);

  beforeAll(async () => {
    const projects = workbook(projectList, projectSheet("高标准农田建设", 2500, 2500), projectSheet("农村人居环境整治", 800, 720), projectSheet("动物防疫补助", 120, 96));
    // The unit's scored copy, handed in alone: its forms name a project but no unit.
    const archive = workbook(projectSheet("档案数字化", 100, 95));
    archive.sheets[0].values[1] = ["项目名称", "档案数字化"];
    const files: [string, Parameters<typeof writeGridXlsx>[0]][] = [
      ["农业农村局.xlsx", projects],
      ["民宗局.xlsx", departmentOnTwoSheets],
      ["县档案馆.jixiao.xlsx", archive],
    ];
    const tally = new ReviewTally();
    for (const [name, grid] of files) {
      await writeGridXlsx(grid, path.join(dir, name));
      const read = await readXlsx(path.join(dir, name));
      tally.add(reviewFile(name, analyze(read.grid, DEFAULT_PROFILE), DEFAULT_PROFILE));
    }
    const output = path.join(dir, "汇总.xlsx");
    writeFileSync(output, reviewWorkbookBytes(tally.review()));
    const sheet: ReadBackSheet = readBack(output).sheets.find((s) => s.name === "汇总")!;
    rows = sheet.rows;
  }, 60_000);

  it("gives a project list's row its 合计 (3420 of 3316, 96.96 %), named by what it adds up", () => {
    const list = rowsOf("农业农村局.xlsx").find((r) => r[17] === "项目汇总")!;
    // 单位, 项目, 年度, 类型, 预算数, 执行数, 金额单位, 执行率; … 文件, 工作表, 表格区域
    expect([...list.slice(0, 8), ...list.slice(16)]).toEqual(["县农业农村局", "合计（3个项目）", null, "预算表", 3420, 3316, "万元", 0.9696, "农业农村局.xlsx", "项目汇总", "A3:E7"]);
  });

  it("names a 部门整体 form by the unit its budget sheet names, and its worst finding by its sheet", () => {
    const [row] = rowsOf("民宗局.xlsx");
    expect([...row.slice(0, 3), ...row.slice(16, 18)]).toEqual(["县民族宗教事务局", "部门整体", null, "民宗局.xlsx", "绩效指标"]);
    expect(row[15]).toMatch(/^预算执行!F4 执行率算错：/);
  });

  it("names a unit that handed in only its scored copy without .jixiao", () => {
    expect(rowsOf("县档案馆.jixiao.xlsx").map((r) => r[0])).toEqual(["县档案馆"]);
  });
});
