/**
 * The finding messages in English (the Chinese ones are in ./messages.ts), given to the core with
 * setEnglishMessages: at once by every host but the task pane (./all-parts.ts), by an English
 * Office's pane with its English strings, in the strings-en chunk.
 */
import type { Template } from "./messages";
import type { RuleId } from "./result";

/** A money unit as English messages name it: 元 is yuan, 万元 and 亿元 keep their name with its size. */
const moneyUnitEn = (unit: string): string => ({ 元: "yuan", 万元: "万元 (10,000 yuan)", 亿元: "亿元 (100 million yuan)" })[unit] ?? unit;

export const EN_MESSAGES: Record<RuleId, Template> = {
  "rate-mismatch": (p) => `Execution rate is ${p.recorded}; spent ÷ planned gives ${p.computed}. Write ${p.computed}.`,
  "budget-score-mismatch": (p) => `Budget score is ${p.recorded}; weight × rate (capped at 100%) gives ${p.computed}.`,
  "sum-mismatch": (p) =>
    `${p.whatEn} is ${p.recordedEn || p.recorded} but ${p.partsEn || "the rows it sums"} ${p.average ? "average" : "add up to"} ${p.computed}` +
    (p.slip
      ? `, exactly 10,000 times apart: ${p.slip === "total" ? "the total" : "the rows"} look${p.slip === "total" ? "s" : ""} typed in ${moneyUnitEn(p.slipUnit)}${p.tableUnit ? ` while the table is in ${moneyUnitEn(p.tableUnit)}` : ""}; write ${p.slip === "total" ? `it as ${p.computed}` : `them in ${p.tableUnit ? moneyUnitEn(p.tableUnit) : "its unit"}`}.`
      : `: write ${p.computed} or check the ${p.columns ? "columns" : "rows"}.`),
  "zero-budget": (p) =>
    p.planned === "空"
      ? `The planned budget is blank but ${p.spent} was spent${p.initial ? ` (initial budget ${p.initial}: when the budget was not adjusted, the planned budget is the initial one)` : ""}: no rate can be computed; fill in the planned budget.`
      : `Planned budget is ${p.planned} but ${p.spent} was spent: no rate can be computed; fill in the budget.`,
  overspent: (p) => `Spent ${p.spent} exceeds the planned ${p.planned} (rate ${p.rate}); explain the overspend.`,
  "weights-total": (p) =>
    `Budget weight ${p.budget} plus indicator weights ${p.indicators} make ${p.total}; they should make 100.`,
  "weight-header-mismatch": (p) =>
    `"${p.label}" states ${p.stated} points but its rows add up to ${p.sum}: make the rows add up to ${p.stated}, or state (${p.sum}分).`,
  "score-exceeds-weight": (p) =>
    p.level
      ? `"${p.level}" states ${p.weight} points but the scores of its rows add up to ${p.score}: check the scores.`
      : `Score ${p.score} is above its weight ${p.weight}: check the score.`,
  "score-mismatch": (p) => `"${p.name}" scored ${p.recorded}; ${p.formulaEn} gives ${p.computedEn || p.computed}${p.heldEn ?? ""}.`,
  "qualitative-score-band": (p) =>
    `"${p.name}" is ${p.resultEn}: its score should be between ${p.low} and ${p.high}, not ${p.recorded}.`,
  "total-mismatch": (p) =>
    p.fullMarks
      ? `Recorded total is ${p.recorded}; the scores add up to ${p.computed}, more than the full marks of ${p.fullMarks}: check the scores and weights.`
      : p.checked
        ? `Recorded total is ${p.recorded}; the scores add up to ${p.computed}, but some of them differ from the computed ones: with the computed scores the total is ${p.checked}. Check the scores first.`
        : p.textScores
          ? `Recorded total is ${p.recorded}; the scores add up to ${p.computed}: the scores in ${p.textScoresEn} are numbers stored as text, which the formula's sum leaves out. Make them numbers.`
          : `Recorded total is ${p.recorded}; the scores add up to ${p.computed}: write ${p.computed} or check the scores.`,
  "grade-mismatch": (p) =>
    p.ticked
      ? `More than one grade is ticked (${p.ticked}): a ${p.computed ? "computed " : ""}total of ${p.total} is graded "${p.expected}"; tick "${p.expected}" alone.`
      : `A ${p.computed ? "computed " : ""}total of ${p.total} is graded "${p.expected}", not "${p.recorded}".`,
  "score-above-attainable": (p) =>
    `At an execution rate of ${p.rate} the highest possible score is ${p.bound}; ${p.recorded} was recorded.`,
  "count-as-percent": (p) => `"${p.name}" counts things: write a number with its unit, not "${p.value}".`,
  "unit-mismatch": (p) => p.detailEn,
  "percent-over-100": (p) => `"${p.name}" is a rate bounded by 100%, but "${p.value}" is above it.`,
  "ge-100-percent": (p) => `"${p.value}" can never be exceeded: write "=100%" or an attainable "≥95%".`,
  "cost-not-ceiling": (p) =>
    `"${p.name}" is a cost indicator and its target "${p.value}" ${p.whyEn}: write a ceiling amount such as "≤${p.example}".`,
  "contradictory-comparator": (p) => `"${p.value}" states both an upper and a lower bound.`,
  "not-numeric": (p) => `"${p.value}" is not a number${p.whyEn ? ` (${p.whyEn})` : ""}; write a number.`,
  "missing-actual": (p) =>
    p.actual
      ? `"${p.name}" has a target "${p.target}" but its actual "${p.actual}" gives no result on the form: fill it in.`
      : `"${p.name}" has a target "${p.target}" but no actual value.`,
  "missing-reason": (p) => `"${p.name}" ${p.whyEn}: write the reason for the deviation.`,
  "over-achievement": (p) =>
    `"${p.name}" reached ${p.actual}, ${p.ratio} of its target ${p.target}: ${p.explained ? "a reason is given" : "explain it"}; if the target was too low, reduce the score.`,
  "duplicate-indicator": (p) =>
    `${p.levelEn} "${p.name}" appears twice in this table (first in row ${p.firstRow}): delete one or give them distinct names.`,
  "vague-target": (p) => `"${p.value}" cannot be measured: "${p.name}" needs a number and unit.`,
  "missing-dimension": (p) => `The indicator table has no "${p.missing}" indicators (产出, 效益 and 满意度 are expected).`,
  "score-without-values": (p) =>
    `"${p.name}" is scored ${p.score} but has neither a target nor an actual value: nothing supports the score. Fill them in.`,
  "total-incomplete": (p) => `No total can be computed: ${p.missingEn}. Fill them in or correct them to get a total and a grade.`,
  "formula-error": (p) => `The ${p.whatEn} holds the error value ${p.error} where a number is due: check the formula or type the number.`,
  "negative-value": (p) => `The ${p.whatEn} is negative (${p.value}); it cannot be below 0.`,
  "count-ceiling": (p) =>
    `"${p.name}" counts output: "${p.value}" is a ceiling, so doing less would still score full marks; write a floor such as "≥${p.example}".`,
  "values-look-like-points": (p) =>
    p.case === "column"
      ? `The ${p.whatEn} column holds the rows' points (${p.valuesEn}; ${p.total} in all), not values: write each indicator's ${p.whatEn}.`
      : `"${p.name}" has the target "${p.value}", which looks like points, not a satisfaction level: write a percentage such as "≥90%".`,
};
