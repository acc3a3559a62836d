/** Temporary folders and .xlsx files for command-line tests. */
import ExcelJS from "exceljs";
import { mkdtempSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { WorkbookGrid } from "../../src/core/grid";
import { rangeAddress } from "../../src/core/grid";

export const FIXTURES = path.join(__dirname, "..", "fixtures");
export const YUNXI = path.join(FIXTURES, "yunxi-2023-dept-selfeval.xlsx");
export const KAIPING = path.join(FIXTURES, "kaiping-2023-targets.xlsx");

export function tempDir(prefix = "jixiao-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Writes a grid as an .xlsx (values, number formats, merges). */
export async function writeGridXlsx(grid: WorkbookGrid, file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of grid.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row?.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = typeof value === "object" ? { error: value.error as ExcelJS.CellErrorValue["error"] } : value;
        const fmt = s.numFmts[r]?.[c];
        if (fmt) cell.numFmt = fmt;
      }),
    );
    for (const m of s.merges) ws.mergeCells(rangeAddress(m));
    for (const run of s.hiddenColumns ?? []) for (let c = run.first; c <= run.last; c++) ws.getColumn(c + 1).hidden = true;
  }
  await wb.xlsx.writeFile(file);
}

/** Writes one sheet of plain rows (text as typed, numbers as numbers) and returns the file's path. */
export async function xlsxFromRows(file: string, sheet: string, rows: ExcelJS.CellValue[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(sheet).addRows(rows);
  await wb.xlsx.writeFile(file);
  return file;
}
