/**
 * Header wordings (domain.md §1) and the words that classify rows and indicators. Matching works on
 * a normalised text: no white space, ASCII parentheses, and trailing notes such as (A), (B/A),
 * (10分) or (万元) removed.
 */

import { memoisedText } from "./memo";

export type BudgetField = "label" | "initial" | "planned" | "spent" | "rate" | "weight" | "score" | "grade";
export type IndicatorField =
  | "level1"
  | "level2"
  | "level3"
  /** 四级指标: the indicator, under a 三级 that groups it (review round 54a M1); see detect.ts nameColumn. */
  | "level4"
  | "target"
  /** 年初目标值 beside a 调整后目标值 (the target): a row whose target was not adjusted leaves that blank. */
  | "initialTarget"
  | "actual"
  | "weight"
  | "score"
  | "reason"
  | "measures"
  | "description"
  | "nature"
  | "unit"
  /**
   * A 度量单位 of the actual's own, after it where the target has one too (实际完成值 over 完成值 |
   * 度量单位 beside 年度指标值 over 指标性质 | 指标值 | 度量单位): see detect.ts withActualUnit.
   */
  | "actualUnit"
  | "standard"
  | "levels";

const normalizeLabel = memoisedText((text) => normalizeUncached(text));

/**
 * Removes white space, unifies parentheses and strips trailing parenthesised notes. Memoised for
 * label-length texts: detection normalises the labels of every row of every sheet, and they
 * repeat; a paragraph is normalised afresh rather than kept.
 */
export function normalizeHeader(text: string): string {
  return text.length > 40 ? normalizeUncached(text) : normalizeLabel(text);
}

const WHITE_SPACE = /[\s\u3000]+/g;
const FULL_WIDTH_OPEN = /（/g;
const FULL_WIDTH_CLOSE = /）/g;
const TRAILING_MARK = /[：:*＊]$/;
const TRAILING_NOTE = /\([^()]*\)?$/;

function normalizeUncached(text: string): string {
  let t = text.replace(WHITE_SPACE, "").replace(FULL_WIDTH_OPEN, "(").replace(FULL_WIDTH_CLOSE, ")").replace(TRAILING_MARK, "");
  // Drop trailing notes like (A), (B/A), (10分), (万元), repeatedly: "执行率(B/A)(%)".
  for (let i = 0; i < 3; i++) t = t.replace(TRAILING_NOTE, "");
  return t;
}

/** 分值 and 得分 as both tables word them: 标准分值, 指标分值, 权重分; 自评分, 考核得分, 得分值. */
const WEIGHT_HEADER = /^(指标|标准)?(分值|权重|分数|标准分|满分|权重分)$/;
const SCORE_HEADER = /^(指标)?(得分|得分值|自评得分|评分|自评分|实际得分|评价得分|考核得分)$/;
/** A project list's budget execution score, beside the project's 自评总分 (review round 33). */
export const EXECUTION_SCORE_HEADER = /^(预算)?执行率?得分$/;

/** How units head the 实际完成值 column (the 全年/年度/年末 before them aside). */
const ACTUAL_WORDS = [
  "实际完成值",
  "实际值",
  "完成值",
  "实际完成情况",
  "实际完成数",
  "实际完成",
  "实际完成指标值",
  "实际完成结果",
  "实际执行值",
  "实际达成值",
  "实际指标值",
  "指标完成值",
  "完成指标值",
  "完成情况",
  "执行情况",
  "完成数",
];

/**
 * The budget's columns. 预算调整数 is not the planned budget: forms use it for the amount a budget
 * was adjusted by (年初预算数 | 预算调整数 | 调整后预算数). 资金到位数 (money received) is not spending.
 */
const BUDGET_PATTERNS: [BudgetField, RegExp][] = [
  ["initial", /^年初(预算|预算数|预算金额|预算资金|安排数?|批复数|批复预算数?)$/],
  [
    "planned",
    /^(全年|调整后|调整|本年|年度|当年)?(调整)?(预算|预算数|预算金额|预算资金|预算安排数?|预算总额|可用预算数?|预算批复数|批复数|批复预算数?)(合计)?$/,
  ],
  [
    "spent",
    /^(截[至止].{0,12}?)?(?:(全年|本年|年度|当年|累计)?(预算|实际)?(执行数|执行金额|执行资金)|(全年|本年|年度|当年|累计|预算|实际)?(支出数|支出|支出金额|实际支出|实际支出数|实际支出金额|决算数))$/,
  ],
  ["rate", /^(全年|本年|年度|当年|资金)?(预算)?(执行率|完成率)$|^完成预算$/],
  ["weight", WEIGHT_HEADER],
  ["score", SCORE_HEADER],
  ["score", EXECUTION_SCORE_HEADER],
  ["grade", /^(评价|自评)?(等级|等次)$/],
  ["label", /^(项目名称|项目|资金来源|资金性质|单位名称|科目名称|名称|支出项目|预算项目|任务名称)$/],
];

const INDICATOR_PATTERNS: [IndicatorField, RegExp][] = [
  ["level1", /^一级指标(名称)?$/],
  ["level2", /^二级指标(名称)?$/],
  ["level3", /^(三级指标(名称)?|指标名称|指标内容|绩效指标名称)$/],
  ["level4", /^四级指标(名称)?$/],
  // 绩效指标 alone heads the 一级-to-三级 columns (levels below), not the targets.
  // Also as the plan (年度预期目标值, 计划值, 计划完成值).
  [
    "target",
    new RegExp(
      `^(年度|年初|全年|调整后|预期|计划)?(指标值|目标值|指标|目标)$|^(指标|绩效|年度绩效|绩效指标年度|年初设定)目标值$|^(年度)?绩效指标值$` +
        `|^(年度)?(计划数|目标数)$|^(年度)?(预期|计划)(目标值|指标值|值|完成值|完成数)$`,
    ),
  ],
  // 完成情况 / 执行情况 whole only: 偏差原因及完成情况说明 explains, and 预算执行情况 heads budget figures.
  ["actual", new RegExp(`^(全年|年度|年末)?(${ACTUAL_WORDS.join("|")})$`)],
  ["weight", WEIGHT_HEADER],
  ["score", SCORE_HEADER],
  // 改进措施 in a column of its own, beside 偏差原因分析: either one explains a deviation.
  ["measures", /^(改进|整改)措施$/],
  ["reason", /(偏差|未完成).*(原因|措施)|原因分析|改进措施|^原因$|^偏差说明$/],
  ["description", /^(绩效)?指标(描述|解释|说明)$|^评价(内容|要点)$/],
  // The older 绩效评价指标表: 评价指标 merged over its level columns, 评分标准 saying how points are given.
  ["standard", /^(评分|评价)(标准|细则|办法)$/],
  ["levels", /^(评价|绩效)指标$/],
  ["nature", /^指标(性质|方向|类型)$|^比较符$/],
  ["unit", /^(度量|计量)?单位$/],
];

/**
 * Every field word holds Chinese: a text of ASCII alone (a number, 序号's 1, 2, 3, an amount, TRUE)
 * names no field, and is not normalised, tried against each pattern or kept.
 */
const NON_ASCII = /[^\x00-\x7f]/;

export const HAN = /\p{Script=Han}/u;
/** A word in a script other than Han: two letters at least (Latin, Arabic, Tibetan, Mongolian, Cyrillic, Hangul …). */
const OTHER_WORD = /[^\P{L}\p{Script=Han}]{2}/u;
const BRACKETED = /[(（][^()（）]*[)）]/g;
/** Where the languages of a heading part: a line break or spaces (\s holds the full-width one), a slash or bar. */
const LANGUAGE_BREAK = /\s*[/／|｜]\s*|\s+/g;
/** Chinese with no word of another script (its brackets masked: 全年预算数(A), 执行率（B/A）). */
const isChinese = (part: string) => HAN.test(part) && !OTHER_WORD.test(part);
/** Words of another script, no Chinese: Annual Budget, Level-1 Indicator, ئومۇمىي خامچوت. */
const isOther = (part: string) => !HAN.test(part) && OTHER_WORD.test(part);

/**
 * A heading's Chinese words where it is written in two languages, the Chinese and the other set
 * apart by a line break, a slash or spaces, either one first: 一级指标 of 一级指标\nLevel-1 Indicator,
 * 一级指标 / Level-1 Indicator, Level-1 Indicator\n一级指标, or a line in Uyghur, Tibetan or Mongolian
 * script (autonomous regions' forms, foreign-loan projects'). The text itself otherwise: Chinese
 * on both sides of the other words (年度GDP指标值), a letter alone (项目 A), or no Chinese at all.
 * For headings only: an indicator's name or a note is never read so. Memoised: it is asked of
 * every cell tried as a header (its Unicode tests cost), and texts repeat.
 */
export const headingWords = memoisedText((text) => {
  if (!HAN.test(text) || !OTHER_WORD.test(text)) return text;
  // What is in brackets masked: no break inside them, and no word there counts (Annual Budget (A)).
  const masked = text.replace(BRACKETED, (b) => "_".repeat(b.length));
  // The shortest Chinese side of a break: a year or number the other words end with goes with
  // them (Actual 2023\n2023年实际完成值).
  let words = text;
  for (const gap of masked.matchAll(LANGUAGE_BREAK)) {
    const at = gap.index!;
    const end = at + gap[0].length;
    const [before, after] = [masked.slice(0, at), masked.slice(end)];
    const chinese = isChinese(before) && isOther(after) ? text.slice(0, at) : isOther(before) && isChinese(after) ? text.slice(end) : text;
    if (chinese.length < words.length) words = chinese;
  }
  return words;
});

/** normalizeHeader of a heading's Chinese words (see headingWords): for header cells only. */
export function normalizeHeading(text: string): string {
  return normalizeHeader(headingWords(text));
}

/** Memoised: every row of every sheet is tried as a header, and cell texts repeat a lot. */
function fieldMatcher<F extends string>(patterns: [F, RegExp][]): (text: string) => F | undefined {
  const cache = new Map<string, F | null>();
  return (text) => {
    if (text === "" || text.length > 40 || !NON_ASCII.test(text)) return undefined;
    let field = cache.get(text);
    if (field === undefined) {
      const t = normalizeHeader(text);
      field = patterns.find(([, re]) => re.test(t))?.[0] ?? null;
      if (cache.size > 50000) cache.clear();
      cache.set(text, field);
    }
    return field ?? undefined;
  };
}

/** The longest heading read in two languages: both lines of 偏差原因分析及改进措施 and its English. */
const BILINGUAL_LENGTH = 120;

/**
 * A matcher that also reads a heading written in two languages, by its Chinese words (see
 * headingWords) where the whole text names no field.
 */
function bilingual<F extends string>(match: (text: string) => F | undefined): (text: string) => F | undefined {
  return (text) => {
    const field = match(text);
    if (field !== undefined || text.length > BILINGUAL_LENGTH) return field;
    const words = headingWords(text);
    return words === text ? undefined : match(words);
  };
}

export const matchBudgetField = bilingual(fieldMatcher(BUDGET_PATTERNS));
export const matchIndicatorField = bilingual(fieldMatcher(INDICATOR_PATTERNS));

/**
 * What a column's heading may open with to say which year it is for: 2023年度指标值, 2023年初预算数,
 * 本年实际完成值, 当年执行数; or the date it runs to, 截至12月底完成值. Not last year's or a running
 * total (上年, 去年, 累计): those columns are never the year's own.
 */
const YEAR_OPENING = /^(?:(\d{4})(?:年度?(?!初))?|本年度?|当年)(?=.)/;
const AS_OF = /^截[至止]/;
/** Every dated heading opens with a year (2023年…, 本年…, 当年…) or with 截至: numbers and words do not. */
const DATED_OPENING = /^\s*(?:\d{4}\s*年|本年|当年|截[至止])/;

/**
 * The field a heading names after its year or date, and those words (`when`: 2023年, 本年,
 * 截至2023年6月底, 2023年12月底), which detect.ts ranks. Undefined for a heading that names none so.
 */
export function datedField<F extends string>(text: string, match: (text: string) => F | undefined): { field: F; when: string } | undefined {
  if (text.length > BILINGUAL_LENGTH) return undefined;
  text = headingWords(text);
  if (text.length > 40 || !DATED_OPENING.test(text)) return undefined;
  const t = normalizeHeader(text);
  if (/上年|去年|累计/.test(t)) return undefined;
  const opening = YEAR_OPENING.exec(t);
  if (!opening && !AS_OF.test(t)) return undefined;
  // The year alone, or 截至 and the date, or the year and a month (2023年12月底完成值): at most 14 characters.
  for (let end = opening ? opening[0].length : 2; end <= Math.min(14, t.length - 1); end++) {
    const field = match(t.slice(end));
    if (field) return { field, when: t.slice(0, end) };
  }
  return undefined;
}

/** How a column may be headed, named to a user whose header lacks one: 分值, 得分, 实际完成值, the budget's amounts. */
export const COLUMN_WORDINGS = {
  weight: "分值 / 权重 / 标准分值",
  score: "得分 / 自评得分 / 考核得分",
  actual: "实际完成值 / 实际值 / 完成值 / 指标完成值 / 完成情况",
  planned: "全年预算数 / 预算数",
  spent: "全年执行数 / 执行数 / 实际支出",
};

/** The wordings named to a user whose workbook has no recognisable table. */
export const LOOKED_FOR = {
  budget: [COLUMN_WORDINGS.planned, COLUMN_WORDINGS.spent, "执行率", COLUMN_WORDINGS.weight, COLUMN_WORDINGS.score],
  indicators: [
    "一级指标",
    "二级指标",
    "三级指标 / 指标名称",
    "年度指标值 / 指标值",
    COLUMN_WORDINGS.actual,
    COLUMN_WORDINGS.weight,
    COLUMN_WORDINGS.score,
  ],
};

/**
 * Rows that close a table and carry its recorded total or grade (项目自评总分（含预算执行率得分） too);
 * the indicators' own 合计 is also headed 指标合计 or 绩效指标合计. A 总分 is also worded 综合评分,
 * 绩效评价总分 or 项目支出绩效自评总分; 项目支出合计 is a budget line, not one of them.
 */
export const TOTAL_LABEL =
  /^(项目绩效指标|项目|绩效指标|各项指标|指标)?(合计|总计|总分|综合得分|综合评分|总评分|绩效自评综合得分|自评综合得分|自评得分|得分合计|总得分|自评总分|自评总得分|评价总分|总体得分|最终得分)|^(项目支出|项目)?绩效(自评|评价)(得分|总分)/;
/** Of those, the ones that sum the rows above them (domain.md §1) rather than name the 总分. */
export const SUM_LABEL = /^(项目绩效指标|项目|绩效指标|各项指标|指标)?(得分)?(合计|总计)/;
/**
 * How a header block labels the form's own total (自评得分 | 95.5): fewer words than TOTAL_LABEL, not
 * 总分, which a header block may give the form's full marks under (总分 | 100 | 自评得分 | 96.5).
 */
export const STATED_TOTAL_WORDS = "自评得分|自评总分|综合得分|绩效自评综合得分|自评综合得分|绩效自评得分|总得分";
/** The words a form's grade is labelled with, on its own row or in its header block (自评等级 | 优). */
export const GRADE_WORDS = "评价等次|评价等级|等次|等级|自评等级|自评等次|绩效等级|评定等级|综合评价等级";
export const GRADE_LABEL = new RegExp(`^(${GRADE_WORDS})|^(评价|自评)(结果|结论)$`);
/**
 * Of those, the labels whose row is a total or a grade by what it holds: 自评结果 | 95 is the 总分,
 * 自评结果 | 优 the 等次. A 结论 is the 等次 only when it is a grade word (自评结论 | 优), not a
 * paragraph (自评结论 | 项目总体完成较好……). Whole labels only: 评价结果应用 is an indicator.
 */
export const RESULT_LABEL = /^(评价|自评)结果$/;
export const CONCLUSION_LABEL = /^(评价|自评)结论$/;
export const SUBTOTAL_LABEL = /^小计/;
export const FUNDS_TOTAL_LABEL = /^(年度资金总额|资金总额|预算资金总额|项目资金总额|资金合计|总额)/;
/**
 * The 其中 rows under a funds total come in two breakdowns, each adding up to the total on its own:
 * by use (基本支出, 项目支出; 基本支出's own parts 人员经费 and 公用经费) and by source of funds.
 */
export const FUNDS_USE_LABEL = /^(其中[:：]?)?(基本支出|项目支出|人员经费|公用经费)$/;
/** The uses that list their own parts under them: 基本支出 its 人员经费 and 公用经费, 项目支出 its projects. */
export const BASIC_SPENDING_LABEL = /^(其中[:：]?)?基本支出$/;
export const PROJECT_SPENDING_LABEL = /^(其中[:：]?)?项目支出$/;
export const BASIC_SPENDING_PART = /^(其中[:：]?)?(人员经费|公用经费)$/;
/** 其中 leading a row: it breaks down a row above it (a funds total, 项目支出), whatever it names. */
export const IN_WHICH = /^其中[:：]?/;
/** 上级补助 alone names a source; followed by more (上级补助农机购置补贴) it begins a project's name. */
export const FUNDS_SOURCE_LABEL =
  /^(其中|本年财政拨款|当年财政拨款|上年结转|财政资金|财政拨款|财政专户管理资金|单位资金|其他资金|自有资金|一般公共预算|政府性基金)|^上级补助(资金|收入)?$/;
/**
 * A 一级 heading row: 一、产出指标（50分）, 产出指标, （二）效益指标 — short, no sentence; in the older
 * 绩效评价指标表 also 决策（20分）, 项目过程, 投入.
 */
const SECTION_NAME = "(?:产出|效益|效果|满意度|成本|预算执行|社会效益|经济效益|生态效益|可持续影响|(?:项目)?(?:决策|过程|投入|管理|产出|效益|绩效))(?:指标|目标)?";
const SECTION_HEADING = new RegExp(`^${SECTION_NAME}\\s*(?:[(（][^()（）]*[)）])?$`);

export function isSectionHeading(text: string): boolean {
  return text.length <= 24 && SECTION_HEADING.test(withoutNumbering(text.trim()));
}

const SECTION_START = new RegExp(`^${SECTION_NAME}\\s*[:：(（]`);

/** Whether words start with a 一级's name and what it says of it (产出指标：反映…, 效益指标（30分）…). */
export function startsWithSectionName(words: string): boolean {
  return SECTION_START.test(words);
}

/** The 二级 names of the national forms (数量指标, 服务对象满意度指标), as a subtotal row names them. */
const LEVEL2_NAME =
  "(?:数量|质量|时效|进度|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|生态环境效益|可持续影响|服务对象满意度|社会公众满意度|群众满意度|满意度)指标";

/**
 * A 一级's or a 二级's own 小计 or 合计 row (产出指标小计, 产出指标 合计, 一、效益指标得分小计,
 * 数量指标小计, 服务对象满意度指标小计): the sum of its rows, no indicator.
 */
const GROUP_SUBTOTAL = new RegExp(`^(?:${SECTION_NAME}|${LEVEL2_NAME})(?:得分)?(?:小计|合计)$`);

export function isGroupSubtotal(text: string): boolean {
  return text.length <= 24 && GROUP_SUBTOTAL.test(withoutNumbering(normalizeHeader(text)));
}

/** A line's words without its numbering: 1.财政拨款, （二）其他资金, 一、项目支出, １．, ①. */
export function withoutNumbering(text: string): string {
  return text.replace(/^(?:[(（]?[0-9０-９一二三四五六七八九十]+[)）]|[0-9０-９一二三四五六七八九十]+[.、．]|[①-⑳])\s*/, "");
}

/** "source": a 其中 row by source of funds (财政拨款…); "use": by use (基本支出, 项目支出…). */
export type BudgetLineKind = "funds-total" | "source" | "use" | "subtotal" | "total" | "line";

/**
 * A line's words, without white space, numbering, a note in brackets or the heading of the split
 * it begins: 一、基本支出（人员经费） and 按支出性质分：基本支出 → 基本支出.
 */
export const lineWords = (label: string): string => withoutNumbering(normalizeHeader(label)).replace(SPLIT_HEADING, "");

/** The split a line begins, written before it (按收入性质分：财政拨款, 按资金来源分：…): review round 47. */
const SPLIT_HEADING = /^按[^:：]{1,8}分[:：]/;

/** A budget line's kind by its words (see lineWords): a funds total, 小计, 合计, a use or a source of funds, else a line of the list. */
export function lineKind(words: string): BudgetLineKind {
  if (FUNDS_TOTAL_LABEL.test(words)) return "funds-total";
  if (SUBTOTAL_LABEL.test(words)) return "subtotal";
  if (TOTAL_LABEL.test(words)) return "total";
  if (FUNDS_USE_LABEL.test(words)) return "use";
  if (FUNDS_SOURCE_LABEL.test(words)) return "source";
  return "line";
}

/** A name as a list, a form and its 总分 row each may write it: no spaces or numbering, brackets of one kind. */
export function compactName(text: string): string {
  return withoutNumbering(text.replace(/[\s\u3000]+/g, "").replace(/（/g, "(").replace(/）/g, ")"));
}

/** The first characters of every total, grade and note label above: a cheap test before the regexes. */
export const ROW_LABEL_START = /^[\s\u3000]*[合总综绩自得评等注说备填审负联单财小项指最各平]/;
/** The label of a list's average of its projects' totals (平均得分 | 100 | 98.17): the whole list's, never one project's. */
export const LIST_AVERAGE_LABEL = /^(各?项目)?平均(得)?分$/;
/** Lines under a table that are notes or signatures, not data: "填表人：张三", or 填表人 | 张三 in cells of their own. */
export const NOTE_LABEL = /^(注|说明|填表说明|填报说明|备注|填表人|填报人|审核人|负责人|联系人|联系电话|单位负责人|财务负责人|填报日期|填表日期)(?:[:：\s]|$)/;

/**
 * What a form's header block calls it: 项目名称 | 农村饮水工程 (转移支付（项目）名称 on a transfer
 * payment's form), or 单位名称：某区教育局 in one cell (labels as normalizeHeader gives them). A
 * 项目名称 names a project form; a unit's name (部门整体 forms) is used only without one.
 */
const PROJECT_NAME_LABELS = ["项目名称", "转移支付(项目)名称", "转移支付名称", "专项资金名称"];
/**
 * The unit labels in order of preference where a header block has several: the unit that did the
 * work (实施单位) before the department over it (主管部门).
 */
export const UNIT_NAME_LABELS = [
  "实施单位",
  "项目实施单位",
  "资金使用单位",
  "单位名称",
  "部门(单位)名称",
  "单位(部门)名称",
  "预算单位",
  "预算单位名称",
  "部门名称",
  "填报单位",
  "填报单位名称",
  "编制单位",
  "报送单位",
  "评价单位",
  "主管部门",
  "项目主管部门",
  // 财预〔2020〕10号's own 项目支出绩效自评表: 主管部门及代码 | 县审计局（123001）.
  "主管部门及代码",
  // A 转移支付 form names the local department that spent the funds beside the central one.
  "地方主管部门",
  "中央主管部门",
];

/**
 * On a project's form, the unit that did the work (实施单位) and the department over it (主管部门),
 * two bodies (财预〔2020〕10号's 项目支出绩效自评表 asks for both): where the first is left blank, the
 * second names no unit of the form's, only its supervisor (review round 57d, F2). On a whole
 * department's form the 主管部门 is the unit, and a transfer payment's form is evaluated by its
 * 主管部门 (地方主管部门 on the central form).
 */
export const IMPLEMENTER_LABELS = ["实施单位", "项目实施单位", "资金使用单位"];
export const SUPERVISOR_LABELS = ["主管部门", "项目主管部门", "主管部门及代码"];

/**
 * Labels that may follow a name on the same line of a header block with no space before them
 * (县公路事务中心金额单位：万元): the name ends where one of them starts.
 */
const NEXT_LABELS =
  "(?:金额单位|计量单位|填报日期|填表日期|联系电话|填表人|填报人|联系人|负责人|审核人|项目名称|实施单位|主管部门|单位名称|填报单位|编制单位|报送单位|单位|日期|电话)\\s*(?:[(（][^()（）]*[)）])?\\s*";
const NEXT_LABEL_END = new RegExp(`${NEXT_LABELS}$`);
/** Another field's label and its colon, later on a project's line (… 金额单位：万元). */
const NEXT_FIELD = new RegExp(`[\\s\u3000]*${NEXT_LABELS}[:：]`);
/** Any short label and its colon after a run of spaces (…        项目编号：P2023-017). */
const LABEL_AFTER_SPACES = /[\s\u3000]{2,}[^\s\u3000:：]{1,8}[:：]/;
/**
 * A header-block cell that labels another field (预算编码, 项目类别, 填报日期：2024年3月, 联系电话 …):
 * right of a name label whose own value was left blank, it is that next field, not the name.
 */
const FIELD_LABEL = /^.{0,4}(?:编码|代码|编号|日期|电话|类别|类型|性质|年度|负责人|联系人|填报人|填表人|审核人|金额单位|计量单位)$/;
export const isFieldLabel = (text: string) => FIELD_LABEL.test(normalizeHeader(text.split(/[:：]/)[0]));
/** A note that the name is to be stamped: 县公路事务中心（盖章）. */
const SEAL_NOTE = /[(（【[]\s*(?:盖章|公章|签章|印章)\s*[)）】\]]/g;
/**
 * A unit's code before or after its name, as 主管部门及代码 asks for both: 县审计局 123001,
 * [123001]县审计局, 123001-县审计局; set apart by brackets or a space, dash or colon, so that a name
 * that starts with a number (120急救中心, 101中学) keeps it.
 */
const UNIT_CODE = /^(?:[(（[【]\d{3,}[)）\]】]|\d{3,}[\s\-－_:：]+)\s*|\s*(?:[(（[【][\d\-－]{3,}[)）\]】]|[\s\-－_:：]+[\d\-－]{3,})$/g;

/**
 * The name a header-block line gives after its label, without the rest of the line: a one-cell line
 * often goes on with another field (填报单位：县公路事务中心　　　　金额单位：万元, …中心 填报日期：…),
 * set apart by a run of spaces or by that field's own label, and a unit's name may be followed by
 * the note to stamp it (（盖章）). "" when nothing is left. A project's line ends only at another
 * field's label and colon: its name may hold a colon or spaces of its own.
 */
export function formNameValue(text: string, field: FormNameLabel["field"]): string {
  // A project's name may hold a colon or spaces of its own (民生实事：农村公路提质改造, 农村公路提质改造  （一期）).
  if (field === "project") {
    const next = [text.search(NEXT_FIELD), text.search(LABEL_AFTER_SPACES)].filter((at) => at >= 0);
    return (next.length === 0 ? text : text.slice(0, Math.min(...next))).trim();
  }
  // A run of two or more spaces (full-width ones too) ends the name.
  let name = text.trim().split(/[\s\u3000]{2,}/)[0];
  const colon = name.search(/[:：]/);
  if (colon >= 0) {
    // The next field's label: the word before its colon, after a space or as a known label.
    const before = name.slice(0, colon);
    const space = before.search(/[\s\u3000]\S*$/);
    name = space >= 0 ? before.slice(0, space) : before.replace(NEXT_LABEL_END, "");
  }
  return name.replace(SEAL_NOTE, "").trim().replace(UNIT_CODE, "");
}

/** Which name a header-block label gives: the project, or a unit with its rank in UNIT_NAME_LABELS. */
export type FormNameLabel = { field: "project" } | { field: "unit"; rank: number };

export function formNameLabel(label: string): FormNameLabel | null {
  const normalized = normalizeHeading(label);
  if (PROJECT_NAME_LABELS.includes(normalized)) return { field: "project" };
  const rank = UNIT_NAME_LABELS.indexOf(normalized);
  return rank < 0 ? null : { field: "unit", rank };
}
/** A form's title (2023年度项目支出绩效自评表): the top of one form on a sheet that holds several. */
export const FORM_TITLE = /(?:绩效|自评|评价).*表$/;

/** The words before a form's year (某区卫生健康局2023年度…, 某局二〇二三年…, 某局年度…): its unit's name, when it is one. */
const BEFORE_YEAR = /^(.+?)(?:(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})年度?|年度)/;
/** How the names of budget units end: 局, 委员会, 中心, 学校, 医院, 人民政府, 街道办事处, 镇 … */
const UNIT_NAME_END = /(?:局|委|会|办|室|部|厅|处|署|中心|院|所|站|队|馆|校|学|园|场|社|联|协|政府|街道|办事处|镇|乡|村|[委局院府]机关|管理段|养护段)$/;

/**
 * How the names of agencies end, more narrowly than units' (no 村, 场, 园, 社 …: a project's site may
 * end so): also the party's and the people's organisations (县委宣传部, 县总工会, 县妇联, 县供销合作社),
 * courts and procuratorates, and the units a site's name does not end as (县国有林场, 县中心幼儿园,
 * 县公路管理段, 县纪委监委机关: review round 49b). A 部 or 机关 only so: 老干部, 城区东部 and 机关 alone
 * name people, a part of town or the staff.
 */
export const AGENCY_NAME_END =
  /(?:局|委员会|委|办公室|中心|医院|学校|中学|小学|大学|学院|党校|幼儿园|政府|办事处|联合会|[妇侨文残]联|工商联|社科联|科协|工会|红十字会|(?:宣传|组织|统战|武装|人武|社会工作|工作)部|供销合作社|供销社|法院|检察院|检察室|研究院|林场|管理段|养护段|[委局院府]机关|站|所|馆|队)$/;
/** A year that starts a form's title (2023年度…, 二〇二三年…). */
const YEAR_FIRST = /^(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})年度?/;
/** The form's words that follow its unit's name in a title that starts with its year. */
const FORM_WORDS_FIRST = /^(?:部门|单位|项目|整体|预算|财政|专项|绩效)/;

/**
 * The unit a form's title (or a file named like one) names before its year: 某区卫生健康局 of
 * 某区卫生健康局2023年度部门整体支出绩效自评评分表. Null unless those words end as a unit's name does
 * and hold no number or punctuation: 某县2023年度… names a county, not a unit. In a title that
 * starts with its year, the agency named right before the form's words (2023年度县教育局部门整体…,
 * 2023年度县农业农村局农机化中心项目支出…): an agency's name, not a site's (2023年度城东农贸市场项目…
 * names a project).
 */
export function unitInTitle(title: string): string | null {
  const compact = title.replace(/[\s\u3000]+/g, "");
  const before = BEFORE_YEAR.exec(compact)?.[1];
  if (before !== undefined && isUnitName(before)) return before;
  const year = YEAR_FIRST.exec(compact)?.[0];
  if (year === undefined) return null;
  const rest = compact.slice(year.length);
  for (let end = 2; end < rest.length; end++) {
    const words = rest.slice(0, end);
    if (AGENCY_NAME_END.test(words) && isUnitName(words) && FORM_WORDS_FIRST.test(rest.slice(end))) return words;
  }
  return null;
}

/**
 * A school's name as it is said in short, a place and its number: 县一中, 县二中, 城关一小, 城关二幼
 * (code review 58b, M2); the place ends as one does, so 整治三小 or 高三中 is none (code review 58c, L1).
 */
const SCHOOL_SHORT = /^\p{Script=Han}{0,4}(?:[县市区镇乡旗]|城关|街道)[一二三四五六七八九十]{1,3}[中小幼]$/u;

/** Whether words end as a unit's name does (局, 中心, 医院, 人民政府 …) or is a school's short name (县一中) and hold no number or punctuation. */
export function isUnitName(words: string): boolean {
  return !/[\d\p{P}]/u.test(words) && (UNIT_NAME_END.test(words) || SCHOOL_SHORT.test(words));
}

/** 一级 categories (for missing-dimension and the negative-indicator default). */
export type Dimension = "output" | "effect" | "satisfaction" | "cost";

const dimensions = new Map<string, Dimension | undefined>();

/** Memoised: every row asks for its 一级 and 二级 labels, which repeat down the table. */
export function dimensionOf(label: string): Dimension | undefined {
  if (dimensions.has(label)) return dimensions.get(label);
  const dimension = dimensionUncached(label);
  if (dimensions.size > 10000) dimensions.clear();
  dimensions.set(label, dimension);
  return dimension;
}

function dimensionUncached(level1: string): Dimension | undefined {
  const t = normalizeHeader(level1);
  if (/满意/.test(t)) return "satisfaction";
  // The 部门整体 framework's 履职效能 is its 产出, and its 社会效应 its 效益 (review round 33).
  if (/产出|履职/.test(t)) return "output";
  if (/效益|效果|效应/.test(t)) return "effect";
  if (/成本/.test(t)) return "cost";
  return undefined;
}

/**
 * A weight stated in brackets: （50分）, (50分), （权重50分）, （权重：50）, （分值50）, or （40%) — a
 * percentage of the 100 points, so 40 points. A bare number in brackets (（2023）) states none.
 */
const STATED_WEIGHT = /[（(]\s*(?:(权重|分值)\s*[:：]?\s*)?([\d０-９]+(?:[.．][\d０-９]+)?)\s*(分|%|％)?\s*[)）]/g;

/** A run of spaces holding a line break, between two Chinese characters, punctuation or full-width forms. */
const WIDE = "\\p{Script=Han}\\u3001-\\u303F\\uFF00-\\uFFEF";
const WIDE_BREAK = new RegExp(`(?<=[${WIDE}])\\s*[\\n\\r\\u2028\\u2029]\\s*(?=[${WIDE}])`, "gu");
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * A name or label as read, without the cell's layout (review round 55a, M1 and L1): a line break typed
 * between two Chinese characters (Alt+Enter in a narrow cell: 居民满⏎意度, 产⏎出⏎指⏎标) joins them.
 * Any other stays as written: a name in two languages (农村道路硬化里程⏎Road length, review round
 * 53a), a break beside Latin letters or digits (5G⏎基站), spaces typed on one line.
 */
export function layoutJoined(text: string): string {
  return LINE_BREAK.test(text) ? text.replace(WIDE_BREAK, "") : text;
}

/** "产出目标（50分）" → { name: "产出目标", weight: "50" }; full-width digits too (（５０分）). */
export function splitStatedWeight(label: string): { name: string; weight: string | null } {
  const match = [...label.matchAll(STATED_WEIGHT)].find((m) => m[1] !== undefined || m[3] !== undefined);
  if (!match) return { name: layoutJoined(label).replace(/\s+/g, " ").trim(), weight: null };
  return { name: label.slice(0, match.index ?? 0).replace(/\s+/g, "").trim(), weight: match[2].normalize("NFKC") };
}
