/**
 * Writes an analysis into the open workbook: the core's cell writes, the fills that mark findings,
 * and the 综合得分 summary sheet (rendered from its plain layout). Everything that could make Excel
 * refuse the batch is checked first, so a refusal leaves the workbook as it was; the undo record is
 * the first thing in the batch, so even a batch cut short by Excel can be taken back.
 *
 * Marks, their notes and jixiao's record follow the core's plan (src/core/marks.ts, src/excel/marks.ts).
 * The undo record keeps what the run changes, notes and the previous record included, on a stack of
 * the last UNDO_DEPTH runs.
 *
 * Syncs: one for everything, plus one before it when a marked cell lies outside the ranges whose
 * fills were read with the workbook or notes are to be read (ExcelApi 1.18), plus one per extra
 * 4 MB of request.
 */
import type { Analysis } from "../core/analyze";
import type { Lang } from "../core/messages";
import { MergeRange, cellAddress, sameSheetName, viewsByName, wholeRows } from "../core/grid";
import { ValueClear, cellsToLook, changingWrites, marksOf, marksOnSheets, ownFillsNotRefilled, planMarks, wantedMarks, withMarks } from "../core/marks";
import { parseState, stateJson } from "../core/state";
import { summaryDigest } from "../core/summary-sheet";
import { SUMMARY_BORDER_COLOR, SUMMARY_FONT, SUMMARY_STYLES, SummaryCellStyle, SummarySheet } from "../core/summary-types";
import {
  CellPlan,
  UndoRecord,
  buildUndoRecord,
  changedSheets,
  columnWidthPoints,
  planCellChanges,
  planSummary,
  undoSummary,
  withOldCells,
} from "../core/writeplan";
import { ApiCheck, MIN_API, officeApi } from "./api";
import { WriteOp, runOps, sheetProxies, writeOp } from "./batch";
import { freeBackupSheet } from "./keys";
import { noteOps, notesBefore, rangeOf, readLooks, setFill } from "./marks";
import { recordOp } from "./state";
import { pushUndoOps } from "./undo-stack";
import { HostError, hostMessages } from "./messages";
import { SheetInfo, WorkbookRead } from "./read";

export interface ApplyOptions {
  api?: ApiCheck;
  lang?: Lang;
  /** Mark cells (the profile's markCells); default true. */
  mark?: boolean;
}

export interface ApplyResult {
  /** Cells filled with a computed value. */
  written: number;
  /** The marks the run leaves (a merged area is one): what 清除标记 would then take away. */
  marked: number;
  summarySheet: string;
}

type SheetOf = (name: string) => Excel.Worksheet;

export async function applyAnalysis(
  context: Excel.RequestContext,
  analysis: Analysis,
  state: WorkbookRead,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const api = options.api ?? officeApi;
  const m = hostMessages(options.lang);
  if (!api(MIN_API)) throw new HostError(m.apiTooOld);
  // The marks follow the core's plan (src/core/marks.ts), from jixiao's record in the workbook.
  const recordState = parseState(state.grid.state);
  const previous = marksOf(recordState);
  const wanted = options.mark === false ? [] : wantedMarks(analysis, state.grid, options.lang ?? "zh");
  const sheetNames = state.sheets.map((s) => s.name);
  // Marks on sheets deleted since the last run went with their sheets.
  const kept = marksOnSheets(previous, sheetNames);
  const areas = cellsToLook(wanted, kept);
  // Excel recalculates formulas itself: a write that only updates a cached result is not made, so
  // it is not in the undo record either; nor is jixiao's own value filled in again the same.
  const written = { writes: changingWrites(analysis.writes, state.grid).filter((w) => !w.cachedResult) };
  const summary = analysis.summary;
  const replaced = checkBeforeWriting(planCellChanges(written, areas.map((a) => ({ ...a, fill: null }))), summary, state, options.lang);

  const { looks, fills, notes, hasNote } = await readLooks(context, state, areas, api);
  const marks = planMarks(wanted, kept, looks);
  const plan = planCellChanges(written, marks.fills);
  // Values an earlier run filled in that this one no longer computes go with their marks.
  const notRefilled = ownFillsNotRefilled(analysis);
  const views = viewsByName(state.grid);
  const backup = replaced ? freeBackupSheet(sheetNames) : null;
  const undo = withOldCells(buildUndoRecord(plan, state.grid, fills, undoSummary(summary.name, backup, replaced)), [
    ...notesBefore(marks.notes, notes, api),
    ...notRefilled.map((c) => {
      const view = views.get(c.sheet)!;
      return { ...c, old: { v: view.raw(c.row, c.col) as number, f: view.sheet.numFmts[c.row]?.[c.col] ?? "General" } };
    }),
  ]);
  // The record as the workbook holds it, not as followed: 撤销 gives it back as it was, so the run
  // below it on the stack finds its marks moved when rows were inserted since (review round 54b, H1).
  const record: UndoRecord = { ...undo, state: state.recordText ?? state.grid.state ?? null };
  const undoOps = pushUndoOps(context, record, state.undo, sheetNames, m);

  const newRecord = withMarks(recordState, { ...marks.record, summary: { name: summary.name, digest: summaryDigest(summary) } });
  const sheetOf = sheetProxies(context);
  await runOps(
    context,
    [
      ...undoOps,
      ...cellOps(plan, sheetOf),
      ...clearOps(notRefilled, sheetOf),
      ...noteOps(context, marks.notes, hasNote, api),
      ...summaryOps(context, summary, replaced, backup),
      recordOp(context, state.recordPartId, stateJson(newRecord)),
    ],
    api,
  );
  return { written: plan.writes.length, marked: marks.record.entries.length, summarySheet: summary.name };
}

/** Refuses, before anything is written, what Excel would refuse half-way. Returns the older
 * summary sheet this run replaces, if any. */
function checkBeforeWriting(plan: CellPlan, summary: SummarySheet, state: WorkbookRead, lang: Lang | undefined): SheetInfo | undefined {
  const m = hostMessages(lang);
  const find = (name: string) => state.sheets.find((s) => sameSheetName(s.name, name));
  for (const name of changedSheets(plan)) {
    const sheet = find(name);
    if (!sheet) throw new HostError(m.sheetMissing(name));
    if (sheet.protected) throw new HostError(m.protectedSheet(name));
  }
  // Adding the summary sheet changes the workbook structure.
  if (state.workbookProtected) throw new HostError(m.protectedWorkbook);
  const existing = find(summary.name);
  if (existing && !summary.replaces) throw new HostError(m.summaryNameTaken(summary.name));
  return existing;
}

export function cellOps(plan: CellPlan, sheetOf: SheetOf): WriteOp[] {
  const writes = plan.writes.map((w) =>
    writeOp(3, [w.numFmt, w.value], () => {
      const range = sheetOf(w.sheet).getRangeByIndexes(w.row, w.col, 1, 1);
      // The format first, so the number is shown as the core meant from the start.
      range.numberFormat = [[w.numFmt]];
      range.values = [[w.value]];
    }),
  );
  const fills = plan.fills.map((f) =>
    writeOp(2, f.fill, () => setFill(rangeOf(sheetOf(f.sheet), f.area), f.fill)),
  );
  return [...writes, ...fills];
}

/** Values jixiao filled in, taken back: each cell blank again (or its spaces back) in its old number format. */
export function clearOps(clears: ValueClear[], sheetOf: SheetOf): WriteOp[] {
  return clears.map((c) =>
    writeOp(3, c.numFmt, () => {
      const range = sheetOf(c.sheet).getRangeByIndexes(c.row, c.col, 1, 1);
      range.numberFormat = [[c.numFmt]];
      range.values = [[c.was ?? ""]];
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The summary sheet

/** Rows of the summary written per op: keeps each op's payload modest for chunking. */
const SUMMARY_ROWS_PER_OP = 200;

function summaryOps(context: Excel.RequestContext, summary: SummarySheet, replaced: SheetInfo | undefined, backup: string | null): WriteOp[] {
  const worksheets = context.workbook.worksheets;
  const plan = planSummary(summary);
  let sheet: Excel.Worksheet | undefined;
  const target = (): Excel.Worksheet => sheet!;
  const ops: WriteOp[] = [];

  ops.push(
    writeOp(3, summary.name, () => {
      if (!replaced || !backup) {
        sheet = worksheets.add(summary.name);
        return;
      }
      // The replaced summary is kept, very hidden, so undo can bring it back as it was: renamed
      // first to free its name, hidden only once the new sheet is there (a workbook keeps a
      // visible sheet), the new one in its place.
      const old = worksheets.getItem(replaced.name);
      old.name = backup;
      sheet = worksheets.add(summary.name);
      old.visibility = "VeryHidden";
      sheet.position = replaced.position;
    }),
  );
  for (let top = 0; top < summary.rowCount; top += SUMMARY_ROWS_PER_OP) {
    const rows = Math.min(SUMMARY_ROWS_PER_OP, summary.rowCount - top);
    const values = plan.values.slice(top, top + rows);
    const numFmts = plan.numFmts.slice(top, top + rows);
    ops.push(
      writeOp(3, [values, numFmts], () => {
        const range = target().getRangeByIndexes(top, 0, rows, summary.colCount);
        // Text cells are formatted "@" before the values arrive, so text stays text.
        range.numberFormat = numFmts;
        range.values = values;
      }),
    );
  }
  for (const merge of summary.merges) ops.push(writeOp(2, undefined, () => rangeOf(target(), merge).merge(false)));
  for (const block of plan.styleBlocks) {
    const area = { top: block.top, left: block.left, bottom: block.top + block.rows - 1, right: block.left + block.cols - 1 };
    ops.push(writeOp(16, SUMMARY_STYLES[block.style], () => applyStyle(rangeOf(target(), area), SUMMARY_STYLES[block.style], area)));
  }
  summary.columnWidths.forEach((width, col) =>
    ops.push(writeOp(2, width, () => (target().getRangeByIndexes(0, col, 1, 1).format.columnWidth = columnWidthPoints(width)))),
  );
  if (summary.freezeRows > 0) ops.push(writeOp(1, undefined, () => target().freezePanes.freezeRows(summary.freezeRows)));
  // One font family (Excel's own body font is not known here: 宋体), and rows as tall as their text.
  ops.push(writeOp(1, SUMMARY_FONT, () => (target().getRangeByIndexes(0, 0, summary.rowCount, summary.colCount).format.font.name = SUMMARY_FONT)));
  summary.rowHeights.forEach((height, row) => {
    if (height !== undefined) ops.push(writeOp(1, height, () => (target().getRangeByIndexes(row, 0, 1, 1).format.rowHeight = height)));
  });
  ops.push(writeOp(6, summary.print, () => printSetup(target(), summary)));
  const chart = summary.chart;
  if (chart) ops.push(writeOp(8, chart.title, () => addChart(target(), chart)));
  return ops;
}

/** A4 portrait (core SummaryPrint), every column on one page wide, the findings' header repeated, page numbers. */
function printSetup(sheet: Excel.Worksheet, summary: SummarySheet): void {
  const layout = sheet.pageLayout;
  layout.paperSize = "A4";
  layout.orientation = "Portrait";
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  const rows = summary.print.titleRows;
  if (rows) layout.setPrintTitleRows(wholeRows(rows.top, rows.bottom));
  layout.headersFooters.defaultForAllPages.centerFooter = summary.print.footer;
}

function applyStyle(range: Excel.Range, style: SummaryCellStyle, area: MergeRange): void {
  const format = range.format;
  if (style.bold) format.font.bold = true;
  if (style.size) format.font.size = style.size;
  if (style.color) format.font.color = style.color;
  if (style.fill) format.fill.color = style.fill;
  if (style.align) format.horizontalAlignment = style.align;
  if (style.wrap) format.wrapText = true;
  if (!style.border) return;
  const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal")[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
  if (area.right > area.left) edges.push("InsideVertical");
  if (area.bottom > area.top) edges.push("InsideHorizontal");
  for (const edge of edges) {
    const border = format.borders.getItem(edge);
    border.style = "Continuous";
    border.color = SUMMARY_BORDER_COLOR;
  }
}

/** A bar chart of 得分率 by 一级指标, where the layout places it: on the rows it leaves empty under them. */
function addChart(sheet: Excel.Worksheet, chart: NonNullable<SummarySheet["chart"]>): void {
  const bars = sheet.charts.add("BarClustered", rangeOf(sheet, chart.values), "Columns");
  bars.series.getItemAt(0).setXAxisValues(rangeOf(sheet, chart.categories));
  bars.title.text = chart.title;
  bars.legend.visible = false;
  bars.axes.valueAxis.numberFormat = chart.numberFormat;
  bars.axes.valueAxis.minimum = chart.valueMin;
  bars.axes.valueAxis.maximum = chart.valueMax;
  // Each bar carries its rate, as the sheet shows it (ExcelApi 1.8's data labels).
  bars.dataLabels.showValue = true;
  bars.dataLabels.numberFormat = chart.labelFormat;
  bars.axes.categoryAxis.reversePlotOrder = chart.topDown;
  // setPosition's end cell is covered whole, as the layout's anchor is.
  bars.setPosition(cellAddress(chart.anchor.top, chart.anchor.left), cellAddress(chart.anchor.bottom, chart.anchor.right));
}
