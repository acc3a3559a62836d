/**
 * Worksheet parts: edits a few cells of an existing sheet's XML in place, and writes the 综合得分
 * sheet. Everything of a sheet that is not edited is kept byte for byte.
 */
import { cellAddress, parseCellAddress, rangeAddress } from "../core/grid";
import { SummarySheet } from "../core/summary-types";
import { XmlElement, attributeByLocal, elements, escapeAttribute, escapeXml, firstElement, rootElement, scanXml, startTag } from "./xml";

/** What happens to one cell: a number written into it, and its format changed. */
export interface CellEdit {
  /** An exact decimal string, undefined to keep the cell's value, null to blank it (清除标记 taking
   * back a value jixiao filled in). */
  value?: string | null;
  /** The cell's new format from its current one (the row's or column's for a cell not yet written). */
  restyle: (format: number) => number;
  /** The cell holds a formula: only its cached result becomes `value`, the formula stays. */
  cachedResult?: true;
}

/** Edits by 0-based row, then 0-based column, as the grid counts them. */
export type SheetEdits = Map<number, Map<number, CellEdit>>;

export interface ColumnFormat {
  min: number;
  max: number;
  style: number;
}

function numberCell(prefix: string, ref: string, format: number, value: string): string {
  return `<${prefix}c r="${ref}" s="${format}"><${prefix}v>${value}</${prefix}v></${prefix}c>`;
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
  /** The <cols> element's [start, end). */
  cols?: { start: number; end: number };
  /** The worksheet's own children after <sheetData> (mergeCells, legacyDrawing, extLst …): local name and [start, end). */
  tail: { local: string; start: number; end: number }[];
  /** Where the worksheet's end tag starts: what is added after every child goes there. */
  contentEnd: number;
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
   * Every <c> written, in document order, as four numbers: its 0-based column, its [start, end) in
   * the part, and its format (s, 0 when absent). Packed by LayoutRecorder: a plain array takes 8
   * bytes a number, and held so, a thousand sheets' cells added 10–15 MB to the command's peak.
   */
  cells: Int32Array;
}

/** The numbers `cells` holds per cell: column, start, end, format. */
const CELL_FIELDS = 4;

/** The format a row gives the cells it does not write: its s when customFormat says so (LibreOffice writes "true"). */
function rowFormatOf(attributes: Record<string, string>): number | undefined {
  const custom = attributes.customFormat;
  return custom === "1" || custom === "true" ? Number(attributes.s ?? 0) : undefined;
}

/** A layout with nothing located yet. */
function emptyLayout(xml: string): SheetLayout {
  return { prefix: "", rows: [], rowStarts: [], rowEnds: [], rowOpenEnds: [], rowFormats: [], rowCells: [], cells: new Int32Array(0), tail: [], contentEnd: xml.length };
}

/** Row number → its index in the layout's rows. */
export function rowIndexes(layout: SheetLayout): Map<number, number> {
  return new Map(layout.rows.map((row, i) => [row, i]));
}

/** Where the cell of a column is in `cells` among the cells of row `i`; -1 when the row does not write it. */
function cellIndex(layout: SheetLayout, i: number, col: number): number {
  const end = layout.rowCells[i + 1] ?? layout.cells.length;
  for (let at = layout.rowCells[i]; at < end; at += CELL_FIELDS) if (layout.cells[at] === col) return at;
  return -1;
}

/**
 * The format of a cell as the layout found it: its own when written, else its row's or its
 * column's. `i`: the row's index (rowIndexes), undefined for a row not written.
 */
export function formatAt(layout: SheetLayout, columns: ColumnFormat[], i: number | undefined, col: number): number {
  const at = i === undefined ? -1 : cellIndex(layout, i, col);
  if (at !== -1) return layout.cells[at + 3];
  return inheritedFormat(i === undefined ? undefined : layout.rowFormats[i], col, columns);
}

/**
 * Fills a layout as a tokenizer pass reads the sheet (the reader, and sheetLayout), told of each
 * element at its start and end tag with its depth (the worksheet's is 0): where sheetData, cols and
 * the worksheet's later children are, and the rows and cells in document order, counted as Excel
 * counts them. `finish` packs the cells.
 */
export class LayoutRecorder {
  readonly layout: SheetLayout;
  private readonly cells: number[] = [];
  /**
   * The 0-based row being read and the column of the cell being read: a row or cell written
   * without r is the one after the last, and a cell's r names its row too.
   */
  row = -1;
  col = -1;
  /** The format (s, 0 when absent) of the cell being read. */
  format = 0;
  /** Between the first <sheetData>'s start and end tags: its rows and cells are read. */
  inSheetData = false;
  /** Where the worksheet's children after sheetData, still open, start. */
  private readonly childStarts: number[] = [];
  private colsStart = -1;

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
        if (local === "cols") this.colsStart = this.tagStart(openEnd);
      }
    } else if (this.inSheetData && depth === 2 && local === "row") {
      const written = Number(attributes.r);
      this.row = Number.isInteger(written) && written > 0 ? written - 1 : this.row + 1;
      this.col = -1;
      layout.rowStarts.push(this.tagStart(openEnd));
      layout.rowOpenEnds.push(openEnd);
      layout.rowFormats.push(rowFormatOf(attributes));
      layout.rowCells.push(this.cells.length);
    } else if (this.inSheetData && depth === 3 && local === "c") {
      const at = attributes.r === undefined ? undefined : parseCellAddress(attributes.r);
      if (at) {
        // Row 0 ("A0") is no row: the cell stays in the row being read.
        if (at.row >= 0) this.row = at.row;
        this.col = at.col;
      } else {
        this.col++;
      }
      if (this.row < 0) this.row = 0;
      this.format = attributes.s ? parseInt(attributes.s, 10) || 0 : 0;
      const start = this.tagStart(openEnd);
      this.cells.push(this.col, start, start, this.format);
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
        if (local === "cols" && this.colsStart >= 0) layout.cols = { start: this.colsStart, end };
      }
    } else if (this.inSheetData && depth === 2 && local === "row") {
      layout.rows.push(this.row);
      layout.rowEnds.push(end);
    } else if (this.inSheetData && depth === 3 && local === "c") {
      this.cells[this.cells.length - 2] = end;
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

/** The column formats of a sheet (its <cols>, which the layout located), 0-based. */
export function columnFormats(xml: string, layout: SheetLayout): ColumnFormat[] {
  if (!layout.cols) return [];
  // <col> counts from 1; the grid from 0.
  return elements(xml.slice(layout.cols.start, layout.cols.end), "col").map((col) => ({
    min: Number(col.attributes.min) - 1,
    max: Number(col.attributes.max) - 1,
    style: Number(col.attributes.style ?? 0),
  }));
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

/** The splice that makes the sheet's <legacyDrawing> what the edit says, in its place in the schema's order. */
function legacyDrawingSplice(layout: SheetLayout, edit: LegacyDrawingEdit): Splice | undefined {
  const existing = layout.tail.find((child) => child.local === "legacyDrawing");
  if (edit === "remove") return existing && { from: existing.start, to: existing.end, text: "" };
  const element = `<${layout.prefix}legacyDrawing xmlns:r="${RELATIONSHIPS_NS}" r:id="${escapeAttribute(edit.id)}"/>`;
  if (existing) return { from: existing.start, to: existing.end, text: element };
  const at = layout.tail.find((child) => AFTER_LEGACY_DRAWING.has(child.local))?.start ?? layout.contentEnd;
  return { from: at, to: at, text: element };
}

/**
 * Splices edits into the sheet: new rows between existing ones, and in an edited row its start tag,
 * the cells edited (each tokenized alone, where the layout found it) and the cells added.
 */
class SheetPatcher {
  private readonly prefix: string;
  private readonly columns: ColumnFormat[];

  constructor(
    private readonly xml: string,
    private readonly layout: SheetLayout,
  ) {
    this.prefix = layout.prefix;
    this.columns = columnFormats(xml, layout);
  }

  private newCell(row: number, col: number, edit: CellEdit, rowFormat: number | undefined): string {
    const ref = cellAddress(row, col);
    const format = edit.restyle(inheritedFormat(rowFormat, col, this.columns));
    return edit.value === undefined || edit.value === null ? `<${this.prefix}c r="${ref}" s="${format}"/>` : numberCell(this.prefix, ref, format, edit.value);
  }

  private newRow(row: number, cells: Map<number, CellEdit>): string {
    const content = [...cells.keys()]
      .sort((a, b) => a - b)
      .map((col) => this.newCell(row, col, cells.get(col)!, undefined))
      .join("");
    return `<${this.prefix}row r="${row + 1}">${content}</${this.prefix}row>`;
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
    const format = String(edit.restyle(Number(cell!.attributes.s ?? 0)));
    const p = this.prefix;
    const ref = cell!.attributes.r ?? cellAddress(row, col);
    if (edit.value === undefined) return startTag(cell!, { s: format }, cell!.selfClosing) + xml.slice(cell!.openEnd);
    if (edit.value === null) return `<${p}c r="${ref}" s="${format}"/>`;
    if (edit.cachedResult && formula) {
      // The formula stays; its result is now a number, so a text or error type goes.
      return `${startTag(cell!, { s: format, t: undefined })}${xml.slice(formula.start, formula.end)}<${p}v>${edit.value}</${p}v></${cell!.name}>`;
    }
    return numberCell(p, ref, Number(format), edit.value);
  }

  /** The splices of one existing row (row `i` of the layout): edited cells replaced, missing ones inserted in column order. */
  private patchRow(i: number, row: number, edits: Map<number, CellEdit>): Splice[] {
    const { rowStarts, rowOpenEnds, rowEnds, rowFormats, rowCells, cells } = this.layout;
    const pending = [...edits.keys()].sort((a, b) => a - b);
    const start = rowStarts[i];
    const splices: Splice[] = [];
    // A row's spans attribute is only a hint, and would be wrong once a cell is added: then the
    // row's start tag alone is tokenized (closed in place: `<row r="3" spans="1:5">` read as
    // `<row r="3" spans="1:5"/>`) and written again without it.
    const selfClosing = rowOpenEnds[i] === rowEnds[i];
    const adds = pending.some((col) => cellIndex(this.layout, i, col) === -1);
    const element = adds ? rootElement(selfClosing ? this.xml.slice(start, rowEnds[i]) : `${this.xml.slice(start, rowOpenEnds[i] - 1)}/>`) : undefined;
    if (element && !selfClosing) splices.push({ from: start, to: rowOpenEnds[i], text: startTag(element, { spans: undefined }) });
    const end = rowCells[i + 1] ?? cells.length;
    for (let at = rowCells[i]; at < end && pending.length > 0; at += CELL_FIELDS) {
      const col = cells[at];
      const before: string[] = [];
      while (pending.length > 0 && pending[0] < col) {
        const c = pending.shift()!;
        before.push(this.newCell(row, c, edits.get(c)!, rowFormats[i]));
      }
      const [cellStart, cellEnd] = [cells[at + 1], cells[at + 2]];
      if (before.length > 0) splices.push({ from: cellStart, to: cellStart, text: before.join("") });
      if (pending[0] === col) {
        pending.shift();
        splices.push({ from: cellStart, to: cellEnd, text: this.editedCell(this.xml.slice(cellStart, cellEnd), row, col, edits.get(col)!) });
      }
    }
    const after = pending.map((c) => this.newCell(row, c, edits.get(c)!, rowFormats[i])).join("");
    if (element && selfClosing) {
      splices.push({ from: start, to: rowEnds[i], text: `${startTag(element, { spans: undefined })}${after}</${element.name}>` });
    } else if (after) {
      // After the row's last cell (a row's extLst comes after its cells), else before its end tag.
      const at = end > rowCells[i] ? cells[end - CELL_FIELDS + 2] : this.xml.lastIndexOf("<", rowEnds[i] - 1);
      splices.push({ from: at, to: at, text: after });
    }
    return splices;
  }

  apply(edits: SheetEdits, drawing?: LegacyDrawingEdit): string {
    const { sheetData, rows, rowStarts } = this.layout;
    const drawingSplice = drawing && legacyDrawingSplice(this.layout, drawing);
    if (!sheetData) return drawingSplice ? spliced(this.xml, [drawingSplice]) : this.xml; // no cells to write into
    const pending = [...edits.keys()].sort((a, b) => a - b);
    const splices: Splice[] = [];
    for (let i = 0; i < rows.length && pending.length > 0; i++) {
      const before: string[] = [];
      while (pending.length > 0 && pending[0] < rows[i]) {
        const r = pending.shift()!;
        before.push(this.newRow(r, edits.get(r)!));
      }
      if (before.length > 0) splices.push({ from: rowStarts[i], to: rowStarts[i], text: before.join("") });
      if (pending[0] === rows[i]) {
        const r = pending.shift()!;
        splices.push(...this.patchRow(i, r, edits.get(r)!));
      }
    }
    const after = pending.map((r) => this.newRow(r, edits.get(r)!)).join("");
    if (sheetData.selfClosing && after) {
      splices.push({ from: sheetData.start, to: sheetData.end, text: `<${sheetData.name}>${after}</${sheetData.name}>` });
    } else if (after) {
      splices.push({ from: sheetData.contentEnd, to: sheetData.contentEnd, text: after });
    }
    // The worksheet's children after sheetData come after every row's splice.
    if (drawingSplice) splices.push(drawingSplice);
    return spliced(this.xml, splices);
  }
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

function textCell(ref: string, format: number, text: string): string {
  // Inline text is never read as a formula; spaces at either end are kept.
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}" s="${format}" t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

/** The 综合得分 sheet as a worksheet part; `formatOf` gives each summary cell its cell format.
 * `print` holds <sheetPr> and what follows <mergeCells> (page setup, drawing: src/xlsx/summary-parts.ts). */
export function summarySheetXml(
  summary: SummarySheet,
  formatOf: (cell: SummarySheet["cells"][number]) => number,
  print: { sheetPr: string; tail: string },
): string {
  const rows = new Map<number, string[]>();
  const cells = [...summary.cells].sort((a, b) => a.row - b.row || a.col - b.col);
  for (const cell of cells) {
    const ref = cellAddress(cell.row, cell.col);
    const format = formatOf(cell);
    const xml = cell.isNumber ? numberCell("", ref, format, cell.value) : textCell(ref, format, cell.value);
    const row = rows.get(cell.row);
    if (row) row.push(xml);
    else rows.set(cell.row, [xml]);
  }
  const rowXml = [...rows]
    .map(([row, content]) => {
      const height = summary.rowHeights[row];
      return `<row r="${row + 1}"${height ? ` ht="${height}" customHeight="1"` : ""}>${content.join("")}</row>`;
    })
    .join("");
  const frozen = summary.freezeRows > 0;
  const pane = frozen ? `<pane ySplit="${summary.freezeRows}" topLeftCell="A${summary.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>` : "";
  const cols = summary.columnWidths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join("");
  const merges = summary.merges.map((m) => `<mergeCell ref="${rangeAddress(m)}"/>`).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    print.sheetPr +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rowXml}</sheetData>` +
    (merges ? `<mergeCells count="${summary.merges.length}">${merges}</mergeCells>` : "") +
    print.tail +
    "</worksheet>"
  );
}
