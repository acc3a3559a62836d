/**
 * One evaluation = an indicator table and the weighted budget table above it on the same sheet.
 * Rules: weights-total, weight-header-mismatch, score-without-values, total-incomplete,
 * total-mismatch, grade-mismatch, score-above-attainable (on the recorded 总分).
 */
import Decimal from "decimal.js";
import { eq, gt, gte, lte } from "../compare";
import { FormulaCells, evaluateFormula, mayRead } from "../formula";
import { IndicatorTable } from "../detect";
import { SheetView, cellAddress, cellKey } from "../grid";
import { COLUMN_WORDINGS, splitStatedWeight } from "../headers";
import { CellRef, Indicator, IndicatorBlock, NumberCell, ValueCell, scoreDigits } from "../model";
import { Profile, gradeFor, gradeMismatch } from "../profile";
import {
  HUNDRED,
  ZERO,
  aboveAttainable,
  agreesAsShown,
  differingTexts,
  groupSums,
  roundHalfUp,
  sumOf,
} from "../score";
import { BudgetExecution, UnreadAmountColumn, attainableAt } from "./budget";
import { FIELD_NAMES, checkNumberCell, errorValue, formulaAsText } from "./cells";
import { FindingList } from "./findings";
import { IndicatorResult } from "./indicators";
import { decimalPlacesShown, givesFigureElsewhere, parseShownNumber } from "../values";

export interface EvaluationTotal {
  sheet: string;
  block: IndicatorBlock;
  weights: Decimal | null;
  score: Decimal | null;
  recordedScore: Decimal | null;
  grade: string | null;
  recordedGrade: string | null;
  /** Per 一级指标, in order: stated or summed weight and the score that counts. */
  levels: { name: string; weight: Decimal | null; score: Decimal | null }[];
  budget: BudgetExecution | null;
  /**
   * A recorded 总分 that is a formula over cells jixiao fills, and its value once they are filled:
   * the copy's cached result is updated to it.
   */
  recomputed: { cell: NumberCell; value: Decimal } | null;
  /** The same for the indicators' 合计 (block.recordedSubtotal). */
  recomputedSubtotal: { cell: NumberCell; value: Decimal } | null;
  /**
   * The recorded 总分 is a formula jixiao does not work out (IF, AVERAGE…) over a cell it fills:
   * its result held is the one before the fill, not what Excel shows once it recalculates the
   * copy, so it is no recorded total (recordedScore is null) and 综合得分 says it needs recalculating.
   */
  recordedStale: boolean;
  /** The same for the indicators' 合计: it is not checked. */
  subtotalStale: boolean;
  /**
   * What the sheet's scores add up to, the budget's included, once its blanks are filled in (see
   * sheetSum): the total it shows without a 总分 of its own. Null when an item will hold no score.
   */
  sheetScore: Decimal | null;
  /**
   * Whether the recorded 总分 is another figure than `score` as its cell shows it, read as
   * total-mismatch reads it (99.4 for 99.35, 98.5 for 98.58 are that total): 综合得分 states the
   * difference and 汇总 shades it. False where either is unknown.
   */
  recordedDiffers: boolean;
}

/**
 * Why a scored item leaves the total unknown (domain.md §3): no actual; neither target nor actual;
 * a score that is neither recorded nor computable; a negative weight; a score above its weight (a
 * total above full marks is none), or a qualitative one outside its result's band; budget execution that cannot be scored, or none found to count
 * while the indicators leave its points to it.
 */
type Gap = "actual" | "values" | "score" | "unsaved" | "weight" | "unreadWeight" | "overWeight" | "band" | "budget" | "budgetZero" | "noBudget";

const GAP_ORDER: Gap[] = ["actual", "values", "score", "unsaved", "weight", "unreadWeight", "overWeight", "band", "budget", "budgetZero", "noBudget"];

/** A gap and the item it is in: an indicator (or a 一级 weighed by its label), named; budget execution has no level. */
interface ItemGap {
  gap: Gap;
  /** The 一级 whose score it leaves unknown too. */
  level: string | null;
  name: string;
  /** Its row, as the sheet numbers it. */
  row?: number;
}

/** "1 item lacks" / "2 items lack": English counts in the right number. */
const items = (n: number, one: string, many: string): string => (n === 1 ? `1 item ${one}` : `${n} items ${many}`);

/** “A”、“B”的得分超过分值: named scores, and what is wrong with them. */
const scoresOf = (names: string[], zh: string, en: string) => ({
  zh: `${names.map((name) => `“${name}”`).join("、")}的得分${zh}`,
  en: `the score${names.length > 1 ? "s" : ""} of ${names.map((name) => `"${name}"`).join(", ")} ${en}`,
});

/** The rows named (第 12 行“完工时间”), the first three of them. */
const rowsNamed = (names: string[], rows: number[], zh: boolean) =>
  rows.slice(0, 3).map((row, i) => (zh ? `第 ${row} 行` + (names[i] && `“${names[i]}”`) : `row ${row}` + (names[i] && ` "${names[i]}"`))).join(zh ? "、" : ", ") +
  (rows.length > 3 ? (zh ? "等" : ", …") : "");

const GAP_TEXT: Record<Gap, (n: number, names: string[], rows: number[]) => { zh: string; en: string }> = {
  actual: (n) => ({ zh: `${n} 项缺实际完成值`, en: items(n, "lacks its actual value", "lack their actual values") }),
  values: (n) => ({
    zh: `${n} 项既无年度指标值也无实际完成值`,
    en: items(n, "has neither a target nor an actual value", "have neither a target nor an actual value"),
  }),
  score: (n, names, rows) => ({
    zh: `${n} 项得分未填且无法计算（${rowsNamed(names, rows, true)}）`,
    en: `${items(n, "has no score and none can be computed", "have no score and none can be computed")} (${rowsNamed(names, rows, false)})`,
  }),
  // A score that is a formula saved without its result (openpyxl, Apache POI): Excel or WPS works it out on saving.
  unsaved: (n) => ({
    zh: `${n} 项得分是没有保存计算结果的公式（在 Excel 或 WPS 中打开并保存一次即可）`,
    en: items(n, "has a score formula saved without its result", "have score formulas saved without their results") + " (open and save the workbook once in Excel or WPS)",
  }),
  weight: (n) => ({ zh: `${n} 项分值为负数`, en: items(n, "has a negative weight", "have negative weights") }),
  unreadWeight: (n) => ({ zh: `${n} 项分值无法识别为数值`, en: items(n, "has a weight that is not a number", "have weights that are not numbers") }),
  overWeight: (n, names) => scoresOf(names, "超过分值", n === 1 ? "is above its weight" : "are above their weights"),
  band: (n, names) => scoresOf(names, "超出完成情况对应的得分区间", n === 1 ? "is outside the band its result allows" : "are outside the bands their results allow"),
  budget: () => ({
    zh: "预算执行得分无法计算（全年预算数、执行数或分值缺失或有误）",
    en: "the budget execution score cannot be computed (the planned budget, the spending or the weight is missing or wrong)",
  }),
  // Nothing planned and nothing spent: both figures are there, and no rate follows from them (review round 58d, note 1).
  budgetZero: () => ({
    zh: "预算执行得分无法计算（全年预算数和执行数均为 0，无法计算执行率）",
    en: "the budget execution score cannot be computed (the planned budget and the spending are both 0: no execution rate can be worked out)",
  }),
  // No weighted budget table this total can count: none in the workbook, one without a 分值, or
  // several it cannot tell between.
  noBudget: () => ({
    zh: "没有找到计入本表总分的预算执行率得分（预算表及其分值）",
    en: "no budget execution score (a budget table with its weight) was found to count in this total",
  }),
};

/** The columns a total-incomplete may say a header lacks, as they are named to the user (FIELD_NAMES where it names them). */
const COLUMN_NAMES = {
  weight: FIELD_NAMES.weight,
  score: FIELD_NAMES.score,
  actual: { zh: "实际完成值", en: "actual value" },
  planned: FIELD_NAMES.planned,
  spent: FIELD_NAMES.spent,
};

/** "第 5 行的表头中没有认得出的得分列（可写作 …）": a column a header lacks, in the total-incomplete text. */
function missingColumnText(headerRow: number, field: keyof typeof COLUMN_NAMES): { zh: string; en: string } {
  const row = headerRow + 1;
  const name = COLUMN_NAMES[field];
  const wordings = COLUMN_WORDINGS[field];
  return {
    zh: `第 ${row} 行的表头中没有认得出的${name.zh}列（可写作 ${wordings}）`,
    en: `the header in row ${row} has no ${name.en} column jixiao reads (headed ${wordings})`,
  };
}

/** The column whose presence says a table meant to have the other: 分值 and 得分 go together, a 实际完成值 with the targets. */
const PARTNER_COLUMN = { weight: "score", score: "weight", actual: "target" } as const;

/**
 * The total-incomplete text for an indicator header with a 分值 column and no 得分 column jixiao
 * reads, or the other way round, or targets and no 实际完成值 column: a wording it does not know.
 * A header with neither is no scored table (a monitoring form's), and null.
 */
function unreadColumnText(table: IndicatorTable, field: keyof typeof PARTNER_COLUMN): { zh: string; en: string } | null {
  if (table.columns[field] !== undefined || table.columns[PARTNER_COLUMN[field]] === undefined) return null;
  return missingColumnText(table.headerTop, field);
}

/** The same for a budget header without a 全年预算数 or 执行数 column jixiao reads: why the budget score is unknown. */
function unreadBudgetColumnText({ field, headerRow }: UnreadAmountColumn): { zh: string; en: string } {
  return missingColumnText(headerRow, field);
}

const isEmpty = (cell: ValueCell | null): boolean => cell === null || cell.parsed.kind === "empty";

/**
 * No actual on the form: blank, or, under a target, one saying where or when its figure is (见附件3,
 * 待统计: its missing-actual names the cell). Without a target its recorded score stands, as before.
 */
const lacksActual = ({ target, actual }: Indicator): boolean => isEmpty(actual) || (!isEmpty(target) && givesFigureElsewhere(actual!.parsed.text));

/** The 一级 a row is summed under. */
const levelOf = (indicator: Indicator): string => indicator.level1 || "（未分类）";

/**
 * The rows of a table that share a score, as the totals need them: a group's score is carried by
 * its first member, so `carried` holds the others, whose own blank score is no gap.
 */
interface ScoreSharing {
  inGroup: ReadonlySet<Indicator>;
  carried: ReadonlySet<Indicator>;
  /** The levels are weighed in their labels (see levelSums): every row shares its level's weight. */
  byLabel: boolean;
  /** A merged 得分's carrier and its group's names (A、B、C), which a score it leaves unknown is told by. */
  sharedNames: ReadonlyMap<Indicator, string>;
}

function scoreSharing(block: IndicatorBlock, byLabel: boolean): ScoreSharing {
  return {
    inGroup: new Set(block.groups.flatMap((g) => g.members)),
    carried: new Set(block.groups.flatMap((g) => g.members.slice(1))),
    byLabel,
    sharedNames: new Map(block.groups.filter((g) => g.sharedScore).map((g) => [g.members[0], g.members.map((m) => m.name || m.level2).join("、")])),
  };
}

/**
 * A row counts towards the total when it has a weight or a score, shares them in a group, or its
 * level is weighed in its label.
 */
function isScored(indicator: Indicator, sharing: ScoreSharing): boolean {
  return indicator.weight?.value != null || indicator.score?.value != null || sharing.inGroup.has(indicator) || sharing.byLabel;
}

/** A score neither recorded nor computable: a formula whose result was not saved, or blank. */
const scoreGap = (indicator: Indicator): Gap => (indicator.score?.resultUnknown ? "unsaved" : "score");

/**
 * A row the form prints that does not apply to the project (成本指标 | / | / | 0 | 0 | 本项目不涉及): no
 * points, no score but 0, no values. It adds nothing, and lacks nothing (review round 33).
 */
function isUnusedRow(indicator: Indicator, weight: Decimal | null, recorded: Decimal | null): boolean {
  return weight !== null && weight.isZero() && (recorded === null || recorded.isZero()) && isEmpty(indicator.target) && isEmpty(indicator.actual);
}

/**
 * What each scored row lacks for its score (at most one gap a row), raising score-without-values
 * for a row scored with nothing behind it.
 */
function rowGaps(findings: FindingList, block: IndicatorBlock, results: IndicatorResult[], sharing: ScoreSharing): ItemGap[] {
  // A 绩效评价指标表 scores by its 评分标准 and has no value columns: its recorded scores stand alone.
  const { target, actual } = block.table.columns;
  const valueColumns = target !== undefined || actual !== undefined;
  const gaps: ItemGap[] = [];
  for (const result of results) {
    const { indicator } = result;
    const weight = indicator.weight?.value ?? null;
    const recorded = indicator.score?.value ?? null;
    if (!isScored(indicator, sharing)) continue;
    if (isUnusedRow(indicator, weight, recorded)) continue;
    const gap = (kind: Gap, name = indicator.name || indicator.level2) => gaps.push({ gap: kind, level: levelOf(indicator), name, row: indicator.row + 1 });
    if (weight?.isNegative()) gap("weight");
    else if (valueColumns && isEmpty(indicator.target) && isEmpty(indicator.actual)) {
      if (recorded !== null && indicator.score) {
        findings.add("score-without-values", indicator.score, { name: indicator.name || indicator.level2, score: recorded.toFixed() });
      }
      gap("values");
    } else if (valueColumns && lacksActual(indicator)) gap("actual");
    // A merged 得分 is the group's: named by its members.
    else if (result.unsettled) gap(result.unsettled, sharing.sharedNames.get(indicator));
    // Without value columns the score is the recorded one.
    else if ((valueColumns ? result.score : recorded) === null && !sharing.carried.has(indicator)) gap(scoreGap(indicator));
  }
  return gaps;
}

/**
 * The total-incomplete message's list of what is missing, in both languages; for budget execution,
 * the column its header lacks where that is why.
 */
function gapTexts(gaps: ItemGap[], budget: BudgetExecution | null): { zh: string; en: string } {
  // The header is the table's: its lines all lack the same column.
  const unread = budget?.lead.unreadColumn;
  const text = (gap: Gap) => {
    const of = gaps.filter((g) => g.gap === gap);
    return gap === "budget" && unread ? unreadBudgetColumnText(unread) : GAP_TEXT[gap](of.length, of.map((g) => g.name), of.map((g) => g.row!));
  };
  const texts = GAP_ORDER.filter((gap) => gaps.some((g) => g.gap === gap)).map(text);
  return { zh: texts.map((t) => t.zh).join("，"), en: texts.map((t) => t.en).join("; ") };
}

/** The cells of a sheet jixiao fills, by cellKey, with what it writes there. */
export type FilledCells = ReadonlyMap<number, Decimal>;

/**
 * The value of a recorded 总分 (or the indicators' 合计) that is a formula over cells jixiao fills,
 * once they are filled; null when it is no formula, or one whose value does not change, or one
 * jixiao does not evaluate over none of them. A formula whose result the file does not hold is
 * worked out strictly (formula.ts): unknown, it records no total at all. "stale": a formula jixiao
 * does not evaluate that may read a cell it fills, whose result held is then not the one Excel
 * shows once it recalculates the copy: no recorded total either, rather than that old one.
 */
function recomputedTotal(cell: NumberCell | null, view: SheetView, filled: () => FilledCells): { cell: NumberCell; value: Decimal } | "stale" | null {
  const formula = cell && view.formulaText(cell.row, cell.col);
  if (!cell || !formula) return null;
  const table = (name: string) => view.sheet.tables?.find((t) => t.name.toUpperCase() === name);
  const cells: FormulaCells = {
    value: (row, col) => {
      const value = filled().get(cellKey(row, col));
      if (value !== undefined) return value.toNumber();
      return view.resultUnknown(row, col) ? undefined : view.raw(row, col);
    },
    formulaText: (row, col) => view.formulaText(row, col),
    table,
  };
  const value = evaluateFormula(formula, cells, view.resultUnknown(cell.row, cell.col));
  if (value === undefined || !Number.isFinite(value.toNumber())) {
    return mayRead(formula, filled().keys(), table) ? "stale" : null;
  }
  // Against the result the cell holds, as stored: a 总分 of 97.50% is read as 97.5 points, its formula gives 0.975.
  const held = parseShownNumber(cell.raw);
  return held !== null && eq(value, held) ? null : { cell, value };
}

/**
 * The decimals a recorded 总分 shows (scoreDigits): as the copy will show it where jixiao writes
 * its formula's result, not as the cell held it before (no result at all on a first run: 91.17
 * would be quoted 91).
 */
export function recordedTotalDigits(cell: NumberCell, recomputed: EvaluationTotal["recomputed"], places: number): number {
  if (recomputed === null) return scoreDigits(cell, places);
  const written = recomputed.value.toNumber();
  return scoreDigits({ ...cell, raw: written, shown: decimalPlacesShown(written, cell.numFmt) }, places);
}

interface LevelSums {
  name: string;
  /** The 一级 label's cell (its first, where the label appears more than once). */
  ref: CellRef | null;
  /** The weight its label states: 产出指标（50分） → 50. */
  stated: Decimal | null;
  /** The sum of the level's indicator weights; null when none has one. */
  weights: Decimal | null;
  /** The rows whose 分值 holds something that is no number (十, #REF!): the sum leaves them out. */
  unread: number;
  /** The sum of the scores that count; null when none does. */
  scores: Decimal | null;
}

/**
 * Per 一级指标, in order, its weights and scores summed; and the sums over all of them, the
 * indicators' weights and scores. A form may weigh its levels in their labels alone (产出指标（50分）,
 * every row's 分值 blank): when every level states a weight and no row has one, `byLabel` is set
 * and the indicators' weights are the stated ones.
 */
function levelSums(results: IndicatorResult[]): { levels: LevelSums[]; weights: Decimal; unread: number; scores: Decimal; byLabel: boolean } {
  const byName = new Map<string, { ref: CellRef | null; stated: Decimal | null; weights: Decimal[]; unread: number; scores: Decimal[] }>();
  for (const { indicator, score } of results) {
    const name = levelOf(indicator);
    let entry = byName.get(name);
    if (!entry) byName.set(name, (entry = { ref: indicator.level1Ref, stated: indicator.level1Stated, weights: [], unread: 0, scores: [] }));
    if (indicator.weight?.value) entry.weights.push(indicator.weight.value);
    if (indicator.weight?.invalid) entry.unread++;
    if (score !== null) entry.scores.push(score);
  }
  const entries = [...byName];
  const weights = groupSums(entries.map(([, entry]) => entry.weights));
  const scores = groupSums(entries.map(([, entry]) => entry.scores));
  const levels = entries.map(([name, entry], i) => ({
    name,
    ref: entry.ref,
    stated: entry.stated,
    weights: entry.weights.length > 0 ? weights.sums[i] : null,
    unread: entry.unread,
    scores: entry.scores.length > 0 ? scores.sums[i] : null,
  }));
  const byLabel = levels.every((l) => l.weights === null && l.stated !== null);
  const unread = levels.reduce((n, l) => n + l.unread, 0);
  return { levels, weights: byLabel ? sumOf(levels.map((l) => l.stated!)) : weights.total, unread, scores: scores.total, byLabel };
}

/**
 * A 二级 label that states its weight (数量指标（30分）) over rows whose weights add up to another:
 * weight-header-mismatch at the label, as for a 一级 label. Rows without weights, or with one that
 * is no number, leave it unchecked.
 */
function checkLevel2Weights(findings: FindingList, results: IndicatorResult[]): void {
  const byLabel = new Map<string, { indicator: Indicator; weights: Decimal[]; unread: boolean }>();
  for (const { indicator } of results) {
    if (indicator.level2Ref === null || indicator.level2Stated === null) continue;
    const key = cellAddress(indicator.level2Ref.row, indicator.level2Ref.col);
    let entry = byLabel.get(key);
    if (!entry) byLabel.set(key, (entry = { indicator, weights: [], unread: false }));
    if (indicator.weight?.value) entry.weights.push(indicator.weight.value);
    entry.unread ||= indicator.weight?.invalid === true;
  }
  for (const { indicator, weights, unread } of byLabel.values()) {
    const sum = weights.length > 0 ? sumOf(weights) : null;
    const stated = indicator.level2Stated!;
    if (sum === null || unread || eq(sum, stated)) continue;
    findings.add("weight-header-mismatch", indicator.level2Ref!, { label: splitStatedWeight(indicator.level2).name, stated: stated.toFixed(), sum: sum.toFixed() });
  }
}

/**
 * A 小计 row sums the rows of a group (domain.md §4, sum-mismatch; see model's levelSubtotals for
 * which): its 分值 their weights, its 得分 their scores as the sheet holds them once its blanks are
 * filled in, or as jixiao scores them (a score that differs has its own finding), as the cell shows
 * them. A row without a weight or a score leaves it unchecked; a mismatch is told against the
 * group's rows.
 */
function checkLevelSubtotals(findings: FindingList, block: IndicatorBlock, results: IndicatorResult[], places: number): void {
  const resultOf = new Map(results.map((r) => [r.indicator, r]));
  const sums = (rows: Indicator[]) => {
    const mine = rows.map((indicator) => resultOf.get(indicator)!);
    const known = (values: (Decimal | null)[]) => (values.every((v) => v !== null) ? roundHalfUp(sumOf(values as Decimal[]), places) : null);
    return {
      weights: known(mine.map((r) => r.indicator.weight?.value ?? null)),
      onSheet: known(mine.map((r) => r.indicator.score?.value ?? r.score)),
      own: known(mine.map((r) => r.score)),
    };
  };
  for (const subtotal of block.levelSubtotals) {
    const level = sums(subtotal.rows);
    const wider = subtotal.wider.map(sums);
    const name = subtotal.name;
    const weight = subtotal.weight;
    // As the cell shows it: 50 over 16.67 × 3 is right.
    const weightAgrees = (sum: Decimal | null) => sum !== null && agreesAsShown(weight!.value!, weight!.shown, sum);
    if (weight?.value && level.weights && ![level, ...wider].some((s) => weightAgrees(s.weights))) {
      findings.add("sum-mismatch", weight, {
        what: `${name}小计的分值`,
        whatEn: `The 小计 weight of ${name}`,
        parts: "其下各指标分值",
        recorded: weight.value.toFixed(),
        computed: level.weights.toFixed(),
      });
    }
    const score = subtotal.score;
    if (!score?.value || !level.onSheet || !level.own) continue;
    const agrees = (sum: Decimal | null) => sum !== null && agreesAsShown(score.value!, score.shown, sum);
    if ([level, ...wider].some((s) => agrees(s.onSheet) || agrees(s.own))) continue;
    const checked = !eq(level.own, level.onSheet);
    findings.add("sum-mismatch", score, {
      what: `${name}小计的得分`,
      whatEn: `The 小计 score of ${name}`,
      parts: checked ? "按核算的各指标得分" : "其下各指标得分",
      recorded: score.value.toFixed(),
      computed: (checked ? level.own : level.onSheet).toFixed(),
    });
  }
}

/**
 * Levels weighed by their labels alone: the scores of a level's rows add up to at most the weight
 * it states (no row has a weight of its own to check its score against). Returns the levels above
 * it, whose scores leave the total unknown.
 */
function checkLevelScores(findings: FindingList, levels: LevelSums[]): ItemGap[] {
  const above = levels.filter(({ stated, scores }) => stated && scores && gt(scores, stated));
  for (const { name, ref, stated, scores } of above) {
    if (ref) findings.add("score-exceeds-weight", ref, { level: name, score: scores!.toFixed(), weight: stated!.toFixed() });
  }
  return above.map(({ name }) => ({ gap: "overWeight", level: name, name }));
}

/**
 * Why a table has no weights: no row has a 分值, and not every 一级 label states one (产出指标（50分）)
 * to weigh its level by.
 */
function blankWeightsText(block: IndicatorBlock, levels: LevelSums[]): { zh: string; en: string } {
  const unstated = levels.filter((l) => l.stated === null).map((l) => l.name);
  const row = block.table.headerTop + 1;
  const where = block.table.columns.weight === undefined ? { zh: "表头中没有分值列", en: `the header in row ${row} has no weight column` } : { zh: `第 ${row} 行表头下的分值列为空`, en: `the weight column under the header in row ${row} is blank` };
  return {
    zh: `各指标的分值均未填（${where.zh}），${unstated.join("、")}的名称中也没有标明分值（可写作 产出指标（50分））`,
    en: `no indicator has a weight (${where.en}) and ${unstated.join(", ")} ${unstated.length === 1 ? "states" : "state"} none in its label (written 产出指标（50分）)`,
  };
}

/**
 * Whether a table says its indicators carry all 100 points, leaving none to budget execution: their
 * weights add up to 100, and its 总分 row states 100 points or records the indicators' scores alone
 * (as the cell shows them added up).
 */
export function statesAllPointsItself(block: IndicatorBlock, results: IndicatorResult[], places: number): boolean {
  const sums = levelSums(results);
  if (!eq(sums.weights, HUNDRED)) return false;
  const stated = block.statedTotalWeight?.value ?? null;
  if (stated !== null && eq(stated, HUNDRED)) return true;
  const recorded = block.recordedTotal;
  const sum = recorded?.value ? sheetSum(results, null, scoreSharing(block, sums.byLabel), places) : null;
  return recorded?.value != null && sum !== null && agreesAsShown(recorded.value, scoreDigits(recorded, places), sum.sum);
}

/**
 * Whether indicators leave exactly `budgetWeight` points to budget execution: their weights, every
 * one read, add up to 100 less it (90 at 10), and their 总分 row does not state their points alone
 * (总分 | 90).
 */
export function leavesToBudget(block: IndicatorBlock, results: IndicatorResult[], budgetWeight: Decimal): boolean {
  const { weights, unread } = levelSums(results);
  const stated = block.statedTotalWeight?.value ?? null;
  // A 分值 that is no number leaves unknown what the indicators leave (90 for 100 with one of 10 unread).
  return unread === 0 && eq(weights.plus(budgetWeight), HUNDRED) && !(stated !== null && eq(stated, weights));
}

/**
 * A table whose 一级指标 include budget execution (预算执行率（10分）, 预算执行情况) scores it as rows of
 * its own: their weight is already among the indicator weights.
 */
function scoresBudgetItself(results: IndicatorResult[]): boolean {
  return results.some((r) => /^预算执行/.test(r.indicator.level1));
}

/**
 * The score cells that hold a number as text ('15 ', '１０', '10分'): jixiao reads them, Excel's SUM
 * leaves them out, so a 总分 formula over them shows less than the scores add up to.
 */
function textScoreCells(results: IndicatorResult[], budget: BudgetExecution | null): string[] {
  const cells = [...(budget?.lines ?? []).map((r) => r.line.score), ...results.map((r) => r.indicator.score)];
  return cells.filter((cell) => cell !== null && typeof cell.raw === "string" && cell.value !== null).map((cell) => cellAddress(cell!.row, cell!.col));
}

/** What the checks of a table's total share. */
interface TotalsContext {
  findings: FindingList;
  block: IndicatorBlock;
  results: IndicatorResult[];
  budget: BudgetExecution | null;
  profile: Profile;
  view: SheetView;
  sums: ReturnType<typeof levelSums>;
  /** The 分值 cells that are no number, the indicators' and the budget lines': the weights are unknown. */
  unreadWeights: number;
  sharing: ScoreSharing;
  /** The points budget execution carries: its table's, none, or the profile's left to a table elsewhere. */
  budgetWeight: Decimal;
  /** Points left to a budget table jixiao did not find: the total lacks them. */
  budgetMissing: boolean;
  /** The weights add up to 100: only then is a grade given or checked. */
  gradable: boolean;
  /** Filled in by the checks. */
  total: EvaluationTotal;
}

export function evaluateTotals(
  findings: FindingList,
  block: IndicatorBlock,
  results: IndicatorResult[],
  budget: BudgetExecution | null,
  profile: Profile,
  view: SheetView,
  filled: () => FilledCells,
): EvaluationTotal {
  const sums = levelSums(results);
  const levelGaps = sums.byLabel ? checkLevelScores(findings, sums.levels) : [];
  for (const level of sums.levels) {
    if (level.ref && level.stated && level.weights && level.unread === 0 && !eq(level.weights, level.stated)) {
      findings.add("weight-header-mismatch", level.ref, {
        label: level.name,
        stated: level.stated.toFixed(),
        sum: level.weights.toFixed(),
      });
    }
  }
  checkLevel2Weights(findings, results);
  const indicatorWeights = sums.weights;
  // With no budget table anywhere, the indicators either leave the profile's budget weight to a
  // table kept elsewhere (they add up to 90) or carry all 100 points themselves; at more than 100
  // they leave none (105 is weights-total's alone, not also a budget score missing: review round 52b L2).
  const carriesAll = budget === null && gte(indicatorWeights, HUNDRED);
  const budgetWeight = budget?.weight ?? (scoresBudgetItself(results) || carriesAll ? ZERO : new Decimal(profile.budgetWeight));
  const afterFill = recomputedTotal(block.recordedTotal, view, filled);
  const recomputed = afterFill === "stale" ? null : afterFill;
  const recorded = block.recordedTotal;
  // Only an error value or a formula kept as text (the cell right of a 总分 label may hold a note
  // rather than a number), and not one jixiao recomputes: Excel will too.
  if (!afterFill && (errorValue(recorded) !== null || formulaAsText(recorded))) checkNumberCell(findings, recorded, "total");
  const subtotal = recomputedTotal(block.recordedSubtotal, view, filled);
  const total: EvaluationTotal = {
    sheet: block.sheet,
    block,
    weights: null,
    score: null,
    recordedScore: afterFill === "stale" ? null : (recomputed?.value ?? recorded?.value ?? null),
    recordedStale: afterFill === "stale",
    grade: null,
    recordedGrade: block.recordedGrade?.text || null,
    // A level with a 分值 that is no number weighs what its label states, if it states any.
    levels: sums.levels.map((l) => ({ name: l.name, weight: l.unread === 0 ? (l.weights ?? l.stated) : l.stated, score: l.scores })),
    budget,
    recomputed,
    recomputedSubtotal: subtotal === "stale" ? null : subtotal,
    subtotalStale: subtotal === "stale",
    sheetScore: null,
    recordedDiffers: false,
  };
  // No indicators (every row a template placeholder): nothing to total, and no weights to check.
  if (results.length === 0) return total;
  if (!sums.byLabel && sums.levels.every((l) => l.weights === null)) {
    // A header without a 分值 column jixiao reads is named as such, unless labels state weights; a
    // blank 分值 column is named where the rows are scored (not a list of targets).
    const unread = unreadColumnText(block.table, "weight");
    const stated = sums.levels.some((l) => l.stated !== null);
    const scored = results.some((r) => r.indicator.score?.value != null);
    const why = unread && !stated ? unread : unread || scored ? blankWeightsText(block, sums.levels) : null;
    const header = { sheet: block.sheet, row: block.table.top, col: block.table.columns.weight ?? block.table.left };
    if (why) findings.add("total-incomplete", header, { missing: why.zh, missingEn: why.en });
    return total;
  }

  // A 分值 that is no number (十, #REF!), an indicator's or a budget line's, leaves the weights
  // unknown, not that many points less.
  const unreadWeights = sums.unread + (budget?.lines.filter((r) => r.line.weight?.invalid).length ?? 0);
  total.weights = unreadWeights === 0 ? budgetWeight.plus(indicatorWeights) : null;
  const context: TotalsContext = {
    findings,
    block,
    results,
    budget,
    profile,
    view,
    sums,
    unreadWeights,
    sharing: scoreSharing(block, sums.byLabel),
    budgetWeight,
    budgetMissing: budget === null && gt(budgetWeight, ZERO),
    gradable: total.weights !== null && eq(total.weights, HUNDRED),
    total,
  };
  checkWeightsTotal(context);
  checkStatedPoints(context);
  const ownSum = computeTotal(context, levelGaps);
  checkLevelSubtotals(findings, block, results, profile.scoreDecimals);
  checkSubtotal(context, ownSum);
  checkRecordedGrade(context, checkRecordedTotal(context));
  return total;
}

/** The cell heading a column of the table, or without one the first indicator's name (the header's first cell without any). */
function headerCell({ block, results }: TotalsContext, column: "weight" | "score"): CellRef {
  const col = block.table.columns[column];
  if (col !== undefined) return { sheet: block.sheet, row: block.table.top, col };
  return results[0]?.indicator.nameRef ?? { sheet: block.sheet, row: block.table.top, col: block.table.left };
}

/** weights-total: the budget's and the indicators' weights add up to other than 100. */
function checkWeightsTotal(context: TotalsContext): void {
  const { findings, sums, budgetWeight, gradable, total } = context;
  if (total.weights !== null && !gradable) {
    findings.add("weights-total", headerCell(context, "weight"), {
      budget: budgetWeight.toFixed(),
      indicators: sums.weights.toFixed(),
      total: total.weights.toFixed(),
    });
  }
}

/**
 * A 总分 row stating other points than its weights' 100 is wrong itself (总分 | 110 | 98.5); the
 * indicators' alone (90) may be its scale, the budget's kept elsewhere, but not over a total above
 * them that counts a budget line's score (总分 | 90 | 99.85). Not where that cell may be the total
 * itself (总分 | 98.5 | blank: its score typed under 分值).
 */
function checkStatedPoints({ findings, block, budget, sums, gradable, total }: TotalsContext): void {
  const stated = block.statedTotalWeight;
  const recordedValue = total.recordedScore;
  const isRecordedTotal = stated !== null && block.recordedTotal !== null && stated.row === block.recordedTotal.row && stated.col === block.recordedTotal.col;
  const mayBeScore = (points: Decimal) => block.recordedTotal?.value == null && !gt(points, HUNDRED);
  const indicatorsAlone = (points: Decimal) => eq(points, sums.weights) && !(budget !== null && recordedValue !== null && gt(recordedValue, points));
  if (gradable && stated?.value && !isRecordedTotal && !mayBeScore(stated.value) && !eq(stated.value, HUNDRED) && !indicatorsAlone(stated.value)) {
    findings.add("sum-mismatch", stated, {
      what: "总分的分值",
      whatEn: "The 总分 weight",
      parts: "预算执行率与各指标的分值",
      partsEn: "the budget's and the indicators' weights",
      recorded: stated.value.toFixed(),
      computed: HUNDRED.toFixed(),
    });
  }
}

/**
 * The computed total: the budget score plus each indicator's score that counts; unknown when an
 * item lacks what its score needs (total-incomplete). Returns jixiao's own sum of the indicators'
 * scores, when every row has one.
 */
function computeTotal(context: TotalsContext, levelGaps: ItemGap[]): Decimal | null {
  const { findings, block, results, budget, profile, sums, unreadWeights, sharing, budgetMissing, gradable, total } = context;
  const gaps = [...rowGaps(findings, block, results, sharing), ...levelGaps];
  // A level with an item whose score is unknown has no score either (the 综合得分 sheet leaves it blank).
  for (const level of total.levels) if (gaps.some((g) => g.level === level.name)) level.score = null;
  const ownSum = gaps.length === 0 ? roundHalfUp(sums.scores, profile.scoreDecimals) : null;
  const budgetScore = budget?.score ?? null;
  // Gaps told of the table, not of a row: its levels' scores that are read stand.
  const tableGap = (gap: Gap) => gaps.push({ gap, level: null, name: "" });
  // A 分值 that is no number leaves the weights unknown.
  for (let i = 0; i < unreadWeights; i++) tableGap("unreadWeight");
  // A budget score unknown for its 分值 alone is told as that; a line unknown for other reasons (its
  // figures missing) is told beside it (review round 56 L3).
  // Lines unknown only for a 全年预算数 and 执行数 both 0, their 分值 there, are told as that; a
  // blank 分值 besides is told as missing (code review 58c, L3).
  const unknownBudget = budget?.lines.filter((r) => r.score === null && !r.line.weight?.invalid) ?? [];
  const onlyZeroes = unknownBudget.every((r) => r.planned?.isZero() && r.spent?.isZero() && r.line.weight?.value != null);
  if (unknownBudget.length > 0) tableGap(onlyZeroes ? "budgetZero" : "budget");
  // Points left to a budget table are not known from weights that are not.
  if (budgetMissing && total.weights !== null) tableGap("noBudget");
  if (gaps.length === 0) {
    total.score = roundHalfUp(sums.scores.plus(budgetScore ?? 0), profile.scoreDecimals);
    // A grade only on a scale of 100: on 110 points a 优 says nothing.
    if (gradable) total.grade = gradeFor(total.score, profile) || null;
  } else {
    const missing = unreadColumnText(block.table, "score") ?? unreadColumnText(block.table, "actual") ?? gapTexts(gaps, budget);
    findings.add("total-incomplete", block.recordedTotal ?? headerCell(context, "score"), { missing: missing.zh, missingEn: missing.en });
  }
  return ownSum;
}

/**
 * The indicators' 合计 (their weights' sum, read as their subtotal, not the 总分) sums their scores
 * (domain.md §4, sum-mismatch), as the sheet holds them once its blanks are filled in.
 * A sum formula over them is recomputed, as the 总分's is, and agrees; an error value is named. A
 * 合计 that agrees with jixiao's own scores (`ownSum`) is right: a score that differs has its own finding.
 */
function checkSubtotal({ findings, block, results, profile, sharing, total }: TotalsContext, ownSum: Decimal | null): void {
  const subtotal = block.recordedSubtotal;
  const recomputed = total.recomputedSubtotal || total.subtotalStale;
  if (subtotal && !recomputed && errorValue(subtotal) !== null) checkNumberCell(findings, subtotal, "score");
  const indicatorsSum = subtotal?.value && !recomputed ? sheetSum(results, null, sharing, profile.scoreDecimals) : null;
  if (subtotal?.value && indicatorsSum) {
    const agreesWith = (sum: Decimal) => agreesAsShown(subtotal.value!, subtotal.shown, sum);
    if (!agreesWith(indicatorsSum.sum) && !agreesWith(indicatorsSum.exact) && !(ownSum && agreesWith(ownSum))) {
      const sheetSumText = roundHalfUp(indicatorsSum.sum, profile.scoreDecimals).toFixed();
      // Scores that differ from jixiao's: its own sum is the one to write once they are checked.
      const checked = ownSum !== null && ownSum.toFixed() !== sheetSumText;
      findings.add("sum-mismatch", subtotal, {
        what: "指标得分合计",
        whatEn: "The indicators' 合计",
        parts: checked ? "按核算的各指标得分" : "各指标得分",
        recorded: subtotal.value.toFixed(),
        computed: checked ? ownSum.toFixed() : sheetSumText,
      });
    }
  }
}

/** What checking the recorded 总分 found, for the 等次's check. */
interface RecordedTotalCheck {
  /** A score the total adds up differs from its computed one. */
  scoresFlagged: boolean;
  /** The 总分 itself was found wrong (total-mismatch). */
  totalFlagged: boolean;
  /**
   * The total the sheet will show once the 总分 and the scores found wrong are mended, when any is
   * (null when not known: a part of it was not found, or a score is an estimate).
   */
  mended: Decimal | null;
}

/** The recorded 总分 against the sheet's scores (total-mismatch) and against the attainable bound (score-above-attainable). */
function checkRecordedTotal({ findings, block, results, budget, profile, view, sharing, budgetWeight, budgetMissing, gradable, total }: TotalsContext): RecordedTotalCheck {
  const { recomputed, recordedScore: recordedValue } = total;
  const recorded = block.recordedTotal;
  const scoresFlagged = scoreFlagged(findings, results, budget);
  let totalFlagged = false;
  let mended: Decimal | null = results.some((r) => r.estimated) ? null : total.score;
  // What the sheet adds up to once its blank scores are filled in, when every scored item holds a
  // score by then.
  const inEffect = sheetSum(results, budget, sharing, profile.scoreDecimals);
  total.sheetScore = inEffect?.sum ?? null;
  if (recorded && recordedValue) {
    const digits = recordedTotalDigits(recorded, recomputed, profile.scoreDecimals);
    // Its parts rounded one by one, a total may be what they add up to (95.09) or their exact sum
    // rounded (95.08 for 95.075): either, as the cell shows it, is right.
    const agrees = (sum: Decimal) => agreesAsShown(recordedValue, digits, sum);
    // With the budget's points left to a table jixiao did not find, the 总分 may hold its score: up
    // to the budget weight above the indicators' scores, it may be right.
    const mayHoldBudget = (sum: Decimal) => budgetMissing && gte(recordedValue, sum) && lte(recordedValue, sum.plus(budgetWeight));
    // A total that agrees with jixiao's own is right: a score that differs has its own finding.
    const agreesWithOwn = total.score !== null && agrees(total.score);
    total.recordedDiffers = total.score !== null && !agreesWithOwn;
    if (inEffect !== null && !agrees(inEffect.sum) && !agrees(inEffect.exact) && !mayHoldBudget(inEffect.sum) && !agreesWithOwn) {
      // A sum above the full marks (the weights, at most 100) is no total to write: the scores or
      // the weights are wrong.
      const fullMarks = Decimal.min(total.weights ?? HUNDRED, HUNDRED);
      const texts = differingTexts(recordedValue, digits, inEffect.sum, profile.scoreDecimals);
      // Scores the sheet holds that differ from jixiao's (score-mismatch) make its own total another
      // number: the message gives that one, so the user does not write a sum that is still wrong.
      // Scores that only round it (9.3 for 9.33) leave nothing to check first: the sum is right.
      const own = total.score?.toFixed() ?? null;
      const checked = own !== null && own !== texts.computed && scoresFlagged ? own : "";
      // A formula's total short of the scores because some are text: those cells are what to mend.
      const textScores = view.isFormula(recorded.row, recorded.col) ? textScoreCells(results, budget) : [];
      totalFlagged = true;
      // Mended, it is the sum the message asks for; jixiao's own where it asks to check the scores first.
      if (mended !== null && checked === "" && !gt(inEffect.sum, fullMarks)) mended = roundHalfUp(inEffect.sum, profile.scoreDecimals);
      findings.add("total-mismatch", recorded, {
        ...texts,
        fullMarks: gt(inEffect.sum, fullMarks) ? fullMarks.toFixed() : "",
        checked,
        textScores: textScores.join("、"),
        textScoresEn: textScores.join(", "),
      });
    }
    // The bound is of a form of 100 points: on another scale weights-total says what is wrong.
    const attainable = gradable && budget && attainableAt(budget);
    if (attainable) {
      const { bound, rates } = attainable;
      if (aboveAttainable(recordedValue, digits, bound)) {
        findings.add("score-above-attainable", recorded, {
          rate: rates,
          bound: roundHalfUp(bound, profile.scoreDecimals).toFixed(),
          budgetWeight: budgetWeight.toFixed(),
          recorded: recordedValue.toFixed(),
        });
      }
    }
  }
  return { scoresFlagged, totalFlagged, mended };
}

/**
 * A typed 等次 against its total (grade-mismatch). Where the 总分 or a score it adds up is found
 * wrong, it must go with the total they make once mended; else, and where the 等次 is a formula
 * (over the 总分, it follows it), with the 总分 the sheet shows (a grade at a boundary is the one
 * its total shows, however jixiao's exact sum rounds). With the mended total not known, a wrong
 * 总分 grades nothing.
 */
function checkRecordedGrade({ findings, block, profile, view, gradable, total }: TotalsContext, { scoresFlagged, totalFlagged, mended }: RecordedTotalCheck): void {
  const grade = block.recordedGrade;
  const recordedValue = total.recordedScore;
  if (gradable && grade && grade.text !== "") {
    const byMended = (totalFlagged || scoresFlagged) && recordedValue !== null && !view.isFormula(grade.row, grade.col);
    const gradedTotal = !byMended ? (recordedValue ?? total.score) : (mended ?? (totalFlagged ? null : recordedValue));
    const mismatch = gradedTotal === null ? null : gradeMismatch(grade.text, gradedTotal, profile);
    if (mismatch) findings.add("grade-mismatch", grade, byMended && mended !== null ? { ...mismatch, computed: "1" } : mismatch);
  }
}

/** Whether a score the total adds up (an indicator's, a budget line's) differs from its computed one. */
function scoreFlagged(findings: FindingList, results: IndicatorResult[], budget: BudgetExecution | null): boolean {
  if (budget?.lines.some((r) => r.line.score && findings.at("budget-score-mismatch", r.line.score))) return true;
  return results.some((r) => r.indicator.score !== null && findings.at("score-mismatch", r.indicator.score) !== undefined);
}

/**
 * The exact score a part of the total stands for: the computed one when the sheet holds it, filled
 * in or recorded as it rounds (9.58 for 9.575); else the part itself (a qualitative score, one the
 * sheet got wrong).
 */
function exactPart(inEffect: Decimal, recorded: NumberCell | null, computed: Decimal | null, places: number): Decimal {
  if (computed === null) return inEffect;
  const holdsComputed =
    recorded?.value != null ? agreesAsShown(recorded.value, scoreDigits(recorded, places), computed) : eq(inEffect, roundHalfUp(computed, places));
  return holdsComputed ? computed : inEffect;
}

/**
 * The recorded scores (computed ones where blank) plus the budget's: their `sum`, and the `exact`
 * sum of what they stand for (see exactPart). Null when some scored item will hold no score even
 * then, or the budget score is not known.
 */
function sheetSum(
  results: IndicatorResult[],
  budget: BudgetExecution | null,
  sharing: ScoreSharing,
  places: number,
): { sum: Decimal; exact: Decimal } | null {
  const parts: Decimal[] = [];
  const exact: Decimal[] = [];
  for (const { line, score, exactScore } of budget?.lines ?? []) {
    const budgetScore = line.score?.value ?? score;
    if (budgetScore === null) return null;
    parts.push(budgetScore);
    exact.push(exactPart(budgetScore, line.score, exactScore, places));
  }
  for (const r of results) {
    if (r.inEffect !== null) {
      parts.push(r.inEffect);
      exact.push(exactPart(r.inEffect, r.indicator.score, r.computed, places));
    } else if (isScored(r.indicator, sharing) && !sharing.carried.has(r.indicator)) return null;
  }
  return { sum: sumOf(parts), exact: sumOf(exact) };
}

/**
 * A list of several projects' own 合计 under its last project (see IndicatorTable.listTotalRows)
 * adds up the projects' totals (300 | 295.5), or averages them where it states one project's points
 * (100 | 98.5): each total as the sheet shows it (its recorded 总分, else its scores added up), or
 * jixiao's own (a total that differs has its own finding), as the cell shows them. A 合计 stating
 * the indicators' points alone (270 = 3 × 90) adds up their scores, the budget's left out; one
 * labelled 平均得分 is their average alone. A 分值 that is none of these (290 for 300) is itself a
 * sum-mismatch (where no project lacks its budget line), and leaves any reading right. Unchecked while
 * a project's total is not known, and where the 合计 is a formula over cells jixiao fills (Excel
 * adds it up again).
 */
export function checkListTotals(findings: FindingList, projects: EvaluationTotal[], view: SheetView, filled: () => FilledCells, places: number): void {
  const shown = projects.map((t) => t.recordedScore ?? t.sheetScore);
  if (!shown.every(isKnown)) return;
  const own = projects.map((t) => t.score);
  const weights = projects.map((t) => t.weights);
  const count = new Decimal(projects.length);
  const budgetPoints = projects.map((t) => sumOf((t.budget?.lines ?? []).map(({ line, score }) => line.score?.value ?? score ?? ZERO)));
  const indicatorWeights = weights.every(isKnown) ? sumOf(weights.map((w, i) => w.minus(projects[i].budget?.weight ?? ZERO))) : null;
  const indicatorScores = projects.every((t) => t.sheetScore !== null) ? sumOf(projects.map((t, i) => t.sheetScore!.minus(budgetPoints[i]))) : null;
  const weightSum = weights.every(isKnown) ? sumOf(weights) : null;
  type Reading = { shown: Decimal | null; own: Decimal | null; weight: Decimal | null; average?: true; indicators?: true };
  const sum: Reading = { shown: sumOf(shown), own: own.every(isKnown) ? sumOf(own) : null, weight: weightSum };
  const average: Reading = { shown: sum.shown!.div(count), own: sum.own?.div(count) ?? null, weight: weightSum?.div(count) ?? null, average: true };
  const indicators: Reading = { shown: indicatorScores, own: null, weight: indicatorWeights, indicators: true };
  // Each project's weights as its rows give them: not one missing its budget line, which weighs what it lacks.
  const weighedWhole = projects.every((t) => t.budget !== null || (t.weights !== null && eq(t.weights, sumOf(t.levels.map((l) => l.weight ?? ZERO)))));
  for (const { score, weight, average: labelledAverage } of projects[projects.length - 1].block.listTotals) {
    // One labelled 平均得分 is their average alone.
    const candidates = labelledAverage ? [average] : [sum, average, indicators];
    const label = labelledAverage ? "平均得分" : "合计";
    const statedWeight = weight?.value ?? null;
    const stated = candidates.filter((r) => statedWeight !== null && r.weight !== null && eq(statedWeight, r.weight));
    if (statedWeight !== null && stated.length === 0 && candidates[0].weight !== null && weighedWhole) {
      findings.add("sum-mismatch", weight!, {
        what: labelledAverage ? "项目清单的平均得分的分值" : "项目清单的合计分值",
        whatEn: `The list's ${label} weight`,
        parts: "各项目分值",
        partsEn: "the projects' weights",
        average: labelledAverage ? "1" : "",
        recorded: statedWeight.toFixed(),
        computed: roundHalfUp(candidates[0].weight, places).toFixed(),
      });
    }
    if (!score.value || recomputedTotal(score, view, filled)) continue;
    const recorded = score.value;
    const agrees = (value: Decimal | null) => value !== null && agreesAsShown(recorded, scoreDigits(score, places), value);
    const readings = stated.length > 0 ? stated : candidates;
    if (readings.some((r) => agrees(r.shown) || agrees(r.own))) continue;
    const reading = readings[0];
    if (reading.shown === null) continue;
    // The sheet's own totals; jixiao's where they differ (the projects' 总分 found wrong).
    const checked = reading.own !== null && !eq(reading.own, reading.shown);
    findings.add("sum-mismatch", score, {
      what: labelledAverage ? "项目清单的平均得分" : "项目清单的合计得分",
      whatEn: `The list's ${label} score`,
      parts: reading.indicators ? "各项目指标得分" : checked ? "按核算的各项目总分" : "各项目总分",
      partsEn: reading.indicators ? "the projects' indicator scores" : checked ? "the projects' totals as jixiao checks them" : "the projects' totals",
      average: reading.average ? "1" : "",
      recorded: recorded.toFixed(),
      computed: roundHalfUp(checked ? reading.own! : reading.shown, places).toFixed(),
    });
  }
}

const isKnown = (value: Decimal | null): value is Decimal => value !== null;
