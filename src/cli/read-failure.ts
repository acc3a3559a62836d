/** Why a workbook could not be read, as the one line the command line prints for it. */
import type { Bilingual } from "../core/messages";
import { PackageError } from "../xlsx/package";
import { WorkbookReadError } from "../xlsx/read";

/** The line for an error the reader raised; undefined for anything else (a bug of ours). */
export function readFailure(input: string, error: unknown): Bilingual | undefined {
  if (error instanceof WorkbookReadError) return error.text;
  // Its text says what is wrong in full (文件已损坏：…), as the reader gives it.
  if (error instanceof PackageError) return new WorkbookReadError(input, error.text.zh, error.text.en).text;
  return undefined;
}
