import { summaryToClean } from "../../src/core/clean-summary";
import { SheetGrid } from "../../src/core/grid";
import { SummaryCell } from "../../src/core/summary-types";
import { SUMMARY_MARKERS, UNDO_BACKUP_SHEET, sheetDigest, summaryDigest, textDigest } from "../../src/core/summary-sheet";

/** A sheet of jixiao's summary: a title and its footer (and `extra`, a line the user wrote in). */
const summarySheet = (name: string, extra?: string): SheetGrid => ({
  name,
  values: [["绩效自评综合得分"], ...(extra ? [[extra]] : []), [SUMMARY_MARKERS.zh]],
  numFmts: [],
  merges: [],
});
const form: SheetGrid = { name: "自评表", values: [["项目名称"]], numFmts: [], merges: [] };

describe("summaryToClean: which 综合得分 清除标记 puts away, in Excel and in jixiao clean", () => {
  test("the one the record names while it is as jixiao wrote it; one written in since stays, and is named when asked to remove", () => {
    const written = summarySheet("综合得分(2)");
    const edited = summarySheet("综合得分", "审核意见：同意");
    const previous = { name: "综合得分(2)", digest: sheetDigest(written) };
    expect(summaryToClean([form, edited, written], [], previous, true)).toEqual({ remove: "综合得分(2)", removable: null, writtenIn: ["综合得分"] });
    expect(summaryToClean([form, edited, written], [], previous, false)).toEqual({ remove: null, removable: "综合得分(2)", writtenIn: [] });
  });

  test("where the record is lost, jixiao's own by its footer; the add-in's very hidden backups are never the user's", () => {
    const sheets = [form, summarySheet("综合得分"), summarySheet(UNDO_BACKUP_SHEET)];
    expect(summaryToClean(sheets, [], null, true)).toEqual({ remove: "综合得分", removable: null, writtenIn: [] });
  });
});

describe("digests a workbook's record keeps between runs and versions", () => {
  // Fixed values: a record written by an earlier jixiao must still match the same summary.
  const cells: SummaryCell[] = [
    { row: 1, col: 0, value: "得分", isNumber: false, style: "section" },
    { row: 0, col: 0, value: "综合得分", isNumber: false, style: "title" },
    { row: 1, col: 1, value: "95.50", isNumber: true, style: "section" },
    { row: 2, col: 2, value: "优", isNumber: false, style: "section" },
  ];

  it("takes a summary's cells in sheet order, numbers as the double a host stores", () => {
    expect(summaryDigest({ cells })).toBe("976cbc5ddc9488a1");
  });

  it("gives the summary read back from a host the digest it was written with", () => {
    const readBack: SheetGrid = { name: "综合得分", values: [["综合得分"], ["得分", 95.5], [null, null, "优"]], numFmts: [], merges: [] };
    expect(sheetDigest(readBack)).toBe(summaryDigest({ cells }));
  });

  it("digests a part's text as one line", () => {
    expect(textDigest("<styleSheet/>\n中文")).toBe("f190fabe64e20f2d");
  });
});
