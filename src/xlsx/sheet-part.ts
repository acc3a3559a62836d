/**
 * Worksheet parts: edits a few cells of an existing sheet's XML in place, and writes the 综合得分
 * sheet. Everything of a sheet that is not edited is kept byte for byte.
 */
import { cellAddress, parseCellAddress, rangeAddress } from "../core/grid";
import { SummarySheet } from "../core/summary-types";
import { attribute, elements, escapeXml, firstElement, openingTag, prefixOf, withAttribute, withoutAttribute } from "./xml";

/** What happens to one cell: a number written into it, and its format changed. */
export interface CellEdit {
  /** An exact decimal string, undefined to keep the cell's value, null to blank it (清除标记 taking
   * back a value jixiao filled in). */
  value?: string | null;
  /** The cell's new format from its current one (the row's or column's for a cell not yet written). */
  restyle: (format: number) => number;
}

/** Edits by 0-based row, then 0-based column, as the grid counts them. */
export type SheetEdits = Map<number, Map<number, CellEdit>>;

/** The style of each column range that has one (<col min max style>), for cells not yet written. */
function columnFormats(xml: string, prefix: string): { min: number; max: number; style: number }[] {
  const cols = firstElement(xml, `${prefix}cols`);
  if (!cols) return [];
  // <col> counts from 1; the grid from 0.
  return [...elements(xml, `${prefix}col`, cols.openEnd, cols.contentEnd)].map((col) => ({
    min: Number(attribute(col.tag, "min")) - 1,
    max: Number(attribute(col.tag, "max")) - 1,
    style: Number(attribute(col.tag, "style") ?? 0),
  }));
}

function numberCell(prefix: string, ref: string, format: number, value: string): string {
  return `<${prefix}c r="${ref}" s="${format}"><${prefix}v>${value}</${prefix}v></${prefix}c>`;
}

class SheetPatcher {
  private readonly prefix: string;
  private readonly columns: { min: number; max: number; style: number }[];

  constructor(private readonly xml: string) {
    this.prefix = prefixOf(xml, "worksheet");
    this.columns = columnFormats(xml, this.prefix);
  }

  /** The format a cell that is not written yet shows: its row's, else its column's. */
  private inheritedFormat(rowTag: string | null, col: number): number {
    const custom = rowTag ? attribute(rowTag, "customFormat") : undefined;
    if (rowTag && (custom === "1" || custom === "true")) return Number(attribute(rowTag, "s") ?? 0);
    return this.columns.find((c) => c.min <= col && col <= c.max)?.style ?? 0;
  }

  private newCell(ref: string, edit: CellEdit, rowTag: string | null, col: number): string {
    const format = edit.restyle(this.inheritedFormat(rowTag, col));
    return edit.value === undefined || edit.value === null ? `<${this.prefix}c r="${ref}" s="${format}"/>` : numberCell(this.prefix, ref, format, edit.value);
  }

  private newRow(row: number, cells: Map<number, CellEdit>): string {
    const content = [...cells.keys()]
      .sort((a, b) => a - b)
      .map((col) => this.newCell(cellAddress(row, col), cells.get(col)!, null, col))
      .join("");
    return `<${this.prefix}row r="${row + 1}">${content}</${this.prefix}row>`;
  }

  /** One existing row with its edited cells replaced or inserted in column order. */
  private patchRow(start: number, end: number, rowTag: string, selfClosing: boolean, row: number, cells: Map<number, CellEdit>): string {
    const p = this.prefix;
    // A row's spans attribute is only a hint, and would be wrong once a cell is added.
    const tag = openingTag(withoutAttribute(rowTag, "spans"));
    const pending = [...cells.keys()].sort((a, b) => a - b);
    const out: string[] = [tag];
    let at = start + rowTag.length;
    let col = -1;
    if (!selfClosing) {
      const contentEnd = end - `</${p}row>`.length;
      for (const c of elements(this.xml, `${p}c`, at, contentEnd)) {
        const ref = attribute(c.tag, "r");
        col = (ref !== undefined ? parseCellAddress(ref)?.col : undefined) ?? col + 1;
        while (pending.length > 0 && pending[0] < col) {
          const before = pending.shift()!;
          out.push(this.xml.slice(at, c.start), this.newCell(cellAddress(row, before), cells.get(before)!, rowTag, before));
          at = c.start;
        }
        if (pending[0] === col) {
          pending.shift();
          const edit = cells.get(col)!;
          const format = edit.restyle(Number(attribute(c.tag, "s") ?? 0));
          out.push(this.xml.slice(at, c.start));
          if (edit.value === undefined) out.push(withAttribute(c.tag, "s", String(format)), this.xml.slice(c.openEnd, c.end));
          else if (edit.value === null) out.push(`<${p}c r="${ref ?? cellAddress(row, col)}" s="${format}"/>`);
          else out.push(numberCell(p, ref ?? cellAddress(row, col), format, edit.value));
          at = c.end;
        }
      }
      out.push(this.xml.slice(at, contentEnd));
    }
    for (const after of pending) out.push(this.newCell(cellAddress(row, after), cells.get(after)!, rowTag, after));
    out.push(`</${p}row>`);
    return out.join("");
  }

  apply(edits: SheetEdits): string {
    const p = this.prefix;
    const sheetData = firstElement(this.xml, `${p}sheetData`);
    if (!sheetData) return this.xml; // not a worksheet we can write into
    const pending = [...edits.keys()].sort((a, b) => a - b);
    const out: string[] = [this.xml.slice(0, sheetData.start), openingTag(sheetData.tag)];
    let at = sheetData.openEnd;
    let row = -1;
    if (!sheetData.selfClosing) {
      for (const r of elements(this.xml, `${p}row`, sheetData.openEnd, sheetData.contentEnd)) {
        if (pending.length === 0) break;
        const written = Number(attribute(r.tag, "r"));
        row = written > 0 ? written - 1 : row + 1;
        while (pending.length > 0 && pending[0] < row) {
          const before = pending.shift()!;
          out.push(this.xml.slice(at, r.start), this.newRow(before, edits.get(before)!));
          at = r.start;
        }
        if (pending[0] === row) {
          pending.shift();
          out.push(this.xml.slice(at, r.start), this.patchRow(r.start, r.end, r.tag, r.selfClosing, row, edits.get(row)!));
          at = r.end;
        }
      }
    }
    const contentEnd = sheetData.selfClosing ? sheetData.openEnd : sheetData.contentEnd;
    out.push(this.xml.slice(at, contentEnd));
    for (const after of pending) out.push(this.newRow(after, edits.get(after)!));
    out.push(sheetData.selfClosing ? `</${p}sheetData>` + this.xml.slice(sheetData.end) : this.xml.slice(contentEnd));
    return out.join("");
  }
}

/** The sheet's XML with the edits applied. */
export function patchSheet(xml: string, edits: SheetEdits): string {
  return new SheetPatcher(xml).apply(edits);
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
