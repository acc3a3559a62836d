/**
 * One workbook of a review, as a worker thread does it: read, analyse, and keep only the review's
 * rows (src/core/review.ts). The grid and the analysis stay in the worker and are let go.
 */
import { Lang, analyze } from "../core/analyze";
import { otherSpreadsheetMessage } from "../core/file-kinds";
import { Bilingual } from "../core/messages";
import { Profile } from "../core/profile";
import { FileReview, reviewFile } from "../core/review";
import { ReadLimits } from "../xlsx/package";
import { nodeCodec, readWorkbookFile } from "../xlsx/read";
import { readXlsxBytes } from "../xlsx/reader";
import { isReviewWorkbook } from "../xlsx/review-workbook";
import { noTablesFailure, readFailure } from "./read-failure";

export interface ReviewTask {
  /** The path the review names the file by (relative to the reviewed folder). */
  name: string;
  path: string;
  profile: Profile;
  lang: Lang;
  /** How far a part and the whole workbook may inflate (--max-size). */
  limits: Partial<ReadLimits>;
}

/** `skipped`: a review workbook jixiao wrote earlier, not a unit's. */
export type ReviewOutcome = { review: FileReview } | { failure: Bilingual } | { skipped: true };

export async function reviewOne(task: ReviewTask): Promise<ReviewOutcome> {
  const other = otherSpreadsheetMessage(task.name);
  if (other) return { failure: other };
  try {
    const bytes = await readWorkbookFile(task.path);
    const { grid } = readXlsxBytes(bytes, task.path, { codec: nodeCodec, limits: task.limits });
    if (isReviewWorkbook(grid)) return { skipped: true };
    const analysis = analyze(grid, task.profile, { lang: task.lang });
    if (analysis.tables.length === 0) return { failure: noTablesFailure(task.name, analysis.hiddenSheets) };
    return { review: reviewFile(task.name, analysis, task.profile, task.lang) };
  } catch (error) {
    const failure = readFailure(task.name, error);
    if (failure) return { failure: relabel(failure, task) };
    // A bug of ours must not stop a region's review: the file is listed with it.
    const why = error instanceof Error ? error.message : String(error);
    return { failure: { zh: `${task.name}: 内部错误：${why}（请反馈此问题）`, en: `${task.name}: internal error: ${why} (please report it)` } };
  }
}

/** The reader names the file by the path it opened; the review names it as its table does. */
function relabel(failure: Bilingual, task: ReviewTask): Bilingual {
  const swap = (text: string) => (text.startsWith(`${task.path}: `) ? `${task.name}: ${text.slice(task.path.length + 2)}` : text);
  return { zh: swap(failure.zh), en: swap(failure.en) };
}
