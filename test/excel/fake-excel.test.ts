/** The fake must be strict where Office.js is, or adapter tests would pass on code that fails in Excel. */
import { FakeRequestContext, FakeRichApiError, FakeWorkbook, parseA1 } from "../../src/playground/fake-excel";
import { fakeBook, sheet } from "./helpers";

function book(): FakeWorkbook {
  return fakeBook([sheet("表1", [["名称", 1], ["b", 2]])]);
}

const code = async (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => undefined,
    (error: FakeRichApiError) => error.code,
  );

describe("fake Excel: load and sync", () => {
  test("reading a property that was never loaded throws", async () => {
    const ctx = new FakeRequestContext(book());
    const range = ctx.workbook.worksheets.getItem("表1").getRange("A1:B2");
    range.load("address");
    await ctx.sync();
    expect(range.address).toBe("表1!A1:B2");
    expect(() => range.values).toThrow(/values was read before it was loaded/);
  });

  test("a loaded property cannot be read before the sync", async () => {
    const ctx = new FakeRequestContext(book());
    const range = ctx.workbook.worksheets.getItem("表1").getRange("A1:B1");
    range.load("values");
    expect(() => range.values).toThrow(/PropertyNotLoaded|before it was loaded/);
    await ctx.sync();
    expect(range.values).toEqual([["名称", 1]]);
  });

  test("an empty load is refused, collections need items/… paths", async () => {
    const ctx = new FakeRequestContext(book());
    expect(() => ctx.workbook.worksheets.getItem("表1").getRange("A1").load()).toThrow(/Empty load/);
    ctx.workbook.worksheets.load("items/name");
    await ctx.sync();
    expect(ctx.workbook.worksheets.items.map((ws) => ws.name)).toEqual(["表1"]);
    expect(() => ctx.workbook.worksheets.items[0].visibility).toThrow(/visibility was read/);
  });

  test("isNullObject is known only after a sync", async () => {
    const ctx = new FakeRequestContext(book());
    const missing = ctx.workbook.worksheets.getItemOrNullObject("没有");
    expect(() => missing.isNullObject).toThrow();
    await ctx.sync();
    expect(missing.isNullObject).toBe(true);
  });

  test("writes apply at the sync, in order, and every sync is counted", async () => {
    const wb = book();
    const ctx = new FakeRequestContext(wb);
    const range = ctx.workbook.worksheets.getItem("表1").getRange("C1");
    range.values = [[5]];
    expect(wb.sheet("表1")!.cell(0, 2)).toBeUndefined();
    await ctx.sync();
    expect(wb.sheet("表1")!.cell(0, 2)!.value).toBe(5);
    expect(wb.syncCount).toBe(1);
  });

  test("a failing action stops the batch but earlier writes stay, like Office.js", async () => {
    const wb = book();
    const ctx = new FakeRequestContext(wb);
    ctx.workbook.worksheets.getItem("表1").getRange("C1").values = [[5]];
    ctx.workbook.worksheets.getItem("没有").getRange("A1").values = [[1]];
    ctx.workbook.worksheets.getItem("表1").getRange("C2").values = [[6]];
    expect(await code(ctx.sync())).toBe("ItemNotFound");
    expect(wb.sheet("表1")!.cell(0, 2)!.value).toBe(5);
    expect(wb.sheet("表1")!.cell(1, 2)).toBeUndefined();
  });
});

describe("fake Excel: limits and protection", () => {
  test("a protected sheet refuses cell writes", async () => {
    const wb = book();
    wb.sheet("表1")!.protected = true;
    const ctx = new FakeRequestContext(wb);
    ctx.workbook.worksheets.getItem("表1").getRange("A1").format.fill.color = "#FF0000";
    expect(await code(ctx.sync())).toBe("AccessDenied");
  });

  test("responses and requests over the limits fail", async () => {
    const wb = fakeBook([sheet("大", Array.from({ length: 2000 }, () => ["一段相当长的中文说明文字，用来撑大响应。"]))], { limits: { responseBytes: 50_000, requestBytes: 50_000 } });
    const ctx = new FakeRequestContext(wb);
    ctx.workbook.worksheets.getItem("大").getRange("A1:A2000").load("values");
    expect(await code(ctx.sync())).toBe("ResponsePayloadSizeLimitExceeded");
    ctx.workbook.worksheets.getItem("大").getRange("B1:B2000").values = Array.from({ length: 2000 }, () => ["很长的文字很长的文字"]);
    expect(await code(ctx.sync())).toBe("RequestPayloadSizeLimitExceeded");
    expect(wb.sheet("大")!.cell(0, 1)).toBeUndefined();
  });

  test("APIs above the workbook's requirement set fail at sync", async () => {
    const wb = fakeBook([sheet("表1", [["a"]], ["A1:B1"])], { apiMinor: 12 });
    const ctx = new FakeRequestContext(wb);
    ctx.workbook.worksheets.getItem("表1").getRange("A1:B1").getMergedAreasOrNullObject();
    expect(await code(ctx.sync())).toBe("ApiNotFound");
  });

  test("text in a cell not formatted as text is parsed as Excel would", async () => {
    const wb = book();
    const ctx = new FakeRequestContext(wb);
    const sheet1 = ctx.workbook.worksheets.getItem("表1");
    sheet1.getRange("C1:D1").values = [["=1+1", "98%"]];
    const asText = sheet1.getRange("C2:D2");
    asText.numberFormat = [["@", "@"]];
    asText.values = [["=1+1", "98%"]];
    await ctx.sync();
    const s = wb.sheet("表1")!;
    expect([s.cell(0, 2)!.value, s.cell(0, 3)!.value]).toEqual(["#NAME?", 0.98]);
    expect([s.cell(1, 2)!.value, s.cell(1, 3)!.value]).toEqual(["=1+1", "98%"]);
  });
});

describe("fake Excel: formula cells", () => {
  /** 表1 with formulas in C1:C3, D2:D3 and F5. */
  function formulaBook(apiMinor?: number): FakeWorkbook {
    const wb = fakeBook([sheet("表1", [["名称", 1], ["b", 2]])], { apiMinor });
    const s = wb.sheet("表1")!;
    for (const address of ["C1", "C2", "C3", "D2", "D3", "F5"]) {
      const { top, left } = parseA1(address);
      Object.assign(s.cellForWrite(top, left), { formula: "=A1", value: "" });
    }
    return wb;
  }

  test("getSpecialCellsOrNullObject(\"Formulas\") gives the formula cells as rectangles, after the sync", async () => {
    const ctx = new FakeRequestContext(formulaBook());
    const areas = ctx.workbook.worksheets.getItem("表1").getRange("A1:F5").getSpecialCellsOrNullObject("Formulas");
    areas.load(["address", "areas/items/rowIndex", "areas/items/columnIndex", "areas/items/rowCount", "areas/items/columnCount"]);
    expect(() => areas.isNullObject).toThrow(/before it was loaded/);
    expect(() => areas.areas.items).toThrow(/before it was loaded/);
    await ctx.sync();
    expect(areas.isNullObject).toBe(false);
    // Runs down each column, joined across columns only when they span the same rows.
    expect(areas.address).toBe("表1!C1:C3,表1!D2:D3,表1!F5");
    expect(areas.areas.items.map((a) => [a.rowIndex, a.columnIndex, a.rowCount, a.columnCount])).toEqual([
      [0, 2, 3, 1],
      [1, 3, 2, 1],
      [4, 5, 1, 1],
    ]);
  });

  test("only cells inside the range count; none gives a null object", async () => {
    const ctx = new FakeRequestContext(formulaBook());
    const sheet1 = ctx.workbook.worksheets.getItem("表1");
    const part = sheet1.getRange("D1:D2").getSpecialCellsOrNullObject("Formulas");
    part.load("address");
    const block = sheet1.getRange("C2:D3").getSpecialCellsOrNullObject("Formulas");
    block.load("address");
    const none = sheet1.getRange("A1:B5").getSpecialCellsOrNullObject("Formulas");
    await ctx.sync();
    expect(part.address).toBe("表1!D2");
    expect(block.address).toBe("表1!C2:D3");
    expect(none.isNullObject).toBe(true);
  });

  test("needs ExcelApi 1.9; other cell types are not modelled", async () => {
    const old = new FakeRequestContext(formulaBook(8));
    old.workbook.worksheets.getItem("表1").getRange("A1:F5").getSpecialCellsOrNullObject("Formulas");
    expect(await code(old.sync())).toBe("ApiNotFound");
    const ctx = new FakeRequestContext(formulaBook());
    ctx.workbook.worksheets.getItem("表1").getRange("A1:F5").getSpecialCellsOrNullObject("Constants");
    expect(await code(ctx.sync())).toBe("InvalidArgument");
  });

  test("a value written over a formula replaces it; a number format leaves it; formulas count as used", async () => {
    const wb = formulaBook();
    const ctx = new FakeRequestContext(wb);
    const sheet1 = ctx.workbook.worksheets.getItem("表1");
    sheet1.getRange("C1").values = [[5]];
    sheet1.getRange("C2").numberFormat = [["0.00%"]];
    sheet1.getRange("C3").values = [["=B1*2"]];
    const used = sheet1.getUsedRange(true);
    used.load("address");
    await ctx.sync();
    const s = wb.sheet("表1")!;
    expect(s.cell(0, 2)!.value).toBe(5);
    expect(s.cell(0, 2)!.formula).toBeUndefined();
    expect(s.cell(1, 2)).toMatchObject({ value: "", formula: "=A1", numberFormat: "0.00%" });
    expect(s.cell(2, 2)!.formula).toBe("=B1*2");
    expect(used.address).toBe("表1!A1:F5");
    expect(wb.snapshot().sheets[0].cells.F5).toEqual({ value: "", formula: "=A1", numberFormat: "General", fill: null });
    expect(wb.toGrid().sheets[0].formulas?.[4]).toEqual([undefined, undefined, undefined, undefined, undefined, true]);
  });
});

describe("fake Excel: the workbook's notes (ExcelApi 1.18)", () => {
  const notesBook = (apiMinor = 18) =>
    fakeBook([sheet("表1", [["a", 1]]), sheet("Bob's 表", [["b"]])], { apiMinor, notes: { 表1: { B2: "第二", A1: "第一" }, "Bob's 表": { C3: "第三" } } });

  test("the list of notes is read with items/content; each note's cell through getLocation, after a sync", async () => {
    const ctx = new FakeRequestContext(notesBook());
    const notes = ctx.workbook.notes;
    notes.load("items/content");
    expect(() => notes.items).toThrow(FakeRichApiError);
    await ctx.sync();
    expect(notes.items.map((n) => n.content)).toEqual(["第一", "第二", "第三"]);
    const cells = notes.items.map((n) => n.getLocation().load(["rowIndex", "columnIndex", "worksheet/name"]));
    expect(() => cells[0].rowIndex).toThrow(FakeRichApiError);
    await ctx.sync();
    expect(cells.map((c) => [c.worksheet.name, c.rowIndex, c.columnIndex])).toEqual([
      ["表1", 0, 0],
      ["表1", 1, 1],
      ["Bob's 表", 2, 2],
    ]);
  });

  test("below ExcelApi 1.18 the list fails at sync", async () => {
    const ctx = new FakeRequestContext(notesBook(17));
    ctx.workbook.notes.load("items/content");
    expect(await code(ctx.sync())).toBe("ApiNotFound");
  });
});

describe("FakeWorkbook.toGrid", () => {
  test("gives back a hidden sheet and hidden columns as fromGrid took them, so it can stand as the reader's oracle", () => {
    const grid = {
      sheets: [
        { name: "去年", values: [["a"]], numFmts: [[]], merges: [], hidden: true as const },
        { name: "表", values: [["a", "b", "c"]], numFmts: [[]], merges: [], hiddenColumns: [{ first: 1, last: 2 }] },
      ],
    };
    const sheets = FakeWorkbook.fromGrid(grid).toGrid().sheets;
    expect(sheets.map((s) => [s.name, s.hidden, s.hiddenColumns])).toEqual([
      ["去年", true, undefined],
      ["表", undefined, [{ first: 1, last: 2 }]],
    ]);
  });
});
