/**
 * Notes (批注) in an .xlsx: a sheet's classic comments part (xl/commentsN.xml) and the legacy VML
 * drawing that Excel needs to show them on hover (WPS and LibreOffice read the comments part and
 * use the drawing when it is there). Pure functions: part text in, part text out.
 *
 * A user's comment keeps its own text runs (fonts, bold, colours) byte for byte as a serialisation
 * of what was read: jixiao's text goes after them in a run of its own, so taking it back leaves the
 * user's runs exactly as they were.
 */
import { SaxesParser, SaxesTagPlain } from "saxes";
import { cellKey, parseCellAddress } from "../core/grid";
import { XmlElement, escapeAttribute, escapeXml, escapeXstring, localOf, prefixOf, scanXml, startTag, throwXmlErrors, unescapeXstring } from "./xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
export const VML_TYPE = "application/vnd.openxmlformats-officedocument.vmlDrawing";
/** The author jixiao's notes carry. */
export const JIXIAO_AUTHOR = "绩效自评助手";

/** A piece of a comment's text: a `<t>` or an `<r>` element as read, and the text it shows (Excel's `_xHHHH_` escapes decoded). */
interface Run {
  xml: string;
  text: string;
}

export interface Comment {
  ref: string;
  author: string;
  runs: Run[];
}

/** A sheet's comments, and the root element of the part they are written in. */
export interface Comments {
  /** The comments in their order, by cell reference. */
  byCell: Map<string, Comment>;
  /**
   * The part's root as read: its name, whose prefix every element of the part is written with
   * ("x:comments", as the OpenXML SDK writes it), and its attributes, the namespace declarations
   * the runs kept as read rely on.
   */
  root: { name: string; attributes: Record<string, string> };
}

/** The comments of a sheet that has none, for a part of SpreadsheetML's namespace without a prefix. */
export function noComments(): Comments {
  return { byCell: new Map(), root: { name: "comments", attributes: { xmlns: MAIN_NS } } };
}

/** A start tag as read, written again. */
const serializeOpen = (tag: SaxesTagPlain): string => startTag(tag, {}, tag.isSelfClosing);

/** The comments of a comments part; runs keep their markup under whatever prefix the part used. Not well-formed XML throws XmlError. */
export function readComments(xml: string): Comments {
  const parser = new SaxesParser();
  const authors: string[] = [];
  const comments = noComments();
  let rootRead = false;
  let inAuthor = false;
  let authorText = "";
  let current: { ref: string; authorId: number; runs: Run[] } | null = null;
  /** Depth inside <text>, and the run being serialised. */
  let runDepth = 0;
  let run: { xml: string[]; text: string[] } | null = null;
  let inT = false;
  let inPhonetic = 0;

  parser.on("opentag", (tag) => {
    const name = localOf(tag.name);
    if (!rootRead) {
      comments.root = { name: tag.name, attributes: tag.attributes };
      rootRead = true;
      return;
    }
    if (run) {
      run.xml.push(serializeOpen(tag));
      if (!tag.isSelfClosing) runDepth++;
      if (name === "t") inT = !tag.isSelfClosing;
      return;
    }
    if (name === "author") {
      inAuthor = !tag.isSelfClosing;
      authorText = "";
      if (tag.isSelfClosing) authors.push("");
    } else if (name === "comment") {
      current = { ref: String(tag.attributes.ref ?? ""), authorId: Number(tag.attributes.authorId ?? 0), runs: [] };
    } else if (current && inPhonetic > 0) {
      if (!tag.isSelfClosing) inPhonetic++;
    } else if (current && (name === "r" || name === "t")) {
      run = { xml: [serializeOpen(tag)], text: [] };
      runDepth = tag.isSelfClosing ? 0 : 1;
      inT = name === "t" && !tag.isSelfClosing;
      if (tag.isSelfClosing) {
        current.runs.push({ xml: run.xml.join(""), text: "" });
        run = null;
      }
    } else if (current && (name === "rPh" || name === "phoneticPr")) {
      // Phonetic guides (furigana) are not shown in a note; they are dropped with the note's rewrite.
      if (!tag.isSelfClosing) inPhonetic++;
    }
  });
  parser.on("text", (text) => {
    if (run) {
      run.xml.push(escapeXml(text));
      if (inT && inPhonetic === 0) run.text.push(text);
    } else if (inAuthor) authorText += text;
  });
  parser.on("closetag", (tag) => {
    const name = localOf(tag.name);
    if (run) {
      if (tag.isSelfClosing) return;
      run.xml.push(`</${tag.name}>`);
      if (name === "t") inT = false;
      runDepth--;
      if (runDepth === 0) {
        current!.runs.push({ xml: run.xml.join(""), text: unescapeXstring(run.text.join("")) });
        run = null;
      }
      return;
    }
    if (name === "author" && inAuthor) {
      authors.push(unescapeXstring(authorText));
      inAuthor = false;
    } else if (inPhonetic > 0) {
      inPhonetic--;
    } else if (name === "comment" && current) {
      comments.byCell.set(current.ref, { ref: current.ref, author: authors[current.authorId] ?? "", runs: current.runs });
      current = null;
    }
  });
  throwXmlErrors(parser);
  parser.write(xml).close();
  return comments;
}

/** A comment's plain text, as a note shows it. */
export function commentText(comment: Comment): string {
  return comment.runs.map((r) => r.text).join("");
}

/** A run of plain text with the part's prefix (jixiao's runs carry no formatting). */
function textRun(text: string, first: boolean, prefix: string): Run {
  const t = `<${prefix}t xml:space="preserve">${escapeXstring(text)}</${prefix}t>`;
  // CT_Rst: an optional leading <t>, then <r> runs; after existing runs a new one must be an <r>.
  return { xml: first ? t : `<${prefix}r>${t}</${prefix}r>`, text };
}

/**
 * Sets a cell's note to `note` (null removes it), keeping the runs of the current note that are
 * still its beginning: the user's formatting survives jixiao appending to it or taking its own text
 * back.
 */
export function setNote(comments: Comments, ref: string, note: string | null): void {
  if (note === null) {
    comments.byCell.delete(ref);
    return;
  }
  const existing = comments.byCell.get(ref);
  const kept: Run[] = [];
  let shown = "";
  for (const run of existing?.runs ?? []) {
    if (!note.startsWith(shown + run.text)) break;
    kept.push(run);
    shown += run.text;
  }
  const rest = note.slice(shown.length);
  if (rest !== "") kept.push(textRun(rest, kept.length === 0, prefixOf(comments.root.name)));
  comments.byCell.set(ref, { ref, author: existing?.author ?? JIXIAO_AUTHOR, runs: kept });
}

/** The comments part for a sheet's comments: under the root it was read with, every element with the root's prefix. */
export function commentsXml(comments: Comments): string {
  const { root } = comments;
  const p = prefixOf(root.name);
  const all = [...comments.byCell.values()];
  const authors = [...new Set(all.map((c) => c.author))];
  const list = all
    .map((c) => `<${p}comment ref="${escapeAttribute(c.ref)}" authorId="${authors.indexOf(c.author)}"><${p}text>${c.runs.map((r) => r.xml).join("")}</${p}text></${p}comment>`)
    .join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `${startTag(root)}<${p}authors>${authors.map((a) => `<${p}author>${escapeXstring(a)}</${p}author>`).join("")}</${p}authors>` +
    `<${p}commentList>${list}</${p}commentList></${root.name}>`
  );
}

/**
 * What a notes drawing holds besides its note boxes: a form control's shape (a check box, a
 * button), the shape types they use. Kept, as written, when jixiao writes the drawing again.
 */
export interface OtherShapes {
  /** The elements, in their order. */
  xml: string;
  /** Whether they hold a shape: shape types alone (the note boxes' own among them) draw nothing. */
  drawn: boolean;
  /** The ids they take (shapes and shape types), which the note boxes must not take too. */
  ids: Set<string>;
  /** The drawing's namespace declarations (xmlns:v="…"), which they may use. */
  declarations: Record<string, string>;
  /** The cells (cellKey) whose note box the user set to show always: drawn again shown (review round 48b). */
  shownNotes: Set<number>;
  /**
   * The note boxes not drawn by jixiao, by cell (cellKey), as written: a note that stays keeps its
   * box's place, size and look, whether jixiao leaves it alone, appends to it or takes its text
   * back (review round 53c, L1). Top-level ones: a box in a group is drawn anew, alone.
   */
  noteBoxes: Map<number, string>;
}

export const NO_OTHER_SHAPES: OtherShapes = { xml: "", drawn: false, ids: new Set(), declarations: {}, shownNotes: new Set(), noteBoxes: new Map() };

const VML_DECLARATIONS = {
  "xmlns:v": "urn:schemas-microsoft-com:vml",
  "xmlns:o": "urn:schemas-microsoft-com:office:office",
  "xmlns:x": "urn:schemas-microsoft-com:office:excel",
};

/**
 * The elements of a VML drawing other than its note boxes and its shape layout (jixiao writes its
 * own). A drawing that is not well-formed XML throws XmlError.
 */
export function otherShapes(vml: string): OtherShapes {
  const kept: string[] = [];
  let drawn = false;
  const ids = new Set<string>();
  const declarations: Record<string, string> = {};
  const shownNotes = new Set<number>();
  const noteBoxes = new Map<number, string>();
  // The shapes open around the element being read: a note box is the shape its <x:ClientData
  // ObjectType="Note"> is in, at the top level or inside a group, which is kept without it; its
  // <x:Row>, <x:Column> and <x:Visible/> say whose it is and whether it shows always.
  const shapes: { element: XmlElement; isNote: boolean; row?: number; col?: number; shown?: boolean }[] = [];
  let notesInside: XmlElement[] = [];
  let topIsNote = false;
  scanXml(vml, {
    open: (element) => {
      if (element.depth === 0) {
        for (const [name, value] of Object.entries(element.attributes)) if (name.startsWith("xmlns:")) declarations[name] = value;
        return;
      }
      if (element.depth === 1) [notesInside, topIsNote] = [[], false];
      // Every id the drawing uses stays taken, a shape's o:spid too, wherever it is.
      for (const id of [element.attributes.id, element.attributes["o:spid"]]) if (id) ids.add(id);
      if (element.local === "shape") shapes.push({ element, isNote: false });
      else if (element.local === "ClientData" && element.attributes.ObjectType === "Note" && shapes.length > 0) shapes[shapes.length - 1].isNote = true;
    },
    close: (element) => {
      const shape = shapes[shapes.length - 1];
      const content = () => Number(vml.slice(element.openEnd, element.contentEnd).trim());
      if (shape?.isNote && element.local === "Row") shape.row = content();
      else if (shape?.isNote && element.local === "Column") shape.col = content();
      // <x:Visible/>, or True; False is hidden (ST_TrueFalseBlank).
      else if (shape?.isNote && element.local === "Visible") shape.shown = /^(|t|true)$/i.test(vml.slice(element.openEnd, element.contentEnd).trim());
      if (shape?.element === element) {
        shapes.pop();
        const cell = shape.isNote && Number.isInteger(shape.row) && Number.isInteger(shape.col) ? cellKey(shape.row!, shape.col!) : undefined;
        if (cell !== undefined && shape.shown) shownNotes.add(cell);
        if (cell !== undefined && element.depth === 1 && !(element.attributes.style ?? "").startsWith(JIXIAO_BOX)) noteBoxes.set(cell, vml.slice(element.start, element.end));
        if (shape.isNote && element.depth === 1) topIsNote = true;
        else if (shape.isNote) notesInside.push(element);
      }
      if (element.depth !== 1 || topIsNote || element.local === "shapelayout") return;
      if (element.local !== "shapetype") drawn = true;
      let at = element.start;
      for (const note of notesInside) {
        kept.push(vml.slice(at, note.start));
        at = note.end;
      }
      kept.push(vml.slice(at, element.end));
    },
  });
  return { xml: kept.join(""), drawn, ids, declarations, shownNotes, noteBoxes };
}

const NOTE_SHAPE_TYPE = "_x0000_t202";
/** How the style of a note box jixiao draws begins: its boxes are told from the user's by it. */
const JIXIAO_BOX = "position:absolute;margin-left:80pt;margin-top:2pt;width:180pt;";

/**
 * The legacy VML drawing with one note box per comment, after the drawing's other shapes: the
 * user's box as written where the drawing has one (OtherShapes.noteBoxes), else a hidden one
 * (shown where the user had it shown) anchored beside its cell, as Excel writes them (Excel shows a
 * comment only through its shape here). `drawing` numbers the sheet's drawing in the workbook:
 * shape ids must not repeat across sheets, nor within the drawing.
 */
export function vmlXml(comments: Comments, drawing: number, others: OtherShapes): string {
  let next = drawing * 1024 + 1;
  const freeId = () => {
    while (others.ids.has(`_x0000_s${next}`)) next++;
    return `_x0000_s${next++}`;
  };
  const shapes = [...comments.byCell.values()].map((comment, i) => {
    const cell = parseCellAddress(comment.ref) ?? { row: 0, col: 0 };
    const kept = others.noteBoxes.get(cellKey(cell.row, cell.col));
    if (kept !== undefined) return kept;
    const lines = Math.min(12, Math.max(3, Math.ceil(commentText(comment).length / 18) + 1));
    const anchor = [cell.col + 1, 15, cell.row, 2, cell.col + 4, 15, cell.row + lines, 4].join(", ");
    const shown = others.shownNotes.has(cellKey(cell.row, cell.col));
    return (
      `<v:shape id="${freeId()}" type="#${NOTE_SHAPE_TYPE}" style="${JIXIAO_BOX}height:${lines * 15}pt;z-index:${i + 1};visibility:${shown ? "visible" : "hidden"}" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
      `<x:Row>${cell.row}</x:Row><x:Column>${cell.col}</x:Column>${shown ? "<x:Visible/>" : ""}</x:ClientData></v:shape>`
    );
  });
  // The note box's shape type, unless the drawing's own is kept.
  const noteShapeType = others.ids.has(NOTE_SHAPE_TYPE)
    ? ""
    : `<v:shapetype id="${NOTE_SHAPE_TYPE}" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
      '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';
  return (
    startTag({ name: "xml", attributes: { ...others.declarations, ...VML_DECLARATIONS } }) +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${drawing}"/></o:shapelayout>` +
    noteShapeType +
    others.xml +
    shapes.join("") +
    "</xml>"
  );
}
