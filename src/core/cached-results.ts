/**
 * Formula results the .xlsx copy updates: a 总分 =SUM(...) over cells jixiao fills in gets the new
 * sum as its cached result (CellWrite.cachedResult), for readers that show cached results without
 * recalculating; the add-in leaves them to Excel. jixiao's record keeps each (field `cachedResults`)
 * with the result the formula held before, so that 清除标记, which blanks the filled-in cells again,
 * gives that result back too, while the formula still holds jixiao's.
 */
import { CellValue, SheetView, WorkbookGrid, isCellError, parseCellAddress, viewsByName } from "./grid";
import { CellWrite } from "./result";
import { WorkbookState } from "./state";

export interface CachedResultEntry {
  sheet: string;
  /** "H18" */
  cell: string;
  /** The result jixiao wrote, as an exact decimal. */
  value: string;
  /** The result before: the one the first run found, kept over later runs while the formula holds jixiao's. */
  was: CellValue;
}

/** A formula cell that holds the result jixiao wrote (not a value typed over it, nor a result since recalculated). */
function holdsResult(views: ReadonlyMap<string, SheetView>, entry: Pick<CachedResultEntry, "sheet" | "cell" | "value">): boolean {
  const view = views.get(entry.sheet);
  const at = parseCellAddress(entry.cell);
  return view !== undefined && at !== undefined && view.isFormula(at.row, at.col) && view.raw(at.row, at.col) === Number(entry.value);
}

const isCellValue = (value: unknown): value is CellValue =>
  value === null || ["string", "number", "boolean"].includes(typeof value) || (isCellError(value as CellValue) && typeof (value as { error: unknown }).error === "string");

/** The entries of a workbook's record; damaged ones (a hand-edited part) are dropped. */
export function cachedResultsOf(state: WorkbookState): CachedResultEntry[] {
  const list = state.cachedResults;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (e): e is CachedResultEntry =>
      typeof e === "object" && e !== null && typeof e.sheet === "string" && typeof e.cell === "string" && typeof e.value === "string" && isCellValue(e.was),
  );
}

/** The record with these entries; without the field when there are none, as a workbook never scored has it. */
export function withCachedResults(state: WorkbookState, entries: CachedResultEntry[]): WorkbookState {
  const next: WorkbookState = { ...state };
  delete next.cachedResults;
  if (entries.length > 0) next.cachedResults = entries;
  return next;
}

/**
 * The entries after a run that writes `writes` into the workbook read as `grid`: each formula result
 * written, with the result before it (an earlier run's `was` while the formula still holds that
 * run's result, so a rerun does not take jixiao's own result for the user's); and the earlier
 * entries this run leaves alone while their formulas still hold jixiao's result.
 */
export function recordCachedResults(writes: CellWrite[], grid: WorkbookGrid, previous: CachedResultEntry[]): CachedResultEntry[] {
  const views = viewsByName(grid);
  const key = (e: { sheet: string; cell: string }) => `${e.sheet}\u0000${e.cell}`;
  const earlier = new Map(previous.filter((e) => holdsResult(views, e)).map((e) => [key(e), e]));
  const entries = new Map<string, CachedResultEntry>();
  for (const w of writes) {
    if (!w.cachedResult) continue;
    // An earlier entry's `was` may be null (no result before the first run): that is kept too.
    const first = earlier.get(key(w));
    const was = first ? first.was : views.get(w.sheet)?.raw(w.row, w.col) ?? null;
    entries.set(key(w), { sheet: w.sheet, cell: w.cell, value: w.value, was });
  }
  for (const [k, e] of earlier) if (!entries.has(k)) entries.set(k, e);
  return [...entries.values()];
}

/** 清除标记: the entries whose formulas still hold jixiao's result, to be given their results before back. */
export function cachedResultsToGiveBack(entries: CachedResultEntry[], grid: WorkbookGrid): CachedResultEntry[] {
  const views = viewsByName(grid);
  return entries.filter((e) => holdsResult(views, e));
}
