/**
 * jixiao's marks in an .xlsx package, following the core's plan (src/core/marks.ts): what the cells
 * to mark look like now (fill from their format, note from the sheet's comments part), and the
 * notes written back as a classic comments part with its legacy VML drawing.
 */
import { CachedResultEntry, withCachedResults } from "../core/cached-results";
import { groupBy } from "../core/collections";
import { cellAddress, parseCellAddress } from "../core/grid";
import {
  CellLook,
  CellNote,
  LookAt,
  MarkPlan,
  MarksRecord,
  NoteChange,
  WantedMark,
  cellsToLook,
  followedStateText,
  marksOf,
  marksOnSheets,
  planMarks,
  recordsMarks,
  sheetCellKey,
  withMarks,
} from "../core/marks";
import { WorkbookState, parseState, stateJson } from "../core/state";
import { COMMENTS_TYPE, Comments, NO_OTHER_SHAPES, OtherShapes, VML_TYPE, commentText, commentsXml, noComments, otherShapes, readComments, setNote, vmlXml } from "./comments-part";
import { ContentTypes, EMPTY_RELS, Package, PackageError, RelationshipsPart, SheetParts, partFolder, readPartXml, relativeTarget, relsPathOf } from "./package";
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
  private readonly sheetParts = new Map<string, SheetPart>();
  private readonly comments = new Map<string, Comments>();

  constructor(private readonly pkg: Package) {}

  /** A sheet part with its relationships. */
  sheetPart(part: string): SheetPart {
    let sheetPart = this.sheetParts.get(part);
    if (!sheetPart) this.sheetParts.set(part, (sheetPart = sheetPartOf(this.pkg, part)));
    return sheetPart;
  }

  of(part: string): { sheetPart: SheetPart; comments: Comments } {
    const sheetPart = this.sheetPart(part);
    let comments = this.comments.get(part);
    if (!comments) this.comments.set(part, (comments = commentsOf(this.pkg, sheetPart)));
    return { sheetPart, comments };
  }
}

/**
 * Which sheets' relationships name each part, read from all sheets when first asked. Excel gives
 * every sheet a notes part and a notes drawing of its own, but another producer, or a hand edit,
 * can have two sheets name one.
 */
class PartUsers {
  /** Sheet parts by the part they name, in lower case (part names are compared ignoring case). */
  private byPart: Map<string, Set<string>> | undefined;

  constructor(
    private readonly sheetNotes: SheetNotes,
    private readonly sheetParts: string[],
  ) {}

  private users(part: string): Set<string> | undefined {
    if (!this.byPart) {
      this.byPart = new Map();
      for (const sheetPart of this.sheetParts) {
        for (const rel of this.sheetNotes.sheetPart(sheetPart).rels.list) {
          const key = rel.part.toLowerCase();
          this.byPart.set(key, (this.byPart.get(key) ?? new Set()).add(sheetPart));
        }
      }
    }
    return this.byPart.get(part.toLowerCase());
  }

  /** Whether a sheet other than `sheetPart` names `part`. */
  sharedBeyond(part: string, sheetPart: string): boolean {
    return [...(this.users(part) ?? [])].some((user) => user !== sheetPart);
  }

  /** `sheetPart` names `part` no more. */
  leave(part: string, sheetPart: string): void {
    this.users(part)?.delete(sheetPart);
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

/**
 * Every note of the workbook's sheets, for 清除标记 to find jixiao's text its record does not list.
 * A sheet whose notes part jixiao cannot read is passed over: its notes are left as they are.
 */
export function readNotes(sheets: SheetParts, sheetNotes: SheetNotes): CellNote[] {
  const all: CellNote[] = [];
  for (const sheet of sheets.sheets()) {
    const notes: CellNote[] = [];
    let comments: Comments;
    try {
      comments = sheetNotes.of(sheets.required(sheet)).comments;
    } catch (error) {
      if (error instanceof PackageError || error instanceof XmlError) continue;
      throw error;
    }
    for (const [ref, comment] of comments.byCell) {
      const at = parseCellAddress(ref);
      if (at) notes.push({ sheet, ...at, note: commentText(comment) });
    }
    // Row by row, as the cells are named to the user (a part keeps its notes in any order).
    all.push(...notes.sort((a, b) => a.row - b.row || a.col - b.col));
  }
  return all;
}

/**
 * The record's text with its marks where their notes are now (core followMovedMarks: rows or columns
 * inserted or deleted, a sheet renamed, since the run); the text as it was when nothing moved, or
 * when the record lists no mark (the notes are then not read).
 */
export function withMarksFollowed(stateText: string, pkg: Package, sheets: SheetParts): string {
  return recordsMarks(stateText) ? followedStateText(stateText, readNotes(sheets, new SheetNotes(pkg)), sheets.sheets()) : stateText;
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
 * no notes, rewrites them for one that had, and removes them when no note is left. A part another
 * sheet names too is not written: the sheet gets one of its own. Each sheet's VML shape ids come
 * from its number. Returns, by worksheet part, the change its <legacyDrawing> needs, for the writer
 * to make with the sheet's other edits (src/xlsx/write.ts writeNotesAndCells).
 */
export function writeNotes(
  pkg: Package,
  contentTypes: ContentTypes,
  sheets: SheetParts,
  sheetNotes: SheetNotes,
  notes: NoteChange[],
): Map<string, LegacyDrawingEdit> {
  const drawings = new Map<string, LegacyDrawingEdit>();
  const users = new PartUsers(sheetNotes, sheets.sheets().map((sheet) => sheets.required(sheet)));
  for (const [sheet, changes] of groupBy(notes, (note) => note.sheet)) {
    const { sheetPart, comments } = sheetNotes.of(sheets.required(sheet));
    for (const change of changes) setNote(comments, cellAddress(change.row, change.col), change.note);
    const { part, rels } = sheetPart;
    const folder = partFolder(part);
    const commentsRel = rels.ofType("comments");
    // The notes' drawing is the one the sheet's <legacyDrawing> names: a header's picture is a
    // drawing of the same type, and is left alone.
    const sheetXml = pkg.required(part);
    const notesDrawing = legacyDrawingId(sheetXml, pkg.layoutOf(part));
    const vmlRel = notesDrawing === undefined ? undefined : rels.byId(notesDrawing, "vmlDrawing");
    // Form controls (check boxes, buttons) live in the same drawing: kept when it is written again.
    const others = vmlRel ? otherShapesOf(pkg, vmlRel.part) : NO_OTHER_SHAPES;
    const keepComments = comments.byCell.size > 0;
    // The notes go, and their drawing with them unless it holds other shapes.
    const keepDrawing = keepComments || others.drawn;
    // A part another sheet names too is left as it is, to that sheet: this sheet's notes, and the
    // other shapes its drawing showed, go into parts of its own.
    const ownComments = commentsRel && !users.sharedBeyond(commentsRel.part, part) ? commentsRel : undefined;
    const ownDrawing = vmlRel && !users.sharedBeyond(vmlRel.part, part) ? vmlRel : undefined;
    // The relationships the sheet drops: to its own part that goes (removed with them), or to a part
    // another sheet names (kept for that sheet).
    const leaving = [
      ...(commentsRel && !(keepComments && ownComments) ? [commentsRel] : []),
      ...(vmlRel && !(keepDrawing && ownDrawing) ? [vmlRel] : []),
    ];
    for (const rel of leaving) {
      if (rel === ownComments || rel === ownDrawing) pkg.removeWithRelated(rel.part, contentTypes);
      users.leave(rel.part, part);
    }
    rels.remove(new Set(leaving.map((rel) => rel.id)));
    if (keepComments) {
      const commentsPart = ownComments?.part ?? pkg.freePart(`${partFolder(folder.slice(0, -1))}comments`, ".xml");
      pkg.put(commentsPart, commentsXml(comments));
      if (!ownComments) {
        contentTypes.set(commentsPart, COMMENTS_TYPE);
        rels.add("comments", relativeTarget(folder, commentsPart));
      }
    }
    if (keepDrawing) {
      const vmlPart = ownDrawing?.part ?? pkg.freePart(`${partFolder(folder.slice(0, -1))}drawings/vmlDrawing`, ".vml");
      pkg.put(vmlPart, vmlXml(comments, sheets.number(sheet), others));
      if (!ownDrawing) {
        contentTypes.set(vmlPart, VML_TYPE);
        drawings.set(part, { id: rels.add("vmlDrawing", relativeTarget(folder, vmlPart)) });
      }
    } else if (notesDrawing !== undefined) drawings.set(part, "remove");
    // A sheet left relating to nothing has no relationships part, as before its first run (review round 48b, L1).
    if (rels.isEmpty) pkg.remove(relsPathOf(part));
    else pkg.put(relsPathOf(part), rels.toXml());
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

/** Writes jixiao's new record: the plan's marks, the summary this copy holds, if any, and the formula results it updated. */
export function writeCopyRecord(parts: CopyParts, marks: CopyMarks, summary: MarksRecord["summary"], cachedResults: CachedResultEntry[]): void {
  const record = { ...marks.plan.record, summary };
  writeState(parts.pkg, parts.workbookRels, parts.contentTypes, stateJson(withCachedResults(withMarks(marks.state, record), cachedResults)));
}
