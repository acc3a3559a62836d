/**
 * How Excel's Range.values represent cells, and the grid's CellValue: "" is an empty cell, and an
 * error value arrives as its text ("#DIV/0!"). A text cell that literally reads "#N/A" cannot be told
 * from the error through `values` alone (that would need `valueTypes`, doubling the payload); it is
 * taken as the error, which is what such a cell almost always is.
 */
import { CellValue, isCellError } from "../core/grid";

export type ExcelScalar = string | number | boolean;

export const EXCEL_ERRORS = new Set([
  "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA",
  "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#PYTHON!",
]);

export function fromExcelValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "string") return EXCEL_ERRORS.has(value) ? { error: value } : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

export function toExcelValue(value: CellValue): ExcelScalar {
  if (value === null) return "";
  if (isCellError(value)) return value.error;
  return value;
}
