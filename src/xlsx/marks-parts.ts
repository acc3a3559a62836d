/**
 * jixiao's marks in an .xlsx package, following the core's plan (src/core/marks.ts): what the cells
 * to mark look like now (fill from their format, note from the sheet's comments part), and the
 * notes written back as a classic comments part with its legacy VML drawing.
 */
import { SaxesParser } from "saxes";
import { cellAddress, parseCellAddress } from "../core/grid";
import { CellLook, HoldsValue, LookAt, MarkPlan, MarksRecord, NoteChange, WantedMark, cellsToLook, marksOf, planMarks, withMarks } from "../core/marks";
import { WorkbookState, parseState, stateJson } from "../core/state";
import { COMMENTS_TYPE, Comments, VML_TYPE, commentText, commentsXml, readComments, setNote, vmlXml } from "./comments-part";
import { ContentTypes, EMPTY_RELS, Package, PackageError, RelationshipsPart, folderOf, freePart, relativeTarget, relsPathOf } from "./package";
import { writeState } from "./state-part";
import { StyleSheetEditor } from "./styles-part";
import { XmlElement, rootElement, scanXml } from "./xml";

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Worksheet children that come after <legacyDrawing> in the schema's order. */
const AFTER_LEGACY_DRAWING = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

/** The cell formats (s) of the cells asked for, a cell not written taking its row's or column's,
 * and the numbers the cells hold (a cell of text, a formula's result or none: null). */
export function cellFormats(xml: string, refs: Set<string>): { formats: Map<string, number>; numbers: Map<string, number | null> } {
  const formats = new Map<string, number>();
  const numbers = new Map<string, number | null>();
  /** The cell being read when it is one asked for, and whether it can hold a plain number. */
  let current: { ref: string; numeric: boolean; formula: boolean } | null = null;
  let inValue = false;
  let valueText = "";
  const rowFormats = new Map<number, number>();
  const columns: { min: number; max: number; style: number }[] = [];
  const wantedRows = new Set([...refs].map((ref) => parseCellAddress(ref)?.row));
  let row = -1;
  let col = -1;
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    const name = tag.name.slice(tag.name.indexOf(":") + 1);
    const attr = (key: string): string | undefined => {
      const value = tag.attributes[key];
      return value === undefined ? undefined : String(value);
    };
    if (name === "col") {
      columns.push({ min: Number(attr("min")) - 1, max: Number(attr("max")) - 1, style: Number(attr("style") ?? 0) });
    } else if (name === "row") {
      const r = Number(attr("r"));
      row = r > 0 ? r - 1 : row + 1;
      col = -1;
      const custom = attr("customFormat");
      if (wantedRows.has(row) && (custom === "1" || custom === "true")) rowFormats.set(row, Number(attr("s") ?? 0));
    } else if (name === "c") {
      const ref = attr("r");
      col = (ref !== undefined ? parseCellAddress(ref)?.col : undefined) ?? col + 1;
      const address = cellAddress(row, col);
      current = null;
      if (refs.has(address)) {
        formats.set(address, Number(attr("s") ?? 0));
        numbers.set(address, null);
        const type = attr("t");
        current = { ref: address, numeric: type === undefined || type === "n", formula: false };
      }
    } else if (current && name === "f") {
      current.formula = true;
    } else if (current && name === "v") {
      inValue = true;
      valueText = "";
    }
  });
  parser.on("text", (text) => {
    if (inValue) valueText += text;
  });
  parser.on("closetag", (tag) => {
    const name = tag.name.slice(tag.name.indexOf(":") + 1);
    if (name === "v" && inValue && current) {
      inValue = false;
      const number = Number(valueText);
      if (current.numeric && !current.formula && valueText.trim() !== "" && Number.isFinite(number)) numbers.set(current.ref, number);
    }
  });
  parser.write(xml).close();
  for (const ref of refs) {
    if (formats.has(ref)) continue;
    const cell = parseCellAddress(ref)!;
    const inherited = rowFormats.get(cell.row) ?? columns.find((c) => c.min <= cell.col && cell.col <= c.max)?.style ?? 0;
    formats.set(ref, inherited);
  }
  return { formats, numbers };
}

/** A sheet part with its relationships (an empty set when it has none yet). */
export interface SheetPart {
  part: string;
  rels: RelationshipsPart;
}

export function sheetPartOf(pkg: Package, part: string): SheetPart {
  return { part, rels: new RelationshipsPart(pkg.text(relsPathOf(part)) ?? EMPTY_RELS, part) };
}

function commentsOf(pkg: Package, sheet: SheetPart): Comments {
  const part = sheet.rels.ofType("comments")?.part;
  const xml = part === undefined ? undefined : pkg.text(part);
  return xml === undefined ? new Map() : readComments(xml);
}

/**
 * What the cells of `areas` look like now, per sheet: fills from their formats, notes from their
 * sheet's comments. Sheets the package does not have are left unread (planning then refuses).
 */
export function readLooks(
  pkg: Package,
  styles: StyleSheetEditor,
  partOf: (sheet: string) => string | undefined,
  areas: { sheet: string; area: { top: number; left: number; bottom: number; right: number } }[],
): { look: LookAt; holds: HoldsValue } {
  const refsBySheet = new Map<string, Set<string>>();
  for (const { sheet, area } of areas) {
    const refs = refsBySheet.get(sheet) ?? refsBySheet.set(sheet, new Set()).get(sheet)!;
    for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) refs.add(cellAddress(r, c));
  }
  const looks = new Map<string, CellLook>();
  const held = new Map<string, number | null>();
  for (const [sheet, refs] of refsBySheet) {
    const part = partOf(sheet);
    const xml = part === undefined ? undefined : pkg.text(part);
    if (part === undefined || xml === undefined) continue;
    const comments = commentsOf(pkg, sheetPartOf(pkg, part));
    const { formats, numbers } = cellFormats(xml, refs);
    for (const [ref, format] of formats) {
      const comment = comments.get(ref);
      looks.set(`${sheet}\u0000${ref}`, { fill: styles.fillOf(format), note: comment ? commentText(comment) : null });
      held.set(`${sheet}\u0000${ref}`, numbers.get(ref) ?? null);
    }
  }
  return {
    look: (sheet, row, col) => looks.get(`${sheet}\u0000${cellAddress(row, col)}`),
    holds: (sheet, row, col, value) => held.get(`${sheet}\u0000${cellAddress(row, col)}`) === value,
  };
}

/** The worksheet's children (depth 1) of the given local names, in document order. */
function sheetChildren(xml: string, locals: string[]): XmlElement[] {
  const found: XmlElement[] = [];
  scanXml(xml, { open: (element) => element.depth === 1 && locals.includes(element.local) && found.push(element) });
  return found;
}

/** The sheet's XML with a <legacyDrawing> naming `id`, in its place in the schema's order. */
function withLegacyDrawing(xml: string, id: string): string {
  const root = rootElement(xml);
  const element = `<${root.prefix}legacyDrawing xmlns:r="${RELATIONSHIPS_NS}" r:id="${id}"/>`;
  const at = sheetChildren(xml, AFTER_LEGACY_DRAWING)[0]?.start ?? root.contentEnd;
  return xml.slice(0, at) + element + xml.slice(at);
}

function withoutLegacyDrawing(xml: string): string {
  const found = sheetChildren(xml, ["legacyDrawing"])[0];
  return found ? xml.slice(0, found.start) + xml.slice(found.end) : xml;
}

/**
 * Writes the notes of a plan into the sheets' comments parts: creates the parts (and the sheet's
 * <legacyDrawing>) for a sheet that had no notes, rewrites them for one that had, and removes them
 * when no note is left. `drawingNumber` gives each sheet its own VML shape ids.
 */
export function writeNotes(
  pkg: Package,
  contentTypes: ContentTypes,
  partOf: (sheet: string) => string,
  notes: NoteChange[],
  drawingNumber: (sheet: string) => number,
): void {
  const bySheet = new Map<string, NoteChange[]>();
  for (const note of notes) bySheet.set(note.sheet, [...(bySheet.get(note.sheet) ?? []), note]);
  for (const [sheet, changes] of bySheet) {
    const sheetPart = sheetPartOf(pkg, partOf(sheet));
    const comments = commentsOf(pkg, sheetPart);
    for (const change of changes) setNote(comments, cellAddress(change.row, change.col), change.note);
    const { part, rels } = sheetPart;
    const folder = folderOf(part);
    const commentsRel = rels.ofType("comments");
    const vmlRel = rels.ofType("vmlDrawing");
    let sheetXml = pkg.required(part);
    if (comments.size === 0) {
      if (commentsRel) pkg.removeWithRelated(commentsRel.part, contentTypes);
      if (vmlRel) pkg.removeWithRelated(vmlRel.part, contentTypes);
      rels.remove(new Set([commentsRel?.id, vmlRel?.id].filter((id): id is string => id !== undefined)));
      sheetXml = withoutLegacyDrawing(sheetXml);
    } else {
      const commentsPart = commentsRel?.part ?? freePart(pkg, `${folderOf(folder.slice(0, -1))}comments`, ".xml");
      const vmlPart = vmlRel?.part ?? freePart(pkg, `${folderOf(folder.slice(0, -1))}drawings/vmlDrawing`, ".vml");
      pkg.put(commentsPart, commentsXml(comments));
      pkg.put(vmlPart, vmlXml(comments, drawingNumber(sheet)));
      contentTypes.set(commentsPart, COMMENTS_TYPE);
      contentTypes.set(vmlPart, VML_TYPE);
      if (!commentsRel) rels.add("comments", relativeTarget(folder, commentsPart));
      if (!vmlRel) sheetXml = withLegacyDrawing(sheetXml, rels.add("vmlDrawing", relativeTarget(folder, vmlPart)));
    }
    pkg.put(part, sheetXml);
    pkg.put(relsPathOf(part), rels.toXml());
  }
}

/** What marking a copy needs of the package being written. */
export interface CopyParts {
  pkg: Package;
  styles: StyleSheetEditor;
  contentTypes: ContentTypes;
  workbookRels: RelationshipsPart;
  /** The worksheet part of a sheet, by name. */
  partOf: (sheet: string) => string | undefined;
  /** Sheet names in workbook order (VML shape ids are numbered by them). */
  sheetNames: string[];
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
  const previous = { ...recorded, entries: recorded.entries.filter((e) => parts.partOf(e.sheet) !== undefined) };
  const wanted = want(previous);
  const { look } = readLooks(parts.pkg, parts.styles, parts.partOf, cellsToLook(wanted, previous));
  return { plan: planMarks(wanted, previous, look), state };
}

/** Writes the plan's notes and the new record (with the summary this copy holds, if any). */
export function finishCopyMarks(parts: CopyParts, marks: CopyMarks, summary: MarksRecord["summary"]): void {
  const partOf = (sheet: string): string => {
    const part = parts.partOf(sheet);
    if (part === undefined) throw new PackageError(`工作簿中找不到工作表“${sheet}”的内容`, `the workbook holds no content for sheet "${sheet}"`);
    return part;
  };
  writeNotes(parts.pkg, parts.contentTypes, partOf, marks.plan.notes, (sheet) => parts.sheetNames.indexOf(sheet) + 1);
  const record = { ...marks.plan.record, summary };
  writeState(parts.pkg, parts.workbookRels, parts.contentTypes, stateJson(withMarks(marks.state, record)));
}
