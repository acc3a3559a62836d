/**
 * Writes an analysis back into an ExcelJS workbook: the filled-in blank cells, the fill colours of
 * flagged cells, and the 综合得分 sheet. The caller saves it to a new file.
 */
import ExcelJS from "exceljs";
import { Analysis } from "../core/analyze";
import { SUMMARY_BORDER_COLOR, SUMMARY_STYLES, SummaryCellStyle, SummarySheet, SummaryStyle } from "../core/summary-types";

function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}

function solidFill(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) } };
}

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: argb(SUMMARY_BORDER_COLOR) } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The shared summary style (src/core/summary-types.ts) in ExcelJS terms. */
function excelJsStyle(style: SummaryCellStyle): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = {};
  if (style.bold) font.bold = true;
  if (style.italic) font.italic = true;
  if (style.size) font.size = style.size;
  if (style.color) font.color = { argb: argb(style.color) };
  return {
    ...(Object.keys(font).length > 0 ? { font } : {}),
    ...(style.fill ? { fill: solidFill(style.fill) } : {}),
    ...(style.border ? { border: BORDER } : {}),
    alignment: {
      vertical: "top",
      ...(style.align ? { horizontal: style.align.toLowerCase() as "left" | "center" | "right" } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
    },
  };
}

/**
 * ExcelJS registers each distinct style object once (it remembers them by identity), so cells
 * that look alike share one object: one per summary style, one per (old style, change) for the
 * cells we mark or fill. A cell's style is replaced, never mutated, as other cells may share it.
 */
class StyleCache {
  private readonly summary = new Map<string, Partial<ExcelJS.Style>>();
  private readonly changed = new WeakMap<object, Map<string, Partial<ExcelJS.Style>>>();

  forSummary(style: SummaryStyle, numFmt: string | undefined): Partial<ExcelJS.Style> {
    const key = `${style}|${numFmt ?? ""}`;
    let shared = this.summary.get(key);
    if (!shared) {
      shared = { ...excelJsStyle(SUMMARY_STYLES[style]), ...(numFmt ? { numFmt } : {}) };
      this.summary.set(key, shared);
    }
    return shared;
  }

  restyle(cell: ExcelJS.Cell, key: string, change: Partial<ExcelJS.Style>): void {
    const base = cell.style ?? {};
    let byChange = this.changed.get(base);
    if (!byChange) this.changed.set(base, (byChange = new Map()));
    let shared = byChange.get(key);
    if (!shared) byChange.set(key, (shared = { ...base, ...change }));
    cell.style = shared;
  }
}

function addSummarySheet(workbook: ExcelJS.Workbook, summary: SummarySheet, styles: StyleCache): void {
  if (summary.replaces) {
    const old = workbook.getWorksheet(summary.name);
    if (old) workbook.removeWorksheet(old.id);
  }
  const sheet = workbook.addWorksheet(summary.name, {
    views: [{ state: "frozen", ySplit: summary.freezeRows }],
  });
  summary.columnWidths.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  for (const merge of summary.merges) sheet.mergeCells(merge.top + 1, merge.left + 1, merge.bottom + 1, merge.right + 1);
  // Cells come row by row: each row is looked up once.
  let rowNumber = 1;
  let row = sheet.getRow(rowNumber);
  for (const c of summary.cells) {
    if (c.row + 1 !== rowNumber) row = sheet.getRow((rowNumber = c.row + 1));
    const cell = row.getCell(c.col + 1);
    // Text is set as a plain string value: ExcelJS writes it as text, never as a formula.
    cell.value = c.isNumber ? Number(c.value) : c.value;
    cell.style = styles.forSummary(c.style, c.numFmt);
  }
  sheet.getRow(1).height = 28;
}

export function applyAnalysis(workbook: ExcelJS.Workbook, analysis: Analysis): void {
  const styles = new StyleCache();
  // The user's own formulas (a 总分 =SUM(...)) may depend on the cells we fill: ExcelJS cannot
  // recalculate, so Excel does it when the file is opened.
  workbook.calcProperties.fullCalcOnLoad = true;
  for (const write of analysis.writes) {
    const cell = workbook.getWorksheet(write.sheet)?.getCell(write.row + 1, write.col + 1);
    if (!cell) continue;
    cell.value = Number(write.value);
    styles.restyle(cell, `numFmt:${write.numFmt}`, { numFmt: write.numFmt });
  }
  for (const mark of analysis.marks) {
    const cell = workbook.getWorksheet(mark.sheet)?.getCell(mark.row + 1, mark.col + 1);
    if (cell) styles.restyle(cell, `fill:${mark.color}`, { fill: solidFill(mark.color) });
  }
  addSummarySheet(workbook, analysis.summary, styles);
}
