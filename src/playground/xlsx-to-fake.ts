/**
 * An .xlsx as a FakeWorkbook, read by the command line's own reader (src/xlsx/reader.ts), in the
 * browser or in Node: the grid the command line reads (values, cached formula results, number
 * formats, blank cells' formats included, merged areas, hidden sheets), with dates as the serial
 * numbers Excel's Range.values gives, and what else of the file the stand-in models: formulas,
 * solid fills (blank cells' too), notes, very hidden sheets, sheet and workbook protection, and
 * jixiao's record part (workbook.customXmlParts).
 */
import { cellKey } from "../core/grid";
import { SheetNotes, readNotes } from "../xlsx/marks-parts";
import { SheetParts, workbookParts } from "../xlsx/package";
import { readXlsxBytes } from "../xlsx/reader";
import { forEachWrittenCell, sheetProtected } from "../xlsx/sheet-part";
import { findStatePart } from "../xlsx/state-part";
import { MINIMAL_STYLES, StyleSheetEditor } from "../xlsx/styles-part";
import { FakeWorkbook, FakeWorkbookOptions, Visibility } from "./fake-workbook";

const VISIBILITY: Record<string, Visibility> = { hidden: "Hidden", veryHidden: "VeryHidden" };

/** Loads .xlsx bytes into a FakeWorkbook; `name` is what a refusal calls the file. */
export function fakeFromXlsx(bytes: ArrayBuffer | Uint8Array, options: FakeWorkbookOptions = {}, name = "workbook.xlsx"): FakeWorkbook {
  const { source: pkg, grid } = readXlsxBytes(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), name, { dateSerials: true });
  const book = FakeWorkbook.fromGrid(grid, options);
  const { workbook, rels } = workbookParts(pkg);
  const parts = new SheetParts(workbook, rels);
  const stylesPart = rels.ofType("styles")?.part;
  const styles = new StyleSheetEditor((stylesPart && pkg.text(stylesPart)) || MINIMAL_STYLES);
  const states = new Map(workbook.sheetList().map((s) => [s.name, s.element.attributes.state]));

  for (const sheetGrid of grid.sheets) {
    const sheet = book.sheet(sheetGrid.name)!;
    const part = parts.required(sheet.name);
    sheet.visibility = VISIBILITY[states.get(sheet.name) ?? ""] ?? "Visible";
    sheetGrid.formulas?.forEach((row, r) =>
      row?.forEach((formula, c) => {
        // A shared formula's cell whose text the reader could not move from its master (true) is
        // still a formula.
        if (formula !== undefined && formula !== false) sheet.cellForWrite(r, c).formula = `=${formula === true ? "" : formula}`;
      }),
    );
    const layout = pkg.layoutOf(part);
    forEachWrittenCell(layout, (row, col, format) => {
      // fillOf gives "#RRGGBB" for a solid colour; theme and pattern fills are not modelled.
      const fill = styles.fillOf(format);
      if (fill?.startsWith("#")) sheet.cellForWrite(row, col).fill = fill;
    });
    sheet.protected = sheetProtected(pkg.required(part), layout);
  }
  for (const note of readNotes(parts, new SheetNotes(pkg))) book.sheet(note.sheet)?.notes.set(cellKey(note.row, note.col), note.note);
  book.protected = workbook.structureLocked();
  const record = findStatePart(pkg, rels);
  if (record) book.addCustomXmlPart(pkg.required(record.part));
  book.activeSheet = book.sheets.find((s) => s.visibility === "Visible")?.name ?? "";
  return book;
}
