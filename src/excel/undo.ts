/**
 * 撤销上次重算: the add-in's own way back. Excel's Ctrl+Z often cannot undo add-in writes (before
 * ExcelApi 1.20 most of them clear the undo stack), so each recalculation stores an undo record in
 * the workbook's add-in settings ("jixiao.undo", see keys.ts), on a stack of the last five runs: it
 * survives closing the pane and reopening the file. Undo takes the newest run back: every value,
 * number format, fill and note it changed, the summary sheet it created deleted, the older summary
 * it replaced (kept very hidden as "jixiao.undo.summary…") brought back, and the marks in jixiao's
 * record as they were before the run (its other fields, such as ignores set since, stay); then that
 * run leaves the stack. A recalculation and 清除标记 push their runs with pushUndoOps (undo-stack.ts),
 * and keep the summary sheet they replace or put away very hidden (清除标记 with keepAsBackup);
 * 采用计算值 pushes the newest run again with its cells added (src/excel/fixes.ts).
 *
 * Undo never overwrites the user's work: when a cell the run changed no longer shows what the run
 * left (a value typed over one it filled in or 采用计算值 wrote, a number format, a fill or a note
 * line of the user's, rows inserted or deleted since), or a sheet it changed has been renamed or
 * deleted, it refuses, changing nothing, names the cells and points to 清除标记, which keeps such
 * edits (review round 33). Rows or columns inserted or deleted are also told by the marks (from
 * ExcelApi 1.18): one no longer where jixiao's record says, its note elsewhere, means the run's
 * addresses no longer hold its cells (review round 54b). If the user
 * renamed the new summary sheet, it is left in place. Cells holding formulas are never written (the
 * read marks them, even when their result is blank), so there is no formula to bring back.
 *
 * Nor does it delete a 综合得分 the user has written in since the run (signed it): it refuses, naming it.
 *
 * Syncs: one to read the undo record, check protection and list the notes, one more to read
 * jixiao's record and the notes' cells when the workbook has one, one to read the summary sheet the run wrote, one to read the cells it restores,
 * one to restore (plus one per extra 4 MB).
 */
import type { Lang } from "../core/messages";
import { cellAddress, sheetNameKey } from "../core/grid";
import { marksOf, recordAfterUndo, sheetCellKey } from "../core/marks";
import { changedSinceRun, movedMarks } from "../core/undo-check";
import { WorkbookState, parseState, stateJson } from "../core/state";
import { sheetDigest } from "../core/summary-sheet";
import { UndoEntry, UndoRecord, restoredCells } from "../core/writeplan";
import { ApiCheck, NOTES_API, officeApi } from "./api";
import { WriteOp, runOps, sheetProxies, writeOp } from "./batch";
import { UNDO_SETTING } from "./keys";
import { NoteAt, queueNotes, setFill, writeNote } from "./marks";
import { FILL_OPTIONS, fillColor, readSheetGrid } from "./read";
import { queueRecordParts, readRecordText, recordOp } from "./state";
import { HostError, HostMessages, hostMessages } from "./messages";
import { queueWorkbookNotes } from "./notes";
import { undoStackOf } from "./undo-stack";

export interface UndoOptions {
  api?: ApiCheck;
  lang?: Lang;
}

/** Restores the last recalculation still on the stack; resolves to the number of cells restored
 * (the cells the run filled in or marked, as it reported them), or null when there is nothing to
 * undo. Refuses (changing nothing) when a sheet it must touch is protected. */
export async function undoLast(context: Excel.RequestContext, options: UndoOptions = {}): Promise<number | null> {
  const m = hostMessages(options.lang);
  const api = options.api ?? officeApi;
  const setting = context.workbook.settings.getItemOrNullObject(UNDO_SETTING);
  setting.load("value");
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  const protection = context.workbook.protection;
  protection.load("protected");
  const recordParts = queueRecordParts(context);
  // Every note, to find whether the run's marks have moved since (rows inserted or deleted).
  const listed = queueWorkbookNotes(context, api);
  await context.sync();
  const stack = undoStackOf(setting);
  if (!stack) throw new HostError(m.undoDamaged);
  const [record, ...rest] = stack;
  if (!record) return null;
  const existing = new Map(worksheets.items.map((ws) => [sheetNameKey(ws.name), { name: ws.name, protected: ws.protection.protected }]));
  const find = (name: string | null | undefined) => (name ? existing.get(sheetNameKey(name)) : undefined);

  // A sheet renamed since the run would be skipped and its marks left for good: nothing is undone.
  const gone = record.sheets.find((s) => !find(s.name));
  if (gone) throw new HostError(m.undoEditedSince([m.sheetItem(gone.name)], 0));
  const sheets = record.sheets.map((s) => ({ ...s, name: find(s.name)!.name }));
  const locked = sheets.find((s) => find(s.name)!.protected);
  if (locked) throw new HostError(m.undoProtectedSheet(locked.name));
  const summary = record.summary;
  const summarySheet = find(summary?.name);
  const backup = find(summary?.backup);
  if ((summarySheet || backup) && protection.protected) throw new HostError(m.undoProtectedWorkbook);

  const readRecord = record.state !== undefined || sheets.length > 0 || summarySheet;
  // The notes' cells come with the record's text, in its sync.
  const located = readRecord && recordParts.items[0] ? listed.locate() : undefined;
  const recordText = readRecord ? await readRecordText(context, recordParts.items[0]) : undefined;
  // The run's marks moved since (rows or columns inserted or deleted): its cells are no longer at
  // the addresses it kept, so restoring them would write over other rows (review round 54b, H1).
  const moved = movedMarks(marksOf(parseState(recordText)), located?.read() ?? [], worksheets.items.map((ws) => ws.name)).filter(({ was }) =>
    sheets.some((s) => sheetNameKey(s.name) === sheetNameKey(was.sheet)),
  );
  if (moved.length > 0) {
    // Named where the user finds them now; a mark gone with its row, where it was.
    const shown = moved.slice(0, 5).map(({ was, now }) => `${(now ?? was).sheet}!${(now ?? was).area}`);
    throw new HostError(m.undoEditedSince(shown, moved.length - shown.length));
  }
  // The 综合得分 the run wrote, written in since (signed): deleting it would lose that (review round 37).
  const written = marksOf(parseState(recordText)).summary;
  if (summarySheet && written?.name === summarySheet.name && sheetDigest(await readSheetGrid(context, summarySheet.name, api)) !== written.digest) {
    throw new HostError(m.undoEditedSince([m.sheetItem(summarySheet.name)], 0));
  }
  const noteAt = await refuseEditedSince(context, { ...record, sheets }, parseState(recordText), m, api);
  const sheetOf = sheetProxies(context);
  const ops: WriteOp[] = sheets.flatMap((s) => s.entries.map((entry) => restoreOp(context, sheetOf, s.name, entry, noteAt, api)));
  if (summary) ops.push(...summaryOps(context, summary, summarySheet?.name, backup?.name));
  // jixiao's marks record as it was before the run; ignores set since stay (undo records from
  // before the record existed leave it alone).
  if (record.state !== undefined) {
    const part = recordParts.items[0];
    const restored = recordAfterUndo(parseState(recordText), parseState(record.state ?? undefined));
    ops.push(recordOp(context, part?.id ?? null, restored && stateJson(restored)));
  }
  // Last, so an undo cut short by Excel can simply be run again.
  const restJson = JSON.stringify(rest);
  ops.push(writeOp(1, restJson, () => (rest.length === 0 ? setting.delete() : context.workbook.settings.add(UNDO_SETTING, restJson))));
  await runOps(context, ops, api);
  return restoredCells({ ...record, sheets });
}

/**
 * Reads the cells the record restores as they are now (one sync: fills, values, and notes from
 * ExcelApi 1.18) and refuses, changing nothing, when any no longer shows what the run left there
 * (core changedSinceRun); else the notes read, for restoring them.
 */
async function refuseEditedSince(context: Excel.RequestContext, record: UndoRecord, state: WorkbookState, m: HostMessages, api: ApiCheck): Promise<NoteAt> {
  const marks = marksOf(state).entries;
  const cells = record.sheets.flatMap((s) => s.entries.map((e) => ({ sheet: s.name, row: e.r, col: e.c, entry: e })));
  const reads = queueNotes(context, cells.filter((c) => c.entry.n !== undefined), api);
  const checked = marks.length > 0 || cells.some((c) => c.entry.x !== undefined);
  const ranges = !checked ? [] : cells.map((c) => {
    const range = context.workbook.worksheets.getItem(c.sheet).getRangeByIndexes(c.row, c.col, 1, 1);
    range.load(["values", "formulas", "numberFormat"]);
    return { ...c, range, props: range.getCellProperties(FILL_OPTIONS) };
  });
  if (reads.count > 0 || ranges.length > 0) await context.sync();
  const noteAt = reads.read();
  if (ranges.length === 0) return noteAt;
  const now = new Map(
    ranges.map(({ sheet, row, col, range, props }) => {
      const formula = range.formulas[0][0];
      const numFmt = range.numberFormat[0][0];
      const cell = {
        fill: fillColor(props.value[0][0]),
        note: noteAt(sheet, row, col),
        value: range.values[0][0],
        formula: typeof formula === "string" && formula.startsWith("="),
        numFmt: typeof numFmt === "string" ? numFmt : undefined,
      };
      return [sheetCellKey(sheet, row, col), cell];
    }),
  );
  // Where Excel has no notes API they cannot be read: their check is left out.
  const notesKnown = api(NOTES_API);
  const changed = changedSinceRun(notesKnown ? record : withoutNotes(record), marks, (sheet, row, col) => now.get(sheetCellKey(sheet, row, col)));
  if (changed.length > 0) {
    const shown = changed.slice(0, 5).map((c) => `${c.sheet}!${cellAddress(c.row, c.col)}`);
    throw new HostError(m.undoEditedSince(shown, changed.length - shown.length));
  }
  return noteAt;
}

/** A record whose entries restore no note: the check of notes left out. */
const withoutNotes = (record: UndoRecord): UndoRecord => ({
  ...record,
  sheets: record.sheets.map((s) => ({ ...s, entries: s.entries.map(({ n: _n, ...rest }) => rest) })),
});

function restoreOp(context: Excel.RequestContext, sheetOf: (name: string) => Excel.Worksheet, sheet: string, entry: UndoEntry, noteAt: NoteAt, api: ApiCheck): WriteOp {
  return writeOp(4, entry, () => {
    const range = sheetOf(sheet).getRangeByIndexes(entry.r, entry.c, entry.h ?? 1, entry.w ?? 1);
    setFill(range, entry.fill);
    if (entry.f !== undefined) range.numberFormat = [[entry.f]];
    if (entry.v !== undefined) range.values = [[entry.v]];
    if (entry.n !== undefined && api(NOTES_API)) writeNote(context, { sheet, row: entry.r, col: entry.c, note: entry.n }, noteAt(sheet, entry.r, entry.c) !== null);
  });
}

/** Deletes the summary the run created and puts the one it replaced back where it was. */
function summaryOps(
  context: Excel.RequestContext,
  summary: NonNullable<UndoRecord["summary"]>,
  created: string | undefined,
  backup: string | undefined,
): WriteOp[] {
  const worksheets = context.workbook.worksheets;
  const ops: WriteOp[] = [];
  if (created) ops.push(writeOp(2, undefined, () => worksheets.getItem(created).delete()));
  if (backup) {
    ops.push(
      writeOp(4, summary, () => {
        const old = worksheets.getItem(backup);
        old.name = summary.name;
        // As the user left it: a 综合得分 they had hid comes back hidden (review round 54b, L3).
        old.visibility = (summary.hidden as Excel.SheetVisibility | undefined) ?? "Visible";
        if (summary.position !== null) old.position = summary.position;
      }),
    );
  }
  return ops;
}
