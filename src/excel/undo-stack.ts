/**
 * The undo stack of 撤销上次重算 as the other writes keep it: a recalculation, 清除标记 and 采用计算值
 * push their runs with pushUndoOps, and the read looks at the stack. Taking a run back is undo.ts,
 * which the task pane fetches in a chunk of its own (see office-host.ts).
 */
import { UndoRecord, parseUndoStack, pushUndo, restoredCells } from "../core/writeplan";
import { WriteOp, writeOp } from "./batch";
import { UNDO_RECORD_MAX_CHARS, UNDO_SETTING } from "./keys";
import { HostError, HostMessages } from "./messages";

/** The undo stack in a setting loaded with its value, newest run first: empty when there is none,
 * undefined when it cannot be read. */
export function undoStackOf(setting: Excel.Setting): UndoRecord[] | undefined {
  return setting.isNullObject ? [] : parseUndoStack(setting.value);
}

export async function hasUndo(context: Excel.RequestContext): Promise<boolean> {
  const setting = context.workbook.settings.getItemOrNullObject(UNDO_SETTING);
  setting.load("value");
  await context.sync();
  return (undoStackOf(setting)?.length ?? 0) > 0;
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
