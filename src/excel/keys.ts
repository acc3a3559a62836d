/**
 * Where the add-in keeps its own state inside the workbook, so it survives closing the pane and
 * reopening the file. Settings (Excel.SettingCollection) are per file and per add-in and invisible
 * to the user; the backup of a replaced summary sheet is a very hidden sheet (the only thing that
 * can hold a whole formatted sheet with its chart).
 */
import { sameSheetName } from "../core/grid";
import { UNDO_BACKUP_SHEET } from "../core/summary-sheet";

/** The saved scoring profile (JSON). */
export const PROFILE_SETTING = "jixiao.profile";

/** The undo record of the last recalculation (JSON, see UndoRecord in core/writeplan). */
export const UNDO_SETTING = "jixiao.undo";

/** A backup sheet name no sheet has yet. */
export function freeBackupSheet(taken: string[]): string {
  const isTaken = (name: string) => taken.some((t) => sameSheetName(t, name));
  if (!isTaken(UNDO_BACKUP_SHEET)) return UNDO_BACKUP_SHEET;
  let n = 2;
  while (isTaken(`${UNDO_BACKUP_SHEET}.${n}`)) n++;
  return `${UNDO_BACKUP_SHEET}.${n}`;
}

/**
 * The largest undo record stored, in characters of JSON. Office documents a 2 MB limit for add-in
 * settings (Office.Settings); Excel.SettingCollection states none, so the same limit is assumed with
 * a margin. At ~40 characters per changed cell this is ~35,000 cells; a larger run is refused before
 * anything is written.
 */
export const UNDO_RECORD_MAX_CHARS = 1_500_000;
