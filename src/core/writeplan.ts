/**
 * What a host changes in a workbook for one analysis, and the record that takes it back: pure data,
 * so the Office.js adapter (src/excel) stays a thin translation and this part is tested directly.
 *
 * - Cell writes go to single cells; fills come from the mark plan (src/core/marks.ts), which fills
 *   the whole merged area a marked cell belongs to (Excel shows a merged area with its top-left
 *   cell's fill, so filling only that cell would be invisible in some clients and half-done in others).
 * - The undo record keeps, for every cell the run changes, what it held before: value and number
 *   format for written cells, fill for marked ones; a merged area whose cells had one fill is kept
 *   as one entry.
 */
import { CellValue, MergeRange, WorkbookGrid, isCellError, viewsByName } from "./grid";
import { FillChange } from "./marks";
import { AnalysisResult } from "./result";
import { SummarySheet, SummaryStyle } from "./summary-types";

export interface PlannedWrite {
  sheet: string;
  row: number;
  col: number;
  /** The number Excel stores (the decimal string read as a double). */
  value: number;
  numFmt: string;
  /** Only the formula's cached result changes (see CellWrite.cachedResult). */
  cachedResult?: true;
}

export interface CellPlan {
  writes: PlannedWrite[];
  /** The marks' fills (src/core/marks.ts): jixiao's colours, and old fills put back. */
  fills: FillChange[];
}

/** The cells an analysis changes: its writes as they are, and the fills of its mark plan. */
export function planCellChanges(analysis: Pick<AnalysisResult, "writes">, fills: FillChange[]): CellPlan {
  const writes = analysis.writes.map((w): PlannedWrite => {
    const write: PlannedWrite = { sheet: w.sheet, row: w.row, col: w.col, value: Number(w.value), numFmt: w.numFmt };
    if (w.cachedResult) write.cachedResult = true;
    return write;
  });
  return { writes, fills };
}

/** The sheets a plan changes, in first-use order. */
export function changedSheets(plan: CellPlan): string[] {
  return [...new Set([...plan.writes.map((w) => w.sheet), ...plan.fills.map((f) => f.sheet)])];
}

// ---------------------------------------------------------------------------------------------
// Undo record

/** A cell value as a host writes it back: "" for empty. */
export type RestoreValue = string | number | boolean;

/** One cell (or, with h/w, one merged area) to put back. Keys are short: records can hold
 * thousands of entries and live in the workbook. */
export interface UndoEntry {
  r: number;
  c: number;
  /** Rows and columns of a merged area restored as one (both absent for a single cell). */
  h?: number;
  w?: number;
  /** Present when the run wrote the cell: the old value and number format. */
  v?: RestoreValue;
  f?: string;
  /** Present when the run filled the cell: the old fill, null for none. */
  fill?: string | null;
  /** Present when the run changed the cell's note: the old note, null for none. */
  n?: string | null;
  /** Present when the run (or 采用计算值) wrote the cell: the value and number format it left, to
   * tell when the user typed over it or set another format since (records from review round 54b on). */
  x?: number;
  xf?: string;
}

export interface UndoSummary {
  /** The summary sheet the run created (deleted on undo). */
  name: string;
  /** Where the replaced older summary sheet was kept (restored on undo), if there was one. */
  backup: string | null;
  /** The replaced sheet's position, to put it back where it was. */
  position: number | null;
  /** The replaced sheet's visibility when the user had hid it ("Hidden"): it comes back so
   * (review round 54b, L3). Absent for a visible one. */
  hidden?: string;
}

/** The summary part of an undo record: the sheet written, where the one it replaces is kept, and
 * that one's place and visibility. */
export function undoSummary(name: string, backup: string | null, replaced: { position: number; visibility: string } | undefined): UndoSummary {
  const summary: UndoSummary = { name, backup, position: replaced?.position ?? null };
  if (replaced && replaced.visibility !== "Visible") summary.hidden = replaced.visibility;
  return summary;
}

export interface UndoRecord {
  version: 1;
  sheets: { name: string; entries: UndoEntry[] }[];
  summary: UndoSummary | null;
  /** jixiao's record (src/core/state.ts) before the run, null for none; absent in records written
   * before the record existed. */
  state?: string | null;
}

/** How many runs back 撤销 reaches. */
export const UNDO_DEPTH = 5;

/** A copy of a record whose sheets and entries can be added to without changing the record. */
export function copyUndoRecord(record: UndoRecord): UndoRecord {
  return { ...record, sheets: record.sheets.map((s) => ({ name: s.name, entries: s.entries.map((e) => ({ ...e })) })) };
}

/**
 * The entry restoring one cell on its own (not an area the cell is part of), added to the record,
 * and its sheet too, when there is none yet.
 */
export function singleCellEntry(record: UndoRecord, sheet: string, row: number, col: number): UndoEntry {
  let entries = record.sheets.find((s) => s.name === sheet)?.entries;
  if (!entries) record.sheets.push({ name: sheet, entries: (entries = []) });
  let entry = entries.find((e) => e.r === row && e.c === col && e.h === undefined && e.w === undefined);
  if (!entry) entries.push((entry = { r: row, c: col }));
  return entry;
}

/** More of what single cells held before a run (their notes; values and formats 清除标记 takes
 * back), added to its undo record. */
export function withOldCells(record: UndoRecord, cells: { sheet: string; row: number; col: number; old: Pick<UndoEntry, "n" | "v" | "f"> }[]): UndoRecord {
  const next = copyUndoRecord(record);
  for (const cell of cells) Object.assign(singleCellEntry(next, cell.sheet, cell.row, cell.col), cell.old);
  return next;
}

/** The cells a record restores, each counted once (a cell may have one entry for its fill as part
 * of an area and another for its note). */
export function restoredCells(record: UndoRecord): number {
  let count = 0;
  for (const sheet of record.sheets) {
    const cells = new Set<string>();
    for (const e of sheet.entries) for (let r = 0; r < (e.h ?? 1); r++) for (let c = 0; c < (e.w ?? 1); c++) cells.add(`${e.r + r},${e.c + c}`);
    count += cells.size;
  }
  return count;
}

/** The undo stack with `record` on top, as stored; the records that no longer fit (beyond
 * UNDO_DEPTH, or over `maxChars` of JSON, the size a host's storage holds) are returned to clean
 * up after. `json` is null when the record alone is too large. */
export function pushUndo(record: UndoRecord, stack: UndoRecord[], maxChars: number): { json: string | null; dropped: UndoRecord[] } {
  const kept = [record, ...stack];
  const dropped: UndoRecord[] = [];
  while (kept.length > UNDO_DEPTH) dropped.unshift(kept.pop()!);
  let json = JSON.stringify(kept);
  while (json.length > maxChars && kept.length > 1) {
    dropped.unshift(kept.pop()!);
    json = JSON.stringify(kept);
  }
  return { json: json.length > maxChars ? null : json, dropped };
}

/** A setting as stored: JSON text parsed (undefined when it is not JSON), anything else as it is. */
function storedValue(json: unknown): unknown {
  if (typeof json !== "string") return json;
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/** The stored undo stack, newest first: a list of records, or one record as earlier versions kept. */
export function parseUndoStack(json: unknown): UndoRecord[] | undefined {
  const value = storedValue(json);
  if (!Array.isArray(value)) {
    const single = parseUndoRecord(value);
    return single ? [single] : undefined;
  }
  const records = value.map((r) => parseUndoRecord(r));
  return records.every((r) => r !== undefined) ? (records as UndoRecord[]) : undefined;
}

/** Old fill of a cell: a colour, null for none, undefined when the host has not read it. */
export type FillLookup = (sheet: string, row: number, col: number) => string | null | undefined;

export function restoreValue(value: CellValue | undefined): RestoreValue {
  if (value === null || value === undefined) return "";
  // An error value cannot be written back as such; the cell is restored empty.
  if (isCellError(value)) return "";
  return value;
}

export function forEachCell(area: MergeRange, visit: (row: number, col: number) => void): void {
  for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) visit(r, c);
}

/** Everything the plan will change, as it is now. Every fill must be known: one not read throws. */
export function buildUndoRecord(plan: CellPlan, grid: WorkbookGrid, fills: FillLookup, summary: UndoSummary | null): UndoRecord {
  const sheets = new Map<string, Map<string, UndoEntry>>();
  const entriesOf = (sheet: string) => sheets.get(sheet) ?? sheets.set(sheet, new Map()).get(sheet)!;
  const views = viewsByName(grid);
  const oldFill = (sheet: string, row: number, col: number): string | null => {
    const fill = fills(sheet, row, col);
    if (fill === undefined) throw new Error(`buildUndoRecord: the old fill of ${sheet}!R${row + 1}C${col + 1} was not read`);
    return fill;
  };

  for (const write of plan.writes) {
    const view = views.get(write.sheet);
    const entry = entriesOf(write.sheet);
    const key = `${write.row},${write.col}`;
    if (entry.has(key)) continue;
    entry.set(key, { r: write.row, c: write.col, v: restoreValue(view?.raw(write.row, write.col)), f: view?.sheet.numFmts[write.row]?.[write.col] ?? "General", x: write.value, xf: write.numFmt });
  }
  for (const fill of plan.fills) {
    const entries = entriesOf(fill.sheet);
    const { area } = fill;
    const colors = new Set<string | null>();
    forEachCell(area, (row, col) => colors.add(oldFill(fill.sheet, row, col)));
    const single = area.top === area.bottom && area.left === area.right;
    if (colors.size === 1 && !single) {
      const key = `${area.top},${area.left}:area`;
      if (!entries.has(key)) {
        entries.set(key, { r: area.top, c: area.left, h: area.bottom - area.top + 1, w: area.right - area.left + 1, fill: [...colors][0] });
      }
      continue;
    }
    forEachCell(area, (row, col) => {
      const key = `${row},${col}`;
      const existing = entries.get(key);
      if (existing && "fill" in existing) return;
      entries.set(key, { ...existing, r: row, c: col, fill: oldFill(fill.sheet, row, col) });
    });
  }
  return { version: 1, sheets: [...sheets].map(([name, entries]) => ({ name, entries: [...entries.values()] })), summary };
}

/** Reads a stored record back, or undefined when it is not one (a damaged or foreign setting). */
function parseUndoRecord(json: unknown): UndoRecord | undefined {
  const value = storedValue(json);
  const record = value as UndoRecord;
  if (typeof record !== "object" || record === null || record.version !== 1 || !Array.isArray(record.sheets)) return undefined;
  const entriesOk = record.sheets.every(
    (s) => typeof s?.name === "string" && Array.isArray(s.entries) && s.entries.every((e) => Number.isInteger(e?.r) && Number.isInteger(e?.c)),
  );
  const summaryOk = record.summary === null || (typeof record.summary?.name === "string" && (record.summary.backup === null || typeof record.summary.backup === "string"));
  return entriesOk && summaryOk ? record : undefined;
}

// ---------------------------------------------------------------------------------------------
// Summary sheet

export interface StyleBlock {
  top: number;
  left: number;
  rows: number;
  cols: number;
  style: SummaryStyle;
}

export interface SummaryPlan {
  /** rowCount × colCount: numbers as numbers, text as text, "" for empty. */
  values: (string | number)[][];
  /** Number formats; every text cell is "@" so Excel stores it as text: never a formula ("=…",
   * "+…", "-…", "@…" from a user's cell) and never re-read as a number ("98%"). */
  numFmts: string[][];
  /** Rectangles of cells sharing a style, so a table of a thousand rows costs a few format calls
   * (each call is a few hundred bytes of request; one per cell would pass 5 MB). */
  styleBlocks: StyleBlock[];
}

export function planSummary(summary: SummarySheet): SummaryPlan {
  const values = Array.from({ length: summary.rowCount }, () => Array<string | number>(summary.colCount).fill(""));
  const numFmts = Array.from({ length: summary.rowCount }, () => Array<string>(summary.colCount).fill("General"));
  const styles = Array.from({ length: summary.rowCount }, () => Array<SummaryStyle | null>(summary.colCount).fill(null));
  for (const cell of summary.cells) {
    values[cell.row][cell.col] = cell.isNumber ? Number(cell.value) : cell.value;
    numFmts[cell.row][cell.col] = cell.isNumber ? cell.numFmt ?? "General" : "@";
    styles[cell.row][cell.col] = cell.style;
  }
  return { values, numFmts, styleBlocks: styleBlocks(styles) };
}

/** Horizontal runs of one style, each grown downwards while the rows below repeat it exactly. */
export function styleBlocks(styles: (SummaryStyle | null)[][]): StyleBlock[] {
  const blocks: StyleBlock[] = [];
  /** Blocks that reach the previous row, by "left,cols,style". */
  let open = new Map<string, StyleBlock>();
  styles.forEach((row, r) => {
    const next = new Map<string, StyleBlock>();
    for (let c = 0; c < row.length; ) {
      const style = row[c];
      let end = c + 1;
      while (end < row.length && row[end] === style) end++;
      if (style !== null) {
        const key = `${c},${end - c},${style}`;
        const above = open.get(key);
        if (above) {
          above.rows++;
          next.set(key, above);
        } else {
          const block = { top: r, left: c, rows: 1, cols: end - c, style };
          blocks.push(block);
          next.set(key, block);
        }
      }
      c = end;
    }
    open = next;
  });
  return blocks;
}

/** Excel column width in points for a width in characters of the default font (7 px per
 * character plus 5 px padding, 0.75 pt per px). */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

// ---------------------------------------------------------------------------------------------
// Chunking

/** Packs items in order into chunks whose estimated size stays within the budget (an item larger
 * than the budget gets a chunk of its own). */
export function packChunks<T>(items: T[], size: (item: T) => number, budget: number): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const bytes = size(item);
    if (current.length > 0 && used + bytes > budget) {
      chunks.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
