/**
 * What 撤销 checks before it restores a run, so that it never writes over the user's work: the
 * cells that no longer show what the run left there, and the marks no longer where jixiao's record
 * says (rows or columns inserted or deleted since). Only 撤销 uses it (src/excel/undo.ts, in the
 * task pane's lazily loaded chunk), so it is a module of its own, out of the pane's first load.
 */
import { CellValue, parseRangeAddress } from "./grid";
import { CellNote, MarkEntry, MarksRecord, followEach, sheetCellKey, userNote, withoutJixiaoText } from "./marks";
import { UndoRecord, forEachCell } from "./writeplan";

/** A cell as 撤销 finds it before restoring it: its fill, note, value, whether a formula gives it, and its number format. */
export interface CellNow {
  fill: string | null;
  note: string | null;
  value: CellValue;
  formula: boolean;
  numFmt?: string;
}

/**
 * The cells a run changed that no longer show what it left there, so that 撤销 would overwrite the
 * user's work with the cells' state before the run: a value typed over one it filled in, a fill of
 * the user's own, a line written into its note, or another row moved to the address (rows inserted
 * or deleted since). What the run left is what jixiao's record says now (its marks, their fills,
 * texts and filled-in values) and the values and formats the run wrote (UndoEntry x, xf; 采用计算值's
 * too). A run that left no mark there and wrote nothing (清除标记) is not checked. `now` is
 * undefined for a cell the host did not read (on a sheet that is gone).
 */
export function changedSinceRun(
  record: UndoRecord,
  marks: readonly MarkEntry[],
  now: (sheet: string, row: number, col: number) => CellNow | undefined,
): { sheet: string; row: number; col: number }[] {
  const markAt = new Map<string, MarkEntry>();
  for (const mark of marks) {
    const area = parseRangeAddress(mark.area);
    if (area) forEachCell(area, (row, col) => markAt.set(sheetCellKey(mark.sheet, row, col), mark));
  }
  const changed: { sheet: string; row: number; col: number }[] = [];
  for (const { name, entries } of record.sheets) {
    for (const entry of entries) {
      const mark = markAt.get(sheetCellKey(name, entry.r, entry.c));
      const cell = now(name, entry.r, entry.c);
      // A cell the run wrote is checked by what it wrote, even where its mark is gone (采用计算值).
      if (!cell || (!mark && entry.x === undefined)) continue;
      // A cell back as it was before the run (采用计算值 took the mark's fill off) loses nothing.
      const fillChanged = mark !== undefined && entry.fill !== undefined && cell.fill !== mark.color && cell.fill !== entry.fill;
      const left = entry.x ?? mark?.value;
      const valueChanged = entry.v !== undefined && left !== undefined && (cell.formula || (cell.value !== left && cell.value !== entry.v));
      // A number format of the user's on a cell the run wrote (review round 54b, L2); the one before the run loses nothing.
      const formatChanged = entry.xf !== undefined && cell.numFmt !== undefined && cell.numFmt !== entry.xf && cell.numFmt !== entry.f;
      const noteKept = mark !== undefined && cell.note !== null && cell.note.includes(mark.text) && userNote(cell.note, mark.text) === withoutJixiaoText(entry.n ?? null);
      const noteChanged = mark !== undefined && entry.n !== undefined && !noteKept && cell.note !== entry.n;
      if (fillChanged || valueChanged || formatChanged || noteChanged) changed.push({ sheet: name, row: entry.r, col: entry.c });
    }
  }
  return changed;
}

/** A mark of a run no longer where its record says: where it was, and where it is now (null: gone with its row). */
export interface MovedMark {
  was: MarkEntry;
  now: MarkEntry | null;
}

/**
 * The marks of `record` that are no longer where it says (followMovedMarks): moved by rows or
 * columns inserted or deleted, on a renamed sheet, or gone with their row. 撤销 refuses while a
 * run's marks have moved: its cells are no longer at the addresses it kept (review round 54b, H1).
 */
export function movedMarks(record: MarksRecord, notes: CellNote[], sheets: string[]): MovedMark[] {
  const { followed } = followEach(record, notes, sheets);
  return record.entries.flatMap((was, i) => {
    const now = followed[i] ?? null;
    return now?.sheet === was.sheet && now.area === was.area ? [] : [{ was, now }];
  });
}
