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

export type Template = (p: MessageParams) => string;

const ZH: Record<RuleId, Template> = {
  "rate-mismatch": (p) => `执行率填的是 ${p.recorded}，按 执行数÷全年预算数 应为 ${p.computed}。请改为 ${p.computed}。`,
  "budget-score-mismatch": (p) =>
    `预算执行得分填的是 ${p.recorded}，按 分值×执行率（最高 100%）应为 ${p.computed}。`,
  "sum-mismatch": (p) =>
    `${p.what}填的是 ${p.recorded}，但${p.parts}${p.average ? "平均" : "相加"}为 ${p.computed}。` +
    (p.slip
      ? `两者正好相差一万倍：${p.slip === "total" ? p.what : p.parts}像是按${p.slipUnit}填写的${p.tableUnit ? `，而本表金额单位是${p.tableUnit}` : ""}。` +
        (p.slip === "total" ? `请改为 ${p.computed}。` : `请把${p.parts}改按${p.tableUnit || `与${p.what}相同的单位`}填写。`)
      : `请改为 ${p.computed}，或核对${p.columns ? "各列" : "各行"}数字。`),
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
  "score-mismatch": (p) => `“${p.name}”填报得分 ${p.recorded}；按${p.formula}应为 ${p.computed}${p.held ?? ""}。`,
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
    `${p.level}“${p.name}”在本表中重复出现（第 ${p.firstRow} 行已有）。请删除重复的一行，或改为能区分的名称。`,
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

let english: Record<RuleId, Template> | null = null;

/**
 * Gives the core the English finding messages (./messages-en.ts). They are not imported here, so
 * that the task pane's first load goes without them: an English Office fetches them with the pane's
 * English strings and gives them before it analyses (src/taskpane/office-host.ts), a Chinese one
 * never does; every other host and the tests import ./all-parts, which gives them at once.
 */
export function setEnglishMessages(messages: Record<RuleId, Template>): void {
  english = messages;
}

export function findingMessage(lang: Lang, rule: RuleId, params: MessageParams): string {
  if (lang !== "en") return ZH[rule](params);
  if (english === null) throw new Error("jixiao: the English finding messages were not given to the core (import core/all-parts, or setEnglishMessages)");
  return english[rule](params);
}

/**
 * Why a form without 分值 and 得分 columns has no total or grade (TotalReport.unscored): it scores
 * nothing, and nothing is missing (review round 57c, F3). The one wording per language of the
 * headline, the console, 综合得分, the pane's announcement and the review's legend (review 57b, L4).
 */
export const NO_SCORING: Record<Lang, string> = { zh: "本表未设分值和得分，不计总分和等次", en: "the form has no weight or score columns: no total or grade" };

export const SEVERITY_LABEL: Record<Lang, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};
