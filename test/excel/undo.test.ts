/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { applyAnalysis } from "../../src/excel/write";
import { readWorkbookState } from "../../src/excel/read";
import { applyFixes } from "../../src/excel/fixes";
import { undoLast } from "../../src/excel/undo";
import { hasUndo } from "../../src/excel/undo-stack";
import { UNDO_BACKUP_SHEET, isBackupSheet } from "../../src/core/summary-sheet";
import { UNDO_RECORD_MAX_CHARS, UNDO_SETTING } from "../../src/excel/keys";
import type { Fix } from "../../src/core/fixes";
import { SHEET_COLUMNS } from "../../src/core/grid";
import { UNDO_DEPTH, UndoRecord, parseUndoStack } from "../../src/core/writeplan";
import { FakeWorkbook } from "../../src/playground/fake-excel";
import type { Analysis } from "../../src/core/analyze";
import { apiOf, cellMark, cellWrite, contextOf, fakeBook, handAnalysis, sheet, smallSummary } from "./helpers";

function book(apiMinor?: number): FakeWorkbook {
  const wb = fakeBook(
    [
      sheet("表1", [
        ["一级指标", "指标", "分值", "得分"],
        ["产出指标", "数量", 10, null],
        [null, "质量", 10, 8],
      ], ["A2:A3"], [[], [undefined, undefined, undefined, "0.0"]]),
    ],
    { fills: { 表1: { C2: "#00FF00", A3: "#0000FF" } }, apiMinor },
  );
  wb.settings.set("jixiao.profile", "{}");
  return wb;
}

const analysis = (): Analysis =>
  handAnalysis([cellWrite("表1", 1, 3, "9.5", "0.00")], [cellMark("表1", 1, 0), cellMark("表1", 1, 2), cellMark("表1", 2, 3, "#FFEB9C")]);

async function recalc(wb: FakeWorkbook, a: Analysis = analysis()): Promise<void> {
  const state = await readWorkbookState(contextOf(wb), { api: apiOf(wb), fills: true });
  await applyAnalysis(contextOf(wb), a, state, { api: apiOf(wb) });
}

describe("undoLast", () => {
  test("brings back every value, format and fill and removes the summary sheet, in five syncs", async () => {
    const wb = book();
    const before = wb.snapshot();
    await recalc(wb);
    expect(wb.snapshot()).not.toEqual(before);
    const syncs = wb.syncCount;
    // A new context: as after closing and reopening the pane.
    const restored = await undoLast(contextOf(wb), { api: apiOf(wb) });
    // The undo record and protection; jixiao's record (the run wrote one); the summary sheet and the
    // cells as they are now; the restore.
    expect(wb.syncCount - syncs).toBe(5);
    expect(restored).toBe(5); // D2 written; A2:A3 (merged, mixed fills), C2, D3 marked
    expect(wb.snapshot()).toEqual(before);
    expect(await hasUndo(contextOf(wb))).toBe(false);
  });

  test("nothing to undo: null, and nothing changes", async () => {
    const wb = book();
    const before = wb.snapshot();
    expect(await hasUndo(contextOf(wb))).toBe(false);
    expect(await undoLast(contextOf(wb), { api: apiOf(wb) })).toBeNull();
    expect(wb.snapshot()).toEqual(before);
  });

  test("brings back the older summary sheet a run replaced", async () => {
    const wb = book();
    await recalc(wb);
    wb.sheet("综合得分")!.cellForWrite(0, 0).value = "第一次的综合得分";
    const afterFirst = wb.snapshot();
    await recalc(wb, handAnalysis([], [cellMark("表1", 2, 1)], smallSummary({ replaces: true })));
    expect(wb.sheet(UNDO_BACKUP_SHEET)!.visibility).toBe("VeryHidden");
    await undoLast(contextOf(wb), { api: apiOf(wb) });
    // Back to the first run's result, its own undo record still on the stack.
    expect(wb.snapshot()).toEqual(afterFirst);
  });

  test("a 综合得分 the user had hid comes back hidden (review round 54b, L3)", async () => {
    const wb = book();
    await recalc(wb);
    wb.sheet("综合得分")!.visibility = "Hidden";
    const afterFirst = wb.snapshot();
    await recalc(wb, handAnalysis([], [cellMark("表1", 2, 1)], smallSummary({ replaces: true })));
    await undoLast(contextOf(wb), { api: apiOf(wb) });
    expect(wb.sheet("综合得分")!.visibility).toBe("Hidden");
    expect(wb.snapshot()).toEqual(afterFirst);
  });

  test("each run on the stack keeps its replaced summary; a run leaving the stack takes its backup along", async () => {
    const wb = book();
    await recalc(wb);
    for (let run = 2; run <= 7; run++) await recalc(wb, handAnalysis([], [], smallSummary({ replaces: true })));
    // Runs 3 to 7 are on the stack, each having replaced a summary; run 2's backup is gone.
    expect(wb.sheets.filter((s) => isBackupSheet(s.name))).toHaveLength(UNDO_DEPTH);
    expect(parseUndoStack(wb.settings.get(UNDO_SETTING))).toHaveLength(UNDO_DEPTH);
    expect(wb.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name)).toEqual(["表1", "综合得分"]);
  });

  test("a sheet protected since the run: a message naming it, nothing restored", async () => {
    const wb = book();
    await recalc(wb);
    wb.sheet("表1")!.protected = true;
    const after = wb.snapshot();
    await expect(undoLast(contextOf(wb), { api: apiOf(wb), lang: "en" })).rejects.toThrow('Sheet "表1" is protected, so the last run cannot be undone; nothing was changed. Unprotect it and try again.');
    expect(wb.snapshot()).toEqual(after);
    expect(await hasUndo(contextOf(wb))).toBe(true);
  });

  // Undo never overwrites what the user did after the run (review round 33): it refuses, names the
  // cells, changes nothing and stays on the stack; 清除标记 keeps such edits.
  test.each([
    ["a value typed over the one the run filled in", (wb: FakeWorkbook) => wb.editCell("表1", "D2", 9), "表1!D2"],
    ["a fill of the user's own on a marked cell", (wb: FakeWorkbook) => (wb.sheet("表1")!.cellForWrite(1, 2).fill = "#00B0F0"), "表1!C2"],
    ["a line written into jixiao's note", (wb: FakeWorkbook) => wb.sheet("表1")!.notes.set(2 * SHEET_COLUMNS + 3, `${wb.sheet("表1")!.notes.get(2 * SHEET_COLUMNS + 3)}\n财政局同意按8分`), "表1!D3"],
    ["a number format of the user's on the cell the run filled in (review round 54b, L2)", (wb: FakeWorkbook) => (wb.sheet("表1")!.cellForWrite(1, 3).numberFormat = "0.0%"), "表1!D2"],
  ])("%s: refused, naming the cell, nothing changed", async (_, edit, cell) => {
    // Notes as Excel has them from ExcelApi 1.18.
    const wb = book(18);
    await recalc(wb);
    edit(wb);
    const after = wb.snapshot();
    await expect(undoLast(contextOf(wb), { api: apiOf(wb) })).rejects.toThrow(`以下内容在上次重算后已被改动（数值、填色、批注、签字，或插入、删除了行列，工作表改名、删除）：${cell}。`);
    expect(wb.snapshot()).toEqual(after);
    expect(await hasUndo(contextOf(wb))).toBe(true);
  });

  test("a summary sheet written in since the run (signed): refused, naming it, nothing changed (review round 37)", async () => {
    const wb = book();
    await recalc(wb);
    const summary = wb.sheets.find((s) => s.name !== "表1")!.name;
    wb.editCell(summary, "B40", "填报人：张三");
    const after = wb.snapshot();
    await expect(undoLast(contextOf(wb), { api: apiOf(wb) })).rejects.toThrow(`已被改动（数值、填色、批注、签字，或插入、删除了行列，工作表改名、删除）：工作表“${summary}”。`);
    expect(wb.snapshot()).toEqual(after);
    expect(await hasUndo(contextOf(wb))).toBe(true);
  });

  test("a sheet renamed since the run: refused, naming it, nothing changed and the run kept", async () => {
    const wb = book();
    await recalc(wb);
    wb.sheet("表1")!.name = "表1（定稿）";
    const after = wb.snapshot();
    await expect(undoLast(contextOf(wb), { api: apiOf(wb), lang: "en" })).rejects.toThrow('These were changed after the last run (a value, fill, note or signature, rows or columns inserted or deleted, a sheet renamed or deleted): sheet "表1".');
    expect(wb.snapshot()).toEqual(after);
    expect(await hasUndo(contextOf(wb))).toBe(true);
  });

  test("a run Excel cut short can still be undone: the record is written first", async () => {
    const wb = book();
    const before = wb.snapshot();
    const state = await readWorkbookState(contextOf(wb), { api: apiOf(wb), fills: true });
    // The user protects the sheet between the read and the write: Excel refuses the cell writes.
    wb.sheet("表1")!.protected = true;
    await expect(applyAnalysis(contextOf(wb), analysis(), state, { api: apiOf(wb) })).rejects.toMatchObject({ code: "AccessDenied" });
    expect(wb.settings.has(UNDO_SETTING)).toBe(true);
    wb.sheet("表1")!.protected = false;
    await undoLast(contextOf(wb), { api: apiOf(wb) });
    expect(wb.snapshot()).toEqual(before);
  });

  test("a run too large for the undo record is refused before anything is written, older runs kept", async () => {
    const wb = book();
    await recalc(wb);
    const after = wb.snapshot();
    const stack = wb.settings.get(UNDO_SETTING);
    // About 40 characters of record per written cell: 45,000 cells pass the 1.5 MB a setting keeps.
    // With marking off, the first run's marks (D2, A2:A3, C2, D3) would be taken back: 5 cells more.
    const writes = Array.from({ length: 45_000 }, (_, i) => cellWrite("表1", 10 + i, 3, "9.5", "0.00"));
    const state = await readWorkbookState(contextOf(wb), { api: apiOf(wb), fills: true });
    await expect(applyAnalysis(contextOf(wb), handAnalysis(writes, [], smallSummary({ replaces: true })), state, { api: apiOf(wb), lang: "en", mark: false })).rejects.toThrow(
      "This run would change 45005 cells, more than the workbook can keep an undo record for; nothing was changed.",
    );
    expect(wb.snapshot()).toEqual(after);
    expect(wb.settings.get(UNDO_SETTING)).toBe(stack);
  });

  test("a damaged record is reported, not guessed at", async () => {
    const wb = book();
    wb.settings.set(UNDO_SETTING, "{not json");
    await expect(undoLast(contextOf(wb), { api: apiOf(wb) })).rejects.toThrow(/撤销记录已损坏/);
  });
});

describe("采用计算值 on the undo stack", () => {
  const fix: Fix = { finding: 0, sheet: "表1", cell: "D3", row: 2, col: 3, before: "8", after: "9", numFmt: "0.0" };

  test("a value typed over the cell 采用计算值 wrote: 撤销 is refused, naming it, nothing changed (review round 54b, H2)", async () => {
    const wb = book(18);
    await recalc(wb);
    await applyFixes(contextOf(wb), [fix], { api: apiOf(wb) });
    wb.editCell("表1", "D4", 0); // elsewhere: not a cell the run or the fix wrote
    wb.editCell("表1", "D3", 8.5);
    const after = wb.snapshot();
    await expect(undoLast(contextOf(wb), { api: apiOf(wb) })).rejects.toThrow(/已被改动（.*）：表1!D3。/);
    expect(wb.snapshot()).toEqual(after);
    expect(await hasUndo(contextOf(wb))).toBe(true);
  });

  test("the cell 采用计算值 wrote left as it was, or typed back to its value before the run: 撤销 takes the run and the fix back", async () => {
    for (const typed of [undefined, 8]) {
      const wb = book(18);
      const before = wb.snapshot();
      await recalc(wb);
      await applyFixes(contextOf(wb), [fix], { api: apiOf(wb) });
      if (typed !== undefined) wb.editCell("表1", "D3", typed);
      await undoLast(contextOf(wb), { api: apiOf(wb) });
      expect(wb.snapshot()).toEqual(before);
    }
  });

  test("joins the newest run; an older run that no longer fits leaves the stack with its backup sheet", async () => {
    const wb = book();
    await recalc(wb);
    await recalc(wb, handAnalysis([], [], smallSummary({ replaces: true })));
    await recalc(wb, handAnalysis([], [], smallSummary({ replaces: true })));
    const [newest, middle] = parseUndoStack(wb.settings.get(UNDO_SETTING))!;
    const middleBackup = middle.summary!.backup!;
    expect(wb.sheet(middleBackup)).toBeDefined();
    // The older run grows until the stack is 10 characters short of what it may hold: with the
    // fix's cell in the newest run it no longer fits.
    const grown = (padding: number): UndoRecord => ({ ...middle, sheets: [...middle.sheets, { name: "表1", entries: [{ r: 40, c: 0, v: "x".repeat(padding), f: "General" }] }] });
    const stackOf = (padding: number) => JSON.stringify([newest, grown(padding)]);
    const full = stackOf(UNDO_RECORD_MAX_CHARS - 10 - stackOf(0).length);
    expect(full.length).toBe(UNDO_RECORD_MAX_CHARS - 10);
    wb.settings.set(UNDO_SETTING, full);

    expect(await applyFixes(contextOf(wb), [fix], { api: apiOf(wb) })).toBe(1);
    const stack = parseUndoStack(wb.settings.get(UNDO_SETTING))!;
    expect(stack).toHaveLength(1);
    expect(stack[0].summary).toEqual(newest.summary);
    expect(stack[0].sheets.flatMap((s) => s.entries)).toContainEqual(expect.objectContaining({ r: 2, c: 3 }));
    expect(wb.sheet(middleBackup)).toBeUndefined();
    expect(wb.sheet(newest.summary!.backup!)).toBeDefined();
  });
});
