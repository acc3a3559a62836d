/**
 * Writes an analysis into a copy of the original .xlsx package: the filled-in blank cells, jixiao's
 * marks (fills and notes, src/xlsx/marks-parts.ts) and its record, and the 综合得分 sheet with its
 * page setup and chart. Only the parts that change are rewritten (the sheets with edits, their
 * comments and note drawings, the styles, the workbook's sheet list); every other part — charts,
 * images, pivot tables, extension lists, other custom XML — is copied as it was, still compressed.
 * The parts it edits are the reader's text, not inflated again.
 */
import { Analysis } from "../core/analyze";
import type { Lang } from "../core/messages";
import { CachedResultEntry, cachedResultsOf, recordCachedResults } from "../core/cached-results";
import { CellValue, WorkbookGrid, isCellError, parseCellAddress } from "../core/grid";
import { NoteChange, ValueClear, ownFillsNotRefilled, wantedMarks } from "../core/marks";
import { WorkbookState, parseState } from "../core/state";
import { summaryDigest, textDigest } from "../core/summary-sheet";
import { CellPlan, forEachCell, planCellChanges } from "../core/writeplan";
import { CONTENT_TYPES, ContentTypes, Package, STYLES_TYPE, SheetParts, WORKBOOK_TYPE, WORKSHEET_TYPE, WorkbookPart, partFolder, workbookParts } from "./package";
import { droppedFromWorkbook } from "./copy-drops";
import { CopyParts, SheetNotes, planCopyMarks, writeCopyRecord, writeNotes } from "./marks-parts";
import { CellEdit, SheetEdits, highestFormat, patchSheet, summarySheetXml } from "./sheet-part";
import { FIT_TO_PAGE_SHEET_PR, printSetupXml, withPrintTitles, writeSummaryChart } from "./summary-parts";
import { MINIMAL_STYLES, StyleSheetEditor } from "./styles-part";

/**
 * The workbook's stylesheet to edit (an empty one for a package without), with a format for every
 * one its sheets name (StyleSheetEditor.coverFormats).
 */
function styleSheetOf(pkg: Package, stylesPath: string | undefined, sheets: SheetParts): StyleSheetEditor {
  const styles = new StyleSheetEditor((stylesPath && pkg.text(stylesPath)) || MINIMAL_STYLES);
  for (const sheet of sheets.sheets()) {
    const part = sheets.required(sheet);
    // The worksheets the reader read; a chart or dialog sheet names no cell formats.
    const layout = pkg.sheetLayout(part);
    if (layout) styles.coverFormats(highestFormat(layout));
  }
  return styles;
}

/** The parts every copy (scored, or cleaned by 清除标记) edits, as openCopy read them. */
export interface OpenedCopy extends CopyParts {
  workbookPath: string;
  workbook: WorkbookPart;
  workbookRelsPath: string;
  /** The stylesheet part; undefined while the package has none (`styles` is then a minimal one). */
  stylesPath: string | undefined;
}

/** Reads the parts a copy edits: the workbook and its relationships, the content types, the sheets' parts, the stylesheet. */
export function openCopy(pkg: Package): OpenedCopy {
  const { path: workbookPath, workbook, relsPath: workbookRelsPath, rels } = workbookParts(pkg);
  const contentTypes = new ContentTypes(pkg.required(CONTENT_TYPES));
  const sheets = new SheetParts(workbook, rels);
  const stylesPath = rels.ofType("styles")?.part;
  const styles = styleSheetOf(pkg, stylesPath, sheets);
  return { pkg, workbookPath, workbook, workbookRelsPath, workbookRels: rels, contentTypes, sheets, stylesPath, styles, sheetNotes: new SheetNotes(pkg) };
}

/** Writes the parts every copy changes (the stylesheet when the copy has one, the workbook part as `workbookXml`) and returns the copy's bytes. */
export function copyBytes(copy: OpenedCopy, workbookXml: string): Uint8Array {
  const { pkg } = copy;
  if (copy.stylesPath) pkg.put(copy.stylesPath, copy.styles.toXml());
  pkg.put(copy.workbookPath, workbookXml);
  pkg.put(copy.workbookRelsPath, copy.workbookRels.toXml());
  pkg.put(CONTENT_TYPES, copy.contentTypes.toXml());
  return pkg.toBytes();
}

/** A formula's cached result as a cell edit writes it: its text, and its type unless a number. */
function resultOf(value: CellValue): Pick<CellEdit, "value" | "resultType"> {
  if (value === null) return { value: null };
  if (typeof value === "number") return { value: String(value) };
  if (typeof value === "boolean") return { value: value ? "1" : "0", resultType: "b" };
  if (isCellError(value)) return { value: value.error, resultType: "e" };
  return { value, resultType: "str" };
}

/**
 * The core's plan (src/core/writeplan.ts, as the add-in uses it) as edits per sheet: each write,
 * each fill over every cell of its area, each value jixiao filled in taken back (by 清除标记, or by a
 * rerun that no longer computes it: the cell blank again, or its spaces back, in its old number
 * format) and for 清除标记 each formula result it updated given back, composed when they fall on the
 * same cell.
 */
export function cellEdits(plan: CellPlan, styles: StyleSheetEditor, clears: ValueClear[] = [], givenBack: CachedResultEntry[] = []): Map<string, SheetEdits> {
  const bySheet = new Map<string, SheetEdits>();
  const edit = (sheet: string, row: number, col: number, change: (previous: CellEdit | undefined) => CellEdit) => {
    let rows = bySheet.get(sheet);
    if (!rows) bySheet.set(sheet, (rows = new Map()));
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = new Map()));
    cells.set(col, change(cells.get(col)));
  };
  for (const write of plan.writes) {
    edit(write.sheet, write.row, write.col, () => ({
      value: String(write.value),
      restyle: (f) => styles.derive(f, { numFmt: write.numFmt }),
      cachedResult: write.cachedResult,
    }));
  }
  for (const { sheet, area, fill } of plan.fills) {
    forEachCell(area, (row, col) =>
      edit(sheet, row, col, (previous) => ({
        value: previous?.value,
        cachedResult: previous?.cachedResult,
        restyle: (f) => styles.withFill(previous ? previous.restyle(f) : f, fill),
      })),
    );
  }
  for (const clear of clears) {
    edit(clear.sheet, clear.row, clear.col, (previous) => ({
      value: null,
      ...(clear.was !== null && { text: clear.was }),
      restyle: (f) => styles.derive(previous ? previous.restyle(f) : f, { numFmt: clear.numFmt }),
    }));
  }
  for (const result of givenBack) {
    const at = parseCellAddress(result.cell);
    if (!at) continue;
    edit(result.sheet, at.row, at.col, (previous) => ({ ...resultOf(result.was), cachedResult: true, restyle: previous ? previous.restyle : (f) => f }));
  }
  return bySheet;
}

/**
 * Writes the notes (marks-parts.ts writeNotes) and the cell edits, then rewrites each sheet that has
 * cell edits, a change of its notes' drawing or merges the reader did not read (SheetLayout
 * droppedMerges, left out) once, where the reader found its rows (the sheet is not tokenized again
 * as a whole). The scored copy and 清除标记 both write through here.
 */
export function writeNotesAndCells(copy: OpenedCopy, notes: NoteChange[], edits: Map<string, SheetEdits>): void {
  const { pkg, contentTypes, sheets, sheetNotes } = copy;
  const drawings = writeNotes(pkg, contentTypes, sheets, sheetNotes, notes);
  const bySheetPart = new Map<string, SheetEdits>();
  for (const [sheet, sheetEdits] of edits) bySheetPart.set(sheets.required(sheet), sheetEdits);
  const withDroppedMerges = sheets.sheets().flatMap((sheet) => {
    const part = sheets.required(sheet);
    return pkg.sheetLayout(part)?.droppedMerges ? [part] : [];
  });
  for (const part of new Set([...bySheetPart.keys(), ...drawings.keys(), ...withDroppedMerges])) {
    pkg.put(part, patchSheet(pkg.required(part), bySheetPart.get(part) ?? new Map(), pkg.layoutOf(part), drawings.get(part)));
  }
}

export interface CopyOptions {
  /** The language of the notes on filled-in cells (findings carry their own). */
  lang?: Lang;
  /** Mark cells (fills and notes); the profile's markCells. */
  mark?: boolean;
}

/**
 * jixiao's record's field for the stylesheet it added to a package that had none (an export's): the
 * digest of that stylesheet as jixiao last wrote it, so that 清除标记 takes it away again while no
 * other program has rewritten it (review round 53c, L2). Absent: the stylesheet is the workbook's.
 */
const ADDED_STYLES = "addedStyles";

/** Whether the copy's stylesheet is the one jixiao added, as it wrote it (ADDED_STYLES). */
export function ownStylesheet(copy: OpenedCopy, state: WorkbookState): boolean {
  if (!copy.stylesPath) return true;
  const digest = state[ADDED_STYLES];
  return typeof digest === "string" && digest === textDigest(copy.pkg.text(copy.stylesPath) ?? "");
}

/** The record with the digest of jixiao's own stylesheet as the copy writes it, or without (`own` false). */
export function withOwnStylesheet(state: WorkbookState, copy: OpenedCopy, own: boolean): WorkbookState {
  const next: WorkbookState = { ...state };
  delete next[ADDED_STYLES];
  if (own) next[ADDED_STYLES] = textDigest(copy.styles.toXml());
  return next;
}

/** The scored copy of an .xlsx package, as bytes. The package is changed in the doing. */
export function scoredCopy(pkg: Package, grid: WorkbookGrid, analysis: Analysis, options: CopyOptions = {}): Uint8Array {
  const copy = openCopy(pkg);
  const { workbookPath, workbook, workbookRels: rels, contentTypes, sheets, styles } = copy;
  const folder = partFolder(workbookPath);
  const ownStyles = ownStylesheet(copy, parseState(grid.state));
  if (!copy.stylesPath) {
    copy.stylesPath = `${folder}styles.xml`;
    rels.add("styles", "styles.xml");
    contentTypes.set(copy.stylesPath, STYLES_TYPE);
  }

  // jixiao's marks, their notes and its record (src/xlsx/marks-parts.ts, following src/core/marks.ts).
  const marks = planCopyMarks(copy, () => (options.mark === false ? [] : wantedMarks(analysis, grid, options.lang ?? "zh")), grid.state);
  const notRefilled = ownFillsNotRefilled(analysis);
  writeNotesAndCells(copy, marks.plan.notes, cellEdits(planCellChanges(analysis, marks.plan.fills), styles, notRefilled));

  const summary = analysis.summary;
  workbook.validTabs();
  const replaced = summary.replaces ? sheets.required(summary.name) : undefined;
  const summaryPart = replaced ?? pkg.freePart(`${folder}worksheets/sheet`, ".xml");
  // Page setup and the chart (src/xlsx/summary-parts.ts).
  const drawingId = writeSummaryChart(pkg, contentTypes, summaryPart, summary);
  const print = { sheetPr: FIT_TO_PAGE_SHEET_PR, tail: printSetupXml(summary, drawingId) };
  pkg.put(summaryPart, summarySheetXml(summary, (cell) => styles.summaryFormat(cell.style, cell.numFmt), print));
  if (!replaced) {
    contentTypes.set(summaryPart, WORKSHEET_TYPE);
    workbook.addSheet(summary.name, rels.add("worksheet", summaryPart.slice(folder.length)));
  }

  const cachedResults = recordCachedResults(analysis.writes, grid, cachedResultsOf(marks.state));
  writeCopyRecord(copy, { ...marks, state: withOwnStylesheet(marks.state, copy, ownStyles) }, { name: summary.name, digest: summaryDigest(summary) }, cachedResults);

  // An .xlsm's macros cannot live in an .xlsx: Excel refuses to open such a file. The calculation
  // chain may name formula cells of the replaced summary: Excel rebuilds it (fullCalcOnLoad).
  const dropped = droppedFromWorkbook(rels, replaced !== undefined);
  if (dropped.length > 0) {
    rels.remove(new Set(dropped.map((r) => r.id)));
    for (const part of dropped) pkg.removeWithRelated(part.part, contentTypes);
  }
  contentTypes.set(workbookPath, WORKBOOK_TYPE);
  // Only a copy whose values changed needs recalculating: one with marks alone keeps what the
  // workbook showed (a WPS DISPIMG picture, which Excel would turn into #NAME?, review round 53c L3).
  if (analysis.writes.length > 0 || notRefilled.length > 0 || replaced) workbook.recalculateOnLoad();

  return copyBytes(copy, withPrintTitles(workbook.toXml(), [...workbook.sheets().keys()].indexOf(summary.name), summary));
}
