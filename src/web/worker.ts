/**
 * The page's Web Worker: reads, checks and scores one workbook at a time, off the page's thread so
 * the page never freezes, and sends back the results view's data, the JSON report, the scored
 * copy (the same writer as the command line's), the file's rows for the review and the views of
 * its sheets with tables.
 */
import { droppedParts } from "../core/damage-notes";
import { otherSpreadsheetMessage } from "../core/file-kinds";
import { BilingualError } from "../core/messages";
import { buildReport, writeCounts } from "../core/report";
import { reviewFile } from "../core/review";
import { tableSheetDisplays } from "../core/sheet-display";
import { resultsOf } from "../taskpane/outcome";
import { readXlsxBytes } from "../xlsx/reader";
import { analyzeRead, internalErrorMessage } from "../xlsx/analyze-read";
import { scoredCopy } from "../xlsx/write";
import { ScoreMessage, ScoreRequest } from "./protocol";

const post = (message: ScoreMessage, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

async function score({ id, name, bytes, profile, lang }: ScoreRequest): Promise<void> {
  const other = otherSpreadsheetMessage(name);
  if (other) return post({ id, kind: "failed", message: other });
  post({ id, kind: "step", step: "read" });
  const { source, grid } = readXlsxBytes(bytes, name);
  post({ id, kind: "step", step: "check" });
  const read = analyzeRead(name, grid, profile, lang);
  if (read.kind === "earlier-review") return post({ id, kind: "earlier-review", message: read.message });
  if (read.kind === "no-tables") return post({ id, kind: "failed", message: read.message, noTables: true });
  const { analysis } = read;
  post({ id, kind: "step", step: "score" });
  const report = buildReport(name, grid, analysis);
  const review = reviewFile(name, analysis, profile, lang, droppedParts(grid));
  // Before the copy is written: the views read the grid and the record as the writer does.
  const sheets = tableSheetDisplays(grid, analysis, { lang, mark: profile.markCells });
  post({ id, kind: "step", step: "write" });
  // The command line's options and its deflate (fflate): the command line's bytes.
  const scored = scoredCopy(source, grid, analysis, { lang, mark: profile.markCells });
  // The results view's data, built as the task pane builds it.
  const { kind: _results, ...results } = resultsOf(analysis, grid, profile, lang, {
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
    post({ id: request.id, kind: "failed", message: error instanceof BilingualError ? error.text : internalErrorMessage(request.name, error) });
  });
};
