/* global Excel, Office */
/**
 * The PaneHost the task pane (and the ribbon command) use inside Excel: Excel.run with the adapters
 * in src/excel and the core's analyze. Every batch waits for the user to leave cell-edit mode
 * (delayForCellEdit), and every failure reaches the pane as a HostError with a message for people.
 *
 * A full recalculation takes three to six syncs (more only for very large workbooks, see
 * src/excel/read.ts and batch.ts):
 * 1. the sheet list (with the look-up of jixiao's record part and the undo record);
 * 2. every sheet's contents with the fills the undo record needs (and the record's text);
 * 3. where the record lists marks and Excel has notes (ExcelApi 1.18): every note of the workbook,
 *    and then where each one is (none, no second sync), so that marks follow rows inserted since;
 * 4. the notes of the cells to mark or unmark (ExcelApi 1.18), with any fill the second sync lacks;
 * 5. one batch with the undo record, the new record and all changes.
 * So: three below ExcelApi 1.18; from it, four on a workbook jixiao has not marked, six on one it has.
 */
import { AnalysisProgress, analysisSteps, noTablesMessage, setSummaryLayout } from "../core/analyze";
import { type Lang, setEnglishMessages } from "../core/messages";
import { Profile, profileFromJson } from "../core/profile";
import { ApiCheck, MIN_API, UNDO_GROUP_API, officeApi } from "../excel/api";
import { PROFILE_SETTING } from "../excel/keys";
import { HostError, hostMessages, toHostError } from "../excel/messages";
import { readWorkbookState } from "../excel/read";
import { updateWorkbookRecord } from "../excel/state";
import { hasUndo } from "../excel/undo-stack";
import { applyAnalysis } from "../excel/write";
import { ignoreRecord, withIgnore, withoutIgnore } from "../core/ignores";
import { resultsOf } from "./outcome";
import { CancelledError, PaneHost, RecalcOptions, RecalcOutcome, RecalcStep } from "./pane-host";
import { Pacing, runSteps } from "./run-steps";

export interface OfficeHostOptions {
  api?: ApiCheck;
  /** How the analysis shares the pane's thread (tests pause it at a chosen step). */
  pacing?: Pacing;
}

/** The pane's step for each phase of the core's analysis: a sheet's rows are validated and scored together, its totals after. */
const STEP_OF_PHASE: Record<AnalysisProgress["phase"], RecalcStep> = { detect: "detect", check: "validate", totals: "score" };

/**
 * A chunk the host asks for as soon as it is made, so that it is at hand when it is needed, and asks
 * for again then if that first fetch failed. One that cannot be fetched (the add-in's server out of
 * reach) is a HostError saying so, not a crash.
 */
function fetchedChunk<T>(load: () => Promise<T>, unavailable: () => string): () => Promise<T> {
  let loading = load();
  loading.catch(() => undefined); // a failed first fetch is told when the chunk is needed, not as an unhandled rejection
  return async () => {
    try {
      return await loading.catch(() => (loading = load()));
    } catch {
      throw new HostError(unavailable());
    }
  };
}

/**
 * 撤销, 清除标记 and 采用计算值 come after a run: their code (undo.ts, clean.ts, fixes.ts) is a chunk of its own, so that
 * the pane's first load stays within 200 KB (issue 13).
 */
const loadMarkTools = () =>
  Promise.all([
    import(/* webpackChunkName: "mark-tools" */ "../excel/undo"),
    import(/* webpackChunkName: "mark-tools" */ "../excel/clean"),
    import(/* webpackChunkName: "mark-tools" */ "../excel/fixes"),
  ]).then(([undo, clean, fixes]) => ({ undoLast: undo.undoLast, cleanMarks: clean.cleanMarks, applyFixes: fixes.applyFixes }));

/**
 * The parts of the core a check or a recalculation needs that the pane's first load goes without,
 * each a chunk, given to the core before it analyses: the 综合得分 layout (core/summary.ts, which lays
 * out the summary: its total, grade and 一级指标, the sheet written) and, for an English Office, the
 * English finding messages (core/messages-en.ts, in the chunk of the pane's English strings; a
 * Chinese Office never fetches them). Every other host gives them at once (core/all-parts.ts).
 */
const loadCoreParts = (lang: Lang) =>
  Promise.all([
    import(/* webpackChunkName: "summary" */ "../core/summary").then((summary) => setSummaryLayout(summary.buildSummary)),
    lang === "en" ? import(/* webpackChunkName: "strings-en" */ "../core/messages-en").then((en) => setEnglishMessages(en.EN_MESSAGES)) : undefined,
  ]);

export function createOfficeHost(options: OfficeHostOptions = {}): PaneHost {
  const api = options.api ?? officeApi;
  const pacing = options.pacing ?? {};
  const lang = displayLanguage();
  const withMarkTools = fetchedChunk(loadMarkTools, () => hostMessages(lang).toolsUnavailable);
  const withCoreParts = fetchedChunk(() => loadCoreParts(lang), () => hostMessages(lang).coreUnavailable);
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      // Where Excel can (ExcelApi 1.20), Ctrl+Z takes a whole run back as one step too.
      const undoGroup = api(UNDO_GROUP_API) ? { mergeUndoGroup: true } : {};
      return await Excel.run({ delayForCellEdit: true, ...undoGroup }, batch);
    } catch (error) {
      throw error instanceof CancelledError ? error : toHostError(error, lang);
    }
  };

  return {
    language: () => lang,

    recalculate: async (profile, onStep, options = {}) => {
      await withCoreParts();
      return run((context) => recalculate(context, profile, onStep, lang, api, pacing, options));
    },

    check: async (profile) => {
      await withCoreParts();
      return run(async (context) => {
        const state = await readWorkbookState(context, { api });
        const analysis = await runSteps(analysisSteps(state.grid, profile, { lang }), pacing);
        if (analysis.tables.length === 0) return { kind: "no-tables", message: noTablesMessage(lang, analysis.hiddenSheets, analysis.emptyTables) };
        return resultsOf(analysis, state.grid, profile, lang, null);
      });
    },

    applyFixes: async (fixes) => {
      const { applyFixes } = await withMarkTools();
      return run((context) => applyFixes(context, fixes, { api, lang }));
    },

    ignore: (finding, place, reason) =>
      run(async (context) => {
        await updateWorkbookRecord(context, (state) => withIgnore(state, ignoreRecord(finding, place, reason)));
      }),

    unignore: (finding) =>
      run(async (context) => {
        await updateWorkbookRecord(context, (state) => withoutIgnore(state, finding.rule, finding.place));
      }),

    watchChanges: async (onChange) => {
      const handler = await run(async (context) => {
        // The pane's own writes (a recalculation, a fix) are not edits to re-check.
        const added = context.workbook.worksheets.onChanged.add(async (event) => {
          if (event.triggerSource !== "ThisLocalAddin") onChange();
        });
        await context.sync();
        return added;
      });
      return () =>
        Excel.run(handler.context, async (context) => {
          handler.remove();
          await context.sync();
        });
    },

    selectCell: (sheet, cell) =>
      run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      }),

    undoLast: async () => {
      const { undoLast } = await withMarkTools();
      return run((context) => undoLast(context, { api, lang }));
    },

    hasUndo: () => run(hasUndo),

    cleanMarks: async (options = {}) => {
      const { cleanMarks } = await withMarkTools();
      return run((context) => cleanMarks(context, { api, lang, ...options }));
    },

    loadProfile: () =>
      run(async (context) => {
        const setting = context.workbook.settings.getItemOrNullObject(PROFILE_SETTING);
        setting.load("value");
        await context.sync();
        return setting.isNullObject ? null : storedProfile(setting.value);
      }),

    saveProfile: (profile) =>
      run(async (context) => {
        context.workbook.settings.add(PROFILE_SETTING, JSON.stringify(profile));
        await context.sync();
      }),
  };
}

async function recalculate(
  context: Excel.RequestContext,
  profile: Profile,
  onStep: (step: RecalcStep) => void,
  lang: Lang,
  api: ApiCheck,
  pacing: Pacing,
  options: RecalcOptions,
): Promise<RecalcOutcome> {
  if (!api(MIN_API)) throw new HostError(hostMessages(lang).apiTooOld);
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

/** A saved profile, or null when it no longer parses (the pane then starts from the default). */
function storedProfile(value: unknown): Profile | null {
  try {
    return profileFromJson(typeof value === "string" ? JSON.parse(value) : value);
  } catch {
    return null;
  }
}

/** "en…" → English; everything else (zh-CN, zh-TW, other languages) → Chinese, the add-in's default. */
function displayLanguage(): Lang {
  const language = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
  return /^en/i.test(language ?? "") ? "en" : "zh";
}
