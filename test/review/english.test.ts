/**
 * The review workbook in English (`jixiao review --lang en`, the page in English) and in Chinese,
 * from the same units' workbooks, read back by openpyxl: in English jixiao's own words are English
 * throughout (sheet names, headers, kinds, money unit, severities, rule names, the grade table's
 * "none", page header and footer), while what the forms wrote (units, projects, sheets, grade
 * labels such as 优) stays as typed; in Chinese everything is as it was.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { analyze } from "../../src/core/analyze";
import type { Lang } from "../../src/core/messages";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { Review, ReviewTally, reviewFile } from "../../src/core/review";
import { ruleName } from "../../src/core/rule-names";
import { WorkbookReadError, readXlsx } from "../../src/xlsx/read";
import { isReviewWorkbook } from "../../src/core/review-layout";
import { reviewWorkbookBytes } from "../../src/xlsx/review-workbook";
import { workbook } from "../support/grid";
import { describeWithOpenpyxl } from "../support/openpyxl";
import { projectList, projectSheet } from "../support/review-forms";
import { tempDir, writeGridXlsx } from "../support/xlsx";
import { ReadBackSheet, readBack, unitWorkbook, unitlessProjectWorkbook } from "./support";

const dir = tempDir("jixiao-review-lang-");
const CJK = /[\u3400-\u9fff\uff00-\uffef]/;

/** The folder's review in `lang`, as the command line builds it: each file analysed in that language. */
async function reviewIn(lang: Lang, files: string[]): Promise<Review> {
  const tally = new ReviewTally();
  for (const file of files) {
    try {
      const { grid } = await readXlsx(path.join(dir, file));
      tally.add(reviewFile(file, analyze(grid, DEFAULT_PROFILE, { lang }), DEFAULT_PROFILE, lang));
    } catch (error) {
      if (!(error instanceof WorkbookReadError)) throw error;
      tally.fail(file, error.text[lang]);
    }
  }
  return tally.review();
}

const written: Record<Lang, { review: Review; file: string }> = {} as never;

beforeAll(async () => {
  await unitWorkbook(path.join(dir, "财政局.xlsx"), "甲县财政局", 2000);
  await writeGridXlsx(workbook(projectList, projectSheet("高标准农田建设", 2500, 2500), projectSheet("农村人居环境整治", 800, 720), projectSheet("动物防疫补助", 120, 96)), path.join(dir, "农业农村局.xlsx"));
  await unitlessProjectWorkbook(path.join(dir, "图书馆.xlsx"), "全民阅读推广", 50, 45);
  writeFileSync(path.join(dir, "坏.xlsx"), Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(300, 7)]));
  const files = ["财政局.xlsx", "农业农村局.xlsx", "图书馆.xlsx", "坏.xlsx"];
  for (const lang of ["zh", "en"] as const) {
    const review = await reviewIn(lang, files);
    const file = path.join(dir, `review-${lang}.xlsx`);
    writeFileSync(file, reviewWorkbookBytes(review, lang));
    written[lang] = { review, file };
  }
}, 60_000);

describeWithOpenpyxl("the review workbook in English, read back by openpyxl", () => {
  let sheets: ReadBackSheet[];
  let review: Review;
  const sheet = (name: string) => sheets.find((s) => s.name === name)!;
  const rowOf = (file: string, sheetName: string) => sheet("Review").rows.find((r) => r[16] === file && r[17] === sheetName)!;
  beforeAll(() => {
    ({ review } = written.en);
    sheets = readBack(written.en.file).sheets;
  });

  it("names its sheets, their headers and their printed pages in English", () => {
    // 单位统计 right after 汇总 (review round 52c M1).
    expect(sheets.map((s) => s.name)).toEqual(["Review", "Units", "Findings", "Counts", "Unreadable", "Notes"]);
    expect(sheet("Review").rows[0]).toEqual([
      "Unit",
      "Project",
      "Year",
      "Kind",
      "Planned (10k yuan)",
      "Spent (10k yuan)",
      "Money unit",
      "Rate",
      "Total (computed)",
      "Total (recorded)",
      "Grade (computed)",
      "Grade (recorded)",
      "Errors",
      "Warnings",
      "Info",
      "Main findings (the three most serious)",
      "File",
      "Sheet",
      "Range",
    ]);
    expect(sheet("Findings").rows[0]).toEqual(["Unit", "Project", "Sheet", "Cell", "Severity", "Rule", "Message", "File", "Rule id"]);
    expect(sheet("Counts").rows[0].slice(0, 6)).toEqual(["Rule", "Severity", "Findings", "Files", "Units", "Rule id"]);
    expect(sheet("Unreadable").rows[0]).toEqual(["File", "Reason", "What to do"]);
    expect(sheets.map((s) => [s.printHeader, s.printFooter])).toEqual([
      ['Review', "Page &P of &N"],
      ['Counts by unit', "Page &P of &N"],
      ['Findings', "Page &P of &N"],
      ['Counts by rule and grade', "Page &P of &N"],
      ['Files that could not be read', "Page &P of &N"],
      ['What was not counted or not checked, and the profiles', "Page &P of &N"],
    ]);
  });

  it("says each row's kind and money unit in English, and keeps what the forms wrote as typed", () => {
    // 单位, 项目, 年度, 类型, 预算数, 执行数, 金额单位, 执行率, 总分（计算）, 总分（填报）, 等次（计算）, 等次（填报）; … 文件, 工作表, 表格区域
    const list = rowOf("农业农村局.xlsx", "项目汇总");
    expect([...list.slice(0, 12), ...list.slice(16)]).toEqual(["县农业农村局", "合计 (3 projects)", null, "Budget table", 3420, 3316, "10k yuan", 0.9696, "n/a", null, "n/a", null, "农业农村局.xlsx", "项目汇总", "A3:E7"]);
    expect(rowOf("农业农村局.xlsx", "高标准农田建设").slice(0, 4)).toEqual(["县农业农村局", "高标准农田建设", null, "Self-evaluation"]);
    // A form that states no money unit: its amounts as written, said so in English.
    expect(rowOf("图书馆.xlsx", "绩效指标").slice(3, 7)).toEqual(["Self-evaluation", 50, 45, "not stated (as in the form)"]);
    // Grades are the profile's labels, as typed; weights of 110 get none, and say so.
    expect(rowOf("财政局.xlsx", "部门整体支出绩效自评表").slice(10, 12)).toEqual(["— (weights total 110)", "优"]);
    // A whole department's form: Whole department on the sheets, 部门整体 in the data, as in Chinese (review round 52c L4).
    expect(rowOf("财政局.xlsx", "部门整体支出绩效自评表")[1]).toBe("Whole department");
    expect(review.rows.filter((r) => r.file === "财政局.xlsx").map((r) => r.project)).toEqual(["部门整体"]);
    expect(new Set(review.findings.filter((f) => f.file === "财政局.xlsx").map((f) => f.project))).toEqual(new Set(["部门整体"]));
    expect(new Set(sheet("Findings").rows.filter((r) => r[7] === "财政局.xlsx").map((r) => r[1]))).toEqual(new Set(["Whole department"]));
    const kinds = sheet("Review").rows.slice(1, review.rows.length + 1).map((r) => r[3]);
    expect(new Set(kinds)).toEqual(new Set(["Self-evaluation", "Budget table"]));
  });

  it("lists each row's worst findings by their English rule names and English messages", () => {
    const row = review.rows.find((r) => r.unit === "甲县财政局")!;
    const cells = rowOf("财政局.xlsx", "部门整体支出绩效自评表")[15] as string;
    expect(cells.split("\n")).toEqual(row.worst);
    const first = review.findings.find((f) => f.file === "财政局.xlsx" && f.severity === "error")!;
    expect(row.worst[0]).toBe(`${first.cell} ${ruleName(first.rule, "en")}: ${first.message}`);
    const named = review.findings.filter((f) => f.file === "财政局.xlsx").map((f) => `${f.cell} ${ruleName(f.rule, "en")}: ${f.message}`);
    for (const line of row.worst) expect(named).toContain(line);
  });

  it("says severities and rule names in English on Findings and Counts, and a total without a grade is (none)", () => {
    const findings = sheet("Findings").rows.slice(1);
    expect(findings).toHaveLength(review.findings.length);
    for (const [, , , , severity, name, , , rule] of findings) {
      expect(["error", "warning", "info"]).toContain(severity);
      expect(name).toBe(ruleName(rule as never, "en"));
    }
    const counts = sheet("Counts").rows;
    const gradeHeader = review.rules.length + 2;
    expect(counts[gradeHeader].slice(0, 3)).toEqual(["Grade", "Computed (tables)", "Recorded (tables)"]);
    expect(counts.slice(gradeHeader + 1, gradeHeader + 1 + review.grades.length).map((g) => g[0])).toEqual(["优", "良", "中", "差", "(none)"]);
    // Each unit's counts on a sheet of their own, under their own header (review round 33).
    expect(counts).toHaveLength(gradeHeader + 1 + review.grades.length);
    expect(sheet("Units").rows[0]).toEqual(["Unit", "Files", "Tables", "Unreadable", "No form found", "Errors", "Total or grade differs", "Warnings", "Info"]);
    expect(sheet("Counts").charts[0].series.map((s) => s.name)).toEqual([`'Counts'!$B$${gradeHeader + 1}`, `'Counts'!$C$${gradeHeader + 1}`]);
    // Why, without the file's name its own column gives, and what to do (review round 51d L8).
    expect(sheet("Unreadable").rows.slice(1)).toEqual([["坏.xlsx", expect.stringMatching(/^the file is damaged/), expect.stringMatching(/^ask the unit to open it in Excel or WPS/)]]);
  });

  it("writes no word of its own in Chinese: headers, kinds, money units, severities and rule names", () => {
    for (const s of sheets) expect(s.rows[0].filter((v) => typeof v === "string" && CJK.test(v))).toEqual([]);
    const own = [
      ...sheet("Review").rows.slice(1, review.rows.length + 1).flatMap((r) => [r[3], r[6], r[8]]),
      // The legend below the rows.
      ...sheet("Review").rows.slice(review.rows.length + 2).map((r) => r[0]),
      ...sheet("Findings").rows.slice(1).flatMap((r) => [r[4], r[5]]),
    ];
    expect(own.filter((v) => typeof v === "string" && CJK.test(v))).toEqual([]);
  });
});

describeWithOpenpyxl("the review workbook in Chinese, read back by openpyxl, as before", () => {
  let sheets: ReadBackSheet[];
  const sheet = (name: string) => sheets.find((s) => s.name === name)!;
  beforeAll(() => {
    sheets = readBack(written.zh.file).sheets;
  });

  it("keeps its sheet names, headers and printed pages", () => {
    expect(sheets.map((s) => s.name)).toEqual(["汇总", "单位统计", "问题明细", "规则统计", "无法读取", "说明"]);
    expect(sheet("汇总").rows[0]).toEqual([
      "单位",
      "项目",
      "年度",
      "类型",
      "预算数（万元）",
      "执行数（万元）",
      "金额单位",
      "执行率",
      "总分（计算）",
      "总分（填报）",
      "等次（计算）",
      "等次（填报）",
      "错误",
      "警告",
      "提示",
      "主要问题（最严重的三条）",
      "文件",
      "工作表",
      "表格区域",
    ]);
    expect(sheet("问题明细").rows[0]).toEqual(["单位", "项目", "工作表", "单元格", "严重程度", "规则名称", "说明", "文件", "规则"]);
    expect(sheet("规则统计").rows[0].slice(0, 6)).toEqual(["规则名称", "严重程度", "问题数", "涉及文件", "涉及单位", "规则"]);
    expect(sheet("无法读取").rows[0]).toEqual(["文件", "原因", "处理办法"]);
    expect(sheets.map((s) => [s.printHeader, s.printFooter])).toEqual([
      ['汇总复核', "第 &P 页 共 &N 页"],
      ['各单位统计', "第 &P 页 共 &N 页"],
      ['问题明细', "第 &P 页 共 &N 页"],
      ['规则统计', "第 &P 页 共 &N 页"],
      ['无法读取的文件', "第 &P 页 共 &N 页"],
      ['未计入、未检查的内容及评分方案', "第 &P 页 共 &N 页"],
    ]);
  });

  it("keeps its kinds, money units, severities, rule names and （无）", () => {
    const rows = sheet("汇总").rows.slice(1);
    const list = rows.find((r) => r[17] === "项目汇总")!;
    expect([...list.slice(0, 12), ...list.slice(16)]).toEqual(["县农业农村局", "合计（3个项目）", null, "预算表", 3420, 3316, "万元", 0.9696, "不适用", null, "不适用", null, "农业农村局.xlsx", "项目汇总", "A3:E7"]);
    expect(rows.find((r) => r[16] === "图书馆.xlsx" && r[17] === "绩效指标")!.slice(3, 7)).toEqual(["自评表", 50, 45, "未注明（按原表数）"]);
    expect(rows.find((r) => r[0] === "甲县财政局")!.slice(10, 12)).toEqual(["—（分值合计 110）", "优"]);
    const worst = (rows.find((r) => r[0] === "甲县财政局")![15] as string).split("\n");
    expect(worst[0]).toMatch(/^[A-Z]+\d+ \S+：/);
    const findings = sheet("问题明细").rows.slice(1);
    for (const [, , , , severity, name, , , rule] of findings) {
      expect(["错误", "警告", "提示"]).toContain(severity);
      expect(name).toBe(ruleName(rule as never, "zh"));
    }
    const review = written.zh.review;
    const gradeHeader = review.rules.length + 2;
    const counts = sheet("规则统计").rows;
    expect(counts[gradeHeader].slice(0, 3)).toEqual(["等次", "计算等次（表数）", "填报等次（表数）"]);
    expect(counts.slice(gradeHeader + 1, gradeHeader + 1 + review.grades.length).map((g) => g[0])).toEqual(["优", "良", "中", "差", "（无）"]);
    expect(sheet("单位统计").rows[0]).toEqual(["单位", "文件数", "表数", "无法读取", "未找到表", "错误", "总分或等次不符", "警告", "提示"]);
  });
});

describe("a review workbook in either language", () => {
  it("is told from a unit's workbook, so that a rerun over the folder skips it", async () => {
    for (const lang of ["zh", "en"] as const) expect(isReviewWorkbook((await readXlsx(written[lang].file)).grid)).toBe(true);
    expect(isReviewWorkbook((await readXlsx(path.join(dir, "农业农村局.xlsx"))).grid)).toBe(false);
  });

  it("is told by its first three sheets: a review of an earlier version (four sheets) and one the reviewer added a sheet to (review round 23a)", () => {
    const named = (...names: string[]) => ({ sheets: names.map((name) => ({ name, values: [], numFmts: [], merges: [] })) });
    expect(isReviewWorkbook(named("汇总", "问题明细", "规则统计", "无法读取"))).toBe(true);
    expect(isReviewWorkbook(named("汇总", "问题明细", "规则统计", "无法读取", "说明", "备注"))).toBe(true);
    expect(isReviewWorkbook(named("Review", "Findings", "Counts", "Unreadable", "Notes"))).toBe(true);
    // As it opens since review round 52c, 单位统计 after 汇总, its 汇总 without its header (a sheet the reviewer emptied).
    expect(isReviewWorkbook(named("汇总", "单位统计", "问题明细", "规则统计", "无法读取", "说明"))).toBe(true);
    expect(isReviewWorkbook(named("Review", "Units", "Findings"))).toBe(true);
    // A unit's workbook that happens to open with a sheet named 汇总 is no review.
    expect(isReviewWorkbook(named("汇总", "项目1", "项目2"))).toBe(false);
    expect(isReviewWorkbook(named("问题明细", "汇总", "规则统计"))).toBe(false);
  });

  it("is told by its 汇总's header too: renamed, or with a sheet put before it (review round 24b)", async () => {
    for (const lang of ["zh", "en"] as const) {
      const grid = (await readXlsx(written[lang].file)).grid;
      grid.sheets[0].name = "2024年复核";
      grid.sheets.unshift({ name: "封面", values: [["县财政局绩效自评复核"]], numFmts: [], merges: [] });
      expect(isReviewWorkbook(grid)).toBe(true);
    }
    // An earlier version's 汇总, its columns in their order then (文件, 工作表, 表格区域 after 项目), renamed.
    const old = ["单位", "项目", "年度", "文件", "工作表", "表格区域", "类型", "预算数（万元）", "执行数（万元）", "金额单位", "执行率", "总分（计算）", "总分（填报）", "等次（计算）", "等次（填报）", "错误", "警告", "提示", "主要问题（最严重的三条）"];
    expect(isReviewWorkbook({ sheets: [{ name: "去年复核", values: [old], numFmts: [], merges: [] }] })).toBe(true);
    // A unit's list whose first columns happen to read 单位 | 项目 is none.
    const list = { name: "汇总", values: [["单位", "项目", "年度", "预算数", "执行数"]], numFmts: [], merges: [] };
    expect(isReviewWorkbook({ sheets: [list] })).toBe(false);
  });

  it("has the same figures in both languages: only the words differ", () => {
    const figures = (review: Review) => review.rows.map((r) => [r.unit, r.file, r.sheet, r.kind, r.planned, r.spent, r.moneyUnit, r.rate, r.score, r.grade, r.errors, r.warnings]);
    expect(figures(written.en.review)).toEqual(figures(written.zh.review));
  });
});

// Review round 58c F7: a form that nothing names is counted under no unit, a line of its own.
describeWithOpenpyxl("a form that names no unit, in English", () => {
  it("is on a line (no unit named) of Review and Units, not (未注明单位)", async () => {
    await unitlessProjectWorkbook(path.join(dir, "项目支出绩效自评表.xlsx"), "全民阅读推广", 50, 45);
    const review = await reviewIn("en", ["项目支出绩效自评表.xlsx"]);
    const file = path.join(dir, "review-no-unit-en.xlsx");
    writeFileSync(file, reviewWorkbookBytes(review, "en"));
    const sheets = readBack(file).sheets;
    const first = (name: string) => sheets.find((s) => s.name === name)!.rows[1][0];
    expect([first("Review"), first("Units")]).toEqual(["(no unit named)", "(no unit named)"]);
  });
});
