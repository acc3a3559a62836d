/**
 * 采用计算值 in Excel: writes the computed values the user chose (core/fixes.ts), each with the
 * format a filled-in blank gets, takes the run's mark off the fixed cell (its fill, and jixiao's
 * text from its note where Excel has the notes API, the user's own text kept), and adds the cells
 * to the add-in's undo record so 撤销上次重算 restores them. Nothing is written when a sheet is
 * protected.
 *
 * Syncs: one to read the record, the sheets, the cells and protection; one to write.
 */
import type { Lang } from "../core/messages";
import { CellBefore, Fix, undoWithFixes } from "../core/fixes";
import { withoutJixiaoText } from "../core/marks";
import { restoreValue } from "../core/writeplan";
import { ApiCheck, NOTES_API, officeApi } from "./api";
import { runOps, sheetProxies, writeOp } from "./batch";
import { UNDO_SETTING } from "./keys";
import { queueNotes, setFill, writeNote } from "./marks";
import { HostError, hostMessages } from "./messages";
import { pushUndoOps, undoStackOf } from "./undo-stack";
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
  const api = options.api ?? officeApi;
  const notes = queueNotes(context, fixes, api);
  await context.sync();

  const locked = sheets.find((s) => s.protection.protected);
  if (locked) throw new HostError(m.protectedSheet(locked.name));
  const noteAt = notes.read();
  // The finding the mark's note told of is mended: jixiao's text leaves the note (review round 33), the user's stays.
  const mended = fixes.map((fix) => {
    const note = noteAt(fix.sheet, fix.row, fix.col);
    return { note, without: withoutJixiaoText(note) };
  });
  const before: CellBefore[] = cells.map((range, i) => ({
    value: restoreValue(fromExcelValue(range.values[0][0])),
    numFmt: String(range.numberFormat[0][0] ?? "General"),
    ...(api(NOTES_API) && mended[i].note !== mended[i].without && { note: mended[i].note }),
  }));
  // The fixes join the newest run's record on the undo stack: 撤销上次重算 takes them back with it.
  const [newest, ...older] = undoStackOf(setting) ?? [];
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
          const { fill, rows, cols } = unmark[i];
          setFill(rows === 1 && cols === 1 ? range : sheetOf(fix.sheet).getRangeByIndexes(fix.row, fix.col, rows, cols), fill);
          const { note, without } = mended[i];
          if (api(NOTES_API) && note !== without) writeNote(context, { sheet: fix.sheet, row: fix.row, col: fix.col, note: without }, true);
        }),
      ),
    ],
    api,
  );
  return fixes.length;
}
