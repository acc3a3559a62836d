/**
 * Writes an analysis into the open workbook: the core's cell writes, the fills that mark findings,
 * and the 综合得分 summary sheet (rendered from its plain layout). Everything that could make Excel
 * refuse the batch is checked first, so a refusal leaves the workbook as it was; the undo record is
 * the first thing in the batch, so even a batch cut short by Excel can be taken back.
 *
 * Syncs: one for everything, plus one before it only when a marked cell lies outside the ranges
 * whose fills were read with the workbook, plus one per extra 4 MB of request.
 */
import type { Analysis, Lang } from "../core/analyze";
import { MergeRange, cellAddress } from "../core/grid";
import { EMPTY_MARKS, LookAt, planMarks, wantedMarks } from "../core/marks";
import { SUMMARY_BORDER_COLOR, SUMMARY_STYLES, SummaryCellStyle, SummarySheet } from "../core/summary-types";
import {
  CellPlan,
  FillLookup,
  buildUndoRecord,
  changedSheets,
  columnWidthPoints,
  entryCells,
  missingFills,
  planCellChanges,
  planSummary,
} from "../core/writeplan";
import { ApiCheck, MIN_API, officeApi } from "./api";
import { WriteOp, runOps, sheetProxies, writeOp } from "./batch";
import { UNDO_BACKUP_SHEET, UNDO_RECORD_MAX_CHARS, UNDO_SETTING } from "./keys";
import { HostError, hostMessages } from "./messages";
import { FILL_OPTIONS, SheetInfo, WorkbookState, fillAt, fillColor } from "./read";

export interface ApplyOptions {
  api?: ApiCheck;
  lang?: Lang;
  /** Mark cells (the profile's markCells); default true. */
  mark?: boolean;
}

export interface ApplyResult {
  /** Cells filled with a computed value. */
  written: number;
  /** Cells (or merged areas) marked with a fill. */
  marked: number;
  summarySheet: string;
}

type SheetOf = (name: string) => Excel.Worksheet;

export async function applyAnalysis(
  context: Excel.RequestContext,
  analysis: Analysis,
  state: WorkbookState,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const api = options.api ?? officeApi;
  const m = hostMessages(options.lang);
  if (!api(MIN_API)) throw new HostError(m.apiTooOld);
  // The marks follow the core's plan (src/core/marks.ts). Notes and the record across runs are not
  // written by this host yet: every run starts from no record, and undo takes its marks back.
  const wanted = options.mark === false ? [] : wantedMarks(analysis, state.grid, options.lang ?? "zh");
  const asked = planCellChanges(analysis, wanted.map((w) => ({ sheet: w.sheet, area: w.area, fill: w.color })));
  const summary = analysis.summary;
  const replaced = checkBeforeWriting(asked, summary, state, options.lang);

  const fills = await completeFills(context, asked, state);
  const looks: LookAt = (sheet, row, col) => {
    const fill = fills(sheet, row, col);
    return fill === undefined ? undefined : { fill, note: null };
  };
  const marks = planMarks(wanted, EMPTY_MARKS, looks);
  const plan = planCellChanges(analysis, marks.fills);
  const record = buildUndoRecord(plan, state.grid, fills, {
    name: summary.name,
    backup: replaced ? UNDO_BACKUP_SHEET : null,
    position: replaced?.position ?? null,
  });
  const json = JSON.stringify(record);
  if (json.length > UNDO_RECORD_MAX_CHARS) {
    throw new HostError(m.undoTooLarge(record.sheets.reduce((n, s) => n + s.entries.reduce((k, e) => k + entryCells(e), 0), 0)));
  }

  const sheetOf = sheetProxies(context);
  const staleBackup = state.sheets.some((s) => s.name === UNDO_BACKUP_SHEET);
  await runOps(
    context,
    [
      writeOp(1, json, () => context.workbook.settings.add(UNDO_SETTING, json)),
      ...cellOps(plan, sheetOf),
      ...summaryOps(context, summary, replaced, staleBackup),
    ],
    api,
  );
  return { written: plan.writes.length, marked: marks.marked, summarySheet: summary.name };
}

/** Refuses, before anything is written, what Excel would refuse half-way. Returns the older
 * summary sheet this run replaces, if any. */
function checkBeforeWriting(plan: CellPlan, summary: SummarySheet, state: WorkbookState, lang: Lang | undefined): SheetInfo | undefined {
  const m = hostMessages(lang);
  const find = (name: string) => state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
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

/** Old fills for every cell to be marked: from the workbook read, or (for cells outside the
 * ranges read) one more sync. */
async function completeFills(context: Excel.RequestContext, plan: CellPlan, state: WorkbookState): Promise<FillLookup> {
  const known: FillLookup = (sheet, row, col) => fillAt(state, sheet, row, col);
  if (missingFills(plan, known).length === 0) return known;
  const areas = plan.fills.filter((f) => missingFills({ writes: [], fills: [f] }, known).length > 0);
  const results = areas.map((f) => ({ fill: f, props: rangeOf(context.workbook.worksheets.getItem(f.sheet), f.area).getCellProperties(FILL_OPTIONS) }));
  await context.sync();
  const extra = new Map<string, string | null>();
  for (const { fill, props } of results) {
    props.value.forEach((row, r) => row.forEach((cell, c) => extra.set(`${fill.sheet}\u0000${fill.area.top + r},${fill.area.left + c}`, fillColor(cell))));
  }
  return (sheet, row, col) => known(sheet, row, col) ?? extra.get(`${sheet}\u0000${row},${col}`);
}

function rangeOf(sheet: Excel.Worksheet, area: MergeRange): Excel.Range {
  return sheet.getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1);
}

function cellOps(plan: CellPlan, sheetOf: SheetOf): WriteOp[] {
  const writes = plan.writes.map((w) =>
    writeOp(3, [w.numFmt, w.value], () => {
      const range = sheetOf(w.sheet).getRangeByIndexes(w.row, w.col, 1, 1);
      // The format first, so the number is shown as the core meant from the start.
      range.numberFormat = [[w.numFmt]];
      range.values = [[w.value]];
    }),
  );
  const fills = plan.fills.map((f) =>
    writeOp(2, f.fill, () => {
      const fill = rangeOf(sheetOf(f.sheet), f.area).format.fill;
      if (f.fill === null) fill.clear();
      else fill.color = f.fill;
    }),
  );
  return [...writes, ...fills];
}

// ---------------------------------------------------------------------------------------------
// The summary sheet

/** Rows of the summary written per op: keeps each op's payload modest for chunking. */
const SUMMARY_ROWS_PER_OP = 200;

function summaryOps(context: Excel.RequestContext, summary: SummarySheet, replaced: SheetInfo | undefined, staleBackup: boolean): WriteOp[] {
  const worksheets = context.workbook.worksheets;
  const plan = planSummary(summary);
  let sheet: Excel.Worksheet | undefined;
  const target = (): Excel.Worksheet => sheet!;
  const ops: WriteOp[] = [];

  // The backup of an older run's replaced summary belongs to the undo record being overwritten.
  if (staleBackup) ops.push(writeOp(2, undefined, () => worksheets.getItem(UNDO_BACKUP_SHEET).delete()));
  ops.push(
    writeOp(3, summary.name, () => {
      // Keep the replaced summary, very hidden, so undo can bring it back as it was.
      const old = replaced ? worksheets.getItem(replaced.name) : undefined;
      if (old) old.name = UNDO_BACKUP_SHEET;
      sheet = worksheets.add(summary.name);
      if (old && replaced) {
        old.visibility = "VeryHidden";
        sheet.position = replaced.position;
      }
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
  const chart = summary.chart;
  if (chart) ops.push(writeOp(8, chart.title, () => addChart(target(), chart)));
  return ops;
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

/** A bar chart of 得分率 by 一级指标, below the tables where the layout places it. */
function addChart(sheet: Excel.Worksheet, chart: NonNullable<SummarySheet["chart"]>): void {
  const bars = sheet.charts.add("BarClustered", rangeOf(sheet, chart.values), "Columns");
  bars.series.getItemAt(0).setXAxisValues(rangeOf(sheet, chart.categories));
  bars.title.text = chart.title;
  bars.legend.visible = false;
  bars.axes.valueAxis.numberFormat = "0%";
  bars.setPosition(cellAddress(chart.anchor.top, chart.anchor.left), cellAddress(chart.anchor.bottom, chart.anchor.right));
}
