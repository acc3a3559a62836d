/**
 * jixiao's marks in an .xlsx package, following the core's plan (src/core/marks.ts): what the cells
 * to mark look like now (fill from their format, note from the sheet's comments part), and the
 * notes written back as a classic comments part with its legacy VML drawing.
 */
import { groupBy } from "../core/collections";
import { cellAddress } from "../core/grid";
import { CellLook, LookAt, MarkPlan, MarksRecord, NoteChange, WantedMark, cellsToLook, marksOf, marksOnSheets, planMarks, sheetCellKey, withMarks } from "../core/marks";
import { WorkbookState, parseState, stateJson } from "../core/state";
import { COMMENTS_TYPE, Comments, NO_OTHER_SHAPES, OtherShapes, VML_TYPE, commentText, commentsXml, noComments, otherShapes, readComments, setNote, vmlXml } from "./comments-part";
import { ContentTypes, EMPTY_RELS, Package, PackageError, RelationshipsPart, SheetParts, folderOf, readPartXml, relativeTarget, relsPathOf } from "./package";
import { XmlError } from "./xml";
import { LegacyDrawingEdit, WrittenCells, legacyDrawingId } from "./sheet-part";
import { writeState } from "./state-part";
import { StyleSheetEditor } from "./styles-part";

/** A sheet part with its relationships (an empty set when it has none yet). */
export interface SheetPart {
  part: string;
  rels: RelationshipsPart;
}

export function sheetPartOf(pkg: Package, part: string): SheetPart {
  return { part, rels: new RelationshipsPart(pkg.text(relsPathOf(part)) ?? EMPTY_RELS, part) };
}

/** A sheet's notes; a notes part that is not XML (damaged, or empty) is refused, named. */
function commentsOf(pkg: Package, sheet: SheetPart): Comments {
  const part = sheet.rels.ofType("comments")?.part;
  const xml = part === undefined ? undefined : pkg.text(part);
  if (part === undefined || xml === undefined) return noComments();
  return readPartXml(part, () => readComments(xml));
}

/**
 * The sheets' relationships and notes, each read once per copy: the looks of the cells to mark
 * read them (readLooks), and the notes are then written into the same ones (writeNotes).
 */
export class SheetNotes {
  private readonly read = new Map<string, { sheetPart: SheetPart; comments: Comments }>();

  constructor(private readonly pkg: Package) {}

  of(part: string): { sheetPart: SheetPart; comments: Comments } {
    let notes = this.read.get(part);
    if (!notes) {
      const sheetPart = sheetPartOf(this.pkg, part);
      this.read.set(part, (notes = { sheetPart, comments: commentsOf(this.pkg, sheetPart) }));
    }
    return notes;
  }
}

/**
 * What the cells of `areas` look like now, per sheet: fills from their formats (where the reader
 * found them, sheet-part.ts WrittenCells), notes from their sheet's comments. Sheets the package does
 * not have are left unread (planning then refuses).
 */
export function readLooks(
  pkg: Package,
  styles: StyleSheetEditor,
  sheets: SheetParts,
  sheetNotes: SheetNotes,
  areas: { sheet: string; area: { top: number; left: number; bottom: number; right: number } }[],
): LookAt {
  const looks = new Map<string, CellLook>();
  for (const [sheet, sheetAreas] of groupBy(areas, (a) => a.sheet)) {
    const part = sheets.get(sheet);
    const xml = part === undefined ? undefined : pkg.text(part);
    if (part === undefined || xml === undefined) continue;
    const { comments } = sheetNotes.of(part);
    const layout = pkg.layoutOf(part);
    const rows = new Set(sheetAreas.flatMap(({ area }) => Array.from({ length: area.bottom - area.top + 1 }, (_, i) => area.top + i)));
    const written = new WrittenCells(layout, rows);
    for (const { area } of sheetAreas) {
      for (let row = area.top; row <= area.bottom; row++) {
        for (let col = area.left; col <= area.right; col++) {
          const comment = comments.byCell.get(cellAddress(row, col));
          looks.set(sheetCellKey(sheet, row, col), { fill: styles.fillOf(written.formatAt(row, col)), note: comment ? commentText(comment) : null });
        }
      }
    }
  }
  return (sheet, row, col) => looks.get(sheetCellKey(sheet, row, col));
}

/** A notes drawing's shapes other than its note boxes; none when jixiao cannot read the part. */
function otherShapesOf(pkg: Package, vmlPart: string): OtherShapes {
  try {
    return otherShapes(pkg.required(vmlPart));
  } catch (error) {
    // Before, jixiao never read this part: one it cannot read (older VML is often not well-formed
    // XML) gets its note boxes written as then, alone.
    if (error instanceof PackageError || error instanceof XmlError) return NO_OTHER_SHAPES;
    throw error;
  }
}

/**
 * Writes the notes of a plan into the sheets' comments parts: creates the parts for a sheet that had
 * no notes, rewrites them for one that had, and removes them when no note is left. Each sheet's VML
 * shape ids come from its number. Returns, by worksheet part, the change its <legacyDrawing> needs,
 * for the writer to make with the sheet's other edits (src/xlsx/write.ts writeNotesAndCells).
 */
export function writeNotes(
  pkg: Package,
  contentTypes: ContentTypes,
  sheets: SheetParts,
  sheetNotes: SheetNotes,
  notes: NoteChange[],
): Map<string, LegacyDrawingEdit> {
  const drawings = new Map<string, LegacyDrawingEdit>();
  for (const [sheet, changes] of groupBy(notes, (note) => note.sheet)) {
    const { sheetPart, comments } = sheetNotes.of(sheets.required(sheet));
    for (const change of changes) setNote(comments, cellAddress(change.row, change.col), change.note);
    const { part, rels } = sheetPart;
    const folder = folderOf(part);
    const commentsRel = rels.ofType("comments");
    // The notes' drawing is the one the sheet's <legacyDrawing> names: a header's picture is a
    // drawing of the same type, and is left alone.
    const sheetXml = pkg.required(part);
    const notesDrawing = legacyDrawingId(sheetXml, pkg.layoutOf(part));
    const vmlRel = notesDrawing === undefined ? undefined : rels.byId(notesDrawing, "vmlDrawing");
    // Form controls (check boxes, buttons) live in the same drawing: kept when it is written again.
    const others = vmlRel ? otherShapesOf(pkg, vmlRel.part) : NO_OTHER_SHAPES;
    if (comments.byCell.size === 0) {
      // The notes go, and their drawing with them unless it holds other shapes.
      const keepDrawing = others.xml !== "";
      if (commentsRel) pkg.removeWithRelated(commentsRel.part, contentTypes);
      if (keepDrawing) pkg.put(vmlRel!.part, vmlXml(comments, sheets.number(sheet), others));
      else if (vmlRel) pkg.removeWithRelated(vmlRel.part, contentTypes);
      const gone = [commentsRel?.id, keepDrawing ? undefined : vmlRel?.id];
      rels.remove(new Set(gone.filter((id): id is string => id !== undefined)));
      if (notesDrawing !== undefined && !keepDrawing) drawings.set(part, "remove");
    } else {
      const commentsPart = commentsRel?.part ?? pkg.freePart(`${folderOf(folder.slice(0, -1))}comments`, ".xml");
      const vmlPart = vmlRel?.part ?? pkg.freePart(`${folderOf(folder.slice(0, -1))}drawings/vmlDrawing`, ".vml");
      pkg.put(commentsPart, commentsXml(comments));
      pkg.put(vmlPart, vmlXml(comments, sheets.number(sheet), others));
      contentTypes.set(commentsPart, COMMENTS_TYPE);
      contentTypes.set(vmlPart, VML_TYPE);
      if (!commentsRel) rels.add("comments", relativeTarget(folder, commentsPart));
      if (!vmlRel) drawings.set(part, { id: rels.add("vmlDrawing", relativeTarget(folder, vmlPart)) });
    }
    pkg.put(relsPathOf(part), rels.toXml());
  }
  return drawings;
}

/** What marking a copy needs of the package being written. */
export interface CopyParts {
  pkg: Package;
  styles: StyleSheetEditor;
  contentTypes: ContentTypes;
  workbookRels: RelationshipsPart;
  sheets: SheetParts;
  sheetNotes: SheetNotes;
}

export interface CopyMarks {
  plan: MarkPlan;
  state: WorkbookState;
}

/** The mark plan for a copy: the record as the reader read it (grid.state), the looks of the cells it touches. */
export function planCopyMarks(parts: CopyParts, want: (previous: MarksRecord) => WantedMark[], stateText: string | undefined): CopyMarks {
  const state = parseState(stateText);
  const recorded = marksOf(state);
  // Marks on sheets deleted (or renamed) since the run went with their sheets.
  const previous = marksOnSheets(recorded, parts.sheets.sheets());
  const wanted = want(previous);
  const look = readLooks(parts.pkg, parts.styles, parts.sheets, parts.sheetNotes, cellsToLook(wanted, previous));
  return { plan: planMarks(wanted, previous, look), state };
}

/** Writes jixiao's new record: the plan's marks and the summary this copy holds, if any. */
export function writeCopyRecord(parts: CopyParts, marks: CopyMarks, summary: MarksRecord["summary"]): void {
  const record = { ...marks.plan.record, summary };
  writeState(parts.pkg, parts.workbookRels, parts.contentTypes, stateJson(withMarks(marks.state, record)));
}
