/**
 * The test oracle: a workbook read with ExcelJS into the grid, as the command line read it before
 * its own reader (src/xlsx/reader.ts). Differential tests require both readers to give one grid.
 */
import ExcelJS from "exceljs";
import { CellValue, MergeRange, SheetGrid, WorkbookGrid, hiddenColumnRuns, parseRangeAddress } from "../../src/core/grid";

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** ExcelJS's many value shapes → a grid value. */
function gridValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    return `${value.getUTCFullYear()}-${pad2(value.getUTCMonth() + 1)}-${pad2(value.getUTCDate())}`;
  }
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      return result === undefined ? null : gridValue(result as ExcelJS.CellValue);
    }
    if ("text" in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  }
  return String(value);
}

function mergesOf(worksheet: ExcelJS.Worksheet): MergeRange[] {
  // ExcelJS keeps merges in an internal map; the public `model.merges` rebuilds the whole sheet model.
  const internal = (worksheet as unknown as { _merges?: Record<string, { range?: string; shortRange?: string }> })._merges;
  const addresses = internal
    ? Object.values(internal).map((m) => m.shortRange ?? m.range ?? "")
    : (worksheet.model.merges ?? []);
  return addresses.map((a) => parseRangeAddress(a)).filter((m): m is MergeRange => m !== undefined);
}

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
  const sheet: SheetGrid = { name: worksheet.name, values, numFmts, merges: mergesOf(worksheet), formulas };
  // Hidden columns: ExcelJS reads <col hidden> into each column of its min to max.
  const hidden = (worksheet.columns ?? []).flatMap((column, i) => (column.hidden ? [{ first: i, last: i }] : []));
  if (hidden.length > 0) sheet.hiddenColumns = hiddenColumnRuns(hidden);
  return sheet;
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
