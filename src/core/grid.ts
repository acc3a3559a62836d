/**
 * The sheet-grid model: what every host hands to the core. Rows and columns are 0-based here;
 * addresses shown to people ("H24") are made with `cellAddress`.
 */

/** An Excel error value such as #DIV/0!, kept as a value to report rather than thrown. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | CellError | null;

export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** One worksheet as a host read it. Not changed after reading: the core keeps views of it (viewOf). */
export interface SheetGrid {
  name: string;
  /** values[row][col]; a merged area holds its value in its top-left cell only. Rows may be ragged. */
  values: CellValue[][];
  /** numFmts[row][col]: the cell's number format code ("0.00%", "General"), when known. */
  numFmts: (string | undefined)[][];
  merges: MergeRange[];
  /**
   * Merged areas the file holds that overlap another, as it writes them ("A1:XFD1048576"): not in
   * `merges` (a damaged file: see src/xlsx/reader.ts withoutOverlaps). Absent: none.
   */
  droppedMerges?: string[];
  /**
   * formulas[row][col] is set where the cell holds a formula: its value is the formula's cached
   * result, and the cell is never written into, even when that result is blank. A string is the
   * formula's text without its "=" ("SUM(H5:H20)"), `true` a formula whose text the host does not
   * know. Absent: no formulas known.
   */
  formulas?: (boolean | string | undefined)[][];
  /**
   * unknownResults[row][col] is true where a formula cell's file holds no result for it (openpyxl
   * and Apache POI write `<f>` without a `<v>`): its value, null, is not known, which is not blank.
   * Absent: every formula's result is known (Excel's own files, the add-in's host).
   */
  unknownResults?: (boolean | undefined)[][];
  /**
   * The sheet is hidden (or very hidden) in the workbook: its forms are not checked, as a unit hides
   * last year's form or the lists behind its drop-downs there. Absent: visible.
   */
  hidden?: true;
  /**
   * The sheet's hidden columns, as runs of columns (0-based, in order, apart: hiddenColumnRuns): a
   * unit reusing last year's workbook hides last year's 实际完成值, a mid-year 全年执行数, old 得分
   * or last year's whole form beside this year's. A field headed in a visible and a hidden column
   * is read in the visible one; a form whose columns are all hidden is not checked, as a hidden
   * sheet's is not (src/core/detect.ts, hiddenForms). Absent: none hidden, or the host does not read them.
   */
  hiddenColumns?: ColumnRun[];
  /**
   * The sheet's tables (ListObjects), for a 总分 that reads one by its structured reference
   * (=SUBTOTAL(109,指标表[得分])). Absent: none, or the host does not read them.
   */
  tables?: SheetTable[];
}

/** Columns `first` to `last` (0-based, both included). */
export interface ColumnRun {
  first: number;
  last: number;
}

/**
 * Runs of columns in order, overlapping or touching ones joined: what SheetGrid.hiddenColumns
 * holds, from a host's runs (an .xlsx's <col min max hidden>) or single columns (Office.js's).
 */
export function hiddenColumnRuns(runs: ColumnRun[]): ColumnRun[] {
  const joined: ColumnRun[] = [];
  for (const run of [...runs].sort((a, b) => a.first - b.first)) {
    const last = joined[joined.length - 1];
    if (last !== undefined && run.first <= last.last + 1) last.last = Math.max(last.last, run.last);
    else joined.push({ first: run.first, last: run.last });
  }
  return joined;
}

/** A table on a sheet: its name, its whole range (header, data and totals rows) and its columns' names. */
export interface SheetTable {
  name: string;
  ref: MergeRange;
  columns: string[];
  headerRows: number;
  totalsRows: number;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  /** Names of the workbook's other sheets (chart sheets), which hold no cells but take their names. */
  otherSheetNames?: string[];
  /** The JSON text of jixiao's record in the workbook (src/core/state.ts), when it has one. */
  state?: string;
  /**
   * The file's zip entries whose names are no part names (../../evil.txt, /xl/theme/theme1.xml), as
   * it writes them: not read, and not in a copy (src/xlsx/package.ts isPartName). Absent: none.
   */
  droppedEntries?: string[];
}

export function isCellError(value: CellValue | undefined): value is CellError {
  return typeof value === "object" && value !== null && "error" in value;
}

/** Columns in a sheet, A to XFD. */
export const SHEET_COLUMNS = 16384;
export const SHEET_ROWS = 1048576;

/** One number per cell of a sheet (0-based row and column), for maps keyed by cell. */
export function cellKey(row: number, col: number): number {
  return row * SHEET_COLUMNS + col;
}

export function columnLetters(col: number): string {
  let letters = "";
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "H24" for row 23, col 7. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

export function rangeAddress(range: MergeRange): string {
  return `${cellAddress(range.top, range.left)}:${cellAddress(range.bottom, range.right)}`;
}

/** What Excel tells sheet names apart by: it takes two names that differ only in letter case for the same sheet. */
export const sheetNameKey = (name: string): string => name.toLowerCase();

export const sameSheetName = (a: string, b: string): boolean => sheetNameKey(a) === sheetNameKey(b);

/** A sheet name as formulas and addresses quote it, always: '综合得分(2)', 'Bob''s'. */
export function quotedSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** "'综合得分'!$B$10:$B$12", or "'表1'!$B$5" for one cell: a range that stays put wherever the
 * formula, chart series or defined name referring to it is copied. */
export function absoluteReference(sheet: string, range: MergeRange): string {
  const corner = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  const first = corner(range.top, range.left);
  const single = range.top === range.bottom && range.left === range.right;
  return `${quotedSheetName(sheet)}!${single ? first : `${first}:${corner(range.bottom, range.right)}`}`;
}

/** "$5:$5": whole rows (0-based `top` to `bottom`), as print titles name them on their sheet. */
export function wholeRows(top: number, bottom: number): string {
  return `$${top + 1}:$${bottom + 1}`;
}

/** "'综合得分'!$5:$5": whole rows of a sheet, as a workbook's print titles name them. */
export function absoluteRows(sheet: string, top: number, bottom: number): string {
  return `${quotedSheetName(sheet)}!${wholeRows(top, bottom)}`;
}

/** Parses "H24" (or "$H$24") into 0-based row and column; undefined when it is not an address. */
export function parseCellAddress(address: string): { row: number; col: number } | undefined {
  // By character codes: the writer parses every cell reference of the rows it edits.
  const text = address.trim();
  let i = text.charCodeAt(0) === 36 ? 1 : 0; // "$"
  let col = 0;
  const lettersFrom = i;
  for (; i < text.length && i - lettersFrom < 4; i++) {
    const c = text.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  const letters = i - lettersFrom;
  if (letters === 0 || letters > 3) return undefined;
  if (text.charCodeAt(i) === 36) i++;
  if (i === text.length) return undefined;
  let row = 0;
  for (; i < text.length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    row = row * 10 + d;
  }
  return { row: row - 1, col: col - 1 };
}

/** Parses "A1:G3" (or a single cell) into a range. */
export function parseRangeAddress(address: string): MergeRange | undefined {
  const [from, to = from] = address.split(":");
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * Read access to one sheet that understands merged areas: `value` answers for any cell of a merged
 * area with the area's top-left value, and `origin` says which cell really holds it.
 */
export class SheetView {
  readonly rowCount: number;
  readonly colCount: number;
  /**
   * mergesByRow[row]: the merged areas crossing that row, usually none or a few. Rows past the
   * last one with a value are left out, so a merge down a whole column costs nothing.
   */
  private readonly mergesByRow: (MergeRange[] | undefined)[] = [];

  constructor(readonly sheet: SheetGrid) {
    this.rowCount = sheet.values.length;
    this.colCount = sheet.values.reduce((max, row) => Math.max(max, row?.length ?? 0), 0);
    for (const merge of sheet.merges) {
      const last = Math.min(merge.bottom, this.rowCount - 1);
      for (let r = merge.top; r <= last; r++) (this.mergesByRow[r] ??= []).push(merge);
    }
  }

  /**
   * How many columns the row holds values in, at most: loops over a row stop here, so one stray
   * cell far right (XFD1) or far down does not make every row 16,384 columns wide.
   */
  rowLength(row: number): number {
    return this.sheet.values[row]?.length ?? 0;
  }

  /** The merged area this cell belongs to, if any. */
  mergeAt(row: number, col: number): MergeRange | undefined {
    const merges = this.mergesByRow[row];
    if (merges === undefined) return undefined;
    // Indexed, not for…of: the most called function of the core, and an iterator costs a call per
    // step until the engine has optimised it (a run over one workbook is over by then).
    for (let i = 0; i < merges.length; i++) {
      const merge = merges[i];
      if (merge.left <= col && col <= merge.right) return merge;
    }
    return undefined;
  }

  /** The cell that holds the value shown at (row, col): the top-left of its merged area, or itself. */
  origin(row: number, col: number): { row: number; col: number } {
    const merge = this.mergeAt(row, col);
    return merge ? { row: merge.top, col: merge.left } : { row, col };
  }

  // originRow, originCol and isOrigin answer the same without allocating: detection asks them for
  // every cell of every sheet.
  originRow(row: number, col: number): number {
    return this.mergeAt(row, col)?.top ?? row;
  }

  originCol(row: number, col: number): number {
    return this.mergeAt(row, col)?.left ?? col;
  }

  /** Whether the cell holds its own value: it is not inside a merged area, or is its top-left cell. */
  isOrigin(row: number, col: number): boolean {
    const merge = this.mergeAt(row, col);
    return merge === undefined || (merge.top === row && merge.left === col);
  }

  /**
   * The value a row holds in a column of its own: the cell's value, or that of a merged area that
   * starts in this row; null for a merged area continuing from a row above.
   */
  rowValue(row: number, col: number): CellValue {
    const merge = this.mergeAt(row, col);
    if (merge === undefined) return this.raw(row, col);
    return merge.top === row ? this.raw(row, merge.left) : null;
  }

  /** The raw value stored in the cell itself (null for the non-origin cells of a merged area). */
  raw(row: number, col: number): CellValue {
    return this.sheet.values[row]?.[col] ?? null;
  }

  /** The value shown at (row, col), following merged areas. */
  value(row: number, col: number): CellValue {
    const merge = this.mergeAt(row, col);
    return merge ? this.raw(merge.top, merge.left) : this.raw(row, col);
  }

  /** Whether the column is hidden (SheetGrid.hiddenColumns). */
  columnHidden(col: number): boolean {
    return this.hiddenRunAt(col) !== undefined;
  }

  /** The run of hidden columns holding `col`, if it is hidden. */
  hiddenRunAt(col: number): ColumnRun | undefined {
    return this.sheet.hiddenColumns?.find((run) => run.first <= col && col <= run.last);
  }

  /** Whether the cell holds a formula (so nothing may be written into it). */
  isFormula(row: number, col: number): boolean {
    const formula = this.sheet.formulas?.[row]?.[col];
    return formula !== undefined && formula !== false;
  }

  /** Whether the cell is a formula whose result the file does not hold (SheetGrid.unknownResults). */
  resultUnknown(row: number, col: number): boolean {
    return this.sheet.unknownResults?.[row]?.[col] === true;
  }

  /** The formula's text without "=" when the host knows it ("SUM(H5:H20)"). */
  formulaText(row: number, col: number): string | undefined {
    const formula = this.sheet.formulas?.[row]?.[col];
    return typeof formula === "string" ? formula : undefined;
  }

  numFmt(row: number, col: number): string | undefined {
    return this.sheet.numFmts[this.originRow(row, col)]?.[this.originCol(row, col)];
  }

  /** The shown value as trimmed text ("" for empty); numbers as their plain decimal text. */
  text(row: number, col: number): string {
    return cellText(this.value(row, col));
  }

  /** The text the cell holds of its own: "" for a merged area's cells but its top-left one. */
  ownText(row: number, col: number): string {
    return this.isOrigin(row, col) ? cellText(this.raw(row, col)) : "";
  }
}

const views = new WeakMap<SheetGrid, SheetView>();

/**
 * The one SheetView of a sheet, made on first asking: detection, the rules, the fixes, the marks
 * and the summary all read the same grid, and a view costs a pass over its rows and merges. A grid
 * is not changed after a host has read it (a scored copy is written from the writes, never into the
 * grid), so a view made once stays true; keyed by the grid object, it goes when the grid goes.
 */
export function viewOf(sheet: SheetGrid): SheetView {
  let view = views.get(sheet);
  if (view === undefined) {
    view = new SheetView(sheet);
    views.set(sheet, view);
  }
  return view;
}

/** Each sheet's view by the sheet's name. */
export function viewsByName(grid: WorkbookGrid): Map<string, SheetView> {
  return new Map(grid.sheets.map((sheet) => [sheet.name, viewOf(sheet)]));
}

export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value.error;
}
