/* global Office */
/**
 * Which ExcelApi requirement sets the running Excel supports. Adapters take an ApiCheck so tests
 * (and the playground) can answer without an Office global.
 */

/** Whether ExcelApi 1.`minor` is supported. */
export type ApiCheck = (minor: number) => boolean;

/**
 * The adapters need ExcelApi 1.9 (Excel 2019/2021, Microsoft 365, Excel on the web): getCellProperties
 * for the undo snapshot of fills, suspendScreenUpdatingUntilNextSync, getRangeByIndexes and chart
 * series ranges. Merged areas (1.13) are read when available.
 */
export const MIN_API = 9;
export const MERGED_AREAS_API = 13;

export const officeApi: ApiCheck = (minor) =>
  typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", `1.${minor}`) === true;
