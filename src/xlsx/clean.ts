/**
 * 清除标记 for an .xlsx (`jixiao clean`): every mark jixiao's record lists is taken back — its fill
 * and its note — as far as the cell still shows it, every value jixiao filled in that the cell still
 * holds is blanked again (with its old number format), and optionally jixiao's 综合得分 sheet is
 * removed. The user's values, formulas, number formats and everything else they made stay. Like the scored copy, only the parts that change are rewritten.
 */
import { cachedResultsOf, cachedResultsToGiveBack, withCachedResults } from "../core/cached-results";
import { cellsToCheck, cellsToLook, ownsIn, marksOf, marksOnSheets, planClean, unrecordedNotes, withMarks } from "../core/marks";
import { WorkbookGrid, cellAddress } from "../core/grid";
import { isEmptyState, parseState, stateJson } from "../core/state";
import { summaryToClean } from "../core/clean-summary";
import { planCellChanges } from "../core/writeplan";
import { readLooks, readNotes } from "./marks-parts";
import { Package, tabIndex } from "./package";
import { removeState, writeState } from "./state-part";
import { workbookChildren } from "./summary-parts";
import { cellEdits, copyBytes, openCopy, ownStylesheet, withOwnStylesheet, writeNotesAndCells } from "./write";
import { XmlElement, scanXml, startTag } from "./xml";

export interface CleanOptions {
  /** Also remove the 综合得分 sheet jixiao wrote last. */
  removeSummary?: boolean;
}

export interface CleanResult {
  bytes: Uint8Array;
  /** Marked areas taken back. */
  removed: number;
  /** Notes that held jixiao's text its record does not list: that text is taken away. */
  unrecordedNotes: number;
  /**
   * The cells ("自评表!H6") the record did not cover (core cellsToCheck): their fills and values
   * stay, as nothing tells jixiao's from the user's.
   */
  toCheck: string[];
  /** The summary sheet removed, if one was. */
  summaryRemoved: string | null;
  /** A hidden sheet shown again, as the summary removed was the only one visible (see withoutSheet). */
  sheetShown: string | null;
  /** With removeSummary: summary sheets jixiao made that the user has written in since, kept as theirs (core summaryToClean). */
  summaryWrittenIn: string[];
}

/**
 * The workbook part without one sheet: its <sheet>, and the defined names local to it; later
 * sheets' local names, the active tab and the first tab shown move up one place. Excel opens no
 * workbook without a visible sheet: where the sheet was the only one, the first hidden one (not
 * very hidden, if one is) is shown again, named in `shown` (review round 48b). Each window's
 * active tab is a visible sheet.
 */
function withoutSheet(xml: string, name: string): { xml: string; shown: string | null } {
  const sheets: XmlElement[] = [];
  const views: XmlElement[] = [];
  scanXml(xml, {
    open: (element) => {
      if (element.depth !== 2) return;
      if (element.local === "sheet") sheets.push(element);
      else if (element.local === "workbookView") views.push(element);
    },
  });
  const index = sheets.findIndex((s) => s.attributes.name === name);
  if (index === -1) return { xml, shown: null };
  const removed = sheets[index];
  const edits: { start: number; end: number; text: string }[] = [{ start: removed.start, end: removed.end, text: "" }];
  for (const definedName of workbookChildren(xml).definedNames) {
    const local = definedName.attributes.localSheetId;
    if (local === undefined) continue;
    const id = Number(local);
    if (id === index) edits.push({ start: definedName.start, end: definedName.end, text: "" });
    else if (id > index) edits.push({ start: definedName.start, end: definedName.openEnd, text: startTag(definedName, { localSheetId: String(id - 1) }, definedName.selfClosing) });
  }
  const left = sheets.filter((_, i) => i !== index);
  const isVisible = (sheet: XmlElement) => (sheet.attributes.state ?? "visible") === "visible";
  let shown: string | null = null;
  if (left.length > 0 && !left.some(isVisible)) {
    const hidden = Math.max(0, left.findIndex((sheet) => sheet.attributes.state === "hidden"));
    edits.push({ start: left[hidden].start, end: left[hidden].openEnd, text: startTag(left[hidden], { state: undefined }, left[hidden].selfClosing) });
    shown = left[hidden].attributes.name;
  }
  const moved = (tab: number) => Math.min(tab >= index && tab > 0 ? tab - 1 : tab, left.length - 1);
  const showing = (sheet: XmlElement) => isVisible(sheet) || sheet.attributes.name === shown;
  const visibleTab = (tab: number) => (showing(left[tab]) ? tab : left.findIndex(showing));
  // Each window of the workbook (a <workbookView> each). A tab that is no sheet's number (-1, "x",
  // written by another program) is the first sheet's, as in the scored copy (review round 52a, M1).
  for (const view of left.length > 0 ? views : []) {
    const changes: Record<string, string> = {};
    const active = visibleTab(moved(tabIndex(view.attributes.activeTab, sheets.length)));
    if (String(active) !== (view.attributes.activeTab ?? "0")) changes.activeTab = String(active);
    const first = view.attributes.firstSheet === undefined ? undefined : moved(tabIndex(view.attributes.firstSheet, sheets.length));
    if (first !== undefined && String(first) !== view.attributes.firstSheet) changes.firstSheet = String(first);
    if (Object.keys(changes).length > 0) edits.push({ start: view.start, end: view.openEnd, text: startTag(view, changes, view.selfClosing) });
  }
  edits.sort((a, b) => b.start - a.start);
  let out = xml;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  // A <definedNames> left empty is not allowed by the schema.
  const after = workbookChildren(out);
  const names = after.children.find((element) => element.local === "definedNames");
  if (names && !names.selfClosing && after.definedNames.length === 0) out = out.slice(0, names.start) + out.slice(names.end);
  return { xml: out, shown };
}

/**
 * Whether a worksheet names a cell format or a differential one: a cell's or a row's s, a column's
 * style, a conditional format's dxfId (a sheet removed, undefined, names none).
 */
function namesFormats(xml: string | undefined): boolean {
  return xml !== undefined && /\s(?:s|style)\s*=\s*["']0*[1-9]|\sdxfId\s*=/.test(xml);
}

/** The cleaned copy of a package the reader read into `grid` (jixiao's record as it read it: grid.state). */
export function cleanCopy(pkg: Package, grid: WorkbookGrid, options: CleanOptions = {}): CleanResult {
  const copy = openCopy(pkg);
  const { workbookPath, workbook, workbookRels: rels, contentTypes, sheets, styles, sheetNotes } = copy;

  const state = parseState(grid.state);
  // A package that has no stylesheet gets none.
  const ownStyles = copy.stylesPath !== undefined && ownStylesheet(copy, state);
  const previous = marksOf(state);
  // Marks on sheets deleted since the run are gone with their sheets.
  const record = marksOnSheets(previous, sheets.sheets());
  const look = readLooks(pkg, styles, sheets, sheetNotes, cellsToLook([], record));
  const plan = planClean(record, look, ownsIn(grid));
  // The formula results jixiao updated go back to what they were, as the values under them do.
  const givenBack = cachedResultsToGiveBack(cachedResultsOf(state), grid);
  const edits = cellEdits(planCellChanges({ writes: [] }, plan.fills), styles, plan.clears, givenBack);
  // jixiao's text in notes its record does not list (another program saved the workbook without it).
  const unrecorded = unrecordedNotes(readNotes(sheets, sheetNotes), record);
  writeNotesAndCells(copy, [...plan.notes, ...unrecorded], edits);

  let summaryRemoved: string | null = null;
  let sheetShown: string | null = null;
  let workbookXml = pkg.required(workbookPath);
  const summary = previous.summary;
  const { remove, writtenIn } = summaryToClean(grid.sheets, grid.otherSheetNames ?? [], summary, options.removeSummary ?? false);
  const summaryPart = remove === null ? undefined : sheets.get(remove);
  if (remove !== null && summaryPart) {
    const relationshipId = workbook.sheets().get(remove);
    ({ xml: workbookXml, shown: sheetShown } = withoutSheet(workbookXml, remove));
    if (relationshipId) rels.remove(new Set([relationshipId]));
    pkg.removeWithRelated(summaryPart, contentTypes);
    summaryRemoved = remove;
  }
  // A record left with nothing in it goes, so that a cleaned workbook carries no trace of jixiao.
  // The summary the record names is gone when removed now or deleted by hand since.
  const summaryLeft = summary && !summaryRemoved && sheets.get(summary.name) !== undefined ? summary : null;
  // The stylesheet jixiao added to a package that had none goes too once nothing names its formats.
  const stylesGo = ownStyles && !summaryLeft && !sheets.sheets().some((sheet) => namesFormats(pkg.text(sheets.required(sheet))));
  if (stylesGo) {
    rels.remove(new Set(rels.allOfType("styles").map((r) => r.id)));
    pkg.removeWithRelated(copy.stylesPath!, contentTypes);
    copy.stylesPath = undefined;
  }
  const cleaned = withOwnStylesheet(withCachedResults(withMarks(state, { entries: [], summary: summaryLeft }), []), copy, ownStyles && !stylesGo);
  if (isEmptyState(cleaned)) removeState(pkg, rels, contentTypes);
  else writeState(pkg, rels, contentTypes, stateJson(cleaned));

  return {
    bytes: copyBytes(copy, workbookXml),
    removed: plan.removed,
    unrecordedNotes: unrecorded.length,
    toCheck: cellsToCheck(unrecorded, plan.fills, sheets.sheets()).map((c) => `${c.sheet}!${cellAddress(c.row, c.col)}`),
    summaryRemoved,
    sheetShown,
    summaryWrittenIn: writtenIn,
  };
}
