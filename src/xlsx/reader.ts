/**
 * An .xlsx's bytes → the grid the core takes, in one pass over the zip and one tokenizer pass
 * (saxes) over each part jixiao needs: the workbook, its relationships, the styles (cell format →
 * number format), the shared strings, the sheets (values, cached formula results, formula text,
 * merged areas) and jixiao's own record. No Node API: a browser page (and the playground's
 * stand-in for Excel, src/playground/xlsx-to-fake.ts) can use it as it is.
 *
 * Values come out as the tests' oracle reads them with ExcelJS (test/support/exceljs-grid.ts;
 * ExcelJS is no dependency of this reader): formula cells by their cached result, numbers under a
 * date format as "YYYY-MM-DD" (as serials when asked: ReadOptions.dateSerials), rich and inline text
 * joined, error values kept as values, the other cells of a merged area left empty.
 */
import { extensionOf } from "../core/file-kinds";
import { shiftedFormula } from "../core/formula";
import { CellValue, ColumnRun, MergeRange, SHEET_COLUMNS, SHEET_ROWS, SheetGrid, SheetTable, WorkbookGrid, cellAddress, hiddenColumnRuns, parseRangeAddress } from "../core/grid";
import { BilingualError } from "../core/messages";
import { READ_ADVICE } from "../core/read-advice";
import { SaxesParser, SaxesTagPlain } from "saxes";
import { Codec, fflateCodec } from "./codec";
import { withMarksFollowed } from "./marks-parts";
import { DEFAULT_LIMITS, Package, PackageError, ReadLimits, RelationshipsPart, SheetParts, WorkbookPart, readPartXml, relsPathOf } from "./package";
import { LayoutRecorder, SheetLayout } from "./sheet-part";
import { findStatePart } from "./state-part";
import { localOf, scanXml, throwXmlErrors, unescapeXstring } from "./xml";

/** The input cannot be read as a workbook; the message says why in one line. */
export class WorkbookReadError extends BilingualError {
  constructor(file: string, zh: string, en: string) {
    super(`${file}: ${zh}`, `${file}: ${en}`);
  }
}

export interface LoadedWorkbook {
  /** The file's package, which the scored copy is written from (src/xlsx/write.ts). */
  source: Package;
  grid: WorkbookGrid;
}

export interface ReadOptions {
  codec?: Codec;
  limits?: Partial<ReadLimits>;
  /**
   * Numbers under a date format as their serials, as Excel's Range.values gives them (the
   * playground's stand-in for Excel), not as "YYYY-MM-DD" text (the grid the core reads).
   */
  dateSerials?: boolean;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptionInfo" in UTF-16LE: the stream an encrypted workbook's OLE container holds. */
const ENCRYPTION_STREAM = [..."EncryptionInfo"].flatMap((c) => [c.charCodeAt(0), 0]);

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function contains(bytes: Uint8Array, needle: number[]): boolean {
  for (let at = bytes.indexOf(needle[0]); at !== -1 && at + needle.length <= bytes.length; at = bytes.indexOf(needle[0], at + 1)) {
    if (needle.every((b, i) => bytes[at + i] === b)) return true;
  }
  return false;
}

/** The bytes are a zip at least; each kind of other file gets its own clear message. */
function checkKind(bytes: Uint8Array, name: string): void {
  if (bytes.length === 0) throw new WorkbookReadError(name, "文件是空的", "the file is empty");
  if (startsWith(bytes, OLE_MAGIC)) {
    if (contains(bytes, ENCRYPTION_STREAM)) {
      const { zh, en } = READ_ADVICE.encrypted;
      throw new WorkbookReadError(name, `工作簿设有打开密码（已加密），${zh}`, `the workbook is encrypted with a password to open; ${en}`);
    }
    const { zh, en } = READ_ADVICE["old-xls"];
    throw new WorkbookReadError(name, `这是旧版 .xls 文件，${zh}`, `this is an old .xls file; ${en}`);
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    const ext = extensionOf(name);
    throw new WorkbookReadError(
      name,
      `不是 .xlsx 工作簿${ext && ext !== "xlsx" ? `（扩展名 .${ext}）` : "（文件内容不是 Excel 格式）"}`,
      `is not an .xlsx workbook${ext && ext !== "xlsx" ? ` (extension .${ext})` : " (the content is not in Excel's format)"}`,
    );
  }
}

// ---- number formats -------------------------------------------------------------------------

/** Number formats Excel knows by id without listing them, as ExcelJS names them (ECMA-376 §18.8.30). */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  // Currency and accounting (千位分隔) by id alone, as zh-CN Excel shows them (review round 33).
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  // The Chinese (zh-CN) dates and times Excel stores by id alone (ECMA-376 §18.8.30): a 2024年1月15日
  // typed in 中文 Excel is a serial under id 31, a date and not a number.
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  41: '_ * #,##0_ ;_ * \\-#,##0_ ;_ * "-"_ ;_ @_ ',
  42: '_ "¥"* #,##0_ ;_ "¥"* \\-#,##0_ ;_ "¥"* "-"_ ;_ @_ ',
  43: '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ',
  44: '_ "¥"* #,##0.00_ ;_ "¥"* \\-#,##0.00_ ;_ "¥"* "-"??_ ;_ @_ ',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** Whether a format shows a date or time: a date letter outside quotes and brackets (as ExcelJS decides). */
function isDateFormat(code: string): boolean {
  let inQuote = false;
  let inBracket = false;
  for (const ch of code) {
    if (inQuote) inQuote = ch !== '"';
    else if (inBracket) inBracket = ch !== "]";
    else if (ch === '"') inQuote = true;
    else if (ch === "[") inBracket = true;
    else if ("ymdhMsb".includes(ch)) return true;
  }
  return false;
}

interface CellFormats {
  /** The number format code of each cell format (cellXfs index); undefined for General. */
  codes: (string | undefined)[];
  isDate: boolean[];
}

function readStyles(xml: string | undefined, part: string | undefined): CellFormats {
  const custom = new Map<string, string>();
  const ids: (string | undefined)[] = [];
  if (xml && part) {
    let inCellXfs = false;
    readPartXml(part, () =>
      scanXml(xml, {
        open(element) {
          if (element.local === "numFmt" && element.attributes.numFmtId !== undefined) custom.set(element.attributes.numFmtId, element.attributes.formatCode ?? "");
          else if (element.local === "cellXfs") inCellXfs = true;
          else if (element.local === "xf" && inCellXfs && element.depth === 2) ids.push(element.attributes.numFmtId);
        },
        close(element) {
          if (element.local === "cellXfs") inCellXfs = false;
        },
      }),
    );
  }
  const codes = ids.map((id) => {
    // Format 0 and a missing id are General, which the grid leaves out.
    if (id === undefined || Number(id) === 0) return undefined;
    const code = custom.get(id) ?? BUILT_IN_FORMATS[Number(id)];
    return code === "General" ? undefined : code;
  });
  return { codes, isDate: codes.map((code) => code !== undefined && isDateFormat(code)) };
}

// ---- text ---------------------------------------------------------------------------------

/**
 * A tokenizer over a part, with the element names' prefixes dropped: SpreadsheetML parts are read by
 * local name (`x:c` is `c`, Strict Open XML's namespace reads like the transitional one).
 */
function parse(
  xml: string,
  part: string,
  handlers: { open(local: string, node: SaxesTagPlain, position: number): void; close(local: string, position: number): void; text(text: string): void },
): void {
  // position: false turns off line counting; the index into the text (parser.position) is kept.
  const parser = new SaxesParser({ xmlns: false, position: false } as const);
  parser.on("opentag", (node) => handlers.open(localOf(node.name), node, parser.position));
  parser.on("closetag", (node) => handlers.close(localOf(node.name), parser.position));
  parser.on("text", handlers.text);
  parser.on("cdata", handlers.text);
  throwXmlErrors(parser);
  readPartXml(part, () => parser.write(xml).close());
}

/** The shared strings: plain, or rich text runs joined; phonetic guides (rPh) left out. */
function readSharedStrings(xml: string, part: string): string[] {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  parse(xml, part, {
    open(local) {
      if (local === "si") current = "";
      else if (local === "rPh") phonetic++;
      else if (local === "t" && phonetic === 0) inText = true;
    },
    close(local) {
      if (local === "si") strings.push(unescapeXstring(current ?? ""));
      else if (local === "rPh") phonetic--;
      else if (local === "t") inText = false;
    },
    text(text) {
      if (inText && current !== null) current += text;
    },
  });
  return strings;
}

// ---- sheets -------------------------------------------------------------------------------

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A date serial as the ExcelJS oracle turns it into a Date and the grid into text: "2023-12-31"; null for
 * a serial past any date (a damaged cell), which stays a number.
 */
function dateText(serial: number, date1904: boolean): string | null {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
  if (Number.isNaN(date.getTime())) return null;
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`;
}

interface SheetContext {
  sharedStrings: () => string[];
  formats: CellFormats;
  date1904: boolean;
  /** Numbers under a date format kept as numbers (ReadOptions.dateSerials). */
  dateSerials: boolean;
  /** Cells still allowed in the workbook (the cell limit). */
  cellBudget: { left: number };
}

class CellLimitError extends Error {}

/**
 * A sheet's part damaged (not well-formed XML, failing its checksum, too large): said of the sheet by
 * its name, as a user knows it, the part after it (review round 33: "the part xl/worksheets/sheet1.xml").
 */
function namingSheet<T>(name: string, part: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
    const { zh, en } = error.text;
    if (!zh.includes(`部件 ${part} `)) throw error;
    const Named = error.constructor as new (zh: string, en: string) => PackageError;
    throw new Named(zh.replace(`部件 ${part} `, `工作表“${name}”（${part}）`), en.replace(`the part ${part}`, `sheet "${name}" (${part})`));
  }
}

/**
 * A cell's r as ECMA-376 writes it: column letters and a row number from 1 ("B3"), the letters in
 * either case; whether it lies within a sheet is told apart (XFE1 is beyond, not malformed).
 */
function isCellReference(ref: string): boolean {
  return /^\s*[A-Za-z]{1,3}0*[1-9][0-9]*\s*$/.test(ref);
}

/** One sheet's grid, and where its rows and cells are in the part (LayoutRecorder, sheet-part.ts). */
function readSheet(xml: string, name: string, part: string, context: SheetContext): { grid: SheetGrid; layout: SheetLayout } {
  const values: CellValue[][] = [];
  const numFmts: (string | undefined)[][] = [];
  const formulas: (boolean | string | undefined)[][] = [];
  const unknownResults: (boolean | undefined)[][] = [];
  const merges: SheetGrid["merges"] = [];
  /** Each merge's ref as the file writes it, for a message naming it, and where its <mergeCell> starts, for the copy. */
  const mergeRefs: string[] = [];
  const mergeStarts: number[] = [];
  const hiddenColumns: ColumnRun[] = [];
  const { formats, date1904, dateSerials, cellBudget } = context;
  let strings: string[] | undefined;

  // The used range: every <c> written, with a value or only a format.
  let lastRow = -1;
  let lastCol = -1;
  let row = -1;
  let col = -1;
  // The cell being read.
  let type: string | undefined;
  let style = 0;
  // `kind`: its t (shared, array), `si` a shared formula's index, its text on its master cell alone.
  let formula: { text: string; kind: string | undefined; si: string | undefined } | undefined;
  // Each shared formula's master: its text and cell.
  const sharedMasters = new Map<string, { text: string; row: number; col: number }>();
  let value: string | undefined;
  let inline: string | undefined;
  let reading: "v" | "f" | "t" | undefined;
  let phonetic = 0;
  // Where the sheet's parts are, for the writer (sheet-part.ts LayoutRecorder), and which elements are cells.
  const recorder = new LayoutRecorder(xml);
  // Elements open around the one being read: the worksheet is at depth 0.
  let depth = 0;

  const finishCell = (): void => {
    // A cell's number format, with a value or without: a blank cell jixiao fills keeps its format
    // in jixiao's record, so 清除标记 gives it back (the add-in reads blank cells' formats too).
    const code = style > 0 ? formats.codes[style] : undefined;
    if (code !== undefined) (numFmts[row] ??= [])[col] = code;
    let result: CellValue;
    const date = !dateSerials && style > 0 && formats.isDate[style];
    if (formula) result = value ? typedValue(type, value, date, date1904) : null;
    else if (type === "inlineStr") {
      if (inline === undefined) return;
      result = unescapeXstring(inline);
    } else if (value === undefined) {
      return; // a format without a value
    } else if (type === "s") {
      strings ??= context.sharedStrings();
      const text = value.trim() === "" ? undefined : strings[Number(value)];
      // Excel, too, takes a reference to no string for damage. Read as blank, the cell would be filled in.
      if (text === undefined) {
        const where = cellAddress(row, col);
        throw new PackageError(
          `文件已损坏：工作表“${name}”的单元格 ${where} 引用的共享字符串 ${value} 不存在（${part}）`,
          `the file is damaged: sheet "${name}" cell ${where} refers to shared string ${value}, which does not exist (${part})`,
        );
      }
      result = text;
    } else if (type === "d") result = value.slice(0, 10); // an ISO date (Strict Open XML)
    else result = typedValue(type, value, date, date1904);
    (values[row] ??= [])[col] = result;
    // Ordinary and shared-formula master cells carry the text; the other cells of a shared formula
    // read their master's as moved to them (true, a formula of unknown text, where it cannot be).
    if (formula?.kind === "shared") {
      const si = formula.si ?? "";
      const master = sharedMasters.get(si);
      if (formula.text !== "") sharedMasters.set(si, { text: formula.text, row, col });
      else if (master) formula.text = shiftedFormula(master.text, row - master.row, col - master.col) ?? "";
    }
    if (formula) (formulas[row] ??= [])[col] = formula.text === "" ? true : formula.text;
    // No result written (openpyxl's empty <v>, POI's none): unknown. An empty text result is written
    // as t="str" with an empty <v>, and is known.
    if (formula && !value && type !== "str") (unknownResults[row] ??= [])[col] = true;
  };

  parse(xml, part, {
    open(local, node, position) {
      // A cell is a row's child in sheetData: a <c> of an extension inside a row is not one.
      const isCell = recorder.open(local, node.name, depth++, position, node.isSelfClosing, node.attributes);
      switch (local) {
        case "c": {
          if (!isCell) break;
          if (--cellBudget.left < 0) throw new CellLimitError();
          ({ row, col, format: style } = recorder);
          const ref = node.attributes.r;
          type = node.attributes.t;
          // A cell without r is in the place after the one before (r is optional); one whose r names
          // no cell (ZZZZ1, 12, $B$3, B3:C4, A0, empty) Excel repairs on opening, and read by its
          // place it could stand in another's (review round 52a, L3).
          if (ref !== undefined && /^\s*[A-Za-z]{1,3}0+\s*$/.test(ref)) {
            // A0: its row is no row, whichever <row> it is in (review round 56b, L2: "第 1 行" read as the title row).
            throw new PackageError(
              `文件已损坏：工作表“${name}”的单元格引用“${ref.trim()}”中的行号 0 不是有效的行号（行号从 1 开始）（${part}）`,
              `the file is damaged: sheet "${name}" has a cell whose reference "${ref.trim()}" gives row number 0, which is no row (rows start at 1) (${part})`,
            );
          }
          if (ref !== undefined && !isCellReference(ref)) {
            throw new PackageError(
              `文件已损坏：工作表“${name}”第 ${recorder.rowNumber + 1} 行的单元格引用“${ref}”不是单元格地址（${part}）`,
              `the file is damaged: sheet "${name}" has a cell in row ${recorder.rowNumber + 1} whose reference "${ref}" names no cell (${part})`,
            );
          }
          // Past Excel's last cell no sheet can hold a value: a hostile address would make rows without end.
          if (row >= SHEET_ROWS || col >= SHEET_COLUMNS) {
            const where = ref ?? cellAddress(Math.min(row, SHEET_ROWS), Math.min(col, SHEET_COLUMNS));
            throw new PackageError(
              `文件已损坏：工作表“${name}”的单元格 ${where} 超出工作表的范围（${part}）`,
              `the file is damaged: sheet "${name}" has a cell ${where} beyond a sheet's last cell (${part})`,
            );
          }
          if (row > lastRow) lastRow = row;
          if (col > lastCol) lastCol = col;
          formula = undefined;
          value = undefined;
          inline = undefined;
          break;
        }
        case "f":
          // An <f/> without text is a formula only when it has a kind (a shared formula's other cells).
          formula = { text: "", kind: node.attributes.t, si: node.attributes.si };
          reading = "f";
          break;
        case "v":
          reading = "v";
          break;
        case "is":
          inline = "";
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (inline !== undefined && phonetic === 0) reading = "t";
          break;
        case "col": {
          // <cols><col min max hidden>, 1-based, in the worksheet's own <cols> (depth 2 once opened).
          const { min, max, hidden } = node.attributes;
          if (depth !== 3 || (hidden !== "1" && hidden !== "true")) break;
          const first = Number(min) - 1;
          const last = Math.min(Number(max ?? min) - 1, SHEET_COLUMNS - 1);
          if (Number.isInteger(first) && Number.isInteger(last) && first >= 0 && first <= last) hiddenColumns.push({ first, last });
          break;
        }
        case "mergeCell": {
          const ref = node.attributes.ref;
          if (ref === undefined) break;
          const merge = parseRangeAddress(ref);
          // Row 0 ("A0") is no row.
          if (merge && merge.top >= 0) {
            merges.push(merge);
            mergeRefs.push(ref.trim());
            // XML allows no unescaped "<" inside a tag: the last one before its end opened it.
            mergeStarts.push(xml.lastIndexOf("<", position - 1));
          }
          break;
        }
      }
    },
    close(local, position) {
      const closesCell = recorder.close(local, --depth, position);
      switch (local) {
        case "c":
          if (!closesCell) break;
          if (formula && formula.text === "" && formula.kind === undefined) formula = undefined;
          finishCell();
          break;
        case "f":
        case "v":
        case "t":
          reading = undefined;
          break;
        case "rPh":
          phonetic--;
          break;
      }
    },
    text(text) {
      if (reading === "v") value = value === undefined ? text : value + text;
      else if (reading === "f") formula!.text += text;
      else if (reading === "t") inline += text;
    },
  });

  const { clipped, dropped } = clipMerges(merges, lastRow, lastCol, { values, numFmts, formulas, unknownResults });
  for (let r = 0; r < values.length; r++) {
    values[r] ??= [];
    numFmts[r] ??= [];
  }
  const grid: SheetGrid = { name, values, numFmts, merges: clipped, formulas };
  if (unknownResults.length > 0) grid.unknownResults = unknownResults;
  if (hiddenColumns.length > 0) grid.hiddenColumns = hiddenColumnRuns(hiddenColumns);
  const layout = recorder.finish();
  if (dropped.length > 0) {
    grid.droppedMerges = dropped.map((i) => mergeRefs[i]);
    layout.droppedMerges = dropped.map((i) => mergeStarts[i]);
  }
  return { grid, layout };
}

/** A number as a <v> holds it (xsd:double): 12, -0.5, 5.0, .5, 1E-3; spaces around it allowed. */
const DECIMAL_NUMBER = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * A cell's value from its type and its <v>'s text, as a formula's result or a value: a text, a
 * boolean, an error or a number (a date's text under a date format, `date`).
 */
function typedValue(type: string | undefined, value: string, date: boolean, date1904: boolean): CellValue {
  if (type === "str") return unescapeXstring(value);
  if (type === "b") return parseInt(value, 10) !== 0;
  if (type === "e") return { error: value };
  // A number cell holding no number (<v>abc</v>, 1e309) is damaged: its text as written, so a
  // message quotes what is there rather than NaN, and the core reads it as it reads text. Only a
  // whole number is one: exporters write `2,246.07`, `100%` or `800场` untyped, whose leading
  // figure alone (parseFloat's 2, 100, 800) is another amount (review round 53c, M2).
  const n = DECIMAL_NUMBER.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n)) return value;
  return (date && dateText(n, date1904)) || n;
}

/** A sheet's cells as readSheet reads them, by row and column. */
interface SheetCells {
  values: CellValue[][];
  numFmts: (string | undefined)[][];
  formulas: (boolean | string | undefined)[][];
  unknownResults: (boolean | undefined)[][];
}

/**
 * Merged areas ending at the used range (`lastRow`, `lastCol`): a merge down to row 1,048,576
 * covers no more than the cells written. A merged area shows its top-left cell: what the file holds
 * in its other cells is taken out. One overlapping another within it is dropped (see
 * withoutOverlaps): `dropped` holds their indexes in `merges`.
 */
function clipMerges(
  merges: SheetGrid["merges"],
  lastRow: number,
  lastCol: number,
  { values, numFmts, formulas, unknownResults }: SheetCells,
): { clipped: SheetGrid["merges"]; dropped: number[] } {
  const within = merges.flatMap((m, i) => (m.top <= lastRow && m.left <= lastCol ? [i] : []));
  const inUse = within.map((i) => {
    const m = merges[i];
    return { top: m.top, left: m.left, bottom: Math.min(m.bottom, lastRow), right: Math.min(m.right, lastCol) };
  });
  const overlapping = withoutOverlaps(inUse);
  const clipped = inUse.filter((_, k) => !overlapping.has(k));
  for (const m of clipped) {
    for (let r = m.top; r <= m.bottom; r++) {
      const cells = values[r];
      if (!cells) continue;
      for (let c = r === m.top ? m.left + 1 : m.left; c <= m.right && c < cells.length; c++) {
        if (cells[c] === undefined) continue;
        delete cells[c];
        if (numFmts[r]) delete numFmts[r][c];
        if (formulas[r]) delete formulas[r][c];
        if (unknownResults[r]) delete unknownResults[r][c];
      }
    }
  }
  return { clipped, dropped: within.filter((_, k) => overlapping.has(k)).sort((a, b) => a - b) };
}

/**
 * The merged areas to drop, by index, so that no two share a cell: Excel repairs such a file by
 * removing merges, and one over the whole sheet would hide every cell of the form under its first
 * (review round 56b, M2). The smallest are kept first, the file's order between equals; one
 * overlapping a merge kept before it is dropped.
 *
 * The rows are taken in bands, each ending where a merge starts or ends (the same merges cross
 * every row of a band). The merges are sorted by left column once, and each band lists those
 * crossing it in that order, whatever order the file writes them in. A pass over the bands finds
 * the merges that overlap some other, commonly none; only those are weighed, each band counting its
 * kept ones in a Fenwick tree over its list, so that finding the kept merge nearest left of a
 * merge's right edge, and keeping one, each take a search by halves. The work is the merges' bands,
 * at most their rows (times a logarithm where they overlap; review round 56 M4: each kept merge was
 * put into place in its rows' lists, so a row of k merges listed right to left cost k²).
 */
function withoutOverlaps(merges: MergeRange[]): Set<number> {
  const dropped = new Set<number>();
  /** How many of a sorted list's items come before the first for which `after` holds. */
  const before = (list: number[], after: (item: number) => boolean): number => {
    let [low, high] = [0, list.length];
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (after(list[mid])) high = mid;
      else low = mid + 1;
    }
    return low;
  };
  const byLeft = merges.map((_, i) => i).sort((a, b) => merges[a].left - merges[b].left || a - b);
  /** The first rows of the bands, in order. */
  const starts = [...new Set(merges.flatMap((m) => [m.top, m.bottom + 1]))].sort((a, b) => a - b);
  const bandOf = (row: number): number => before(starts, (start) => start > row) - 1;
  const bandsOf = (m: MergeRange): [number, number] => [bandOf(m.top), bandOf(m.bottom + 1) - 1];
  /** byBand[band]: the merges crossing the band, by left column, then the file's order. */
  const byBand: number[][] = starts.map(() => []);
  for (const i of byLeft) {
    const [first, last] = bandsOf(merges[i]);
    for (let b = first; b <= last; b++) byBand[b].push(i);
  }
  // A merge overlaps another in a band if it starts within one before it, or the next starts within it.
  const overlapping = new Uint8Array(merges.length);
  for (const band of byBand) {
    let reach = -1;
    band.forEach((i, k) => {
      const { left, right } = merges[i];
      if (left <= reach || (k + 1 < band.length && merges[band[k + 1]].left <= right)) overlapping[i] = 1;
      reach = Math.max(reach, right);
    });
  }
  const area = (m: MergeRange) => (m.bottom - m.top + 1) * (m.right - m.left + 1);
  const order = byLeft.filter((i) => overlapping[i] === 1).sort((a, b) => area(merges[a]) - area(merges[b]) || a - b);
  if (order.length === 0) return dropped;
  /** kept[band]: over byBand[band]'s places, from 1, how many of those merges are kept (a Fenwick tree). */
  const kept: Int32Array[] = [];
  /** The place, from 1, of the last kept merge among a band's first `places`; 0 for none. */
  const lastKept = (tree: Int32Array | undefined, places: number): number => {
    if (!tree) return 0;
    let n = 0;
    for (let p = places; p > 0; p -= p & -p) n += tree[p];
    if (n === 0) return 0;
    let place = 0;
    for (let step = 1 << (31 - Math.clz32(tree.length - 1)); step > 0; step >>= 1) {
      if (place + step < tree.length && tree[place + step] < n) {
        place += step;
        n -= tree[place];
      }
    }
    return place + 1;
  };
  // Those kept in a band share no cell, so the one starting nearest left of m's right edge ends last.
  const overlapsIn = (b: number, { left, right }: MergeRange): boolean => {
    const place = lastKept(kept[b], before(byBand[b], (j) => merges[j].left > right));
    return place > 0 && merges[byBand[b][place - 1]].right >= left;
  };
  for (const i of order) {
    const m = merges[i];
    const [first, last] = bandsOf(m);
    let overlaps = false;
    for (let b = first; b <= last && !overlaps; b++) overlaps = overlapsIn(b, m);
    if (overlaps) {
      dropped.add(i);
      continue;
    }
    for (let b = first; b <= last; b++) {
      const band = byBand[b];
      const tree = (kept[b] ??= new Int32Array(band.length + 1));
      const at = before(band, (j) => merges[j].left > m.left || (merges[j].left === m.left && j >= i)) + 1;
      for (let p = at; p < tree.length; p += p & -p) tree[p]++;
    }
  }
  return dropped;
}

/**
 * A sheet's tables (ListObjects), for a 总分 that reads one by name (=SUBTOTAL(109,指标表[得分])):
 * each one's name, range and columns. A table part that cannot be read is left out: the formulas
 * over it are then left to Excel, as before tables were read.
 */
function readTables(pkg: Package, sheetPart: string): SheetTable[] {
  const relsXml = pkg.text(relsPathOf(sheetPart));
  if (relsXml === undefined) return [];
  const tables: SheetTable[] = [];
  try {
    for (const { part } of new RelationshipsPart(relsXml, sheetPart).allOfType("table")) {
      const xml = pkg.text(part, false);
      let table: SheetTable | undefined;
      if (xml !== undefined) {
        readPartXml(part, () =>
          scanXml(xml, {
            open({ local, attributes, depth }) {
              const ref = attributes.ref && parseRangeAddress(attributes.ref);
              if (depth === 0 && local === "table" && ref) {
                const count = (value: string | undefined, otherwise: number) => (value === undefined ? otherwise : Number(value));
                table = { name: attributes.displayName ?? attributes.name ?? "", ref, columns: [], headerRows: count(attributes.headerRowCount, 1), totalsRows: count(attributes.totalsRowCount, 0) };
              } else if (table && local === "tableColumn" && depth === 2) table.columns.push(unescapeXstring(attributes.name ?? ""));
            },
          }),
        );
      }
      if (table && table.headerRows >= 0 && table.totalsRows >= 0) tables.push(table);
    }
  } catch (error) {
    if (!(error instanceof PackageError)) throw error;
  }
  return tables;
}

// ---- the workbook -----------------------------------------------------------------------------

/** Reads a workbook from its bytes; `name` is what messages call it (the file's path). */
export function readXlsxBytes(bytes: Uint8Array, name: string, options: ReadOptions = {}): LoadedWorkbook {
  checkKind(bytes, name);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  try {
    const pkg = Package.open(bytes, options.codec ?? fflateCodec, limits);
    const loaded = readPackage(pkg, limits, options.dateSerials ?? false);
    return loaded;
  } catch (error) {
    if (error instanceof CellLimitError) {
      throw new WorkbookReadError(
        name,
        `工作簿的单元格超过 ${limits.maxCells.toLocaleString("en")} 个的上限，不像是一份自评表`,
        `the workbook holds more than the limit of ${limits.maxCells.toLocaleString("en")} cells, more than any self-evaluation form`,
      );
    }
    if (error instanceof PackageError) throw new WorkbookReadError(name, error.text.zh, error.text.en);
    throw error;
  }
}

function readPackage(pkg: Package, limits: ReadLimits, dateSerials: boolean): LoadedWorkbook {
  const rootRels = pkg.text("_rels/.rels");
  const workbookPath = rootRels === undefined ? undefined : new RelationshipsPart(rootRels, "").ofType("officeDocument")?.part;
  if (workbookPath === undefined || !pkg.has(workbookPath)) {
    // A zip without the workbook part is some other archive (a .docx, photos) renamed .xlsx.
    throw new PackageError("不是 .xlsx 工作簿（压缩包里没有 Excel 工作簿内容）", "is not an .xlsx workbook (the zip holds no Excel workbook)");
  }
  const workbook = new WorkbookPart(workbookPath, pkg.required(workbookPath));
  const relsPath = relsPathOf(workbookPath);
  const rels = new RelationshipsPart(pkg.required(relsPath, { zh: "工作簿的关系部件", en: "the workbook's relationships part" }), workbookPath);
  const stylesPart = rels.ofType("styles")?.part;
  const sharedStringsPart = rels.ofType("sharedStrings")?.part;
  let sharedStrings: string[] | undefined;
  const context: SheetContext = {
    // Read when a sheet first needs them, and not kept as text: the writer never changes them.
    sharedStrings: () =>
      (sharedStrings ??= sharedStringsPart
        ? readSharedStrings(pkg.required(sharedStringsPart, { zh: "共享字符串部件", en: "the shared strings part" }, false), sharedStringsPart)
        : []),
    formats: readStyles(stylesPart === undefined ? undefined : pkg.text(stylesPart), stylesPart),
    date1904: workbook.date1904(),
    dateSerials,
    cellBudget: { left: limits.maxCells },
  };
  if (sharedStringsPart && !pkg.has(sharedStringsPart)) context.sharedStrings();

  const sheets: SheetGrid[] = [];
  const otherSheetNames: string[] = [];
  for (const [index, sheet] of workbook.sheetList().entries()) {
    // A sheet must have a name (Excel allows none, and refuses such a file): one without could be
    // named in no message nor on 综合得分 (review round 56b, L5).
    if (sheet.name === "") {
      throw new PackageError(
        `文件已损坏：第 ${index + 1} 个工作表的名称为空，而工作表必须有名称（${workbookPath}）`,
        `the file is damaged: sheet ${index + 1} has an empty name, and a sheet must have one (${workbookPath})`,
      );
    }
    const relationship = rels.byId(sheet.relationshipId);
    if (!relationship || !relationship.type.endsWith("/worksheet")) {
      // Chart sheets, dialog and macro sheets hold no cells but take their names.
      otherSheetNames.push(sheet.name);
      continue;
    }
    const { grid, layout } = namingSheet(sheet.name, relationship.part, () => {
      const xml = pkg.text(relationship.part);
      if (xml === undefined) {
        throw new PackageError(
          `文件已损坏：工作表“${sheet.name}”的内容（${relationship.part}）不在文件中`,
          `the file is damaged: the content of sheet "${sheet.name}" (${relationship.part}) is missing`,
        );
      }
      return readSheet(xml, sheet.name, relationship.part, context);
    });
    const state = sheet.element.attributes.state;
    if (state === "hidden" || state === "veryHidden") grid.hidden = true;
    const tables = readTables(pkg, relationship.part);
    if (tables.length > 0) grid.tables = tables;
    sheets.push(grid);
    pkg.setSheetLayout(relationship.part, layout);
  }
  if (sheets.length === 0) throw new PackageError("工作簿中没有工作表", "the workbook has no worksheet");

  // jixiao's record (src/core/state.ts), from its custom XML part, its marks where their notes are now.
  const recorded = findStatePart(pkg, rels)?.json;
  const state = recorded === undefined ? undefined : withMarksFollowed(recorded, pkg, new SheetParts(workbook, rels));
  const grid: WorkbookGrid = { sheets, otherSheetNames };
  if (state !== undefined) grid.state = state;
  if (pkg.strayEntries.length > 0) grid.droppedEntries = [...pkg.strayEntries];
  return { source: pkg, grid };
}
