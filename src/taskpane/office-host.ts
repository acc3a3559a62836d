/* global Excel, Office */
/**
 * The PaneHost the task pane (and the ribbon command) use inside Excel: Excel.run with the adapters
 * in src/excel and the core's analyze. Every batch waits for the user to leave cell-edit mode
 * (delayForCellEdit), and every failure reaches the pane as a HostError with a message for people.
 *
 * A full recalculation takes three syncs: the sheet list, every sheet's contents with the fills the
 * undo record needs, and one batch with the record and all changes (more only for very large
 * workbooks, see src/excel/read.ts and batch.ts).
 */
import { Lang, analyze, noTablesMessage } from "../core/analyze";
import { Profile, profileFromJson } from "../core/profile";
import { ApiCheck, MIN_API, UNDO_GROUP_API, officeApi } from "../excel/api";
import { PROFILE_SETTING } from "../excel/keys";
import { HostError, hostMessages, toHostError } from "../excel/messages";
import { readWorkbookState } from "../excel/read";
import { cleanMarks } from "../excel/clean";
import { hasUndo, undoLast } from "../excel/undo";
import { applyAnalysis } from "../excel/write";
import type { PaneHost, RecalcOutcome, RecalcStep } from "./pane-host";

export interface OfficeHostOptions {
  api?: ApiCheck;
}

export function createOfficeHost(options: OfficeHostOptions = {}): PaneHost {
  const api = options.api ?? officeApi;
  const lang = displayLanguage();
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    try {
      // Where Excel can (ExcelApi 1.20), Ctrl+Z takes a whole run back as one step too.
      const undoGroup = api(UNDO_GROUP_API) ? { mergeUndoGroup: true } : {};
      return await Excel.run({ delayForCellEdit: true, ...undoGroup }, batch);
    } catch (error) {
      throw toHostError(error, lang);
    }
  };

  return {
    language: () => lang,

    recalculate: (profile, onStep) => run((context) => recalculate(context, profile, onStep, lang, api)),

    selectCell: (sheet, cell) =>
      run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      }),

    undoLast: () => run((context) => undoLast(context, { api, lang })),

    hasUndo: () => run(hasUndo),

    cleanMarks: () => run(async (context) => (await cleanMarks(context, { api, lang })).removed),

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
): Promise<RecalcOutcome> {
  if (!api(MIN_API)) throw new HostError(hostMessages(lang).apiTooOld);
  onStep("read");
  const state = await readWorkbookState(context, { api, fills: true });
  // analyze does detection, validation and scoring in one call; the steps are reported around it.
  onStep("detect");
  const analysis = analyze(state.grid, profile, { lang });
  onStep("validate");
  onStep("score");
  if (analysis.tables.length === 0) return { kind: "no-tables", message: noTablesMessage(lang) };
  onStep("write");
  const applied = await applyAnalysis(context, analysis, state, { api, lang, mark: profile.markCells });
  return {
    kind: "results",
    total: analysis.summary.total,
    grade: analysis.summary.grade,
    gradeReason: analysis.summary.gradeReason,
    levels: analysis.summary.levels,
    findings: analysis.findings,
    written: applied.written,
    marked: applied.marked,
    summarySheet: applied.summarySheet,
  };
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
