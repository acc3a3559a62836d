/**
 * Budget execution: computes each line's 执行率 and, in a weighted table, its 得分; applies
 * rate-mismatch, budget-score-mismatch, sum-mismatch, zero-budget, overspent, and for project lists
 * score-exceeds-weight, score-above-attainable and grade-mismatch.
 */
import Decimal from "decimal.js";
import { cellText } from "../grid";
import type { MessageParams } from "../messages";
import type { MoneyUnit } from "../money-unit";
import { AMOUNT_FIELDS, BudgetBlock, BudgetLine, NumberCell, isTypedNumber, scoreDigits, typedMinimum } from "../model";
import { Profile, gradeMismatch } from "../profile";
import { gt } from "../compare";
import {
  HUNDRED,
  TWO,
  ZERO,
  aboveAttainable,
  agreesAsShown,
  attainableBound,
  budgetPointsLost,
  budgetRate,
  budgetScore,
  abovePercentText,
  differingTexts,
  percentText,
  roundHalfUp,
  sumOf,
  withinOneUnit,
} from "../score";
import { decimalPlacesShown, parseValue, valueToFraction } from "../values";
import { TOTAL_LABEL, normalizeHeader } from "../headers";
import { checkNumberCell, errorValue } from "./cells";
import { reportMoneyFactsOnce } from "./facts";
import { FindingList } from "./findings";


export interface BudgetLineResult {
  line: BudgetLine;
  /**
   * The amounts the line is judged by: its own, or for a funds total left 0 or blank over 其中 rows
   * that carry money, their sum (domain.md §3, derived lines).
   */
  planned: Decimal | null;
  spent: Decimal | null;
  rate: Decimal | null;
  recordedRate: Decimal | null;
  /** The line carries the budget-execution score (weighted tables only). */
  scored: boolean;
  weight: Decimal | null;
  score: Decimal | null;
  /** The score before rounding, for sums of rounded parts (rules/totals.ts). */
  exactScore: Decimal | null;
  /** The amount column its table's header lacks, so that no 执行率 can be worked out; null when it has both. */
  unreadColumn: UnreadAmountColumn | null;
}

/** A budget header with no 全年预算数 or no 执行数 column in a wording jixiao reads (headerRow: its first row, 0-based). */
export interface UnreadAmountColumn {
  field: "planned" | "spent";
  headerRow: number;
}

function unreadAmountColumn(block: BudgetBlock): UnreadAmountColumn | null {
  const { columns, headerTop } = block.table;
  if (columns.planned === undefined) return { field: "planned", headerRow: headerTop };
  if (columns.spent === undefined) return { field: "spent", headerRow: headerTop };
  return null;
}

/**
 * A recorded 执行率 as a fraction and the decimals of that fraction the cell claims: what its format
 * or text shows; a typed number (isTypedNumber) the digits typed, and a whole percentage one decimal
 * more (as scores do): a typed 1 or 90, or a text "90", claims 100.0% or 90.0%, not 95% or 89.67%
 * rounded; 89.7 is.
 */
export function recordedRate(
  cell: NumberCell | null,
  places: number,
  inPercent = false,
): { value: Decimal; shown: number } | null {
  if (!cell || cell.empty) return null;
  const parsed = parseValue(cell.raw, { numFmt: cell.numFmt });
  if (parsed.kind !== "number" || parsed.value === null) return null;
  const shown = decimalPlacesShown(cell.raw, cell.numFmt);
  const claimed = (decimals: number) => (isTypedNumber(cell) ? Math.max(shown, decimals) : shown);
  const fraction = valueToFraction(parsed); // 98% → 0.98, 5‰ → 0.005
  if (fraction) return { value: fraction, shown: shown + (parsed.unit?.family === "permille" ? 3 : 2) };
  if (parsed.unit) return null;
  // A bare number above 2, or any under a 执行率（%） header, is percent points (98.5 for 98.5%);
  // else a fraction.
  const percentDecimals = typedMinimum(places - 2);
  if (inPercent || gt(parsed.value, TWO)) return { value: parsed.value.div(HUNDRED), shown: claimed(percentDecimals) + 2 };
  return { value: parsed.value, shown: claimed(percentDecimals + 2) };
}

/** A line whose 分值 is filled in: a number, or something that is none (待定, #REF!: its points unknown, not none). */
const hasWeight = (line: BudgetLine): boolean => line.weight?.value != null || line.weight?.invalid === true;

/** A line that adds up others: a 合计, 小计 or 年度资金总额. */
const isSumLine = (line: BudgetLine): boolean => line.kind === "total" || line.kind === "subtotal" || line.kind === "funds-total";

/**
 * Lines whose 分值 × 执行率 is the budget-execution score: those with a weight, else the funds
 * total. Where lines of the list carry points of their own (基本支出 5 and 项目支出 5 in a 部门整体
 * form), a sum line's 分值, or that of a line whose 其中 rows carry theirs, restates them (a 合计 of
 * 10): it is checked as their sum (checkSums), not scored again. A 分值 of 0 on a 其中 row gives it
 * no points of its own.
 */
function scoredLines(block: BudgetBlock): Set<BudgetLine> {
  if (!block.weighted) return new Set();
  const withWeight = block.lines.filter(hasWeight);
  if (withWeight.length > 0) {
    const withPoints = withWeight.filter((line) => !line.weight?.value?.isZero());
    const own = withPoints.filter((line) => !isSumLine(line) && !withPoints.some((part) => part.partOf === line));
    // Only a sum line carries points (年度资金总额 over 其中 rows of 分值 0, or of none): it alone is scored.
    return new Set(own.length > 0 ? own : withPoints.length > 0 ? withPoints : withWeight);
  }
  const main = block.lines.find((l) => l.kind === "funds-total" || l.kind === "total") ?? block.lines[0];
  return new Set(main ? [main] : []);
}

/**
 * A line's 其中 rows (BudgetLine.partOf): all of them in order, by source of funds, and by use
 * (基本支出, 项目支出, 人员经费, a project).
 */
export interface Breakdown {
  below: BudgetLine[];
  sources: BudgetLine[];
  uses: BudgetLine[];
}

/** Each line's breakdown, for the lines that have one, worked out once for every check. */
function breakdowns(lines: BudgetLine[]): Map<BudgetLine, Breakdown> {
  const byLine = new Map<BudgetLine, Breakdown>();
  for (const line of lines) {
    if (line.partOf === null) continue;
    let breakdown = byLine.get(line.partOf);
    if (!breakdown) byLine.set(line.partOf, (breakdown = { below: [], sources: [], uses: [] }));
    breakdown.below.push(line);
    (line.kind === "source" ? breakdown.sources : breakdown.uses).push(line);
  }
  return byLine;
}

/** The breakdowns of the funds totals (年度资金总额, a 合计 heading the table) alone. */
function fundsTotalBreakdowns(all: Map<BudgetLine, Breakdown>): Map<BudgetLine, Breakdown> {
  return new Map([...all].filter(([line]) => line.kind === "funds-total"));
}

/** The 其中 rows a line adds up to: its sources, else its uses (a funds total may list both). */
const summedParts = ({ sources, uses }: Breakdown): BudgetLine[] => (sources.length > 0 ? sources : uses);

type AmountField = (typeof AMOUNT_FIELDS)[number];
/** A weighted line restating the scored lines' 分值 and 得分 is checked on them too. */
const RESTATED_FIELDS = [...AMOUNT_FIELDS, "weight", "score"] as const;
type SummedField = (typeof RESTATED_FIELDS)[number];
const isAmount = (field: SummedField): field is AmountField => field !== "weight" && field !== "score";

const amountsOf = (parts: BudgetLine[], field: AmountField): Decimal[] =>
  parts.map((p) => p[field]?.value).filter((v): v is Decimal => v !== null && v !== undefined);

/**
 * The amounts a funds total left 0 or blank is judged by: the sum of its 其中 rows (its sources, or
 * its uses when it lists none), where they carry money. Only 0, blank or an empty marker is
 * replaced, never a figure, text or an error value; and a figure typed in the table's other unit
 * (89.76 for 897600 元 over its 其中 rows: unitSlip's `total`), which its sum-mismatch asks to be
 * that sum: what follows only from the slip (a 执行率 of 0.01%, its 得分, the attainable bound) is
 * no finding on the cells that are right (review round 58b, L1).
 */
function derivedAmounts(block: BudgetBlock, totals: Map<BudgetLine, Breakdown>): Map<BudgetLine, Partial<Record<AmountField, Decimal>>> {
  const derived = new Map<BudgetLine, Partial<Record<AmountField, Decimal>>>();
  totals.forEach((breakdown, line) => {
    const parts = summedParts(breakdown);
    const amounts: Partial<Record<AmountField, Decimal>> = {};
    // One 其中 line of label/value pairs says what part of the total that is, not all it holds (checkSums).
    const wholeParts = !(block.table.pairs && parts.length === 1);
    for (const field of AMOUNT_FIELDS) {
      const cell = line[field];
      const leftOpen = cell !== null && (cell.empty || cell.value?.isZero() === true);
      const values = amountsOf(parts, field);
      const sum = sumOf(values);
      if (leftOpen && gt(sum, ZERO)) amounts[field] = sum;
      else if (wholeParts && values.length > 0 && cell?.value != null && unitSlip(cell.value, cell.shown, sum, partsShown(parts, field), block.moneyUnit).slip === "total") {
        amounts[field] = sum;
      }
    }
    if (Object.keys(amounts).length > 0) derived.set(line, amounts);
  });
  return derived;
}

/**
 * The figures of a line a sum adds up: its amounts, and for a scored line its 分值 and its 得分 (as
 * recorded, else as jixiao fills it in); a line not scored adds no points.
 */
function summedValues(results: BudgetLineResult[]): (line: BudgetLine, field: SummedField) => Decimal | null {
  const scored = new Map(results.filter((r) => r.scored).map((r) => [r.line, r]));
  return (line, field) => {
    if (isAmount(field)) return line[field]?.value ?? null;
    const result = scored.get(line);
    if (!result) return null;
    return field === "weight" ? result.weight : (line.score?.value ?? result.score);
  };
}

/** Whether a part's amounts pass its line's (其中：中央资金 90 of a source of 80). */
/** The amounts in which one part is more than its whole (其中：财政拨款 600 of 500). */
const exceedingFields = (line: BudgetLine, part: BudgetLine): SummedField[] =>
  AMOUNT_FIELDS.filter((field) => {
    const [whole, amount] = [line[field]?.value, part[field]?.value];
    return whole != null && amount != null && gt(amount, whole);
  });

/** A sum as its cell shows it: one unit of the last digit shown is still a match, the parts may each have been rounded. */
const matchesAsShown = (recorded: Decimal, shown: number, sum: Decimal): boolean => agreesAsShown(recorded, shown, sum) || withinOneUnit(recorded, shown, sum);

const TEN_THOUSAND = new Decimal(10000);

/** The most decimals the parts show of an amount, for unitSlip. */
const partsShown = (parts: BudgetLine[], field: SummedField): number => Math.max(0, ...parts.map((part) => part[field]?.shown ?? 0));

/**
 * A total and its parts exactly 10,000 apart as each shows them (1800000 元 over a 其中 row typed
 * 180): one of them was typed in the table's other unit (元 or 万元; 万元 or 亿元 in a table of 亿元),
 * so the fix is that unit, not the other figure (review round 56a, F3). The parts are named, unless
 * the table's stated unit is theirs: then the total. Empty when they are not so apart.
 */
function unitSlip(total: Decimal, totalShown: number, sum: Decimal, partsShown: number, tableUnit: MoneyUnit | null): MessageParams {
  if (total.isZero() || sum.isZero() || tableUnit === "千元") return {};
  const [small, large]: MoneyUnit[] = tableUnit === "亿元" ? ["万元", "亿元"] : ["元", "万元"];
  // Far apart (a thousandfold at least), lest amounts rounded to nothing as shown look 10,000 apart.
  const apart = (larger: Decimal, smaller: Decimal) => gt(larger.abs(), smaller.abs().times(1000));
  const partsSmaller = apart(total, sum) && matchesAsShown(sum, partsShown, total.div(TEN_THOUSAND));
  if (!partsSmaller && !(apart(sum, total) && matchesAsShown(total, totalShown, sum.div(TEN_THOUSAND)))) return {};
  // Parts 10,000 times smaller are in the larger unit, the total in the smaller.
  const [partsUnit, totalUnit] = partsSmaller ? [large, small] : [small, large];
  const slip = partsUnit === tableUnit ? "total" : "parts";
  return { slip, slipUnit: slip === "total" ? totalUnit : partsUnit, tableUnit: tableUnit ?? "" };
}

function checkSums(findings: FindingList, block: BudgetBlock, breakdownOf: Map<BudgetLine, Breakdown>, results: BudgetLineResult[]): void {
  const valueOf = summedValues(results);
  // A weighted line that is not scored restates the scored lines' 分值 and 得分 (see scoredLines).
  const restating = new Set(results.filter((r) => !r.scored && block.weighted && hasWeight(r.line)).map((r) => r.line));
  /** A line's amount: its own, or for one left blank over 其中 rows (二、项目支出 heading its projects) theirs added up. */
  const amountOf = (line: BudgetLine, field: SummedField): Decimal | null => {
    const own = valueOf(line, field);
    const breakdown = breakdownOf.get(line);
    if (own !== null || !breakdown) return own;
    const values = summedParts(breakdown).flatMap((part) => amountOf(part, field) ?? []);
    return values.length > 0 ? sumOf(values) : null;
  };
  const check = (total: BudgetLine, parts: BudgetLine[], what: string, whatEn: string, partsText: string, only?: SummedField[]) => {
    for (const field of only ?? (restating.has(total) ? RESTATED_FIELDS : AMOUNT_FIELDS)) {
      const cell = total[field];
      const values = parts.flatMap((part) => amountOf(part, field) ?? []);
      if (!cell || values.length === 0) continue;
      const sum = sumOf(values);
      // A funds total left blank over rows that carry money: the gap is the mismatch (it is judged
      // as their sum meanwhile). A formula whose result the file does not hold is not blank.
      if (cell.value === null) {
        if (cell.empty && !cell.resultUnknown && total.kind === "funds-total" && isAmount(field) && gt(sum, ZERO)) {
          const recorded = cellText(cell.raw);
          findings.add("sum-mismatch", cell, {
            what,
            whatEn,
            parts: partsText,
            recorded: recorded === "" ? "空白" : recorded,
            recordedEn: recorded === "" ? "blank" : recorded,
            computed: sum.toFixed(),
          });
        }
        continue;
      }
      // The parts may each have been rounded: one unit of the last digit shown is still a match.
      if (!matchesAsShown(cell.value, cell.shown, sum)) {
        findings.add("sum-mismatch", cell, {
          what,
          whatEn,
          parts: partsText,
          recorded: cell.value.toFixed(),
          computed: sum.toFixed(),
          ...(isAmount(field) ? unitSlip(cell.value, cell.shown, sum, partsShown(parts, field), block.moneyUnit) : {}),
        });
      }
    }
  };
  const lines = block.lines;
  lines.forEach((line, i) => {
    const breakdown = breakdownOf.get(line);
    if (breakdown && line.kind === "funds-total") {
      const { sources, uses } = breakdown;
      // A budget given as label/value pairs with one 其中 line of pairs under it (其中：财政拨款 300
      // of 500) says what part of it that is, as 合计 | 其中：财政拨款 in columns does: checked only
      // in the amounts where the part is more than the whole.
      const onePart = (parts: BudgetLine[]) => (block.table.pairs && parts.length === 1 ? exceedingFields(line, parts[0]) : undefined);
      const summed = (parts: BudgetLine[], partsText: string) => {
        const only = onePart(parts);
        if (parts.length > 0 && only?.length !== 0) check(line, parts, `“${line.label}”`, `"${line.label}"`, partsText, only);
      };
      summed(sources, "其中各项资金");
      summed(uses, "其中基本支出、项目支出");
    } else if (breakdown) {
      // 基本支出 over its 人员经费 and 公用经费, 项目支出 over its projects, a source over its levels
      // of government; a source over one part alone (其中：中央资金 50 of 80) says what part of it
      // that is, not all it holds (review round 37): checked only in the amounts where the part is
      // more than the whole.
      const only = line.kind === "source" && breakdown.below.length === 1 ? exceedingFields(line, breakdown.below[0]) : undefined;
      if (only?.length !== 0) check(line, breakdown.below, `“${line.label}”`, `"${line.label}"`, "其中各项", only);
    } else if (line.kind === "funds-total") {
      // A 合计 heading a project list is the total of the projects under it.
      if (i === 0 && TOTAL_LABEL.test(normalizeHeader(line.label))) {
        const projects: BudgetLine[] = [];
        for (let j = 1; j < lines.length && lines[j].kind === "line"; j++) projects.push(lines[j]);
        if (projects.length > 1) check(line, projects, `${line.label}行`, `The ${line.label} row`, "下方各行");
      }
    } else if (line.kind === "subtotal" || line.kind === "total") {
      // The list's own lines above it, whatever they name (基本支出, 上级补助资金), not the 其中 rows
      // of one of them; for a 小计, those since the 小计 before.
      const parts: BudgetLine[] = [];
      for (let j = i - 1; j >= 0; j--) {
        const above = lines[j];
        if (above.kind === "subtotal" || above.kind === "total") {
          if (line.kind === "subtotal") break;
        } else if (above.partOf === null) parts.push(above);
      }
      const subtotals = lines.slice(0, i).filter((l) => l.kind === "subtotal");
      // A 合计 over nothing but 小计 rows adds those up.
      const summed = parts.length > 0 ? parts : line.kind === "total" ? subtotals : [];
      if (summed.length > 0) check(line, summed, `${line.label}行`, `The ${line.label} row`, "上方各行");
    }
  });
}

/**
 * An amount split by source in columns (全年预算数 over 合计 | 财政拨款 | 其他资金, see model's
 * sourceSplits): the 合计 must be its parts added up, as a funds total's 其中 rows must (review round
 * 52b, M2). Parts left blank add nothing; a part or a 合计 jixiao cannot read as a number (130万元
 * beside plain figures) is not summed.
 */
function checkColumnSums(findings: FindingList, block: BudgetBlock): void {
  for (const line of block.lines) {
    for (const { field, heading, parts, names } of line.splits ?? []) {
      const cell = line[field];
      if (!cell || cell.value === null || cell.invalid || parts.some((p) => p.invalid)) continue;
      const values = parts.flatMap((p) => (p.value === null ? [] : [p.value]));
      if (values.length === 0) continue;
      const sum = sumOf(values);
      if (matchesAsShown(cell.value, cell.shown, sum)) continue;
      const of = line.label === "" ? "" : `“${line.label}”的`;
      findings.add("sum-mismatch", cell, {
        what: `${of}${heading}合计`,
        whatEn: `${line.label === "" ? "The" : `"${line.label}": the`} ${heading} total`,
        parts: names.join("、"),
        partsEn: names.join(", "),
        recorded: cell.value.toFixed(),
        computed: sum.toFixed(),
        columns: "true",
      });
    }
  }
}

/**
 * The recorded 执行率 cell's own problems. A #DIV/0! over a 全年预算数 of 0 or blank is the
 * budget's doing: no finding for 0 ÷ 0, and zero-budget or sum-mismatch name the 0 otherwise.
 */
function checkRateCell(findings: FindingList, line: BudgetLine, readable: boolean): void {
  const cell = line.rate;
  if (!cell || cell.empty) return;
  const recordedPlanned = line.planned?.value ?? null;
  if (errorValue(cell) === "#DIV/0!" && (recordedPlanned === null || recordedPlanned.isZero())) return;
  if (errorValue(cell) !== null || !readable) checkNumberCell(findings, cell, "rate");
}

/** A rate no cell can hold (1e10 spent over 1e-300 planned): the budget is as good as 0. */
const isAbsurdRate = (rate: Decimal): boolean => !Number.isFinite(rate.toNumber());

function evaluateLine(
  findings: FindingList,
  block: BudgetBlock,
  line: BudgetLine,
  scored: boolean,
  profile: Profile,
  derived: Partial<Record<AmountField, Decimal>>,
  unreadColumn: UnreadAmountColumn | null,
): BudgetLineResult {
  const planned = derived.planned ?? line.planned?.value ?? null;
  const spent = derived.spent ?? line.spent?.value ?? null;
  const computedRate = budgetRate(planned, spent);
  const rate = computedRate !== null && isAbsurdRate(computedRate) ? null : computedRate;
  const recorded = recordedRate(line.rate, profile.rateDecimals, block.ratesInPercent);
  const result: BudgetLineResult = {
    line,
    planned,
    spent,
    rate,
    recordedRate: recorded?.value ?? null,
    scored,
    weight: null,
    score: null,
    exactScore: null,
    unreadColumn,
  };

  checkNumberCell(findings, line.planned, "planned");
  checkNumberCell(findings, line.spent, "spent");
  checkNumberCell(findings, line.initial, "initial");
  checkNumberCell(findings, line.weight, "weight");
  checkNumberCell(findings, line.score, "score");
  checkRateCell(findings, line, recorded !== null);

  const nothingPlanned = planned === null || planned.isZero() || (computedRate !== null && rate === null);
  // A 全年预算数 that is text or an error value has its own finding; a header without a 全年预算数
  // column leaves none unfilled (the total names the header, rules/totals.ts).
  if (nothingPlanned && unreadColumn?.field !== "planned" && !line.planned?.invalid && spent !== null && gt(spent, ZERO)) {
    const at = line.planned ?? line.spent;
    // toString, not toFixed: a planned 1e-300 is shown as such, not as 300 zeros.
    // A blank 全年预算数 beside a 年初预算数: the budget may simply not have been adjusted.
    const initial = planned === null ? line.initial?.value : undefined;
    if (at) findings.add("zero-budget", at, { planned: planned?.toString() ?? "空", spent: spent.toFixed(), ...(initial && { initial: initial.toFixed() }) });
  }
  if (rate !== null && planned !== null && spent !== null && gt(spent, planned) && line.spent) {
    findings.add("overspent", line.spent, { spent: spent.toFixed(), planned: planned.toFixed(), rate: abovePercentText(rate) });
  }
  if (rate !== null && recorded && line.rate && !agreesAsShown(recorded.value, recorded.shown, rate)) {
    findings.add("rate-mismatch", line.rate, differingTexts(recorded.value, recorded.shown, rate, 2, percentText));
  }

  // A 分值 that is no number (待定, #REF!) leaves the line's points unknown, and its score: the
  // total counts it as it counts such an indicator's (rules/totals.ts, total-incomplete).
  if (scored && !line.weight?.invalid) {
    const weight = line.weight?.value ?? block.statedWeight ?? new Decimal(profile.budgetWeight);
    Object.assign(result, scoredAt(weight, rate, profile));
    const exact = result.exactScore;
    const recordedScore = line.score?.value ?? null;
    if (exact !== null && line.score && recordedScore !== null) {
      const digits = scoreDigits(line.score, profile.scoreDecimals);
      if (!agreesAsShown(recordedScore, digits, exact)) {
        findings.add("budget-score-mismatch", line.score, differingTexts(recordedScore, digits, exact, profile.scoreDecimals));
      }
    }
    if (line.score && recordedScore !== null && !weight.isNegative() && gt(recordedScore, weight)) {
      findings.add("score-exceeds-weight", line.score, { score: recordedScore.toFixed(), weight: weight.toFixed() });
    }
  } else if (!block.weighted && line.score?.value != null && line.kind !== "total" && line.kind !== "subtotal") {
    checkProjectScore(findings, line, line.score, rate, profile);
  }
  return result;
}

/** A line's budget score at `weight`: weight × 执行率, at most the weight; none without a rate, nor at a negative weight (negative-value). */
function scoredAt(weight: Decimal, rate: Decimal | null, profile: Profile): Pick<BudgetLineResult, "weight" | "score" | "exactScore"> {
  if (rate === null || weight.isNegative()) return { weight, score: null, exactScore: null };
  const exact = budgetScore(weight, rate);
  return { weight, score: roundHalfUp(exact, profile.scoreDecimals), exactScore: exact };
}

/** The lines of a list of projects (two or more): the lines that are no total, source or use, nor a 其中 row. */
const projectLines = (block: BudgetBlock): BudgetLine[] => block.lines.filter((line) => line.kind === "line" && line.partOf === null);

/** Whether a weighted table leaves every 分值 and 得分 cell blank, and states no 分值 in its header either. */
export function pointsLeftBlank(block: BudgetBlock): boolean {
  return block.weighted && block.statedWeight === null && block.lines.every((line) => !hasWeight(line) && line.score?.value == null);
}

/**
 * A list of projects (its labels headed 项目名称, two lines or more) whose 分值 and 得分 cells are
 * all left blank, its 合计's too: for the split forms of those projects, scored as one whose each
 * line's 分值 is left blank (see scoredAtProfileWeight), not at its 合计 alone.
 */
export function isProjectListLeftBlank(block: BudgetBlock): boolean {
  return block.listsProjects && projectLines(block).length > 1 && pointsLeftBlank(block);
}

/**
 * A table with a 执行率 and no 分值 or 得分 column, its lines scored as if its 分值 were left blank
 * (the profile's budget weight × 执行率): each project of a list of two or more, else the line
 * scoredLines takes (the funds total); and a list of projects whose 分值 and 得分 are all left blank
 * (isProjectListLeftBlank), each project at that weight and its 合计 at none. Null for any other
 * table. Nothing is written where there is no cell to write to.
 */
export function scoredAtProfileWeight(block: BudgetBlock, results: BudgetLineResult[], profile: Profile): BudgetLineResult[] | null {
  const { rate, weight, score } = block.table.columns;
  const noPointsColumns = rate !== undefined && weight === undefined && score === undefined;
  if (!noPointsColumns && !isProjectListLeftBlank(block)) return null;
  const projects = projectLines(block);
  const scored = projects.length > 1 ? new Set(projects) : scoredLines({ ...block, weighted: true });
  const points = new Decimal(profile.budgetWeight);
  const unscored = { scored: false, weight: null, score: null, exactScore: null };
  return results.map((r) => (scored.has(r.line) ? { ...r, scored: true, ...scoredAt(points, r.rate, profile) } : { ...r, ...unscored }));
}

/** A project list's 自评得分 is the project's own total: within 0..100, attainable, and graded right. */
function checkProjectScore(findings: FindingList, line: BudgetLine, score: NumberCell, rate: Decimal | null, profile: Profile): void {
  const value = score.value as Decimal;
  if (value.isNegative()) return; // negative-value
  if (gt(value, HUNDRED)) {
    findings.add("score-exceeds-weight", score, { score: value.toFixed(), weight: "100" });
  } else if (rate !== null) {
    const bound = attainableBound(rate, new Decimal(profile.budgetWeight));
    if (aboveAttainable(value, scoreDigits(score, profile.scoreDecimals), bound)) {
      findings.add("score-above-attainable", score, {
        rate: percentText(rate),
        bound: roundHalfUp(bound, profile.scoreDecimals).toFixed(),
        budgetWeight: String(profile.budgetWeight),
        recorded: value.toFixed(),
      });
    }
  }
  if (line.grade && line.grade.text !== "") {
    const mismatch = gradeMismatch(line.grade.text, value, profile);
    if (mismatch) findings.add("grade-mismatch", line.grade, mismatch);
  }
}

export function evaluateBudgetBlock(findings: FindingList, block: BudgetBlock, profile: Profile): BudgetLineResult[] {
  const scored = scoredLines(block);
  const breakdownOf = breakdowns(block.lines);
  const totals = fundsTotalBreakdowns(breakdownOf);
  const derived = derivedAmounts(block, totals);
  const unread = unreadAmountColumn(block);
  const results = block.lines.map((line) => evaluateLine(findings, block, line, scored.has(line), profile, derived.get(line) ?? {}, unread));
  checkSums(findings, block, breakdownOf, results);
  checkColumnSums(findings, block);
  reportMoneyFactsOnce(findings, totals);
  return results;
}

/**
 * The budget execution a total counts: the lines of one weighted table that carry its score (one as
 * a rule; 基本支出 and 项目支出 with 5 points each in a 部门整体 form), together.
 */
export interface BudgetExecution {
  lines: BudgetLineResult[];
  /** The line that stands for them (see leadingLine): their 合计 where several are scored. */
  lead: BudgetLineResult;
  weight: Decimal;
  /** Their scores added up; null when one cannot be computed. */
  score: Decimal | null;
}

/** The budget execution of a table's lines (evaluateBudgetBlock's results); null for a table that scores none. */
export function budgetExecution(results: BudgetLineResult[]): BudgetExecution | null {
  const lines = results.filter((r) => r.scored);
  if (lines.length === 0) return null;
  const scores = lines.flatMap((r) => (r.score === null ? [] : [r.score]));
  return {
    lines,
    lead: leadingLine(results) ?? lines[0],
    weight: sumOf(lines.map((r) => r.weight ?? ZERO)),
    score: scores.length === lines.length ? sumOf(scores) : null,
  };
}

/**
 * The line that stands for a budget table in one row: the one that carries the budget score; where
 * several do, the 合计 or 年度资金总额 over them; in an unweighted table (a project list, a funds
 * table) its first 合计 or 年度资金总额; else the table's only line. Null for a list without a
 * total: no one project stands for the others.
 */
export function leadingLine(results: BudgetLineResult[]): BudgetLineResult | null {
  const scored = results.filter((r) => r.scored);
  if (scored.length === 1) return scored[0];
  const total = results.find((r) => r.line.kind === "total" || r.line.kind === "funds-total");
  if (scored.length > 1) return total ?? scored[0];
  return total ?? (results.length === 1 ? results[0] : null);
}

/**
 * The most a total can score at its budget lines' execution rates (attainableBound, each line's
 * points lost taken off), and those rates as score-above-attainable names them: the rate alone for
 * one line, each with its label for several. Null when a rate is unknown.
 */
export function attainableAt(budget: BudgetExecution): { bound: Decimal; rates: string } | null {
  const rated = budget.lines.flatMap((r) => (r.rate === null ? [] : [{ label: r.line.label, rate: r.rate, weight: r.weight ?? ZERO }]));
  if (rated.length < budget.lines.length) return null;
  const named = rated.length > 1;
  return {
    bound: HUNDRED.minus(sumOf(rated.map(({ rate, weight }) => budgetPointsLost(rate, weight)))),
    rates: rated.map(({ label, rate }) => (named ? `${label} ` : "") + percentText(rate)).join("、"),
  };
}
