import { summaryToClean } from "../../src/core/clean-summary";
import { SheetGrid } from "../../src/core/grid";
import { SUMMARY_MARKERS, UNDO_BACKUP_SHEET, sheetDigest } from "../../src/core/summary-sheet";

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
