/**
 * Writes an analysis into a copy of the original .xlsx package: the filled-in blank cells, the fill
 * colours of flagged cells, and the 综合得分 sheet. Only the parts that change are rewritten (the
 * sheets with edits, the styles, the workbook's sheet list); every other part — charts, images,
 * pivot tables, extension lists, custom XML — is copied as it was, still compressed. The parts it
 * edits are the reader's text, not inflated again.
 */
import { Analysis } from "../core/analyze";
import { WorkbookGrid } from "../core/grid";
import { CellPlan, forEachCell, planCellChanges } from "../core/writeplan";
import {
  CONTENT_TYPES,
  ContentTypes,
  Package,
  PackageError,
  STYLES_TYPE,
  WORKBOOK_TYPE,
  WORKSHEET_TYPE,
  folderOf,
  workbookParts,
} from "./package";
import { CellEdit, SheetEdits, patchSheet, summarySheetXml } from "./sheet-part";
import { MINIMAL_STYLES, StyleSheetEditor } from "./styles-part";

/**
 * The core's plan (src/core/writeplan.ts, as the add-in uses it) as edits per sheet: each write,
 * and each fill over every cell of its area, composed when they fall on the same cell.
 */
function cellEdits(plan: CellPlan, cachedResults: Set<string>, styles: StyleSheetEditor): Map<string, SheetEdits> {
  const bySheet = new Map<string, SheetEdits>();
  const edit = (sheet: string, row: number, col: number, change: (previous: CellEdit | undefined) => CellEdit) => {
    let rows = bySheet.get(sheet);
    if (!rows) bySheet.set(sheet, (rows = new Map()));
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = new Map()));
    cells.set(col, change(cells.get(col)));
  };
  for (const write of plan.writes) {
    const cachedResult = cachedResults.has(cellId(write.sheet, write.row, write.col)) ? true : undefined;
    edit(write.sheet, write.row, write.col, () => ({ value: String(write.value), restyle: (f) => styles.derive(f, { numFmt: write.numFmt }), cachedResult }));
  }
  for (const { sheet, area, color } of plan.fills) {
    forEachCell(area, (row, col) =>
      edit(sheet, row, col, (previous) => ({
        value: previous?.value,
        cachedResult: previous?.cachedResult,
        restyle: (f) => styles.derive(previous ? previous.restyle(f) : f, { fill: color }),
      })),
    );
  }
  return bySheet;
}

const cellId = (sheet: string, row: number, col: number): string => `${sheet}\u0000${row}:${col}`;

/** A worksheet part name not yet in the package (part names are compared ignoring case). */
function freeSheetPart(pkg: Package, folder: string): string {
  const taken = new Set(pkg.partNames().map((name) => name.toLowerCase()));
  let n = 1;
  while (taken.has(`${folder}worksheets/sheet${n}.xml`.toLowerCase())) n++;
  return `${folder}worksheets/sheet${n}.xml`;
}

/** The scored copy of an .xlsx package, as bytes. The package is changed in the doing. */
export function scoredCopy(pkg: Package, grid: WorkbookGrid, analysis: Analysis): Uint8Array {
  const { path: workbookPath, workbook, relsPath: workbookRelsPath, rels } = workbookParts(pkg);
  const contentTypes = new ContentTypes(pkg.required(CONTENT_TYPES));
  const folder = folderOf(workbookPath);

  let stylesPath = rels.ofType("styles")?.part;
  const styles = new StyleSheetEditor((stylesPath && pkg.text(stylesPath)) || MINIMAL_STYLES);
  if (!stylesPath) {
    stylesPath = `${folder}styles.xml`;
    rels.add("styles", "styles.xml");
    contentTypes.set(stylesPath, STYLES_TYPE);
  }

  const partOfSheet = new Map([...workbook.sheets()].map(([name, id]) => [name, rels.list.find((r) => r.id === id)?.part]));
  // The reader read these sheets from the same package: not finding one here is a package we misread.
  const sheetPart = (sheet: string): string => {
    const part = partOfSheet.get(sheet);
    if (!part) throw new PackageError(`工作簿中找不到工作表“${sheet}”的内容`, `the workbook holds no content for sheet "${sheet}"`);
    return part;
  };
  const cachedResults = new Set(analysis.writes.filter((w) => w.cachedResult).map((w) => cellId(w.sheet, w.row, w.col)));
  for (const [sheet, edits] of cellEdits(planCellChanges(analysis, grid), cachedResults, styles)) {
    const part = sheetPart(sheet);
    pkg.put(part, patchSheet(pkg.required(part), edits, pkg.sheetLayout(part)));
  }

  const summary = analysis.summary;
  const summaryXml = summarySheetXml(summary, (cell) => styles.summaryFormat(cell.style, cell.numFmt));
  const replaced = summary.replaces ? sheetPart(summary.name) : undefined;
  if (replaced) {
    pkg.put(replaced, summaryXml);
  } else {
    const part = freeSheetPart(pkg, folder);
    pkg.put(part, summaryXml);
    contentTypes.set(part, WORKSHEET_TYPE);
    workbook.addSheet(summary.name, rels.add("worksheet", part.slice(folder.length)));
  }

  // An .xlsm's macros cannot live in an .xlsx: Excel refuses to open such a file. The calculation
  // chain may name formula cells of the replaced summary: Excel rebuilds it (fullCalcOnLoad).
  const dropped = rels.list.filter((r) => r.type.endsWith("/vbaProject") || (replaced && r.type.endsWith("/calcChain")));
  if (dropped.length > 0) {
    rels.remove(new Set(dropped.map((r) => r.id)));
    for (const part of dropped) pkg.removeWithRelated(part.part, contentTypes);
  }
  contentTypes.set(workbookPath, WORKBOOK_TYPE);
  workbook.recalculateOnLoad();

  pkg.put(stylesPath, styles.toXml());
  pkg.put(workbookPath, workbook.toXml());
  pkg.put(workbookRelsPath, rels.toXml());
  pkg.put(CONTENT_TYPES, contentTypes.toXml());
  return pkg.toBytes();
}
