/**
 * The in-memory workbook behind the fake Excel object model (fake-excel.ts): plain data that the
 * proxies read and change when a batch runs, and that tests and the playground inspect directly.
 * It models the limits our adapters must respect: 5 MB requests and responses (Excel on the web),
 * 512 merged areas per getMergedAreas call, 5 million cells per get, protection, and API versions.
 */
import { CellValue, ColumnRun, MergeRange, SheetGrid, WorkbookGrid, SHEET_COLUMNS, cellAddress, cellKey as key, rangeAddress, sameSheetName } from "../core/grid";
import { ExcelScalar, fromExcelValue, toExcelValue } from "../excel/values";

export type { ExcelScalar };

export interface FakeCell {
  /** What Range.values shows: for a formula, its (cached) result, "" when it has none. */
  value: ExcelScalar;
  /** The formula ("=IF(D2=0,\"\",E2/D2)") when the cell holds one; a value written over it replaces it. */
  formula?: string;
  numberFormat: string;
  /** "#RRGGBB", or null for no fill. */
  fill: string | null;
  /** Other formatting, by Office.js path: "font/bold", "borders/EdgeTop/style", "horizontalAlignment"… */
  style: Record<string, unknown>;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  categories: string | null;
  values: string | null;
  valueAxisNumberFormat: string | null;
  valueAxisMinimum: number | null;
  valueAxisMaximum: number | null;
  /** The bars' labels, as set (showValue, numberFormat); null when none were. */
  dataLabels: { showValue?: boolean; numberFormat?: string } | null;
  categoryAxisReversed: boolean;
  position: string | null;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

/** What an onChanged handler receives (the fields of Excel.WorksheetChangedEventArgs the fake fills). */
export interface FakeChangeEvent {
  type: "WorksheetChanged";
  source: "Local" | "Remote";
  changeType: "RangeEdited";
  worksheetId: string;
  address: string;
  /** "ThisLocalAddin" for a change the add-in itself made (ExcelApi 1.14). */
  triggerSource: "ThisLocalAddin" | "Unknown";
}

export interface FakeLimits {
  requestBytes: number;
  responseBytes: number;
  /** getMergedAreasOrNullObject fails above this many areas. */
  mergedAreas: number;
  /** Range.values comes back null above this many cells. */
  getCells: number;
}

export const WEB_LIMITS: FakeLimits = { requestBytes: 5_000_000, responseBytes: 5_000_000, mergedAreas: 512, getCells: 5_000_000 };

/** The error Office.js rejects a sync with: `code` is what adapters look at. */
export class FakeRichApiError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
  }
}


export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  merges: MergeRange[] = [];
  readonly charts: FakeChart[] = [];
  /** Notes (ExcelApi 1.18) by cell key, their plain text. */
  readonly notes = new Map<number, string>();
  readonly columnWidths = new Map<number, number>();
  freezeRows = 0;
  readonly rowHeights = new Map<number, number>();
  /** Page setup (worksheet.pageLayout, ExcelApi 1.9): what was set, by property name. */
  readonly pageLayout: { paperSize?: string; orientation?: string; zoom?: Excel.PageLayoutZoomOptions; printTitleRows?: string; centerFooter?: string } = {};
  visibility: Visibility = "Visible";
  protected = false;
  /** Hidden columns (Range.columnHidden), as runs: what getColumnProperties answers. */
  hiddenColumns: ColumnRun[] = [];

  constructor(public name: string) {}

  columnHidden(col: number): boolean {
    return this.hiddenColumns.some((run) => run.first <= col && col <= run.last);
  }

  cell(row: number, col: number): FakeCell | undefined {
    return this.cells.get(key(row, col));
  }

  /** The cell, created blank when it does not exist yet (for writing). */
  cellForWrite(row: number, col: number): FakeCell {
    let cell = this.cells.get(key(row, col));
    if (!cell) {
      cell = { value: "", numberFormat: "General", fill: null, style: {} };
      this.cells.set(key(row, col), cell);
    }
    return cell;
  }

  /** Every stored cell with its position, in no particular order. */
  *entries(): IterableIterator<{ row: number; col: number; cell: FakeCell }> {
    for (const [k, cell] of this.cells) yield { row: Math.floor(k / SHEET_COLUMNS), col: k % SHEET_COLUMNS, cell };
  }

  /** Smallest rectangle holding every cell with a value or formula (valuesOnly) or with anything at all. */
  usedRect(valuesOnly: boolean): MergeRange | undefined {
    let rect: MergeRange | undefined;
    for (const [k, cell] of this.cells) {
      const used = cell.value !== "" || cell.formula !== undefined || (!valuesOnly && (cell.fill !== null || cell.numberFormat !== "General" || Object.keys(cell.style).length > 0));
      if (!used) continue;
      const row = Math.floor(k / SHEET_COLUMNS);
      const col = k % SHEET_COLUMNS;
      rect = rect
        ? { top: Math.min(rect.top, row), left: Math.min(rect.left, col), bottom: Math.max(rect.bottom, row), right: Math.max(rect.right, col) }
        : { top: row, left: col, bottom: row, right: col };
    }
    return rect;
  }
}

export interface FakeWorkbookOptions {
  /** Highest supported ExcelApi 1.x minor version (default 13). */
  apiMinor?: number;
  limits?: Partial<FakeLimits>;
  /** Fill colours by sheet name and A1 address. */
  fills?: Record<string, Record<string, string>>;
  /** Notes by sheet name and A1 address. */
  notes?: Record<string, Record<string, string>>;
}

/** A plain, comparable picture of the workbook for test assertions. */
export interface WorkbookSnapshot {
  sheets: {
    name: string;
    visibility: Visibility;
    /** `formula` is present only on formula cells. */
    cells: Record<string, { value: ExcelScalar; formula?: string; numberFormat: string; fill: string | null }>;
    merges: string[];
    charts: number;
    /** Notes by A1 address. */
    notes: Record<string, string>;
  }[];
  settings: Record<string, unknown>;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly settings = new Map<string, unknown>();
  /** Custom XML parts (workbook.customXmlParts), in the order they were added. */
  readonly customXmlParts: { id: string; xml: string }[] = [];
  protected = false;
  activeSheet = "";
  selection: { sheet: string; address: string } | null = null;
  /** Every sync of every context over this workbook, including failed ones. */
  syncCount = 0;
  /** Counts of suspendScreenUpdatingUntilNextSync / suspendApiCalculationUntilNextSync calls. */
  readonly suspended = { screen: 0, calculation: 0 };
  apiMinor: number;
  limits: FakeLimits;
  private readonly listeners: (() => void)[] = [];
  /** Handlers registered through worksheets.onChanged (ExcelApi 1.9). */
  readonly changeHandlers = new Set<(event: FakeChangeEvent) => unknown>();

  constructor(options: FakeWorkbookOptions = {}) {
    this.apiMinor = options.apiMinor ?? 13;
    this.limits = { ...WEB_LIMITS, ...options.limits };
  }

  static fromGrid(grid: WorkbookGrid, options: FakeWorkbookOptions = {}): FakeWorkbook {
    const book = new FakeWorkbook(options);
    for (const sheetGrid of grid.sheets) {
      const sheet = book.addSheet(sheetGrid.name);
      if (sheetGrid.hidden) sheet.visibility = "Hidden";
      sheet.hiddenColumns = (sheetGrid.hiddenColumns ?? []).map((run) => ({ ...run }));
      // Number formats first: a blank cell's stands in the grid without a value beside it.
      sheetGrid.numFmts.forEach((row, r) =>
        row?.forEach((numFmt, c) => {
          if (numFmt && numFmt !== "General") sheet.cellForWrite(r, c).numberFormat = numFmt;
        }),
      );
      sheetGrid.values.forEach((row, r) =>
        row?.forEach((value, c) => {
          if (value !== null && value !== undefined) sheet.cellForWrite(r, c).value = toExcelValue(value);
        }),
      );
      sheet.merges = sheetGrid.merges.map((m) => ({ ...m }));
      for (const [address, color] of Object.entries(options.fills?.[sheetGrid.name] ?? {})) {
        const rect = parseA1(address);
        sheet.cellForWrite(rect.top, rect.left).fill = color;
      }
      for (const [address, text] of Object.entries(options.notes?.[sheetGrid.name] ?? {})) {
        const rect = parseA1(address);
        sheet.notes.set(key(rect.top, rect.left), text);
      }
    }
    book.activeSheet = book.sheets[0]?.name ?? "";
    return book;
  }

  /** Adds a custom XML part (workbook.customXmlParts.add), under an id of its own. */
  addCustomXmlPart(xml: string): { id: string; xml: string } {
    const part = { id: `{PART-${this.customXmlParts.length + 1}-${this.syncCount}}`, xml };
    this.customXmlParts.push(part);
    return part;
  }

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => sameSheetName(s.name, name));
  }

  supports(minor: number): boolean {
    return minor <= this.apiMinor;
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  notifyChange(): void {
    for (const listener of this.listeners) listener();
  }

  /** A person (or, with `byAddin`, the add-in) typing into a cell: the value changes (a formula is
   * replaced) and onChanged fires. */
  editCell(sheetName: string, address: string, value: ExcelScalar, byAddin = false): void {
    const sheet = this.sheet(sheetName);
    if (!sheet) throw new Error(`No sheet named ${sheetName}`);
    const { top, left } = parseA1(address);
    const cell = sheet.cellForWrite(top, left);
    cell.value = value;
    delete cell.formula;
    this.notifyChange();
    for (const handler of this.changeHandlers) {
      void handler({
        type: "WorksheetChanged",
        source: "Local",
        changeType: "RangeEdited",
        worksheetId: sheet.name,
        address,
        triggerSource: byAddin ? "ThisLocalAddin" : "Unknown",
      });
    }
  }

  /** The workbook as the core sees it: every sheet, values and formats, merges, formula cells. */
  toGrid(): WorkbookGrid {
    return {
      sheets: this.sheets.map((sheet) => {
        const values: CellValue[][] = [];
        const numFmts: (string | undefined)[][] = [];
        const formulas: (boolean | undefined)[][] = [];
        for (const [k, cell] of sheet.cells) {
          const row = Math.floor(k / SHEET_COLUMNS);
          const col = k % SHEET_COLUMNS;
          (values[row] ??= [])[col] = fromExcelValue(cell.value);
          (numFmts[row] ??= [])[col] = cell.numberFormat;
          if (cell.formula !== undefined) (formulas[row] ??= [])[col] = true;
        }
        for (let r = 0; r < values.length; r++) {
          values[r] = Array.from(values[r] ?? [], (v) => v ?? null);
          numFmts[r] = Array.from(numFmts[r] ?? []);
        }
        const grid: SheetGrid = { name: sheet.name, values, numFmts, merges: sheet.merges.map((m) => ({ ...m })) };
        if (formulas.length > 0) grid.formulas = Array.from(formulas, (row) => Array.from(row ?? []));
        if (sheet.visibility !== "Visible") grid.hidden = true;
        if (sheet.hiddenColumns.length > 0) grid.hiddenColumns = sheet.hiddenColumns.map((run) => ({ ...run }));
        return grid;
      }),
    };
  }

  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((sheet) => {
        const cells: WorkbookSnapshot["sheets"][number]["cells"] = {};
        const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
        for (const k of keys) {
          const cell = sheet.cells.get(k)!;
          if (cell.value === "" && cell.formula === undefined && cell.numberFormat === "General" && cell.fill === null) continue;
          cells[cellAddress(Math.floor(k / SHEET_COLUMNS), k % SHEET_COLUMNS)] = {
            value: cell.value,
            ...(cell.formula !== undefined && { formula: cell.formula }),
            numberFormat: cell.numberFormat,
            fill: cell.fill,
          };
        }
        return {
          name: sheet.name,
          visibility: sheet.visibility,
          cells,
          merges: sheet.merges.map(rangeAddress).sort(),
          charts: sheet.charts.length,
          notes: Object.fromEntries([...sheet.notes].sort(([a], [b]) => a - b).map(([k, text]) => [cellAddress(Math.floor(k / SHEET_COLUMNS), k % SHEET_COLUMNS), text])),
        };
      }),
      settings: Object.fromEntries(this.settings),
    };
  }
}

/** The sheet a qualified address names ("'表 1'!B2" → "表 1"); undefined without one. */
export function sheetOfAddress(address: string): string | undefined {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return undefined;
  const sheet = address.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** "B2", "B2:D4" or "Sheet1!B2:D4" (the sheet part is ignored) → a rectangle. */
export function parseA1(address: string): MergeRange {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [from, to = from] = local.split(":");
  const a = parseCell(from);
  const b = parseCell(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function parseCell(text: string): { row: number; col: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(text.trim());
  if (!match) throw new FakeRichApiError("InvalidArgument", `Not a cell address: ${text}`);
  let col = 0;
  for (const ch of match[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** "Sheet1!A1:B2", quoting the sheet name the way Excel does when it is not a plain word. */
export function qualifiedAddress(sheet: string, rect: MergeRange): string {
  const quoted = /^[\p{L}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  const local = rect.top === rect.bottom && rect.left === rect.right ? cellAddress(rect.top, rect.left) : rangeAddress(rect);
  return `${quoted}!${local}`;
}
