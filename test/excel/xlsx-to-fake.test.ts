/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
/**
 * The playground's loader (src/playground/xlsx-to-fake.ts): a workbook loaded into the fake Excel
 * and read back by the task pane's own reader (src/excel/read.ts) gives what the command line's
 * reader gives for the same file. jsdom: the pane reads jixiao's record with DOMParser.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { WorkbookGrid, cellAddress, cellKey, rangeAddress } from "../../src/core/grid";
import { MarksRecord } from "../../src/core/marks";
import { readWorkbookState } from "../../src/excel/read";
import { fakeFromXlsx } from "../../src/playground/xlsx-to-fake";
import { SheetNotes, readNotes } from "../../src/xlsx/marks-parts";
import { SheetParts, workbookParts } from "../../src/xlsx/package";
import { readXlsxBytes } from "../../src/xlsx/reader";
import { stateOfPart } from "../../src/xlsx/state-part";
import { scorePackage } from "../support/cli";
import { FIXTURES, KAIPING, YUNXI } from "../support/xlsx";
import { apiOf, contextOf } from "./helpers";

/** Made by openpyxl (notes-merges.py beside it): notes, overlapping merges, a date, blank cells' fill and format, protection. */
const OPENPYXL = path.join(FIXTURES, "openpyxl", "notes-merges.xlsx");

/**
 * A grid as comparable cells: each cell with a value, a number format or a formula, by sheet. A
 * cell holding empty text counts as blank: Excel's Range.values gives "" for both.
 */
function cells(grid: WorkbookGrid) {
  return grid.sheets.map((sheet) => {
    const out: Record<string, { value: unknown; numFmt: string | undefined; formula: boolean }> = {};
    for (let r = 0; r < Math.max(sheet.values.length, sheet.numFmts.length); r++) {
      for (let c = 0; c < Math.max(sheet.values[r]?.length ?? 0, sheet.numFmts[r]?.length ?? 0); c++) {
        const read = sheet.values[r]?.[c];
        const value = read === "" || read === undefined ? null : read;
        const numFmt = sheet.numFmts[r]?.[c];
        const formula = (sheet.formulas?.[r]?.[c] ?? false) !== false;
        if (value !== null || numFmt !== undefined || formula) out[cellAddress(r, c)] = { value, numFmt, formula };
      }
    }
    return { name: sheet.name, hidden: sheet.hidden ?? false, merges: sheet.merges.map(rangeAddress).sort(), cells: out };
  });
}

/**
 * The workbook as the pane reads it from the fake, against the command line's reader of the same
 * bytes (dates as serials, as Excel's Range.values gives them): cells, merges, hidden sheets, record.
 */
async function expectPaneReadsAsCommandLine(bytes: Uint8Array): Promise<void> {
  const book = fakeFromXlsx(bytes);
  const pane = await readWorkbookState(contextOf(book), { api: apiOf(book) });
  const cli = readXlsxBytes(bytes, "in.xlsx", { dateSerials: true }).grid;
  expect(cells(pane.grid)).toEqual(cells(cli));
  expect(pane.grid.state).toEqual(cli.state);
}

describe("the playground's workbook, read by the command line's reader", () => {
  it.each([YUNXI, KAIPING, path.join(FIXTURES, "year-over-budget-header.xlsx"), OPENPYXL])("gives the pane what the command line reads of %s", async (file) => {
    await expectPaneReadsAsCommandLine(readFileSync(file));
  });

  it("loads notes openpyxl wrote, with their text (ExcelJS failed on them)", () => {
    const bytes = readFileSync(OPENPYXL);
    const book = fakeFromXlsx(bytes);
    const { workbook, rels } = workbookParts(readXlsxBytes(bytes, OPENPYXL).source);
    expect(book.snapshot().sheets[0].notes).toEqual({ A3: "用户批注：预算以财政批复为准", B4: "日期待核" });
    const cliNotes = readNotes(new SheetParts(workbook, rels), new SheetNotes(readXlsxBytes(bytes, OPENPYXL).source));
    expect(cliNotes.map((n) => [n.sheet, cellAddress(n.row, n.col), n.note])).toEqual(
      book.snapshot().sheets.flatMap((s) => Object.entries(s.notes).map(([address, note]) => [s.name, address, note])),
    );
  });

  // Review round 56b M2: two merges cannot share a cell; of two the same size the later is dropped, and said.
  it("reads overlapping merged areas as the command line reads them, the later of the two dropped (ExcelJS refused to merge twice)", () => {
    const bytes = readFileSync(OPENPYXL);
    const sheet = fakeFromXlsx(bytes).snapshot().sheets[0];
    expect(sheet.merges).toEqual(["A1:D1", "F1:G2"]);
    const read = readXlsxBytes(bytes, OPENPYXL).grid.sheets[0];
    expect(sheet.merges).toEqual(read.merges.map(rangeAddress).sort());
    expect(read.droppedMerges).toEqual(["G2:H3"]);
  });

  it("gives a date as its serial number, and a blank cell its fill and its number format", () => {
    const bytes = readFileSync(OPENPYXL);
    const { cells: loaded } = fakeFromXlsx(bytes).snapshot().sheets[0];
    expect(loaded.B4).toEqual({ value: 45258, numberFormat: 'yyyy"年"m"月"d"日"', fill: null });
    // The command line reads the same cell as the date's text.
    expect(readXlsxBytes(bytes, OPENPYXL).grid.sheets[0].values[3][1]).toBe("2023-11-28");
    expect(loaded.C5).toEqual({ value: "", numberFormat: "General", fill: "#FFFF00" });
    expect(loaded.C6).toEqual({ value: "", numberFormat: "0.00%", fill: null });
    expect(loaded.D3).toEqual({ value: "", formula: "=B3*C3", numberFormat: "General", fill: null });
    expect(loaded.B5.value).toBe(true);
    expect(loaded.B6.value).toBe("#DIV/0!");
  });

  it("loads hidden and very hidden sheets, sheet protection and the workbook's structure lock", async () => {
    const book = fakeFromXlsx(readFileSync(OPENPYXL));
    expect(book.sheets.map((s) => [s.name, s.visibility, s.protected])).toEqual([
      ["自评表", "Visible", false],
      ["2022年", "Hidden", false],
      ["说明", "VeryHidden", false],
      ["锁定", "Visible", true],
    ]);
    expect(book.protected).toBe(true);
    const pane = await readWorkbookState(contextOf(book), { api: apiOf(book) });
    expect(pane.workbookProtected).toBe(true);
    expect(pane.sheets.find((s) => s.name === "锁定")?.protected).toBe(true);
  });

  it("loads the record, notes and fills of a copy the command line scored", async () => {
    const { output } = await scorePackage(readFileSync(YUNXI));
    const book = fakeFromXlsx(output!);
    const cli = readXlsxBytes(output!, "out.xlsx");
    expect(book.customXmlParts).toHaveLength(1);
    expect(stateOfPart(book.customXmlParts[0].xml)).toBe(cli.grid.state);
    const { workbook, rels } = workbookParts(cli.source);
    const notes = readNotes(new SheetParts(workbook, rels), new SheetNotes(cli.source));
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(book.sheet(note.sheet)?.notes.get(cellKey(note.row, note.col))).toBe(note.note);
    const marks = (JSON.parse(cli.grid.state!) as { marks: MarksRecord }).marks.entries;
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(book.snapshot().sheets.find((s) => s.name === mark.sheet)?.cells[mark.area.split(":")[0]]?.fill).toBe(mark.color);
    await expectPaneReadsAsCommandLine(output!);
  });
});
