/**
 * Every note of the workbook (ExcelApi 1.18), read in two syncs, for what needs them all: 清除标记
 * taking jixiao's text out of notes its record does not list, and the marks followed to where their
 * notes are now (see the core's followMovedMarks).
 */
import { CellNote } from "../core/marks";
import { ApiCheck, NOTES_API } from "./api";

export interface ListedNotes {
  /** After the caller's sync: queues reading the cell of each note listed, for its next sync. */
  locate(): { count: number; read(): CellNote[] };
}

/**
 * Queues listing every note of the workbook with its text, for the caller's next sync; none below
 * ExcelApi 1.18. A note tells its cell only through getLocation, on a note listed: so a second sync.
 */
export function queueWorkbookNotes(context: Excel.RequestContext, api: ApiCheck): ListedNotes {
  const notes = api(NOTES_API) ? context.workbook.notes.load("items/content") : undefined;
  return {
    locate: () => {
      const located = (notes?.items ?? []).map((note) => ({ note, cell: note.getLocation().load(["rowIndex", "columnIndex", "worksheet/name"]) }));
      return {
        count: located.length,
        read: () => located.map(({ note, cell }) => ({ sheet: cell.worksheet.name, row: cell.rowIndex, col: cell.columnIndex, note: note.content })),
      };
    },
  };
}

/** Every note of the workbook with its cell, after two syncs of its own; none below ExcelApi 1.18. */
export async function readWorkbookNotes(context: Excel.RequestContext, api: ApiCheck): Promise<CellNote[]> {
  if (!api(NOTES_API)) return [];
  const listed = queueWorkbookNotes(context, api);
  await context.sync();
  const located = listed.locate();
  if (located.count > 0) await context.sync();
  return located.read();
}
