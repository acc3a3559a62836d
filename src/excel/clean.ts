/**
 * 清除标记 in Excel: takes back every mark jixiao's record lists — fills and notes, as far as the
 * cells still show them — and the values it filled in that the cells still hold (blank again, in
 * their old number format), and, if asked, puts its 综合得分 sheet away; the user's values,
 * formulas, number formats and everything else they made stay. Like a recalculation it goes on the undo stack, so
 * 撤销 brings the marks (and the sheet) back.
 *
 * Where Excel has the notes API (ExcelApi 1.18) it also takes jixiao's text out of the notes that
 * hold it where the record lists no mark (another program saved the workbook without the record, or
 * cells were copied with their notes), keeping the user's own text, and names those cells for the
 * user to check, as `jixiao clean` does (core unrecordedNotes, cellsToCheck).
 *
 * Which 综合得分 may go is the core's rule for both hosts (summaryToClean): the one a rerun would
 * replace, found by its footer too where the record was lost.
 *
 * Syncs: the sheet list, the record's part and the workbook's notes; the record's text; the notes'
 * cells, when there are notes; the filled-in cells' values, when the record lists any; the sheets'
 * cells as a rerun reads them (more where they are too large for one answer); the marked cells'
 * fills and notes; then one batch for everything (plus one per extra 4 MB).
 */
import type { Lang } from "../core/messages";
import {
  cellsToCheck,
  cellsToLook,
  followMovedMarks,
  holdsBy,
  holdsFill,
  marksOf,
  marksOnSheets,
  ownsIn,
  planClean,
  sheetCellKey,
  unrecordedNotes,
  withMarks,
} from "../core/marks";
import { isEmptyState, parseState, stateJson } from "../core/state";
import { summaryToClean } from "../core/clean-summary";
import { cellAddress, parseRangeAddress } from "../core/grid";
import { UndoRecord, buildUndoRecord, planCellChanges, undoSummary, withOldCells } from "../core/writeplan";
import { ApiCheck, MIN_API, officeApi } from "./api";
import { WriteOp, runOps, sheetProxies, writeOp } from "./batch";
import { freeBackupSheet } from "./keys";
import { noteAtOf, noteOps, notesBefore, readLooks } from "./marks";
import { queueWorkbookNotes } from "./notes";
import { readRecordText, recordOp } from "./state";
import { HostError, hostMessages } from "./messages";
import { readSheetGrids, readSheetList } from "./read";
import { keepAsBackup, pushUndoOps } from "./undo-stack";
import { cellOps, clearOps } from "./write";

export interface CleanOptions {
  api?: ApiCheck;
  lang?: Lang;
  /**
   * Also put away jixiao's 综合得分 sheet (kept very hidden for 撤销): the one a rerun would replace,
   * as `jixiao clean --remove-summary` does; one written in since is the user's and stays (`summaryWrittenIn`).
   */
  removeSummary?: boolean;
}

/** What 清除标记 did (the pane's host hands it on as it is). */
export interface CleanOutcome {
  /** Marked areas jixiao's record listed, taken back with their notes. */
  removed: number;
  /** Of them, the values jixiao filled in that the cells still held: blank again. */
  cleared: number;
  /** Notes that held jixiao's text its record does not list (another program dropped the record, a note copied): that text is taken away. */
  unrecordedNotes: number;
  /**
   * The cells ("自评表!H6") the record did not cover (core cellsToCheck): their fills and values
   * stay, as nothing tells jixiao's from the user's.
   */
  toCheck: string[];
  /** The 综合得分 put away (kept very hidden for 撤销), when asked to (core summaryToClean decides which). */
  summaryRemoved: string | null;
  /** Not asked to remove it: jixiao's 综合得分 as it wrote it, one that can go. */
  summaryRemovable: string | null;
  /** Asked to remove it: jixiao's summaries written in since, the user's, kept. */
  summaryWrittenIn: string[];
}

export async function cleanMarks(context: Excel.RequestContext, options: CleanOptions = {}): Promise<CleanOutcome> {
  const api = options.api ?? officeApi;
  const m = hostMessages(options.lang);
  if (!api(MIN_API)) throw new HostError(m.apiTooOld);
  const listed = queueWorkbookNotes(context, api);
  const { sheets, workbookProtected, recordParts, undo } = await readSheetList(context);
  const part = recordParts.items[0];
  const json = await readRecordText(context, part);
  const recordState = parseState(json);
  const recorded = marksOf(recordState);
  const sheetNames = sheets.map((s) => s.name);

  const located = listed.locate();
  if (located.count > 0) await context.sync();
  const listedNotes = located.read();
  const noteAt = noteAtOf(listedNotes);
  // The marks where their notes are now (rows or columns inserted or deleted, a sheet renamed).
  const previous = followMovedMarks(recorded, listedNotes, sheetNames);
  const record = marksOnSheets(previous, sheetNames);

  // The sheets as a rerun reads them: which 综合得分 may go, and whether a value jixiao filled in is still its own.
  const grids = await readSheetGrids(context, sheets, api);
  const summaryClean = summaryToClean(grids, [], previous.summary, options.removeSummary ?? false);
  const summary = sheets.find((s) => s.name === summaryClean.remove);
  if (summary && workbookProtected) throw new HostError(m.protectedWorkbook);

  // The values jixiao filled in (a finding's mark may carry one too), with their formats: taken
  // back while the cells still hold them.
  const filled = record.entries
    .filter((e) => e.value !== undefined)
    .map((e) => {
      const { top, left } = parseRangeAddress(e.area)!;
      const range = context.workbook.worksheets.getItem(e.sheet).getRangeByIndexes(top, left, 1, 1);
      range.load(["values", "numberFormat", "formulas"]);
      return { key: sheetCellKey(e.sheet, top, left), range };
    });
  if (filled.length > 0) await context.sync();
  // jixiao's text in notes its record does not list (another program saved the workbook without it).
  const unrecorded = unrecordedNotes(listedNotes, record);
  const locked = [...record.entries, ...unrecorded].find((e) => sheets.find((s) => s.name === e.sheet)?.protected);
  if (locked) throw new HostError(m.protectedSheet(locked.sheet));

  const { looks, fills, notes, hasNote } = await readLooks(context, { fills: new Map(), sheets }, cellsToLook([], record), api);
  const held = new Map(
    filled.map(({ key, range }) => {
      const formula = range.formulas[0][0];
      return [key, { value: range.values[0][0], formula: typeof formula === "string" && formula.startsWith("="), numFmt: range.numberFormat[0][0] }];
    }),
  );
  // A value recorded with its row's labels is jixiao's only while the row still shows them (a row
  // inserted above brings the user's own to the address).
  const labelled = record.entries.some((e) => e.value !== undefined && e.labels !== undefined);
  const owns = labelled ? ownsIn({ sheets: grids }) : holdsFill(holdsBy((sheet, row, col) => held.get(sheetCellKey(sheet, row, col))));
  const plan = planClean(record, looks, owns);
  const cells = planCellChanges({ writes: [] }, plan.fills);
  const backup = summary ? freeBackupSheet(sheetNames) : null;
  const undoRecord: UndoRecord = {
    ...withOldCells(buildUndoRecord(cells, { sheets: [] }, fills, summary ? undoSummary(summary.name, backup, summary) : null), [
      ...notesBefore(plan.notes, notes, api),
      ...notesBefore(unrecorded, noteAt, api),
      ...plan.clears.map((c) => {
        const now = held.get(sheetCellKey(c.sheet, c.row, c.col))!;
        return { ...c, old: { v: now.value as number, f: now.numFmt } };
      }),
    ]),
    state: json ?? null,
  };
  // Nothing of the sheets to change (a second 清除标记, a summary refused): no step for 撤销 to take back.
  const changes = plan.fills.length + plan.notes.length + unrecorded.length + plan.clears.length > 0 || summary !== undefined;
  const ops: WriteOp[] = [
    ...(changes ? pushUndoOps(context, undoRecord, undo, sheetNames, m) : []),
    ...cellOps(cells, sheetProxies(context)),
    ...noteOps(context, plan.notes, hasNote, api),
    ...noteOps(context, unrecorded, (sheet, row, col) => noteAt(sheet, row, col) !== null, api),
    ...clearOps(plan.clears, sheetProxies(context)),
  ];
  if (summary && backup) ops.push(writeOp(3, backup, () => keepAsBackup(context.workbook.worksheets.getItem(summary.name), backup)));
  const cleaned = withMarks(recordState, { entries: [], summary: summary ? null : previous.summary });
  // A record left with nothing in it goes, as `jixiao clean` drops it (review round 54b, L1); 撤销 writes it back.
  ops.push(recordOp(context, part?.id ?? null, isEmptyState(cleaned) ? null : stateJson(cleaned)));
  await runOps(context, ops, api);
  return {
    removed: plan.removed,
    cleared: plan.clears.length,
    unrecordedNotes: unrecorded.length,
    toCheck: cellsToCheck(unrecorded, plan.fills, sheetNames).map((c) => `${c.sheet}!${cellAddress(c.row, c.col)}`),
    summaryRemoved: summary?.name ?? null,
    summaryRemovable: summaryClean.removable,
    summaryWrittenIn: summaryClean.writtenIn,
  };
}
