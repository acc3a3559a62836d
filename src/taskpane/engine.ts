/* global Excel */
/**
 * The analysis engine as the Office host runs it: a check (read, analyse) and a recalculation (read,
 * analyse, write), with everything only they need: the core's analysis (detect, values, model,
 * rules, score…, and the 综合得分 layout, core/summary.ts), the reading of the workbook's sheets (excel/read.ts), the writing of a run
 * (excel/write.ts) and the pane's view of its outcome (outcome.ts); and 忽略 and its taking back,
 * which place a finding as the analysis does (core/ignores.ts) and come only after a run. It is a chunk of its own
 * ("engine"), which the host fetches once the pane has rendered (PaneHost.prepare) and awaits before
 * it analyses: the pane draws itself without it, so that its first load stays within 200 KB
 * (issue 13). The host imports nothing of this module but its types; see office-host.ts.
 */
import { AnalysisProgress, analysisSteps, noTablesMessage, setSummaryLayout } from "../core/analyze";
import { FindingPlace, IgnoredFinding, ignoreRecord, withIgnore, withoutIgnore } from "../core/ignores";
import type { Lang } from "../core/messages";
import type { Profile } from "../core/profile";
import type { Finding } from "../core/result";
import { buildSummary } from "../core/summary";
import type { ApiCheck } from "../excel/api";
import { readWorkbookState } from "../excel/read";
import { updateWorkbookRecord } from "../excel/state";
import { applyAnalysis } from "../excel/write";
import { resultsOf } from "./outcome";
import type { RecalcOptions, RecalcOutcome, RecalcStep } from "./pane-host";
import { Pacing, runSteps } from "./run-steps";

// The core is given its 综合得分 layout (core/summary.ts) with the engine: every other host gives it
// at once (core/all-parts.ts). The English finding messages come with the pane's English strings,
// which a Chinese Office never fetches: the host gives them (setEnglishMessages).
setSummaryLayout(buildSummary);
export { setEnglishMessages } from "../core/messages";

/** The pane's step for each phase of the core's analysis: a sheet's rows are validated and scored together, its totals after. */
const STEP_OF_PHASE: Record<AnalysisProgress["phase"], RecalcStep> = { detect: "detect", check: "validate", totals: "score" };

/** Reads and checks the workbook, writing nothing. */
export async function checkWorkbook(context: Excel.RequestContext, profile: Profile, lang: Lang, api: ApiCheck, pacing: Pacing): Promise<RecalcOutcome> {
  const state = await readWorkbookState(context, { api });
  const analysis = await runSteps(analysisSteps(state.grid, profile, { lang }), pacing);
  if (analysis.tables.length === 0) return { kind: "no-tables", message: noTablesMessage(lang, analysis.hiddenSheets, analysis.emptyTables) };
  return resultsOf(analysis, state.grid, profile, lang, null);
}

/** 一键重算 (the host has checked the API first): reads, analyses in steps (which a cancel stops), then writes the run in one go. */
export async function recalculateWorkbook(
  context: Excel.RequestContext,
  profile: Profile,
  onStep: (step: RecalcStep) => void,
  lang: Lang,
  api: ApiCheck,
  pacing: Pacing,
  options: RecalcOptions,
): Promise<RecalcOutcome> {
  // A cancel is honoured between steps of the analysis, never once writing has begun: runSteps
  // checks the signal before every step, the first included, and the pane stops offering 取消 at
  // the write step (applyAnalysis reads the cells' looks and writes in several batches after it),
  // so a cancelled run has written nothing.
  onStep("read");
  const state = await readWorkbookState(context, { api, fills: true });
  options.onCounts?.("read", { done: state.grid.sheets.length, total: state.grid.sheets.length });
  let step: RecalcStep = "read";
  const analysis = await runSteps(analysisSteps(state.grid, profile, { lang }), {
    ...pacing,
    signal: options.signal,
    onProgress: (progress) => {
      if (STEP_OF_PHASE[progress.phase] !== step) onStep((step = STEP_OF_PHASE[progress.phase]));
      if (progress.phase !== "totals") options.onCounts?.(step, { done: progress.done, total: progress.total });
    },
  });
  if (analysis.tables.length === 0) return { kind: "no-tables", message: noTablesMessage(lang, analysis.hiddenSheets, analysis.emptyTables) };
  onStep("write");
  const applied = await applyAnalysis(context, analysis, state, { api, lang, mark: profile.markCells });
  return resultsOf(analysis, state.grid, profile, lang, applied);
}

/** 忽略: the workbook's record sets the finding aside, with the reason. */
export async function ignoreFinding(context: Excel.RequestContext, finding: Finding, place: FindingPlace, reason: string): Promise<void> {
  await updateWorkbookRecord(context, (state) => withIgnore(state, ignoreRecord(finding, place, reason)));
}

/** Takes back an ignore: the finding is checked again. */
export async function unignoreFinding(context: Excel.RequestContext, finding: IgnoredFinding): Promise<void> {
  await updateWorkbookRecord(context, (state) => withoutIgnore(state, finding.rule, finding.place));
}
