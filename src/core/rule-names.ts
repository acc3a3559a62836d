/**
 * One short name per rule, for people: the pane shows it on cards, in the filter and in counts
 * (the id stays in tooltips, in the JSON report and beside the name in the English pane). Kept with
 * the messages: a rule added to RuleId without a name here does not compile.
 */
import type { Lang } from "./messages";
import type { RuleId } from "./result";

export const RULE_NAMES: Record<RuleId, Record<Lang, string>> = {
  "rate-mismatch": { zh: "执行率算错", en: "Execution rate wrong" },
  "budget-score-mismatch": { zh: "预算执行得分算错", en: "Budget score wrong" },
  "sum-mismatch": { zh: "合计数不等于各行之和", en: "Total ≠ sum of rows" },
  "zero-budget": { zh: "预算数为空却有支出", en: "Spending without a budget" },
  overspent: { zh: "超预算支出", en: "Overspent" },
  "weights-total": { zh: "分值合计不为100", en: "Weights do not total 100" },
  "weight-header-mismatch": { zh: "标题分值与明细不符", en: "Stated weight ≠ its rows" },
  "score-exceeds-weight": { zh: "得分超出分值", en: "Score above weight" },
  "score-mismatch": { zh: "得分算错", en: "Score wrong" },
  "qualitative-score-band": { zh: "定性得分超出区间", en: "Qualitative score off its band" },
  "total-mismatch": { zh: "总分不等于各项之和", en: "Total ≠ sum of scores" },
  "grade-mismatch": { zh: "等次与总分不符", en: "Grade ≠ total" },
  "score-above-attainable": { zh: "得分高于可得上限", en: "Score above attainable" },
  "count-as-percent": { zh: "数量写成百分比", en: "Count written as %" },
  "unit-mismatch": { zh: "单位不符", en: "Wrong unit" },
  "percent-over-100": { zh: "比率超过100%", en: "Rate above 100%" },
  "ge-100-percent": { zh: "目标值写成≥100%", en: "Target written ≥100%" },
  "cost-not-ceiling": { zh: "成本指标不是上限", en: "Cost not a ceiling" },
  "contradictory-comparator": { zh: "上下限矛盾", en: "Both bounds stated" },
  "not-numeric": { zh: "不是数字", en: "Not a number" },
  "missing-actual": { zh: "缺实际完成值", en: "Actual missing" },
  "missing-reason": { zh: "缺偏差原因", en: "Reason missing" },
  "over-achievement": { zh: "超额过多", en: "Over-achieved" },
  "duplicate-indicator": { zh: "指标重复", en: "Duplicate indicator" },
  "vague-target": { zh: "指标值无法衡量", en: "Vague target" },
  "missing-dimension": { zh: "缺少指标类别", en: "Missing dimension" },
  "score-without-values": { zh: "有得分无指标值", en: "Score without values" },
  "total-incomplete": { zh: "总分不完整", en: "Total incomplete" },
  "formula-error": { zh: "公式错误", en: "Formula error" },
  "count-ceiling": { zh: "数量指标写成上限", en: "Count written as a ceiling" },
  "negative-value": { zh: "出现负数", en: "Negative value" },
  "values-look-like-points": { zh: "数值像是分值", en: "Values look like points" },
};

export function ruleName(rule: RuleId, lang: Lang): string {
  return RULE_NAMES[rule]?.[lang] ?? rule;
}
