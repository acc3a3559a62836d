/**
 * What a damaged file's parts that were not read say, in the words of the command line's file
 * lines, the page's card and the review's notes alike: with no imports but types, so that the
 * page's first load takes nothing else with them.
 */
import type { WorkbookGrid } from "./grid";
import type { Lang } from "./messages";

/** What the reader of a damaged file passed over unread (Report.droppedMerges, .droppedEntries): each present only when there are some. */
export interface DroppedParts {
  /** Merged areas that overlap others, by sheet and range ("自评表!A1:XFD1048576"). */
  droppedMerges?: string[];
  /** Zip entries whose names are no part names (../../evil.txt), as the zip writes them. */
  droppedEntries?: string[];
}

/** What `grid`'s reader passed over (SheetGrid.droppedMerges, WorkbookGrid.droppedEntries): the report's fields and the review's note. */
export function droppedParts(grid: WorkbookGrid): DroppedParts {
  const merges = grid.sheets.flatMap((s) => (s.droppedMerges ?? []).map((ref) => `${s.name}!${ref}`));
  return {
    ...(merges.length > 0 && { droppedMerges: merges }),
    ...(grid.droppedEntries && { droppedEntries: grid.droppedEntries }),
  };
}

/** How many of a file's dropped merges or stray zip entries a line names; the report names them all. */
const NAMED = 5;

/** The first five of `names`, each once (a damaged file may write one merge thousands of times), and how many more. */
function firstNames(names: string[], lang: Lang): string {
  const zh = lang === "zh";
  const distinct = [...new Set(names)];
  const shown = distinct.slice(0, NAMED).join(zh ? "、" : ", ");
  const more = distinct.length > NAMED ? (zh ? ` 等 ${distinct.length} 个` : ` and ${distinct.length - NAMED} more`) : "";
  return shown + more;
}

/**
 * Merged areas that overlap others (Report.droppedMerges, "自评表!A1:XFD1048576"): a damaged file's,
 * not read, as Excel repairs them away on opening; the first five named.
 */
export function droppedMergesLine(ranges: string[], lang: Lang): string {
  return lang === "zh"
    ? `合并区域与其他合并区域重叠（文件已损坏），已忽略：${firstNames(ranges, lang)}`
    : `Merged areas overlapping others (the file is damaged), ignored: ${firstNames(ranges, lang)}`;
}

/**
 * Zip entries whose names are no part names (Report.droppedEntries: ../../evil.txt,
 * /xl/theme/theme1.xml): a damaged file's, neither read nor copied; the first five named. `copy`:
 * whether the run writes a copy (score, clean), which leaves them out; the review writes none.
 */
export function droppedEntriesLine(names: string[], lang: Lang, { copy }: { copy: boolean } = { copy: true }): string {
  const zh = lang === "zh";
  const notCopied = copy ? (zh ? "，也未写入副本" : " nor written to the copy") : "";
  return zh
    ? `压缩包里有名称不是有效部件名的条目（文件已损坏），未读取${notCopied}：${firstNames(names, lang)}`
    : `Zip entries whose names are no valid part names (the file is damaged), not read${notCopied}: ${firstNames(names, lang)}`;
}
