/**
 * Scoring formulas of domain.md §3, in exact decimals. Nothing here knows about cells.
 */
import Decimal from "decimal.js";
import { eq, gte, lte, lt, gt, smallInteger } from "./compare";
import { Profile } from "./profile";
import { Worked } from "./result";
import { Op, withoutBinaryNoise } from "./values";

export type Direction = "positive" | "negative" | "equal";

// Shared constants: comparing with a plain number makes decimal.js allocate a Decimal every time.
export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const TWO = new Decimal(2);
export const HUNDRED = new Decimal(100);

/**
 * A bare number set against a percentage: a fraction (0.98 in a cell that lost its % format) or
 * already in percent points (98), whichever reading lands nearer its partner, by ratio: 1.02 against
 * 95% is 102%, while 2 against ≤5% is 2% and 1.2 against ≤3% is 1.2% (code review 58b, H2). Read as
 * a fraction only when it is at most 2 and the percentage is not: a small percentage (≤1%) gives no
 * such hint, and its bare partner is taken as written. Nearer as a fraction is 100·bare/percent
 * nearer 1 than bare/percent, that is bare·10 below the percentage.
 */
export function asPercentOf(bare: Decimal, percent: Decimal): Decimal {
  return lte(bare.abs(), TWO) && gt(percent.abs(), TWO) && lt(bare.abs().times(10), percent.abs()) ? bare.times(100) : bare;
}

/** Decimal.sum takes its terms as arguments: this many at a time stays far below engines' limits. */
const SUM_CHUNK = 10000;

/** decimal.js at a precision no sum of cells reaches: products and sums in it are exact. */
const Exact = Decimal.clone({ precision: 1e9 });

/** A sum, and how many of its terms carry binary noise cut at 15 digits (see carriesCutNoise). */
interface ExactSum {
  value: Decimal;
  cutTerms: number;
  /** Added up as whole JS numbers (smallIntegerSum): a Decimal of at most 16 digits, which rounding leaves as it is. */
  whole: boolean;
}

/**
 * The exact sum of some decimals (0 for none). A column of weights or scores holds few distinct
 * values many times, and each distinct number is one shared Decimal (cells' numbers are cached, a
 * met target scores its weight itself): so each distinct Decimal is multiplied by its count once
 * rather than added again for every row.
 */
function exactSum(values: Decimal[]): ExactSum {
  const whole = smallIntegerSum(values);
  if (whole !== null) return { value: new Decimal(whole), cutTerms: 0, whole: true };
  // One term is its own exact sum (a row's score checked against its own weight, row by row).
  if (values.length === 1) return { value: values[0], cutTerms: carriesCutNoise(values[0]) ? 1 : 0, whole: false };
  const counts = new Map<Decimal, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  const terms: Decimal[] = [];
  let cutTerms = 0;
  for (const [value, count] of counts) {
    terms.push(count === 1 ? value : new Exact(value).times(count));
    if (carriesCutNoise(value)) cutTerms += count;
  }
  let total: Decimal = new Exact(0);
  for (let i = 0; i < terms.length; i += SUM_CHUNK) total = Exact.sum(total, ...terms.slice(i, i + SUM_CHUNK));
  return { value: total, cutTerms, whole: false };
}

/**
 * Whether a number may be a double's binary noise cut to the 15 digits Excel shows
 * (withoutBinaryNoise, as cells' numbers are read): a fraction of exactly 15 significant digits, as
 * =50/3's cached 16.666666666666668 is read 16.6666666666667. No weight, score or amount is typed
 * that long, and what jixiao computes has decimal.js's 20.
 */
function carriesCutNoise(value: Decimal): boolean {
  return value.precision() === CUT_DIGITS && value.decimalPlaces() > 0;
}

const CUT_DIGITS = 15;


/**
 * The sum of whole numbers below 10^7 (most weights and scores) added as JS numbers, exact while
 * every partial sum is a safe integer: for fewer than 9×10^8 terms, far more cells than a workbook
 * may hold (the reader's limit is 5 million). Null when a value is not such a number.
 */
function smallIntegerSum(values: Decimal[]): number | null {
  let total = 0;
  // Indexed, not for…of: every sum starts here, and an iterator allocates a result per step until
  // the engine has optimised the loop (a first run is mostly over by then).
  for (let i = 0; i < values.length; i++) {
    const n = smallInteger(values[i]);
    if (n === null) return null;
    total += n;
  }
  return total;
}

/**
 * Rounded once, as decimal.js rounds any result: to its precision (20 significant digits). A sum
 * of n ≥ 2 numbers cut from binary noise is off by less than n/2 units in their 15th digit: it is
 * rounded where that no longer shows, to 14 digits for up to 9 of them, 13 for up to 99. Three
 * =50/3 weights add up to the 50 Excel shows, not to 50.0000000000001.
 */
function rounded({ value, cutTerms, whole }: ExactSum): Decimal {
  // (A whole sum is already as rounding to 20 digits leaves it.)
  if (whole && cutTerms < 2) return value;
  if (cutTerms < 2) return new Decimal(value).toSignificantDigits(Decimal.precision, Decimal.rounding);
  return new Decimal(value.toSignificantDigits(CUT_DIGITS - String(cutTerms).length, Decimal.ROUND_HALF_UP));
}

/** The sum of some decimals (0 for none), exact until rounded once (see rounded). */
export function sumOf(values: Decimal[]): Decimal {
  return rounded(exactSum(values));
}

/**
 * Each group's sum and the sum of all of them, every one exact until rounded once: the total is
 * that of all the groups' values, not of their rounded sums.
 */
export function groupSums(groups: Decimal[][]): { sums: Decimal[]; total: Decimal } {
  const exact = groups.map(exactSum);
  const all = exactSum(exact.map((sum) => sum.value));
  const cutTerms = exact.reduce((count, sum) => count + sum.cutTerms, 0);
  return { sums: exact.map(rounded), total: rounded({ value: all.value, cutTerms, whole: all.whole }) };
}

export function roundHalfUp(value: Decimal, places: number): Decimal {
  // Most scores are whole weights: already that short, they need no new Decimal.
  return value.decimalPlaces() <= places ? value : value.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
}

/** ≥ and > are positive, ≤ and < negative, = equal; no comparator: negative for 成本指标, else positive. */
export function directionOf(op: Op | null, isCost: boolean, target: Decimal | null = null): Direction {
  if (op === ">=" || op === ">") return "positive";
  if (op === "<=" || op === "<") return "negative";
  // 安全事故 0次, 投诉率 0%: a bare 0 means none at all, not "at least 0".
  if (op === "=" || target?.isZero()) return "equal";
  return isCost ? "negative" : "positive";
}

/** 执行率 = spent ÷ planned (全年预算数); null when planned is 0, either is missing, or either is negative. */
export function budgetRate(planned: Decimal | null, spent: Decimal | null): Decimal | null {
  if (planned === null || spent === null || planned.isZero()) return null;
  if (planned.isNegative() || spent.isNegative()) return null; // a refund larger than the spending: no rate
  return spent.div(planned);
}

/** 预算执行率得分 = weight × min(rate, 1). */
export function budgetScore(weight: Decimal, rate: Decimal): Decimal {
  if (rate.isNegative()) return ZERO; // money returned exceeds what was spent
  return gte(rate, ONE) ? weight : weight.times(rate);
}

/** The points budget execution loses at rate r of its budget: its weight's share left unspent. */
export function budgetPointsLost(rate: Decimal, budgetWeight: Decimal): Decimal {
  return budgetWeight.times(ONE.minus(Decimal.min(rate, ONE)));
}

/** The most a project that spent rate r of its budget can score. */
export function attainableBound(rate: Decimal, budgetWeight: Decimal): Decimal {
  return HUNDRED.minus(budgetPointsLost(rate, budgetWeight));
}

/**
 * Whether a recorded total claims more than the attainable bound as its cell shows it: the bound
 * holds a budget score the form rounds, so 99.62 for a bound of 99.6154 is that bound, not above it.
 */
export function aboveAttainable(recorded: Decimal, shownDecimals: number, bound: Decimal): boolean {
  return gt(recorded, bound) && !agreesAsShown(recorded, shownDecimals, bound);
}

/** 0.4316 → "43.16%". */
export function percentText(fraction: Decimal, places = 2): string {
  return `${roundHalfUp(fraction.times(HUNDRED), places).toFixed()}%`;
}

/**
 * A rate above 100% as a percentage showing that it is: 103.5% as percentText gives it, but
 * 1000000000.01 ÷ 1000000000 as 100.000000001%, not 100% (review round 58d, F2).
 */
export function abovePercentText(fraction: Decimal): string {
  const percent = fraction.times(HUNDRED);
  let places = 2;
  while (places < percent.decimalPlaces() && !gt(roundHalfUp(percent, places), HUNDRED)) places++;
  return `${roundHalfUp(percent, places).toFixed()}%`;
}

/** Ratios mean nothing across zero or below it (≥0%, ≥-5%, a negative actual): the comparison alone decides, all or nothing. */
const acrossZero = (target: Decimal, actual: Decimal): boolean => !target.isPositive() || target.isZero() || actual.isNegative();

/** Whether the actual meets its target (across zero, an equal target is met only by itself). */
function meets(direction: Direction, target: Decimal, actual: Decimal): boolean {
  if (direction === "negative") return lte(actual, target);
  return direction === "equal" && acrossZero(target, actual) ? eq(actual, target) : gte(actual, target);
}

/** The share of its weight a row earns by the profile's formula, before it is held to its weight or to 0. */
function formulaShare(direction: Direction, target: Decimal, actual: Decimal, profile: Profile): Decimal {
  if (direction !== "negative") return actual.div(target);
  if (profile.negativeFormula === "linear") return target.times(2).minus(actual).div(target);
  return target.div(actual);
}

/**
 * A quantitative indicator's score from target and actual in the same unit. The result stays
 * within 0..weight; it is not rounded.
 */
export function quantitativeScore(
  direction: Direction,
  target: Decimal,
  actual: Decimal,
  weight: Decimal,
  profile: Profile,
): Decimal {
  // (A ceiling below zero, 变动率 ≤-5%, comes here as the cut it asks.)
  if (acrossZero(target, actual)) return meets(direction, target, actual) ? weight : ZERO;
  if (meets(direction, target, actual)) return weight;
  // Short of the target, the share earned is below 1: linear decay may take it below 0.
  const fraction = formulaShare(direction, target, actual, profile);
  return fraction.isNegative() ? ZERO : weight.times(fraction);
}

/**
 * The figures of a value worked out by a formula (CellWrite.worked): the formula's `product` as
 * its cell shows it, at `places`, and the value `written` where it is not that (`over`: held to
 * the weight; or held to 0).
 */
function byFormula(figures: Decimal[], product: Decimal, written: Decimal, places: number, over: "weight" | "rate", linear: boolean): Worked {
  const [result, value] = [roundHalfUp(product, places), roundHalfUp(written, places)];
  const worked: Worked = { figures: figures.map((f) => f.toFixed()), result: result.toFixed(places), value: value.toFixed(), ...(linear && { linear: true as const }) };
  // Held to the weight (figures[0], the 分值, in every formula) by the exact product, not the shown
  // one: 10 × 1000000000.01 ÷ 1000000000 shows 10.00, yet its 执行率 is above 100% and the note
  // says so (review round 58d, F2).
  if (gt(product, figures[0])) return { ...worked, held: over };
  return eq(result, value) ? worked : { ...worked, held: gt(result, value) ? over : "zero" };
}

/**
 * A filled-in indicator score's figures (its note gives them): quantitativeScore's formula over
 * the row's weight, actual and target, and `computed`, what it gave; the comparison alone across
 * zero, and for a ceiling met by an actual of 0 (no ratio to it).
 */
export function scoreWorked(direction: Direction, target: Decimal, actual: Decimal, weight: Decimal, computed: Decimal, profile: Profile): Worked {
  const negative = direction === "negative";
  if (acrossZero(target, actual) || (negative && actual.isZero())) {
    return { actual: actual.toFixed(), target: target.toFixed(), met: meets(direction, target, actual), value: roundHalfUp(computed, profile.scoreDecimals).toFixed() };
  }
  const linear = negative && profile.negativeFormula === "linear";
  const figures = linear ? [weight, target, actual, target] : negative ? [weight, target, actual] : [weight, actual, target];
  return byFormula(figures, weight.times(formulaShare(direction, target, actual, profile)), computed, profile.scoreDecimals, "weight", linear);
}

/** A filled-in 执行率's figures: 执行数 ÷ 全年预算数, as the cell shows the rate (a percentage at rateDecimals − 2). */
export function rateWorked(spent: Decimal, planned: Decimal, rate: Decimal, rateDecimals: number): Worked {
  const shown = `${roundHalfUp(rate, rateDecimals).times(HUNDRED).toFixed(Math.max(0, rateDecimals - 2))}%`;
  return { figures: [spent.toFixed(), planned.toFixed()], result: shown, value: shown };
}

/** A filled-in budget score's figures: 分值 × 执行数 ÷ 全年预算数, held to the weight at a 执行率 above 100% (budgetScore). */
export function budgetScoreWorked(weight: Decimal, spent: Decimal, planned: Decimal, rate: Decimal, score: Decimal, places: number): Worked {
  return byFormula([weight, spent, planned], weight.times(rate), score, places, "rate", false);
}

/**
 * Whether an actual above its positive target reaches the threshold (1.3 = 130%) of it.
 * Multiplying the target out spares a division on every row; the ratio itself is only needed for
 * the message.
 */
export function reachesRatio(target: Decimal, actual: Decimal, threshold: Decimal): boolean {
  return gt(target, ZERO) && gt(actual, target) && gte(actual, target.times(threshold));
}

const shownPlaces = (shownDecimals: number): number => Math.max(0, Math.min(shownDecimals, 20));

/**
 * A number as its cell shows it: at most 15 significant digits, rounded half up to the decimals
 * shown. A formula's cached 0.9559000000000001 at 0.00% shows 95.59%, a typed 2.7 shows 2.7.
 */
export function asShown(value: Decimal, shownDecimals: number): Decimal {
  return roundHalfUp(withoutBinaryNoise(value), shownPlaces(shownDecimals));
}

/**
 * Whether a recorded value agrees with the computed one as far as the recorded cell shows it: what
 * it shows equals the computed value rounded half up or cut off at the decimals shown (33% for
 * 33.33%, 48.76% for 48.7657%, a cached 0.9559000000000001 for 0.9559), or rounded twice, through
 * one decimal more first: a score worked out from a rate as it shows (10 × 97.45% = 9.75, where the
 * rate is 97.445% and the score 9.7445). Anything else — 3 for 2.35, 9 for 8.2 — is a real difference.
 */
export function agreesAsShown(recorded: Decimal, shownDecimals: number, computed: Decimal): boolean {
  // A formula's cached double is the computed value up to binary noise; rounded to 15 digits first
  // and then to the decimals shown, it can land one unit off (1.4999999934499955 → …935, exact …934).
  if (eq(recorded, computed) || eq(withoutBinaryNoise(recorded), withoutBinaryNoise(computed))) return true;
  const places = shownPlaces(shownDecimals);
  const shown = asShown(recorded, places);
  return (
    eq(shown, computed) ||
    eq(shown, computed.toDecimalPlaces(places, Decimal.ROUND_HALF_UP)) ||
    eq(shown, computed.toDecimalPlaces(places, Decimal.ROUND_DOWN)) ||
    eq(shown, computed.toDecimalPlaces(places + 1, Decimal.ROUND_HALF_UP).toDecimalPlaces(places, Decimal.ROUND_HALF_UP))
  );
}

/** |shown − computed| is at most one unit of the last decimal the recorded cell shows. */
export function withinOneUnit(recorded: Decimal, shownDecimals: number, computed: Decimal): boolean {
  const places = shownPlaces(shownDecimals);
  return lte(asShown(recorded, places).minus(computed).abs(), new Decimal(10).pow(-places));
}

const plainText = (value: Decimal, places: number): string => roundHalfUp(value, places).toFixed();

/** The most decimals beyond `places` a recorded value is quoted at, unless more tell it apart. */
const QUOTED_EXTRA_DECIMALS = 2;

/**
 * A recorded and a computed value that differ, as texts that differ too: the recorded as its cell
 * shows it, every decimal it shows (9.981 typed is quoted 9.981, not 9.98: review round 56e, L3) up
 * to 2 more than `places` (a pasted 7.096774193548387 in a General cell is quoted 7.0968, not with
 * all 15 digits: review round 56 L4), the computed at `places` decimals; both at as many more as it
 * takes to tell them apart, so that no message says "X, should be X".
 */
export function differingTexts(
  recorded: Decimal,
  recordedShown: number,
  computed: Decimal,
  places: number,
  render: (value: Decimal, places: number) => string = plainText,
): { recorded: string; computed: string } {
  const seen = asShown(recorded, Math.max(recordedShown, places));
  const quoted = Math.min(recordedShown, places + QUOTED_EXTRA_DECIMALS);
  for (let p = places; p <= places + 20; p++) {
    const texts = { recorded: render(seen, Math.max(p, quoted)), computed: render(computed, p) };
    if (texts.recorded !== texts.computed) return texts;
  }
  return { recorded: render(seen, Math.max(places, quoted)), computed: render(computed, places) };
}

/**
 * The text of each Decimal that was written into a report. Decimals are immutable, and a report's
 * numbers are mostly a few shared ones (the cells' weights and scores, see parseNumber, and the
 * values of repeated texts), each written once per row.
 */
const decimalTexts = new WeakMap<Decimal, string>();

/** Decimal → the report's string form: no exponent, no trailing zeros. */
export function decimalString(value: Decimal | null): string | null {
  if (value === null) return null;
  let text = decimalTexts.get(value);
  if (text === undefined) decimalTexts.set(value, (text = value.toFixed()));
  return text;
}
