/** WPS files are told by their name, by the command line as by the review and the page. */
import { writeFileSync } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { reviewFileOrder, reviewedFiles } from "../../src/core/review";
import { copiesOfWorkbooks, extensionOf, fileBaseName, folderOf, isScoredCopyName, isWorkbookName, otherSpreadsheetMessage, scoredCopyName } from "../../src/core/file-kinds";
import { tempDir } from "../support/xlsx";

describe("a WPS Spreadsheets file", () => {
  it("gets a message saying to save it as .xlsx in WPS first, in both languages", () => {
    expect(otherSpreadsheetMessage("报表/教育局.ET")).toEqual({
      zh: "报表/教育局.ET: 这是 WPS 表格文件（.et），请先在 WPS 中“另存为” .xlsx 工作簿后再试",
      en: "报表/教育局.ET: this is a WPS Spreadsheets file (.et); save it as an .xlsx workbook in WPS (Save As) first",
    });
    expect(otherSpreadsheetMessage("模板.ett")?.zh).toContain("WPS 表格模板（.ett）");
  });

  it("and every other spreadsheet format or archive a unit may send is named with what to do, never passed over (review round 33)", () => {
    expect(["a.xlsb", "a.XLTX", "a.xltm", "a.ods", "a.csv"].map((name) => otherSpreadsheetMessage(name)?.zh.endsWith("请先在 WPS 中“另存为” .xlsx 工作簿后再试"))).toEqual([true, true, true, true, true]);
    // A space between 这是 and a Latin name, as in 这是旧版 .xls 文件 (review round 51c, nits).
    expect(otherSpreadsheetMessage("a.csv")?.zh).toBe("a.csv: 这是 CSV 文本（.csv），请先在 WPS 中“另存为” .xlsx 工作簿后再试");
    expect(otherSpreadsheetMessage("县林业局.zip")).toEqual({
      zh: "县林业局.zip: 这是压缩包，请先解压，再复核其中的 .xlsx 工作簿",
      en: "县林业局.zip: this is an archive; unpack it first, then review the .xlsx workbooks in it",
    });
    expect(["a.rar", "a.7z", "a.xlsb", "a.ods"].map(isWorkbookName)).toEqual([true, true, true, true]);
  });

  it("is none of an .xlsx, an .xls (told by its bytes) or a name without an extension", () => {
    expect(["a.xlsx", "a.xls", "et", "a.et.xlsx"].map(otherSpreadsheetMessage)).toEqual([null, null, null, null]);
  });

  it("makes jixiao score exit 2 with that one line, whatever the bytes", async () => {
    const file = path.join(tempDir(), "教育局.et");
    writeFileSync(file, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const errors: string[] = [];
    const code = await main(["node", "jixiao", "score", file], { log: () => undefined, error: (l) => errors.push(l) });
    expect([code, errors]).toEqual([2, [`${file}: 这是 WPS 表格文件（.et），请先在 WPS 中“另存为” .xlsx 工作簿后再试`]]);
  });

  it("makes jixiao score say to unpack an archive and score its workbooks, not review them (review round 52d L13)", async () => {
    const file = path.join(tempDir(), "县林业局.zip");
    writeFileSync(file, Buffer.from("PK"));
    for (const lang of ["zh", "en"]) {
      const errors: string[] = [];
      const code = await main(["node", "jixiao", "score", file, "--lang", lang], { log: () => undefined, error: (l) => errors.push(l) });
      expect([code, errors]).toEqual([
        2,
        [lang === "zh" ? `${file}: 这是压缩包，请先解压，再对其中的 .xlsx 工作簿评分` : `${file}: this is an archive; unpack it first, then score the .xlsx workbooks in it`],
      ]);
    }
  });
});

describe("jixiao's scored copies, by name", () => {
  it("are named from their workbook, and told in any case; a copy beside its workbook is known as such", () => {
    expect([scoredCopyName("a.xlsx"), scoredCopyName("a.b.xlsm"), scoredCopyName("a.xlsm", true), scoredCopyName("README")]).toEqual([
      "a.jixiao.xlsx",
      "a.b.jixiao.xlsx",
      "a.xlsm.jixiao.xlsx",
      "README.jixiao.xlsx",
    ]);
    expect(["a.jixiao.xlsx", "A.JIXIAO.XLSX", "a.xlsx", "jixiao.xlsx"].map(isScoredCopyName)).toEqual([true, true, false, false]);
    const names = ["a.xlsx", "a.jixiao.xlsx", "a.xlsx.jixiao.xlsx", "b.xlsm", "B.JIXIAO.xlsx", "c.jixiao.xlsx", "c.jixiao.jixiao.xlsx"];
    expect(copiesOfWorkbooks(names, names)).toEqual(["a.jixiao.xlsx", "a.xlsx.jixiao.xlsx", "B.JIXIAO.xlsx", "c.jixiao.jixiao.xlsx"]);
  });
});

describe("fileBaseName", () => {
  test("drops the folders, written with either separator", () => {
    expect(["县直/县林业局.xlsx", "县直\\乡镇\\县林业局.xlsx", "县林业局.xlsx"].map(fileBaseName)).toEqual(["县林业局.xlsx", "县林业局.xlsx", "县林业局.xlsx"]);
    // Its folder, as the review and the page tell a copy in the same folder by it.
    expect(["县直/县林业局.xlsx", "县直\\乡镇\\县林业局.xlsx", "县林业局.xlsx"].map(folderOf)).toEqual(["县直", "县直\\乡镇", ""]);
  });

  test("its extension is the base name's, in lower case", () => {
    expect(["县直/县林业局.XLSX", "2023.v2\\自评表", "自评表"].map(extensionOf)).toEqual(["xlsx", "", ""]);
  });
});

describe("reviewedFiles: what a review reads of a folder's files, on the command line and the page alike", () => {
  it("passes over scored copies beside their workbooks or in jixiao-out, hidden files and lock files; keeps a unit's lone copy", () => {
    const paths = [
      "县直/县林业局.xlsx",
      "县直/县林业局.jixiao.xlsx",
      "县直/jixiao-out/县林业局.jixiao.xlsx",
      "县直/jixiao-out/县水利局.jixiao.xlsx",
      "县直/~$县林业局.xlsx",
      ".git/a.xlsx",
      "乡镇\\城关镇.xlsx",
      "乡镇\\城关镇.jixiao.xlsx",
      "说明.txt",
      "教育局.et",
    ];
    expect(reviewedFiles(paths)).toEqual({
      found: ["乡镇\\城关镇.xlsx", "教育局.et", "县直/jixiao-out/县水利局.jixiao.xlsx", "县直/县林业局.xlsx"].sort(reviewFileOrder),
      copies: ["乡镇\\城关镇.jixiao.xlsx", "县直/jixiao-out/县林业局.jixiao.xlsx", "县直/县林业局.jixiao.xlsx"].sort(reviewFileOrder),
      hidden: [".git/a.xlsx"],
    });
  });

  // Review round 56b M3: a unit's form copied as .隐藏.xlsx, or into a folder .备份, vanished unnamed.
  it("names the hidden workbooks it passes over, but for lock files and a Mac's ._ files", () => {
    const paths = ["材料/.隐藏.xlsx", ".备份/县林业局.xlsx", "材料/._县水利局.xlsx", "材料/~$锁定.xlsx", "材料/.说明.txt", "材料/县水利局.xlsx"];
    expect(reviewedFiles(paths)).toEqual({ found: ["材料/县水利局.xlsx"], copies: [], hidden: [".备份/县林业局.xlsx", "材料/.隐藏.xlsx"].sort(reviewFileOrder) });
  });
});
