/**
 * Scores each indicator and applies the row rules: score-mismatch, qualitative-score-band,
 * score-exceeds-weight, missing-actual, missing-reason, over-achievement, duplicate-indicator,
 * missing-dimension, plus the value rules of ./values.
 */
import Decimal from "decimal.js";
import { eq, gt, gte, lt, lte } from "../compare";
import { answerAgainst, noteAnswerAgainst } from "../answers";
import { dimensionOf } from "../headers";
import { Measure, measureOf } from "../measures";
import { Indicator, IndicatorBlock, NumberCell, ScoreGroup, TextCell, ValueCell, quotedValue, scoreDigits } from "../model";
import { Profile } from "../profile";
import {
  Direction,
  HUNDRED,
  ONE,
  TWO,
  ZERO,
  agreesAsShown,
  asPercentOf,
  differingTexts,
  directionOf,
  quantitativeScore,
  reachesRatio,
  roundHalfUp,
  sumOf,
} from "../score";
import { durationInMinutes, toBase, unitPer, unitsConvertible } from "../units";
import {
  Achievement,
  ParsedValue,
  achievementAgainst,
  achievementIn,
  givesFigureElsewhere,
  isEmptyMarker,
  meetsDeadline,
  parseValue,
  qualifies,
  rangeEnd,
  statesNoneHappened,
  statesReduction,
  withoutBinaryNoise,
} from "../values";
import { FindingList } from "./findings";
import { checkNumberCell } from "./cells";
import { checkValue } from "./values";

export interface IndicatorResult {
  indicator: Indicator;
  direction: Direction;
  /** Exact computed score of a quantitative indicator (null when it cannot be computed). */
  computed: Decimal | null;
  /** What `computed` was worked out from: the figures the note on a filled-in score gives (scoreWorked). */
  scoredBy?: { direction: Direction; target: Decimal; actual: Decimal; weight: Decimal };
  /** The right score: computed (rounded) for quantitative rows, the recorded one for qualitative rows. */
  score: Decimal | null;
  /** The score the sheet holds once blanks are filled: recorded where present, else computed. */
  inEffect: Decimal | null;
  achievement: Achievement | null;
  /**
   * The share of its weight a quantitative row earned (0..1), worked out for a row without a
   * weight of its own: a member of a group sharing a merged 分值.
   */
  attainment: Decimal | null;
  /**
   * The score is an estimate, the middle of the range the group's rows allow (their shared 分值
   * split is not written down), put for a recorded score outside that range.
   */
  estimated?: true;
  /**
   * The score that would count is the recorded one, above its weight (score-exceeds-weight: a
   * qualitative 12 of 10), or outside the band its result allows (qualitative-score-band): the
   * right score is unknown (`score` null), and so is the total.
   */
  unsettled?: "overWeight" | "band";
}

/** An actual saying the work was not done at all: 未开展满意度调查, 未实施, 尚未启动. */
const NOT_DONE = /^(本年度|全年|年内)?(未|没有|尚未)(开展|实施|启动|组织|进行)/;

/**
 * A reason cell that gives none: blank, or one of the empty markers of domain.md §2 (/, —, -, 无).
 * 无 there says "no deviation" on a row that deviates, which explains nothing; wording that is
 * text (无偏差, 暂无) is left to the reader.
 */
function givesNoReason(reason: TextCell | null): reason is TextCell {
  return reason !== null && isEmptyMarker(reason.text);
}

const ACHIEVEMENT_LABEL: Record<Achievement, string> = { achieved: "达成", partial: "部分达成", notAchieved: "未达成" };
/** The names the English settings tab gives the bands. */
const ACHIEVEMENT_LABEL_EN: Record<Achievement, string> = { achieved: "achieved", partial: "partly achieved", notAchieved: "not achieved" };

const isPercent = (p: ParsedValue): boolean => p.unit?.family === "percent" && p.unit.factor !== null;

/** A value stated per period (≥1次/月) as so many a year (12次). */
function perYear(p: ParsedValue): ParsedValue {
  return p.period && p.value ? { ...p, value: p.value.times(p.period.perYear), period: null } : p;
}

/**
 * Values stated per period on one basis, a year's: 2次/季度 against 1次/月 is 8 against 12. A
 * count without a period (12次) is the year's count, what a yearly self-evaluation records, so
 * ≥1次/月 against 12次 is met; another unit without one (8小时 against ≥8小时/天) is compared as
 * written. A day's figure against a count without a period is the day's or the year's, whichever
 * the count is nearer (see nearerADay).
 */
function onYearBasis(target: ParsedValue, actual: ParsedValue): [ParsedValue, ParsedValue] {
  if (!target.period && !actual.period) return [target, actual];
  const yearly = (target.period && actual.period) || target.unit?.family === "count" || actual.unit?.family === "count";
  if (!yearly || nearerADay(target, actual)) return [target, actual];
  return [asYearOf(target, actual), asYearOf(actual, target)];
}

const DAYS_A_YEAR = 365;
const WORKING_DAYS = 250;

/**
 * A value per period as a year's (perYear). A day's figure (每日处理≥20件, 每日1次) is a year's of
 * 250 working days to 365 days, which the form does not say: against another side's year that falls
 * between, it is that year's (5000件 meets 每日≥20件, 360次 meets 每日1次); outside, the nearer end.
 */
function asYearOf(p: ParsedValue, other: ParsedValue): ParsedValue {
  const yearly = perYear(p);
  if (p.period?.perYear !== DAYS_A_YEAR || !p.value || other.period?.perYear === DAYS_A_YEAR) return yearly;
  const otherYear = perYear(other).value;
  if (!otherYear) return yearly;
  const fewest = p.value.times(WORKING_DAYS);
  return { ...yearly, value: Decimal.max(fewest, Decimal.min(yearly.value!, otherYear)) };
}

/**
 * Whether one side is a day's figure (每日≥500人次, ≥500人次/天) and the other, with no period, is
 * nearer a day's than a year's: 520人次 is the day's, 19万人次 the year's. A daily figure is answered
 * with either as often; the year's is nearer when other² > daily² × 365, the ratios' geometric middle.
 */
function nearerADay(target: ParsedValue, actual: ParsedValue): boolean {
  const [daily, other] = target.period ? [target, actual] : [actual, target];
  if (daily.period?.perYear !== DAYS_A_YEAR || other.period || !daily.value || !other.value) return false;
  return lte(other.value.times(other.value), daily.value.times(daily.value).times(DAYS_A_YEAR));
}

type Pair = { target: Decimal; actual: Decimal };

/**
 * Durations on time scales that do not convert: days against months (≤180天 against 5个月: a month
 * is 28 to 31 days) or against working days (12天 against ≤15个工作日: N working days are N days or
 * more), in minutes, at the length least in the actual's favour. A pair only when the actual meets
 * its target even so, which scores the same at any length; null when the length decides it, or
 * either value is not such a duration.
 */
function acrossTimeScales(target: ParsedValue, actual: ParsedValue, direction: Direction): Pair | null {
  const spans = durationSpans(target, actual);
  if (!spans || direction === "equal") return null;
  const { targetSpan, actualSpan } = spans;
  if (direction === "positive") {
    const { longest } = targetSpan;
    return longest && gte(actualSpan.shortest, longest) ? { target: longest, actual: actualSpan.shortest } : null;
  }
  const { longest } = actualSpan;
  return longest && lte(longest, targetSpan.shortest) ? { target: targetSpan.shortest, actual: longest } : null;
}

type Span = NonNullable<ReturnType<typeof durationInMinutes>>;

/** Target and actual as durations in minutes, their shortest and longest; null unless both are durations. */
function durationSpans(target: ParsedValue, actual: ParsedValue): { targetSpan: Span; actualSpan: Span } | null {
  const targetSpan = target.unit && target.value && durationInMinutes(target.value, target.unit);
  const actualSpan = actual.unit && actual.value && durationInMinutes(actual.value, actual.unit);
  return targetSpan && actualSpan ? { targetSpan, actualSpan } : null;
}

/** Durations on two time scales where the actual misses its target even at the length most in its favour (200天 against ≤6个月). */
function missesAtAnyLength(target: ParsedValue, actual: ParsedValue, direction: Direction): boolean {
  const spans = durationSpans(target, actual);
  if (!spans || direction === "equal") return false;
  const { targetSpan, actualSpan } = spans;
  if (direction === "positive") return actualSpan.longest !== null && lt(actualSpan.longest, targetSpan.shortest);
  return targetSpan.longest !== null && gt(actualSpan.shortest, targetSpan.longest);
}

const TEN = new Decimal(10);

/**
 * On a row whose name states a figure per unit (人均培训成本 ≤800元/人), an amount without the
 * "/人" (760元) is that figure per unit, as the name says: read in the other side's rate. So is an
 * income's (带动农民增收 ≥1000元/人 against 1200元) against a rate per head or household. Only an
 * amount of the rate's size (within ten times either way): 380万元 against ≤2万元/公里 is a total.
 */
function perUnitAsNamed(measure: Measure, target: ParsedValue, actual: ParsedValue): [ParsedValue, ParsedValue] {
  const asRate = (bare: ParsedValue, rate: ParsedValue): ParsedValue => {
    const per = rate.unit?.per;
    // An income's amount said to be a total (带动增收共计15000元) stays one.
    const perHead = measure.income && /^[人户名]$/.test(per?.denominator.symbol ?? "") && !/共计|合计|总计|累计/.test(bare.text);
    if (!per || !(measure.perUnit || perHead) || !bare.unit || bare.unit.per || !bare.value || !rate.value || !unitsConvertible(bare.unit, per.numerator)) return bare;
    const size = toBase(bare.value, bare.unit).abs();
    const rateSize = toBase(rate.value, per.numerator).abs();
    if (gt(size, rateSize.times(TEN)) || gt(rateSize, size.times(TEN))) return bare;
    return { ...bare, unit: unitPer(bare.unit, per.denominator) };
  };
  return [asRate(target, actual), asRate(actual, target)];
}

const isDuration = (p: ParsedValue): boolean => p.unit !== null && p.value !== null && durationInMinutes(p.value, p.unit) !== null;

/** Why an actual's unit-mismatch is one: units that do not convert, or durations whose length decides. */
function unitMismatchText(targetCell: ValueCell, actualCell: ValueCell, direction: Direction): [zh: string, en: string] {
  const [target, actual] = [targetCell.parsed, actualCell.parsed];
  const [a, t] = [quotedValue(actualCell), quotedValue(targetCell)];
  if (!isDuration(actual) || !isDuration(target)) {
    return [`实际完成值“${a}”与指标值“${t}”的单位无法换算，请统一单位。`, `The actual "${a}" and the target "${t}" have units that do not convert.`];
  }
  const workingDays = actual.unit?.symbol === "工作日" || target.unit?.symbol === "工作日";
  const missed = missesAtAnyLength(target, actual, direction);
  const [why, whyEn] = workingDays
    ? missed
      ? ["工作日之间无论有多少节假日都未达到指标，少得的分取决于其间的节假日", "it is missed whatever the holidays between working days, and the points lost depend on them"]
      : ["工作日之间还有节假日，是否达到指标取决于其间的节假日", "whether it is met depends on the holidays between working days"]
    : missed
      ? ["一个月按 28 至 31 天计都未达到指标，少得的分取决于月份的天数", "it is missed at any month's length (28 to 31 days), and the points lost depend on it"]
      : ["一个月按 28 至 31 天计，是否达到指标取决于月份的天数", "whether it is met depends on the month's length (28 to 31 days)"];
  return [`实际完成值“${a}”与指标值“${t}”：${why}，请统一单位。`, `The actual "${a}" against the target "${t}": ${whyEn}; write both in one unit.`];
}

/**
 * Target and actual as comparable numbers in one unit, or null when their units do not convert
 * (durations on two time scales only when their length cannot change the score).
 */
function comparable(statedTarget: ParsedValue, statedActual: ParsedValue, direction: Direction): Pair | null {
  const [target, actual] = onYearBasis(statedTarget, statedActual);
  if (target.value === null || actual.value === null) return null;
  if (target.unit && actual.unit && target.unit.symbol !== actual.unit.symbol) {
    if (!unitsConvertible(target.unit, actual.unit)) return acrossTimeScales(target, actual, direction);
    return { target: toBase(target.value, target.unit), actual: toBase(actual.value, actual.unit) };
  }
  // 3万 against a plain 3.2 (in the same unit, or a 计量单位 column's): whether 3.2 means 3.2万 is not
  // written down, so it is no comparison.
  if (target.unit?.symbol === actual.unit?.symbol && target.scaled !== actual.scaled) {
    const [scaled, plain] = target.scaled ? [target.value, actual.value] : [actual.value, target.value];
    if (lt(plain.abs().times(1000), scaled.abs())) return null;
  }
  // ≥3万 against 3.2万元: the bare 万 was multiplied out, so money (whose units carry 万 and 亿
  // themselves) is compared in 元 too. Other units (3万 against 3.2万人次) already are.
  if (target.scaled && !target.unit && actual.unit?.family === "money") {
    return { target: target.value, actual: toBase(actual.value, actual.unit) };
  }
  if (actual.scaled && !actual.unit && target.unit?.family === "money") {
    return { target: toBase(target.value, target.unit), actual: actual.value };
  }
  if (isPercent(target) && !actual.unit) {
    // A bare actual that meets its ceiling as written is taken so where its fraction's reading is
    // more than twice the ceiling (0.3 against ≤5% is 0.3%, not 30%): no unit means so far over.
    // Nearer (0.06 against ≤5%: 6%) it may be a cell that lost its % format, and is read as one.
    const asFraction = asPercentOf(actual.value, target.value);
    const meetsAsWritten = direction === "negative" && lte(actual.value, target.value) && gt(asFraction, target.value.times(TWO));
    return { target: target.value, actual: meetsAsWritten ? actual.value : asFraction };
  }
  if (isPercent(actual) && !target.unit) return { target: asPercentOf(target.value, actual.value), actual: actual.value };
  return { target: target.value, actual: actual.value };
}

const withoutSpace = (text: string): string => text.replace(/[\s\u3000]+/g, "");

/**
 * An actual written as its target is (1-6年级 / 1-6年级, 基本完成 / 基本完成), or in words around a
 * range target (已覆盖1-6年级全部学生) that add no number of their own and state no miss.
 */
function restatesTarget(target: ParsedValue, actual: ParsedValue, name: string): boolean {
  // White space aside: a note in brackets after it (（除寄宿制学校外）) is words of its own.
  if (withoutSpace(actual.text) === withoutSpace(target.text)) return true;
  if (!target.range || actual.kind !== "qualitative") return false;
  const at = actual.text.indexOf(target.text);
  if (at < 0) return false;
  // 计划1-6年级，实际覆盖1-3年级 says another range, 部分学生未覆盖 a shortfall: not the target restated.
  const words = actual.text.slice(0, at) + actual.text.slice(at + target.text.length);
  return !/[0-9０-９]/.test(words) && !qualifies(words) && achievementIn(target, actual, name) === null;
}

/**
 * A cut scored by its size, both sides on one sign. A ceiling below zero (三公经费变动率 ≤-5%) asks
 * for a cut of at least 5%: −3% or 下降3% earns 3 of 5, a rise (2%) nothing. A cut stated by its size
 * (较上年下降5%, scored positive already) answered as a change (−6.2%) is a cut of 6.2%. Null for
 * any other row.
 */
function asCut(
  target: ParsedValue,
  actual: ParsedValue,
  direction: Direction,
  pair: { target: Decimal; actual: Decimal },
): { direction: Direction; target: Decimal; actual: Decimal } | null {
  if (direction === "negative" && pair.target.isNegative()) {
    return { direction: "positive", target: pair.target.neg(), actual: statesReduction(actual) ? pair.actual : pair.actual.neg() };
  }
  if (statesReduction(target) && pair.actual.isNegative()) return { direction, target: pair.target, actual: pair.actual.neg() };
  return null;
}

/**
 * The qualitative result: a date against its deadline (met or missed), the actual restating its
 * target (= met), its answer against the target's (是 → 否, 无 → 有, 是 → 否，因资金未到位: answers.ts), the actual read
 * against its target (良 → 差), or as the actual states it.
 */
function achievementOf(target: ParsedValue, actual: ParsedValue, name: string, formYear: number | null): Achievement | null {
  if (target.date && actual.date) {
    const met = meetsDeadline(actual.date, target.date, formYear);
    if (met !== null) return met ? "achieved" : "notAchieved";
  }
  const inWords = (): Achievement | null => achievementAgainst(target, actual) ?? achievementIn(target, actual, name);
  // An answer before a note (否，是资金未到位所致) is the answer, though the note may hold the target's 是.
  const noted = noteAnswerAgainst(target, actual, inWords);
  if (noted !== null) return noted;
  // A restated target (基本完成 / 基本完成) was met, whatever the words would say on their own.
  if (actual.kind !== "number" && restatesTarget(target, actual, name)) return "achieved";
  return answerAgainst(target, actual) ?? inWords();
}

/** The profile's numbers the row rules use, as Decimals. */
interface ProfileDecimals {
  overAchievement: Decimal;
  qualitative: Record<Achievement, [Decimal, Decimal]>;
  /** Per weight, the points each band allows it (see bandPoints). */
  bandPoints: WeakMap<Decimal, Partial<Record<Achievement, [Decimal, Decimal]>>>;
}

const decimalsByProfile = new WeakMap<Profile, ProfileDecimals>();

/** Made once per profile: a number given to decimal.js is parsed again on every use. */
function decimalsOf(profile: Profile): ProfileDecimals {
  let decimals = decimalsByProfile.get(profile);
  if (!decimals) {
    const band = ([low, high]: [number, number]): [Decimal, Decimal] => [new Decimal(low), new Decimal(high)];
    const { achieved, partial, notAchieved } = profile.qualitative;
    decimals = {
      overAchievement: new Decimal(profile.overAchievement),
      qualitative: { achieved: band(achieved), partial: band(partial), notAchieved: band(notAchieved) },
      bandPoints: new WeakMap(),
    };
    decimalsByProfile.set(profile, decimals);
  }
  return decimals;
}

/**
 * The lowest and highest score a qualitative result allows a weight: weight × the band's bounds,
 * worked out once per weight (a table's weights are a few shared Decimals, see parseNumber).
 */
function bandPoints(profile: Profile, weight: Decimal, achievement: Achievement): [Decimal, Decimal] {
  const decimals = decimalsOf(profile);
  let bands = decimals.bandPoints.get(weight);
  if (!bands) decimals.bandPoints.set(weight, (bands = {}));
  let points = bands[achievement];
  if (!points) {
    const [low, high] = decimals.qualitative[achievement];
    points = bands[achievement] = [weight.times(low), weight.times(high)];
  }
  return points;
}

function fmt(value: Decimal, places: number): string {
  return roundHalfUp(value, places).toFixed();
}

/**
 * A date (7月: July) set against a duration (12个月): a deadline and a length of time do not
 * compare, and a month is never read as a number of months.
 */
function isDateAgainstDuration(date: ParsedValue, duration: ParsedValue): boolean {
  return date.date !== null && duration.kind === "number" && duration.unit?.family === "time";
}

function addDateAgainstDuration(findings: FindingList, actual: ValueCell, target: ValueCell): void {
  const [date, duration] = actual.parsed.date ? [quotedValue(actual), quotedValue(target)] : [quotedValue(target), quotedValue(actual)];
  findings.add("unit-mismatch", actual, {
    detail: `“${date}”是日期（完成时点），“${duration}”是时长，二者不能比较：指标值和实际完成值请都写完成时限（如“12月底前”），或都写所用时长（如“≤90天”）。`,
    detailEn: `"${date}" is a date (a deadline) and "${duration}" a duration: they do not compare; write both as dates or both as durations.`,
  });
}

/** How a group's points are worked out, as a score-mismatch message names it (zh and en). */
function groupFormula(ownWeights: boolean, exact: boolean, qualitative: boolean): { formula: string; formulaEn: string } {
  if (qualitative) {
    if (ownWeights) {
      return {
        formula: "各指标得分之和（定量指标按分值×完成比例，定性指标取其完成情况对应的得分区间）",
        formulaEn: "the sum of the members' scores (each quantitative one weight × its attainment, a qualitative one anywhere in the band its result allows)",
      };
    }
    return {
      formula: "合并分值×各指标完成比例（分配未写明，取最低到最高；定性指标取其完成情况对应的得分区间）",
      formulaEn: "the shared weight × the members' attainment (the split is not written down: lowest to highest; a qualitative member anywhere in the band its result allows)",
    };
  }
  if (ownWeights) return { formula: "各指标得分之和（各按分值×完成比例）", formulaEn: "the sum of the members' scores (each weight × its attainment)" };
  if (exact) return { formula: "合并分值×各指标完成比例", formulaEn: "the shared weight × the members' attainment" };
  return {
    formula: "合并分值×各指标完成比例（分配未写明，取最低到最高）",
    formulaEn: "the shared weight × the members' attainment (the split is not written down: lowest to highest)",
  };
}

/** The rule a quantitative score follows, as a score-mismatch message names it (zh and en). */
function scoreFormula(
  direction: Direction,
  pair: { target: Decimal; actual: Decimal },
  met: boolean,
  profile: Profile,
  ranged: boolean,
): { formula: string; formulaEn: string } {
  // A range (10-20个) is scored by one of its bounds: the formula names which.
  const [target, targetEn] = !ranged ? ["指标值", "target"] : direction === "negative" ? ["指标值上限", "upper bound"] : ["指标值下限", "lower bound"];
  // quantitativeScore: across zero (a target of 0, a negative actual) the comparison alone decides.
  const acrossZero = !pair.target.isPositive() || pair.target.isZero() || pair.actual.isNegative();
  if (direction === "negative") {
    if (met) return { formula: `反向指标规则（实际值未超过${target}得满分）`, formulaEn: `the negative-indicator rule (within the ${targetEn}: full weight)` };
    if (acrossZero) return { formula: `超过${target}不得分`, formulaEn: `the rule that a ${targetEn} exceeded scores 0` };
    if (profile.negativeFormula === "linear") {
      return {
        formula: `反向指标公式（分值×(2×${target}−实际值)÷${target}）`,
        formulaEn: `the negative-indicator formula (weight × (2 × ${targetEn} − actual) ÷ ${targetEn})`,
      };
    }
    return { formula: `反向指标公式（分值×${target}÷实际值）`, formulaEn: `the negative-indicator formula (weight × ${targetEn} ÷ actual)` };
  }
  if (met) return { formula: `正向指标规则（实际值达到${target}得满分）`, formulaEn: `the positive-indicator rule (${targetEn} reached: full weight)` };
  if (acrossZero) return { formula: `未达到${target}不得分`, formulaEn: `the rule that a ${targetEn} missed scores 0` };
  return { formula: `正向指标公式（分值×实际值÷${target}）`, formulaEn: `the positive-indicator formula (weight × actual ÷ ${targetEn})` };
}

/**
 * Below its weight as the score's decimals show it: a full 13.33 of a weight typed as =40/3 is not
 * below it (as in dropAboveWeight, the weight is taken exactly and as rounded).
 */
function belowWeight(score: Decimal, weight: Decimal, places: number): boolean {
  // Below the lesser of the two is below both (compared so, no Decimal is made for the lesser).
  return lt(score, weight) && lt(score, roundHalfUp(weight, places));
}

/**
 * Scores that would count above the weight they share (a recorded 12 of 10 that no computed score
 * replaces) are no right score: never added into a total above full marks. The weight is taken at
 * the score's decimals: a computed 16.67 is the whole of a weight typed as =50/3.
 */
function dropAboveWeight(results: IndicatorResult[], weight: Decimal | null, places: number): void {
  const counting = results.filter((r) => r.score !== null);
  // Above the weight exactly and as rounded: a full 33.33 of =100/3 is not above it (code review of round 49).
  if (weight === null || counting.length === 0) return;
  const sum = sumOf(counting.map((r) => r.score!));
  if (!gt(sum, weight) || !gt(sum, roundHalfUp(weight, places))) return;
  for (const r of counting) {
    r.score = null;
    r.unsettled = "overWeight";
  }
}

/** A score above its weight (a negative one is a negative-value of its own). */
function checkScoreRange(findings: FindingList, score: NumberCell | null, weight: Decimal | null): void {
  if (!score || score.value === null) return;
  if (weight !== null && gt(score.value, weight)) {
    findings.add("score-exceeds-weight", score, { score: score.value.toFixed(), weight: weight?.toFixed() ?? "?" });
  }
}

const SUSTAINED = /持续|长期/;

/**
 * A sustainability horizon (持续运行3年以上, ≥5年 on a 可持续影响 row) answered in words (持续运行):
 * years ahead that no year-end self-evaluation can measure, so the actual is read as a qualitative
 * one, scored in its band when it states a result, rather than as a number that failed to parse.
 */
function isHorizonAnsweredInWords(indicator: Indicator, target: ParsedValue, actual: ParsedValue): boolean {
  const years = target.unit?.family === "time" && target.unit.base === "个月";
  const horizon = (target.op === ">=" || target.op === ">") && years;
  // The words last: asked of every row, they are read only on one measuring years.
  return horizon && actual.kind === "qualitative" && actual.date === null && [indicator.level2, indicator.name, target.text].some((text) => SUSTAINED.test(text));
}

/**
 * A row's 评分标准 scoring a target missed otherwise than in proportion: by steps (每少10人次扣0.5分,
 * 每低1个百分点扣1分), by fixed points (完成90%得8分) or all or nothing (未完成不得分). One in proportion
 * (未完成按比例扣分, 完成得20分，未完成按完成比例计分) is the profile's own formula.
 */
const STEP_RULE = /每[^，,。；;]{0,15}扣/;
const OWN_SCORING_RULE = /得\s*[0-9０-９.]+\s*分|不得分|计0分|得0分/;
/** Scoring in proportion (按比例扣分, 按完成比例计分, 比例得分); not 比例 in a name (覆盖比例每降低1个百分点扣2分). */
const IN_PROPORTION = /按[^，,。；;]{0,6}比例|比例(计分|得分|扣分)/;

/** Whether a row's score for a target missed is given by its own 评分标准: steps win over a mention of proportion. */
const scoredByOwnRule = (standard: string): boolean => STEP_RULE.test(standard) || (OWN_SCORING_RULE.test(standard) && !IN_PROPORTION.test(standard));

/** The weight and score cells a row is scored with: its own, or none where a group shares them. */
interface ScoringCells {
  weight: NumberCell | null;
  score: NumberCell | null;
}

/**
 * An actual written as a range (95%-98% against ≥90%, 3-4天 against ≤5天) read at its worse end
 * where that end meets the target: the target was met whichever figure the range stands for. Any
 * other actual as it is, a range missing the target at its worse end too: it gives no one figure
 * to score by, and stays `not-numeric`. So does a range against a target range, which may name
 * what is covered (1-5年级 against 1-6年级) rather than a quantity.
 */
function actualMeetingTarget(target: ParsedValue, actual: ValueCell, direction: Direction, profile: Profile): ValueCell {
  // A target of one figure exactly (=12个) is missed by a range beyond it (12-15个): no end meets it alone.
  if (actual.parsed.kind !== "invalid" || actual.parsed.range === null || target.range !== null || target.op === "=") return actual;
  const parsed = rangeEnd(actual.parsed, direction === "negative");
  const pair = comparable(target, parsed, direction);
  return pair && quantitativeScore(direction, pair.target, pair.actual, ONE, profile).eq(ONE) ? { ...actual, parsed } : actual;
}

/** What scoring a row's actual against its target needs, shared by its quantitative and qualitative ways. */
interface RowScoring {
  findings: FindingList;
  indicator: Indicator;
  profile: Profile;
  measure: Measure;
  /** The row's name as messages give it: its own, else its 二级指标's. */
  name: string;
  target: ValueCell;
  actual: ValueCell;
  score: NumberCell | null;
  /** The row's own weight; null where a group shares it. */
  weight: Decimal | null;
  /**
   * Where the form scores nothing (model's formScoresNothing), the weight the row would carry were
   * the form's 100 points shared equally among its rows: a target missed owes its reason as a score
   * below its weight does, the would-be score rounded as a scored row's is. Null on a scored form.
   */
  unscored: Decimal | null;
  /** Filled in as the row is scored. */
  result: IndicatorResult;
}

function evaluateIndicator(
  findings: FindingList,
  indicator: Indicator,
  block: IndicatorBlock,
  profile: Profile,
  { weight, score }: ScoringCells = indicator,
  valuesArePoints = false,
  unscored = false,
): IndicatorResult {
  const measure = measureOf(indicator.name, indicator.level1, indicator.level2, indicator.description);
  const { target, actual } = indicator;
  const name = indicator.name || indicator.level2;
  // A cut stated by its size (压减10%) is a floor on the cut, a cost's included.
  const direction = target && statesReduction(target.parsed) ? "positive" : directionOf(target?.parsed.op ?? null, measure.cost, target?.parsed.value ?? null);
  const recorded = score?.value ?? null;
  const result: IndicatorResult = {
    indicator,
    direction,
    computed: null,
    score: recorded,
    inEffect: recorded,
    achievement: null,
    attainment: null,
  };

  checkNumberCell(findings, indicator.weight, "weight");
  checkNumberCell(findings, indicator.score, "score");
  if (valuesArePoints) {
    checkScoreRange(findings, score, weight?.value ?? null);
    return result;
  }
  // A target no number reads (1-6年级, the years 2023-2025年) that the actual restates was met as
  // written: a label or a period, not a quantity to correct.
  const restatedText =
    target !== null && actual !== null && (actual.parsed.kind === "invalid" || actual.parsed.kind === "qualitative") && restatesTarget(target.parsed, actual.parsed, name);
  if (target && !(restatedText && target.parsed.kind === "invalid")) checkValue(findings, indicator, measure, target, true);
  // A 绩效评价指标表 has no value columns: its recorded score is checked against its weight alone.
  if (!target && !actual) checkScoreRange(findings, score, weight?.value ?? null);
  if (!target || target.parsed.kind === "empty" || !block.selfEvaluation || !actual) return result;

  if (actual.parsed.kind === "empty") {
    findings.add("missing-actual", actual, { name, target: quotedValue(target) });
    return result;
  }
  // 见附件3 or 待统计 gives no figure on the form: no actual, as a blank one (the total is unknown).
  if (givesFigureElsewhere(actual.parsed.text)) {
    findings.add("missing-actual", actual, { name, target: quotedValue(target), actual: quotedValue(actual) });
    return result;
  }
  const weightValue = weight?.value ?? null;
  // A negative weight (negative-value) yields no score: nothing computed from it means anything.
  if (weightValue?.isNegative()) {
    result.score = null;
    return result;
  }
  checkScoreRange(findings, score, weightValue);

  const shareOfForm = unscored ? HUNDRED.div(block.indicators.length) : null;
  const row: RowScoring = { findings, indicator, profile, measure, name, target, actual, score, weight: weightValue, unscored: shareOfForm, result };
  if (target.parsed.kind === "number" && !restatedText && !isHorizonAnsweredInWords(indicator, target.parsed, actual.parsed)) {
    scoreQuantitative(row);
  } else if (isDateAgainstDuration(target.parsed, actual.parsed)) {
    addDateAgainstDuration(findings, actual, target);
  } else {
    scoreQualitative(row, block.year);
  }
  return result;
}

/**
 * A target bounded the wrong way for what its row measures: a cost given a floor (cost-not-ceiling)
 * or a count to reach given a ceiling (count-ceiling, ≤6座). It is read either way, as written or as
 * the bound meant, so a recorded score is the unit's reading and stands: no score-mismatch asking
 * for the full marks the wrong bound allows (review rounds 33 and 56a, F1). A blank one is filled
 * in as the target is written.
 */
function boundTheWrongWay(findings: FindingList, target: ValueCell): boolean {
  const floor = target.parsed.op === ">=" || target.parsed.op === ">";
  return (floor && findings.at("cost-not-ceiling", target) !== undefined) || findings.at("count-ceiling", target) !== undefined;
}

/** A row whose target is a number: its score computed from the actual, and the findings on it. */
function scoreQuantitative({ findings, indicator, profile, measure, name, target, actual, score, weight, unscored, result }: RowScoring): void {
  const { direction } = result;
  const recorded = score?.value ?? null;
  const { reason } = indicator;
  if (isDateAgainstDuration(actual.parsed, target.parsed)) {
    addDateAgainstDuration(findings, actual, target);
    return;
  }
  if (actual.parsed.kind === "qualitative") {
    // A share of what never came (投诉办结率 ≥95% against 未收到投诉): no figure to give, nothing to correct.
    const noneToCount = isPercent(target.parsed) && statesNoneHappened(actual.parsed, name);
    // Work not done (未开展满意度调查), scored 0: there is no figure to give (review round 33).
    const notDoneScoredNothing = NOT_DONE.test(actual.parsed.text) && recorded !== null && recorded.isZero();
    if (!noneToCount && !notDoneScoredNothing) {
      findings.add("not-numeric", actual, { what: "实际完成值", value: quotedValue(actual), why: "指标值是数值", whyEn: "the target is a number" });
    }
    return;
  }
  const measured = actualMeetingTarget(target.parsed, actual, direction, profile);
  checkValue(findings, indicator, measure, measured, false);
  if (measured.parsed.kind === "number" && measured.parsed.contradictory) return;
  // A target stating both bounds (contradictory-comparator) gives no direction to score by: the
  // recorded score stands, as beside a value that reads as no number (review round 33).
  if (target.parsed.contradictory) return;
  // A value in a unit that cannot be what the row measures (a 及时率 in 小时: unit-mismatch) gives no
  // score to check the recorded one by, which stands: one fact, one finding (review round 53b M4).
  if (findings.at("unit-mismatch", target) || findings.at("unit-mismatch", actual)) return;
  if (recorded !== null && boundTheWrongWay(findings, target)) return;
  const [targetRead, actualRead] = perUnitAsNamed(measure, target.parsed, measured.parsed);
  const pair = comparable(targetRead, actualRead, direction);
  if (!pair) {
    // A count written in % (count-as-percent on the target, ≥100% against 126场) cannot meet its
    // actual in the count's unit: that clash is the target's one mistake, told there (review round 56a, F2).
    const targetInPercent = findings.at("count-as-percent", target) !== undefined;
    if (measured.parsed.kind === "number" && !findings.hasCell(actual) && !targetInPercent) {
      const [zh, en] = unitMismatchText(target, measured, direction);
      findings.add("unit-mismatch", actual, { detail: zh, detailEn: en });
    }
    return;
  }
  // Within a range target (10-20个) nothing is over-achieved: the ratio is to its upper bound.
  const range = target.parsed.range;
  const planned = (range && comparable({ ...targetRead, value: range.high }, actualRead, direction)?.target) ?? pair.target;
  const overAchieved = direction === "positive" && reachesRatio(planned, pair.actual, decimalsOf(profile).overAchievement);
  const scored = asCut(target.parsed, measured.parsed, direction, pair) ?? { direction, ...pair };
  if (weight === null) {
    result.attainment = quantitativeScore(scored.direction, scored.target, scored.actual, ONE, profile);
  } else {
    result.computed = quantitativeScore(scored.direction, scored.target, scored.actual, weight, profile);
    result.scoredBy = { direction: scored.direction, target: scored.target, actual: scored.actual, weight };
    const rounded = roundHalfUp(result.computed, profile.scoreDecimals);
    // Over-achieved against a target set too low, the reviewer may reduce the score (domain.md §3):
    // a lower recorded score is then the reviewer's call, not a wrong number. A score for a target
    // missed given by the row's own 评分标准 stands likewise (review round 33, M7); a blank one is
    // filled in by the formula, and a target met has its full marks as always.
    const byOwnRule = recorded !== null && lt(rounded, weight) && scoredByOwnRule(indicator.standard);
    const reduced = (overAchieved && recorded !== null && !recorded.isNegative() && lt(recorded, rounded)) || byOwnRule;
    result.score = reduced ? recorded : rounded;
    result.inEffect = recorded ?? rounded;
    const digits = score ? scoreDigits(score, profile.scoreDecimals) : 0;
    if (score && recorded && !reduced && !agreesAsShown(recorded, digits, result.computed)) {
      findings.add("score-mismatch", score, {
        name,
        ...differingTexts(recorded, digits, result.computed, profile.scoreDecimals),
        ...scoreFormula(scored.direction, scored, eq(result.computed, weight), profile, range !== null),
        ...heldBehindShown(target, actual),
      });
    }
  }
  // Over-achieved with full marks (a reduced score already answers for the too-low target). An
  // actual no rate can reach (105% on a 完工率: percent-over-100) is an error to correct, not an
  // achievement to explain: no over-achievement, and no reason owed for one (review round 58b, L2).
  const impossible = findings.at("percent-over-100", measured) !== undefined;
  const over = overAchieved && !impossible && (weight === null || (result.inEffect !== null && gte(result.inEffect, weight)));
  if (over) {
    findings.add("over-achievement", actual, {
      name,
      actual: quotedValue(actual),
      target: quotedValue(target),
      ratio: `${fmt(pair.actual.div(planned).times(100), 0)}%`,
      explained: reason !== null && !givesNoReason(reason) ? "1" : "",
    });
  }
  // Without scores, a target missed as written (not one bounded the wrong way, read either way: one fact, one finding).
  const missed = unscored && !boundTheWrongWay(findings, target) ? targetMissedReason(result, unscored, profile.scoreDecimals, target, actual) : null;
  const owed = over ? { why: "超额完成", whyEn: "was over-achieved" } : unscored ? missed : belowWeightReason(result.score, weight, profile.scoreDecimals);
  addMissingReason(findings, reason, name, owed);
}

/**
 * A target or actual whose number format shows fewer digits than the cell holds (0.949 shown as
 * 95%): the score is worked out from what it holds, so the message says both, or the unit, reading
 * 95% against ≥95%, would take 9.99 for a slip (review round 58d).
 */
function heldBehindShown(target: ValueCell, actual: ValueCell): { held: string; heldEn: string } | Record<string, never> {
  const cells = [
    { cell: target, zh: "年度指标值", en: "target" },
    { cell: actual, zh: "实际完成值", en: "actual" },
  ].filter(({ cell }) => {
    const { text, value } = cell.parsed;
    if (typeof cell.raw !== "number" || value === null) return false;
    const shown = parseValue(text).value;
    return shown !== null && !eq(shown, withoutBinaryNoise(value));
  });
  if (cells.length === 0) return {};
  const held = (cell: ValueCell) => `${withoutBinaryNoise(cell.parsed.value!).toFixed()}${cell.parsed.unit?.symbol ?? ""}`;
  return {
    held: `（${cells.map(({ cell, zh }) => `${zh}显示 ${cell.parsed.text}，单元格中是 ${held(cell)}`).join("；")}）`,
    heldEn: ` (the ${cells.map(({ cell, en }) => `${en} shows ${cell.parsed.text} but holds ${held(cell)}`).join("; the ")})`,
  };
}

/** A row answered in words: the recorded score must sit inside the band of the result; none is invented. */
function scoreQualitative({ findings, indicator, profile, name, target, actual, score, weight, unscored, result }: RowScoring, formYear: number | null): void {
  result.achievement = achievementOf(target.parsed, actual.parsed, name, formYear);
  if (result.achievement && score?.value && weight !== null) {
    const [lowScore, highScore] = bandPoints(profile, weight, result.achievement);
    // Above the weight, score-exceeds-weight already tells it: one fact, one finding (review round 52b).
    if (lt(score.value, lowScore) || (gt(score.value, highScore) && !gt(score.value, weight))) {
      findings.add("qualitative-score-band", score, {
        name,
        result: ACHIEVEMENT_LABEL[result.achievement],
        resultEn: ACHIEVEMENT_LABEL_EN[result.achievement],
        low: lowScore.toFixed(),
        high: highScore.toFixed(),
        recorded: score.value.toFixed(),
      });
      // Which score in the band was meant is the unit's to say, as for one above its weight (left to dropAboveWeight).
      if (!gt(score.value, weight)) {
        result.score = null;
        result.unsettled = "band";
      }
    }
  }
  const owed = unscored !== null ? achievementMissedReason(result.achievement) : belowWeightReason(score?.value ?? null, weight, profile.scoreDecimals);
  addMissingReason(findings, indicator.reason, name, owed);
}

/** Why a row's reason cell must say something, as missing-reason puts it (zh and en). */
interface ReasonOwed {
  why: string;
  whyEn: string;
}

/**
 * A score below its weight owes a reason (a group's, `shared`, below the weight its members share);
 * null when it is not below, or either is unknown.
 */
function belowWeightReason(score: Decimal | null, weight: Decimal | null, places: number, shared = false): ReasonOwed | null {
  if (score === null || weight === null || !belowWeight(score, weight, places)) return null;
  const why = `${shared ? "合计得分" : "得分"} ${score.toFixed()} 低于分值 ${weight.toFixed()}`;
  return { why, whyEn: shared ? "scored below their shared weight" : "scored below its weight" };
}

/**
 * On a form that scores nothing a target missed owes a reason as a score below its weight does
 * (review round 57c, F2): a quantitative row whose would-be score, its share of the target met
 * (`attainment`) times the weight it would carry (`share`, see RowScoring.unscored) rounded as a
 * scored row's score is, is below that weight (94.99% of ≥95% is 33.33 of 33.33, as 9.9989 is 10.00
 * of 10 on a scored form: met). Worded by the target's direction: a ceiling is exceeded (超过), an
 * exact value not met (不符合), a floor not reached (未达到) (review 57b, L1 and L2).
 */
function targetMissedReason(result: IndicatorResult, share: Decimal, places: number, target: ValueCell, actual: ValueCell): ReasonOwed | null {
  const { attainment, direction } = result;
  if (attainment === null || !belowWeight(roundHalfUp(attainment.times(share), places), share, places)) return null;
  const [a, t] = [quotedValue(actual), quotedValue(target)];
  const [verb, verbEn] = direction === "negative" ? ["超过", "exceeded its target"] : direction === "equal" ? ["不符合", "did not meet its target"] : ["未达到", "fell short of its target"];
  return { why: `实际完成值“${a}”${verb}指标值“${t}”`, whyEn: `${verbEn} ("${a}" against "${t}")` };
}

/** targetMissedReason for a row answered in words: its target partly met or not met (部分完成, 未完成). */
function achievementMissedReason(achievement: Achievement | null): ReasonOwed | null {
  if (achievement !== "partial" && achievement !== "notAchieved") return null;
  const partly = achievement === "partial";
  return { why: `${ACHIEVEMENT_LABEL[achievement]}指标值`, whyEn: partly ? "met its target only in part" : "did not meet its target" };
}

/** missing-reason where a reason is owed and the reason cell gives none (see givesNoReason). */
function addMissingReason(findings: FindingList, reason: TextCell | null, name: string, owed: ReasonOwed | null): void {
  if (owed && givesNoReason(reason)) findings.add("missing-reason", reason, { name, ...owed });
}

function checkDuplicates(findings: FindingList, block: IndicatorBlock): void {
  const firstRow = new Map<string, number>();
  for (const indicator of block.indicators) {
    // Only white space is ignored: 道路维修（城区） and 道路维修（乡镇） are two indicators, and so
    // is one name under two tasks of a 部门整体 form.
    const name = withoutSpace(indicator.name);
    if (name === "") continue;
    // Under four levels, under one 三级: 验收合格率 under 道路工程 and under 桥梁工程 are two (review 54 M3).
    const key = `${indicator.group}\u0000${indicator.level3}\u0000${name}`;
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, indicator.row);
    else {
      const [level, levelEn] = indicator.namedBy4 ? ["四级指标", "Level-4 indicator"] : ["三级指标", "Indicator"];
      findings.add("duplicate-indicator", indicator.nameRef, { name: indicator.name, firstRow: String(first + 1), level, levelEn });
    }
  }
}

function checkDimensions(findings: FindingList, block: IndicatorBlock): void {
  const levelCol = block.table.columns.level1;
  if (levelCol === undefined || block.indicators.length === 0) return;
  // The 共性指标 framework files 满意度 (and 效益) as 二级 under 一级 效果/效益, and the older 绩效评价
  // 指标表 as a 三级 (服务对象满意度) under 效益: any level counts.
  const present = new Set<string | undefined>();
  for (const i of block.indicators) present.add(i.dimension).add(dimensionOf(i.level2)).add(dimensionOf(i.name));
  const missing = (
    [
      ["output", "产出"],
      ["effect", "效益"],
      ["satisfaction", "满意度"],
    ] as const
  )
    .filter(([dimension]) => !present.has(dimension))
    .map(([, label]) => label);
  if (missing.length > 0) {
    findings.add(
      "missing-dimension",
      { sheet: block.sheet, row: block.table.top, col: levelCol },
      { missing: missing.join("、") },
    );
  }
}

/**
 * The share of its weight a group member earned, as a range: a quantitative member's attainment
 * exactly, a qualitative one's the band of its result (达成 0.8–1); null when neither is known.
 */
function shareRange(result: IndicatorResult, profile: Profile): { low: Decimal; high: Decimal } | null {
  if (result.attainment !== null) return { low: result.attainment, high: result.attainment };
  if (result.achievement === null) return null;
  const [low, high] = decimalsOf(profile).qualitative[result.achievement];
  return { low, high };
}

/**
 * A group sharing a merged 分值 or 得分 (domain.md is silent on it): its recorded score must fit
 * the points its members earned. With a weight per member that is their exact sum, a qualitative
 * member's anywhere in its result's band (a range, then). Under one merged 分值 how the points are
 * split is not written down, so any score between the worst and the best member's share of them
 * is accepted, and with no score recorded the group counts at equal shares. A qualitative member's
 * score is never invented: with none recorded the group has none, and a shared one outside its
 * range leaves the group's score to the unit, as a row's outside its band does. The group's score
 * is carried by its first member; the others carry none.
 */
function evaluateGroup(findings: FindingList, group: ScoreGroup, results: IndicatorResult[], profile: Profile): void {
  const { members, sharedWeight, sharedScore } = group;
  const names = members.map((m) => m.name || m.level2).join("、");
  const weights = members.map((m) => m.weight?.value ?? null);
  const ownWeights = sharedWeight === null && weights.every((w) => w !== null);
  const known = weights.filter((w): w is Decimal => w !== null);
  const weight = sharedWeight?.value ?? (known.length > 0 ? sumOf(known) : null);
  const scoreCells = (sharedScore ? [sharedScore] : members.map((m) => m.score)).filter(
    (c): c is NumberCell => c !== null && c.value !== null,
  );
  const recorded = scoreCells.length > 0 ? sumOf(scoreCells.map((c) => c.value as Decimal)) : null;

  // What the members earned: exact with a weight each, else from the worst to the best share; a
  // qualitative member's anywhere in its band. An estimate only of quantitative members' shares.
  let earned: { low: Decimal; high: Decimal; estimate: Decimal | null } | null = null;
  const ranges = results.map((r) => shareRange(r, profile));
  const qualitative = results.some((r) => r.attainment === null && r.achievement !== null);
  if (weight !== null && ranges.every((a) => a !== null)) {
    const shares = ranges as { low: Decimal; high: Decimal }[];
    if (ownWeights) {
      const low = sumOf(shares.map((a, i) => a.low.times(weights[i] as Decimal)));
      const high = sumOf(shares.map((a, i) => a.high.times(weights[i] as Decimal)));
      earned = { low, high, estimate: qualitative ? null : low };
    } else {
      earned = {
        low: weight.times(Decimal.min(...shares.map((a) => a.low))),
        high: weight.times(Decimal.max(...shares.map((a) => a.high))),
        estimate: qualitative ? null : weight.times(sumOf(shares.map((a) => a.low))).div(shares.length),
      };
    }
  }

  // Scores per member are checked together only when every member has one.
  const complete = sharedScore !== null || scoreCells.length === members.length;
  let fits = true;
  if (recorded !== null && weight !== null && complete) {
    const scoreRef = scoreCells[0];
    const digits = scoreDigits(scoreCells[0], profile.scoreDecimals);
    fits =
      earned === null ||
      (gte(recorded, earned.low) && lte(recorded, earned.high)) ||
      agreesAsShown(recorded, digits, earned.low) ||
      agreesAsShown(recorded, digits, earned.high);
    // Below 0 a member's score is a negative-value; the sum is then only a mismatch (review round 52d M1).
    if (gt(recorded, weight)) {
      findings.add("score-exceeds-weight", scoreRef, { score: recorded.toFixed(), weight: weight.toFixed() });
    } else if (!fits && earned !== null) {
      const [from, to] = [fmt(earned.low, profile.scoreDecimals), fmt(earned.high, profile.scoreDecimals)];
      findings.add("score-mismatch", scoreRef, {
        name: names,
        recorded: recorded.toFixed(),
        computed: from === to ? from : `${from} 至 ${to} 之间`,
        computedEn: from === to ? from : `between ${from} and ${to}`,
        ...groupFormula(ownWeights, from === to, qualitative),
      });
    }
  }

  const rounded = earned && earned.estimate !== null ? roundHalfUp(earned.estimate, profile.scoreDecimals) : null;
  const counted = recorded !== null && fits ? recorded : (rounded ?? recorded);
  // The reason is owed by the group: none of its members gives one; the first member's cell is named.
  const unexplained = members.every((m) => !m.reason || givesNoReason(m.reason));
  if (complete && unexplained) addMissingReason(findings, members[0].reason, names, belowWeightReason(counted, weight, profile.scoreDecimals, true));
  // A score per member (under a merged 分值) stays with its member; a shared score, or the equal
  // shares when no member has one, goes to the first member.
  if (sharedScore) {
    results.forEach((r, i) => {
      r.computed = null;
      r.score = i === 0 ? counted : null;
      r.inEffect = i === 0 ? (recorded ?? rounded) : null;
    });
    if (!fits && earned !== null && qualitative) {
      // Which score in a qualitative member's band was meant is the unit's to say, as for a row
      // outside its band (scoreQualitative); one above the weight is dropAboveWeight's.
      if (!gt(recorded!, weight!)) {
        results[0].score = null;
        results[0].unsettled = "band";
      }
    } else if (!fits && earned !== null && !eq(earned.low, earned.high)) results[0].estimated = true;
  } else if (recorded === null && rounded !== null) {
    results[0].score = results[0].inEffect = rounded;
  }
  dropAboveWeight(results, weight, profile.scoreDecimals);
}

/** The fewest rows of points that make a column look like a points column rather than chance. */
const POINTS_ROWS = 3;
/** 满意度 targets are set at 80–95%: a bare number this small is the points its level carries. */
const SATISFACTION_POINTS = new Decimal(30);

/** A number with no unit and no comparator but =, above 0: what a points cell holds. */
function barePoints(p: ParsedValue): Decimal | null {
  const bare = p.kind === "number" && p.unit === null && (p.op === null || p.op === "=") && !p.scaled;
  return bare && p.value !== null && gt(p.value, ZERO) ? p.value : null;
}

/**
 * values-look-like-points: a 年度指标值 or 实际完成值 column that holds the rows' points (each value
 * its row's 分值, or, without a 分值 column, bare numbers adding up to the table's points), and a
 * 满意度 target such as 20 where a percentage is due. The column is named once, at its first value.
 * Returns the rows whose values are points: comparing them would only raise findings about numbers
 * that were never values.
 */
function checkPointsInValues(findings: FindingList, block: IndicatorBlock, profile: Profile): Set<Indicator> {
  const hasWeights = block.table.columns.weight !== undefined;
  const flagged = new Set<Indicator>();
  for (const [field, what, whatEn] of [
    ["target", "指标值", "target"],
    ["actual", "实际完成值", "actual"],
  ] as const) {
    const rows = block.indicators.filter((i) => i[field] !== null && i[field]?.row === i.row && i[field]?.parsed.kind !== "empty");
    if (rows.length < POINTS_ROWS) continue;
    const values = rows.map((i) => barePoints((i[field] as ValueCell).parsed));
    if (values.some((v) => v === null)) continue;
    const points = values as Decimal[];
    const sum = sumOf(points);
    const likePoints = hasWeights
      ? rows.every((i, k) => i.weight?.value != null && eq(i.weight.value, points[k]))
      : eq(sum, HUNDRED) || eq(sum, HUNDRED.minus(profile.budgetWeight));
    if (!likePoints) continue;
    for (const row of rows) flagged.add(row);
    const shown = points.slice(0, 4).map((v) => v.toFixed());
    findings.add("values-look-like-points", rows[0][field] as ValueCell, {
      case: "column",
      what,
      whatEn,
      values: shown.join("、") + (points.length > shown.length ? "……" : ""),
      valuesEn: shown.join(", ") + (points.length > shown.length ? ", …" : ""),
      total: sum.toFixed(),
    });
  }
  if (flagged.size > 0) return flagged;
  for (const indicator of block.indicators) {
    const target = indicator.target;
    if (!target || target.row !== indicator.row) continue;
    const points = barePoints(target.parsed);
    if (points === null || gt(points, SATISFACTION_POINTS) || lte(points, TWO)) continue; // 0.9 is 90%
    if (!measureOf(indicator.name, indicator.level1, indicator.level2, indicator.description).satisfaction) continue;
    findings.add("values-look-like-points", target, { case: "satisfaction", name: indicator.name, value: quotedValue(target) });
    flagged.add(indicator);
  }
  return flagged;
}

/**
 * Validates and scores a block's rows. `unscored`: whether its form scores nothing (model's
 * formScoresNothing), where a target missed owes a reason as a score below its weight would.
 */
export function evaluateIndicatorBlock(findings: FindingList, block: IndicatorBlock, profile: Profile, unscored: boolean): IndicatorResult[] {
  const groupOf = new Map<Indicator, ScoreGroup>();
  for (const group of block.groups) for (const member of group.members) groupOf.set(member, group);
  const resultOf = new Map<Indicator, IndicatorResult>();
  const pointRows = checkPointsInValues(findings, block, profile);
  const results = block.indicators.map((indicator) => {
    const group = groupOf.get(indicator);
    // A member is checked on its own without the points it shares; its group is scored below.
    const cells = group ? { weight: null, score: group.sharedScore ? null : indicator.score } : indicator;
    const result = evaluateIndicator(findings, indicator, block, profile, cells, pointRows.has(indicator), unscored);
    if (group) resultOf.set(indicator, result);
    else dropAboveWeight([result], indicator.weight?.value ?? null, profile.scoreDecimals);
    return result;
  });
  for (const group of block.groups) {
    evaluateGroup(findings, group, group.members.map((m) => resultOf.get(m) as IndicatorResult), profile);
  }
  checkDuplicates(findings, block);
  checkDimensions(findings, block);
  return results;
}
