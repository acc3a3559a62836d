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

/** How each style looks, for every host to render the same way. */
export interface SummaryCellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  align?: "Left" | "Center" | "Right";
  wrap?: boolean;
  border?: boolean;
}

export const SUMMARY_STYLES: Record<SummaryStyle, SummaryCellStyle> = {
  title: { bold: true, size: 16, align: "Center" },
  subtitle: { italic: true, color: "#595959", wrap: true },
  section: { bold: true, size: 12, color: "#1F4E79" },
  header: { bold: true, fill: "#D9E1F2", align: "Center", wrap: true, border: true },
  text: { wrap: true, border: true },
  number: { border: true },
  percent: { border: true },
  total: { bold: true, fill: "#FFF2CC", border: true },
  grade: { bold: true, fill: "#FFF2CC", align: "Center", border: true },
  error: { bold: true, color: "#C00000", border: true },
  warning: { color: "#9C5700", border: true },
  info: { color: "#1F4E79", border: true },
  note: { italic: true, color: "#7F7F7F" },
};

export const SUMMARY_BORDER_COLOR = "#BFBFBF";
