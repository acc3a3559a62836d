/**
 * What a damaged file's parts that were not read say, in the words of the command line's file
 * lines and the page's card alike: with no imports but a type, so that the page's first load takes
 * nothing else with them.
 */
import type { Lang } from "../core/messages";

/**
 * Merged areas that overlap others (Report.droppedMerges, "自评表!A1:XFD1048576"): a damaged file's,
 * not read, as Excel repairs them away on opening.
 */
export function droppedMergesLine(ranges: string[], lang: Lang): string {
  return lang === "zh"
    ? `合并区域与其他合并区域重叠（文件已损坏），已忽略：${ranges.join("、")}`
    : `Merged areas overlapping others (the file is damaged), ignored: ${ranges.join(", ")}`;
}
