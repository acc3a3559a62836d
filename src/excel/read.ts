/**
 * Reads the open workbook into the grid model through Office.js, with the fills the undo snapshot
 * needs, in as few syncs as the API allows:
 *
 * 1. sheet names, positions, visibility and protection (one sync for any number of sheets);
 * 2. for every sheet at once: its used range (values only) with values, number formats, fills,
 *    merged areas, the cells that hold formulas and the hidden columns (getColumnProperties, ExcelApi 1.9);
 * 3. where jixiao's record lists marks: the workbook's notes (ExcelApi 1.18, two syncs: see
 *    notes.ts), so that the marks follow rows inserted and sheets renamed since.
 *
 * The sizes of the used ranges are not known before the second sync (Office.js cannot ask for a
 * sheet's used range before it knows the sheet), so the second sync asks for everything in one go.
 * When that answer would be too large (a RichApi error: the 5 MB response limit of Excel on the web,
 * more than 512 merged areas on a sheet, or a used range over five million cells, which comes back
 * as null values), the reader falls back to reading the used-range addresses (one sync) and then row
 * blocks packed into syncs of an estimated ≤ 4 MB, splitting and retrying a block that still fails.
 *
 * Grid rows and columns are absolute sheet positions: the used range's offset is padded with nulls.
 *
 * Formula cells are read as such (getSpecialCellsOrNullObject("Formulas"), in the same syncs as the
 * values): a formula whose result is "" shows as an empty cell in `values`, and the core must not
 * write over it.
 */
import { MergeRange, SheetGrid, WorkbookGrid, hiddenColumnRuns } from "../core/grid";
import { followedStateText, recordsMarks } from "../core/marks";
import { UndoRecord, packChunks } from "../core/writeplan";
import { ApiCheck, MERGED_AREAS_API, MIN_API, officeApi } from "./api";
import { isBackupSheet } from "../core/summary-sheet";
import { UNDO_SETTING } from "./keys";
import { readWorkbookNotes } from "./notes";
import { queueRecordParts, stateOfPartDom } from "./state";
import { undoStackOf } from "./undo-stack";
import { fromExcelValue } from "./values";

export interface SheetInfo {
  name: string;
  position: number;
  visibility: string;
  protected: boolean;
}

/** Fills read for a rectangle of a sheet: a colour, or null for no fill. */
export interface FillBlock {
  top: number;
  left: number;
  colors: (string | null)[][];
}

/** A workbook as the add-in reads it before writing (not jixiao's record: that is core/state's WorkbookState). */
export interface WorkbookRead {
  /** Every sheet but the add-in's own backup sheets; `state` is jixiao's record, when there is one. */
  grid: WorkbookGrid;
  /** The custom XML part holding jixiao's record (src/core/state.ts), null when there is none. */
  recordPartId: string | null;
  /** jixiao's record as the part holds it, its marks where the run left them (grid.state has them
   * where their notes are now): what 撤销 puts back. */
  recordText?: string;
  /** The undo stack, newest run first (empty when there is nothing to undo or it is unreadable). */
  undo: UndoRecord[];
  /** Every sheet of the workbook, the add-in's own included, in tab order. */
  sheets: SheetInfo[];
  workbookProtected: boolean;
  /** Old fills by sheet name, where they were read. */
  fills: Map<string, FillBlock[]>;
}

export interface ReadOptions {
  api?: ApiCheck;
  /** Also read every cell's fill (for the undo snapshot). */
  fills?: boolean;
}

/**
 * Response size estimate per cell: values ~30 B (a number or a short text as JSON), numberFormat
 * ~12 B ("General", "0.00%") and, with fills, getCellProperties' {"format":{"fill":{"color":
 * "#FFFFFF","pattern":"None"}}} ~55 B. Merged and formula areas cost ~80 B per area
 * ({"rowIndex":…,"columnIndex":…,"rowCount":…,"columnCount":…}), not per cell: a column of
 * formulas is one area. They are not in the estimate, nor are long texts; the budget leaves a 1 MB
 * margin under the 5 MB limit for them, and a block that still fails is split and retried.
 */
const BYTES_PER_CELL = 100;
export const RESPONSE_BUDGET = 4_000_000;
/** What getCellProperties is asked for: the fill, with its pattern to tell "no fill" from white. */
export const FILL_OPTIONS: Excel.CellPropertiesLoadOptions = { format: { fill: { color: true, pattern: true } } };

/** A cell's fill from getCellProperties: "#RRGGBB", or null for no fill. */
export function fillColor(cell: Excel.CellProperties): string | null {
  const fill = cell.format?.fill;
  return fill?.pattern === "None" ? null : fill?.color ?? null;
}
/**
 * What getColumnProperties is asked for: whether each column is hidden. Which column an answer is
 * comes from its place in the list (one per column of the range, left to right): the reference does
 * not say whether ColumnProperties.columnIndex counts from the range or from the sheet.
 */
export const COLUMN_OPTIONS: Excel.ColumnPropertiesLoadOptions = { columnHidden: true };
/** What is loaded of a RangeAreas (merged areas, formula cells): each area's position and size. */
const AREA_PATHS = ["areas/items/rowIndex", "areas/items/columnIndex", "areas/items/rowCount", "areas/items/columnCount"];

/** The grid of every sheet (values, number formats, merged areas) plus what writing needs: sheet
 * protection, the workbook's own sheets and old fills. */
export async function readWorkbookState(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookRead> {
  const api = options.api ?? officeApi;
  const withFills = options.fills ?? false;
  const { sheets, workbookProtected, recordParts, undo } = await readSheetList(context);
  // jixiao keeps one record part; its text arrives with the next sync.
  const recordPart = recordParts.items[0];
  let recordXml = recordPart?.getXml();
  // A sync that failed took the record's text with it: asked again.
  const complete = await readSheetBlocks(context, sheets, api, withFills, () => (recordXml = recordPart?.getXml()));
  const grid: WorkbookGrid = { sheets: sheetGrids(sheets, complete) };
  const names = grid.sheets.map((sheet) => sheet.name);
  const record = recordXml ? stateOfPartDom(recordXml.value) : undefined;
  // The marks where their notes are now: rows or columns inserted or deleted, a sheet renamed since the run.
  if (record !== undefined) grid.state = recordsMarks(record) ? followedStateText(record, await readWorkbookNotes(context, api), names) : record;
  const fills = new Map<string, FillBlock[]>();
  if (withFills) {
    for (const read of complete) {
      fills.set(read.block.sheet, [...(fills.get(read.block.sheet) ?? []), { top: read.block.top, left: read.block.left, colors: read.fills ?? [] }]);
    }
  }
  return { grid, recordPartId: recordPart?.id ?? null, recordText: record, undo, sheets, workbookProtected, fills };
}

/** The grids of `sheets` (readSheetList's) but the add-in's own backup sheets: values, number formats, merged areas. */
export async function readSheetGrids(context: Excel.RequestContext, sheets: SheetInfo[], api: ApiCheck): Promise<SheetGrid[]> {
  return sheetGrids(sheets, await readSheetBlocks(context, sheets, api, false, () => undefined));
}

/**
 * Every sheet's blocks but the backup sheets': the used ranges in one sync, or, where that answer
 * would be too large, in blocks (`retrying` first queues again what the failed sync was to bring).
 */
async function readSheetBlocks(context: Excel.RequestContext, sheets: SheetInfo[], api: ApiCheck, withFills: boolean, retrying: () => void): Promise<BlockRead[]> {
  const names = sheets.map((s) => s.name).filter((name) => !isBackupSheet(name));
  let reads: BlockRead[];
  try {
    reads = await readUsedRanges(context, names, api, withFills);
  } catch (error) {
    if (!isSizeError(error)) throw error;
    retrying();
    reads = await readBlocks(context, await usedRangeBlocks(context, names), api, withFills);
  }
  // A used range over the cell limit comes back without values: read it again in blocks.
  const oversized = reads.filter((read) => read.values === null).map((read) => read.block);
  const complete = reads.filter((read) => read.values !== null);
  if (oversized.length > 0) complete.push(...(await readBlocks(context, oversized.flatMap(splitRows), api, withFills)));
  return complete;
}

/** The grids of the sheets read, in tab order. */
function sheetGrids(sheets: SheetInfo[], reads: BlockRead[]): SheetGrid[] {
  return sheets
    .filter((s) => !isBackupSheet(s.name))
    .map((s) => sheetGrid(s.name, reads.filter((read) => read.block.sheet === s.name), s.visibility !== "Visible"));
}

/** One sheet's grid, its values as a whole read gives them (the 综合得分 sheet 撤销 checks). */
export async function readSheetGrid(context: Excel.RequestContext, name: string, api: ApiCheck = officeApi): Promise<SheetGrid> {
  return sheetGrid(name, await readUsedRanges(context, [name], api, false), false);
}

/** The old fill of a cell, if it was read. */
export function fillAt(state: Pick<WorkbookRead, "fills">, sheet: string, row: number, col: number): string | null | undefined {
  for (const block of state.fills.get(sheet) ?? []) {
    const color = block.colors[row - block.top]?.[col - block.left];
    if (color !== undefined) return color;
  }
  return undefined;
}

/** Sync 1: the sheets and their protection, and the custom XML part holding jixiao's record. */
export async function readSheetList(
  context: Excel.RequestContext,
): Promise<{ sheets: SheetInfo[]; workbookProtected: boolean; recordParts: Excel.CustomXmlPartScopedCollection; undo: UndoRecord[] }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/position,items/visibility,items/protection/protected");
  const protection = context.workbook.protection;
  protection.load("protected");
  const recordParts = queueRecordParts(context);
  const undo = context.workbook.settings.getItemOrNullObject(UNDO_SETTING);
  undo.load("value");
  await context.sync();
  return {
    sheets: worksheets.items.map((ws) => ({ name: ws.name, position: ws.position, visibility: ws.visibility, protected: ws.protection.protected })),
    workbookProtected: protection.protected,
    recordParts,
    undo: undoStackOf(undo) ?? [],
  };
}

/** Errors that reading less at a time cannot cure. */
const NOT_ABOUT_SIZE = new Set(["ApiNotFound", "ItemNotFound", "AccessDenied", "InvalidOperationInCellEditMode", "PropertyNotLoaded"]);

/** An Office.js error that a smaller read may avoid (payload limits, too many merged areas…). */
function isSizeError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && !NOT_ABOUT_SIZE.has(code);
}

// ---------------------------------------------------------------------------------------------
// Blocks: a rectangle of one sheet, read with its values, formats, fills and merged areas

interface Block {
  sheet: string;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

interface BlockRead {
  block: Block;
  /** null when Excel would not return that many cells. */
  values: unknown[][] | null;
  numFmts: string[][] | null;
  fills: (string | null)[][] | null;
  merges: MergeRange[];
  /** The rectangles of cells holding formulas, clipped to the block. */
  formulas: MergeRange[];
  /** The block's hidden columns (0-based sheet columns). */
  hiddenColumns: number[];
}

interface PendingRead {
  sheet: string;
  range: Excel.Range;
  fills: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null;
  merges: Excel.RangeAreas | null;
  formulas: Excel.RangeAreas | null;
  columns: OfficeExtension.ClientResult<Excel.ColumnProperties[]> | null;
}

/** Queues the reads of one range; `range` must also load rowIndex/columnIndex/rowCount/columnCount. */
function queueRead(sheet: string, range: Excel.Range, api: ApiCheck, withFills: boolean): PendingRead {
  range.load(["rowIndex", "columnIndex", "rowCount", "columnCount", "values", "numberFormat"]);
  const fills = withFills ? range.getCellProperties(FILL_OPTIONS) : null;
  // Only merged areas whose top-left cell lies in the range are returned (office-js #3611), so
  // disjoint blocks see each merged area exactly once.
  const merges = api(MERGED_AREAS_API) ? range.getMergedAreasOrNullObject() : null;
  merges?.load(AREA_PATHS);
  // ExcelApi 1.9, as everything the host writes with: below it nothing is written, so formula cells
  // need not be known. A string, not Excel.SpecialCellType.formulas, so no Excel global is needed.
  const formulas = api(MIN_API) ? range.getSpecialCellsOrNullObject("Formulas") : null;
  formulas?.load(AREA_PATHS);
  // Hidden columns (ExcelApi 1.9 too): one entry per column of the range, in the same sync.
  const columns = api(MIN_API) ? range.getColumnProperties(COLUMN_OPTIONS) : null;
  return { sheet, range, fills, merges, formulas, columns };
}

function areasOf(areas: Excel.RangeAreas | null): MergeRange[] {
  if (!areas || areas.isNullObject) return [];
  return areas.areas.items.map((a) => ({ top: a.rowIndex, left: a.columnIndex, bottom: a.rowIndex + a.rowCount - 1, right: a.columnIndex + a.columnCount - 1 }));
}

/** The part of `area` inside `block`, if any. */
function clip(area: MergeRange, block: Block): MergeRange | undefined {
  const clipped = {
    top: Math.max(area.top, block.top),
    left: Math.max(area.left, block.left),
    bottom: Math.min(area.bottom, block.top + block.rows - 1),
    right: Math.min(area.right, block.left + block.cols - 1),
  };
  return clipped.top <= clipped.bottom && clipped.left <= clipped.right ? clipped : undefined;
}

function collect(pending: PendingRead): BlockRead {
  const { range } = pending;
  const block = { sheet: pending.sheet, top: range.rowIndex, left: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
  const values = range.values as unknown[][] | null;
  return {
    block,
    values,
    numFmts: range.numberFormat as string[][] | null,
    fills: pending.fills?.value.map((row) => row.map(fillColor)) ?? null,
    merges: areasOf(pending.merges),
    // Clipped to the block in case Excel answers beyond it (VBA's SpecialCells widens a one-cell
    // range to the sheet's used range), so disjoint blocks never disagree.
    formulas: areasOf(pending.formulas).flatMap((area) => clip(area, block) ?? []),
    hiddenColumns: (pending.columns?.value ?? []).flatMap((column, i) => (column.columnHidden ? [block.left + i] : [])),
  };
}

/** Sync 2: every sheet's whole used range. getUsedRange (not …OrNullObject) because the calls
 * chained on it in the same batch need a real range: a blank sheet answers A1, read as empty. */
async function readUsedRanges(context: Excel.RequestContext, names: string[], api: ApiCheck, withFills: boolean): Promise<BlockRead[]> {
  const pending = names.map((name) => queueRead(name, context.workbook.worksheets.getItem(name).getUsedRange(true), api, withFills));
  await context.sync();
  return pending.map(collect);
}

/** Fallback, one sync: the used-range rectangles of every sheet, split into row blocks. */
async function usedRangeBlocks(context: Excel.RequestContext, names: string[]): Promise<Block[]> {
  const ranges = names.map((name) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load(["rowIndex", "columnIndex", "rowCount", "columnCount"]);
    return { name, range };
  });
  await context.sync();
  return ranges
    .filter(({ range }) => !range.isNullObject)
    .flatMap(({ name, range }) => splitRows({ sheet: name, top: range.rowIndex, left: range.columnIndex, rows: range.rowCount, cols: range.columnCount }));
}

/** Row blocks of at most a sync's budget of cells. */
function splitRows(block: Block): Block[] {
  const rowsPerBlock = Math.max(1, Math.floor(RESPONSE_BUDGET / BYTES_PER_CELL / block.cols));
  const blocks: Block[] = [];
  for (let top = block.top; top < block.top + block.rows; top += rowsPerBlock) {
    blocks.push({ ...block, top, rows: Math.min(rowsPerBlock, block.top + block.rows - top) });
  }
  return blocks;
}

/** Reads blocks in syncs of an estimated ≤ RESPONSE_BUDGET each. */
async function readBlocks(context: Excel.RequestContext, blocks: Block[], api: ApiCheck, withFills: boolean): Promise<BlockRead[]> {
  const reads: BlockRead[] = [];
  for (const group of packChunks(blocks, (b) => b.rows * b.cols * BYTES_PER_CELL, RESPONSE_BUDGET)) {
    reads.push(...(await readGroup(context, group, api, withFills)));
  }
  return reads;
}

/** One sync for a group of blocks; when Excel refuses it, the group is read again in two halves. */
async function readGroup(context: Excel.RequestContext, group: Block[], api: ApiCheck, withFills: boolean): Promise<BlockRead[]> {
  try {
    const pending = group.map((b) =>
      queueRead(b.sheet, context.workbook.worksheets.getItem(b.sheet).getRangeByIndexes(b.top, b.left, b.rows, b.cols), api, withFills),
    );
    await context.sync();
    const reads = pending.map(collect);
    if (reads.some((r) => r.values === null)) throw Object.assign(new Error("Range too large to read"), { code: "RangeExceedsLimit" });
    return reads;
  } catch (error) {
    const pieces = halve(group);
    if (!isSizeError(error) || !pieces) throw error;
    const reads: BlockRead[] = [];
    for (const piece of pieces) reads.push(...(await readGroup(context, piece, api, withFills)));
    return reads;
  }
}

/** Two smaller pieces of work: the group split in two, or its only block split by rows. */
function halve(group: Block[]): Block[][] | undefined {
  if (group.length > 1) {
    const middle = Math.ceil(group.length / 2);
    return [group.slice(0, middle), group.slice(middle)];
  }
  const [block] = group;
  if (block.rows < 2) return undefined;
  const upper = Math.ceil(block.rows / 2);
  return [[{ ...block, rows: upper }], [{ ...block, top: block.top + upper, rows: block.rows - upper }]];
}

// ---------------------------------------------------------------------------------------------
// Assembly

function sheetGrid(name: string, reads: BlockRead[], hidden: boolean): SheetGrid {
  const sheet: SheetGrid = { name, values: [], numFmts: [], merges: [], ...(hidden && { hidden: true }) };
  let empty = true;
  const formulas: (boolean | undefined)[][] = [];
  const hiddenColumns = new Set<number>();
  for (const { block, values, numFmts, merges, formulas: areas, hiddenColumns: blockHidden } of reads) {
    for (const col of blockHidden) hiddenColumns.add(col);
    values?.forEach((row, r) => {
      const mapped = row.map(fromExcelValue);
      if (mapped.some((v) => v !== null)) empty = false;
      sheet.values[block.top + r] = [...Array<null>(block.left).fill(null), ...mapped];
      sheet.numFmts[block.top + r] = [
        ...Array<undefined>(block.left).fill(undefined),
        ...(numFmts?.[r] ?? []).map((f) => (f === "General" ? undefined : f)),
      ];
    });
    sheet.merges.push(...merges);
    for (const area of areas) {
      for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) (formulas[r] ??= [])[c] = true;
    }
  }
  if (hiddenColumns.size > 0) sheet.hiddenColumns = hiddenColumnRuns([...hiddenColumns].map((col) => ({ first: col, last: col })));
  // Dense rows (no holes), like values and numFmts.
  if (formulas.length > 0) sheet.formulas = Array.from(formulas, (row) => Array.from(row ?? []));
  if (empty) return { ...sheet, values: [], numFmts: [] };
  // Rows above the used range: empty rows (grid rows may be ragged).
  for (let r = 0; r < sheet.values.length; r++) {
    sheet.values[r] ??= [];
    sheet.numFmts[r] ??= [];
  }
  return sheet;
}
