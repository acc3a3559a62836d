/** Unit workbooks for the review's tests: the yunxi form filled in by other units, and the openpyxl read-back. */
import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { existsSync } from "fs";
import * as path from "path";
import { YUNXI } from "../support/xlsx";

/**
 * The yunxi fixture as another unit filled it in: its 部门（单位）名称 (C2) and its 全年执行数 (E4),
 * so that units differ in budget execution and findings. Merges, formats and formulas are kept.
 */
export async function unitWorkbook(file: string, unit: string, spent: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(YUNXI);
  const ws = wb.worksheets[0];
  ws.getCell("C2").value = unit;
  ws.getCell("E4").value = spent;
  await wb.xlsx.writeFile(file);
  return file;
}

const SYSTEM_PYTHON = "/usr/bin/python3";

/** Why openpyxl cannot be used here, or null when it can. */
export function openpyxlMissing(): string | null {
  if (!existsSync(SYSTEM_PYTHON)) return `${SYSTEM_PYTHON} is missing`;
  try {
    execFileSync(SYSTEM_PYTHON, ["-c", "import openpyxl"], { stdio: "ignore" });
    return null;
  } catch {
    return "openpyxl is not installed for /usr/bin/python3 (apt-get install python3-openpyxl)";
  }
}

export interface ReadBackSheet {
  name: string;
  rows: unknown[][];
  freeze: string | null;
  autoFilter: string | null;
  printTitleRows: string | null;
  orientation: string | null;
  paperSize: number | string | null;
  fitToWidth: number | string | null;
  fitToHeight: number | string | null;
  fitToPage: boolean | null;
  charts: { type: string; series: { name: string | null; values: string; categories: string }[] }[];
}

/** The workbook as openpyxl reads it (test/review/read_back.py). */
export function readBack(file: string): { sheets: ReadBackSheet[]; parts: string[] } {
  const json = execFileSync(SYSTEM_PYTHON, [path.join(__dirname, "read_back.py"), file], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(json);
}
