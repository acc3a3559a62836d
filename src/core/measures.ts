/**
 * What an indicator measures, read from its names (三级指标, 二级指标, 描述): a rate, a count, a
 * duration, a cost. The unit rules compare this with the unit its value is written in.
 */
import { Unit, lookupUnit, unitPer } from "./units";
import { MEMO_LIMIT } from "./memo";

const RATE = /率|比例|比重|占比|百分比|百分点|(?:满意|知晓|参与|覆盖|完成|认可|达标|配合|支持|普及|认知)度/;
/**
 * Rates that pass 100% when more is done than asked: growth and returns, a figure against last
 * year's, beds in use counting extra beds (病床使用率 102%), money drawn in by the fund's (撬动社会资本比例
 * ≥150%), capital kept and grown (国有资本保值增值率 ≥103%: year-end equity over year-start) and gross
 * enrolment, pupils of any age over the cohort (高中阶段毛入学率 101.2%, 学前三年毛入园率): review round
 * 54a H1; livestock sold over the year's opening stock (生猪出栏率 ≥150%) and output over use
 * (粮食自给率 ≥100%): code review 58b, H3. With a plan's completion (PLAN_COMPLETION) they are
 * Measure.passes100.
 */
const PASSES_100 = /增长|增速|增幅|涨幅|提高|提升|增加|比上年|同比|环比|收益|回报|利润|床位使用率|病床使用率|撬动|放大|杠杆|保值增值|增值率|毛入[学园]率|出栏率|自给率/;
/**
 * A rate per head of a population, in ‰ or per 10万 and often written bare (法定传染病报告发病率 ≤250,
 * 孕产妇死亡率 ≤18, 人口出生率 ≤12): a bare value on it is no percentage (code review 58b, H3).
 */
export const PER_POPULATION = /发病率|患病率|死亡率|病死率|出生率|自然增长率|每[十百千]?万人|每10万人?|\/10万/;
/**
 * A share of something carried out or spent (预算执行率, 资金支出率, 预算执行进度, 合同执行率, 计划执行率):
 * the more the better, whatever heading files it. Not a deviation from one or an overrun of it
 * (预算执行率偏差, 超支率: DEVIATION), which is held down.
 */
const CARRIED_OUT = /执行率|支出率|(?:执行|支出)进度/;
const DEVIATION = /偏差|误差|差异|超支/;
/**
 * Rates that pass 100% only as something goes wrong, or are no share of a whole: money spent against
 * money given (成本控制率, “三公”经费控制率, 预算执行率, 支出进度) in an overrun, which the ceiling such a
 * rate is held to is there to catch (review round 33); savings, falls and changes. Not bounded, but
 * ≥100% on them asks for an overrun or all of it saved: a ge-100-percent.
 */
const OVERRUN_RATE = new RegExp(`下降|降低|节约|节支|减少|变化|偏差|超支|控制率|${CARRIED_OUT.source}`);
/**
 * A plan's completion where more than planned can come in: 一般公共预算收入完成率 103%, 招商引资任务完成率,
 * an income budget's (政府性基金收入预算完成率, 基金征缴收入预算完成率: review round 54a H1),
 * and a plan, task or target of a quantity (招生计划完成率, 造林任务完成率, 新增就业目标完成率,
 * 培训人数完成比例). A share of tasks done in time (上级任务限时完成率, 按时完成率), or of tasks of work
 * assigned (整改任务完成率, 督办任务完成率), is no such plan.
 */
const PLAN_COMPLETION =
  /(?:收入|税收|招商引资|引资|投资|产量|产值|营收|销售额?)(?:征收|计划|任务|预算)?完成率|(?:计划|任务|目标|人数|人次|户数|数量|面积|里程)(?:完成率|完成比例)/;
const TASKS_DONE = /按时|及时|限时|按期|准时|如期|(?:整改|督办|检查|审批|办理|信访|办结|处置|监督|核查|审核|巡查|验收|抽查)任务完成/;
// 完成数: a number done (重点工作任务完成数 ≥12项), where 完成 alone says how far it got (see COMPLETION).
const COUNT_WORDS =
  /次数|数量|个数|完成数|场次|天数|面积|人数|户数|件数|台数|套数|人次|辆数|家数|册数|篇数|项数|株数|棵数|处数|所数|批次|产量|生产量|里程|长度|座数|栋数/;
/**
 * A name that ends in a number of something (覆盖村数, 受益乡镇数, 受益人口数, with a unit in brackets
 * after it): a count, whatever words come before (覆盖 says a share in 覆盖面, not in 覆盖村数: review
 * round 53b M3). Not an index, a ratio or points (指数, 系数, 倍数, 分数, 基数, 参数), nor an amount
 * (预算数, or any 数 of a cost: 项目预算控制数).
 */
const NUMBER_OF = /(?<=[\u4e00-\u9fff])(?<![指系倍分基参函级位度常变均率算])数(?:[（(][^（）()]*[)）]?)?$/;
const COUNTS_BY_CATEGORY = /数量指标/;
/**
 * A 数量指标 whose name says how far something got is a completion rate, not a count; so is one that
 * names a share of those due (补贴资金足额发放, 发放到户, 政策知晓面, 应补尽补, 项目验收通过: review round 33).
 */
const COMPLETION = /完成|情况|进度|落实|执行|覆盖|达到|实现|足额|到户|到位|入户|应补尽补|知晓|验收通过/;
const DURATION = /年限|使用时间|时限|时长|周期|工期|期限|寿命|保障时间|持续时间|运行时间/;
/**
 * The time a task may take (办结时限, 审批时间, 响应时长, 处置用时, 工期, 完成时间): the less, the better. The
 * time something lasts or is given is none (使用年限, 寿命, 使用时间, 持续时间, 运行时间, 培训时长,
 * 服务时长), and neither is 时长 alone: 应急救援培训时长 is time given. 完成时长 is either (任务完成时长
 * 3天 a limit, 志愿服务完成时长 100小时 hours given): a limit only on a 时效指标 row (DONE_LASTING; review 54 M1).
 */
const TIME_LIMIT = new RegExp(
  "时限|时效|工期|耗时|(?<![使作])用时|(?:建设|施工)周期|完成(?:时间|周期|期限)" +
    "|(?:处置|处理|办理|办结|审批|审核|受理|响应|等待|回复|答复|反馈|整改|维修|修复|抢修|到场|到达|拨付|到账|到位)" +
    "(?:时间|时长|周期|期限)",
);
const DONE_LASTING = /完成时长/;
const COST = /成本/;
/** A row about when something is done (完成时间, 开工时间, 验收时间节点, 完成时限, 资金拨付及时): see Measure.timely. */
const WHEN = /时间|时点|节点|日期|时限|期限|及时|按时|按期|如期/;
/**
 * A change (农民收入增幅, 较上年增长, 出件时长降幅); 上升, 扩大, 缩短, 缩减, 削减, 精简, 节约, 压减, 压缩 and
 * 延长 only where they end the name, as a change does (办理时长缩短, 绿化面积扩大, 办件数量上升率, 审批环节精简,
 * 年限延长), not inside a thing's name (带动扩大就业人数, 购置压缩式垃圾车, 垃圾压缩站, 新建管网延长米).
 */
const CHANGE = /增长|增速|增幅|降幅|涨幅|提高|提升|下降|降低|增加|减少|变化|变动|比上年|较上年|同比|环比|(?:上升|扩大|缩短|缩减|削减|精简|节约|压减|压缩|延长)(?:率|幅度|比例)?$/;
/** A figure per head, per 亩, per kilometre (人均培训成本, 亩均增产, 每公里建设成本, 单位面积成本). */
const PER_UNIT = /[人生户亩床车]均|每(?:人|名|生|户|亩|公顷|平方米|平米|㎡|公里|千米|米|吨|件|台|套|座|所|家|床|辆|个)|单位(?:面积|长度|里程|建设|造价|运营|服务)?成本/;
/** An income raised (带动农民增收): forms count it per head or household, as 人均 or 户均 would say. */
const INCOME = /增收/;
/** What should not happen: counted, fewer is better (安全事故, 投诉次数, 差错). */
export const HARM =
  /事故|投诉|差错|故障|违规|违纪|违法|超标|损失|案件|事件|失误|返工|不合格|上访|信访|伤亡|死亡|污染|误差|退件|退回|负面影响|不良影响|质量问题|挪用|截留|舆情|隐患|返贫|破坏|社会成本|生态环境成本|生态成本|环境成本/;

/** The 2024 template's 二级 of harms: every row under 社会成本指标 or 生态环境成本指标 counts what should not happen. */
const HARMS_CATEGORY = /社会成本|生态环境成本|生态成本|环境成本/;

export interface Measure {
  rate: boolean;
  /** A rate that cannot pass 100% (完成率, 合格率, 满意度): neither passes100 nor one passing it in an overrun (执行率). */
  boundedRate: boolean;
  /**
   * A rate that passes 100% when more is done than asked (a plan's completion, growth, 病床使用率,
   * 保值增值率, 毛入学率): no percent-over-100 on it, and ≥100% is a floor it can pass, no
   * ge-100-percent (review round 54a H1, M3). One notion for both rules.
   */
  passes100: boolean;
  count: boolean;
  duration: boolean;
  /** The time a task may take (办结时限, 审批时间): fewer is better, for a range target (model.ts rangedTarget). */
  timeLimit: boolean;
  /** About when (a 时效指标, or a name of a time or a deadline: 完成时间, 时限): 2023.12 there is a month (values.ts yearMonthsAsDates). */
  timely: boolean;
  cost: boolean;
  /** 满意度: a rate that is also scored in points (≥90分). */
  satisfaction: boolean;
  /** Counts what should not happen (事故, 投诉 …), by its name. */
  harm: boolean;
  /** States a figure per head, per 亩, per kilometre (人均, 亩均, 每公里): an amount answers per unit. */
  perUnit: boolean;
  /** Measures an income raised (带动农民增收), an amount per head or household where a value says per 人 or 户. */
  income: boolean;
  /** Measures a change (农民收入增幅, 较上年增长): a figure compared with another is what it asks. */
  change: boolean;
  /** Units the name itself states, e.g. （年）, （%）, （个\套）. */
  statedUnits: readonly Unit[];
}

/** Units stated in parentheses in a name, also when the closing parenthesis was cut off. */
const NO_UNITS: Unit[] = [];

function statedUnits(text: string): Unit[] {
  if (!/[（(]/.test(text)) return NO_UNITS;
  const units: Unit[] = [];
  const re = /[（(]\s*([^（）()]{1,8}?)\s*(?:[)）]|$)/g;
  const add = (unit: Unit | undefined) => {
    if (unit && !units.some((u) => u.symbol === unit.symbol)) units.push(unit);
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    // （万元/公里） states a cost per kilometre; （个/套） either of two counts: both are kept.
    const [numerator, denominator, ...more] = m[1].trim().split(/[/／]/);
    const [top, bottom] = [lookupUnit(numerator), lookupUnit(denominator ?? "")];
    if (top && bottom && more.length === 0) add(unitPer(top, bottom));
    for (const part of m[1].split(/[\\/／、,，或]/)) add(lookupUnit(part.trim()));
  }
  return units;
}

/** A unit in brackets at the end of a name (道路长度（公里）). */
const UNIT_AT_END = /[（(]\s*([^（）()]{1,8}?)\s*[)）]\s*$/;

/**
 * A unit in brackets inside a name, before the word of what is measured that ends it (道路（公里）长度,
 * 改造（户）数量, 绿化（亩）面积): the unit of that measure. Before other words (资金（万元）拨付率) a
 * bracket may name the unit of a part only, and is not read.
 */
const UNIT_BEFORE_MEASURE = /[（(]\s*([^（）()]{1,8}?)\s*[)）](?:长度|里程|面积|数量|个数|人数|户数|总数|规模|总量|产量|容量|重量|时长)\s*$/;

/**
 * The unit a name states for its bare values in brackets at its end (道路长度（公里）, 水质达标率（天）,
 * 新建集中供水工程（处）, 每公里建设成本（万元/公里）) or before the word of its measure
 * (UNIT_BEFORE_MEASURE), as a 计量单位 column would: one unit jixiao knows, or one per another. Not a choice of two (（个/套）, （个、套）), a percentage (a bare 0.98 set against
 * one is read as a fraction already) nor 月 (as often a month of the year as a number of months).
 * Review round 53a M4.
 */
export function unitInName(name: string): string | undefined {
  const text = (UNIT_AT_END.exec(name) ?? UNIT_BEFORE_MEASURE.exec(name))?.[1];
  if (text === undefined || text === "月") return undefined;
  const unit = lookupUnit(text);
  if (unit) return unit.family === "percent" || unit.family === "permille" ? undefined : text;
  const [top, bottom, ...more] = text.split(/[/／]/);
  const [over, per] = [lookupUnit(top), lookupUnit(bottom ?? "")];
  return over && per && more.length === 0 && over.family !== per.family ? text : undefined;
}

/**
 * Measures by name, then by 一级, 二级 and description. Nested rather than keyed on the four texts
 * joined: the texts are the cells' own strings, whose hashes the engine keeps, where a joined key
 * is a new string to build and hash on every call.
 */
const measures = new Map<string, Map<string, Map<string, Map<string, Measure>>>>();
let measureCount = 0;

/** The map under `key` in `map`, made on first asking. */
function inner<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let found = map.get(key);
  if (found === undefined) {
    found = new Map();
    map.set(key, found);
  }
  return found;
}

/**
 * Memoised on the four texts, the only thing a measure depends on: the rules ask for every
 * indicator's measure, and the same names recur across the sheets of a workbook.
 */
export function measureOf(name: string, level1: string, level2: string, description: string): Measure {
  const byDescription = inner(inner(inner(measures, name), level1), level2);
  let measure = byDescription.get(description);
  if (measure === undefined) {
    measure = Object.freeze(measureUncached(name, level1, level2, description));
    byDescription.set(description, measure);
    // At most so many kept, then started afresh, as memoisedText does.
    if (++measureCount > MEMO_LIMIT) {
      measures.clear();
      measureCount = 0;
    }
  }
  return measure;
}

/**
 * Words after a name's last rate word that make it ask about that rate's survey or checks, or count
 * them, rather than state the rate (满意度调查户数, 出勤率抽查次数, 开展满意度调查, 发放满意度调查问卷: review
 * round 48); not another rate after them (满意度调查覆盖率).
 */
const ABOUT_RATE = /调查|测评|回访|问卷|样本|抽查|抽检/;
const RATE_WORDS = new RegExp(RATE.source, "g");

/**
 * 率 of what is no share: a frequency, a power, a speed (巡查频率 ≥2次/周, 装机功率, 宽带接入速率: review
 * round 48), an efficiency (审批效率: round 50; 有效率 is one), a resolution (摄像头分辨率 ≥400万像素: round 53b).
 */
const NO_SHARE = /(?:频|(?<!成)功|速|(?<!有)效|分辨)$/;

/** Whether a name states a rate (see ABOUT_RATE, NO_SHARE). */
function namesRate(name: string): boolean {
  let end = -1;
  for (const match of name.matchAll(RATE_WORDS)) if (!(match[0] === "率" && NO_SHARE.test(name.slice(0, match.index)))) end = match.index + match[0].length;
  if (end < 0) return false;
  // A method in brackets (满意度（问卷调查）, 合格率（抽检）) says how the rate was found.
  const after = name.slice(end).replace(/[（(][^（）()]*[)）]/g, "");
  // The survey alone (群众满意度测评, 服务对象满意度调查) names the rate it finds; done or counted, it does not.
  const surveyOnly = /^(?:调查|测评|抽查|抽检)$/.test(after) && !/^(?:开展|组织|进行|实施|完成)/.test(name);
  return surveyOnly || (!ABOUT_RATE.test(after) && !COUNT_WORDS.test(after));
}

function measureUncached(name: string, level1: string, level2: string, description: string): Measure {
  const rate = namesRate(name);
  const planCompletion = rate && PLAN_COMPLETION.test(name) && !TASKS_DONE.test(name);
  const passes100 = rate && (planCompletion || PASSES_100.test(name));
  // A flat list without 二级 says 成本 in the name itself (人均培训成本), outside a 效益 level; a
  // 二级 naming another kind (数量指标) decides over a 一级 of 运行成本与预算管理 (review round 51d L9).
  // A share carried out (CARRIED_OUT) is no cost, whatever heading files it: its floor (预算执行率
  // ≥95%) is right (review round 57b F2).
  const carriedOut = CARRIED_OUT.test(name) && !DEVIATION.test(name);
  const cost = !carriedOut && (COST.test(level2) || (!/效益|效果/.test(level1) && !/(数量|质量|时效|效益|满意度)指标/.test(level2) && (COST.test(level1) || (level2 === "" && COST.test(name)))));
  // A cost's 数 is an amount (项目预算控制数).
  const countByName = COUNT_WORDS.test(name) || (NUMBER_OF.test(name) && !cost) || (!rate && COUNT_WORDS.test(description) && !RATE.test(description));
  const countByCategory = COUNTS_BY_CATEGORY.test(level2) && !rate && !COMPLETION.test(name);
  return {
    rate,
    boundedRate: rate && !passes100 && !OVERRUN_RATE.test(name),
    passes100,
    count: !rate && (countByName || countByCategory),
    duration: !rate && DURATION.test(name),
    timeLimit: !rate && (TIME_LIMIT.test(name) || (DONE_LASTING.test(name) && /时效/.test(level2))),
    timely: /时效/.test(level2) || WHEN.test(name),
    cost,
    satisfaction: /满意/.test(name),
    harm: HARM.test(name) || HARMS_CATEGORY.test(level2),
    perUnit: PER_UNIT.test(name),
    income: INCOME.test(name),
    change: CHANGE.test(name),
    statedUnits: Object.freeze(description === "" ? statedUnits(name) : statedUnits(name).concat(statedUnits(description))),
  };
}
