/* global Excel, Office */
/**
 * The PaneHost the task pane (and the ribbon command) use inside Excel: Excel.run with the adapters
 * in src/excel and the core's analysis, which come in chunks the pane fetches once it has rendered
 * (engine.ts for a check, a recalculation and 忽略; mark-tools for 撤销, 清除标记 and 采用计算值).
 * Every batch waits for the user to leave cell-edit mode (delayForCellEdit), and every failure
 * reaches the pane as a HostError with a message for people.
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
import type { Lang } from "../core/messages";
import { Profile, profileFromJson } from "../core/profile";
import { ApiCheck, MIN_API, UNDO_GROUP_API, officeApi } from "../excel/api";
import { PROFILE_SETTING } from "../excel/keys";
import { HostError, hostMessages, toHostError } from "../excel/messages";
import { hasUndo } from "../excel/undo-stack";
import { CancelledError, PaneHost } from "./pane-host";
import type { Pacing } from "./run-steps";

export interface OfficeHostOptions {
  api?: ApiCheck;
  /** How the analysis shares the pane's thread (tests pause it at a chosen step). */
  pacing?: Pacing;
}

/**
 * A chunk the host asks for when `start` is called (once the pane has rendered: PaneHost.prepare),
 * or else when it is first needed (the ribbon's 一键重算 has no pane), so that it is at hand when it
 * is needed, and asks for again then if that first fetch failed. One that cannot be fetched (the
 * add-in's server out of reach) is a HostError saying so, not a crash.
 */
function fetchedChunk<T>(load: () => Promise<T>, unavailable: () => string): { start: () => void; get: () => Promise<T> } {
  let loading: Promise<T> | undefined;
  const start = () => {
    if (loading) return;
    loading = load();
    loading.catch(() => undefined); // a failed first fetch is told when the chunk is needed, not as an unhandled rejection
  };
  return {
    start,
    get: async () => {
      start();
      try {
        return await loading!.catch(() => (loading = load()));
      } catch {
        throw new HostError(unavailable());
      }
    },
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
 * What a check or a recalculation runs, which the pane's first load goes without: the analysis engine
 * (engine.ts: the core's analysis with its 综合得分 layout, the reading and writing of a run, 忽略),
 * a chunk of its own, and for an English Office the English finding messages (core/messages-en.ts,
 * in the chunk of the pane's English strings; a Chinese Office never fetches them), which the host
 * gives the core before it analyses. Every other host has the core whole (core/all-parts.ts).
 */
const loadEngine = (lang: Lang) =>
  Promise.all([
    import(/* webpackChunkName: "engine" */ "./engine"),
    lang === "en" ? import(/* webpackChunkName: "strings-en" */ "../core/messages-en") : undefined,
  ]).then(([engine, english]) => {
    if (english) engine.setEnglishMessages(english.EN_MESSAGES);
    return engine;
  });

export function createOfficeHost(options: OfficeHostOptions = {}): PaneHost {
  const api = options.api ?? officeApi;
  const pacing = options.pacing ?? {};
  const lang = displayLanguage();
  const markTools = fetchedChunk(loadMarkTools, () => hostMessages(lang).toolsUnavailable);
  const engine = fetchedChunk(() => loadEngine(lang), () => hostMessages(lang).coreUnavailable);
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

    prepare: () => {
      engine.start();
      markTools.start();
    },

    recalculate: async (profile, onStep, options = {}) => {
      if (!api(MIN_API)) throw new HostError(hostMessages(lang).apiTooOld);
      const { recalculateWorkbook } = await engine.get();
      return run((context) => recalculateWorkbook(context, profile, onStep, lang, api, pacing, options));
    },

    check: async (profile) => {
      const { checkWorkbook } = await engine.get();
      return run((context) => checkWorkbook(context, profile, lang, api, pacing));
    },

    applyFixes: async (fixes) => {
      const { applyFixes } = await markTools.get();
      return run((context) => applyFixes(context, fixes, { api, lang }));
    },

    ignore: async (finding, place, reason) => {
      const { ignoreFinding } = await engine.get();
      return run((context) => ignoreFinding(context, finding, place, reason));
    },

    unignore: async (finding) => {
      const { unignoreFinding } = await engine.get();
      return run((context) => unignoreFinding(context, finding));
    },

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
      const { undoLast } = await markTools.get();
      return run((context) => undoLast(context, { api, lang }));
    },

    hasUndo: () => run(hasUndo),

    cleanMarks: async (options = {}) => {
      const { cleanMarks } = await markTools.get();
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
