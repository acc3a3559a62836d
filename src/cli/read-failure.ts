/** Why a workbook could not be read, as the one line the command line prints for it. */
import { Bilingual, type Lang } from "../core/messages";
import { PackageError } from "../xlsx/package";
import { WorkbookReadError } from "../xlsx/read";

/** The line for an error the reader raised; undefined for anything else (a bug of ours). */
export function readFailure(input: string, error: unknown): Bilingual | undefined {
  if (error instanceof WorkbookReadError) return error.text;
  // Its text says what is wrong in full (文件已损坏：…), as the reader gives it.
  if (error instanceof PackageError) return new WorkbookReadError(input, error.text.zh, error.text.en).text;
  return undefined;
}

/** How many of a file's stray zip entries the console names; the report names them all. */
const NAMED_ENTRIES = 5;

/**
 * The line that says a file's zip entries whose names are no part names were neither read nor
 * copied (WorkbookGrid.droppedEntries: ../../evil.txt, /xl/theme/theme1.xml), said once.
 */
export function droppedEntriesLine(names: string[], lang: Lang): string {
  const zh = lang === "zh";
  const shown = names.slice(0, NAMED_ENTRIES).join(zh ? "、" : ", ");
  const more = names.length > NAMED_ENTRIES ? (zh ? ` 等 ${names.length} 个` : ` and ${names.length - NAMED_ENTRIES} more`) : "";
  return zh
    ? `压缩包里有名称不是有效部件名的条目（文件已损坏），未读取，也未写入副本：${shown}${more}`
    : `Zip entries whose names are no valid part names (the file is damaged), not read nor written to the copy: ${shown}${more}`;
}
