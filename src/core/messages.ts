/**
 * Finding messages: what is wrong and what to write instead, in plain Chinese (English on request).
 */
import { RuleId, Severity } from "./result";

export type Lang = "zh" | "en";
export type MessageParams = Record<string, string>;

/** A message in both languages, for errors raised before anyone knows which one will be shown. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** An error a person reads: its message is the Chinese text; `textIn` gives either language. */
export class BilingualError extends Error {
  readonly text: Bilingual;

  constructor(zh: string, en: string) {
    super(zh);
    this.text = { zh, en };
  }

  textIn(lang: Lang): string {
    return this.text[lang];
  }
}

/** "1 table", "2 tables": an English count in the right number. */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

type Template = (p: MessageParams) => string;

const ZH: Record<RuleId, Template> = {
  "rate-mismatch": (p) => `执行率填的是 ${p.recorded}，按 执行数÷全年预算数 应为 ${p.computed}。请改为 ${p.computed}。`,
  "budget-score-mismatch": (p) =>
    `预算执行得分填的是 ${p.recorded}，按 分值×执行率（最高 100%）应为 ${p.computed}。`,
  "sum-mismatch": (p) => `${p.what}填的是 ${p.recorded}，但${p.parts}${p.average ? "平均" : "相加"}为 ${p.computed}。请改为 ${p.computed}，或核对${p.columns ? "各列" : "各行"}数字。`,
  "zero-budget": (p) =>
    p.planned === "空"
      ? `全年预算数未填，却有执行数 ${p.spent}${p.initial ? `（年初预算数 ${p.initial}：预算未调整的，全年预算数即年初预算数）` : ""}：无法计算执行率，请补填全年预算数。`
      : `全年预算数为 ${p.planned}，却有执行数 ${p.spent}：无法计算执行率，请补填预算数。`,
  overspent: (p) => `执行数 ${p.spent} 超过全年预算数 ${p.planned}（执行率 ${p.rate}），请说明超支原因。`,
  "weights-total": (p) =>
    `预算执行率分值 ${p.budget} 加各指标分值 ${p.indicators}，合计 ${p.total} 分，应为 100 分。请调整分值。`,
  "weight-header-mismatch": (p) =>
    `“${p.label}”标明 ${p.stated} 分，但其下各指标分值合计 ${p.sum} 分。请调整各指标分值使其合计 ${p.stated} 分，或把标题改为（${p.sum}分）。`,
  "score-exceeds-weight": (p) =>
    p.level
      ? `“${p.level}”标明 ${p.weight} 分，其下各指标得分合计 ${p.score} 分，超过了标明的分值。请核对各指标得分。`
      : `得分 ${p.score} 超过分值 ${p.weight}，请核对得分。`,
  "score-mismatch": (p) => `“${p.name}”填报得分 ${p.recorded}；按${p.formula}应为 ${p.computed}。`,
  "qualitative-score-band": (p) =>
    `“${p.name}”的完成情况为“${p.result}”，得分应在 ${p.low} 到 ${p.high} 分之间，填的是 ${p.recorded}。`,
  "total-mismatch": (p) =>
    p.fullMarks
      ? `综合得分填的是 ${p.recorded}，各项得分相加为 ${p.computed}，超过了满分 ${p.fullMarks} 分：请先核对各项得分和分值。`
      : p.checked
        ? `综合得分填的是 ${p.recorded}，各项得分相加为 ${p.computed}，但其中有得分与核算不符：按核算的得分，总分应为 ${p.checked}。请先核对各项得分。`
        : p.textScores
          ? `综合得分填的是 ${p.recorded}，各项得分相加为 ${p.computed}：${p.textScores} 的得分是以文本保存的数字，公式求和时不计入。请把这些得分改为数字。`
          : `综合得分填的是 ${p.recorded}，各项得分相加为 ${p.computed}。请改为 ${p.computed}，或核对各项得分。`,
  "grade-mismatch": (p) =>
    p.ticked
      ? `等次勾选了不止一项（${p.ticked}）：${p.computed ? "按核算的" : ""}总分 ${p.total} 对应的等次是“${p.expected}”，请只勾选“${p.expected}”。`
      : `${p.computed ? "按核算的" : ""}总分 ${p.total} 对应的等次是“${p.expected}”，填的是“${p.recorded}”。`,
  "score-above-attainable": (p) =>
    `执行率 ${p.rate} 时最高只能得 ${p.bound} 分（预算执行率分值 ${p.budgetWeight} 分按执行率扣减），填的是 ${p.recorded}。`,
  "count-as-percent": (p) =>
    `“${p.name}”是数量类指标，${p.what}不应写成百分比“${p.value}”。请写明具体数量和单位，例如“≥${p.example}”。`,
  "unit-mismatch": (p) => p.detail,
  "percent-over-100": (p) => `“${p.name}”是不超过 100% 的比率，“${p.value}”超过了 100%。`,
  "ge-100-percent": (p) => `“${p.value}”不可能被超过，比率目标请写成“=100%”或“≥95%”这样的可达值。`,
  "cost-not-ceiling": (p) =>
    `“${p.name}”是成本指标，指标值“${p.value}”${p.why}，无法据以控制支出：请写成金额上限，例如“≤${p.example}”。`,
  "contradictory-comparator": (p) => `“${p.value}”同时写了上限和下限，请只保留一个比较方向。`,
  "not-numeric": (p) => `${p.what}“${p.value}”无法识别为数值${p.why ? `（${p.why}）` : ""}，请填写数字。`,
  "missing-actual": (p) =>
    p.actual
      ? `“${p.name}”有指标值“${p.target}”，但实际完成值“${p.actual}”没有给出完成情况，请在表中填写。`
      : `“${p.name}”有指标值“${p.target}”，但实际完成值是空的。`,
  "missing-reason": (p) => `“${p.name}”${p.why}，请填写偏差原因分析及改进措施。`,
  "over-achievement": (p) =>
    `“${p.name}”实际完成 ${p.actual}，是指标值 ${p.target} 的 ${p.ratio}，超额较多：${p.explained ? "已说明原因，" : "请说明原因，"}若目标定得过低应酌情扣分。`,
  "duplicate-indicator": (p) =>
    `三级指标“${p.name}”在本表中重复出现（第 ${p.firstRow} 行已有）。请删除重复的一行，或改为能区分的名称。`,
  "vague-target": (p) => `“${p.value}”无法衡量，“${p.name}”应写明可考核的数值和单位。`,
  "missing-dimension": (p) => `指标表缺少“${p.missing}”类指标（一般应有产出、效益、满意度三类），请补充。`,
  "score-without-values": (p) =>
    `“${p.name}”得分 ${p.score}，但年度指标值和实际完成值都是空的，得分没有依据。请补填指标值和实际完成值。`,
  "total-incomplete": (p) => `无法得出总分：${p.missing}。补齐或改正后才能计算总分和等次。`,
  "formula-error": (p) => `${p.what}是错误值 ${p.error}，此处应为数字。请检查公式或改填数字。`,
  "negative-value": (p) => `${p.what}为负数 ${p.value}，不能小于 0。`,
  "count-ceiling": (p) =>
    `“${p.name}”是数量指标，指标值“${p.value}”设的是上限，少完成也能得满分：请改为下限，例如“≥${p.example}”。`,
  "values-look-like-points": (p) =>
    p.case === "column"
      ? `${p.what}一栏填的是各行的分值（${p.values}，合计 ${p.total}），不是${p.what}：请逐项填写${p.what}。`
      : `“${p.name}”的指标值“${p.value}”像是分值，不是满意度：满意度目标请写成百分比，例如“≥90%”。`,
};

const EN: Record<RuleId, Template> = {
  "rate-mismatch": (p) => `Execution rate is ${p.recorded}; spent ÷ planned gives ${p.computed}. Write ${p.computed}.`,
  "budget-score-mismatch": (p) => `Budget score is ${p.recorded}; weight × rate (capped at 100%) gives ${p.computed}.`,
  "sum-mismatch": (p) =>
    `${p.whatEn} is ${p.recordedEn || p.recorded} but ${p.partsEn || "the rows it sums"} ${p.average ? "average" : "add up to"} ${p.computed}: write ${p.computed} or check the ${p.columns ? "columns" : "rows"}.`,
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
  "score-mismatch": (p) => `"${p.name}" scored ${p.recorded}; ${p.formulaEn} gives ${p.computedEn || p.computed}.`,
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
    `Indicator "${p.name}" appears twice in this table (first in row ${p.firstRow}): delete one or give them distinct names.`,
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

export function findingMessage(lang: Lang, rule: RuleId, params: MessageParams): string {
  return (lang === "en" ? EN : ZH)[rule](params);
}

export const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};
