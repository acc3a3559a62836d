/**
 * Writes a NEW .xlsx from a plain model: sheets of columns and rows, text inline (never a formula),
 * numbers as their exact decimal text, a small fixed set of styles (header, borders, number
 * formats, a shaded bold cell that marks something), a frozen header, an AutoFilter over it, print
 * setup (A4 landscape, fit to the page's width, a print area of the leading columns, the header
 * repeated on every page, page numbers) and an optional bar chart per sheet.
 *
 * The package is streamed through fflate's Zip a row batch at a time, so a review of a million
 * findings never becomes one string; it runs the same in Node and in browsers.
 */
import { Zip, ZipDeflate } from "fflate";
import { absoluteReference, absoluteRows, columnLetters } from "../core/grid";
import { cutToCell } from "../core/sheet-text";
import { wrappedLines } from "../core/text-width";
import { BarChart, barChartXml, chartDrawingXml } from "./bar-chart";
import { concatBytes } from "./bytes";
import { DEFLATE_LEVEL } from "./codec";
import { blankCell, numberCell, textCell } from "./cell-xml";
import { escapeAttribute, escapeXml, escapeXstring } from "./xml-escape";

/**
 * How a column's cells look: text, text wrapped in its width, or a number format. `money` shows
 * two decimals and up to four more when the amount has them: 万元 converted from 元 down to the fen.
 */
export type ColumnKind = "text" | "wrap" | "integer" | "decimal" | "percent" | "money";

export interface NewColumn {
  title: string;
  /** Width in characters (a Chinese character counts about two). */
  width: number;
  kind: ColumnKind;
}

/** A number is written as a number, a string as text unless its column is numeric and it is a plain decimal. */
export type NewCellValue = string | number | null;
/** A value shown shaded and bold, to be seen among the others (also printed in black and white). */
export interface MarkedCell {
  marked: NewCellValue;
}
export type NewCell = NewCellValue | MarkedCell;

const valueOf = (cell: NewCell | undefined): NewCellValue => (cell !== null && typeof cell === "object" ? cell.marked : (cell ?? null));

/** A table: a header row of column titles, then its rows. */
export interface NewTable {
  columns: NewColumn[];
  /** The rows below the header, each as long as `columns` or shorter. */
  rows: Iterable<NewCell[]>;
}

/**
 * A sheet: its first table (header frozen, repeated on every printed page, filterable), and more
 * tables below it, each after a blank row with a header of its own.
 */
export interface NewSheet extends NewTable {
  name: string;
  below?: NewTable[];
  /** A filter button on each header cell of the first table. */
  autoFilter: boolean;
  /** Printed at the top of every page (the header row repeats below it). */
  printTitle: string;
  /** The whole printed header in Excel's header codes, in place of the title alone (the review's folder, title, date). */
  pageHeader?: string;
  /** Printed at the foot of every page, in Excel's header and footer codes: "Page &P of &N". */
  pageFooter: string;
  /**
   * The leading columns printed (the print area), where those after them are for the screen only;
   * all of them by default. Only the printed columns size a row (see rowHeight): give the others a
   * kind that does not wrap (`text`), so that Excel does not grow a row for them either.
   */
  printColumns?: number;
  chart?: BarChart;
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
/** Rows encoded and deflated together: large enough to keep the deflater busy, small enough to stream. */
const ROWS_PER_CHUNK = 500;

// cellXfs indices of STYLES_XML below.
const HEADER_STYLE = 1;
const KIND_STYLE: Record<ColumnKind, number> = { text: 2, wrap: 3, integer: 4, decimal: 5, percent: 6, money: 7 };
/** A marked cell's style: its kind's, shaded and bold (cellXfs 8–13). */
const MARKED_OFFSET = 6;
const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/** The kinds' styles 2–7 again, shaded and bold: a marked cell's. Numbers never wrap: text in their columns (—（无法计算）) does. */
const MARKED_XFS = [0, 0, 1, 2, 164, 165]
  .map(
    (format, i) =>
      `<xf numFmtId="${format}" fontId="1" fillId="3" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">` +
      `<alignment vertical="top"${i === 0 ? "" : ` wrapText="1"`}/></xf>`,
  )
  .join("");

const STYLES_XML =
  XML_HEAD +
  `<styleSheet xmlns="${MAIN_NS}">` +
  `<numFmts count="2"><numFmt numFmtId="164" formatCode="0.00%"/><numFmt numFmtId="165" formatCode="#,##0.00####"/></numFmts>` +
  `<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font>` +
  `<font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>` +
  `<fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
  `<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill>` +
  `<fill><patternFill patternType="solid"><fgColor rgb="FFF8CBAD"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
  `<border><left style="thin"><color rgb="FF808080"/></left><right style="thin"><color rgb="FF808080"/></right>` +
  `<top style="thin"><color rgb="FF808080"/></top><bottom style="thin"><color rgb="FF808080"/></bottom><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="14">` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top"/></xf>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="1" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="2" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  MARKED_XFS +
  `</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** A cell as the copy's sheets write theirs (sheet-part.ts), without a prefix. */
function cellXml(ref: string, value: NewCellValue, style: number, numeric: boolean): string {
  if (value === null || value === "") return blankCell("", ref, style);
  if (typeof value === "number" && Number.isFinite(value)) return numberCell("", ref, style, String(value));
  const text = String(value);
  // Exact decimals stay as written ("106.47", never 106.46999…).
  if (numeric && PLAIN_DECIMAL.test(text)) return numberCell("", ref, style, text);
  // A huge text (a damaged file's note naming what it passed over) would make the workbook one Excel refuses.
  return textCell("", ref, style, cutToCell(text));
}

/** Points a line of the sheets' 11-point text takes: their default row height. */
const LINE_HEIGHT = 15;
const MAX_ROW_HEIGHT = 409;

/**
 * A row's height where a wrapped cell (a header's, one of a `wrap` column, or words in a number's
 * column) takes more lines than one in its column's `widths`: LibreOffice does not grow a row on opening, and a long path or
 * finding would be printed over the row below (review round 49b). Only the `printed` leading
 * columns count: a path on screen only made one-line rows print two or three lines tall, 汇总 on
 * twice the pages (review round 57d F3).
 */
function rowHeight(cells: NewCell[], columns: NewColumn[], widths: number[], header: boolean, printed: number): string {
  let lines = 1;
  columns.slice(0, printed).forEach((column, c) => {
    const value = valueOf(cells[c]);
    const wraps = header || column.kind === "wrap" || (column.kind !== "text" && !PLAIN_DECIMAL.test(value as string));
    if (typeof value === "string" && wraps) lines = Math.max(lines, wrappedLines(value, widths[c]));
  });
  // Two points more, as the 综合得分 sheet's rows have (LibreOffice clips a last line set exactly),
  // and no more than Excel's highest row, 409 points.
  return lines > 1 ? ` ht="${Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 2)}" customHeight="1"` : "";
}

function rowXml(index: number, cells: NewCell[], columns: NewColumn[], widths: number[], header: boolean, printed: number): string {
  let xml = `<row r="${index + 1}"${rowHeight(cells, columns, widths, header, printed)}>`;
  for (let c = 0; c < columns.length; c++) {
    const kind = columns[c].kind;
    const cell = cells[c];
    const marked = cell !== null && typeof cell === "object";
    const style = header ? HEADER_STYLE : KIND_STYLE[kind] + (marked ? MARKED_OFFSET : 0);
    xml += cellXml(`${columnLetters(c)}${index + 1}`, valueOf(cell), style, !header && kind !== "text" && kind !== "wrap");
  }
  return xml + `</row>`;
}

/** Each column's width: the widest its tables give it. */
function columnWidths(sheet: NewSheet): number[] {
  const widths: number[] = [];
  for (const table of [sheet, ...(sheet.below ?? [])]) table.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.width)));
  return widths;
}

/** The worksheet part before its rows, its columns `widths` wide. */
function sheetHead(widths: number[]): string {
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  return (
    XML_HEAD +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="${LINE_HEIGHT}"/><cols>${cols}</cols><sheetData>`
  );
}

/** `lastRow`: the first table's last row, which its AutoFilter covers. */
function sheetTail(sheet: NewSheet, lastRow: number, hasDrawing: boolean): string {
  const lastCol = columnLetters(sheet.columns.length - 1);
  const filter = sheet.autoFilter ? `<autoFilter ref="A1:${lastCol}${lastRow + 1}"/>` : "";
  return (
    `</sheetData>${filter}` +
    `<printOptions horizontalCentered="1"/>` +
    `<pageMargins left="0.3" right="0.3" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    // A4 (paperSize 9), landscape, as wide as one page and as many pages down as it takes.
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    // A header's text is a cell string's kind: a folder named with a literal _xHHHH_ escaped as Excel escapes it.
    `<headerFooter><oddHeader>${escapeXstring(sheet.pageHeader ?? `&C&"-,Bold"${sheet.printTitle}`)}</oddHeader>` +
    `<oddFooter>&amp;C${escapeXstring(sheet.pageFooter)}</oddFooter></headerFooter>` +
    (hasDrawing ? `<drawing r:id="rId1"/>` : "") +
    `</worksheet>`
  );
}

/** `lastRows`: each sheet's first table's last row; `ends`: each sheet's last row. */
function workbookXml(sheets: NewSheet[], lastRows: number[], ends: number[]): string {
  const names = sheets.map((s, i) => {
    const titles = `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(absoluteRows(s.name, 0, 0))}</definedName>`;
    const range = escapeXml(absoluteReference(s.name, { top: 0, left: 0, bottom: lastRows[i], right: s.columns.length - 1 }));
    const filter = s.autoFilter ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${range}</definedName>` : "";
    // Excel lists a sheet's defined names in this order: _FilterDatabase, Print_Area, Print_Titles.
    const area =
      s.printColumns === undefined
        ? ""
        : `<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeXml(absoluteReference(s.name, { top: 0, left: 0, bottom: ends[i], right: s.printColumns - 1 }))}</definedName>`;
    return filter + area + titles;
  });
  return (
    XML_HEAD +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${escapeAttribute(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    `</sheets><definedNames>${names.join("")}</definedNames></workbook>`
  );
}

function relationshipsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL_NS}">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${REL_NS}/${r.type}" Target="${r.target}"/>`).join("") +
    `</Relationships>`
  );
}

function contentTypesXml(sheetCount: number, charts: number[]): string {
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${type}"/>`;
  let xml =
    XML_HEAD +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    override("xl/workbook.xml", "spreadsheetml.sheet.main+xml") +
    override("xl/styles.xml", "spreadsheetml.styles+xml");
  for (let i = 1; i <= sheetCount; i++) xml += override(`xl/worksheets/sheet${i}.xml`, "spreadsheetml.worksheet+xml");
  for (const n of charts) {
    xml += override(`xl/drawings/drawing${n}.xml`, "drawing+xml") + override(`xl/charts/chart${n}.xml`, "drawingml.chart+xml");
  }
  return xml + `</Types>`;
}

/**
 * Streams the workbook's package to `sink` (chunks in order; `final` on the last). The rows of each
 * sheet are read once, as they are written.
 */
export function writeNewWorkbook(sheets: NewSheet[], sink: (chunk: Uint8Array, final: boolean) => void): void {
  if (sheets.length === 0) throw new Error("writeNewWorkbook: a workbook needs a sheet");
  const encoder = new TextEncoder();
  let failure: Error | null = null;
  const zip = new Zip((error, chunk, final) => {
    if (error) failure = error;
    else sink(chunk, final);
  });
  const part = (name: string, text: string) => {
    const file = new ZipDeflate(name, { level: DEFLATE_LEVEL });
    zip.add(file);
    file.push(encoder.encode(text), true);
  };

  // Parts are numbered by their sheet: sheet 3's chart is chart3.xml.
  const charts = sheets.flatMap((s, i) => (s.chart ? [i + 1] : []));
  part("[Content_Types].xml", contentTypesXml(sheets.length, charts));
  const lastRows: number[] = [];
  const ends: number[] = [];
  sheets.forEach((sheet, i) => {
    const file = new ZipDeflate(`xl/worksheets/sheet${i + 1}.xml`, { level: DEFLATE_LEVEL });
    zip.add(file);
    const widths = columnWidths(sheet);
    let batch = sheetHead(widths);
    let index = -1;
    let filtered = 0;
    const printed = sheet.printColumns ?? widths.length;
    for (const table of [sheet, ...(sheet.below ?? [])]) {
      if (index >= 0) index++; // the blank row between tables
      batch += rowXml(++index, table.columns.map((c) => c.title), table.columns, widths, true, printed);
      for (const cells of table.rows) {
        batch += rowXml(++index, cells, table.columns, widths, false, printed);
        if (index % ROWS_PER_CHUNK === 0) {
          file.push(encoder.encode(batch));
          batch = "";
        }
      }
      if (table === sheet) filtered = index;
    }
    lastRows.push(filtered);
    ends.push(index);
    file.push(encoder.encode(batch + sheetTail(sheet, filtered, sheet.chart !== undefined)), true);
    if (sheet.chart) {
      const n = i + 1;
      part(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, relationshipsXml([{ id: "rId1", type: "drawing", target: `../drawings/drawing${n}.xml` }]));
      part(`xl/drawings/drawing${n}.xml`, chartDrawingXml(sheet.chart, "rId1"));
      part(`xl/drawings/_rels/drawing${n}.xml.rels`, relationshipsXml([{ id: "rId1", type: "chart", target: `../charts/chart${n}.xml` }]));
      part(`xl/charts/chart${n}.xml`, barChartXml(sheet.name, sheet.chart));
    }
  });
  part("xl/workbook.xml", workbookXml(sheets, lastRows, ends));
  part(
    "xl/_rels/workbook.xml.rels",
    relationshipsXml([
      ...sheets.map((_, i) => ({ id: `rId${i + 1}`, type: "worksheet", target: `worksheets/sheet${i + 1}.xml` })),
      { id: `rId${sheets.length + 1}`, type: "styles", target: "styles.xml" },
    ]),
  );
  part("xl/styles.xml", STYLES_XML);
  part("_rels/.rels", relationshipsXml([{ id: "rId1", type: "officeDocument", target: "xl/workbook.xml" }]));
  zip.end();
  if (failure) throw failure;
}

/** The whole workbook as bytes (for a download in the browser, or a small file). */
export function newWorkbookBytes(sheets: NewSheet[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  writeNewWorkbook(sheets, (chunk) => chunks.push(chunk));
  return concatBytes(chunks);
}
