/**
 * Worksheet parts: edits a few cells of an existing sheet's XML in place, and writes the 综合得分
 * sheet. Everything of a sheet that is not edited is kept byte for byte.
 */
import { cellAddress, parseCellAddress, rangeAddress } from "../core/grid";
import { SummarySheet } from "../core/summary-types";
import { XmlElement, escapeXml, scanXml, startTag } from "./xml";

/** What happens to one cell: a number written into it, and its format changed. */
export interface CellEdit {
  /** An exact decimal string, or undefined to keep the cell's value. */
  value?: string;
  /** The cell's new format from its current one (the row's or column's for a cell not yet written). */
  restyle: (format: number) => number;
  /** The cell holds a formula: only its cached result becomes `value`, the formula stays. */
  cachedResult?: true;
}

/** Edits by 0-based row, then 0-based column, as the grid counts them. */
export type SheetEdits = Map<number, Map<number, CellEdit>>;

interface ColumnFormat {
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

/** The row being read when it has edits: its element, its cells still to write, the children of the current cell. */
interface EditedRow {
  element: XmlElement;
  row: number;
  cells: Map<number, CellEdit>;
  pending: number[];
  cell?: { element: XmlElement; col: number; edit: CellEdit; formula?: XmlElement };
}

/**
 * One pass of the tokenizer over the sheet: each edited row's start tag, each edited cell, and the
 * rows and cells that must be added are spliced in where the tokenizer says they are.
 */
class SheetPatcher {
  private prefix = "";
  private readonly columns: ColumnFormat[] = [];
  private readonly splices: Splice[] = [];

  constructor(
    private readonly xml: string,
    private readonly edits: SheetEdits,
  ) {}

  /** The format a cell that is not written yet shows: its row's, else its column's. */
  private inheritedFormat(row: XmlElement | null, col: number): number {
    const custom = row?.attributes.customFormat;
    if (row && (custom === "1" || custom === "true")) return Number(row.attributes.s ?? 0);
    return this.columns.find((c) => c.min <= col && col <= c.max)?.style ?? 0;
  }

  private newCell(row: number, col: number, edit: CellEdit, rowElement: XmlElement | null): string {
    const ref = cellAddress(row, col);
    const format = edit.restyle(this.inheritedFormat(rowElement, col));
    return edit.value === undefined ? `<${this.prefix}c r="${ref}" s="${format}"/>` : numberCell(this.prefix, ref, format, edit.value);
  }

  private newRow(row: number, cells: Map<number, CellEdit>): string {
    const content = [...cells.keys()]
      .sort((a, b) => a - b)
      .map((col) => this.newCell(row, col, cells.get(col)!, null))
      .join("");
    return `<${this.prefix}row r="${row + 1}">${content}</${this.prefix}row>`;
  }

  /** An existing cell with its edit: a new format, a number in place of what it held, or a formula's new cached result. */
  private editedCell(row: number, cell: NonNullable<EditedRow["cell"]>): string {
    const { element, edit, formula } = cell;
    const format = String(edit.restyle(Number(element.attributes.s ?? 0)));
    const p = this.prefix;
    if (edit.value === undefined) {
      return startTag(element, { s: format }, element.selfClosing) + this.xml.slice(element.openEnd, element.end);
    }
    if (edit.cachedResult && formula) {
      // The formula stays; its result is now a number, so a text or error type goes.
      const kept = this.xml.slice(formula.start, formula.end);
      return `${startTag(element, { s: format, t: undefined })}${kept}<${p}v>${edit.value}</${p}v></${element.name}>`;
    }
    return numberCell(p, element.attributes.r ?? cellAddress(row, cell.col), Number(format), edit.value);
  }

  apply(): string {
    const pendingRows = [...this.edits.keys()].sort((a, b) => a - b);
    let inSheetData = false;
    let inCols = false;
    let row = -1;
    let edited: EditedRow | undefined;
    let col = -1;
    scanXml(this.xml, {
      // Cells are followed only in rows with edits: a sheet of 100,000 rows makes no object per cell.
      select: (local) => (local === "c" || local === "f" ? edited !== undefined : local !== "v" && local !== "is" && local !== "t"),
      open: (element) => {
        switch (element.local) {
          case "worksheet":
            if (element.depth === 0) this.prefix = element.prefix;
            break;
          case "cols":
            inCols = true;
            break;
          case "col":
            // <col> counts from 1; the grid from 0.
            if (inCols) this.columns.push({ min: Number(element.attributes.min) - 1, max: Number(element.attributes.max) - 1, style: Number(element.attributes.style ?? 0) });
            break;
          case "sheetData":
            inSheetData = true;
            break;
          case "row": {
            if (!inSheetData) break;
            const written = Number(element.attributes.r);
            row = Number.isInteger(written) && written > 0 ? written - 1 : row + 1;
            col = -1;
            const before: string[] = [];
            while (pendingRows.length > 0 && pendingRows[0] < row) {
              const r = pendingRows.shift()!;
              before.push(this.newRow(r, this.edits.get(r)!));
            }
            if (before.length > 0) this.splices.push({ from: element.start, to: element.start, text: before.join("") });
            if (pendingRows[0] === row) {
              pendingRows.shift();
              const cells = this.edits.get(row)!;
              edited = { element, row, cells, pending: [...cells.keys()].sort((a, b) => a - b) };
              // A row's spans attribute is only a hint, and would be wrong once a cell is added.
              if (!element.selfClosing) this.splices.push({ from: element.start, to: element.openEnd, text: startTag(element, { spans: undefined }) });
            }
            break;
          }
          case "c": {
            if (!edited) break;
            const ref = element.attributes.r;
            const at = ref === undefined ? undefined : parseCellAddress(ref);
            col = at?.col ?? col + 1;
            const before: string[] = [];
            while (edited.pending.length > 0 && edited.pending[0] < col) {
              const c = edited.pending.shift()!;
              before.push(this.newCell(edited.row, c, edited.cells.get(c)!, edited.element));
            }
            if (before.length > 0) this.splices.push({ from: element.start, to: element.start, text: before.join("") });
            if (edited.pending[0] === col) {
              edited.pending.shift();
              edited.cell = { element, col, edit: edited.cells.get(col)! };
            }
            break;
          }
          case "f":
            if (edited?.cell) edited.cell.formula = element;
            break;
        }
      },
      close: (element) => {
        switch (element.local) {
          case "cols":
            inCols = false;
            break;
          case "c":
            if (edited?.cell?.element === element) {
              this.splices.push({ from: element.start, to: element.end, text: this.editedCell(edited.row, edited.cell) });
              edited.cell = undefined;
            }
            break;
          case "row": {
            if (!edited || edited.element !== element) break;
            const after = edited.pending.map((c) => this.newCell(edited!.row, c, edited!.cells.get(c)!, element)).join("");
            if (element.selfClosing) {
              this.splices.push({ from: element.start, to: element.end, text: `${startTag(element, { spans: undefined })}${after}</${element.name}>` });
            } else if (after) {
              this.splices.push({ from: element.contentEnd, to: element.contentEnd, text: after });
            }
            edited = undefined;
            break;
          }
          case "sheetData": {
            inSheetData = false;
            const rows = pendingRows.map((r) => this.newRow(r, this.edits.get(r)!)).join("");
            pendingRows.length = 0;
            if (element.selfClosing) this.splices.push({ from: element.start, to: element.end, text: `${startTag(element)}${rows}</${element.name}>` });
            else if (rows) this.splices.push({ from: element.contentEnd, to: element.contentEnd, text: rows });
            break;
          }
        }
      },
    });
    const out: string[] = [];
    let at = 0;
    for (const splice of this.splices) {
      out.push(this.xml.slice(at, splice.from), splice.text);
      at = splice.to;
    }
    out.push(this.xml.slice(at));
    return out.join("");
  }
}

/** The sheet's XML with the edits applied; a part without sheetData (not a worksheet) comes back as it was. */
export function patchSheet(xml: string, edits: SheetEdits): string {
  return new SheetPatcher(xml, edits).apply();
}

function textCell(ref: string, format: number, text: string): string {
  // Inline text is never read as a formula; spaces at either end are kept.
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}" s="${format}" t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

/** The 综合得分 sheet as a worksheet part; `formatOf` gives each summary cell its cell format. */
export function summarySheetXml(summary: SummarySheet, formatOf: (cell: SummarySheet["cells"][number]) => number): string {
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
    .map(([row, content]) => `<row r="${row + 1}"${row === 0 ? ' ht="28" customHeight="1"' : ""}>${content.join("")}</row>`)
    .join("");
  const frozen = summary.freezeRows > 0;
  const pane = frozen ? `<pane ySplit="${summary.freezeRows}" topLeftCell="A${summary.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>` : "";
  const cols = summary.columnWidths.map((width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`).join("");
  const merges = summary.merges.map((m) => `<mergeCell ref="${rangeAddress(m)}"/>`).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rowXml}</sheetData>` +
    (merges ? `<mergeCells count="${summary.merges.length}">${merges}</mergeCells>` : "") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    "</worksheet>"
  );
}
