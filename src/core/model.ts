/**
 * Turns detected tables into budget lines and indicators: each value with the cell it came from,
 * parsed once, so scoring and rules work on plain data.
 */
import Decimal from "decimal.js";
import { BudgetPairs, BudgetTable, ColumnSpan, Columns, IndicatorTable, StatedCell, hasOwnText, isListAverageRow, leadingLabels, nameColumn, rowCell } from "./detect";
import { CellValue, SheetView, cellText } from "./grid";
import { Measure, measureOf, unitInName } from "./measures";
import { MoneyUnit, convertAmount, statedMoneyUnit, tableMoneyUnit, typedAmount } from "./money-unit";
import {
  Dimension,
  normalizeHeading,
  BASIC_SPENDING_LABEL,
  BudgetField,
  BASIC_SPENDING_PART,
  EXECUTION_SCORE_HEADER,
  FUNDS_SOURCE_LABEL,
  IN_WHICH,
  PROJECT_SPENDING_LABEL,
  GRADE_LABEL,
  IndicatorField,
  NOTE_LABEL,
  SUM_LABEL,
  TOTAL_LABEL,
  dimensionOf,
  BudgetLineKind,
  isSectionHeading,
  lineKind,
  lineWords,
  normalizeHeader,
  layoutJoined,
  splitStatedWeight,
} from "./headers";
import { eq, lt, lte } from "./compare";
import { isGradeText, readGrade } from "./grade-text";
import { HUNDRED, sumOf } from "./score";
import {
  ParsedValue,
  allDoneAsHundredPercent,
  answeredNone,
  deviationAgainstTolerance,
  nominalAgainstActual,
  asMonthAgainstDeadline,
  countAfterDate,
  countInUnitOf,
  decimalPlacesShown,
  isEmptyMarker,
  isPlainNumber,
  parseNumber,
  parseShownNumber,
  parseValue,
  rowReading,
  limitAfterEvent,
  noteFigureAsked,
  figureBeforeNotes,
  quantityInWords,
  sameDayAsOneDay,
  yearMonthsAsDates,
  rangeAsBound,
  shownAsPercent,
  timeLimitAsCeiling,
} from "./values";

export interface CellRef {
  sheet: string;
  row: number;
  col: number;
}

/**
 * A numeric cell, where it is (the cell is its own CellRef: a finding names it directly), its raw
 * value, and the number it holds (null when empty or not a number).
 */
export interface NumberCell extends CellRef {
  raw: CellValue;
  numFmt: string | undefined;
  value: Decimal | null;
  /** Decimals the cell shows, for telling rounding differences from errors. */
  shown: number;
  /** Holds something that is not a number (text or an error value). */
  invalid: boolean;
  /** Blank, or an empty marker ("/", "—", "无"). */
  empty: boolean;
  /**
   * The cell is the value's own (ownArea): not merged, or merged across its own row only, from
   * this cell and no wider than its column's header. A value for it goes into this cell, the
   * area's top-left one, whether filled in (writable) or put right (fixes.ts).
   */
  own: boolean;
  /** Blank, no formula, and the value's own (own): a value may be written here. */
  writable: boolean;
  /** Holds a formula: its value is the formula's cached result, worked out from other cells. */
  formula: boolean;
  /** Holds a formula whose result the file does not hold: its value is unknown, not blank. */
  resultUnknown: boolean;
}

export interface TextCell extends CellRef {
  text: string;
}

export interface ValueCell extends CellRef {
  raw: CellValue;
  parsed: ParsedValue;
  /**
   * The value as its row reads it, where the 指标性质 and 度量单位 columns add to the cell's text
   * (≥ | 100 | % is “≥100%”: values.ts rowReading); absent where they add nothing. What the
   * findings quote (quotedValue); the cell is still the one marked.
   */
  reading?: string;
}

/** A target or actual as the findings quote it: as its row reads it (ValueCell.reading), else its text. */
export function quotedValue(cell: ValueCell): string {
  return cell.reading ?? cell.parsed.text;
}

export type { BudgetLineKind } from "./headers";

export interface BudgetLine {
  sheet: string;
  row: number;
  label: string;
  kind: BudgetLineKind;
  /**
   * The line this one is a 其中 row of (see nestLines): a funds total for its sources and uses,
   * 基本支出 for its 人员经费 and 公用经费, 项目支出 for its projects. Null for a line of the list
   * itself, which a 合计 under it adds up.
   */
  partOf: BudgetLine | null;
  initial: NumberCell | null;
  planned: NumberCell | null;
  spent: NumberCell | null;
  rate: NumberCell | null;
  weight: NumberCell | null;
  score: NumberCell | null;
  grade: TextCell | null;
  /** Its amounts split by source in columns (全年预算数 over 合计 | 财政拨款 | 其他资金), if any: see sourceSplits. */
  splits?: SourceSplit[];
}

/** A line's amount read from a 合计 column and the cells of its parts beside it, with their columns' headings. */
export interface SourceSplit {
  field: (typeof AMOUNT_FIELDS)[number];
  /** The group title over the columns: 全年预算数. */
  heading: string;
  parts: NumberCell[];
  names: string[];
}

export interface BudgetBlock {
  sheet: string;
  table: BudgetTable;
  lines: BudgetLine[];
  /** A weighted table scores budget execution (分值 × 执行率); otherwise 得分 is each project's own total. */
  weighted: boolean;
  /** A weight stated in the 得分 header instead of a 分值 column: 得分（10分）. */
  statedWeight: Decimal | null;
  /** The 执行率 header says its numbers are percentages (执行率（%）): a typed 1.5 is 1.5%. */
  ratesInPercent: boolean;
  /** Its row labels are headed 项目名称 (or 项目): a list of projects, each line one's. */
  listsProjects: boolean;
  /** The unit of its amounts (see readTypedAmounts); null when unknown. */
  moneyUnit: MoneyUnit | null;
  /** The year its form is for, as detection read it (Table.year: stated above it, else named by its sheet); null when neither says. */
  year: number | null;
}

export interface Indicator {
  sheet: string;
  row: number;
  level1: string;
  level1Ref: CellRef | null;
  /** The 一级 label's stated weight: 产出目标（50分） → 50. */
  level1Stated: Decimal | null;
  dimension: Dimension | undefined;
  level2: string;
  level2Ref: CellRef | null;
  /** The 二级 label's stated weight: 数量指标（30分） → 30. */
  level2Stated: Decimal | null;
  name: string;
  nameRef: CellRef;
  description: string;
  /** The row's own 评分标准 (完成500人次得满分，每少10人次扣0.5分); "" without that column. */
  standard: string;
  target: ValueCell | null;
  actual: ValueCell | null;
  weight: NumberCell | null;
  score: NumberCell | null;
  reason: TextCell | null;
  /**
   * The duty and task the row is listed under, in columns left of the 一级 (部门职责 | 工作任务 in a
   * 部门整体 form), joined; "" without such columns.
   */
  group: string;
  /**
   * Under four levels (一级 | 二级 | 三级 | 四级), the 三级 grouping the row (工程量, filled down
   * as the 二级 is), and whether its 四级 names it (`namedBy4`); "" and false in other tables.
   */
  level3: string;
  namedBy4: boolean;
}

/**
 * Indicators whose 分值 or 得分 is one cell merged down over all of them: they share their points
 * and are scored together. `sharedWeight` / `sharedScore` is that merged cell, or null where
 * each member has a cell of its own.
 */
export interface ScoreGroup {
  members: Indicator[];
  sharedWeight: NumberCell | null;
  sharedScore: NumberCell | null;
}

/** A 小计 row inside an indicator table: the 分值 and 得分 it records for the rows of one 一级 above it, or of one task. */
export interface LevelSubtotal {
  /** What it is the 小计 of: the 一级 of the rows it is told against (see levelSubtotals), or their task (道路养护). */
  name: string;
  /** Those rows. */
  rows: Indicator[];
  /**
   * What else it may sum, any of which makes it right: every row since the 小计 before it, every
   * row above it (the indicators' 90 before the 总分, after a 小计 per 一级), every row of its 一级
   * (a 一级's 小计 after those of its 二级), the rows up to the next 小计, or those of their first 一级.
   */
  wider: Indicator[][];
  weight: NumberCell | null;
  score: NumberCell | null;
}

export interface IndicatorBlock {
  sheet: string;
  table: IndicatorTable;
  indicators: Indicator[];
  levelSubtotals: LevelSubtotal[];
  groups: ScoreGroup[];
  /** Self-evaluation (actuals, or recorded scores: see isSelfEvaluation) rather than a target-setting table. */
  selfEvaluation: boolean;
  recordedTotal: NumberCell | null;
  recordedGrade: TextCell | null;
  /** The indicators' own 合计 (90 of 90), not the 总分: kept only to update a formula's cached result. */
  recordedSubtotal: NumberCell | null;
  /** The 分值 cell of the 总分 row (总分 | 100 | 96.5): the scale the form itself gives its total. */
  statedTotalWeight: NumberCell | null;
  /**
   * A list of several projects' whole 合计 under its last project (see IndicatorTable.listTotalRows):
   * its 得分, the 分值 it states, and whether its label says it is their average (平均得分).
   */
  listTotals: { score: NumberCell; weight: NumberCell | null; average: boolean }[];
  /** The year the form is for (see formYear): the year of a deadline that names none (12月31日前). */
  year: number | null;
}

/**
 * Decimals at which a recorded score is compared: what its number format shows. A typed number
 * shows the digits typed, but a whole number claims one decimal more: a typed 3 is not 2.68
 * rounded (it would be 2.7), while a typed 2.7 is.
 */
export function scoreDigits(cell: NumberCell, places: number): number {
  return isTypedNumber(cell) ? Math.max(cell.shown, typedMinimum(places)) : cell.shown;
}

/** The fewest decimals a typed number claims, at most the profile's own. */
export function typedMinimum(places: number): number {
  return Math.min(1, places);
}

/**
 * A number as typed, showing every digit it has: in a General-format cell, or stored as text
 * ("10", "10分", "１０": system exports and WPS forms keep numbers so, and no format rounds them).
 * A text percentage ("10%") is not: it shows as a 0% format would.
 */
export function isTypedNumber(cell: NumberCell): boolean {
  if (typeof cell.raw === "string") return isPlainNumber(cell.raw);
  return typeof cell.raw === "number" && (cell.numFmt === undefined || cell.numFmt === "General");
}

/** A text that is a number in brackets and nothing else: (50.00), （1,200.00）. */
const BRACKETED = /^[(（]\s*([^()（）]+?)\s*[)）]$/;

/**
 * A negative typed as accountants write it, in brackets (review round 56e, L1): "(50.00)" is −50,
 * as −50 shown so by an accounting format is. Only where the whole text is a bracketed number, and
 * only in an amount (预算数, 执行数 and their parts by source), where accounting formats put them: a
 * 分值 or 得分 typed （10） is decoration, not −10, and stays no number (review round 56 M2).
 */
function bracketedNegative(raw: CellValue): Decimal | null {
  const m = typeof raw === "string" ? BRACKETED.exec(raw.trim()) : null;
  const inner = m === null || /^[+\-−－]/.test(m[1]) ? null : parseShownNumber(m[1]);
  return inner === null || inner.isZero() ? null : inner.negated();
}

function numberCell(view: SheetView, row: number, col: number | undefined, amount = false, headerRow?: number): NumberCell | null {
  if (col === undefined) return null;
  const cell = rowCell(view, row, col);
  const numFmt = view.sheet.numFmts[cell.row]?.[cell.col];
  // A formula's cached 10.000000000000002 is the 10 Excel shows: never above a weight of 10.
  const value = parseShownNumber(cell.value) ?? (amount ? bracketedNegative(cell.value) : null);
  const text = typeof cell.value === "string" ? cell.value.trim() : null;
  const blank = cell.value === null || text === "";
  // "/", "—", "无" say "nothing here" (domain.md §2): empty rather than a wrong number, yet not
  // blank, so nothing is ever written over them.
  const empty = blank || (text !== null && isEmptyMarker(text));
  const formula = view.isFormula(cell.row, cell.col);
  const own = ownArea(view, row, col, headerRow);
  return {
    sheet: view.sheet.name,
    row: cell.row,
    col: cell.col,
    raw: cell.value,
    numFmt,
    value,
    shown: value === null ? 0 : decimalPlacesShown(cell.value, numFmt),
    invalid: !empty && value === null,
    empty,
    // Never into a formula (its result may be blank), nor into a merged area other than the cell's
    // own (ownArea): the value would show across rows or columns (other fields) it does not belong to.
    own,
    writable: blank && !formula && own,
    formula,
    resultUnknown: view.resultUnknown(cell.row, cell.col),
  };
}

/**
 * Whether the cell at (row, col) is the value's own: not merged, or merged across one row only,
 * from that cell and no wider than its column's header in `headerRow` (得分 merged G10:H10 over each
 * row's G11:H11, as the national form has it: review round 58d, F1). Its value is then written into
 * the area's top-left cell, as Excel keeps it. An area running down over several rows is shared by
 * several lines, and one without its header's row to measure by is not known to be the cell's alone.
 */
function ownArea(view: SheetView, row: number, col: number, headerRow: number | undefined): boolean {
  const merge = view.mergeAt(row, col);
  if (merge === undefined) return true;
  if (headerRow === undefined || merge.top !== row || merge.bottom !== row || merge.left !== col) return false;
  const header = view.mergeAt(headerRow, col);
  return header !== undefined && header.left === col && merge.right <= header.right;
}

/** Points written as a percentage of the 100 (10%, stored 0.1 or typed "10%") as those points; null for a cell written otherwise. */
function percentAsPoints(cell: NumberCell): NumberCell | null {
  if (cell.value !== null && typeof cell.raw === "number" && shownAsPercent(cell.raw, cell.numFmt)) return { ...cell, value: cell.value.times(100) };
  // Typed as text, "10%" is the same 10 points.
  const percentText = typeof cell.raw === "string" ? /^(.*\d)\s*[%％]$/.exec(cell.raw.trim()) : null;
  const typed = percentText ? parseNumber(percentText[1]) : null;
  return typed === null ? null : { ...cell, value: typed, invalid: false, shown: decimalPlacesShown(cell.raw) };
}

/** A 权重 (of an indicator, the budget line or the 总分) written as a percentage (10%, stored 0.1) is 10 points of the 100. */
function weightCell(view: SheetView, row: number, col: number | undefined): NumberCell | null {
  return inPoints(numberCell(view, row, col));
}

/** Points of the 100 however they are written: 10, or 10% (stored 0.1). */
function inPoints(cell: NumberCell | null): NumberCell | null {
  return cell && (percentAsPoints(cell) ?? cell);
}

/**
 * A 得分 on its weight's scale: beside a 权重 written as a percentage, a score written as one (9.5%,
 * stored 0.095) is 9.5 points, as the weight is. Beside a weight in points a % format says nothing
 * of the scale, and a score in points beside a percentage weight is in points already.
 */
function scoreCell(view: SheetView, row: number, col: number | undefined, weight: NumberCell | null, headerRow?: number): NumberCell | null {
  return onWeightScale(numberCell(view, row, col, false, headerRow), weight);
}

/** A score read as scoreCell reads it, wherever its cell is (a label/value pair's value, see pairLine). */
function onWeightScale(cell: NumberCell | null, weight: NumberCell | null): NumberCell | null {
  const weightInPercent = weight !== null && percentAsPoints(weight) !== null;
  return cell && ((weightInPercent && percentAsPoints(cell)) || cell);
}

/**
 * A reason (and in valueCell a target or actual): a merged area running down over several rows
 * holds it for each of them ("same as above"), named by the area's top-left cell, its origin.
 */
function textCell(view: SheetView, row: number, col: number | undefined): TextCell | null {
  if (col === undefined) return null;
  const at = view.origin(row, col);
  return { sheet: view.sheet.name, row: at.row, col: at.col, text: cellText(view.raw(at.row, at.col)) };
}

/**
 * The row's explanation of a deviation: 偏差原因分析, or 改进措施 in a column of its own when only that
 * is filled (a 原因分析 of 无 or / gives none). Both empty: the reason cell (the 改进措施 one in a
 * table with no other), to be asked for.
 */
function reasonCell(view: SheetView, row: number, cols: Columns<IndicatorField>): TextCell | null {
  const reason = textCell(view, row, cols.reason);
  const measures = textCell(view, row, cols.measures);
  if (reason === null) return measures;
  return isEmptyMarker(reason.text) && measures && !isEmptyMarker(measures.text) ? measures : reason;
}

/**
 * A target or actual cell read with its row's 指标性质 (`nature`) and 度量单位 (`unit`); `actual`: the
 * 指标性质 qualifies the target, and is not quoted before an actual (ValueCell.reading).
 */
function valueCell(view: SheetView, row: number, col: number | undefined, context: { nature?: string; unit?: string }, actual = false): ValueCell | null {
  if (col === undefined) return null;
  const at = view.origin(row, col);
  const raw = view.raw(at.row, at.col);
  const numFmt = view.sheet.numFmts[at.row]?.[at.col];
  const ctx = { numFmt, opColumn: context.nature, unitColumn: context.unit };
  const parsed = parseValue(raw, ctx);
  const reading = rowReading(raw, parsed, actual ? { ...ctx, opColumn: undefined } : ctx);
  return { sheet: view.sheet.name, row: at.row, col: at.col, raw, parsed, ...(reading !== parsed.text && { reading }) };
}

/**
 * A target range as the bound that decides it; the cell itself when it holds no range. A time
 * limit is fewer-is-better for a range of time (审批办结时限 3-5个工作日, not 审批时间压缩
 * 20%-30%), and so is a plain time with no comparator there (办理时限 5个工作日 is ≤5个工作日: review
 * round 54c, where domain.md §3 would read it as positive).
 */
function rangedTarget(target: ValueCell, measure: Measure): ValueCell {
  const timeAllowed = measure.timeLimit && target.parsed.unit?.family === "time";
  const parsed = timeLimitAsCeiling(rangeAsBound(target.parsed, measure.cost || measure.harm || timeAllowed), timeAllowed);
  return parsed === target.parsed ? target : { ...target, parsed };
}

/**
 * A row's target and actual as the row reads them together: a target range as the bound that
 * decides it (10-20个 as ≥10个, see rangeAsBound), a limit after an event against the time taken
 * (收到资金后30日内 against 45日), an actual's first figure before clauses with figures in other units
 * (10次，覆盖全县12个乡镇: not on a row measuring a change), words of the actual the target gives a figure to (当日办结, 全部完成,
 * 开展22场宣传活动, a date serial against a deadline), a value naming what it counted in the other's
 * unit (10口井 against ≥10口, ≥10口井 against 10口), a deviation below zero against a tolerance (-1.5% against ±2%) by its size, and 无 (or 未发生安全事故 …) as the answer "none"
 * where the row, by its `name`, makes it one.
 */
function readRowValues(target: ValueCell | null, actual: ValueCell | null, measure: Measure, name: string): [ValueCell | null, ValueCell | null] {
  const bound = target && rangedTarget(target, measure);
  if (!bound || !actual) return [bound, actual];
  const numberCells = { target: typeof bound.raw === "number", actual: typeof actual.raw === "number" };
  // A month and its day (11.30) on a row about when, not on one timing a task or lasting (办结时限 2.15);
  // a target with 前 (11.30前) on any row (yearMonthsAsDates).
  const dated = yearMonthsAsDates(countAfterDate(bound.parsed, actual.parsed), actual.parsed, measure.timely, numberCells, measure.timely && !measure.timeLimit && !measure.duration);
  const limit = limitAfterEvent(dated.target, dated.actual);
  const timed = limitAfterEvent(dated.actual, limit);
  const asked = measure.change ? noteFigureAsked(timed) : figureBeforeNotes(limit, timed);
  const worded = deviationAgainstTolerance(limit, sameDayAsOneDay(limit, allDoneAsHundredPercent(limit, asMonthAgainstDeadline(limit, asked))));
  const stated = quantityInWords(limit, worded);
  const counted = countInUnitOf(limit, stated);
  const answered = answeredNone(countInUnitOf(counted, limit), counted, name, measure.harm);
  return [{ ...bound, parsed: nominalAgainstActual(answered.target, answered.actual) }, { ...actual, parsed: answered.actual }];
}

/**
 * The row's label: the labelled column if the table has one, else the rightmost text left of the
 * numbers, in the table's span, that belongs to this row (not a merged area coming down from
 * above, not a 序号).
 */
function budgetLabel(view: SheetView, table: BudgetTable, row: number): string {
  const candidates: number[] = [];
  if (table.columns.label !== undefined) candidates.push(table.columns.label);
  const firstNumberCol = Math.min(
    ...(["initial", "planned", "spent", "rate"] as const).map((f) => table.columns[f] ?? Infinity),
  );
  for (let c = Math.min(firstNumberCol, view.colCount) - 1; c >= table.span.left; c--) candidates.push(c);
  for (const c of candidates) {
    const cell = rowCell(view, row, c);
    const text = layoutJoined(cellText(cell.value));
    if (text !== "" && typeof cell.value !== "number" && !/^\d+[.、]?$/.test(text)) return text;
  }
  return "";
}

/**
 * Which lines are 其中 rows of which (BudgetLine.partOf), and the kind of those named by their place
 * alone. Under a funds total (年度资金总额, or a 合计 heading the table) its sources and uses, and
 * after a source the lines that follow (其中：中央资金 / 省级资金 / 县级配套资金), until the next total.
 * Under 项目支出, the lines that follow are its projects, up to the next use, source or total; under
 * 基本支出 its 人员经费 and 公用经费, or the lines from a 其中 row on. With no funds total above, a
 * 基本支出 or a line named like a source (上级补助资金) is a line of the list like any other: the
 * projects after 基本支出 are not its parts, and a 合计 closing the list adds them all.
 */
function nestLines(lines: BudgetLine[]): void {
  let fundsTotal: BudgetLine | null = null;
  // After a source under it, the lines that follow are its sources too; after a use, its uses
  // (合计 / 基本支出 / 公共法律服务 …: the projects beside 基本支出).
  let sourcesFollow = false;
  let usesFollow = false;
  // The open 基本支出 or 项目支出, and whether the lines that follow are its parts.
  let spending: BudgetLine | null = null;
  let partsFollow = false;
  for (const line of lines) {
    const words = lineWords(line.label);
    // What the line before left open; each case below keeps it open or not.
    const parent: BudgetLine | null = spending;
    const partsListed: boolean = partsFollow;
    spending = null;
    partsFollow = false;
    switch (line.kind) {
      case "funds-total":
      case "total":
      case "subtotal":
        fundsTotal = line.kind === "funds-total" ? line : null;
        sourcesFollow = usesFollow = false;
        break;
      case "use":
        if (parent && BASIC_SPENDING_LABEL.test(lineWords(parent.label)) && BASIC_SPENDING_PART.test(words)) {
          line.partOf = parent;
          spending = parent;
          partsFollow = partsListed;
          break;
        }
        line.partOf = fundsTotal;
        sourcesFollow = false;
        usesFollow = fundsTotal !== null;
        if (!BASIC_SPENDING_PART.test(words)) spending = line;
        partsFollow = PROJECT_SPENDING_LABEL.test(words);
        break;
      case "source":
        // 其中 and words that name no source (其中：公共法律服务) under 项目支出: its first project.
        if (parent && IN_WHICH.test(words) && !FUNDS_SOURCE_LABEL.test(words.replace(IN_WHICH, ""))) {
          partOfSpending(line, parent);
          spending = parent;
          partsFollow = true;
        } else if (fundsTotal) {
          line.partOf = fundsTotal;
          sourcesFollow = true;
          usesFollow = false;
        }
        break;
      case "line":
        if (parent && partsListed) {
          partOfSpending(line, parent);
          spending = parent;
          partsFollow = true;
        } else if (fundsTotal && (sourcesFollow || usesFollow)) {
          if (sourcesFollow) line.kind = "source";
          line.partOf = fundsTotal;
        }
        break;
    }
  }
}

/**
 * The levels a line's name starts with, one after another: 市县级 → 市, 县; 省、市级 → 省, 市. 中省 is
 * 中央 and 省 (Shaanxi's 中省资金); 自治区, 自治州, 自治县, 旗 and 盟 (Inner Mongolia's 县 and 市), 兵团
 * and 师市 (Xinjiang's corps and its divisions' cities) are levels too.
 */
const GOVERNMENT_LEVEL = /^(中央|中省|本级|地方|自治区|自治州|自治县|兵团|师市|省|市|州|县|区|乡|镇|旗|盟)[、和与及]?/;
/** The levels a matched word stands for, where not itself: 地方 every one but 中央, 中省 中央 and 省. */
const LEVELS_OF: Record<string, string[]> = {
  地方: ["本级", "省", "市", "州", "县", "区", "乡", "镇", "自治区", "自治州", "自治县", "兵团", "师市", "旗", "盟"],
  中省: ["中央", "省"],
};
/**
 * What makes a one-character level (省, 市, 州, 县, 区, 乡, 镇, 旗, 盟) the first of an ordinary word,
 * no level of government: 乡村 (乡村振兴衔接资金), 镇村 (a village is no level, and 镇村自筹资金 names
 * the town's and villages' money together: a source of its own), 市场 (市场化融资), 区域 / 县域 / 市域,
 * 县城 (县城建设资金, but 县城乡建设资金 is the county's 城乡建设), 市政 (but 市政府), 省内 / 省外, 市民,
 * 市容, 省道 / 县道 / 乡道 (roads), 区块, 区位, 区间, 市郊, 旗舰. Anything else after the level keeps it
 * one (session 58, code review 58b, H1): 级, 本级, 财政, 配套, but as well the open-ended department
 * and money words 省以上资金, 省厅下达资金, 省发改委下达资金, 县财力安排资金, 县整合资金, 县债资金,
 * 市奖励资金. 中央, 地方, 本级 and the other levels of two or more characters name a level whatever
 * follows them (中央车购税资金, 地方政府专项债券).
 */
const NOT_A_LEVEL = /^(?:村|场|域|城(?!乡)|政(?!府)|内|外|民|容|道|块|位|间|郊|舰)/;

/**
 * Money no level of government gives, whatever place its name starts with: a loan, a donation, an
 * enterprise's or a bank's (县农发行贷款, 乡贤捐赠资金, 县属国企自筹资金, 省农信社贷款): never a part of
 * 财政拨款 by its name, though it follow 其中：中央资金 and add up with it (code review 58c, L4).
 */
const NOT_GOVERNMENT_MONEY = /贷款|借款|融资|捐赠|捐款|捐助|国企|企业|公司|银行|农发行|信用社|农信社|社会资本|社会资金/;

/**
 * The levels of government a line's name gives its money by: 地方资金 all but 中央, 市县级 市 and 县;
 * none where the level's character only begins a word (NOT_A_LEVEL: 乡村振兴衔接资金, 市场化融资).
 */
function governmentLevels(label: string): Set<string> {
  const levels = new Set<string>();
  let words = lineWords(label).replace(IN_WHICH, "");
  if (NOT_GOVERNMENT_MONEY.test(words)) return levels;
  let last = "";
  for (let m = GOVERNMENT_LEVEL.exec(words); m; m = GOVERNMENT_LEVEL.exec(words)) {
    for (const level of LEVELS_OF[m[1]] ?? [m[1]]) levels.add(level);
    last = m[1];
    words = words.slice(m[0].length);
  }
  return last.length > 1 || !NOT_A_LEVEL.test(words) ? levels : new Set();
}

/** Whether `line` names levels of government all of `outer`'s (省级 within 地方资金), and with `strictly`, not all of them. */
function levelsWithin(line: BudgetLine, outer: Set<string>, strictly: boolean): boolean {
  const own = governmentLevels(line.label);
  return own.size > 0 && (!strictly || own.size < outer.size) && [...own].every((l) => outer.has(l));
}

/** A line numbered as a heading (1. 当年财政拨款, 一、), and one numbered as a part under it ((1) 中央资金, （一）). */
const NUMBERED_HEADING = /^\s*[0-9０-９一二三四五六七八九十]+\s*[.、．]/;
const NUMBERED_PART = /^\s*[（(][0-9０-９一二三四五六七八九十]+[)）]/;

/**
 * The sources a source of a funds total is split into (其中：当年财政拨款 80, then 其中：中央资金 50 |
 * 省级资金 30, before 上年结转资金 20): the lines right after it named by a level of government, when
 * the funds total's sources, read flat, do not add up to it and the first says 其中 again or is
 * numbered as a part under it (1.当年财政拨款, （1）中央资金), or their 全年预算数 add up to the
 * source. Read flat, they were counted twice (review rounds 33 and 37: 100 taken for 180).
 * A source named by a level is split so too, into levels within its own (地方资金 over 其中：省级 |
 * 市县级, not the 中央补助 after them), and a part so into its own: 年度资金总额 over 中央补助 + 地方资金
 * + 其他资金, 地方资金 over 省级 + 市县级 (review round 57c, F1). Sources by level listed one after
 * another (中央资金 | 省级资金) stay sources of the total, as do ones each saying 其中 alike or one
 * equal to the one before it (review 57b, H1: 其中：县级配套资金 read as a part of 其中：地方政府专项债券
 * gave a wrong sum in the advice); so too lines each saying 其中 as a source not named by a level
 * does, unless they add up to it or the whole adds up so (session 58: 其中：财政拨款 1000 |
 * 其中：县级配套资金 300). README, "A source split by level of government".
 */
function nestSourceSplits(lines: BudgetLine[]): void {
  for (const total of lines) if (total.kind === "funds-total") nestSplitsUnder(lines, total);
}

/** A source named by the level of government that gives it: 中央资金, 省级补助, 县级配套资金. */
function isLevelSource(line: BudgetLine): boolean {
  return line.kind === "source" && governmentLevels(line.label).size > 0;
}

function saysInWhich(line: BudgetLine): boolean {
  return IN_WHICH.test(lineWords(line.label));
}

/** Whether every one of `parts` has a 全年预算数 and they add up to `sum`'s. */
function addsUpTo(parts: BudgetLine[], sum: BudgetLine): boolean {
  const planned = (line: BudgetLine) => line.planned?.value ?? null;
  const amounts = parts.map(planned);
  const value = planned(sum);
  return value !== null && amounts.every((a) => a !== null) && eq(sumOf(amounts as Decimal[]), value);
}

/** Whether every one of `parts` has a 全年预算数 and together they are no more than `whole`'s. */
function fitsInside(parts: BudgetLine[], whole: BudgetLine): boolean {
  const amounts = parts.map((line) => line.planned?.value ?? null);
  const value = whole.planned?.value ?? null;
  return value !== null && amounts.every((a) => a !== null) && lte(sumOf(amounts as Decimal[]), value);
}

/**
 * Whether `lines` without `nested` come nearer `whole`'s 全年预算数 than all of them: the lines read
 * with `nested` as parts of a source are the likelier reading. Lines without an amount count 0.
 */
function nearerSo(lines: BudgetLine[], nested: Set<BudgetLine>, whole: BudgetLine): boolean {
  const value = whole.planned?.value ?? null;
  if (value === null) return false;
  const sum = (of: BudgetLine[]) => sumOf(of.map((line) => line.planned?.value ?? new Decimal(0)));
  const off = (of: BudgetLine[]) => sum(of).minus(value).abs();
  return lt(off(lines.filter((line) => !nested.has(line))), off(lines));
}

/** Whether `line` is a source read (so far) right under `whole`. */
function sourceUnder(line: BudgetLine, whole: BudgetLine): boolean {
  return line.partOf === whole && line.kind === "source";
}

/** Whether `line` is named by levels all within `levels` (省级 within 地方资金), or by any where `levels` is null. */
function namedWithin(line: BudgetLine, levels: Set<string> | null): boolean {
  return levels === null || levelsWithin(line, levels, false);
}

/**
 * A part's own split by source (省级 200 over 其中：一般公共预算 150 | 政府性基金 50): the lines from
 * `from` on, not named by a level, the first saying 其中: the fewest, two or more, that add up to it,
 * or else all of them where another part named within `levels` (市县级) follows them. None otherwise.
 */
function splitBySource(lines: BudgetLine[], whole: BudgetLine, part: BudgetLine, from: number, levels: Set<string> | null): BudgetLine[] {
  if (from >= lines.length || !saysInWhich(lines[from])) return [];
  let end = from;
  for (; end < lines.length && sourceUnder(lines[end], whole) && !isLevelSource(lines[end]); end++) {
    const run = lines.slice(from, end + 1);
    if (run.length >= 2 && addsUpTo(run, part)) return run;
  }
  const partFollows = end < lines.length && end > from && sourceUnder(lines[end], whole) && isLevelSource(lines[end]) && namedWithin(lines[end], levels);
  return partFollows ? lines.slice(from, end) : [];
}

/** The lines that may be a source's parts, one after another, and the lines each is split into by source. */
interface LevelRun {
  parts: BudgetLine[];
  bySource: Map<BudgetLine, BudgetLine[]>;
}

/**
 * The lines right after the source at `at` that may be its parts: sources under `whole` named by a
 * level, one after another, each one's own split by source (splitBySource) read with it and passed
 * over. Under a source named by a level, only levels within its own (中央补助 over 中央预算内投资,
 * not the 地方资金 after it); under another, any level.
 */
function levelRunAfter(lines: BudgetLine[], whole: BudgetLine, at: number): LevelRun {
  const source = lines[at];
  const levels = isLevelSource(source) ? governmentLevels(source.label) : null;
  const parts: BudgetLine[] = [];
  const bySource = new Map<BudgetLine, BudgetLine[]>();
  let end = at + 1;
  while (end < lines.length && sourceUnder(lines[end], whole) && isLevelSource(lines[end]) && namedWithin(lines[end], levels)) {
    const part = lines[end++];
    parts.push(part);
    const own = splitBySource(lines, whole, part, end, levels);
    if (own.length > 0) bySource.set(part, own);
    end += own.length;
  }
  return { parts, bySource };
}

/**
 * Which of `run` would be `source`'s parts: the most of it, from its first line, two or more, that
 * add up to the source (上级补助资金 80 over 中央资金 50 | 省级资金 30, before 县级配套资金 20, a
 * source of the total), else all of it. The lines after them named by levels within the last one
 * are its own, so parts too (地方资金 350 over 省级 | 市县级, under 财政拨款 1000 over 中央补助 650 |
 * 地方资金 350).
 */
function partsOfSource(run: BudgetLine[], source: BudgetLine): BudgetLine[] {
  let count = run.length;
  while (count >= 2 && !addsUpTo(run.slice(0, count), source)) count--;
  if (count < 2) count = run.length;
  const last = governmentLevels(run[count - 1].label);
  while (count < run.length && levelsWithin(run[count], last, true)) count++;
  return run.slice(0, count);
}

/** Whether `part` is numbered as a part under `source`, numbered as a heading: 1.当年财政拨款 over （1）中央资金. */
function numberedUnder(source: BudgetLine, part: BudgetLine): boolean {
  return NUMBERED_HEADING.test(source.label) && NUMBERED_PART.test(part.label);
}

/**
 * Whether `split` (partsOfSource) is firmly `source`'s parts, `bySource` each part's own split, under
 * `whole`. Lines by level right after a source are as often the whole's sources listed flat, so a
 * split is read only on evidence the lines as written give.
 */
function splitIsFirm(lines: BudgetLine[], whole: BudgetLine, source: BudgetLine, split: BudgetLine[], bySource: Map<BudgetLine, BudgetLine[]>): boolean {
  const first = split[0];
  const numbered = numberedUnder(source, first);
  const addsUp = addsUpTo(split, source);
  // Said one level deeper than the source (地方资金 over 其中：省级) and adding up: its parts,
  // even where the lines read flat add up too (the total typed as the double count).
  const deeper = (!saysInWhich(source) && saysInWhich(first)) || numbered;
  if (deeper && addsUp && split.length >= 2) return true;
  // The sources under the whole read flat, the uses (基本支出, 项目支出) left out: where they add up,
  // the lines are sources of their own (其中：上级补助资金 60, 其中：县级配套资金 40).
  const sourceLines = lines.filter((line) => sourceUnder(line, whole));
  if (addsUpTo(sourceLines, whole)) return false;
  // Where, the lines read as the source's parts, the whole adds up.
  const nested = new Set([...split, ...split.flatMap((part) => bySource.get(part) ?? [])]);
  const addsUpSo = () => addsUpTo(sourceLines.filter((line) => !nested.has(line)), whole);
  // Parts each saying 其中 as the source does (其中：财政拨款 1000 | 其中：县级配套资金 300,
  // 其中：地方政府专项债券 | 其中：县级配套资金) are as often sources alike.
  const siblings = saysInWhich(source) && split.every(saysInWhich);
  // A source not named by a level is split by parts that add up to it or say 其中 again; by parts
  // saying it alike only where, read so, the whole adds up (session 58), or by two or more whose sum
  // fits inside it where, read so, the whole comes nearer its sources' sum than read flat (其中：财政拨款
  // 1000 over 其中：中央资金 600 | 其中：省级资金 300 under 1200: told 1000, not a double count of 1900,
  // code review 58b, M1; 其中：中央资金 200 | 其中：县级配套资金 100 under 1350 stay flat, told 1300).
  // One alone (其中：县级配套资金 300) is as often a source beside it.
  const fitsIn = () => split.length >= 2 && fitsInside(split, source) && nearerSo(sourceLines, nested, whole);
  if (!isLevelSource(source)) return numbered || addsUp || (siblings ? addsUpSo() || fitsIn() : saysInWhich(first));
  // A source named by a level is split only so, or by parts that add up to it, two or more and
  // not each saying 其中 as it does, or where, read so, the whole adds up.
  return deeper || (addsUp && split.length >= 2 && !siblings) || addsUpSo();
}

/** Makes `split` `source`'s parts, and each part's own split by source its parts; the count of lines so nested. */
function nestParts(source: BudgetLine, split: BudgetLine[], bySource: Map<BudgetLine, BudgetLine[]>): number {
  let nested = 0;
  for (const part of split) {
    part.partOf = source;
    for (const line of bySource.get(part) ?? []) line.partOf = part;
    nested += 1 + (bySource.get(part)?.length ?? 0);
  }
  return nested;
}

/**
 * nestSourceSplits for the sources under `whole` (a funds total, or a source already split): for each
 * source, the lines by level after it (levelRunAfter), which of them would be its parts
 * (partsOfSource), whether the lines say so firmly (splitIsFirm); if so they are nested under it
 * (nestParts), then read for splits of their own.
 */
function nestSplitsUnder(lines: BudgetLine[], whole: BudgetLine): void {
  for (let i = 0; i < lines.length; i++) {
    const source = lines[i];
    if (source.kind !== "source" || source.partOf !== whole) continue;
    const { parts: run, bySource } = levelRunAfter(lines, whole, i);
    if (run.length === 0) continue;
    const split = partsOfSource(run, source);
    if (!splitIsFirm(lines, whole, source, split, bySource)) continue;
    const nested = nestParts(source, split, bySource);
    nestSplitsUnder(lines, source);
    // The lines just nested are read under `source` now, not as sources of `whole`.
    i += nested;
  }
}

/** A project under 项目支出 is a line of the list (a project) still; a part of 基本支出 is a use. */
function partOfSpending(line: BudgetLine, parent: BudgetLine): void {
  line.partOf = parent;
  line.kind = PROJECT_SPENDING_LABEL.test(lineWords(parent.label)) ? "line" : "use";
}

export function readBudgetBlock(view: SheetView, table: BudgetTable): BudgetBlock {
  const cols = table.columns;
  const lines = table.pairs ? pairLines(view, table, table.pairs) : table.rows.map((row, i): BudgetLine => {
    const label = budgetLabel(view, table, row);
    const kind = lineKind(lineWords(label));
    // Read as the indicators' 权重 are: 10% is 10 points.
    const weight = weightCell(view, row, cols.weight);
    return {
      sheet: view.sheet.name,
      row,
      label,
      // A 合计 heading the table (合计 over 财政资金, 其他资金) is the total of the rows below it.
      kind: i === 0 && kind === "total" ? "funds-total" : kind,
      partOf: null,
      initial: amountCell(view, table, row, "initial"),
      planned: amountCell(view, table, row, "planned"),
      spent: amountCell(view, table, row, "spent"),
      rate: numberCell(view, row, cols.rate, false, table.headerBottom),
      weight,
      score: scoreCell(view, row, cols.score, weight, table.headerBottom),
      grade: textCell(view, row, cols.grade),
      ...sourceSplits(view, table, row),
    };
  });
  nestLines(lines);
  nestSourceSplits(lines);
  const stated = statedHeaderWeight(view, table);
  return {
    sheet: view.sheet.name,
    table,
    lines,
    moneyUnit: readTypedAmounts(view, table, lines),
    year: table.year,
    weighted: (cols.weight !== undefined || stated !== null || scoresExecution(view, table)) && !weighsWholeProjects(lines, stated),
    statedWeight: stated,
    ratesInPercent: cols.rate !== undefined && headerTexts(view, table, "rate").some((t) => /[%％]/.test(t)),
    listsProjects: cols.label !== undefined && headerTexts(view, table, "label").some((t) => /^项目(名称)?$/.test(normalizeHeading(t))),
  };
}

/**
 * The lines of a budget given as label/value pairs (see detect's withPairTables): its own, and the
 * 其中 lines of pairs under it (其中：财政拨款, 其他资金), whose funds total it then is, as a 合计
 * heading a table is the total of the rows below it.
 */
function pairLines(view: SheetView, table: BudgetTable, pairs: BudgetPairs[]): BudgetLine[] {
  const lines = pairs.map((p, i) => pairLine(view, p, table.rows[i]));
  if (lines.length > 1) lines[0].kind = "funds-total";
  return lines;
}

/**
 * A line of a budget given as label/value pairs: each field's value cell beside its label, named by
 * the label heading the pairs (预算执行情况, 其中：财政拨款), if one.
 */
function pairLine(view: SheetView, pairs: BudgetPairs, row: number): BudgetLine {
  const cell = (field: BudgetField) => pairs.cells[field]?.value;
  const number = (field: BudgetField) => numberCell(view, cell(field)?.row ?? row, cell(field)?.col, (AMOUNT_FIELDS as readonly string[]).includes(field));
  // Read as weightCell and scoreCell read a table's 分值 and 得分.
  const weight = inPoints(number("weight"));
  const label = pairs.label === null ? "" : layoutJoined(cellText(view.raw(pairs.label.row, pairs.label.col)));
  const grade = cell("grade");
  return {
    sheet: view.sheet.name,
    row,
    label,
    kind: lineKind(lineWords(label)),
    partOf: null,
    initial: number("initial"),
    planned: number("planned"),
    spent: number("spent"),
    rate: number("rate"),
    weight,
    score: onWeightScale(number("score"), weight),
    grade: grade === undefined ? null : textCell(view, grade.row, grade.col),
  };
}

/** The money unit a budget given as label/value pairs states in its amounts' labels: 全年预算数（万元）. */
function pairsMoneyUnit(view: SheetView, table: BudgetTable): MoneyUnit | null {
  for (const field of ["planned", "spent", "initial"] as const) {
    const label = table.pairs?.[0].cells[field]?.label;
    const unit = label && statedMoneyUnit(view.text(label.row, label.col));
    if (unit) return unit;
  }
  return null;
}

/** A budget line's amounts (money, in the table's unit). */
export const AMOUNT_FIELDS = ["initial", "planned", "spent"] as const;

/**
 * A line's amount: its column's cell, or where the amount is split by source with no 合计 column
 * (全年预算数 over 中央资金 | 地方资金, detect's summedColumns) the sum of its parts, named at the
 * first part filled in (review round 53a), parts typed with their unit too (typedPartsAdded). A part
 * that is no number (text, an error value) stands for the amount, with its own finding; a part
 * alone filled in is the amount.
 */
function amountCell(view: SheetView, table: BudgetTable, row: number, field: (typeof AMOUNT_FIELDS)[number]): NumberCell | null {
  const cols = table.summedColumns?.[field];
  if (cols === undefined) return numberCell(view, row, table.columns[field], true);
  const parts = cols.map((col) => numberCell(view, row, col, true)!);
  const filled = parts.filter((p) => !p.empty);
  if (filled.length === 0) return { ...parts[0], writable: false };
  if (filled.length === 1) return filled[0];
  const unread = filled.find((p) => p.invalid || p.resultUnknown);
  if (unread) return typedPartsAdded(view, table, filled) ?? unread;
  const value = sumOf(filled.map((p) => p.value!));
  return {
    ...filled[0],
    raw: value.toNumber(),
    value,
    shown: Math.max(...filled.map((p) => p.shown)),
    writable: false,
    formula: filled.some((p) => p.formula),
  };
}

/**
 * Parts of an amount typed with their money unit (300万元 | 200万元, 300万元 | 2000000元) added up as
 * numbers are, in the first one's unit: a cell typed so (500万元), which readTypedAmounts brings to
 * the table's unit. A plain number among them is in the unit the table states (300万元 | 200 under
 * 万元); where it states none, or a part is no amount, null: the first unread part stands.
 */
function typedPartsAdded(view: SheetView, table: BudgetTable, parts: NumberCell[]): NumberCell | null {
  const amounts = parts.map((p) => (p.resultUnknown ? null : p.invalid ? (typeof p.raw === "string" ? typedAmount(p.raw) : null) : { value: p.value!, unit: null }));
  const unit = amounts.find((a) => a?.unit)?.unit;
  if (!unit || amounts.includes(null)) return null;
  const plain = amounts.some((a) => a!.unit === null && !a!.value.isZero());
  const stated = plain ? tableMoneyUnit(view, table, table.columns.planned) : unit;
  if (!stated) return null;
  const value = sumOf(amounts.map((a) => convertAmount(a!.value, a!.unit ?? stated, unit)));
  return { ...parts[0], raw: `${value.toFixed()}${unit}`, value: null, invalid: true, writable: false, formula: parts.some((p) => p.formula) };
}

/** A row's amounts split by source in columns (see detect's sourceColumns): none where the table splits none. */
function sourceSplits(view: SheetView, table: BudgetTable, row: number): { splits?: SourceSplit[] } {
  const split = table.sourceColumns;
  if (split === undefined) return {};
  const splits = AMOUNT_FIELDS.flatMap((field): SourceSplit[] => {
    const cols = split[field];
    if (cols === undefined) return [];
    const heading = normalizeHeading(view.text(table.headerTop, table.columns[field]!));
    const parts = cols.map((col) => numberCell(view, row, col, true)!);
    return [{ field, heading, parts, names: cols.map((col) => normalizeHeading(view.text(table.headerBottom, col)).replace(/^其中[:：]?/, "")) }];
  });
  return { splits };
}

/**
 * Reads amounts typed with their money unit (126.8万元) as numbers: in the unit the table states
 * (money-unit.ts), brought to it (1268000元 in a table of 万元 is 126.8); else in the first one
 * typed, the table's plain numbers taken in it too. An amount with only its currency sign
 * (¥126.80) is a plain number. Returns the table's money unit: the one it states, else the one
 * all its amounts are typed in; null when neither (a typed 120万元 beside a plain 1200000 says
 * nothing of the plain one's unit).
 */
function readTypedAmounts(view: SheetView, table: BudgetTable, lines: BudgetLine[]): MoneyUnit | null {
  const typed: { line: BudgetLine; field: (typeof AMOUNT_FIELDS)[number]; value: Decimal; unit: MoneyUnit | null }[] = [];
  let plain = false;
  for (const line of lines) {
    for (const field of AMOUNT_FIELDS) {
      const cell = line[field];
      const amount = cell?.invalid && typeof cell.raw === "string" ? typedAmount(cell.raw) : null;
      if (amount) typed.push({ line, field, ...amount });
      // A plain 0 (其他资金) is 0 in any unit; ¥126.80 is a plain number with its sign.
      const value = amount ? amount.value : cell?.value;
      if ((!amount || amount.unit === null) && value && !value.isZero()) plain = true;
    }
  }
  const stated = pairsMoneyUnit(view, table) ?? tableMoneyUnit(view, table, table.columns.planned);
  const unit = stated ?? typed.find((t) => t.unit !== null)?.unit ?? null;
  for (const { line, field, value, unit: from } of typed) {
    const amount = from === null ? value : convertAmount(value, from, unit!);
    line[field] = { ...line[field]!, value: amount, invalid: false, shown: amount.decimalPlaces() };
  }
  return stated ?? (plain ? null : unit);
}

/** The header texts over a field's column (one or two header rows); of a budget given as label/value pairs, its label. */
function headerTexts(view: SheetView, table: BudgetTable, field: BudgetField): string[] {
  const col = table.columns[field];
  if (col === undefined) return [];
  if (table.pairs) {
    const label = table.pairs[0].cells[field]?.label;
    return label ? [view.text(label.row, label.col)] : [];
  }
  const texts: string[] = [];
  for (let row = table.headerTop; row <= table.headerBottom; row++) texts.push(view.text(row, col));
  return texts;
}

/**
 * A list of projects giving each its whole 100 points (分值 or 满分 of 100 on every project line, or
 * 得分（100分）) beside its 自评得分: that 得分 is the project's own total, not 分值 × 执行率 (review
 * round 33: 98.5 taken for a budget score that should be 95). A list: two projects or more, no
 * funds total or source among the weighted lines; a form's 年度资金总额 given 100 is a slip for 10,
 * which weights-total names (review round 37).
 */
function weighsWholeProjects(lines: BudgetLine[], stated: Decimal | null): boolean {
  const projects = lines.filter((line) => line.kind === "line");
  if (projects.length < 2) return false;
  if (stated !== null) return eq(stated, HUNDRED);
  const weighted = lines.filter((line) => line.weight?.value);
  return weighted.length > 0 && weighted.every((line) => line.kind === "line" && eq(line.weight!.value!, HUNDRED));
}

/** A 得分 column headed 预算执行得分: budget execution's points, out of the profile's weight where no 分值 says. */
function scoresExecution(view: SheetView, table: BudgetTable): boolean {
  const col = table.columns.score;
  return col !== undefined && headerTexts(view, table, "score").some((text) => EXECUTION_SCORE_HEADER.test(normalizeHeading(text)));
}

/** 得分（10分） over the score column of a table without a 分值 column. */
function statedHeaderWeight(view: SheetView, table: BudgetTable): Decimal | null {
  const col = table.columns.score;
  if (col === undefined || table.columns.weight !== undefined) return null;
  for (const text of headerTexts(view, table, "score")) {
    const weight = splitStatedWeight(text).weight;
    if (weight !== null) return new Decimal(weight);
  }
  return null;
}

/**
 * A grade typed alone in the 总分 row, in the first cell filled right of its score (总分 | 100 |
 * 99.6 | 优, under 偏差原因): the recorded 等次 of a form with no row of its own for it.
 */
function gradeBesideTotal(view: SheetView, { right }: ColumnSpan, totalCell: { row: number; col: number }): { row: number; col: number } | null {
  const { row } = totalCell;
  const end = Math.min(view.rowLength(row), right + 1);
  for (let c = totalCell.col + 1; c < end; c++) {
    const text = view.ownText(row, c);
    if (text !== "") return isGradeText(text) ? { row, col: c } : null;
  }
  return null;
}

/**
 * The first non-empty cell right of a total/grade label, in the table's span: where the recorded
 * value sits. `skipCol` is a column that never holds it (the 分值 column holds the weights' sum,
 * 100, not the total).
 */
function valueRightOfLabel(
  view: SheetView,
  { left, right }: ColumnSpan,
  row: number,
  label: RegExp,
  preferredCol: number | undefined,
  skipCol?: number,
): { row: number; col: number } | null {
  if (preferredCol !== undefined) {
    const cell = rowCell(view, row, preferredCol);
    // A formula with no cached result (openpyxl writes none) is still the recorded total.
    if (cellText(cell.value) !== "" || view.isFormula(cell.row, cell.col)) return cell;
  }
  // The label is the first text, or (综合得分 | 95 | 评价等次 | 优 on one row) the one matching `label`.
  let labelCol: number | undefined;
  const end = Math.min(view.rowLength(row), right + 1);
  for (let c = left; c < end; c++) {
    if (!view.isOrigin(row, c) || c === skipCol) continue;
    const text = cellText(view.raw(row, c));
    if (text === "") continue;
    if (labelCol === undefined) labelCol = c;
    if (label.test(normalizeHeader(text))) {
      labelCol = c;
      break;
    }
  }
  if (labelCol === undefined) return null;
  for (let c = labelCol + 1; c < end; c++) {
    if (!view.isOrigin(row, c) || c === skipCol) continue;
    const text = cellText(view.raw(row, c));
    // A signature beside it (填表人：张三) is no value of the label's.
    if (text !== "" && !NOTE_LABEL.test(text)) return { row, col: c };
  }
  return null;
}

/** A stated total written after its label in the cell (自评得分：95.5分): that number, the cell read-only. */
function statedNumber(cell: NumberCell, stated: StatedCell | null): NumberCell {
  if (stated?.written === undefined) return cell;
  const value = parseNumber(stated.written)!;
  return { ...cell, value, invalid: false, empty: false, writable: false, shown: value.decimalPlaces() };
}

/** A stated grade written after its label in the cell (自评等级：优): that text. */
function statedText(cell: TextCell, stated: StatedCell | null): TextCell {
  return stated?.written === undefined ? cell : { ...cell, text: stated.written };
}

/** An 等次 written in its label's cell (评价等次：优), with nothing right of it: that cell, with what is written after the label. */
function gradeInLabelCell(view: SheetView, { left, right }: ColumnSpan, row: number): TextCell | null {
  const end = Math.min(view.rowLength(row), right + 1);
  for (let c = left; c < end; c++) {
    if (!view.isOrigin(row, c)) continue;
    const written = gradeAfterLabel(cellText(view.raw(row, c)));
    // A grade, or options ticked; not the scale itself (评价等次：优（90分以上）、良（80-89分）…).
    if (written && isGradeText(written) && readGrade(written, []).kind !== "unticked") return { sheet: view.sheet.name, row, col: c, text: written };
  }
  return null;
}

/**
 * What is written after an 等次 label in one cell (评价等次：优☑ 良□ → 优☑ 良□, 评价等次： → ""); null
 * for a cell without such a label.
 */
function gradeAfterLabel(text: string): string | null {
  const [label, written] = text.split(/[:：]/, 2);
  return written !== undefined && GRADE_LABEL.test(normalizeHeader(label)) ? written.trim() : null;
}

/** A recorded 等次 read from a cell that holds its label too (merged across the row): what follows the label. */
function withoutGradeLabel(cell: TextCell): TextCell {
  const written = gradeAfterLabel(cell.text);
  return written === null ? cell : { ...cell, text: written };
}

/**
 * A 合计 (总计, 指标合计 …) under the indicators whose 分值 is theirs alone (90, the budget's 10 kept
 * apart) sums the rows above it (domain.md §1): their subtotal, not the 总分, which the form then
 * leaves to be computed. One whose 分值 is the whole 100, or that is headed 总分 or 综合得分, is the 总分.
 */
function isIndicatorSubtotal(view: SheetView, table: IndicatorTable, row: number, indicators: Indicator[]): boolean {
  // The row's first text is its label.
  const [label = ""] = leadingLabels(view, row, table.span.left, Math.min(view.rowLength(row) - 1, table.span.right));
  if (!SUM_LABEL.test(normalizeHeader(label))) return false;
  const stated = weightCell(view, row, table.columns.weight)?.value;
  if (stated === null || stated === undefined || !lt(stated, HUNDRED)) return false;
  const weights = indicators.flatMap((i) => (i.weight?.value ? [i.weight.value] : []));
  return eq(stated, sumOf(weights));
}

/** Runs of indicators that a 分值 or 得分 merged over several rows ties together. */
function scoreGroups(view: SheetView, table: IndicatorTable, indicators: Indicator[]): ScoreGroup[] {
  const { weight, score } = table.columns;
  const mergedDown = (row: number, col: number | undefined) => {
    const merge = col === undefined ? undefined : view.mergeAt(row, col);
    return merge !== undefined && merge.bottom > merge.top ? merge : undefined;
  };
  const runs: { members: Indicator[]; bottom: number }[] = [];
  for (const indicator of indicators) {
    const weightMerge = mergedDown(indicator.row, weight);
    const scoreMerge = mergedDown(indicator.row, score);
    const bottom = Math.max(indicator.row, weightMerge?.bottom ?? 0, scoreMerge?.bottom ?? 0);
    const run = runs[runs.length - 1];
    if (run && indicator.row <= run.bottom) {
      run.members.push(indicator);
      run.bottom = Math.max(run.bottom, bottom);
    } else if (weightMerge || scoreMerge) {
      runs.push({ members: [indicator], bottom });
    }
  }
  const groups: ScoreGroup[] = [];
  for (const { members } of runs) {
    const first = members[0];
    // A merged cell starting above the first member, on a heading row, is the members' own.
    const weightMerge = mergedDown(first.row, weight);
    const scoreMerge = mergedDown(first.row, score);
    if (weightMerge && weightMerge.top < first.row) first.weight = weightCell(view, weightMerge.top, weight);
    if (scoreMerge && scoreMerge.top < first.row) first.score = scoreCell(view, scoreMerge.top, score, first.weight);
    if (members.length === 1) continue;
    // Shared: one merged cell running over all the members.
    const last = members[members.length - 1].row;
    groups.push({
      members,
      sharedWeight: weightMerge && weightMerge.bottom >= last ? first.weight : null,
      sharedScore: scoreMerge && scoreMerge.bottom >= last ? first.score : null,
    });
  }
  return groups;
}

/**
 * The national template's placeholder labels: 指标1：, 指标２:, ……, … (domain.md §4). With values,
 * the text after 指标N： is the indicator's name; without, the row is part of the form.
 */
const PLACEHOLDER_LABEL = /^(?:指标\s*[0-9０-９]+\s*[:：]\s*(.*)|[…．.。·]+)$/s;

/** The label's own name and whether it is a template placeholder (指标1：培训人次 → 培训人次). */
function placeholderLabel(label: string): { placeholder: boolean; name: string } {
  const match = PLACEHOLDER_LABEL.exec(label);
  if (!match) return { placeholder: false, name: label };
  return { placeholder: true, name: (match[1] ?? "").trim() };
}

/** Whether the row holds something in that column of its own (a merged area counts where it starts). */
function hasOwnEntry(view: SheetView, row: number, col: number | undefined): boolean {
  return col !== undefined && cellText(rowCell(view, row, col).value) !== "";
}

/** A value of the row's own: not merged down from above, nor across from a label on the left. */
function isOwnValue(cell: ValueCell | null, row: number, col: number | undefined): boolean {
  return cell !== null && cell.row === row && cell.col === col && cell.parsed.kind !== "empty";
}

/**
 * Headers of the columns left of the 一级 that list indicators by duty or task; 项目 or 项目名称 too,
 * a 部门整体 form naming a task on its rows (a list of several projects is read as one table each).
 */
const GROUPING_HEADER = /职责|职能|任务|重点工作|子项目|支出方向|^项目(名称)?$/;

/**
 * The columns left of the 一级 that group the indicators by duty or task: headed so, and over
 * several rows (merged down, left blank below, or written again on each): one with words of each
 * row's own describes the row, and groups nothing.
 */
function groupingColumns(view: SheetView, table: IndicatorTable): number[] {
  const first = table.columns.level1;
  const columns: number[] = [];
  if (first === undefined) return columns;
  for (let c = table.span.left; c < first; c++) {
    const groups = table.rows.some((row, i) => {
      const text = view.ownText(row, c);
      return text === "" || (i > 0 && text === view.text(table.rows[i - 1], c));
    });
    if (groups && GROUPING_HEADER.test(normalizeHeading(view.text(table.headerTop, c)))) columns.push(c);
  }
  return columns;
}

/** A label stating points (数量指标（30分）, （权重30分）). */
const IN_POINTS = /分|权重/;

export function readIndicatorBlock(view: SheetView, table: IndicatorTable): IndicatorBlock {
  const cols = table.columns;
  const sheet = view.sheet.name;
  const indicators: Indicator[] = [];
  let level1 = "";
  let level1Ref: CellRef | null = null;
  let level2 = "";
  let level2Ref: CellRef | null = null;
  let level3 = "";
  // The 一级 and 二级 labels' parts, worked out once per label text rather than once per row.
  const labelParts = new Map<string, { name: string; weight: Decimal | null; dimension: Dimension | undefined }>();
  const partsOf = (text: string) => {
    let parts = labelParts.get(text);
    if (!parts) {
      const { name, weight } = splitStatedWeight(text);
      parts = { name, weight: weight === null ? null : new Decimal(weight), dimension: dimensionOf(text) };
      labelParts.set(text, parts);
    }
    return parts;
  };
  let label = partsOf(level1);
  let statedWeight: Decimal | null = null;
  const startLevel1 = (text: string, row: number, col: number) => {
    // A label filled down or merged again per block is still the same 一级: keep its first cell.
    if (text !== level1) {
      level2 = "";
      level2Ref = null;
      level3 = "";
      label = partsOf(text);
      statedWeight = label.weight;
      level1Ref = { sheet, row, col };
    }
    level1 = text;
  };
  const groupCols = groupingColumns(view, table);
  const groupTexts = groupCols.map(() => "");
  for (const row of table.rows) {
    // (A loop, not forEach: a closure over `row` would be made, with a copy of it, on every row.)
    for (let i = 0; i < groupCols.length; i++) {
      const text = view.text(row, groupCols[i]);
      if (text !== "") groupTexts[i] = text;
    }
    // Blank or merged 一级/二级 cells mean "same as above".
    if (cols.level1 !== undefined) {
      const text = view.text(row, cols.level1);
      if (text !== "") startLevel1(text, view.originRow(row, cols.level1), view.originCol(row, cols.level1));
    }
    if (cols.level2 !== undefined) {
      const text = layoutJoined(view.text(row, cols.level2));
      if (text !== "" && text !== level2) level2Ref = { sheet, row: view.originRow(row, cols.level2), col: view.originCol(row, cols.level2) };
      if (text !== "") level2 = text;
    }
    const nature = cols.nature !== undefined ? view.text(row, cols.nature) : undefined;
    const nameCol = nameColumn(view, row, cols);
    if (cols.level4 !== undefined && cols.level3 !== undefined) {
      const text = layoutJoined(view.text(row, cols.level3));
      if (text !== "") level3 = text;
    }
    const nameCell = rowCell(view, row, nameCol as number);
    const nameText = cellText(nameCell.value);
    const { placeholder, name } = placeholderLabel(layoutJoined(nameText));
    // The 计量单位 column's, else the one the name states (道路长度（公里）): the unit of bare values.
    const unit = (cols.unit !== undefined ? view.text(row, cols.unit) : "") || unitInName(name);
    const description = cols.description !== undefined ? view.text(row, cols.description) : "";
    const standard = cols.standard !== undefined ? view.text(row, cols.standard) : "";
    // A target not adjusted is left blank under 调整后目标值: the 年初 one stands (code review of round 52).
    const targetCol = cols.initialTarget !== undefined && cols.target !== undefined && view.text(row, cols.target) === "" ? cols.initialTarget : cols.target;
    const context = { nature, unit };
    // The actual's own 度量单位 where it has one (完成值 | 度量单位), left blank where it is the target's.
    const actualUnit = cols.actualUnit !== undefined ? view.text(row, cols.actualUnit) : "";
    const [target, actual] = readRowValues(
      valueCell(view, row, targetCol, context),
      valueCell(view, row, cols.actual, actualUnit === "" ? context : { nature, unit: actualUnit }, true),
      measureOf(name, label.name, level2, description),
      name,
    );
    // A row counts when it has a name or a target/actual of its own (not only one merged from above).
    const valued = isOwnValue(target, row, targetCol) || isOwnValue(actual, row, cols.actual);
    // A 一级 heading inside the table (一、产出指标（50分） across it, or 产出指标 with only its 分值
    // in a 指标名称 list) names the rows below it and is no indicator itself.
    // In a 绩效评价指标表 (no value columns) a scored 社会效益 row is an indicator, not a heading: its
    // score in a cell of its own (a heading may be merged across the 得分 column).
    const scoredWithoutValues = cols.target === undefined && cols.actual === undefined && hasOwnText(view, row, cols.score);
    if (!valued && !scoredWithoutValues && isSectionHeading(name)) {
      startLevel1(name, nameCell.row, nameCell.col);
      statedWeight ??= weightCell(view, row, cols.weight)?.value ?? null;
      continue;
    }
    if (nameText === "" && !valued) continue;
    // A template row (指标1：, ……) is no indicator unless something was filled into it.
    if (placeholder && !valued && !hasOwnEntry(view, row, cols.weight) && !hasOwnEntry(view, row, cols.score)) continue;
    const weight = weightCell(view, row, cols.weight);
    indicators.push({
      sheet,
      row,
      level1: label.name,
      level1Ref,
      level1Stated: statedWeight,
      dimension: label.dimension,
      level2,
      level2Ref,
      // In points (数量指标（30分）, （权重30分）): a bare percentage there (满意度指标（90%）) is as often its target.
      level2Stated: level2Ref && IN_POINTS.test(level2) ? partsOf(level2).weight : null,
      name,
      nameRef: { sheet, row: nameCell.row, col: nameCell.col },
      description,
      standard,
      target,
      actual,
      weight,
      score: scoreCell(view, row, cols.score, weight, table.headerBottom),
      reason: reasonCell(view, row, cols),
      group: groupTexts.join("\u0000"),
      level3,
      namedBy4: nameCol !== undefined && nameCol === cols.level4 && nameCell.col === nameCol,
    });
  }
  // Grouped first: a weight merged down from a heading row goes to its first member, and the
  // indicators' weights are then what a 合计 of theirs states.
  const groups = scoreGroups(view, table, indicators);
  const lastIsSubtotal = table.totalRow !== null && isIndicatorSubtotal(view, table, table.totalRow, indicators);
  const totalRow = lastIsSubtotal ? null : table.totalRow;
  const subtotalRow = lastIsSubtotal ? table.totalRow : table.subtotalRow;
  const { span } = table;
  // Without a 总分 row, the 自评得分 the header block states is the recorded total (and its 自评等级 the grade).
  const totalCell = totalRow === null ? table.statedTotal : valueRightOfLabel(view, span, totalRow, TOTAL_LABEL, cols.score, cols.weight);
  const subtotalCell = subtotalRow === null ? null : valueRightOfLabel(view, span, subtotalRow, TOTAL_LABEL, cols.score, cols.weight);
  const gradeCell =
    table.gradeRow === null
      ? ((totalRow !== null && totalCell && gradeBesideTotal(view, span, totalCell)) || table.statedGrade)
      : valueRightOfLabel(view, span, table.gradeRow, GRADE_LABEL, cols.score);
  const totalWeight = totalRow === null ? null : weightCell(view, totalRow, cols.weight);
  return {
    sheet,
    table,
    indicators,
    levelSubtotals: levelSubtotals(view, table, indicators),
    groups,
    selfEvaluation: isSelfEvaluation(cols, indicators),
    // The 总分 is points of the 100 beside any 分值: 99.5% (stored 0.995) is 99.5, beside 100 as beside 100%.
    recordedTotal: totalCell ? inPoints(statedNumber(numberCell(view, totalCell.row, totalCell.col)!, table.statedTotal === totalCell ? table.statedTotal : null)) : null,
    recordedGrade: gradeCell
      ? withoutGradeLabel(statedText(textCell(view, gradeCell.row, gradeCell.col)!, table.statedGrade === gradeCell ? table.statedGrade : null))
      : table.gradeRow === null
        ? null
        : gradeInLabelCell(view, span, table.gradeRow),
    recordedSubtotal: subtotalCell ? numberCell(view, subtotalCell.row, subtotalCell.col) : null,
    statedTotalWeight: totalWeight,
    listTotals: table.listTotalRows.flatMap((row) => {
      const cell = valueRightOfLabel(view, span, row, TOTAL_LABEL, cols.score, cols.weight);
      const score = cell && inPoints(numberCell(view, cell.row, cell.col));
      return score ? [{ score, weight: weightCell(view, row, cols.weight), average: isListAverageRow(view, row, table) }] : [];
    }),
    year: formYear(table, indicators),
  };
}

/**
 * The table's 小计 rows, each with the rows it is told against: those of the 一级 right above it
 * since the 小计 before it (a 小计 at the foot of its group), or, with no row since that one, those
 * of the 一级 right below it up to the next (at the head of its group); and what else it may sum.
 */
function levelSubtotals(view: SheetView, table: IndicatorTable, indicators: Indicator[]): LevelSubtotal[] {
  const subtotals: LevelSubtotal[] = [];
  const marks = table.levelSubtotalRows;
  marks.forEach((row, i) => {
    const from = i === 0 ? table.headerBottom : marks[i - 1];
    const to = marks[i + 1] ?? Infinity;
    const since = indicators.filter((r) => r.row > from && r.row < row);
    const after = indicators.filter((r) => r.row > row && r.row < to);
    const ofLevel = (rows: Indicator[], level1: string) => rows.filter((r) => r.level1 === level1);
    const above = indicators.filter((r) => r.row < row);
    // Below it: up to the next 小计, or its first 一级's rows on down (a 一级's 小计 at the head of
    // its group, over 二级 小计s), or, right under the header, every row (a 小计 of all).
    const below = indicators.filter((r) => r.row > row);
    const end = below.length > 0 ? below.findIndex((r) => r.level1 !== below[0].level1) : 0;
    const headed = end < 0 ? below : below.slice(0, end);
    // At the head of its group, right over a 二级's 小计, it is told against the 一级's rows below that.
    const headRows = after.length > 0 ? after : headed;
    const next = headRows[0];
    // Right under another 小计 (a 一级's after its 二级's), it sums the 一级 above.
    const underSubtotal = i > 0 && marks[i - 1] === row - 1;
    const last = since.at(-1) ?? (underSubtotal ? above.at(-1) : undefined);
    const level1 = last?.level1 ?? next?.level1;
    if (level1 === undefined) return;
    const rows = last ? ofLevel(since.length > 0 ? since : above, level1) : ofLevel(headRows, level1);
    const wider = [since, above, ofLevel(indicators, level1), after, ...(next ? [ofLevel(headRows, next.level1)] : []), headed, ...(above.length === 0 ? [below] : [])];
    const cells = { weight: weightCell(view, row, table.columns.weight), score: numberCell(view, row, table.columns.score) };
    // A task's 小计 sums the task's rows, all since the 小计 before.
    const task = table.taskSubtotals.find((subtotal) => subtotal.row === row);
    if (task && since.length > 0) subtotals.push({ name: task.task, rows: since, wider, ...cells });
    else subtotals.push({ name: splitStatedWeight(level1).name, rows, wider, ...cells });
  });
  return subtotals;
}

/** A recorded score: a number, text or a formula (not blank, nor an empty marker). */
const holdsScore = (i: Indicator): boolean => i.score !== null && (!i.score.empty || i.score.formula);

const holdsValue = (cell: ValueCell | null): boolean => cell !== null && cell.parsed.kind !== "empty";

/**
 * Whether a table evaluates (its actuals scored) rather than sets targets. A 绩效评价指标表 has no
 * actuals: its 得分 column makes it an evaluation all the same. So do scores recorded beside
 * targets under a 实际完成值 column headed in words jixiao does not read: the totals say the
 * column is missing, rather than the form passing for a 绩效目标表 with nothing checked. A form
 * not filled in yet evaluates nothing, whatever its columns: no row holds a target, an actual or a
 * score (the template as handed out, its rows 指标1： or only the 分值 the bureau set): it stays
 * a target table, with no total to miss (review round 53a, H3 and M6).
 */
function isSelfEvaluation(cols: Columns<IndicatorField>, indicators: Indicator[]): boolean {
  if (!indicators.some((i) => holdsValue(i.target) || holdsValue(i.actual) || holdsScore(i))) return false;
  if (cols.actual !== undefined) return true;
  if (cols.score === undefined) return false;
  return cols.target === undefined || indicators.some(holdsScore);
}

/**
 * The year a form is for: the one detection read (Table.year, see detect's formYearAt: stated above
 * its table, else named by its sheet), by which it chose among dated columns; else the one year its
 * targets' deadlines name (2023年12月31日前); null when unknown.
 */
function formYear(table: IndicatorTable, indicators: Indicator[]): number | null {
  if (table.year !== null) return table.year;
  const years = new Set(indicators.flatMap((i) => i.target?.parsed.date?.year ?? []));
  return years.size === 1 ? [...years][0] : null;
}

/**
 * Whether a budget block heads an indicator table's form (TotalSource.formBudget; review 57b M3,
 * M5): it is the indicator table's nearest table above on its side (Table.above), named as the
 * indicators are (the same 项目名称 and unit: they took its names or repeat them), and it is not a
 * list of several lines above one project's form (a 项目汇总 list). A 部门整体 form's own list
 * (合计 | 基本支出 | 项目支出 | its projects) is its budget: its 合计 is the department's.
 */
export function headsForm(budget: BudgetBlock, table: IndicatorTable): boolean {
  const named = budget.table.project === table.project && budget.table.unit === table.unit;
  return table.above === budget.table && named && (table.wholeDepartment || budget.lines.filter((l) => l.kind === "line").length < 2);
}

/**
 * Whether a form scores nothing by design (review round 57c, F3; 57b M2, L8): its indicator table
 * has no 分值 and no 得分 column, no 一级 label states a weight (a 二级 label's is only checked
 * against its rows' weights, never scored: a form stating points there alone scores nothing), the budget block heading its
 * form (`formBudget`, see headsForm) has neither column either, and no 总分 or 等次 is recorded (a cell for one left blank records none) (a
 * transfer payment's 区域绩效自评表, a 绩效目标完成情况表). The one decision: missing-reason on a
 * target missed (rules/indicators.ts) and TotalReport.unscored (analyze.ts, which adds that the
 * total counts no budget score from another block) both take it from here.
 */
export function formScoresNothing(block: IndicatorBlock, formBudget: BudgetBlock | null): boolean {
  const noColumns = (columns: { weight?: number; score?: number }) => columns.weight === undefined && columns.score === undefined;
  return (
    noColumns(block.table.columns) &&
    (formBudget === null || noColumns(formBudget.table.columns)) &&
    block.indicators.every((i) => i.level1Stated === null) &&
    (block.recordedTotal === null || (block.recordedTotal.value === null && !block.recordedTotal.invalid)) &&
    (block.recordedGrade?.text ?? "") === ""
  );
}
