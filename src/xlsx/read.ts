/**
 * Reads an .xlsx into the grid model with ExcelJS: formula cells by their cached result, number
 * formats, merged areas (value in the top-left cell only), error values kept as values.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { CellValue, SheetGrid, WorkbookGrid } from "../core/grid";
import { BilingualError } from "../core/messages";
import { gridValue, mergesOf } from "./cells";
import { Package, workbookParts } from "./package";
import { readState } from "./state-part";

/** The input cannot be read as a workbook; the message says why in one line. */
export class WorkbookReadError extends BilingualError {
  constructor(file: string, zh: string, en: string) {
    super(`${file}: ${zh}`, `${file}: ${en}`);
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_STREAM = Buffer.from("EncryptionInfo", "utf16le");
/** Zip entry names are stored as plain text: every .xlsx names this part. */
const WORKBOOK_PART = Buffer.from("xl/workbook.xml");

/** Checks the file before ExcelJS sees it, so each kind of bad input gets its own clear message. */
async function checkedBytes(file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookReadError(file, "文件不存在", "no such file");
    if (code === "EISDIR") throw new WorkbookReadError(file, "是文件夹，不是 .xlsx 文件", "is a folder, not an .xlsx file");
    throw new WorkbookReadError(file, `无法读取（${code ?? String(error)}）`, `cannot be read (${code ?? String(error)})`);
  }
  if (bytes.length === 0) throw new WorkbookReadError(file, "文件是空的", "the file is empty");
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) {
    if (bytes.includes(ENCRYPTION_STREAM)) {
      throw new WorkbookReadError(
        file,
        "工作簿设有打开密码（已加密），请在 Excel 中取消密码后再试",
        "the workbook is encrypted with a password to open; remove the password in Excel and try again",
      );
    }
    throw new WorkbookReadError(
      file,
      "这是旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再试",
      "this is an old .xls file; save it as .xlsx in Excel (Save As) and try again",
    );
  }
  if (!bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    const ext = path.extname(file).toLowerCase();
    throw new WorkbookReadError(
      file,
      `不是 .xlsx 工作簿${ext && ext !== ".xlsx" ? `（扩展名 ${ext}）` : "（文件内容不是 Excel 格式）"}`,
      `is not an .xlsx workbook${ext && ext !== ".xlsx" ? ` (extension ${ext})` : " (the content is not in Excel's format)"}`,
    );
  }
  return bytes;
}

export function sheetGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const values: CellValue[][] = [];
  const numFmts: (string | undefined)[][] = [];
  const formulas: (boolean | undefined)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const rowValues: CellValue[] = (values[r] = []);
    const rowFormats: (string | undefined)[] = (numFmts[r] = []);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // The other cells of a merged area repeat the top-left value in ExcelJS; the grid keeps it once.
      if (cell.type === ExcelJS.ValueType.Merge) return;
      rowValues[colNumber - 1] = gridValue(cell.value);
      if (cell.type === ExcelJS.ValueType.Formula) (formulas[r] ??= [])[colNumber - 1] = true;
      const numFmt = cell.numFmt;
      if (numFmt && numFmt !== "General") rowFormats[colNumber - 1] = numFmt;
    });
  });
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    numFmts[r] ??= [];
  }
  return { name: worksheet.name, values, numFmts, merges: mergesOf(worksheet), formulas };
}

export function workbookGrid(workbook: ExcelJS.Workbook): WorkbookGrid {
  return { sheets: workbook.worksheets.map(sheetGrid) };
}

export interface LoadedWorkbook {
  /** The file's package, which the scored copy is written from (src/xlsx/write.ts). */
  source: Package;
  grid: WorkbookGrid;
}

export async function readXlsx(file: string): Promise<LoadedWorkbook> {
  const bytes = await checkedBytes(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new WorkbookReadError(file, `文件已损坏，无法作为 .xlsx 打开（${why}）`, `the file is damaged and cannot be opened as .xlsx (${why})`);
  }
  if (workbook.worksheets.length === 0) {
    // A zip without the workbook part is some other archive (a .docx, photos) renamed .xlsx.
    if (!bytes.includes(WORKBOOK_PART)) throw new WorkbookReadError(file, "不是 .xlsx 工作簿（压缩包里没有 Excel 工作簿内容）", "is not an .xlsx workbook (the zip holds no Excel workbook)");
    throw new WorkbookReadError(file, "工作簿中没有工作表", "the workbook has no worksheet");
  }
  const grid = workbookGrid(workbook);
  // ExcelJS shows worksheets only: a chart sheet's name is still taken.
  const source = await Package.open(bytes);
  const { workbook: workbookPart, rels } = await workbookParts(source);
  const names = [...workbookPart.sheets().keys()];
  const shown = new Set(grid.sheets.map((sheet) => sheet.name));
  // jixiao's record (src/core/state.ts), kept in a custom XML part.
  const state = await readState(source, rels);
  return { source, grid: { ...grid, otherSheetNames: names.filter((name) => !shown.has(name)), ...(state !== undefined && { state }) } };
}
