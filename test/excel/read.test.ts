import { readWorkbookState, fillAt } from "../../src/excel/read";
import { UNDO_BACKUP_SHEET } from "../../src/core/summary-sheet";
import { apiOf, contextOf, fakeBook, sheet } from "./helpers";

describe("readWorkbookState: the grid", () => {
  test("reads every sheet with merged areas, number formats and error values, in two syncs", async () => {
    const book = fakeBook([
      sheet(
        "指标",
        [
          ["一级指标", "二级指标", "指标值", "得分"],
          ["产出指标", "数量指标", 0.98, { error: "#DIV/0!" }],
          [null, null, 12, true],
        ],
        ["A2:A3"],
        [[], [undefined, undefined, "0%"]],
      ),
      sheet("预算", [["全年预算数", "执行数"], [100, 80]]),
    ]);
    const grid = (await readWorkbookState(contextOf(book), { api: apiOf(book) })).grid;
    expect(book.syncCount).toBe(2);
    expect(grid.sheets.map((s) => s.name)).toEqual(["指标", "预算"]);
    const [indicators] = grid.sheets;
    expect(indicators.values).toEqual([
      ["一级指标", "二级指标", "指标值", "得分"],
      ["产出指标", "数量指标", 0.98, { error: "#DIV/0!" }],
      [null, null, 12, true],
    ]);
    expect(indicators.numFmts[1][2]).toBe("0%");
    expect(indicators.numFmts[1][0]).toBeUndefined(); // General, as the xlsx reader leaves it
    expect(indicators.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 0 }]);
  });

  test("a used range away from A1 keeps absolute positions", async () => {
    const values = [[], [], [null, null, "标题"], [null, null, 1, 2]];
    const book = fakeBook([sheet("表", values, ["C3:D3"])]);
    const grid = (await readWorkbookState(contextOf(book), { api: apiOf(book) })).grid;
    const read = grid.sheets[0];
    expect(read.values[2][2]).toBe("标题");
    expect(read.values[3]).toEqual([null, null, 1, 2]);
    expect(read.values[0]).toEqual([]);
    expect(read.merges).toEqual([{ top: 2, left: 2, bottom: 2, right: 3 }]);
  });

  test("blank sheets read as empty and the undo backup sheet is skipped", async () => {
    const book = fakeBook([sheet("空", []), sheet("表", [["a"]]), sheet(UNDO_BACKUP_SHEET, [["旧的综合得分"]])]);
    const state = await readWorkbookState(contextOf(book), { api: apiOf(book) });
    expect(state.grid.sheets.map((s) => [s.name, s.values])).toEqual([
      ["空", []],
      ["表", [["a"]]],
    ]);
    expect(state.sheets.map((s) => s.name)).toContain(UNDO_BACKUP_SHEET);
  });

  test("a hidden or very hidden sheet is read, and known to be hidden", async () => {
    const book = fakeBook([sheet("2022年", [["a"]]), sheet("说明", [["b"]]), sheet("表", [["c"]])]);
    book.sheet("2022年")!.visibility = "Hidden";
    book.sheet("说明")!.visibility = "VeryHidden";
    const grid = (await readWorkbookState(contextOf(book), { api: apiOf(book) })).grid;
    expect(grid.sheets.map((s) => [s.name, s.values, s.hidden])).toEqual([
      ["2022年", [["a"]], true],
      ["说明", [["b"]], true],
      ["表", [["c"]], undefined],
    ]);
  });

  test("reads the hidden columns in the same two syncs, in every block of a chunked read, and not below ExcelApi 1.9", async () => {
    const values = [["a", "b", "c", "d"], ["e", null, null, "f"], ["g", null, null, "h"]];
    const hiding = (options: { apiMinor?: number; limits?: { getCells: number } } = {}) => {
      const book = fakeBook([sheet("表", values), sheet("其他", [["x"]])], options);
      book.sheet("表")!.hiddenColumns = [{ first: 1, last: 2 }];
      return book;
    };
    const book = hiding();
    const grid = (await readWorkbookState(contextOf(book), { api: apiOf(book) })).grid;
    expect(book.syncCount).toBe(2);
    expect(grid.sheets.map((s) => s.hiddenColumns)).toEqual([[{ first: 1, last: 2 }], undefined]);
    const chunked = hiding({ limits: { getCells: 4 } });
    expect((await readWorkbookState(contextOf(chunked), { api: apiOf(chunked) })).grid.sheets[0].hiddenColumns).toEqual([{ first: 1, last: 2 }]);
    const old = hiding({ apiMinor: 8 });
    expect((await readWorkbookState(contextOf(old), { api: apiOf(old) })).grid.sheets[0].hiddenColumns).toBeUndefined();
  });

  test("a hidden column is placed by its answer's place in a used range that starts past column A", async () => {
    const book = fakeBook([sheet("表", [[null, null, "a", "b", "c"], [null, null, "d", "e", "f"]])]);
    book.sheet("表")!.hiddenColumns = [{ first: 3, last: 3 }];
    const grid = (await readWorkbookState(contextOf(book), { api: apiOf(book) })).grid;
    expect(grid.sheets[0].hiddenColumns).toEqual([{ first: 3, last: 3 }]);
  });

  test("without ExcelApi 1.13 merged areas are not asked for", async () => {
    const book = fakeBook([sheet("表", [["a", null]], ["A1:B1"])], { apiMinor: 12 });
    const grid = (await readWorkbookState(contextOf(book), { api: apiOf(book) })).grid;
    expect(grid.sheets[0].merges).toEqual([]);
  });

  test("marks formula cells (even with a blank result) at absolute positions, in the same two syncs", async () => {
    const values = [[], [null, "预算", "执行", "执行率", "得分"], [null, 100, 90, null, null], [null, 0, 0, null, 5]];
    const book = fakeBook([sheet("表", values), sheet("无公式", [["a"]])]);
    const s = book.sheet("表")!;
    Object.assign(s.cellForWrite(2, 3), { formula: '=IF(B3=0,"",C3/B3)', value: 0.9 });
    Object.assign(s.cellForWrite(3, 3), { formula: '=IF(B4=0,"",C4/B4)', value: "" });
    Object.assign(s.cellForWrite(2, 4), { formula: "=D3*10", value: "" }); // no cached result
    const state = await readWorkbookState(contextOf(book), { api: apiOf(book), fills: true });
    expect(book.syncCount).toBe(2);
    const [read, plain] = state.grid.sheets;
    expect(read.values[2]).toEqual([null, 100, 90, 0.9, null]);
    expect(read.values[3]).toEqual([null, 0, 0, null, 5]);
    expect(read.formulas).toEqual([[], [], [undefined, undefined, undefined, true, true], [undefined, undefined, undefined, true]]);
    expect(plain.formulas).toBeUndefined();
  });

  test("formula cells are found in every block of a chunked read, and not asked for below ExcelApi 1.9", async () => {
    const values = [["a", "b"], ["c", null], ["e", null]];
    const withFormulas = (apiMinor?: number) => {
      const book = fakeBook([sheet("表", values)], { apiMinor, limits: { getCells: 4 } });
      for (const row of [1, 2]) Object.assign(book.sheet("表")!.cellForWrite(row, 1), { formula: "=A1", value: "" });
      return book;
    };
    const book = withFormulas();
    const grid = (await readWorkbookState(contextOf(book), { api: apiOf(book) })).grid;
    expect(grid.sheets[0].values).toEqual([["a", "b"], ["c", null], ["e", null]]);
    expect(grid.sheets[0].formulas).toEqual([[], [undefined, true], [undefined, true]]);
    const old = withFormulas(8);
    const oldGrid = (await readWorkbookState(contextOf(old), { api: apiOf(old) })).grid;
    expect(oldGrid.sheets[0].formulas).toBeUndefined();
  });

  test("reads protection and, on request, the fill of every cell", async () => {
    const book = fakeBook([sheet("表", [["a", "b"]])], { fills: { 表: { B1: "#FFC7CE" } } });
    book.sheet("表")!.protected = true;
    book.protected = true;
    const state = await readWorkbookState(contextOf(book), { api: apiOf(book), fills: true });
    expect(state.sheets).toEqual([{ name: "表", position: 0, visibility: "Visible", protected: true }]);
    expect(state.workbookProtected).toBe(true);
    expect([fillAt(state, "表", 0, 0), fillAt(state, "表", 0, 1), fillAt(state, "表", 5, 5)]).toEqual([null, "#FFC7CE", undefined]);
  });
});

describe("readWorkbookState: large workbooks", () => {
  test("300 sheets in two syncs", async () => {
    const sheets = Array.from({ length: 300 }, (_, i) =>
      sheet(`表${i + 1}`, [["一级指标", "二级指标", "得分"], ["产出指标", "数量指标", i]]),
    );
    const book = fakeBook(sheets);
    const state = await readWorkbookState(contextOf(book), { api: apiOf(book), fills: true });
    expect(book.syncCount).toBe(2);
    expect(state.grid.sheets).toHaveLength(300);
    expect(state.grid.sheets[299].values[1][2]).toBe(299);
  });

  test("a response over 5 MB falls back to row blocks and reads the same grid", async () => {
    const rows = 60_000;
    const values = Array.from({ length: rows }, (_, r) => [`第${r}行的指标名称`, r, r % 7 === 0 ? "说明" : null]);
    const merges = Array.from({ length: 600 }, (_, i) => `A${i * 100 + 1}:A${i * 100 + 2}`);
    const book = fakeBook([sheet("大表", values, merges), sheet("小表", [["a"]])]);
    const state = await readWorkbookState(contextOf(book), { api: apiOf(book), fills: true });
    const big = state.grid.sheets[0];
    expect(big.values).toHaveLength(rows);
    expect(big.values[rows - 1]).toEqual([`第${rows - 1}行的指标名称`, rows - 1, null]);
    expect(big.merges).toHaveLength(600);
    expect(state.grid.sheets[1].values).toEqual([["a"]]);
    expect(fillAt(state, "大表", rows - 1, 1)).toBeNull();
    // names, the failed whole read, used-range addresses, then blocks of ≤ 4 MB (~40k cells).
    expect(book.syncCount).toBeGreaterThanOrEqual(5);
    expect(book.syncCount).toBeLessThanOrEqual(8);
  });

  test("more than 512 merged areas on a sheet are read in smaller blocks", async () => {
    const values = Array.from({ length: 1200 }, (_, r) => [`项目${r}`, null]);
    const merges = Array.from({ length: 1200 }, (_, r) => `A${r + 1}:B${r + 1}`);
    const book = fakeBook([sheet("多合并", values, merges)]);
    const grid = (await readWorkbookState(contextOf(book), { api: apiOf(book) })).grid;
    expect(grid.sheets[0].merges).toHaveLength(1200);
    // names, the failed whole read, addresses, the failed 1200-row block, its two 600-row halves
    // (both over 512), then four blocks of 300 rows.
    expect(book.syncCount).toBe(10);
    expect(grid.sheets[0].values[1199][0]).toBe("项目1199");
  });

  test("a used range over five million cells comes back null and is re-read in blocks", async () => {
    const book = fakeBook([sheet("表", [["a", "b"], ["c", "d"], ["e", "f"]])], { limits: { getCells: 4 } });
    const grid = (await readWorkbookState(contextOf(book), { api: apiOf(book) })).grid;
    expect(grid.sheets[0].values).toEqual([["a", "b"], ["c", "d"], ["e", "f"]]);
  });
});
