/**
 * 撤销上次重算: the add-in's own way back. Excel's Ctrl+Z often cannot undo add-in writes (before
 * ExcelApi 1.20 most of them clear the undo stack), so each recalculation stores an undo record in
 * the workbook's add-in settings ("jixiao.undo", see keys.ts): it survives closing the pane and
 * reopening the file. Undo puts back every value, number format and fill the run changed, deletes
 * the summary sheet it created, brings back the older summary it replaced (kept very hidden as
 * "jixiao.undo.summary"), and clears the record.
 *
 * Limits: a cell the user edited after the run is overwritten with its pre-run state (that is what
 * undo means); if the user renamed the new summary sheet, it is left in place; a sheet deleted since
 * the run is skipped. Cells holding formulas are never written (the read marks them, even when their
 * result is blank), so there is no formula to bring back.
 *
 * Syncs: one to read the record and check protection, one to restore (plus one per extra 4 MB).
 */
import type { Lang } from "../core/analyze";
import { UndoEntry, UndoRecord, entryCells, parseUndoRecord } from "../core/writeplan";
import { ApiCheck, officeApi } from "./api";
import { WriteOp, runOps, sheetProxies, writeOp } from "./batch";
import { UNDO_SETTING } from "./keys";
import { HostError, hostMessages } from "./messages";

export interface UndoOptions {
  api?: ApiCheck;
  lang?: Lang;
}

export async function hasUndo(context: Excel.RequestContext): Promise<boolean> {
  const setting = context.workbook.settings.getItemOrNullObject(UNDO_SETTING);
  await context.sync();
  return !setting.isNullObject;
}

/** Restores the last recalculation; resolves to the number of cells restored, or null when there
 * is nothing to undo. Refuses (changing nothing) when a sheet it must touch is protected. */
export async function undoLast(context: Excel.RequestContext, options: UndoOptions = {}): Promise<number | null> {
  const m = hostMessages(options.lang);
  const setting = context.workbook.settings.getItemOrNullObject(UNDO_SETTING);
  setting.load("value");
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected");
  const protection = context.workbook.protection;
  protection.load("protected");
  await context.sync();
  if (setting.isNullObject) return null;

  const record = parseUndoRecord(setting.value);
  if (!record) throw new HostError(m.undoDamaged);
  const existing = new Map(worksheets.items.map((ws) => [ws.name.toLowerCase(), { name: ws.name, protected: ws.protection.protected }]));
  const find = (name: string | null | undefined) => (name ? existing.get(name.toLowerCase()) : undefined);

  const sheets = record.sheets.filter((s) => find(s.name));
  const locked = sheets.find((s) => find(s.name)!.protected);
  if (locked) throw new HostError(m.undoProtectedSheet(locked.name));
  const summary = record.summary;
  const summarySheet = find(summary?.name);
  const backup = find(summary?.backup);
  if ((summarySheet || backup) && protection.protected) throw new HostError(m.undoProtectedWorkbook);

  const sheetOf = sheetProxies(context);
  const ops: WriteOp[] = sheets.flatMap((s) => s.entries.map((entry) => restoreOp(sheetOf, s.name, entry)));
  if (summary) ops.push(...summaryOps(context, summary, summarySheet?.name, backup?.name));
  // Last, so an undo cut short by Excel can simply be run again.
  ops.push(writeOp(1, undefined, () => setting.delete()));
  await runOps(context, ops, options.api ?? officeApi);
  return sheets.reduce((n, s) => n + s.entries.reduce((k, e) => k + entryCells(e), 0), 0);
}

function restoreOp(sheetOf: (name: string) => Excel.Worksheet, sheet: string, entry: UndoEntry): WriteOp {
  return writeOp(4, entry, () => {
    const range = sheetOf(sheet).getRangeByIndexes(entry.r, entry.c, entry.h ?? 1, entry.w ?? 1);
    if (entry.fill === null) range.format.fill.clear();
    else if (entry.fill !== undefined) range.format.fill.color = entry.fill;
    if (entry.f !== undefined) range.numberFormat = [[entry.f]];
    if (entry.v !== undefined) range.values = [[entry.v]];
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
