/**
 * Which 综合得分 清除标记 puts away, in Excel and in `jixiao clean` alike: the one a rerun would
 * replace (summarySheetName), that is the sheet jixiao's record names while it is as jixiao wrote
 * it, or, where the record is lost, jixiao's own told by its footer. A summary of jixiao's the user
 * has written in since is theirs, and stays.
 */
import type { SheetGrid } from "./grid";
import { PreviousSummary, isBackupSheet, isJixiaoSummary, summarySheetName } from "./summary-sheet";

export interface SummaryClean {
  /** Asked to remove it: the summary sheet that goes. */
  remove: string | null;
  /** Not asked to: jixiao's summary as it wrote it, one that can go. */
  removable: string | null;
  /** Asked to: jixiao's summaries the user has written in since, kept as theirs. */
  writtenIn: string[];
}

/** `sheets`: the workbook's sheets as read (the add-in's very hidden backups, if read, are passed over). */
export function summaryToClean(sheets: SheetGrid[], otherNames: string[], previous: PreviousSummary | null, removeSummary: boolean): SummaryClean {
  const last = summarySheetName(sheets, otherNames, previous);
  const asWritten = last.replaces ? last.name : null;
  if (!removeSummary) return { remove: null, removable: asWritten, writtenIn: [] };
  const writtenIn = sheets.filter((sheet) => sheet.name !== asWritten && !isBackupSheet(sheet.name) && isJixiaoSummary(sheet)).map((sheet) => sheet.name);
  return { remove: asWritten, removable: null, writtenIn };
}
