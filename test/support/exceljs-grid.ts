/**
 * The test oracle: a workbook read with ExcelJS into the grid, as the command line read it before
 * its own reader (src/xlsx/reader.ts). Differential tests require both readers to give one grid.
 */
import ExcelJS from "exceljs";
import { CellValue, SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { gridValue, mergesOf } from "../../src/xlsx/cells";

export function exceljsSheetGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const numFmts: (string | undefined)[][] = [];
  const formulas: (boolean | undefined)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const rowValues: CellValue[] = (values[r] = []);
    const rowFormats: (string | undefined)[] = (numFmts[r] = []);
    // Blank cells too: the grid holds the number format of a blank cell that has one.
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      // The other cells of a merged area repeat the top-left value in ExcelJS; the grid keeps it once.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const numFmt = cell.numFmt;
      if (numFmt && numFmt !== "General") rowFormats[colNumber - 1] = numFmt;
      if (cell.type === ExcelJS.ValueType.Null) return;
      rowValues[colNumber - 1] = gridValue(cell.value);
      if (cell.type === ExcelJS.ValueType.Formula) (formulas[r] ??= [])[colNumber - 1] = true;
    });
  });
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    numFmts[r] ??= [];
  }
  return { name: worksheet.name, values, numFmts, merges: mergesOf(worksheet), formulas };
}

/** A workbook's bytes read with ExcelJS: its worksheets as grids (chart sheets are not among them). */
export async function exceljsGrid(bytes: Uint8Array): Promise<WorkbookGrid> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return { sheets: workbook.worksheets.map(exceljsSheetGrid) };
}

/**
 * The grid as both readers can give it: a formula's text counts as "a formula" (ExcelJS's grid said
 * only that), and which formulas hold no result is left out (ExcelJS reads them as blank).
 */
export function comparable(grid: WorkbookGrid): { sheets: SheetGrid[] } {
  return {
    sheets: grid.sheets.map(({ unknownResults: _unknown, ...sheet }) => ({
      ...sheet,
      formulas: (sheet.formulas ?? []).map((row) => row?.map((f) => (f === undefined ? undefined : true))),
    })),
  };
}
