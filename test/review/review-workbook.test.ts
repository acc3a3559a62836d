/**
 * The review of a folder of unit workbooks, written as 汇总.xlsx and read back by openpyxl (a reader
 * jixiao did not write): every unit and table present, the findings adding up to each file's own
 * report, the counts per rule, the grade distribution and its chart, the frozen, filterable,
 * print-ready sheets, and the file that could not be read.
 */
import { copyFileSync, writeFileSync } from "fs";
import * as path from "path";
import { analyze, noTablesMessage } from "../../src/core/analyze";
import { DEFAULT_PROFILE, profileFromJson } from "../../src/core/profile";
import { Report, buildReport } from "../../src/core/report";
import { NO_UNIT, Review, ReviewTally, reviewFile } from "../../src/core/review";
import { ruleName } from "../../src/core/rule-names";
import { WorkbookReadError, readXlsx } from "../../src/xlsx/read";
import { FINDING_COLUMNS, FINDING_PRINTED, REVIEW_SHEETS, ROW_COLUMNS, ROW_PRINTED } from "../../src/core/review-layout";
import { failureCells, reviewWorkbookBytes } from "../../src/xlsx/review-workbook";
import { describeWithOpenpyxl } from "../support/openpyxl";
import { KAIPING, tempDir } from "../support/xlsx";
import { ReadBackSheet, cleanProjectWorkbook, readBack, unitWorkbook } from "./support";

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
    // Its forms name no unit, nor does its path (review round 58c: it was a unit kaiping, the file's name).
    expect(kaiping.every((r) => r.kind === "targets" && r.unit === NO_UNIT && r.score === null)).toBe(true);
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

  // Review round 52c H1: with two grade scales in one review, 优 recorded on a form graded 优秀 on
  // its own scale was marked as differing, read on the review's first scale.
  it("tells whether a recorded grade differs on the form's own scale, whichever scales the review holds", async () => {
    const scaled = profileFromJson({ grades: "90:优秀,80:良好,60:合格,0:不合格" });
    const tally = new ReviewTally();
    const rowsOf = async (name: string, profile: typeof DEFAULT_PROFILE) => {
      const file = await cleanProjectWorkbook(path.join(dir, name), "农村饮水工程", "乙县供水站");
      const { grid } = await readXlsx(file);
      const fileReview = reviewFile(file, analyze(grid, profile), profile);
      tally.add(fileReview);
      return fileReview.rows;
    };
    const [onDefault] = await rowsOf("default-scale.xlsx", DEFAULT_PROFILE);
    const [onOwn] = await rowsOf("own-scale.xlsx", scaled);
    expect([onDefault.grade, onOwn.grade, onOwn.recordedGrade]).toEqual(["优", "优秀", "优"]);
    expect([onDefault.differs, onOwn.differs]).toEqual([
      { score: false, grade: false },
      { score: false, grade: false },
    ]);
    const twoScales = path.join(dir, "two-scales.xlsx");
    writeFileSync(twoScales, reviewWorkbookBytes(tally.review()));
    expect(readBack(twoScales).sheets.find((s) => s.name === SHEETS.rows)!.marked).toEqual([expect.stringMatching(/^A\d+$/)]);
    // A recorded grade its own scale reads as another is marked.
    const stricter = profileFromJson({ grades: "99.5:优秀,85:良好,60:合格,0:不合格" });
    const [graded良好] = reviewFile("x.xlsx", analyze((await readXlsx(path.join(dir, "own-scale.xlsx"))).grid, stricter), stricter).rows;
    expect([graded良好.grade, graded良好.differs.grade]).toEqual(["良好", true]);
  });

  it("lists the file that could not be read, with the command line's message", () => {
    expect(review.failures).toEqual([{ file: path.join(dir, "broken.xlsx"), message: expect.stringContaining("损坏"), kind: "unreadable" }]);
    expect(review.files).toBe(4);
  });

  // Review round 51d L8: 无法读取 gives why without the file's name, and what to do: the message's own where it says it.
  it("splits a failure into why and what to do, the message's own action kept", () => {
    const f = (file: string, message: string, lang: "zh" | "en" = "zh") => failureCells({ file, message, kind: "unreadable" }, lang).slice(1);
    expect(f("a.xls", "a.xls: 不是 .xlsx 工作簿（扩展名 .xls）")).toEqual(["不是 .xlsx 工作簿（扩展名 .xls）", "请单位用 Excel 或 WPS 打开后另存为 .xlsx 工作簿，重新报送"]);
    expect(f("b.xls", "b.xls: 这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再试")).toEqual(["这是旧版 .xls 文件", "请在 Excel 中“另存为” .xlsx 后再试"]);
    expect(f("c.zip", "c.zip: 这是压缩包，请先解压，再复核其中的 .xlsx 工作簿")).toEqual(["这是压缩包", "请先解压，再复核其中的 .xlsx 工作簿"]);
    expect(f("d.xlsx", "d.xlsx: 读取此文件所需内存超过上限，已跳过（可用 --max-memory 提高上限）")).toEqual(["读取此文件所需内存超过上限，已跳过", "可用 --max-memory 提高上限"]);
    expect(f("e.xlsx", "e.xlsx: 工作簿设有打开密码（已加密），请在 Excel 中取消密码后再试")).toEqual(["工作簿设有打开密码（已加密）", "请在 Excel 中取消密码后再试"]);
    // Named by the path it was opened by.
    expect(f("乙县/f.xlsx", "/tmp/x/乙县/f.xlsx: 文件是空的")).toEqual(["文件是空的", "请单位用 Excel 或 WPS 打开后另存为 .xlsx 工作簿，重新报送"]);
    expect(f("b.xls", "b.xls: this is an old .xls file; save it as .xlsx in Excel (Save As) and try again", "en")).toEqual(["this is an old .xls file", "save it as .xlsx in Excel (Save As) and try again"]);
    expect(f("d.xlsx", "d.xlsx: reading this file needs more memory than the limit; skipped (raise it with --max-memory)", "en")).toEqual(["reading this file needs more memory than the limit; skipped", "raise it with --max-memory"]);
    expect(f("a.xls", "a.xls: is not an .xlsx workbook (extension .xls)", "en")).toEqual(["is not an .xlsx workbook (extension .xls)", "ask the unit to open it in Excel or WPS, save it as an .xlsx workbook and hand it in again"]);
  });

  // Review round 52c L3: a workbook read with no form in it (empty, a title alone) is not told to be saved as .xlsx again.
  it("advises a workbook without tables to be checked or filled in, by its failure's kind", () => {
    const zh = failureCells({ file: "县文化馆.xlsx", message: `县文化馆.xlsx: ${noTablesMessage("zh")}`, kind: "no-tables" }, "zh");
    expect(zh).toEqual(["县文化馆.xlsx", noTablesMessage("zh"), "未找到自评表或目标表：请核对是否报错文件，或请单位填写后重新报送"]);
    const en = failureCells({ file: "a.xlsx", message: `a.xlsx: ${noTablesMessage("en")}`, kind: "no-tables" }, "en");
    expect(en[2]).toBe("no self-evaluation or target table found: check whether the wrong file was handed in, or ask the unit to fill in the form and hand it in again");
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
    // 单位统计 right after 汇总, the units that need attention first (review round 52c M1).
    expect([...sheets.keys()]).toEqual([SHEETS.rows, SHEETS.units, SHEETS.findings, SHEETS.counts, SHEETS.failures, SHEETS.notes]);
    for (const sheet of sheets.values()) {
      expect(sheet.freeze).toBe("A2");
      expect(sheet.autoFilter).toMatch(/^A1:[A-Z]+\d+$/);
      expect(sheet.printTitleRows).toBe("$1:$1");
      expect([sheet.orientation, Number(sheet.paperSize), Number(sheet.fitToWidth), Number(sheet.fitToHeight), sheet.fitToPage]).toEqual(["landscape", 9, 1, 0, true]);
    }
    expect(sheets.get(SHEETS.rows)!.autoFilter).toBe(`A1:S${review.rows.length + 1}`);
    // Page numbers as 综合得分 prints them (review round 51d L3).
    for (const sheet of sheets.values()) expect(sheet.printFooter).toBe("第 &P 页 共 &N 页");
  });

  // Review round 51d M5: 19 columns one page wide printed at 37 % (4 pt); 问题明细 at 5 pt.
  it("prints 汇总 and 问题明细 without where each row lies (文件, 工作表, 表格区域; 文件, 规则), narrow enough for about 8 points on A4", () => {
    const rows = sheets.get(SHEETS.rows)!;
    const header = rows.rows[0] as string[];
    // The legend below the rows is printed too: its header after a blank row, three lines.
    const end = review.rows.length + 1 + 1 + 1 + 3;
    expect(rows.printArea).toEqual([`$A$1:$P$${end}`]);
    expect(header.slice(16)).toEqual(["文件", "工作表", "表格区域"]);
    expect(header.slice(0, 16)).not.toContain("文件");
    const findings = sheets.get(SHEETS.findings)!;
    expect(findings.printArea).toEqual([`$A$1:$G$${review.findings.length + 1}`]);
    expect((findings.rows[0] as string[]).slice(7)).toEqual(["文件", "规则"]);
    // LibreOffice printed 汇总's 154 characters of 11-point text on A4 landscape (0.3" margins) at 8.1 points.
    const printedWidth = (columns: { width: { zh: number } }[], count: number) => columns.slice(0, count).reduce((n, c) => n + c.width.zh, 0);
    expect(printedWidth(ROW_COLUMNS, ROW_PRINTED)).toBeLessThanOrEqual(154);
    expect(printedWidth(FINDING_COLUMNS, FINDING_PRINTED)).toBeLessThanOrEqual(154);
    // Where the other sheets set none, the whole of them prints.
    expect(sheets.get(SHEETS.units)!.printArea).toBeNull();
  });

  // Review round 51d M6: nothing in 汇总 was marked, and a blank total read as "not applicable".
  it("marks a computed total or grade that differs from the recorded one, says why one is blank, and explains it below", () => {
    const sheet = sheets.get(SHEETS.rows)!;
    const at = (row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 1}`;
    const expected = review.rows.flatMap((r, i) => {
      const marks: string[] = [];
      if (r.score !== null && r.recordedScore !== null && Number(r.score) !== Number(r.recordedScore)) marks.push(at(i + 1, 8), at(i + 1, 9));
      if (r.grade !== null && r.recordedGrade !== null && r.grade !== r.recordedGrade) marks.push(at(i + 1, 10), at(i + 1, 11));
      return marks;
    });
    // 甲县财政局: weights of 110, 106.47 computed against the 96 recorded.
    expect(expected.length).toBeGreaterThan(0);
    const legendRow = review.rows.length + 3;
    expect(sheet.marked).toEqual([...expected, at(legendRow, 0)]);
    const body = sheet.rows.slice(1, review.rows.length + 1);
    for (const [i, r] of review.rows.entries()) {
      if (r.kind !== "evaluation") expect([body[i][8], body[i][10]]).toEqual(["不适用", "不适用"]);
      else if (r.score === null) expect([body[i][8], body[i][10]]).toEqual(["—（无法计算）", "—"]);
    }
    expect(body.find((r) => r[0] === "甲县财政局")!.slice(10, 12)).toEqual(["—（分值合计 110）", "优"]);
    const errors = review.rows.reduce((n, r) => n + r.errors, 0);
    const warnings = review.rows.reduce((n, r) => n + r.warnings, 0);
    expect(sheet.rows.slice(legendRow - 1).map((r) => r[0])).toEqual([
      "说明",
      "底色加粗：计算的总分或等次与表中填报的不符",
      expect.stringMatching(/^—（无法计算）：.*不适用：/),
      `共 4 个文件，2 个单位，${review.rows.length} 张表；错误 ${errors}，警告 ${warnings}；1 个文件无法读取`,
    ]);
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
    const rows = body(SHEETS.rows).slice(0, review.rows.length);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["甲县财政局", "乙县教育局", "（未注明单位）"]));
    expect(rows).toHaveLength(review.rows.length);
    const a = rows.find((r) => r[0] === "甲县财政局")!;
    // The form's weights add up to 110: its total is computed but never graded; the unit wrote 优.
    expect([...a.slice(3, 12), ...a.slice(17)]).toEqual(["自评表", 2246.07, 2000, "万元", 0.8904, Number(review.rows.find((r) => r.unit === "甲县财政局")!.score), 96, "—（分值合计 110）", "优", "部门整体支出绩效自评表", "B11:I37"]);
  });

  it("问题明细 holds every finding of every file's report, in its cell", () => {
    const rows = body(SHEETS.findings);
    for (const [file, report] of reports) {
      const mine = rows.filter((r) => r[7] === file).map((r) => `${r[2]}!${r[3]} ${r[8]} ${r[5]} ${r[6]}`);
      expect(mine).toEqual(report.findings.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${ruleName(f.rule, "zh")} ${f.message}`));
    }
    expect(rows).toHaveLength([...reports.values()].reduce((n, r) => n + r.findings.length, 0));
  });

  it("规则统计 counts each rule's findings as the reports do, and charts the grades computed vs recorded", () => {
    const sheet = sheets.get(SHEETS.counts)!;
    const rules = body(SHEETS.counts).slice(0, review.rules.length);
    const all = [...reports.values()].flatMap((r) => r.findings);
    // Named as people read them, the id last (review round 51d M7).
    expect(sheet.rows[0]).toEqual(["规则名称", "严重程度", "问题数", "涉及文件", "涉及单位", "规则"]);
    for (const [name, , findings, files, , rule] of rules) {
      expect(name).toBe(ruleName(rule as never, "zh"));
      expect(findings).toBe(all.filter((f) => f.rule === rule).length);
      expect(files).toBe([...reports.values()].filter((r) => r.findings.some((f) => f.rule === rule)).length);
    }
    expect(new Set(rules.map((r) => r[5]))).toEqual(new Set(all.map((f) => f.rule)));

    const gradeHeader = review.rules.length + 2;
    expect(sheet.rows[gradeHeader]).toEqual(["等次", "计算等次（表数）", "填报等次（表数）", null, null, null]);
    const grades = sheet.rows.slice(gradeHeader + 1, gradeHeader + 1 + review.grades.length);
    expect(grades.map((g) => g[0])).toEqual(["优", "良", "中", "差", "（无）"]);
    // Both yunxi-form units recorded 优; what jixiao computes depends on each unit's own numbers.
    const recorded = Object.fromEntries(grades.map((g) => [g[0], g[2]]));
    expect(recorded["优"]).toBe(2);
    const computed = [...reports.values()].flatMap((r) => r.totals.map((t) => t.grade ?? "（无）"));
    for (const g of grades) expect(g[1]).toBe(computed.filter((c) => c === g[0]).length);

    expect(parts).toEqual(expect.arrayContaining(["xl/charts/chart4.xml", "xl/drawings/drawing4.xml"]));
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
    expect(sheet.rows[0]).toEqual(["单位", "文件数", "表数", "无法读取", "未找到表", "错误", "总分或等次不符", "警告", "提示"]);
    expect(sheets.get(SHEETS.counts)!.rows).toHaveLength(review.rules.length + 2 + review.grades.length + 1);
    const units = sheet.rows.slice(1);
    expect(units.map((u) => u[0]).sort()).toEqual(["（未注明单位）", "乙县教育局", "甲县财政局"].sort());
    // broken.xlsx names no unit: it is on 无法读取 alone.
    for (const [unit, files, tables, failures, noTables, errors, differs, warnings] of units) {
      const rows = review.rows.filter((r) => r.unit === unit);
      expect([files, tables, failures, noTables, errors, differs, warnings]).toEqual([
        new Set(rows.map((r) => r.file)).size,
        rows.length,
        0,
        0,
        rows.reduce((n, r) => n + r.errors, 0),
        rows.filter((r) => r.differs.score || r.differs.grade).length,
        rows.reduce((n, r) => n + r.warnings, 0),
      ]);
    }
    // The units that need attention first (review round 52c M1): by errors, then totals or grades that differ, then warnings.
    const need = units.map(([, , , , , errors, differs, warnings]) => [errors, differs, warnings] as number[]);
    for (let i = 1; i < need.length; i++) {
      const [a, b] = [need[i - 1], need[i]];
      expect(a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] >= b[2])))).toBe(true);
    }
  });

  // Review round 51d L8: the reason repeated the file's name, and said nothing to do.
  it("无法读取 names the broken file, why without its name, and what to do", () => {
    const file = path.join(dir, "broken.xlsx");
    expect(body(SHEETS.failures)).toEqual([[file, expect.stringMatching(/^文件已损坏/), "请单位用 Excel 或 WPS 打开后另存为 .xlsx 工作簿，重新报送"]]);
  });
});
