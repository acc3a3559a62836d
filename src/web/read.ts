/**
 * The page's one use of the workbook reader: an .xlsx's bytes in, its grid and package out, in a
 * browser (src/xlsx/reader.ts with fflate; no fs, no ExcelJS). The reader's messages are the
 * command line's, so a bad file says the same on the page.
 */
import type { LoadedWorkbook } from "../xlsx/reader";
import { readXlsxBytes } from "../xlsx/reader";

export function readWorkbookBytes(bytes: Uint8Array, name: string): LoadedWorkbook {
  return readXlsxBytes(bytes, name);
}
