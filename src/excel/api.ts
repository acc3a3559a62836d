/* global Office */
/**
 * Which ExcelApi requirement sets the running Excel supports. Adapters take an ApiCheck so tests
 * (and the playground) can answer without an Office global.
 */

/** Whether ExcelApi 1.`minor` is supported. */
export type ApiCheck = (minor: number) => boolean;

/**
 * The adapters need ExcelApi 1.9 (Office 2021 and later, Microsoft 365, Excel on the web; the
 * manifest declares it): getCellProperties for the undo snapshot of fills, getSpecialCells to find
 * the formula cells that must not be written into, suspendScreenUpdatingUntilNextSync,
 * getRangeByIndexes and chart series ranges. Office 2019 stops below it, and its web view cannot
 * run React 18 / Fluent UI 9 anyway: such users have the command line. Newer features are used
 * when present: merged areas (1.13), notes (1.18), one undo step per run (1.20).
 */
export const MIN_API = 9;
export const MERGED_AREAS_API = 13;
/** Notes (the workbook's and a cell's): ExcelApi 1.18; below it marks are colour alone. */
export const NOTES_API = 18;
export const UNDO_GROUP_API = 20;

export const officeApi: ApiCheck = (minor) =>
  typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", `1.${minor}`) === true;
