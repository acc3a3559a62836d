/**
 * Reading targets, actuals and plain amounts (domain.md §2). A value is
 * `[comparator] number [unit] [qualifier]` or a qualitative phrase. Numbers stay exact decimals
 * (a numeric cell is read from its shortest text, String(n)), and nothing here throws.
 */
import Decimal from "decimal.js";
import { gt } from "./compare";
import { CellValue } from "./grid";
import { ASKS_YES_OR_NO, answerOf } from "./answers";
import { HARM } from "./measures";
import { memoisedText } from "./memo";
import { Unit, lookupUnit, matchUnitPrefix, toBase, unitNamed, unitPer, unitsConvertible } from "./units";

export type Op = ">=" | ">" | "<=" | "<" | "=" | "≈";
export type Achievement = "achieved" | "partial" | "notAchieved";

export interface ParsedValue {
  /** What the cell shows, trimmed; a number 0.98 with a % format → "98%". */
  text: string;
  kind: "empty" | "number" | "qualitative" | "invalid";
  /** Normalised comparator; "≈" for 约/近/余/左右/大约. Only for numbers (and invalid text that states one). */
  op: Op | null;
  /** The number as written in its unit: 98 for "98%" and for 0.98 formatted 0%. */
  value: Decimal | null;
  unit: Unit | null;
  /** Written with a bare 万 or 亿 and no unit (≥3万): `value` is the number multiplied out, 30000. */
  scaled: boolean;
  /** States both a lower and an upper bound ("低于5%及以上", "≥3且≤2"), or contradicts its 指标性质 column. */
  contradictory: boolean;
  /** The result a qualitative phrase states (达成/部分达成/未达成), when it clearly states one. */
  achievement: Achievement | null;
  /** Unmeasurable wording (效果明显, 有所提升 …). Only for qualitative text. */
  vague: boolean;
  /** For kind "invalid": why, in plain Chinese. */
  problem: string | null;
  /** A date the text states (7月, 12月底前, 2023年6月30日, a date cell): a deadline, never a duration. */
  date: CalendarDate | null;
  /** The period a number is stated per (≥1次/月), if any. */
  period: Period | null;
  /**
   * Its comparator comes only from a 正向/反向 指标性质 (广东's forms): a form whose words for a
   * comparator have no "=" to write instead.
   */
  directional: boolean;
  /**
   * A range written where one value is due (10-20个, 90%～95%, 3至5天): its bounds in `unit`. The
   * value stays invalid (an actual must be one number); a target is read by the bound that decides
   * it (see rangeAsBound), which keeps the range.
   */
  range: ValueRange | null;
}

export interface ValueRange {
  low: Decimal;
  high: Decimal;
}

/** A period a value is stated per: its word (月) and how many of them make a year (12). */
export interface Period {
  word: string;
  perYear: number;
}

/**
 * A day of the year, or the span of days a text leaves open: 6月 is days 1–30 of June, 12月底 days
 * 21–31, 6月30日 the one day. `year` is null where the text gives none (12月底前).
 */
export interface CalendarDate {
  year: number | null;
  month: number;
  firstDay: number;
  lastDay: number;
  /** Written in the year after the form's (次年1月, 翌年3月), whose year the text leaves to the form. */
  nextYear?: true;
}

export interface ParseContext {
  /** The cell's number format ("0%", "0.00%", "#,##0.00", "General"). */
  numFmt?: string;
  /** A separate 指标性质 column: "=", "≥", "≤", "＞", "定性" … */
  opColumn?: string;
  /** A separate 度量单位/计量单位 column: "%", "万元", "次" … */
  unitColumn?: string;
}

// ---------------------------------------------------------------------------------------------
// Comparators

/** Comparators written before the number (text is NFKC-normalised first, so ＞ is already >). */
const PREFIX_OPS = new Map<string, Op>([
  ...words(">=", ["≥", ">=", "≧", "⩾", "≥=", "=>", "≮", "不低于", "不少于", "不小于", "不得低于", "不得少于"]),
  ...words(">=", ["大于等于", "大于或等于", "达到", "至少"]),
  ...words(">", [">", "高于", "超过", "大于", "多于"]),
  ...words("<=", ["≤", "<=", "≦", "⩽", "≤=", "=<", "≯", "不高于", "不超过", "不超", "不大于", "不多于", "不得高于", "不得超过"]),
  ...words("<=", ["小于等于", "小于或等于", "至多", "控制在"]),
  // A tolerance (±2%, 误差±0.5℃): the deviation either way is held to it, a ceiling on its size (review round 54c H2).
  ...words("<=", ["±"]),
  ...words("<", ["<", "低于", "小于", "少于", "不足"]),
  ...words("=", ["=", "==", "等于"]),
  ...words("≈", ["≈", "≒", "约", "约为", "大约", "近", "将近", "接近"]),
]);

/**
 * How far something should go, written before a number, and read only when a number follows at
 * once (完成率≥95% and 增长情况 keep their meaning): 完成100% is that amount (=); 增长10%, 下降5% (a
 * decrease of at least 5%) and 较上年提高3个百分点 are lower bounds.
 */
const PROGRESS_OPS = new Map<string, Op>([
  ...words("=", ["完成", "实现"]),
  ...["增长", "增加", "新增", "提高", "提升", "下降", "降低", "减少", "节约"].flatMap((verb) =>
    words(">=", [verb, `同比${verb}`, `较上年${verb}`, `比上年${verb}`]),
  ),
]);
const PROGRESS_WORDS = longestFirst(PROGRESS_OPS.keys());

/** Comparators written after the number and unit: 95%以上, 150万元以内, 3天内, 5%左右. */
const SUFFIX_OPS = new Map<string, Op>([
  ...words(">=", ["以上", "及以上", "或以上", "及其以上"]),
  ...words("<=", ["以下", "及以下", "或以下", "以内", "之内", "内"]),
  ...words("≈", ["左右"]),
]);

/** 400余场, 200多人: between the number and its unit. */
const NEAR_NUMBER = ["余", "多"];

/** 指标方向 wording some forms use in the 指标性质 column. */
const DIRECTION_OPS = new Map<string, Op>([
  ["正向", ">="],
  ["反向", "<="],
]);

const SYMBOL_START = /[=<>≥≤≧≦⩾⩽≯≮≈≒±]/;

function words(op: Op, list: string[]): [string, Op][] {
  return list.map((w) => [w, op]);
}

function longestFirst(keys: Iterable<string>): string[] {
  return [...keys].sort((a, b) => b.length - a.length);
}

const PREFIX_KEYS = longestFirst(PREFIX_OPS.keys());
const SUFFIX_KEYS = longestFirst(SUFFIX_OPS.keys());

function isLower(op: Op): boolean {
  return op === ">=" || op === ">";
}

function isUpper(op: Op): boolean {
  return op === "<=" || op === "<";
}

/** The comparator a list of stated ones amounts to: the first bound, else ≈, else =. */
function resolveOps(ops: Op[]): { op: Op | null; contradictory: boolean } {
  const bound = ops.find((o) => isLower(o) || isUpper(o));
  const op = bound ?? (ops.includes("≈") ? "≈" : ops.includes("=") ? "=" : null);
  return { op, contradictory: ops.some(isLower) && ops.some(isUpper) };
}

// ---------------------------------------------------------------------------------------------
// Text helpers

/** Full-width forms folded (１２３．５ → 123.5, ＞ → >, ㎡ → m2), whitespace removed, 正负2% written ±2%. */
function normalizeText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").replace(/[−〜]/g, (c) => (c === "−" ? "-" : "~")).replace(/正负(?=\d)/g, "±");
}

/** A number: 1,234.5 (groups of three), 12.5, .5, with an optional sign. */
const NUMBER_SOURCE = String.raw`[+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)`;
const NUMBER_AT = new RegExp(NUMBER_SOURCE, "y");
const PLAIN_NUMBER = new RegExp(String.raw`^(${NUMBER_SOURCE})分?$`);

/** The number text as a Decimal times 10^exponent; built from text, so exact at any length. */
function toDecimal(text: string, exponent = 0): Decimal {
  return new Decimal(`${text.replace(/,/g, "").replace(/^\+/, "")}e${exponent}`);
}

function readNumber(s: string, i: number): { text: string; end: number } | undefined {
  NUMBER_AT.lastIndex = i;
  const m = NUMBER_AT.exec(s);
  return m ? { text: m[0], end: i + m[0].length } : undefined;
}

/**
 * A date where the number would start: 2023年…, 2023-12, 2023.12.31, 12月底, 6月份, 12月31日, a
 * month alone (7月: July, where 7 months is 7个月) and months from one to another (10-12月,
 * 2023.1-2023.12). Such a value is a deadline ("2023年12月底前"), read as qualitative rather than
 * as a number of 年 or 月.
 */
const DATE_AT = /(?:19|20)\d{2}(?:年|[-/]\d{1,2}(?!\d)|\.\d{1,2}\.\d{1,2}|\.\d{1,2}[-~—–至到](?:19|20)\d{2}\.\d{1,2}(?!\d))|(?:1[0-2]|0?[1-9])(?:月份?)?[-~—–至到](?:1[0-2]|0?[1-9])月|(?:1[0-2]|0?[1-9])月/y;

function isDateAt(s: string, i: number): boolean {
  DATE_AT.lastIndex = i;
  return DATE_AT.test(s);
}

/** A month (with its year, and a day or a part of the month) anywhere in a text: 2023年12月底前完成. */
const MONTH_DATE = /(?<![\d.])(?:((?:19|20)\d{2})年(?:度)?)?(1[0-2]|0?[1-9])月份?(?:(底|末|初|上旬|中旬|下旬|中)|(\d{1,2})[日号])?/;
/** 10-12月, 10月-12月, 2023年10月至12月, 2023年10月-2024年3月: the year, the first month, the last's year and month. */
const MONTH_WINDOW = /(?<![\d.])(?:((?:19|20)\d{2})年(?:度)?)?(?:1[0-2]|0?[1-9])(?:月份?)?[-~—–至到](?:((?:19|20)\d{2})年)?(1[0-2]|0?[1-9])月/;
/** 2023.1-2023.12: the last month's year and month. */
const NUMERIC_WINDOW = /(?<![\d.])(?:19|20)\d{2}\.(?:1[0-2]|0?[1-9])[-~—–至到]((?:19|20)\d{2})\.(1[0-2]|0?[1-9])(?!\d)/;
/** 2023-12-31, 2023/6/30, 2023.12.31, 2023-12. */
const NUMERIC_DATE = /(?<!\d)((?:19|20)\d{2})([-/.])(1[0-2]|0?[1-9])(?:\2(\d{1,2}))?(?!\d)/;
/** The days a part of a month spans; Infinity stands for the month's last day. */
const MONTH_PARTS: Record<string, [number, number]> = {
  初: [1, 10],
  上旬: [1, 10],
  中: [11, 20],
  中旬: [11, 20],
  下旬: [21, Infinity],
  底: [21, Infinity],
  末: [21, Infinity],
};
const WHOLE_MONTH: [number, number] = [1, Infinity];

/** Days in a month; February has 29 when the year is not given (a deadline 2月28日 may be early). */
function monthLength(month: number, year: number | null): number {
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function calendarDate(yearText: string | undefined, monthText: string | number, [first, last]: [number, number], nextYear = false): CalendarDate {
  const year = yearText ? Number(yearText) : null;
  const month = Number(monthText);
  const date: CalendarDate = { year, month, firstDay: first, lastDay: Math.min(last, monthLength(month, year)) };
  if (nextYear && year === null) date.nextYear = true;
  return date;
}

/** The year a text names before a month or a part of the year: 次年, 翌年, 来年, 下一年 (the year after the form's). */
const NEXT_YEAR = "(?:次|翌|来|下一?)年度?";
const NEXT_YEAR_BEFORE = new RegExp(`${NEXT_YEAR}$`);
/** Before a part of the year, its year: 2023年, 次年, 本年; never after a number (3年内 is a duration). */
const NOT_AFTER_A_NUMBER = "(?<![\\d.〇零一二三四五六七八九十两])";
const YEAR_NAMED = `${NOT_AFTER_A_NUMBER}(?:((?:19|20)\\d{2})年度?|(${NEXT_YEAR})|(?:本|当|今)年度?)`;
/** 2023年底前, 年末, 年内完成, 年度内: by the end of December (年底 and 年末 its last days). */
const YEAR_END = new RegExp(`(?:${YEAR_NAMED}|${NOT_AFTER_A_NUMBER}年度?)(底|末|内)`);
/** 第四季度, 2023年第三季度末, 上半年: by the end of the quarter's or the half's last month. */
const YEAR_SPAN = new RegExp(`${YEAR_NAMED}?的?(?:第?([一二三四1-4])季度(末|底)?|(上|下)半年)`);
const QUARTERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 1: 1, 2: 2, 3: 3, 4: 4 };

/** A part of a year a text names (2023年底前, 年内完成, 第四季度, 次年上半年), as the last month it ends in. */
function yearPartIn(s: string): CalendarDate | null {
  const end = YEAR_END.exec(s);
  if (end) {
    const [, year, next, part] = end;
    return calendarDate(year, 12, part === "内" ? WHOLE_MONTH : MONTH_PARTS[part], next !== undefined);
  }
  const span = YEAR_SPAN.exec(s);
  if (!span) return null;
  const [, year, next, quarter, quarterEnd, half] = span;
  const month = quarter ? QUARTERS[quarter] * 3 : half === "上" ? 6 : 12;
  return calendarDate(year, month, quarterEnd ? MONTH_PARTS[quarterEnd] : WHOLE_MONTH, next !== undefined);
}

/**
 * The date a column heading's period runs to, to order columns by: 截至2023年6月底, 1-6月, 上半年,
 * 2023年底 as dateIn reads them, and 全年 (2023年全年) as December; null for other words. Memoised:
 * asked of the sub-headings of every two-row header tried, which forms repeat.
 */
export const periodEnd = memoisedText((text: string): CalendarDate | null => {
  const s = normalizeText(text).replace(/^截[至止]/, "");
  const whole = /^(?:(\d{4})年)?全年$/.exec(s);
  return whole ? calendarDate(whole[1], 12, WHOLE_MONTH) : dateIn(s);
});

/** The first date a (normalised) text states, if any. */
function dateIn(s: string): CalendarDate | null {
  // Done within months (10-12月, 2023年10月至12月): by the end of the last of them.
  const window = MONTH_WINDOW.exec(s);
  if (window) return calendarDate(window[2] ?? window[1], window[3], WHOLE_MONTH);
  const numericWindow = NUMERIC_WINDOW.exec(s);
  if (numericWindow) return calendarDate(numericWindow[1], numericWindow[2], WHOLE_MONTH);
  const numeric = NUMERIC_DATE.exec(s);
  if (numeric) {
    const day = numeric[4] ? Number(numeric[4]) : null;
    return calendarDate(numeric[1], numeric[3], day === null ? WHOLE_MONTH : [day, day]);
  }
  const m = MONTH_DATE.exec(s);
  if (!m) return yearPartIn(s);
  const day = m[4] ? Number(m[4]) : null;
  const nextYear = m[1] === undefined && NEXT_YEAR_BEFORE.test(s.slice(0, m.index));
  return calendarDate(m[1], m[2], m[3] ? MONTH_PARTS[m[3]] : day === null ? WHOLE_MONTH : [day, day], nextYear);
}

/**
 * Whether a date meets a deadline: true when all of it falls on or before the deadline's last day,
 * false when all of it falls after, null when the texts leave it open (12月 against 12月15日前) or
 * only one of them names its year and the form's year (`formYear`, which a date without one is
 * in) is not known. Without either year, 次年1月 still falls after 12月底前.
 */
export function meetsDeadline(date: CalendarDate, deadline: CalendarDate, formYear: number | null = null): boolean | null {
  // Two dates without a year are in the same one, whichever it is.
  const unnamedYear = formYear ?? (date.year === null && deadline.year === null ? 0 : null);
  const yearOf = (d: CalendarDate) => (d.year !== null ? d.year : unnamedYear === null ? null : unnamedYear + (d.nextYear ? 1 : 0));
  const dateYear = yearOf(date);
  const deadlineYear = yearOf(deadline);
  if (dateYear === null || deadlineYear === null) return null;
  const day = (year: number, month: number, n: number) => (year * 100 + month) * 100 + n;
  const limit = day(deadlineYear, deadline.month, deadline.lastDay);
  if (day(dateYear, date.month, date.lastDay) <= limit) return true;
  if (day(dateYear, date.month, date.firstDay) > limit) return false;
  return null;
}

/** Blank, or "/", "—", "无" (domain.md §2). Memoised: asked of every value, weight, score and reason cell. */
export const isEmptyMarker = memoisedText((text: string): boolean => /^(?:\/+|[-—–―]+|无)?$/.test(text.normalize("NFKC").trim()));

/** Where the figure is said to be instead: 见附件3, 详见附表（二）, 另附, 附后. */
const FIGURE_ELSEWHERE = /^(?:(?:具体|详情)?(?:详见|参见|另见|见)(?:附件|附表|附录|附页|附后|后附|备注|说明|报告|自评报告|清单|明细)|另附|附后|后附|另行报送)/;
/**
 * When the figure is said to come: 待统计, 待定, 尚未统计, 统计中, 暂无数据, 数据暂缺, the whole cell
 * (or with a note in brackets): 无数据泄露 and 未统计到安全事故 answer (code review of round 49).
 */
const FIGURE_LATER = /^(?:数据)?(?:(?:尚|有)?待(?:统计|核实|核定|核算|确认|汇总|测算|审计|填报|补充|上报|定)|(?:暂未|尚未|未)统计|(?:正在|仍在)?统计中|暂无(?:相关)?(?:数据|统计)|暂缺|无数据|不详)(?:[(（][^()（）]*[)）])?$/;

/**
 * An actual that gives no figure but says where it is or when it comes (见附件3, 详见附表, 待统计,
 * 暂无数据), in one clause: nothing on the form to score, so no actual, as a blank one is. One that
 * goes on to give a figure (见附件3，完成率98%) is left to the grammar. Memoised: asked of every
 * actual twice (its rule and the total's gaps), and actuals repeat.
 */
export const givesFigureElsewhere = memoisedText((text): boolean => {
  const s = text.normalize("NFKC").trim().replace(/[。.;；]+$/, "");
  return !/[,，;；。]/.test(s) && (FIGURE_ELSEWHERE.test(s) || FIGURE_LATER.test(s));
});

// ---------------------------------------------------------------------------------------------
// The quantity grammar

interface Prefix {
  end: number;
  ops: Op[];
  /** A symbol (≥) rather than a word (达到) was written. */
  symbolic: boolean;
  /** 百分之95: the unit comes before the number. */
  percent: boolean;
  /** ¥1,246,000.00 (￥ folds to ¥): 元, written before the number. */
  currency: boolean;
}

type Quantity =
  | { kind: "none" }
  | { kind: "invalid"; problem: string; ops: Op[]; unit: Unit | null; range?: { bounds: ValueRange; period: Period | null } }
  | {
      kind: "number";
      value: Decimal;
      unit: Unit | null;
      ops: Op[];
      contradictory: boolean;
      /** The bare 万 or 亿 the number was multiplied by (≥3万), if any. */
      scaledBy: string | null;
      period: Period | null;
    };

const NOT_A_QUANTITY: Quantity = { kind: "none" };
const PERCENT = lookupUnit("%") as Unit;
const YUAN = lookupUnit("元") as Unit;
/** 千, 万 and 亿 as powers of ten (3千人次, 2万剂次, 1.2亿). */
const MAGNITUDES = new Map([
  ["千", 3],
  ["万", 4],
  ["亿", 8],
]);

function startsWithAny(s: string, i: number, keys: string[]): string | undefined {
  return keys.find((k) => s.startsWith(k, i));
}

function readPrefix(s: string, start: number): Prefix {
  const prefix: Prefix = { end: start, ops: [], symbolic: false, percent: false, currency: false };
  for (;;) {
    if (s.startsWith("百分之", prefix.end)) {
      prefix.percent = true;
      prefix.end += 3;
      continue;
    }
    if (s[prefix.end] === "¥" && !prefix.currency) {
      prefix.currency = true;
      prefix.end += 1;
      continue;
    }
    const word = startsWithAny(s, prefix.end, PREFIX_KEYS);
    if (!word) {
      const progress = startsWithAny(s, prefix.end, PROGRESS_WORDS);
      if (progress && /^(\d|百分之)/.test(s.slice(prefix.end + progress.length))) {
        prefix.ops.push(PROGRESS_OPS.get(progress) as Op);
        prefix.end += progress.length;
        continue;
      }
      return prefix;
    }
    prefix.ops.push(PREFIX_OPS.get(word) as Op);
    prefix.symbolic ||= SYMBOL_START.test(word);
    prefix.end += word.length;
  }
}

function skipNear(s: string, i: number, ops: Op[]): number {
  const near = startsWithAny(s, i, NEAR_NUMBER);
  if (!near) return i;
  ops.push("≈");
  return i + near.length;
}

function skipParentheses(s: string, i: number): number {
  const re = /\([^()]*\)/y;
  re.lastIndex = i;
  while (re.exec(s)) i = re.lastIndex;
  return i;
}

/**
 * Units that open common words (起: 起到, 起诉, 起草, 起点, 起步): one only where it ends the value, a
 * comparator (以下), brackets or a stop (，) after it, as 部, 门 and 节 are (unnamedUnit): 5起到示范作用
 * and 10起诉案件 stay words, 有1起, 1起以下 and 1起，已处理 are counts (review 54 code L1); so is 发生1起轻微事故
 * against a target in 起 (`nounAfter`: quantityInWords, the words after naming what was counted).
 */
const WORD_OPENING_UNITS = new Set(["起"]);
const HAN = /\p{Script=Han}/u;

function opensWord(s: string, end: number, unit: Unit): boolean {
  if (!WORD_OPENING_UNITS.has(unit.symbol)) return false;
  const next = readSuffix(s, end, []);
  return next < s.length && HAN.test(s[next]);
}

/**
 * The unit after a number, also behind 千/万/亿 (3万人次 = 30000 人次, 3千人次 = 3000 人次); money has
 * 千元, 万元 and 亿元 itself. With `unnamed`, also a unit jixiao has no entry for that ends the value,
 * behind a magnitude too (≥2万剂次, 10万尾: unnamedUnit).
 */
function readUnit(s: string, i: number, ops: Op[], unnamed = false, nounAfter = false): { unit: Unit; exponent: number; end: number } | undefined {
  const direct = matchUnitPrefix(s.slice(i));
  if (direct && (nounAfter || !opensWord(s, i + direct.length, direct.unit))) return { unit: direct.unit, exponent: 0, end: i + direct.length };
  const magnitude = MAGNITUDES.get(s[i]);
  if (!magnitude) return unnamed ? unnamedUnit(s, i) : undefined;
  const j = skipNear(s, i + 1, ops);
  const known = matchUnitPrefix(s.slice(j));
  const after = known ? { unit: known.unit, end: j + known.length } : unnamed ? unnamedUnit(s, j) : undefined;
  if (!after || after.unit.family === "percent" || after.unit.family === "permille") return undefined;
  return { unit: after.unit, exponent: magnitude, end: after.end };
}

/** Measures written in two units, the larger first (15公里300米, 1小时30分钟, 2年3个月, 1吨200公斤). */
const COMPOUND_FAMILIES = new Set(["length", "time", "mass", "area"]);

/**
 * A smaller unit of the same measure after a quantity `whole` of `unit` (15公里 then 300米): the two
 * as one number in the smaller unit (15300米), exact, where the larger is a whole number of the
 * smaller; undefined where none follows at i.
 */
function smallerPart(s: string, i: number, unit: Unit, whole: string): { text: string; unit: Unit; end: number } | undefined {
  const number = COMPOUND_FAMILIES.has(unit.family) && unit.factor !== null ? readNumber(s, i) : undefined;
  const part = number && /^\d/.test(number.text) ? matchUnitPrefix(s.slice(number.end)) : undefined;
  if (!number || !part || part.unit.factor === null || part.unit.family !== unit.family || part.unit.base !== unit.base) return undefined;
  const times = unit.factor!.div(part.unit.factor);
  if (!times.isInteger() || !times.gt(1)) return undefined;
  return { text: toDecimal(whole).times(times).plus(toDecimal(number.text)).toFixed(), unit: part.unit, end: number.end + part.length };
}

/** Periods a count can be stated per (≥1次/月), with how many of them make a year. */
const PERIODS = new Map<string, number>([
  ["年", 1],
  ["年度", 1],
  ["半年", 2],
  ["季度", 4],
  ["季", 4],
  ["月", 12],
  ["个月", 12],
  ["旬", 36],
  ["周", 52],
  ["星期", 52],
  ["天", 365],
  ["日", 365],
]);
const PERIOD_WORDS = longestFirst(PERIODS.keys());

/**
 * What follows a unit after "/": a period (≥1次/月: `period`), or the denominator of a rate per
 * unit (3000元/㎡, 2万元/公里, 50元/人次), which the unit keeps (see unitPer); `end` is where the
 * unit ends. A cost per kilometre read as 万元 would pass for a total.
 */
function readPer(s: string, i: number): { end: number; period: Period | null; denominator: Unit | null } {
  let [end, period, denominator]: [number, Period | null, Unit | null] = [i, null, null];
  // Both, in either order (元/人/月, 元/月/人, 元/人·天): the second after a "/" or a "·".
  while (s[end] === "/" || (end > i && /[·・]/.test(s[end]))) {
    const word: string | undefined = period ? undefined : startsWithAny(s, end + 1, PERIOD_WORDS);
    const unit: { unit: Unit; length: number } | undefined = word || denominator ? undefined : denominatorAt(s, end + 1);
    if (word) [period, end] = [{ word, perYear: PERIODS.get(word) as number }, end + 1 + word.length];
    else if (unit) [denominator, end] = [unit.unit, end + 1 + unit.length];
    else break;
  }
  return { end, period, denominator };
}

/** A denominator at i: a unit jixiao knows, else one or two Chinese characters or a few Latin letters. */
function denominatorAt(s: string, i: number): { unit: Unit; length: number } | undefined {
  const word = unnamedWords(s, i)[0];
  return matchUnitPrefix(s.slice(i)) ?? (word === undefined ? undefined : { unit: unitNamed(word), length: word.length });
}

/** The unit as written before a "/" and what follows it: 次/月 is 次 per month, 元/㎡ is 元/㎡. */
function withPer(unit: Unit, per: { period: Period | null; denominator: Unit | null }): { unit: Unit; period: Period | null } {
  return { unit: per.denominator ? unitPer(unit, per.denominator) : unit, period: per.period };
}

/**
 * A unit word jixiao has no entry for: one or two Chinese characters (眼, 学时) or a run of up to
 * five Latin or Greek letters (GB, Mbps). Words that make a number a name or a time (1号, 3级,
 * 12345热线, 100强, 8点前), comparator words (以上) and 千/万/亿 (magnitudes: readUnit) are none.
 */
const UNNAMED_WORD = /\p{Script=Han}{1,2}|[a-zα-ω]{1,5}(?![a-zα-ω])/iuy;
const NOT_A_UNIT_WORD = /^[千万亿]|[号级楼线路型代版星强前后点]$/;

/** The unit words that may start at i, longest first (10口井: 口井, then 口). */
function unnamedWords(s: string, i: number): string[] {
  UNNAMED_WORD.lastIndex = i;
  const m = UNNAMED_WORD.exec(s);
  if (!m || startsWithAny(s, i, SUFFIX_KEYS)) return [];
  const words = /^\p{Script=Han}{2}$/u.test(m[0]) ? [m[0], m[0][0]] : [m[0]];
  return words.filter((w) => !NOT_A_UNIT_WORD.test(w));
}

/**
 * A unit jixiao does not know (10眼, 42学时, 100Mbps, 10mg/m³), read only where it ends the value
 * (but for a comparator after it) or a range's lower bound that its upper bound repeats (10口-20口井):
 * it compares with the same text alone. 1号楼, 10口井改造 stay names.
 */
function unnamedUnit(s: string, i: number): { unit: Unit; exponent: number; end: number } | undefined {
  for (const word of unnamedWords(s, i)) {
    const end = i + word.length;
    if (repeatedByUpperBound(s, end, word)) return { unit: unitNamed(word), exponent: 0, end };
    const per = readPer(s, end);
    if (readSuffix(s, per.end, []) !== s.length) continue;
    // A period is read again after the unit; a denominator is part of the unit's text (mg/m3).
    const unitEnd = per.period ? end : per.end;
    return { unit: unitNamed(s.slice(i, unitEnd)), exponent: 0, end: unitEnd };
  }
  return undefined;
}

/**
 * Whether a range's dash follows at i and its upper bound ends the value in `word`, alone or naming
 * what it counts (10口-20口, 10口-20口井); 3A-5A级 stays a name.
 */
function repeatedByUpperBound(s: string, i: number, word: string): boolean {
  const upperAt = afterRangeDash(s, i);
  const upper = upperAt === undefined ? undefined : readNumber(s, upperAt);
  const upperUnit = upper && unnamedUnit(s, upper.end)?.unit;
  return upperUnit !== undefined && (upperUnit.symbol === word || countedAfter(upperUnit, unitNamed(word)));
}

function readSuffix(s: string, i: number, ops: Op[]): number {
  for (;;) {
    i = skipParentheses(s, i);
    const word = startsWithAny(s, i, SUFFIX_KEYS);
    if (!word) return i;
    ops.push(SUFFIX_OPS.get(word) as Op);
    i += word.length;
  }
}

function quantity(
  value: Decimal,
  unit: Unit | null,
  ops: Op[],
  contradictory = false,
  scaledBy: string | null = null,
  period: Period | null = null,
): Quantity {
  return { kind: "number", value, unit, ops, contradictory: contradictory || resolveOps(ops).contradictory, scaledBy, period };
}

function invalidQuantity(problem: string, ops: Op[], unit: Unit | null): Quantity {
  return { kind: "invalid", problem, ops, unit };
}

/** A second bound somewhere in `rest` ("且≤5"), if a number follows its comparator: where it starts, and its prefix. */
function secondBound(rest: string): { at: number; prefix: Prefix } | undefined {
  for (let j = 0; j < rest.length; j++) {
    const prefix = readPrefix(rest, j);
    if (prefix.ops.length > 0 && readNumber(rest, prefix.end)) return { at: j, prefix };
  }
  return undefined;
}

/** "95%-100%", "3~5次", "90至95%": a range where one value is due. */
const RANGE = /^[-~—–至到]+[+-]?\.?\d/;
const RANGE_DASH = /[-~—–至到]+/y;

/** Where a range's upper bound starts, after the dash at i; undefined without a dash there. */
function afterRangeDash(s: string, i: number): number | undefined {
  RANGE_DASH.lastIndex = i;
  return RANGE_DASH.exec(s) ? RANGE_DASH.lastIndex : undefined;
}
const RANGE_PROBLEM = "写成了数值区间，不是单一的指标值";
/** A number that may be a year (or a year and its month, 2023.12). */
const YEAR = /^(?:19|20)\d{2}$/;
/** A year and nothing more of its number: 2025年, 2025 (not 2025.6). */
const YEAR_START = /^(?:19|20)\d{2}(?![\d.])/;

/** The power of ten a unit written with its magnitude (万人: 4) carries, after the number at i; undefined for none. */
function magnitudeAfter(s: string, i: number): number | undefined {
  const number = readNumber(s, i);
  return number ? readUnit(s, skipNear(s, number.end, []), [], true)?.exponent : undefined;
}

/**
 * A range from `low` (read up to `i`, where the dash starts) to the quantity after the dash:
 * invalid, with its bounds in one unit when it has them. Bounds in two units (10个-20天), the wrong
 * way round (20-10个) or years (2023-2025年) give none.
 */
function rangeQuantity(s: string, i: number, bareLow: Decimal, lowUnit: Unit | null, lowPeriod: Period | null, ops: Op[], lowScale: string | null): Quantity {
  // RANGE found the dash at i.
  const upperAt = readPrefix(s, afterRangeDash(s, i) as number);
  // 2023-2025年: a period of years (实施期限) says when, not how many: words, as 按计划实施 would be.
  if (lowUnit === null && YEAR.test(bareLow.toFixed()) && YEAR_START.test(s.slice(upperAt.end))) return NOT_A_QUANTITY;
  const upper = scanFrom(s, upperAt);
  // 1-1.2万人: a lower bound with no unit or magnitude of its own is counted with the upper's magnitude
  // too; 1万-2万元: one with a magnitude the upper's unit holds (万元) is counted in that unit.
  const magnitude = lowUnit === null && lowScale === null ? magnitudeAfter(s, upperAt.end) : undefined;
  const inUpperUnit = lowScale !== null && upper.kind === "number" && upper.unit?.symbol.startsWith(lowScale);
  const low = inUpperUnit
    ? bareLow.div(Decimal.pow(10, MAGNITUDES.get(lowScale!)!))
    : magnitude === undefined
      ? bareLow
      : bareLow.times(Decimal.pow(10, magnitude));
  if (upper.kind !== "number" || upper.scaledBy !== null || gt(low, upper.value)) return invalidQuantity(RANGE_PROBLEM, ops, lowUnit);
  // 10口-20口井: the upper bound names what it counts after the lower bound's unit.
  const nounAfterLowUnit = lowUnit !== null && upper.unit !== null && countedAfter(upper.unit, lowUnit);
  if (lowUnit && upper.unit && lowUnit.symbol !== upper.unit.symbol && !nounAfterLowUnit) return invalidQuantity(RANGE_PROBLEM, ops, lowUnit);
  const unit = nounAfterLowUnit ? lowUnit : (upper.unit ?? lowUnit);
  // 2023-2025年 is a period of years, and 2023.1-2023.12 one of months, not a range of so many.
  const years = [low, upper.value].every((n) => YEAR.test(n.trunc().toFixed())) && (unit === null || unit.symbol === "年" || unit.symbol === "月");
  if (years) return invalidQuantity(RANGE_PROBLEM, ops, lowUnit);
  const range = { bounds: { low, high: upper.value }, period: upper.period ?? lowPeriod };
  return { kind: "invalid", problem: RANGE_PROBLEM, ops: [...ops, ...upper.ops], unit, range };
}

const SEVERAL_NUMBERS = "包含多个数字，无法确定指标值";

/** What may join two bounds of a range written in words: 且, 并且, 同时, a comma or 、. */
const BOUNDS_JOINED = /^[,;、]?(?:且|并且|并|同时|而且)?$/;

/**
 * A further number after the value: a second bound, or noise that hides the target. Two bounds
 * each with its own number, the lower not above the upper, joined by 且 or a comma (不少于4个且不超过6个,
 * 不少于80批次、不超过100批次, ≤10%并≥5%), are a range, read as 4-6个 is (review round 54c M1); the
 * wrong way round (≥3且≤2) they contradict each other.
 */
function withSecondNumber(rest: string, value: Decimal, unit: Unit | null, ops: Op[], period: Period | null): Quantity {
  const second = secondBound(rest);
  const first = resolveOps(ops).op;
  if (!second || !first || !resolveOps([first, ...second.prefix.ops]).contradictory) return invalidQuantity(SEVERAL_NUMBERS, ops, unit);
  const other = BOUNDS_JOINED.test(rest.slice(0, second.at)) ? scanFrom(rest, second.prefix) : NOT_A_QUANTITY;
  const sameUnit = other.kind === "number" && (unit === null || other.unit === null || unit.symbol === other.unit.symbol);
  if (other.kind !== "number" || !sameUnit || other.contradictory || other.scaledBy !== null) return quantity(value, unit, ops, true);
  const [low, high] = isLower(first) ? [value, other.value] : [other.value, value];
  if (gt(low, high)) return quantity(value, unit, ops, true);
  return { kind: "invalid", problem: RANGE_PROBLEM, ops: [], unit: unit ?? other.unit, range: { bounds: { low, high }, period: period ?? other.period } };
}

/**
 * What may follow a quantity written after a label: nothing but its unit (or a bare 万/亿) and a
 * comparator (新建道路32.1公里), or also words naming what it counted (开展22场宣传活动) that hold no
 * number and take nothing away (see labelledQuantity).
 */
type LabelledEnding = "unit" | "noun";

/** Words that take something away from what they go with: a negation, a part, a shortfall, an exception. */
const QUALIFIES = /[未没不无非缺欠差仅只尚待除]|部分|基本|大部|多数|以外|推迟|正在/;
/**
 * Names that hold one of those characters and take nothing away: 非遗 (intangible heritage), 无障碍
 * (accessible), 不动产 (real estate), 不定期 (unannounced), 除险加固 (making safe), 拆除 (pulling down), 接待 (receiving),
 * 未成年人 (minors), 基本农田 (protected farmland), 差旅 (travel), 缺水村 (villages short of water),
 * 欠发达 (less developed), 非农就业 (off-farm jobs) …
 */
const NAMES_NOT_QUALIFYING =
  /缺水|欠发达|非农|非遗|非物质|非税|非公|非煤|无障碍|无害化|无公害|无偿|无人机|无线|无纸化|不动产|不锈钢|不定期|不定时|不定点|除险|除四害|[消排清拆铲去免剔扫根解废革]除|[接招优]待|待遇|未成年|基本(?:农田|公共|医疗|养老|药物|生活|民生|建设)|差旅/g;

/** Whether words take something away from what they go with (QUALIFIES), names aside (NAMES_NOT_QUALIFYING). */
export function qualifies(words: string): boolean {
  return QUALIFIES.test(words.replace(NAMES_NOT_QUALIFYING, ""));
}
/** Words that make a quantity a plan rather than a result: 计划完成3个村, 预计开展20场. */
const PLANNED = /计划|预计|预期|拟|争取|力争|确保/;

/** Whether words around a quantity leave it a result as it stands: no number of their own, nothing taken away, no plan. */
function leavesResult(words: string): boolean {
  return !/\d/.test(words) && !qualifies(words) && !PLANNED.test(words);
}

/** Whether the text after a quantity read after a label lets the quantity stand (LabelledEnding). */
function endsLabelled(ending: LabelledEnding, rest: string, unitRead: boolean, scaled: boolean): boolean {
  if (ending === "unit") return rest.replace(COMPARISON_NOTE, "") === "" && (unitRead || scaled);
  return unitRead && leavesResult(rest);
}

/**
 * Reads the quantity at `prefix.end`. `ending`, for a quantity after a label: what may follow it
 * (LabelledEnding); a unit jixiao does not know is then no unit.
 */
function scanFrom(s: string, prefix: Prefix, ending?: LabelledEnding): Quantity {
  if (isDateAt(s, prefix.end)) return NOT_A_QUANTITY;
  const number = readNumber(s, prefix.end);
  if (!number) return noNumber(s, prefix);
  // 师生比 1:15, 8:30, ≥1/3: a ratio, a time of day or a fraction, not a quantity; 18/10万 is a rate
  // per 100,000 (a unit).
  const after = s.slice(number.end);
  if (/^[:：/／]\d/.test(after) && !matchUnitPrefix(after)) return NOT_A_QUANTITY;
  const ops = [...prefix.ops];
  let i = skipNear(s, number.end, ops);
  // After a label (进入全国100强) a word jixiao does not know is more likely a name than a unit.
  const read = readUnit(s, i, ops, !(prefix.percent || ending), ending === "noun");
  let period: Period | null = null;
  let readUnitPer: Unit | null = null;
  let numberText = number.text;
  if (read) {
    const per = readPer(s, skipNear(s, read.end, ops));
    ({ unit: readUnitPer, period } = withPer(read.unit, per));
    i = per.end;
    const part = per.end === read.end && read.exponent === 0 ? smallerPart(s, i, read.unit, number.text) : undefined;
    if (part) [numberText, readUnitPer, i] = [part.text, part.unit, part.end];
  }
  let exponent = read?.exponent;
  // 3万, ≥3万, 1.2亿以上: with nothing but a comparator after it, a bare 万/亿 is a plain magnitude.
  const magnitude = read ? undefined : MAGNITUDES.get(s[i]);
  const scaled = magnitude !== undefined && readSuffix(s, i + 1, []) === s.length;
  // 1万-1.2万人: a lower bound's magnitude before the range's dash.
  const lowScale = magnitude !== undefined && !scaled && RANGE.test(s.slice(i + 1)) ? s[i] : null;
  if (scaled || lowScale !== null) {
    exponent = magnitude;
    i += 1;
  }
  const value = toDecimal(numberText, exponent);
  // ¥3万 is 30000元: the sign names the unit a bare 万 would leave to the other value.
  const unit = readUnitPer ?? (prefix.percent ? PERCENT : prefix.currency ? YUAN : null);
  const scaledBy = scaled && unit === null ? s[i - 1] : null;
  i = readSuffix(s, i, ops);
  const rest = s.slice(i);
  if (ending && !endsLabelled(ending, rest, read !== undefined, scaled)) return NOT_A_QUANTITY;
  if (RANGE.test(rest)) return rangeQuantity(s, i, value, unit, period, ops, lowScale);
  // A number running into an unknown word is a name, not a quantity: 5G网络, 1号楼, 3万 (万 of what?).
  if (!read && (/^[千万亿]/.test(rest) || (ops.length === 0 && /^\p{L}/u.test(rest)))) return NOT_A_QUANTITY;
  const outsideNotes = rest.replace(/\([^()]*\)/g, "").replace(COMPARISON_NOTE, "");
  if (/\d/.test(outsideNotes)) return withSecondNumber(outsideNotes, value, unit, ops, period);
  return quantity(value, unit, ops, false, scaledBy, period);
}

/**
 * A clause that sets the value against another figure (98%，较上年提高2个百分点; 1235亩，占计划的
 * 102.9%), with no figure after it: a note on the value, as one in brackets is. 另有2座在建 adds a
 * figure of its own, and stays.
 */
const COMPARISON_NOTE = /[,;](?:较|比|同比|环比|占|超出|超过计划|高于|低于)[^,;]*(?:[,;][^,;\d]*)*$/;

/**
 * An actual read as its first figure before a comparison note (92%，较上年提高1%) on a row that
 * measures a change (农民收入增幅 ≥3%): the note's figure is as much what the row asks, so which is
 * meant is not written, a not-numeric actual as any value of two numbers. Others are returned as they are.
 */
export function noteFigureAsked(actual: ParsedValue): ParsedValue {
  if (actual.kind !== "number") return actual;
  // A note without a figure (6%，高于全省平均水平) gives none to choose from.
  const note = COMPARISON_NOTE.exec(readable(actual.text));
  return note && /\d/.test(note[0]) ? invalid(actual.text, SEVERAL_NUMBERS, [], actual.unit) : actual;
}

/** Last year's figure named after a comparator: 上年, 上年度, 上一年度, 去年, 上年同期, 上年的. */
const PRIOR_YEAR = /^(?:上一?年度?(?:同期)?|去年|同期)(?:的|水平|数|为)?/;

/** The budget named after a comparator: 批复金额, 批复预算, 预算数, 核定预算资金, 预算总额, 年度预算 (a colon after it). */
const BUDGET_NAMED = /^(?:年度|全年)?(?:批复|核定|下达)?(?:预算|金额)(?:数|金额|资金|总额)?:?/;

/** No number where one should be: a malformed quantity, or simply a phrase (达到国家标准). */
function noNumber(s: string, prefix: Prefix): Quantity {
  const unit = matchUnitPrefix(s.slice(prefix.end));
  // ≤上年 (不高于上年) compares with last year's figure, which the form does not give: words;
  // ≤上年18万元 (不高于上年18万元) gives it, and is read as ≤18万元.
  const prior = prefix.ops.length > 0 ? PRIOR_YEAR.exec(s.slice(prefix.end)) : null;
  // In brackets too: 不低于上年（92%） is ≥92% (review round 54c L5).
  const priorFigure = prior && s.slice(prefix.end + prior[0].length).replace(/^\(([^()]*)\)$/, "$1");
  if (prior) return /\d/.test(s.slice(prefix.end)) ? scanFrom(s.slice(0, prefix.end) + priorFigure, prefix) : NOT_A_QUANTITY;
  // The budget named with its amount (不超过批复金额100万元, 不超预算（100万元）, 控制在批复预算100万元以内)
  // is that amount; named alone (不超预算) it stays words.
  const budget = prefix.ops.length > 0 ? BUDGET_NAMED.exec(s.slice(prefix.end)) : null;
  const amount = budget && s.slice(prefix.end + budget[0].length).replace(/^\(([^()]*)\)$/, "$1");
  if (amount && /^\d/.test(amount)) return scanFrom(s.slice(0, prefix.end) + amount, prefix);
  // ≤预算数, ≤年度预算: the budget named alone after a symbol is words too, as 不超过预算 is (review round 54c L1).
  if (budget && readSuffix(s, prefix.end + budget[0].length, []) === s.length) return NOT_A_QUANTITY;
  if (prefix.symbolic) return invalidQuantity("比较符后没有数字", prefix.ops, unit?.unit ?? null);
  const unitOnly = unit !== undefined && readSuffix(s, prefix.end + unit.length, []) === s.length;
  // 年内 is a deadline (within the year), though 年 is a unit and 内 a comparator after one.
  if (prefix.ops.length === 0 && unitOnly && dateIn(s) === null) return invalidQuantity("只有单位，没有数字", [], unit.unit);
  return NOT_A_QUANTITY;
}

/** "满意度≥95%": a short label without digits, then a comparator symbol. */
function afterLabel(s: string): Prefix | undefined {
  const at = s.search(SYMBOL_START);
  if (at < 1 || at > 20) return undefined;
  const label = s.slice(0, at);
  if (/\d/.test(label) || /[未不没非无]$/.test(label)) return undefined;
  const prefix = readPrefix(s, at);
  return prefix.ops.length > 0 ? prefix : undefined;
}

const LABEL_OP_KEYS = longestFirst([...PREFIX_OPS.keys(), ...PROGRESS_OPS.keys()]);

/**
 * "新建道路32.1公里", "受益人口3万", "培训不少于300人次": a short label without digits, then a
 * quantity with its unit that ends the text (`ending` "unit"), or that the words of what it counted
 * follow (开展22场宣传活动: "noun", where neither the label nor those words may take anything away or
 * make it a plan); a comparator word at the label's end counts. Ranks (第3名, 前3名) and negated
 * comparators (未超过3次) are not read.
 */
function labelledQuantity(s: string, ending: LabelledEnding = "unit"): Quantity {
  const at = s.search(/\d/);
  if (at < 1 || at > 12) return NOT_A_QUANTITY;
  const label = s.slice(0, at);
  if (/[第前后.+\-]$|排名|名列/.test(label)) return NOT_A_QUANTITY;
  const word = LABEL_OP_KEYS.find((k) => label.endsWith(k));
  const beforeWord = word === undefined ? label : label.slice(0, -word.length);
  if (word && /[未没非无]$/.test(beforeWord)) return NOT_A_QUANTITY;
  if (ending === "noun" && !leavesResult(beforeWord)) return NOT_A_QUANTITY;
  const op = word === undefined ? undefined : (PREFIX_OPS.get(word) ?? PROGRESS_OPS.get(word));
  return scanFrom(s, { end: at, ops: op ? [op] : [], symbolic: false, percent: false, currency: false }, ending);
}

/**
 * A period written before the number, as 每 or 均 (每月2次, 每季度≥1次, 每个月不少于2次, 月均≥2次, 每日1次):
 * the quantity is per that period, as ≥2次/月 is; a day's figure is read against either a day's or
 * a year's (see the rules' onYearBasis). Several periods (每两周, 每半月, 每2个月) are read by
 * LEADING_PERIODS.
 */
const LEADING_PERIOD = /^(?:每个?(年度|半年|季度|个月|星期|年|季|月|旬|周|天|日)|(年|季|月|周|日)均)/;
/** Every so many weeks or months, or every half month: 每两周, 每半月, 每两个月, 每三个月 (每2周 and 每3个月 as these, see scanQuantity). */
const LEADING_PERIODS = /^每(半|[两二三四五六七八九])个?(周|星期|月)/;
const PERIOD_COUNTS: Record<string, number> = { 半: 0.5, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** A count of periods in digits (每2周1次, 每3个月1次): written in words, it is no second number of the value. */
const PERIODS_IN_DIGITS = /^每([2-9])(?=个?(?:周|星期|月))/;

type NumberQuantity = Extract<Quantity, { kind: "number" }>;

/**
 * A quantity read after a label, per the period the label opens with (LEADING_PERIOD) unless it
 * states one of its own. A share is per no period: 月均出勤率≥95% is 95%, 年均增长5% 5%.
 */
function perLeadingPeriod(s: string, q: NumberQuantity): Quantity {
  const share = q.unit?.family === "percent" || q.unit?.family === "permille";
  if (q.period !== null || share) return q;
  const several = LEADING_PERIODS.exec(s);
  if (several) {
    const [, count, word] = several;
    const perYear = (PERIODS.get(word) as number) / PERIOD_COUNTS[count];
    // Only a whole number of them a year keeps the count exact: 每三周 (17⅓ a year) is words.
    // Shown as written: 两周, 半月, 2周, 3个月.
    const shown = `${count === "半" || count === "两" ? count : PERIOD_COUNTS[count]}${word === "月" && count !== "半" ? "个月" : word}`;
    return Number.isInteger(perYear) ? { ...q, period: { word: shown, perYear } } : NOT_A_QUANTITY;
  }
  const m = LEADING_PERIOD.exec(s);
  const word = m && (m[1] ?? m[2]);
  return word ? { ...q, period: { word, perYear: PERIODS.get(word) as number } } : q;
}

/**
 * A number spelled as a word where its digits stand: 〇 or 零 (〇起, 零起, ≤零次) and 百 after 百分之
 * (百分之百). 零 is 0 only before a unit it takes as digits would, one jixiao knows or of one
 * character (起): 零事故, 零投诉 and 零容忍 are words (none of a kind), no count of 0 in 事故.
 */
function spelledNumber(s: string, prefix: Prefix): Quantity | undefined {
  const at = prefix.end;
  const digits = prefix.percent && s[at] === "百" ? "100" : s[at] === "〇" || s[at] === "零" ? "0" : undefined;
  // A numeral follows: 百分之百五, 零点五 are numbers in words jixiao does not read.
  if (digits === undefined || /^[\d.点〇零一二三四五六七八九十百千万亿两]/.test(s.slice(at + 1))) return undefined;
  const q = scanFrom(`${s.slice(0, at)}${digits}${s.slice(at + 1)}`, prefix);
  if (q.kind !== "number" || q.scaledBy !== null) return undefined;
  return q.unit === null || isKnownUnit(q.unit) || q.unit.symbol.length === 1 ? q : undefined;
}

/** Chinese numerals: digits (两 is 2; 〇 and 零 alone are spelledNumber's) and the powers of ten below 万. */
const NUMERAL_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const NUMERAL_POWERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** A run of numerals (三万人 is 3万人, a magnitude before a unit), not a range's upper bound (二至三次). */
const NUMERAL_RUN = /(?<![-~—–至]|(?<!达)到)[一二两三四五六七八九十百千]+/g;

/**
 * The number a run of numerals writes in full, below 10,000 (十二, 二十五, 一百二十, 两千); undefined
 * for what is none: digits in a row (十三五), a power alone (百姓), one dropped (一百五).
 */
function numeralValue(run: string): number | undefined {
  let total = 0;
  let power = 10000;
  let digit: number | undefined;
  for (const ch of run) {
    const p = NUMERAL_POWERS[ch];
    if (p === undefined) {
      if (digit !== undefined) return undefined;
      digit = NUMERAL_DIGITS[ch];
      continue;
    }
    // 十 opens a number alone (十二); any other power wants its digit (一百).
    if (p >= power || (digit === undefined && (p !== 10 || total !== 0))) return undefined;
    total += (digit ?? 1) * p;
    [power, digit] = [p, undefined];
  }
  if (digit === undefined) return total;
  return total === 0 || power === 10 ? total + digit : undefined;
}

/**
 * Whether digits for the numerals from `at` to `end` would be read as the grammar reads digits there:
 * before a unit it knows (十次, 三十余场, 两千份, 三万人) that ends the value but for a comparator
 * or a note (不少于十次, 十次，覆盖全县), or as a date's month (十二月底前; 一月一次 is no month).
 * 一次性, 一站式 and 三农 stay words.
 */
function numeralReadAt(s: string, at: number, end: number, value: number): boolean {
  if (s[end] === "月" && value <= 12) return !/^月[\d零〇一二两三四五六七八九十]/.test(s.slice(end));
  // 百分之六十五 is 65%, as 百分之百 is 100%.
  if (at >= 3 && s.startsWith("百分之", at - 3)) return /^(?:[,;]|$)/.test(s.slice(readSuffix(s, end, [])));
  // A number in numerals before it (一月一次, 三年两次) is part of the value, and one the grammar would not read.
  if (/[零〇一二两三四五六七八九十千万]/.test(s.slice(0, at).replace(LEADING_PERIODS, ""))) return false;
  const unit = readUnit(s, skipNear(s, end, []), []);
  return unit !== undefined && /^(?:[,;]|$)/.test(s.slice(readSuffix(s, readPer(s, unit.end).end, [])));
}

/** The numerals of amounts on financial documents (大写), and the everyday ones they stand for. */
const FINANCIAL = "壹贰叁肆伍陆柒捌玖拾佰仟";
const EVERYDAY = "一二三四五六七八九十百千";
/** A number in numerals, two characters or more (伍佰万元, 叁拾万元): 队伍 and 陆续 hold one alone. */
const NUMERALS_RUN = new RegExp(`[〇零两${EVERYDAY}${FINANCIAL}]{2,}`, "g");

/** Numbers written in Chinese numerals written in digits where the grammar would read the digits (numeralReadAt). */
function numeralsAsDigits(s: string): string {
  return s.replace(NUMERAL_RUN, (run: string, at: number) => {
    const value = numeralValue(run);
    return value && numeralReadAt(s, at, at + run.length, value) ? String(value) : run;
  });
}

/**
 * A value's text as the grammar reads it: normalised, its numbers in Chinese numerals in digits
 * (十次, 完成三次, 不少于十次, 十二月底前) where that gives a quantity or a date the words did not. A
 * text that states a date (一季度, 第四季度) keeps its reading.
 */
function readable(text: string): string {
  const s = normalizeText(text);
  const digits = numeralsAsDigits(s.replace(NUMERALS_RUN, (run) => run.replace(/./g, (c) => EVERYDAY[FINANCIAL.indexOf(c)] ?? c)));
  if (digits === s || dateIn(s) !== null) return s;
  return scanQuantity(digits).kind !== "none" || dateIn(digits) !== null ? digits : s;
}

/** A unit a quantity is per, written before it with 每 (每户1000元, 每人500元, 每亩50公斤). */
const LEADING_PER = /^每个?(人|户|亩|生|名|家|公里|平方米|套|台|辆|所|村)(?=\d|不|≥|≤|>|<)/;

/** A quantity read after a label, per the unit the label opens with (LEADING_PER): 每户1000元 is 1000元/户. */
function perLeadingUnit(s: string, q: NumberQuantity): NumberQuantity {
  const m = q.unit && !q.unit.per && q.period === null ? LEADING_PER.exec(s) : null;
  return m ? { ...q, unit: unitPer(q.unit as Unit, unitNamed(m[1])) } : q;
}

/** 介于 opening a range, after a label too (温度介于2℃至8℃), not after words that take something away. */
const BETWEEN = /^(\D*?)介于(?=\d)/;

/** 介于95%至100%, 温度介于2℃至8℃: the range itself (review round 54c L5). */
function withoutBetween(s: string): string {
  const m = BETWEEN.exec(s);
  return m && !QUALIFIES.test(m[1]) ? s.slice(m[0].length) : s;
}

/** A nominal value and its tolerance, after a comparator or alone: 20±2℃, 20℃±2℃, 12±1.5%. */
const NOMINAL_TOLERANCE = /^(\D*?)(\d+(?:\.\d+)?)([^\d±.]{0,3})±(\d+(?:\.\d+)?)([^\d±.]{0,3})$/;

/**
 * A nominal value and its tolerance (20±2℃) as the range it allows (18℃-22℃): a value within it
 * meets it (review round 54c). Not in two units (20℃±5%: a share of the nominal value?), nor where
 * the range would reach below zero (-18±2℃, 1±2%: no ratio scores it).
 */
function nominalAsRange(s: string): string {
  const m = NOMINAL_TOLERANCE.exec(s);
  if (!m || readPrefix(m[1], 0).end !== m[1].length) return s;
  const [, before, nominal, unitBefore, tolerance, unitAfter] = m;
  if (unitBefore !== "" && unitAfter !== "" && unitBefore !== unitAfter) return s;
  const [low, high] = [new Decimal(nominal).minus(tolerance), new Decimal(nominal).plus(tolerance)];
  const unit = unitBefore || unitAfter;
  return low.isNegative() ? s : `${before}${low.toFixed()}${unit}-${high.toFixed()}${unit}`;
}

function scanQuantity(written: string): Quantity {
  const s = nominalAsRange(withoutBetween(written.replace(PERIODS_IN_DIGITS, (_, digit: string) => `每${"二三四五六七八九"[Number(digit) - 2]}`)));
  const prefix = readPrefix(s, 0);
  const spelled = spelledNumber(s, prefix);
  if (spelled) return spelled;
  if (prefix.end > 0 || /^[+-]?\.?\d/.test(s)) return scanFrom(s, prefix);
  const labelled = afterLabel(s);
  const afterSymbol = labelled ? scanFrom(s, labelled) : NOT_A_QUANTITY;
  const q = afterSymbol.kind === "number" ? afterSymbol : labelledQuantity(s);
  return q.kind === "number" ? perLeadingPeriod(s, perLeadingUnit(s, q)) : noNumber(s, prefix);
}

// ---------------------------------------------------------------------------------------------
// Qualitative phrases

const DONE = "(?:完成|达成|实现|达标)";
const OBJECT = "了?(?:(?:年度|全年|预期|既定|各项)?(?:目标|任务|计划|指标|工作){1,2}|预期)?";
/**
 * 基本实现 is deliberately absent: real tables write it as a target that the actual restates
 * (云溪 营造良好工作氛围: 基本实现 / 基本实现), where a restated target means 达成 (domain.md §3);
 * alone, 基本实现 is as often the wording of the goal itself as of a partial result.
 */
const PARTLY = "(?:部分|大部分|大部|未全部|未完全|没有全部|没有完全)";
const PARTIAL = new RegExp(`^\\D{0,4}(?:基本\\D{0,2}(?:完成|达成|达标|达到)|${PARTLY}\\D{0,2}${DONE})${OBJECT}$`);
const NOT_ACHIEVED = new RegExp(`^\\D{0,4}(?:(?:未|没有|没|不能|无法)\\D{0,3}|不)(?:完成|达成|实现|达标|达到)${OBJECT}$`);
/** Verbs of getting something done or better (提升, 保障, 落实, 实现 …). */
const ACHIEVING = "(?:提升|提高|改善|发挥|保障|增强|好转|落实|见效|生效|建成|投入使用|完成|实现|达成|达到|达标)";
/**
 * A verb of achievement negated (未提升, 未能保障, 没有明显改善, 无明显提升): the result was not
 * reached. Only verbs of getting something done or better: 未发生安全事故, 未出现返贫, 未降低服务标准
 * and 未增加负担 negate what should not happen, and stay unread; 无 only as 无明显 (无运行故障 is met).
 */
const NEGATED_ACHIEVING = new RegExp(
  `^\\D{0,8}?((?:(?:未能?|没有|没能|没|不能|无法)(?:明显|显著|有效|按期|按时|如期|及时|持续|充分)?|无明显)${ACHIEVING})\\D{0,8}$`,
);
/**
 * Before a partly-met clause, what says it did not happen (不存在, 无, 没有, 未出现, 未发现, 杜绝, 确保无):
 * 不存在未全部完成的项目 and 未出现未完全实现应保尽保情况 say all was done (review round 56 H1).
 */
const NONE_OF = "(?:不存在|不再|无(?!障碍)|没|未(?:出现|发现|发生|见|有)|杜绝|避免|防止|消除|排除|并非|不是)";
/** Not done in full (未完全实现应保尽保, 没有全部落实到位): partly met (review round 56e, M2), unless negated before. */
const NOT_WHOLLY = new RegExp(`^(?:(?!${NONE_OF})\\D){0,8}?(?:未能?|没有|没能|尚未)(?:完全|全部)${ACHIEVING}(\\D{0,8})$`);
/**
 * Some of it not done, opening a clause (部分对象未及时纳入保障, 仍有部分项目未完工): partly met
 * (review round 56e, M2). Only a verb of getting something done, included or paid out after the
 * negation: 部分路段未发生积水 and 部分区域未出现问题 say what did not happen, which meets a target.
 */
const SOME_NOT_DONE = new RegExp(
  `^(?:但|仍有|尚有|还有|其中|仍|尚|还|有)?部分[^，,；;。\\d]{0,8}?(?:未能?|没有|没能|尚未)(?:及时|按期|按时|如期|全部|完全|全面|足额)?` +
    `(?:${ACHIEVING}|纳入|完工|开工|到位|覆盖|拨付|发放|兑现|享受|通过|验收|整改|办结)`,
);
/**
 * After a partly-met clause, what says the shortfall was made good (的问题已全部整改到位, 现已整改, 已解决):
 * the target was met in the end (review round 56 H1). Not when only some of it was (部分已整改) or
 * it was not (尚未整改到位).
 */
const MADE_GOOD = /(?<![未没]|部分|个别)(?:已(?:全部|全面|及时|逐一)?(?:整改|解决|纠正|补发|补缴|补齐)|整改(?:到位|完毕|完成|落实))/;
/**
 * A later clause that opens by saying all of it is now done (现已全部完成, 已于12月全部纳入, 目前均已完工):
 * made good too. Only opening its clause, so that 资金已全部兑现 after 部分项目未完工 tells of something else.
 */
const NOW_ALL_DONE = /^(?:现|目前|现均|均|并|后|随后|截至年底|年底前)?(?:已|均已)(?:于[^，,；;。]{1,8})?(?:全部|全面|均)?(?:完成|纳入|落实|到位|兑现|完工|竣工)/;
/** A part of what follows that says some of it is still short (部分已整改, 尚未, 仍有): no full repair then. */
const STILL_SHORT = /部分|个别|尚未|仍有|仍未|还有|未全部|未完全/;
/** Whether what follows a partly-met clause, to the phrase's end, says the shortfall was made good. */
function madeGood(rest: string): boolean {
  const [own, ...later] = rest.split(CLAUSE_STOP);
  const fixed = MADE_GOOD.test(rest) || later.some((clause) => NOW_ALL_DONE.test(clause));
  return fixed && ![own, ...later].some((clause) => STILL_SHORT.test(clause));
}
/**
 * Whether a phrase says the target was met in part only: not done in full (未完全实现应保尽保) or some
 * of it not done (部分对象未及时纳入保障), with nothing before it saying none was (不存在未全部完成的项目)
 * and nothing after it saying the shortfall was made good (部分群众未享受到补贴的问题已全部整改到位).
 */
function saysPartlyMet(phrase: string): boolean {
  const wholly = NOT_WHOLLY.exec(phrase);
  if (wholly && !madeGood(wholly[1])) return true;
  let at = 0;
  for (const clause of phrase.split(CLAUSE_STOP)) {
    const m = SOME_NOT_DONE.exec(clause);
    if (m && !madeGood(phrase.slice(at + m[0].length))) return true;
    at += clause.length + 1;
  }
  return false;
}
/** Done late, stopped, or short of what was asked: 延期完成, 已停止运行, 效果不明显, 不及时, 不合格 (every one in a phrase: g). */
const MISSED = /(?<!未|无|没|没有|不存在|未出现|未发生)(?:延期|逾期|延迟|推迟|滞后|超期|停止(?:运行|使用|运营|服务)|停运|停用|停工|(?:不|欠)(?:到位|达标|及时|理想|明显|合格)|欠佳|不佳)|(?:未能?|没有|没能|不能)(?:按期|按时|如期|准时)/g;
const ACHIEVED = new RegExp(`^(\\D{0,6}?)${DONE}${OBJECT}$`);
/** 达到预期, and on time alone (按期, 已按时): what 是否按期完工 asks, answered. */
const ACHIEVED_REACHED = /^(?:达到(?:预期|(?:预期|年度)?目标|要求)|已?(?:按期|按时|如期|准时))$/;
/** A prefix that makes 完成 a plan or a doubt rather than a result: 确保完成, 计划完成, 基本实现. */
const NOT_A_RESULT = /[未没不无否]|基本|部分|^(?:待|将|拟|计划|预计|正在|争取|力争|确保|努力|力求|需|要|应)/;

/**
 * Grades of how well something went, best first by rank: 优 (6) … 差 (1). A target and an actual
 * both on this scale are compared; an actual alone that is middling (一般, rank 3) or worse says
 * 部分达成 or 未达成 whatever was asked.
 */
const QUALITY_GRADES = new Map<string, number>([
  ...["优", "优秀", "很好", "非常好"].map((w) => [w, 6] as const),
  ...["好", "良", "良好"].map((w) => [w, 5] as const),
  ...["较好", "比较好"].map((w) => [w, 4] as const),
  ...["中", "中等", "一般", "尚可"].map((w) => [w, 3] as const),
  ...["较差", "比较差"].map((w) => [w, 2] as const),
  ...["差", "很差"].map((w) => [w, 1] as const),
]);
/**
 * 高 … 低: better either way, as the target asks (满意度较高; 对环境影响较低), so compared only
 * against a target on the same scale, never read alone.
 */
const LEVEL_GRADES = new Map([
  ["高", 5],
  ["较高", 4],
  ["比较高", 4],
  ["一般", 3],
  ["较低", 2],
  ["比较低", 2],
  ["低", 1],
]);
const MIDDLE_GRADE = 3;
/**
 * One grade short of the target (好 → 较好, 优 → 良) is read as no band: reviewers score it anywhere
 * from full marks less a point to 部分达成's (9 or 7 of 10 with a reason), and either band would call
 * one of them wrong.
 */
const ONE_GRADE = 1;

/** A grade against the target's on one scale: at or above it 达成, one short unread, further below by belowGrade. */
function gradeResult(got: number, wanted: number): Achievement | null {
  if (got >= wanted) return "achieved";
  return got === wanted - ONE_GRADE ? null : belowGrade(got);
}
/** What a grade is of, before it (效果良好, 质量为优, 评价等级：良) and after it (良好等次). */
const GRADE_FRAME = /^(?:总体|整体|实施|服务|工作|项目|综合)?(?:效果|质量|成效|效益|评价|等级|等次|结果|水平|情况|状况|程度){0,2}(?:为|是|:)?(.+?)(?:等次|等级|级)?$/;

function gradeWord(phrase: string): string | null {
  const m = GRADE_FRAME.exec(phrase);
  return m ? m[1] : null;
}

/**
 * The result an actual more than one grade below its target's stands for: down to the middle (一般)
 * 部分达成; a grade below the middle (较差, 差) 未达成.
 */
function belowGrade(actualRank: number): Achievement {
  return actualRank < MIDDLE_GRADE ? "notAchieved" : "partial";
}

/** 效果良好 → 效果一般 on one scale, or null when the two are not both grades of it. */
function gradeAgainst(target: string, actual: string): Achievement | null {
  const t = gradeWord(target);
  const a = gradeWord(actual);
  if (t === null || a === null) return null;
  const wanted = QUALITY_GRADES.get(t);
  const got = QUALITY_GRADES.get(a);
  if (wanted !== undefined && got !== undefined) return gradeResult(got, wanted);
  const level = LEVEL_GRADES.get(t);
  const reached = LEVEL_GRADES.get(a);
  if (level === undefined || reached === undefined || level === MIDDLE_GRADE) return null;
  // A target of 较低 asks for less: mirror the scale so that the better end ranks highest.
  const mirror = (rank: number) => (level > MIDDLE_GRADE ? rank : 2 * MIDDLE_GRADE - rank);
  return gradeResult(mirror(reached), mirror(level));
}

function isQualityGrade(phrase: string): boolean {
  const word = gradeWord(phrase);
  return word !== null && QUALITY_GRADES.has(word);
}

/** An actual graded middling or worse on its own (效果一般, 差), whatever its target asked. */
function gradeAlone(phrase: string): Achievement | null {
  const word = gradeWord(phrase);
  const rank = word === null ? undefined : QUALITY_GRADES.get(word);
  return rank === undefined || rank > MIDDLE_GRADE ? null : belowGrade(rank);
}

/** Getting better: what a target asks for with 提升, 改善 … */
const IMPROVING = "(?:提升|提高|改善|增强|好转|优化|改进|完善|加强|增加|推进|促进)";
/** Asked for strongly (有效提升, 显著提高, 明显改善) … */
const STRONGLY_IMPROVED = new RegExp(`(?:有效|明显|显著|大幅|切实|极大|全面|较大)地?${IMPROVING}`);
/** … and answered weakly (有所提升, 略有改善): 部分达成. */
const SLIGHTLY_IMPROVED = new RegExp(`^\\D{0,6}?(?:有所|略有|稍有|小幅|一定程度上?|部分)${IMPROVING}\\D{0,4}$`);
/** No change at all (无明显变化, 没有变化, 变化不大) against a target that asks for one: 未达成. */
const UNCHANGED = /^\D{0,6}?(?:(?:无|没有|未见)明显?变化|变化不大|基本持平|与上年持平|没有改变|未改变)\D{0,4}$/;
const ASKS_IMPROVEMENT = new RegExp(IMPROVING);

/**
 * The result an actual states against its target where the two must be read together: a grade
 * below the target's (良 → 差, 效果良好 → 效果一般), a weak answer to a strong ask (有效提升 →
 * 有所提升), no change where one was asked (显著提高 → 无明显变化); null when neither says so.
 */
export function achievementAgainst(target: ParsedValue, actual: ParsedValue): Achievement | null {
  if (target.kind !== "qualitative" || actual.kind !== "qualitative") return null;
  const t = phraseOf(target.text);
  const a = phraseOf(actual.text);
  const graded = gradeAgainst(t, a);
  if (graded !== null) return graded;
  if (STRONGLY_IMPROVED.test(t) && SLIGHTLY_IMPROVED.test(a)) return "partial";
  if (ASKS_IMPROVEMENT.test(t) && UNCHANGED.test(a)) return "notAchieved";
  return null;
}

/** A target that asks for something to stop, close or shrink: lateness or stopping is then its subject. */
const ASKS_TO_STOP = /应停|尽停|停用|停运|停产|停止|关停|关闭|淘汰|拆除|取缔|清收|清零|下架|压减|降低|减少|化解/;
/** After a word of a miss, a kind of thing it names (不合格产品, 整改不及时问题, 逾期率, 停止运行的闸站): its subject, not a result. */
const KIND_OF_THING = /^(?:的|问题|产品|水体|事项|企业|隐患|设备|车辆|贷款|情况|现象|行为|案件|率)/;
/** A negation of a negation (没有一项不达标): what it says is that everything was met. */
const DOUBLE_NEGATIVE = /(?:没有|没|未|无)\D{0,3}不/;
/** Before a word in its clause, what says it did not happen: 未发现不合格项, 无一例逾期, 没有出现停运, 零逾期, 0起延期. */
const NEGATOR_BEFORE = /[未无没零]|杜绝|不存在|(?<![\d.])0(?![\d.])/;
/** In a target, what forbids the word (不延期, 杜绝不合格, 无逾期, 不得延期): it asks that it not happen. */
const FORBIDS_BEFORE = /[不未无没零]|杜绝/;
/** After it, a count of none: 不合格数为0, 延期项目0个. */
const NONE_AFTER = /^[^，,；;。]*?(?:为|是)?[0零](?:个|次|起|笔|天|项|例|处|件|人)?(?:[，,；;。]|$)/;

/** The text of a phrase's clause before `index`: what may negate the word there. */
function clauseBefore(phrase: string, index: number): string {
  let start = 0;
  for (const stop of "，,；;。") start = Math.max(start, phrase.lastIndexOf(stop, index - 1) + 1);
  return phrase.slice(start, index);
}

/** Whether a target names the word as what it is about (逾期贷款全部清收), not only to forbid it (不延期). */
function namesAsSubject(target: string, word: string): boolean {
  const at = target.indexOf(word);
  return at !== -1 && !FORBIDS_BEFORE.test(clauseBefore(target, at));
}

/**
 * Whether the word of a miss at `index` says the target was missed: not when its clause says it did
 * not happen (未发现不合格项, 不合格数为0), it names a kind of thing (不合格产品已下架), or the indicator
 * is about it (in its name or its target, or a target that asks to stop or shrink something).
 */
function saysMissed(phrase: string, word: string, index: number, context?: AchievementContext): boolean {
  const after = phrase.slice(index + word.length);
  if (NEGATOR_BEFORE.test(clauseBefore(phrase, index)) || NONE_AFTER.test(after) || KIND_OF_THING.test(after)) return false;
  return !(context && (namesAsSubject(context.target, word) || context.name.includes(word) || ASKS_TO_STOP.test(context.target)));
}

/** What should not happen (measures.ts HARM: 事故, 投诉, 污染 …), every one in a text. */
const HARMS = new RegExp(HARM.source, "g");
/** Words that say a harm came about or was found (发生, 造成, 收到 …); negated (未发生, 没有发现), that none did. */
const HAPPENS = /发生|出现|发现|造成|收到|接到|受到|产生|引发|导致/;
const HAPPENS_ALL = new RegExp(HAPPENS.source, "g");
/** A count of some right after a harm (安全事故1起, 投诉2件, 事故共3起): so counted, it happened. */
const SOME_AFTER = /^(?:发生|共|计|有)?[1-9]\d*(?:起|次|件|例|个|处|项|宗|人|名|户|家|批|笔)/;
/** …or right before it, with at most a word of its kind between (除1起轻微事故外, 2件投诉), unless a change is counted (减少3起). */
const SOME_BEFORE = /(?<!减少|下降|降低)[1-9]\d*(?:起|次|件|例|宗|笔)[^\d，,；;。]{0,4}$/;
/**
 * Words of keeping a harm from happening (防止发生安全事故, 预防污染) or of setting up how to deal with
 * it (建立接到投诉2小时内响应机制): no report that it happened.
 */
const PREVENTS = /防止|预防|避免|防范|防控|建立|健全/;
/**
 * A kind a text narrows a harm to: how grave (无重大安全事故), or whether it counts (有效投诉, 安全责任事故).
 * The text then says nothing of the other kinds (一般事故, 无效投诉).
 */
const NARROWED = /重特大|特大|重大|较大|严重|有效|责任/g;

function harmsIn(text: string): string[] {
  return [...text.matchAll(HARMS)].map(([word]) => word);
}

/** How grave a harm is, least first: 较大及以上 takes in 重大 and 特大, and 重大 特大 (特别重大, 重特大). */
const GRAVITY = ["较大", "重大", "重特大", "特大"];
const gravityOf = (text: string): number => Math.max(-1, ...[...text.matchAll(NARROWED)].map(([word]) => GRAVITY.indexOf(word)));

/**
 * Whether every kind `text` narrows a harm to (NARROWED), `other` names too; a grade of gravity by
 * one as grave or graver (无较大及以上安全事故 against 发生重大安全事故1起).
 */
function narrowedAsIn(text: string, other: string): boolean {
  return [...text.matchAll(NARROWED)].every(([word]) => {
    const gravity = GRAVITY.indexOf(word);
    return gravity < 0 ? other.includes(word) : gravityOf(other) >= gravity;
  });
}

/** What ends a clause, and so what a negation in it covers (see clauseBefore). */
const CLAUSE_STOP = /[，,；;。]/;

function clausesOf(phrase: string): string[] {
  return phrase.split(CLAUSE_STOP).filter((clause) => clause !== "");
}

/**
 * Whether a phrase says a harm happened that its target forbids (发生1起一般安全事故 under 未发生安全事故,
 * 收到投诉2件 under 无投诉, 造成轻微扬尘污染 under 不造成环境污染): its clause says before it how it came
 * about (发生, 造成, 收到 …) or right after it how many (安全事故1起), and nothing says it did not
 * (未发生, 零事故, 安全事故0起: read as for the words of a miss, saysMissed) or was kept from happening
 * (防止发生). A target that forbids one kind of it only (无重大安全事故, 无有效投诉) is met by another;
 * one that names the harm as what it is about (投诉处理及时) forbids nothing.
 */
function statesForbiddenHarm(phrase: string, target: string): boolean {
  return [...phrase.matchAll(HARMS)].some(({ 0: word, index }) => {
    const forbidden = target.includes(word) && !namesAsSubject(target, word);
    if (!forbidden || !saysMissed(phrase, word, index)) return false;
    const before = clauseBefore(phrase, index);
    const after = phrase.slice(index + word.length).split(CLAUSE_STOP)[0];
    const happened = (HAPPENS.test(before) && !PREVENTS.test(before)) || SOME_AFTER.test(after) || SOME_BEFORE.test(before);
    return happened && narrowedAsIn(target, before + word + after);
  });
}

/** A target that forbids without saying what (未发生, 不出现, 杜绝): on a row named by a harm (安全事故), that harm. */
const FORBIDS_UNNAMED = /^(?:(?:未|没有|不)(?:发生|出现)|杜绝|无)$/;

/**
 * statesForbiddenHarm in its context: under a target that forbids the harm the row is named by
 * without naming it (安全事故 | 未发生: review round 50), read as naming it (未发生安全事故), and on a
 * row named by a harm an actual naming none (发生1起, 1起) as saying it of that one (安全事故发生1起),
 * under such a target or one naming the harm (零事故: review round 54c M4).
 */
function statesForbiddenHarmIn(phrase: string, context: AchievementContext): boolean {
  if (!HARM.test(context.name)) return statesForbiddenHarm(phrase, context.target);
  const saidOf = harmsIn(phrase).length > 0 ? phrase : context.name + phrase;
  if (FORBIDS_UNNAMED.test(context.target)) return statesForbiddenHarm(saidOf, context.target + context.name);
  // A target naming the harm itself (零事故 on 安全生产事故): an actual naming none (发生1起) says it of the row's.
  return statesForbiddenHarm(saidOf, context.target);
}

/** Whether a phrase says the target was missed, in a negated achievement (未提升) or a word of lateness or stopping (延期). */
function statesMiss(phrase: string, context?: AchievementContext): boolean | null {
  const negated = NEGATED_ACHIEVING.exec(phrase);
  const words = [...phrase.matchAll(MISSED)].map((m) => ({ word: m[0], index: m.index! }));
  if (negated) words.unshift({ word: negated[1], index: phrase.indexOf(negated[1]) });
  if (words.length === 0) return null;
  return words.some(({ word, index }) => saysMissed(phrase, word, index, context));
}
/** A target that allows a middling grade (中及以下, 达到中等, 合格以上): a middling actual meets it. */
const ALLOWS_MIDDLE = /中等|中及|^中$|一般|合格|及格|以下|不高于|不超过/;

/** What an actual's result is read against: its target's phrase and its indicator's name. */
interface AchievementContext {
  target: string;
  name: string;
}

/**
 * The result a phrase states. With its context, a word of lateness or stopping that names what the
 * indicator is about (逾期贷款已全部清收 under 逾期贷款全部清收, 已停运3家污染企业 under 关停污染企业) is
 * no result, nor is a middling grade where the target allows one.
 */
function achievementOf(phrase: string, context?: AchievementContext): Achievement | null {
  if (PARTIAL.test(phrase) || saysPartlyMet(phrase)) return "partial";
  if (NOT_ACHIEVED.test(phrase) && !DOUBLE_NEGATIVE.test(phrase)) return "notAchieved";
  if (context && statesForbiddenHarmIn(phrase, context)) return "notAchieved";
  // The words that say it was missed (未完成, 延期), unless they say it did not happen or what the indicator is about.
  const missed = statesMiss(phrase, context);
  if (missed !== null) return missed ? "notAchieved" : null;
  if (context && negatesTarget(phrase, context.target)) return "notAchieved";
  if (ACHIEVED_REACHED.test(phrase)) return "achieved";
  const graded = gradeAlone(phrase);
  // A target graded on the same scale was compared with it already (gradeAgainst).
  if (graded !== null) return context && (ALLOWS_MIDDLE.test(context.target) || isQualityGrade(context.target)) ? null : graded;
  const m = ACHIEVED.exec(phrase);
  return m && !NOT_A_RESULT.test(m[1]) ? "achieved" : null;
}

/** A negation opening an actual, and what it negates in group 1: 不健全, 未通过验收, 不能正常运行, 无效. */
const NEGATED = /^(?:仍|尚|还)?(?:未能|未|不能|不|没有|没能|无法|无)(.+)$/;
/** A negation inside an actual, after its subject: 机制不健全, 设备未正常运行. */
const NEGATION_WITHIN = /(?:仍|尚|还)?(?:未能|未|不能|不|没有|没能|无法)/;

/**
 * Whether an actual is the target's words negated (机制健全 → 不健全 or 机制不健全, 通过验收 → 未通过验收,
 * 有效 → 无效, 开工建设 → 未开工). Only under a target that takes nothing away and asks nothing to
 * stop, and not where the negated words are a harm or its happening: 无投诉 under 零投诉 and
 * 未发现问题 under 发现问题及时整改 say none happened.
 */
function negatesTarget(phrase: string, target: string): boolean {
  if (/\d/.test(target) || qualifies(target) || ASKS_TO_STOP.test(target)) return false;
  // A name that opens with a negation (无害化处理, 不定期抽查) negates nothing.
  const plain = phrase.replace(NAMES_NOT_QUALIFYING, (name) => "※".repeat(name.length));
  const within = NEGATION_WITHIN.test(plain) && phrase.replace(NEGATION_WITHIN, "") === target;
  const opening = NEGATED.exec(plain);
  const negated = opening ? phrase.slice(phrase.length - opening[1].length) : within ? target : undefined;
  if (negated === undefined || HARM.test(negated) || HAPPENS.test(negated)) return false;
  // Under a target asking for none of something, none of it meets it (无浪费 under 杜绝浪费); the
  // asking negated does not (未杜绝浪费, 未能防止资金沉淀, 风险不可控).
  if (FORBIDS.test(target) && !FORBIDS.test(negated)) return false;
  return target.includes(negated);
}
/** A target that asks for none of something (零死角, 遗漏为零, 杜绝浪费, 防止资金沉淀, 风险可控): 无 or 未 of it meets it. */
const FORBIDS = /零|为0|杜绝|避免|防止|防范|严禁|禁止|可控|不发生/;

/**
 * A qualitative actual's result read against its target and indicator (achievementOf's context);
 * against a target in words, also a number said with the words of a miss (逾期2个月 under 按期完成).
 */
export function achievementIn(target: ParsedValue, actual: ParsedValue, name: string): Achievement | null {
  const context = { target: phraseOf(target.text), name };
  if (actual.kind === "number") {
    const missed = target.kind === "qualitative" && (statesMissBy(actual, context) || statesForbiddenHarmIn(phraseOf(actual.text), context));
    return missed ? "notAchieved" : null;
  }
  if (actual.kind !== "qualitative") return actual.achievement;
  return achievementOf(phraseOf(actual.text), context);
}

/**
 * A number of days, months or items late or stopped (延期15天, 逾期2个月, 逾期报送2次) under a target
 * about being on time or naming the miss (按期完成, 零逾期, 杜绝不合格): more than none, and not a
 * share (逾期率5% is how much, not that it was missed). Under another target the words name
 * something else (延期还本付息惠及企业15家 under 有效缓解: a relief policy).
 */
function statesMissBy(actual: ParsedValue, context: AchievementContext): boolean {
  if (actual.value === null || !actual.value.gt(0) || actual.unit?.symbol === "%") return false;
  const aboutTheMiss = ON_TIME.test(context.target) || context.target.search(MISSED) >= 0;
  return aboutTheMiss && statesMiss(phraseOf(actual.text), context) === true;
}
/** A target that asks for something on time. */
const ON_TIME = /按期|按时|如期|及时|准时|限期|工期|前完成|底前|内完成/;

const VAGUE = new RegExp(
  // 逐年增加, 明显增多, 稳步增长: growth in words, with no figure (review round 54c M3).
  "(?:有所|有效|明显|显著|进一步|逐步|逐年|不断|稳步|持续|大幅|大力|得到|全面|较大|极大|切实|积极)地?" +
    "(?:提升|提高|改善|完善|加强|增强|增加|增多|增长|扩大|改进|好转|优化|降低|减少|下降|推进|促进|保障)" +
    "|(?:效果|成效|效益|作用)(?:明显|显著|突出|良好|较好)" +
    // A grade alone (较高, 良好, 保持较高水平, 稳定): which figure it is, is not said (review round 53b M2).
    "|^(?:保持|处于|达到|维持)?在?(?:很高|较高|比较高|高|良好|较好|优良|优秀|稳定|充分)的?(?:水平|状态)?$",
);

// ---------------------------------------------------------------------------------------------
// Results

/** A ParsedValue's fields as a value that states none of them has them (made once: result spreads it). */
const NO_FIELDS = {
  op: null,
  value: null,
  unit: null,
  scaled: false,
  contradictory: false,
  achievement: null,
  vague: false,
  problem: null,
  date: null,
  period: null,
  range: null,
  directional: false,
} as const;

function result(text: string, kind: ParsedValue["kind"], fields: Partial<ParsedValue> = {}): ParsedValue {
  return { text, kind, ...NO_FIELDS, ...fields };
}

/**
 * A phrase as its result is read: normalised, without the stop that ends it. Memoised: the rules
 * ask it of the same target and actual texts many times over.
 */
const phraseOf = memoisedText((text: string): string => normalizeText(text).replace(/[。.,;!、]+$/, ""));

function qualitative(text: string, phrase: string): ParsedValue {
  const p = phrase.replace(/[。.,;!、]+$/, "");
  return result(text, "qualitative", { achievement: achievementOf(p), vague: VAGUE.test(p), date: dateIn(p) });
}

function numberResult(
  text: string,
  value: Decimal,
  unit: Unit | null,
  ops: Op[],
  contradictory: boolean,
  scaled = false,
  period: Period | null = null,
): ParsedValue {
  const resolved = resolveOps(ops);
  return result(text, "number", { op: resolved.op, value, unit, scaled, contradictory: contradictory || resolved.contradictory, period });
}

function invalid(text: string, problem: string, ops: Op[] = [], unit: Unit | null = null): ParsedValue {
  return result(text, "invalid", { op: resolveOps(ops).op, unit, problem });
}

/** The 指标性质 column: a comparator, 正向/反向 (`directional`), or 定性. */
function readOpColumn(text: string | undefined): { ops: Op[]; qualitative: boolean; directional: boolean } {
  const s = normalizeText(text ?? "");
  if (s.includes("定性")) return { ops: [], qualitative: true, directional: false };
  const symbol = PREFIX_OPS.get(s);
  const op = symbol ?? DIRECTION_OPS.get(s.replace(/指标$/, ""));
  return { ops: op ? [op] : [], qualitative: false, directional: op !== undefined && symbol === undefined };
}

/**
 * The 计量单位 column: a known unit, else the text itself as an unconvertible unit; a unit per a
 * period (次/月) or per another unit (元/人, 万元/公里) as the value grammar reads it after a number;
 * a known unit behind a magnitude (万人, 千户, 万人次) as that unit, the bare values under it
 * `times` its magnitude, as 3.2万人 typed is 32000 人 (review round 56e, M1: 33500 人 against 3.2 万人).
 */
function columnUnit(text: string | undefined): { unit: Unit | null; period: Period | null; times?: Decimal } {
  const s = (text ?? "").trim();
  if (isEmptyMarker(s)) return { unit: null, period: null };
  const known = lookupUnit(s);
  if (known) return { unit: known, period: null };
  const normalized = normalizeText(s);
  const scaled = MAGNITUDES.has(normalized[0]) ? readUnit(normalized, 0, []) : undefined;
  if (scaled && scaled.exponent > 0 && scaled.end === normalized.length) return { unit: scaled.unit, period: null, times: Decimal.pow(10, scaled.exponent) };
  const slash = normalized.indexOf("/");
  const per = slash > 0 ? readPer(normalized, slash) : undefined;
  if (per === undefined || per.end !== normalized.length) return { unit: unitNamed(s), period: null };
  const numerator = normalized.slice(0, slash);
  return withPer(lookupUnit(numerator) ?? unitNamed(numerator), per);
}

function parseText(raw: string, ctx: ParseContext): ParsedValue {
  const text = raw.trim();
  if (isEmptyMarker(text)) return result(text, "empty");
  const s = readable(text);
  const q = scanQuantity(s);
  const column = readOpColumn(ctx.opColumn);
  if (q.kind === "number") {
    let { value, scaledBy } = q;
    // 3万 under a 计量单位 of 万人次 or 万元 says the column's 万 once more: 3 of the column's unit.
    if (scaledBy && !q.unit && normalizeText(ctx.unitColumn ?? "").startsWith(scaledBy)) {
      value = value.div(Decimal.pow(10, MAGNITUDES.get(scaledBy) as number));
      scaledBy = null;
    }
    const { unit, period, times } = q.unit ? { unit: q.unit, period: q.period } : columnUnit(ctx.unitColumn);
    if (times) value = value.times(times);
    const number = numberResult(text, value, unit, [...q.ops, ...column.ops], q.contradictory, scaledBy !== null, period);
    return column.directional && q.ops.length === 0 ? { ...number, directional: true } : number;
  }
  if (q.kind === "invalid" && q.range && !column.qualitative) {
    // The bounds are in the 计量单位 column's unit when the text writes none (10-20 under 个).
    const { unit, period, times } = q.unit ? { unit: q.unit, period: q.range.period } : columnUnit(ctx.unitColumn);
    const op = resolveOps([...q.ops, ...column.ops]).op;
    const { low, high } = q.range.bounds;
    const range = times ? { low: low.times(times), high: high.times(times) } : q.range.bounds;
    return result(text, "invalid", { op, unit, period, problem: q.problem, range });
  }
  if (q.kind === "invalid" && !column.qualitative) return invalid(text, q.problem, q.ops, q.unit);
  return qualitative(text, s);
}

/**
 * Workbooks repeat the same value texts (≥100%, 按期完成, 100%) across rows and sheets; a parsed
 * value is immutable, so repeats share one parse.
 */
const textCache = new Map<string, ParsedValue>();
const TEXT_CACHE_LIMIT = 20000;

function cachedParseText(raw: string, ctx: ParseContext): ParsedValue {
  // With no 指标性质 or 计量单位 text for this row (most tables have neither column), the text alone is the key.
  const key = ctx.opColumn || ctx.unitColumn ? `${raw}\u0000${ctx.opColumn ?? ""}\u0000${ctx.unitColumn ?? ""}` : raw;
  let parsed = textCache.get(key);
  if (parsed === undefined) {
    parsed = parseText(raw, ctx);
    if (textCache.size >= TEXT_CACHE_LIMIT) textCache.clear();
    textCache.set(key, parsed);
  }
  return parsed;
}

function parseNumberCell(n: number, ctx: ParseContext): ParsedValue {
  if (!Number.isFinite(n)) return invalid(String(n), "不是有效数字");
  const format = readFormat(ctx.numFmt, n);
  if (format.date) {
    const text = excelDate(n);
    return result(text, "qualitative", { date: dateIn(text) });
  }
  const { value, text } = shownNumber(n, format);
  const stated = format.percent ? PERCENT : format.unit;
  const { unit, period, times } = stated ? { unit: stated, period: null } : columnUnit(ctx.unitColumn);
  const column = readOpColumn(ctx.opColumn);
  const number = { ...numberResult(text, times ? value.times(times) : value, unit, column.ops, false, false, period), directional: column.directional };
  const literal = textWithLiterals(value, format);
  return literal ? readAsShown(number, literal, ctx) : number;
}

/** A comparator as a 正向/反向 指标性质 gives it, written as a sign (rowReading). */
const OP_SIGNS: Record<Op, string> = { ">=": "≥", ">": ">", "<=": "≤", "<": "<", "=": "=", "≈": "约" };

/**
 * A value as its row reads it, for the messages that quote it: the cell's text with what the
 * 指标性质 and 度量单位 columns add to it (`ctx`, as parseValue was given them) where the text states
 * neither itself: ≥ | 100 | % reads “≥100%”, 3.2 under 万人 “3.2万人”, 10-20 under 个 “10-20个”
 * (review round 56e, L2: “100”不可能被超过). A comparator word of the column is kept as written
 * (不低于100%), a 正向/反向 one is given as its sign; a unit column's percentage (百分比) as %. A
 * value the columns add nothing to (words, a blank, a text stating both) is its text. The
 * columns are those `ctx` gives, which may be fewer than `parsed` was read with (an actual is
 * quoted without the 指标性质 of its target).
 */
export function rowReading(cell: CellValue, parsed: ParsedValue, ctx: ParseContext): string {
  const ranged = parsed.kind === "invalid" && parsed.range !== null;
  if ((parsed.kind !== "number" && !ranged) || (!ctx.opColumn && !ctx.unitColumn)) return parsed.text;
  const own = parseValue(cell, { numFmt: ctx.numFmt });
  let op = "";
  if (own.op === null && parsed.op !== null && !ranged && ctx.opColumn) {
    const column = ctx.opColumn.trim();
    op = PREFIX_OPS.has(normalizeText(column)) ? column : OP_SIGNS[parsed.op];
  }
  let unit = "";
  if (own.unit === null && parsed.unit !== null) {
    const column = (ctx.unitColumn ?? "").trim();
    const magnitude = normalizeText(column)[0];
    if (parsed.unit.family === "percent" || parsed.unit.family === "permille") unit = parsed.unit.symbol;
    // 3万 under 万人次: the column's 万 is the one the text wrote.
    else if (own.scaled && MAGNITUDES.has(magnitude) && normalizeText(own.text).endsWith(magnitude)) unit = column.slice(1);
    else unit = column;
  }
  return `${op}${parsed.text}${unit}`;
}

/**
 * Reads a target or actual. Numbers give kind "number" (a % format scales by 100); empty markers
 * "empty"; error values, a comparator symbol without a number, a bare unit, ranges (with their
 * `range`, which a target is read by: rangeAsBound) and several numbers "invalid"; any other text "qualitative", including deadlines ("2023年12月底前") and
 * phrases led by a comparator word without a number ("达到国家标准"). Never throws.
 */
export function parseValue(cell: CellValue, ctx: ParseContext = {}): ParsedValue {
  if (cell === null || cell === undefined) return result("", "empty");
  if (typeof cell === "number") return parseNumberCell(cell, ctx);
  if (typeof cell === "string") return cachedParseText(cell, ctx);
  if (typeof cell === "boolean") return qualitative(cell ? "TRUE" : "FALSE", "");
  const error = String(cell.error).trim();
  return invalid(error, `单元格是错误值 ${error}`);
}

/** 无 alone: "nothing", an empty marker unless the row makes it an answer (see answeredNone). */
function isNone(p: ParsedValue): boolean {
  return p.kind === "empty" && p.text.normalize("NFKC") === "无";
}

/**
 * A target that none at all meets: 0, =0, ≤N, or <N above 0, of a count, of a unit jixiao has no
 * entry for (0起, ≤1例) or of no unit; with `shares`, of a share too (事故发生率 ≤1%). Not a rate or
 * an amount for 无, which may as well mean "no data" there.
 */
function allowsNone(p: ParsedValue, shares = false): boolean {
  if (p.kind !== "number" || p.value === null || p.value.isNegative()) return false;
  const share = p.unit?.family === "percent" || p.unit?.family === "permille";
  if (p.unit && p.unit.family !== "count" && !(shares && share) && lookupUnit(p.unit.symbol) !== undefined) return false;
  if (p.op === "<=") return true;
  if (p.op === "<") return !p.value.isZero();
  return (p.op === null || p.op === "=") && p.value.isZero();
}

/** 无 as the words it is, an answer rather than a blank (answeredNone). */
const inWords = (p: ParsedValue): ParsedValue => (p.kind === "empty" ? result(p.text, "qualitative") : p);

/** 无 read as the number 0 (in `unit`), its text kept. */
function noneAsZero(none: ParsedValue, op: Op | null, unit: Unit | null): ParsedValue {
  return result(none.text, "number", { op, value: new Decimal(0), unit });
}

/** Words between a negation and what it negates: 没有, 无任何, 未发生过, 未发生一起 (not one). */
const NOT_ONE = /^有|任何|过|一(?:起|例|件|次|个|项|宗)/g;
/** A year the clause is about (2023年未发生安全事故): the one number such an answer may hold. */
const YEAR_WORD = /(?:19|20)\d{2}年度?/g;

/**
 * Whether an actual in words says none of what the row counts happened (未发生, 没有发生, 未发现,
 * 未发生安全事故, 零事故, 无安全责任事故, 全年未发生食品安全事故, 安全事故0起): each clause a count of none, or a negation as the words
 * of a miss are read (NEGATOR_BEFORE: 未, 无, 没有, 零 …), with nothing that counts (除1起外) or takes
 * something away (基本未发生, 未发生不良…) around it, and after it a harm, or how one comes about (发生,
 * 发现) with nothing but words of the name (未发现问题 under 违规违纪问题). The harms it names must
 * include one the row's name counts (未发生投诉 under 安全事故发生数 is an answer to another row), and
 * a harm narrowed to a kind the name does not state (未发生重大安全事故, 无安全责任事故 under
 * 安全事故发生数: NARROWED) says nothing of the others.
 */
/** A harm counted as none (安全事故0起, 发生安全事故0起, 安全事故发生0起, 投诉为零): its words in group 1. */
const ZERO_COUNT = /^(?:全年)?(?:发生)?(\D+?)(?:发生)?(?:为|共)?[0零〇](?:个|次|起|件|例|宗|人|处|项|笔)?$/;

function saysNoneHappened(phrase: string, name: string): boolean {
  const counted = harmsIn(name);
  const named = harmsIn(phrase);
  if (counted.length === 0 || !narrowedAsIn(phrase, name)) return false;
  if (named.length > 0 && !named.some((harm) => counted.includes(harm))) return false;
  const clauses = clausesOf(phrase);
  return clauses.length > 0 && clauses.every((clause) => {
    const zero = ZERO_COUNT.exec(clause);
    if (zero) return harmsIn(zero[1]).length > 0 && !qualifies(zero[1]);
    const negation = NEGATOR_BEFORE.exec(clause);
    if (!negation || /\d/.test(clause.replace(YEAR_WORD, ""))) return false;
    const before = clause.slice(0, negation.index);
    const what = clause.slice(negation.index + negation[0].length).replace(NOT_ONE, "");
    if (qualifies(before) || HAPPENS.test(before) || qualifies(what.replace(HARMS, ""))) return false;
    if (harmsIn(clause).length > 0) return true;
    const rest = what.replace(HAPPENS_ALL, "");
    return rest !== what && (rest === "" || name.includes(rest));
  });
}

/** Whether an actual in words says none of what the row's `name` counts happened (saysNoneHappened). */
export function statesNoneHappened(actual: ParsedValue, name: string): boolean {
  return actual.kind === "qualitative" && saysNoneHappened(phraseOf(actual.text), name);
}

/** A target in words that forbids a harm (无投诉, 未发生安全事故, 杜绝违规违纪, 不发生重大事故). */
function forbidsHarm(target: ParsedValue): boolean {
  if (target.kind !== "qualitative") return false;
  const phrase = phraseOf(target.text);
  return [...phrase.matchAll(HARMS)].some(({ index }) => FORBIDS_BEFORE.test(clauseBefore(phrase, index)));
}

/**
 * 无 as the answer "none" rather than an empty cell (domain.md §2 lists it among the empty markers):
 * an actual 无 against a target nothing meets (0起, ≤1次) says none happened, 0 in the target's
 * unit. So do words that say none of what the row counts happened (未发生安全事故, 零事故, 未发现:
 * saysNoneHappened), against a share too (事故发生率 ≤1%), as they leave no doubt of the figure. On a
 * row counting what should not happen (`countsHarm`: its `name` says so, 安全生产事故, 投诉, or its
 * 二级 does, 社会成本指标) a target 无 allows
 * none (=0), so 无/无 there is "none allowed, none happened"; and under a target in words that
 * forbids a harm (无投诉), 无 is that answer in words. Anywhere else 无 stays empty: a missing actual
 * is never turned into a met one.
 */
export function answeredNone(target: ParsedValue, actual: ParsedValue, name: string, countsHarm = HARM.test(name)): { target: ParsedValue; actual: ParsedValue } {
  // 无 under a target in words that forbids a harm (无投诉, 未发生安全事故) says none happened, in words too.
  if (isNone(actual) && forbidsHarm(target)) return { target, actual: result(actual.text, "qualitative") };
  // 无 answering a target that is an answer (有无管护制度 | 有 | 无, 是否建立台账 | 是 | 无), or 无 on a
  // row asking yes or no that counts no harm: the answer no (answers.ts), not a blank.
  const answersNo = isNone(actual) && answerOf(target.text) !== null && (!isNone(target) || (!countsHarm && ASKS_YES_OR_NO.test(name)));
  if (answersNo) return { target: inWords(target), actual: inWords(actual) };
  // 有 against 无 (有无违规违纪问题 | 无 | 有, 有无安全生产事故 | 无 | 有1起), or the harm the row counts said to
  // have happened in words (发生1起一般安全事故): 未达成, read in words rather than as words against the
  // number 0. A count on a row that asks no yes or no (安全生产事故 | 无 | 有1起) is scored as one against =0.
  const yes = answerOf(actual.text) === "yes" && !(countsHarm && actual.kind === "number" && !ASKS_YES_OR_NO.test(name));
  const happened = countsHarm && actual.kind === "qualitative" && statesForbiddenHarmIn(phraseOf(actual.text), { target: "无", name });
  if (isNone(target) && (yes || happened)) return { target: inWords(target), actual };
  const stated = countsHarm && isNone(target) ? noneAsZero(target, "=", null) : target;
  const saysNone = actual.kind === "qualitative" && allowsNone(stated, true) && saysNoneHappened(phraseOf(actual.text), name);
  const none = saysNone || (isNone(actual) && allowsNone(stated));
  return { target: stated, actual: none ? noneAsZero(actual, null, stated.unit) : actual };
}

/**
 * An actual written as a range (95%-98%), read at one end: the upper where `upper`, else the lower.
 * It stays `invalid` as parsed (an actual must be one number); the rules read a range whose worse end
 * meets its target at that end, as the target is met whichever figure it stands for.
 */
export function rangeEnd(actual: ParsedValue, upper: boolean): ParsedValue {
  if (actual.kind !== "invalid" || actual.range === null) return actual;
  const { low, high } = actual.range;
  return result(actual.text, "number", { value: upper ? high : low, unit: actual.unit, period: actual.period, range: actual.range });
}

/**
 * A target written as a range (10-20个, 90%～95%, 3至5天), which an approved 绩效目标表 may set, read
 * as the bound that decides whether it is met: the lower one (≥10个) is what must be reached; the
 * upper one (≤5天) where fewer is better (`fewerIsBetter`: a 成本指标, a count of what should not
 * happen, the time a task may take) or where the text or its 指标性质 says so (10-20个以内, ≤). An actual anywhere within
 * the range meets either. `range` keeps both bounds. Any other value is returned as it is.
 */
export function rangeAsBound(target: ParsedValue, fewerIsBetter: boolean): ParsedValue {
  if (target.kind !== "invalid" || target.range === null) return target;
  const { op, range } = target;
  const upper = op !== null && (isLower(op) || isUpper(op)) ? isUpper(op) : fewerIsBetter;
  const { low, high } = range;
  return result(target.text, "number", { op: upper ? "<=" : ">=", value: upper ? high : low, unit: target.unit, period: target.period, range });
}

/**
 * A time with no comparator on a row timing a task (`timeLimit`: 办理时限 5个工作日, 工期 180天) as the
 * ceiling it is to an accountant, ≤5个工作日, as a range of time there is read by its upper bound
 * (review round 54c). Any other value is returned as it is.
 */
export function timeLimitAsCeiling(target: ParsedValue, timeLimit: boolean): ParsedValue {
  if (!timeLimit || target.kind !== "number" || target.op !== null || target.range !== null) return target;
  return { ...target, op: "<=" };
}

const COUNTED_NOUN = /^\p{Script=Han}+$/u;

/** A unit jixiao has no entry for that is `unit` and the noun it counts: 口井 is 口 of 井. */
function countedAfter(written: Unit, unit: Unit): boolean {
  if (written.per || lookupUnit(written.symbol) !== undefined || !written.symbol.startsWith(unit.symbol)) return false;
  return COUNTED_NOUN.test(written.symbol.slice(unit.symbol.length));
}

/** The serial numbers Excel stores the dates of 2000 to 2099 as. */
const FIRST_SERIAL = 36526;
const PAST_SERIAL = 73051;

/**
 * An actual that is a date cell that lost its format (45311, 2024-01-20, pasted as a value) against
 * a deadline (12月底前, 2023.1-2023.12): that date. Read only with a deadline to go by, as alone 45311
 * may as well be an amount; other values are returned as they are. A year and its month (2024.3)
 * is yearMonthsAsDates'.
 */
export function asMonthAgainstDeadline(target: ParsedValue, actual: ParsedValue): ParsedValue {
  if (target.date === null || actual.kind !== "number" || actual.unit !== null || actual.op !== null) return actual;
  const value = actual.value!;
  const serial = value.isInteger() && value.gte(FIRST_SERIAL) && value.lt(PAST_SERIAL);
  const date = serial ? dateIn(excelDate(value.toNumber())) : null;
  return date === null ? actual : result(actual.text, "qualitative", { date });
}

/** A year and its month written as a decimal: 2023.12, 2023.6, 2023.06. */
const YEAR_DOT_MONTH = /^((?:19|20)\d{2})\.(0[1-9]|1[0-2]|[1-9])$/;

/**
 * The months a value written as a year and its month may be (2023.12: December 2023), none for any
 * other (2023.5万元, ≥2023.5, 2023.13). A number cell keeps 2023.10 as 2023.1 (Excel drops the zero),
 * so one holding 2023.1 may be January or October, unless its format shows the month's two digits
 * (2023.10, 2023.01).
 */
function yearMonths(p: ParsedValue, numberCell: boolean): readonly CalendarDate[] {
  if (p.kind !== "number" || p.value === null || p.unit !== null || p.op !== null || p.period !== null) return NO_DATES;
  const shown = normalizeText(p.text);
  const m = YEAR_DOT_MONTH.exec(numberCell && !/\.\d\d$/.test(shown) ? p.value.toFixed() : shown);
  if (!m) return NO_DATES;
  const months = numberCell && m[2] === "1" ? [1, 10] : [Number(m[2])];
  return months.map((month) => calendarDate(m[1], month, WHOLE_MONTH));
}

/**
 * No dates, and no month and day (yearMonths, monthDays): shared, as most values state none and
 * every row asks (readonly: never changed).
 */
const NO_DATES: readonly CalendarDate[] = [];
const NO_MONTH_DAYS: MonthDays = { dates: NO_DATES, before: false };

/** The days a value written as a month and its day may be, and whether it says 前 (see monthDays). */
interface MonthDays {
  dates: readonly CalendarDate[];
  before: boolean;
}

/** A month and its day written as a decimal (11.30, 9.30前, 10.05): the day in two digits, a deadline's 前 after it. */
const MONTH_DOT_DAY = /^(1[0-2]|0?[1-9])\.(\d{2})(前|之前|以前)?$/;
/** A number cell's month and day with one digit shown (10.2: 10.20 typed, or 10.2 itself). */
const MONTH_DOT_DIGIT = /^(1[0-2]|[1-9])\.([1-9])$/;

/**
 * The days a value written as a month and its day may be (11.30: 30 November, in the form's year),
 * with whether it says 前 (a deadline in words, read as one on its own): none for any other value.
 * A number cell keeps 10.20 as 10.2, so one shown with a single digit after the point is either day
 * (the 2nd or the 20th) where both are days of the month; a text 10.2 is no such date (as often 10.2天).
 */
function monthDays(p: ParsedValue, numberCell: boolean): MonthDays {
  if (p.kind === "number" ? p.unit !== null || p.op !== null || p.period !== null : p.kind !== "qualitative") return NO_MONTH_DAYS;
  const shown = phraseOf(p.text);
  const digit = numberCell ? MONTH_DOT_DIGIT.exec(shown) : null;
  const m = digit ?? MONTH_DOT_DAY.exec(shown);
  // A number has no 前; text is read only with it (a text 11.30 is a number).
  const before = m?.[3] !== undefined;
  if (!m || (p.kind === "number" ? before : !before)) return NO_MONTH_DAYS;
  const month = Number(m[1]);
  const days = (digit ? [Number(m[2]), Number(m[2]) * 10] : [Number(m[2])]).filter((d) => d >= 1 && d <= monthLength(month, null));
  if (digit && days.length < 2) return NO_MONTH_DAYS;
  return { dates: days.map((d) => calendarDate(undefined, month, [d, d])), before };
}

/**
 * A target and an actual written as a year and its month (2023.12, 2024.03, a number cell 2023.06),
 * read as that month, not as the decimal 2023.12, where the row is about when (`timely`: a 时效指标,
 * a name such as 完成时间 or 时限) or the other value states a date (2023年12月, 12月底前): so 2024.03
 * against 2023.12 is late. A number cell holding 2023.1 (October typed 2023.10, or January) is read
 * only where both months give one result against the other value's date; otherwise it states no
 * date, and no result is read from it (the recorded score stands): a guess could call a form wrong
 * that is right. An amount (2023.5万元) and other values are returned as they are.
 */
export function yearMonthsAsDates(
  target: ParsedValue,
  actual: ParsedValue,
  timely: boolean,
  numberCells: { target: boolean; actual: boolean },
  monthDaysToo = false,
): { target: ParsedValue; actual: ParsedValue } {
  const targetYearMonths = timely || actual.date !== null ? yearMonths(target, numberCells.target) : NO_DATES;
  const actualYearMonths = timely || target.date !== null ? yearMonths(actual, numberCells.actual) : NO_DATES;
  // A month and its day (11.30前 against 12.15, 9.30 against 10.20) on a row about when: 12.15 is no
  // number there, but as bare figures both must be dates (or one a deadline in words: 11.30前, 12月底前).
  // A target with 前 is a deadline whatever the row measures (资金拨付时间 11.30前 is no 11.30 days:
  // review 54 M2); `monthDaysToo` decides bare pairs (9.30 against 10.20) only.
  const none = NO_MONTH_DAYS;
  const targetDaysAny = targetYearMonths.length === 0 ? monthDays(target, numberCells.target) : none;
  const targetDays = monthDaysToo || targetDaysAny.before ? targetDaysAny : none;
  const actualDays = (monthDaysToo || targetDays.before) && actualYearMonths.length === 0 ? monthDays(actual, numberCells.actual) : none;
  const targetDated = target.date !== null || targetYearMonths.length > 0 || targetDays.before;
  const actualDated = actual.date !== null || actualYearMonths.length > 0;
  const pairs = targetDays.dates.length > 0 && actualDays.dates.length > 0;
  const targetMonths = targetYearMonths.length > 0 ? targetYearMonths : targetDays.before || pairs || actualDated ? targetDays.dates : NO_DATES;
  const actualMonths = actualYearMonths.length > 0 ? actualYearMonths : targetDated || pairs ? actualDays.dates : NO_DATES;
  if (targetMonths.length === 0 && actualMonths.length === 0) return { target, actual };
  const deadlines = targetMonths.length > 0 ? targetMonths : target.date ? [target.date] : [];
  const dates = actualMonths.length > 0 ? actualMonths : actual.date ? [actual.date] : [];
  const results = new Set(deadlines.flatMap((deadline) => dates.map((date) => meetsDeadline(date, deadline))));
  const agreed = results.size === 1 && !results.has(null);
  const asDate = (p: ParsedValue, months: readonly CalendarDate[]) =>
    months.length === 0 ? p : result(p.text, "qualitative", { date: months.length === 1 || agreed ? months[0] : null });
  return { target: asDate(target, targetMonths), actual: asDate(actual, actualMonths) };
}

/**
 * An actual that says what was done around its quantity (开展22场宣传活动, 已建成5座桥梁, 实际完成3个村,
 * 培训312人次农民) against a target in a unit that quantity converts to: that quantity. Alone such
 * words stay a phrase (labelledQuantity's "unit" ending): a target 新建3所学校 or 投入资金300万元用于道路建设
 * describes the task as often as it sets a number. An actual, set beside a number in its unit,
 * reports the result asked for. Not where the words before or after the quantity hold a number,
 * take something away (未, 仅, 部分) or make it a plan (计划); other values are returned as they are.
 */
export function quantityInWords(target: ParsedValue, actual: ParsedValue): ParsedValue {
  const unit = target.kind === "number" ? target.unit : null;
  if (unit === null || actual.kind !== "qualitative") return actual;
  const phrase = phraseOf(actual.text);
  const s = numeralsBeforeNoun(withoutLeadingDate(phrase));
  // After a date (2023年1260人次) the quantity may open what is left.
  const read = s !== phrase && /^[+-]?\d/.test(s) ? scanFrom(s, readPrefix(s, 0), "noun") : labelledQuantity(s, "noun");
  if (read.kind !== "number" || read.unit === null || !unitsConvertible(read.unit, unit)) return actual;
  const q = perLeadingPeriod(s, read);
  return q.kind === "number" ? numberResult(actual.text, q.value, q.unit, q.ops, q.contradictory, false, q.period) : actual;
}

/**
 * A target opening with the date it is due (12月底前完成320人, 2023年培训320人次) against an actual
 * stating a quantity in its unit (320人, 12月20日完成320人): the quantity after the date, which the
 * date says when to reach (review round 53b), read as an actual after its opening date is. Only where
 * what follows the date reads alone as one quantity in a unit (完成320人, not 完成320人，次年完成500人),
 * and the actual, if dated, is plainly on time; against words, a date (按期完成, 12月20日) or a date
 * late or unclear (次年1月完成320人) the target stays the deadline it is. Other values are returned as they are.
 */
export function countAfterDate(target: ParsedValue, actual: ParsedValue): ParsedValue {
  if (target.kind !== "qualitative" || target.date === null) return target;
  // Done late, or when is not plain (2024年1月完成320人 against 12月底前): the deadline decides, as before.
  if (actual.date !== null && meetsDeadline(actual.date, target.date) !== true) return target;
  const phrase = phraseOf(target.text);
  const rest = withoutLeadingDate(phrase);
  const count = rest === phrase || rest === "" ? null : parseValue(rest);
  if (count?.kind !== "number" || count.unit === null) return target;
  const read = quantityInWords(count, actual);
  if (read.kind !== "number" || read.unit === null || !unitsConvertible(read.unit, count.unit)) return target;
  return { ...count, text: target.text };
}

/**
 * A date or a period an actual opens with, and the words that close it (前, 止, 为止, a comma):
 * 1-12月, 2023年12月31日, 12月底前, 2023年, 2023年度, 截至2023年底，, 2023-12-31. When the work was
 * counted, not how much: a label before the quantity (2023年共建成20.6公里, 截至12月底完成100%).
 */
const LEADING_DATE = new RegExp(
  `^(?:截[至止]到?|到|至)?(?:${MONTH_WINDOW.source}|${MONTH_DATE.source}|(?:19|20)\\d{2}(?:年度?[底末]?|[-./](?:1[0-2]|0?[1-9])(?:[-./]\\d{1,2})?(?![\\d.])))` +
    "(?:前|止|为止|以来|期间|内)?[,;:]?",
);

/** A text without the date or period it opens with (LEADING_DATE); the text itself when it opens with none. */
function withoutLeadingDate(s: string): string {
  const m = LEADING_DATE.exec(s);
  return m ? s.slice(m[0].length) : s;
}

/**
 * An actual's one number in Chinese numerals before a unit jixiao knows, the words of what it counted
 * after it (召开四次会议, 建成三座桥梁): in its digits, as 召开4次会议 is read. Not where digits or other
 * numerals stand too, nor in a word (一次性, 一站式).
 */
function numeralsBeforeNoun(s: string): string {
  const runs = [...s.matchAll(NUMERAL_RUN)];
  if (runs.length !== 1 || /\d/.test(s)) return s;
  const [{ 0: run, index: at }] = runs;
  const value = numeralValue(run);
  const unit = value ? readUnit(s, skipNear(s, at + run.length, []), [], false, true) : undefined;
  if (unit === undefined || /^[性式]/.test(s.slice(unit.end))) return s;
  return `${s.slice(0, at)}${value}${s.slice(at + run.length)}`;
}

const NUMBERS = new RegExp(NUMBER_SOURCE, "g");
/** A clause adding to what was done, in any unit: 另有2所在建, 另完成3场 (10次 and 3场 may be alike), 还有, 此外. */
const ADDING_CLAUSE = /[,;](?:另|还有|此外)/;

/**
 * An actual whose first clause states a figure in a unit of the target's (10次, 培训320人次, 6期)
 * and whose later clauses (after ， or ；) state figures only in units that do not convert to it
 * (覆盖全县12个乡镇, 发放资料2000份, 培训450人次): the first figure, the later clauses a note on it,
 * as one in brackets is; read as a number of several figures or as words (培训320人次 before a
 * clause). A later figure the target's unit may count (节约20万元; 整改问题35个 against 家, as 个
 * counts anything), one without a unit, a later clause that adds (ADDING_CLAUSE) or a first clause
 * that takes something away or makes a plan (仅完成8次, 计划10次) leaves which figure is meant
 * unwritten. Other values are returned as they are.
 */
export function figureBeforeNotes(target: ParsedValue, actual: ParsedValue): ParsedValue {
  const unit = target.kind === "number" ? target.unit : null;
  if (unit === null || (actual.problem !== SEVERAL_NUMBERS && actual.kind !== "qualitative")) return actual;
  // 截至12月31日，培训320人次，…: the date is when the figures were counted, no clause of them.
  const s = withoutLeadingDate(readable(actual.text));
  const stop = s.search(/[,;]/);
  const first = s.slice(0, stop);
  if (stop < 1 || qualifies(first) || PLANNED.test(first)) return actual;
  const read = quantityInWords(target, parseValue(first));
  if (read.kind !== "number" || read.unit === null || !unitsConvertible(read.unit, unit)) return actual;
  const rest = s.slice(stop);
  if (ADDING_CLAUSE.test(rest)) return actual;
  const counts = (u: Unit) => unitsConvertible(u, unit) || (unit.per !== undefined && unitsConvertible(u, unit.per.numerator));
  const figures = [...rest.matchAll(NUMBERS)];
  const notes = figures.length > 0 && figures.every((m) => {
    const later = readUnit(rest, skipNear(rest, m.index! + m[0].length, []), []);
    return later !== undefined && !counts(later.unit);
  });
  return notes ? { ...read, text: actual.text } : actual;
}

const ONE_HUNDRED = new Decimal(100);
/** All of it done or covered: 全覆盖, 全部完成, 已全部完成, 均已完成, 全部到位, 完成. */
const ALL_DONE = /^(?:已|均已|已经|均)?(?:全部|全面|全)?完成$|^(?:已|均已|均)?(?:全部|全面|全)(?:覆盖|到位|落实)$/;

/**
 * An actual that says all of it was done (全覆盖, 全部完成, 完成) against a target of 100% (=100%,
 * ≥100%, 100%): 100%, what a reviewer reads it as. Under any other target the words give no figure,
 * and other values are returned as they are.
 */
export function allDoneAsHundredPercent(target: ParsedValue, actual: ParsedValue): ParsedValue {
  const hundred = target.kind === "number" && target.unit?.symbol === PERCENT.symbol && target.value !== null && target.value.eq(ONE_HUNDRED);
  const asked = target.op === null || target.op === "=" || target.op === ">=";
  if (!hundred || !asked || actual.kind !== "qualitative" || !ALL_DONE.test(phraseOf(actual.text))) return actual;
  return numberResult(actual.text, ONE_HUNDRED, PERCENT, [], false);
}

/**
 * A time limit counted from an event (收到资金后30日内, 资金下达后15个工作日内拨付): the event, 后, a
 * duration ending in 内 or 以内, and at most a verb after it (拨付, 办结, 完成拨付), no figure.
 */
const LIMIT_AFTER_EVENT = /^\D{1,12}?后(\d+(?:\.\d+)?(?:个?工作日|日|天|个?小时|分钟|个月|年)(?:以)?内)[\u4e00-\u9fff]{0,6}$/;

/**
 * A time limit counted from an event, against a value of the row that states a time (收到资金后30日内
 * against 45日, and 资金到位后20日内完成拨付 against 30日内): that limit, ≤30天. Against words or a date
 * (已按时拨付, 2023年6月10日) it stays words, as the event's date is on no form; and so does a period
 * after an event that sets no limit (项目完工后2年内保修 against 按合同履行保修责任).
 */
export function limitAfterEvent(value: ParsedValue, other: ParsedValue): ParsedValue {
  if (value.kind !== "qualitative" || other.kind !== "number" || other.unit?.family !== "time") return value;
  const m = LIMIT_AFTER_EVENT.exec(phraseOf(value.text));
  const q = m ? scanQuantity(m[1]) : NOT_A_QUANTITY;
  return q.kind === "number" ? numberResult(value.text, q.value, q.unit, q.ops, q.contradictory) : value;
}

/**
 * An actual against a tolerance (±2%, 误差≤±2%): a deviation below zero (-1.5%, -2.6%) is as far off as
 * one above it, read by its size against the ceiling the tolerance is. Other values are returned as they are.
 */
export function deviationAgainstTolerance(target: ParsedValue, actual: ParsedValue): ParsedValue {
  const tolerance = target.kind === "number" && target.op === "<=" && target.range === null && phraseOf(target.text).includes("±");
  if (!tolerance || actual.kind !== "number" || actual.value === null || !actual.value.isNegative()) return actual;
  return { ...actual, value: actual.value.abs() };
}

/** A range written as a nominal value and its tolerance (20±2℃): no ceiling or floor written, whichever bound scores it. */
export function isNominalWithTolerance(p: ParsedValue): boolean {
  return p.range !== null && /\d[^\d±]{0,3}±\d/.test(phraseOf(p.text));
}

/**
 * A nominal value with its tolerance (20±2℃, the range 18℃ to 22℃) against an actual: the range's
 * upper bound (≤22℃) where the actual is above it, as a ceiling it overran, else its lower bound
 * (≥18℃), so a value within the range meets it and one outside falls short either way (review round
 * 54c). Other targets are returned as they are.
 */
export function nominalAgainstActual(target: ParsedValue, actual: ParsedValue): ParsedValue {
  const range = target.range;
  if (target.kind !== "number" || range === null || !isNominalWithTolerance(target)) return target;
  if (actual.kind !== "number" || actual.value === null) return target;
  const [unit, actualUnit] = [target.unit, actual.unit];
  const convertible = unit === null || actualUnit === null || unitsConvertible(unit, actualUnit);
  const base = (value: Decimal, u: Unit | null) => (unit && actualUnit ? toBase(value, u as Unit) : value);
  const above = convertible && gt(base(actual.value, actualUnit), base(range.high, unit));
  return { ...target, op: above ? "<=" : ">=", value: above ? range.high : range.low };
}

/** Done the same day: 当日办结, 当天完成, 即办, 即时办结, 当场办理, 随到随办. */
const SAME_DAY = /^(?:已|均)?(?:当日|当天|即时|即办|立即|当场|随到随办)(?:办结|办理|完成|处理|答复|办|受理|解决)?(?:完毕)?$/;
const ONE_DAY = new Decimal(1);

/**
 * An actual done the same day (当日办结, 即办) against a time limit of a day or more (≤3个工作日,
 * 5天内): one day, what a reviewer reads it as. Against hours or minutes the words give no figure,
 * and other values are returned as they are.
 */
export function sameDayAsOneDay(target: ParsedValue, actual: ParsedValue): ParsedValue {
  const days = target.kind === "number" && (target.unit?.symbol === "天" || target.unit?.symbol === "工作日") && target.value !== null && target.value.gte(ONE_DAY);
  if (!days || actual.kind !== "qualitative" || !SAME_DAY.test(phraseOf(actual.text))) return actual;
  return numberResult(actual.text, ONE_DAY, lookupUnit("天") as Unit, [], false);
}

/**
 * A value that names what it counted after the unit of the row's other value: an actual 10口井
 * against ≥10口, 6孔涵洞 against ≥6孔, 8根电杆 against ≥8根, and a target ≥10口井 against 10口,
 * is that count in the other's unit; so is a target range read by its bound (10-20口井, 10口井-20口井
 * against 15口: rangeAsBound), its bounds and comparator kept. Read only with the other value to go
 * by, and only where the value starts with its number (after a comparator): alone, 10口井 may as
 * well be counted in 口井, and a label before the number (覆盖全省10市, 前3名) keeps a phrase a
 * phrase. For a count or a unit jixiao has no entry for; other values are returned as they are.
 */
export function countInUnitOf(other: ParsedValue, value: ParsedValue): ParsedValue {
  const unit = other.kind === "number" ? other.unit : null;
  if (unit === null || unit.per || (unit.family !== "count" && lookupUnit(unit.symbol) !== undefined)) return value;
  // A unit jixiao knows stays what it is (1020人次 is no 1020人 counted in 次); 口井 may be 口 and 井,
  // and ≥8根电杆 was read with no unit at all (a comparator, then no word that ends the value).
  const stated = value.kind === "number" ? value.unit : null;
  const unnamed = stated === null || (!stated.per && stated.symbol !== unit.symbol && lookupUnit(stated.symbol) === undefined);
  if (value.kind !== "qualitative" && !(value.kind === "number" && unnamed)) return value;
  const s = normalizeText(value.text);
  const prefix = readPrefix(s, 0);
  const number = isDateAt(s, prefix.end) ? undefined : readNumber(s, prefix.end);
  if (!number) return value;
  const ops = [...prefix.ops];
  const at = value.range === null ? skipNear(s, number.end, ops) : upperBoundEnd(s, number.end, value.unit);
  if (at === undefined || !s.startsWith(unit.symbol, at)) return value;
  // The noun: one to three Chinese characters, then at most a comparator (10口井以上) or a note in parentheses.
  const nounAt = at + unit.symbol.length;
  const end = [1, 2, 3]
    .map((n) => nounAt + n)
    .find((e) => COUNTED_NOUN.test(s.slice(nounAt, e)) && readSuffix(s, e, []) === s.length);
  if (end === undefined) return value;
  // A range's comparator was read with it, from its text and its 指标性质 (rangeAsBound).
  if (value.range !== null) return result(value.text, "number", { op: value.op, value: value.value, unit, period: value.period, range: value.range });
  readSuffix(s, end, ops);
  return numberResult(value.text, toDecimal(number.text), unit, ops, false);
}

/**
 * Where the upper bound's number ends in a range whose lower bound's number ends at `i`: past the
 * lower bound's unit as the range was read (10口井-20口井), the dash and the upper number; undefined
 * where the text runs otherwise.
 */
function upperBoundEnd(s: string, i: number, rangeUnit: Unit | null): number | undefined {
  const dashAt = rangeUnit !== null && s.startsWith(rangeUnit.symbol, i) ? i + rangeUnit.symbol.length : i;
  const upperAt = afterRangeDash(s, dashAt);
  return upperAt === undefined ? undefined : readNumber(s, upperAt)?.end;
}

/** The unit a value is stated in, with the period it is per: 次/月, 人/天, 万元/公里, %; null without one. */
export function unitShown(p: ParsedValue): string | null {
  if (p.unit === null) return null;
  return p.period ? `${p.unit.symbol}/${p.period.word}` : p.unit.symbol;
}

/** A cell's number as exact decimals: the number itself, as Excel shows it, and its own decimals. */
interface NumberDecimals {
  exact: Decimal;
  /** See withoutBinaryNoise. */
  shown: Decimal;
  /** Decimals of `exact` (a General cell shows them all). */
  places: number;
}

/**
 * Weights and scores repeat (5, 10, 3…); Decimals are immutable, so one entry serves each number,
 * worked out once rather than for every cell that holds it.
 */
const numberCache = new Map<number, NumberDecimals>();

function numberDecimals(n: number): NumberDecimals {
  let entry = numberCache.get(n);
  if (entry === undefined) {
    const exact = new Decimal(String(n));
    entry = { exact, shown: withoutBinaryNoise(exact), places: exact.decimalPlaces() };
    if (numberCache.size >= 10000) numberCache.clear();
    numberCache.set(n, entry);
  }
  return entry;
}

function decimalOf(n: number): Decimal {
  return numberDecimals(n).exact;
}

/**
 * The plain amount, weight or score a text holds (see parseNumber); null for any other text.
 * Memoised, one Decimal per text (a Decimal is never changed, so one may be shared, as
 * numberDecimals shares a number cell's): detection asks it of the labels and amounts of every row.
 */
const plainNumberOf = memoisedText((text: string): Decimal | null => {
  const m = PLAIN_NUMBER.exec(normalizeText(text));
  return m ? toDecimal(m[1]) : null;
});

/** A plain amount, weight or score: 12.5, "1,234.5", "１２３．５", "10分", " 8 "; otherwise null. */
export function parseNumber(cell: CellValue): Decimal | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? decimalOf(cell) : null;
  return typeof cell === "string" ? plainNumberOf(cell) : null;
}

/** Whether parseNumber reads a number in the cell (a check: a number cell's Decimal is not looked up). */
export function isPlainNumber(cell: CellValue): boolean {
  if (typeof cell === "number") return Number.isFinite(cell);
  return typeof cell === "string" && plainNumberOf(cell) !== null;
}

/** parseNumber's number as its cell shows it (withoutBinaryNoise): a cached 10.000000000000002 is 10. */
export function parseShownNumber(cell: CellValue): Decimal | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? numberDecimals(cell).shown : null;
  const parsed = parseNumber(cell);
  return parsed === null ? null : withoutBinaryNoise(parsed);
}

/** 98% → 0.98, 5‰ → 0.005; null for any other unit (百分点 included: it is not a share). */
export function valueToFraction(p: ParsedValue): Decimal | null {
  if (p.value === null || p.unit === null || p.unit.factor === null) return null;
  // Both factors are in percent (‰'s is 0.1).
  return p.unit.family === "percent" || p.unit.family === "permille" ? p.value.times(p.unit.factor).div(100) : null;
}

// ---------------------------------------------------------------------------------------------
// Number formats

interface Format {
  /** Decimals shown; null = General (as many as the number has). */
  decimals: number | null;
  percent: boolean;
  grouping: boolean;
  date: boolean;
  /** A unit written into the format as literal text: 0.00"万元". */
  unit: Unit | null;
  /** That literal text, as shown. */
  unitText: string;
  /** The literal text shown before the number and after it (≤ of "≤"0%, 次/月 of 0"次/月"), trimmed. */
  before: string;
  after: string;
  /** The section shows the number at all (a zero section "—" or "-"?? shows only its text). */
  showsNumber: boolean;
  /** The number shows without its sign: a negative one under a negative section of its own that writes none. */
  unsigned: boolean;
}

/** The sections of a format code: positive;negative;zero;text. */
function formatSections(numFmt: string): string[] {
  return numFmt.match(/(?:"[^"]*"|\\.|[^;])+/g) ?? [""];
}

/** The section of a format code that applies to n. */
function formatSection(sections: string[], n: number): string {
  if (n < 0 && sections.length > 1) return sections[1];
  if (n === 0 && sections.length > 2) return sections[2];
  return sections[0];
}

/** General in Chinese Excel and WPS: its CJK part is no literal text. */
const GENERAL_CN = "G/通用格式";

/**
 * Splits a format section into its code and the literal text it prints (quoted, escaped, CJK),
 * before its first digit placeholder and after it.
 */
function splitLiterals(section: string): { code: string; before: string; after: string } {
  let code = "";
  const literal = { before: "", after: "" };
  let side: keyof typeof literal = "before";
  for (let k = 0; k < section.length; k++) {
    const c = section[k];
    if (c === '"') {
      const end = section.indexOf('"', k + 1);
      literal[side] += section.slice(k + 1, end < 0 ? section.length : end);
      k = end < 0 ? section.length : end;
    } else if (c === "\\") {
      literal[side] += section[++k] ?? "";
    } else if (c === "_" || c === "*") {
      k++; // _x pads with the width of x, *x repeats x: neither is shown text
    } else if (c === "[") {
      const end = section.indexOf("]", k);
      k = end < 0 ? section.length : end; // [Red], [$-804], [>100]
    } else if (section.startsWith(GENERAL_CN, k)) {
      code += "G/";
      side = "after";
      k += GENERAL_CN.length - 1;
    } else if (/[\u3400-\u9fff]/.test(c)) {
      literal[side] += c;
    } else {
      code += c;
      if (/[0#?]/.test(c) || /^general/i.test(section.slice(k))) side = "after";
    }
  }
  return { code, before: literal.before.trim(), after: literal.after.trim() };
}

const formats = new Map<string, Format>();

/**
 * The format a number shows in. Memoised by the format code and the number's sign, all that picks
 * its section: every number cell of every table asks, and a workbook has a handful of formats.
 */
function readFormat(numFmt: string | undefined, n: number): Format {
  const key = `${n < 0 ? "-" : n === 0 ? "0" : "+"}${numFmt ?? ""}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = Object.freeze(readFormatUncached(numFmt, n));
    if (formats.size > 10000) formats.clear();
    formats.set(key, format);
  }
  return format;
}

function readFormatUncached(numFmt: string | undefined, n: number): Format {
  const sections = formatSections(numFmt ?? "");
  const { code, before, after } = splitLiterals(formatSection(sections, n));
  const literal = `${before}${after}`;
  // "G/通用格式" is General in Chinese Excel (its CJK part is no literal).
  const general = /^(?:general|g\/|@)?$/i.test(code.trim());
  const decimals = /\.([0#?]*)/.exec(code)?.[1].length ?? 0;
  const unit = (literal && lookupUnit(literal)) || null;
  return {
    decimals: general ? null : decimals,
    percent: !general && code.includes("%"),
    grouping: /[0#?],[0#?]/.test(code),
    date: !general && /[ymdhs]/i.test(code),
    unit,
    unitText: unit ? literal : "",
    before,
    after,
    // # and ? show no digit of a zero: 会计专用's zero section _ * "-"??_ shows only its dash.
    showsNumber: /0|general|g\//i.test(code) || (n !== 0 && /[#?]/.test(code)),
    // Under its own negative section a number shows the "-" the section writes, or none (下降0.0%).
    unsigned: n < 0 && sections.length > 1 && !/[-(]/.test(code),
  };
}

function renderNumber(value: Decimal, format: Format): string {
  const fixed = format.decimals === null ? value.toFixed() : value.toFixed(format.decimals);
  if (!format.grouping) return fixed;
  const [whole, fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** The number a cell shows under a (non-date) format, scaled by 100 under a % format, and its text. */
function shownNumber(n: number, format: Format): { value: Decimal; text: string } {
  const value = format.percent ? decimalOf(n).times(100) : decimalOf(n);
  return { value, text: renderNumber(value, format) + (format.percent ? "%" : format.unitText) };
}

/** A number shown with the literal text of its format: the number as shown (unrounded), its digits as shown, and the whole text. */
interface LiteralText {
  number: Decimal;
  digits: string;
  text: string;
}

/**
 * The whole text a number shows under a format that prints literal text around it ("≤"0% shows
 * ≤5%; under "增长"0.0%;"下降"0.0% a negative number shows 下降5.0%, its own section writing no
 * sign; a zero section "—" shows only —); null under a format that prints none. `value` is the
 * number as shownNumber gives it.
 */
function textWithLiterals(value: Decimal, format: Format): LiteralText | null {
  if (format.before === "" && format.after === "") return null;
  const number = format.unsigned ? value.abs() : value;
  const digits = format.showsNumber ? renderNumber(number, format) : "";
  const percent = format.showsNumber && format.percent ? "%" : "";
  return { number, digits, text: `${format.before}${digits}${percent}${format.after}` };
}

/** A unit in jixiao's table (or a rate of two such): not a word the grammar only names (10眼). */
function isKnownUnit(unit: Unit | null): boolean {
  if (unit === null) return true;
  if (unit.per) return isKnownUnit(unit.per.numerator) && isKnownUnit(unit.per.denominator);
  return lookupUnit(unit.symbol) !== undefined;
}

/** What the grammar's number may be of the digits shown: the same, or those times a 万 or 亿 the text writes (3.35万人). */
const SHOWN_MAGNITUDES = [new Decimal(1), ...[...MAGNITUDES.values()].map((exponent) => Decimal.pow(10, exponent))];

/**
 * A number whose format prints text around it, read as the text it shows by the value grammar, as
 * a typed one is (domain.md §2): "≤"0% is ≤5%, 0"次/月" 3次/月, "不低于"0% a lower bound. The number
 * stays the cell's own, unrounded (0.955 under "≤"0% is ≤95.5%). A text that adds nothing the
 * grammar knows (a unit it has no entry for, a label: 第3名), or that it reads as another number,
 * leaves `number`, the cell read without it.
 */
function readAsShown(number: ParsedValue, shown: LiteralText, ctx: ParseContext): ParsedValue {
  if (shown.digits === "") return number;
  const read = cachedParseText(shown.text, ctx);
  if (read.kind !== "number" || !isKnownUnit(read.unit)) return number;
  const digits = toDecimal(shown.digits);
  const times = SHOWN_MAGNITUDES.find((m) => digits.times(m).eq(read.value!));
  if (times === undefined) return number;
  const same =
    read.op === number.op && read.contradictory === number.contradictory && read.unit?.symbol === number.unit?.symbol && read.period?.word === number.period?.word;
  return same && times.eq(1) ? number : { ...read, value: shown.number.times(times) };
}

/** Excel never shows more than 15 significant digits: what lies past them is binary noise. */
const EXCEL_DIGITS = 15;

/** A cell's number as Excel shows it, to at most 15 significant digits: 0.9559000000000001 is 0.9559. */
/**
 * A cut stated as its size, its number a few characters on (压减10%, 较上年压减5%, 压减比例≥10%, 节约20万元),
 * not as the level to reach (降低至5%).
 */
const REDUCTION = /(?:压减|压缩|缩减|降低|下降|减少|节约|节省)(?!至|到)[^\d至到]{0,4}\d/;

/** Whether a target states how much to cut (压减10%, 降低5%以上): the more cut, the better, even on a cost. */
export function statesReduction(p: ParsedValue): boolean {
  return p.kind === "number" && (p.op === null || p.op === ">=" || p.op === ">") && REDUCTION.test(phraseOf(p.text));
}

/**
 * A change against an earlier figure, opening the value before its number (较上年增长8%, 同比下降10%以上,
 * 增长9%, ≥较上年增长5%): the share it states is the change, not the figure itself (review round 54c H1).
 */
const CHANGE_STATED = /^[^\d]{0,4}?(?:较上年|比上年|较去年|比去年|同比|环比|上升|增长|增加|提高|提升|下降|降低|减少|压减|缩减|缩短)[^\d]{0,4}\d/;

/** Whether a value in numbers states a change of what the row counts (CHANGE_STATED). */
export function statesChange(p: ParsedValue): boolean {
  return p.kind === "number" && CHANGE_STATED.test(phraseOf(p.text));
}

/** Whether a number shows in a percent format, times 100: `0%`, not `0"%"`, whose quoted % is text. */
export function shownAsPercent(n: number, numFmt: string | undefined): boolean {
  return numFmt !== undefined && readFormat(numFmt, n).percent;
}

export function withoutBinaryNoise(value: Decimal): Decimal {
  // Most numbers are short: they keep their (shared) Decimal.
  return value.precision(true) > EXCEL_DIGITS ? value.toSignificantDigits(EXCEL_DIGITS, Decimal.ROUND_HALF_UP) : value;
}

/**
 * A number as its cell shows it under its number format: 0.4316 in "0.00%" is 43.16%, 1234.5 in
 * "#,##0.00" is 1,234.50, a date serial is 2023-06-30, 12.5 in 0.0"万元" is 12.5万元; General
 * shows the number's own digits, at most 15 significant ones as Excel does.
 */
export function numberShown(n: number, numFmt: string | undefined): string {
  if (!Number.isFinite(n)) return String(n);
  const format = readFormat(numFmt, n);
  if (format.date) return excelDate(n);
  // General: a 0.1+0.2 stored as 0.30000000000000004 shows 0.3.
  const shown = shownNumber(format.decimals === null ? Number(numberDecimals(n).shown) : n, format);
  return textWithLiterals(shown.value, format)?.text ?? shown.text;
}

/** An Excel serial date as YYYY-MM-DD (1900 system, with its fictitious 1900-02-29 at serial 60). */
function excelDate(serial: number): string {
  const days = Math.floor(serial);
  if (days < 1 || days > 2958465) return String(serial);
  const sinceEpoch = days > 60 ? days - 25569 : days - 25568;
  return new Date(sinceEpoch * 86400000).toISOString().slice(0, 10);
}

/**
 * How many decimals the cell shows: from the number format ("0.00" → 2, "0%" → 0 of the percent,
 * "#,##0.0" → 1), a General number's own decimals (at most 10), or those written in a text ("48.7%" → 1).
 */
export function decimalPlacesShown(cell: CellValue, numFmt?: string): number {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return 0;
    const format = numFmt === undefined || numFmt === "General" ? null : readFormat(numFmt, cell);
    if (format?.date) return 0;
    return format?.decimals ?? Math.min(numberDecimals(cell).places, 10);
  }
  if (typeof cell !== "string") return 0;
  const m = /(?:\d{1,3}(?:,\d{3})+|\d+)?\.(\d+)|\d/.exec(normalizeText(cell));
  return m?.[1]?.length ?? 0;
}
