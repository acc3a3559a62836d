/** Small builders for adapter tests: grids by hand, fake workbooks over them, hand-made analyses. */
import type { Analysis } from "../../src/core/analyze";
import { CellValue, SheetGrid, WorkbookGrid, parseRangeAddress } from "../../src/core/grid";
import { CellMark, CellWrite } from "../../src/core/result";
import { SummarySheet } from "../../src/core/summary-types";
import { ApiCheck } from "../../src/excel/api";
import { FakeWorkbook, FakeWorkbookOptions, fakeContext } from "../../src/playground/fake-excel";

export function sheet(name: string, values: CellValue[][], merges: string[] = [], numFmts: (string | undefined)[][] = []): SheetGrid {
  return { name, values, numFmts, merges: merges.map((m) => parseRangeAddress(m)!) };
}

export function fakeBook(sheets: SheetGrid[], options: FakeWorkbookOptions = {}): FakeWorkbook {
  return FakeWorkbook.fromGrid({ sheets } as WorkbookGrid, options);
}

/** A fresh context per call, as each Excel.run gets. */
export const contextOf = fakeContext;

/** The requirement-set check for a fake workbook. */
export const apiOf = (book: FakeWorkbook): ApiCheck => (minor) => book.supports(minor);

export function cellWrite(sheetName: string, row: number, col: number, value: string, numFmt: string): CellWrite {
  return { sheet: sheetName, cell: "", row, col, value, numFmt };
}

export function cellMark(sheetName: string, row: number, col: number, color = "#FFC7CE"): CellMark {
  return { sheet: sheetName, cell: "", row, col, color, severity: "error" };
}

/** A small summary layout exercising every rendering feature. */
export function smallSummary(overrides: Partial<SummarySheet> = {}): SummarySheet {
  return {
    name: "综合得分",
    replaces: false,
    keptEdited: null,
    rowCount: 5,
    colCount: 3,
    cells: [
      { row: 0, col: 0, value: "绩效自评综合得分", isNumber: false, style: "title" },
      { row: 1, col: 0, value: "一级指标", isNumber: false, style: "header" },
      { row: 1, col: 1, value: "得分率", isNumber: false, style: "header" },
      { row: 2, col: 0, value: "产出指标", isNumber: false, style: "text" },
      { row: 2, col: 1, value: "0.9", isNumber: true, numFmt: "0.00%", style: "percent" },
      { row: 3, col: 0, value: "=HYPERLINK(\"x\")", isNumber: false, style: "text" },
      { row: 3, col: 1, value: "0.5", isNumber: true, numFmt: "0.00%", style: "percent" },
      { row: 3, col: 2, value: "98%", isNumber: false, style: "error" },
      { row: 4, col: 0, value: "本表由绩效自评助手（jixiao）生成，重新计算时会被替换。", isNumber: false, style: "note" },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
    columnWidths: [20, 12, 30],
    rowHeights: [],
    print: { titleRows: { top: 1, bottom: 1 }, footer: "第 &P 页 共 &N 页" },
    freezeRows: 1,
    chart: {
      title: "各一级指标得分率",
      categories: { top: 2, left: 0, bottom: 3, right: 0 },
      values: { top: 2, left: 1, bottom: 3, right: 1 },
      anchor: { top: 6, left: 0, bottom: 22, right: 2 },
      // Not the core's own "0%" and 0: the host maps what it is given.
      numberFormat: "0.0%",
      valueMin: 0.5,
      valueMax: 0.9,
      labelFormat: "0.000%",
      topDown: true,
    },
    total: "88.5",
    grade: "良",
    gradeReason: null,
    levels: [],
    ...overrides,
  };
}

export function handAnalysis(writes: CellWrite[], marks: CellMark[], summary: SummarySheet = smallSummary()): Analysis {
  return {
    tables: [{ sheet: "表1", kind: "indicators", range: "A1:C3", label: "表1!A1:C3" }],
    budget: [],
    indicators: [],
    totals: [],
    totalSources: [],
    coverUnit: null,
    titleUnit: null,
    ownFills: [],
    ownMerges: new Map(),
    budgetLines: [],
    findings: [],
    ignored: [],
    writes,
    marks,
    skippedSheets: [],
    hiddenSheets: [],
    emptyTables: [],
    summary,
  };
}
