import { FILLED_COLOR } from "../../src/core/marks";
import { applyAnalysis } from "../../src/excel/write";
import { readWorkbookState } from "../../src/excel/read";
import { HostError } from "../../src/excel/messages";
import { UNDO_BACKUP_SHEET } from "../../src/core/summary-sheet";
import { UNDO_SETTING } from "../../src/excel/keys";
import { parseUndoStack } from "../../src/core/writeplan";
import { FakeWorkbook } from "../../src/playground/fake-excel";
import { apiOf, cellMark, cellWrite, contextOf, fakeBook, handAnalysis, sheet, smallSummary } from "./helpers";
import { Analysis, analyze } from "../../src/core/analyze";
import { fixesFor } from "../../src/core/fixes";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { applyFixes } from "../../src/excel/fixes";

function indicatorBook(): FakeWorkbook {
  return fakeBook(
    [
      sheet("表1", [
        ["一级指标", "指标", "分值", "得分"],
        ["产出指标", "数量", 10, null],
        [null, "质量", 10, 8],
      ], ["A2:A3"]),
      sheet("说明", [["无表格"]]),
    ],
    { fills: { 表1: { C2: "#00FF00" } } },
  );
}

/** Reads and writes as the host does, returning the syncs the write took. */
async function apply(book: FakeWorkbook, analysis: Analysis): Promise<number> {
  const state = await readWorkbookState(contextOf(book), { api: apiOf(book), fills: true });
  const before = book.syncCount;
  await applyAnalysis(contextOf(book), analysis, state, { api: apiOf(book) });
  return book.syncCount - before;
}

describe("applyAnalysis", () => {
  test("writes exactly the planned cells, marks merged areas whole, in one sync", async () => {
    const book = indicatorBook();
    const before = book.snapshot();
    const syncs = await apply(book, handAnalysis([cellWrite("表1", 1, 3, "9.5", "0.00")], [cellMark("表1", 1, 0), cellMark("表1", 1, 2, "#FFEB9C")]));
    expect(syncs).toBe(1);
    const after = book.snapshot();
    const changed = Object.entries(after.sheets[0].cells).filter(([address, cell]) => JSON.stringify(before.sheets[0].cells[address]) !== JSON.stringify(cell));
    expect(Object.fromEntries(changed)).toEqual({
      A2: { value: "产出指标", numberFormat: "General", fill: "#FFC7CE" },
      A3: { value: "", numberFormat: "General", fill: "#FFC7CE" },
      C2: { value: 10, numberFormat: "General", fill: "#FFEB9C" },
      // A filled-in cell carries its own light mark.
      D2: { value: 9.5, numberFormat: "0.00", fill: FILLED_COLOR },
    });
    expect(after.sheets[1]).toEqual(before.sheets[1]);
    expect(book.suspended.screen).toBe(1);
  });

  test("fills a blank 得分 merged across its row into the area's top-left cell, the merge kept (review round 58d, F1)", async () => {
    const book = fakeBook([
      sheet("表1", [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", null, "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 15, null, null, ""],
        ["产出指标", "数量指标", "培训人次", "≥800人次", "760人次", 85, null, null, "部分学员缺席"],
      ], ["G1:H1", "G2:H2", "G3:H3"]),
    ]);
    const state = await readWorkbookState(contextOf(book), { api: apiOf(book), fills: true });
    const analysis = analyze(state.grid);
    expect(analysis.writes.map((w) => w.cell)).toEqual(["G2", "G3"]);
    await applyAnalysis(contextOf(book), analysis, state, { api: apiOf(book) });
    const after = book.snapshot().sheets[0];
    expect([after.cells.G2?.value, after.cells.G3?.value, after.cells.G3?.numberFormat]).toEqual([15, 80.75, "0.00"]);
    expect(after.cells.H3?.value ?? "").toBe("");
    expect(after.merges).toEqual(expect.arrayContaining(["G2:H2", "G3:H3"]));
  });

  test("采用计算值 puts a wrong 得分 merged across its row right in the area's top-left cell, the merge kept", async () => {
    const book = fakeBook([
      sheet("表1", [
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", null, "偏差原因分析及改进措施"],
        ["产出指标", "数量指标", "培训场次", "≥10场", "10场", 15, 15, null, ""],
        ["产出指标", "数量指标", "培训人次", "≥800人次", "760人次", 85, 85, null, "部分学员缺席"],
      ], ["G1:H1", "G2:H2", "G3:H3"]),
    ]);
    const state = await readWorkbookState(contextOf(book), { api: apiOf(book), fills: true });
    const analysis = analyze(state.grid);
    await applyAnalysis(contextOf(book), analysis, state, { api: apiOf(book) });
    expect([book.snapshot().sheets[0].cells.G3?.fill, book.snapshot().sheets[0].cells.H3?.fill]).toEqual(["#FFC7CE", "#FFC7CE"]);
    const fixes = fixesFor(analysis, state.grid, DEFAULT_PROFILE);
    expect(fixes.map((f) => `${f.cell}=${f.after}`)).toEqual(["G3=80.75"]);
    await applyFixes(contextOf(book), fixes, { api: apiOf(book) });
    const after = book.snapshot().sheets[0];
    expect([after.cells.G3?.value, after.cells.G3?.numberFormat]).toEqual([80.75, "0.00"]);
    expect(after.cells.H3?.value ?? "").toBe("");
    expect(after.merges).toEqual(expect.arrayContaining(["G2:H2", "G3:H3"]));
    // The run marked the area as one; the fix takes the mark off all of it (review round 58e).
    expect([after.cells.G3?.fill ?? null, after.cells.H3?.fill ?? null]).toEqual([null, null]);
  });

  test("renders the summary sheet: text as text, numbers with formats, merges, widths, frozen rows, chart", async () => {
    const book = indicatorBook();
    await apply(book, handAnalysis([], []));
    const summary = book.sheet("综合得分")!;
    const cell = (row: number, col: number) => summary.cell(row, col)!;
    expect(cell(0, 0).value).toBe("绩效自评综合得分");
    expect(cell(3, 0)).toMatchObject({ value: '=HYPERLINK("x")', numberFormat: "@" });
    expect(cell(3, 2)).toMatchObject({ value: "98%", numberFormat: "@" });
    expect(cell(2, 1)).toMatchObject({ value: 0.9, numberFormat: "0.00%" });
    expect(cell(1, 0).style).toMatchObject({ "font/bold": true, "borders/EdgeTop/style": "Continuous" });
    expect(cell(0, 0).style["font/size"]).toBe(16);
    expect(summary.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    expect(summary.columnWidths.get(0)).toBeGreaterThan(summary.columnWidths.get(1)!);
    expect(summary.freezeRows).toBe(1);
    expect(summary.charts).toEqual([
      expect.objectContaining({
        type: "BarClustered",
        title: "各一级指标得分率",
        categories: "综合得分!A3:A4",
        values: "综合得分!B3:B4",
        legendVisible: false,
        valueAxisNumberFormat: "0.0%",
        valueAxisMinimum: 0.5,
        // The axis' end and the bars' labels as the layout gives them (review round 51d L7: 100 %, 0.00%).
        valueAxisMaximum: 0.9,
        dataLabels: { showValue: true, numberFormat: "0.000%" },
        categoryAxisReversed: true,
        // Over the anchor's cells, its last one included, as the xlsx drawing covers them (code review of round 52, L8).
        position: "A7:C23",
      }),
    ]);
    // Always portrait (core SummaryPrint: the sheet is narrow enough).
    expect(summary.pageLayout.orientation).toBe("Portrait");
  });

  test("leaves a formula's cached result to Excel: neither written nor kept in the undo record", async () => {
    const book = indicatorBook();
    const before = book.snapshot();
    await apply(book, handAnalysis([cellWrite("表1", 1, 3, "9.5", "0.00"), { ...cellWrite("表1", 2, 3, "18", "0.00"), cachedResult: true }], []));
    expect(book.snapshot().sheets[0].cells.D3).toEqual(before.sheets[0].cells.D3);
    expect(parseUndoStack(book.settings.get(UNDO_SETTING))![0].sheets).toEqual([{ name: "表1", entries: [{ r: 1, c: 3, v: "", f: "General", x: 9.5, xf: "0.00", fill: null }] }]);
  });

  test("keeps an undo record of every cell it changes", async () => {
    const book = indicatorBook();
    await apply(book, handAnalysis([cellWrite("表1", 1, 3, "9.5", "0.00")], [cellMark("表1", 1, 0), cellMark("表1", 1, 2)]));
    const record = parseUndoStack(book.settings.get(UNDO_SETTING))![0];
    expect(record.summary).toEqual({ name: "综合得分", backup: null, position: null });
    expect(record.sheets).toEqual([
      {
        name: "表1",
        entries: [
          { r: 1, c: 3, v: "", f: "General", x: 9.5, xf: "0.00", fill: null },
          { r: 1, c: 0, h: 2, w: 1, fill: null },
          { r: 1, c: 2, fill: "#00FF00" },
        ],
      },
    ]);
  });

  test("a protected sheet: a message naming it, and nothing written", async () => {
    const book = indicatorBook();
    book.sheet("表1")!.protected = true;
    const before = book.snapshot();
    await expect(apply(book, handAnalysis([cellWrite("表1", 1, 3, "9.5", "0.00")], []))).rejects.toThrow(new HostError("工作表“表1”受保护，未做任何修改。请在“审阅 → 撤消工作表保护”后再重算。"));
    expect(book.snapshot()).toEqual(before);
  });

  test("a protected workbook structure: refused before anything is written", async () => {
    const book = indicatorBook();
    book.protected = true;
    const before = book.snapshot();
    await expect(apply(book, handAnalysis([cellWrite("表1", 1, 3, "9.5", "0.00")], []))).rejects.toThrow(/工作簿结构受保护/);
    expect(book.snapshot()).toEqual(before);
  });

  test("a sheet of the summary's name that jixiao did not make is not overwritten", async () => {
    const book = indicatorBook();
    book.addSheet("综合得分").cellForWrite(0, 0).value = "用户自己的表";
    await expect(apply(book, handAnalysis([], []))).rejects.toThrow(/不是本助手生成的/);
    expect(book.sheet("综合得分")!.cell(0, 0)!.value).toBe("用户自己的表");
  });

  test("replacing an older summary keeps it very hidden for undo, at the same position", async () => {
    const book = indicatorBook();
    const old = book.addSheet("综合得分");
    old.cellForWrite(0, 0).value = "旧的综合得分";
    book.sheets.splice(book.sheets.indexOf(old), 1);
    book.sheets.unshift(old);
    await apply(book, handAnalysis([], [], smallSummary({ replaces: true })));
    expect(book.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["综合得分", "Visible"],
      [UNDO_BACKUP_SHEET, "VeryHidden"],
      ["表1", "Visible"],
      ["说明", "Visible"],
    ]);
    expect(book.sheet(UNDO_BACKUP_SHEET)!.cell(0, 0)!.value).toBe("旧的综合得分");
    expect(parseUndoStack(book.settings.get(UNDO_SETTING))![0].summary).toEqual({ name: "综合得分", backup: UNDO_BACKUP_SHEET, position: 0 });
  });

  test("a marked cell outside the cells read costs one more sync for its old fill", async () => {
    const book = indicatorBook();
    book.sheet("表1")!.cellForWrite(9, 9).fill = "#123456"; // formatted only: outside the values-only used range
    const syncs = await apply(book, handAnalysis([], [cellMark("表1", 9, 9)]));
    expect(syncs).toBe(2);
    expect(parseUndoStack(book.settings.get(UNDO_SETTING))![0].sheets[0].entries).toEqual([{ r: 9, c: 9, fill: "#123456" }]);
  });

  test("Excel older than 2019 (ExcelApi 1.9) is told so, nothing written", async () => {
    const book = fakeBook([sheet("表1", [["a"]])], { apiMinor: 8 });
    const state = await readWorkbookState(contextOf(book), { api: apiOf(book) });
    const before = book.snapshot();
    await expect(applyAnalysis(contextOf(book), handAnalysis([], []), state, { api: apiOf(book), lang: "en" })).rejects.toThrow(/Excel 2019 or later/);
    expect(book.snapshot()).toEqual(before);
  });

  test("a very large run is split into request chunks under 5 MB", async () => {
    const rows = Array.from({ length: 20_000 }, (_, r) => [`指标${r}`, null]);
    const book = fakeBook([sheet("表1", rows)]);
    const writes = rows.map((_, r) => cellWrite("表1", r, 1, String(r), "0.00"));
    const syncs = await apply(book, handAnalysis(writes, []));
    expect(syncs).toBeGreaterThan(1);
    expect(book.sheet("表1")!.cell(19_999, 1)!.value).toBe(19_999);
  });
});
