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
import { LookAt, NoteChange } from "../core/marks";
import { FillLookup } from "../core/writeplan";
import { ApiCheck } from "./api";
import { WriteOp, writeOp } from "./batch";
import { FILL_OPTIONS, WorkbookState, fillAt, fillColor } from "./read";

/** Notes: ExcelApi 1.18. */
export const NOTES_API = 18;

/** "'表1'!B2": a cell as the notes API names it (the sheet always quoted). */
export function noteAddress(sheet: string, row: number, col: number): string {
  return `${quotedSheetName(sheet)}!${cellAddress(row, col)}`;
}

function rangeOf(sheet: Excel.Worksheet, area: MergeRange): Excel.Range {
  return sheet.getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1);
}

export interface Looks {
  looks: LookAt;
  fills: FillLookup;
  /** Whether a cell has a note now (to add one or change it). */
  hasNote: (sheet: string, row: number, col: number) => boolean;
}

/**
 * The fills and notes of the areas, in at most one sync: fills the workbook read already has are
 * used, the others read; notes are read for each area's top-left cell (where jixiao's note goes).
 * Other cells count as having no note: the plan only asks for the note of an area's top-left cell.
 */
export async function readLooks(context: Excel.RequestContext, state: Pick<WorkbookState, "fills" | "sheets">, areas: { sheet: string; area: MergeRange }[], api: ApiCheck): Promise<Looks> {
  const known: FillLookup = (sheet, row, col) => fillAt(state, sheet, row, col);
  const missing = areas.filter(({ sheet, area }) => {
    for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) if (known(sheet, r, c) === undefined) return true;
    return false;
  });
  const present = new Set(state.sheets.map((s) => s.name));
  const fillReads = missing
    .filter(({ sheet }) => present.has(sheet))
    .map(({ sheet, area }) => ({ sheet, area, props: rangeOf(context.workbook.worksheets.getItem(sheet), area).getCellProperties(FILL_OPTIONS) }));
  const withNotes = api(NOTES_API);
  const noteReads = withNotes
    ? areas
        .filter(({ sheet }) => present.has(sheet))
        .map(({ sheet, area }) => {
          const note = context.workbook.notes.getItemOrNullObject(noteAddress(sheet, area.top, area.left));
          note.load("content");
          return { sheet, row: area.top, col: area.left, note };
        })
    : [];
  if (fillReads.length > 0 || noteReads.length > 0) await context.sync();

  const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row},${col}`;
  const extra = new Map<string, string | null>();
  for (const { sheet, area, props } of fillReads) {
    props.value.forEach((row, r) => row.forEach((cell, c) => extra.set(key(sheet, area.top + r, area.left + c), fillColor(cell))));
  }
  const notes = new Map<string, string>();
  for (const { sheet, row, col, note } of noteReads) if (!note.isNullObject) notes.set(key(sheet, row, col), note.content);
  // A known fill may be null (no fill): only an unknown one is looked up among those read now.
  const fills: FillLookup = (sheet, row, col) => {
    const fill = known(sheet, row, col);
    return fill !== undefined ? fill : extra.get(key(sheet, row, col));
  };
  return {
    fills,
    looks: (sheet, row, col) => {
      const fill = fills(sheet, row, col);
      return fill === undefined ? undefined : { fill, note: notes.get(key(sheet, row, col)) ?? null };
    },
    hasNote: (sheet, row, col) => notes.has(key(sheet, row, col)),
  };
}

/** The notes of a plan as writes: a note changed, added, or deleted. Nothing below ExcelApi 1.18. */
export function noteOps(context: Excel.RequestContext, notes: NoteChange[], hasNote: Looks["hasNote"], api: ApiCheck): WriteOp[] {
  if (!api(NOTES_API)) return [];
  const collection = context.workbook.notes;
  return notes.map((change) => {
    const address = noteAddress(change.sheet, change.row, change.col);
    return writeOp(2, change.note, () => {
      const exists = hasNote(change.sheet, change.row, change.col);
      if (change.note === null) {
        if (exists) collection.getItem(address).delete();
      } else if (exists) collection.getItem(address).content = change.note;
      else collection.add(address, change.note);
    });
  });
}
