/**
 * 撤销上次重算: the add-in's own way back. Excel's Ctrl+Z often cannot undo add-in writes (before
 * ExcelApi 1.20 most of them clear the undo stack), so each recalculation stores an undo record in
 * the workbook's add-in settings ("jixiao.undo", see keys.ts), on a stack of the last five runs: it
 * survives closing the pane and reopening the file. Undo takes the newest run back: every value,
 * number format, fill and note it changed, the summary sheet it created deleted, the older summary
 * it replaced (kept very hidden as "jixiao.undo.summary…") brought back, and the marks in jixiao's
 * record as they were before the run (its other fields, such as ignores set since, stay); then that
 * run leaves the stack. A recalculation and 清除标记 push their runs with pushUndoOps, and keep the
 * summary sheet they replace or put away very hidden (清除标记 with keepAsBackup); 采用计算值 pushes
 * the newest run again with its cells added (src/excel/fixes.ts).
 *
 * Limits: a cell the user edited after the run is overwritten with its pre-run state (that is what
 * undo means); if the user renamed the new summary sheet, it is left in place; a sheet deleted since
 * the run is skipped. Cells holding formulas are never written (the read marks them, even when their
 * result is blank), so there is no formula to bring back.
 *
 * Syncs: one to read the undo record and check protection, one more to read jixiao's record when the
 * workbook has one, one to restore (plus one per extra 4 MB).
 */
import type { Lang } from "../core/analyze";
import { recordAfterUndo } from "../core/marks";
import { parseState, stateJson } from "../core/state";
import { UndoEntry, UndoRecord, parseUndoStack, pushUndo, restoredCells } from "../core/writeplan";
import { ApiCheck, officeApi } from "./api";
import { WriteOp, runOps, sheetProxies, writeOp } from "./batch";
import { UNDO_RECORD_MAX_CHARS, UNDO_SETTING } from "./keys";
import { NoteAt, queueNotes, setFill, writeNote } from "./marks";
import { NOTES_API } from "./notes";
import { queueRecordParts, readRecordText, recordOp } from "./state";
import { HostError, HostMessages, hostMessages } from "./messages";

export interface UndoOptions {
  api?: ApiCheck;
  lang?: Lang;
}

export async function hasUndo(context: Excel.RequestContext): Promise<boolean> {
  const setting = context.workbook.settings.getItemOrNullObject(UNDO_SETTING);
  setting.load("value");
  await context.sync();
  return !setting.isNullObject && (parseUndoStack(setting.value)?.length ?? 0) > 0;
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
  await context.sync();
  if (setting.isNullObject) return null;

  const stack = parseUndoStack(setting.value);
  if (!stack) throw new HostError(m.undoDamaged);
  const [record, ...rest] = stack;
  if (!record) return null;
  const existing = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), { name: ws.name, protected: ws.protection.protected }]));
  const find = (name: string | null | undefined) => (name ? existing.get(name.toLowerCase()) : undefined);

  const sheets = record.sheets.filter((s) => find(s.name));
  const locked = sheets.find((s) => find(s.name)!.protected);
  if (locked) throw new HostError(m.undoProtectedSheet(locked.name));
  const summary = record.summary;
  const summarySheet = find(summary?.name);
  const backup = find(summary?.backup);
  if ((summarySheet || backup) && protection.protected) throw new HostError(m.undoProtectedWorkbook);

  const noteAt = await readNotes(context, sheets, api);
  const sheetOf = sheetProxies(context);
  const ops: WriteOp[] = sheets.flatMap((s) => s.entries.map((entry) => restoreOp(context, sheetOf, s.name, entry, noteAt, api)));
  if (summary) ops.push(...summaryOps(context, summary, summarySheet?.name, backup?.name));
  // jixiao's marks record as it was before the run; ignores set since stay (undo records from
  // before the record existed leave it alone).
  if (record.state !== undefined) {
    const part = recordParts.items[0];
    const restored = recordAfterUndo(parseState(await readRecordText(context, part)), parseState(record.state ?? undefined));
    ops.push(recordOp(context, part?.id ?? null, restored && stateJson(restored)));
  }
  // Last, so an undo cut short by Excel can simply be run again.
  const restJson = JSON.stringify(rest);
  ops.push(writeOp(1, restJson, () => (rest.length === 0 ? setting.delete() : context.workbook.settings.add(UNDO_SETTING, restJson))));
  await runOps(context, ops, api);
  return restoredCells({ ...record, sheets });
}

/** The notes now of the cells whose notes the record restores (one sync; none below ExcelApi 1.18). */
async function readNotes(context: Excel.RequestContext, sheets: UndoRecord["sheets"], api: ApiCheck): Promise<NoteAt> {
  const cells = sheets.flatMap((s) => s.entries.filter((e) => e.n !== undefined).map((e) => ({ sheet: s.name, row: e.r, col: e.c })));
  const reads = queueNotes(context, cells, api);
  if (reads.count > 0) await context.sync();
  return reads.read();
}

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
        old.visibility = "Visible";
        if (summary.position !== null) old.position = summary.position;
      }),
    );
  }
  return ops;
}

// ---------------------------------------------------------------------------------------------
// Pushing a run (a recalculation, 清除标记)

/**
 * The writes that put `record` on the undo stack, first in the run's batch: the stack, and the
 * deletion of the backup sheets (those still among the workbook's `sheets`) kept for runs that fall
 * off it. Refuses, before anything is written, a record too large to keep.
 */
export function pushUndoOps(context: Excel.RequestContext, record: UndoRecord, stack: UndoRecord[], sheets: string[], m: HostMessages): WriteOp[] {
  const { json, dropped } = pushUndo(record, stack, UNDO_RECORD_MAX_CHARS);
  if (json === null) throw new HostError(m.undoTooLarge(restoredCells(record)));
  return [
    writeOp(1, json, () => context.workbook.settings.add(UNDO_SETTING, json)),
    ...dropped.flatMap((r) => {
      const backup = r.summary?.backup;
      return backup && sheets.includes(backup) ? [writeOp(2, undefined, () => context.workbook.worksheets.getItem(backup).delete())] : [];
    }),
  ];
}

/** Keeps a summary sheet for 撤销 (清除标记 putting it away), very hidden under the name `backup`. */
export function keepAsBackup(sheet: Excel.Worksheet, backup: string): void {
  sheet.name = backup;
  sheet.visibility = "VeryHidden";
}
