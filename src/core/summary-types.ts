/**
 * The 综合得分 summary sheet as plain data: a layout of cells with style names, which each host
 * renders on its own (XML parts for files, src/xlsx; Office.js in Excel, src/excel/write.ts). Rows and
 * columns are 0-based.
 */
import { MergeRange } from "./grid";
import { FILLED_COLOR, MARK_COLORS } from "./marks";

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
  | "note"
  | "rule"
  | "legend-error"
  | "legend-warning"
  | "legend-info"
  | "legend-filled"
  | "sign";

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
  /** Where the chart goes: the cells it covers, its top-left and bottom-right ones included (Excel's
   * setPosition covers its end cell; an xlsx drawing's `to` is the corner after it), rows the sheet
   * leaves empty under the 一级指标 and inside the printed width, so it prints with the rest. */
  anchor: MergeRange;
  /** The value axis: its number format and its range (得分率 as percentages, 0 to 100 %). */
  numberFormat: string;
  valueMin: number;
  /** The value axis' maximum: 1, as a rate is at most 100 %. */
  valueMax: number;
  /** Each bar labelled with its value in this number format (the sheet's rate format, 0.00%). */
  labelFormat: string;
  /** The first category at the top, as in the sheet (a bar chart plots bottom-up unless told). */
  topDown: boolean;
}

export interface SummaryLevel1 {
  name: string;
  weight: string | null;
  score: string | null;
  /** score ÷ weight as a fraction string. */
  rate: string | null;
}

/**
 * How the sheet prints: A4 portrait, every column on one page wide, page numbers in the footer.
 * Always portrait: the sheet is narrow enough (89 characters, 100 with the 工作表 column) to read
 * at 75–85 %, so the hosts write no other orientation.
 */
export interface SummaryPrint {
  /** Rows repeated at the top of every printed page (the findings table's header), 0-based. */
  titleRows: { top: number; bottom: number } | null;
  /** Footer text in Excel's header/footer codes ("第 &P 页 共 &N 页"). */
  footer: string;
}

export interface SummarySheet {
  name: string;
  /** True when a sheet of this name exists and jixiao made it: the host deletes it and writes this one. */
  replaces: boolean;
  /** A summary sheet jixiao made that the user has since written in: kept as it is, this one goes
   * beside it under another name. */
  keptEdited: string | null;
  rowCount: number;
  colCount: number;
  cells: SummaryCell[];
  merges: MergeRange[];
  /** Column widths in characters. */
  columnWidths: number[];
  /** Row heights in points, set where wrapped text needs more than one line (readers that do not
   * fit rows to their text, WPS and LibreOffice among them, would cut it off). */
  rowHeights: (number | undefined)[];
  print: SummaryPrint;
  /** Rows to freeze at the top (the header of the findings table is below; freeze title rows). */
  freezeRows: number;
  /** The bar chart of 得分率, for a workbook with one evaluated table (see buildSummary). */
  chart: SummaryChart | null;
  /** Same data as the sheet, for the task pane's bars and totals. */
  total: string | null;
  grade: string | null;
  /** Why the total carries no grade (weights not 100, an incomplete total); null when it does. */
  gradeReason: string | null;
  levels: SummaryLevel1[];
}

/** How each style looks, for every host to render the same way. */
export interface SummaryCellStyle {
  bold?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  align?: "Left" | "Center" | "Right";
  wrap?: boolean;
  border?: boolean;
}

/** One font family for the whole sheet, when the workbook's own body font is not a Chinese one. */
export const SUMMARY_FONT = "宋体";

/** Fonts that hold Chinese text, by the names Excel, WPS and LibreOffice write. */
const CHINESE_FONTS = new Set(["宋体", "simsun", "新宋体", "nsimsun", "仿宋", "仿宋_gb2312", "fangsong", "黑体", "simhei", "楷体", "楷体_gb2312", "kaiti", "微软雅黑", "microsoft yahei", "等线", "dengxian"]);

/** The font the summary is set in: the workbook's body font when it holds Chinese text, else 宋体
 * (a Latin body font such as Calibri would leave the Chinese to whatever the reader falls back on). */
export function summaryFont(bodyFont: string | undefined): string {
  return bodyFont && CHINESE_FONTS.has(bodyFont.trim().toLowerCase()) ? bodyFont.trim() : SUMMARY_FONT;
}

export const SUMMARY_STYLES: Record<SummaryStyle, SummaryCellStyle> = {
  title: { bold: true, size: 16, align: "Center", wrap: true },
  subtitle: { color: "#595959", wrap: true },
  section: { bold: true, size: 12, color: "#1F4E79" },
  header: { bold: true, fill: "#D9E1F2", align: "Center", wrap: true, border: true },
  text: { wrap: true, border: true },
  number: { border: true },
  percent: { border: true },
  total: { bold: true, fill: "#FFF2CC", border: true, wrap: true },
  grade: { bold: true, fill: "#FFF2CC", align: "Center", border: true },
  error: { bold: true, color: "#C00000", border: true },
  warning: { color: "#9C5700", border: true },
  info: { color: "#1F4E79", border: true },
  note: { color: "#7F7F7F", wrap: true },
  rule: { color: "#7F7F7F", size: 8, border: true, wrap: true },
  "legend-error": { fill: MARK_COLORS.error, border: true },
  "legend-warning": { fill: MARK_COLORS.warning, border: true },
  "legend-info": { fill: MARK_COLORS.info, border: true },
  "legend-filled": { fill: FILLED_COLOR, border: true },
  sign: {},
};

export const SUMMARY_BORDER_COLOR = "#BFBFBF";
