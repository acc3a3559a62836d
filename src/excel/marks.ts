/**
 * jixiao's marks in the open workbook, following the core's plan (src/core/marks.ts): what the cells
 * to mark look like now (fills, and notes where Excel has the notes API, ExcelApi 1.18), the notes
 * written back; the record itself goes through src/excel/state.ts.
 *
 * Below ExcelApi 1.18 the marks are colour alone, explained by the legend on 综合得分. Threaded
 * comments (1.10) are not used instead: they are a conversation attributed to the user, and Excel
 * refuses a second one on a cell the user has commented on.
 */
import { MergeRange, cellAddress, quotedSheetName } from "../core/grid";
import { CellNote, Fill, LookAt, NoteChange, sheetCellKey } from "../core/marks";
import { FillLookup } from "../core/writeplan";
import { ApiCheck, NOTES_API } from "./api";
import { WriteOp, writeOp } from "./batch";
import { FILL_OPTIONS, WorkbookRead, fillAt, fillColor } from "./read";

/** "'表1'!B2": a cell as the notes API names it (the sheet always quoted). */
function noteAddress(sheet: string, row: number, col: number): string {
  return `${quotedSheetName(sheet)}!${cellAddress(row, col)}`;
}

/** The range of a (merged) area. */
export function rangeOf(sheet: Excel.Worksheet, area: MergeRange): Excel.Range {
  return sheet.getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1);
}

export interface Looks {
  looks: LookAt;
  fills: FillLookup;
  /** The notes read now. */
  notes: NoteAt;
  /** Whether a cell has a note now (to add one or change it). */
  hasNote: (sheet: string, row: number, col: number) => boolean;
}

/**
 * The fills and notes of the areas, in at most one sync: fills the workbook read already has are
 * used, the others read; notes are read for each area's top-left cell (where jixiao's note goes).
 * Other cells count as having no note: the plan only asks for the note of an area's top-left cell.
 */
export async function readLooks(context: Excel.RequestContext, state: Pick<WorkbookRead, "fills" | "sheets">, areas: { sheet: string; area: MergeRange }[], api: ApiCheck): Promise<Looks> {
  const known: FillLookup = (sheet, row, col) => fillAt(state, sheet, row, col);
  const missing = areas.filter(({ sheet, area }) => {
    for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) if (known(sheet, r, c) === undefined) return true;
    return false;
  });
  const present = new Set(state.sheets.map((s) => s.name));
  const fillReads = missing
    .filter(({ sheet }) => present.has(sheet))
    .map(({ sheet, area }) => ({ sheet, area, props: rangeOf(context.workbook.worksheets.getItem(sheet), area).getCellProperties(FILL_OPTIONS) }));
  const noteReads = queueNotes(
    context,
    areas.filter(({ sheet }) => present.has(sheet)).map(({ sheet, area }) => ({ sheet, row: area.top, col: area.left })),
    api,
  );
  if (fillReads.length > 0 || noteReads.count > 0) await context.sync();

  const extra = new Map<string, string | null>();
  for (const { sheet, area, props } of fillReads) {
    props.value.forEach((row, r) => row.forEach((cell, c) => extra.set(sheetCellKey(sheet, area.top + r, area.left + c), fillColor(cell))));
  }
  const noteAt = noteReads.read();
  // A known fill may be null (no fill): only an unknown one is looked up among those read now.
  const fills: FillLookup = (sheet, row, col) => {
    const fill = known(sheet, row, col);
    return fill !== undefined ? fill : extra.get(sheetCellKey(sheet, row, col));
  };
  return {
    fills,
    looks: (sheet, row, col) => {
      const fill = fills(sheet, row, col);
      return fill === undefined ? undefined : { fill, note: noteAt(sheet, row, col) };
    },
    notes: noteAt,
    hasNote: (sheet, row, col) => noteAt(sheet, row, col) !== null,
  };
}

/** A cell's note (null for none); cells not read count as having none. */
export type NoteAt = (sheet: string, row: number, col: number) => string | null;

export interface QueuedNotes {
  /** Notes queued: the caller syncs when there are any. */
  count: number;
  /** The notes read, after the sync. */
  read(): NoteAt;
}

/** Queues reading the notes of cells for the caller's next sync; none below ExcelApi 1.18. */
export function queueNotes(context: Excel.RequestContext, cells: { sheet: string; row: number; col: number }[], api: ApiCheck): QueuedNotes {
  const reads = api(NOTES_API)
    ? cells.map(({ sheet, row, col }) => {
        const note = context.workbook.notes.getItemOrNullObject(noteAddress(sheet, row, col));
        note.load("content");
        return { sheet, row, col, note };
      })
    : [];
  return {
    count: reads.length,
    read: () => noteAtOf(reads.filter(({ note }) => !note.isNullObject).map(({ note, ...cell }) => ({ ...cell, note: note.content }))),
  };
}

/** The notes a host read, by cell. */
export function noteAtOf(notes: CellNote[]): NoteAt {
  const byCell = new Map(notes.map(({ sheet, row, col, note }) => [sheetCellKey(sheet, row, col), note]));
  return (sheet, row, col) => byCell.get(sheetCellKey(sheet, row, col)) ?? null;
}

/** Queues a note changed, added, or deleted (null), as the cell has one now or not. */
export function writeNote(context: Excel.RequestContext, change: NoteChange, exists: boolean): void {
  const notes = context.workbook.notes;
  const address = noteAddress(change.sheet, change.row, change.col);
  if (change.note === null) {
    if (exists) notes.getItem(address).delete();
  } else if (exists) notes.getItem(address).content = change.note;
  else notes.add(address, change.note);
}

/** The notes of a plan as writes. Nothing below ExcelApi 1.18. */
export function noteOps(context: Excel.RequestContext, notes: NoteChange[], hasNote: Looks["hasNote"], api: ApiCheck): WriteOp[] {
  if (!api(NOTES_API)) return [];
  return notes.map((change) => writeOp(2, change.note, () => writeNote(context, change, hasNote(change.sheet, change.row, change.col))));
}

/** The notes a plan changes, with what each read before (`noteAt`), for the undo record; none
 * below ExcelApi 1.18, where no note is written. */
export function notesBefore(notes: NoteChange[], noteAt: NoteAt, api: ApiCheck): (NoteChange & { old: { n: string | null } })[] {
  return api(NOTES_API) ? notes.map((n) => ({ ...n, old: { n: noteAt(n.sheet, n.row, n.col) } })) : [];
}

/** Queues a range's fill: a colour, or none (null); undefined leaves it as it is. */
export function setFill(range: Excel.Range, fill: Fill | undefined): void {
  if (fill === null) range.format.fill.clear();
  else if (fill !== undefined) range.format.fill.color = fill;
}
