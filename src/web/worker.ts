/**
 * The page's Web Worker: reads, checks and scores one workbook at a time, off the page's thread so
 * the page never freezes, and sends back the results view's data, the JSON report, the scored
 * copy (the same writer as the command line's), the file's rows for the review and the views of
 * its sheets with tables.
 */
import { analyze, noTablesMessage } from "../core/analyze";
import { otherSpreadsheetMessage } from "../core/file-kinds";
import { Bilingual, BilingualError } from "../core/messages";
import { buildReport, writeCounts } from "../core/report";
import { reviewFile } from "../core/review";
import { tableSheetDisplays } from "../core/sheet-display";
import { resultsOf } from "../taskpane/outcome";
import { readXlsxBytes } from "../xlsx/reader";
import { isReviewWorkbook } from "../xlsx/review-workbook";
import { scoredCopy } from "../xlsx/write";
import { ScoreMessage, ScoreRequest } from "./protocol";

const post = (message: ScoreMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

async function score({ id, name, bytes, profile, lang }: ScoreRequest): Promise<void> {
  const other = otherSpreadsheetMessage(name);
  if (other) return post({ id, kind: "failed", message: other });
  post({ id, kind: "step", step: "read" });
  const { source, grid } = readXlsxBytes(bytes, name);
  if (isReviewWorkbook(grid)) {
    return post({ id, kind: "earlier-review", message: { zh: `${name}：jixiao 的复核汇总，不计入汇总`, en: `${name}: a review jixiao wrote, left out of the review` } });
  }
  post({ id, kind: "step", step: "check" });
  const analysis = analyze(grid, profile, { lang });
  if (analysis.tables.length === 0) {
    const message = { zh: `${name}: ${noTablesMessage("zh", analysis.hiddenSheets)}`, en: `${name}: ${noTablesMessage("en", analysis.hiddenSheets)}` };
    return post({ id, kind: "failed", message });
  }
  post({ id, kind: "step", step: "score" });
  const report = buildReport(name, grid, analysis);
  const review = reviewFile(name, analysis, profile, lang);
  // Before the copy is written: the views read the grid and the record as the writer does.
  const sheets = tableSheetDisplays(grid, analysis, { lang, mark: profile.markCells });
  post({ id, kind: "step", step: "write" });
  // The command line's options and its deflate (fflate): the command line's bytes.
  const scored = scoredCopy(source, grid, analysis, { lang, mark: profile.markCells });
  // The results view's data, built as the task pane builds it.
  const { kind: _results, ...results } = resultsOf(analysis, grid, profile, {
    written: writeCounts(analysis, grid).filled,
    marked: analysis.marks.length,
    summarySheet: analysis.summary.name,
  });
  // Through JSON, the report is what its download will hold (the indicator rows are built here).
  post({ id, kind: "done", results, report: JSON.parse(JSON.stringify(report)), scored, review, sheets }, [scored.buffer]);
}

self.onmessage = (event: MessageEvent<ScoreRequest>) => {
  const request = event.data;
  score(request).catch((error: unknown) => {
    // The reader's messages are the command line's; anything else is a bug of ours, said as such.
    const why = error instanceof Error ? error.message : String(error);
    const message: Bilingual =
      error instanceof BilingualError
        ? error.text
        : { zh: `${request.name}: 内部错误：${why}（请反馈此问题）`, en: `${request.name}: internal error: ${why} (please report it)` };
    post({ id: request.id, kind: "failed", message });
  });
};
