/**
 * One evaluation = an indicator table and the weighted budget table above it on the same sheet.
 * Rules: weights-total, weight-header-mismatch, total-mismatch, grade-mismatch,
 * score-above-attainable (on the recorded 总分).
 */
import Decimal from "decimal.js";
import { eq, gt } from "../compare";
import { CellRef, IndicatorBlock, scoreDigits } from "../model";
import { Profile, gradeFor, sameGrade } from "../profile";
import { HUNDRED, ZERO, agreesAsShown, attainableBound, groupSums, percentText, roundHalfUp, sumOf } from "../score";
import { BudgetLineResult } from "./budget";
import { FindingList } from "./findings";
import { IndicatorResult } from "./indicators";

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
  budget: BudgetLineResult | null;
}

interface LevelSums {
  name: string;
  /** The 一级 label's cell (its first, where the label appears more than once). */
  ref: CellRef | null;
  /** The weight its label states: 产出指标（50分） → 50. */
  stated: Decimal | null;
  /** The sum of the level's indicator weights; null when none has one. */
  weights: Decimal | null;
  /** The sum of the scores that count; null when none does. */
  scores: Decimal | null;
}

/**
 * Per 一级指标, in order, its weights and scores summed; and the sums over all of them, the
 * indicators' weights and scores.
 */
function levelSums(results: IndicatorResult[]): { levels: LevelSums[]; weights: Decimal; scores: Decimal } {
  const byName = new Map<string, { ref: CellRef | null; stated: Decimal | null; weights: Decimal[]; scores: Decimal[] }>();
  for (const { indicator, score } of results) {
    const name = indicator.level1 || "（未分类）";
    let entry = byName.get(name);
    if (!entry) byName.set(name, (entry = { ref: indicator.level1Ref, stated: indicator.level1Stated, weights: [], scores: [] }));
    if (indicator.weight?.value) entry.weights.push(indicator.weight.value);
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
    scores: entry.scores.length > 0 ? scores.sums[i] : null,
  }));
  return { levels, weights: weights.total, scores: scores.total };
}

/**
 * A table whose 一级指标 include budget execution (预算执行率（10分）, 预算执行情况) scores it as rows of
 * its own: their weight is already among the indicator weights.
 */
function scoresBudgetItself(results: IndicatorResult[]): boolean {
  return results.some((r) => /^预算执行/.test(r.indicator.level1));
}

export function evaluateTotals(
  findings: FindingList,
  block: IndicatorBlock,
  results: IndicatorResult[],
  budget: BudgetLineResult | null,
  profile: Profile,
): EvaluationTotal {
  const sums = levelSums(results);
  for (const level of sums.levels) {
    if (level.ref && level.stated && level.weights && !eq(level.weights, level.stated)) {
      findings.add("weight-header-mismatch", level.ref, {
        label: level.name,
        stated: level.stated.toFixed(),
        sum: level.weights.toFixed(),
      });
    }
  }
  const indicatorWeights = sums.weights;
  // With no budget table anywhere, the indicators either leave the profile's budget weight to a
  // table kept elsewhere (they add up to 90) or carry all 100 points themselves.
  const carriesAll = budget === null && eq(indicatorWeights, HUNDRED);
  const budgetWeight = budget?.weight ?? (scoresBudgetItself(results) || carriesAll ? ZERO : new Decimal(profile.budgetWeight));
  const total: EvaluationTotal = {
    sheet: block.sheet,
    block,
    weights: null,
    score: null,
    recordedScore: block.recordedTotal?.value ?? null,
    grade: null,
    recordedGrade: block.recordedGrade?.text || null,
    levels: sums.levels.map((l) => ({ name: l.name, weight: l.weights ?? l.stated, score: l.scores })),
    budget,
  };
  if (sums.levels.every((l) => l.weights === null)) return total;

  total.weights = budgetWeight.plus(indicatorWeights);
  if (!eq(total.weights, HUNDRED)) {
    const header = block.table.columns.weight;
    const ref: CellRef =
      header !== undefined
        ? { sheet: block.sheet, row: block.table.headerTop, col: header }
        : results[0].indicator.nameRef;
    findings.add("weights-total", ref, {
      budget: budgetWeight.toFixed(),
      indicators: indicatorWeights.toFixed(),
      total: total.weights.toFixed(),
    });
  }

  // The computed total: the budget score plus each indicator's score that counts.
  const budgetScore = budget?.score ?? null;
  total.score = roundHalfUp(sums.scores.plus(budgetScore ?? 0), profile.scoreDecimals);
  total.grade = gradeFor(total.score, profile) || null;

  const recorded = block.recordedTotal;
  if (recorded?.value) {
    // What the sheet adds up to once its blank scores are filled in.
    const inEffect = sumOf(results.map((r) => r.inEffect).filter((s): s is Decimal => s !== null)).plus(budget?.line.score?.value ?? budgetScore ?? 0);
    if (!agreesAsShown(recorded.value, scoreDigits(recorded, profile.scoreDecimals), inEffect)) {
      findings.add("total-mismatch", recorded, { recorded: recorded.value.toFixed(), computed: inEffect.toFixed() });
    }
    if (budget?.rate) {
      const bound = attainableBound(budget.rate, budgetWeight);
      if (gt(recorded.value, bound)) {
        findings.add("score-above-attainable", recorded, {
          rate: percentText(budget.rate),
          bound: roundHalfUp(bound, profile.scoreDecimals).toFixed(),
          budgetWeight: budgetWeight.toFixed(),
          recorded: recorded.value.toFixed(),
        });
      }
    }
  }
  const grade = block.recordedGrade;
  const gradedTotal = recorded?.value ?? total.score;
  if (grade && grade.text !== "") {
    const expected = gradeFor(gradedTotal, profile);
    if (expected !== "" && !sameGrade(grade.text, expected)) {
      findings.add("grade-mismatch", grade, { total: gradedTotal.toFixed(), expected, recorded: grade.text });
    }
  }
  return total;
}
