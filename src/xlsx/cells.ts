/**
 * ExcelJS cells → grid values, without any file or Node API, so the browser playground can use it
 * as well as the command line.
 */
import ExcelJS from "exceljs";
import { CellValue, MergeRange, parseRangeAddress } from "../core/grid";

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** ExcelJS's many value shapes → a grid value. */
export function gridValue(value: ExcelJS.CellValue): CellValue {
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

export function mergesOf(worksheet: ExcelJS.Worksheet): MergeRange[] {
  // ExcelJS keeps merges in an internal map; the public `model.merges` rebuilds the whole sheet model.
  const internal = (worksheet as unknown as { _merges?: Record<string, { range?: string; shortRange?: string }> })._merges;
  const addresses = internal
    ? Object.values(internal).map((m) => m.shortRange ?? m.range ?? "")
    : (worksheet.model.merges ?? []);
  return addresses.map((a) => parseRangeAddress(a)).filter((m): m is MergeRange => m !== undefined);
}
