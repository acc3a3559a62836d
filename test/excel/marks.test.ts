/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import fc from "fast-check";
import { analyze } from "../../src/core/analyze";
import { SHEET_COLUMNS, cellKey } from "../../src/core/grid";
import { FILLED_COLOR, MARK_COLORS, NOTE_PREFIX } from "../../src/core/marks";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { STATE_NAMESPACE } from "../../src/core/state";
import { cleanMarks } from "../../src/excel/clean";
import { readWorkbookState } from "../../src/excel/read";
import { undoLast } from "../../src/excel/undo";
import { applyAnalysis } from "../../src/excel/write";
import { FakeWorkbook } from "../../src/playground/fake-excel";
import { INDICATOR_HEADER, sheet as gridSheet } from "../support/grid";
import { apiOf, contextOf } from "./helpers";

/** An indicator table with two wrong scores (G3, G4) and a blank one (G2). */
function rows(g3: number, g4: number): (string | number | null)[][] {
  return [
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "培训场次", "≥10场", "8场", 50, null, "停办两场"],
    ["效益指标", "社会效益", "群众满意度", "≥90%", "95%", 30, g3, ""],
    ["满意度指标", "满意度", "服务对象满意度", "≥90%", "90%", 20, g4, ""],
  ];
}

function book(apiMinor: number, g3 = 20, g4 = 10): FakeWorkbook {
  const wb = FakeWorkbook.fromGrid({ sheets: [gridSheet({ name: "自评表", rows: rows(g3, g4) })] }, {
    apiMinor,
    fills: { 自评表: { G4: "#00B050", A1: "#FFFF00" } },
    notes: { 自评表: { G4: "张三：请复核", A1: "表头说明" } },
  });
  return wb;
}

/** One 一键重算 as the add-in runs it: read, analyse, write. */
async function recalc(wb: FakeWorkbook): Promise<{ written: number; marked: number }> {
  const state = await readWorkbookState(contextOf(wb), { api: apiOf(wb), fills: true });
  const analysis = analyze(state.grid, DEFAULT_PROFILE, { lang: "zh" });
  return applyAnalysis(contextOf(wb), analysis, state, { api: apiOf(wb), lang: "zh" });
}

/** How many cells of 自评表 differ between two snapshots, in value, format, fill or note. */
function cellsChanged(a: ReturnType<FakeWorkbook["snapshot"]>, b: ReturnType<FakeWorkbook["snapshot"]>): number {
  const [was, now] = [a, b].map((s) => s.sheets.find((sheet) => sheet.name === "自评表")!);
  const addresses = new Set([...Object.keys(was.cells), ...Object.keys(now.cells), ...Object.keys(was.notes), ...Object.keys(now.notes)]);
  const look = (s: typeof was, address: string) => JSON.stringify([s.cells[address] ?? null, s.notes[address] ?? null]);
  return [...addresses].filter((address) => look(was, address) !== look(now, address)).length;
}

const setValue = (wb: FakeWorkbook, address: string, value: number | string) => {
  const [col, row] = [address.charCodeAt(0) - 65, Number(address.slice(1)) - 1];
  wb.sheet("自评表")!.cellForWrite(row, col).value = value;
};

describe("marks in Excel (notes API, ExcelApi 1.18)", () => {
  test("every mark has a note starting 绩效自评助手：, a user's note comes first, and the record is a custom XML part", async () => {
    const wb = book(18);
    await recalc(wb);
    const sheet = wb.snapshot().sheets[0];
    const marked = Object.entries(sheet.cells).filter(([address, cell]) => cell.fill !== null && !["A1"].includes(address) && cell.fill !== "#00B050");
    expect(marked.length).toBeGreaterThan(0);
    for (const [address] of marked) expect([address, sheet.notes[address]?.includes(NOTE_PREFIX)]).toEqual([address, true]);
    // The value jixiao filled in: how it was computed, with the row's figures.
    expect(sheet.notes.G2).toBe(`${NOTE_PREFIX}由 分值×实际完成值÷年度指标值 补填：50×8÷10=40.00`);
    expect(sheet.notes.G4).toMatch(new RegExp(`^张三：请复核\\n\\n${NOTE_PREFIX}\\n【错误】`));
    expect(sheet.notes.A1).toBe("表头说明");
    expect(wb.customXmlParts).toHaveLength(1);
    expect(wb.customXmlParts[0].xml).toContain(`xmlns="${STATE_NAMESPACE}"`);
  });

  test("a rerun after a fix takes back exactly the stale mark, restoring the user's fill and note", async () => {
    const wb = book(18);
    await recalc(wb);
    const first = wb.snapshot().sheets[0];
    setValue(wb, "G4", 20); // 满意度 90% of ≥90%: full marks
    await recalc(wb);
    const second = wb.snapshot().sheets[0];
    expect(second.cells.G4.fill).toBe("#00B050");
    expect(second.notes.G4).toBe("张三：请复核");
    // The other marks stay as they were.
    expect(second.cells.G3.fill).toBe(first.cells.G3.fill);
    expect(second.notes.G3).toBe(first.notes.G3);
    expect(second.notes.G2).toBe(first.notes.G2);
    expect(wb.customXmlParts).toHaveLength(1);
  });

  test("a rerun after the user changed an input fills jixiao's own value in again, with no finding against it; 清除标记 blanks it", async () => {
    const wb = book(18);
    await recalc(wb);
    expect(wb.snapshot().sheets[0].cells.G2.value).toBe(40);
    setValue(wb, "E2", "9场"); // 培训场次: 9 of ≥10 场, 45 of 50
    const state = await readWorkbookState(contextOf(wb), { api: apiOf(wb), fills: true });
    const analysis = analyze(state.grid, DEFAULT_PROFILE, { lang: "zh" });
    expect(analysis.findings.filter((f) => f.cell === "G2")).toEqual([]);
    expect((await applyAnalysis(contextOf(wb), analysis, state, { api: apiOf(wb), lang: "zh" })).written).toBe(1);
    const second = wb.snapshot().sheets[0];
    expect([second.cells.G2.value, second.notes.G2]).toEqual([45, `${NOTE_PREFIX}由 分值×实际完成值÷年度指标值 补填：50×9÷10=45.00`]);
    await cleanMarks(contextOf(wb), { api: apiOf(wb) });
    expect(wb.snapshot().sheets[0].cells.G2?.value ?? null).toBeNull();
  });

  test("a rerun after the user blanked the input of a value jixiao filled in takes it back with its mark; 撤销 brings it back", async () => {
    const wb = book(18);
    await recalc(wb);
    setValue(wb, "E2", "");
    const blanked = wb.snapshot();
    await recalc(wb);
    const second = wb.snapshot().sheets[0];
    expect([second.cells.G2?.value ?? null, second.cells.G2?.fill ?? null, second.notes.G2]).toEqual([null, null, undefined]);
    await undoLast(contextOf(wb), { api: apiOf(wb) });
    expect({ ...wb.snapshot(), settings: {} }).toEqual({ ...blanked, settings: {} });
  });

  test("undo of three runs in a row gives back the workbook as it was, notes and record included", async () => {
    const wb = book(18);
    const before = wb.snapshot();
    const changed: number[] = [];
    const run = async () => {
      const was = wb.snapshot();
      await recalc(wb);
      changed.push(cellsChanged(was, wb.snapshot()));
    };
    await run();
    setValue(wb, "G4", 20);
    const afterFix = wb.snapshot();
    await run();
    await run();
    // A run that changes nothing still rewrote its marks as they were: undo restores them as they were.
    expect(changed[2]).toBe(0);
    await undoLast(contextOf(wb), { api: apiOf(wb) });
    await undoLast(contextOf(wb), { api: apiOf(wb) });
    const afterTwo = wb.snapshot();
    expect({ ...afterTwo, settings: {} }).toEqual({ ...afterFix, settings: {} });
    // The first run's undo says it restored the cells of 自评表 that run changed (value, format, fill or note).
    expect(changed[0]).toBeGreaterThan(0);
    expect(await undoLast(contextOf(wb), { api: apiOf(wb) })).toBe(changed[0]);
    // The fix the user typed is theirs: undo takes back jixiao's runs, not it.
    setValue(wb, "G4", 10);
    expect(wb.snapshot()).toEqual(before);
    expect(wb.customXmlParts).toEqual([]);
    expect(await undoLast(contextOf(wb), { api: apiOf(wb) })).toBeNull();
  });

  test("清除标记 after a run gives the sheet back exactly as before the run; 撤销 brings the run's result back", async () => {
    const wb = book(18);
    const before = wb.snapshot().sheets[0];
    await recalc(wb);
    const marked = wb.snapshot();
    const outcome = await cleanMarks(contextOf(wb), { api: apiOf(wb), removeSummary: true });
    expect(outcome.summaryRemoved).toBe("综合得分");
    const after = wb.snapshot();
    expect(after.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name)).toEqual(["自评表"]);
    // Values, number formats, fills and notes: the value jixiao filled in (G2) blank again too.
    expect(after.sheets[0]).toEqual(before);
    await undoLast(contextOf(wb), { api: apiOf(wb) });
    expect({ ...wb.snapshot(), settings: {} }).toEqual({ ...marked, settings: {} });
  });

  test("清除标记 without removing the summary names it as one that can go; asked again, it goes, unless written in since the run", async () => {
    const wb = book(18);
    await recalc(wb);
    expect(await cleanMarks(contextOf(wb), { api: apiOf(wb) })).toMatchObject({ summaryRemoved: null, summaryRemovable: "综合得分", summaryWrittenIn: [] });
    const written = book(18);
    await recalc(written);
    await cleanMarks(contextOf(written), { api: apiOf(written) });
    written.sheet("综合得分")!.cellForWrite(40, 0).value = "审核意见：同意";
    const before = written.snapshot();
    expect(await cleanMarks(contextOf(written), { api: apiOf(written) })).toMatchObject({ summaryRemovable: null, summaryWrittenIn: [] });
    const outcome = await cleanMarks(contextOf(written), { api: apiOf(written), removeSummary: true });
    expect(outcome).toMatchObject({ summaryRemoved: null, summaryRemovable: null, summaryWrittenIn: ["综合得分"] });
    // Refused, it changed nothing, and left no step for 撤销: the one left takes the first 清除标记 back.
    expect(written.snapshot()).toEqual(before);
    expect(await undoLast(contextOf(written), { api: apiOf(written) })).toBeGreaterThan(0);
    expect(await cleanMarks(contextOf(wb), { api: apiOf(wb), removeSummary: true })).toMatchObject({ summaryRemoved: "综合得分", summaryRemovable: null });
  });

  test("where jixiao's record was lost, 清除标记 finds jixiao's 综合得分 by its footer and can put it away, as jixiao clean does", async () => {
    const wb = book(18);
    await recalc(wb);
    // Another program saved the workbook without jixiao's custom XML part.
    wb.customXmlParts.length = 0;
    expect(await cleanMarks(contextOf(wb), { api: apiOf(wb) })).toMatchObject({ summaryRemoved: null, summaryRemovable: "综合得分" });
    expect(await cleanMarks(contextOf(wb), { api: apiOf(wb), removeSummary: true })).toMatchObject({ summaryRemoved: "综合得分" });
    expect(wb.snapshot().sheets.filter((s) => s.visibility === "Visible").map((s) => s.name)).toEqual(["自评表"]);
  });

  test("清除标记 with 同时移除 leaves no empty record part, as `jixiao clean` does; 撤销 brings the record back (review round 54b, L1)", async () => {
    const wb = book(18);
    await recalc(wb);
    const afterRun = wb.snapshot();
    expect(wb.customXmlParts).toHaveLength(1);
    await cleanMarks(contextOf(wb), { api: apiOf(wb), removeSummary: true });
    expect(wb.customXmlParts).toHaveLength(0);
    await undoLast(contextOf(wb), { api: apiOf(wb) });
    expect(wb.snapshot()).toEqual(afterRun);
  });

  describe("after the user inserted a row above the marks, or renamed the sheet (review round 23b)", () => {
    /** A row inserted at `at` as Excel inserts one: the cells, notes and merged areas below move down a row. */
    function insertRow(wb: FakeWorkbook, at: number): void {
      const sheet = wb.sheet("自评表")!;
      const down = <T>(map: Map<number, T>) => {
        const moved = [...map].map(([k, v]): [number, T] => [Math.floor(k / SHEET_COLUMNS) >= at ? k + SHEET_COLUMNS : k, v]);
        map.clear();
        for (const [k, v] of moved) map.set(k, v);
      };
      down(sheet.cells);
      down(sheet.notes);
      sheet.merges = sheet.merges.map((m) => (m.top >= at ? { ...m, top: m.top + 1, bottom: m.bottom + 1 } : m));
    }
    /** The sheet as before the run, with the same row inserted: what 清除标记 must give back. */
    const withRowInserted = (wb: FakeWorkbook, at: number) => {
      insertRow(wb, at);
      return wb.snapshot().sheets[0];
    };

    test("清除标记 takes every mark back where its note is now, and the value jixiao filled in", async () => {
      const expected = withRowInserted(book(18), 1);
      const wb = book(18);
      await recalc(wb);
      insertRow(wb, 1);
      await cleanMarks(contextOf(wb), { api: apiOf(wb), removeSummary: true });
      expect(wb.snapshot().sheets[0]).toEqual(expected);
    });

    test("a rerun writes jixiao's text once in each note, and 清除标记 then gives the sheet back", async () => {
      const expected = withRowInserted(book(18), 1);
      const wb = book(18);
      await recalc(wb);
      insertRow(wb, 1);
      await recalc(wb);
      const jixiaoNotes = Object.values(wb.snapshot().sheets[0].notes).filter((text) => text.includes("绩效自评助手："));
      expect(jixiaoNotes.length).toBeGreaterThan(0);
      for (const text of jixiaoNotes) expect(text.split("绩效自评助手：")).toHaveLength(2);
      await cleanMarks(contextOf(wb), { api: apiOf(wb), removeSummary: true });
      expect(wb.snapshot().sheets[0]).toEqual(expected);
    });

    test("rows inserted between two runs: the second 撤销 is refused, naming the moved marks, and the user's note, fill and text stay (review round 54b, H1)", async () => {
      // The header G1 has the user's note and yellow fill (and nothing else has); an inserted row
      // brings them to G2, where jixiao filled in a value.
      const withUsersWork = () =>
        FakeWorkbook.fromGrid({ sheets: [gridSheet({ name: "自评表", rows: rows(20, 10) })] }, {
          apiMinor: 18,
          fills: { 自评表: { G1: "#FFFF00" } },
          notes: { 自评表: { G1: "张会计：原因见附件3" } },
        });
      const expected = withUsersWork();
      insertRow(expected, 0);
      const wb = withUsersWork();
      await recalc(wb);
      insertRow(wb, 0);
      await recalc(wb);
      await undoLast(contextOf(wb), { api: apiOf(wb) });
      const afterFirstUndo = wb.snapshot();
      await expect(undoLast(contextOf(wb), { api: apiOf(wb) })).rejects.toThrow(/以下内容在上次重算后已被改动（.*）：.*自评表!G3/); // G2's mark, where it is now
      expect(wb.snapshot()).toEqual(afterFirstUndo);
      const sheet = wb.snapshot().sheets[0];
      expect([sheet.cells.G2?.value, sheet.cells.G2?.fill, sheet.notes.G2]).toEqual([expected.snapshot().sheets[0].cells.G2.value, "#FFFF00", "张会计：原因见附件3"]);
      // The record the first 撤销 gave back still finds the marks where they are: 清除标记 takes them all.
      await cleanMarks(contextOf(wb), { api: apiOf(wb), removeSummary: true });
      expect(wb.snapshot().sheets[0]).toEqual(expected.snapshot().sheets[0]);
    });

    test("rows inserted between two runs, the cells at the marks' old addresses as they were before the run: 撤销 is refused all the same, not leaving the moved marks without their record (review round 54b, H1)", async () => {
      // One mark (G4's wrong score); G2 already holds its score, so nothing is filled in.
      const fresh = () => {
        const grid = rows(30, 10);
        grid[1][6] = 40;
        return FakeWorkbook.fromGrid({ sheets: [gridSheet({ name: "自评表", rows: grid })] }, { apiMinor: 18 });
      };
      const expected = fresh();
      insertRow(expected, 1);
      const wb = fresh();
      await recalc(wb);
      insertRow(wb, 1);
      await recalc(wb);
      await undoLast(contextOf(wb), { api: apiOf(wb) });
      const afterFirstUndo = wb.snapshot();
      await expect(undoLast(contextOf(wb), { api: apiOf(wb) })).rejects.toThrow(/：自评表!G5。/); // G4's mark, moved down a row
      expect(wb.snapshot()).toEqual(afterFirstUndo);
      await cleanMarks(contextOf(wb), { api: apiOf(wb), removeSummary: true });
      expect(wb.snapshot().sheets[0]).toEqual(expected.snapshot().sheets[0]);
    });

    test("清除标记 follows the marks to the renamed sheet", async () => {
      const wb = book(18);
      const before = wb.snapshot().sheets[0];
      await recalc(wb);
      wb.sheet("自评表")!.name = "自评表（改）";
      await cleanMarks(contextOf(wb), { api: apiOf(wb), removeSummary: true });
      expect(wb.snapshot().sheets[0]).toEqual({ ...before, name: "自评表（改）" });
    });
  });

  test("清除标记 gives back the spaces a cell held before jixiao filled it in", async () => {
    const wb = book(18);
    wb.sheet("自评表")!.cellForWrite(1, 6).value = "  ";
    const before = wb.snapshot().sheets[0];
    await recalc(wb);
    expect(wb.sheet("自评表")!.cell(1, 6)!.value).toBe(40);
    await cleanMarks(contextOf(wb), { api: apiOf(wb) });
    expect(wb.snapshot().sheets[0]).toEqual(before);
  });

  test("清除标记 keeps the user's number where another row now stands (a row inserted above), even jixiao's number", async () => {
    const wb = book(18);
    await recalc(wb);
    expect(wb.sheet("自评表")!.cell(1, 6)!.value).toBe(40);
    // Row 2 is now an indicator the user inserted, its 得分 typed as 40 (half of 10台 reached: 25).
    ["产出指标", "数量指标", "新增设备", "≥10台", "5台", 50, 40, "采购延迟"].forEach((value, col) => (wb.sheet("自评表")!.cellForWrite(1, col).value = value));
    await cleanMarks(contextOf(wb), { api: apiOf(wb) });
    expect(wb.sheet("自评表")!.cell(1, 6)!.value).toBe(40);
  });

  test("清除标记 keeps a formula the user wrote over a value jixiao filled in, even one with the same result", async () => {
    const wb = book(18);
    await recalc(wb);
    const g2 = wb.sheet("自评表")!.cellForWrite(1, 6);
    const filled = g2.value;
    expect(filled).toBe(40);
    g2.formula = "=F2*8/10";
    await cleanMarks(contextOf(wb), { api: apiOf(wb) });
    const after = wb.sheet("自评表")!.cell(1, 6)!;
    expect([after.formula, after.value]).toEqual(["=F2*8/10", 40]);
  });

  test("below ExcelApi 1.18: colour alone, no notes written, the user's notes untouched", async () => {
    const wb = book(13);
    await recalc(wb);
    expect(wb.snapshot().sheets[0].notes).toEqual({ A1: "表头说明", G4: "张三：请复核" });
    expect(wb.snapshot().sheets[0].cells.G3.fill).toBe("#FFC7CE");
  });
});

describe("清除标记 where jixiao's record does not list a note (another program dropped it, a note copied)", () => {
  const jixiaoOnly = `${NOTE_PREFIX}\n【错误】得分 20 超过按完成情况计算的 19`;
  const userAndJixiao = `张三：请复核\n\n${NOTE_PREFIX}\n【错误】得分 10 低于按完成情况计算的 20`;
  /** The indicator table as a run left it, saved by a program that dropped jixiao's record and its undo stack. */
  function bookWithoutRecord(apiMinor: number): FakeWorkbook {
    return FakeWorkbook.fromGrid({ sheets: [gridSheet({ name: "自评表", rows: rows(20, 10) })] }, {
      apiMinor,
      fills: { 自评表: { G3: MARK_COLORS.error, G4: MARK_COLORS.error, A1: "#FFFF00" } },
      // H2: the user's own note that happens to start as jixiao's do.
      notes: { 自评表: { G3: jixiaoOnly, G4: userAndJixiao, A1: "表头说明", H2: `${NOTE_PREFIX}这一行待补` } },
    });
  }

  test("no record: jixiao's text leaves both notes, the user's own text stays, and both cells are named to check", async () => {
    const wb = bookWithoutRecord(18);
    const before = wb.snapshot().sheets[0];
    const outcome = await cleanMarks(contextOf(wb), { api: apiOf(wb) });
    expect(outcome).toEqual({ removed: 0, cleared: 0, unrecordedNotes: 2, toCheck: ["自评表!G3", "自评表!G4"], summaryRemoved: null, summaryRemovable: null, summaryWrittenIn: [] });
    const after = wb.snapshot().sheets[0];
    expect(after.notes).toEqual({ G4: "张三：请复核", A1: "表头说明", H2: `${NOTE_PREFIX}这一行待补` });
    // Without the record nothing tells jixiao's fills and values from the user's: they stay.
    expect(after.cells).toEqual(before.cells);
  });

  test("no record: a filled-in value's note goes, with its figures or as builds before them wrote it; the user's look-alike stays", async () => {
    const wb = FakeWorkbook.fromGrid({ sheets: [gridSheet({ name: "自评表", rows: rows(20, 10) })] }, {
      apiMinor: 18,
      fills: { 自评表: { G2: FILLED_COLOR, G3: FILLED_COLOR } },
      notes: {
        自评表: {
          G2: `${NOTE_PREFIX}由 分值×实际完成值÷年度指标值 补填：50×8÷10=40.00`,
          G3: `张三：请复核\n\n${NOTE_PREFIX}由 分值×实际完成值÷年度指标值 补填`,
          H2: `${NOTE_PREFIX}由 执行数÷全年预算数 补填：张三已核`,
        },
      },
    });
    const outcome = await cleanMarks(contextOf(wb), { api: apiOf(wb) });
    expect([outcome.unrecordedNotes, outcome.toCheck]).toEqual([2, ["自评表!G2", "自评表!G3"]]);
    expect(wb.snapshot().sheets[0].notes).toEqual({ G3: "张三：请复核", H2: `${NOTE_PREFIX}由 执行数÷全年预算数 补填：张三已核` });
  });

  test("撤销 brings the notes back as they were", async () => {
    const wb = bookWithoutRecord(18);
    const before = wb.snapshot();
    await cleanMarks(contextOf(wb), { api: apiOf(wb) });
    expect(wb.snapshot().sheets[0].notes.G3).toBeUndefined();
    expect(await undoLast(contextOf(wb), { api: apiOf(wb) })).toBe(2);
    expect({ ...wb.snapshot(), settings: {} }).toEqual(before);
  });

  test("with a record: its notes are taken back as before, and a marked cell's note copied elsewhere loses jixiao's text too", async () => {
    const wb = book(18);
    const before = wb.snapshot().sheets[0];
    await recalc(wb);
    const marked = wb.sheet("自评表")!;
    // The user copied G4 (its note: their own text, then jixiao's) to I4.
    const copied = marked.notes.get(cellKey(3, 6))!;
    expect(copied.startsWith("张三：请复核\n\n")).toBe(true);
    marked.notes.set(cellKey(3, 8), copied);
    const outcome = await cleanMarks(contextOf(wb), { api: apiOf(wb) });
    expect([outcome.unrecordedNotes, outcome.toCheck]).toEqual([1, ["自评表!I4"]]);
    expect(outcome.removed).toBeGreaterThan(0);
    expect(wb.snapshot().sheets[0].notes).toEqual({ ...before.notes, I4: "张三：请复核" });
  });

  test("a note on a protected sheet is refused with the sheet's name, before anything is written", async () => {
    const wb = bookWithoutRecord(18);
    wb.sheet("自评表")!.protected = true;
    const before = wb.snapshot();
    await expect(cleanMarks(contextOf(wb), { api: apiOf(wb) })).rejects.toThrow("自评表");
    expect(wb.snapshot()).toEqual(before);
  });

  test("below ExcelApi 1.18 (no notes API) the notes stay as they are and no cell is named", async () => {
    const wb = bookWithoutRecord(17);
    const before = wb.snapshot().sheets[0];
    expect(await cleanMarks(contextOf(wb), { api: apiOf(wb) })).toEqual({ removed: 0, cleared: 0, unrecordedNotes: 0, toCheck: [], summaryRemoved: null, summaryRemovable: null, summaryWrittenIn: [] });
    expect(wb.snapshot().sheets[0]).toEqual(before);
  });
});

describe("清除标记 after one or several runs (property)", () => {
  test("every user fill and note comes back, whatever the scores of each run", async () => {
    const score = fc.constantFrom(0, 10, 20, 28.5, 30);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(score, score), { minLength: 1, maxLength: 3 }), fc.constantFrom("#00B050", "#FFC7CE", "#E2EFDA"), async (runs, userFill) => {
        const wb = FakeWorkbook.fromGrid({ sheets: [gridSheet({ name: "自评表", rows: rows(runs[0][0], runs[0][1]) })] }, {
          apiMinor: 18,
          fills: { 自评表: { G3: userFill, H3: "#FFFF00" } },
          notes: { 自评表: { G4: "复核意见", H4: "备注" } },
        });
        const before = wb.snapshot().sheets[0];
        for (const [g3, g4] of runs) {
          setValue(wb, "G3", g3);
          setValue(wb, "G4", g4);
          await recalc(wb);
        }
        await cleanMarks(contextOf(wb), { api: apiOf(wb) });
        const after = wb.snapshot().sheets[0];
        expect(after.notes).toEqual(before.notes);
        for (const [address, cell] of Object.entries(before.cells)) expect([address, after.cells[address].fill]).toEqual([address, cell.fill]);
        for (const [address, cell] of Object.entries(after.cells)) if (!(address in before.cells)) expect([address, cell.fill]).toEqual([address, null]);
      }),
      { numRuns: 25 },
    );
  });
});

describe("the 综合得分 sheet in Excel", () => {
  test("prints on A4 portrait one page wide, the findings' header repeated, page numbers; one font; rows as tall as their text", async () => {
    const wb = book(18);
    await recalc(wb);
    const summary = wb.sheet("综合得分")!;
    expect(summary.pageLayout).toEqual({
      paperSize: "A4",
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: expect.stringMatching(/^\$\d+:\$\d+$/),
      centerFooter: "第 &P 页 共 &N 页",
    });
    const titleRow = Number(summary.pageLayout.printTitleRows!.split(":")[0].slice(1)) - 1;
    // One sheet holds the tables: no 工作表 column (review round 52), the add-in's sheet as the file's.
    expect(summary.cell(titleRow, 0)!.value).toBe("单元格");
    expect(summary.cell(titleRow, 3)!.value).toBe("说明");
    expect([...summary.entries()].every(({ cell }) => cell.style["font/name"] === "宋体" && cell.style["font/italic"] !== true)).toBe(true);
    // A finding's message wraps over several lines: its row is set tall enough to show them.
    expect(Math.max(...summary.rowHeights.values())).toBeGreaterThan(15);
  });

  test("a 综合得分 the user wrote in is kept; the new summary goes beside it as 综合得分(2)", async () => {
    const wb = book(18);
    await recalc(wb);
    wb.sheet("综合得分")!.cellForWrite(3, 0).value = "审核意见：同意";
    await recalc(wb);
    expect(wb.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name)).toEqual(["自评表", "综合得分", "综合得分(2)"]);
    expect(wb.sheet("综合得分")!.cell(3, 0)!.value).toBe("审核意见：同意");
    // Unedited, the new one is replaced by the next run.
    await recalc(wb);
    expect(wb.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name)).toEqual(["自评表", "综合得分", "综合得分(2)"]);
  });
});
