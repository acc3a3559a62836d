/**
 * The one entry both hosts call: grid in, findings, scores, cell writes and the summary sheet out.
 */
import { WorkbookGrid } from "./grid";
import { DEFAULT_PROFILE, Profile } from "./profile";
import { AnalysisResult } from "./result";
import { SummarySheet } from "./summary-types";

export type Lang = "zh" | "en";

export interface Analysis extends AnalysisResult {
  summary: SummarySheet;
}

export interface AnalyzeOptions {
  lang?: Lang;
}

// TEMPORARY placeholder while the engine is being written (replaced in the next commits).
export function analyze(workbook: WorkbookGrid, profile: Profile = DEFAULT_PROFILE, options: AnalyzeOptions = {}): Analysis {
  void workbook;
  void profile;
  void options;
  throw new Error("analyze: not implemented yet");
}

/** The message for a workbook with no recognisable table: which headers were looked for. */
export function noTablesMessage(lang: Lang = "zh"): string {
  void lang;
  throw new Error("not implemented yet");
}
