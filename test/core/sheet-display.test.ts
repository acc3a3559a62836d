/**
 * The page's view of a sheet (src/core/sheet-display.ts): text as the cells show it, merged areas,
 * the values jixiao filled in and the marked cells at their addresses, and the window a large sheet
 * is cut to.
 */
import { analyze } from "../../src/core/analyze";
import { CellValue, WorkbookGrid, cellAddress, parseCellAddress, parseRangeAddress } from "../../src/core/grid";
import { FILLED_COLOR, MarkEntry, NOTE_PREFIX, withMarks } from "../../src/core/marks";
import { stateJson } from "../../src/core/state";
import { DEFAULT_PROFILE } from "../../src/core/profile";
import { MAX_CELL_TEXT, MAX_SHOWN_COLS, MAX_SHOWN_ROWS, SheetDisplay, ShownCell, sheetDisplay, tableSheetDisplays } from "../../src/core/sheet-display";
import { readXlsx } from "../../src/xlsx/read";
import { BUDGET_HEADER, INDICATOR_HEADER, sheet, workbook } from "../support/grid";
import { YUNXI } from "../support/xlsx";

const at = (display: SheetDisplay, address: string): ShownCell | undefined => {
  const { row, col } = parseCellAddress(address)!;
  return display.cells.find((c) => c.row === row && c.col === col);
};

/** A 项目支出绩效自评表 as units fill it: a merged title, the budget line in money format, a merged 一级指标. */
const FORM = {
  name: "自评表",
  rows: [
    ["2023年度项目支出绩效自评表"],
    ["项目名称", "乡村学校校舍维修"],
    BUDGET_HEADER,
    ["年度资金总额", 1200000, 1234567, 925925.25, 10, null, null],
    [],
    INDICATOR_HEADER,
    ["产出指标", "数量指标", "维修校舍面积", "≥5000平方米", "5200平方米", 20, 20, null],
    [null, "质量指标", "验收合格率", "100%", "100%", 20, 20, null],
    [null, "时效指标", "完工时间", "2023年10月底前", 45199, 20, 20, null],
    ["效益指标", "社会效益指标", "学生安全保障", "有效保障", "达成", 10, 10, null],
    ["满意度指标", "服务对象满意度指标", "师生满意度", "≥90%", 0.95, 20, 25, null],
  ] as CellValue[][],
  merges: ["A1:H1", "B2:H2", "A7:A9"],
  numFmts: { B4: "#,##0.00", C4: "#,##0.00", D4: "#,##0.00", E9: "yyyy-mm-dd", E11: "0%" },
};

describe("a form an earlier run filled in", () => {
  it("shows the values that run filled in as the copy has them: taken back when they can no longer be computed, filled in again otherwise", () => {
    // The first run filled in 执行率 (F4) and 得分 (G4); the unit has since blanked 执行数 (D4).
    const shownWith = (spent: number | null) => {
      const rows = FORM.rows.map((row) => [...row]);
      rows[3] = ["年度资金总额", 1200000, 1234567, spent, 10, 0.75, 7.5];
      const entry = (area: string, value: number): MarkEntry => ({ sheet: "自评表", area, kind: "filled", color: FILLED_COLOR, text: `${NOTE_PREFIX}由 x 补填`, before: [null], value });
      const grid = { ...workbook({ ...FORM, rows }), state: stateJson(withMarks({ v: 1 }, { entries: [entry("F4", 0.75), entry("G4", 7.5)], summary: null })) } as WorkbookGrid;
      return tableSheetDisplays(grid, analyze(grid, DEFAULT_PROFILE, { lang: "zh" }), { lang: "zh", mark: true })[0];
    };
    const blanked = shownWith(null);
    expect([at(blanked, "F4"), at(blanked, "G4")]).toEqual([undefined, undefined]);
    const changed = shownWith(987654);
    expect([at(changed, "F4")!.text, at(changed, "G4")!.text]).toEqual(["80.00%", "8.00"]);
  });
});

describe("a form's sheet", () => {
  const grid = workbook(FORM);
  const analysis = analyze(grid, DEFAULT_PROFILE, { lang: "zh" });
  const [display] = tableSheetDisplays(grid, analysis, { lang: "zh", mark: true });

  it("shows each cell's text as its number format shows it", () => {
    expect(display.sheet).toBe("自评表");
    expect(at(display, "C4")).toEqual({ row: 3, col: 2, text: "1,234,567.00", numeric: true });
    expect(at(display, "D4")!.text).toBe("925,925.25");
    expect(at(display, "E9")!.text).toBe("2023-09-30");
    expect(at(display, "E11")!.text).toBe("95%");
    expect(at(display, "D7")).toEqual({ row: 6, col: 3, text: "≥5000平方米" });
    // Empty cells are not sent.
    expect(at(display, "H7")).toBeUndefined();
  });

  it("draws a merged area once, from its top-left cell, with its spans", () => {
    expect(at(display, "A1")).toMatchObject({ text: "2023年度项目支出绩效自评表", colSpan: 8 });
    expect(at(display, "A1")!.rowSpan).toBeUndefined();
    expect(at(display, "B2")).toMatchObject({ text: "乡村学校校舍维修", colSpan: 7 });
    expect(at(display, "A7")).toMatchObject({ text: "产出指标", rowSpan: 3 });
    for (const covered of ["B1", "H1", "C2", "A8", "A9"]) expect(at(display, covered)).toBeUndefined();
  });

  it("shows the values jixiao filled in, in their formats, marked as filled with how they were computed", () => {
    expect(analysis.writes.map((w) => w.cell)).toEqual(["F4", "G4"]);
    expect(at(display, "F4")).toEqual({ row: 3, col: 5, text: "75.00%", numeric: true, mark: "filled", note: "由 执行数÷全年预算数 补填：925925.25÷1234567=75.00%" });
    expect(at(display, "G4")).toMatchObject({ text: "7.50", mark: "filled" });
  });

  it("marks every cell a finding names with its most severe finding, the note listing the messages", () => {
    const over = analysis.findings.find((f) => f.rule === "score-exceeds-weight")!;
    expect(over.cell).toBe("G11");
    expect(at(display, "G11")).toMatchObject({ text: "25", numeric: true, mark: "error" });
    expect(at(display, "G11")!.note).toContain(`【错误】${over.message}`);
    expect(at(display, "G11")!.note!.startsWith(NOTE_PREFIX)).toBe(false);
    const marked = display.cells.filter((c) => c.mark && c.mark !== "filled").map((c) => cellAddress(c.row, c.col));
    expect(marked.sort()).toEqual([...new Set(analysis.marks.map((m) => m.cell))].sort());
    for (const mark of analysis.marks) expect(at(display, mark.cell)!.mark).toBe(mark.severity);
  });

  it("shows the sheet whole, from A1 to its last used cell, when it fits", () => {
    expect(display.window).toEqual({ top: 0, left: 0, bottom: 10, right: 7 });
    expect([display.rows, display.cols]).toEqual([11, 8]);
  });

  it("shows the filled values without marks when the profile turns marking off", () => {
    const [plain] = tableSheetDisplays(grid, analysis, { lang: "zh", mark: false });
    expect(at(plain, "F4")).toEqual({ row: 3, col: 5, text: "75.00%", numeric: true });
    expect(plain.cells.some((c) => c.mark)).toBe(false);
  });

  it("says how a value was filled in, in English on the English page", () => {
    const [english] = tableSheetDisplays(grid, analyze(grid, DEFAULT_PROFILE, { lang: "en" }), { lang: "en", mark: true });
    expect(at(english, "F4")!.note).toBe("filled in by jixiao as spent ÷ planned: 925925.25÷1234567=75.00%");
  });

  it("sends only the sheets that hold tables", () => {
    const two = workbook(FORM, { name: "说明", rows: [["填表说明：金额单位为元"]] });
    expect(tableSheetDisplays(two, analyze(two), { lang: "zh", mark: true }).map((d) => d.sheet)).toEqual(["自评表"]);
  });
});

describe("the sample workbook", () => {
  it("shows the filled 执行率 and 得分, every finding in its cell's note, every merged area once", async () => {
    const { grid } = await readXlsx(YUNXI);
    const analysis = analyze(grid, DEFAULT_PROFILE);
    const displays = tableSheetDisplays(grid, analysis, { lang: "zh", mark: true });
    expect(displays.map((d) => d.sheet)).toEqual(["部门整体支出绩效自评表"]);
    const [display] = displays;
    expect(at(display, "G4")).toMatchObject({ text: "100.00%", mark: "filled" });
    expect(at(display, "H4")).toMatchObject({ text: "10.00", mark: "filled" });
    const sheetGrid = grid.sheets.find((s) => s.name === display.sheet)!;
    for (const finding of analysis.findings) {
      const cell = at(display, finding.cell);
      expect(cell?.note).toContain(finding.message);
    }
    for (const merge of sheetGrid.merges) {
      const cell = at(display, cellAddress(merge.top, merge.left))!;
      expect([cell.rowSpan ?? 1, cell.colSpan ?? 1]).toEqual([merge.bottom - merge.top + 1, merge.right - merge.left + 1]);
    }
    const spanned = display.cells.filter((c) => c.rowSpan || c.colSpan);
    expect(spanned).toHaveLength(sheetGrid.merges.length);
  });
});

describe("a sheet too large to show whole", () => {
  /** 2,000 rows by 60 columns, with the form at row 1001, column AT, and merged labels crossing the window's edges. */
  function large() {
    const form = sheet({ ...FORM, at: "AT1001", merges: ["AT1001:BA1001", "AU1002:BA1002", "AT1007:AT1009", "AU960:AU980", "AT1260:AT1300", "P1005:Z1005"] });
    form.values[959] = [];
    form.values[959][46] = "合并标签";
    form.values[1259] = [];
    form.values[1259][45] = "下方的合并单元格";
    form.values[1004][15] = "左侧的合并单元格";
    form.values[1999] = [];
    form.values[1999][59] = "表尾";
    return { sheets: [form] };
  }

  it("shows 300 rows × 40 columns around its tables, says how large the sheet is, and clips merged areas", () => {
    const grid = large();
    const analysis = analyze(grid);
    const tables = analysis.tables.map((t) => parseRangeAddress(t.range)!);
    expect(tables.length).toBeGreaterThan(0);
    const [display] = tableSheetDisplays(grid, analysis, { lang: "zh", mark: true });
    const { window } = display;
    expect([display.rows, display.cols]).toEqual([2000, 60]);
    expect(window.bottom - window.top + 1).toBe(MAX_SHOWN_ROWS);
    expect(window.right - window.left + 1).toBe(MAX_SHOWN_COLS);
    // The tables lie inside, with the rows above them for the form's header block.
    for (const t of tables) expect(window.top <= t.top && t.bottom <= window.bottom && window.left <= t.left && t.right <= window.right).toBe(true);
    expect(window.top).toBe(Math.min(...tables.map((t) => t.top)) - MAX_SHOWN_ROWS / 10);
    // No cell outside the window; the far corner is cut.
    for (const c of display.cells) expect(c.row >= window.top && c.row <= window.bottom && c.col >= window.left && c.col <= window.right).toBe(true);
    expect(at(display, "BH2000")).toBeUndefined();
    // The merged label that starts above the window is drawn from the window's top, with its text.
    expect(at(display, cellAddress(window.top, 46))).toMatchObject({ text: "合并标签", rowSpan: 979 - window.top + 1 });
    expect(at(display, cellAddress(1259, 45))).toMatchObject({ text: "下方的合并单元格", rowSpan: window.bottom - 1259 + 1 });
    expect(at(display, cellAddress(1004, window.left))).toMatchObject({ text: "左侧的合并单元格", colSpan: 25 - window.left + 1 });
    // The marks and filled values are at the form's addresses.
    expect(at(display, "AY1004")).toMatchObject({ text: "75.00%", mark: "filled" });
    expect(at(display, "AZ1011")).toMatchObject({ text: "25", mark: "error" });
    expect(analysis.findings.some((f) => f.cell === "AZ1011" && f.rule === "score-exceeds-weight")).toBe(true);
  });

  it("keeps a table longer than the window from its first row", () => {
    const rows = Array.from({ length: 900 }, (_, i) => [`第${i + 1}行`, i]);
    const display = sheetDisplay(sheet({ name: "长表", rows }), { tables: [{ sheet: "长表", kind: "indicators", range: "A101:B900", label: "长表" }], writes: [], marks: [] });
    expect(display.window).toEqual({ top: 100, left: 0, bottom: 399, right: 1 });
  });

  it("reaches to its tables' last row and column, blank as they may be", () => {
    const display = sheetDisplay(sheet({ name: "表", rows: [["指标", "得分"], ["甲", 3]] }), { tables: [{ sheet: "表", kind: "indicators", range: "A1:C4", label: "表" }], writes: [], marks: [] });
    expect([display.rows, display.cols]).toEqual([4, 3]);
    expect(display.window).toEqual({ top: 0, left: 0, bottom: 3, right: 2 });
  });

  it("cuts a long text, and ignores trailing empty rows when measuring the sheet", () => {
    const long = "说明".repeat(400);
    const grid = sheet({ name: "表", rows: [[long], [""], [null]] });
    const display = sheetDisplay(grid, { tables: [], writes: [], marks: [] });
    expect(display.cells).toEqual([{ row: 0, col: 0, text: `${long.slice(0, MAX_CELL_TEXT - 1)}…` }]);
    expect([display.rows, display.cols]).toEqual([1, 1]);
  });
});
