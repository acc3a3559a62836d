/**
 * 单位统计 is the sheet of the units that need attention first; a unit whose only file could not be
 * read was missing from it, listed on 无法读取 by its path alone (review round 57d F4). Such a unit
 * is counted now, by its folder or its file's name as a readable file's unit is read where its
 * form names none, first among the units; a list of the bureau's own names no unit. And what to do
 * with such a file is said to the bureau, which has no unit's password (review round 57d F5).
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { FileReview, Review, ReviewRow, ReviewTally, failureAdvice } from "../../src/core/review";
import { failureCells, reviewWorkbookBytes } from "../../src/xlsx/review-workbook";
import { WorkbookReadError, readXlsxBytes } from "../../src/xlsx/reader";
import { describeWithOpenpyxl } from "../support/openpyxl";
import { tempDir } from "../support/xlsx";
import { readBack } from "./support";

const row = (unit: string, file: string, errors: number): ReviewRow => ({
  unit,
  project: "部门整体",
  year: 2023,
  file,
  sheet: "自评表",
  table: "A5:J30",
  kind: "evaluation",
  planned: "100",
  spent: "90",
  rate: "0.9",
  moneyUnit: "万元",
  weights: "100",
  score: "95",
  recordedScore: "95",
  grade: "优",
  recordedGrade: "优",
  errors,
  warnings: 0,
  infos: 0,
  worst: [],
  differs: { score: false, grade: false },
});

const fileReview = (file: string, unit: string, errors = 0): FileReview => ({ file, rows: [row(unit, file, errors)], findings: [], gradeScale: ["优", "良", "中", "差"], hiddenSheets: [] });

function folderReview(): Review {
  const tally = new ReviewTally();
  tally.add(fileReview("水利/县水利局/县水利局.xlsx", "县水利局", 2));
  tally.add(fileReview("文旅/县文化馆/县文化馆.xlsx", "县文化馆"));
  tally.add(fileReview("乡镇/城关镇/城关镇人民政府.xlsx", "城关镇人民政府"));
  // 县文化馆 handed in a readable form and an old .xls.
  tally.fail("文旅/县文化馆/县文化馆免费开放项目.xls", "文旅/县文化馆/县文化馆免费开放项目.xls: 这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再试");
  tally.fail("审计/县审计局.xlsx", "审计/县审计局.xlsx: 文件已损坏，无法作为 .xlsx 打开（压缩包的目录缺失（文件不完整））");
  tally.fail("统计/县统计局/县统计局项目支出绩效自评表.xlsx", "统计/县统计局/县统计局项目支出绩效自评表.xlsx: 工作簿设有打开密码（已加密），请在 Excel 中取消密码后再试");
  tally.fail("文旅/县图书馆/县图书馆2023年项目支出绩效自评表.xls", "文旅/县图书馆/县图书馆2023年项目支出绩效自评表.xls: 这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再试");
  // A file named as the form: its unit's folder names it.
  tally.fail("农业/县林业局/部门整体支出绩效自评表.et", "农业/县林业局/部门整体支出绩效自评表.et: 这是 WPS 表格文件（.et），请先在 WPS 中“另存为” .xlsx 工作簿后再试");
  // A township named without 人民政府 is the unit a form names with it.
  tally.fail("乡镇/城关镇/城关镇项目支出绩效自评表.et", "乡镇/城关镇/城关镇项目支出绩效自评表.et: 这是 WPS 表格文件（.et），请先在 WPS 中“另存为” .xlsx 工作簿后再试");
  // The bureau's own list at the top, and a paper of no form's name: no unit's.
  tally.fail("各单位报送情况.csv", "各单位报送情况.csv: 这是 CSV 文本（.csv），请先在 WPS 中“另存为” .xlsx 工作簿后再试");
  tally.fail("水利/报送说明.docx.xlsx", "水利/报送说明.docx.xlsx: 文件已损坏", "no-tables");
  // Read, and no form in it: a unit's file, yet no file that could not be read.
  tally.fail("民政/县民政局/县民政局.xlsx", "民政/县民政局/县民政局.xlsx: 没有找到预算表或绩效指标表。", "no-tables");
  // A form's file straight in a 系统's folder: 教育 is no unit's name (code review 57c, M2).
  tally.fail("教育/项目支出绩效自评表.xls", "教育/项目支出绩效自评表.xls: 这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再试");
  return tally.review();
}

describe("units whose files could not be read (review round 57d F4)", () => {
  const review = folderReview();
  const unit = (name: string) => review.units.find((u) => u.unit === name);

  test("a unit whose only file could not be read is counted, its file among its failures, first", () => {
    expect(unit("县审计局")).toMatchObject({ files: 1, tables: 0, failures: 1, errors: 0 });
    expect(unit("县统计局")).toMatchObject({ files: 1, tables: 0, failures: 1 });
    expect(unit("县图书馆")).toMatchObject({ files: 1, tables: 0, failures: 1 });
    expect(unit("县林业局")).toMatchObject({ files: 1, tables: 0, failures: 1 });
    // Before the unit with two errors: nothing of theirs was checked.
    const order = review.units.map((u) => u.unit);
    expect(order.indexOf("县审计局")).toBeLessThan(order.indexOf("县水利局"));
    expect(order.slice(-1)).toEqual(["县水利局"]);
  });

  test("a unit with a readable and an unreadable file shows both; one named two ways is one unit", () => {
    expect(unit("县文化馆")).toMatchObject({ files: 2, tables: 1, failures: 1 });
    expect(unit("城关镇人民政府")).toMatchObject({ files: 2, tables: 1, failures: 1 });
    expect(unit("城关镇")).toBeUndefined();
  });

  test("the bureau's own list, and a file whose name and folder give no unit, are on 无法读取 alone", () => {
    expect(review.failures).toHaveLength(10);
    expect(review.units.map((u) => u.unit).sort()).toEqual(["县审计局", "县图书馆", "县文化馆", "县林业局", "县民政局", "县水利局", "县统计局", "城关镇人民政府"].sort());
    expect(review.units.reduce((n, u) => n + u.failures, 0)).toBe(6);
  });

  // 无法读取 counted a file read with no form in it too: it was read, and saving it again finds none.
  test("a unit's file read and holding no form is counted apart from the files not read, first all the same", () => {
    expect(unit("县民政局")).toMatchObject({ files: 1, tables: 0, failures: 0, noTables: 1 });
    expect(review.units.filter((u) => u.unit !== "县民政局").every((u) => u.noTables === 0)).toBe(true);
    const order = review.units.map((u) => u.unit);
    expect(order.indexOf("县民政局")).toBeLessThan(order.indexOf("县水利局"));
  });
});

describeWithOpenpyxl("单位统计 read back", () => {
  test("its 无法读取 column counts each unit's files that could not be read, 未找到表 those holding no form", () => {
    const output = path.join(tempDir("jixiao-unread-units-"), "汇总.xlsx");
    writeFileSync(output, reviewWorkbookBytes(folderReview()));
    const sheet = readBack(output).sheets.find((s) => s.name === "单位统计")!;
    expect(sheet.rows[0]).toEqual(["单位", "文件数", "表数", "无法读取", "未找到表", "错误", "总分或等次不符", "警告", "提示"]);
    const units = new Map(sheet.rows.slice(1).map((r) => [r[0], r.slice(1)]));
    expect(units.get("县审计局")).toEqual([1, 0, 1, 0, 0, 0, 0, 0]);
    expect(units.get("县文化馆")).toEqual([2, 1, 1, 0, 0, 0, 0, 0]);
    expect(units.get("县民政局")).toEqual([1, 0, 0, 1, 0, 0, 0, 0]);
    expect(units.get("县水利局")).toEqual([1, 1, 0, 0, 2, 0, 0, 0]);
  });
});

describe("what to do, said to the bureau (review round 57d F5)", () => {
  const review = folderReview();
  const cells = (file: string) => failureCells(review.failures.find((f) => f.file === file)!, "zh").slice(1);

  test("an encrypted file: the unit removes its password and hands it in again, not 请在 Excel 中取消密码后再试", () => {
    expect(cells("统计/县统计局/县统计局项目支出绩效自评表.xlsx")).toEqual(["工作簿设有打开密码（已加密）", "请单位取消打开密码后重新报送"]);
    expect(review.failures.find((f) => f.file.endsWith(".xlsx") && f.message.includes("密码"))!.message).toBe(
      "统计/县统计局/县统计局项目支出绩效自评表.xlsx: 工作簿设有打开密码（已加密），请单位取消打开密码后重新报送",
    );
  });

  test("an .xls or a WPS file: the unit saves it as .xlsx and hands it in again, or the bureau saves it and reviews again", () => {
    expect(cells("文旅/县图书馆/县图书馆2023年项目支出绩效自评表.xls")).toEqual(["这是旧版 .xls 文件", "请单位另存为 .xlsx 工作簿后重新报送，或在 Excel 中“另存为” .xlsx 后重新复核"]);
    expect(cells("农业/县林业局/部门整体支出绩效自评表.et")).toEqual(["这是 WPS 表格文件（.et）", "请单位另存为 .xlsx 工作簿后重新报送，或在 WPS 中“另存为” .xlsx 工作簿后重新复核"]);
    // A damaged file keeps the review's own advice; no message keeps the words to the unit.
    expect(cells("审计/县审计局.xlsx")[1]).toBe("请单位用 Excel 或 WPS 打开后另存为 .xlsx 工作簿，重新报送");
    expect(review.failures.filter((f) => /后再试$/.test(f.message))).toEqual([]);
  });

  // The advice was in two places: core's for the messages, the workbook's own where a message gives none.
  test("said by core alone: the workbook lays out its reason and advice, a message without advice gets core's by its kind", () => {
    for (const failure of review.failures) {
      const { reason, advice } = failureAdvice(failure, "zh");
      expect(failureCells(failure, "zh")).toEqual([failure.file, reason, advice]);
    }
    expect(failureAdvice(review.failures.find((f) => f.file === "审计/县审计局.xlsx")!, "zh")).toEqual({
      reason: "文件已损坏，无法作为 .xlsx 打开（压缩包的目录缺失（文件不完整））",
      advice: "请单位用 Excel 或 WPS 打开后另存为 .xlsx 工作簿，重新报送",
    });
    expect(failureAdvice(review.failures.find((f) => f.kind === "no-tables")!, "zh")).toEqual({
      reason: "文件已损坏",
      advice: "未找到自评表或目标表：请核对是否报错文件，或请单位填写后重新报送",
    });
    expect(failureAdvice({ file: "a.xlsx", message: "a.xlsx: the file is damaged", kind: "unreadable" }, "en")).toEqual({
      reason: "the file is damaged",
      advice: "ask the unit to open it in Excel or WPS, save it as an .xlsx workbook and hand it in again",
    });
  });

  test("in English too, from the reader's own message; jixiao score's stays the unit's", () => {
    const encrypted = new Uint8Array(600);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    encrypted.set([..."EncryptionInfo"].flatMap((c) => [c.charCodeAt(0), 0]), 100);
    let error: WorkbookReadError | undefined;
    try {
      readXlsxBytes(encrypted, "a.xlsx");
    } catch (e) {
      error = e as WorkbookReadError;
    }
    // What `score` prints: to the unit, which can remove its password.
    expect(error!.text.zh).toBe("a.xlsx: 工作簿设有打开密码（已加密），请在 Excel 中取消密码后再试");
    const tally = new ReviewTally("en");
    tally.fail("a.xlsx", error!.text.en);
    const [failure] = tally.review().failures;
    expect(failureCells(failure, "en").slice(1)).toEqual(["the workbook is encrypted with a password to open", "ask the unit to remove the password to open and hand it in again"]);
  });
});
