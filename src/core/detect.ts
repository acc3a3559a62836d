/**
 * Finds budget tables and indicator tables anywhere on a sheet by their header wordings, and
 * where each one ends: at a blank row, a total (合计/总分/综合得分) row, a note, or the next header.
 */
import Decimal from "decimal.js";
import { CellValue, SHEET_COLUMNS, SheetView, cellText, columnLetters, rangeAddress } from "./grid";
import { isGradeText } from "./grade-text";
import {
  AGENCY_NAME_END,
  BudgetField,
  CONCLUSION_LABEL,
  compactName,
  FORM_TITLE,
  FormNameLabel,
  GRADE_LABEL,
  GRADE_WORDS,
  HAN,
  IMPLEMENTER_LABELS,
  IN_WHICH,
  IndicatorField,
  LIST_AVERAGE_LABEL,
  NOTE_LABEL,
  RESULT_LABEL,
  ROW_LABEL_START,
  SUBTOTAL_LABEL,
  SUPERVISOR_LABELS,
  STATED_TOTAL_WORDS,
  SUM_LABEL,
  TOTAL_LABEL,
  UNIT_NAME_LABELS,
  datedField,
  formNameLabel,
  formNameValue,
  headingWords,
  isFieldLabel,
  isGroupSubtotal,
  isSectionHeading,
  isUnitName,
  lineKind,
  lineWords,
  startsWithSectionName,
  matchBudgetField,
  matchIndicatorField,
  normalizeHeader,
  normalizeHeading,
  unitInTitle,
  withoutNumbering,
} from "./headers";
import { memoisedText } from "./memo";
import { statedMoneyUnit, typedAmount } from "./money-unit";
import { HUNDRED, sumOf } from "./score";
import { isEmptyMarker, isPlainNumber, parseNumber, parseShownNumber, periodEnd } from "./values";

export type Columns<F extends string> = Partial<Record<F, number>>;

/** A run of columns, first to last. */
export interface ColumnSpan {
  left: number;
  right: number;
}

/** A table alone in its rows reads whole rows: labels left of its fields, totals right of them. */
const WHOLE_ROW: ColumnSpan = { left: 0, right: SHEET_COLUMNS - 1 };

/** Where a loop over the cells of `row` inside `span` stops (exclusive). */
function spanEnd(view: SheetView, row: number, span: ColumnSpan): number {
  return Math.min(view.rowLength(row), span.right + 1);
}

/** What sameSide reads of a table: its fields' columns and the columns it reads. */
type Sided = Pick<TableBase, "left" | "right" | "span">;

/**
 * Whether one table is under the other, not beside it: the middle of either's field columns lies
 * in the other's span. Spans alone do not tell: forms side by side split each header row after
 * the last field of the form on the left (see sideSpans), and a form whose indicator header is
 * wider than its budget header (指标性质, 计量单位) reaches into the share its budget row leaves
 * to the form beside it. The middle of a table's fields lies inside its own form's columns
 * however the spans overlap at their edges; a table alone in its rows spans the whole row, so it
 * is on every side.
 */
export function sameSide(a: Sided, b: Sided): boolean {
  const inSpan = (fields: Sided, span: ColumnSpan) => {
    const middle = (fields.left + fields.right) / 2;
    return span.left <= middle && middle <= span.right;
  };
  return inSpan(a, b.span) || inSpan(b, a.span);
}

/**
 * A sheet's reading order of tables: top to bottom (a side's header may start a row above, see
 * ownHeaderAt), then left to right. The tables come in it, and so do the forms' totals (analyze's
 * inReadingOrder).
 */
export const readingOrder = (a: Table, b: Table): number => a.headerTop - b.headerTop || a.span.left - b.span.left;

interface TableBase {
  /**
   * The first row of the cells the table covers (tableRange): its header's top; one project's part
   * of a table listing several starts at its own first row (see splitProjects).
   */
  top: number;
  headerTop: number;
  headerBottom: number;
  left: number;
  right: number;
  /** Data rows, in order. */
  rows: number[];
  lastRow: number;
  /**
   * The columns the table reads, its rows' ends and its form's names included: whole rows for a
   * table alone in its rows, its own share of the header row for tables side by side (sideSpans).
   */
  span: ColumnSpan;
  /**
   * The nearest table above this one on its side (see sameSide), which its form's header block
   * lies under (see formNames); null for the first on its side.
   */
  above: Table | null;
  /** The 项目名称 of the form's header block above the table (see formNames); null without one. */
  project: string | null;
  /** The unit the header block names (单位名称, 实施单位 …; see formNames); null without one. */
  unit: string | null;
  /** What the form calls the table: its project, else its unit; null without either. */
  label: string | null;
  /**
   * A project form's 主管部门 beside its blank 实施单位 (see formNames): the project's supervisor, no
   * unit, but the unit the review falls back on where the file's path names none; absent otherwise.
   */
  supervisor?: string;
  /** Whether the form's title names a whole department's evaluation (部门（单位）整体支出绩效自评表). */
  wholeDepartment: boolean;
  /**
   * The year its form is for (see formYearAt): stated above its header, else named by its sheet;
   * null when neither says. Detection chose among dated columns by this same year.
   */
  year: number | null;
}

export interface BudgetTable extends TableBase {
  kind: "budget";
  columns: Columns<BudgetField>;
  /**
   * An amount split by source in columns (全年预算数 merged over 合计 | 财政拨款 | 其他资金): per
   * amount field read from the 合计 column, the columns of its parts (see sourceColumns).
   */
  sourceColumns?: Partial<Record<SplitField, number[]>>;
  /**
   * An amount split by source in columns with no 合计 among them (全年预算数 merged over 中央资金 |
   * 地方资金): per amount field, the columns whose sum it is (see sourceColumns).
   */
  summedColumns?: Partial<Record<SplitField, number[]>>;
  /** The row of the form's 总分 (or 等次) that ends the block from under it (see closesForm), if one does. */
  formTotalRow?: number;
  /**
   * A budget given as label/value pairs (全年预算数（万元） | 500 | 全年执行数（万元） | 480 | 执行率 |
   * 96% …, on one line or stacked): each field's label and value cells, read as the table's one
   * line (see withPairTables), and the 其中 lines of pairs under it (其中：财政拨款 | 全年预算数（万元）
   * | 300 …), one per row of `rows`; `columns` then holds each field's value column on the first.
   */
  pairs?: BudgetPairs[];
}

/** A cell of a sheet, 0-based. */
export interface SheetCell {
  row: number;
  col: number;
}

/** The fields of a budget given as label/value pairs, and the label heading them (预算执行情况), if one. */
export interface BudgetPairs {
  cells: Partial<Record<BudgetField, { label: SheetCell; value: SheetCell }>>;
  label: SheetCell | null;
}

/** The amounts a budget header may split by source in columns. */
export type SplitField = "initial" | "planned" | "spent";

export interface IndicatorTable extends TableBase {
  kind: "indicators";
  columns: Columns<IndicatorField>;
  /**
   * The column left of the levels naming the project each row belongs to (项目名称), when the header
   * has one: a table listing several projects' indicators is read as one table per project (see
   * splitProjects), each counting its own project's line of a budget list.
   */
  projectColumn: number | null;
  /**
   * Whether that column holds the projects' heading rows alone (二、耕地质量提升项目 in the 一级
   * column, or merged across, over each project's rows), the table having no 项目名称 column: its
   * other cells are the 一级's (review round 44's p04).
   */
  projectHeadings: boolean;
  /**
   * The row holding the recorded 总分 / 综合得分 (or a last 合计 that may be the indicators' own, see
   * model's isIndicatorSubtotal), and the row holding the recorded 等次, if any.
   */
  totalRow: number | null;
  gradeRow: number | null;
  /** The indicators' 合计 right above the 总分 row (90 of 90 over 项目自评总分), if any. */
  subtotalRow: number | null;
  /** The 小计 rows inside the table (产出指标小计 | 50 | 48), in order: no indicators. */
  levelSubtotalRows: number[];
  /**
   * Those of them closing a task's rows in one form naming a task on its rows (道路养护小计 after
   * 道路养护's, see splitProjects), with the task's name ("" for one left blank): they sum its rows.
   */
  taskSubtotals: { row: number; task: string }[];
  /**
   * On the last project's table of a list of several (see splitProjects): the rows of the whole
   * list's own 合计 under it (300 | 295.5), which adds up, or averages, the projects' totals.
   */
  listTotalRows: number[];
  /**
   * The 自评得分 and 自评等级 the form's header block states (自评得分 | 95.5 | 自评等级 | 优), the
   * cells of their values: where the table has no 总分 or 等次 row, they are its recorded ones.
   */
  statedTotal: StatedCell | null;
  statedGrade: StatedCell | null;
}

/** A stated value's cell; `written`: the value as written after its label in the same cell (自评得分：95.5分 → 95.5). */
export interface StatedCell {
  row: number;
  col: number;
  written?: string;
}

export type Table = BudgetTable | IndicatorTable;

/**
 * The value a row holds in a column of its own: the cell's value, or that of a merged area that
 * starts in this row. A merged area continuing from a row above gives null (`continued`): weights,
 * scores and labels merged down are counted once, in the row where they start.
 */
export function rowCell(
  view: SheetView,
  row: number,
  col: number,
): { value: CellValue; row: number; col: number; continued: boolean } {
  const merge = view.mergeAt(row, col);
  if (merge !== undefined && merge.top !== row) return { value: null, row, col, continued: true };
  const originCol = merge?.left ?? col;
  return { value: view.raw(row, originCol), row, col: originCol, continued: false };
}

/** A header cell naming a field. */
interface FieldCell<F extends string> {
  col: number;
  field: F;
}

/**
 * The field a sub-header names under a group title in `row`, alone (预算执行情况 over 预算数) or read
 * with it (预算数 over 年初 | 调整后: 年初预算数, 调整后预算数). A heading whose words were broken over
 * two cells one above the other (一级 over 指标, 年度 over 指标值, as forms converted from Word have
 * it) reads whole first: the lower half alone (指标) would name another field (review round 52b, H3).
 */
function subHeader<F extends string>(view: SheetView, row: number, subRow: number, c: number, match: (text: string) => F | undefined): F | undefined {
  const text = view.text(subRow, c);
  if (text === "") return undefined;
  const top = view.mergeAt(row, c) === undefined ? view.text(row, c) : "";
  return (top === "" ? undefined : match(top + text)) ?? match(text) ?? match(text + view.text(row, c));
}

/**
 * The header cells of `row` inside `span` that name a field, a field named twice each time: the
 * top row's own first, then sub-headers under merged group titles (see columnsOf). Of dated columns,
 * those of `formYear` (see datedColumns).
 */
function fieldCells<F extends string>(
  view: SheetView,
  row: number,
  match: (text: string) => F | undefined,
  below: number | undefined,
  span: ColumnSpan,
  formYear: number | null,
): FieldCell<F>[] {
  const cells: FieldCell<F>[] = [];
  // Header cells span at most two rows (the two-row header); a label merged further down runs
  // beside the data rows (年度预算（万元） over the funds lines) and is not a column header.
  const lastHeaderRow = row + 1;
  const width = Math.min(span.right + 1, Math.max(view.rowLength(row), below === undefined ? 0 : view.rowLength(below)));
  const dated: (FieldCell<F> & { year: number })[] = [];
  // A heading over its years read as before (its first column) where no year of them is the form's.
  const overYears: FieldCell<F>[] = [];
  for (let c = span.left; c < width; c++) {
    const merge = view.mergeAt(row, c);
    if (merge !== undefined && merge.left !== c) continue; // the rest of a horizontally merged header
    if ((merge?.bottom ?? row) > lastHeaderRow) continue;
    // Nor does one start more than a row above: a label merged down beside a block's lines
    // (预算资金（万元） down to the last funds line) is that block's, not a heading of a header
    // starting here. Read as one, it made the last funds line the top row of the header of a
    // 年度主要任务 list right under it (review round 56e, H1). A cell merged from the row above is
    // a heading of a two-row header beside (a form beside whose header starts a row higher).
    if ((merge?.top ?? row) < row - 1) continue;
    // A heading over its years (实际完成值 over 2022年 | 2023年): each column its year's.
    if (below !== undefined && merge !== undefined) {
      const years = yearsUnder(view, row, below, merge.left, merge.right, match);
      if (years.length > 0) {
        dated.push(...years);
        overYears.push({ col: c, field: years[0].field });
        continue;
      }
    }
    let field: F | undefined;
    let col = c;
    // Two-row header: a sub-header under a group title wins; a cell merged over both rows counts once.
    if (below !== undefined && view.originRow(below, c) === below) field = subHeader(view, row, below, c, match);
    if (field === undefined) {
      field = match(view.text(row, c));
      if (field !== undefined && below !== undefined && merge !== undefined) col = totalColumnUnder(view, below, merge.left, merge.right) ?? c;
    }
    // A level's heading over 序号 | name: the names' column (review round 54a M2).
    if (field !== undefined && merge !== undefined && merge.right > merge.left && LEVEL_FIELDS.includes(field)) {
      col = namesColumnUnder(view, Math.max(below ?? row, merge.bottom) + 1, merge.left, merge.right) ?? col;
    }
    if (field !== undefined) cells.push({ col, field });
    else {
      // A dated heading over several columns (2023年实际完成值 over 上半年 | 全年) is a group title: none of them.
      const heading = merge !== undefined && merge.right > merge.left ? undefined : datedField(view.text(row, c), match);
      if (heading) dated.push({ col: c, field: heading.field, year: rankOf(heading.when) });
    }
  }
  if (below !== undefined) {
    // Sub-headers in columns that are not origins in the top row (under a merged group title).
    for (let c = span.left; c < width; c++) {
      if (view.originCol(row, c) === c) continue;
      if (view.originRow(below, c) !== below) continue;
      const field = subHeader(view, row, below, c, match);
      if (field !== undefined) cells.push({ col: c, field });
    }
  }
  // Most rows have no dated heading: their cells as they are, with no arrays made to join.
  if (dated.length === 0 && overYears.length === 0) return cells;
  // After every heading named as written, sub-headers included: those win over dated ones, a
  // visible one only (a hidden 实际完成值 of last year leaves a visible 2023年实际完成值 read: review 55 M1).
  const chosen = dated.length === 0 ? [] : datedColumns(dated, cells.filter((n) => !view.columnHidden(n.col)), formYear);
  const unresolved = overYears.filter((o) => !chosen.some((d) => d.field === o.field) && !cells.some((n) => n.field === o.field));
  return [...cells, ...chosen, ...unresolved];
}

/** The fields of a level's column: each names an indicator or its group, one column each. */
const LEVEL_FIELDS: readonly string[] = ["level1", "level2", "level3", "level4"] satisfies IndicatorField[];
/** A 序号's cell: 1, 2 …, as a number or text, with a bracket or a point (（1）, 1., 1、); or a code (010101). */
const SERIAL = /^[(（]?[0-9０-９]{1,8}[)）.、．]?$/;
/** How many rows under a header namesColumnUnder looks at. */
const NAMES_ROWS = 30;

/**
 * Under a level's heading merged over two columns or more, the column of the names where the first
 * numbers the rows (三级指标 over 序号 | 指标名称, as forms converted from Word number them): the
 * first column after it holding Chinese text, where the first holds numbers alone in the rows under
 * the header, two at least before any other text (a 总分 there, or the next form's header, ends
 * them). Undefined otherwise: the heading's first column names (指标名称 | 说明 under it).
 */
function namesColumnUnder(view: SheetView, start: number, left: number, right: number): number | undefined {
  const end = Math.min(view.rowCount, start + NAMES_ROWS);
  let serials = 0;
  let last = start;
  for (; last < end; last++) {
    const text = view.ownText(last, left);
    if (text === "") continue;
    if (!SERIAL.test(text)) break;
    serials++;
  }
  if (serials < 2) return undefined;
  for (let c = left + 1; c <= right; c++) {
    for (let r = start; r < last; r++) if (HAN.test(view.ownText(r, c))) return c;
  }
  return undefined;
}

/**
 * The column headed 合计 (小计, 总计) under a group title merged over several columns (全年预算数
 * over 财政拨款 | 其他资金 | 合计): the title's amount is that column's, wherever it sits among its
 * parts (review round 53a, H1: with 合计 last, the first part was read as the whole). Undefined
 * when none is.
 */
function totalColumnUnder(view: SheetView, below: number, left: number, right: number): number | undefined {
  for (let c = left; right > left && c <= right; c++) {
    if (view.isOrigin(below, c) && SPLIT_TOTAL.test(normalizeHeading(view.text(below, c)))) return c;
  }
  return undefined;
}

/** A cell holding the form's year alone: （2023年度）, 2023年, 2023年度. */
const YEAR_ALONE = /^[(（]?\s*((?:19|20)\d{2})\s*年度?\s*[)）]?$/;
/** The year labelled: 评价年度：2023年, 年度：2023. */
const YEAR_LABEL = /年度\s*[:：]\s*((?:19|20)\d{2})(?!\d)/;
/** A title's year: 2023年度, or 2023年 (2023年项目支出绩效自评表) but not a date's (2024年1月15日). */
const STATED_YEAR = /((?:19|20)\d{2})\s*年度/;
const TITLE_YEAR = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/;
/** Words of a title or a line about the evaluation (绩效, 自评, 评价), at most this long unless it ends as a form's title. */
const TITLE_WORDS = /绩效|自评|评价/;
const TITLE_LENGTH = 40;
/** A sentence's punctuation: prose (a goals text, a note), no title. */
const PROSE = /[，。；！？,;]/;
/** A year of this century or the last, anywhere in a text. */
const A_YEAR = /(?:19|20)\d{2}/;
/** The label of a form's goals (年度总体目标 | 预期目标 | 实际完成情况): its texts state what was planned and done, not the form's year. */
const GOALS_LABEL = /^(?:年度|项目)?(?:总体|绩效)?目标(?:完成情况)?$/;

/**
 * The year a text above a form states as the form's (see formYearAt): the year alone, labelled
 * (评价年度：2023年) or in a title (2023年度项目支出绩效自评表); null for any other text, a project's
 * name (2022年度农村道路建设项目) or prose (巩固2022年度建设成果，…) mentioning a year (review 56 M1).
 */
function statedYearIn(text: string): number | null {
  if (text === "" || !A_YEAR.test(text)) return null;
  const titled = !PROSE.test(text) && ((text.length <= TITLE_LENGTH && TITLE_WORDS.test(text)) || FORM_TITLE.test(normalizeHeader(text)));
  const stated = YEAR_ALONE.exec(text.trim()) ?? YEAR_LABEL.exec(text) ?? (titled ? (STATED_YEAR.exec(text) ?? TITLE_YEAR.exec(text)) : null);
  return stated ? Number(stated[1]) : null;
}

/** Whether a row is one of a form's goals (labelled 年度总体目标 in `span`): no year of its texts is the form's. */
function isGoalsRow(view: SheetView, row: number, span: ColumnSpan): boolean {
  for (let col = span.left; col < spanEnd(view, row, span); col++) {
    const text = view.text(row, col);
    if (text !== "" && text.length <= TITLE_LENGTH && GOALS_LABEL.test(normalizeHeader(text))) return true;
  }
  return false;
}

/**
 * The one year a sheet's name states (2023年项目A, 2024年度, 项目A（2023年）); null for none or several
 * (2022-2023年), or a date's (2024年1月报送, named by when it was filed: review 56 L2), as in a title.
 */
function sheetNameYear(name: string): number | null {
  const years = new Set([...name.matchAll(/(?<!\d)((?:19|20)\d{2})(?!\d)/g)].map((m) => m[1]));
  if (years.size !== 1) return null;
  const stated = TITLE_YEAR.exec(name);
  return stated && years.has(stated[1]) ? Number(stated[1]) : null;
}

/**
 * The year a form is for, one reading for detection (which of several dated columns is the year's,
 * see datedColumns) and for the model (a deadline naming no year, the report's year): the nearest
 * year stated above the header starting on `headerTop`, in the cells of its span (see
 * statedYearIn: a title 2023年度项目支出绩效自评表 of any length, （2023年度）, 评价年度：2023年; not
 * in the goals' rows, see isGoalsRow), no higher than the table above that ends another form: the nearest indicator table above whose span
 * meets this one's, or for a budget table the nearest table of either kind (the indicators under
 * their form's budget block read on past it, up to the form's title). The rows of a table read on
 * past (that block's header and lines) are passed over: a heading of its columns (全年执行数 over
 * 2022年 | 2023年) dates a column, not the form (review 56 H2). Else the one year the sheet's name
 * states (2023年项目A): accountants name sheets by year. Null when neither says.
 *
 * `ended`: the sheet's tables by their last row (see EndedTables), while detection reads the header
 * those found so far (every table ending above it is found by then). Only those ending between the
 * form above and this header are looked at.
 */
function formYearAt(view: SheetView, kind: Table["kind"], headerTop: number, span: ColumnSpan, ended: EndedTables): number | null {
  let stop = -1;
  const passed: Table[] = [];
  for (let i = ended.before(headerTop) - 1; i >= 0; i--) {
    const t = ended.tables[i];
    if (t.span.left > span.right || t.span.right < span.left) continue;
    if (kind === "budget" || t.kind === "indicators") {
      stop = t.lastRow;
      break;
    }
    passed.push(t);
  }
  for (let row = headerTop - 1; row > stop; row--) {
    if (passed.some((t) => t.headerTop <= row && row <= t.lastRow) || isGoalsRow(view, row, span)) continue;
    const end = spanEnd(view, row, span);
    for (let col = span.left; col < end; col++) {
      const year = statedYearIn(view.ownText(row, col));
      if (year !== null) return year;
    }
  }
  return sheetNameYear(view.sheet.name);
}

/** A sheet's tables in the order they end (by lastRow), for formYearAt to walk up from a header. */
class EndedTables {
  readonly tables: Table[] = [];

  constructor(tables: readonly Table[] = []) {
    for (const table of tables) this.add(table);
  }

  add(table: Table): void {
    this.tables.splice(this.before(table.lastRow + 1), 0, table);
  }

  /** How many tables end above `row`. */
  before(row: number): number {
    let low = 0;
    let high = this.tables.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.tables[mid].lastRow < row) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/**
 * The columns under a heading merged across them whose sub-headers are each a year (实际完成值 over
 * 2022年 | 2023年), as headings of those years (2022年实际完成值, 2023年实际完成值): see datedColumns
 * for which is read; none unless every one is.
 */
function yearsUnder<F extends string>(
  view: SheetView,
  row: number,
  below: number,
  left: number,
  right: number,
  match: (text: string) => F | undefined,
): (FieldCell<F> & { year: number })[] {
  if (right === left) return [];
  const heading = view.text(row, left);
  const field = match(heading);
  const years: (FieldCell<F> & { year: number })[] = [];
  for (let c = left; c <= right; c++) {
    const sub = view.text(below, c);
    // Years (2022年 | 2023年), and parts of the year under what was done or spent (截至6月底 |
    // 截至12月底, 上半年 | 全年, 1-6月 | 1-12月).
    const part = field !== undefined && RESULT_FIELDS.includes(field) && periodEnd(sub) !== null;
    const dated = part ? { field: field!, when: sub } : /^(?:\d{4}年度?|本年度?|当年)$/.test(sub) ? datedField(sub + heading, match) : undefined;
    if (!dated) return [];
    years.push({ col: c, field: dated.field, year: rankOf(dated.when) });
  }
  return years;
}

/**
 * How late a dated heading's words run to, to order columns by: the year and the month ÷ 100
 * (截至2023年6月底 2023.06, 2023年 2023.12, 截至6月底 0.06, 全年 0.12); 本年 and 当年 the latest.
 */
function rankOf(when: string): number {
  if (/^(?:本年度?|当年)$/.test(when)) return Infinity;
  const year = Number(/\d{4}/.exec(when)?.[0] ?? 0);
  const end = periodEnd(when);
  return (end?.year ?? year) + (end?.month ?? 12) / 100;
}

/**
 * Columns headed with their year or date (2023年度指标值, 截至12月底完成值: see datedField), for
 * fields no heading names as written. A field one such column claims is read there. Of several
 * (2022年度指标值 | 2023年度指标值), the one of the form's year: 本年 or 当年 beside numbered years;
 * else the year of the fields one column claims; else the year of what was done or spent, which is
 * never a later year's than the form's (`formYear`, see formYearAt; null where unknown), so its latest up to that; else
 * the latest year every field claimed several times has. Otherwise none, as which column is the
 * year's own cannot be told (2023年度指标值 | 2024年度指标值 beside 实际完成值).
 */
function datedColumns<F extends string>(dated: (FieldCell<F> & { year: number })[], named: FieldCell<F>[], formYear: number | null): FieldCell<F>[] {
  const byField = new Map<F, (FieldCell<F> & { year: number })[]>();
  for (const cell of dated) {
    if (named.some((n) => n.field === cell.field)) continue;
    byField.set(cell.field, [...(byField.get(cell.field) ?? []), cell]);
  }
  const groups = [...byField.values()];
  const singleYears = new Set(groups.filter((g) => g.length === 1).map((g) => g[0].year));
  const several = groups.filter((g) => g.length > 1);
  const results = several.filter((g) => RESULT_FIELDS.includes(g[0].field));
  // What was done or spent: its latest column up to the form's year (a part of a year ranks by its month).
  const latestResult = (g: (FieldCell<F> & { year: number })[]) => {
    const years = g.map((c) => c.year).filter((y) => formYear === null || Math.floor(y) <= formYear);
    return years.length > 0 ? Math.max(...years) : null;
  };
  const resultYears = results.map(latestResult).filter((y): y is number => y !== null);
  const commonYears = several.length > 1 ? [...new Set(several[0].map((c) => c.year))].filter((y) => several.every((g) => g.some((c) => c.year === y))) : [];
  const year =
    singleYears.size === 1 ? [...singleYears][0] : singleYears.size > 0 ? null : resultYears.length > 0 ? Math.max(...resultYears) : commonYears.length > 0 ? Math.max(...commonYears) : null;
  return groups.flatMap((g) => {
    const current = g.filter((c) => c.year === Infinity);
    const wanted = RESULT_FIELDS.includes(g[0].field) ? latestResult(g) : year;
    const cell = g.length === 1 ? g[0] : current.length === 1 ? current[0] : g.filter((c) => c.year === wanted).pop();
    return cell ? [{ col: cell.col, field: cell.field }] : [];
  });
}

/** The fields of what was done or spent in the year. */
const RESULT_FIELDS: readonly string[] = ["actual", "spent"] satisfies (IndicatorField | BudgetField)[];

/** The fields naming an indicator. */
const NAME_FIELDS: readonly string[] = ["level1", "level2", "level3", "level4", "levels"] satisfies IndicatorField[];

/**
 * The column naming a row's indicator: its deepest level. Under four levels (一级 | 二级 | 三级 |
 * 四级) the 三级 groups the indicators (工程量) and the 四级 names each (农村道路硬化里程); a row
 * leaving its 四级 blank is named by its 三级 (review round 54a M1).
 */
export function nameColumn(view: SheetView, row: number, columns: Columns<IndicatorField>): number | undefined {
  if (columns.level4 !== undefined && view.text(row, columns.level4) !== "") return columns.level4;
  return columns.level3 ?? columns.level2 ?? columns.level1;
}

/**
 * Each field's column: the first of fieldCells naming it, but a visible one before a hidden one
 * (last year's 实际完成值, a mid-year 全年执行数 or old 得分 the unit hid beside this year's: review
 * round 55a, H1); a hidden column alone naming its field is read. An indicator's values, 分值 and
 * 得分 come after its name: fields left of every name column are those of a line or a budget block
 * beside the indicators (预期目标 | 实际完成情况, 分值 | 得分 of a form whose header rows start higher
 * or lower), not theirs.
 */
function columnsOf<F extends string>(
  view: SheetView,
  row: number,
  match: (text: string) => F | undefined,
  below: number | undefined,
  span: ColumnSpan,
  formYear: number | null,
): Columns<F> {
  const columns: Columns<F> = {};
  const cells = fieldCells(view, row, match, below, span, formYear);
  let firstName = -1;
  for (const { col, field } of cells) if (NAME_FIELDS.includes(field) && (firstName < 0 || col < firstName)) firstName = col;
  for (const { col, field } of cells) {
    if (col < firstName) continue;
    const first = columns[field];
    if (first === undefined || (view.columnHidden(first) && !view.columnHidden(col))) columns[field] = col;
  }
  return withActualUnit(withOwnWeight(columns, cells), cells);
}

/** The fields that hold a value a 度量单位 column after them may give the unit of. */
const VALUE_FIELDS: readonly string[] = ["target", "initialTarget", "actual"] satisfies IndicatorField[];

/**
 * Each 度量单位 column is the unit of the value it follows (review round 56e, M1): where the target
 * and the actual each have one (指标性质 | 指标值 | 度量单位 | 完成值 | 度量单位), the one after the
 * actual, with no other value between, is the actual's (`actualUnit`) and the one after the target
 * the target's (`unit`). One 度量单位 alone is both values' unit, wherever it stands.
 */
function withActualUnit<F extends string>(columns: Columns<F>, cells: { col: number; field: F }[]): Columns<F> {
  const fields = columns as Columns<string>;
  // (Asked of every row tried as a header: most lack a value column, and no list is made for them.)
  if (fields.actual === undefined || fields.target === undefined) return columns;
  const units = cells.filter((c) => c.field === "unit").map((c) => c.col);
  if (units.length < 2) return columns;
  const values = cells.filter((c) => VALUE_FIELDS.includes(c.field)).map((c) => c.col);
  // The unit column after `col`, with no value of another field before it.
  const unitAfter = (col: number) => {
    const next = Math.min(...values.filter((v) => v > col));
    return units.filter((u) => u > col && u < next).sort((a, b) => a - b)[0];
  };
  const actualUnit = unitAfter(fields.actual);
  const targetUnit = unitAfter(fields.target);
  if (actualUnit === undefined || targetUnit === undefined || actualUnit === targetUnit) return columns;
  return { ...fields, unit: targetUnit, actualUnit } as Columns<F>;
}

/**
 * Whether a cell of `row` in `span` names a field of either kind: a header starts there only then
 * (headerAt reads the row's own words first, see fieldCells), so a caller trying every row of a
 * long table for a header beside it tries headerAt, much dearer, on these rows alone.
 */
function namesField(view: SheetView, row: number, span: ColumnSpan): boolean {
  const end = Math.min(span.right + 1, view.rowLength(row));
  for (let c = span.left; c < end; c++) {
    const text = view.text(row, c);
    for (let k = 0; k < HEADER_KINDS.length; k++) if (HEADER_KINDS[k].match(text) !== undefined) return true;
  }
  return false;
}

/**
 * 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值: each level is weighed in the 分值 right after it,
 * and an indicator's own weight is its deepest level's, not the first 分值 of the row.
 */
function withOwnWeight<F extends string>(columns: Columns<F>, cells: { col: number; field: F }[]): Columns<F> {
  const fields = columns as Columns<string>;
  const deepest = Math.max(fields.level1 ?? -1, fields.level2 ?? -1, fields.level3 ?? -1, fields.level4 ?? -1);
  if (fields.weight === undefined || fields.weight > deepest) return columns;
  const own = cells.find(({ col, field }) => field === "weight" && col > deepest);
  return own === undefined ? columns : { ...columns, weight: own.col };
}

function isIndicatorHeader(columns: Columns<IndicatorField>): boolean {
  const named = columns.level3 !== undefined || (columns.level1 !== undefined && columns.level2 !== undefined);
  // A 绩效评价指标表 scores by its 评分标准 rather than by targets and actuals. Without a 得分
  // column it is a reference of how to score (评分办法 beside a form), which nothing fills in.
  const scoredByStandard = columns.standard !== undefined && columns.weight !== undefined && columns.score !== undefined;
  return named && (columns.target !== undefined || columns.actual !== undefined || scoredByStandard);
}

/**
 * 评价指标 merged over the level columns of an older 绩效评价指标表, with no 一级/二级/三级 under it:
 * over three columns they are 一级, 二级, 三级; over two 一级 and the indicator; over one the
 * indicator alone.
 */
function spreadLevels(columns: Columns<IndicatorField>, view: SheetView, top: number): Columns<IndicatorField> {
  const col = columns.levels;
  if (col === undefined) return columns;
  const { levels: _levels, ...spread } = columns;
  if (spread.level1 !== undefined || spread.level2 !== undefined || spread.level3 !== undefined) return spread;
  const width = (view.mergeAt(top, col)?.right ?? col) - col + 1;
  if (width >= 3) Object.assign(spread, { level1: col, level2: col + 1, level3: col + 2 });
  else if (width === 2) Object.assign(spread, { level1: col, level3: col + 1 });
  else spread.level3 = col;
  return spread;
}

function isBudgetHeader(columns: Columns<BudgetField>): boolean {
  return (
    (columns.planned !== undefined && (columns.spent !== undefined || columns.rate !== undefined)) ||
    (columns.initial !== undefined && columns.spent !== undefined)
  );
}

function fieldCount(columns: object): number {
  return Object.keys(columns).length;
}

interface HeaderMatch {
  kind: "budget" | "indicators";
  top: number;
  bottom: number;
  columns: Columns<BudgetField> | Columns<IndicatorField>;
  /** The columns the header was read in (the table's span). */
  span: ColumnSpan;
}

const HEADER_KINDS = [
  { kind: "indicators" as const, match: matchIndicatorField, isHeader: isIndicatorHeader, rank: rankIndicatorColumns },
  { kind: "budget" as const, match: matchBudgetField, isHeader: isBudgetHeader, rank: rankBudgetColumns },
];

/**
 * Whether `row` starts a table header in `span`: one row, or two rows when the first has header
 * cells of its own (a group title such as 预算执行情况 over 预算数 / 执行数) and the second adds fields.
 * Of dated columns (实际完成值 over 2022年 | 2023年), those of `formYear` (see datedColumns): the
 * form's, once the header is one to read (see readDated); unknown (null) while looking for headers.
 */
function headerAt(view: SheetView, row: number, span: ColumnSpan, formYear: number | null = null): HeaderMatch | undefined {
  let twoRows: boolean | undefined;
  for (const { kind, match, isHeader, rank } of HEADER_KINDS) {
    const found: Columns<string> = columnsOf<string>(view, row, match, undefined, span, formYear);
    const ownFields = fieldCount(found);
    if (ownFields === 0) continue;
    // A line of the header block right above the header (项目名称 | 某项目, 自评得分 | 95.5) is not its top row.
    twoRows ??= row + 1 < view.rowCount && !isDataLike(view, row + 1, span) && !isNameLine(view, row, span) && !isStatedResultLine(view, row, span) && !holdsPair(view, row, span);
    const below: Columns<string> | undefined = twoRows ? columnsOf<string>(view, row, match, row + 1, span, formYear) : undefined;
    const single = rank(found, view, row, row, span);
    // Header cells merged down over the next row make it the header's second row, even when its own
    // words add no field (原因 | 措施 under 偏差原因分析及改进措施): never a header of its own.
    if (below && (fieldCount(below) > ownFields || (fieldCount(below) === ownFields && twoRowLayout(view, row, span)))) {
      const double = rank(below, view, row, row + 1, span);
      // A header the next row makes alone, wholly left or right of this row's words, is another form's
      // a row lower when those words are the other form's goals' header (预期目标 | 实际完成情况 over its
      // goals) or a whole header of their own (review rounds 46 and 47).
      const next = rank(columnsOf<string>(view, row + 1, match, undefined, span, formYear), view, row + 1, row + 1, span);
      // (Its own fields, not the 原因分析 | 改进措施 under the other form's 偏差原因分析及改进措施.)
      const cols = Object.entries(next).flatMap(([field, col]) => (field === "reason" || field === "measures" ? [] : [col as number]));
      const beside = isHeader(next) && (Object.values(found) as number[]).every((col) => col < Math.min(...cols) || col > Math.max(...cols));
      const goalsOnly = kind === "indicators" && Object.keys(found).every((field) => field === "target" || field === "actual");
      const nextAlone = beside && (goalsOnly || isHeader(single));
      if (isHeader(double) && !nextAlone) return { kind, top: row, bottom: row + 1, columns: double, span };
    }
    if (isHeader(single)) return { kind, top: row, bottom: row, columns: single, span };
  }
  return undefined;
}

/**
 * The table headers `row` starts in `span`: none, one, or one per table when tables stand side by
 * side under it (see sideSpans).
 */
function headersAt(view: SheetView, row: number, span: ColumnSpan): HeaderMatch[] {
  const header = headerAt(view, row, span);
  if (!header) return [];
  const spans = sideSpans(view, header);
  if (spans.length < 2) return [header];
  const sides = spans.map((span) => ownHeaderAt(view, row, span));
  return sides.every((side) => side?.kind === header.kind) ? (sides as HeaderMatch[]) : [header];
}

/**
 * The header in the columns of one of forms side by side that holds `row`: the two-row header
 * starting a row above when there is one (read across the whole row, the other form's name line
 * beside its top row, 项目名称 | 乙项目, made that row look like a line of a header block: see
 * isNameLine), else the one starting at `row`.
 */
function ownHeaderAt(view: SheetView, row: number, span: ColumnSpan): HeaderMatch | undefined {
  const above = row > 0 ? headerAt(view, row - 1, span) : undefined;
  return above?.bottom === row ? above : headerAt(view, row, span);
}

/**
 * Tables side by side (two projects' forms next to each other) share their header row: a field
 * named again (a second 全年预算数, a second 三级指标) starts the next table. Each table's span runs
 * from the column after the previous one's last field (its row labels sit left of its fields)
 * through its own last field, the last one's to the end of the header's span. One span for a
 * header naming each field once; a share that is no header by itself (a stray second 得分) leaves
 * the row one table (see headersAt).
 */
function sideSpans(view: SheetView, header: HeaderMatch): ColumnSpan[] {
  const { match } = HEADER_KINDS.find((k) => k.kind === header.kind)!;
  const below = header.bottom > header.top ? header.bottom : undefined;
  const { span } = header;
  const cells = fieldCells<string>(view, header.top, match, below, span, null).sort((a, b) => a.col - b.col);
  const shares: FieldCell<string>[][] = [];
  let share: FieldCell<string>[] = [];
  for (const cell of cells) {
    if (share.some((c) => c.field === cell.field)) {
      shares.push(share);
      share = [];
    }
    share.push(cell);
  }
  shares.push(share);
  if (shares.length < 2) return [span];
  return shares.map((fields, i) => ({
    left: i === 0 ? span.left : shares[i - 1][shares[i - 1].length - 1].col + 1,
    right: i === shares.length - 1 ? span.right : fields[fields.length - 1].col,
  }));
}

/**
 * Whether the row and the next are laid out as one two-row header: a title merged down over both
 * rows, and a title merged across with words of the next row under it.
 */
function twoRowLayout(view: SheetView, row: number, span: ColumnSpan): boolean {
  let mergedDown = false;
  let subTitled = false;
  for (let c = span.left; c < spanEnd(view, row, span); c++) {
    const merge = view.mergeAt(row, c);
    if (merge === undefined || merge.top !== row) continue;
    if (merge.bottom === row + 1) mergedDown = true;
    else if (merge.bottom === row && merge.right > merge.left && view.isOrigin(row + 1, c)) {
      subTitled ||= view.text(row + 1, c) !== "";
    }
  }
  return mergedDown && subTitled;
}

function rankBudgetColumns(columns: Columns<string>, view: SheetView, top: number, row: number, span: ColumnSpan): Columns<string> {
  return preferAdjustedBudget(ownLabel(columns, view, top, span), view, row, span);
}

function rankIndicatorColumns(columns: Columns<string>, view: SheetView, top: number, row: number, span: ColumnSpan): Columns<string> {
  const spread = spreadLevels(columns, view, top);
  const adjusted = adjustedColumn(spread, "target", matchIndicatorField, view, row, span);
  return adjusted === undefined ? spread : { ...spread, target: adjusted, initialTarget: spread.target };
}

/**
 * A budget table's row labels (项目名称, 资金来源) head a column left of its figures. A label named
 * right of them, or a 项目名称 (单位名称 …) with a name beside it over none of the figures' columns
 * (项目名称 | 某项目, as a form's header block has it), is the name line of a form beside the table
 * whose header rows start lower or higher, not its label column.
 */
function ownLabel(columns: Columns<string>, view: SheetView, top: number, span: ColumnSpan): Columns<string> {
  const { label, ...figures } = columns;
  if (label === undefined) return columns;
  const figureCols = BUDGET_NUMBER_FIELDS.flatMap((f) => (figures[f] === undefined ? [] : [figures[f]]));
  if (figureCols.some((c) => c < label)) return figures;
  const name = labelledName(view, top, label, span);
  const valueCol = valueColRightOf(view, top, label, span);
  if (name === null || valueCol === undefined || matchBudgetField(name.value) !== undefined) return columns;
  const value = view.mergeAt(top, valueCol) ?? { left: valueCol, right: valueCol };
  return figureCols.some((c) => value.left <= c && c <= value.right) ? columns : figures;
}

/**
 * 预算数 | 调整后预算数: the adjusted (or 全年) budget is the one 执行率 divides by (domain.md §3);
 * a bare 预算数 beside it is then the initial budget.
 */
function preferAdjustedBudget(columns: Columns<string>, view: SheetView, row: number, span: ColumnSpan): Columns<string> {
  const adjusted = adjustedColumn(columns, "planned", matchBudgetField, view, row, span);
  if (adjusted === undefined) return columns;
  const bare = columns.planned;
  const ranked: Columns<string> = { ...columns, planned: adjusted };
  if (bare !== undefined && ranked.initial === undefined) ranked.initial = bare;
  return ranked;
}

/**
 * The column of `field` headed as adjusted or whole-year (调整后预算数, 全年目标值) where the field's
 * column first named is another: the year's figure as adjusted is the one measured against, as
 * 年初目标值 | 调整后目标值 and 年初预算数 | 全年预算数 give them (review round 52b, H2).
 */
function adjustedColumn<F extends string>(
  columns: Columns<string>,
  field: F,
  match: (text: string) => F | undefined,
  view: SheetView,
  row: number,
  span: ColumnSpan,
): number | undefined {
  const first = columns[field];
  // The same heading again is the field of a form beside this one, not a second figure of it.
  const firstHeading = first === undefined ? "" : normalizeHeading(view.text(row, first));
  for (let c = span.left; c < spanEnd(view, row, span); c++) {
    if (c === first || match(view.text(row, c)) !== field) continue;
    const heading = normalizeHeading(view.text(row, c));
    if (heading !== firstHeading && /^(全年|调整)/.test(heading)) return c;
  }
  return undefined;
}

/**
 * A line of the form's header block right above a header (项目名称 | 某项目 | 实施单位 | 某单位 over
 * 项目资金（万元） | 年初预算数 …), not the header's top row: a name label (项目名称 is also a budget
 * table's label column) with its value beside it, not merged down, and the header's own words under it.
 */
function isNameLine(view: SheetView, row: number, span: ColumnSpan): boolean {
  for (let c = span.left; c < spanEnd(view, row, span); c++) {
    const name = labelledName(view, row, c, span);
    if (name === null || (view.mergeAt(row, c)?.bottom ?? row) > row) continue;
    if (matchBudgetField(name.value) !== undefined || matchIndicatorField(name.value) !== undefined) continue;
    if (view.isOrigin(row + 1, c) && view.text(row + 1, c) !== "") return true;
  }
  return false;
}

/** A row with numbers in it (in `span`) is data, not the second row of a header. */
function isDataLike(view: SheetView, row: number, span: ColumnSpan): boolean {
  for (let c = span.left; c < spanEnd(view, row, span); c++) {
    if (typeof view.rowValue(row, c) === "number") return true;
  }
  return false;
}

/** Blank: nothing of its own in the row, and no merged area from above running through it. */
function isBlankRow(view: SheetView, row: number, left: number, right: number): boolean {
  for (let c = left; c <= right; c++) {
    if (view.originRow(row, c) !== row) return false;
    if (cellText(view.rowValue(row, c)) !== "") return false;
  }
  return true;
}

/** The normalised texts a row starts with, for recognising total, grade and note rows. */
export function leadingLabels(view: SheetView, row: number, left: number, right: number): string[] {
  const labels: string[] = [];
  for (let c = left; c <= right && labels.length < 3; c++) {
    const text = view.ownText(row, c);
    if (text !== "") labels.push(text);
  }
  return labels;
}

/** The labels a row of a table starts with (see leadingLabels). */
function rowLabels(view: SheetView, row: number, table: IndicatorTable): string[] {
  return leadingLabels(view, row, table.span.left, table.right);
}

function labelIs(text: string, re: RegExp): boolean {
  return ROW_LABEL_START.test(text) && (re.test(normalizeHeader(text)) || re.test(text));
}

/** Whether any of the labels matches. (A loop: asked of every row, `some` made a closure over `re` each time.) */
function labelMatches(labels: string[], re: RegExp): boolean {
  for (const label of labels) if (labelIs(label, re)) return true;
  return false;
}

/** Words a numbered line holds at least to be a note rather than a name (本项目指标值依据年初目标填列). */
const NOTE_WORDS = 12;

/**
 * A numbered line that is one of a form's notes, not a name: a sentence (1.本项目指标值…。), or more
 * words than a name has, however it is numbered (一、, （二）, ①, １．); never a 一级 heading
 * (一、产出指标（本项50分，含数量、质量、时效、成本）, 一、产出指标：反映项目产出情况。) nor a project's
 * (review round 46).
 */
function isNumberedNote(text: string): boolean {
  const line = text.trim();
  const words = withoutNumbering(line);
  // A project's name (…项目, its phase in brackets or not), or a name with its unit in brackets: a heading, however long.
  const heading = NAMES_PROJECT.test(words) || beforeUnitInBrackets(words) !== null;
  return words !== line && (/[。；;]/.test(words) || (words.length >= NOTE_WORDS && !heading)) && !startsWithSectionName(words);
}

/** How a project's name ends: 项目, its phase in brackets after it or not (高标准农田建设项目（二期）). */
const NAMES_PROJECT = /项目(?:[（(][^（）()]*[)）])?$/;

/** Whether a row's labels make it a note: 说明：…, 填表人：…, or a numbered note alone on its row. */
function isNote(labels: string[]): boolean {
  return labelMatches(labels, NOTE_LABEL) || (labels.length === 1 && isNumberedNote(labels[0]));
}

/**
 * What labels[i] heads, the text after it being what the row holds: a "total", a "grade", or
 * neither. 自评结果 | 95 is the 总分 and 自评结果 | 优 the 等次; 自评结论 is the 等次 only when it
 * holds a grade word (自评结论 | 优, or 自评结论：优 in one cell), not a paragraph. A label in two
 * languages is read by its Chinese words (自评结果\nResult, Conclusion\n自评结论: see headingWords).
 */
function summaryKind(labels: string[], i: number): "total" | "grade" | null {
  const kind = summaryLabelKind(labels[i]);
  const held = labels[i + 1] ?? "";
  if (kind === "result") return isPlainNumber(held) ? "total" : "grade";
  if (kind === "conclusion") return isGradeText(held) ? "grade" : null;
  return kind;
}

/**
 * What a label says of the row by itself (see summaryKind): a "total" or "grade" label, or a
 * "result" or "conclusion" one, which the text after it decides. Memoised: asked of the leading
 * labels of every row of every table.
 */
const summaryLabelKind = memoisedText((text: string): "total" | "grade" | "result" | "conclusion" | null => {
  // A label in two languages by its Chinese words (自评结果\nResult), as a heading is.
  const label = headingWords(text);
  // The grade written in the label's own cell (自评结论：优); split only where a colon is, as in few labels.
  if (/[:：]/.test(label)) {
    const [inCellLabel, inCell] = label.split(/[:：]/, 2);
    if ((labelIs(inCellLabel, RESULT_LABEL) || labelIs(inCellLabel, CONCLUSION_LABEL)) && isGradeText(inCell.trim())) return "grade";
  }
  if (labelIs(label, RESULT_LABEL)) return "result";
  if (labelIs(label, CONCLUSION_LABEL)) return "conclusion";
  if (labelIs(label, GRADE_LABEL)) return "grade";
  return labelIs(label, TOTAL_LABEL) ? "total" : null;
});

/** Whether any of the labels from `from` on heads a row of that kind (see summaryKind). */
function heads(labels: string[], kind: "total" | "grade", from = 0): boolean {
  for (let i = from; i < labels.length; i++) if (summaryKind(labels, i) === kind) return true;
  return false;
}

/** The parts every table starts with: its header rows and the columns its fields span. */
function tableBase(header: HeaderMatch): TableBase {
  const cols = Object.values(header.columns) as number[];
  return {
    top: header.top,
    headerTop: header.top,
    headerBottom: header.bottom,
    left: Math.min(...cols),
    right: Math.max(...cols),
    rows: [],
    lastRow: header.bottom,
    span: header.span,
    above: null,
    project: null,
    unit: null,
    label: null,
    wholeDepartment: false,
    year: null,
  };
}

/**
 * One text merged across the name and the value columns: a paragraph under the table (自评结论：…,
 * 存在问题及改进措施：…), which ends it; no indicator row is laid out that way.
 */
function isParagraph(view: SheetView, row: number, columns: Columns<IndicatorField>): boolean {
  const nameCol = columns.level3 ?? columns.level2 ?? columns.level1;
  const valueCol = columns.target ?? columns.actual;
  if (nameCol === undefined || valueCol === undefined) return false;
  // The cells first: every row of every table asks, and few are one merged cell.
  const name = view.origin(row, nameCol);
  const value = view.origin(row, valueCol);
  if (name.row !== value.row || name.col !== value.col) return false;
  const text = view.text(row, nameCol);
  return text !== "" && !isSectionHeading(text);
}

/**
 * Whether a row is inside a 一级's group: its 一级 cell continues a label merged from above, or
 * holds a 一级 heading itself (产出指标 | 合计 | 50 | 50 at the head of its group). A 合计 in its
 * 二级 column sums that 一级, not the table: the table's own 合计 or 总分 is in the 一级 column.
 */
function withinLevel1Group(view: SheetView, row: number, table: IndicatorTable, columns: Columns<IndicatorField>): boolean {
  const col = columns.level1;
  if (col === undefined) return false;
  if (!view.isOrigin(row, col)) return view.originRow(row, col) < row;
  // 绩效指标 | 合计 is the table's total: 绩效指标 heads all the 一级s.
  const text = cellText(view.raw(row, col));
  // Left blank under rows of the table, as a 一级 written on its first row alone leaves it: a
  // 合计 there is told by its 分值 (see sumsGroup).
  if (text === "") return table.rows.length > 0;
  return isSectionHeading(text) && !WHOLE_TABLE_HEADING.test(withoutNumbering(text.trim()));
}

const WHOLE_TABLE_HEADING = /^(?:项目)?绩效(?:指标|目标)?/;

/**
 * Whether a 合计 inside a 一级's group sums that group rather than the table. At the foot of its
 * group, by its 分值 (or, left blank, its 得分): that of its 一级's rows right above it (and not
 * of all rows) is the group's; that of all rows, or 100, the table's, its 一级's label merged down
 * over it by mistake. Else, and at the head of a group, by what follows: the group's when the
 * table goes on under it (an indicator's row, a 小计 or the table's total next).
 */
function sumsGroup(view: SheetView, row: number, table: IndicatorTable, columns: Columns<IndicatorField>): boolean {
  const col = [columns.weight, columns.score].find((c) => c !== undefined && isPlainNumber(view.rowValue(row, c)));
  if (col !== undefined) {
    const value = parseNumber(view.rowValue(row, col))!;
    const group = groupRowsAbove(view, row, table, columns.level1!);
    const groupSum = columnSum(view, group, col);
    const all = columnSum(view, table.rows, col);
    if (group.length > 0 && groupSum !== null && all !== null) {
      if (value.eq(groupSum) && !groupSum.eq(all)) return true;
      if (!value.eq(groupSum) && (value.eq(all) || value.eq(100))) return false;
    }
  }
  for (let next = row + 1; next < view.rowCount; next++) {
    if (isBlankRow(view, next, table.span.left, table.right)) continue;
    const labels = rowLabels(view, next, table);
    // An indicator's row: its values, or its name where they are left blank.
    const indicator = hasOwnValues(view, next, columns) || hasOwnText(view, next, columns.level3) || hasOwnText(view, next, columns.level4);
    return indicator || heads(labels, "total") || labelMatches(labels, SUBTOTAL_LABEL) || labels.some(isGroupSubtotal);
  }
  return false;
}

/**
 * The table's rows right above `row` of its 一级 (its label merged over them, written on each, or
 * on the first alone with the others blank), past any 小计 among them.
 */
function groupRowsAbove(view: SheetView, row: number, table: IndicatorTable, col: number): number[] {
  const labelOf = (r: number) => view.text(view.originRow(r, col), col);
  // A blank 一级 cell continues the label above it.
  const effective = new Map<number, string>();
  let last = "";
  for (const r of table.rows) effective.set(r, (last = labelOf(r) || last));
  const own = labelOf(row) || last;
  const group: number[] = [];
  for (let i = table.rows.length - 1; i >= 0 && effective.get(table.rows[i]) === own; i--) group.push(table.rows[i]);
  return group;
}

/**
 * The sum of the rows' numbers in a column, read and added as the totals are (parseShownNumber,
 * sumOf: three =50/3 add up to 50); null where one is not a number.
 */
function columnSum(view: SheetView, rows: number[], col: number): Decimal | null {
  const values: Decimal[] = [];
  for (const r of rows) {
    const value = parseShownNumber(view.rowValue(r, col));
    if (value === null) return null;
    values.push(value);
  }
  return sumOf(values);
}

/** Whether the row has a target or actual in a cell of its own (not part of a wider label). */
function hasOwnValues(view: SheetView, row: number, columns: Columns<IndicatorField>): boolean {
  return hasOwnText(view, row, columns.target) || hasOwnText(view, row, columns.actual);
}

/** Whether the row holds text in that column's cell of its own (not one of a merged area's other cells). */
export function hasOwnText(view: SheetView, row: number, col: number | undefined): boolean {
  return col !== undefined && view.ownText(row, col) !== "";
}

/**
 * A cheap test before `headerAt` inside a table (a header has no numbers, see isDataLike): a
 * header starting right under the table has a header word in one of its name or value columns.
 */
function mayStartHeader(view: SheetView, row: number, columns: Columns<IndicatorField>): boolean {
  return isHeaderWord(view, row, columns.level1) || isHeaderWord(view, row, columns.level3) || isHeaderWord(view, row, columns.target);
}

function isHeaderWord(view: SheetView, row: number, col: number | undefined): boolean {
  if (col === undefined) return false;
  const text = view.text(row, col);
  return matchIndicatorField(text) !== undefined || matchBudgetField(text) !== undefined;
}

/** Whether a header (of any table) starts at `row` inside an indicator table with these columns. */
function startsHeader(view: SheetView, row: number, span: ColumnSpan, columns: Columns<IndicatorField>): boolean {
  return !isDataLike(view, row, span) && mayStartHeader(view, row, columns) && headerAt(view, row, span) !== undefined;
}

/** Blank rows and notes an indicator table goes on past (see resumesAt). */
const GAP_ROWS = 3;

/**
 * Blank rows and notes a table listing several projects goes on past before a project's first row
 * (see splitProjects): a page's worth of space left between one project and the next.
 */
const PROJECT_GAP_ROWS = 10;

/**
 * Where an indicator table goes on after a break at `from` that comes before its 总分 row: past up
 * to GAP_ROWS blank rows and notes (说明：…, 注：…, 备注：…: a spacer between 产出 and 效益, a note on
 * a block; PROJECT_GAP_ROWS before a project's first row) and its own header once more (a form
 * printed over two pages, or pages pasted together),
 * at a row of its own (see isOwnRow). Undefined when anything else comes first — another header
 * (a budget block, a different indicator header, forms side by side where the table stood alone),
 * a form's title or 项目名称 line, a paragraph, more gap rows, the sheet's end: the table ends.
 */
function resumesAt(view: SheetView, from: number, table: IndicatorTable, header: HeaderMatch): number | undefined {
  const { span, columns, right } = table;
  const allowed = table.projectColumn === null ? GAP_ROWS : PROJECT_GAP_ROWS;
  let gaps = 0;
  let repeated = false;
  for (let row = from; row < view.rowCount; ) {
    if (startsHeader(view, row, span, columns)) {
      const again = repeated ? undefined : repeatedHeader(view, row, table, header);
      if (again === undefined) return undefined;
      repeated = true;
      row = again.bottom + 1;
      continue;
    }
    const labels = leadingLabels(view, row, span.left, right);
    if (isBlankRow(view, row, span.left, right) || isNote(labels)) {
      if (++gaps > allowed) return undefined;
      row++;
      continue;
    }
    // A project's heading row (二、耕地质量提升项目) after a note, over its rows: the table goes on there.
    if (isProjectHeading(view, row, table, labels) && valuesFollow(view, row, table)) return row;
    if (gaps > GAP_ROWS && !startsProject(view, row, table)) return undefined;
    return isOwnRow(view, row, table, labels) ? row : undefined;
  }
  return undefined;
}

/**
 * The table's header again at `row`, in its span: the same kind, rows, columns and words, and the
 * only header there (forms side by side under a header the table had alone start new forms).
 */
function repeatedHeader(view: SheetView, row: number, table: IndicatorTable, header: HeaderMatch): HeaderMatch | undefined {
  const found = headersAt(view, row, table.span);
  const again = found.length === 1 ? found[0] : undefined;
  if (again?.kind !== "indicators" || again.bottom - again.top !== header.bottom - header.top) return undefined;
  const fields = Object.entries(header.columns) as [string, number][];
  const againColumns = again.columns as Columns<string>;
  if (fieldCount(againColumns) !== fields.length || fields.some(([field, col]) => againColumns[field] !== col)) return undefined;
  const sameWords = (col: number) => {
    for (let k = 0; k <= header.bottom - header.top; k++) if (view.text(header.top + k, col) !== view.text(again.top + k, col)) return false;
    return true;
  };
  return fields.every(([, col]) => sameWords(col)) ? again : undefined;
}

/**
 * A row the table goes on with after a gap: its 总分 or 等次 row, or an indicator filling the
 * columns its rows fill — a name and a target or actual, and a 分值 or 得分 where its rows have one
 * — that does not start the 一级 levels over (产出 again after 满意度: the next list of indicators).
 */
function isOwnRow(view: SheetView, row: number, table: IndicatorTable, labels: string[]): boolean {
  const { columns } = table;
  if (!hasOwnValues(view, row, columns)) return heads(labels, "total") || heads(labels, "grade");
  const nameCol = nameColumn(view, row, columns);
  if (nameCol === undefined || view.text(row, nameCol) === "") return false;
  const points = (r: number) => hasOwnText(view, r, columns.weight) || hasOwnText(view, r, columns.score);
  if (table.rows.some(points) && !points(row)) return false;
  return !startsLevelsOver(view, row, table);
}

/**
 * Whether the row's 一级 label is one the table had before its latest (产出 under 效益 or 满意度),
 * other than at the next project's first row of a table listing several (see splitProjects).
 */
function startsLevelsOver(view: SheetView, row: number, table: IndicatorTable): boolean {
  const col = table.columns.level1;
  const level = col === undefined ? "" : view.text(row, col);
  if (col === undefined || level === "" || startsProject(view, row, table)) return false;
  const earlier = table.rows.map((r) => view.text(r, col)).filter((text) => text !== "");
  return earlier.includes(level) && earlier[earlier.length - 1] !== level;
}

function readIndicatorTable(view: SheetView, header: HeaderMatch): IndicatorTable {
  const columns = header.columns as Columns<IndicatorField>;
  const table: IndicatorTable = {
    kind: "indicators",
    ...tableBase(header),
    columns,
    projectColumn: null,
    projectHeadings: false,
    totalRow: null,
    gradeRow: null,
    subtotalRow: null,
    levelSubtotalRows: [],
    taskSubtotals: [],
    listTotalRows: [],
    statedTotal: null,
    statedGrade: null,
  };
  table.projectColumn = projectColumnOf(view, table);
  if (table.projectColumn === null) {
    table.projectColumn = headingColumnOf(view, table);
    table.projectHeadings = table.projectColumn !== null;
  }
  const { right, span } = table;
  // Total, grade and note labels may start left of the first field column (often merged from A).
  const scanLeft = span.left;
  // The project whose rows these are, in a table naming its rows' projects (see splitProjects).
  let project: string | undefined;
  let row = header.bottom + 1;
  for (; row < view.rowCount; row++) {
    // A blank row or the header again in the middle of the table: it goes on past them where its
    // own rows follow (see resumesAt), else they end it.
    if (isBlankRow(view, row, scanLeft, right) || startsHeader(view, row, span, columns)) {
      const next = resumesAt(view, row, table, header);
      if (next === undefined) break;
      row = next - 1;
      continue;
    }
    // Right under the header, a row numbering the columns (栏次 | 1 | 2 | 3) is not an indicator.
    if (table.rows.length === 0 && row <= header.bottom + 2 && isColumnNumbersRow(view, row, span)) continue;
    const labels = leadingLabels(view, row, scanLeft, right);
    if (startsProject(view, row, table)) project = ownProjectText(view, row, table);
    // One project's 总分, 小计 or 等次 in a table naming its rows' projects goes on to the next
    // project's rows (see splitProjects); the last project's 总分 (测土配方施肥项目总分) is the table's.
    // Before any name, in a project column: a first project whose name cell was left blank.
    const closing = project ?? (table.projectColumn !== null ? "" : undefined);
    if (closing !== undefined && endsProject(view, row, table, labels, closing)) {
      if (projectFollows(view, row, table, header, scanLeft, closing)) {
        table.rows.push(row);
        table.lastRow = row;
        continue;
      }
      if (project !== undefined && isOwnProjectTotal(view, row, table, labels, project)) {
        table.totalRow = row;
        break;
      }
    }
    // The projects' average under the last of them (平均得分 | 100 | 98.17) ends the list.
    if (project !== undefined && labelMatches(labels, LIST_AVERAGE_LABEL) && !hasOwnValues(view, row, columns)) {
      table.totalRow = row;
      break;
    }
    // 综合得分 | 95 | 评价等次 | 优: the total and the grade on one row.
    if (labels.length > 1 && summaryKind(labels, 0) === "total" && heads(labels, "grade", 1)) {
      table.totalRow = table.gradeRow = row;
      break;
    }
    // An indicator may be named 等级公路比例 or 总计划完成率: a total or grade row has no target or actual.
    const summaryRow = !hasOwnValues(view, row, columns);
    // A 合计 beside a 一级's label may sum that 一级 (see withinLevel1Group, sumsGroup).
    const groupSum = summaryRow && labelMatches(labels, SUM_LABEL) && withinLevel1Group(view, row, table, columns) && sumsGroup(view, row, table, columns);
    if (summaryRow && !groupSum && heads(labels, "grade")) {
      table.gradeRow = row;
      break;
    }
    if (summaryRow && !groupSum && heads(labels, "total")) {
      table.totalRow = row;
      break;
    }
    // A 小计 inside the table (产出指标小计, 数量指标小计 too) is not an indicator; one named
    // 小计完成项目, with its own values, is.
    if (summaryRow && (groupSum || labelMatches(labels, SUBTOTAL_LABEL) || labels.some(isGroupSubtotal))) {
      table.levelSubtotalRows.push(row);
      continue;
    }
    // A note (说明：…) on a block of the table, likewise; one under the last indicator ends it. (A
    // project's heading is none, however long: 一、2023年度高标准农田建设工程.)
    if (isNote(labels) && !isProjectHeading(view, row, table, labels)) {
      const next = resumesAt(view, row, table, header);
      if (next === undefined) break;
      row = next - 1;
      continue;
    }
    // A project's heading row merged across the table is no paragraph ending it.
    if (!isProjectHeading(view, row, table, labels) && isParagraph(view, row, columns)) break;
    table.rows.push(row);
    table.lastRow = row;
  }
  // A grade row right under the total row (or a total under a grade) belongs to the table too. A
  // total right under the total is the 总分: the one above is the indicators' 合计 (90 of 90), the
  // one below adds the budget's score (项目自评总分（含预算执行率得分）).
  if (table.totalRow !== null || table.gradeRow !== null) {
    table.lastRow = row;
    let blanks = 0;
    for (let next = row + 1, end = row + 3; next < Math.min(end, view.rowCount); next++) {
      // In a table naming its rows' projects, blank rows may stand before the form's 总分 (after its last task's 小计).
      if (project !== undefined && blanks < GAP_ROWS && isBlankRow(view, next, scanLeft, right)) {
        blanks++;
        end++;
        continue;
      }
      const labels = leadingLabels(view, next, scanLeft, right);
      if (table.gradeRow === null && heads(labels, "grade")) table.gradeRow = next;
      else if (
        ((table.totalRow === null || table.gradeRow === null) && (heads(labels, "total") || (project !== undefined && isOwnProjectTotal(view, next, table, labels, project)))) ||
        // Under the last project's 总分 and 等次, the whole list's 合计 or average (see splitProjects).
        (project !== undefined && table.subtotalRow === null && (heads(labels, "total") || labelMatches(labels, LIST_AVERAGE_LABEL)))
      ) {
        table.subtotalRow = table.totalRow;
        table.totalRow = next;
      } else break;
      table.lastRow = next;
    }
  }
  return table;
}

/** A header over the column naming each row's project (or a 部门整体 form's task), left of the levels. */
const PROJECT_COLUMN_LABEL = /^(项目|任务)(名称)?$|^项目[/／、]任务$/;

/** The column left of the table's levels headed 项目名称 (or 项目), if any (see IndicatorTable.projectColumn). */
function projectColumnOf(view: SheetView, table: IndicatorTable): number | null {
  const { level1, level2, level3 } = table.columns;
  const firstLevel = Math.min(level1 ?? Infinity, level2 ?? Infinity, level3 ?? Infinity);
  for (let row = table.headerTop; row <= table.headerBottom; row++) {
    for (let c = table.span.left; c < Math.min(firstLevel, spanEnd(view, row, table.span)); c++) {
      if (view.isOrigin(row, c) && PROJECT_COLUMN_LABEL.test(normalizeHeading(view.text(row, c)))) return c;
    }
  }
  return null;
}

/**
 * A table with no 项目名称 column whose first row heads a project (一、测土配方施肥项目 in the 一级
 * column or left of it, alone on its row, over an indicator's row): that row's column, where each
 * project's heading stands (see IndicatorTable.projectHeadings). Null for any other first row: a
 * 一级's heading (一、产出指标（50分）), a numbered line naming no project (1.指标说明), a note, a title.
 */
function headingColumnOf(view: SheetView, table: IndicatorTable): number | null {
  const { level1 } = table.columns;
  if (level1 === undefined) return null;
  for (let row = table.headerBottom + 1; row < Math.min(view.rowCount, table.headerBottom + 1 + PROJECT_GAP_ROWS); row++) {
    const labels = rowLabels(view, row, table);
    if (labels.length === 0) continue;
    const col = firstTextColumn(view, row, table.span.left, level1);
    const name = withoutNumbering(labels[0].trim());
    // A project's name (…项目, or its unit in brackets), numbered or not; not the table's own heading (一、年度绩效指标).
    const namesProject = (NAMES_PROJECT.test(name) || beforeUnitInBrackets(name) !== null) && !/绩效(指标|目标)/.test(name);
    // Alone on its row, with nothing of an indicator (see isProjectHeading).
    const heading = labels.length === 1 && col !== undefined && namesProject && !hasOwnValues(view, row, table.columns);
    return heading && isProjectHeading(view, row, { ...table, projectColumn: col, projectHeadings: true }, labels) && valuesFollow(view, row, table) ? col : null;
  }
  return null;
}

/** The first column from `left` to `last` holding text of its own on the row. */
function firstTextColumn(view: SheetView, row: number, left: number, last: number): number | undefined {
  for (let c = left; c <= last; c++) if (view.isOrigin(row, c) && view.text(row, c) !== "") return c;
  return undefined;
}

/**
 * The project a row names in the table's project column, in a cell of its own; "" when none. In a
 * column of headings (see IndicatorTable.projectHeadings), an indicator's row or a 一级's heading
 * names none.
 */
function ownProjectText(view: SheetView, row: number, table: IndicatorTable): string {
  const col = table.projectColumn;
  const text = col !== null && row < view.rowCount ? view.ownText(row, col) : "";
  if (text !== "" && table.projectHeadings && (hasOwnValues(view, row, table.columns) || isSectionHeading(text))) return "";
  return text;
}

/**
 * Whether a project's indicators start at the row, beside a target or actual: its name in the
 * project column, or its name left blank after the project before (see startsUnnamedProject).
 */
function startsProject(view: SheetView, row: number, table: IndicatorTable): boolean {
  if (!hasOwnValues(view, row, table.columns)) return false;
  return ownProjectText(view, row, table) !== "" || startsUnnamedProject(view, row, table);
}

/**
 * Whether a project whose name cell was left blank starts at the row, in a table naming a project
 * above it: a name cell of its own (not the project before's merged down), the table's first 一级
 * (产出指标), right after the rows closing the project before (its 总分, 小计 or 等次) or the end of
 * its name merged down, blank rows and notes between. Not inside a project (产出指标 again for a
 * 成本指标 after 满意度).
 */
function startsUnnamedProject(view: SheetView, row: number, table: IndicatorTable): boolean {
  const col = table.columns.level1;
  const first = table.rows[0];
  if (col === undefined || table.projectColumn === null || first === undefined || first >= row) return false;
  if (!view.isOrigin(row, table.projectColumn) || ownProjectText(view, row, table) !== "") return false;
  const level = view.text(row, col);
  if (level === "" || !followsProjectEnd(view, row, table, table.projectColumn)) return false;
  // The table's first 一级 (under a project's heading row, on the row after it), and a name above.
  const firstLevelRow = table.rows.find((r) => view.text(r, col) !== "" && isIndicatorRow(view, r, table));
  return firstLevelRow !== undefined && view.text(firstLevelRow, col) === level && table.rows.some((r) => ownProjectText(view, r, table) !== "");
}

/**
 * Whether the nearest row above `row` in the table, past blank rows and notes, ends a project: it
 * closes one, or a name merged down the project column ends there.
 */
function followsProjectEnd(view: SheetView, row: number, table: IndicatorTable, projectColumn: number): boolean {
  const { span, right } = table;
  for (let above = row - 1; above > table.headerBottom; above--) {
    const labels = rowLabels(view, above, table);
    if (isBlankRow(view, above, span.left, right) || isNote(labels)) continue;
    // (A column of headings holds the 一级's cells, merged down over their rows: no project's name.)
    const nameEnds = !table.projectHeadings && !view.isOrigin(above, projectColumn);
    return nameEnds || endsProject(view, above, table, labels, "") || isProjectHeading(view, above, table, labels);
  }
  return false;
}

/**
 * Whether a row, with no target or actual, closes its project's rows: its 总分 or 小计 (see
 * isOwnProjectTotal), or a 总分 or 等次 row.
 */
function endsProject(view: SheetView, row: number, table: IndicatorTable, labels: string[], project: string): boolean {
  if (hasOwnValues(view, row, table.columns)) return false;
  return isOwnProjectTotal(view, row, table, labels, project) || heads(labels, "total") || heads(labels, "grade");
}

/**
 * Whether a row holds its project's 总分 or 小计: in the project column (see isProjectTotal),
 * naming the project in a column of its own (道路养护小计 in the 一级 column), or alone there: 项目得分
 * or 本项目总分, and a bare 小计 or 合计 whose points are the project's rather than its last 一级's
 * (小计 | 100 | 99.62 under 满意度指标's 15: review round 46).
 */
function isOwnProjectTotal(view: SheetView, row: number, table: IndicatorTable, labels: string[], project: string): boolean {
  if (isProjectTotal(ownProjectText(view, row, table), project)) return true;
  if (project !== "" && labels.some((label) => afterName(label, project) !== null && isProjectTotal(label, project))) return true;
  // Its label alone, then its numbers (小计 | 100 | 99.62).
  if (table.projectColumn === null || labels.length === 0 || labels.slice(1).some((text) => !isPlainNumber(text))) return false;
  const label = normalizeHeader(labels[0]);
  if (!PROJECT_TOTAL_WORDS.test(label)) return false;
  return !PROJECT_SUBTOTAL_WORDS.test(label) || sumsProject(view, row, table, project);
}

/**
 * Whether a 小计 or 合计 under a project's rows states the project's points (or a whole form's
 * 100) in its 分值, not those of the 一级 right above it; with its 分值 left blank, whether its
 * 得分 is more than that 一级's points (小计 | | 99.62 under 满意度指标's 15: review round 47).
 */
function sumsProject(view: SheetView, row: number, table: IndicatorTable, project: string): boolean {
  const { weight, score, level1 } = table.columns;
  if (weight === undefined || level1 === undefined) return false;
  const rows = projectRowsAbove(view, row, table, project);
  if (rows.length === 0) return false;
  // The 一级 right above: the group of the last row above (the 小计's own 一级 cell holds 小计).
  // (Read again once the table is whole, as a list is split: only its rows above count.)
  const above = { ...table, rows: table.rows.filter((r) => r < row) };
  const groupSum = columnSum(view, groupRowsAbove(view, rows[0], above, level1), weight);
  if (view.text(row, weight) === "") {
    const scored = score === undefined ? null : parseNumber(view.rowValue(row, score));
    return scored !== null && groupSum !== null && scored.gt(groupSum) && scored.lte(100);
  }
  const value = parseNumber(view.rowValue(row, weight));
  const sum = columnSum(view, rows, weight);
  return value !== null && sum !== null && !(groupSum !== null && value.eq(groupSum)) && (value.eq(sum) || value.eq(100));
}

/**
 * The table's rows above `row` of the project it closes, nearest first: back to a row without a
 * target or actual (the project before's closing row, its own heading) or one naming another
 * project. (A 一级's 小计 is no row of the table's, and is passed over.)
 */
function projectRowsAbove(view: SheetView, row: number, table: IndicatorTable, project: string): number[] {
  const col = table.projectColumn!;
  const rows: number[] = [];
  for (let i = table.rows.length - 1; i >= 0; i--) {
    const r = table.rows[i];
    if (r >= row) continue;
    const name = view.text(view.originRow(r, col), col);
    if (!hasOwnValues(view, r, table.columns) || (name !== "" && compactName(name) !== compactName(project))) break;
    rows.push(r);
  }
  return rows;
}

/**
 * Whether the next project's indicators start after a row closing a project, past up to
 * PROJECT_GAP_ROWS blank rows and notes (说明：…), a project's heading row, the table's header once
 * more and the project's other 总分 or 等次 rows. Another header (the budget list under the table)
 * is no project's.
 */
function projectFollows(view: SheetView, row: number, table: IndicatorTable, header: HeaderMatch, scanLeft: number, project: string): boolean {
  let gaps = 0;
  let headed = false;
  // After a task's 小计 the form's rows of no task may follow (满意度, its task cell left blank).
  const afterSubtotal = leadingLabels(view, row, scanLeft, table.right).some((text) => /小计$/.test(normalizeHeader(text)));
  for (let next = row + 1; next < view.rowCount; next++) {
    if (startsHeader(view, next, table.span, table.columns)) {
      // A heading line over a header is the next form's title, not a project's heading.
      const again = headed ? undefined : repeatedHeader(view, next, table, header);
      if (again === undefined) return false;
      next = again.bottom;
      continue;
    }
    const labels = leadingLabels(view, next, scanLeft, table.right);
    const heading = isProjectHeading(view, next, table, labels);
    headed ||= heading;
    if (isBlankRow(view, next, scanLeft, table.right) || isNote(labels) || heading) {
      if (++gaps > PROJECT_GAP_ROWS) return false;
    } else if (!endsProject(view, next, table, labels, project)) {
      // Under a project's heading, its rows may leave their name cells blank.
      return startsProject(view, next, table) || ((headed || afterSubtotal) && hasOwnValues(view, next, table.columns));
    }
  }
  return false;
}

/**
 * A row heading a project's rows with its name in the project column (二、耕地质量提升项目), no
 * sentence, clause or field (自评结论：…), and nothing of an indicator beside it (no level's name, no
 * points, not both a target and an actual): a note may stand beside it, under 年度指标值, 偏差原因 or
 * a level's column (预算300万元，执行288.6万元: review rounds 46 and 47). Not a closing row.
 */
function isProjectHeading(view: SheetView, row: number, table: IndicatorTable, labels: string[]): boolean {
  const [name = ""] = labels;
  if (name === "" || name.length > PROJECT_HEADING_LENGTH || CLAUSE_MARKS.test(beforeUnitInBrackets(name) ?? name)) return false;
  // Not the title of a form below (2023年度农机购置补贴项目支出绩效自评表).
  if (FORM_TITLE.test(normalizeHeader(name)) || name !== ownProjectText(view, row, table)) return false;
  const { level1, level2, level3, level4, weight, score, target, actual } = table.columns;
  // A note beside it reads as a clause or sentence, even under a level's column; a level's name does
  // not. (In a column of headings, the heading is in the 一级's.)
  const levels = [level1, level2, level3, level4].filter((col) => col !== table.projectColumn);
  const named = levels.some((col) => hasOwnText(view, row, col) && !/[，,。；;]/.test(view.text(row, col!)));
  const valued = hasOwnText(view, row, weight) || hasOwnText(view, row, score) || (hasOwnText(view, row, target) && hasOwnText(view, row, actual));
  return !named && !valued && !endsProject(view, row, table, labels, "");
}

/** Whether a row is an indicator's: not a project's heading row (merged across, its name is in every cell). */
function isIndicatorRow(view: SheetView, row: number, table: IndicatorTable): boolean {
  return !isProjectHeading(view, row, table, rowLabels(view, row, table));
}

/** Whether an indicator's row (a target or actual) comes next after `row`, past blank rows and notes. */
function valuesFollow(view: SheetView, row: number, table: IndicatorTable): boolean {
  const { span, right } = table;
  for (let next = row + 1; next < Math.min(view.rowCount, row + 1 + PROJECT_GAP_ROWS); next++) {
    if (isBlankRow(view, next, span.left, right) || isNote(rowLabels(view, next, table))) continue;
    return hasOwnValues(view, next, table.columns);
  }
  return false;
}

/** The most characters a project's heading row holds (二、2023年度高标准农田建设项目（二期）): no sentence. */
const PROJECT_HEADING_LENGTH = 40;
/** A sentence's or clause's marks, or a field's colon: never in a project's heading. */
const CLAUSE_MARKS = /[。；;：:，,]/;

/** The words a project's 总分 or 小计 row ends with. */
const PROJECT_CLOSING_WORDS = "总分|得分|合计|小计|总计";

/** Words after a project's name, or alone, that head its 总分 or 小计 (项目得分, 小计, 总分, 本项目总分, 项目绩效总分, 评价得分). */
const PROJECT_TOTAL_WORDS = new RegExp(`^本?(项目)?(绩效)?(自评|评价)?(${PROJECT_CLOSING_WORDS})$`);

/** What a text says after the project's name it starts with (numbered or not, 项目 or not); null when it does not start with it. */
function afterName(text: string, project: string): string | null {
  const words = compactName(text);
  const full = compactName(project);
  // With its unit in brackets after it or without (测土配方（县农业局）总分 and 测土配方总分 both close 测土配方（县农业局）).
  for (const name of [full, beforeUnitInBrackets(full) ?? full]) {
    const bare = name.replace(/项目$/, "");
    if (name !== "" && words.startsWith(name)) return words.slice(name.length);
    if (bare !== "" && words.startsWith(bare)) return words.slice(bare.length);
  }
  return null;
}

/** Words in brackets at the end of a name. */
const BRACKETS_AT_END = /[（(【[]([^（）()【】[\]]+)[)）】\]]$/;
/** A unit's label before its name in brackets (（实施单位：县农业农村局）). */
const UNIT_LABEL = /^(?:实施单位|主管部门|责任单位|单位)[:：]/;

/** A name with its unit in brackets after it (耕地质量提升项目（县农业农村局）, 【县农业农村局】): the name before them; null for none. */
function beforeUnitInBrackets(name: string): string | null {
  const brackets = BRACKETS_AT_END.exec(name);
  // Its label too or not (（实施单位：县农业农村局）).
  const unit = brackets?.[1].replace(UNIT_LABEL, "") ?? "";
  return brackets && AGENCY_NAME_END.test(unit) && isUnitName(unit) ? name.slice(0, brackets.index) : null;
}

/** Words after a project's name that head its indicators' sum, not its 总分 (道路养护小计). */
const PROJECT_SUBTOTAL_WORDS = /^(小计|合计)$/;

/** A project's 总分 or 小计 words after whatever name (see isProjectTotal, nameBeforeTotal). */
const PROJECT_TOTAL_END = new RegExp(`\\s*(自评)?(${PROJECT_CLOSING_WORDS})$`);

/** Words before a 总分 that name no project (综合得分, 绩效自评总分, 项目总分). */
const NO_PROJECT_NAME = /^(项目|综合|绩效|评价|自评|指标|总体|最终|支出)*$/;

/**
 * The project a 总分 row's text names before its words (耕地质量提升项目总分 → 耕地质量提升项目); ""
 * for none (总分, 项目总分, 综合得分, 绩效自评总分, 得分合计).
 */
function nameBeforeTotal(text: string): string {
  const label = normalizeHeader(text);
  if (TOTAL_LABEL.test(label) || PROJECT_TOTAL_WORDS.test(label)) return "";
  const name = text.trim().replace(PROJECT_TOTAL_END, "");
  return NO_PROJECT_NAME.test(normalizeHeader(name)) ? "" : name;
}

/**
 * Whether a project column's text heads a project's 总分 or 小计: 总分, 小计, 项目得分, or those
 * after the project's name (测土配方施肥项目总分); after any name, for a project whose name cell was
 * left blank ("": see startsUnnamedProject).
 */
function isProjectTotal(text: string, project: string): boolean {
  if (text === "") return false;
  const label = normalizeHeader(afterName(text, project) ?? text);
  if (project === "" && PROJECT_TOTAL_END.test(label)) return true;
  return PROJECT_TOTAL_WORDS.test(label) || TOTAL_LABEL.test(label) || SUBTOTAL_LABEL.test(label);
}

/**
 * A table listing several projects' indicators, told apart by its 项目名称 column (each project's
 * name merged down, or written on its first row or every row; its own 总分, 小计 or 等次 rows after
 * it, or none): one table per project when it lists whole forms (see isListOfForms), each named by
 * its project and covering its own rows (the first the header too). A table of one project named
 * on its rows is that project's (its form's header may name none); any other stays one table.
 */
function splitProjects(view: SheetView, table: IndicatorTable): IndicatorTable[] {
  const [parts, closedBy] = projectParts(view, table);
  mergeStrayParts(view, table, parts);
  const weights = partWeights(view, table, parts);
  const forms = mayBeForms(view, table, parts, weights);
  // One project named on its rows, not a heading (绩效指标 merged down a national form's column A).
  if (forms && parts.length === 1 && !WHOLE_TABLE_HEADING.test(normalizeHeader(parts[0].name))) {
    const project = table.project ?? parts[0].name;
    return [{ ...table, project, label: project, rows: table.rows.filter((row) => isIndicatorRow(view, row, table)) }];
  }
  if (!forms || !isListOfForms(view, table, parts, weights)) return [oneTableOfTasks(view, table, parts, closedBy, weights)];
  assignEndTotals(view, table, parts);
  // A project whose name cell was left blank takes the name its 总分 row gives (耕地质量提升项目总分).
  for (const part of parts) if (part.name === "" && part.totalRow !== null) part.name = nameBeforeTotal(ownProjectText(view, part.totalRow, table));
  return projectTables(view, table, parts);
}

/**
 * One project's rows in a table listing several (see splitProjects), and the rows closing it.
 * `valued`: whether any of its rows has a target or actual (a heading row alone has none).
 */
type Part = { name: string; rows: number[]; totalRow: number | null; subtotalRow: number | null; gradeRow: number | null; valued: boolean };

/** Whether a row's labels name a project (测土配方施肥项目总分). */
function rowNamesProject(view: SheetView, row: number, table: IndicatorTable, project: string): boolean {
  return rowLabels(view, row, table).some((text) => afterName(text, project) !== null);
}

/** The points a row's 分值 cell states, 0 for none. */
function statedPoints(view: SheetView, row: number, weight: number): Decimal {
  return new Decimal(parseNumber(view.rowValue(row, weight)) ?? 0);
}

/** How many 一级 labels a part's rows have (a blank one continues the label above). */
function levelCount(view: SheetView, part: Part, level1: number): number {
  return new Set(part.rows.map((row) => view.text(row, level1)).filter((text) => text !== "")).size;
}

/** Whether each project before the last closed: by its 总分, or by its indicators' 小计 alone. */
function earlierClosed(parts: Part[]): boolean {
  return parts.slice(0, -1).every((p) => p.totalRow !== null || p.subtotalRow !== null);
}

/**
 * Whether a row is a bare 小计 or 合计 stating its project's indicators' points, short of a whole
 * form's 100; or, its 分值 left blank, their 得分 (小计 | | 89).
 */
function sumsPartAlone(view: SheetView, row: number, table: IndicatorTable, rows: number[]): boolean {
  const { weight, score } = table.columns;
  const col = weight !== undefined && view.text(row, weight) === "" ? score : weight;
  const stated = col === undefined ? null : parseNumber(view.rowValue(row, col));
  const sum = col === undefined ? null : columnSum(view, rows, col);
  return PROJECT_SUBTOTAL_WORDS.test(normalizeHeader(rowLabels(view, row, table)[0] ?? "")) && stated !== null && sum !== null && stated.eq(sum) && stated.lt(100);
}

/**
 * A table's rows as one part a project, and the part each row closing a project (its 总分, 小计,
 * 合计 or 等次) closes.
 */
function projectParts(view: SheetView, table: IndicatorTable): [Part[], Map<number, Part>] {
  const parts: Part[] = [];
  const closedBy = new Map<number, Part>();
  for (const row of table.rows) {
    const text = ownProjectText(view, row, table);
    const labels = rowLabels(view, row, table);
    const part = parts.at(-1);
    if (part && endsProject(view, row, table, labels, part.name)) {
      closedBy.set(row, part);
      if (heads(labels, "grade")) part.gradeRow ??= row;
      // Its indicators' 小计 or 合计 alone (90 | 90 of their 90 points) sums them: the 总分 is computed.
      else if (part.totalRow === null && part.subtotalRow === null && sumsPartAlone(view, row, table, part.rows)) part.subtotalRow = row;
      // A 总分 under the project's 合计 is its total, the 合计 its indicators' (as under a form, see readIndicatorTable).
      else if (part.totalRow === null) part.totalRow = row;
      else if (part.subtotalRow === null) [part.subtotalRow, part.totalRow] = [part.totalRow, row];
      continue;
    }
    // A project starts at its name, or at its name again after its 总分 (two projects of one name),
    // or with its name left blank after the one before (see startsUnnamedProject).
    // (Rows under a project's heading row, their names left blank, are that project's.)
    const starts = text !== "" ? text !== part?.name || part.totalRow !== null : part !== undefined && part.valued && startsUnnamedProject(view, row, table);
    const valued = hasOwnValues(view, row, table.columns) && !isProjectHeading(view, row, table, labels);
    // A heading row names its project without its numbering (二、耕地质量提升项目).
    const name = valued ? text : withoutNumbering(text.trim());
    if (part && !starts) {
      part.rows.push(row);
      part.valued ||= valued;
      // Rows before the first name: a first project whose name cell was left blank.
    } else parts.push({ name: starts ? name : "", rows: [row], totalRow: null, subtotalRow: null, gradeRow: null, valued });
  }
  return [parts, closedBy];
}

/** Parts that are no project of their own joined to the project whose rows they are. */
function mergeStrayParts(view: SheetView, table: IndicatorTable, parts: Part[]): void {
  // A project's heading row alone (二、耕地质量提升项目) over rows naming it again is that project's.
  for (let i = parts.length - 2; i >= 0; i--) {
    const [part, next] = [parts[i], parts[i + 1]];
    if (part.totalRow !== null || part.valued) continue;
    next.rows.unshift(...part.rows);
    parts.splice(i, 1);
  }
  const { level1 } = table.columns;
  if (level1 === undefined) return;
  // A part left unnamed too small to be a form, after a project's 总分 and right before a name, holds
  // that project's first rows: its name typed in a middle row, not merged (review round 44, J3).
  for (let i = parts.length - 2; i >= 0; i--) {
    const [part, next] = [parts[i], parts[i + 1]];
    if (part.name !== "" || part.totalRow !== null || levelCount(view, part, level1) >= 2 || (i > 0 && parts[i - 1].totalRow === null)) continue;
    next.rows.unshift(...part.rows);
    parts.splice(i, 1);
  }
  // A part left unnamed too small to be a form (a 成本指标 row just below the name merged over the
  // project before, the merge ending a row short) is the rows of that project, when it has no 总分 yet.
  for (let i = parts.length - 1; i > 0; i--) {
    const [before, part] = [parts[i - 1], parts[i]];
    if (part.name !== "" || levelCount(view, part, level1) >= 2 || before.totalRow !== null) continue;
    before.rows.push(...part.rows);
    [before.totalRow, before.subtotalRow, before.gradeRow] = [part.totalRow, part.subtotalRow, part.gradeRow];
    parts.splice(i, 1);
  }
}

/**
 * Each project's 分值 as its cells give them (a blank or merged one adds nothing); one whose 分值
 * are all left blank, the points its own 总分 or 小计 row states (本项目总分 | 100 | 99.62; the
 * last project's may be the table's): a form of its own, whose total is unknown (review round 49).
 * None without a 分值 column.
 */
function partWeights(view: SheetView, table: IndicatorTable, parts: Part[]): Decimal[] {
  const { weight } = table.columns;
  if (weight === undefined) return [];
  return parts.map((part) => {
    const typed = part.rows.flatMap((row) => parseShownNumber(view.rowValue(row, weight)) ?? []);
    const closing = part.totalRow ?? part.subtotalRow ?? (part === parts.at(-1) ? table.totalRow : null);
    if (typed.length === 0 && closing !== null) return parseNumber(view.rowValue(closing, weight)) ?? new Decimal(0);
    return sumOf(typed);
  });
}

/**
 * Whether each part may be a whole form's indicators: one named at least, each over two 一级 at
 * least (产出 and 效益) and weighing at most one form's 100, under no 部门整体 title.
 */
function mayBeForms(view: SheetView, table: IndicatorTable, parts: Part[], weights: Decimal[]): boolean {
  const { level1 } = table.columns;
  return (
    parts.some((part) => part.name !== "") &&
    !table.wholeDepartment &&
    level1 !== undefined &&
    parts.every((part) => levelCount(view, part, level1) >= 2) &&
    weights.length === parts.length &&
    weights.every((w) => w.lte(HUNDRED))
  );
}

/**
 * Whether parts that may be forms (see mayBeForms) are several projects' forms: a project's form
 * gives its indicators most of its 100 points (90 beside a budget's 10); a department's tasks whose
 * 分值 wrongly add up to over 100 have less each, or one 总分 of 100 under them all.
 */
function isListOfForms(view: SheetView, table: IndicatorTable, parts: Part[], weights: Decimal[]): boolean {
  const { totalRow } = table;
  // Projects each weighing a whole form's indicators, the same (90 each): their 合计 of 100 is their average.
  const wholeForms = weights.length > 1 && weights.every((w) => w.eq(weights[0])) && weights[0].gte(WHOLE_FORM_INDICATOR_POINTS);
  // Not when each project before the last closed on its own, or the 总分 names the last or is labelled an average.
  const oneFormTotal = () =>
    !earlierClosed(parts) &&
    !wholeForms &&
    totalRow !== null &&
    !rowNamesProject(view, totalRow, table, parts.at(-1)!.name) &&
    !isListAverageRow(view, totalRow, table) &&
    parseNumber(view.rowValue(totalRow, table.columns.weight!))?.eq(HUNDRED) === true;
  return parts.length >= 2 && sumOf(weights).gt(HUNDRED) && !weights.some((w) => w.lt(50)) && !oneFormTotal();
}

/**
 * A table that lists no forms as one table, as before: its rows but those closing a project, a 小计
 * among them being a level's or a task's (道路养护小计).
 */
function oneTableOfTasks(view: SheetView, table: IndicatorTable, parts: Part[], closedBy: Map<number, Part>, weights: Decimal[]): IndicatorTable {
  const { weight } = table.columns;
  // (No part when the table has no rows: nothing below asks for the last then.)
  const namesLast = (row: number) => rowNamesProject(view, row, table, parts.at(-1)!.name);
  // A 小计 stating the last project's points, short of all the projects'.
  const sumsLastAlone = (row: number) =>
    weight !== undefined &&
    weights.length > 1 &&
    statedPoints(view, row, weight).eq(weights[weights.length - 1]) &&
    !statedPoints(view, row, weight).eq(sumOf(weights));
  // A level's 小计 (小计, 产出指标小计), or a project's own (道路养护小计, 道路养护合计).
  const isSubtotal = (row: number) => {
    const labels = rowLabels(view, row, table);
    if (labelMatches(labels, SUBTOTAL_LABEL) || labels.some(isGroupSubtotal)) return true;
    const subtotalOf = (name: string) => labels.some((text) => PROJECT_SUBTOTAL_WORDS.test(normalizeHeader(afterName(text, name) ?? "")));
    return parts.some((part) => part.name !== "" && subtotalOf(part.name));
  };
  const subtotals = [...closedBy.keys()].filter(isSubtotal);
  // The last task's own 小计 over the form's 总分 (路灯维修小计, after 道路养护小计 and the rest) is
  // that task's, as theirs are, not the form's indicators' 合计.
  const { subtotalRow } = table;
  const lastOwnSubtotal =
    subtotalRow !== null && subtotals.length > 0 && isSubtotal(subtotalRow) && (namesLast(subtotalRow) || sumsLastAlone(subtotalRow));
  if (lastOwnSubtotal) subtotals.push(subtotalRow);
  const rows = table.rows.filter((row) => !closedBy.has(row) && isIndicatorRow(view, row, table));
  const levelSubtotalRows = [...table.levelSubtotalRows, ...subtotals].sort((a, b) => a - b);
  const taskSubtotals = subtotals
    .filter((row) => !rowLabels(view, row, table).some(isGroupSubtotal))
    .map((row) => ({ row, task: (closedBy.get(row) ?? parts.at(-1)!).name }));
  return { ...table, projectColumn: null, projectHeadings: false, rows, levelSubtotalRows, taskSubtotals, subtotalRow: lastOwnSubtotal ? null : subtotalRow };
}

/**
 * The last project's 总分 (and 小计, 等次) from the 总分 rows under the list, unless it closed on its
 * own: it takes them when each earlier project had its own, or when they name it. The rest are the
 * whole list's (see IndicatorTable.listTotalRows): one over 100 points, one labelled the projects'
 * average (平均得分), the second where each project before closed with one 总分 row (no 合计 over
 * it), or one under the last project's own named 总分 stating as many points (the projects'
 * average). (A 得分 over 100 may be a project's, wrongly: e.g. its 分值 adding up to 105.)
 */
function assignEndTotals(view: SheetView, table: IndicatorTable, parts: Part[]): void {
  const weight = table.columns.weight!;
  const last = parts.at(-1)!;
  const earlierTotalled = earlierClosed(parts);
  const weightOf = (row: number) => statedPoints(view, row, weight);
  const namesLast = (row: number) => rowNamesProject(view, row, table, last.name);
  let endTotals = [table.subtotalRow, table.totalRow].filter(
    (row): row is number => row !== null && !weightOf(row).gt(HUNDRED) && !isListAverageRow(view, row, table),
  );
  const closedByOne = earlierTotalled && parts.slice(0, -1).every((p) => p.subtotalRow === null);
  const restated = (rows: number[]) => namesLast(rows[0]) && weightOf(rows[0]).eq(weightOf(rows[1]));
  // The last project's indicators' 合计 (90 | 89, or 小计) over its 总分 (100 | 98.5), as a form closes.
  const isSum = (row: number) => labelMatches(rowLabels(view, row, table), SUM_LABEL) || labelMatches(rowLabels(view, row, table), SUBTOTAL_LABEL);
  const sumOverTotal = (rows: number[]) => (isSum(rows[0]) && !isSum(rows[1])) || (weightOf(rows[0]).gt(0) && weightOf(rows[0]).lt(weightOf(rows[1])));
  if (endTotals.length === 2 && ((closedByOne && !sumOverTotal(endTotals)) || restated(endTotals))) endTotals = [endTotals[0]];
  if (last.totalRow === null && endTotals.length === 1 && earlierTotalled && sumsPartAlone(view, endTotals[0], table, last.rows)) {
    last.subtotalRow = endTotals[0];
  } else if (last.totalRow === null && endTotals.length > 0 && (earlierTotalled || namesLast(endTotals[0]))) {
    last.totalRow = endTotals[endTotals.length - 1];
    last.subtotalRow = endTotals.length > 1 ? endTotals[0] : null;
    // Its 等次 row, right under it or above the list's 合计.
    const ownGrade = table.gradeRow !== null && (endTotals.includes(table.totalRow!) || table.gradeRow < table.totalRow!);
    last.gradeRow ??= ownGrade ? table.gradeRow : null;
  }
}

/** One table per project, the end rows no project took the last one's as the whole list's 合计 (checked against the projects' totals). */
function projectTables(view: SheetView, table: IndicatorTable, parts: Part[]): IndicatorTable[] {
  const last = parts.at(-1)!;
  const listTotalRows = [table.subtotalRow, table.totalRow].filter((row): row is number => row !== null && row !== last.totalRow && row !== last.subtotalRow);
  // A project's unit in brackets after its name (耕地质量提升项目（县农业农村局）) is no part of it, where
  // the names stay apart without it (道路硬化（甲镇政府） and 道路硬化（乙镇政府） do not).
  const plain = parts.map((part) => beforeUnitInBrackets(part.name) ?? part.name);
  const names = new Set(plain).size === plain.length ? plain : parts.map((part) => part.name);
  return parts.map((part, i) => {
    // A 小计 of the project's levels lies among its rows or after them, before the next project's.
    const before = parts[i + 1]?.rows[0] ?? Infinity;
    const levelSubtotalRows = table.levelSubtotalRows.filter((row) => row > part.rows[0] && row < before);
    const ownListTotals = i === parts.length - 1 ? listTotalRows : [];
    const end = Math.max(part.rows[part.rows.length - 1], part.totalRow ?? -1, part.subtotalRow ?? -1, part.gradeRow ?? -1, ...levelSubtotalRows, ...ownListTotals);
    return {
      ...table,
      top: i === 0 ? table.headerTop : part.rows[0],
      rows: part.rows.filter((row) => isIndicatorRow(view, row, table)),
      lastRow: end,
      totalRow: part.totalRow,
      subtotalRow: part.subtotalRow,
      gradeRow: part.gradeRow,
      levelSubtotalRows,
      listTotalRows: ownListTotals,
      // A 自评得分 the header block states is the whole list's.
      statedTotal: null,
      statedGrade: null,
      // A project whose name was left blank is named by its range, as a form without a name.
      project: names[i] || null,
      label: names[i] || null,
    };
  });
}

/** Whether a row of a table listing several projects is labelled their average (平均得分 | 100 | 98.17). */
export function isListAverageRow(view: SheetView, row: number, table: IndicatorTable): boolean {
  return labelMatches(rowLabels(view, row, table), LIST_AVERAGE_LABEL);
}

/** What a project's indicators weigh at least on its own form: 90 beside its budget's 10, or 100. */
const WHOLE_FORM_INDICATOR_POINTS = 90;

/** A row numbering the columns under a header: 栏次 | 1 | 2 | 3 … */
const COLUMN_NUMBERS_LABEL = /^(栏次|行次|栏号)$/;

/** One column's number in such a row: 3, （3）, (3) or C, as printed forms number their columns. */
const COLUMN_NUMBER = /^[（(]?(\d{1,2}|[A-Z])[)）]?$/;

/**
 * Whether `row`, right under a header, numbers its columns (栏次 | 1 | 2 | 3 …, or 1 | 2 | 3 … alone,
 * （1）…, A | B | C …) rather than holding data: a 栏次 label, or at least four cells that count up
 * one by one (review round 52b, H1: an indicator named 3 with target 4 and actual 5 was read).
 */
function isColumnNumbersRow(view: SheetView, row: number, span: ColumnSpan): boolean {
  const numbers: number[] = [];
  for (let c = span.left; c < spanEnd(view, row, span); c++) {
    const text = view.ownText(row, c);
    if (text === "") continue;
    if (numbers.length === 0 && COLUMN_NUMBERS_LABEL.test(text)) return true;
    const number = COLUMN_NUMBER.exec(text)?.[1];
    if (number === undefined) return false;
    numbers.push(/\d/.test(number) ? Number(number) : number.charCodeAt(0) - 64);
  }
  return numbers.length >= 4 && numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
}

/** A number in a budget table's cell; an amount typed with its money unit (20万元) too (see readTypedAmounts). */
const isAmount = (value: CellValue): boolean => isPlainNumber(value) || typedAmount(cellText(value)) !== null;

/** The funds' own closing line (合计, 项目合计), which is a line of the table, never the form's 总分. */
const FUNDS_CLOSING_LABEL = /^(项目)?(合计|总计)$/;

/** The columns holding a budget line's amounts: a line has one at least; a form's 总分 or 等次 row none. */
const AMOUNT_FIELDS: BudgetField[] = ["initial", "planned", "spent"];

/**
 * Whether a row under a budget table is the form's 总分 or 等次 (总分 | 100 | 98.25 under a budget
 * block at the foot of the form), which ends the table and is none of its lines (review round 52b,
 * H4): labelled so, and with no amount. A line whose label only starts like one (合计数, 总计金额,
 * 等级医院创建项目) holds its amounts, and stays a line.
 */
function closesForm(view: SheetView, row: number, labels: string[], amountCols: number[]): boolean {
  const kind = labels.length === 0 ? null : summaryKind(labels, 0);
  if (kind === null || (kind === "total" && FUNDS_CLOSING_LABEL.test(normalizeHeader(labels[0])))) return false;
  return amountCols.every((col) => !isAmount(view.rowValue(row, col)));
}

const BUDGET_NUMBER_FIELDS: BudgetField[] = ["initial", "planned", "spent", "rate", "weight", "score"];

/** The sub-header of the column an amount split by source is read from: 合计, 小计, 总计. */
const SPLIT_TOTAL = /^(合计|小计|总计)$/;

/**
 * The parts of each amount a two-row budget header splits by source in columns: an amount read from
 * a 合计 (小计, 总计) column under its group title (全年预算数 merged over 合计 | 财政拨款 | 其他资金)
 * is the sum of the other columns under that title (review round 52b, M2; `split`). Two parts at
 * least: one alone (合计 | 其中：财政拨款) names a part, not all of it. With no 合计 column, parts
 * that each name a source of funds (中央资金 | 地方资金) make the amount their sum (`summed`: review
 * round 53a); other sub-headers leave the amount read from the title's first column.
 */
function sourceColumns(view: SheetView, header: HeaderMatch): SplitColumns {
  if (header.bottom === header.top) return {};
  const columns = header.columns as Columns<BudgetField>;
  const found: SplitColumns = {};
  for (const field of ["initial", "planned", "spent"] as const) {
    const col = columns[field];
    const group = col === undefined ? undefined : view.mergeAt(header.top, col);
    if (col === undefined || !group || group.left === group.right || group.bottom !== header.top) continue;
    const totalled = SPLIT_TOTAL.test(normalizeHeading(view.text(header.bottom, col)));
    const parts: number[] = [];
    for (let c = group.left; c <= group.right; c++) {
      if (c === col && totalled) continue;
      if (!view.isOrigin(header.bottom, c) || view.text(header.bottom, c) === "") continue;
      parts.push(c);
    }
    const names = parts.map((c) => normalizeHeading(view.text(header.bottom, c)));
    if (parts.length < 2 || names.some((name) => SPLIT_TOTAL.test(name))) continue;
    if (totalled) (found.split ??= {})[field] = parts;
    else if (col === group.left && names.every((name) => SOURCE_COLUMN.test(name))) (found.summed ??= {})[field] = parts;
  }
  return found;
}

/**
 * A column naming a source of funds, all of the amount being its sources': 中央资金, 地方资金,
 * 财政拨款, 其他资金, 省级补助, 自筹资金 (not 其中：…, which lists a part of it).
 */
const SOURCE_COLUMN = /^(?!其中)(.{0,8}(资金|拨款|补助|自筹|配套)|一般公共预算|政府性基金|上年结转|上年结余|当年预算|当年安排|本年预算|本年安排)$/;

interface SplitColumns {
  split?: Partial<Record<SplitField, number[]>>;
  summed?: Partial<Record<SplitField, number[]>>;
}

function readBudgetTable(view: SheetView, header: HeaderMatch): BudgetTable {
  const columns = header.columns as Columns<BudgetField>;
  const table: BudgetTable = { kind: "budget", ...tableBase(header), columns };
  const { split, summed } = sourceColumns(view, header);
  if (split) table.sourceColumns = split;
  if (summed) table.summedColumns = summed;
  const { right, span } = table;
  // An amount summed from its sources is in any of their columns (其中：建设资金 under 地方资金 alone).
  const colsOf = (field: BudgetField) => (summed?.[field as SplitField] ?? (columns[field] === undefined ? [] : [columns[field]!]));
  const numberCols = BUDGET_NUMBER_FIELDS.flatMap(colsOf);
  const amountCols = AMOUNT_FIELDS.flatMap(colsOf);
  const firstNumberCol = Math.min(...numberCols);
  let spacers = 0;
  for (let row = header.bottom + 1; row < view.rowCount; row++) {
    if (isBlankRow(view, row, span.left, right)) {
      // Blank rows right under the header, before the first line, are a spacer, as under an
      // indicator header (review round 55a): up to GAP_ROWS. After a line, a blank row ends the table.
      if (table.rows.length === 0 && ++spacers <= GAP_ROWS) continue;
      break;
    }
    if (headerAt(view, row, span)) break;
    const labels = leadingLabels(view, row, span.left, firstNumberCol - 1);
    if (labelMatches(labels, NOTE_LABEL)) break;
    if (closesForm(view, row, labels, amountCols)) {
      table.formTotalRow = row;
      break;
    }
    // Right under the header, a spacer's rows aside (review 55 L1): a row numbering the columns (栏次 | 1 | 2 | 3) is not data.
    const underHeader = table.rows.length === 0 && row <= header.bottom + 2 + spacers;
    if (underHeader && isColumnNumbersRow(view, row, span)) continue;
    let numbers = 0;
    let texts = 0;
    let shortTexts = 0;
    for (const c of numberCols) {
      const value = view.rowValue(row, c);
      const text = cellText(value);
      if (isAmount(value)) numbers++;
      else if (!isEmptyMarker(text)) {
        texts++; // "—" in a source row is "nothing", not text
        if (text.length <= 12) shortTexts++;
      }
    }
    if (numbers === 0) {
      if (texts === 0) continue; // a group heading such as 一、项目支出
      // Right under the header, short notes in the number columns annotate it: （万元）, A | B | C=B/A.
      if (underHeader && shortTexts === texts) continue;
      break; // text running through the number columns: another block starts
    }
    table.rows.push(row);
    table.lastRow = row;
    // A total closes the table, unless it heads it (合计 first, its sources below).
    if (table.rows.length > 1 && labelMatches(labels, TOTAL_LABEL) && !labelMatches(labels, SUBTOTAL_LABEL)) break;
  }
  // The row labels (年度资金总额, project names) sit left of the number columns: include them.
  while (table.left > span.left && table.rows.some((r) => !rowCell(view, r, table.left - 1).continued && view.text(r, table.left - 1) !== "")) {
    table.left--;
  }
  return table;
}

type FormNames = Pick<TableBase, "project" | "unit" | "wholeDepartment"> & {
  /** The 主管部门 a project's form names beside a blank 实施单位 (see blockNames): no unit, but a name for a table whose form names no project. */
  supervisor: string | null;
};

/** A whole department's form, by its title: 部门整体支出绩效自评表, 部门（单位）整体绩效自评表, 整体支出绩效评价表. */
const WHOLE_DEPARTMENT_TITLE = /整体(支出)?(绩效|自评|评价)/;
/** A transfer payment's form (中央对地方转移支付区域绩效自评表), evaluated by the department in charge of it, the 主管部门. */
const TRANSFER_PAYMENT_TITLE = /转移支付/;

const labelRanks = (labels: string[]) => new Set(labels.map((label) => UNIT_NAME_LABELS.indexOf(label)));
const IMPLEMENTER_RANKS = labelRanks(IMPLEMENTER_LABELS);
const SUPERVISOR_RANKS = labelRanks(SUPERVISOR_LABELS);

/** Whether a cell is a 实施单位 label (see IMPLEMENTER_LABELS), whatever is beside it. */
function isImplementerLabel(view: SheetView, row: number, col: number): boolean {
  const label = nameLabelAt(view, row, col)?.label;
  return label?.field === "unit" && IMPLEMENTER_RANKS.has(label.rank);
}

/**
 * The names a form's header block gives, searched in `span` upwards from row `from` down to `stop`
 * (exclusive) or the form's title: the closest 项目名称, and the unit by the labels' preference
 * (实施单位 before 主管部门), the closest of equal rank; not the 主管部门 where a 实施单位 is left
 * blank on a form that is neither a whole department's nor a transfer payment's (a project's
 * supervisor, not the unit that evaluated it: review round 57d, F2), which is then the `supervisor`. `own` is false when those rows
 * hold neither a name nor a title: the table has no header block of its own.
 */
function blockNames(view: SheetView, from: number, stop: number, span: ColumnSpan): FormNames & { own: boolean } {
  let project: string | null = null;
  // Each rank's closest name.
  const units = new Map<number, string>();
  let blankImplementer = false;
  const readNames = (row: number) => {
    for (let c = span.left; c < spanEnd(view, row, span); c++) {
      const name = labelledName(view, row, c, span);
      if (name?.field === "project") project ??= name.value;
      else if (name?.field === "unit") {
        if (!units.has(name.rank)) units.set(name.rank, name.value);
      } else if (name === null && isImplementerLabel(view, row, c)) blankImplementer = true;
    }
  };
  const best = (ranks: number[]) => (ranks.length === 0 ? null : units.get(Math.min(...ranks))!);
  const names = (title: string | null) => {
    const all = [...units.keys()];
    const wholeDepartment = title !== null && WHOLE_DEPARTMENT_TITLE.test(title);
    const supervisorIsUnit = wholeDepartment || (title !== null && TRANSFER_PAYMENT_TITLE.test(title)) || !blankImplementer;
    const unit = best(supervisorIsUnit ? all : all.filter((rank) => !SUPERVISOR_RANKS.has(rank)));
    return { project, unit, supervisor: unit === null ? best(all) : null, wholeDepartment };
  };
  for (let row = from; row > stop; row--) {
    readNames(row);
    const title = formTitleText(view, row, span);
    if (title === null) continue;
    const titled = normalizeHeader(title);
    // A 填报单位 line may stand right above the title; under a form, not one signing it (…填报人：张三).
    for (let above = row - 1; names(titled).unit === null && above > Math.max(stop, row - 1 - UNIT_ROWS_ABOVE_TITLE); above--) {
      if (stop < 0 || !signsForm(view, above, span)) readNames(above);
    }
    return { ...names(titled), own: true };
  }
  return { ...names(null), own: project !== null || units.size > 0 };
}

/** Rows above a form's title where its 填报单位 line may stand (a 附件 line between). */
const UNIT_ROWS_ABOVE_TITLE = 2;

/** The fields of a line signing a form, under it: 填报人, 审核人, 单位负责人 (a date or a phone number signs nothing). */
const SIGNATURE_FIELD = /填[报表]人|审核人|负责人/;

/** Whether a row signs a form (填报单位（盖章）：县水利局　填报人：张三). */
function signsForm(view: SheetView, row: number, span: ColumnSpan): boolean {
  for (let c = span.left; c < spanEnd(view, row, span); c++) {
    if (view.isOrigin(row, c) && SIGNATURE_FIELD.test(cellText(view.raw(row, c)))) return true;
  }
  return false;
}

const COLON = /[:：]/;

/** The name a label cell gives: 项目名称 | X, 单位名称：Y (in one cell or in two, in `span`); null for none. */
function labelledName(view: SheetView, row: number, col: number, span: ColumnSpan): (FormNameLabel & { value: string }) | null {
  const at = nameLabelAt(view, row, col);
  if (at === null) return null;
  const { label, after } = at;
  const value = (after === null ? "" : formNameValue(after, label.field)) || formNameValue(valueRightOf(view, row, col, span), label.field);
  return value === "" ? null : { ...label, value };
}

/** The name label a cell starts with (单位名称 of 单位名称：某局, or alone), and its text after the colon (null for none); null for no label. */
function nameLabelAt(view: SheetView, row: number, col: number): { label: FormNameLabel; after: string | null } | null {
  if (!view.isOrigin(row, col)) return null;
  const text = cellText(view.raw(row, col));
  const colon = text.search(COLON);
  const label = formNameLabel(colon < 0 ? text : text.slice(0, colon));
  return label === null ? null : { label, after: colon < 0 ? null : text.slice(colon + 1) };
}

/** The first text right of a label cell on its row ("" for none, or for another label: 主管部门, 预算编码). */
function valueRightOf(view: SheetView, row: number, col: number, span: ColumnSpan): string {
  const valueCol = valueColRightOf(view, row, col, span);
  if (valueCol === undefined) return "";
  const text = cellText(view.raw(row, valueCol));
  return formNameLabel(text) === null && !isFieldLabel(text) ? text : "";
}

/** The column of the first text right of a cell on its row; undefined for none. */
function valueColRightOf(view: SheetView, row: number, col: number, span: ColumnSpan): number | undefined {
  for (let c = col + 1; c < spanEnd(view, row, span); c++) {
    if (view.ownText(row, c) !== "") return c;
  }
  return undefined;
}

/** Rows of a sheet where it names its unit: a cover's (or a 说明 sheet's) 单位名称, a form's title. */
const COVER_ROWS = 30;

/** The unit a sheet without tables names in its first rows (a cover's 单位名称：某局), as a header block would. */
export function coverUnitName(view: SheetView): string | null {
  return blockNames(view, Math.min(view.rowCount, COVER_ROWS) - 1, -1, WHOLE_ROW).unit;
}

/**
 * Names each table by its form's header block: the rows between it and the table above on its
 * side (or the sheet's top), up to the form's title, in its span (see blockNames). A table with
 * no header block of its own, right under another table of the same form (the indicators under
 * their budget block), takes that table's names. Records that table above as `above`.
 */
function formNames(view: SheetView, tables: Table[]): void {
  tables.forEach((table, i) => {
    // Tables found earlier on its side have ended above its header (detectTables starts a table
    // beside running ones only); the nearest is the one ending last.
    let above: Table | null = null;
    for (const earlier of tables.slice(0, i)) {
      if (sameSide(earlier, table) && (above === null || earlier.lastRow > above.lastRow)) above = earlier;
    }
    table.above = above;
    const block = blockNames(view, table.headerTop - 1, above ? above.lastRow : -1, table.span);
    const names = block.own ? block : { project: above?.project ?? null, unit: above?.unit ?? null, wholeDepartment: above?.wholeDepartment ?? false };
    table.project = names.project;
    table.unit = names.unit;
    table.wholeDepartment = names.wholeDepartment;
    // A form naming neither project nor unit is called by the 主管部门 it names all the same.
    table.label = names.project ?? names.unit ?? (block.own ? block.supervisor : (above?.label ?? null));
    const supervisor = block.own ? block.supervisor : above?.supervisor;
    if (supervisor) table.supervisor = supervisor;
    if (table.kind === "indicators") statedResult(view, table, tables);
  });
}

/**
 * The form's 总分 and 等次 rows under a budget block right below the indicators (indicators, then
 * 项目资金 | 年度资金总额 …, then 总分 | 100 | 96.25 and 评价等次 | 优): the indicators' recorded
 * total and grade, when they have none of their own (review round 53a, M2: closesForm ended the
 * budget block there, and the rows were nobody's). A 总分 and 等次 on one row (综合得分 | 95 | 评价等次
 * | 优) are both.
 */
function totalsUnderBudget(view: SheetView, tables: Table[]): void {
  for (const budget of tables) {
    const indicators = budget.above;
    if (budget.kind !== "budget" || budget.formTotalRow === undefined || indicators?.kind !== "indicators") continue;
    if (indicators.totalRow !== null || indicators.gradeRow !== null || indicators.projectColumn !== null) continue;
    let between = indicators.lastRow + 1;
    while (between < budget.headerTop && isBlankRow(view, between, indicators.span.left, indicators.right)) between++;
    if (between < budget.headerTop) continue; // something else stands between them: another form's
    for (let row = budget.formTotalRow; row <= budget.formTotalRow + 1 && row < view.rowCount; row++) {
      const labels = leadingLabels(view, row, indicators.span.left, indicators.right);
      const kind = labels.length === 0 ? null : summaryKind(labels, 0);
      if (kind === "total" && indicators.totalRow === null) {
        indicators.totalRow = row;
        if (heads(labels, "grade", 1)) indicators.gradeRow = row;
      } else if (kind === "grade" && indicators.gradeRow === null) indicators.gradeRow = row;
      else break;
    }
  }
}

/** How a header block labels the form's own total and grade (自评得分 | 95.5, 自评等级 | 优): whole labels. */
const STATED_TOTAL_LABEL = new RegExp(`^(${STATED_TOTAL_WORDS})$`);
const STATED_GRADE_LABEL = new RegExp(`^(${GRADE_WORDS})$`);
/** The same written with its value in one cell, alone or after the title: 自评得分：95.5分, 项目支出绩效自评表 自评等级：优. */
const STATED_TOTAL_IN_CELL = new RegExp(`(?<![\\u4e00-\\u9fff])(?:${STATED_TOTAL_WORDS})\\s*[:：]\\s*(\\d+(?:\\.\\d+)?)\\s*分?(?=$|[\\s　，,；;。、（()）])`);
const STATED_GRADE_IN_CELL = new RegExp(`(?<![\\u4e00-\\u9fff])(?:${GRADE_WORDS})\\s*[:：]\\s*([^\\s　，,；;。（）()]+)`);

/**
 * A header block's line stating the form's total (自评得分 | 95.5, 自评得分 | 96.5分), or leaving it
 * blank with nothing else on the line but its grade, a unit line and other fields of the block
 * with their values (自评得分 | | 自评等级 | | 填报日期 | 2024年1月10日 | 单位：万元): no top row
 * of the header under it. A header's own 自评得分 column stands among other fields' words (分值 |
 * 执行率 | 自评得分 | 评价等级).
 */
function isStatedResultLine(view: SheetView, row: number, span: ColumnSpan): boolean {
  let labelled = false;
  let otherWords = false;
  let fieldValueNext = false;
  for (let c = span.left; c < spanEnd(view, row, span); c++) {
    if (!view.isOrigin(row, c)) continue;
    const text = cellText(view.raw(row, c));
    const label = normalizeHeader(text);
    const fieldValue = fieldValueNext;
    fieldValueNext = false;
    if (STATED_TOTAL_LABEL.test(label)) {
      const valueCol = valueColRightOf(view, row, c, span);
      if (valueCol !== undefined && isPlainNumber(view.rowValue(row, valueCol))) return true;
      labelled = true;
    } else if (isFieldLabel(text)) fieldValueNext = !/[:：]./.test(text);
    // Other words once seen, no later word need be read as a grade (each of a header row's words was).
    else if (!otherWords && text !== "" && !fieldValue && !STATED_GRADE_LABEL.test(label) && !isGradeText(text) && !isOtherField(text)) otherWords = true;
  }
  return labelled && !otherWords;
}

/** A header block's unit line (单位：万元) or another field with its label (填报日期, 填表人：张三): no stated total or grade. */
const isOtherField = (text: string) => statedMoneyUnit(text) !== null || isFieldLabel(text) || NOTE_LABEL.test(text);

/**
 * The 自评得分 and 自评等级 the form's header block states beside their labels: searched from the
 * table's header up to the form's title (or the sheet's top), over no other table's data rows on
 * its side (a budget block's 合计 is no total), in its span.
 */
function statedResult(view: SheetView, table: IndicatorTable, tables: Table[]): void {
  // A header row of the table above may have taken the block's last line in (自评得分 | 95.5 right over 项目资金).
  const inOtherTable = (row: number) => tables.some((t) => t !== table && sameSide(t, table) && t.headerBottom < row && row <= t.lastRow);
  for (let row = table.headerTop - 1; row >= 0; row--) {
    if (inOtherTable(row)) continue;
    for (let c = table.span.left; c < spanEnd(view, row, table.span); c++) {
      if (!view.isOrigin(row, c)) continue;
      const text = cellText(view.raw(row, c));
      const label = normalizeHeader(text);
      const valueCol = STATED_TOTAL_LABEL.test(label) || STATED_GRADE_LABEL.test(label) ? valueColRightOf(view, row, c, table.span) : undefined;
      // The line's unit (单位：万元) at its end, or another field of the block (填报日期, 填表人：张三), is no value of a blank 自评等级.
      if (valueCol !== undefined && !isOtherField(view.text(row, valueCol))) {
        if (STATED_TOTAL_LABEL.test(label)) table.statedTotal ??= { row, col: valueCol };
        else table.statedGrade ??= { row, col: valueCol };
        continue;
      }
      // Not in a note (说明：评价等级：优秀、良好…), which explains the form rather than states its result.
      if (labelIs(text, NOTE_LABEL)) continue;
      const total = STATED_TOTAL_IN_CELL.exec(text);
      if (total) table.statedTotal ??= { row, col: c, written: total[1] };
      const grade = STATED_GRADE_IN_CELL.exec(text);
      if (grade) table.statedGrade ??= { row, col: c, written: grade[1] };
    }
    if (isFormTitle(view, row, table.span)) return;
  }
}

function isFormTitle(view: SheetView, row: number, span: ColumnSpan): boolean {
  return formTitleText(view, row, span) !== null;
}

/**
 * The text of a form's title on a row (in `span`): 2023年度项目支出绩效自评表, its Chinese words
 * where it is in two languages (see headingWords); null for none.
 */
function formTitleText(view: SheetView, row: number, span: ColumnSpan): string | null {
  for (let c = span.left; c < spanEnd(view, row, span); c++) {
    const text = headingWords(view.ownText(row, c));
    if (text !== "" && text.length <= 40 && FORM_TITLE.test(normalizeHeader(text))) return text;
  }
  return null;
}

/** The unit a form's title in a sheet's first rows names (see unitInTitle); null for none. */
export function titleUnitName(view: SheetView): string | null {
  for (let row = 0; row < Math.min(view.rowCount, COVER_ROWS); row++) {
    const title = formTitleText(view, row, WHOLE_ROW);
    const unit = title === null ? null : unitInTitle(title);
    if (unit !== null) return unit;
  }
  return null;
}

/** A table's label in reports: its form's name, or its sheet and range when it has none. */
export function tableLabel(sheet: string, table: Table): string {
  return table.label ?? rangeLabel(sheet, tableRange(table));
}

/** The label of a table whose form gives it no name: "自评表!A3:H12". */
export function rangeLabel(sheet: string, range: string): string {
  return `${sheet}!${range}`;
}

/** The cells a table covers, header to last row: "B3:H12". */
export function tableRange(table: Table): string {
  return rangeAddress({ top: table.top, left: table.left, bottom: table.lastRow, right: table.right });
}

/**
 * The columns of a row that no table still running through it reads, left to right: the whole
 * row under tables that have ended; beside one of tables side by side that runs on, the rest.
 */
function freeSpans(running: Table[]): ColumnSpan[] {
  const free: ColumnSpan[] = [];
  let left = WHOLE_ROW.left;
  const byLeft = running.length > 1 ? [...running].sort((a, b) => a.span.left - b.span.left) : running;
  for (const { span } of byLeft) {
    if (span.left > left) free.push({ left, right: span.left - 1 });
    left = Math.max(left, span.right + 1);
  }
  if (left <= WHOLE_ROW.right) free.push({ left, right: WHOLE_ROW.right });
  return free;
}

function readTable(view: SheetView, header: HeaderMatch): Table {
  return header.kind === "indicators" ? readIndicatorTable(view, header) : readBudgetTable(view, header);
}

/**
 * Rows above a table's header, and below its last row, within which a table beside it, outside its
 * columns, makes the two forms side by side even when their header rows differ (an extra title or
 * 项目名称 line, or one form set lower down the sheet). Below its last row: a table read in whole
 * rows may end early at a line of the other form beside it (填报日期：…, 评价等次), a few rows
 * above that form's header.
 */
const BESIDE_ROWS = 8;

/**
 * The columns a table reads when forms stand side by side with their header rows on different
 * rows, however far apart: a table (found, or a header starting) beside it from BESIDE_ROWS above
 * its header through BESIDE_ROWS below its last row, wholly left of the table's columns (its row
 * labels included) or wholly right of its fields, belongs to a form beside it. The table then
 * reads from the column after that form's last field through its own last field, as forms sharing
 * their header row do (see sideSpans); its span as found otherwise. Read again in its own columns,
 * it may run further down (see readOwnTable), and is looked at again down to its new end.
 */
function ownColumns(view: SheetView, table: Table, tables: Table[]): ColumnSpan {
  const { span } = table;
  let { left, right } = span;
  const top = table.headerTop - BESIDE_ROWS;
  const bottom = Math.min(view.rowCount - 1, table.lastRow + BESIDE_ROWS);
  for (const other of tables) {
    if (other.lastRow < top || other.headerTop > bottom) continue;
    if (span.left <= other.right && other.right < table.left) left = Math.max(left, other.right + 1);
    if (table.right < other.left && other.left <= span.right) right = table.right;
  }
  // The form on the left may be wider further down (indicators with 指标性质 and 计量单位 under
  // its budget block): its widest header found in all the columns left of the table bounds it,
  // also where a table of that form still runs beside this one's header (its budget block, whose
  // columns are not in the span this table was found in).
  const leftOf: ColumnSpan = { left: WHOLE_ROW.left, right: labelColumn(view, table) - 1 };
  const rightOf: ColumnSpan = { left: table.right + 1, right: span.right };
  // Only a row naming a field beside the table can start a header there (see namesField).
  for (let row = table.headerTop; row <= bottom; row++) {
    if (right > table.right && namesField(view, row, rightOf) && headerAt(view, row, rightOf)) right = table.right;
    const header = leftOf.left <= leftOf.right && namesField(view, row, leftOf) ? headerAt(view, row, leftOf) : undefined;
    if (header && !runsUnder(view, row, { ...span, left: WHOLE_ROW.left }, table, header)) {
      left = Math.max(left, tableBase(header).right + 1);
    }
  }
  return { left: left > span.left ? ownFirstColumn(view, table, left, leftOf.right + 1) : left, right };
}

/**
 * Where a table beside a form on its left starts, given that form's last field's next column:
 * columns of that form after its last field that name no field (a 备注 with its remarks) are no
 * row labels of this table. A column blank over the table's rows between them starts it; without
 * one (the forms touching), its own label column (see labelColumn), else that next column.
 */
function ownFirstColumn(view: SheetView, table: Table, after: number, labelCol: number): number {
  for (let c = after; c < labelCol; c++) {
    let blank = true;
    for (let row = table.headerTop; blank && row <= table.lastRow; row++) blank = view.text(row, c) === "";
    if (blank) return c;
  }
  return labelCol < table.left ? Math.max(after, labelCol) : after;
}

/**
 * The first column of a table's header: its label column right left of its fields when its header
 * names one (绩效指标 over the 总分 and 评价等次 labels of its rows), else its first field. The
 * cells of that column on the table's rows are its own (评价等次 is also a budget header's word):
 * no field of a header beside them.
 */
function labelColumn(view: SheetView, table: Table): number {
  const col = table.left - 1;
  if (col < table.span.left) return table.left;
  const { match } = HEADER_KINDS.find((k) => k.kind === table.kind)!;
  return match(view.text(table.headerTop, col)) === undefined ? table.left : Math.max(table.span.left, view.originCol(table.headerTop, col));
}

/**
 * Whether the header found on `row` left of the table, read across the span, is one table running
 * on into the table's columns (a 部门整体 form's budget block under its 年度主要任务 list, wider to
 * the left): a table under it, not a form beside it. A header of the other kind across the row (the
 * form beside's budget header on the row of this form's indicator header) is no such table.
 */
function runsUnder(view: SheetView, row: number, span: ColumnSpan, table: Table, header: HeaderMatch): boolean {
  const headers = headersAt(view, row, span);
  return headers.length === 1 && headers[0].kind === header.kind && tableBase(headers[0]).right >= table.left;
}

/**
 * The table a header starts, read in its own columns when another form stands beside it (see
 * ownColumns). Read in a narrower span, it may find the next form beside it further on (three
 * forms, each a row lower): it narrows until no form is left beside it. Undefined when its own
 * columns hold no header on that row: the form beside lent it words (预期目标 | 实际完成情况 over
 * the header a row lower), and its own header starts further down.
 */
function readOwnTable(view: SheetView, header: HeaderMatch, tables: Table[], ended: EndedTables): Table | undefined {
  let table = readDated(view, header, ended);
  for (;;) {
    const own = ownColumns(view, table, tables);
    if (own.left === table.span.left && own.right === table.span.right) return table;
    const narrowed = ownHeaderAt(view, header.top, own);
    if (narrowed === undefined) return undefined;
    table = readDated(view, narrowed, ended);
  }
}

/**
 * The table a header starts, with its form's year (see formYearAt) and, of dated columns (实际完成值
 * over 2023年 | 2024年), that year's: the header found with no year known is read again by it.
 */
function readDated(view: SheetView, header: HeaderMatch, ended: EndedTables): Table {
  const year = formYearAt(view, header.kind, header.top, header.span, ended);
  const dated = year === null ? header : headerAt(view, header.top, header.span, year);
  const table = readTable(view, dated?.kind === header.kind && dated.bottom === header.bottom ? dated : header);
  table.year = year;
  return table;
}

/** An indicator table's fields holding words about its rows alone: such columns left shown keep no form checked. */
const TEXT_FIELDS: readonly string[] = ["reason", "measures", "description", "nature", "unit", "actualUnit", "standard"] satisfies IndicatorField[];

/**
 * The tables of a sheet whose form lies in hidden columns, last year's whole form kept beside this
 * year's (review round 55a, H1), apart from the others: they are not checked, as a hidden sheet's
 * forms are not, and are named as hidden sheets are (Analysis.hiddenSheets), by the hidden columns
 * holding them: "自评表!J:Q". A form is judged whole, an indicator table with the budget block right
 * above it, by the columns carrying it: its names and numbers (a budget's every column), not a
 * reason or description column left shown (review 55 M2: its budget was hidden, its indicators
 * checked, with a second total and findings in hidden columns). Any of them shown, it is checked whole.
 */
export function hiddenForms(view: SheetView, tables: Table[]): { shown: Table[]; hidden: string[] } {
  if (view.sheet.hiddenColumns === undefined) return { shown: tables, hidden: [] };
  const carrying = (t: Table) =>
    Object.entries(t.columns as Record<string, number>)
      .filter(([field]) => t.kind === "budget" || !TEXT_FIELDS.includes(field))
      .map(([, col]) => col);
  const pairs = (a: Table, b: Table) => a.kind === "indicators" && a.above === b && b.kind === "budget";
  const shown: Table[] = [];
  const hidden = new Set<string>();
  for (const table of tables) {
    const cols = carrying(table);
    const form = tables.filter((t) => t === table || pairs(t, table) || pairs(table, t)).flatMap(carrying);
    if (form.length === 0 || !form.every((col) => view.columnHidden(col))) {
      shown.push(table);
      continue;
    }
    const runs = [...new Set(cols.map((col) => view.hiddenRunAt(col)!))].sort((a, b) => a.first - b.first);
    for (const run of runs) hidden.add(`${view.sheet.name}!${columnLetters(run.first)}:${columnLetters(run.last)}`);
  }
  return { shown, hidden: [...hidden] };
}

/** The fields holding what a form's rows record: a value there makes a table one filled in. */
const RECORDED_FIELDS: readonly string[] = [
  "initial",
  "planned",
  "spent",
  "rate",
  "weight",
  "score",
  "grade",
  "target",
  "initialTarget",
  "actual",
] satisfies (BudgetField | IndicatorField)[];

/**
 * Whether a table is a header with nothing under it (code review of round 55): no row of it is
 * one to read, and its rows (a 合计, 总分 or 年度资金总额 whose figures are left blank or "—") hold
 * no value in a column recording one (amounts, rates, targets, actuals, 分值, 得分), nor does its
 * header block state a 自评得分 or 等级. An accountant's workbook keeps such a template sheet (模板:
 * the title and the header) beside the forms it filled in: it is no form (see analyze). A budget
 * block heading a form whose indicators are filled in (see isFilledIn), its funds lines labelled
 * (年度资金总额, 其中：财政拨款) with their figures left blank, is that form's: not empty, its
 * missing figures checked as any form's (review 56 M3). `tables`: the sheet's.
 */
export function isEmptyTable(view: SheetView, table: Table, tables: readonly Table[]): boolean {
  if (table.rows.length > 0) return false;
  const columns = Object.entries(table.columns as Record<string, number>).flatMap(([field, col]) => (RECORDED_FIELDS.includes(field) ? [col] : []));
  if (table.kind === "budget") for (const split of [table.sourceColumns, table.summedColumns]) columns.push(...Object.values(split ?? {}).flat());
  for (let row = table.headerBottom + 1; row <= table.lastRow; row++) {
    if (columns.some((col) => !isEmptyMarker(view.ownText(row, col)))) return false;
  }
  if (table.kind === "budget") {
    const form = tables.find((t): t is IndicatorTable => t.kind === "indicators" && t.above === table);
    return form === undefined || !isFilledIn(view, form) || !holdsFundsLines(view, table, form.headerTop);
  }
  const stated = (cell: StatedCell | null) => cell !== null && !isEmptyMarker(cell.written ?? view.ownText(cell.row, cell.col));
  return !stated(table.statedTotal) && !stated(table.statedGrade);
}

/** The fields a unit fills in on an indicator's row (not its 分值, which a template may print). */
const FILLED_FIELDS: readonly IndicatorField[] = ["target", "initialTarget", "actual", "score"];

/** Whether a row of an indicator table holds what a unit fills in (a target, an actual, a score): not a template's placeholders (指标1：). */
function isFilledIn(view: SheetView, table: IndicatorTable): boolean {
  const columns = FILLED_FIELDS.flatMap((field) => table.columns[field] ?? []);
  return table.rows.some((row) => columns.some((col) => !isEmptyMarker(view.ownText(row, col))));
}

/** The kinds of a budget block's funds lines: 年度资金总额, its sources (其中：财政拨款, 其他资金) and uses (基本支出). */
const FUNDS_LINE_KINDS: readonly string[] = ["funds-total", "source", "use"] satisfies ReturnType<typeof lineKind>[];

/** Whether a line under a budget table's header, above row `until`, is labelled as a funds line (年度资金总额, 其中：财政拨款). */
function holdsFundsLines(view: SheetView, table: Table, until: number): boolean {
  for (let row = table.headerBottom + 1; row < until; row++) {
    if (leadingLabels(view, row, table.span.left, table.right).some((label) => FUNDS_LINE_KINDS.includes(lineKind(lineWords(label))))) return true;
  }
  return false;
}

/**
 * The tables of `running` that still run at `row`: the same list while none has ended. A plain
 * loop, with no closure over `row`: a scan asks it on every row, and a closure over the loop's
 * `row` has each row make the closure and a copy of the loop's variables.
 */
function stillRunning(running: Table[], row: number): Table[] {
  for (const table of running) if (table.lastRow < row) return running.filter((t) => t.lastRow >= row);
  return running;
}

/**
 * All tables on a sheet, top to bottom (tables side by side left to right), each named by its
 * form (see formNames). A table's rows start nothing; tables side by side end where each does,
 * and the next one may start under the shorter beside the longer, or beside a table read in its
 * own columns on the same row.
 */
export function detectTables(view: SheetView): Table[] {
  const tables: Table[] = [];
  const ended = new EndedTables();
  let running: Table[] = [];
  for (let row = 0; row < view.rowCount; row++) {
    running = stillRunning(running, row);
    if (view.rowLength(row) === 0) continue; // an empty row starts nothing
    const found: Table[] = [];
    for (let more = true; more; ) {
      more = false;
      for (const span of running.length === 0 ? [WHOLE_ROW] : freeSpans(running)) {
        for (const header of headersAt(view, row, span)) {
          if (isTaskList(view, header)) continue;
          const table = readOwnTable(view, header, tables, ended);
          if (table === undefined) continue;
          found.push(table);
          tables.push(table);
          ended.add(table);
          running.push(table);
          more = true;
        }
        // A table read in its own columns leaves the rest of its row free for the form beside it.
        if (more) break;
      }
    }
    if (found.length > 1) {
      found.sort(readingOrder);
      tables.splice(tables.length - found.length, found.length, ...found);
    }
  }
  // Each table read in the scan has the year its dated columns were chosen by (see readDated); a
  // block of label/value pairs, its form's, over all the tables.
  const scanned = new Set(tables);
  withPairTables(view, tables);
  const all = tables.some((t) => !scanned.has(t)) ? new EndedTables(tables) : undefined;
  for (const table of tables) if (all && !scanned.has(table)) table.year = formYearAt(view, table.kind, table.headerTop, table.span, all);
  formNames(view, tables);
  totalsUnderBudget(view, tables);
  return withProjectsSplit(view, tables);
}

/** A budget field's label with its value in the next cell right of it (全年预算数（万元） | 500). */
type Pair = { field: BudgetField; label: SheetCell; value: SheetCell };

/**
 * The pair a label cell at (row, col) starts: a budget field's name (not a 项目名称 or 资金来源 label)
 * with the value in the first cell right of the label's merged area, a cell of that row of its own
 * that names no field itself. Undefined for anything else.
 */
function pairAt(view: SheetView, row: number, col: number, right: number): Pair | undefined {
  if (!view.isOrigin(row, col) || typeof view.raw(row, col) !== "string") return undefined;
  const field = matchBudgetField(view.text(row, col));
  if (field === undefined || field === "label") return undefined;
  const valueCol = (view.mergeAt(row, col)?.right ?? col) + 1;
  if (valueCol > right || !view.isOrigin(row, valueCol) || matchBudgetField(view.text(row, valueCol)) !== undefined) return undefined;
  return { field, label: { row, col }, value: { row, col: valueCol } };
}

/**
 * Whether `row` holds a budget field's label with a number beside it (全年预算数 | 500, 得分 | 9.6):
 * label/value pairs right above a header (see withPairTables), never its top row.
 */
function holdsPair(view: SheetView, row: number, span: ColumnSpan): boolean {
  const end = spanEnd(view, row, span);
  for (let c = span.left; c < end; c++) {
    const pair = pairAt(view, row, c, end - 1);
    if (pair && isPlainNumber(view.raw(pair.value.row, pair.value.col))) return true;
  }
  return false;
}

/** Whether a pair's value is an amount: a number, or a number typed with its money unit (500万元). */
function pairAmount(view: SheetView, pair: Pair | undefined): boolean {
  return isAmount(pair === undefined ? null : view.raw(pair.value.row, pair.value.col));
}

/**
 * The pairs of a block, if they make one unmistakably: each field once, a 全年预算数 (or 预算数) and
 * an 执行数 among them, each with an amount beside it.
 */
function pairsOf(pairs: Pair[], label: SheetCell | null): BudgetPairs | undefined {
  const cells: BudgetPairs["cells"] = {};
  for (const { field, label: at, value } of pairs) {
    if (cells[field] !== undefined) return undefined;
    cells[field] = { label: at, value };
  }
  const amount = (field: BudgetField) => pairs.find((p) => p.field === field);
  return amount("planned") && amount("spent") ? { cells, label } : undefined;
}

/** The label/value pairs of one form on a row, the label heading them (if one), and the form's columns. */
interface PairGroup {
  pairs: Pair[];
  label: SheetCell | null;
  span: ColumnSpan;
}

/**
 * The label/value pairs making up a row in `span` (预算执行情况 | 全年预算数（万元） | 500 |
 * 全年执行数（万元） | 480 | 执行率 | 96% …): every cell one of a pair, at most one text before them
 * (the block's label). Forms side by side each give theirs: after pairs, a text (the next form's
 * label) or a field named again starts the next group, whose columns run from its first cell to
 * the one before the next group's (the first group's from the start of `span`, the last one's to
 * its end). Undefined when anything else is in the span on the row.
 */
function rowPairs(view: SheetView, row: number, span: ColumnSpan): PairGroup[] | undefined {
  const { groups, rest } = pairGroups(view, row, span);
  return rest === null ? groups : undefined;
}

/**
 * The groups of pairs of a row in `span`, as rowPairs reads them, up to the first group that is
 * none (texts, a number, a label with no pair after it): `rest`, that group's first column, null
 * when there is none. The last group's columns then still run to the end of `span`.
 */
function pairGroups(view: SheetView, row: number, span: ColumnSpan): { groups: PairGroup[]; rest: number | null } {
  const end = spanEnd(view, row, span);
  const groups: (Omit<PairGroup, "span"> & { first: number })[] = [];
  let group: (typeof groups)[number] = { pairs: [], label: null, first: span.left };
  let rest: number | null = null;
  const next = (first: number, label: SheetCell | null) => {
    groups.push(group);
    group = { pairs: [], label, first };
  };
  for (let c = span.left; rest === null && c < end; c++) {
    if (!view.isOrigin(row, c) || view.text(row, c) === "") continue;
    const pair = pairAt(view, row, c, end - 1);
    if (pair) {
      if (group.pairs.some((p) => p.field === pair.field)) next(c, null);
      group.pairs.push(pair);
      c = pair.value.col;
    } else if (typeof view.raw(row, c) !== "string" || (group.pairs.length === 0 && group.label !== null)) rest = group.first;
    else if (group.pairs.length > 0) next(c, { row, col: c });
    else group.label = { row, col: c };
  }
  if (rest === null && group.pairs.length > 0) groups.push(group);
  else rest ??= group.first;
  return {
    groups: groups.map(({ pairs, label, first }, i) => ({
      pairs,
      label,
      span: { left: i === 0 ? span.left : first, right: i === groups.length - 1 ? span.right : groups[i + 1].first - 1 },
    })),
    rest,
  };
}

/**
 * The blocks of label/value pairs starting on `row` in `within`, one per form side by side (see
 * rowPairs), each from there down in its form's columns (see formColumns): on one line, stacked in
 * one column (全年预算数（万元） | 960 over 全年执行数（万元） | 936 …, under 预算执行情况 merged down
 * beside them), or two or three to a line over several. A block's rows hold pairs alone, each field
 * once, its label (if one) on its first; it must hold a 全年预算数 (or 预算数) and an 执行数, each
 * with an amount beside it. A transposed table's row (全年预算数 | 500 | 420 | 80) holds more than
 * a pair, and is none. Cells after the pairs that make none are allowed only past the columns of
 * the indicator table under them (the title of a form beside that starts lower).
 */
function pairBlocks(view: SheetView, row: number, within: ColumnSpan, indicators: Table[], sides: ColumnSpan[]): BudgetTable[] {
  const read = pairGroups(view, row, within);
  // Forms side by side, the one on the left starting lower (its title beside these pairs): the
  // pairs are read in the columns of a form whose indicator table starts a few rows down.
  if (read.groups.length === 0) {
    const narrower = sides.filter((s) => s.left > within.left && s.right <= within.right);
    return narrower.flatMap((side) => pairBlocks(view, row, side, indicators, []));
  }
  const { groups, rest } = read;
  return groups.flatMap(({ pairs: first, label, span: group }) => {
    const span = formColumns(group, { label, cells: first }, row, indicators);
    if (rest !== null && span.right >= rest) return [];
    const pairs = [...first];
    let bottom = row;
    for (let r = row + 1; r < view.rowCount; r++) {
      const next = rowPairs(view, r, span);
      if (next?.length !== 1 || next[0].label !== null || next[0].pairs.some((p) => pairs.some((q) => q.field === p.field))) break;
      pairs.push(...next[0].pairs);
      bottom = r;
    }
    const found = pairsOf(pairs, label);
    const amounts = pairs.filter((p) => p.field === "planned" || p.field === "spent");
    return found && amounts.every((p) => pairAmount(view, p)) ? [pairTable(found, row, bottom, span)] : [];
  });
}

/**
 * The columns a block of pairs is read down in: its group's (see rowPairs), within those of the
 * first indicator table under it whose columns hold its first row, where that table reads fewer
 * (forms side by side, the one beside starting lower: a line of pairs alone on its row, the form
 * beside's title on the next).
 */
function formColumns(group: ColumnSpan, first: { label: SheetCell | null; cells: Pair[] }, row: number, indicators: Table[]): ColumnSpan {
  const cols = [...first.cells.flatMap((p) => [p.label.col, p.value.col]), ...(first.label ? [first.label.col] : [])];
  const [left, right] = [Math.min(...cols), Math.max(...cols)];
  const form = indicators.find((t) => t.headerTop > row && t.span.left <= left && right <= t.span.right);
  return form === undefined ? group : { left: Math.max(group.left, form.span.left), right: Math.min(group.right, form.span.right) };
}

/** A budget table read from label/value pairs, its line on `row` (the first pair's), down to `bottom`. */
function pairTable(pairs: BudgetPairs, row: number, bottom: number, span: ColumnSpan): BudgetTable {
  const columns: Columns<BudgetField> = {};
  for (const [field, cell] of Object.entries(pairs.cells)) columns[field as BudgetField] = cell.value.col;
  const top = Math.min(row, pairs.label?.row ?? row);
  return {
    kind: "budget",
    columns,
    pairs: [pairs],
    top,
    headerTop: top,
    headerBottom: top,
    ...pairColumns(pairs),
    rows: [row],
    lastRow: bottom,
    span,
    above: null,
    project: null,
    unit: null,
    label: null,
    wholeDepartment: false,
    year: null,
  };
}

/** The first and last columns of a block of pairs: its labels and values, and the label heading them. */
function pairColumns(pairs: BudgetPairs): { left: number; right: number } {
  const cols = [...Object.values(pairs.cells).flatMap((c) => [c.label.col, c.value.col]), ...(pairs.label ? [pairs.label.col] : [])];
  return { left: Math.min(...cols), right: Math.max(...cols) };
}

/**
 * A later block of pairs of the table's form, set apart under it, that breaks it down (其中：财政拨款 |
 * 全年预算数（万元） | 300 | 全年执行数（万元） | 290, 其他资金 …; 其中：基本支出): a 其中 line of the
 * table (read as a table's 其中 rows are, see model's pairLines).
 */
function addPartLine(table: BudgetTable, part: BudgetTable): void {
  const pairs = part.pairs![0];
  table.pairs!.push(pairs);
  table.rows.push(part.rows[0]);
  table.lastRow = part.lastRow;
  const { left, right } = pairColumns(pairs);
  table.left = Math.min(table.left, left);
  table.right = Math.max(table.right, right);
}

/**
 * What a block of pairs' label makes it of a block above it: "其中" when it says so (其中：财政拨款),
 * "part" when it names a source of funds or a use (其他资金, 上年结转资金, 基本支出: see lineKind),
 * null for anything else (预算执行情况, 年度资金总额, no label).
 */
function partLabel(view: SheetView, block: BudgetTable): "其中" | "part" | null {
  const label = block.pairs![0].label;
  const words = label === null ? "" : lineWords(view.text(label.row, label.col));
  if (IN_WHICH.test(words)) return "其中";
  const kind = lineKind(words);
  return kind === "source" || kind === "use" ? "part" : null;
}

/**
 * Budget blocks given as label/value pairs, on one line, stacked or over several lines, one per form
 * side by side (see pairBlocks), added to a sheet's tables in their place (review round 52b, M1: e09
 * and e10 had no budget line). They are looked for in the columns no other table reads on their
 * rows (a form beside one that starts higher or lower), and a budget header found on a line of
 * pairs, with no rows under it, is none and goes. A block is read only in a form with no budget
 * table of its own: its form is the indicator table after it on its side (the last one, for a block
 * under them all), and that table's budget table is found as analyze's budgetFor finds it: above
 * it, after the indicator table before it, or below it with no indicator table after it (another
 * form's budget table further down is that form's). A form's 资金 line beside its budget table is
 * none. The form's first block is its budget line; a block after it, with no other table between,
 * that breaks it down (其中：财政拨款, or 其他资金 under 预算执行情况: see partLabel) is a 其中 line of
 * it, read as a table's 其中 rows are; any other is read in no table (on a side with no indicator
 * table, where nothing tells forms apart, one that is no part is a table of its own). Parts with no
 * whole (财政拨款 | … then 其他资金 | …) are no budget line: the form's blocks are read in no table
 * (code review of round 52, M1: each block's empty header vetoed the other, and neither was read).
 */
function withPairTables(view: SheetView, tables: Table[]): void {
  const isEmptyBudget = (t: Table) => t.kind === "budget" && t.rows.length === 0;
  const blocks: BudgetTable[] = [];
  const blocksOn = new Map<number, BudgetTable[]>();
  const others = tables.filter((t) => !isEmptyBudget(t)).sort((a, b) => a.headerTop - b.headerTop);
  const indicators = others.filter((t) => t.kind === "indicators");
  let running: Table[] = [];
  for (let row = 0, started = 0, below = 0; row < view.rowCount; row++) {
    while (started < others.length && others[started].headerTop <= row) running.push(others[started++]);
    running = stillRunning(running, row);
    if (view.rowLength(row) === 0) continue;
    // The columns of the forms whose indicator tables start a few rows down.
    while (below < indicators.length && indicators[below].headerTop <= row) below++;
    // A row inside tables across all its columns holds no pairs: nothing more is made for it.
    const free = freeSpans(running);
    if (free.length === 0) continue;
    const sides: ColumnSpan[] = [];
    for (let i = below; i < indicators.length && indicators[i].headerTop <= row + BESIDE_ROWS; i++) sides.push(indicators[i].span);
    const found: BudgetTable[] = [];
    for (const span of free) found.push(...pairBlocks(view, row, span, indicators, sides));
    for (const block of found) {
      blocks.push(block);
      for (let r = block.headerTop; r <= block.lastRow; r++) blocksOn.set(r, [...(blocksOn.get(r) ?? []), block]);
      row = Math.max(row, block.lastRow);
    }
  }
  if (blocks.length === 0) return;
  const onPairs = (t: Table) => {
    for (let row = t.headerTop; row <= t.headerBottom; row++) if (blocksOn.get(row)?.some((b) => sameSide(t, b))) return true;
    return false;
  };
  const kept = tables.filter((t) => !isEmptyBudget(t) || !onPairs(t));
  const found: BudgetTable[] = [];
  const formOf = new Map<BudgetTable, Table | undefined>();
  const partsAlone = new Set<BudgetTable>();
  for (const block of blocks) {
    const beside = kept.filter((t) => sameSide(t, block));
    if (beside.some((t) => t.headerTop <= block.lastRow && t.lastRow >= block.headerTop)) continue;
    const indicators = beside.filter((t) => t.kind === "indicators");
    const next = indicators.findIndex((t) => t.headerTop > block.lastRow);
    const at = next >= 0 ? next : indicators.length - 1;
    const form = indicators[at];
    const before = indicators[at - 1]?.lastRow ?? -1;
    const ownBudget = (t: Table) =>
      form === undefined || (t.headerTop > before && t.lastRow < form.headerTop) || (at === indicators.length - 1 && t.headerTop > form.lastRow);
    // (A budget table alone in its rows is on every side: the form's own only in the block's columns.)
    const inColumns = (t: Table) => t.left <= block.span.right && t.right >= block.span.left;
    if (beside.some((t) => t.kind === "budget" && inColumns(t) && ownBudget(t))) continue;
    const first = found.find((t) => formOf.get(t) === form && (form !== undefined || sameSide(t, block)));
    const part = partLabel(view, block);
    if (first === undefined || (form === undefined && part === null)) {
      // With no indicator table on its side, nothing tells forms apart: a block that is no part is one of its own.
      found.push(block);
      formOf.set(block, form);
    } else if (part === "其中" || (part && partLabel(view, first) === null)) {
      if (!beside.some((t) => t.headerTop > first.lastRow && t.headerTop < block.headerTop)) addPartLine(first, block);
    } else if (part) partsAlone.add(first);
  }
  for (const table of found.filter((t) => !partsAlone.has(t))) {
    const at = kept.findIndex((t) => t.headerTop > table.headerTop || (t.headerTop === table.headerTop && t.span.left > table.span.left));
    kept.splice(at < 0 ? kept.length : at, 0, table);
  }
  tables.splice(0, tables.length, ...kept);
}

/** The tables with each indicator table listing several projects in its place as one per project (see splitProjects). */
function withProjectsSplit(view: SheetView, tables: Table[]): Table[] {
  if (!tables.some((t) => t.kind === "indicators" && t.projectColumn !== null)) return tables;
  const lastPart = new Map<Table, Table>();
  const split = tables.flatMap((table) => {
    if (table.kind !== "indicators" || table.projectColumn === null) return [table];
    const parts = splitProjects(view, table);
    lastPart.set(table, parts[parts.length - 1]);
    return parts;
  });
  // A form under the list is under its last project's part.
  for (const table of split) if (table.above && lastPart.has(table.above)) table.above = lastPart.get(table.above)!;
  return split;
}

/** A task heading a list's rows: 年度主要任务, 任务名称, 重点工作任务. */
const TASK_LABEL = /^(年度)?(主要|重点)?(工作|履职)?任务(名称)?$/;

/**
 * A 部门整体 form's 年度主要任务 list (任务名称 | 主要内容 | 预算数 | 执行数 | 完成情况): what each task
 * was given and spent, with no execution rated or scored, is no budget table: a header naming a task
 * left of its figures, with no 执行率, 分值 or 得分 column. Its header still ends the table above.
 */
function isTaskList(view: SheetView, header: HeaderMatch): boolean {
  if (header.kind !== "budget") return false;
  const columns = header.columns as Columns<BudgetField>;
  if (columns.rate !== undefined || columns.weight !== undefined || columns.score !== undefined) return false;
  const figures = BUDGET_NUMBER_FIELDS.flatMap((f) => (columns[f] === undefined ? [] : [columns[f]]));
  const firstFigure = Math.min(...figures);
  for (let row = header.top; row <= header.bottom; row++) {
    for (let c = header.span.left; c < Math.min(firstFigure, spanEnd(view, row, header.span)); c++) {
      if (view.isOrigin(row, c) && TASK_LABEL.test(normalizeHeading(view.text(row, c)))) return true;
    }
  }
  return false;
}

/** A line heading an example of how to fill the form in: 填写示例：, 示例, 例：, 填报示例（仅供参考）. */
const EXAMPLE_HEADING = /^(填写|填报|填表)?(示例|样例|范例)(\(.*\))?$|^例$/;

/** How far above a header an example's heading may stand: over the form's title and name lines. */
const EXAMPLE_ROWS = 8;

/**
 * A sheet's examples (see analyze, which leaves them out beside a form of the unit's own): a table
 * with a line heading an example (see EXAMPLE_HEADING) in its header block, at most EXAMPLE_ROWS
 * above its header and below the table above on its side, and a table of the same form right under
 * such a one (the indicators under an example's budget block, no header block of their own). A
 * 填表说明 sheet shows how to fill the form in with one; a form under a title of its own after it is read.
 */
export function exampleTables(view: SheetView, tables: Table[]): Set<Table> {
  const examples = new Set<Table>();
  for (const table of tables) {
    const stop = Math.max(table.above?.lastRow ?? -1, table.headerTop - EXAMPLE_ROWS - 1);
    const sameForm = table.above !== null && examples.has(table.above) && !blockNames(view, table.headerTop - 1, table.above.lastRow, table.span).own;
    if (sameForm || headsExample(view, table.headerTop - 1, stop, table.span)) examples.add(table);
  }
  return examples;
}

/** Whether a row from `from` up to `stop` (exclusive), in `span`, is an example's heading. */
function headsExample(view: SheetView, from: number, stop: number, span: ColumnSpan): boolean {
  for (let row = from; row > stop; row--) {
    for (let c = span.left; c < spanEnd(view, row, span); c++) {
      if (!view.isOrigin(row, c)) continue;
      // Every heading EXAMPLE_HEADING takes has 例 in it: a cell without one is not normalised.
      const text = cellText(view.raw(row, c));
      if (text.includes("例") && EXAMPLE_HEADING.test(normalizeHeader(text))) return true;
    }
  }
  return false;
}
