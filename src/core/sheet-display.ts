/**
 * One sheet as the page shows it beside the results: the cells' text as the user sees it (numbers
 * in their formats), the merged areas, the values jixiao filled in, and the marks of the scored
 * copy with their notes. A large sheet is shown as a window around its tables, and says so.
 */
import { groupBy } from "./collections";
import { AnalysisResult, CellWrite, Severity, TableReport } from "./result";
import { CellValue, MergeRange, SheetGrid, SheetView, WorkbookGrid, cellKey, cellText, parseRangeAddress, viewOf } from "./grid";
import { MARK_COLORS, MarkEntry, NOTE_PREFIX, WantedMark, wantedMarks, withoutOwnFills } from "./marks";
import type { Lang } from "./messages";
import { numberShown } from "./values";

/** The most rows and columns a sheet view holds: enough for any form, small enough to send and draw. */
export const MAX_SHOWN_ROWS = 300;
export const MAX_SHOWN_COLS = 40;
/** Longer cell text is cut (with "…"): a note pasted into a cell should not weigh on the page. */
export const MAX_CELL_TEXT = 300;

export type ShownMark = Severity | "filled";

export interface ShownCell {
  /** 0-based, on the sheet. */
  row: number;
  col: number;
  text: string;
  /** A number (shown right-aligned, as a spreadsheet does). */
  numeric?: true;
  /** How far a merged area reaches from here, within the window; absent for 1. */
  rowSpan?: number;
  colSpan?: number;
  /** The scored copy's mark here: its most severe finding, or a value jixiao filled in. */
  mark?: ShownMark;
  /** The scored copy's note for the mark, without its prefix: the findings, one a line, or how the value was computed. */
  note?: string;
}

export interface SheetDisplay {
  sheet: string;
  /** The rows and columns shown, 0-based and inclusive. */
  window: MergeRange;
  /** Rows and columns the sheet uses (values and merged areas): more than the window when it was cut. */
  rows: number;
  cols: number;
  /** The cells that show something (text, a mark, a merged area), row by row; the others are blank. */
  cells: ShownCell[];
}

/** The sheet's own tables, writes and marks. */
export interface DisplayInput {
  tables: TableReport[];
  writes: CellWrite[];
  /** The marks the scored copy carries (src/core/marks.ts wantedMarks), none when marking is off. */
  marks: WantedMark[];
}

const SEVERITY_OF_COLOR = new Map((Object.keys(MARK_COLORS) as Severity[]).map((severity) => [MARK_COLORS[severity], severity]));

const holdsValue = (value: CellValue | undefined): boolean => value !== null && value !== undefined && value !== "";

/**
 * The rows and columns used: up to the last cell holding a value, with the merged areas that
 * start at one, and the tables (a flagged blank cell lies in one).
 */
function usedExtent(view: SheetView, tables: MergeRange): { rows: number; cols: number } {
  let rows = tables.bottom + 1;
  let cols = tables.right + 1;
  view.sheet.values.forEach((row, r) => {
    row?.forEach((value, c) => {
      if (!holdsValue(value)) return;
      rows = Math.max(rows, r + 1);
      cols = Math.max(cols, c + 1);
    });
  });
  for (const merge of view.sheet.merges) {
    if (!holdsValue(view.raw(merge.top, merge.left))) continue;
    // A merge down a whole column reaches past the values; the rows holding values are the sheet.
    rows = Math.max(rows, Math.min(merge.bottom + 1, view.rowCount));
    cols = Math.max(cols, merge.right + 1);
  }
  return { rows, cols };
}

/**
 * The part of one axis shown: all of it when it fits; else `max` rows (or columns) from the
 * tables' first: up to a tenth of `max` before it, for the form's header block (项目名称, 单位名称)
 * or labels, as long as the tables still fit up to their last, and the rest after them.
 */
function shownSpan(first: number, last: number, used: number, max: number): [number, number] {
  if (used <= max) return [0, used - 1];
  const before = Math.max(0, Math.min(Math.floor(max / 10), max - (last - first + 1)));
  const start = Math.max(0, first - before);
  const end = Math.min(used - 1, start + max - 1);
  return [Math.max(0, end - max + 1), end];
}

function shownText(text: string): string {
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

/**
 * The view of one sheet after an analysis: each cell's text as the scored copy shows it (a value
 * jixiao filled in replaces the blank), merged areas as spans clipped to the window, and the marks.
 */
export function sheetDisplay(sheet: SheetGrid, input: DisplayInput): SheetDisplay {
  const view = viewOf(sheet);
  const ranges = input.tables.map((t) => parseRangeAddress(t.range)!);
  // The box holding the sheet's tables; A1 for none, so the window starts at the sheet's top-left.
  const tables: MergeRange =
    ranges.length === 0
      ? { top: 0, left: 0, bottom: 0, right: 0 }
      : {
          top: Math.min(...ranges.map((t) => t.top)),
          left: Math.min(...ranges.map((t) => t.left)),
          bottom: Math.max(...ranges.map((t) => t.bottom)),
          right: Math.max(...ranges.map((t) => t.right)),
        };
  const { rows, cols } = usedExtent(view, tables);
  const [top, bottom] = shownSpan(tables.top, tables.bottom, rows, MAX_SHOWN_ROWS);
  const [left, right] = shownSpan(tables.left, tables.right, cols, MAX_SHOWN_COLS);

  const writes = new Map(input.writes.map((w) => [cellKey(w.row, w.col), w]));
  const marks = new Map(input.marks.map((m) => [cellKey(m.area.top, m.area.left), m]));

  const cells: ShownCell[] = [];
  for (let row = top; row <= bottom; row++) {
    for (let col = left; col <= right; col++) {
      const merge = view.mergeAt(row, col);
      // A merged area is drawn once, from its first cell inside the window.
      if (merge && (row !== Math.max(merge.top, top) || col !== Math.max(merge.left, left))) continue;
      const origin = merge ? { row: merge.top, col: merge.left } : { row, col };
      const cell: ShownCell = { row, col, text: "" };
      const write = writes.get(cellKey(origin.row, origin.col));
      const value = write ? Number(write.value) : view.raw(origin.row, origin.col);
      if (typeof value === "number") {
        cell.text = numberShown(value, write ? write.numFmt : view.numFmt(origin.row, origin.col));
        cell.numeric = true;
      } else {
        cell.text = shownText(cellText(value));
      }
      if (merge) {
        const rowSpan = Math.min(merge.bottom, bottom) - row + 1;
        const colSpan = Math.min(merge.right, right) - col + 1;
        if (rowSpan > 1) cell.rowSpan = rowSpan;
        if (colSpan > 1) cell.colSpan = colSpan;
      }
      const mark = marks.get(cellKey(origin.row, origin.col));
      if (mark) {
        cell.mark = mark.kind === "filled" ? "filled" : SEVERITY_OF_COLOR.get(mark.color)!;
        cell.note = mark.text.slice(NOTE_PREFIX.length).trim();
      }
      if (cell.text !== "" || cell.rowSpan || cell.colSpan || cell.mark) cells.push(cell);
    }
  }
  return { sheet: sheet.name, window: { top, left, bottom, right }, rows, cols, cells };
}

/**
 * The views of the sheets holding tables, with the marks the scored copy carries (the same
 * wantedMarks), or none when the profile turns marking off. The values earlier runs filled in show
 * as the copy has them: filled in again, or taken back.
 */
export function tableSheetDisplays(
  workbook: WorkbookGrid,
  analysis: AnalysisResult & { ownFills: MarkEntry[] },
  options: { lang: Lang; mark: boolean },
): SheetDisplay[] {
  const marks = options.mark ? wantedMarks(analysis, workbook, options.lang) : [];
  const grid = withoutOwnFills(workbook, analysis.ownFills);
  // Grouped once: each sheet looking through the whole workbook's lists grew with the square of the sheets.
  const tables = groupBy(analysis.tables, (t) => t.sheet);
  const writes = groupBy(analysis.writes, (w) => w.sheet);
  const marksOn = groupBy(marks, (m) => m.sheet);
  return grid.sheets
    .filter((s) => tables.has(s.name))
    .map((s) => sheetDisplay(s, { tables: tables.get(s.name)!, writes: writes.get(s.name) ?? [], marks: marksOn.get(s.name) ?? [] }));
}
