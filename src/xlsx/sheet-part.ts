/**
 * Worksheet parts: edits a few cells of an existing sheet's XML in place, and writes the 综合得分
 * sheet. Everything of a sheet that is not edited is kept byte for byte.
 */
import { cellAddress, parseCellAddress, rangeAddress } from "../core/grid";
import { SummarySheet } from "../core/summary-types";
import { concatBytes } from "./bytes";
import { blankCell, numberCell, textCell } from "./cell-xml";
import { XmlElement, attributeByLocal, escapeAttribute, escapeXstring, firstElement, isTrue, rootElement, scanXml, startTag } from "./xml";

/** What happens to one cell: a number written into it, and its format changed. */
export interface CellEdit {
  /** An exact decimal string, undefined to keep the cell's value, null to blank it (清除标记 taking
   * back a value jixiao filled in). */
  value?: string | null;
  /** With value null: the text to give back instead of a blank (the spaces the cell held). */
  text?: string;
  /** The cell's new format from its current one (the row's or column's for a cell not yet written). */
  restyle: (format: number) => number;
  /**
   * The cell holds a formula: only its cached result becomes `value` (a number; with `resultType` a
   * text, boolean or error; null for no result), the formula stays.
   */
  cachedResult?: true;
  resultType?: "str" | "b" | "e";
}

/** Edits by 0-based row, then 0-based column, as the grid counts them. */
export type SheetEdits = Map<number, Map<number, CellEdit>>;

export interface ColumnFormat {
  min: number;
  max: number;
  style: number;
}

/** Text that replaces [from, to) of the part; splices come in document order and never overlap. */
interface Splice {
  from: number;
  to: number;
  text: string;
}

/**
 * Where a tokenizer found a sheet's parts: the writer tokenizes again only the cells it edits, and
 * the start tag of a row it adds a cell to. The reader records it in its own pass (src/xlsx/reader.ts);
 * `sheetLayout` finds it for any other sheet.
 */
export interface SheetLayout {
  /** The prefix the worksheet writes its elements with ("x:" or ""). */
  prefix: string;
  sheetData?: { name: string; start: number; openEnd: number; contentEnd: number; end: number; selfClosing: boolean };
  /** The column formats its <cols> gives, 0-based. */
  columns: ColumnFormat[];
  /** The worksheet's own children after <sheetData> (mergeCells, legacyDrawing, extLst …): local name and [start, end). */
  tail: { local: string; start: number; end: number }[];
  /** Where the worksheet's end tag starts: what is added after every child goes there. */
  contentEnd: number;
  /**
   * Where the <mergeCell>s start that the reader did not read, as they overlap others
   * (SheetGrid.droppedMerges): the copy leaves them out (mergeCellsSplices). Absent: none.
   */
  droppedMerges?: number[];
  /**
   * Each <row> in document order: its 0-based number, its [start, end) in the part, where its
   * start tag ends (its end when self-closing), the format it gives the cells it does not write
   * (rowFormatOf), and where its cells begin in `cells` (they end where the next row's begin).
   */
  rows: number[];
  rowStarts: number[];
  rowEnds: number[];
  rowOpenEnds: number[];
  rowFormats: (number | undefined)[];
  rowCells: number[];
  /**
   * Every <c> written, in document order, as five numbers (CELL_FIELDS): its 0-based row and column
   * as the grid reads them (its r may name another row than its <row>'s), its [start, end) in the
   * part, and its format (s, 0 when absent). Packed by LayoutRecorder: a plain array takes 8 bytes
   * a number, and held so, a thousand sheets' cells added 10–15 MB to the command's peak.
   */
  cells: Int32Array;
}

/** The numbers `cells` holds per cell, and where each is among them. */
export const CELL_FIELDS = 5;
const ROW = 0;
const COL = 1;
const START = 2;
const END = 3;
const FORMAT = 4;

/** The most cell formats a workbook holds (Excel's specifications and limits). */
const MAX_CELL_FORMATS = 65490;

/**
 * A format as a sheet names one (a cell's or row's s, a column's style): a whole number below
 * Excel's limit. Anything else is damage and counts as the default, 0: a cell jixiao edits gets a
 * format derived from it, and the stylesheet is not padded out to a bogus number.
 */
export function formatIndex(text: string | undefined): number {
  const index = Number(text ?? 0);
  return Number.isInteger(index) && index >= 0 && index < MAX_CELL_FORMATS ? index : 0;
}

/** The format a row gives the cells it does not write: its s when customFormat says so (LibreOffice writes "true"). */
function rowFormatOf(attributes: Record<string, string>): number | undefined {
  return isTrue(attributes.customFormat) ? formatIndex(attributes.s) : undefined;
}

/** A layout with nothing located yet. */
function emptyLayout(xml: string): SheetLayout {
  return { prefix: "", columns: [], rows: [], rowStarts: [], rowEnds: [], rowOpenEnds: [], rowFormats: [], rowCells: [], cells: new Int32Array(0), tail: [], contentEnd: xml.length };
}

/**
 * The <c> elements that write the cells of some rows, wherever they are: a cell whose r names
 * another row than its <row>'s is found too, so a write never adds a second <c> for a cell, nor a
 * second <row> for a row written out of order. Every cell the layout holds is looked at once.
 */
export class WrittenCells {
  /** Row → column → where each <c> writing the cell is in the layout's cells (more than one when its r repeats). */
  private readonly places = new Map<number, Map<number, number[]>>();
  /** Row number → its <row>'s index in the layout (the last, when two have the number). */
  private readonly rowIndexes: Map<number, number>;

  constructor(
    private readonly layout: SheetLayout,
    rows: Set<number>,
  ) {
    this.rowIndexes = new Map(layout.rows.map((row, i) => [row, i]));
    const cells = layout.cells;
    for (let at = 0; at < cells.length; at += CELL_FIELDS) {
      if (!rows.has(cells[at + ROW])) continue;
      let byColumn = this.places.get(cells[at + ROW]);
      if (!byColumn) this.places.set(cells[at + ROW], (byColumn = new Map()));
      const places = byColumn.get(cells[at + COL]);
      if (places) places.push(at);
      else byColumn.set(cells[at + COL], [at]);
    }
  }

  /** Where the <c> elements writing a cell are in the layout's cells; undefined when none does. */
  of(row: number, col: number): number[] | undefined {
    return this.places.get(row)?.get(col);
  }

  /** The index in the layout's rows of the <row> a row's new cells go into; undefined when it has none. */
  rowIndex(row: number): number | undefined {
    return this.rowIndexes.get(row);
  }

  /** The format of a cell: its own when written (the last <c>'s, which readers show), else its row's or its column's. */
  formatAt(row: number, col: number): number {
    const places = this.of(row, col);
    if (places) return this.layout.cells[places[places.length - 1] + FORMAT];
    const i = this.rowIndex(row);
    return inheritedFormat(i === undefined ? undefined : this.layout.rowFormats[i], col, this.layout.columns);
  }
}

/**
 * Fills a layout as a tokenizer pass reads the sheet (the reader, and sheetLayout), told of each
 * element at its start and end tag with its depth (the worksheet's is 0): where sheetData and the
 * worksheet's later children are, the column formats, and the rows and cells in document order.
 * `finish` packs the cells.
 *
 * A cell's r names its row and column, as openpyxl reads it, even when it names another row than
 * its <row>'s (a stray cell). A <row>'s number is its r, else the row its first cell's r names, else
 * the one after the previous <row>'s; a cell without r is in its <row>'s row, in the column after
 * the previous cell's.
 */
export class LayoutRecorder {
  readonly layout: SheetLayout;
  private readonly cells: number[] = [];
  /** The 0-based row and column of the cell being read. */
  row = -1;
  col = -1;
  /** The 0-based number of the <row> being read, and whether its r gave it (else its first cell's r may). */
  rowNumber = -1;
  private rowNumbered = false;
  /** The format (s, 0 when absent) of the cell being read. */
  format = 0;
  /** Between the first <sheetData>'s start and end tags: its rows and cells are read. */
  inSheetData = false;
  /** Where the worksheet's children after sheetData, still open, start. */
  private readonly childStarts: number[] = [];
  /** The <col>s of the <cols> being read; undefined outside one. */
  private columns: ColumnFormat[] | undefined;

  constructor(private readonly xml: string) {
    this.layout = emptyLayout(xml);
  }

  private tagStart(position: number): number {
    // XML allows no unescaped "<" inside a tag: the last one before a tag's end opened it.
    return this.xml.lastIndexOf("<", position - 1);
  }

  /** At a start tag (`openEnd`: just after its ">"). Whether it is a cell: a row's child in sheetData. */
  open(local: string, name: string, depth: number, openEnd: number, selfClosing: boolean, attributes: Record<string, string>): boolean {
    const layout = this.layout;
    if (depth === 0) {
      layout.prefix = name.slice(0, name.length - local.length);
    } else if (depth === 1) {
      if (local === "sheetData" && !layout.sheetData) {
        this.inSheetData = true;
        layout.sheetData = { name, start: this.tagStart(openEnd), openEnd, contentEnd: openEnd, end: openEnd, selfClosing };
      } else {
        if (layout.sheetData) this.childStarts.push(this.tagStart(openEnd));
        if (local === "cols") this.columns = [];
      }
    } else if (this.columns && local === "col") {
      // <col> counts from 1; the grid from 0.
      this.columns.push({ min: Number(attributes.min) - 1, max: Number(attributes.max) - 1, style: formatIndex(attributes.style) });
    } else if (this.inSheetData && depth === 2 && local === "row") {
      const written = Number(attributes.r);
      this.rowNumbered = Number.isInteger(written) && written > 0;
      this.rowNumber = this.rowNumbered ? written - 1 : this.rowNumber + 1;
      this.col = -1;
      layout.rowStarts.push(this.tagStart(openEnd));
      layout.rowOpenEnds.push(openEnd);
      layout.rowFormats.push(rowFormatOf(attributes));
      layout.rowCells.push(this.cells.length);
    } else if (this.inSheetData && depth === 3 && local === "c") {
      const at = attributes.r === undefined ? undefined : parseCellAddress(attributes.r);
      // Row 0 ("A0") is no row: such a cell is in its <row>'s.
      const named = at && at.row >= 0 ? at.row : undefined;
      const firstOfRow = this.cells.length === layout.rowCells[layout.rowCells.length - 1];
      if (named !== undefined && !this.rowNumbered && firstOfRow) this.rowNumber = named;
      // A <c> before any <row> (which the schema does not allow) is read into row 1.
      this.row = named ?? Math.max(this.rowNumber, 0);
      this.col = at ? at.col : this.col + 1;
      this.format = formatIndex(attributes.s);
      const start = this.tagStart(openEnd);
      this.cells.push(this.row, this.col, start, start, this.format);
      return true;
    }
    return false;
  }

  /** At an end tag (`end`: just after it; a self-closing tag's own end). Whether it closes a cell. */
  close(local: string, depth: number, end: number): boolean {
    const layout = this.layout;
    if (depth === 0) {
      layout.contentEnd = this.tagStart(end);
    } else if (depth === 1) {
      if (local === "sheetData" && this.inSheetData) {
        this.inSheetData = false;
        if (!layout.sheetData!.selfClosing) {
          layout.sheetData!.end = end;
          layout.sheetData!.contentEnd = this.tagStart(end);
        }
      } else {
        if (this.childStarts.length > 0) layout.tail.push({ local, start: this.childStarts.pop()!, end });
        if (local === "cols" && this.columns) {
          layout.columns = this.columns;
          this.columns = undefined;
        }
      }
    } else if (this.inSheetData && depth === 2 && local === "row") {
      layout.rows.push(this.rowNumber);
      layout.rowEnds.push(end);
    } else if (this.inSheetData && depth === 3 && local === "c") {
      this.cells[this.cells.length - CELL_FIELDS + END] = end;
      return true;
    }
    return false;
  }

  finish(): SheetLayout {
    this.layout.cells = Int32Array.from(this.cells);
    return this.layout;
  }
}

/** A sheet's layout from one tokenizer pass, for a sheet the reader did not locate. */
export function sheetLayout(xml: string): SheetLayout {
  const recorder = new LayoutRecorder(xml);
  scanXml(xml, {
    // Inside sheetData only the rows and cells; outside it every element, for the worksheet's children.
    select: (local) => !recorder.inSheetData || local === "row" || local === "c",
    open: (element) => void recorder.open(element.local, element.name, element.depth, element.openEnd, element.selfClosing, element.attributes),
    close: (element) => void recorder.close(element.local, element.depth, element.end),
  });
  return recorder.finish();
}

/** The highest format the sheet's cells, rows or columns name; -1 when they name none. */
export function highestFormat(layout: SheetLayout): number {
  let highest = -1;
  for (let at = FORMAT; at < layout.cells.length; at += CELL_FIELDS) highest = Math.max(highest, layout.cells[at]);
  for (const format of layout.rowFormats) highest = Math.max(highest, format ?? -1);
  for (const column of layout.columns) highest = Math.max(highest, column.style);
  return highest;
}

/** Each <c> written, in document order (a later one for the same cell after the earlier): its 0-based row and column and its format. */
export function forEachWrittenCell(layout: SheetLayout, visit: (row: number, col: number, format: number) => void): void {
  const cells = layout.cells;
  for (let at = 0; at < cells.length; at += CELL_FIELDS) visit(cells[at + ROW], cells[at + COL], cells[at + FORMAT]);
}

/** The format a cell that is not written yet shows: its row's (when the row sets one, rowFormatOf), else its column's. */
function inheritedFormat(rowFormat: number | undefined, col: number, columns: ColumnFormat[]): number {
  return rowFormat ?? columns.find((c) => c.min <= col && col <= c.max)?.style ?? 0;
}

const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** Worksheet children that come after <legacyDrawing> in the schema's order. */
const AFTER_LEGACY_DRAWING = new Set(["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"]);

/** The sheet's <legacyDrawing> (the drawing its notes hang on): set to a relationship id, or removed. */
export type LegacyDrawingEdit = { id: string } | "remove";

/**
 * The relationship id of the sheet's <legacyDrawing>: the drawing its notes hang on. The header's
 * and footer's pictures (<legacyDrawingHF>) are a drawing of the same relationship type, which is
 * why the notes' drawing is found through this element and not by its type.
 */
export function legacyDrawingId(xml: string, layout: SheetLayout): string | undefined {
  const child = layout.tail.find((c) => c.local === "legacyDrawing");
  const element = child && firstElement(xml.slice(child.start, child.end), "legacyDrawing");
  return element && attributeByLocal(element, "id");
}

/** Whether the sheet is protected: its <sheetProtection> says sheet="1" (a protection with sheet="0" is off). */
export function sheetProtected(xml: string, layout: SheetLayout): boolean {
  const child = layout.tail.find((c) => c.local === "sheetProtection");
  return child !== undefined && isTrue(firstElement(xml.slice(child.start, child.end), "sheetProtection")?.attributes.sheet);
}

/**
 * A worksheet child by the element it stands for: an mc:AlternateContent by the one its first choice
 * wraps (Excel 2010 and later write a sheet's <controls> and <oleObjects> inside one).
 */
function childLocal(xml: string, child: SheetLayout["tail"][number]): string {
  if (child.local !== "AlternateContent") return child.local;
  let wrapped = "";
  scanXml(xml.slice(child.start, child.end), {
    open(element) {
      if (element.depth === 2 && wrapped === "") wrapped = element.local;
    },
  });
  return wrapped;
}

/** The splice that makes the sheet's <legacyDrawing> what the edit says, in its place in the schema's order. */
function legacyDrawingSplice(xml: string, layout: SheetLayout, edit: LegacyDrawingEdit): Splice | undefined {
  const existing = layout.tail.find((child) => child.local === "legacyDrawing");
  if (edit === "remove") return existing && { from: existing.start, to: existing.end, text: "" };
  const element = `<${layout.prefix}legacyDrawing xmlns:r="${RELATIONSHIPS_NS}" r:id="${escapeAttribute(edit.id)}"/>`;
  if (existing) return { from: existing.start, to: existing.end, text: element };
  const at = layout.tail.find((child) => AFTER_LEGACY_DRAWING.has(childLocal(xml, child)))?.start ?? layout.contentEnd;
  return { from: at, to: at, text: element };
}

/**
 * Splices edits into the sheet: each existing cell edited where it is (tokenized alone, where the
 * layout found it), missing cells added to their row's <row> (its start tag then written again)
 * and missing rows added between the existing ones.
 */
class SheetPatcher {
  private readonly prefix: string;

  constructor(
    private readonly xml: string,
    private readonly layout: SheetLayout,
  ) {
    this.prefix = layout.prefix;
  }

  private newCell(row: number, col: number, edit: CellEdit, written: WrittenCells): string {
    const ref = cellAddress(row, col);
    const format = edit.restyle(written.formatAt(row, col));
    if (edit.value === null) return blankCell(this.prefix, ref, format, edit.text);
    return edit.value === undefined ? `<${this.prefix}c r="${ref}" s="${format}"/>` : numberCell(this.prefix, ref, format, edit.value);
  }

  /** The <c>s of a row's cells to add, in column order. */
  private newCells(row: number, cols: number[], edits: Map<number, CellEdit>, written: WrittenCells): string {
    return cols.map((col) => this.newCell(row, col, edits.get(col)!, written)).join("");
  }

  /**
   * An existing cell (its own XML) with its edit: a new format, a number in place of what it held,
   * or a formula's new cached result.
   */
  private editedCell(xml: string, row: number, col: number, edit: CellEdit): string {
    let cell: XmlElement | undefined;
    let formula: XmlElement | undefined;
    scanXml(xml, {
      select: (local) => local === "c" || local === "f",
      open: (element) => {
        if (element.depth === 0) cell = element;
        else if (element.local === "f" && element.depth === 1) formula = element;
      },
    });
    const format = String(edit.restyle(formatIndex(cell!.attributes.s)));
    const p = this.prefix;
    const ref = cell!.attributes.r ?? cellAddress(row, col);
    if (edit.cachedResult && formula) {
      // The formula stays; the result's type goes with its value (none for a number), a text's escaped as a cell's string.
      const result = edit.value == null ? "" : `<${p}v>${escapeXstring(edit.value)}</${p}v>`;
      return `${startTag(cell!, { s: format, t: edit.resultType })}${xml.slice(formula.start, formula.end)}${result}</${cell!.name}>`;
    }
    if (edit.value === undefined) return startTag(cell!, { s: format }, cell!.selfClosing) + xml.slice(cell!.openEnd);
    if (edit.value === null) return blankCell(p, ref, Number(format), edit.text);
    return numberCell(p, ref, Number(format), edit.value);
  }

  /**
   * The splices that add cells (`cols`, in column order) to the existing <row> `i`: each before the
   * row's first cell of a later column, else after its last cell. A row's spans attribute is only a
   * hint, and would be wrong once a cell is added: the row's start tag alone is tokenized (closed
   * in place: `<row r="3" spans="1:5">` read as `<row r="3" spans="1:5"/>`) and written again without it.
   */
  private addedCells(i: number, row: number, cols: number[], edits: Map<number, CellEdit>, written: WrittenCells): Splice[] {
    const { rowStarts, rowOpenEnds, rowEnds, rowCells, cells } = this.layout;
    const start = rowStarts[i];
    const selfClosing = rowOpenEnds[i] === rowEnds[i];
    const element = rootElement(selfClosing ? this.xml.slice(start, rowEnds[i]) : `${this.xml.slice(start, rowOpenEnds[i] - 1)}/>`);
    const tag = startTag(element, { spans: undefined });
    if (selfClosing) return [{ from: start, to: rowEnds[i], text: `${tag}${this.newCells(row, cols, edits, written)}</${element.name}>` }];
    const splices: Splice[] = [{ from: start, to: rowOpenEnds[i], text: tag }];
    const end = rowCells[i + 1] ?? cells.length;
    // After the row's last cell (a row's extLst comes after its cells), else before its end tag.
    const afterLast = end > rowCells[i] ? cells[end - CELL_FIELDS + END] : this.xml.lastIndexOf("<", rowEnds[i] - 1);
    for (const col of cols) {
      let at = afterLast;
      // Cells out of order, or of another row, are passed over: no place among them is right.
      for (let c = rowCells[i]; c < end; c += CELL_FIELDS) {
        if (cells[c + ROW] === row && cells[c + COL] > col) {
          at = cells[c + START];
          break;
        }
      }
      splices.push({ from: at, to: at, text: this.newCell(row, col, edits.get(col)!, written) });
    }
    return splices;
  }

  /**
   * The splices that add <row>s (in order, each with the columns of its cells to add): each before
   * the first <row> of a later row, else at sheetData's end.
   */
  private addedRows(rows: { row: number; cols: number[] }[], edits: SheetEdits, written: WrittenCells): Splice[] {
    const sheetData = this.layout.sheetData!;
    const rowXml = ({ row, cols }: { row: number; cols: number[] }) => `<${this.prefix}row r="${row + 1}">${this.newCells(row, cols, edits.get(row)!, written)}</${this.prefix}row>`;
    if (sheetData.selfClosing) return rows.length > 0 ? [{ from: sheetData.start, to: sheetData.end, text: `<${sheetData.name}>${rows.map(rowXml).join("")}</${sheetData.name}>` }] : [];
    // The highest row up to each <row> never falls: the first <row> past a row is found by halving.
    const highest: number[] = [];
    for (const row of this.layout.rows) highest.push(Math.max(row, highest[highest.length - 1] ?? -1));
    return rows.map((added) => {
      const { row } = added;
      let [low, high] = [0, highest.length];
      while (low < high) {
        const middle = (low + high) >> 1;
        if (highest[middle] > row) high = middle;
        else low = middle + 1;
      }
      const at = low < highest.length ? this.layout.rowStarts[low] : sheetData.contentEnd;
      return { from: at, to: at, text: rowXml(added) };
    });
  }

  apply(edits: SheetEdits, drawing?: LegacyDrawingEdit): string {
    const drawingSplice = drawing && legacyDrawingSplice(this.xml, this.layout, drawing);
    const mergeSplices = mergeCellsSplices(this.xml, this.layout);
    // No cells to write into.
    if (!this.layout.sheetData) return spliced(this.xml, [...(drawingSplice ? [drawingSplice] : []), ...mergeSplices].sort((a, b) => a.from - b.from));
    const written = new WrittenCells(this.layout, new Set(edits.keys()));
    const { cells } = this.layout;
    const splices: Splice[] = [];
    const newRows: { row: number; cols: number[] }[] = [];
    for (const row of [...edits.keys()].sort((a, b) => a - b)) {
      const rowEdits = edits.get(row)!;
      const missing: number[] = [];
      for (const col of [...rowEdits.keys()].sort((a, b) => a - b)) {
        // A cell whose r repeats is edited in each <c>: readers differ on which one they show.
        const places = written.of(row, col) ?? [];
        for (const at of places) {
          const [from, to] = [cells[at + START], cells[at + END]];
          splices.push({ from, to, text: this.editedCell(this.xml.slice(from, to), row, col, rowEdits.get(col)!) });
        }
        if (places.length === 0) missing.push(col);
      }
      if (missing.length === 0) continue;
      const i = written.rowIndex(row);
      if (i === undefined) newRows.push({ row, cols: missing });
      else splices.push(...this.addedCells(i, row, missing, rowEdits, written));
    }
    splices.push(...this.addedRows(newRows, edits, written));
    if (drawingSplice) splices.push(drawingSplice);
    splices.push(...mergeSplices);
    // In document order, what is inserted at a place before what is replaced from it; the sort
    // keeps the order of those made at one place (rows, and a row's cells, in order).
    splices.sort((a, b) => a.from - b.from || a.to - b.to);
    return spliced(this.xml, splices);
  }
}

/**
 * The splices that leave out of a sheet's <mergeCells> the merges the reader did not read, as they
 * overlap others (SheetLayout.droppedMerges: a damaged file; a merge over the whole sheet is one
 * openpyxl runs out of memory on): the element is written again without them, its count what
 * remains. Only a <mergeCells> holding such a merge is tokenized again; no cell is touched.
 */
function mergeCellsSplices(xml: string, layout: SheetLayout): Splice[] {
  const dropped = new Set(layout.droppedMerges ?? []);
  if (dropped.size === 0) return [];
  const splices: Splice[] = [];
  for (const { local, start, end } of layout.tail) {
    if (local !== "mergeCells") continue;
    const element = xml.slice(start, end);
    let root: XmlElement | undefined;
    const kept: string[] = [];
    let left = 0;
    scanXml(element, {
      select: (name) => name === "mergeCells" || name === "mergeCell",
      open: (child) => {
        if (child.depth === 0) root = child;
      },
      close: (child) => {
        if (child.depth !== 1) return;
        if (dropped.has(start + child.start)) left++;
        else kept.push(element.slice(child.start, child.end));
      },
    });
    if (left === 0 || !root) continue;
    // A <mergeCells> holds one <mergeCell> at least (the schema): one left with none goes.
    const text = kept.length === 0 ? "" : `${startTag(root, { count: String(kept.length) })}${kept.join("")}</${root.name}>`;
    splices.push({ from: start, to: end, text });
  }
  return splices;
}

function spliced(xml: string, splices: Splice[]): string {
  const out: string[] = [];
  let at = 0;
  for (const splice of splices) {
    out.push(xml.slice(at, splice.from), splice.text);
    at = splice.to;
  }
  out.push(xml.slice(at));
  return out.join("");
}

/**
 * The sheet's XML with the edits applied, and its <legacyDrawing> set or removed when `drawing`
 * says so; a part without sheetData (not a worksheet) comes back as it was. `layout` is where the
 * reader found the rows; without it the sheet is tokenized here.
 */
export function patchSheet(xml: string, edits: SheetEdits, layout: SheetLayout = sheetLayout(xml), drawing?: LegacyDrawingEdit): string {
  return new SheetPatcher(xml, layout).apply(edits, drawing);
}

/** The 综合得分 sheet as a worksheet part; `formatOf` gives each summary cell its cell format.
 * `print` holds <sheetPr> and what follows <mergeCells> (page setup, drawing: src/xlsx/summary-parts.ts). */
export function summarySheetXml(
  summary: SummarySheet,
  formatOf: (cell: SummarySheet["cells"][number]) => number,
  print: { sheetPr: string; tail: string },
): Uint8Array {
  const frozen = summary.freezeRows > 0;
  const pane = frozen ? `<pane ySplit="${summary.freezeRows}" topLeftCell="A${summary.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>` : "";
  const cols = summary.columnWidths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join("");
  const merges = summary.merges.map((m) => `<mergeCell ref="${rangeAddress(m)}"/>`).join("");
  // The part's UTF-8 bytes, encoded a slice of pieces at a time: a 1000-table summary (8 million
  // characters, two bytes each in a string) is never whole as text, only as its bytes.
  const pieces = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    print.sheetPr,
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    cols ? `<cols>${cols}</cols>` : "",
    "<sheetData>",
  ];
  const slices: Uint8Array[] = [];
  let openRow = -1;
  for (const cell of [...summary.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    if (cell.row !== openRow) {
      if (openRow !== -1) pieces.push("</row>");
      openRow = cell.row;
      const height = summary.rowHeights[openRow];
      pieces.push(`<row r="${openRow + 1}"${height ? ` ht="${height}" customHeight="1"` : ""}>`);
    }
    const ref = cellAddress(cell.row, cell.col);
    const format = formatOf(cell);
    pieces.push(cell.isNumber ? numberCell("", ref, format, cell.value) : textCell("", ref, format, cell.value));
    if (pieces.length >= SLICE_PIECES) encodeSlice();
  }
  if (openRow !== -1) pieces.push("</row>");
  pieces.push("</sheetData>", merges ? `<mergeCells count="${summary.merges.length}">${merges}</mergeCells>` : "", print.tail, "</worksheet>");
  encodeSlice();
  return concatBytes(slices);

  function encodeSlice(): void {
    slices.push(UTF8.encode(pieces.join("")));
    pieces.length = 0;
  }
}

/**
 * Pieces of the summary's XML encoded at a time (some fifty rows). A slice's joined text stays
 * small enough for V8's young generation: at 4,096 pieces it was large and went straight to the
 * old one, where on 1000 sheets 20 MB more stayed as garbage until a full collection (82 against
 * 106 MB promoted while the copy is written).
 */
const SLICE_PIECES = 512;
const UTF8 = new TextEncoder();

