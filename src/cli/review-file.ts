/**
 * One workbook of a review, as a worker thread does it: read, analyse, and keep only the review's
 * rows (src/core/review.ts). The grid and the analysis stay in the worker and are let go.
 */
import type { Lang } from "../core/messages";
import { otherSpreadsheetMessage } from "../core/file-kinds";
import { droppedParts } from "../core/damage-notes";
import { Bilingual } from "../core/messages";
import { Profile } from "../core/profile";
import { FileReview, reviewFile } from "../core/review";
import { partsCopyDrops } from "../xlsx/copy-drops";
import { ReadLimits } from "../xlsx/package";
import { nodeCodec, readWorkbookFile } from "../xlsx/read";
import { readXlsxBytes } from "../xlsx/reader";
import { analyzeRead, internalErrorMessage } from "../xlsx/analyze-read";
import { readFailure } from "./read-failure";

export interface ReviewTask {
  /** The path the review names the file by (relative to the reviewed folder). */
  name: string;
  path: string;
  profile: Profile;
  lang: Lang;
  /** How far a part and the whole workbook may inflate (--max-size). */
  limits: Partial<ReadLimits>;
}

/**
 * `skipped`: a review workbook jixiao wrote earlier, not a unit's (said so in `skipped`); a
 * `failure` with `noTables` was read and holds no form (core ReviewFailureKind "no-tables").
 */
export type ReviewOutcome = { review: FileReview } | { failure: Bilingual; noTables?: boolean } | { skipped: Bilingual };

export async function reviewOne(task: ReviewTask): Promise<ReviewOutcome> {
  const other = otherSpreadsheetMessage(task.name);
  if (other) return { failure: other };
  try {
    const bytes = await readWorkbookFile(task.path);
    const { source, grid } = readXlsxBytes(bytes, task.path, { codec: nodeCodec, limits: task.limits });
    const read = analyzeRead(task.name, grid, task.profile, task.lang);
    // The whole package checked, as `score` checks it writing its copy: a damaged file is listed
    // under 无法读取 here too, whichever part is damaged, but for a part the copy drops unread (an
    // earlier 综合得分's chart: partsCopyDrops, the copy's own rule), which score copies well.
    source.checkWhole(read.kind === "analysis" ? partsCopyDrops(source, read.analysis.summary) : []);
    if (read.kind === "earlier-review") return { skipped: read.message };
    if (read.kind === "no-tables") return { failure: read.message, noTables: true };
    return { review: reviewFile(task.name, read.analysis, task.profile, task.lang, droppedParts(grid)) };
  } catch (error) {
    const failure = readFailure(task.name, error);
    // A bug of ours must not stop a region's review: the file is listed with it.
    return { failure: failure ? relabel(failure, task) : internalErrorMessage(task.name, error) };
  }
}

/** The reader names the file by the path it opened; the review names it as its table does. */
function relabel(failure: Bilingual, task: ReviewTask): Bilingual {
  const swap = (text: string) => (text.startsWith(`${task.path}: `) ? `${task.name}: ${text.slice(task.path.length + 2)}` : text);
  return { zh: swap(failure.zh), en: swap(failure.en) };
}
