/**
 * An .xlsx (loaded with ExcelJS, in the browser or in Node) as a FakeWorkbook: values as Excel's
 * Range.values would give them, formulas (with their cached result as the value, "" when the file
 * has none), number formats, solid fills and merged areas.
 *
 * Cell values and merged areas are converted by src/xlsx/cells.ts, as for the command line.
 */
import ExcelJS from "exceljs";
import { ExcelScalar } from "../excel/values";
import { gridValue, mergesOf } from "../xlsx/cells";
import { FakeWorkbook, FakeWorkbookOptions } from "./fake-workbook";

/** What Range.values shows for an ExcelJS cell: the grid value, with blanks as "" and errors as their text. */
function excelValue(value: ExcelJS.CellValue): ExcelScalar {
  const v = gridValue(value);
  if (v === null) return "";
  return typeof v === "object" ? v.error : v;
}

/** A solid fill's colour as "#RRGGBB"; theme and pattern fills are not modelled. */
function fillColor(fill: ExcelJS.Fill | undefined): string | null {
  if (fill?.type !== "pattern" || fill.pattern !== "solid") return null;
  const argb = fill.fgColor?.argb;
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

function fakeFromExcelJs(workbook: ExcelJS.Workbook, options: FakeWorkbookOptions = {}): FakeWorkbook {
  const book = new FakeWorkbook(options);
  for (const worksheet of workbook.worksheets) {
    const sheet = book.addSheet(worksheet.name);
    if (worksheet.state === "hidden") sheet.visibility = "Hidden";
    if (worksheet.state === "veryHidden") sheet.visibility = "VeryHidden";
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        // The other cells of a merged area repeat the top-left value in ExcelJS; Excel keeps it once.
        const value = cell.type === ExcelJS.ValueType.Merge ? "" : excelValue(cell.value);
        // Shared formulas included (ExcelJS translates them); ExcelJS keeps formulas without the "=".
        const formula = cell.type === ExcelJS.ValueType.Formula ? `=${cell.formula ?? ""}` : undefined;
        const numFmt = cell.numFmt || "General";
        const fill = fillColor(cell.fill);
        if (value === "" && formula === undefined && numFmt === "General" && fill === null) return;
        const target = sheet.cellForWrite(rowNumber - 1, colNumber - 1);
        target.value = value;
        if (formula !== undefined) target.formula = formula;
        target.numberFormat = numFmt;
        target.fill = fill;
      });
    });
    sheet.merges = mergesOf(worksheet);
  }
  book.activeSheet = book.sheets.find((s) => s.visibility === "Visible")?.name ?? "";
  return book;
}

/** Loads .xlsx bytes into a FakeWorkbook. */
export async function fakeFromXlsx(bytes: ArrayBuffer, options: FakeWorkbookOptions = {}): Promise<FakeWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return fakeFromExcelJs(workbook, options);
}
