/**
 * Rules on how a target or actual value is written: count-as-percent, unit-mismatch,
 * percent-over-100, ge-100-percent, cost-not-ceiling, count-ceiling, contradictory-comparator,
 * not-numeric, vague-target.
 */
import Decimal from "decimal.js";
import { eq, gt } from "../compare";
import { isCellError } from "../grid";
import { Measure, PER_POPULATION } from "../measures";
import { Indicator, ValueCell, quotedValue } from "../model";
import { HUNDRED, asPercentOf } from "../score";
import { unitsConvertible } from "../units";
import { ParsedValue, isNominalWithTolerance, statesChange, statesReduction } from "../values";
import { FindingList } from "./findings";

const NUMBER_DUE = /数量|成本|经济效益|时效/;

function percentLike(cell: ValueCell): boolean {
  const family = cell.parsed.unit?.family;
  return family === "percent" || family === "permille";
}


/**
 * A rate's value as a number of percent: one written with %, or a bare one (群众满意度 ≥90 against
 * 102, 合格率（%） =100), which comparing it with its partner reads in percent points already, a bare
 * 0.98 against a percentage as a fraction, whichever lands nearer it (asPercentOf; README: a unit in
 * the indicator's name): so 102 is 102%, as `102%` is (review round 58b, M1). A bare value is a
 * percentage only on a bounded rate (ge-100-percent on a bare ≥100 too), and only where the row
 * shows it in percent: a name stating %, a partner in %, or a bare target itself a share of at most
 * 100 (培训完成率 ≥150 against 160, 项目覆盖率 ≥120 are counts: code review 58b, H3). None beside a
 * partner in another unit (满意度 ≥90分 against 95: points), under a name stating another unit
 * (（分）, （‰）) or a rate per head of a population (法定传染病报告发病率 ≤250: per 10万), nor with a
 * bare 万 multiplied out or a period. Null when it is none.
 */
function percentOf(indicator: Indicator, measure: Measure, cell: ValueCell, isTarget: boolean, value: Decimal): Decimal | null {
  const p = cell.parsed;
  if (p.unit?.family === "percent") return value;
  if (p.unit !== null || !measure.boundedRate || p.scaled || p.period !== null || p.date !== null) return null;
  if (measure.statedUnits.some((u) => u.family !== "percent") || PER_POPULATION.test(indicator.name)) return null;
  const other = (isTarget ? indicator.actual : indicator.target)?.parsed;
  const otherPercent = other?.kind === "number" && other.unit?.family === "percent" && other.value !== null ? other.value : null;
  if (otherPercent !== null) return asPercentOf(value, otherPercent);
  if (other?.kind === "number" && other.unit !== null) return null;
  if (measure.statedUnits.some((u) => u.family === "percent")) return value;
  // Both bare: in percent only where the target is a share a bounded rate can have.
  const target = isTarget ? p : other;
  return target?.kind === "number" && target.value !== null && !gt(target.value.abs(), HUNDRED) ? value : null;
}

/** Why the value's unit cannot be what the name measures, in zh and en; null when it can. */
function unitConflict(measure: Measure, cell: ValueCell): { zh: string; en: string } | null {
  const unit = cell.parsed.unit;
  if (!unit) return null;
  // 满意度 is also scored on a 100-point scale (≥90分).
  const satisfactionPoints = unit.symbol === "分" && measure.satisfaction;
  if (measure.rate && !percentLike(cell) && !satisfactionPoints) {
    return {
      zh: `比率类指标的值应为百分比，不应是“${quotedValue(cell)}”（单位“${unit.symbol}”）。`,
      en: `A rate should be written as a percentage, not "${quotedValue(cell)}".`,
    };
  }
  // A change of a duration (办理时长缩短 ≥30%) is a share of it, as a count's is.
  if (measure.duration && !measure.change && !statesChange(cell.parsed) && percentLike(cell)) {
    return {
      zh: `时长/年限类指标应写时间和单位（如“≥8年”“≤30天”），不应是百分比“${quotedValue(cell)}”。`,
      en: `A duration should be written with a time unit (e.g. "≥8年"), not "${quotedValue(cell)}".`,
    };
  }
  const stated = measure.statedUnits;
  if (stated.length > 0 && !stated.some((s) => unitsConvertible(s, unit))) {
    const names = stated.map((s) => s.symbol).join("/");
    return {
      zh: `指标名称标明单位“${names}”，值“${quotedValue(cell)}”的单位“${unit.symbol}”与之不符。`,
      en: `The name states the unit "${names}" but the value "${quotedValue(cell)}" is in "${unit.symbol}".`,
    };
  }
  return null;
}

/** A unit to suggest for a count written as a percentage: the one its name states, or says. */
const COUNT_UNITS: [RegExp, string][] = [
  [/天数/, "天"],
  [/次数|批次/, "次"],
  [/场次/, "场"],
  [/面积/, "平方米"],
  [/人数/, "人"],
  [/户数/, "户"],
  [/里程|长度/, "公里"],
];

function countExample(indicator: Indicator, measure: Measure): string {
  const stated = measure.statedUnits.find((u) => u.family === "count" || u.family === "area" || u.family === "time");
  const said = COUNT_UNITS.find(([re]) => re.test(indicator.name) || re.test(indicator.description))?.[1];
  return `10${stated?.symbol ?? said ?? "个"}`;
}

/** An error or a deviation of a measurement (面积测量误差, 里程偏差): a share of what was measured, not a count (review round 54c L4). */
const ERROR_BOUND = /误差|偏差/;

/** The 一级 of the 部门整体 framework (运行成本, 管理效率, 履职效能, 社会效应, 满意度) that holds its costs. */
const RUNNING_COST = /运行成本/;
const CONTROL_RATE = /控制率/;

/** Why a 成本指标 target holds no spending down, for the cost-not-ceiling message. */
const NOT_CEILING = {
  lowerBound: { why: "是下限", whyEn: "is a lower bound" },
  rate: { why: "是比率而不是金额", whyEn: "is a rate, not an amount" },
  wording: { why: "没有写明金额", whyEn: "states no amount" },
};

/**
 * 社会成本指标 and 生态环境成本指标 (财预〔2021〕101号) state the harm a project may do to society or to
 * nature, often in words (影响较小, 不造成环境污染): no amount is due there, unlike 经济成本指标.
 */
const IMPACT_COST = /社会成本|生态(环境)?成本/;

/**
 * Money given per head: 经费, 补助, 补贴, 资助, 救助, 抚恤, 奖励, 津贴, 补偿, 养老金, or a 保障, 生活费 or
 * 取暖费 standard (城市低保保障标准, 生均取暖费标准, 生态公益林补偿标准: review round 48), and the pay of
 * the jobs a fund creates or keeps (护林员劳务报酬, 公益性岗位工资标准, 村干部基本报酬) or a minimum wage.
 * Not a standard that caps spending (会议费标准, 差旅费住宿标准, 工程造价标准, 专家评审劳务报酬): those are ceilings.
 */
const FUNDING = /经费|补助|补贴|资助|救助|抚恤|奖励|奖补|津贴|慰问|补偿|养老金|最低工资|保障标准|生活费|取暖费|(?:护林员|护路员|保洁员|网格员|公益性岗位|村干部|社区干部).*(?:报酬|工资)/;

/** A standard or a pay (低保保障标准, 护林员工资, 村干部基本报酬): per head by its name, so money per month or year is per head. */
const PER_HEAD_NAME = /标准|报酬|工资/;

/** A name that says its money is per head, per pupil, per household or per mu (人均, 生均, 户均, 亩均, 每人, 每生). */
const PER_HEAD_WORD = /[人生户亩]均|每(?:人|生|户|亩|名|位)/;

/**
 * A funding standard per head (生均公用经费 ≥720元/生, 人均救助标准 ≥500元/人·月, 公益性岗位工资标准
 * ≥1900元/月: review round 50): the least the unit must spend on each, so a lower bound is what it should state.
 * Money in plain 元 will do when the name says it is per head or a standard (人均基本公共卫生服务经费补助标准
 * ≥89元, 人均培训补贴标准 ≥800元: review round 55a, H2); 培训经费 ≥10万元 is a fund's spending.
 */
function isFundingStandard(name: string, p: ParsedValue): boolean {
  const perHeadByName = p.unit?.family === "money" && (PER_HEAD_NAME.test(name) || PER_HEAD_WORD.test(name));
  return FUNDING.test(name) && (p.unit?.per?.numerator.family === "money" || perHeadByName);
}

/** An indicator that measures a cut (能耗下降率, 采购成本节约率, 单位成本降低): its share is the size of the cut. */
const CUT_NAME = /(?:压减|压缩|降低|下降|减少|节约|节省)(?:率|比例|幅度)?$/;

/**
 * What a 部门整体 form holds down in number (会议数量, 发文数量, 公务用车, 公务接待批次, 因公出国（境）团组,
 * 在职人员控制数): fewer is the aim, as with its spending (review round 48). Read on every form, so
 * only names that are such a control: 召开培训会议场次 and 编制村庄规划数量 are outputs.
 */
const HELD_DOWN = /控制(?:数|率|人数)|压减|精简|^(?:召开)?会议(?:数量|次数|场次)?$|发文(?:数量|数)?$|公务用车|公务接待|因公出国|团组|编制(?:数|人数|内)|在职人员(?:控制)?数/;

/** An index or a ratio, set over 100% (复种指数 ≥180%, 产值比 ≥240%, 社会资本与财政资金之比: review round 48). */
const INDEX_OR_RATIO = /指数|系数|倍|比$|比值/;

/** An output counted in things done (数量指标): more is better, so a ceiling lets less score full. */
function isCountOutput(indicator: Indicator, measure: Measure): boolean {
  // Counts whose fewer is better: a ceiling on them is right (安全事故 ≤1次, 投诉次数 <3次, 会议数量
  // ≤20次), and so is one on the time a task may take, listed under 数量指标 too (问题整改时限 ≤15个工作日).
  if (measure.rate || measure.harm || measure.timeLimit || HELD_DOWN.test(indicator.name)) return false;
  return /数量/.test(indicator.level2) || (indicator.level2 === "" && measure.count && /产出/.test(indicator.level1));
}

/**
 * An amount of money (“三公”经费控制 ≤28万元, ≤500元/人): 部门整体 forms list spending controls under
 * 数量指标 too, and a ceiling on spending is what they should state.
 */
function isMoney(p: ParsedValue): boolean {
  return p.unit?.family === "money" || p.unit?.per?.numerator.family === "money";
}

/** Checks one value cell; `isTarget` says whether it is the 年度指标值 (some rules apply only there). */
export function checkValue(
  findings: FindingList,
  indicator: Indicator,
  measure: Measure,
  cell: ValueCell,
  isTarget: boolean,
): void {
  const p = cell.parsed;
  const name = indicator.name || indicator.level2;
  if (isCellError(cell.raw)) {
    const [what, whatEn] = isTarget ? ["指标值", "target"] : ["实际完成值", "actual value"];
    findings.add("formula-error", cell, { what, whatEn, error: cell.raw.error });
    return;
  }
  if (p.kind === "invalid") {
    findings.add("not-numeric", cell, {
      what: isTarget ? "指标值" : "实际完成值",
      value: quotedValue(cell),
      why: p.problem ?? "",
      whyEn: p.problem ? "unreadable" : "",
    });
    return;
  }
  if (p.contradictory) {
    findings.add("contradictory-comparator", cell, { value: quotedValue(cell) });
    return;
  }
  if (p.kind === "qualitative") {
    if (isTarget && p.vague && (NUMBER_DUE.test(indicator.level2) || measure.rate || measure.count || measure.cost)) {
      findings.add("vague-target", cell, { name, value: quotedValue(cell) });
    } else if (isTarget && measure.cost && !IMPACT_COST.test(indicator.level2)) {
      // 符合相关规定, 控制在预算内: a cost with no amount to hold the spending to.
      findings.add("cost-not-ceiling", cell, { name, value: quotedValue(cell), example: "XX万元", ...NOT_CEILING.wording });
    }
    return;
  }
  if (p.kind !== "number" || p.value === null) return;

  // A change of a count (粮食产量增幅 ≥3%, 受益人数增长5%, or 较上年增长8% on 门诊就诊人次) is a share of
  // it, and so is an actual answering such a target (增长9%, or 9%).
  const change = measure.change || statesChange(p) || (indicator.target !== null && statesChange(indicator.target.parsed));
  if (measure.count && !change && !ERROR_BOUND.test(name) && percentLike(cell)) {
    // One fact, one finding: an actual in % under a target in % follows from the target's.
    const fromTarget = !isTarget && indicator.target !== null && findings.at("count-as-percent", indicator.target) !== undefined;
    const what = isTarget ? "指标值" : "实际完成值";
    if (!fromTarget) findings.add("count-as-percent", cell, { name, what, value: quotedValue(cell), example: countExample(indicator, measure) });
    return;
  }
  const conflict = unitConflict(measure, cell);
  if (conflict) {
    // One fact, one finding: an actual in a wrong unit, as its target is, follows from the target's (review round 53a L2).
    const fromTarget = !isTarget && indicator.target !== null && findings.at("unit-mismatch", indicator.target) !== undefined;
    if (!fromTarget) findings.add("unit-mismatch", cell, { detail: conflict.zh, detailEn: conflict.en });
    return;
  }
  // A range (90%-120%) is read by its lower bound, but its upper one states a rate as well.
  const highest = percentOf(indicator, measure, cell, isTarget, p.range?.high ?? p.value);
  if (measure.boundedRate && highest !== null && gt(highest, HUNDRED)) {
    findings.add("percent-over-100", cell, { name, value: quotedValue(cell) });
    return;
  }
  if (!isTarget) return;
  // A lower bound, or a share rather than an amount: ≥150万元, ≤95%, 成本控制率 100 (a rate without its %).
  const lowerBound = p.op === ">=" || p.op === ">";
  // A cut by a share of the spending (一般性支出压减10%), or a change held at or below zero (变动率
  // ≤-5%, ≤0%), holds it down as a ceiling does.
  const cut = statesReduction(p) || CUT_NAME.test(name) || (!lowerBound && !p.value.gt(0));
  // A control rate (spent ÷ budget) held to a ceiling holds the spending to the budget the form
  // states: the 部门整体 framework's 运行成本 prescribes them (“三公”经费控制率 ≤100%, or 100% alone),
  // and units file the same rows under 成本指标 (公用经费控制率 ≤100%: review round 57b F1).
  const ceiling = p.op === "<=" || p.op === "<";
  const prescribedRate = CONTROL_RATE.test(name) && (ceiling || (!lowerBound && RUNNING_COST.test(indicator.level1)));
  if (measure.cost && !cut && !prescribedRate && ((lowerBound && !isFundingStandard(name, p)) || percentLike(cell) || (measure.rate && p.unit === null))) {
    const why = lowerBound ? NOT_CEILING.lowerBound : NOT_CEILING.rate;
    // ≥150万元 names its amount already: the ceiling is the same amount.
    const example = p.unit?.family === "money" ? `${p.value.toFixed()}${p.unit.symbol}` : "XX万元";
    findings.add("cost-not-ceiling", cell, { name, value: quotedValue(cell), example, ...why });
    return;
  }
  // 20±2℃ above its range is scored by its upper bound, a ceiling the text does not write.
  if ((p.op === "<=" || p.op === "<") && isCountOutput(indicator, measure) && !percentLike(cell) && !isMoney(p) && !isNominalWithTolerance(p)) {
    const floor = `${p.value.toFixed()}${p.unit?.symbol ?? ""}`;
    findings.add("count-ceiling", cell, { name, value: quotedValue(cell), example: floor });
    return;
  }
  // A rate that can pass 100% (收入完成率 ≥100%, 保值增值率 ≥100%, 病床使用率 ≥100%: measures.ts passes100)
  // asks for at least a floor it can pass. A
  // 正向 指标性质 is the form's only word for a comparator: there is no "=" to advise. Over 100%, a
  // rate's target is its percent-over-100 (above) or one that can pass 100%, and an index's or a
  // ratio's can be passed; another share's cannot (资金到位 ≥110%).
  const percent = percentOf(indicator, measure, cell, isTarget, p.value);
  const unreachable = percent !== null && (eq(percent, HUNDRED) || (gt(percent, HUNDRED) && !measure.rate && !INDEX_OR_RATIO.test(name)));
  if ((p.op === ">=" || p.op === ">") && unreachable && !measure.passes100 && !p.directional) {
    findings.add("ge-100-percent", cell, { value: quotedValue(cell) });
  }
}
