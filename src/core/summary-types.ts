/**
 * The 综合得分 summary sheet as plain data: a layout of cells with style names, which each host
 * renders with its own API (ExcelJS for files, Office.js in Excel). Rows and columns are 0-based.
 */
import { MergeRange } from "./grid";

export type SummaryStyle =
  | "title"
  | "subtitle"
  | "section"
  | "header"
  | "text"
  | "number"
  | "percent"
  | "total"
  | "grade"
  | "error"
  | "warning"
  | "info"
  | "note";

export interface SummaryCell {
  row: number;
  col: number;
  /** Numbers are exact decimal strings marked by `numFmt`; text is always written as text. */
  value: string;
  isNumber: boolean;
  numFmt?: string;
  style: SummaryStyle;
}

export interface SummaryChart {
  title: string;
  /** Category labels (一级指标 names) and values (得分率 fractions), one column each. */
  categories: MergeRange;
  values: MergeRange;
}

export interface SummaryLevel1 {
  name: string;
  weight: string | null;
  score: string | null;
  /** score ÷ weight as a fraction string. */
  rate: string | null;
}

export interface SummarySheet {
  name: string;
  /** True when a sheet of this name exists and jixiao made it: the host deletes it and writes this one. */
  replaces: boolean;
  rowCount: number;
  colCount: number;
  cells: SummaryCell[];
  merges: MergeRange[];
  /** Column widths in characters. */
  columnWidths: number[];
  /** Rows to freeze at the top (the header of the findings table is below; freeze title rows). */
  freezeRows: number;
  chart: SummaryChart | null;
  /** Same data as the sheet, for the task pane's bars and totals. */
  total: string | null;
  grade: string | null;
  levels: SummaryLevel1[];
}
