/**
 * The review of a folder of unit workbooks, written as 汇总.xlsx and read back by openpyxl (a reader
 * jixiao did not write): every unit and table present, the findings adding up to each file's own
 * report, the counts per rule, the grade distribution and its chart, the frozen, filterable,
 * print-ready sheets, and the file that could not be read.
 */
import { copyFileSync, writeFileSync } from "fs";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { Report, buildReport } from "../../src/core/report";
import { Review, ReviewTally, reviewFile } from "../../src/core/review";
import { ruleName } from "../../src/core/rule-names";
import { WorkbookReadError, readXlsx } from "../../src/xlsx/read";
import { REVIEW_SHEETS } from "../../src/core/review-layout";
import { reviewWorkbookBytes } from "../../src/xlsx/review-workbook";
import { describeWithOpenpyxl } from "../support/openpyxl";
import { KAIPING, tempDir } from "../support/xlsx";
import { ReadBackSheet, readBack, unitWorkbook } from "./support";

const SHEETS = REVIEW_SHEETS.zh;
const dir = tempDir("jixiao-review-");
const reports = new Map<string, Report>();
let review: Review;
let output: string;

beforeAll(async () => {
  const files = [
    await unitWorkbook(path.join(dir, "a.xlsx"), "甲县财政局", 2000),
    await unitWorkbook(path.join(dir, "b.xlsx"), "乙县教育局", 2246.07),
    path.join(dir, "kaiping.xlsx"),
    path.join(dir, "broken.xlsx"),
  ];
  copyFileSync(KAIPING, files[2]);
  writeFileSync(files[3], Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("not a zip at all")]));
  const tally = new ReviewTally();
  for (const file of files) {
    try {
      const { grid } = await readXlsx(file);
      const analysis = analyze(grid, DEFAULT_PROFILE);
      reports.set(file, buildReport(file, grid, analysis));
      tally.add(reviewFile(file, analysis, DEFAULT_PROFILE));
    } catch (error) {
      if (!(error instanceof WorkbookReadError)) throw error;
      tally.fail(file, error.text.zh);
    }
  }
  review = tally.review();
  output = path.join(dir, "汇总.xlsx");
  writeFileSync(output, reviewWorkbookBytes(review));
}, 60_000);

describe("the review model", () => {
  it("has a row per table: the evaluation with its budget line, the target tables with their projects", () => {
    const a = review.rows.filter((r) => r.unit === "甲县财政局");
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ kind: "evaluation", sheet: "部门整体支出绩效自评表", table: "B11:I37", planned: "2246.07", spent: "2000", recordedScore: "96", recordedGrade: "优" });
    expect(a[0].rate).toBe("0.8904");
    const kaiping = review.rows.filter((r) => r.file.endsWith("kaiping.xlsx"));
    expect(kaiping).toHaveLength(9);
    expect(kaiping.every((r) => r.kind === "targets" && r.unit === "kaiping" && r.score === null)).toBe(true);
    // Five tables on one sheet, each named by the 项目名称 of its own header block.
    expect(kaiping.slice(0, 5).map((r) => r.project)).toEqual(["本级安达加油站相关支出", "本级公建热力费", "本级公务用车购置", "本级全区重大活动经费", "本级政府办公楼运行维护费"]);
    expect(kaiping[5].project).toBe("本级法院诉讼中心建设项目");
  });

  it("gives each row its three most serious findings, errors first", () => {
    for (const row of review.rows) {
      const own = review.findings.filter((f) => f.file === row.file && f.sheet === row.sheet);
      expect(row.worst.length).toBe(Math.min(3, row.errors + row.warnings + row.infos));
      if (row.errors > 0) expect(own.some((f) => f.severity === "error" && row.worst[0] === `${f.cell} ${ruleName(f.rule, "zh")}：${f.message}`)).toBe(true);
    }
  });

  it("counts findings per file exactly as each file's own report does", () => {
    for (const [file, report] of reports) {
      const rows = review.rows.filter((r) => r.file === file);
      const count = (s: string) => report.findings.filter((f) => f.severity === s).length;
      expect(rows.reduce((n, r) => n + r.errors, 0)).toBe(count("error"));
      expect(rows.reduce((n, r) => n + r.warnings, 0)).toBe(count("warning"));
      expect(rows.reduce((n, r) => n + r.infos, 0)).toBe(count("info"));
    }
  });

  it("lists the file that could not be read, with the command line's message", () => {
    expect(review.failures).toEqual([{ file: path.join(dir, "broken.xlsx"), message: expect.stringContaining("损坏") }]);
    expect(review.files).toBe(4);
  });
});

describeWithOpenpyxl("汇总.xlsx read back by openpyxl", () => {
  let sheets: Map<string, ReadBackSheet>;
  let parts: string[];
  beforeAll(() => {
    const back = readBack(output);
    sheets = new Map(back.sheets.map((s) => [s.name, s]));
    parts = back.parts;
  });
  const body = (name: string) => sheets.get(name)!.rows.slice(1);

  it("has the six sheets, each with a frozen, filterable header, printed A4 landscape one page wide", () => {
    expect([...sheets.keys()]).toEqual([SHEETS.rows, SHEETS.findings, SHEETS.counts, SHEETS.failures, SHEETS.notes, SHEETS.units]);
    for (const sheet of sheets.values()) {
      expect(sheet.freeze).toBe("A2");
      expect(sheet.autoFilter).toMatch(/^A1:[A-Z]+\d+$/);
      expect(sheet.printTitleRows).toBe("$1:$1");
      expect([sheet.orientation, Number(sheet.paperSize), Number(sheet.fitToWidth), Number(sheet.fitToHeight), sheet.fitToPage]).toEqual(["landscape", 9, 1, 0, true]);
    }
    expect(sheets.get(SHEETS.rows)!.autoFilter).toBe(`A1:S${review.rows.length + 1}`);
  });

  it("gives a row whose wrapped text takes more than a line the height for it, so that printed it is not drawn over the next (review round 49b)", () => {
    const sheet = sheets.get(SHEETS.rows)!;
    const column = sheet.rows[0].indexOf("主要问题（最严重的三条）");
    // About 29 Chinese characters fit a line of the column's 60.
    const long = sheet.rows.flatMap((row, i) => (typeof row[column] === "string" && (row[column] as string).length > 40 ? [i + 1] : []));
    expect(long.length).toBeGreaterThan(0);
    for (const row of long) expect(sheet.rowHeights[String(row)]).toBeGreaterThanOrEqual(30);
    // Rows of one line keep the default height: 单位统计's, of units' names and counts.
    const units = sheets.get(SHEETS.units)!;
    expect(units.rows.length).toBeGreaterThan(1);
    expect(units.rowHeights).toEqual({});
  });

  it("汇总 names every unit and every table, with exact numbers", () => {
    const rows = body(SHEETS.rows);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["甲县财政局", "乙县教育局", "kaiping"]));
    expect(rows).toHaveLength(review.rows.length);
    const a = rows.find((r) => r[0] === "甲县财政局")!;
    // The form's weights add up to 110: its total is computed but never graded; the unit wrote 优.
    expect(a.slice(4, 15)).toEqual(["部门整体支出绩效自评表", "B11:I37", "自评表", 2246.07, 2000, "万元", 0.8904, Number(review.rows.find((r) => r.unit === "甲县财政局")!.score), 96, null, "优"]);
  });

  it("问题明细 holds every finding of every file's report, in its cell", () => {
    const rows = body(SHEETS.findings);
    for (const [file, report] of reports) {
      const mine = rows.filter((r) => r[2] === file).map((r) => `${r[3]}!${r[4]} ${r[6]} ${r[7]} ${r[8]}`);
      expect(mine).toEqual(report.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${ruleName(f.rule, "zh")} ${f.message}`));
    }
    expect(rows).toHaveLength([...reports.values()].reduce((n, r) => n + r.findings.length, 0));
  });

  it("规则统计 counts each rule's findings as the reports do, and charts the grades computed vs recorded", () => {
    const sheet = sheets.get(SHEETS.counts)!;
    const rules = body(SHEETS.counts).slice(0, review.rules.length);
    const all = [...reports.values()].flatMap((r) => r.findings);
    for (const [rule, , findings, files] of rules) {
      expect(findings).toBe(all.filter((f) => f.rule === rule).length);
      expect(files).toBe([...reports.values()].filter((r) => r.findings.some((f) => f.rule === rule)).length);
    }
    expect(new Set(rules.map((r) => r[0]))).toEqual(new Set(all.map((f) => f.rule)));

    const gradeHeader = review.rules.length + 2;
    expect(sheet.rows[gradeHeader]).toEqual(["等次", "计算等次（表数）", "填报等次（表数）", null, null]);
    const grades = sheet.rows.slice(gradeHeader + 1, gradeHeader + 1 + review.grades.length);
    expect(grades.map((g) => g[0])).toEqual(["优", "良", "中", "差", "（无）"]);
    // Both yunxi-form units recorded 优; what jixiao computes depends on each unit's own numbers.
    const recorded = Object.fromEntries(grades.map((g) => [g[0], g[2]]));
    expect(recorded["优"]).toBe(2);
    const computed = [...reports.values()].flatMap((r) => r.totals.map((t) => t.grade ?? "（无）"));
    for (const g of grades) expect(g[1]).toBe(computed.filter((c) => c === g[0]).length);

    expect(parts).toEqual(expect.arrayContaining(["xl/charts/chart3.xml", "xl/drawings/drawing3.xml"]));
    expect(sheet.charts).toEqual([
      {
        type: "barChart",
        series: [
          { name: `'规则统计'!$B$${gradeHeader + 1}`, categories: `'规则统计'!$A$${gradeHeader + 2}:$A$${gradeHeader + 1 + grades.length}`, values: `'规则统计'!$B$${gradeHeader + 2}:$B$${gradeHeader + 1 + grades.length}` },
          { name: `'规则统计'!$C$${gradeHeader + 1}`, categories: `'规则统计'!$A$${gradeHeader + 2}:$A$${gradeHeader + 1 + grades.length}`, values: `'规则统计'!$C$${gradeHeader + 2}:$C$${gradeHeader + 1 + grades.length}` },
        ],
      },
    ]);
  });

  // On a sheet of their own (review round 33: under 规则统计's header, their columns read as the rules').
  it("单位统计 counts per unit add up to the units' rows", () => {
    const sheet = sheets.get(SHEETS.units)!;
    expect(sheet.rows[0]).toEqual(["单位", "文件数", "表数", "错误", "警告", "提示"]);
    expect(sheets.get(SHEETS.counts)!.rows).toHaveLength(review.rules.length + 2 + review.grades.length + 1);
    const units = sheet.rows.slice(1);
    expect(units.map((u) => u[0]).sort()).toEqual(["kaiping", "乙县教育局", "甲县财政局"].sort());
    for (const [unit, files, tables, errors] of units) {
      const rows = review.rows.filter((r) => r.unit === unit);
      expect([files, tables, errors]).toEqual([new Set(rows.map((r) => r.file)).size, rows.length, rows.reduce((n, r) => n + r.errors, 0)]);
    }
  });

  it("无法读取 names the broken file and why", () => {
    expect(body(SHEETS.failures)).toEqual([[path.join(dir, "broken.xlsx"), expect.stringContaining("损坏")]]);
  });
});
