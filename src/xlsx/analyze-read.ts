/**
 * What every host does with a workbook file once read (`jixiao score`, `jixiao review`, the page's
 * worker): a review jixiao wrote is no unit's form and is skipped; a workbook in which no table is
 * found cannot be scored; any other is analysed. The messages are the same in each.
 *
 * Only the command line and the page's worker import this: the page's own script (web.js) stays
 * free of the engine.
 */
import "../core/all-parts";
import { Analysis, analyze, noTablesMessage } from "../core/analyze";
import type { WorkbookGrid } from "../core/grid";
import { Bilingual, Lang } from "../core/messages";
import { Profile } from "../core/profile";
import { isReviewWorkbook } from "../core/review-layout";
import { WorkbookReadError } from "./reader";

export type ReadAnalysis =
  | { kind: "analysis"; analysis: Analysis }
  /** A review workbook jixiao wrote: skipped, and said so. */
  | { kind: "earlier-review"; message: Bilingual }
  /** No table found: the hidden sheets, which were not checked, are named. */
  | { kind: "no-tables"; message: Bilingual };

/** Analyses a workbook `name` read into `grid`, unless it is no unit's form or holds no table. */
export function analyzeRead(name: string, grid: WorkbookGrid, profile: Profile, lang: Lang): ReadAnalysis {
  if (isReviewWorkbook(grid)) {
    return { kind: "earlier-review", message: { zh: `${name}：这是 jixiao 写出的复核汇总，不是单位的自评表，跳过`, en: `${name}: a review jixiao wrote, no unit's form; skipped` } };
  }
  // analyze honours the ignores in the workbook's record (grid.state): they leave the findings and the exit code.
  const analysis = analyze(grid, profile, { lang });
  if (analysis.tables.length === 0) {
    const { hiddenSheets: hidden, emptyTables: empty } = analysis;
    return { kind: "no-tables", message: new WorkbookReadError(name, noTablesMessage("zh", hidden, empty), noTablesMessage("en", hidden, empty)).text };
  }
  return { kind: "analysis", analysis };
}

/** An error of ours while scoring `name`: the file is listed with it, and the run goes on. */
export function internalErrorMessage(name: string, error: unknown): Bilingual {
  const why = error instanceof Error ? error.message : String(error);
  return { zh: `${name}: 内部错误：${why}（请反馈此问题）`, en: `${name}: internal error: ${why} (please report it)` };
}
