/**
 * 采用计算值 in Excel: writes the computed values the user chose (core/fixes.ts), each with the
 * format a filled-in blank gets, takes the run's mark off the fixed cell, and adds the cells to the
 * add-in's undo record so 撤销上次重算 restores them. Nothing is written when a sheet is protected.
 *
 * Syncs: one to read the record, the sheets, the cells and protection; one to write.
 */
import type { Lang } from "../core/analyze";
import { CellBefore, Fix, undoWithFixes } from "../core/fixes";
import { parseUndoStack, restoreValue } from "../core/writeplan";
import { ApiCheck, officeApi } from "./api";
import { runOps, sheetProxies, writeOp } from "./batch";
import { UNDO_SETTING } from "./keys";
import { setFill } from "./marks";
import { HostError, hostMessages } from "./messages";
import { pushUndoOps } from "./undo";
import { fromExcelValue } from "./values";

export interface FixOptions {
  api?: ApiCheck;
  lang?: Lang;
}

/** Resolves to the number of cells written. */
export async function applyFixes(context: Excel.RequestContext, fixes: Fix[], options: FixOptions = {}): Promise<number> {
  if (fixes.length === 0) return 0;
  const m = hostMessages(options.lang);
  const sheetOf = sheetProxies(context);
  const setting = context.workbook.settings.getItemOrNullObject(UNDO_SETTING);
  setting.load("value");
  const worksheets = context.workbook.worksheets.load("items/name");
  const sheets = [...new Set(fixes.map((f) => f.sheet))].map((name) => {
    const protection = sheetOf(name).protection;
    protection.load("protected");
    return { name, protection };
  });
  const cells = fixes.map((fix) => sheetOf(fix.sheet).getRangeByIndexes(fix.row, fix.col, 1, 1).load(["values", "numberFormat"]));
  await context.sync();

  const locked = sheets.find((s) => s.protection.protected);
  if (locked) throw new HostError(m.protectedSheet(locked.name));
  const before: CellBefore[] = cells.map((range) => ({
    value: restoreValue(fromExcelValue(range.values[0][0])),
    numFmt: String(range.numberFormat[0][0] ?? "General"),
  }));
  // The fixes join the newest run's record on the undo stack: 撤销上次重算 takes them back with it.
  const [newest, ...older] = setting.isNullObject ? [] : parseUndoStack(setting.value) ?? [];
  const { record, unmark } = undoWithFixes(newest, fixes, before);

  await runOps(
    context,
    [
      // The record first, as a recalculation does: a batch cut short can still be taken back. Older
      // runs that no longer fit leave the stack with their backup sheets, as when a run is pushed.
      ...pushUndoOps(context, record, older, worksheets.items.map((ws) => ws.name), m),
      ...fixes.map((fix, i) =>
        writeOp(3, fix, () => {
          const range = sheetOf(fix.sheet).getRangeByIndexes(fix.row, fix.col, 1, 1);
          range.numberFormat = [[fix.numFmt]];
          range.values = [[Number(fix.after)]];
          setFill(range, unmark[i]);
        }),
      ),
    ],
    options.api ?? officeApi,
  );
  return fixes.length;
}
